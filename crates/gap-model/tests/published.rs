//! Published numbers reproduced with their authors' inputs, and hand-computed
//! values of the formulas.

use gap_model::{
    crf, growth_to_close_by, presets, required_by_method, required_revenue, run, InputId, Inputs,
    Method, Preset, ValidInputs,
};

fn valid(inputs: Inputs) -> ValidInputs {
    inputs.validate().expect("test inputs are valid")
}

fn preset(id: &str) -> &'static Preset {
    Preset::by_id(id).unwrap_or_else(|| panic!("preset {id} exists"))
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * b.abs().max(1.0)
}

#[test]
fn every_preset_reproduces_its_expected_numbers() {
    let mut checked = 0;
    for p in presets() {
        let outcome = run(&valid(p.apply()));
        let Some(expected) = p.expected else { continue };
        assert_eq!(outcome.base_required, expected.required, "{}", p.id);
        if let Some(gap) = expected.gap {
            assert_eq!(outcome.base_gap, gap, "{}", p.id);
        }
        checked += 1;
    }
    assert!(
        checked >= 4,
        "the four published presets carry expected numbers"
    );
}

#[test]
fn sequoia_2023_through_preset() {
    let p = preset("sequoia_2023");
    assert_eq!(p.method, Method::Sequoia);
    let outcome = run(&valid(p.apply()));
    assert_eq!(outcome.base_required, 200.0);
    assert_eq!(outcome.base_actual, 75.0);
    assert_eq!(outcome.base_gap, 125.0);
    assert_eq!(outcome.years[0].year, 2023);
}

#[test]
fn sequoia_2024_through_preset() {
    let outcome = run(&valid(preset("sequoia_2024").apply()));
    assert_eq!(outcome.base_required, 600.0);
    assert_eq!(outcome.base_gap, 500.0);
    assert_eq!(outcome.years[0].year, 2024);
}

#[test]
fn bain_2025_through_preset() {
    let outcome = run(&valid(preset("bain_2025").apply()));
    assert_eq!(outcome.base_required, 2000.0);
}

#[test]
fn article_table_through_preset() {
    let outcome = run(&valid(preset("article_2026").apply()));
    assert_eq!(outcome.base_required, 2000.0);
    assert_eq!(outcome.base_actual, 55.0);
    assert_eq!(outcome.base_gap, 1945.0);
}

#[test]
fn sequoia_directly() {
    // GPU spend × 2 (whole data centre) ÷ 50 % margin.
    let inputs = valid(Inputs::default());
    assert_eq!(required_revenue(Method::Sequoia, &inputs, 50.0, 0.0), 200.0);
    assert_eq!(200.0 - 75.0, 125.0);
    assert_eq!(
        required_revenue(Method::Sequoia, &inputs, 150.0, 0.0),
        600.0
    );
    // Sequoia's method ignores energy (it sits inside the ×2).
    assert_eq!(
        required_revenue(Method::Sequoia, &inputs, 150.0, 99.0),
        600.0
    );
}

#[test]
fn bain_directly() {
    let inputs = valid(Inputs::default());
    assert_eq!(required_revenue(Method::Bain, &inputs, 500.0, 0.0), 2000.0);
    let at_20 = valid(Inputs::default().with(InputId::CapexShare, 20.0));
    assert_eq!(required_revenue(Method::Bain, &at_20, 500.0, 0.0), 2500.0);
}

#[test]
fn direct_follows_capex() {
    let inputs = valid(Inputs::default());
    assert_eq!(
        required_revenue(Method::Direct, &inputs, 500.0, 50.0),
        2000.0
    );
    assert_eq!(
        required_revenue(Method::Direct, &inputs, 250.0, 50.0),
        1000.0
    );
}

#[test]
fn dcf_at_rate_zero_is_capex_plus_energy_over_margin() {
    for life in [1.0, 3.0, 5.0, 7.0, 30.0] {
        let inputs = valid(
            Inputs::default()
                .with(InputId::Rate, 0.0)
                .with(InputId::Life, life),
        );
        // (500 + 50) / 0.5 = 1100, whatever the life.
        assert_eq!(required_revenue(Method::Dcf, &inputs, 500.0, 50.0), 1100.0);
        assert_eq!(required_revenue(Method::Dcf, &inputs, 120.0, 0.0), 240.0);
    }
}

#[test]
fn dcf_hand_computed_at_10_percent_over_5_years() {
    // 1.1^5 = 1.61051; 1.1^-5 = 0.620921323; 1 - that = 0.379078677
    // CRF = 0.1 / 0.379078677 = 0.263797481; × 5 years = 1.318987404
    // R = (1.318987404 × 500 + 50) / 0.5 = (659.493702 + 50) / 0.5 = 1418.987404
    let inputs = valid(Inputs::default());
    let r = required_revenue(Method::Dcf, &inputs, 500.0, 50.0);
    assert!(close(r, 1_418.987_404, 1e-9), "{r}");
    assert!(close(crf(0.1, 5.0), 0.263_797_481, 1e-8));
}

