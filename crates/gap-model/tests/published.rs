//! Published numbers reproduced with their authors' inputs, hand-computed
//! values of the formulas (docs/MODEL.md shows the arithmetic), and one test
//! per defect of model 1 that the revision fixed.

use gap_model::{
    crf, growth_to_close_by, presets, required_by_method, run, InputId, Inputs, Irr, Method,
    Preset, ValidInputs,
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

fn with_method(method: Method) -> Inputs {
    let mut inputs = Inputs::default();
    inputs.method = method;
    inputs
}

fn base_required(inputs: Inputs) -> f64 {
    run(&valid(inputs)).base_required
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
    assert_eq!(
        checked,
        presets().len(),
        "every preset states what it reproduces"
    );
}

#[test]
fn sequoia_2023_and_2024_from_their_data_centre_spend() {
    let p = preset("sequoia_2023");
    assert_eq!(p.method, Method::Sequoia);
    let inputs = p.apply();
    assert_eq!(inputs.get(InputId::Capex), 100.0);
    assert_eq!(inputs.get(InputId::GpuShare), 50.0);
    let outcome = run(&valid(inputs));
    assert_eq!(
        (outcome.base_required, outcome.base_actual, outcome.base_gap),
        (200.0, 75.0, 125.0)
    );
    assert_eq!(outcome.years[0].year, 2023);
    let outcome = run(&valid(preset("sequoia_2024").apply()));
    assert_eq!((outcome.base_required, outcome.base_gap), (600.0, 500.0));
    assert_eq!(outcome.years[0].year, 2024);
}

#[test]
fn bain_2030_needs_two_trillion_and_falls_800_billion_short() {
    let inputs = preset("bain_2025").apply();
    assert_eq!(inputs.get(InputId::Start), 2030.0);
    let outcome = run(&valid(inputs));
    assert_eq!(outcome.years[0].year, 2030);
    assert_eq!(outcome.base_required, 2000.0);
    assert_eq!(outcome.base_gap, 800.0);
}

#[test]
fn article_table_through_preset() {
    let outcome = run(&valid(preset("article_2026").apply()));
    assert_eq!(outcome.base_required, 2000.0);
    assert_eq!(outcome.base_actual, 55.0);
    assert_eq!(outcome.base_gap, 1945.0);
}

// Defect 1: the margin was inverted (R = cost ÷ m). A seller with gross
// margin m keeps m of its revenue: R = cost ÷ (1 − m).
#[test]
fn margin_is_what_the_seller_keeps() {
    // Sequoia, whole data centre 1,000 (capex 1,000, GPU share 50 %, × 2).
    let at = |margin: f64| {
        base_required(
            with_method(Method::Sequoia)
                .with(InputId::Capex, 1000.0)
                .with(InputId::Margin, margin),
        )
    };
    assert!(close(at(60.0), 2500.0, 1e-12), "{}", at(60.0));
    assert_eq!(at(50.0), 2000.0);
    assert_eq!(at(0.0), 1000.0);
    assert!(close(at(90.0), 10_000.0, 1e-12));
    let spec = InputId::Margin.spec();
    assert!(spec.min <= 0.0 && spec.max >= 90.0);
}

// Defect 2: Sequoia's × 2 turns GPU spend into data-centre spend; capex is
// data-centre spend already, so only its GPU share is multiplied.
#[test]
fn sequoia_multiplies_only_the_gpu_share() {
    // 500 × 50 % × 2 ÷ (1 − 0.5) = 1,000, not 2,000.
    assert_eq!(base_required(with_method(Method::Sequoia)), 1000.0);
    // GPU share 100 % (all of capex is GPUs): the old × 2 × 2.
    assert_eq!(
        base_required(with_method(Method::Sequoia).with(InputId::GpuShare, 100.0)),
        2000.0
    );
}

// Defect 3: `direct` divided by the capex input, so capex did nothing.
#[test]
fn direct_scales_the_articles_figure_with_capex() {
    assert_eq!(base_required(Inputs::default()), 2000.0);
    assert_eq!(
        base_required(Inputs::default().with(InputId::Capex, 1000.0)),
        4000.0
    );
    assert_eq!(
        base_required(Inputs::default().with(InputId::Capex, 250.0)),
        1000.0
    );
}

// Defect 4: the steady-state charge made a shorter life *lower* R.
#[test]
fn dcf_charges_the_vintages_in_service() {
    // Flat history (every vintage 500): charge CRF(10 %, 5) ÷ 1.1 =
    // 0.2398159 per dollar, × 2,500 = 599.5397; (599.5397 + 50) ÷ 0.5 = 1,299.0795.
    let flat = with_method(Method::Dcf)
        .with(InputId::HistoryGrowth, 0.0)
        .with(InputId::Energy, 50.0);
    let r_flat = base_required(flat);
    assert!(close(r_flat, 1_299.079_458, 1e-9), "{r_flat}");
    assert!(close(crf(0.1, 5.0), 0.263_797_481, 1e-8));
    // Defaults: vintages 500, 357.1429, 255.1020, 182.2157, 130.1541 (÷ 1.4
    // a year back), Σ 1,424.6147; × 0.2398159 = 341.6453; (341.6453 + 11) ÷ 0.5.
    let r = base_required(with_method(Method::Dcf));
    assert!(close(r, 705.290_510, 1e-9), "{r}");
    // Capex growing at 40 % > rate 10 %: life 3 needs more than life 5.
    // CRF(10 %, 3) ÷ 1.1 = 0.3655589; Σ 1,112.2449; K = 406.5911; (406.5911 + 11) ÷ 0.5.
    let short = base_required(with_method(Method::Dcf).with(InputId::Life, 3.0));
    assert!(close(short, 835.182_2, 1e-6), "{short}");
    assert!(short > r);
}

#[test]
fn dcf_life_does_not_matter_when_capex_grows_at_the_discount_rate() {
    // Σ_k C (1+r)^−k × CRF(r, L) ÷ (1 + r) = C for every L: pay as you go.
    for life in [1.0, 2.0, 5.0, 12.0, 30.0] {
        let r = base_required(
            with_method(Method::Dcf)
                .with(InputId::Capex, 100.0)
                .with(InputId::HistoryGrowth, 10.0)
                .with(InputId::Energy, 0.0)
                .with(InputId::Margin, 0.0)
                .with(InputId::Life, life),
        );
        assert!(close(r, 100.0, 1e-12), "life {life}: {r}");
    }
}

#[test]
fn dcf_cut_keeps_the_charge_of_capacity_already_built() {
    let cut = run(&valid(
        with_method(Method::Dcf)
            .with(InputId::CostCut, 90.0)
            .with(InputId::CapexGrowth, 0.0),
    ));
    let base = cut.years[0];
    let next = cut.years[1];
    // 2027: vintage 50 replaces the 2021 one (130.15); the rest stays.
    assert!(close(next.capex, 50.0, 1e-12));
    let expected = base.capital_charge + crf(0.1, 5.0) / 1.1 * (50.0 - 500.0 / 1.4_f64.powi(4));
    assert!(close(next.capital_charge, expected, 1e-12));
    assert!(next.capital_charge > 0.5 * base.capital_charge);
}

// Defect 5: revenue grew without limit.
#[test]
fn revenue_follows_a_logistic_curve_under_the_cap() {
    let outcome = run(&valid(Inputs::default()));
    // 4,400 ÷ (1 + (4,400 ÷ 55 − 1) ÷ 1.4⁹) = 4,400 ÷ (1 + 79 ÷ 20.661047) = 912.178
    assert!(
        close(outcome.years[9].actual, 912.178, 1e-5),
        "{}",
        outcome.years[9].actual
    );
    assert_eq!(outcome.years[0].actual, 55.0);
    let long = run(&valid(
        Inputs::default()
            .with(InputId::Growth, 300.0)
            .with(InputId::End, 2076.0),
    ));
    for row in &long.years {
        assert!(row.actual <= 4400.0 && row.actual > 0.0, "{row:?}");
    }
    // The ceiling also bounds revenue after a price cut with Jevons demand.
    let jevons = run(&valid(
        Inputs::default()
            .with(InputId::CostCut, 96.0)
            .with(InputId::Elasticity, 3.0),
    ));
    assert!(
        jevons.years.iter().all(|r| r.actual <= 4400.0),
        "{:?}",
        jevons.years
    );
    assert_eq!(jevons.years[9].actual, 4400.0);
    let uncapped = run(&valid(Inputs::default().with(InputId::RevenueCap, 0.0)));
    assert!(close(
        uncapped.years[9].actual,
        55.0 * 1.4_f64.powi(9),
        1e-12
    ));
    // A ceiling below today's revenue holds it there.
    let held = run(&valid(
        Inputs::default()
            .with(InputId::Revenue, 3000.0)
            .with(InputId::RevenueCap, 1000.0),
    ));
    assert!(held.years.iter().all(|r| r.actual == 3000.0));
}

#[test]
fn required_by_method_at_defaults() {
    let all = required_by_method(&valid(Inputs::default()));
    assert_eq!(all[0], (Method::Direct, 2000.0));
    assert_eq!(all[1], (Method::Sequoia, 1000.0));
    assert_eq!(all[2], (Method::Bain, 2000.0));
    assert_eq!(all[3].0, Method::Dcf);
    assert!(close(all[3].1, 705.290_510, 1e-9));
}

#[test]
fn default_time_path_hand_computed() {
    let outcome = run(&valid(Inputs::default()));
    assert_eq!(outcome.years.len(), 10);
    assert_eq!((outcome.years[0].year, outcome.years[9].year), (2026, 2035));
    // 2027: capex 575, required 2,300; revenue 4,400 ÷ (1 + 79 ÷ 1.4) = 76.635.
    let y = outcome.years[1];
    assert!(close(y.capex, 575.0, 1e-12));
    assert!(close(y.required, 2300.0, 1e-12));
    assert!(close(y.actual, 4400.0 / (1.0 + 79.0 / 1.4), 1e-12));
    assert!(close(y.discounted_gap, (2300.0 - y.actual) / 1.1, 1e-12));
    assert_eq!(outcome.gap_pv, outcome.years[9].cumulative_discounted_gap);
    assert_eq!(outcome.breakeven_year, None);
    assert_eq!(outcome.years[0].discounted_gap, outcome.years[0].gap);
}

#[test]
fn investors_npv_and_irr_by_hand() {
    // One year, life 2: cash flow 0.5 × 1,000 − 500 − 300 = −300; the year's
    // vintage keeps half its book value, 250, at the end of the year.
    let inputs = valid(
        Inputs::default()
            .with(InputId::End, 2026.0)
            .with(InputId::Life, 2.0)
            .with(InputId::Revenue, 1000.0)
            .with(InputId::Energy, 300.0),
    );
    let outcome = run(&inputs);
    assert_eq!(outcome.years[0].cash_flow, -300.0);
    assert_eq!(outcome.terminal_value, 250.0);
    assert!(close(outcome.npv, -300.0 + 250.0 / 1.1, 1e-12));
    // −300 + 250 ÷ (1 + irr) = 0: irr = −16.67 %.
    let Irr::Rate(irr) = outcome.irr else {
        panic!("{:?}", outcome.irr)
    };
    assert!(close(irr, -100.0 / 6.0, 1e-9), "{irr}");
    // Defaults: the build-out loses money, at a negative rate of return.
    let defaults = run(&valid(Inputs::default()));
    assert!(defaults.npv < 0.0);
    assert!(
        defaults.irr.rate().is_some_and(|r| r < 0.0),
        "{:?}",
        defaults.irr
    );
}

#[test]
fn irr_makes_the_npv_zero() {
    for p in presets() {
        let inputs = p.apply();
        let outcome = run(&valid(inputs.clone()));
        if let Irr::Rate(irr) = outcome.irr {
            let at_irr = run(&valid(inputs.with(InputId::Rate, 0.0)));
            // NPV at the IRR: re-discount the owners' flows by hand.
            let v = 1.0 / (1.0 + irr / 100.0);
            let n = at_irr.years.len();
            let npv: f64 = at_irr
                .years
                .iter()
                .enumerate()
                .map(|(i, r)| r.cash_flow * v.powi(i32::try_from(i).unwrap()))
                .sum::<f64>()
                + at_irr.terminal_value * v.powi(i32::try_from(n).unwrap());
            let scale: f64 = at_irr.years.iter().map(|r| r.cash_flow.abs()).sum();
            assert!(npv.abs() < 1e-9 * scale, "{}: {npv}", p.id);
        }
    }
}

#[test]
fn breakeven_is_first_year_actual_reaches_required() {
    let outcome = run(&valid(Inputs::default().with(InputId::Revenue, 2000.0)));
    assert_eq!(outcome.base_gap, 0.0);
    assert_eq!(outcome.breakeven_year, Some(2026));
}

#[test]
fn growth_solver_finds_the_lowest_closing_growth() {
    let inputs = valid(Inputs::default().with(InputId::CapexGrowth, 0.0));
    let g = growth_to_close_by(&inputs, 2035).expect("reachable");
    // Logistic: 4,400 ÷ (1 + 79 ÷ (1 + g)⁹) = 2,000 ⇔ (1 + g)⁹ = 79 ÷ 1.2 ⇒ g = 59.24 %.
    let by_hand = (79.0_f64 / 1.2).powf(1.0 / 9.0) - 1.0;
    assert!((g - 100.0 * by_hand).abs() < 1e-6, "{g}");
    let at = |growth: f64| {
        run(&valid(
            inputs.inputs().clone().with(InputId::Growth, growth),
        ))
    };
    assert_eq!(at(g).breakeven_year, Some(2035));
    assert_eq!(at(g - 0.01).breakeven_year, None);
    assert_eq!(growth_to_close_by(&inputs, 2026), None);
    assert_eq!(
        growth_to_close_by(&inputs, 2036),
        None,
        "outside the horizon"
    );
    // Above the cap no growth reaches it.
    let high = valid(Inputs::default().with(InputId::Required, 10_000.0));
    assert_eq!(growth_to_close_by(&high, 2035), None);
    let closed = valid(Inputs::default().with(InputId::Revenue, 2500.0));
    assert_eq!(growth_to_close_by(&closed, 2026), Some(-50.0));
}

#[test]
fn deepseek_cut_acts_from_the_second_year_on_both_sides() {
    let inputs = valid(
        preset("deepseek_shock")
            .apply()
            .with(InputId::CapexGrowth, 0.0)
            .with(InputId::RevenueCap, 0.0),
    );
    assert_eq!(inputs.get(InputId::CostCut), 96.0);
    let outcome = run(&inputs);
    assert_eq!(outcome.base_required, 2000.0);
    assert_eq!(outcome.base_gap, 1945.0);
    // 2027: capex 500 × 4 % = 20, required 2000 × 4 % = 80; unit elasticity
    // leaves revenue at 55 × 1.4 = 77, so the gap is 3.
    let y = outcome.years[1];
    assert!(close(y.capex, 20.0, 1e-12));
    assert!(close(y.required, 80.0, 1e-12));
    assert!(close(y.actual, 77.0, 1e-12));
    assert_eq!(outcome.breakeven_year, Some(2028));
    let elastic =
        |e: f64| run(&valid(inputs.inputs().clone().with(InputId::Elasticity, e))).years[1].actual;
    assert!(close(elastic(0.5), 77.0 * 0.2, 1e-12));
    assert!(close(elastic(1.5), 77.0 * 5.0, 1e-12));
}

#[test]
fn deepseek_reference_cuts() {
    let cut = |id: &str| preset(id).apply().get(InputId::CostCut);
    assert_eq!(cut("deepseek_chips"), 90.0);
    assert_eq!(cut("deepseek_shock"), 96.0);
    assert_eq!(cut("deepseek_price"), 98.0);
    assert_eq!((100.0_f64 * (1.0 - 0.55 / 15.0)).round(), 96.0);
    assert_eq!((100.0_f64 * (1.0 - 2.19 / 60.0)).round(), 96.0);
}

#[test]
fn energy_follows_the_capital_in_service() {
    let outcome = run(&valid(
        with_method(Method::Dcf)
            .with(InputId::CapexGrowth, 10.0)
            .with(InputId::HistoryGrowth, 10.0),
    ));
    let stock = |row: &gap_model::YearRow| row.capital_charge / (crf(0.1, 5.0) / 1.1);
    let (a, b) = (outcome.years[0], outcome.years[2]);
    assert!(close(b.energy / a.energy, stock(&b) / stock(&a), 1e-12));
    // Growing at 10 % before and after: the stock grows at 10 % too.
    assert!(close(b.energy, 11.0 * 1.21, 1e-12));
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
    for p in presets() {
        assert!(p.apply().validate().is_ok(), "{}", p.id);
    }
}

/// The app's self-check runs this very list at start-up: every case passes,
/// ids are unique, and a wrong expectation is caught.
#[test]
fn every_published_case_is_reproduced() {
    let checks = gap_model::self_check();
    assert_eq!(checks.len(), gap_model::published_cases().len());
    for check in &checks {
        assert!(check.passed, "{check:?}");
    }
    let ids: std::collections::BTreeSet<_> = checks.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), checks.len(), "ids are unique");
    for id in [
        "article_2026",
        "sequoia_2023",
        "sequoia_2024",
        "bain_2030",
        "dcf_defaults",
    ] {
        assert!(ids.contains(id), "{id} is checked");
    }
    let mut wrong = gap_model::published_cases()[1];
    wrong.required += 1.0;
    assert!(!wrong.check().passed, "a wrong expectation fails");
    let mut loose = gap_model::published_cases()[4];
    loose.required *= 1.0 + 1e-6;
    assert!(
        !loose.check().passed,
        "the hand-computed values are held to their printed digits"
    );
}
