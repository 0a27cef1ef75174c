//! Every chart of the app, as one enum: its public `data-chart` name, its
//! texts, what state it reads, and its builder, each reached by an exhaustive
//! `match`, so a new chart that misses one of them does not compile.
//!
//! Adding a chart: its builder in `charts/<name>.rs`, its `mod` line, variant
//! and arms here, and its texts in every `locales/*.toml` (`[chart]`: title,
//! source line, `chart_<name>` and `name_<name>`). The page, the pickers, the
//! exports, the chart tests of this crate and the browser tests (through
//! `examples/chart_list.rs`) follow from `ALL`.

pub(crate) mod deepseek;
pub(crate) mod drawdowns;
pub(crate) mod fan;
pub(crate) mod gap;
pub(crate) mod methods;
pub(crate) mod over_time;
pub(crate) mod sensitivity;
pub(crate) mod tornado;

use charming::Chart;
use gap_model::{InputId, MonteCarlo, Outcome, Ranges, ValidInputs};

use crate::Lang;

/// A chart of the app. `ALL` is the page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartId {
    Gap,
    GapOverTime,
    Pv,
    Methods,
    Tornado,
    Sensitivity,
    Fan,
    Deepseek,
    Drawdowns,
}

/// What a chart is built from. The app hands in its current state; a chart
/// reads only what its [`ChartId::needs`] says (so only that is tracked).
pub struct ChartData<'a> {
    pub inputs: &'a ValidInputs,
    pub outcome: &'a Outcome,
    pub ranges: &'a Ranges,
    /// `None` until the first Monte Carlo run has finished.
    pub monte_carlo: Option<&'a MonteCarlo>,
}

/// The parts of [`ChartData`] a chart reads (the language it always reads).
/// Only these are tracked, so the fan does not rebuild on every slider edit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    pub inputs: bool,
    pub outcome: bool,
    pub ranges: bool,
    pub monte_carlo: bool,
}

impl ChartId {
    /// Every chart, in page order.
    pub const ALL: [ChartId; 9] = [
        ChartId::Gap,
        ChartId::GapOverTime,
        ChartId::Pv,
        ChartId::Methods,
        ChartId::Tornado,
        ChartId::Sensitivity,
        ChartId::Fan,
        ChartId::Deepseek,
        ChartId::Drawdowns,
    ];

    /// The public `data-chart` name (also the `chart` URL parameter's value).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ChartId::Gap => "gap",
            ChartId::GapOverTime => "gap_over_time",
            ChartId::Pv => "pv",
            ChartId::Methods => "methods",
            ChartId::Tornado => "tornado",
            ChartId::Sensitivity => "sensitivity",
            ChartId::Fan => "fan",
            ChartId::Deepseek => "deepseek",
            ChartId::Drawdowns => "drawdowns",
        }
    }

    /// The chart with this `data-chart` name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|id| id.name() == name)
    }

    /// The chart's text alternative, for screen readers.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.chart();
        match self {
            ChartId::Gap => t.chart_gap,
            ChartId::GapOverTime => t.chart_gap_over_time,
            ChartId::Pv => t.chart_pv,
            ChartId::Methods => t.chart_methods,
            ChartId::Tornado => t.chart_tornado,
            ChartId::Sensitivity => t.chart_sensitivity,
            ChartId::Fan => t.chart_fan,
            ChartId::Deepseek => t.chart_deepseek,
            ChartId::Drawdowns => t.chart_drawdowns,
        }
    }

    /// The chart's short name, for pickers.
    #[must_use]
    pub fn short_name(self, lang: Lang) -> &'static str {
        let t = lang.chart();
        match self {
            ChartId::Gap => t.name_gap,
            ChartId::GapOverTime => t.name_gap_over_time,
            ChartId::Pv => t.name_pv,
            ChartId::Methods => t.name_methods,
            ChartId::Tornado => t.name_tornado,
            ChartId::Sensitivity => t.name_sensitivity,
            ChartId::Fan => t.name_fan,
            ChartId::Deepseek => t.name_deepseek,
            ChartId::Drawdowns => t.name_drawdowns,
        }
    }

    /// What the chart reads: `build` may look at nothing else.
    #[must_use]
    pub fn needs(self) -> Needs {
        let nothing = Needs::default();
        let outcome = Needs {
            outcome: true,
            ..nothing
        };
        match self {
            ChartId::GapOverTime | ChartId::Pv => outcome,
            ChartId::Gap | ChartId::Deepseek => Needs {
                inputs: true,
                ..outcome
            },
            ChartId::Tornado => Needs {
                inputs: true,
                ranges: true,
                ..outcome
            },
            ChartId::Methods => Needs {
                inputs: true,
                ..nothing
            },
            ChartId::Sensitivity | ChartId::Fan => Needs {
                monte_carlo: true,
                ..nothing
            },
            ChartId::Drawdowns => nothing,
        }
    }

    /// The chart for this state.
    #[must_use]
    pub fn build(self, data: &ChartData, lang: Lang) -> Chart {
        let idle = MonteCarlo::default();
        let monte_carlo = data.monte_carlo.unwrap_or(&idle);
        match self {
            ChartId::Gap => {
                // The band is the article's range ($50–60B), not the Monte
                // Carlo's spread around the current value; widened to include it.
                let revenue = data.inputs.get(InputId::Revenue);
                let range = gap::actual_revenue_range()
                    .map(|(low, high)| (low.min(revenue), high.max(revenue)));
                gap::gap(data.outcome, range, lang)
            }
            ChartId::GapOverTime => over_time::gap_over_time(data.outcome, lang),
            ChartId::Pv => over_time::pv(data.outcome, lang),
            ChartId::Methods => methods::methods(
                &gap_model::required_by_method(data.inputs),
                data.inputs.method,
                lang,
            ),
            ChartId::Tornado => {
                let bars = gap_model::tornado(data.inputs, data.ranges);
                tornado::tornado(&bars, data.outcome.gap_pv, lang)
            }
            ChartId::Sensitivity => sensitivity::sensitivity(monte_carlo, lang),
            ChartId::Fan => fan::fan(monte_carlo, lang),
            ChartId::Deepseek => {
                let without_cut = data
                    .inputs
                    .inputs()
                    .clone()
                    .with(InputId::CostCut, 0.0)
                    .validate()
                    .map(|inputs| gap_model::run(&inputs));
                let without_cut = without_cut.as_ref().unwrap_or(data.outcome);
                let cut = data.inputs.get(InputId::CostCut);
                deepseek::deepseek(data.outcome, without_cut, cut, lang)
            }
            ChartId::Drawdowns => drawdowns::drawdowns(lang),
        }
    }
}
