//! Every text the app shows, in every language, and the one number formatter.
//!
//! The texts live in `locales/<code>.toml`, one file per language, where a
//! translator can edit them; `build.rs` checks them against English and
//! compiles them into [`Lang`], [`UiTexts`] (the page) and [`ChartTexts`]
//! (inside charts). Adding a language is adding one file: its variant of
//! `Lang` is generated from the file name.
//!
//! [`number`] writes every number a reader sees — chart labels, titles,
//! tooltips, readouts, the headline, exports — the way the browser's
//! `Intl.NumberFormat` writes it for the language, without calling the
//! browser, so charts (built natively) and the page agree to the character.

pub mod number;

pub use number::NumberFormat;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

impl Lang {
    /// The language with this ISO 639-1 code (exact, lower case).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of a BCP 47 tag such as `de-CH` or `nl_NL`, if the app has it.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::from_code(&tag.split(['-', '_']).next()?.to_ascii_lowercase())
    }
}

/// Text safe to place between tags or in a quoted attribute.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Replaces each `{key}` in `template` by its value.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}
