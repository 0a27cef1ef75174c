//! Numbers for readers, formatted by the browser's `Intl.NumberFormat` for the
//! page language ("$2.0T" in English, "2,0 Bio. $" in German).

use std::cell::RefCell;
use std::collections::HashMap;

use gap_charts::Lang;
use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// Compact US dollars, one decimal: "$1.9T", "$55B".
    CompactUsd,
    /// A plain decimal with up to this many fraction digits.
    Decimal(u8),
    /// A compact plain number, one decimal: "1.2B", "3,5 Mio.".
    Compact,
}

thread_local! {
    // Building an Intl.NumberFormat costs far more than using one; the slider
    // hot path formats a dozen numbers per frame.
    static FORMATTERS: RefCell<HashMap<(Lang, Style), Function>> = RefCell::new(HashMap::new());
}

fn formatter(lang: Lang, style: Style) -> Function {
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .entry((lang, style))
            .or_insert_with(|| build(lang, style))
            .clone()
    })
}

fn build(lang: Lang, style: Style) -> Function {
    let options = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&options, &key.into(), &value);
    };
    match style {
        Style::CompactUsd => {
            set("style", "currency".into());
            set("currency", "USD".into());
            set("notation", "compact".into());
            set("maximumFractionDigits", 1.into());
        }
        Style::Decimal(digits) => {
            set("maximumFractionDigits", u32::from(digits).into());
        }
        Style::Compact => {
            set("notation", "compact".into());
            set("maximumFractionDigits", 1.into());
        }
    }
    let locales = Array::of1(&lang.code().into());
    Intl::NumberFormat::new(&locales, &options).format()
}

fn apply(lang: Lang, style: Style, value: f64) -> String {
    formatter(lang, style)
        .call1(&JsValue::UNDEFINED, &value.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// A money amount given in billions of US dollars, compact: "$1.9T", "55 Mrd. $".
#[must_use]
pub fn usd_billions(lang: Lang, billions: f64) -> String {
    apply(lang, Style::CompactUsd, billions * 1e9)
}

/// A plain number with at most `digits` fraction digits, grouped for the locale.
#[must_use]
pub fn decimal(lang: Lang, value: f64, digits: u8) -> String {
    apply(lang, Style::Decimal(digits), value)
}

/// Plain decimal text rounded to six decimals, without float noise from
/// model arithmetic (1945.0000000000002 → "1945"). For `data-value`
/// readouts and number boxes, never for readers.
#[must_use]
pub fn plain(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    // + 0.0 turns −0 into 0: a readout never says "-0".
    format!("{}", rounded + 0.0)
}

/// A percentage (percent number in, "−24.9 %" out) in the locale's format,
/// with a no-break space so that the sign never wraps away from its number.
#[must_use]
pub fn percent(lang: Lang, value: f64, digits: u8) -> String {
    format!("{}\u{a0}%", decimal(lang, value, digits))
}

/// The shortest decimal text that reads back as exactly `value`, for URLs:
/// a shared link must run the very numbers its author saw.
#[must_use]
pub fn exact(value: f64) -> String {
    if value == 0.0 {
        // Not "-0".
        return "0".to_owned();
    }
    format!("{value}")
}

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
        Unit::Percent => format!("{} %", decimal(lang, value, 2)),
        Unit::Ratio => format!("{}×", decimal(lang, value, 2)),
        Unit::UsdPerMtok => format!("{} $/Mtok", decimal(lang, value, 2)),
        Unit::KWh => format!("{} kWh", compact(lang, value)),
        Unit::Gw => format!("{} GW", decimal(lang, value, 1)),
        Unit::People | Unit::Count => compact(lang, value),
        Unit::Points => decimal(lang, value, 2),
        Unit::Days => format!("{} d", decimal(lang, value, 0)),
    }
}

/// A compact plain number: "1.2B", "4,500", "3,5 Mio.".
fn compact(lang: Lang, value: f64) -> String {
    apply(lang, Style::Compact, value)
}
