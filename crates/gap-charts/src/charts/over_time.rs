//! `gap_over_time` and `pv`: the yearly path of the deterministic run.

use charming::component::Axis;
use charming::element::{AreaStyle, AxisPointer, AxisType, LabelPosition, LineStyle, Symbol};
use charming::series::{Bar, Line};
use charming::Chart;
use gap_model::Outcome;
use gap_text::number;

use crate::common::{
    category_axis, color, fill, frame, grid, legend, mark_line, no_emphasis, no_tooltip,
    shadow_tooltip, y_value_axis, year_labels, At, ACTUAL, GAP, REQUIRED, SURPLUS,
};
use crate::texts::{texts, Lang};

/// A solid line series in `c` without the stacking helpers' tricks.
fn line(id: &str, name: &str, c: &str, data: Vec<f64>) -> Line {
    Line::new()
        .id(id)
        .name(name)
        .item_style(color(c))
        .line_style(LineStyle::new().color(c).width(2.5))
        .symbol_size(5.0)
        .data(data)
}

/// The points of the band between required and actual revenue: one per
/// model year, plus one where the two lines cross between two years, so
/// that straight segments between the points follow both lines exactly.
/// Each point is `(x, min(required, actual), max(gap, 0), max(-gap, 0))`
/// with x in (fractional) years.
#[must_use]
pub fn gap_band(outcome: &Outcome) -> Vec<[f64; 4]> {
    let point = |x: f64, required: f64, actual: f64| {
        let gap = required - actual;
        [x, required.min(actual), gap.max(0.0), (-gap).max(0.0)]
    };
    let mut points = Vec::with_capacity(outcome.years.len() * 2);
    for (i, row) in outcome.years.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).map(|j| &outcome.years[j]) {
            if prev.gap * row.gap < 0.0 {
                // The lines cross at the fraction t of the year where the gap,
                // linear in between, is zero.
                let t = prev.gap / (prev.gap - row.gap);
                let level = prev.required + t * (row.required - prev.required);
                points.push(point(f64::from(prev.year) + t, level, level));
            }
        }
        points.push(point(f64::from(row.year), row.required, row.actual));
    }
    points
}

/// A series of the band: an invisible line on the hidden x-axis 1, stacked.
fn band_series(id: &str, name: &str, data: Vec<Vec<f64>>) -> Line {
    Line::new()
        .id(id)
        .name(name)
        .x_axis_index(1)
        .stack("gap")
        .line_style(LineStyle::new().width(0).opacity(0))
        .show_symbol(false)
        .symbol(Symbol::None)
        .emphasis(no_emphasis())
        .tooltip(no_tooltip())
        .z(1)
        .data(data)
}

/// A filled band on top of the stack.
fn band_area(id: &str, name: &str, c: &str, data: Vec<Vec<f64>>) -> Line {
    band_series(id, name, data)
        .item_style(color(c))
        .area_style(AreaStyle::new().color(c).opacity(0.3))
}

