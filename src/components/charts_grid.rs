use charming::Chart;
use gap_model::InputId;
use leptos::prelude::*;

use super::chart_table::ChartTable;
use super::chart_view::ChartView;
use crate::i18n::texts;
use crate::state::use_app_state;

/// Every chart's public `data-chart` name, in page order.
pub const CHART_NAMES: [&str; 9] = [
    "gap",
    "gap_over_time",
    "pv",
    "methods",
    "tornado",
    "sensitivity",
    "fan",
    "deepseek",
    "drawdowns",
];

/// Builds the named chart from the current state; `None` for an unknown name.
/// Tracks exactly the signals that chart depends on.
#[must_use]
pub fn chart_signal(name: &str) -> Option<Signal<Chart>> {
    let state = use_app_state();
    let lang = state.lang;
    let signal = match name {
        "gap" => Signal::derive(move || {
            // The band is the article's range ($50–60B), not the Monte
            // Carlo's spread around the current value; widened to include it.
            let revenue = state.valid.with(|valid| valid.get(InputId::Revenue));
            let range = gap_charts::actual_revenue_range()
                .map(|(low, high)| (low.min(revenue), high.max(revenue)));
            state
                .outcome
                .with(|outcome| gap_charts::gap(outcome, range, lang.get()))
        }),
        "gap_over_time" => Signal::derive(move || {
            state
                .outcome
                .with(|outcome| gap_charts::gap_over_time(outcome, lang.get()))
        }),
        "pv" => Signal::derive(move || {
            state
                .outcome
                .with(|outcome| gap_charts::pv(outcome, lang.get()))
        }),
        "methods" => Signal::derive(move || {
            state.valid.with(|valid| {
                gap_charts::methods(
                    &gap_model::required_by_method(valid),
                    valid.method,
                    lang.get(),
                )
            })
        }),
        "tornado" => Signal::derive(move || {
            let bars = state.valid.with(|valid| {
                state
                    .ranges
                    .with(|ranges| gap_model::tornado(valid, ranges))
            });
            state
                .outcome
                .with(|outcome| gap_charts::tornado(&bars, outcome.gap_pv, lang.get()))
        }),
        "sensitivity" => Signal::derive(move || {
            state.monte_carlo.with(|mc| match mc {
                Some(mc) => gap_charts::sensitivity(mc, lang.get()),
                None => gap_charts::sensitivity(&gap_model::MonteCarlo::default(), lang.get()),
            })
        }),
        "fan" => Signal::derive(move || {
            state.monte_carlo.with(|mc| match mc {
                Some(mc) => gap_charts::fan(mc, lang.get()),
                None => gap_charts::fan(&gap_model::MonteCarlo::default(), lang.get()),
            })
        }),
        "deepseek" => Signal::derive(move || {
            state.valid.with(|valid| {
                let without_cut = valid
                    .inputs()
                    .clone()
                    .with(InputId::CostCut, 0.0)
                    .validate()
                    .map(|v| gap_model::run(&v));
                let cut = valid.get(InputId::CostCut);
                state.outcome.with(|with_cut| {
                    let without_cut = without_cut.as_ref().unwrap_or(with_cut);
                    gap_charts::deepseek(with_cut, without_cut, cut, lang.get())
                })
            })
        }),
        "drawdowns" => Signal::derive(move || gap_charts::drawdowns(lang.get())),
        _ => return None,
    };
    Some(signal)
}

/// The named charts, each with a text alternative for screen readers. They
/// never animate for a reader who asks for reduced motion.
#[component]
pub fn ChartsGrid(names: Vec<&'static str>) -> impl IntoView {
    let state = use_app_state();
    let reduced_motion = leptos_use::use_media_query("(prefers-reduced-motion: reduce)");
    let animate = Signal::derive(move || state.animate.get() && !reduced_motion.get());
    // `animate` is off exactly while a slider is dragged. A memo, so the
    // charts hear of a drag starting or ending, not of every edit in it.
    let dragging = Memo::new(move |_| !state.animate.get());
    names
        .into_iter()
        .filter_map(|name| chart_signal(name).map(|chart| (name, chart)))
        .map(|(name, chart)| {
            let label =
                Signal::derive(move || texts(state.lang.get()).chart_label(name).to_owned());
            view! {
                <figure class="chart-card">
                    <ChartView name=name chart=chart label=label animate=animate dragging=dragging dark=state.dark />
                    <ChartTable chart=chart />
                </figure>
            }
        })
        .collect_view()
}
