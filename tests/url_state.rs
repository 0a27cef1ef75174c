//! Reading and writing the page state in the query string (runs in headless
//! Chromium with the other wasm tests; the parser itself is plain Rust).
#![cfg(target_arch = "wasm32")]

use ai_gap_explorer::components::charts_grid::CHART_NAMES;
use ai_gap_explorer::url_state::{parse, to_query, Problem, Theme};
use gap_charts::Lang;
use gap_model::{InputId, Inputs, Method};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key.to_owned(), value.to_owned())
        })
        .collect()
}

#[wasm_bindgen_test]
fn defaults_write_an_empty_query() {
    assert_eq!(to_query(&Inputs::default(), None, None, &[]), "");
}

#[wasm_bindgen_test]
fn a_written_state_reads_back_exactly() {
    let mut inputs = Inputs::default();
    inputs.method = Method::Dcf;
    inputs.set(InputId::Rate, 7.5);
    // Not 0.3: a link carries the very number its author ran.
    inputs.set(InputId::Growth, 0.1 + 0.2);
    inputs.set(InputId::End, 2040.0);
    let query = to_query(&inputs, Some(Lang::De), Some(Theme::Dark), &[]);
    assert!(
        query.contains("method=dcf")
            && query.contains("rate=7.5")
            && query.contains("growth=0.30000000000000004&"),
        "{query}"
    );
    let settings = parse(&pairs(&query), None, false, &CHART_NAMES);
    assert!(settings.notices.is_empty(), "{:?}", settings.notices);
    assert_eq!(settings.inputs.method, Method::Dcf);
    assert_eq!(settings.inputs.get(InputId::Rate), 7.5);
    assert_eq!(settings.inputs.get(InputId::End), 2040.0);
    assert_eq!(settings.inputs, inputs);
    assert_eq!(settings.lang, Lang::De);
    assert!(settings.dark);
}

#[wasm_bindgen_test]
fn invalid_numbers_fall_back_or_clamp_with_a_notice() {
    let settings = parse(
        &pairs("rate=abc&capex=1e999&life=-3&growth=NaN&margin=inf"),
        None,
        false,
        &CHART_NAMES,
    );
    let defaults = Inputs::default();
    assert_eq!(
        settings.inputs.get(InputId::Rate),
        defaults.get(InputId::Rate)
    );
    assert_eq!(
        settings.inputs.get(InputId::Capex),
        defaults.get(InputId::Capex),
        "1e999 parses to inf: not a number"
    );
    assert_eq!(settings.inputs.get(InputId::Life), InputId::Life.spec().min);
    assert_eq!(
        settings.inputs.get(InputId::Growth),
        defaults.get(InputId::Growth)
    );
    let named: Vec<&str> = settings
        .notices
        .iter()
        .map(|notice| notice.param.as_str())
        .collect();
    assert_eq!(named, ["rate", "capex", "life", "growth", "margin"]);
    assert!(
        matches!(settings.notices[2].problem, Problem::OutOfRange { used, .. } if used == InputId::Life.spec().min)
    );
    assert!(settings.inputs.validate().is_ok());
}

#[wasm_bindgen_test]
fn unknown_words_are_ignored_with_a_notice_and_hostile_text_is_shortened() {
    let long = "<script>alert(1)</script>".repeat(10);
    let settings = parse(
        &pairs(&format!("method=magic&lang=fr&theme=neon&chart={long}")),
        Some("nl-BE"),
        true,
        &CHART_NAMES,
    );
    assert_eq!(settings.inputs.method, Method::Direct);
    assert_eq!(
        settings.lang,
        Lang::Nl,
        "falls back to the browser language"
    );
    assert!(settings.dark, "falls back to the system theme");
    assert_eq!(settings.chart, None);
    assert_eq!(settings.notices.len(), 4);
    assert!(settings
        .notices
        .iter()
        .all(|notice| notice.value.chars().count() <= 40));
}

#[wasm_bindgen_test]
fn a_horizon_over_fifty_years_is_shortened_with_a_notice() {
    let settings = parse(&pairs("start=2030&end=2100"), None, false, &CHART_NAMES);
    assert_eq!(settings.inputs.get(InputId::Start), 2030.0);
    assert_eq!(settings.inputs.get(InputId::End), 2080.0);
    assert_eq!(settings.notices.len(), 1, "{:?}", settings.notices);
    assert_eq!(settings.notices[0].param, "end");
    assert_eq!(
        settings.notices[0].problem,
        Problem::HorizonTooLong {
            max_years: 50,
            used: 2080.0
        }
    );
}

#[wasm_bindgen_test]
fn end_before_start_restores_both_years() {
    let settings = parse(&pairs("start=2040&end=2030"), None, false, &CHART_NAMES);
    assert_eq!(
        settings.inputs.get(InputId::Start),
        InputId::Start.spec().default
    );
    assert_eq!(
        settings.inputs.get(InputId::End),
        InputId::End.spec().default
    );
    assert!(matches!(
        settings.notices[0].problem,
        Problem::EndBeforeStart
    ));
}
