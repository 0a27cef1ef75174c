//! Reads every `locales/<code>.toml`, checks them against `locales/en.toml`
//! and writes `$OUT_DIR/locales.rs`: the `Lang` enum (one variant per file,
//! English first), the `UiTexts` and `ChartTexts` structs (one field per key)
//! and one static of each per language.
//!
//! The build fails, naming file and key, on a missing key, an extra key, a
//! text that is not a string, or placeholders (`{name}`) that differ from
//! English; a brace outside a placeholder fails it too, so nothing reaches
//! ECharts that it could read as a template of its own. The TOML parser is a
//! build dependency only; the library has no dependencies.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

/// The sections whose keys become struct fields, with the struct's name.
const TEXT_SECTIONS: [(&str, &str); 2] = [("ui", "UiTexts"), ("chart", "ChartTexts")];

pub(crate) struct Locale {
    code: String,
    name: String,
    table: Table,
    /// Comments above each key, from the English file only.
    docs: Vec<(String, Vec<String>)>,
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=build.rs");
    let (locales, problems) = check(&dir);
    if !problems.is_empty() {
        panic!("locales/ is not consistent:\n- {}", problems.join("\n- "));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(&out, generate(&locales)).expect("write locales.rs");
}

/// The locale files of `dir`, English first, and what is wrong with them.
/// (Also compiled into `tests/locale_checks.rs`.)
pub(crate) fn check(dir: &Path) -> (Vec<Locale>, Vec<String>) {
    let mut problems = Vec::new();
    let locales = read_locales(dir, &mut problems);
    if let Some(english) = locales.first() {
        for locale in &locales {
            compare(english, locale, &mut problems);
            check_number_section(locale, &mut problems);
        }
    }
    (locales, problems)
}

fn read_locales(dir: &Path, problems: &mut Vec<String>) -> Vec<Locale> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read locales/")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    // English first: it is the reference and the default.
    paths.sort_by_key(|path| (file_stem(path) != "en", file_stem(path)));
    if paths.first().map(|path| file_stem(path)) != Some("en".to_owned()) {
        problems.push("locales/en.toml is missing: it is the reference language".to_owned());
        return Vec::new();
    }
    let mut locales = Vec::new();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = format!("locales/{}.toml", file_stem(&path));
        let text = std::fs::read_to_string(&path).expect("read a locale file");
        let table: Table = match text.parse() {
            Ok(table) => table,
            Err(error) => {
                problems.push(format!("{file}: not valid TOML: {error}"));
                continue;
            }
        };
        let language = table.get("language").and_then(Value::as_table);
        let field = |key: &str| {
            language
                .and_then(|language| language.get(key))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let code = field("code").unwrap_or_default();
        if code != file_stem(&path)
            || code.len() != 2
            || !code.bytes().all(|b| b.is_ascii_lowercase())
        {
            problems.push(format!(
                "{file}: [language] code must be the file's two-letter lower-case name, is {code:?}"
            ));
        }
        let name = field("name").unwrap_or_default();
        if name.is_empty() {
            problems.push(format!("{file}: [language] name is missing"));
        }
        let docs = if code == "en" {
            key_comments(&text)
        } else {
            Vec::new()
        };
        locales.push(Locale {
            code,
            name,
            table,
            docs,
        });
    }
    locales
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned()
}

/// For every `key = …` line, the `#` comment lines right above it.
fn key_comments(text: &str) -> Vec<(String, Vec<String>)> {
    let mut comments = Vec::new();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix('#') {
            comments.push(comment.trim().to_owned());
        } else if let Some((key, _)) = line.split_once(" = ") {
            out.push((key.to_owned(), std::mem::take(&mut comments)));
        } else {
            comments.clear();
        }
    }
    out
}

fn section<'a>(locale: &'a Locale, name: &str) -> Option<&'a Table> {
    locale.table.get(name).and_then(Value::as_table)
}

/// Every `{name}` in a text; `Err` for a brace that opens no placeholder.
fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a '}' that closes no placeholder".to_owned());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a '{' that is never closed")?;
        let name = &after[..close];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(format!(
                "{{{name}}} is not a placeholder (lower-case letters and _)"
            ));
        }
        found.insert(name.to_owned());
        rest = &after[close + 1..];
    }
    Ok(found)
}

