//! Monte Carlo and tornado at the documented defaults.

use gap_model::{
    monte_carlo, run, tornado, InputId, Inputs, Method, Preset, Ranges, ValidInputs, DEFAULT_DRAWS,
    DEFAULT_SEED,
};

fn defaults() -> ValidInputs {
    ValidInputs::default()
}

#[test]
fn default_bands_spread_around_the_deterministic_path() {
    let inputs = defaults();
    let mc = monte_carlo(&inputs, &Ranges::default(), DEFAULT_DRAWS, DEFAULT_SEED);
    let outcome = run(&inputs);
    assert_eq!(mc.draws, 10_000);
    assert_eq!(mc.years, (2026..=2035).collect::<Vec<_>>());
    for (i, row) in outcome.years.iter().enumerate() {
        assert!(mc.p5[i] < row.gap && row.gap < mc.p95[i], "{}", row.year);
    }
    // The band widens with time: growth uncertainty compounds.
    assert!(mc.p95[9] - mc.p5[9] > 2.0 * (mc.p95[0] - mc.p5[0]));
    // Deterministic run never breaks even by 2035; some scenarios do.
    assert_eq!(outcome.breakeven_year, None);
    assert_eq!(mc.prob_breakeven_by[0], 0.0);
    assert!(mc.prob_breakeven_by[9] > 0.05 && mc.prob_breakeven_by[9] < 0.5);
    assert!(mc.pv_p5 < outcome.gap_pv && outcome.gap_pv < mc.pv_p95);
}

#[test]
fn seeds_change_draws_but_not_the_picture() {
    let inputs = defaults();
    let a = monte_carlo(&inputs, &Ranges::default(), DEFAULT_DRAWS, 1);
    let b = monte_carlo(&inputs, &Ranges::default(), DEFAULT_DRAWS, 2);
    assert_ne!(a.p50, b.p50);
    for i in 0..a.years.len() {
        assert!((a.p50[i] - b.p50[i]).abs() < 0.02 * a.p50[i].abs().max(100.0));
    }
}

#[test]
fn draws_are_clamped_to_at_least_one() {
    let mc = monte_carlo(&defaults(), &Ranges::default(), 0, 3);
    assert_eq!(mc.draws, 1);
    assert!(mc.p5.iter().all(|v| v.is_finite()));
}

#[test]
fn a_single_range_only_moves_what_it_touches() {
    let mut ranges = Ranges::zero();
    ranges.set(InputId::Growth, Some((20.0, 60.0)));
    let mc = monte_carlo(&defaults(), &ranges, 2_000, 9);
    // Growth does not act in the base year.
    assert_eq!(mc.p5[0], 1945.0);
    assert_eq!(mc.p95[0], 1945.0);
    assert!(mc.p5[9] < mc.p95[9]);
}

#[test]
fn default_tornado_order() {
    let bars = tornado(&defaults(), &Ranges::default());
    let order: Vec<InputId> = bars.iter().map(|b| b.input).collect();
    // Direct method: margin, life, energy, tco, capex_share do not act;
    // cost_cut (0 ± 20 % = 0), pass_through and elasticity cannot move the PV
    // while cost_cut is 0.
    assert_eq!(
        order,
        [
            InputId::CapexGrowth,
            InputId::Required,
            InputId::Growth,
            InputId::Rate,
            InputId::Revenue
        ]
    );
    let revenue = bars.last().unwrap();
    assert_eq!((revenue.low_value, revenue.high_value), (50.0, 60.0));
    // PV is linear in revenue: Σ_{i<10} (1.4/1.1)^i × ±5.
    let sensitivity: f64 = (0..10).map(|i| (1.4_f64 / 1.1).powi(i)).sum();
    assert!((revenue.swing - 10.0 * sensitivity).abs() < 1e-9);
    assert!(revenue.pv_at_low > revenue.pv_at_high);
}

#[test]
fn tornado_falls_back_to_twenty_percent() {
    let inputs = Preset::by_id("deepseek_shock")
        .unwrap()
        .apply()
        .validate()
        .unwrap();
    let bars = tornado(&inputs, &Ranges::zero());
    let cut = bars.iter().find(|b| b.input == InputId::CostCut).unwrap();
    // 96 ± 19.2, clamped to the 99 % maximum.
    assert!((cut.low_value - 76.8).abs() < 1e-12);
    assert_eq!(cut.high_value, 99.0);
    let growth = bars.iter().find(|b| b.input == InputId::Growth).unwrap();
    assert!((growth.low_value - 32.0).abs() < 1e-12 && (growth.high_value - 48.0).abs() < 1e-12);
}

#[test]
fn tornado_for_dcf_includes_its_own_parameters() {
    let mut inputs = Inputs::default();
    inputs.method = Method::Dcf;
    let bars = tornado(&inputs.validate().unwrap(), &Ranges::default());
    for id in [
        InputId::Life,
        InputId::Margin,
        InputId::Energy,
        InputId::Rate,
    ] {
        assert!(bars.iter().any(|b| b.input == id), "{id:?}");
    }
    assert!(bars.iter().all(|b| b.input != InputId::Required));
}

#[test]
fn a_range_is_widened_to_include_the_current_value() {
    // Revenue set to 40 with the default 50–60 range: draws come from a
    // triangle on 40–60 with its mode at 40, never from 50–60 alone.
    let inputs = Inputs::default()
        .with(InputId::Revenue, 40.0)
        .validate()
        .unwrap();
    let mut ranges = Ranges::zero();
    ranges.set(InputId::Revenue, Some((50.0, 60.0)));
    let mc = monte_carlo(&inputs, &ranges, 4_000, 5);
    // Triangle (40, mode 40, 60): P5 of revenue = 60 − 20 × √0.95 ≈ 40.51,
    // so the gap's P95 ≈ 1959.5. Without widening it could not exceed 1950.
    assert!((mc.p95[0] - 1959.5).abs() < 0.5, "{}", mc.p95[0]);
    assert!(mc.p5[0] >= 1940.0);
}
