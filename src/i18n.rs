//! The page's texts. They live in `locales/*.toml` (`[ui]`), one file per
//! language, compiled by `gap-text`, which fails the build on a key missing
//! from a language or placeholders that differ. Here: the lookups from the
//! app's ids to those texts.

pub use gap_text::{Lang, UiTexts};

/// The page's texts in `lang`.
#[must_use]
pub fn texts(lang: Lang) -> &'static UiTexts {
    lang.ui()
}

/// `text` with its `{start}` and `{end}` filled; a horizon of one year is
/// that year, not "2030–2030".
#[must_use]
pub fn with_horizon(text: &str, start: i32, end: i32) -> String {
    let text = if start == end {
        text.replace("{start}–{end}", "{end}")
    } else {
        text.to_owned()
    };
    text.replace("{start}", &start.to_string())
        .replace("{end}", &end.to_string())
}

/// The name of a distribution.
#[must_use]
pub fn shape_name(t: &UiTexts, distribution: gap_model::Distribution) -> &'static str {
    match distribution {
        gap_model::Distribution::Triangular => t.shape_triangular,
        gap_model::Distribution::Uniform => t.shape_uniform,
        gap_model::Distribution::Pert => t.shape_pert,
    }
}

/// A preset's name and its one-line note, by its id ("" for an unknown id).
#[must_use]
pub fn preset_texts(t: &UiTexts, id: &str) -> (&'static str, &'static str) {
    match id {
        "article_2026" => (t.preset_article_2026, t.note_article_2026),
        "sequoia_2023" => (t.preset_sequoia_2023, t.note_sequoia_2023),
        "sequoia_2024" => (t.preset_sequoia_2024, t.note_sequoia_2024),
        "bain_2025" => (t.preset_bain_2025, t.note_bain_2025),
        "jpmorgan_2025" => (t.preset_jpmorgan_2025, t.note_jpmorgan_2025),
        "deepseek_shock" => (t.preset_deepseek_shock, t.note_deepseek_shock),
        "deepseek_chips" => (t.preset_deepseek_chips, t.note_deepseek_chips),
        "deepseek_price" => (t.preset_deepseek_price, t.note_deepseek_price),
        _ => ("", ""),
    }
}
