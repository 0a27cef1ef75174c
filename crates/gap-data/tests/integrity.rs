//! Structural checks on the compiled dataset: ids, units, ranges, conflicts, sources,
//! counts, and the figure ids other crates rely on.

use std::collections::BTreeSet;

use gap_data::{
    figure, figures_in, source, Amount, Language, Qualifier, Unit, DATASET_VERSION, FIGURES,
    SOURCES,
};

const UNIT_SPELLINGS: [&str; 12] = [
    "USD", "EUR", "CHF", "percent", "ratio", "kWh", "GW", "people", "count", "points", "USD/Mtok",
    "days",
];

fn seeds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

#[test]
fn ids_are_unique_snake_case() {
    let mut seen = BTreeSet::new();
    for f in FIGURES {
        assert!(seen.insert(f.id), "duplicate id {}", f.id);
        let ok = f.id.starts_with(|c: char| c.is_ascii_lowercase())
            && !f.id.ends_with('_')
            && !f.id.contains("__")
            && f.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        assert!(ok, "id is not snake_case: {:?}", f.id);
    }
}

#[test]
fn units_and_qualifiers_are_known_and_consistent() {
    for f in FIGURES {
        assert!(UNIT_SPELLINGS.contains(&f.unit.as_str()), "{}", f.id);
        match f.amount {
            Amount::Single(v) => {
                assert!(v.is_finite(), "{}", f.id);
                assert_ne!(
                    f.qualifier,
                    Qualifier::Range,
                    "{}: range without low/high",
                    f.id
                );
            }
            Amount::Range { low, high } => {
                assert!(low < high, "{}: low {low} >= high {high}", f.id);
                assert_eq!(f.qualifier, Qualifier::Range, "{}", f.id);
            }
        }
        if f.unit == Unit::Percent {
            assert!(f.amount.high() <= 1000.0, "{}: percent out of range", f.id);
        }
        for text in [f.metric, f.entity, f.period, f.quote, f.gloss] {
            assert!(!text.trim().is_empty(), "{}: empty field", f.id);
        }
    }
    assert_eq!(Unit::UsdPerMtok.as_str(), "USD/Mtok");
    assert_eq!(Unit::KWh.as_str(), "kWh");
    assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
    assert_eq!(Language::De.code(), "de");
}

#[test]
fn conflicts_are_symmetric_and_resolve() {
    for f in FIGURES {
        for other in f.conflicts_with {
            let o =
                figure(other).unwrap_or_else(|| panic!("{} conflicts_with unknown {other}", f.id));
            assert!(
                o.conflicts_with.contains(&f.id),
                "{} -> {} is not symmetric",
                f.id,
                o.id
            );
            assert_ne!(o.id, f.id);
        }
    }
}

#[test]
fn known_conflicts_are_recorded() {
    let pairs = [
        ("openai_revenue_2025_xpert", "openai_revenue_2025_cfo"),
        (
            "mit_ai_projects_no_profit_share",
            "bain_ai_initiatives_no_profit_share",
        ),
        (
            "palantir_share_drop_q3_results",
            "palantir_share_drop_q3_results_restated",
        ),
    ];
    for (a, b) in pairs {
        let fa = figure(a).unwrap_or_else(|| panic!("missing {a}"));
        assert!(
            fa.conflicts_with.contains(&b),
            "{a} should conflict with {b}"
        );
        let fb = figure(b).unwrap_or_else(|| panic!("missing {b}"));
        assert!(
            fb.conflicts_with.contains(&a),
            "{b} should conflict with {a}"
        );
    }
    // the conflicting pairs really disagree
    let xpert = figure("openai_revenue_2025_xpert").unwrap();
    let cfo = figure("openai_revenue_2025_cfo").unwrap();
    assert!(xpert.amount.midpoint() < cfo.amount.low());
    assert_ne!(
        figure("mit_ai_projects_no_profit_share")
            .unwrap()
            .attributed_to,
        figure("bain_ai_initiatives_no_profit_share")
            .unwrap()
            .attributed_to
    );
}

