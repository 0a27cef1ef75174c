//! `drawdowns`: market-value losses and price drops reported in the articles.

use charming::component::Axis;
use charming::element::{AxisType, Label, LabelPosition, NameLocation, SplitLine, Symbol};
use charming::series::{Bar, Scatter};
use charming::Chart;
use gap_data::{Figure, Unit};
use gap_text::number;

/// The series ids of the losses (bars) and the drops (markers).
pub(crate) const LOSS: &str = "market-value-lost";
pub(crate) const DROP: &str = "price-drop";

use crate::common::{
    axis_name, color, frame, grid, label_axis, legend, shadow_tooltip, ACCENT, GAP, GRID_TOP,
};
use crate::texts::{texts, ChartTexts, Lang};

/// Over what time a loss happened, as the article says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    OneDay,
    ThreeDays,
    FiveTradingDays,
    AfterResults,
    FromPeak,
    Recent,
    /// Not stated.
    Unstated,
}

impl Span {
    fn label(self, t: &ChartTexts) -> Option<&'static str> {
        match self {
            Span::OneDay => Some(t.span_one_day),
            Span::ThreeDays => Some(t.span_three_days),
            Span::FiveTradingDays => Some(t.span_five_days),
            Span::AfterResults => Some(t.span_after_results),
            Span::FromPeak => Some(t.span_from_peak),
            Span::Recent => Some(t.span_recent),
            Span::Unstated => None,
        }
    }
}

/// Who lost: a proper noun, or a group named in the chart texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Named(&'static str),
    EightAiCompanies,
}

/// How a percentage figure becomes a drop in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropIs {
    /// The figure is the drop itself ("fell 17 percent").
    Stated,
    /// The figure is the level relative to the peak ("stands at about 50 %
    /// of its peak"): the drop is `100 − figure`.
    LevelOfPeak,
}

/// One market event of the chart: a loss of market value in USD, a drop in
/// percent, or both, from the same day or period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drawdown {
    pub who: Who,
    pub span: Span,
    /// Figure id of the market-value loss (unit USD).
    pub loss: Option<&'static str>,
    /// Figure id of the percentage drop (unit percent) and how to read it.
    pub drop: Option<(&'static str, DropIs)>,
}

/// The curated events, in date order (the chart sorts by the figures' dates
/// anyway). Each figure is a USD market-value loss or a percentage drop with
/// a date in `seeds/figures.toml`; `drawdowns_are_curated` tests that.
///
/// | # | who | loss figure ($B) | drop figure (%) |
/// |---|---|---|---|
/// | 0 | Nvidia, 1 day | `nvidia_market_value_drop_deepseek` (600, 2025-01-27) | `nvidia_share_drop_deepseek` (17) |
/// | 1 | Nvidia, 3 days | – | `nvidia_share_drop_aug_2025` (3.6, 2025-08) |
/// | 2 | Microsoft, 3 days | – | `microsoft_share_drop_aug_2025` (3, 2025-08) |
/// | 3 | Palantir | – | `palantir_share_drop_aug_2025` (14, 2025-08) |
/// | 4 | Nvidia, 1 day | `nvidia_market_value_drop_china_remark` (229, 2025-10) | – |
/// | 5 | Palantir, after results | – | `palantir_share_drop_q3_results` (10, 2025-11-04) |
/// | 6 | Eight largest AI companies, 5 trading days | `ai8_market_value_loss_week` (800, 2025-11-07) | – |
/// | 7 | Nvidia, 5 trading days | `nvidia_market_value_loss_week` (350, 2025-11-07) | – |
/// | 8 | Nasdaq Composite, 5 trading days | – | `nasdaq_index_drop_week` (3, 2025-11-07) |
/// | 9 | Oracle, from peak | `oracle_market_value_drop_recent` (463, 2026-02) | `oracle_share_price_vs_peak` (at 50 % of peak: drop 50) |
/// | 10 | Nvidia, recent fall | `nvidia_market_value_drop_recent` (500–600, 2026-02; bar at the midpoint 550) | – |
pub const DRAWDOWNS: [Drawdown; 11] = [
    Drawdown {
        who: Who::Named("Nvidia"),
        span: Span::OneDay,
        loss: Some("nvidia_market_value_drop_deepseek"),
        drop: Some(("nvidia_share_drop_deepseek", DropIs::Stated)),
    },
    Drawdown {
        who: Who::Named("Nvidia"),
        span: Span::ThreeDays,
        loss: None,
        drop: Some(("nvidia_share_drop_aug_2025", DropIs::Stated)),
    },
    Drawdown {
        who: Who::Named("Microsoft"),
        span: Span::ThreeDays,
        loss: None,
        drop: Some(("microsoft_share_drop_aug_2025", DropIs::Stated)),
    },
    Drawdown {
        who: Who::Named("Palantir"),
        span: Span::Unstated,
        loss: None,
        drop: Some(("palantir_share_drop_aug_2025", DropIs::Stated)),
    },
    Drawdown {
        who: Who::Named("Nvidia"),
        span: Span::OneDay,
        loss: Some("nvidia_market_value_drop_china_remark"),
        drop: None,
    },
    Drawdown {
        who: Who::Named("Palantir"),
        span: Span::AfterResults,
        loss: None,
        drop: Some(("palantir_share_drop_q3_results", DropIs::Stated)),
    },
    Drawdown {
        who: Who::EightAiCompanies,
        span: Span::FiveTradingDays,
        loss: Some("ai8_market_value_loss_week"),
        drop: None,
    },
    Drawdown {
        who: Who::Named("Nvidia"),
        span: Span::FiveTradingDays,
        loss: Some("nvidia_market_value_loss_week"),
        drop: None,
    },
    Drawdown {
        who: Who::Named("Nasdaq Composite"),
        span: Span::FiveTradingDays,
        loss: None,
        drop: Some(("nasdaq_index_drop_week", DropIs::Stated)),
    },
    Drawdown {
        who: Who::Named("Oracle"),
        span: Span::FromPeak,
        loss: Some("oracle_market_value_drop_recent"),
        drop: Some(("oracle_share_price_vs_peak", DropIs::LevelOfPeak)),
    },
    Drawdown {
        who: Who::Named("Nvidia"),
        span: Span::Recent,
        loss: Some("nvidia_market_value_drop_recent"),
        drop: None,
    },
];

