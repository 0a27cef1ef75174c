//! Reads `seeds/figures.toml` and `seeds/sources.toml`, validates them and writes
//! `$OUT_DIR/dataset.rs` with the data as static Rust items. The TOML parser is only a
//! build dependency; the library itself has no dependencies.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    file: String,
    title: String,
    outlet: String,
    author: Option<String>,
    date: String,
    date_note: Option<String>,
    language: String,
    url_hint: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresFile {
    figure: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: String,
    metric: String,
    entity: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: String,
    unit: String,
    period: String,
    date: Option<String>,
    date_note: Option<String>,
    source: String,
    quote: String,
    gloss: String,
    attributed_to: Option<String>,
    #[serde(default)]
    conflicts_with: Vec<String>,
    caveat: Option<String>,
    /// The quote's language where it is not the article's (an English table
    /// in a German article).
    quote_language: Option<String>,
}

/// TOML spelling -> Rust variant.
const UNITS: &[(&str, &str)] = &[
    ("USD", "Usd"),
    ("EUR", "Eur"),
    ("CHF", "Chf"),
    ("percent", "Percent"),
    ("ratio", "Ratio"),
    ("kWh", "KWh"),
    ("GW", "Gw"),
    ("people", "People"),
    ("count", "Count"),
    ("points", "Points"),
    ("USD/Mtok", "UsdPerMtok"),
    ("days", "Days"),
];

const QUALIFIERS: &[(&str, &str)] = &[
    ("exact", "Exact"),
    ("approx", "Approx"),
    ("at_least", "AtLeast"),
    ("at_most", "AtMost"),
    ("range", "Range"),
];

const LANGUAGES: &[(&str, &str)] = &[("nl", "Nl"), ("de", "De"), ("en", "En")];

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn spellings(table: &[(&str, &str)]) -> String {
    table.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
}

fn is_snake_case(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_lowercase()
        && !id.ends_with('_')
        && !id.contains("__")
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}

/// `YYYY-MM-DD`, or `YYYY-MM` when `allow_month`.
fn is_iso_date(s: &str, allow_month: bool) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|c| c.is_ascii_digit());
    let month_ok = |p: &str| digits(p, 2) && (1..=12).contains(&p.parse::<u32>().unwrap_or(0));
    let day_ok = |p: &str| digits(p, 2) && (1..=31).contains(&p.parse::<u32>().unwrap_or(0));
    match parts.as_slice() {
        [y, m] => allow_month && digits(y, 4) && month_ok(m),
        [y, m, d] => digits(y, 4) && month_ok(m) && day_ok(d),
        _ => false,
    }
}

