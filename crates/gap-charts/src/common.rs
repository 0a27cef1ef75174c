//! What every chart shares: the frame (title, source note, aria, tooltip,
//! transparent background), number formatting, axis bounds and colours.

use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::datatype::CompositeValue;
use charming::element::{
    AxisLabel, AxisPointer, AxisPointerType, AxisType, Emphasis, ItemStyle, Label, LabelPosition,
    LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, NameLocation, Symbol,
    TextStyle, Tooltip, Trigger,
};
use charming::Chart;

/// Series colours, fixed so that a quantity has the same colour in every
/// chart. Mid-tones that read on both the light and the dark theme.
pub(crate) const REQUIRED: &str = "#5470c6";
pub(crate) const ACTUAL: &str = "#3ba272";
pub(crate) const GAP: &str = "#ee6666";
pub(crate) const SURPLUS: &str = "#91cc75";
pub(crate) const HIGHLIGHT: &str = "#fac858";
pub(crate) const NEUTRAL: &str = "#73c0de";
pub(crate) const ACCENT: &str = "#9a60b4";
pub(crate) const TRANSPARENT: &str = "transparent";

/// Space kept free above the plot for the title, source note and axis names.
pub(crate) const GRID_TOP: i32 = 84;
/// Space kept free below the plot for the x-axis name and the legend.
pub(crate) const GRID_BOTTOM: i32 = 60;

/// Title with the source note, aria, transparent background and an axis
/// tooltip: the parts every chart has.
pub(crate) fn frame(title: &str, source: &str) -> Chart {
    Chart::new()
        .title(
            Title::new()
                .text(title)
                .subtext(source)
                .left(8)
                .top(4)
                .text_style(TextStyle::new().font_size(15)),
        )
        .aria(Aria::new().enabled(true))
        .background_color(TRANSPARENT)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
}

/// A tooltip for bar charts: the whole category is highlighted.
pub(crate) fn shadow_tooltip() -> Tooltip {
    Tooltip::new()
        .trigger(Trigger::Axis)
        .axis_pointer(AxisPointer::new().type_(AxisPointerType::Shadow))
}

/// Series-level tooltip that keeps a helper series out of the axis tooltip.
pub(crate) fn no_tooltip() -> Tooltip {
    Tooltip::new().trigger(Trigger::None)
}

/// Hover emphasis off, for helper series that must stay invisible.
pub(crate) fn no_emphasis() -> Emphasis {
    Emphasis::new().disabled(true)
}

pub(crate) fn transparent() -> ItemStyle {
    ItemStyle::new().color(TRANSPARENT)
}

pub(crate) fn color(c: &str) -> ItemStyle {
    ItemStyle::new().color(c)
}

/// Where a mark line goes: across the x-axis at a value (a vertical line)
/// or across the y-axis at a value (a horizontal line).
pub(crate) enum At {
    X(CompositeValue),
    Y(f64),
}

/// A dashed, labelled reference line; the label is plain text, placed at
/// `position` or, with `None`, at the line's end (ECharts' default).
pub(crate) fn mark_line(at: At, label: &str, position: Option<LabelPosition>) -> MarkLine {
    let mut text = Label::new().show(true).formatter(label);
    if let Some(position) = position {
        text = text.position(position);
    }
    let data = MarkLineData::new().name(label).label(text);
    let data = match at {
        At::X(x) => data.x_axis(x),
        At::Y(y) => data.y_axis(y),
    };
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(
            LineStyle::new()
                .type_(LineStyleType::Dashed)
                .color(ACCENT)
                .width(1.5),
        )
        .data(vec![MarkLineVariant::Simple(data)])
}

/// The single plot grid: labels inside, room for title and legend.
pub(crate) fn grid() -> Grid {
    Grid::new()
        .left(12)
        .right(24)
        .top(GRID_TOP)
        .bottom(GRID_BOTTOM)
        .contain_label(true)
}

