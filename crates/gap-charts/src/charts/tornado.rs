//! `tornado`: one-at-a-time sensitivity of the gap's present value.

use charming::element::LabelPosition;
use charming::series::Bar;
use charming::Chart;
use gap_model::TornadoBar;
use gap_text::number;

/// The series ids of the bars: the input at the low and at the high end.
pub(crate) const AT_LOW: &str = "pv-at-low";
pub(crate) const AT_HIGH: &str = "pv-at-high";

use crate::common::{
    color, fill, frame, grid, label_axis, legend, mark_line, or_blank, or_null, shadow_tooltip,
    x_value_axis, At, NEUTRAL, REQUIRED,
};
use crate::texts::{input_label, texts, unit_label, Lang};

/// Row label: "AI revenue growth (20–60 %/yr)".
fn row_label(bar: &TornadoBar, lang: Lang) -> String {
    let unit = unit_label(bar.input.spec().unit, lang);
    // "20–60", but "−10 – 15": a bare dash next to a minus sign misreads.
    let dash = if bar.low_value < 0.0 || bar.high_value < 0.0 {
        " – "
    } else {
        "–"
    };
    let range = format!(
        "{}{dash}{}",
        number::decimal(lang, bar.low_value, 2),
        number::decimal(lang, bar.high_value, 2)
    );
    let range = if unit.is_empty() {
        range
    } else {
        format!("{range} {unit}")
    };
    format!("{} ({range})", input_label(bar.input, lang))
}

/// For each input (a row, labelled with its name and range, in the order of
/// `bars`, i.e. largest swing on top): how far the gap's present value moves
/// from `base_pv` with the input at the low end and at the high end of its
/// range, as two bars growing from the base (x = 0, a labelled markLine),
/// in $B.
///
/// | series | id | data (index i = `bars[i]`) |
/// |---|---|---|
/// | 0 | `pv-at-low` | `bars[i].pv_at_low − base_pv`; carries the markLine at `xAxis: 0` |
/// | 1 | `pv-at-high` | `bars[i].pv_at_high − base_pv` |
///
/// With no bars, the chart has one blank row and each series holds a single
/// null. The bars are side by side in each row, so a row whose low and high end
/// move the value the same way (a range that excludes the current value)
/// still shows both.
#[must_use]
pub fn tornado(bars: &[TornadoBar], base_pv: f64, lang: Lang) -> Chart {
    let t = texts(lang);
    let rows = or_blank(bars.iter().map(|b| row_label(b, lang)).collect());
    let base = fill(
        t.current_pv,
        &[("value", &number::usd_billions(lang, base_pv))],
    );
    frame(t.tornado_title, t.tornado_source)
        .tooltip(shadow_tooltip())
        .legend(legend(&[t.at_low, t.at_high]))
        .grid(grid())
        .y_axis(label_axis(rows).inverse(true))
        .x_axis(x_value_axis(t.axis_pv_change, t.unit_bn))
        .series(
            Bar::new()
                .id(AT_LOW)
                .name(t.at_low)
                .item_style(color(NEUTRAL))
                .bar_gap("0%")
                .mark_line(mark_line(
                    At::X(0.into()),
                    &base,
                    // The y-axis is inverted: the start is at the top.
                    Some(LabelPosition::Start),
                ))
                .data(or_null(
                    bars.iter().map(|b| b.pv_at_low - base_pv).collect(),
                )),
        )
        .series(
            Bar::new()
                .id(AT_HIGH)
                .name(t.at_high)
                .item_style(color(REQUIRED))
                .bar_gap("0%")
                .data(or_null(
                    bars.iter().map(|b| b.pv_at_high - base_pv).collect(),
                )),
        )
}