#[test]
fn sources_exist_and_are_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(seeds_dir())
        .expect("seeds/")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = SOURCES.iter().map(|s| s.file.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every seeds/*.txt is listed exactly once");

    for s in SOURCES {
        assert!(seeds_dir().join(s.file).is_file(), "{}", s.file);
        assert_eq!(source(s.file), Some(s));
        assert!(!s.title.is_empty() && !s.outlet.is_empty());
        assert_eq!(s.date.len(), 10, "{}: date {}", s.file, s.date);
    }
    for f in FIGURES {
        let s = source(f.source).unwrap_or_else(|| panic!("{}: unlisted source", f.id));
        assert!(seeds_dir().join(s.file).is_file());
        assert_eq!(f.source_info(), Some(s));
    }
    assert_eq!(source("nope.txt"), None);
    assert_eq!(figure("nope"), None);
}

#[test]
fn languages_are_as_read() {
    let lang = |f: &str| source(f).unwrap().language;
    assert_eq!(lang("000_71eb757060645d2e.txt"), Language::Nl);
    assert_eq!(lang("001_3163608ac74dd359.txt"), Language::Nl);
    assert_eq!(lang("002_b57f5ab7c3cca1b0.txt"), Language::De);
    assert_eq!(lang("003_a021c20f79fb0a76.txt"), Language::De);
    assert_eq!(lang("004_ce1983a31930f669.txt"), Language::De);
    // inferred dates carry a note
    for f in ["002_b57f5ab7c3cca1b0.txt", "004_ce1983a31930f669.txt"] {
        assert!(source(f).unwrap().date_note.is_some(), "{f}");
    }
}

/// Number of figures when the dataset was compiled; fails if figures are lost.
const TOTAL_MIN: usize = 153;
const PER_ARTICLE_MIN: [(&str, usize); 5] = [
    ("000_71eb757060645d2e.txt", 61),
    ("001_3163608ac74dd359.txt", 11),
    ("002_b57f5ab7c3cca1b0.txt", 8),
    ("003_a021c20f79fb0a76.txt", 69),
    ("004_ce1983a31930f669.txt", 4),
];

#[test]
fn no_figures_lost() {
    assert!(
        FIGURES.len() >= TOTAL_MIN,
        "{} figures, expected at least {TOTAL_MIN}",
        FIGURES.len()
    );
    let mut sum = 0;
    for (file, min) in PER_ARTICLE_MIN {
        let n = figures_in(file).count();
        assert!(n >= min, "{file}: {n} figures, expected at least {min}");
        sum += n;
    }
    assert_eq!(
        sum,
        FIGURES.len(),
        "every figure belongs to a listed article"
    );
    assert_eq!(figures_in("nope.txt").count(), 0);
}

#[test]
fn market_moves_are_dated() {
    let is_move = |id: &str| {
        [
            "market_value",
            "share_drop",
            "share_gain",
            "share_price",
            "index_drop",
            "gain_since",
        ]
        .iter()
        .any(|k| id.contains(k))
    };
    let moves: Vec<_> = FIGURES.iter().filter(|f| is_move(f.id)).collect();
    assert!(moves.len() >= 15, "{} market moves", moves.len());
    for f in moves {
        let d = f.date.unwrap_or_else(|| panic!("{} has no date", f.id));
        assert!(d.len() == 7 || d.len() == 10, "{}: {d}", f.id);
        assert!(d.starts_with("202"), "{}: {d}", f.id);
    }
    for f in FIGURES {
        if f.date_note.is_some() {
            assert!(f.date.is_some(), "{}", f.id);
        }
    }
}

fn check(id: &str, amount: Amount, qualifier: Qualifier, unit: Unit, source_prefix: &str) {
    let f = figure(id).unwrap_or_else(|| panic!("required figure {id} missing"));
    assert_eq!(f.amount, amount, "{id}");
    assert_eq!(f.qualifier, qualifier, "{id}");
    assert_eq!(f.unit, unit, "{id}");
    assert!(f.source.starts_with(source_prefix), "{id}: {}", f.source);
}

#[test]
fn required_figures_have_the_stated_values() {
    use Amount::{Range, Single};
    use Qualifier::*;
    check(
        "ai_infra_capex_2026",
        Single(500e9),
        Approx,
        Unit::Usd,
        "002",
    );
    check(
        "required_revenue_roi_2026",
        Single(2e12),
        Approx,
        Unit::Usd,
        "002",
    );
    check(
        "actual_ai_revenue_2026",
        Range {
            low: 50e9,
            high: 60e9,
        },
        Qualifier::Range,
        Unit::Usd,
        "002",
    );
    check(
        "ai_energy_cost_2026",
        Single(50e9),
        AtLeast,
        Unit::Usd,
        "002",
    );
    check(
        "bain_annual_capex_2030",
        Single(500e9),
        Approx,
        Unit::Usd,
        "003",
    );
    check(
        "bain_required_revenue_2030",
        Single(2e12),
        Approx,
        Unit::Usd,
        "003",
    );
    check(
        "openai_revenue_2024",
        Single(3.7e9),
        Approx,
        Unit::Usd,
        "000",
    );
    check(
        "openai_revenue_2025_xpert",
        Single(13e9),
        Approx,
        Unit::Usd,
        "003",
    );
    check(
        "openai_revenue_2025_cfo",
        Single(20e9),
        AtLeast,
        Unit::Usd,
        "001",
    );
    check(
        "deepseek_chip_share",
        Single(10.0),
        Exact,
        Unit::Percent,
        "004",
    );
    check(
        "deepseek_r1_price_share_of_o1",
        Single(2.0),
        Approx,
        Unit::Percent,
        "003",
    );
    check(
        "deepseek_input_price_per_mtok",
        Single(0.55),
        Exact,
        Unit::UsdPerMtok,
        "003",
    );
    check(
        "o1_input_price_per_mtok",
        Single(15.0),
        Exact,
        Unit::UsdPerMtok,
        "003",
    );
    check(
        "deepseek_output_price_per_mtok",
        Single(2.19),
        Exact,
        Unit::UsdPerMtok,
        "003",
    );
    check(
        "o1_output_price_per_mtok",
        Single(60.0),
        Exact,
        Unit::UsdPerMtok,
        "003",
    );
    check(
        "nvidia_market_value_drop_deepseek",
        Single(600e9),
        AtLeast,
        Unit::Usd,
        "004",
    );
    check(
        "nvidia_share_drop_deepseek",
        Single(17.0),
        Exact,
        Unit::Percent,
        "004",
    );
    check(
        "ai8_market_value_loss_week",
        Single(800e9),
        Approx,
        Unit::Usd,
        "003",
    );
    check(
        "nvidia_market_value_loss_week",
        Single(350e9),
        Approx,
        Unit::Usd,
        "003",
    );

    assert_eq!(figure("ai_infra_capex_2026").unwrap().period, "2026");
    assert_eq!(
        figure("required_revenue_roi_2026").unwrap().attributed_to,
        Some("Sequoia and other firms")
    );
    assert_eq!(
        figure("bain_annual_capex_2030").unwrap().attributed_to,
        Some("Bain")
    );
    assert_eq!(
        figure("bain_required_revenue_2030").unwrap().attributed_to,
        Some("Bain")
    );
    assert!(figure("openai_revenue_2025_cfo")
        .unwrap()
        .attributed_to
        .unwrap()
        .contains("Sarah Friar"));
    assert!(figure("deepseek_chip_share").unwrap().caveat.is_some());
    assert_eq!(
        figure("nvidia_market_value_drop_deepseek").unwrap().date,
        Some("2025-01-27")
    );
    assert!(figure("ai8_market_value_loss_week").unwrap().date.is_some());
}

#[test]
fn stated_arithmetic_mismatches_carry_caveats() {
    // "versechsfachen" for 13 -> 60 does not hold (60/13 = 4.6)
    let rev = figure("openai_revenue_2025_xpert")
        .unwrap()
        .amount
        .midpoint();
    let pay = figure("openai_oracle_payments_per_year")
        .unwrap()
        .amount
        .midpoint();
    let stated = figure("openai_required_revenue_multiple_oracle").unwrap();
    assert!((pay / rev - stated.amount.midpoint()).abs() > 1.0);
    assert!(stated.caveat.is_some());
    // "etwa 2 Prozent" vs 0.55/15 and 2.19/60
    let share = figure("deepseek_r1_price_share_of_o1").unwrap();
    let input = figure("deepseek_input_price_per_mtok")
        .unwrap()
        .amount
        .midpoint()
        / figure("o1_input_price_per_mtok").unwrap().amount.midpoint();
    assert!((input * 100.0 - share.amount.midpoint()).abs() > 1.0);
    assert!(share.caveat.is_some());
}

#[test]
fn version_is_derived_from_content() {
    let hex = DATASET_VERSION.strip_prefix("figures-").expect("prefix");
    assert_eq!(hex.len(), 12);
    assert!(hex.chars().all(|c| c.is_ascii_hexdigit()));
}