#[test]
fn dcf_hand_computed_at_20_percent_over_3_years() {
    // CRF = r(1+r)^n / ((1+r)^n - 1) = 0.2 × 1.728 / 0.728 = 0.3456 / 0.728
    //     = 0.474725275; × 3 years = 1.424175824
    // R = (1.424175824 × 200 + 20) / 0.4 = (284.835165 + 20) / 0.4 = 762.087912
    let inputs = valid(
        Inputs::default()
            .with(InputId::Rate, 20.0)
            .with(InputId::Life, 3.0)
            .with(InputId::Margin, 40.0),
    );
    let r = required_revenue(Method::Dcf, &inputs, 200.0, 20.0);
    assert!(close(r, 762.087_912, 1e-9), "{r}");
}

#[test]
fn dcf_hand_computed_at_5_percent_over_4_years() {
    // 1.05^4 = 1.21550625; CRF = 0.05 × 1.21550625 / 0.21550625 = 0.282011833
    // × 4 years = 1.128047330; margin 100 %, no energy: R = 112.8047330 for C = 100
    let inputs = valid(
        Inputs::default()
            .with(InputId::Rate, 5.0)
            .with(InputId::Life, 4.0)
            .with(InputId::Margin, 100.0),
    );
    let r = required_revenue(Method::Dcf, &inputs, 100.0, 0.0);
    assert!(close(r, 112.804_733, 1e-8), "{r}");
}

#[test]
fn required_by_method_at_defaults() {
    let all = required_by_method(&valid(Inputs::default()));
    assert_eq!(all[0], (Method::Direct, 2000.0));
    assert_eq!(all[1], (Method::Sequoia, 2000.0));
    assert_eq!(all[2], (Method::Bain, 2000.0));
    assert_eq!(all[3].0, Method::Dcf);
    assert!(close(all[3].1, 1_418.987_404, 1e-9));
}

#[test]
fn default_time_path_hand_computed() {
    let outcome = run(&valid(Inputs::default()));
    assert_eq!(outcome.years.len(), 10);
    assert_eq!(outcome.years[0].year, 2026);
    assert_eq!(outcome.years[9].year, 2035);
    // 2027: actual = 55 × 1.4 = 77; gap 1923; discounted 1923 / 1.1 = 1748.18...
    let y = outcome.years[1];
    assert!(close(y.actual, 77.0, 1e-12));
    assert!(close(y.discounted_gap, 1923.0 / 1.1, 1e-12));
    assert!(close(y.cumulative_gap, 1945.0 + 1923.0, 1e-12));
    // Σ_{i=0..9} (2000 − 55 × 1.4^i) / 1.1^i, computed separately.
    assert!(
        close(outcome.gap_pv, 11_470.723_777_444_9, 1e-12),
        "{}",
        outcome.gap_pv
    );
    assert!(close(
        outcome.years[9].cumulative_gap,
        16_160.248_494_08,
        1e-12
    ));
    assert_eq!(outcome.gap_pv, outcome.years[9].cumulative_discounted_gap);
    // 55 × 1.4^9 = 1136 < 2000: no break-even by 2035.
    assert_eq!(outcome.breakeven_year, None);
    assert_eq!(outcome.years[0].discounted_gap, outcome.years[0].gap);
}

#[test]
fn breakeven_is_first_year_actual_reaches_required() {
    // 55 × 1.6^7 = 1476 < 2000 ≤ 55 × 1.6^8 = 2362
    let outcome = run(&valid(Inputs::default().with(InputId::Growth, 60.0)));
    assert_eq!(outcome.breakeven_year, Some(2034));
}

#[test]
fn breakeven_counts_equality() {
    // Revenue exactly equal to required revenue is break-even.
    let outcome = run(&valid(Inputs::default().with(InputId::Revenue, 2000.0)));
    assert_eq!(outcome.base_gap, 0.0);
    assert_eq!(outcome.breakeven_year, Some(2026));
}

