use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app_state;

/// Named assumption sets that reproduce published numbers, plus a way back
/// to the reader's own assumptions.
#[component]
pub fn PresetBar() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    view! {
        <nav class="presets" aria-label=move || t().presets>
            <span class="presets-title">{move || t().presets}</span>
            {gap_model::presets()
                .iter()
                .map(|preset| {
                    let active = move || state.inputs.with(|inputs| *inputs == preset.apply());
                    view! {
                        <button
                            type="button"
                            class="chip"
                            data-preset=preset.id
                            aria-pressed=move || active().to_string()
                            title=move || crate::i18n::preset_texts(t(), preset.id).1.to_owned()
                            on:click=move |_| state.apply_preset(preset)
                        >
                            {move || crate::i18n::preset_texts(t(), preset.id).0}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                class="chip"
                data-preset="own"
                disabled=move || state.own_inputs.with(Option::is_none)
                on:click=move |_| state.restore_own_inputs()
            >
                {move || t().own_assumptions}
            </button>
        </nav>
    }
}
