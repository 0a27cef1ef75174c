//! `methods`: required base-year revenue under each of the four methods.

use charming::series::Bar;
use charming::Chart;
use gap_model::Method;
use gap_text::number;

use crate::common::{
    color, frame, grid, label_axis, legend, shadow_tooltip, x_value_axis, HIGHLIGHT, REQUIRED,
};
use crate::texts::{method_label, texts, Lang};

/// Required base-year revenue ($B/yr) under each method, as horizontal bars
/// in the order of `by_method` (top to bottom); the current method is
/// overdrawn in a highlight colour.
///
/// The y-axis categories are "method label\nrounded value".
///
/// | series | id | data (index i = `by_method[i]`) |
/// |---|---|---|
/// | 0 | `required-by-method` | `by_method[i].1` for every method |
/// | 1 | `current-method` | `by_method[i].1` where `by_method[i].0 == current`, else null; drawn over series 0 (`barGap: "-100%"`) |
#[must_use]
pub fn methods(by_method: &[(Method, f64); 4], current: Method, lang: Lang) -> Chart {
    let t = texts(lang);
    let categories = by_method
        .iter()
        .map(|&(method, value)| {
            format!(
                "{}\n{}",
                method_label(method, lang),
                number::usd_billions(lang, value)
            )
        })
        .collect();
    frame(t.methods_title, t.methods_source)
        .tooltip(shadow_tooltip())
        .legend(legend(&[t.required_revenue, t.current_method]))
        .grid(grid())
        .y_axis(label_axis(categories).inverse(true))
        .x_axis(x_value_axis(t.required_revenue, t.unit_bn_per_year))
        .series(
            Bar::new()
                .id("required-by-method")
                .name(t.required_revenue)
                .item_style(color(REQUIRED))
                .bar_gap("-100%")
                .data(by_method.iter().map(|&(_, v)| v).collect()),
        )
        .series(
            Bar::new()
                .id("current-method")
                .name(t.current_method)
                .item_style(color(HIGHLIGHT))
                .bar_gap("-100%")
                .data(
                    by_method
                        .iter()
                        .map(|&(m, v)| (m == current).then_some(v))
                        .collect(),
                ),
        )
}
