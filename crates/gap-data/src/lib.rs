//! The figures extracted from the five source articles in `seeds/`, with verbatim
//! provenance, compiled in at build time.
//!
//! `build.rs` parses and validates `seeds/figures.toml` and `seeds/sources.toml` and
//! generates static data; this crate has no runtime dependencies and builds for
//! `wasm32-unknown-unknown`. The quotes, glosses and caveats (and the CSV and
//! JSON made of them) come only with the `texts` feature (on by default): the
//! app builds without it and fetches `figure-texts.json`, which
//! `examples/site_files.rs` writes, when a reader first wants them.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// Language an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Dutch.
    Nl,
    /// German.
    De,
    /// English.
    En,
}

impl Language {
    /// ISO 639-1 code, as spelled in `sources.toml`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::De => "de",
            Language::En => "en",
        }
    }
}

/// How precisely the article states the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// Stated without hedging.
    Exact,
    /// "about", "roughly", "~", "almost".
    Approx,
    /// "more than", "at least", ">".
    AtLeast,
    /// "under", "at most".
    AtMost,
    /// A range from `low` to `high`.
    Range,
}

impl Qualifier {
    /// Spelling used in `figures.toml`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

/// Unit of a figure's amount (amounts are in base units: $500 billion is `500e9` USD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// US dollars.
    Usd,
    /// Euros.
    Eur,
    /// Swiss francs.
    Chf,
    /// Percent (37 percent is `37.0`).
    Percent,
    /// A multiple or ratio (P/E ratios, "tripled" = 3).
    Ratio,
    /// Kilowatt-hours.
    KWh,
    /// Gigawatts.
    Gw,
    /// Number of people.
    People,
    /// Number of things.
    Count,
    /// Index points.
    Points,
    /// US dollars per million tokens.
    UsdPerMtok,
    /// Days.
    Days,
}

impl Unit {
    /// Spelling used in `figures.toml`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Usd => "USD",
            Unit::Eur => "EUR",
            Unit::Chf => "CHF",
            Unit::Percent => "percent",
            Unit::Ratio => "ratio",
            Unit::KWh => "kWh",
            Unit::Gw => "GW",
            Unit::People => "people",
            Unit::Count => "count",
            Unit::Points => "points",
            Unit::UsdPerMtok => "USD/Mtok",
            Unit::Days => "days",
        }
    }
}

/// A single number or a range, in base units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// One number.
    Single(f64),
    /// A range (`low < high`).
    Range {
        /// Lower end.
        low: f64,
        /// Upper end.
        high: f64,
    },
}

impl Amount {
    /// The number itself, or the middle of the range.
    #[must_use]
    pub fn midpoint(&self) -> f64 {
        match *self {
            Amount::Single(v) => v,
            Amount::Range { low, high } => low.midpoint(high),
        }
    }

    /// The number itself, or the lower end of the range.
    #[must_use]
    pub fn low(&self) -> f64 {
        match *self {
            Amount::Single(v) => v,
            Amount::Range { low, .. } => low,
        }
    }

    /// The number itself, or the upper end of the range.
    #[must_use]
    pub fn high(&self) -> f64 {
        match *self {
            Amount::Single(v) => v,
            Amount::Range { high, .. } => high,
        }
    }
}

/// One source article (`seeds/sources.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    /// File name in `seeds/`.
    pub file: &'static str,
    /// Headline (or opening words, marked `[untitled]`, when the seed has none).
    pub title: &'static str,
    /// Publication.
    pub outlet: &'static str,
    /// Author, where given.
    pub author: Option<&'static str>,
    /// ISO date, as stated or inferred.
    pub date: &'static str,
    /// How the date was inferred, when it is not stated.
    pub date_note: Option<&'static str>,
    /// Language of the running text.
    pub language: Language,
    /// Where the article can be found (a domain, not a full URL).
    pub url_hint: Option<&'static str>,
    /// Anything else worth knowing about the source.
    pub note: Option<&'static str>,
}

/// One quantitative claim (`seeds/figures.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// Unique, stable snake_case id.
    pub id: &'static str,
    /// Short English label.
    pub metric: &'static str,
    /// Who or what the figure is about.
    pub entity: &'static str,
    /// The number, in base units.
    pub amount: Amount,
    /// How precisely the article states it.
    pub qualifier: Qualifier,
    /// Unit of `amount`.
    pub unit: Unit,
    /// The time the figure refers to ("2026", "2025-Q3", "2025-11 week 1").
    pub period: &'static str,
    /// File name in `seeds/` of the article stating it.
    pub source: &'static str,
    /// Verbatim text from the article that states the number.
    #[cfg(feature = "texts")]
    pub quote: &'static str,
    /// English rendering of `quote`.
    #[cfg(feature = "texts")]
    pub gloss: &'static str,
    /// Who the article credits, if anyone.
    pub attributed_to: Option<&'static str>,
    /// Ids of figures that contradict this one (symmetric).
    pub conflicts_with: &'static [&'static str],
    /// Why the figure needs care.
    #[cfg(feature = "texts")]
    pub caveat: Option<&'static str>,
    /// ISO day or month of a market move.
    pub date: Option<&'static str>,
    /// How `date` was inferred, when the article does not state it.
    pub date_note: Option<&'static str>,
    /// The quote's language where it is not the article's.
    pub quote_language: Option<Language>,
}

