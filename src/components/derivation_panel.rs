use gap_model::{derive, InputId, Metric, Quantity};
use leptos::html::Section;
use leptos::prelude::*;

use super::readouts::irr_text;
use crate::i18n::texts;
use crate::state::use_app_state;

/// The element id the "how?" buttons control.
pub const PANEL_ID: &str = "derivation";

/// The readout's label, as the panel's title names it.
pub fn metric_label(t: &crate::i18n::UiTexts, metric: Metric) -> &'static str {
    match metric {
        Metric::RequiredRevenue => t.metric_required,
        Metric::ActualRevenue => t.metric_actual,
        Metric::Gap => t.metric_gap,
        Metric::GapPv => t.metric_gap_pv,
        Metric::BreakevenYear => t.metric_breakeven,
        Metric::Npv => t.metric_npv,
        Metric::Irr => t.metric_irr,
    }
}

/// Puts the focus back on the button that opened the panel for `metric`.
fn focus_opener(metric: Metric) {
    let selector = format!("[data-how=\"{}\"]", metric.name());
    if let Some(button) = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = button.focus();
    }
}

/// Shows a control's source: opens its provenance fold and focuses it.
fn show_source(id: InputId) {
    let selector = format!("[data-input=\"{}\"] .source-badge", id.url_name());
    let Some(details) = document().query_selector(&selector).ok().flatten() else {
        return;
    };
    if let Ok(details) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(details) {
        // An advanced input sits in a closed "More assumptions" fold: open
        // that first, or nothing inside it can take the focus.
        if let Some(fold) = details
            .parent_element()
            .and_then(|parent| parent.closest("details.advanced").ok().flatten())
            .and_then(|fold| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(fold).ok()
            })
        {
            fold.set_open(true);
        }
        details.set_open(true);
        if let Some(summary) = details
            .query_selector("summary")
            .ok()
            .flatten()
            .and_then(|s| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(s).ok())
        {
            let _ = summary.focus();
            summary.scroll_into_view();
        }
    }
}

/// How a readout is computed: the formula, the same with the numbers on
/// screen, the inputs it rests on as chips that lead to their sources, and
/// the intermediate values. The numbers are `gap_model::derive`'s and the
/// markup `gap_charts::panel_html`'s; here only the events: a chip opens its
/// input's source, Escape or the close button closes the panel and returns
/// the focus to its "how?" button.
#[component]
pub fn DerivationPanel(open: RwSignal<Option<Metric>>) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let panel = NodeRef::<Section>::new();
    let close = move || {
        if let Some(metric) = open.get_untracked() {
            open.set(None);
            focus_opener(metric);
        }
    };
    // Opening moves the focus into the panel, so that a screen reader reads it.
    Effect::new(move |_| {
        if open.get().is_some() {
            if let Some(section) = panel.get() {
                let _ = section.focus();
            }
        }
    });
    let html = move || {
        let Some(metric) = open.get() else {
            return String::new();
        };
        let lang = lang.get();
        let t = texts(lang);
        state.valid.with(|valid| {
            state.outcome.with(|outcome| {
                let d = derive(valid, outcome, metric);
                let result = match (metric, d.result) {
                    (Metric::BreakevenYear, None) => t
                        .none_within_horizon
                        .replace("{end}", &valid.end().to_string()),
                    (Metric::Irr, None) => irr_text(lang, outcome.irr),
                    (Metric::Irr, Some(rate)) => {
                        gap_charts::quantity_value(Quantity::Irr, rate, lang)
                    }
                    (Metric::BreakevenYear, Some(year)) => {
                        gap_charts::quantity_value(Quantity::Year, year, lang)
                    }
                    // As the readout writes it ("$1.9T"); the steps give the digits.
                    (_, value) => crate::format::usd_billions(lang, value.unwrap_or(f64::NAN)),
                };
                let texts = gap_charts::PanelTexts {
                    metric: metric_label(t, metric),
                    result,
                };
                // Without controls on the page (an embed without them), a
                // chip has no source fold to open: it is a label then.
                let linked = document()
                    .query_selector("[data-input]")
                    .ok()
                    .flatten()
                    .is_some();
                gap_charts::panel_html(&d, valid.inputs(), &texts, linked, lang)
            })
        })
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(target) = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
        else {
            return;
        };
        if target.closest("[data-close]").ok().flatten().is_some() {
            close();
        } else if let Some(chip) = target.closest("[data-chip]").ok().flatten() {
            if let Some(id) = chip
                .get_attribute("data-chip")
                .and_then(|name| InputId::from_url_name(&name))
            {
                show_source(id);
            }
        }
    };
    // Always in the page (hidden while closed), so that the buttons'
    // `aria-controls` names an element.
    view! {
        <section
                hidden=move || open.get().is_none()
                class="derivation"
                id=PANEL_ID
                data-derivation=move || open.get().map(Metric::name)
                role="region"
                aria-labelledby="derivation-title"
                tabindex="-1"
                node_ref=panel
                on:click=on_click
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        event.prevent_default();
                        close();
                    }
                }
                inner_html=html
            ></section>
    }
}
