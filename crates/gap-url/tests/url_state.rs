//! Reading and writing the page state in the query string. The parser is
//! plain Rust, so these run natively in `cargo test`; the browser tests cover
//! its wiring to `location` and `history`.

use gap_charts::Lang;
use gap_model::{
    Distribution, InputId, Inputs, Method, RangeSetting, Spread, Uncertainty, DEFAULT_CORRELATION,
    DEFAULT_DRAWS,
};
use gap_url::{parse, to_query, Problem, Theme};

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

#[test]
fn defaults_write_only_the_model_version() {
    assert_eq!(
        to_query(&Inputs::default(), &Uncertainty::default(), None, None, &[]),
        "v=4"
    );
}

#[test]
fn a_written_state_reads_back_exactly() {
    let mut inputs = Inputs::default();
    inputs.method = Method::Sequoia;
    inputs.set(InputId::Rate, 7.5);
    // Not 0.3: a link carries the very number its author ran.
    inputs.set(InputId::Growth, 0.1 + 0.2);
    inputs.set(InputId::End, 2040.0);
    let query = to_query(
        &inputs,
        &Uncertainty::default(),
        Some(Lang::De),
        Some(Theme::Dark),
        &[],
    );
    assert!(
        query.contains("method=sequoia")
            && query.contains("rate=7.5")
            && query.contains("growth=0.30000000000000004&"),
        "{query}"
    );
    let settings = parse(&pairs(&query), None, false);
    assert!(settings.notices.is_empty(), "{:?}", settings.notices);
    assert_eq!(settings.inputs.method, Method::Sequoia);
    assert_eq!(settings.inputs.get(InputId::Rate), 7.5);
    assert_eq!(settings.inputs.get(InputId::End), 2040.0);
    assert_eq!(settings.inputs, inputs);
    assert_eq!(settings.lang, Lang::De);
    assert!(settings.dark);
}

