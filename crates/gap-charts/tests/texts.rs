//! The three languages: complete, translated, with consistent placeholders.

use std::collections::BTreeSet;

use gap_charts::{input_label, method_label, texts, Lang, SAME_IN_ALL_LANGUAGES};
use gap_model::{InputId, Method};

const PLACEHOLDERS: [&str; 23] = [
    "value",
    "year",
    "start",
    "end",
    "status",
    "n",
    "share",
    "cut",
    // The descriptions (`ChartId::describe`).
    "required",
    "actual",
    "gap",
    "first",
    "last",
    "rate",
    "pv",
    "list",
    "input",
    "low",
    "high",
    "median",
    "with",
    "without",
    "gap_without",
];

fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').expect("a closing brace") + open;
        found.insert(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    assert!(!rest.contains('}'), "stray closing brace in {text:?}");
    found
}

#[test]
fn every_language_is_a_translation() {
    let en = texts(Lang::En).fields();
    for lang in Lang::ALL.into_iter().filter(|&lang| lang != Lang::En) {
        let other = texts(lang).fields();
        assert_eq!(other.len(), en.len());
        for ((name, english), (other_name, translated)) in en.iter().zip(&other) {
            assert_eq!(name, other_name);
            if !SAME_IN_ALL_LANGUAGES.contains(name) {
                assert_ne!(
                    english, translated,
                    "{name} is not translated into {lang:?}"
                );
            }
        }
    }
}

#[test]
fn the_allow_list_is_needed() {
    let en = texts(Lang::En).fields();
    for allowed in SAME_IN_ALL_LANGUAGES {
        let english = en.iter().find(|(name, _)| *name == allowed);
        let (_, english) = english.unwrap_or_else(|| panic!("{allowed} is a field"));
        let same_somewhere = Lang::ALL
            .iter()
            .filter(|&&lang| lang != Lang::En)
            .any(|&lang| {
                texts(lang)
                    .fields()
                    .iter()
                    .any(|(name, text)| *name == allowed && text == english)
            });
        assert!(
            same_somewhere,
            "{allowed} differs everywhere: drop it from the list"
        );
    }
}

#[test]
fn texts_are_filled_and_placeholders_agree() {
    let en = texts(Lang::En).fields();
    for lang in Lang::ALL {
        for ((name, english), (_, text)) in en.iter().zip(texts(lang).fields()) {
            assert!(!text.trim().is_empty(), "{name} is empty in {lang:?}");
            let found = placeholders(text);
            for p in &found {
                assert!(
                    PLACEHOLDERS.contains(p),
                    "unknown placeholder {{{p}}} in {name}"
                );
            }
            assert_eq!(found, placeholders(english), "{name} in {lang:?}");
        }
    }
}

#[test]
fn language_codes_round_trip() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::En.code(), "en");
    assert_eq!(Lang::De.code(), "de");
    assert_eq!(Lang::Nl.code(), "nl");
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(Lang::from_code(""), None);
    assert_eq!(Lang::default(), Lang::En);
}

#[test]
fn input_and_method_labels_are_distinct_ui_labels() {
    for lang in Lang::ALL {
        let inputs: BTreeSet<&str> = InputId::ALL
            .iter()
            .map(|&id| input_label(id, lang))
            .collect();
        assert_eq!(
            inputs.len(),
            InputId::ALL.len(),
            "input labels are distinct in {lang:?}"
        );
        let methods: BTreeSet<&str> = Method::ALL.iter().map(|&m| method_label(m, lang)).collect();
        assert_eq!(methods.len(), 4);
        for label in inputs.iter().chain(&methods) {
            assert!(!label.contains(['{', '}', '\n']), "{label}");
            assert!(
                label.chars().count() <= 40,
                "short enough for a slider: {label}"
            );
        }
    }
    assert_eq!(input_label(InputId::Growth, Lang::En), "AI revenue growth");
    assert_eq!(input_label(InputId::Rate, Lang::En), "Discount rate");
    assert_eq!(input_label(InputId::Rate, Lang::De), "Diskontsatz");
    assert_eq!(input_label(InputId::Rate, Lang::Nl), "Disconteringsvoet");
    assert_eq!(
        method_label(Method::Dcf, Lang::En),
        "Capital recovery (DCF)"
    );
    assert_eq!(texts(Lang::De).unit_bn_per_year, "Mrd. $/Jahr");
    assert_eq!(texts(Lang::Nl).unit_bn_per_year, "mld. $/jaar");
}

/// Every chart has a unique public name that reads back, and a text
/// alternative, a picker name and a title of its own in every language.
#[test]
fn every_chart_is_named_and_described_in_every_language() {
    use gap_charts::ChartId;
    let mut names = std::collections::BTreeSet::new();
    for id in ChartId::ALL {
        assert!(names.insert(id.name()), "{} twice", id.name());
        assert_eq!(ChartId::from_name(id.name()), Some(id));
        for lang in Lang::ALL {
            assert!(
                !id.label(lang).is_empty(),
                "{:?} {lang:?}: no text alternative",
                id
            );
            assert!(
                !id.short_name(lang).is_empty(),
                "{:?} {lang:?}: no picker name",
                id
            );
            if lang != Lang::En {
                assert_ne!(
                    id.label(lang),
                    id.label(Lang::En),
                    "{:?} {lang:?}: untranslated",
                    id
                );
            }
        }
    }
    assert_eq!(ChartId::from_name("pie"), None);
}
