use gap_model::{has_range, Distribution, InputId};
use leptos::prelude::*;

use crate::format::{decimal, plain};
use crate::i18n::texts;
use crate::state::{use_app_state, RangeEditError, RangeEnd};

/// One input's Monte Carlo range, folded under its slider: the summary says
/// the range and its shape; opened, the reader types the low and high end,
/// picks the distribution, switches the uncertainty off or back to the
/// default. Public hook: `data-range="<url name>"`.
#[component]
pub fn RangeEditor(id: InputId) -> impl IntoView {
    let state = use_app_state();
    let spec = id.spec();
    let name = id.url_name();
    let lang = state.lang;
    let t = move || texts(lang.get());
    let setting = Memo::new(move |_| state.uncertainty.with(|u| u.get(id)));
    let bounds = Memo::new(move |_| state.ranges.with(|r| r.get(id)));
    let value = Memo::new(move |_| state.inputs.with(|inputs| inputs.get(id)));
    // Which end was refused, and why.
    let (refused, set_refused) = signal(None::<(RangeEnd, RangeEditError)>);
    let error = move || refused.get().map(|(_, why)| why);
    let clear_error = move || set_refused.set(None);
    let unit = move || gap_charts::unit_label(spec.unit, lang.get());

    let summary = move || {
        let lang = lang.get();
        match (setting.get(), bounds.get()) {
            (Some(setting), Some((low, high))) => t()
                .range_summary
                .replace("{low}", &decimal(lang, low, 2))
                .replace("{high}", &decimal(lang, high, 2))
                .replace("{unit}", gap_charts::unit_label(spec.unit, lang))
                .replace(
                    "{shape}",
                    crate::i18n::shape_name(t(), setting.distribution),
                )
                .replace("  ", " "),
            _ => t().range_off.to_owned(),
        }
    };
    // One end at a time: the other keeps its exact spread (what a field
    // shows is rounded and clamped to the allowed range).
    let commit = move |end: RangeEnd, text: String| {
        let typed = gap_text::number::parse(lang.get_untracked(), &text).unwrap_or(f64::NAN);
        set_refused.set(
            state
                .set_range_end(id, end, typed)
                .err()
                .map(|why| (end, why)),
        );
    };
    let message = move || {
        let lang = lang.get();
        match error() {
            Some(RangeEditError::OutsideAllowed) => t().range_outside_allowed.replace(
                "{range}",
                &format!(
                    "{} – {} {}",
                    decimal(lang, spec.min, 2),
                    decimal(lang, spec.max, 2),
                    gap_charts::unit_label(spec.unit, lang)
                ),
            ),
            Some(RangeEditError::MissesValue) => t()
                .range_misses_value
                .replace("{value}", &decimal(lang, value.get(), 2)),
            Some(RangeEditError::PercentOfZero) => t().range_percent_of_zero.to_owned(),
            Some(RangeEditError::TooWide) => {
                let (min, max) = gap_model::spread_limits(id);
                let unit = if gap_model::Spread::is_relative(spec.unit) {
                    "%"
                } else {
                    gap_charts::unit_label(spec.unit, lang)
                };
                t().range_too_wide
                    .replace("{below}", &decimal(lang, min, 2))
                    .replace("{above}", &decimal(lang, max, 2))
                    .replace("{unit}", unit)
            }
            None => t().range_hint.to_owned(),
        }
    };
    let hint_id = format!("range-hint-{name}");
    let on = move || setting.get().is_some();
    let field = move |end: RangeEnd| {
        let (key, label): (&'static str, fn(&crate::i18n::UiTexts) -> &'static str) = match end {
            RangeEnd::Low => ("low", |t| t.range_low),
            RangeEnd::High => ("high", |t| t.range_high),
        };
        let shown = move || {
            bounds
                .get()
                .map(|(low, high)| plain(if end == RangeEnd::Low { low } else { high }))
                .unwrap_or_default()
        };
        let input_name = move || gap_charts::input_label(id, lang.get());
        view! {
            <label class="range-end">
                <span>{move || label(t())}</span>
                <input
                    type="text"
                    inputmode="decimal"
                    class="range-box"
                    data-end=key
                    aria-label=move || format!("{}: {}", input_name(), label(t()))
                    aria-describedby=hint_id.clone()
                    aria-invalid=move || refused.get().is_some_and(|(at, _)| at == end).to_string()
                    class:invalid=move || refused.get().is_some_and(|(at, _)| at == end)
                    disabled=move || !on()
                    prop:value=shown
                    on:change=move |event| commit(end, event_target_value(&event))
                />
                <span class="unit">{unit}</span>
            </label>
        }
    };
    if !has_range(id) {
        return ().into_any();
    }
    // The fields exist only while the fold is open: seventeen closed editors
    // cost the start-up a summary line each, not a form each.
    let (open, set_open) = signal(false);
    let body = move || {
        view! {
            <div class="range-body">
                <label class="range-switch">
                    <input
                        type="checkbox"
                        aria-label=move || format!("{}: {}", gap_charts::input_label(id, lang.get()), t().range_uncertain)
                        prop:checked=on
                        on:change=move |event| {
                            clear_error();
                            state.switch_range(id, event_target_checked(&event));
                        }
                    />
                    {move || t().range_uncertain}
                </label>
                <div class="range-ends">
                    {field(RangeEnd::Low)}
                    {field(RangeEnd::High)}
                </div>
                <label class="range-shape">
                    <span>{move || t().range_shape}</span>
                    <select
                        aria-label=move || format!("{}: {}", gap_charts::input_label(id, lang.get()), t().range_shape)
                        disabled=move || !on()
                        on:change=move |event| {
                            if let Some(shape) = Distribution::from_url_name(&event_target_value(&event)) {
                                state.set_distribution(id, shape);
                            }
                        }
                    >
                        {Distribution::ALL
                            .into_iter()
                            .map(|shape| {
                                view! {
                                    <option
                                        value=shape.url_name()
                                        prop:selected=move || setting.get().map(|s| s.distribution) == Some(shape)
                                    >
                                        {move || crate::i18n::shape_name(t(), shape)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    class="secondary"
                    aria-label=move || format!("{}: {}", gap_charts::input_label(id, lang.get()), t().range_reset)
                    disabled=move || state.uncertainty.with(|u| u.is_default(id))
                    on:click=move |_| {
                        clear_error();
                        state.reset_range(id);
                    }
                >
                    {move || t().range_reset}
                </button>
                <p id=format!("range-hint-{name}") class="hint" aria-live="polite" class:error=move || error().is_some()>
                    {message}
                </p>
            </div>
        }
    };
    view! {
        <details
            class="range-editor"
            data-range=name
            on:toggle=move |event| {
                let details: web_sys::HtmlDetailsElement = event_target(&event);
                set_open.set(details.open());
                clear_error();
            }
        >
            <summary>{summary}</summary>
            {move || open.get().then(&body)}
        </details>
    }
    .into_any()
}
