use gap_model::InputId;
use leptos::prelude::*;

use super::range_editor::RangeEditor;
use super::source_badge::SourceBadge;
use crate::format::{decimal, plain};
use crate::i18n::texts;
use crate::state::use_app_state;

/// One model input: a slider and a number box bound to the same value, its
/// unit and range, a reset, and where its default comes from.
#[component]
pub fn InputControl(id: InputId) -> impl IntoView {
    let state = use_app_state();
    let spec = id.spec();
    let name = id.url_name();
    let slider_id = format!("input-{name}");
    let hint_id = format!("hint-{name}");
    let value = Memo::new(move |_| state.inputs.with(|inputs| inputs.get(id)));
    let (typed_error, set_typed_error) = signal(false);
    // A range input's values are `min + k × step`: start the grid at a
    // multiple of the step so that round values (650, not 651) are on it.
    // `edit_live` clamps anything below the real minimum.
    let slider_min = (spec.min / spec.step).floor() * spec.step;
    let lang = state.lang;
    let t = move || texts(lang.get());

    let on_slider = move |event: leptos::ev::Event| {
        if let Ok(number) = event_target_value(&event).parse::<f64>() {
            state.edit_live(id, number);
        }
    };
    let on_typed = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        // In the page's number format, forgiving of the other one: "1,500"
        // is 1500 on an English page, "2,5" is 2.5 everywhere.
        match gap_text::number::parse(lang.get_untracked(), &text) {
            Some(number) if (spec.min..=spec.max).contains(&number) => {
                set_typed_error.set(false);
                state.edit(id, number);
            }
            _ => set_typed_error.set(true),
        }
    };
    let range_text = move || {
        let lang = lang.get();
        t().allowed_range
            .replace("{min}", &decimal(lang, spec.min, 2))
            .replace("{max}", &decimal(lang, spec.max, 2))
            .replace("{unit}", gap_charts::unit_label(spec.unit, lang))
    };

    view! {
        <div class="control" data-input=name>
            <div class="control-head">
                <label for=slider_id.clone()>{move || gap_charts::input_label(id, lang.get())}</label>
                <output for=slider_id.clone() class="control-value">
                    {move || format!("{} {}", decimal(lang.get(), value.get(), 2), gap_charts::unit_label(spec.unit, lang.get()))}
                </output>
            </div>
            <div class="control-row">
                <input
                    type="range"
                    id=slider_id.clone()
                    name=name
                    min=slider_min
                    max=spec.max
                    step=spec.step
                    aria-describedby=hint_id.clone()
                    prop:value=move || plain(value.get())
                    on:input=on_slider
                    on:change=move |_| state.finish_drag()
                />
                <input
                    type="text"
                    inputmode="decimal"
                    class="number-box"
                    class:invalid=typed_error
                    aria-label=move || format!("{} ({})", gap_charts::input_label(id, lang.get()), gap_charts::unit_label(spec.unit, lang.get()))
                    aria-invalid=move || typed_error.get().to_string()
                    aria-describedby=hint_id.clone()
                    prop:value=move || plain(value.get())
                    on:change=on_typed
                />
                <button
                    type="button"
                    class="reset"
                    title=move || t().reset
                    aria-label=move || format!("{}: {}", t().reset, gap_charts::input_label(id, lang.get()))
                    disabled=move || value.get() == spec.default
                    on:click=move |_| {
                        set_typed_error.set(false);
                        state.reset_input(id);
                    }
                >
                    "↺"
                </button>
            </div>
            <p id=hint_id class="hint" class:error=typed_error>
                {move || if typed_error.get() { t().typed_invalid.replace("{range}", &range_text()) } else { range_text() }}
            </p>
            <RangeEditor id=id />
            <SourceBadge id=id />
        </div>
    }
}
