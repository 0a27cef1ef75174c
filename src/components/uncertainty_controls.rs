use gap_model::InputId;
use leptos::prelude::*;

use crate::format::decimal;
use crate::i18n::texts;
use crate::state::use_app_state;

/// Monte Carlo settings (scenario count and seed) and the ranges it draws from.
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
                state
                    .ranges
                    .with_untracked(|r| r.get(id))
                    .map(|range| (id, range))
            })
            .map(|(id, (low, high))| {
                view! {
                    <li>
                        {gap_charts::input_label(id, lang)}": "
                        {decimal(lang, low, 2)}" – "{decimal(lang, high, 2)}
                    </li>
                }
            })
            .collect_view()
    };
    let set_draws = move |event: leptos::ev::Event| {
        if let Ok(draws) = event_target_value(&event).parse::<usize>() {
            state.draws.set(draws.clamp(MIN_DRAWS, MAX_UI_DRAWS));
        }
    };
    let set_seed = move |event: leptos::ev::Event| {
        if let Ok(seed) = event_target_value(&event).trim().parse::<u64>() {
            state.seed.set(seed);
        }
    };
    view! {
        <fieldset class="group" data-group="uncertainty">
            <legend>{move || t().group_uncertainty}</legend>
            <div class="control">
                <label for="input-draws">{move || t().scenarios}</label>
                <select id="input-draws" on:change=set_draws>
                    {[1_000usize, 10_000, 50_000]
                        .into_iter()
                        .map(|draws| {
                            view! {
                                <option value=draws.to_string() prop:selected=move || state.draws.get() == draws>
                                    {move || decimal(lang.get(), draws as f64, 0)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="control">
                <label for="input-seed">{move || t().seed}</label>
                <input
                    id="input-seed"
                    type="text"
                    inputmode="numeric"
                    class="number-box"
                    prop:value=move || state.seed.get().to_string()
                    on:change=set_seed
                />
            </div>
            <p class="hint">{move || t().ranges_intro}</p>
            <ul class="ranges">{ranges}</ul>
        </fieldset>
    }
}

const MIN_DRAWS: usize = 100;
const MAX_UI_DRAWS: usize = 50_000;
