//! `sensitivity`: what drives the spread of the Monte Carlo, from its draws.

use charming::series::Bar;
use charming::Chart;
use gap_model::MonteCarlo;
use gap_text::number;

use crate::common::{
    color, fill, frame, grid, label_axis, legend, or_blank, or_null, shadow_tooltip, x_value_axis,
    GAP,
};
use crate::texts::{input_label, texts, Lang};

/// For each input that varied in the Monte Carlo (a row, largest share on
/// top): its share of the variance of the gap's present value across the
/// draws, in percent (`MonteCarlo::sensitivity`, `share × 100`). The
/// counterpart of the tornado: there one input moves at a time; here all move
/// together, each drawn from its range, correlations included.
///
/// | series | id | data (index i = `mc.sensitivity[i]`) |
/// |---|---|---|
/// | 0 | `variance-share` | `mc.sensitivity[i].share × 100` |
///
/// Before the first run (`mc.draws == 0`) the title says the scenarios are
/// being computed; with no varying input, the chart has one blank row and
/// a single null.
#[must_use]
pub fn sensitivity(mc: &MonteCarlo, lang: Lang) -> Chart {
    let t = texts(lang);
    let title = if mc.draws == 0 {
        t.sensitivity_pending.to_owned()
    } else {
        #[allow(clippy::cast_precision_loss)] // draws ≤ 1,000,000
        let draws = mc.draws as f64;
        fill(
            t.sensitivity_title,
            &[("n", &number::decimal(lang, draws, 0))],
        )
    };
    let rows = or_blank(
        mc.sensitivity
            .iter()
            .map(|s| input_label(s.input, lang).to_owned())
            .collect(),
    );
    frame(&title, t.sensitivity_source)
        .tooltip(shadow_tooltip())
        .legend(legend(&[t.variance_share]))
        .grid(grid())
        .y_axis(label_axis(rows).inverse(true))
        .x_axis(
            x_value_axis(t.axis_variance_share, t.unit_pct)
                .min(0)
                .max(100),
        )
        .series(
            Bar::new()
                .id("variance-share")
                .name(t.variance_share)
                .item_style(color(GAP))
                .data(or_null(
                    mc.sensitivity.iter().map(|s| s.share * 100.0).collect(),
                )),
        )
}
