//! Monte Carlo and tornado at the documented defaults and for every preset.

use gap_model::{
    monte_carlo, presets, run, tornado, InputId, Inputs, Method, Preset, Ranges, ValidInputs,
    DEFAULT_DRAWS, DEFAULT_SEED,
};

/// The article's claim at the defaults (the `direct` method): the numbers
/// below were worked out for it.
fn defaults() -> ValidInputs {
    direct(Inputs::default())
}

fn direct(mut inputs: Inputs) -> ValidInputs {
    inputs.method = Method::Direct;
    inputs.validate().unwrap()
}

fn around(inputs: &ValidInputs) -> Ranges {
    Ranges::around(inputs)
}

#[test]
fn default_bands_spread_around_the_deterministic_path() {
    let inputs = defaults();
    let mc = monte_carlo(&inputs, &around(&inputs), DEFAULT_DRAWS, DEFAULT_SEED);
    let outcome = run(&inputs);
    assert_eq!(mc.draws, 10_000);
    assert_eq!(mc.years, (2026..=2035).collect::<Vec<_>>());
    for (i, row) in outcome.years.iter().enumerate() {
        assert!(mc.p5[i] < row.gap && row.gap < mc.p95[i], "{}", row.year);
    }
    // The band widens with time: growth uncertainty compounds.
    assert!(mc.p95[9] - mc.p5[9] > 2.0 * (mc.p95[0] - mc.p5[0]));
    assert!(mc.pv_p5 < outcome.gap_pv && outcome.gap_pv < mc.pv_p95);
}

// Defect 6: absolute ranges left a preset's published number outside its band.
#[test]
fn every_presets_band_contains_its_deterministic_numbers() {
    for p in presets() {
        for method in Method::ALL {
            let mut inputs = p.apply();
            inputs.method = method;
            let inputs = inputs.validate().unwrap();
            let outcome = run(&inputs);
            let mc = monte_carlo(&inputs, &around(&inputs), DEFAULT_DRAWS, DEFAULT_SEED);
            let (id, m) = (p.id, method.url_name());
            assert!(
                mc.p5[0] <= outcome.base_gap && outcome.base_gap <= mc.p95[0],
                "{id}/{m}: base gap {} not in [{}, {}]",
                outcome.base_gap,
                mc.p5[0],
                mc.p95[0]
            );
            assert!(
                mc.pv_p5 <= outcome.gap_pv && outcome.gap_pv <= mc.pv_p95,
                "{id}/{m}: gap PV {} not in [{}, {}]",
                outcome.gap_pv,
                mc.pv_p5,
                mc.pv_p95
            );
        }
    }
}

#[test]
fn ranges_move_with_the_preset() {
    let sequoia = Preset::by_id("sequoia_2023").unwrap().apply();
    let ranges = Ranges::around(&sequoia);
    assert_eq!(ranges.get(InputId::Capex), Some((90.0, 110.0)));
    let (low, high) = ranges.get(InputId::Growth).unwrap();
    assert!((low - 13.3).abs() < 1e-9 && (high - 53.3).abs() < 1e-9);
    // Clamped at the allowed range: pass-through 100 only varies downwards.
    assert_eq!(ranges.get(InputId::PassThrough), Some((50.0, 100.0)));
}

#[test]
fn seeds_change_draws_but_not_the_picture() {
    let inputs = defaults();
    let a = monte_carlo(&inputs, &around(&inputs), DEFAULT_DRAWS, 1);
    let b = monte_carlo(&inputs, &around(&inputs), DEFAULT_DRAWS, 2);
    assert_ne!(a.p50, b.p50);
    for i in 0..a.years.len() {
        assert!((a.p50[i] - b.p50[i]).abs() < 0.02 * a.p50[i].abs().max(100.0));
    }
}