impl Figure {
    /// The language the quote is written in (for its `lang` attribute).
    #[must_use]
    pub fn quote_lang(&self) -> Language {
        self.quote_language
            .or_else(|| self.source_info().map(|s| s.language))
            .unwrap_or(Language::En)
    }

    /// The article this figure comes from.
    #[must_use]
    pub fn source_info(&self) -> Option<&'static Source> {
        source(self.source)
    }
}

/// The generated data (`$OUT_DIR/dataset.rs`, written by `build.rs`).
#[allow(clippy::unreadable_literal)]
mod dataset {
    use super::{Amount, Figure, Language, Qualifier, Source, Unit};
    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}

pub use dataset::{DATASET_VERSION, FIGURES, SOURCES};

/// The figure with this id.
#[must_use]
pub fn figure(id: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.id == id)
}

/// The source with this file name (as in `seeds/`).
#[must_use]
pub fn source(file: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.file == file)
}

/// All figures from one source file, in file order.
pub fn figures_in(file: &str) -> impl Iterator<Item = &'static Figure> {
    let file = source(file).map(|s| s.file);
    FIGURES.iter().filter(move |f| Some(f.source) == file)
}

/// Column names of [`figures_csv`], in order.
#[cfg(feature = "texts")]
pub const CSV_HEADER: [&str; 16] = [
    "id",
    "metric",
    "entity",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "period",
    "date",
    "source",
    "attributed_to",
    "quote",
    "gloss",
    "conflicts_with",
    "caveat",
];

/// All figures as RFC 4180 CSV (CRLF line ends, header row). `value` is filled for single
/// numbers, `low`/`high` for ranges; `conflicts_with` is `;`-joined.
#[cfg(feature = "texts")]
#[must_use]
pub fn figures_csv() -> String {
    let mut out = String::with_capacity(FIGURES.len() * 400);
    push_row(&mut out, CSV_HEADER.iter().copied());
    for f in FIGURES {
        let (value, low, high) = match f.amount {
            Amount::Single(v) => (num(v), String::new(), String::new()),
            Amount::Range { low, high } => (String::new(), num(low), num(high)),
        };
        let conflicts = f.conflicts_with.join(";");
        push_row(
            &mut out,
            [
                f.id,
                f.metric,
                f.entity,
                &value,
                &low,
                &high,
                f.qualifier.as_str(),
                f.unit.as_str(),
                f.period,
                f.date.unwrap_or(""),
                f.source,
                f.attributed_to.unwrap_or(""),
                f.quote,
                f.gloss,
                &conflicts,
                f.caveat.unwrap_or(""),
            ],
        );
    }
    out
}

/// Plain decimal (`500000000000`, `0.55`), which spreadsheets read without surprises.
#[cfg(feature = "texts")]
fn num(v: f64) -> String {
    format!("{v}")
}

#[cfg(feature = "texts")]
fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Every figure's quote, gloss and caveat as JSON, `{"<id>": {"quote": …,
/// "gloss": …, "caveat": …}}` (no caveat key when there is none): the file
/// the app fetches when a reader first wants them.
#[cfg(feature = "texts")]
#[must_use]
pub fn figure_texts_json() -> String {
    let mut out = String::from("{");
    for (i, f) in FIGURES.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "\n{}:{{\"quote\":{},\"gloss\":{}",
            json_string(f.id),
            json_string(f.quote),
            json_string(f.gloss)
        ));
        if let Some(caveat) = f.caveat {
            out.push_str(&format!(",\"caveat\":{}", json_string(caveat)));
        }
        out.push('}');
    }
    out.push_str("\n}\n");
    out
}

/// `text` as a JSON string literal.
#[cfg(feature = "texts")]
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_helpers() {
        let r = Amount::Range {
            low: 50e9,
            high: 60e9,
        };
        assert_eq!(r.midpoint(), 55e9);
        assert_eq!(r.low(), 50e9);
        assert_eq!(r.high(), 60e9);
        let s = Amount::Single(3.7e9);
        assert_eq!((s.low(), s.midpoint(), s.high()), (3.7e9, 3.7e9, 3.7e9));
    }

    #[test]
    fn version_shape() {
        let hex = DATASET_VERSION.strip_prefix("figures-").unwrap();
        assert_eq!(hex.len(), 12);
        assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn csv_quotes_fields() {
        let mut s = String::new();
        push_row(&mut s, ["a", "b,c", "say \"hi\"", "x\ny"]);
        assert_eq!(s, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
