//! Numbers for readers come from `gap_text::number`, the one formatter the
//! charts use too, which writes them exactly as `Intl.NumberFormat` does for
//! the page language ("$2T" in English, "2 Bio. $" in German). Here: the
//! machine-readable forms (readouts' `data-value`, URLs) and dataset amounts.

pub use gap_text::number::{compact, decimal, percent, plain, usd_billions};
use gap_text::Lang;

pub use crate::url_state::exact;

/// A dataset figure's amount in its own unit, with its qualifier:
/// "≈ $500B", "$50B – $60B", "≥ 10 %", "0.55 $/Mtok".
#[must_use]
pub fn figure_amount(lang: Lang, figure: &gap_data::Figure) -> String {
    use gap_data::{Amount, Qualifier};
    let one = |value: f64| amount_in_unit(lang, figure.unit, value);
    let prefix = match figure.qualifier {
        Qualifier::Approx => "≈ ",
        Qualifier::AtLeast => "≥ ",
        Qualifier::AtMost => "≤ ",
        Qualifier::Exact | Qualifier::Range => "",
    };
    match figure.amount {
        Amount::Single(value) => format!("{prefix}{}", one(value)),
        Amount::Range { low, high } => format!("{prefix}{} – {}", one(low), one(high)),
    }
}

fn amount_in_unit(lang: Lang, unit: gap_data::Unit, value: f64) -> String {
    use gap_data::Unit;
    match unit {
        Unit::Usd => usd_billions(lang, value / 1e9),
        Unit::Eur => format!("{} €", compact(lang, value)),
        Unit::Chf => format!("CHF {}", compact(lang, value)),
        Unit::Percent => percent(lang, value, 2),
        Unit::Ratio => format!("{}×", decimal(lang, value, 2)),
        Unit::UsdPerMtok => format!("{} $/Mtok", decimal(lang, value, 2)),
        Unit::KWh => format!("{} kWh", compact(lang, value)),
        Unit::Gw => format!("{} GW", decimal(lang, value, 1)),
        Unit::People | Unit::Count => compact(lang, value),
        Unit::Points => decimal(lang, value, 2),
        Unit::Days => format!("{} d", decimal(lang, value, 0)),
    }
}
