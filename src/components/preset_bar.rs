use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app_state;

/// Named assumption sets that reproduce published numbers, plus a way back
/// to the reader's own assumptions. The active preset's note says where its
/// numbers come from and which years are the app's assumptions
/// (`[data-preset-note="<id>"]`, `data-sourced-until` the last sourced year).
#[component]
pub fn PresetBar() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let active = Memo::new(move |_| {
        state.inputs.with(|inputs| {
            gap_model::presets()
                .iter()
                .find(|preset| *inputs == preset.apply())
        })
    });
    let note = move || {
        active.get().map(|preset| {
            let t = t();
            let end = state.valid.with(|valid| valid.end());
            let years = match preset.sourced_until {
                Some(year) if year < end => t.preset_assumed_after.replace("{year}", &year.to_string()),
                _ => t.preset_all_sourced.to_owned(),
            };
            let text = format!("{} {years}", crate::i18n::preset_texts(t, preset.id).1);
            view! {
                <p
                    class="preset-note"
                    data-preset-note=preset.id
                    data-sourced-until=preset.sourced_until.map(|year| year.to_string()).unwrap_or_default()
                >
                    {text}
                </p>
            }
        })
    };
    view! {
        <nav class="presets" aria-label=move || t().presets>
            <span class="presets-title">{move || t().presets}</span>
            {gap_model::presets()
                .iter()
                .map(|preset| {
                    let active = move || active.get().is_some_and(|on| on.id == preset.id);
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
        {note}
    }
}
