//! The draws themselves: each distribution's sample moments match its
//! formulas, the copula gives the rank correlation asked for, and the
//! variance shares rank what matters.

use gap_model::{
    monte_carlo, scenarios, Distribution, InputId, Inputs, Method, Ranges, ValidInputs,
    DEFAULT_SEED,
};

fn only(id: InputId, range: (f64, f64), distribution: Distribution) -> Ranges {
    let mut ranges = Ranges::zero();
    ranges.set(id, Some(range));
    ranges.set_distribution(id, distribution);
    ranges
}

#[allow(clippy::cast_precision_loss)]
fn mean_and_variance(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let variance = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, variance)
}

/// Mean and variance by the textbook formulas, for range [a, b], mode c.
fn moments(distribution: Distribution, a: f64, c: f64, b: f64) -> (f64, f64) {
    match distribution {
        Distribution::Triangular => (
            (a + b + c) / 3.0,
            (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0,
        ),
        Distribution::Uniform => ((a + b) / 2.0, (b - a).powi(2) / 12.0),
        Distribution::Pert => {
            let mean = (a + 4.0 * c + b) / 6.0;
            (mean, (mean - a) * (b - mean) / 7.0)
        }
    }
}

#[test]
fn sample_moments_match_the_formulas() {
    let n = 200_000;
    // Growth is 40 by default: a symmetric and a skewed range.
    for range in [(20.0, 60.0), (30.0, 100.0)] {
        for distribution in Distribution::ALL {
            let inputs = ValidInputs::default();
            let draws: Vec<f64> =
                scenarios(&inputs, &only(InputId::Growth, range, distribution), n, 7)
                    .iter()
                    .map(|v| v[InputId::Growth.index()])
                    .collect();
            assert!(draws.iter().all(|x| (range.0..=range.1).contains(x)));
            let (mean, variance) = mean_and_variance(&draws);
            let (want_mean, want_variance) = moments(distribution, range.0, 40.0, range.1);
            // Five standard errors of the mean; 3 % of the variance
            // (its standard error here is about 0.3 %).
            #[allow(clippy::cast_precision_loss)]
            let se = (want_variance / n as f64).sqrt();
            assert!(
                (mean - want_mean).abs() < 5.0 * se,
                "{distribution:?} {range:?}: mean {mean} vs {want_mean}"
            );
            assert!(
                (variance / want_variance - 1.0).abs() < 0.03,
                "{distribution:?} {range:?}: variance {variance} vs {want_variance}"
            );
        }
    }
}

/// Spearman's rank correlation (no ties in continuous draws).
#[allow(clippy::cast_precision_loss)]
fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    let ranks = |v: &[f64]| {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&i, &j| v[i].total_cmp(&v[j]));
        let mut r = vec![0.0; v.len()];
        for (rank, &i) in order.iter().enumerate() {
            r[i] = rank as f64;
        }
        r
    };
    let (rx, ry) = (ranks(xs), ranks(ys));
    let (mx, vx) = mean_and_variance(&rx);
    let (my, vy) = mean_and_variance(&ry);
    let cov = rx
        .iter()
        .zip(&ry)
        .map(|(a, b)| (a - mx) * (b - my))
        .sum::<f64>()
        / (rx.len() as f64 - 1.0);
    cov / (vx * vy).sqrt()
}

#[test]
fn the_copula_gives_the_rank_correlation_asked_for() {
    for method in Method::ALL {
        for rho in [-0.9, -0.4, 0.0, 0.3, 0.5, 0.8, 1.0] {
            let mut inputs = Inputs::default();
            inputs.method = method;
            let mut ranges = Ranges::around(&inputs);
            ranges.set_correlation(rho);
            // PERT on one side: the rank correlation does not depend on the margins.
            ranges.set_distribution(InputId::Growth, Distribution::Pert);
            let draws = scenarios(&inputs.validate().unwrap(), &ranges, 10_000, DEFAULT_SEED);
            let pick = |id: InputId| draws.iter().map(|v| v[id.index()]).collect::<Vec<_>>();
            let got = spearman(&pick(InputId::CapexGrowth), &pick(InputId::Growth));
            // Independent draws scatter with a standard error of 1/√N = 0.01:
            // four of them for ρ = 0; a correlation narrows the scatter.
            let tolerance = if rho == 0.0 { 0.04 } else { 0.02 };
            assert!(
                (got - rho).abs() <= tolerance,
                "{method:?} ρ = {rho}: sample {got}"
            );
            // Other inputs stay independent of growth.
            let other = spearman(&pick(InputId::Revenue), &pick(InputId::Growth));
            assert!(other.abs() < 0.04, "{method:?} ρ = {rho}: revenue {other}");
        }
    }
}

