//! Numbers for readers, written exactly as `Intl.NumberFormat` writes them
//! for the language with `signDisplay: "negative"` (a number that rounds to
//! zero is "0", never "-0"): "$1.9T", "1,9 Bio. $", "US$ 1,9 bln.".
//!
//! Rounding follows ECMA-402: the shortest decimal that reads back as the
//! `f64` (what `Number.prototype.toString` prints) is rounded half away from
//! zero, so 1.005 rounds to 1.01 and 0.15 to 0.2. Compact notation picks the
//! word (K, Mio., …) from the number's magnitude, and again from the rounded
//! number when rounding carried it into the next one (999.95B → "$1T"); it
//! groups thousands only from five integer digits, as ICU does.
//! `tests/intl.rs` compares every function with a table of the browser's
//! outputs (`scripts/capture-intl.mjs`).
//!
//! A non-finite number is written "–" (Intl would write "NaN" or "∞"): the
//! model never hands one to a reader on purpose, and a dash says "no value".

use crate::Lang;

/// How a language writes numbers: the `[number]` section of its locale file.
#[derive(Debug)]
pub struct NumberFormat {
    pub(crate) decimal: char,
    pub(crate) group: char,
    /// The word after thousands, millions, billions, trillions; "" where the
    /// language writes that size out in full.
    pub(crate) compact: [&'static str; 4],
    pub(crate) money_prefix: &'static str,
    pub(crate) money_suffix: &'static str,
}

/// What a non-finite number reads as.
pub const NO_VALUE: &str = "–";

/// Plain decimal text rounded to six decimals, without float noise from
/// model arithmetic (1945.0000000000002 → "1945"). For `data-value`
/// readouts and number boxes, never for readers.
#[must_use]
pub fn plain(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    // + 0.0 turns −0 into 0: a readout never says "-0".
    format!("{}", rounded + 0.0)
}

/// A money amount in billions of US dollars, compact with at most one
/// decimal: "$1.9T", "55 Mrd. $", "US$ 500 mln.".
#[must_use]
pub fn usd_billions(lang: Lang, billions: f64) -> String {
    let Some(digits) = Digits::of(billions) else {
        return NO_VALUE.to_owned();
    };
    // Billions to dollars, exactly: shift the decimal point by nine places.
    let dollars = Digits {
        point: digits.point + 9,
        ..digits
    };
    let format = lang.number_format();
    let (negative, text) = compact_digits(format, dollars);
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}{text}{}", format.money_prefix, format.money_suffix)
}

/// A range of money in billions: "$50B – $60B".
#[must_use]
pub fn usd_billions_range(lang: Lang, low: f64, high: f64) -> String {
    format!("{} – {}", usd_billions(lang, low), usd_billions(lang, high))
}

/// A compact plain number with at most one decimal: "1.2K", "4.5B", "3,5 Mio.".
#[must_use]
pub fn compact(lang: Lang, value: f64) -> String {
    let Some(digits) = Digits::of(value) else {
        return NO_VALUE.to_owned();
    };
    let (negative, text) = compact_digits(lang.number_format(), digits);
    format!("{}{text}", if negative { "-" } else { "" })
}

/// A number with at most `max_fraction` decimals, thousands grouped:
/// "1,945", "1.234,5", "0.15".
#[must_use]
pub fn decimal(lang: Lang, value: f64, max_fraction: u8) -> String {
    fractional(lang, value, 0, max_fraction)
}

/// A number with exactly `fraction` decimals: "1,945.0", "-1,50".
#[must_use]
pub fn fixed(lang: Lang, value: f64, fraction: u8) -> String {
    fractional(lang, value, fraction, fraction)
}

/// A percentage (percent number in) with at most `max_fraction` decimals
/// and a no-break space before the sign, so it never wraps off its number:
/// "24.9 %", "-3,7 %".
#[must_use]
pub fn percent(lang: Lang, value: f64, max_fraction: u8) -> String {
    format!("{}\u{a0}%", decimal(lang, value, max_fraction))
}

fn fractional(lang: Lang, value: f64, min_fraction: u8, max_fraction: u8) -> String {
    let Some(digits) = Digits::of(value) else {
        return NO_VALUE.to_owned();
    };
    let rounded = digits.rounded(i32::from(max_fraction));
    let text = rounded.render(lang.number_format(), usize::from(min_fraction), 1);
    format!("{}{text}", if rounded.negative() { "-" } else { "" })
}

/// The compact text of `digits` without its sign, and whether it is negative
/// after rounding.
fn compact_digits(format: &NumberFormat, digits: Digits) -> (bool, String) {
    if digits.digits.is_empty() {
        return (false, "0".to_owned());
    }
    let word_index = |magnitude: i32| -> usize {
        let index = usize::try_from(magnitude.max(0) / 3).unwrap_or(0).min(4);
        if index > 0 && format.compact[index - 1].is_empty() {
            0
        } else {
            index
        }
    };
    let scaled = |index: usize| {
        let shift = 3 * i32::try_from(index).unwrap_or(0);
        Digits {
            point: digits.point - shift,
            ..digits.clone()
        }
        .rounded(1)
    };
    let mut index = word_index(digits.point - 1);
    let mut rounded = scaled(index);
    // Rounding may carry into the next magnitude (999.95K → 1000K → 1M).
    let carried = word_index(rounded.point - 1 + 3 * i32::try_from(index).unwrap_or(0));
    if carried != index {
        index = carried;
        rounded = scaled(index);
    }
    let word = if index == 0 {
        ""
    } else {
        format.compact[index - 1]
    };
    (
        rounded.negative(),
        format!("{}{word}", rounded.render(format, 0, 2)),
    )
}

