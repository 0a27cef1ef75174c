//! The last step before ECharts: a chart as the JSON option the app hands to
//! `setOption`, with the two settings charming 0.6 has no field for.

use charming::Chart;
use serde_json::{json, Map, Value};

use crate::fit::{entries_mut, Container};

/// Line height of axis labels, in px. Without it ECharts takes the width of
/// the glyph "国" as the line height; where no CJK font is installed that is
/// a narrow fallback glyph, and two-line category labels ("Gap\n$1,945B")
/// draw on top of each other.
pub const AXIS_LABEL_LINE_HEIGHT: f64 = 16.0;

/// `chart` as a JSON option for a `width` × `height` px container:
/// `aria.label.description` is `description` (or ECharts writes a generated
/// English one into the container's `aria-label` whatever the page
/// language), every axis label has a line height, and the layout fits the
/// container (`fit_to_size`; `Container::UNSIZED` leaves it as built).
#[must_use]
pub fn option_json(chart: &Chart, description: &str, container: &Container) -> Option<String> {
    let mut option = serde_json::to_value(chart).ok()?;
    let root = option.as_object_mut()?;
    root.insert(
        "aria".to_owned(),
        json!({ "enabled": true, "label": { "description": description } }),
    );
    for key in ["xAxis", "yAxis"] {
        entries_mut(root, key)
            .into_iter()
            .for_each(set_label_line_height);
    }
    crate::fit::fit_to_size(&mut option, container);
    serde_json::to_string(&option).ok()
}

fn set_label_line_height(axis: &mut Map<String, Value>) {
    if let Value::Object(label) = axis
        .entry("axisLabel")
        .or_insert_with(|| Value::Object(Map::new()))
    {
        label
            .entry("lineHeight")
            .or_insert(json!(AXIS_LABEL_LINE_HEIGHT));
    }
}