#[test]
fn growth_solver_closed_form_at_defaults() {
    let inputs = valid(Inputs::default());
    // (2000 / 55)^(1/9) − 1 = 49.0759 % to close by 2035.
    let g = growth_to_close_by(&inputs, 2035).expect("reachable");
    assert!((g - 49.075_913_22).abs() < 1e-6, "{g}");
    let at = |growth: f64| run(&valid(Inputs::default().with(InputId::Growth, growth)));
    assert_eq!(at(g).breakeven_year, Some(2035));
    assert_eq!(at(g - 0.01).breakeven_year, None);
    // (2000/55)^(1/4) − 1 = 145.6 % by 2030; 2026 itself cannot be closed.
    let g2030 = growth_to_close_by(&inputs, 2030).expect("reachable");
    assert!((g2030 - 145.56).abs() < 0.01, "{g2030}");
    assert_eq!(growth_to_close_by(&inputs, 2026), None);
    assert_eq!(
        growth_to_close_by(&inputs, 2036),
        None,
        "outside the horizon"
    );
    assert_eq!(growth_to_close_by(&inputs, 2020), None);
}

#[test]
fn growth_solver_returns_range_minimum_when_already_closed() {
    let inputs = valid(Inputs::default().with(InputId::Revenue, 2500.0));
    assert_eq!(growth_to_close_by(&inputs, 2026), Some(-50.0));
}

#[test]
fn deepseek_cut_acts_from_the_second_year_on_both_sides() {
    let inputs = valid(preset("deepseek_shock").apply());
    assert_eq!(inputs.get(InputId::CostCut), 96.0);
    let outcome = run(&inputs);
    assert_eq!(outcome.base_required, 2000.0);
    assert_eq!(outcome.base_gap, 1945.0);
    // 2027: capex 500 × 4 % = 20, required 2000 × 4 % = 80; unit elasticity
    // leaves revenue at 55 × 1.4 = 77, so the gap is 3.
    let y = outcome.years[1];
    assert!(close(y.capex, 20.0, 1e-12));
    assert!(close(y.energy, 2.0, 1e-12));
    assert!(close(y.required, 80.0, 1e-12));
    assert!(close(y.actual, 77.0, 1e-12));
    assert_eq!(outcome.breakeven_year, Some(2028));

    // Inelastic demand (0.5): revenue × (1 − 0.96)^0.5 = × 0.2.
    let inelastic = run(&valid(
        preset("deepseek_shock")
            .apply()
            .with(InputId::Elasticity, 0.5),
    ));
    assert!(close(inelastic.years[1].actual, 77.0 * 0.2, 1e-12));
    // Jevons (1.5): revenue × 0.04^-0.5 = × 5.
    let jevons = run(&valid(
        preset("deepseek_shock")
            .apply()
            .with(InputId::Elasticity, 1.5),
    ));
    assert!(close(jevons.years[1].actual, 77.0 * 5.0, 1e-12));
    // Half passed on: price × (1 − 0.48) = 0.52; revenue × 0.52^0.5.
    let half = run(&valid(
        preset("deepseek_shock")
            .apply()
            .with(InputId::Elasticity, 0.5)
            .with(InputId::PassThrough, 50.0),
    ));
    assert!(close(half.years[1].actual, 77.0 * 0.52_f64.sqrt(), 1e-12));
}

#[test]
fn deepseek_reference_cuts() {
    let cut = |id: &str| preset(id).apply().get(InputId::CostCut);
    assert_eq!(cut("deepseek_chips"), 90.0);
    assert_eq!(cut("deepseek_shock"), 96.0);
    assert_eq!(cut("deepseek_price"), 98.0);
    // 1 − 0.55 / 15 = 96.3 %; 1 − 2.19 / 60 = 96.35 %: both round to 96.
    assert_eq!((100.0_f64 * (1.0 - 0.55 / 15.0)).round(), 96.0);
    assert_eq!((100.0_f64 * (1.0 - 2.19 / 60.0)).round(), 96.0);
}

#[test]
fn capex_growth_and_dcf_energy_path() {
    let inputs = valid(
        Inputs::default()
            .with(InputId::CapexGrowth, 10.0)
            .with(InputId::Rate, 0.0),
    );
    let mut dcf = inputs.into_inner();
    dcf.method = Method::Dcf;
    let outcome = run(&valid(dcf));
    // Year 2: capex 500 × 1.1² = 605, energy 50 × 1.1² = 60.5, R = 665.5 / 0.5.
    let y = outcome.years[2];
    assert!(close(y.capex, 605.0, 1e-12));
    assert!(close(y.energy, 60.5, 1e-12));
    assert!(close(y.required, 1331.0, 1e-12));
}

#[test]
fn preset_ids_are_unique_and_url_safe() {
    let ids: Vec<&str> = presets().iter().map(|p| p.id).collect();
    for (i, id) in ids.iter().enumerate() {
        assert!(!ids[..i].contains(id), "duplicate {id}");
        assert!(id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
    }
    for id in [
        "article_2026",
        "sequoia_2023",
        "sequoia_2024",
        "bain_2025",
        "deepseek_shock",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    for p in presets() {
        assert!(p.apply().validate().is_ok(), "{}", p.id);
    }
}
