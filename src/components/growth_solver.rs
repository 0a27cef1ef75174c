use gap_model::{InputId, Metric, Question};
use leptos::prelude::*;

use super::derivation_panel::{growth_text, HowButton};
use crate::format::{decimal, plain};
use crate::i18n::texts;
use crate::state::use_app_state;

/// The revenue growth at which revenue covers the requirement in every year
/// from a year the reader picks to the end, with a button that adopts it.
/// Its `data-metric="growth_needed"` holds the rate in %/yr (empty when no
/// rate in the allowed range does it; the text then says why).
#[component]
pub fn GrowthSolver() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    // `None` follows the last model year.
    let chosen = RwSignal::new(None::<i32>);
    let years = move || {
        state
            .valid
            .with(|valid| (valid.start()..=valid.end()).collect::<Vec<_>>())
    };
    let target = move || {
        state.valid.with(|valid| match chosen.get() {
            Some(year) if (valid.start()..=valid.end()).contains(&year) => year,
            _ => valid.end(),
        })
    };
    // Rounded up to a tenth of a percent: still enough.
    let needed = Memo::new(move |_| {
        let year = target();
        state
            .valid
            .with(|valid| gap_model::growth_needed(valid, year))
    });
    let unit = move || gap_charts::unit_label(InputId::Growth.spec().unit, state.lang.get());
    let shown = move || growth_text(state.lang.get(), needed.get());
    let question = move || Question {
        metric: Metric::GrowthNeeded,
        year: Some(target()),
        change: None,
    };
    // An open "how?" of the growth needed follows the year picked.
    Effect::new(move |_| {
        let question = question();
        let stale = state.asked.with_untracked(|asked| {
            asked.as_ref().is_some_and(|asked| {
                asked.question.metric == Metric::GrowthNeeded && asked.question != question
            })
        });
        if stale {
            state.asked.update(|asked| {
                if let Some(asked) = asked {
                    asked.question = question;
                }
            });
        }
    });
    let assumed = move || {
        let growth = state.valid.with(|valid| valid.get(InputId::Growth));
        t().solver_assumed.replace(
            "{growth}",
            &format!("{} {}", decimal(state.lang.get(), growth, 1), unit()),
        )
    };
    let adopt = move |_| {
        if let Ok(growth) = needed.get_untracked() {
            state.edit(InputId::Growth, growth);
        }
    };
    view! {
        <div class="solver">
            <label for="solver-year">{move || t().solver_label}</label>
            <select
                id="solver-year"
                on:change=move |event| chosen.set(event_target_value(&event).parse().ok())
            >
                {move || {
                    years()
                        .into_iter()
                        .map(|year| {
                            view! {
                                <option value=year.to_string() selected=move || target() == year>
                                    {year.to_string()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <output
                for="solver-year"
                data-metric="growth_needed"
                data-value=move || needed.get().map(plain).unwrap_or_default()
                data-reason=move || match needed.get() {
                    Ok(_) => "",
                    Err(gap_model::Uncovered::AboveCeiling(_)) => "ceiling",
                    Err(_) => "range",
                }
            >
                {shown}
            </output>
            <HowButton name="growth_needed" question=question />
            <span class="hint">{assumed}</span>
            <button type="button" class="secondary adopt" disabled=move || needed.get().is_err() on:click=adopt>
                {move || t().solver_adopt}
            </button>
        </div>
    }
}
