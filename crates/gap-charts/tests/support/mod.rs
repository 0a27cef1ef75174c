//! Helpers shared by the chart tests: JSON access and the checks every
//! chart must pass.
#![allow(dead_code)]

use charming::Chart;
use gap_charts::{texts, Lang};
use serde_json::Value;

pub fn json(chart: &Chart) -> Value {
    serde_json::to_value(chart).expect("chart serializes")
}

/// A component that charming writes as one object or as an array.
pub fn all(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

pub fn series(chart: &Value, index: usize) -> &Value {
    &chart["series"][index]
}

/// `series[index].data` as numbers (None for null).
pub fn data(chart: &Value, index: usize) -> Vec<Option<f64>> {
    series(chart, index)["data"]
        .as_array()
        .unwrap_or_else(|| panic!("series {index} has data"))
        .iter()
        .map(Value::as_f64)
        .collect()
}

/// `series[index].data` where every value must be a number.
pub fn numbers(chart: &Value, index: usize) -> Vec<f64> {
    data(chart, index)
        .into_iter()
        .enumerate()
        .map(|(i, v)| v.unwrap_or_else(|| panic!("series {index} data[{i}] is a number")))
        .collect()
}

pub fn title(chart: &Value) -> &str {
    chart["title"][0]["text"].as_str().expect("title[0].text")
}

pub fn subtext(chart: &Value) -> &str {
    chart["title"][0]["subtext"]
        .as_str()
        .expect("title[0].subtext")
}

pub fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

pub fn legend_names(chart: &Value) -> Vec<&str> {
    chart["legend"]["data"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    item["name"]
                        .as_str()
                        .or(item.as_str())
                        .expect("legend name")
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What every chart must have, in `lang`.
pub fn check_frame(chart: &Value, lang: Lang) {
    let t = texts(lang);
    assert!(!title(chart).trim().is_empty(), "title");
    assert!(!subtext(chart).trim().is_empty(), "source note");
    assert!(!subtext(chart).contains('\n'), "source note is one line");
    for title in all(&chart["title"]) {
        let text = title["text"].as_str().unwrap_or("");
        assert!(
            !text.contains(['{', '}']),
            "unfilled placeholder in {text:?}"
        );
    }
    assert_eq!(chart["aria"]["enabled"], true, "aria enabled");
    assert_eq!(chart["backgroundColor"], "transparent");
    assert!(chart["tooltip"].is_object(), "tooltip");
    let grids = all(&chart["grid"]);
    assert!(!grids.is_empty(), "a grid");
    for grid in grids {
        assert_eq!(grid["containLabel"], true, "grid.containLabel");
    }
    for axis in all(&chart["xAxis"]).into_iter().chain(all(&chart["yAxis"])) {
        let kind = axis["type"].as_str().expect("axis type");
        if matches!(kind, "value" | "log") && axis["show"] != false {
            let name = axis["name"].as_str().expect("value axis has a name");
            assert!(
                name.contains('(') && name.ends_with(')'),
                "value axis name carries a unit: {name:?}"
            );
        }
    }
    let series = chart["series"].as_array().expect("series");
    let named: Vec<&str> = series
        .iter()
        .map(|s| s["name"].as_str().expect("every series has a name"))
        .filter(|name| *name != t.helper_series)
        .collect();
    // Series with something to show must be in the legend.
    let mut shown: Vec<&str> = series
        .iter()
        .filter(|s| s["name"] != t.helper_series)
        .filter(|s| {
            s["data"]
                .as_array()
                .is_some_and(|d| d.iter().any(|v| !v.is_null()))
        })
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let legend = legend_names(chart);
    if named.len() > 1 {
        assert!(
            !legend.is_empty(),
            "a legend when there is more than one series"
        );
    }
    for name in &shown {
        assert!(
            legend.contains(name),
            "series {name:?} is in the legend {legend:?}"
        );
    }
    for name in &legend {
        assert!(
            named.contains(name),
            "legend name {name:?} is a series name"
        );
    }
    for s in series {
        let id = s["id"].as_str().expect("every series has an id");
        assert!(!id.is_empty());
        if s["name"] == t.helper_series {
            assert_eq!(
                s["tooltip"]["trigger"], "none",
                "helper {id} stays out of the tooltip"
            );
        }
    }
    assert_no_js(chart, "$");
}

/// No formatter anywhere is JavaScript (the app's CSP forbids eval).
pub fn assert_no_js(value: &Value, path: &str) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{path}.{key}");
                if key.to_ascii_lowercase().contains("formatter") {
                    let text = v
                        .as_str()
                        .unwrap_or_else(|| panic!("{here} is not a plain string: {v}"));
                    assert!(
                        !text.contains("function") && !text.contains("=>"),
                        "{here} looks like JavaScript: {text:?}"
                    );
                }
                assert_no_js(v, &here);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                assert_no_js(v, &format!("{path}[{i}]"));
            }
        }
        Value::String(text) => {
            assert!(
                !text.starts_with("function"),
                "{path} holds a function: {text:?}"
            );
        }
        _ => {}
    }
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The Monte Carlo (`draws` scenarios, default seed) and tornado of `inputs`
/// with the default spreads around them, for building the uncertainty charts.
pub fn uncertainty(
    inputs: &gap_model::ValidInputs,
    draws: usize,
) -> (gap_model::MonteCarlo, Vec<gap_model::TornadoBar>) {
    let ranges = gap_model::Ranges::around(inputs);
    (
        gap_model::monte_carlo(inputs, &ranges, draws, gap_model::DEFAULT_SEED),
        gap_model::tornado(inputs, &ranges),
    )
}

/// Every chart of the app (`ChartId::ALL`), built as the app builds it for
/// `inputs` with the default ranges and a Monte Carlo of `draws` draws.
pub fn every_chart(
    inputs: &gap_model::ValidInputs,
    draws: usize,
    lang: Lang,
) -> Vec<(gap_charts::ChartId, Chart)> {
    let outcome = gap_model::run(inputs);
    let ranges = gap_model::Ranges::around(inputs);
    let mc = gap_model::monte_carlo(inputs, &ranges, draws, gap_model::DEFAULT_SEED);
    let data = gap_charts::ChartData {
        inputs,
        outcome: &outcome,
        ranges: &ranges,
        monte_carlo: Some(&mc),
    };
    gap_charts::ChartId::ALL
        .into_iter()
        .map(|id| (id, id.build(&data, lang)))
        .collect()
}
