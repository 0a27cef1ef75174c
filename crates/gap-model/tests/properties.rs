//! Property tests over the whole allowed input space (endpoints included).

use gap_model::{
    growth_to_cover_from, monte_carlo, required_by_method, run, tornado, InputId, Inputs, Method,
    Outcome, Ranges, Uncovered, ValidInputs, INPUT_COUNT,
};
use proptest::prelude::*;

/// A value of one input: often an endpoint, otherwise anywhere in range.
fn value_of(id: InputId) -> BoxedStrategy<f64> {
    let s = id.spec();
    let any = prop_oneof![1 => Just(s.min), 1 => Just(s.max), 6 => s.min..=s.max];
    if s.whole {
        any.prop_map(f64::round).boxed()
    } else {
        any.boxed()
    }
}

/// Every input but the horizon, which comes last in `InputId::ALL`.
const NUMBERS: usize = INPUT_COUNT - 2;

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

prop_compose! {
    fn valid_inputs()(
        numbers in InputId::ALL[..NUMBERS].iter().map(|&id| value_of(id)).collect::<Vec<_>>(),
        method in method(),
        start in 2020_i32..=2050,
        len in prop_oneof![Just(0_i32), Just(50), 0_i32..=50],
    ) -> ValidInputs {
        let mut inputs = Inputs::default();
        inputs.method = method;
        for (&id, &v) in InputId::ALL.iter().zip(&numbers) {
            inputs.set(id, v);
        }
        inputs.set(InputId::Start, f64::from(start));
        inputs.set(InputId::End, f64::from((start + len).min(2100)));
        inputs.validate().expect("generated inputs are valid")
    }
}

fn with(inputs: &ValidInputs, id: InputId, value: f64) -> ValidInputs {
    inputs
        .inputs()
        .clone()
        .with(id, value)
        .validate()
        .expect("still valid")
}

fn dcf(inputs: &ValidInputs) -> ValidInputs {
    let mut inputs = inputs.inputs().clone();
    inputs.method = Method::Dcf;
    inputs.validate().expect("still valid")
}

fn assert_outcome_finite(o: &Outcome) {
    for v in [o.base_required, o.base_actual, o.base_gap, o.gap_pv] {
        assert!(v.is_finite(), "{o:?}");
    }
    assert!(o.npv.is_finite() && o.terminal_value.is_finite(), "{o:?}");
    if let Some(irr) = o.irr.rate() {
        assert!(irr.is_finite() && irr > -100.0, "{o:?}");
    }
    for r in &o.years {
        let all = [
            r.capex,
            r.capital_charge,
            r.cash_flow,
            r.energy,
            r.required,
            r.actual,
            r.gap,
            r.discounted_gap,
            r.cumulative_gap,
            r.cumulative_discounted_gap,
        ];
        assert!(all.iter().all(|v| v.is_finite()), "{r:?}");
    }
}

/// Break-even as a number, `None` counting as "never" (later than any year).
fn breakeven_key(o: &Outcome) -> i32 {
    o.breakeven_year.unwrap_or(i32::MAX)
}