#[test]
fn invalid_numbers_fall_back_or_clamp_with_a_notice() {
    let settings = parse(
        &pairs("v=2&rate=abc&capex=1e999&life=-3&growth=NaN&margin=inf"),
        None,
        false,
    );
    let defaults = Inputs::default();
    assert_eq!(
        settings.inputs.get(InputId::Rate),
        defaults.get(InputId::Rate)
    );
    assert_eq!(
        settings.inputs.get(InputId::Capex),
        InputId::Capex.spec().max,
        "1e999 is a number too large: clamped"
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
    assert!(
        matches!(settings.notices[1].problem, Problem::OutOfRange { used, .. } if used == InputId::Capex.spec().max)
    );
    // `inf` and `NaN` are words, not numbers: the default, with a notice.
    assert!(matches!(
        settings.notices[4].problem,
        Problem::NotANumber { .. }
    ));
    assert!(settings.inputs.validate().is_ok());
}

#[test]
fn unknown_words_are_ignored_with_a_notice_and_hostile_text_is_shortened() {
    let long = "<script>alert(1)</script>".repeat(10);
    let settings = parse(
        &pairs(&format!("method=magic&lang=fr&theme=neon&chart={long}")),
        Some("nl-BE"),
        true,
    );
    assert_eq!(settings.inputs.method, Method::default());
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

#[test]
fn a_horizon_over_fifty_years_is_shortened_with_a_notice() {
    let settings = parse(&pairs("v=2&start=2030&end=2100"), None, false);
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

#[test]
fn end_before_start_restores_both_years() {
    let settings = parse(&pairs("v=2&start=2040&end=2030"), None, false);
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

#[test]
fn a_model_1_link_is_translated() {
    // `v=1`, or no `v` and a value only model 1 could mean (a margin above
    // 95 %, which model 1 divided by).
    for query in [
        "v=1&method=sequoia&margin=60&capex=300",
        "method=sequoia&margin=100&capex=300",
    ] {
        let settings = parse(&pairs(query), None, false);
        let margin = if query.contains("margin=100") {
            0.0
        } else {
            40.0
        };
        // Model 1: 300 × 2 ÷ m₁; today: margin 1 − m₁ and GPU share 100 %.
        assert_eq!(settings.inputs.get(InputId::Margin), margin, "{query}");
        assert_eq!(settings.inputs.get(InputId::GpuShare), 100.0);
        assert_eq!(settings.inputs.get(InputId::RevenueCap), 0.0);
        let outcome = gap_model::run(&settings.inputs.validate().unwrap());
        let want = 600.0 / (1.0 - margin / 100.0);
        assert!((outcome.base_required - want).abs() < 1e-9, "{query}");
        let [notice] = settings.notices.as_slice() else {
            panic!("one notice: {:?}", settings.notices)
        };
        assert_eq!(notice.param, "v");
        let Problem::ModelRevised {
            changes,
            clamped,
            todays_query,
        } = &notice.problem
        else {
            panic!("{notice:?}")
        };
        assert!(clamped.is_empty());
        // The notice offers the same link read with today's model.
        assert!(
            todays_query.starts_with("v=4&method=sequoia&margin="),
            "{todays_query}"
        );
        let today = parse(&pairs(todays_query), None, false);
        assert!(
            !today
                .notices
                .iter()
                .any(|n| matches!(n.problem, Problem::ModelRevised { .. })),
            "{todays_query}"
        );
        assert!(changes
            .iter()
            .any(|c| c.input == InputId::Margin && c.to == margin));
        // What the app writes back is today's link that reads without a notice.
        let query = to_query(&settings.inputs, &settings.uncertainty, None, None, &[]);
        assert!(query.starts_with("v=4&method=sequoia&"), "{query}");
        // A model-1 link predates the growth correlation: it draws independently.
        assert!(query.contains("corr=0"), "{query}");
        let again = parse(&pairs(&query), None, false);
        assert!(again.notices.is_empty(), "{:?}", again.notices);
        assert_eq!(again.inputs, settings.inputs);
    }
    // A fractional life is model 1's too.
    let life = parse(&pairs("method=dcf&life=4.5"), None, false);
    assert!(matches!(
        life.notices[0].problem,
        Problem::ModelRevised { .. }
    ));
}

#[test]
fn a_link_without_a_version_is_a_link_of_todays_model() {
    // README's own example and a link whose every value was rejected.
    let growth = parse(&pairs("growth=60"), None, false);
    assert!(growth.notices.is_empty(), "{:?}", growth.notices);
    let today = parse(&pairs("v=4&growth=60"), None, false);
    assert_eq!(growth.inputs, today.inputs);
    assert_eq!(growth.inputs.method, Method::Dcf);
    let rejected = parse(&pairs("rate=abc&life=-3&capex=1e999"), None, false);
    assert!(rejected
        .notices
        .iter()
        .all(|n| !matches!(n.problem, Problem::ModelRevised { .. })));
    assert_eq!(rejected.inputs.method, Method::Dcf);
    // A margin above 95 % next to an input only later models have is today's.
    let mixed = parse(&pairs("margin=99&gpu_share=60"), None, false);
    assert!(!mixed
        .notices
        .iter()
        .any(|n| matches!(n.problem, Problem::ModelRevised { .. })));
}

#[test]
fn links_of_earlier_versions_keep_their_method() {
    // Before model 3 the default method was the article's `direct`.
    for (query, method) in [
        ("v=2&margin=60", Method::Direct),
        ("v=3&growth=60", Method::Direct),
        ("v=3&method=bain", Method::Bain),
        ("v=4&growth=60", Method::Dcf),
        ("lang=de", Method::Dcf),
        ("embed=1&chart=fan", Method::Dcf),
    ] {
        let settings = parse(&pairs(query), None, false);
        assert!(
            settings.notices.is_empty(),
            "{query}: {:?}",
            settings.notices
        );
        assert_eq!(settings.inputs.method, method, "{query}");
        assert_eq!(settings.inputs.get(InputId::RevenueCap), 4400.0, "{query}");
        // Written back, the method is explicit where it is not today's default.
        let query = to_query(&settings.inputs, &settings.uncertainty, None, None, &[]);
        assert_eq!(
            query.contains("method=direct"),
            method == Method::Direct,
            "{query}"
        );
    }
    let explicit = parse(&pairs("v=1&lang=de"), None, false);
    assert!(matches!(
        explicit.notices[0].problem,
        Problem::ModelRevised { .. }
    ));
    let unknown = parse(&pairs("v=7&capex=600"), None, false);
    assert_eq!(unknown.notices.len(), 1, "{:?}", unknown.notices);
    assert!(matches!(unknown.notices[0].problem, Problem::UnknownWord));
    assert_eq!(unknown.inputs.get(InputId::Capex), 600.0);
}

fn read(query: &str) -> gap_url::PageSettings {
    parse(&pairs(query), None, false)
}

#[test]
fn uncertainty_settings_read_and_write_back() {
    let query =
        "v=4&range_capex=off&range_growth=-10,30,pert&range_cost_cut=0,20&corr=0&draws=2000&seed=7";
    let settings = read(query);
    assert!(settings.notices.is_empty(), "{:?}", settings.notices);
    let u = &settings.uncertainty;
    assert_eq!(
        u.get(InputId::Growth),
        Some(RangeSetting {
            spread: Spread {
                below: -10.0,
                above: 30.0
            },
            distribution: Distribution::Pert
        })
    );
    assert_eq!(u.get(InputId::Capex), None);
    assert_eq!(
        u.get(InputId::CostCut).map(|s| s.spread),
        Some(Spread {
            below: 0.0,
            above: 20.0
        })
    );
    assert_eq!((u.correlation(), u.draws(), u.seed()), (0.0, 2000, 7));
    assert_eq!(
        to_query(&settings.inputs, u, None, None, &[]),
        query,
        "written in the documented order"
    );
    // Defaults are not written.
    let defaults = read("v=4&range_growth=-20,20&corr=0.5&draws=10000&seed=2026");
    assert!(defaults.notices.is_empty());
    assert_eq!(defaults.uncertainty, Uncertainty::default());
    assert_eq!(
        to_query(&defaults.inputs, &defaults.uncertainty, None, None, &[]),
        "v=4"
    );
}

#[test]
fn bad_uncertainty_parameters_get_a_notice_and_a_safe_value() {
    type Expected = fn(&Problem) -> bool;
    let cases: [(&str, Expected); 10] = [
        ("range_growth=abc", |p| *p == Problem::InvalidRange),
        ("range_growth=1,2,3", |p| *p == Problem::InvalidRange),
        ("range_growth=-5,5,normal", |p| *p == Problem::InvalidRange),
        ("range_growth=NaN,5", |p| *p == Problem::InvalidRange),
        ("range_start=-1,1", |p| *p == Problem::NoRange),
        ("range_nothing=-1,1", |p| *p == Problem::NoRange),
        ("range_growth=5,900", |p| {
            *p == Problem::RangeOutOfLimits {
                min: -350.0,
                max: 350.0,
            }
        }),
        ("draws=2.5", |p| {
            matches!(p, Problem::NotAWholeNumber { .. })
        }),
        ("draws=5", |p| {
            *p == Problem::OutOfRange {
                min: 100.0,
                max: 100_000.0,
                used: 100.0,
            }
        }),
        ("corr=2", |p| {
            *p == Problem::OutOfRange {
                min: -1.0,
                max: 1.0,
                used: 1.0,
            }
        }),
    ];
    for (query, expected) in cases {
        let settings = read(&format!("v=3&{query}"));
        assert_eq!(settings.notices.len(), 1, "{query}: {:?}", settings.notices);
        assert!(
            expected(&settings.notices[0].problem),
            "{query}: {:?}",
            settings.notices
        );
        assert_eq!(settings.notices[0].param, query.split('=').next().unwrap());
        // What is kept reads back without a notice.
        let written = to_query(&settings.inputs, &settings.uncertainty, None, None, &[]);
        assert!(read(&written).notices.is_empty(), "{query} → {written}");
    }
    let clamped = read("v=3&range_growth=5,900").uncertainty;
    assert_eq!(
        clamped.get(InputId::Growth).map(|s| s.spread),
        Some(Spread {
            below: 0.0,
            above: 350.0
        })
    );
    let fallback = read("v=3&seed=-1&draws=x&corr=x&range_growth=x");
    assert_eq!(fallback.notices.len(), 4);
    assert_eq!(fallback.uncertainty.draws(), DEFAULT_DRAWS);
    assert_eq!(fallback.uncertainty.correlation(), DEFAULT_CORRELATION);
    assert_eq!(fallback.uncertainty, Uncertainty::default());
}

/// Links from before the correlation keep their band: without a `corr` of
/// their own, `v=2` and model-1 links draw the two growths independently,
/// and what the app writes for them says so.
#[test]
fn links_from_before_the_correlation_keep_independent_draws() {
    for (query, expected) in [
        ("v=2", 0.0),
        ("v=2&embed=1&chart=fan", 0.0),
        ("v=1&capex=600", 0.0),
        ("margin=98", 0.0), // no `v` and a margin only model 1 took
        ("capex=600", DEFAULT_CORRELATION), // no `v`: today's link
        ("v=2&corr=0.7", 0.7),
        ("v=3", DEFAULT_CORRELATION),
        ("", DEFAULT_CORRELATION),
        ("embed=1&chart=fan", DEFAULT_CORRELATION),
    ] {
        let settings = read(query);
        assert_eq!(settings.uncertainty.correlation(), expected, "{query}");
        let written = to_query(&settings.inputs, &settings.uncertainty, None, None, &[]);
        assert_eq!(
            read(&written).uncertainty.correlation(),
            expected,
            "{query} → {written}"
        );
    }
    let bad = read("v=2&corr=abc");
    assert_eq!(bad.uncertainty.correlation(), 0.0);
    assert_eq!(bad.notices[0].problem, Problem::NotANumber { default: 0.0 });
}

#[test]
fn the_sources_view_and_one_figure_are_addressable() {
    let settings = parse(&pairs("v=3&view=sources"), None, false);
    assert!(settings.sources && settings.figure.is_none());
    assert!(settings.notices.is_empty());
    // A figure opens the Sources view on it, with or without `view`.
    let settings = parse(
        &pairs("v=3&figure=oracle_market_value_drop_recent"),
        None,
        false,
    );
    assert!(settings.sources);
    assert_eq!(settings.figure, Some("oracle_market_value_drop_recent"));
    assert!(!parse(&pairs("v=3&view=explorer"), None, false).sources);
    // Unknown words are named and ignored.
    for query in [
        "view=charts",
        "figure=no_such_figure",
        "figure=%3Cscript%3E",
    ] {
        let settings = parse(&pairs(&format!("v=3&{query}")), None, false);
        assert!(!settings.sources && settings.figure.is_none(), "{query}");
        assert!(
            matches!(settings.notices[..], [ref n] if n.problem == Problem::UnknownWord),
            "{query}: {:?}",
            settings.notices
        );
    }
}
