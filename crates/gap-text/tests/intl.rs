//! The formatter against the browser: every row of `intl-outputs.json`
//! (captured from Chromium's `Intl.NumberFormat` by
//! `scripts/capture-intl.mjs`) must come out the same, character for character.

use gap_text::{number, Lang};
use serde_json::Value;

#[test]
fn every_language_agrees_with_intl() {
    let table: Value =
        serde_json::from_str(include_str!("intl-outputs.json")).expect("intl-outputs.json");
    let rows = table["rows"].as_array().expect("rows");
    let mut failures = Vec::new();
    let mut languages = std::collections::BTreeSet::new();
    for row in rows {
        let [lang, style, value, want] = row.as_array().expect("a row").as_slice() else {
            panic!("a row is [lang, style, value, text]");
        };
        let code = lang.as_str().expect("lang");
        let lang = Lang::from_code(code).unwrap_or_else(|| panic!("{code}: no such language"));
        languages.insert(code);
        let value = value.as_f64().expect("value");
        let want = want.as_str().expect("text");
        let have = match style.as_str().expect("style") {
            "usd_compact" => number::usd_billions(lang, value),
            "compact" => number::compact(lang, value),
            "max0" => number::decimal(lang, value, 0),
            "max1" => number::decimal(lang, value, 1),
            "max2" => number::decimal(lang, value, 2),
            "fixed1" => number::fixed(lang, value, 1),
            "fixed2" => number::fixed(lang, value, 2),
            other => panic!("unknown style {other}"),
        };
        if have != want {
            failures.push(format!(
                "{code} {style} {value}: Intl {want:?}, here {have:?}",
                style = style
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
    // A language added to locales/ needs its row in the table.
    for lang in Lang::ALL {
        assert!(
            languages.contains(lang.code()),
            "{}: no Intl outputs; run node scripts/capture-intl.mjs",
            lang.code()
        );
    }
}

#[test]
fn non_finite_numbers_read_as_a_dash() {
    for lang in Lang::ALL {
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(number::usd_billions(lang, value), number::NO_VALUE);
            assert_eq!(number::decimal(lang, value, 1), number::NO_VALUE);
            assert_eq!(number::compact(lang, value), number::NO_VALUE);
        }
    }
}

#[test]
fn negative_zero_reads_as_zero() {
    // The captured table cannot hold -0 (JSON writes it as 0).
    for lang in Lang::ALL {
        assert_eq!(number::decimal(lang, -0.0, 1), "0");
        assert_eq!(number::fixed(lang, -0.0, 1), number::fixed(lang, 0.0, 1));
        assert_eq!(number::compact(lang, -0.0), "0");
        assert_eq!(
            number::usd_billions(lang, -0.0),
            number::usd_billions(lang, 0.0)
        );
        assert_eq!(number::decimal(lang, -0.04, 1), "0");
    }
}

#[test]
fn percent_keeps_its_sign_on_the_number() {
    assert_eq!(number::percent(Lang::En, -24.94, 1), "-24.9\u{a0}%");
    assert_eq!(number::percent(Lang::De, 3.75, 1), "3,8\u{a0}%");
}

#[test]
fn typed_numbers_read_as_the_language_writes_them() {
    use number::parse;
    let cases = [
        (Lang::En, "1,500", Some(1500.0)),
        (Lang::En, "1,500.5", Some(1500.5)),
        (Lang::En, "2,5", Some(2.5)),
        (Lang::En, "1.5", Some(1.5)),
        (Lang::En, "1,234,567", Some(1_234_567.0)),
        (Lang::En, " 12 ", Some(12.0)),
        (Lang::En, "-3.25", Some(-3.25)),
        (Lang::En, "−3.25", Some(-3.25)),
        (Lang::En, "+7", Some(7.0)),
        (Lang::En, ".5", Some(0.5)),
        (Lang::En, "5.", Some(5.0)),
        (Lang::De, "1.500", Some(1500.0)),
        (Lang::De, "1.500,5", Some(1500.5)),
        (Lang::De, "2,5", Some(2.5)),
        (Lang::De, "1.5", Some(1.5)),
        (Lang::De, "1\u{a0}500", Some(1500.0)),
        (Lang::Nl, "1.234.567,8", Some(1_234_567.8)),
        (Lang::Nl, "0,55", Some(0.55)),
        (Lang::En, "", None),
        (Lang::En, "abc", None),
        (Lang::En, "1,50,0", None),
        (Lang::En, "1.2.3", None),
        (Lang::En, "1,5.5,5", None),
        (Lang::En, "12,3456.7", None),
        (Lang::En, "NaN", None),
        (Lang::En, "inf", None),
        (Lang::En, "1e3", None),
        (Lang::En, "-", None),
        (Lang::En, ".", None),
        (Lang::En, "--1", None),
    ];
    for (lang, text, want) in cases {
        assert_eq!(parse(lang, text), want, "{lang:?} {text:?}");
    }
    // What the formatter writes reads back (to its printed precision).
    for lang in Lang::ALL {
        for value in [0.0, 1.5, -2.25, 1945.0, 12_345.67, 1_234_567.0] {
            let written = number::decimal(lang, value, 2);
            assert_eq!(parse(lang, &written), Some(value), "{lang:?} {written}");
        }
    }
}