#[test]
fn draws_are_clamped_to_at_least_one() {
    let inputs = defaults();
    let mc = monte_carlo(&inputs, &around(&inputs), 0, 3);
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
    let inputs = defaults();
    let bars = tornado(&inputs, &around(&inputs));
    let order: Vec<InputId> = bars.iter().map(|b| b.input).collect();
    // Direct method: margin, life, energy, GPU share, tco, capex share and
    // the capex history do not act; pass-through and elasticity cannot move
    // the PV while cost_cut is 0, which has no range (0 ± 20 % = 0).
    assert_eq!(
        order,
        [
            InputId::CapexGrowth,
            InputId::Required,
            InputId::Capex,
            InputId::Rate,
            InputId::Growth,
            InputId::Revenue,
            InputId::RevenueCap,
        ]
    );
    let capex = bars.iter().find(|b| b.input == InputId::Capex).unwrap();
    assert_eq!((capex.low_value, capex.high_value), (450.0, 550.0));
    // Required revenue is proportional to capex: ±10 % of the PV of R.
    let pv_required: f64 = run(&inputs)
        .years
        .iter()
        .map(|r| r.required * r.discounted_gap / r.gap)
        .sum();
    assert!((capex.swing - 0.2 * pv_required).abs() < 1e-6 * pv_required);
}

#[test]
fn tornado_falls_back_to_twenty_percent() {
    // Demand that does not rebound, so that the cut moves the gap (at
    // elasticity 1 it moves nothing and has no bar).
    let inputs = Preset::by_id("deepseek_shock")
        .unwrap()
        .apply()
        .with(InputId::Elasticity, 0.5)
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
    let inputs = inputs.validate().unwrap();
    let bars = tornado(&inputs, &around(&inputs));
    for id in [
        InputId::Life,
        InputId::Margin,
        InputId::Energy,
        InputId::Rate,
        InputId::HistoryGrowth,
    ] {
        assert!(bars.iter().any(|b| b.input == id), "{id:?}");
    }
    assert!(bars.iter().all(|b| b.input != InputId::Required));
    // A shorter life costs more while capex grows faster than the rate.
    let life = bars.iter().find(|b| b.input == InputId::Life).unwrap();
    assert_eq!((life.low_value, life.high_value), (3.0, 6.0));
    assert!(life.pv_at_low > life.pv_at_high);
}

#[test]
fn a_range_is_widened_to_include_the_current_value() {
    // Revenue set to 40 with a 50–60 range: draws come from a triangle on
    // 40–60 with its mode at 40, never from 50–60 alone.
    let inputs = direct(Inputs::default().with(InputId::Revenue, 40.0));
    let mut ranges = Ranges::zero();
    ranges.set(InputId::Revenue, Some((50.0, 60.0)));
    let mc = monte_carlo(&inputs, &ranges, 4_000, 5);
    // Triangle (40, mode 40, 60): P5 of revenue = 60 − 20 × √0.95 ≈ 40.51,
    // so the gap's P95 ≈ 1959.5. Without widening it could not exceed 1950.
    assert!((mc.p95[0] - 1959.5).abs() < 0.5, "{}", mc.p95[0]);
    assert!(mc.p5[0] >= 1940.0);
}

#[test]
fn life_draws_are_whole_years() {
    // Only life varies (3–6 around 5): every scenario's base-year dcf gap is
    // one of the four gaps of a whole life, so the percentiles are too (P5
    // and P95 may interpolate between two neighbours only at a tie's edge).
    let mut inputs = Inputs::default();
    inputs.method = Method::Dcf;
    let inputs = inputs.validate().unwrap();
    let mut ranges = Ranges::zero();
    ranges.set(InputId::Life, Some((3.0, 6.0)));
    let gap_at = |life: f64| {
        run(&inputs
            .inputs()
            .clone()
            .with(InputId::Life, life)
            .validate()
            .unwrap())
        .base_gap
    };
    let whole: Vec<f64> = [3.0, 4.0, 5.0, 6.0].map(gap_at).to_vec();
    let mc = monte_carlo(&inputs, &ranges, 501, 11);
    assert!(whole.contains(&mc.p50[0]), "{} not in {whole:?}", mc.p50[0]);
    assert!(whole.contains(&mc.p5[0]) && whole.contains(&mc.p95[0]));
}