/// A finite number as its shortest round-trip decimal digits: the value is
/// `±0.d₁d₂… × 10^point`. No digits means zero.
#[derive(Clone, Debug, PartialEq)]
struct Digits {
    negative: bool,
    digits: Vec<u8>,
    point: i32,
}

impl Digits {
    fn of(value: f64) -> Option<Digits> {
        if !value.is_finite() {
            return None;
        }
        // `{:e}` prints the shortest digits that read back as `value`,
        // as `Number.prototype.toString` does: "1.005e0", "5e-2".
        let text = format!("{:e}", value.abs());
        let (mantissa, exponent) = text.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let mut digits: Vec<u8> = mantissa
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Some(Digits {
            negative: value < 0.0,
            digits,
            point: exponent + 1,
        })
    }

    fn negative(&self) -> bool {
        self.negative && !self.digits.is_empty()
    }

    /// Rounded half away from zero to `fraction` decimals, trailing zeros dropped.
    fn rounded(&self, fraction: i32) -> Digits {
        let keep = self.point + fraction;
        let mut out = self.clone();
        let Ok(keep) = usize::try_from(keep) else {
            out.digits.clear();
            return out;
        };
        if keep >= out.digits.len() {
            return out;
        }
        let round_up = out.digits[keep] >= 5;
        out.digits.truncate(keep);
        if round_up {
            let mut carry = true;
            for digit in out.digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                out.digits.insert(0, 1);
                out.point += 1;
            }
        }
        while out.digits.last() == Some(&0) {
            out.digits.pop();
        }
        out
    }

    /// Unsigned text: integer digits grouped by three when there are at
    /// least `3 + min_grouping` of them, at least `min_fraction` decimals.
    fn render(&self, format: &NumberFormat, min_fraction: usize, min_grouping: usize) -> String {
        let digit = |i: i32| -> char {
            usize::try_from(i)
                .ok()
                .and_then(|i| self.digits.get(i))
                .map_or('0', |d| char::from(b'0' + d))
        };
        let integer: String = if self.point <= 0 || self.digits.is_empty() {
            "0".to_owned()
        } else {
            (0..self.point).map(digit).collect()
        };
        let last = i32::try_from(self.digits.len()).unwrap_or(i32::MAX);
        let significant = if self.digits.is_empty() {
            0
        } else {
            last - self.point
        };
        let fraction_len = usize::try_from(significant).unwrap_or(0).max(min_fraction);
        let mut out = String::with_capacity(integer.len() + fraction_len + 4);
        let grouped = integer.len() >= 3 + min_grouping;
        for (i, ch) in integer.chars().enumerate() {
            if grouped && i > 0 && (integer.len() - i).is_multiple_of(3) {
                out.push(format.group);
            }
            out.push(ch);
        }
        if fraction_len > 0 {
            out.push(format.decimal);
            let start = self.point;
            out.extend((0..fraction_len).map(|i| digit(start + i32::try_from(i).unwrap_or(0))));
        }
        out
    }
}

/// A number a reader typed, read the way the language writes it, and
/// forgiving of the other convention: "1,500" is 1500 on an English page and
/// "2,5" is 2.5 on any page (a German reader of an English page types a
/// decimal comma). The rule, after dropping spaces (plain, no-break, narrow)
/// and a leading "+" or minus sign ("-" or "−"):
/// - with both "." and ",", the last one is the decimal mark and the other
///   groups thousands (its groups must be of three digits);
/// - a mark that appears more than once groups thousands;
/// - a single mark is the decimal mark, unless it is the language's
///   thousands separator followed by exactly three digits ("1.500" in
///   German, "1,500" in English).
///
/// `None` for anything else, including a non-finite result.
#[must_use]
pub fn parse(lang: Lang, text: &str) -> Option<f64> {
    // Spaces (plain, no-break, narrow) are all Unicode white space.
    let mut plain: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(rest) = plain.strip_prefix('−') {
        plain = format!("-{rest}");
    }
    let body = plain.strip_prefix(['-', '+']).unwrap_or(&plain);
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let bytes = body.as_bytes();
    let decimal_at = body.rfind(['.', ',']).filter(|&at| {
        let mark = bytes[at];
        let other = if mark == b'.' { b',' } else { b'.' };
        let groups_thousands = bytes.iter().filter(|&&b| b == mark).count() > 1
            || (char::from(mark) == lang.number_format().group && body.len() - at == 4);
        bytes.contains(&other) || !groups_thousands
    });
    let (whole, fraction) = decimal_at.map_or((body, ""), |at| (&body[..at], &body[at + 1..]));
    // The whole part's groups: up to three digits, then groups of exactly three.
    let mut groups = whole.split(['.', ',']);
    let first = groups.next().unwrap_or_default();
    let mut digits = String::from(first);
    for group in groups {
        if first.is_empty() || first.len() > 3 || group.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    if fraction.contains(['.', ',']) || (digits.is_empty() && fraction.is_empty()) {
        return None;
    }
    let sign = &plain[..plain.len() - body.len()];
    format!("{sign}{digits}.{fraction}")
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
}
