//! A click on a chart asks the derivation panel about the number it landed
//! on: for every bar and year a chart offers, the explained result is the
//! value the chart draws there.

mod support;

use gap_charts::{ChartData, ChartId, Clicks, Lang, Pick};
use gap_model::{explain, InputId, Inputs, Method, ValidInputs};
use support::{data, json};

fn states() -> Vec<ValidInputs> {
    let mut dcf = Inputs::default().with(InputId::CostCut, 60.0);
    dcf.method = Method::Dcf;
    [Inputs::default(), dcf]
        .into_iter()
        .map(|inputs| inputs.validate().unwrap())
        .collect()
}

/// Every item of every series with an id, as `(series id, index, value)`.
fn items(chart: &serde_json::Value) -> Vec<(String, usize, f64)> {
    let mut items = Vec::new();
    for (s, series) in chart["series"].as_array().unwrap().iter().enumerate() {
        let Some(id) = series["id"].as_str() else {
            continue;
        };
        if series["data"].is_null() {
            continue;
        }
        for (index, value) in data(chart, s).into_iter().enumerate() {
            if let Some(value) = value {
                items.push((id.to_owned(), index, value));
            }
        }
    }
    items
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn a_clicked_bar_or_year_explains_the_value_drawn_there() {
    for inputs in states() {
        let outcome = gap_model::run(&inputs);
        let ranges = gap_model::Ranges::around(&inputs);
        let data = ChartData {
            inputs: &inputs,
            outcome: &outcome,
            ranges: &ranges,
            monte_carlo: None,
        };
        let answer = |question| {
            explain(&inputs, &outcome, question)
                .derivation
                .result
                .unwrap()
        };
        let mut asked = 0;
        for id in ChartId::ALL {
            let chart = json(&id.build(&data, Lang::En));
            match id.clicks() {
                Clicks::Nothing => {
                    for (series, index, _) in items(&chart) {
                        let pick = Pick::Item {
                            series: &series,
                            index,
                        };
                        assert_eq!(id.question(&data, pick), None);
                        assert_eq!(id.figure_at(pick), None);
                    }
                }
                Clicks::Columns => {
                    for (index, row) in outcome.years.iter().enumerate() {
                        let question = id.question(&data, Pick::Column(index)).unwrap();
                        assert_eq!(question.year, Some(row.year), "{id:?}");
                        let expected = match id {
                            ChartId::GapOverTime => row.gap,
                            // The sum, with the year's row marked.
                            _ => outcome.gap_pv,
                        };
                        assert!(close(answer(question), expected), "{id:?} {index}");
                        asked += 1;
                    }
                    assert_eq!(id.question(&data, Pick::Column(outcome.years.len())), None);
                }
                Clicks::Items => {
                    for (series, index, value) in items(&chart) {
                        let pick = Pick::Item {
                            series: &series,
                            index,
                        };
                        let Some(question) = id.question(&data, pick) else {
                            // A quoted number: the click shows its figure.
                            let figure = id.figure_at(pick);
                            let helper = id == ChartId::Gap && series.starts_with("actual-range");
                            assert!(
                                helper || figure.is_some_and(|f| gap_data::figure(f).is_some()),
                                "{id:?} {series} {index}: the click answers nothing"
                            );
                            continue;
                        };
                        assert_eq!(id.figure_at(pick), None, "{id:?} {series} {index}");
                        let expected = match id {
                            // Bars grow from the base's present value.
                            ChartId::Tornado => value + outcome.gap_pv,
                            _ => value,
                        };
                        // The gap chart draws the actual revenue's marker
                        // and its sources' range in the same column.
                        if id == ChartId::Gap && series.starts_with("actual-range") {
                            continue;
                        }
                        assert!(
                            close(answer(question), expected),
                            "{id:?} {series} {index}: {question:?}"
                        );
                        asked += 1;
                    }
                }
            }
        }
        // Every readout bar, every year of both paths, four methods, the
        // tornado's bars and the DeepSeek panel's six.
        assert!(asked > 3 + 2 * outcome.years.len() + 4 + 6, "{asked}");
    }
}

#[test]
fn the_token_prices_show_their_figures_and_unknown_series_ask_nothing() {
    let inputs = Inputs::default().validate().unwrap();
    let outcome = gap_model::run(&inputs);
    let ranges = gap_model::Ranges::around(&inputs);
    let data = ChartData {
        inputs: &inputs,
        outcome: &outcome,
        ranges: &ranges,
        monte_carlo: None,
    };
    for series in ["nonsense", "required"] {
        assert_eq!(
            ChartId::Deepseek.question(&data, Pick::Item { series, index: 0 }),
            None
        );
    }
    assert_eq!(
        ChartId::Tornado.question(
            &data,
            Pick::Item {
                series: "pv-at-low",
                index: 999
            }
        ),
        None
    );
    assert_eq!(
        ChartId::Gap.question(
            &data,
            Pick::Item {
                series: "gap",
                index: 3
            }
        ),
        None
    );
    let price = |series, index| ChartId::Deepseek.figure_at(Pick::Item { series, index });
    assert_eq!(
        price("deepseek-price", 1),
        Some("deepseek_output_price_per_mtok")
    );
    assert_eq!(price("o1-price", 0), Some("o1_input_price_per_mtok"));
    assert_eq!(price("o1-price", 2), None);
    let drawdown = |series, index| ChartId::Drawdowns.figure_at(Pick::Item { series, index });
    let first = gap_charts::drawdowns_by_date()[0];
    assert_eq!(drawdown("market-value-lost", 0), first.loss);
    assert_eq!(drawdown("price-drop", 99), None);
    assert_eq!(ChartId::Fan.figure_at(Pick::Column(0)), None);
}