fn compare(english: &Locale, other: &Locale, problems: &mut Vec<String>) {
    let file = format!("locales/{}.toml", other.code);
    for (name, _) in TEXT_SECTIONS {
        let (Some(reference), Some(texts)) = (section(english, name), section(other, name)) else {
            problems.push(format!("{file} or locales/en.toml: no [{name}] section"));
            continue;
        };
        for key in reference.keys().filter(|key| !texts.contains_key(*key)) {
            problems.push(format!("{file}: [{name}] {key} is missing"));
        }
        for key in texts.keys().filter(|key| !reference.contains_key(*key)) {
            problems.push(format!("{file}: [{name}] {key} is not in locales/en.toml"));
        }
        for (key, value) in texts {
            let Some(text) = value.as_str() else {
                problems.push(format!("{file}: [{name}] {key} is not a string"));
                continue;
            };
            if text.trim().is_empty() {
                problems.push(format!("{file}: [{name}] {key} is empty"));
            }
            if other.code == english.code && !is_field_name(key) {
                problems.push(format!(
                    "{file}: [{name}] {key} is not a usable key (a-z, 0-9 and _, starting with a letter, not a Rust keyword)"
                ));
            }
            let Some(reference) = reference.get(key).and_then(Value::as_str) else {
                continue;
            };
            match (placeholders(reference), placeholders(text)) {
                (Ok(want), Ok(have)) if want != have => problems.push(format!(
                    "{file}: [{name}] {key} has placeholders {have:?}, English has {want:?}"
                )),
                (_, Err(why)) => problems.push(format!("{file}: [{name}] {key}: {why}")),
                _ => {}
            }
        }
    }
    for section in other.table.keys() {
        if !["language", "number"].contains(&section.as_str())
            && !TEXT_SECTIONS.iter().any(|(name, _)| name == section)
        {
            problems.push(format!(
                "{file}: [{section}] is not a section the app reads"
            ));
        }
    }
}

/// A key becomes a struct field: lower-case ASCII, digits and `_`, starting
/// with a letter, and not one of Rust's keywords.
fn is_field_name(key: &str) -> bool {
    const KEYWORDS: [&str; 38] = [
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while",
    ];
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !KEYWORDS.contains(&key)
}

fn check_number_section(locale: &Locale, problems: &mut Vec<String>) {
    let file = format!("locales/{}.toml", locale.code);
    let number = section(locale, "number");
    let text = |key: &str| number.and_then(|n| n.get(key)).and_then(Value::as_str);
    for key in ["decimal", "group"] {
        if text(key).map(|s| s.chars().count()) != Some(1) {
            problems.push(format!("{file}: [number] {key} must be one character"));
        }
    }
    let money_ok = text("money").is_some_and(|money| {
        money.matches("{n}").count() == 1 && !money.replace("{n}", "").contains(['{', '}'])
    });
    if !money_ok {
        problems.push(format!(
            "{file}: [number] money must hold {{n}} once and no other brace"
        ));
    }
    for key in number.into_iter().flat_map(|n| n.keys()) {
        if !["decimal", "group", "compact", "money"].contains(&key.as_str()) {
            problems.push(format!(
                "{file}: [number] {key} is not a setting the app reads"
            ));
        }
    }
    let compact = number
        .and_then(|n| n.get("compact"))
        .and_then(Value::as_array);
    let word_ok = |word: &Value| word.as_str().is_some_and(|w| !w.contains(['{', '}']));
    if compact.is_none_or(|words| words.len() != 4 || !words.iter().all(word_ok)) {
        problems.push(format!(
            "{file}: [number] compact must be four strings (thousands, millions, billions, trillions)"
        ));
    }
}

fn variant(code: &str) -> String {
    let mut chars = code.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect()
}

