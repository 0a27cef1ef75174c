//! A chart's numbers as a table: the text twin a screen reader (or a reader
//! who wants the exact values) can use instead of the picture.

use charming::Chart;
use serde_json::Value;

/// Series that only shape the picture (stacking bases, band widths, shading
/// polygons): their numbers are not the chart's message, so tables omit them.
const PICTURE_ONLY_SERIES: [&str; 6] = [
    "actual-range-base",
    "actual-range",
    "gap-base",
    "band-base",
    "band",
    "shortfall",
];
const PICTURE_ONLY_SUFFIX: &str = "-base";

/// Rows are the chart's categories (years, methods, inputs…); columns its
/// series. A cell is `None` where a series has no value for that row. (Its
/// caption is the chart's description, `ChartId::describe`.)
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<Option<f64>>)>,
}

#[must_use]
pub fn data_table(chart: &Chart) -> DataTable {
    let option = serde_json::to_value(chart).unwrap_or(Value::Null);
    let mut columns = Vec::new();
    let mut rows: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    let series = option["series"].as_array().cloned().unwrap_or_default();
    for entry in series.iter().filter(|entry| shows_message(entry)) {
        let Some(categories) = categories_of(&option, entry) else {
            continue;
        };
        let column = columns.len();
        columns.push(entry["name"].as_str().unwrap_or_default().to_owned());
        for (category, item) in categories
            .iter()
            .zip(entry["data"].as_array().into_iter().flatten())
        {
            let Some(value) = number(item) else { continue };
            let row = match rows.iter().position(|(label, _)| label == category) {
                Some(row) => row,
                None => {
                    rows.push((category.clone(), Vec::new()));
                    rows.len() - 1
                }
            };
            let cells = &mut rows[row].1;
            cells.resize(column + 1, None);
            cells[column] = Some(value);
        }
    }
    for (_, cells) in &mut rows {
        cells.resize(columns.len(), None);
    }
    DataTable { columns, rows }
}

fn shows_message(series: &Value) -> bool {
    let id = series["id"].as_str().unwrap_or_default();
    !PICTURE_ONLY_SERIES.contains(&id) && !id.ends_with(PICTURE_ONLY_SUFFIX) && id != "surplus"
}

/// The category labels of the axis this series is drawn against.
fn categories_of(option: &Value, series: &Value) -> Option<Vec<String>> {
    for (axis_key, index_key) in [("xAxis", "xAxisIndex"), ("yAxis", "yAxisIndex")] {
        let index = series[index_key].as_u64().unwrap_or(0);
        let axes = &option[axis_key];
        let axis = match axes {
            Value::Array(list) => list
                .get(usize::try_from(index).ok()?)
                .cloned()
                .unwrap_or(Value::Null),
            other if index == 0 => other.clone(),
            _ => Value::Null,
        };
        if axis["type"] == "category" {
            let labels = axis["data"].as_array()?.iter().map(label).collect();
            return Some(labels);
        }
    }
    None
}

fn label(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Object(_) => value["value"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| value["value"].to_string()),
        other => other.to_string(),
    }
}

fn number(item: &Value) -> Option<f64> {
    match item {
        Value::Number(number) => number.as_f64(),
        Value::Object(_) => item["value"].as_f64(),
        _ => None,
    }
}