#[test]
fn variance_shares_rank_a_dominant_input_first() {
    let inputs = ValidInputs::default();
    let mut ranges = Ranges::zero();
    ranges.set(InputId::Growth, Some((20.0, 60.0)));
    ranges.set(InputId::Capex, Some((499.0, 501.0)));
    ranges.set(InputId::Rate, Some((9.9, 10.1)));
    let mc = monte_carlo(&inputs, &ranges, 10_000, 3);
    let order: Vec<InputId> = mc.sensitivity.iter().map(|s| s.input).collect();
    assert_eq!(order[0], InputId::Growth, "{:?}", mc.sensitivity);
    assert!(mc.sensitivity[0].first_order > 0.95, "{:?}", mc.sensitivity);
    assert!(mc.sensitivity[1..].iter().all(|s| s.share < 0.03));
    assert_eq!(order.len(), 3);
}

#[test]
fn independent_variance_shares_sum_to_at_most_one() {
    for method in Method::ALL {
        let mut inputs = Inputs::default();
        inputs.method = method;
        let valid = inputs.validate().unwrap();
        let mc = monte_carlo(&valid, &Ranges::around(&inputs), 10_000, DEFAULT_SEED);
        let sum: f64 = mc.sensitivity.iter().map(|s| s.share).sum();
        assert!(sum <= 1.0 + 1e-12, "{method:?}: {sum} {:?}", mc.sensitivity);
        // The raw first-order shares: at most 1 up to sampling noise.
        let raw: f64 = mc.sensitivity.iter().map(|s| s.first_order).sum();
        assert!(raw <= 1.03, "{method:?}: {raw}");
        assert!(
            sum > 0.5,
            "{method:?}: the inputs explain the spread: {sum}"
        );
        assert!(mc.sensitivity.windows(2).all(|w| w[0].share >= w[1].share));
        assert!(mc
            .sensitivity
            .iter()
            .all(|s| s.input.is_used_by(method) && (0.0..=1.0).contains(&s.share)));
    }
}

#[test]
fn no_sensitivity_without_spread_or_with_too_few_draws() {
    let inputs = ValidInputs::default();
    let none = monte_carlo(&inputs, &Ranges::zero(), 1_000, 1);
    assert!(none.sensitivity.is_empty());
    let few = monte_carlo(&inputs, &Ranges::around(&inputs), 50, 1);
    assert!(few.sensitivity.is_empty());
    // A range that cannot move the present value scores 0.
    let flat = monte_carlo(
        &inputs,
        &only(InputId::PassThrough, (50.0, 100.0), Distribution::Uniform),
        1_000,
        1,
    );
    assert_eq!(flat.sensitivity.len(), 1);
    assert_eq!(flat.sensitivity[0].share, 0.0);
}

#[test]
fn correlated_inputs_share_variance_and_the_shares_still_add_to_one_at_most() {
    let inputs = ValidInputs::default();
    let mut ranges = Ranges::around(&inputs);
    ranges.set_correlation(0.9);
    let mc = monte_carlo(&inputs, &ranges, 10_000, DEFAULT_SEED);
    let share = |id| {
        mc.sensitivity
            .iter()
            .find(|s| s.input == id)
            .map(|s| s.first_order)
            .unwrap()
    };
    let independent = monte_carlo(&inputs, &Ranges::around(&inputs), 10_000, DEFAULT_SEED);
    let independent_share = |id| {
        independent
            .sensitivity
            .iter()
            .find(|s| s.input == id)
            .map(|s| s.first_order)
            .unwrap()
    };
    // Coupled to capex growth, revenue growth explains much more alone: it
    // carries capex growth's part along.
    assert!(share(InputId::Growth) > independent_share(InputId::Growth) + 0.3);
    // The two push the gap in opposite directions (capex growth raises
    // the revenue needed, revenue growth the revenue earned): moving
    // together, they narrow the band.
    assert!(mc.pv_p95 - mc.pv_p5 < independent.pv_p95 - independent.pv_p5);
    let sum: f64 = mc.sensitivity.iter().map(|s| s.share).sum();
    assert!(sum <= 1.0 + 1e-12, "{sum}");
}