impl Drawdown {
    /// The figures of this event (loss first), if they exist in the dataset.
    pub fn figures(&self) -> impl Iterator<Item = Option<&'static Figure>> {
        [self.loss, self.drop.map(|(id, _)| id)]
            .into_iter()
            .flatten()
            .map(gap_data::figure)
    }

    /// The event's date: the loss figure's, else the drop figure's.
    #[must_use]
    pub fn date(&self) -> &'static str {
        self.figures().flatten().find_map(|f| f.date).unwrap_or("")
    }

    /// The market value lost in $B (the midpoint of a range).
    #[must_use]
    pub fn loss_billions(&self) -> Option<f64> {
        let figure = gap_data::figure(self.loss?)?;
        (figure.unit == Unit::Usd).then(|| figure.amount.midpoint() / 1e9)
    }

    /// The drop in percent.
    #[must_use]
    pub fn drop_percent(&self) -> Option<f64> {
        let (id, how) = self.drop?;
        let figure = gap_data::figure(id)?;
        if figure.unit != Unit::Percent {
            return None;
        }
        let value = figure.amount.midpoint();
        Some(match how {
            DropIs::Stated => value,
            DropIs::LevelOfPeak => 100.0 - value,
        })
    }

    /// "Nvidia, 1 day (2025-01-27)", plus the range when the loss is one.
    fn label(&self, lang: Lang) -> String {
        let t = texts(lang);
        let who = match self.who {
            Who::Named(name) => name,
            Who::EightAiCompanies => t.eight_ai_companies,
        };
        let mut label = match self.span.label(t) {
            Some(span) => format!("{who}, {span} ({})", self.date()),
            None => format!("{who} ({})", self.date()),
        };
        if let Some(figure) = self.loss.and_then(gap_data::figure) {
            if let gap_data::Amount::Range { low, high } = figure.amount {
                label.push_str(": ");
                label.push_str(&number::usd_billions_range(lang, low / 1e9, high / 1e9));
            }
        }
        label
    }
}

/// The events of `DRAWDOWNS` sorted by date (stable: equal dates keep the
/// list order).
#[must_use]
pub fn drawdowns_by_date() -> Vec<&'static Drawdown> {
    let mut events: Vec<&Drawdown> = DRAWDOWNS.iter().collect();
    events.sort_by_key(|d| d.date());
    events
}

/// Market-value losses ($B, bars, bottom axis) and percentage drops (%,
/// diamonds, top axis) reported in the articles, one row per event of
/// `DRAWDOWNS`, sorted by date from top to bottom. Row labels read
/// "Nvidia, 1 day (2025-01-27)".
///
/// | series | id | axis | data (index i = `drawdowns_by_date()[i]`) |
/// |---|---|---|---|
/// | 0 | `market-value-lost` (bar) | x0 ($B) | `loss_billions()` or null |
/// | 1 | `price-drop` (scatter) | x1 (%) | `drop_percent()` or null |
#[must_use]
pub fn drawdowns(lang: Lang) -> Chart {
    let t = texts(lang);
    let events = drawdowns_by_date();
    let labels = events.iter().map(|d| d.label(lang)).collect();
    frame(t.drawdowns_title, t.drawdowns_source)
        .tooltip(shadow_tooltip())
        .legend(legend(&[t.value_lost, t.price_drop]))
        // Room above the plot for the top axis and its name.
        .grid(grid().top(GRID_TOP + 32).right(44))
        .y_axis(label_axis(labels).inverse(true))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(axis_name(t.value_lost, t.unit_bn))
                .name_location(NameLocation::Middle)
                .name_gap(30),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .position("top")
                .min(0)
                .max(100)
                .name(axis_name(t.axis_drop, t.unit_pct))
                .name_location(NameLocation::Middle)
                .name_gap(26)
                .split_line(SplitLine::new().show(false)),
        )
        .series(
            Bar::new()
                .id(LOSS)
                .name(t.value_lost)
                .x_axis_index(0)
                .item_style(color(GAP))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{c}"),
                )
                .data(events.iter().map(|d| d.loss_billions()).collect()),
        )
        .series(
            Scatter::new()
                .id(DROP)
                .name(t.price_drop)
                .x_axis_index(1)
                .symbol(Symbol::Diamond)
                .symbol_size(14.0)
                .item_style(color(ACCENT))
                .data(events.iter().map(|d| d.drop_percent()).collect()),
        )
}
