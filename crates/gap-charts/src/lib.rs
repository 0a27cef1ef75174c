//! Chart builders: pure functions from model output and dataset to a
//! `charming::Chart`. Nothing here touches the browser, so every chart is
//! testable as JSON.
//!
//! Every chart has a title (`title[0].text`) and a one-line source note
//! (`title[0].subtext`), named axes with units, a legend listing every
//! visible series, an axis tooltip, `aria.enabled`, `grid.containLabel` and
//! a transparent background. Money is in billions of US dollars. Series data
//! hold the model's (or the dataset's) numbers unrounded; rounding happens
//! only in text (category labels, titles, mark-line labels). No option holds
//! JavaScript: formatters are plain strings.
//!
//! Each builder documents its series layout (index, `id`, data); the ids and
//! the order are stable. Series named `ChartTexts::helper_series` are
//! invisible stacking bases, left out of the legend and the tooltip.
//!
//! The options are built for the app's update path (`setOption` with
//! `replaceMerge` on series and axes, series matched by id): a key that
//! disappears from a series would keep its old value, so series never drop
//! `data` (an empty series holds one null) and the break-even mark line of
//! `gap_over_time` lives in a series that is left out when there is none.
//!
//! ECharts pieces used: bar, line and scatter series; grid (category, value
//! and time axes), legend, title, tooltip, aria and markLine components, all
//! registered in `web/echarts-entry.js`.

mod charts;
mod common;
mod fit;
mod formula;
mod option;
mod picture;
mod table;
mod texts;

use charming::component::Axis;
use charming::element::AxisType;
use charming::series::Bar;
use charming::Chart;

pub use charts::deepseek::{deepseek, PRICE_FIGURES};
pub use charts::drawdowns::{drawdowns, drawdowns_by_date, Drawdown, DropIs, Span, Who, DRAWDOWNS};
pub use charts::fan::{band_axis, fan, BandAxis};
pub use charts::gap::{actual_revenue_range, gap, ACTUAL_REVENUE_FIGURE};
pub use charts::methods::methods;
pub use charts::over_time::{gap_band, gap_over_time, pv};
pub use charts::sensitivity::sensitivity;
pub use charts::tornado::tornado;
pub use charts::{ChartData, ChartId, Clicks, Needs, Pick};
pub use fit::{fit_to_size, Container, Estimate, TextWidth, NARROW_WIDTH};
pub use formula::{
    filled as filled_formula, input_value, mark_html, mark_label, panel_html, quantity_label,
    quantity_value, symbolic as symbolic_formula, PanelTexts,
};
pub use option::{option_json, AXIS_LABEL_LINE_HEIGHT};
pub use picture::{
    footer_height, footer_lines, footer_texts, svg_with_footer, FOOTER_FONT, FOOTER_LINE,
    FOOTER_PADDING,
};
pub use table::{data_table, DataTable};
pub use texts::{
    input_label, method_label, texts, unit_label, ChartTexts, Lang, SAME_IN_ALL_LANGUAGES,
};

/// Required versus actual revenue in one year, in billions of US dollars:
/// the smallest real chart, for testing the chart component without a model
/// run (the app shows [`gap`]). `series[0].data == [required, actual]`.
#[must_use]
pub fn gap_bars(required_billions: f64, actual_billions: f64) -> Chart {
    let t = Lang::En.chart();
    common::frame("Revenue needed vs earned ($B/yr)", t.gap_source)
        .grid(common::grid())
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(vec![t.required_revenue, t.actual_revenue]),
        )
        .y_axis(Axis::new().type_(AxisType::Value).name("$B/yr"))
        .series(
            Bar::new()
                .name("Revenue")
                .data(vec![required_billions, actual_billions]),
        )
}
