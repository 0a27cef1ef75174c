use charming::Chart;
use gap_charts::{ChartData, ChartId, Clicks, Needs, Pick};
use leptos::prelude::*;

use super::chart_table::ChartTable;
use super::chart_view::ChartView;
use crate::i18n::texts;
use crate::state::use_app_state;

/// The chart for the current state. It tracks the language and exactly the
/// state its [`ChartId::needs`] names; the rest it reads untracked, so a
/// slider edit does not rebuild the fan, nor a Monte Carlo result the gap
/// chart.
#[must_use]
pub fn chart_signal(id: ChartId) -> Signal<Chart> {
    chart_derived(id, ChartId::build)
}

/// What the chart's numbers say ([`ChartId::describe`]), tracking what the
/// chart tracks.
#[must_use]
pub fn description_signal(id: ChartId) -> Signal<String> {
    // A memo: the chart and its table both read it, and for the tornado it
    // runs the sensitivities again.
    let state = use_app_state();
    Memo::new(move |_| compute(state, id, id.needs(), ChartId::describe)).into()
}

/// `make(id, data, lang)` as a signal that tracks the language and what
/// `id.needs()` names.
fn chart_derived<T: Send + Sync + 'static>(
    id: ChartId,
    make: fn(ChartId, &ChartData, gap_charts::Lang) -> T,
) -> Signal<T> {
    let state = use_app_state();
    Signal::derive(move || compute(state, id, id.needs(), make))
}

/// The description of `id` now, tracking everything it reads (for the embed
/// snippet, built when its dialog shows).
#[must_use]
pub fn describe_now(id: ChartId) -> String {
    let all = gap_charts::Needs {
        inputs: true,
        outcome: true,
        ranges: true,
        monte_carlo: true,
    };
    compute(use_app_state(), id, all, ChartId::describe)
}

fn compute<T>(
    state: crate::state::AppState,
    id: ChartId,
    needs: gap_charts::Needs,
    make: impl Fn(ChartId, &ChartData, gap_charts::Lang) -> T,
) -> T {
    let lang = state.lang.get();
    let build = |outcome: &_, ranges: &_, monte_carlo: &Option<_>| {
        let with_inputs = |inputs: &_| {
            let data = ChartData {
                inputs,
                outcome,
                ranges,
                monte_carlo: monte_carlo.as_ref(),
            };
            make(id, &data, lang)
        };
        if needs.inputs {
            state.valid.with(with_inputs)
        } else {
            state.valid.with_untracked(with_inputs)
        }
    };
    let with_mc = |outcome: &_, ranges: &_| {
        if needs.monte_carlo {
            state.monte_carlo.with(|mc| build(outcome, ranges, mc))
        } else {
            state
                .monte_carlo
                .with_untracked(|mc| build(outcome, ranges, mc))
        }
    };
    let with_ranges = |outcome: &_| {
        if needs.ranges {
            state.ranges.with(|ranges| with_mc(outcome, ranges))
        } else {
            state
                .ranges
                .with_untracked(|ranges| with_mc(outcome, ranges))
        }
    };
    if needs.outcome {
        state.outcome.with(with_ranges)
    } else {
        state.outcome.with_untracked(with_ranges)
    }
}

/// The charts, each with a text alternative for screen readers. They
/// never animate for a reader who asks for reduced motion.
#[component]
pub fn ChartsGrid(charts: Vec<ChartId>) -> impl IntoView {
    let state = use_app_state();
    let reduced_motion = leptos_use::use_media_query("(prefers-reduced-motion: reduce)");
    let animate = Signal::derive(move || state.animate.get() && !reduced_motion.get());
    // `animate` is off exactly while a slider is dragged. A memo, so the
    // charts hear of a drag starting or ending, not of every edit in it.
    let dragging = Memo::new(move |_| !state.animate.get());
    charts
        .into_iter()
        .map(|id| {
            let chart = chart_signal(id);
            let label = Signal::derive(move || id.label(state.lang.get()).to_owned());
            let description = description_signal(id);
            let clicks = id.clicks();
            let asks = clicks != Clicks::Nothing;
            // A click asks the derivation panel about the bar or year it
            // landed on, at the state the chart shows (read untracked), or
            // shows the figure a quoted number comes from.
            let on_pick = asks.then(|| {
                let pick = Callback::new(move |(series, index): (Option<String>, usize)| {
                    let pick = match &series {
                        Some(series) => Pick::Item { series, index },
                        None => Pick::Column(index),
                    };
                    let question = compute(state, id, Needs::default(), |id, data, _| id.question(data, pick));
                    if let Some(question) = question {
                        state.ask(question, format!("[data-chart=\"{}\"]", id.name()));
                    } else if let Some(figure) = id.figure_at(pick) {
                        // A quoted number: its row of the Sources view.
                        state.show_figure(figure);
                    }
                });
                (clicks, pick)
            });
            view! {
                <figure class="chart-card">
                    <ChartView name=id.name() chart=chart label=label description=description animate=animate dragging=dragging dark=state.dark on_pick=on_pick />
                    {asks.then(|| view! { <p class="chart-hint">{move || texts(state.lang.get()).chart_click_hint}</p> })}
                    <ChartTable chart=chart description=description />
                </figure>
            }
        })
        .collect_view()
}
