//! `fan`: Monte Carlo bands of the yearly gap and the chance of break-even.

use charming::component::Axis;
use charming::element::{
    AreaStyle, AxisType, LineStyle, LineStyleType, NameLocation, SplitLine, Symbol, TextStyle,
};
use charming::series::Line;
use charming::Chart;
use gap_model::MonteCarlo;
use gap_text::number;

use crate::common::{
    axis_name, category_axis, color, fill, frame, grid, legend, nice_bounds, no_emphasis,
    no_tooltip, or_blank, or_null, y_value_axis, year_labels, ACCENT, GAP,
};
use crate::texts::{texts, Lang};

/// Where the band's stack is drawn: a hidden y-axis shifted by `offset`
/// against the visible gap axis, with the same scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandAxis {
    /// Visible gap axis (y-axis 0): min, max and tick step in $B.
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Added to P5 for the band's base on the hidden axis (y-axis 2), whose
    /// bounds are `min + offset`, `max + offset`.
    pub offset: f64,
}

/// The axis layout `fan` uses for `mc`.
///
/// ECharts stacks a value only on a previous value of the same sign, so a
/// band whose base (P5) is negative would be drawn from zero. The base is
/// therefore lifted by `offset` so that it is positive, on a hidden axis
/// shifted by the same amount; the band lines up with the visible axis.
/// `offset` is 0 when P5 is positive in every year.
#[must_use]
pub fn band_axis(mc: &MonteCarlo) -> BandAxis {
    let finite = |xs: &[f64]| {
        xs.iter()
            .copied()
            .filter(|x| x.is_finite())
            .collect::<Vec<_>>()
    };
    let all: Vec<f64> = [&mc.p5, &mc.p50, &mc.p95]
        .into_iter()
        .flat_map(|xs| finite(xs))
        .collect();
    let low = all.iter().copied().fold(f64::INFINITY, f64::min);
    let high = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (min, max, step) = if all.is_empty() {
        nice_bounds(0.0, 1.0)
    } else {
        nice_bounds(low, high)
    };
    let lowest_p5 = finite(&mc.p5).into_iter().fold(f64::INFINITY, f64::min);
    let offset = if lowest_p5 > 0.0 || !lowest_p5.is_finite() {
        0.0
    } else {
        // One step of room keeps the lifted base strictly positive.
        step - lowest_p5
    };
    BandAxis {
        min,
        max,
        step,
        offset,
    }
}

/// Monte Carlo of the yearly gap ($B): the P5–P95 band, the P50 line, thin
/// P5 and P95 lines, and the probability of having broken even by each year
/// (0–100 %, right axis). y-axis 0 is the gap, 1 the probability, 2 a
/// hidden copy of 0 shifted by `band_axis(mc).offset` that carries the band.
///
/// | series | id | y-axis | data (one value per `mc.years`) |
/// |---|---|---|---|
/// | 0 | `p50` | 0 | `mc.p50` |
/// | 1 | `p5` | 0 | `mc.p5` (dashed) |
/// | 2 | `p95` | 0 | `mc.p95` (dashed) |
/// | 3 | `band-base` | 2 | `mc.p5 + offset`: helper, not in legend or tooltip |
/// | 4 | `band` | 2 | `mc.p95 − mc.p5`, stacked on series 3 |
/// | 5 | `prob-breakeven` | 1 | `mc.prob_breakeven_by × 100` |
///
/// With no draws (`mc.draws == 0`) the title says the scenarios are being
/// computed; with no years, the x-axis has one blank category and each
/// series holds a single null.
#[must_use]
pub fn fan(mc: &MonteCarlo, lang: Lang) -> Chart {
    let t = texts(lang);
    let axis = band_axis(mc);
    let title = if mc.draws == 0 {
        t.fan_pending.to_owned()
    } else {
        fill(
            t.fan_title,
            &[("n", &number::decimal(lang, draws_f64(mc.draws), 0))],
        )
    };
    let stack = "band";
    let thin = |id: &str, name: &str, data: &[f64]| {
        Line::new()
            .id(id)
            .name(name)
            .y_axis_index(0)
            .item_style(color(GAP))
            .line_style(
                LineStyle::new()
                    .color(GAP)
                    .width(1)
                    .type_(LineStyleType::Dashed),
            )
            .show_symbol(false)
            .data(or_null(data.to_vec()))
    };
    frame(&title, t.fan_source)
        .legend(legend(&[t.median, t.band, t.p5, t.p95, t.prob_breakeven]))
        // Room on the right for the probability axis.
        .grid(grid().right(16))
        .x_axis(
            category_axis(
                Some(t.axis_year),
                or_blank(year_labels(mc.years.iter().copied())),
            )
            .boundary_gap(false),
        )
        .y_axis(
            y_value_axis(t.gap, t.unit_bn_per_year)
                .min(axis.min)
                .max(axis.max)
                .interval(axis.step),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .position("right")
                .min(0)
                .max(100)
                .interval(20)
                .name(axis_name(t.axis_probability, t.unit_pct))
                .name_location(NameLocation::End)
                .name_text_style(TextStyle::new().align("right"))
                .split_line(SplitLine::new().show(false)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .show(false)
                .min(axis.min + axis.offset)
                .max(axis.max + axis.offset),
        )
        .series(
            Line::new()
                .id("p50")
                .name(t.median)
                .y_axis_index(0)
                .item_style(color(GAP))
                .line_style(LineStyle::new().color(GAP).width(2.5))
                .symbol_size(5.0)
                .data(or_null(mc.p50.clone())),
        )
        .series(thin("p5", t.p5, &mc.p5))
        .series(thin("p95", t.p95, &mc.p95))
        .series(
            Line::new()
                .id("band-base")
                .name(t.helper_series)
                .y_axis_index(2)
                .stack(stack)
                .line_style(LineStyle::new().width(0).opacity(0))
                .show_symbol(false)
                .symbol(Symbol::None)
                .emphasis(no_emphasis())
                .tooltip(no_tooltip())
                .data(or_null(mc.p5.iter().map(|p5| p5 + axis.offset).collect())),
        )
        .series(
            Line::new()
                .id("band")
                .name(t.band)
                .y_axis_index(2)
                .stack(stack)
                .item_style(color(GAP))
                .line_style(LineStyle::new().width(0).opacity(0))
                .area_style(AreaStyle::new().color(GAP).opacity(0.25))
                .show_symbol(false)
                .symbol(Symbol::None)
                .tooltip(no_tooltip())
                .z(1)
                .data(or_null(
                    mc.p95
                        .iter()
                        .zip(&mc.p5)
                        .map(|(p95, p5)| p95 - p5)
                        .collect(),
                )),
        )
        .series(
            Line::new()
                .id("prob-breakeven")
                .name(t.prob_breakeven)
                .y_axis_index(1)
                .item_style(color(ACCENT))
                .line_style(LineStyle::new().color(ACCENT).width(2))
                .symbol_size(4.0)
                .data(or_null(
                    mc.prob_breakeven_by.iter().map(|p| p * 100.0).collect(),
                )),
        )
}

#[allow(clippy::cast_precision_loss)] // draws <= 1,000,000
fn draws_f64(draws: usize) -> f64 {
    draws as f64
}