fn generate(locales: &[Locale]) -> String {
    let mut out = String::from("// Generated by build.rs from locales/*.toml. Do not edit.\n\n");
    let variants: Vec<String> = locales.iter().map(|l| variant(&l.code)).collect();
    let english = &locales[0];

    out.push_str("/// A language of the app: one per file in `locales/`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Lang {\n");
    for (i, (v, locale)) in variants.iter().zip(locales).enumerate() {
        let _ = writeln!(
            out,
            "    /// {}{}",
            locale.name,
            if i == 0 { " (the default)" } else { "" }
        );
        if i == 0 {
            out.push_str("    #[default]\n");
        }
        let _ = writeln!(out, "    {v},");
    }
    out.push_str("}\n\nimpl Lang {\n");
    let _ = writeln!(
        out,
        "    /// Every language, English first.\n    pub const ALL: [Lang; {}] = [{}];",
        locales.len(),
        variants
            .iter()
            .map(|v| format!("Lang::{v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let arms = |f: &dyn Fn(&Locale) -> String| {
        variants
            .iter()
            .zip(locales)
            .map(|(v, l)| format!("            Lang::{v} => {},\n", f(l)))
            .collect::<String>()
    };
    let _ = write!(out, "\n    /// ISO 639-1 code: \"en\", \"de\", …\n    #[must_use]\n    pub fn code(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("{:?}", l.code)));
    let _ = write!(out, "\n    /// The language's own name, for the language picker.\n    #[must_use]\n    pub fn name(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("{:?}", l.name)));
    let _ = write!(out, "\n    /// The page's texts in this language.\n    #[must_use]\n    pub fn ui(self) -> &'static UiTexts {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("&UI_{}", l.code.to_uppercase())));
    let _ = write!(out, "\n    /// The charts' texts in this language.\n    #[must_use]\n    pub fn chart(self) -> &'static ChartTexts {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("&CHART_{}", l.code.to_uppercase())));
    let _ = write!(out, "\n    pub(crate) fn number_format(self) -> &'static NumberFormat {{\n        match self {{\n{}        }}\n    }}\n}}\n\n", arms(&|l| format!("&NUMBER_{}", l.code.to_uppercase())));

    for (name, type_name) in TEXT_SECTIONS {
        let reference = section(english, name).expect("checked");
        let _ = writeln!(out, "/// One field per key of `[{name}]` in `locales/*.toml`.\n#[derive(Debug, PartialEq, Eq)]\npub struct {type_name} {{");
        for key in reference.keys() {
            let docs = english
                .docs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, d)| d.as_slice())
                .unwrap_or(&[]);
            for line in docs.iter().filter(|line| !line.starts_with('—')) {
                let _ = writeln!(out, "    /// {line}");
            }
            let _ = writeln!(out, "    pub {key}: &'static str,");
        }
        let _ = writeln!(out, "}}\n\nimpl {type_name} {{\n    /// Every field as (key, text), sorted by key.\n    #[must_use]\n    pub fn fields(&self) -> [(&'static str, &'static str); {}] {{\n        [", reference.len());
        for key in reference.keys() {
            let _ = writeln!(out, "            ({key:?}, self.{key}),");
        }
        out.push_str("        ]\n    }\n}\n\n");
        for locale in locales {
            let texts = section(locale, name).expect("checked");
            let _ = writeln!(
                out,
                "static {}_{}: {type_name} = {type_name} {{",
                name.to_uppercase(),
                locale.code.to_uppercase()
            );
            for key in reference.keys() {
                let _ = writeln!(
                    out,
                    "    {key}: {:?},",
                    texts[key].as_str().expect("checked")
                );
            }
            out.push_str("};\n\n");
        }
    }
    for locale in locales {
        let number = section(locale, "number").expect("checked");
        let text = |key: &str| number[key].as_str().expect("checked").to_owned();
        let compact: Vec<String> = number["compact"]
            .as_array()
            .expect("checked")
            .iter()
            .map(|w| format!("{:?}", w.as_str().expect("checked")))
            .collect();
        let money = text("money");
        let (prefix, suffix) = money.split_once("{n}").expect("checked");
        let _ = writeln!(out, "static NUMBER_{}: NumberFormat = NumberFormat {{\n    decimal: {:?},\n    group: {:?},\n    compact: [{}],\n    money_prefix: {prefix:?},\n    money_suffix: {suffix:?},\n}};\n",
            locale.code.to_uppercase(), text("decimal").chars().next().expect("checked"), text("group").chars().next().expect("checked"), compact.join(", "));
    }
    out
}