/// 64-bit FNV-1a.
fn fnv1a(chunks: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in chunks {
        for &b in *chunk {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // separator so that moving bytes between the files changes the hash
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({:?})", s.as_str()),
        None => "None".to_string(),
    }
}

fn f64_lit(v: f64) -> String {
    // `{:?}` always prints a float literal Rust accepts (e.g. `500000000000.0`, `0.55`).
    format!("{v:?}")
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let seeds = manifest.join("../../seeds");
    let figures_path = seeds.join("figures.toml");
    let sources_path = seeds.join("sources.toml");
    println!("cargo:rerun-if-changed={}", figures_path.display());
    println!("cargo:rerun-if-changed={}", sources_path.display());
    println!("cargo:rerun-if-changed=build.rs");

    let figures_text = read(&figures_path);
    let sources_text = read(&sources_path);

    let sources: SourcesFile = toml::from_str(&sources_text)
        .unwrap_or_else(|e| fail(&format!("cannot parse {}:\n{e}", sources_path.display())));
    let figures: FiguresFile = toml::from_str(&figures_text)
        .unwrap_or_else(|e| fail(&format!("cannot parse {}:\n{e}", figures_path.display())));

    let mut errors: Vec<String> = Vec::new();

    // ---- sources
    let mut source_files = BTreeSet::new();
    for s in &sources.source {
        let at = format!("sources.toml: source {:?}", s.file);
        if !source_files.insert(s.file.clone()) {
            errors.push(format!("{at}: listed twice"));
        }
        if s.file.contains('/') || s.file.contains('\\') || s.file.is_empty() {
            errors.push(format!("{at}: `file` must be a bare file name in seeds/"));
        }
        if lookup(LANGUAGES, &s.language).is_none() {
            errors.push(format!(
                "{at}: unknown language {:?} (expected one of: {})",
                s.language,
                spellings(LANGUAGES)
            ));
        }
        if !is_iso_date(&s.date, false) {
            errors.push(format!("{at}: date {:?} is not YYYY-MM-DD", s.date));
        }
        for (key, v) in [("title", &s.title), ("outlet", &s.outlet)] {
            if v.trim().is_empty() {
                errors.push(format!("{at}: `{key}` is empty"));
            }
        }
    }

    // ---- figures
    let mut ids = BTreeMap::new();
    for (i, f) in figures.figure.iter().enumerate() {
        if ids.insert(f.id.as_str(), i).is_some() {
            errors.push(format!("figures.toml: duplicate id {:?}", f.id));
        }
    }
    for f in &figures.figure {
        let at = format!("figures.toml: figure {:?}", f.id);
        if !is_snake_case(&f.id) {
            errors.push(format!("{at}: id is not snake_case"));
        }
        if lookup(UNITS, &f.unit).is_none() {
            errors.push(format!(
                "{at}: unknown unit {:?} (expected one of: {})",
                f.unit,
                spellings(UNITS)
            ));
        }
        if let Some(language) = &f.quote_language {
            let source_language = sources
                .source
                .iter()
                .find(|s| s.file == f.source)
                .map(|s| s.language.as_str());
            if lookup(LANGUAGES, language).is_none() {
                errors.push(format!(
                    "{at}: unknown quote_language {language:?} (expected one of: {})",
                    spellings(LANGUAGES)
                ));
            } else if source_language == Some(language.as_str()) {
                errors.push(format!(
                    "{at}: quote_language {language:?} is the article's own: leave it out"
                ));
            }
        }
        if lookup(QUALIFIERS, &f.qualifier).is_none() {
            errors.push(format!(
                "{at}: unknown qualifier {:?} (expected one of: {})",
                f.qualifier,
                spellings(QUALIFIERS)
            ));
        }
        match (f.value, f.low, f.high) {
            (Some(v), None, None) => {
                if !v.is_finite() {
                    errors.push(format!("{at}: value is not finite"));
                }
                if f.qualifier == "range" {
                    errors.push(format!(
                        "{at}: qualifier \"range\" needs `low` and `high`, not `value`"
                    ));
                }
            }
            (None, Some(lo), Some(hi)) => {
                if !lo.is_finite() || !hi.is_finite() {
                    errors.push(format!("{at}: low/high not finite"));
                } else if lo >= hi {
                    errors.push(format!("{at}: low ({lo}) must be < high ({hi})"));
                }
                if f.qualifier != "range" {
                    errors.push(format!(
                        "{at}: `low`/`high` given, so qualifier must be \"range\" (is {:?})",
                        f.qualifier
                    ));
                }
            }
            (Some(_), _, _) => errors.push(format!(
                "{at}: give either `value` or `low` + `high`, not both"
            )),
            (None, None, None) => {
                errors.push(format!("{at}: neither `value` nor `low` + `high` present"))
            }
            (None, _, _) => errors.push(format!("{at}: `low` and `high` must both be present")),
        }
        if !source_files.contains(&f.source) {
            errors.push(format!(
                "{at}: source {:?} is not listed in sources.toml",
                f.source
            ));
        }
        for (key, v) in [
            ("metric", &f.metric),
            ("entity", &f.entity),
            ("period", &f.period),
            ("quote", &f.quote),
            ("gloss", &f.gloss),
        ] {
            if v.trim().is_empty() {
                errors.push(format!("{at}: `{key}` is empty"));
            }
        }
        if let Some(d) = &f.date {
            if !is_iso_date(d, true) {
                errors.push(format!("{at}: date {d:?} is not YYYY-MM-DD or YYYY-MM"));
            }
        }
        if f.date_note.is_some() && f.date.is_none() {
            errors.push(format!("{at}: `date_note` without `date`"));
        }
        let mut seen = BTreeSet::new();
        for other in &f.conflicts_with {
            if !seen.insert(other) {
                errors.push(format!("{at}: conflicts_with lists {other:?} twice"));
            }
            if other == &f.id {
                errors.push(format!("{at}: conflicts_with lists itself"));
                continue;
            }
            match ids.get(other.as_str()) {
                None => errors.push(format!(
                    "{at}: conflicts_with points to unknown id {other:?}"
                )),
                Some(&j) => {
                    if !figures.figure[j].conflicts_with.contains(&f.id) {
                        errors.push(format!(
                            "{at}: conflicts_with {other:?}, but {other:?} does not list {:?} back (conflicts must be symmetric)",
                            f.id
                        ));
                    }
                }
            }
        }
    }

    if !errors.is_empty() {
        fail(&format!(
            "{} problem(s) in the seed data:\n  - {}",
            errors.len(),
            errors.join("\n  - ")
        ));
    }

    // ---- generate
    let hash = fnv1a(&[figures_text.as_bytes(), sources_text.as_bytes()]);
    let mut out = String::new();
    out.push_str("// @generated by crates/gap-data/build.rs from seeds/figures.toml and seeds/sources.toml\n\n");
    let _ = writeln!(
        out,
        "/// Identifies the dataset content: `figures-` + 12 hex digits of FNV-1a over both TOML files.\npub const DATASET_VERSION: &str = \"figures-{:012x}\";\n",
        hash >> 16
    );

    out.push_str("/// The source articles, in the order of `seeds/sources.toml`.\npub static SOURCES: &[Source] = &[\n");
    for s in &sources.source {
        let _ = writeln!(
            out,
            "    Source {{ file: {:?}, title: {:?}, outlet: {:?}, author: {}, date: {:?}, date_note: {}, language: Language::{}, url_hint: {}, note: {} }},",
            s.file.as_str(),
            s.title.as_str(),
            s.outlet.as_str(),
            opt(&s.author),
            s.date.as_str(),
            opt(&s.date_note),
            lookup(LANGUAGES, &s.language).unwrap_or("En"),
            opt(&s.url_hint),
            opt(&s.note),
        );
    }
    out.push_str("];\n\n");

    out.push_str("/// Every figure, in the order of `seeds/figures.toml`.\npub static FIGURES: &[Figure] = &[\n");
    for f in &figures.figure {
        let amount = match (f.value, f.low, f.high) {
            (Some(v), _, _) => format!("Amount::Single({})", f64_lit(v)),
            (None, Some(lo), Some(hi)) => format!(
                "Amount::Range {{ low: {}, high: {} }}",
                f64_lit(lo),
                f64_lit(hi)
            ),
            _ => unreachable!("validated above"),
        };
        let conflicts = f
            .conflicts_with
            .iter()
            .map(|c| format!("{:?}", c.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        // The texts only with the `texts` feature: the app fetches them.
        let texts = if std::env::var_os("CARGO_FEATURE_TEXTS").is_some() {
            format!(
                "quote: {:?}, gloss: {:?}, caveat: {}, ",
                f.quote.as_str(),
                f.gloss.as_str(),
                opt(&f.caveat)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "    Figure {{ id: {:?}, metric: {:?}, entity: {:?}, amount: {amount}, qualifier: Qualifier::{}, unit: Unit::{}, period: {:?}, source: {:?}, {texts}attributed_to: {}, conflicts_with: &[{conflicts}], date: {}, date_note: {}, quote_language: {} }},",
            f.id.as_str(),
            f.metric.as_str(),
            f.entity.as_str(),
            lookup(QUALIFIERS, &f.qualifier).unwrap_or("Exact"),
            lookup(UNITS, &f.unit).unwrap_or("Count"),
            f.period.as_str(),
            f.source.as_str(),
            opt(&f.attributed_to),
            opt(&f.date),
            opt(&f.date_note),
            f.quote_language
                .as_deref()
                .and_then(|language| lookup(LANGUAGES, language))
                .map_or_else(|| "None".to_owned(), |variant| format!("Some(Language::{variant})")),
        );
    }
    out.push_str("];\n");

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let dest = out_dir.join("dataset.rs");
    std::fs::write(&dest, out)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())))
}

fn fail(msg: &str) -> ! {
    // Cargo shows build-script stderr when the script fails.
    eprintln!("\ngap-data: invalid seed data\n{msg}\n");
    std::process::exit(1);
}
