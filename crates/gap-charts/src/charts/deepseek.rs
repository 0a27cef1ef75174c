//! `deepseek`: token prices from the dataset and the effect of the cost cut.

use charming::component::{Grid, Title};
use charming::element::{Label, LabelPosition, TextStyle};
use charming::series::Bar;
use charming::Chart;
use gap_model::Outcome;
use gap_text::number;

/// The series ids of the token prices.
pub(crate) const DEEPSEEK_PRICE: &str = "deepseek-price";
pub(crate) const O1_PRICE: &str = "o1-price";

/// The series ids of the end-year bars without and with the cost cut.
pub(crate) const WITHOUT_CUT: &str = "without-cut";
pub(crate) const WITH_CUT: &str = "with-cut";

use crate::common::{
    color, fill, frame, label_axis, legend, shadow_tooltip, y_value_axis, ACCENT, GRID_BOTTOM,
    GRID_TOP, HIGHLIGHT, NEUTRAL,
};
use crate::texts::{texts, Lang};

/// Figure ids of the API prices, in USD per million tokens:
/// `[[DeepSeek input, DeepSeek output], [o1 input, o1 output]]`.
pub const PRICE_FIGURES: [[&str; 2]; 2] = [
    [
        "deepseek_input_price_per_mtok",
        "deepseek_output_price_per_mtok",
    ],
    ["o1_input_price_per_mtok", "o1_output_price_per_mtok"],
];

/// Grey-blue for "without the cut".
const WITHOUT: &str = "#8d98b3";

fn price(id: &str) -> Option<f64> {
    gap_data::figure(id).map(|f| f.amount.midpoint())
}

/// End-year required revenue, actual revenue and gap of a run.
fn end_values(outcome: &Outcome) -> Vec<Option<f64>> {
    match outcome.years.last() {
        Some(row) => vec![Some(row.required), Some(row.actual), Some(row.gap)],
        None => vec![None; 3],
    }
}

/// Two panels. Left (grid 0): API price per million tokens, input and output,
/// DeepSeek R1 vs OpenAI o1, from the dataset (USD/Mtok, each bar labelled
/// with its value; a linear scale, so the difference shows). Right
/// (grid 1): required revenue, actual revenue and the gap in the end year
/// ($B/yr), without and with the cost cut (the cut acts from the year after
/// the start, so only later years show it).
///
/// | series | id | axes | data |
/// |---|---|---|---|
/// | 0 | `deepseek-price` | x0/y0 | `[deepseek_input_price_per_mtok, deepseek_output_price_per_mtok]` |
/// | 1 | `o1-price` | x0/y0 | `[o1_input_price_per_mtok, o1_output_price_per_mtok]` |
/// | 2 | `without-cut` | x1/y1 | last row of `without_cut`: `[required, actual, gap]` |
/// | 3 | `with-cut` | x1/y1 | last row of `with_cut`: `[required, actual, gap]` |
///
/// `title[0]` is the chart title; `title[1]` and `title[2]` head the panels.
#[must_use]
pub fn deepseek(
    with_cut: &Outcome,
    without_cut: &Outcome,
    cost_cut_percent: f64,
    lang: Lang,
) -> Chart {
    let t = texts(lang);
    let [deepseek_prices, o1_prices] = PRICE_FIGURES.map(|ids| ids.map(price));
    let shares: Vec<f64> = deepseek_prices
        .iter()
        .zip(&o1_prices)
        .filter_map(|(d, o)| Some(d.as_ref()? / o.as_ref()?))
        .collect();
    #[allow(clippy::cast_precision_loss)] // at most two ratios
    let share = shares.iter().sum::<f64>() / shares.len().max(1) as f64 * 100.0;
    let end_year = with_cut
        .years
        .last()
        .map_or_else(String::new, |r| r.year.to_string());
    let prices_heading = fill(
        t.prices_heading,
        &[("share", &number::percent(lang, share, 1))],
    );
    let cut_heading = fill(
        t.cut_heading,
        &[
            ("cut", &number::percent(lang, cost_cut_percent, 2)),
            ("year", &end_year),
        ],
    );
    let heading = |text: &str, left: &str| {
        Title::new()
            .text(text)
            .left(left)
            .top(GRID_TOP - 28)
            .text_style(TextStyle::new().font_size(12))
    };
    let panel = |left: &str, right: &str| {
        Grid::new()
            .left(left)
            .right(right)
            .top(GRID_TOP + 24)
            .bottom(GRID_BOTTOM)
            .contain_label(true)
    };
    let category = |grid: i32, data: Vec<&str>| {
        // Two-word names on two lines, to fit half the width.
        label_axis(data.into_iter().map(|s| s.replacen(' ', "\n", 1)).collect()).grid_index(grid)
    };
    let revenue_categories = vec![t.required_revenue, t.actual_revenue, t.gap];
    let price_label = || {
        Label::new()
            .show(true)
            .position(LabelPosition::Top)
            .formatter("{c}")
    };

    frame(t.deepseek_title, t.deepseek_source)
        .title(heading(&prices_heading, "2%"))
        .title(heading(&cut_heading, "54%"))
        .tooltip(shadow_tooltip())
        .legend(legend(&[
            t.deepseek_r1,
            t.openai_o1,
            t.without_cut,
            t.with_cut,
        ]))
        .grid(panel("2%", "54%"))
        .grid(panel("54%", "2%"))
        .x_axis(category(0, vec![t.input_tokens, t.output_tokens]))
        .x_axis(category(1, revenue_categories))
        .y_axis(y_value_axis(t.axis_price, t.unit_usd_per_mtok).grid_index(0))
        .y_axis(y_value_axis(t.axis_revenue, t.unit_bn_per_year).grid_index(1))
        .series(
            Bar::new()
                .id(DEEPSEEK_PRICE)
                .name(t.deepseek_r1)
                .x_axis_index(0)
                .y_axis_index(0)
                .item_style(color(NEUTRAL))
                .label(price_label())
                .data(deepseek_prices.to_vec()),
        )
        .series(
            Bar::new()
                .id(O1_PRICE)
                .name(t.openai_o1)
                .x_axis_index(0)
                .y_axis_index(0)
                .item_style(color(ACCENT))
                .label(price_label())
                .data(o1_prices.to_vec()),
        )
        .series(
            Bar::new()
                .id(WITHOUT_CUT)
                .name(t.without_cut)
                .x_axis_index(1)
                .y_axis_index(1)
                .item_style(color(WITHOUT))
                .data(end_values(without_cut)),
        )
        .series(
            Bar::new()
                .id(WITH_CUT)
                .name(t.with_cut)
                .x_axis_index(1)
                .y_axis_index(1)
                .item_style(color(HIGHLIGHT))
                .data(end_values(with_cut)),
        )
}
