use gap_model::{InputId, ProvenanceKind, DEFAULT_CORRELATION};
use leptos::prelude::*;

use super::source_badge::ProvenanceMark;
use crate::format::{decimal, plain};
use crate::i18n::texts;
use crate::state::use_app_state;

/// Monte Carlo settings (scenario count, seed, the growth correlation) and
/// a list of the ranges in use; each range is edited under its input.
#[component]
pub fn UncertaintyControls() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let t = move || texts(lang.get());
    let ranges = move || {
        let lang = lang.get();
        let method = state.inputs.with(|inputs| inputs.method);
        InputId::ALL
            .into_iter()
            .filter(|id| id.is_used_by(method))
            .filter_map(|id| {
                let range = state.ranges.with(|r| r.get(id))?;
                let shape = state.uncertainty.with(|u| u.get(id))?.distribution;
                Some((id, range, shape))
            })
            .map(|(id, (low, high), shape)| {
                view! {
                    <li>
                        {gap_charts::input_label(id, lang)}": "
                        {decimal(lang, low, 2)}" – "{decimal(lang, high, 2)}", "{crate::i18n::shape_name(t(), shape)}
                    </li>
                }
            })
            .collect_view()
    };
    let draws = Memo::new(move |_| state.uncertainty.with(|u| u.draws()));
    let seed = Memo::new(move |_| state.uncertainty.with(|u| u.seed()));
    let correlation = Memo::new(move |_| state.uncertainty.with(|u| u.correlation()));
    let correlation_kind = Memo::new(move |_| {
        if correlation.get() == DEFAULT_CORRELATION {
            ProvenanceKind::Assumption
        } else {
            ProvenanceKind::Yours
        }
    });
    let (seed_invalid, set_seed_invalid) = signal(false);
    let (correlation_invalid, set_correlation_invalid) = signal(false);
    // The usual counts, and the one a link asked for if it is another.
    let draw_choices = move || {
        let mut choices = vec![1_000usize, 10_000, 50_000];
        if !choices.contains(&draws.get()) {
            choices.push(draws.get());
            choices.sort_unstable();
        }
        choices
    };
    let set_draws = move |event: leptos::ev::Event| {
        if let Ok(count) = event_target_value(&event).parse::<usize>() {
            // `set_draws` keeps it within `DRAWS_LIMITS`.
            state.set_draws(count);
        }
    };
    let set_seed =
        move |event: leptos::ev::Event| match event_target_value(&event).trim().parse::<u64>() {
            Ok(value) => {
                set_seed_invalid.set(false);
                state.set_seed(value);
            }
            Err(_) => set_seed_invalid.set(true),
        };
    let set_correlation = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        match gap_text::number::parse(lang.get_untracked(), &text) {
            Some(rho) if (-1.0..=1.0).contains(&rho) => {
                set_correlation_invalid.set(false);
                state.set_correlation(rho);
            }
            _ => set_correlation_invalid.set(true),
        }
    };
    view! {
        <fieldset class="group" data-group="uncertainty">
            <legend>{move || t().group_uncertainty}</legend>
            <div class="control">
                <label for="input-draws">{move || t().scenarios}</label>
                <select id="input-draws" on:change=set_draws>
                    {move || {
                        draw_choices()
                            .into_iter()
                            .map(|count| {
                                #[allow(clippy::cast_precision_loss)] // counts ≤ 100,000
                                let shown = count as f64;
                                view! {
                                    <option value=count.to_string() prop:selected=move || draws.get() == count>
                                        {move || decimal(lang.get(), shown, 0)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="control">
                <label for="input-seed">{move || t().seed}</label>
                <input
                    id="input-seed"
                    type="text"
                    inputmode="numeric"
                    class="number-box"
                    class:invalid=seed_invalid
                    aria-invalid=move || seed_invalid.get().to_string()
                    prop:value=move || seed.get().to_string()
                    on:change=set_seed
                />
            </div>
            <div class="control" data-input="corr">
                <label for="input-corr">{move || t().correlation}</label>
                <div class="control-row">
                    <input
                        id="input-corr"
                        type="range"
                        min="-1"
                        max="1"
                        step="any"
                        aria-describedby="hint-corr"
                        prop:value=move || plain(correlation.get())
                        on:change=set_correlation
                    />
                    <input
                        type="text"
                        inputmode="decimal"
                        class="number-box"
                        class:invalid=correlation_invalid
                        aria-label=move || t().correlation
                        aria-invalid=move || correlation_invalid.get().to_string()
                        aria-describedby="hint-corr"
                        prop:value=move || plain(correlation.get())
                        on:change=set_correlation
                    />
                </div>
                <p id="hint-corr" class="hint" class:error=correlation_invalid>{move || t().correlation_hint}</p>
                // The hint above is the argument for the default.
                <div class="provenance">
                    <ProvenanceMark kind=correlation_kind />
                    <Show when=move || correlation_kind.get() == ProvenanceKind::Yours>
                        <button
                            type="button"
                            class="link restore"
                            aria-label=move || format!("{} ({})", t().restore_default.replace("{value}", &decimal(state.lang.get(), DEFAULT_CORRELATION, 2)), t().correlation)
                            on:click=move |_| {
                                set_correlation_invalid.set(false);
                                state.set_correlation(DEFAULT_CORRELATION);
                            }
                        >
                            {move || t().restore_default.replace("{value}", &decimal(state.lang.get(), DEFAULT_CORRELATION, 2))}
                        </button>
                    </Show>
                </div>
            </div>
            <p class="hint">{move || t().ranges_intro}</p>
            <ul class="ranges">{ranges}</ul>
        </fieldset>
    }
}