/// A scrolling legend at the bottom listing `names` (helper series left out).
pub(crate) fn legend(names: &[&str]) -> Legend {
    // ECharts' plain legend wraps where it runs out of width (a paging one
    // would hide entries and show its pager in a picture).
    Legend::new().bottom(0).data(names.to_vec())
}

/// A category axis for a few named categories: every label is shown (ECharts
/// would otherwise drop labels that overlap).
pub(crate) fn label_axis(categories: Vec<String>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .axis_label(AxisLabel::new().interval(0))
        .data(categories)
}

/// A category axis with an optional name below it.
pub(crate) fn category_axis(name: Option<&str>, categories: Vec<String>) -> Axis {
    let axis = Axis::new().type_(AxisType::Category).data(categories);
    match name {
        Some(name) => axis
            .name(name)
            .name_location(NameLocation::Middle)
            .name_gap(30),
        None => axis,
    }
}

/// A vertical value axis named "`what` (`unit`)"; the name sits above the
/// axis and runs to the right, so it is never cut off at the edge.
pub(crate) fn y_value_axis(what: &str, unit: &str) -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .name(axis_name(what, unit))
        .name_location(NameLocation::End)
        .name_text_style(TextStyle::new().align("left"))
}

/// A horizontal value axis named "`what` (`unit`)", the name centred below.
pub(crate) fn x_value_axis(what: &str, unit: &str) -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .name(axis_name(what, unit))
        .name_location(NameLocation::Middle)
        .name_gap(30)
}

pub(crate) fn axis_name(what: &str, unit: &str) -> String {
    format!("{what} ({unit})")
}

pub(crate) use gap_text::fill;

/// Axis bounds that are multiples of a round step and include `low..=high`
/// and zero: `(min, max, step)`. Used where two axes must line up exactly.
pub(crate) fn nice_bounds(low: f64, high: f64) -> (f64, f64, f64) {
    let (mut low, mut high) = if low.is_finite() && high.is_finite() && low <= high {
        (low.min(0.0), high.max(0.0))
    } else {
        (0.0, 1.0)
    };
    if high - low < 1e-9 {
        high = low + 1.0;
        low = low.min(0.0);
    }
    let step = nice_step((high - low) / 5.0);
    let min = (low / step).floor() * step;
    let max = (high / step).ceil() * step;
    (min, max, step)
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let factor = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|&f| norm <= f + 1e-12)
        .unwrap_or(10.0);
    factor * magnitude
}

/// Series data that is never an empty array. charming leaves an empty
/// `data` out of the JSON, and the app updates charts by merging series with
/// the same id, so a missing `data` would keep the previous render's points.
/// An empty series therefore holds a single null.
pub(crate) fn or_null(values: Vec<f64>) -> Vec<Option<f64>> {
    if values.is_empty() {
        vec![None]
    } else {
        values.into_iter().map(Some).collect()
    }
}

/// Category labels that are never an empty array (see `or_null`): one blank
/// category when there is nothing to show.
pub(crate) fn or_blank(labels: Vec<String>) -> Vec<String> {
    if labels.is_empty() {
        vec![String::new()]
    } else {
        labels
    }
}

/// Years as category labels.
pub(crate) fn year_labels(years: impl IntoIterator<Item = i32>) -> Vec<String> {
    years.into_iter().map(|y| y.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_bounds_contain_the_data_and_zero() {
        for (low, high) in [
            (-312.0, 2100.0),
            (5.0, 7.0),
            (-8.0, -3.0),
            (0.0, 0.0),
            (f64::NAN, 1.0),
            (1e-3, 2e-3),
        ] {
            let (min, max, step) = nice_bounds(low, high);
            assert!(step > 0.0);
            assert!(min <= 0.0 && max >= 0.0, "{low} {high}");
            if low.is_finite() {
                assert!(min <= low && max >= high, "{low} {high} -> {min} {max}");
            }
            let steps = (max - min) / step;
            assert!(
                (steps - steps.round()).abs() < 1e-9 && steps <= 12.0,
                "{steps}"
            );
        }
        assert_eq!(nice_bounds(-312.0, 2100.0), (-500.0, 2500.0, 500.0));
    }
}
