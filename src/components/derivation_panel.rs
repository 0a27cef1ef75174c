use gap_charts::Lang;
use gap_model::{explain, Change, InputId, Metric, Quantity, Question, ValidInputs};
use leptos::html::Section;
use leptos::prelude::*;

use super::readouts::irr_text;
use crate::format::decimal;
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
        Metric::Coverage => t.metric_coverage,
        Metric::BreakevenYear => t.metric_breakeven,
        Metric::Npv => t.metric_npv,
        Metric::Irr => t.metric_irr,
        Metric::GrowthNeeded => t.solver_label,
    }
}

/// What the panel's title names: the readout, and what a chart's bar or
/// year adds to it ("Gap in 2030", "Revenue needed under “Bain”").
pub fn question_title(lang: Lang, question: Question, valid: &ValidInputs) -> String {
    let t = texts(lang);
    if question.metric == Metric::GrowthNeeded {
        let year = question.year.unwrap_or_else(|| valid.end());
        return t.metric_growth_needed.replace("{year}", &year.to_string());
    }
    let mut title =
        crate::i18n::with_horizon(metric_label(t, question.metric), valid.start(), valid.end());
    let of_year = matches!(
        question.metric,
        Metric::RequiredRevenue | Metric::ActualRevenue | Metric::Gap
    );
    if let (true, Some(year)) = (of_year, question.year) {
        title = t
            .question_year
            .replace("{metric}", &title)
            .replace("{year}", &year.to_string());
    }
    match question.change {
        Some(Change::Method(method)) => t
            .question_method
            .replace("{metric}", &title)
            .replace("{method}", gap_charts::method_label(method, lang)),
        Some(Change::Input(id, value)) => {
            let unit = gap_charts::unit_label(id.spec().unit, lang);
            let value = format!("{}\u{a0}{unit}", decimal(lang, value, 2));
            t.question_input
                .replace("{metric}", &title)
                .replace("{input}", gap_charts::input_label(id, lang))
                .replace("{value}", value.trim_end())
        }
        None => title,
    }
}

/// Puts the focus back on the element that asked (a "how?" button, a chart).
fn focus_asker(selector: &str) {
    if let Some(element) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = element.focus();
    }
}

/// A "how?" button: opens the derivation panel on `question`, or closes it
/// when it shows what this button asked. `name` is its public `data-how`.
#[component]
pub fn HowButton(name: &'static str, #[prop(into)] question: Signal<Question>) -> impl IntoView {
    let state = use_app_state();
    let asker = format!("[data-how=\"{name}\"]");
    let mine = asker.clone();
    let expanded = move || {
        state
            .asked
            .with(|asked| asked.as_ref().is_some_and(|asked| asked.asker == mine))
            .to_string()
    };
    let label = move || {
        let lang = state.lang.get();
        let title = state
            .valid
            .with(|valid| question_title(lang, question.get(), valid));
        texts(lang).how_open.replace("{metric}", &title)
    };
    view! {
        <button
            type="button"
            class="how link"
            data-how=name
            aria-controls=PANEL_ID
            aria-expanded=expanded
            aria-label=label
            on:click=move |_| state.ask(question.get_untracked(), asker.clone())
        >
            {move || texts(state.lang.get()).how}
        </button>
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

/// How a readout, or a chart's bar or year, is computed: the formula, the
/// same with the numbers on screen, the inputs it rests on as chips that
/// lead to their sources, and the intermediate values. The numbers are
/// `gap_model::explain`'s and the markup `gap_charts::panel_html`'s; here
/// only the events: a chip opens its input's source, Escape or the close
/// button closes the panel and returns the focus to whatever asked.
#[component]
pub fn DerivationPanel() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let panel = NodeRef::<Section>::new();
    let open = Memo::new(move |_| state.asked.with(|asked| asked.as_ref().map(|a| a.question)));
    let close = move || {
        if let Some(asker) = state.close_derivation() {
            focus_asker(&asker);
        }
    };
    // Opening (or a new question) moves the focus into the panel, so that a
    // screen reader reads it and the page scrolls to it.
    Effect::new(move |_| {
        if open.get().is_some() {
            if let Some(section) = panel.get() {
                let _ = section.focus();
            }
        }
    });
    let html = move || {
        let Some(question) = open.get() else {
            return String::new();
        };
        let lang = lang.get();
        let t = texts(lang);
        state.valid.with(|valid| {
            state.outcome.with(|outcome| {
                let title = question_title(lang, question, valid);
                let asked = explain(valid, outcome, question);
                let d = &asked.derivation;
                let result = match (question.metric, d.result) {
                    (Metric::BreakevenYear, None) => t
                        .none_within_horizon
                        .replace("{end}", &asked.inputs.end().to_string()),
                    (Metric::Irr, None) => irr_text(lang, asked.outcome.irr),
                    (Metric::Coverage, Some(value)) => crate::format::percent(lang, value, 1),
                    (Metric::Irr, Some(rate)) => {
                        gap_charts::quantity_value(Quantity::Irr, rate, lang)
                    }
                    (Metric::BreakevenYear, Some(year)) => {
                        gap_charts::quantity_value(Quantity::Year, year, lang)
                    }
                    (Metric::GrowthNeeded, _) => growth_text(
                        lang,
                        gap_model::growth_needed(
                            &asked.inputs,
                            d.year.unwrap_or_else(|| asked.inputs.end()),
                        ),
                    ),
                    // As the readout writes it ("$1.9T"); the steps give the digits.
                    (_, value) => crate::format::usd_billions(lang, value.unwrap_or(f64::NAN)),
                };
                let texts = gap_charts::PanelTexts {
                    metric: &title,
                    result,
                };
                // Without controls on the page (an embed without them), a
                // chip has no source fold to open: it is a label then.
                let linked = document()
                    .query_selector("[data-input]")
                    .ok()
                    .flatten()
                    .is_some();
                gap_charts::panel_html(d, asked.inputs.inputs(), &texts, linked, lang)
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
                data-derivation=move || open.get().map(|question| question.metric.name())
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

/// The growth needed as the solver writes it ("34.5 %/yr"), or why there is none.
pub fn growth_text(lang: Lang, growth: Result<f64, gap_model::Uncovered>) -> String {
    let spec = InputId::Growth.spec();
    match growth {
        Ok(growth) => format!(
            "{} {}",
            decimal(lang, growth, 1),
            gap_charts::unit_label(spec.unit, lang)
        ),
        // The requirement outgrows the ceiling: no growth of revenue reaches it.
        Err(gap_model::Uncovered::AboveCeiling(year)) => texts(lang)
            .solver_above_ceiling
            .replace("{year}", &year.to_string()),
        Err(gap_model::Uncovered::BeyondRange(year)) => texts(lang)
            .solver_out_of_reach
            .replace("{max}", &decimal(lang, spec.max, 0))
            .replace("{year}", &year.to_string()),
        Err(gap_model::Uncovered::OutsideHorizon) => String::new(),
    }
}
