//! `gap`: the base year's required revenue, actual revenue (as a range) and
//! the gap between them.

use charming::element::Symbol;
use charming::series::{Bar, Scatter};
use charming::Chart;
use gap_model::Outcome;
use gap_text::number;

use crate::common::{
    color, fill, frame, grid, label_axis, legend, no_emphasis, no_tooltip, shadow_tooltip,
    transparent, y_value_axis, ACTUAL, GAP, REQUIRED,
};
use crate::texts::{texts, Lang};

/// The figure behind the default range of actual revenue ($50–60B).
pub const ACTUAL_REVENUE_FIGURE: &str = "actual_ai_revenue_2026";

/// The sources' range of actual AI revenue in $B (`actual_ai_revenue_2026`,
/// $50–60B), for `gap`'s `actual_range`.
#[must_use]
pub fn actual_revenue_range() -> Option<(f64, f64)> {
    gap_data::figure(ACTUAL_REVENUE_FIGURE).map(|f| (f.amount.low() / 1e9, f.amount.high() / 1e9))
}

/// Base year: required revenue, actual revenue and the gap, in $B/yr.
///
/// Three categories on the x-axis (required, actual, gap; each label carries
/// the rounded value). All bar series share one stack so that each category
/// shows a single bar.
///
/// | series | id | data |
/// |---|---|---|
/// | 0 | `required` | `[outcome.base_required, null, null]` |
/// | 1 | `actual-range-base` | `[null, low, null]`: transparent helper, not in legend or tooltip |
/// | 2 | `actual-range` | `[null, high − low, null]`: the visible band from low to high |
/// | 3 | `gap` | `[null, null, outcome.base_gap]` |
/// | 4 | `actual` (scatter) | `[null, outcome.base_actual, null]`: the assumed value, a marker |
///
/// With `actual_range = None` series 1 and 2 hold only nulls and the band is
/// left out of the legend. A range given the wrong way round is reordered.
#[must_use]
pub fn gap(outcome: &Outcome, actual_range: Option<(f64, f64)>, lang: Lang) -> Chart {
    let t = texts(lang);
    let year = outcome.years.first().map_or(0, |row| row.year);
    let range = actual_range.map(|(a, b)| (a.min(b), a.max(b)));
    let actual_text = match range {
        Some((low, high)) => format!(
            "{}\n{} ({})",
            t.actual_revenue,
            number::usd_billions_range(lang, low, high),
            fill(
                t.assumed,
                &[("value", &number::usd_billions(lang, outcome.base_actual))]
            )
        ),
        None => format!(
            "{}\n{}",
            t.actual_revenue,
            number::usd_billions(lang, outcome.base_actual)
        ),
    };
    let categories = vec![
        format!(
            "{}\n{}",
            t.required_revenue,
            number::usd_billions(lang, outcome.base_required)
        ),
        actual_text,
        format!(
            "{}\n{}",
            t.gap,
            number::usd_billions(lang, outcome.base_gap)
        ),
    ];
    let mut names = vec![t.required_revenue];
    if range.is_some() {
        names.push(t.actual_range);
    }
    names.extend([t.actual_assumed, t.gap]);

    let stack = "gap";
    frame(
        &fill(t.gap_title, &[("year", &year.to_string())]),
        t.gap_source,
    )
    .tooltip(shadow_tooltip())
    .legend(legend(&names))
    .grid(grid())
    .x_axis(label_axis(categories))
    .y_axis(y_value_axis(t.axis_revenue, t.unit_bn_per_year))
    .series(
        Bar::new()
            .id("required")
            .name(t.required_revenue)
            .stack(stack)
            .item_style(color(REQUIRED))
            .data(vec![Some(outcome.base_required), None, None]),
    )
    .series(
        Bar::new()
            .id("actual-range-base")
            .name(t.helper_series)
            .stack(stack)
            .item_style(transparent())
            .emphasis(no_emphasis())
            .tooltip(no_tooltip())
            .data(vec![None, range.map(|(low, _)| low), None]),
    )
    .series(
        Bar::new()
            .id("actual-range")
            .name(t.actual_range)
            .stack(stack)
            .item_style(color(ACTUAL).opacity(0.55))
            .data(vec![None, range.map(|(low, high)| high - low), None]),
    )
    .series(
        Bar::new()
            .id("gap")
            .name(t.gap)
            .stack(stack)
            .item_style(color(GAP))
            .data(vec![None, None, Some(outcome.base_gap)]),
    )
    .series(
        Scatter::new()
            .id("actual")
            .name(t.actual_assumed)
            .symbol(Symbol::Diamond)
            .symbol_size(16.0)
            .item_style(color(ACTUAL).border_color("#ffffff").border_width(1.5))
            .data(vec![None, Some(outcome.base_actual), None]),
    )
}
