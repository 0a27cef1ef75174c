use gap_model::{Metric, Question};
use leptos::prelude::*;

use super::derivation_panel::{DerivationPanel, HowButton};
use crate::format::{percent, plain, usd_billions};
use crate::i18n::texts;
use crate::state::use_app_state;

/// A readout always shown, and one a phone's compact first screen folds away.
const KEY: &str = "readout";
const MORE: &str = "readout more";
/// How many readouts the list holds (the browser tests count them).
const READOUT_COUNT: usize = 9;

/// The key base-year results, each with a machine-readable `data-metric`
/// name and raw `data-value` (USD billions, or a year; empty when none).
/// The names are a public interface.
#[component]
pub fn Readouts() -> impl IntoView {
    let state = use_app_state();
    // A phone's first screen shows the three key numbers and the gap chart;
    // the rest are a tap away (style/main.css hides `.more` on narrow
    // screens of the full app; the embed shows its chart first anyway).
    let compact = !state.embed;
    let all_shown = RwSignal::new(false);
    // "How?": opens the derivation of `metric`, or closes it when it is open.
    let how = move |metric: Metric| {
        view! {
            <dd class="how-cell">
                <HowButton name=metric.name() question=move || Question::of(metric) />
            </dd>
        }
    };
    let money = move |metric: Metric,
                      label: fn(&crate::i18n::UiTexts) -> &'static str,
                      pick: fn(&gap_model::Outcome) -> f64,
                      class: &'static str| {
        let name = metric.name();
        let raw = move || state.outcome.with(|outcome| plain(pick(outcome)));
        let shown = move || {
            state
                .outcome
                .with(|outcome| usd_billions(state.lang.get(), pick(outcome)))
        };
        view! {
            <div class=class>
                <dt>{move || label(texts(state.lang.get()))}</dt>
                <dd data-metric=name data-value=raw>{shown}</dd>
                {how(metric)}
            </div>
        }
    };
    let breakeven_raw = move || {
        state.outcome.with(|outcome| {
            outcome
                .breakeven_year
                .map(|year| year.to_string())
                .unwrap_or_default()
        })
    };
    let breakeven_shown = move || {
        state.outcome.with(|outcome| match outcome.breakeven_year {
            Some(year) => year.to_string(),
            None => texts(state.lang.get())
                .none_within_horizon
                .replace("{end}", &state.valid.with(|valid| valid.end()).to_string()),
        })
    };
    // The headline present value, read with its horizon: revenue earned ÷
    // revenue needed in present values, beside the last year's ratio.
    let horizon = move |text: &str| {
        let (start, end) = state.valid.with(|valid| (valid.start(), valid.end()));
        crate::i18n::with_horizon(text, start, end)
    };
    let coverage_raw = move || {
        state
            .outcome
            .with(|outcome| plain(100.0 * outcome.coverage))
    };
    let coverage_shown = move || {
        state
            .outcome
            .with(|outcome| percent(state.lang.get(), 100.0 * outcome.coverage, 1))
    };
    let final_raw = move || {
        state
            .outcome
            .with(|outcome| plain(100.0 * outcome.final_coverage))
    };
    let final_shown = move || {
        let lang = state.lang.get();
        let value = state
            .outcome
            .with(|outcome| percent(lang, 100.0 * outcome.final_coverage, 1));
        horizon(texts(lang).metric_final_coverage).replace("{value}", &value)
    };
    let irr_raw = move || {
        state
            .outcome
            .with(|outcome| outcome.irr.rate().map(plain).unwrap_or_default())
    };
    let irr_shown = move || {
        let lang = state.lang.get();
        state.outcome.with(|outcome| irr_text(lang, outcome.irr))
    };
    // The Monte Carlo's band arrives after the inputs rest; until then the
    // readout says so and its values are empty.
    let band = move |name: &'static str, pick: fn(&gap_model::MonteCarlo) -> f64| {
        let raw = move || {
            state
                .monte_carlo
                .with(|mc| mc.as_ref().map(|mc| plain(pick(mc))).unwrap_or_default())
        };
        let shown = move || {
            let lang = state.lang.get();
            state.monte_carlo.with(|mc| match mc {
                Some(mc) => usd_billions(lang, pick(mc)),
                None => texts(lang).pending.to_owned(),
            })
        };
        view! { <span data-metric=name data-value=raw>{shown}</span> }
    };
    view! {
        <dl id="readouts" class=move || if compact && !all_shown.get() { "readouts compact" } else { "readouts" }>
            {money(Metric::RequiredRevenue, |t| t.metric_required, |o| o.base_required, KEY)}
            {money(Metric::ActualRevenue, |t| t.metric_actual, |o| o.base_actual, KEY)}
            {money(Metric::Gap, |t| t.metric_gap, |o| o.base_gap, KEY)}
            <div class=KEY>
                <dt>{move || horizon(texts(state.lang.get()).metric_coverage)}</dt>
                <dd>
                    <span data-metric="coverage" data-value=coverage_raw>{coverage_shown}</span>
                    <span class="sub" data-metric="final_coverage" data-value=final_raw>{final_shown}</span>
                </dd>
                {how(Metric::Coverage)}
            </div>
            {money(Metric::GapPv, |t| t.metric_gap_pv, |o| o.gap_pv, MORE)}
            <div class=MORE>
                <dt>{move || texts(state.lang.get()).metric_gap_pv_band}</dt>
                <dd>{band("gap_pv_p5", |mc| mc.pv_p5)}" – "{band("gap_pv_p95", |mc| mc.pv_p95)}</dd>
            </div>
            <div class=MORE>
                <dt>{move || texts(state.lang.get()).metric_breakeven}</dt>
                <dd data-metric="breakeven_year" data-value=breakeven_raw>{breakeven_shown}</dd>
                {how(Metric::BreakevenYear)}
            </div>
            {money(Metric::Npv, |t| t.metric_npv, |o| o.npv, MORE)}
            <div class=MORE>
                <dt>{move || texts(state.lang.get()).metric_irr}</dt>
                <dd data-metric="irr" data-value=irr_raw>{irr_shown}</dd>
                {how(Metric::Irr)}
            </div>
        </dl>
        {compact.then(|| view! {
            <button
                type="button"
                class="link more-readouts"
                aria-controls="readouts"
                aria-expanded=move || all_shown.get().to_string()
                on:click=move |_| all_shown.update(|all| *all = !*all)
            >
                {move || {
                    let t = texts(state.lang.get());
                    if all_shown.get() { t.fewer_numbers.to_owned() } else { t.all_numbers.replace("{count}", &READOUT_COUNT.to_string()) }
                }}
            </button>
        })}
        <DerivationPanel />
    }
}

/// The IRR as a percentage, or why there is none.
#[must_use]
pub fn irr_text(lang: gap_charts::Lang, irr: gap_model::Irr) -> String {
    let t = texts(lang);
    match irr {
        gap_model::Irr::Rate(rate) => percent(lang, rate, 1),
        gap_model::Irr::NoSignChange => t.irr_no_sign_change.to_owned(),
        gap_model::Irr::OutOfRange => t.irr_out_of_range.to_owned(),
        gap_model::Irr::Several => t.irr_several.to_owned(),
    }
}
