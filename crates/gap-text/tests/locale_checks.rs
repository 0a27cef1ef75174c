//! The build's checks of `locales/`, run on broken copies: a missing key, an
//! extra key, different placeholders and a stray brace each fail the build
//! with a message naming file and key.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

use std::path::{Path, PathBuf};

fn real_locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

/// A copy of `locales/` with German changed by `edit`; its problems.
fn problems_after(name: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("gap-text-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for entry in std::fs::read_dir(real_locales()).expect("locales/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let file = path.file_name().expect("name").to_owned();
        let text = if file == "de.toml" { edit(text) } else { text };
        std::fs::write(dir.join(file), text).expect("write");
    }
    let (_, problems) = build_script::check(&dir);
    std::fs::remove_dir_all(&dir).ok();
    problems
}

#[test]
fn the_real_locales_pass() {
    let (locales, problems) = build_script::check(&real_locales());
    assert!(problems.is_empty(), "{problems:?}");
    assert!(locales.len() >= 3);
}

#[test]
fn a_missing_key_fails() {
    let problems = problems_after("missing", |text| {
        text.lines()
            .filter(|line| !line.starts_with("reset_all ="))
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert_eq!(problems, ["locales/de.toml: [ui] reset_all is missing"]);
}

#[test]
fn an_extra_key_fails() {
    let problems = problems_after("extra", |text| {
        text.replace("[chart]\n", "[chart]\nnew_title = \"Neu\"\n")
    });
    assert_eq!(
        problems,
        ["locales/de.toml: [chart] new_title is not in locales/en.toml"]
    );
}

#[test]
fn different_placeholders_fail() {
    let problems = problems_after("placeholder", |text| text.replace("{year}", "{jahr}"));
    assert!(!problems.is_empty());
    assert!(
        problems
            .iter()
            .all(|p| p.contains("\"jahr\"") && p.contains("English has")),
        "{problems:?}"
    );
}

#[test]
fn a_stray_brace_fails() {
    let problems = problems_after("brace", |text| {
        text.replace("reset_all = \"", "reset_all = \"{ ")
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("[ui] reset_all"), "{problems:?}");
}

#[test]
fn a_broken_number_section_fails() {
    let problems = problems_after("number", |text| {
        text.replace("compact = [", "compact = [\"x\", ")
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("[number] compact"), "{problems:?}");
}

#[test]
fn an_empty_text_fails() {
    let problems = problems_after("empty", |text| {
        text.lines()
            .map(|line| {
                if line.starts_with("reset_all =") {
                    "reset_all = \"\""
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert_eq!(problems, ["locales/de.toml: [ui] reset_all is empty"]);
}

#[test]
fn an_unknown_section_or_setting_fails() {
    let problems = problems_after("section", |text| {
        text.replace("[number]\n", "[number]\nminus = \"-\"\n") + "\n[extra]\nword = \"x\"\n"
    });
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems.iter().any(|p| p.contains("[number] minus")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("[extra]")),
        "{problems:?}"
    );
}