proptest! {
    #[test]
    fn every_output_is_finite(inputs in valid_inputs(), pick in 0.0..=1.0_f64) {
        let outcome = run(&inputs);
        assert_outcome_finite(&outcome);
        prop_assert_eq!(outcome.years.len(), inputs.horizon_len());
        for (_, r) in required_by_method(&inputs) {
            prop_assert!(r.is_finite());
        }
        let span = f64::from(inputs.end() - inputs.start());
        #[allow(clippy::cast_possible_truncation)]
        let year = inputs.start() + (pick * span).round() as i32;
        if let Ok(g) = growth_to_cover_from(&inputs, year) {
            prop_assert!(g.is_finite());
        }
        for bar in tornado(&inputs, &Ranges::around(&inputs)) {
            prop_assert!(bar.swing.is_finite() && bar.pv_at_low.is_finite() && bar.pv_at_high.is_finite());
        }
        let mc = monte_carlo(&inputs, &Ranges::around(&inputs), 16, 7);
        for v in mc.p5.iter().chain(&mc.p50).chain(&mc.p95).chain(&mc.prob_breakeven_by) {
            prop_assert!(v.is_finite());
        }
        prop_assert!(mc.pv_p5.is_finite() && mc.pv_p50.is_finite() && mc.pv_p95.is_finite());
    }

    #[test]
    fn higher_discount_rate_never_lowers_dcf_required_revenue(
        inputs in valid_inputs(),
        a in value_of(InputId::Rate),
        b in value_of(InputId::Rate),
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let at_low = run(&dcf(&with(&inputs, InputId::Rate, low)));
        let at_high = run(&dcf(&with(&inputs, InputId::Rate, high)));
        for (l, h) in at_low.years.iter().zip(&at_high.years) {
            // Relative 1e-12 allows only for floating-point rounding.
            prop_assert!(h.required >= l.required * (1.0 - 1e-12), "{}: {low} → {}, {high} → {}", l.year, l.required, h.required);
        }
    }

    /// The critics' point holds where capex grows at least as fast as the
    /// discount rate (before and after `start`, with no cut): a shorter life
    /// then never lowers the capital charge, nor required revenue without
    /// energy. (Slower growth reverses it: a long-lived stock ties up more
    /// capital, docs/MODEL.md shows why; and energy follows the capital in
    /// service relative to the base year, which the life moves too.)
    #[test]
    fn with_capex_growing_faster_than_the_rate_a_shorter_life_raises_dcf_required_revenue(
        inputs in valid_inputs(),
        a in value_of(InputId::Life),
        b in value_of(InputId::Life),
        extra in 0.0..=40.0_f64,
        extra_history in 0.0..=40.0_f64,
    ) {
        let rate = inputs.get(InputId::Rate);
        let growing = inputs
            .inputs()
            .clone()
            .with(InputId::CapexGrowth, rate + extra)
            .with(InputId::HistoryGrowth, rate + extra_history)
            .with(InputId::CostCut, 0.0)
            .with(InputId::Energy, 0.0);
        let growing = dcf(&growing.validate().expect("valid"));
        let (short, long) = (a.min(b), a.max(b));
        let at_short = run(&with(&growing, InputId::Life, short));
        let at_long = run(&with(&growing, InputId::Life, long));
        for (s, l) in at_short.years.iter().zip(&at_long.years) {
            prop_assert!(s.capital_charge >= l.capital_charge * (1.0 - 1e-12), "{}: life {short} → {}, {long} → {}", s.year, s.capital_charge, l.capital_charge);
            prop_assert!(s.required >= l.required * (1.0 - 1e-12), "{}: life {short} → {}, {long} → {}", s.year, s.required, l.required);
        }
    }

    #[test]
    fn a_revenue_cap_never_raises_revenue(inputs in valid_inputs(), cap in value_of(InputId::RevenueCap)) {
        let uncapped = run(&with(&inputs, InputId::RevenueCap, 0.0));
        let capped = run(&with(&inputs, InputId::RevenueCap, cap));
        for (u, c) in uncapped.years.iter().zip(&capped.years) {
            prop_assert!(c.actual <= u.actual * (1.0 + 1e-12), "{}: {} > {}", c.year, c.actual, u.actual);
            prop_assert!(c.actual >= 0.0);
        }
    }

    /// A cut passed on in full to unit-elastic demand sells more tokens for
    /// the same dollars on the same hardware: nothing changes, under every
    /// method.
    #[test]
    fn a_cut_passed_on_to_unit_elastic_demand_changes_nothing(
        inputs in valid_inputs(),
        cut in value_of(InputId::CostCut),
    ) {
        let plain = inputs
            .inputs()
            .clone()
            .with(InputId::PassThrough, 100.0)
            .with(InputId::Elasticity, 1.0)
            .with(InputId::CostCut, 0.0)
            .validate()
            .expect("valid");
        let without = run(&plain);
        let with_cut = run(&with(&plain, InputId::CostCut, cut));
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        for (a, b) in without.years.iter().zip(&with_cut.years) {
            for (x, y) in [(a.actual, b.actual), (a.capex, b.capex), (a.required, b.required), (a.gap, b.gap), (a.receipts, b.receipts)] {
                prop_assert!(near(x, y), "{}: {x} vs {y}", a.year);
            }
        }
        let scale = without.years.iter().map(|r| r.capex.abs() + r.receipts.abs()).sum::<f64>() + without.opening_value;
        prop_assert!((without.npv - with_cut.npv).abs() <= 1e-9 * scale.max(1.0), "{} vs {}", without.npv, with_cut.npv);
        prop_assert_eq!(without.breakeven_year, with_cut.breakeven_year);
        if let (Some(a), Some(b)) = (without.irr.rate(), with_cut.irr.rate()) {
            prop_assert!((a - b).abs() < 1e-6, "{a} vs {b}");
        }
    }

    /// With full pass-through and demand that does not rebound (elasticity
    /// below 1), a cut never raises any year's revenue ÷ requirement and
    /// never brings break-even earlier, under every method.
    #[test]
    fn a_cut_with_inelastic_demand_is_no_windfall(
        inputs in valid_inputs(),
        cut in value_of(InputId::CostCut),
        elasticity in 0.0..=1.0_f64,
    ) {
        let plain = inputs
            .inputs()
            .clone()
            .with(InputId::PassThrough, 100.0)
            .with(InputId::Elasticity, elasticity)
            .with(InputId::CostCut, 0.0)
            .validate()
            .expect("valid");
        let without = run(&plain);
        let with_cut = run(&with(&plain, InputId::CostCut, cut));
        for (a, b) in without.years.iter().zip(&with_cut.years) {
            // a.actual × b.required ≥ b.actual × a.required, up to rounding.
            let (lhs, rhs) = (b.actual * a.required, a.actual * b.required);
            prop_assert!(lhs <= rhs * (1.0 + 1e-9) + 1e-9, "{}: {} / {} against {} / {}", a.year, b.actual, b.required, a.actual, a.required);
        }
        // (The horizon's coverage is a weighted average of the years' ratios:
        // a cut reweights the years, so it is not bound the same way.)
        prop_assert!(breakeven_key(&with_cut) >= breakeven_key(&without));
    }

    #[test]
    fn higher_growth_never_makes_breakeven_later(
        inputs in valid_inputs(),
        a in value_of(InputId::Growth),
        b in value_of(InputId::Growth),
    ) {
        // Without a cut the requirement does not depend on growth (after one,
        // capacity follows the tokens sold, and the ceiling ties them to
        // revenue).
        let inputs = with(&inputs, InputId::CostCut, 0.0);
        let (low, high) = (a.min(b), a.max(b));
        let slow = run(&with(&inputs, InputId::Growth, low));
        let fast = run(&with(&inputs, InputId::Growth, high));
        prop_assert!(breakeven_key(&fast) <= breakeven_key(&slow));
    }

    #[test]
    fn monte_carlo_without_ranges_is_the_deterministic_run(inputs in valid_inputs(), seed in any::<u64>()) {
        let outcome = run(&inputs);
        let mc = monte_carlo(&inputs, &Ranges::zero(), 25, seed);
        let gaps: Vec<f64> = outcome.years.iter().map(|r| r.gap).collect();
        prop_assert_eq!(&mc.p5, &gaps);
        prop_assert_eq!(&mc.p50, &gaps);
        prop_assert_eq!(&mc.p95, &gaps);
        prop_assert_eq!(mc.pv_p50, outcome.gap_pv);
        let years: Vec<i32> = outcome.years.iter().map(|r| r.year).collect();
        prop_assert_eq!(&mc.years, &years);
        for (year, p) in years.iter().zip(&mc.prob_breakeven_by) {
            let expected = if breakeven_key(&outcome) <= *year { 1.0 } else { 0.0 };
            prop_assert_eq!(*p, expected);
        }
    }

    #[test]
    fn same_seed_same_result(inputs in valid_inputs(), seed in any::<u64>()) {
        let a = monte_carlo(&inputs, &Ranges::around(&inputs), 50, seed);
        let b = monte_carlo(&inputs, &Ranges::around(&inputs), 50, seed);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn monte_carlo_bands_are_ordered(inputs in valid_inputs(), seed in any::<u64>()) {
        let mc = monte_carlo(&inputs, &Ranges::around(&inputs), 64, seed);
        for i in 0..mc.years.len() {
            prop_assert!(mc.p5[i] <= mc.p50[i] && mc.p50[i] <= mc.p95[i]);
            prop_assert!((0.0..=1.0).contains(&mc.prob_breakeven_by[i]));
            if i > 0 {
                prop_assert!(mc.prob_breakeven_by[i] >= mc.prob_breakeven_by[i - 1]);
            }
        }
        prop_assert!(mc.pv_p5 <= mc.pv_p50 && mc.pv_p50 <= mc.pv_p95);
    }

    #[test]
    fn solved_growth_covers_every_year_to_the_end_and_a_little_less_does_not(inputs in valid_inputs(), pick in 0.0..=1.0_f64) {
        let span = f64::from(inputs.end() - inputs.start());
        #[allow(clippy::cast_possible_truncation)]
        let year = inputs.start() + (pick * span).round() as i32;
        let spec = InputId::Growth.spec();
        let covers = |g: f64| {
            run(&with(&inputs, InputId::Growth, g))
                .years
                .iter()
                .all(|r| r.year < year || r.actual >= r.required)
        };
        match growth_to_cover_from(&inputs, year) {
            Ok(g) => {
                prop_assert!(spec.min <= g && g <= spec.max);
                prop_assert!(covers(g), "growth {g} does not cover {year} to the end");
                // Monotone without a cut (after one, the lowest answer is
                // the last change on the solver's grid).
                if g > spec.min + 0.01 && inputs.get(InputId::CostCut) == 0.0 {
                    prop_assert!(!covers(g - 0.01), "growth {g} is not the lowest");
                }
            }
            Err(Uncovered::AboveCeiling(short)) => {
                prop_assert!(!covers(spec.max));
                let at_max = run(&with(&inputs, InputId::Growth, spec.max));
                let row = at_max.years.iter().find(|r| r.year == short).expect("a year of the horizon");
                prop_assert!(row.actual < row.required && short >= year);
            }
            Err(Uncovered::BeyondRange(short)) => {
                prop_assert!(!covers(spec.max));
                prop_assert!(short >= year);
            }
            Err(Uncovered::OutsideHorizon) => prop_assert!(false, "{year} is in the horizon"),
        }
    }

    #[test]
    fn tornado_is_sorted_and_skips_unused_inputs(inputs in valid_inputs()) {
        let bars = tornado(&inputs, &Ranges::around(&inputs));
        for pair in bars.windows(2) {
            prop_assert!(pair[0].swing >= pair[1].swing);
        }
        for bar in &bars {
            prop_assert!(bar.input.is_used_by(inputs.method));
            prop_assert!(bar.swing > 0.0);
            prop_assert!(!matches!(bar.input, InputId::Start | InputId::End));
        }
    }
}
