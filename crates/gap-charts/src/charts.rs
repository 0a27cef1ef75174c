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
use gap_model::{Change, InputId, Metric, MonteCarlo, Outcome, Question, Ranges, ValidInputs};

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

    /// What the chart shows, for a reader who cannot see it: its text
    /// alternative, then what its numbers say in `lang` ("In 2026 AI needs
    /// $2T a year and earns $55B: a gap of $1.9T."). It reads what `build`
    /// reads (`needs`), so it changes with the chart. The ECharts aria
    /// description and the data table's caption.
    #[must_use]
    pub fn describe(self, data: &ChartData, lang: Lang) -> String {
        use gap_text::fill;
        use gap_text::number::{percent, usd_billions};
        let t = lang.chart();
        let money = |value: f64| usd_billions(lang, value);
        let outcome = data.outcome;
        let start = data.inputs.start().to_string();
        let end = data.inputs.end().to_string();
        let first = outcome.years.first().map_or(f64::NAN, |row| row.gap);
        let last = outcome.years.last().map_or(f64::NAN, |row| row.gap);
        let sentence = match self {
            ChartId::Gap => fill(
                t.desc_gap,
                &[
                    ("start", &start),
                    ("required", &money(outcome.base_required)),
                    ("actual", &money(outcome.base_actual)),
                    ("gap", &money(outcome.base_gap)),
                ],
            ),
            ChartId::GapOverTime => {
                let values = [
                    ("start", start.as_str()),
                    ("end", end.as_str()),
                    ("first", &money(first)),
                    ("last", &money(last)),
                ];
                match outcome.breakeven_year {
                    Some(year) => {
                        let year = year.to_string();
                        let mut all = values.to_vec();
                        all.push(("year", &year));
                        fill(t.desc_over_time_closes, &all)
                    }
                    None => fill(t.desc_over_time_open, &values),
                }
            }
            ChartId::Pv => fill(
                t.desc_pv,
                &[
                    ("rate", &percent(lang, data.inputs.get(InputId::Rate), 2)),
                    ("start", &start),
                    ("end", &end),
                    ("pv", &money(outcome.gap_pv)),
                ],
            ),
            ChartId::Methods => {
                let list = gap_model::required_by_method(data.inputs)
                    .iter()
                    .map(|(method, value)| {
                        format!("{} {}", crate::method_label(*method, lang), money(*value))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                fill(t.desc_methods, &[("start", &start), ("list", &list)])
            }
            ChartId::Tornado => gap_model::tornado(data.inputs, data.ranges)
                .first()
                .map(|bar| {
                    let (low, high) = (
                        bar.pv_at_low.min(bar.pv_at_high),
                        bar.pv_at_low.max(bar.pv_at_high),
                    );
                    fill(
                        t.desc_tornado,
                        &[
                            ("input", crate::input_label(bar.input, lang)),
                            ("low", &money(low)),
                            ("high", &money(high)),
                        ],
                    )
                })
                .unwrap_or_default(),
            ChartId::Sensitivity => match data.monte_carlo {
                None => t.desc_pending.to_owned(),
                Some(mc) => mc
                    .sensitivity
                    .iter()
                    .max_by(|a, b| a.share.total_cmp(&b.share))
                    .map(|top| {
                        fill(
                            t.desc_sensitivity,
                            &[
                                ("input", crate::input_label(top.input, lang)),
                                ("share", &percent(lang, top.share * 100.0, 0)),
                            ],
                        )
                    })
                    .unwrap_or_default(),
            },
            ChartId::Fan => match data.monte_carlo {
                None => t.desc_pending.to_owned(),
                Some(mc) => {
                    let at_end = |series: &[f64]| money(series.last().copied().unwrap_or(f64::NAN));
                    fill(
                        t.desc_fan,
                        &[
                            ("end", &end),
                            ("low", &at_end(&mc.p5)),
                            ("high", &at_end(&mc.p95)),
                            ("median", &at_end(&mc.p50)),
                        ],
                    )
                }
            },
            ChartId::Deepseek => {
                let cut = data.inputs.get(InputId::CostCut);
                let at_end = |run: &Outcome| {
                    run.years
                        .last()
                        .map_or((f64::NAN, f64::NAN), |row| (row.actual, row.gap))
                };
                let (with, gap) = at_end(outcome);
                if cut == 0.0 {
                    fill(
                        t.desc_deepseek_off,
                        &[("end", &end), ("with", &money(with)), ("gap", &money(gap))],
                    )
                } else {
                    let (without, gap_without) = data
                        .inputs
                        .inputs()
                        .clone()
                        .with(InputId::CostCut, 0.0)
                        .validate()
                        .map_or((f64::NAN, f64::NAN), |inputs| {
                            at_end(&gap_model::run(&inputs))
                        });
                    fill(
                        t.desc_deepseek,
                        &[
                            ("cut", &percent(lang, cut, 2)),
                            ("end", &end),
                            ("with", &money(with)),
                            ("without", &money(without)),
                            ("gap", &money(gap)),
                            ("gap_without", &money(gap_without)),
                        ],
                    )
                }
            }
            // Dated reports from the articles: the text alternative says it all.
            ChartId::Drawdowns => String::new(),
        };
        if sentence.is_empty() {
            self.label(lang).to_owned()
        } else {
            // An amount that ends in an abbreviation ("US$ 1,9 bln.") ends
            // the sentence with its own full stop.
            let sentence = sentence
                .strip_suffix("..")
                .map_or(sentence.clone(), |cut| format!("{cut}."));
            format!("{} {sentence}", self.label(lang))
        }
    }

    /// What a click on this chart can land on: a bar or point of a series,
    /// or a year's column of a time axis. The Monte Carlo's percentiles and
    /// shares are statistics of draws, with no formula to explain.
    #[must_use]
    pub fn clicks(self) -> Clicks {
        match self {
            ChartId::Gap
            | ChartId::Methods
            | ChartId::Tornado
            | ChartId::Deepseek
            | ChartId::Drawdowns => Clicks::Items,
            ChartId::GapOverTime | ChartId::Pv => Clicks::Columns,
            ChartId::Sensitivity | ChartId::Fan => Clicks::Nothing,
        }
    }

    /// The dataset figure a click at `pick` lands on: a bar or marker that
    /// shows a quoted number (the drawdowns, the token prices) rather than
    /// one the model computes.
    #[must_use]
    pub fn figure_at(self, pick: Pick) -> Option<&'static str> {
        let Pick::Item { series, index } = pick else {
            return None;
        };
        match (self, series) {
            (ChartId::Drawdowns, drawdowns::LOSS) => {
                drawdowns::drawdowns_by_date().get(index)?.loss
            }
            (ChartId::Drawdowns, drawdowns::DROP) => {
                Some(drawdowns::drawdowns_by_date().get(index)?.drop?.0)
            }
            (ChartId::Deepseek, deepseek::DEEPSEEK_PRICE) => {
                deepseek::PRICE_FIGURES[0].get(index).copied()
            }
            (ChartId::Deepseek, deepseek::O1_PRICE) => {
                deepseek::PRICE_FIGURES[1].get(index).copied()
            }
            _ => None,
        }
    }

    /// What the derivation panel explains for a click at `pick`: the bar's
    /// or the year's own number, at the inputs the chart drew it for.
    #[must_use]
    pub fn question(self, data: &ChartData, pick: Pick) -> Option<Question> {
        let asked = |metric, year, change| {
            Some(Question {
                metric,
                year,
                change,
            })
        };
        let start = data.inputs.start();
        let year_of = |index: usize| {
            i32::try_from(index)
                .ok()
                .map(|offset| start + offset)
                .filter(|year| *year <= data.inputs.end())
        };
        let of_bar = |index: usize| match index {
            0 => Some(Metric::RequiredRevenue),
            1 => Some(Metric::ActualRevenue),
            2 => Some(Metric::Gap),
            _ => None,
        };
        match (self, pick) {
            (ChartId::Gap, Pick::Item { index, .. }) => asked(of_bar(index)?, None, None),
            (ChartId::GapOverTime, Pick::Column(index)) => {
                asked(Metric::Gap, Some(year_of(index)?), None)
            }
            (ChartId::Pv, Pick::Column(index)) => asked(Metric::GapPv, Some(year_of(index)?), None),
            (ChartId::Methods, Pick::Item { index, .. }) => {
                let method = *gap_model::Method::ALL.get(index)?;
                let change = (method != data.inputs.method).then_some(Change::Method(method));
                asked(Metric::RequiredRevenue, None, change)
            }
            (ChartId::Tornado, Pick::Item { series, index }) => {
                let bar = *gap_model::tornado(data.inputs, data.ranges).get(index)?;
                let value = match series {
                    tornado::AT_LOW => bar.low_value,
                    tornado::AT_HIGH => bar.high_value,
                    _ => return None,
                };
                asked(Metric::GapPv, None, Some(Change::Input(bar.input, value)))
            }
            (ChartId::Deepseek, Pick::Item { series, index }) => {
                let change = match series {
                    deepseek::WITH_CUT => None,
                    deepseek::WITHOUT_CUT => Some(Change::Input(InputId::CostCut, 0.0)),
                    // The token prices are the articles' figures.
                    _ => return None,
                };
                asked(of_bar(index)?, Some(data.inputs.end()), change)
            }
            _ => None,
        }
    }
}

/// What a click on a chart can land on (see [`ChartId::clicks`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clicks {
    /// A bar or point: ECharts names its series and data index.
    Items,
    /// Anywhere in a year's column of the category x-axis.
    Columns,
    Nothing,
}

/// Where a click landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick<'a> {
    /// The `index`-th value of the series with id `series`.
    Item { series: &'a str, index: usize },
    /// The `index`-th category of the x-axis.
    Column(usize),
}