/// Required and actual revenue per year from start to end ($B/yr), the gap
/// shaded between them, and the break-even year marked.
///
/// x-axis 0 has one category per model year (`"2026"`, …) and carries the
/// two lines. The shading is a stack of three areas on x-axis 1, a hidden
/// linear axis (type `time`, holding plain fractional years) from the first
/// to the last year that lines up with x-axis 0:
/// an invisible base at `min(required, actual)`, and on it the shortfall or
/// the surplus, all never negative (ECharts stacks only same-sign values).
/// Their points are `gap_band(outcome)`, `[x, y]` pairs with an extra point
/// where the lines cross, so the shading follows the lines exactly.
///
/// | series | id | x-axis | data |
/// |---|---|---|---|
/// | 0 | `required` | 0 | `row.required` per `outcome.years` row |
/// | 1 | `actual` | 0 | `row.actual` per row |
/// | 2 | `gap-base` | 1 | `[x, min(required, actual)]`: helper, not in legend |
/// | 3 | `shortfall` | 1 | `[x, max(gap, 0)]` |
/// | 4 | `surplus` | 1 | `[x, max(−gap, 0)]` |
/// | 5 | `breakeven` | 0 | only when `breakeven_year = Some(y)`: no data, a `markLine` at `xAxis: "y"` |
///
/// Series 2–4 stay out of the tooltip. The title ends in "break-even in y",
/// "break-even in y, gap open again by {end}" when it reopens, or "no
/// break-even by {end}". The mark line has a series of its own
/// because the app merges series by id: a mark line dropped from series 0
/// would stay on screen, a series dropped from the option disappears.
#[must_use]
pub fn gap_over_time(outcome: &Outcome, lang: Lang) -> Chart {
    let t = texts(lang);
    let rows = &outcome.years;
    let (start, end) = span(outcome);
    // A gap that closes and opens again is not called closed.
    let status = match outcome.breakeven_year {
        Some(year) if outcome.reopens() => fill(
            t.breakeven_reopens,
            &[("year", &year.to_string()), ("end", &end)],
        ),
        Some(year) => fill(t.breakeven_in, &[("year", &year.to_string())]),
        None => fill(t.no_breakeven, &[("year", &end)]),
    };
    let title = fill(
        t.over_time_title,
        &[("start", &start), ("end", &end), ("status", &status)],
    );
    let band = gap_band(outcome);
    let column = |k: usize| band.iter().map(|p| vec![p[0], p[k]]).collect::<Vec<_>>();
    let first = rows.first().map_or(0.0, |r| f64::from(r.year));
    let last = rows.last().map_or(0.0, |r| f64::from(r.year));
    let chart = frame(&title, t.over_time_source)
        .legend(legend(&[
            t.required_revenue,
            t.actual_revenue,
            t.shortfall,
            t.surplus,
        ]))
        .grid(grid())
        .x_axis(
            category_axis(Some(t.axis_year), year_labels(rows.iter().map(|r| r.year)))
                .boundary_gap(false),
        )
        .x_axis(
            // A time axis, because ECharts stacks the first non-time value
            // dimension: on a value x-axis it would stack the x values. It
            // maps the fractional years linearly like a value axis.
            Axis::new()
                .type_(AxisType::Time)
                .show(false)
                .min(first)
                // A single year still needs an axis of some length.
                .max(if last > first { last } else { first + 1.0 })
                .axis_pointer(AxisPointer::new().show(false)),
        )
        .y_axis(y_value_axis(t.axis_revenue, t.unit_bn_per_year))
        .series(line(
            "required",
            t.required_revenue,
            REQUIRED,
            rows.iter().map(|r| r.required).collect(),
        ))
        .series(line(
            "actual",
            t.actual_revenue,
            ACTUAL,
            rows.iter().map(|r| r.actual).collect(),
        ))
        .series(band_series("gap-base", t.helper_series, column(1)))
        .series(band_area("shortfall", t.shortfall, GAP, column(2)))
        .series(band_area("surplus", t.surplus, SURPLUS, column(3)));
    match outcome.breakeven_year {
        Some(year) => {
            let label = fill(t.breakeven_mark, &[("year", &year.to_string())]);
            chart.series(
                Line::new()
                    .id("breakeven")
                    .name(t.breakeven)
                    .mark_line(mark_line(
                        At::X(year.to_string().into()),
                        &label,
                        Some(LabelPosition::InsideEndTop),
                    )),
            )
        }
        None => chart,
    }
}

/// The present value of the gap: the yearly discounted gap as bars and its
/// running sum as a line, in $B (present value at the start year).
///
/// | series | id | data (one value per `outcome.years` row) |
/// |---|---|---|
/// | 0 | `discounted-gap` (bar) | `row.discounted_gap` |
/// | 1 | `cumulative-pv` (line) | `row.cumulative_discounted_gap`; a markLine at `yAxis: outcome.gap_pv` labels the total |
#[must_use]
pub fn pv(outcome: &Outcome, lang: Lang) -> Chart {
    let t = texts(lang);
    let rows = &outcome.years;
    let (start, end) = span(outcome);
    let total = fill(
        t.pv_total,
        &[("value", &number::usd_billions(lang, outcome.gap_pv))],
    );
    frame(
        &fill(t.pv_title, &[("start", &start), ("end", &end)]),
        &fill(t.pv_source, &[("start", &start)]),
    )
    .tooltip(shadow_tooltip())
    .legend(legend(&[t.discounted_gap, t.cumulative_pv]))
    .grid(grid())
    .x_axis(category_axis(
        Some(t.axis_year),
        year_labels(rows.iter().map(|r| r.year)),
    ))
    .y_axis(y_value_axis(t.gap, t.unit_bn))
    .series(
        Bar::new()
            .id("discounted-gap")
            .name(t.discounted_gap)
            .item_style(color(GAP))
            .data(rows.iter().map(|r| r.discounted_gap).collect()),
    )
    .series(
        line(
            "cumulative-pv",
            t.cumulative_pv,
            REQUIRED,
            rows.iter().map(|r| r.cumulative_discounted_gap).collect(),
        )
        .mark_line(mark_line(
            At::Y(outcome.gap_pv),
            &total,
            Some(LabelPosition::InsideStartTop),
        )),
    )
}

/// First and last model year as text ("" for an empty outcome).
fn span(outcome: &Outcome) -> (String, String) {
    let year =
        |row: Option<&gap_model::YearRow>| row.map_or_else(String::new, |r| r.year.to_string());
    (year(outcome.years.first()), year(outcome.years.last()))
}
