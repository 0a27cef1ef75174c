//! Monte Carlo over the input ranges: percentile bands of the yearly gap and
//! the probability of break-even by each year.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::inputs::INPUT_COUNT;
use crate::method::Params;
use crate::model::{for_each_year, year_offset};
use crate::uncertainty::{copula_pearson, has_range, normal_cdf, normal_quantile, Sampler};
use crate::{Distribution, InputId, Inputs, ValidInputs};

/// Default number of scenarios.
pub const DEFAULT_DRAWS: usize = 10_000;
/// Upper bound on scenarios (keeps the gap buffer under ~400 MB at 51 years).
pub const MAX_DRAWS: usize = 1_000_000;
/// Default seed, so that a shared URL reproduces the same bands.
pub const DEFAULT_SEED: u64 = 2026;

/// A low/high range per input, in the input's unit, with the shape of its
/// distribution, and the rank correlation between capex growth and revenue
/// growth. The horizon (`start`, `end`) never carries a range: every
/// scenario must have the same years. `Uncertainty::ranges` builds these
/// from the reader's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranges {
    ranges: [Option<(f64, f64)>; INPUT_COUNT],
    distributions: [Distribution; INPUT_COUNT],
    correlation: f64,
}

impl Ranges {
    /// No ranges at all: Monte Carlo then repeats the deterministic run.
    #[must_use]
    pub fn zero() -> Ranges {
        Ranges {
            ranges: [None; INPUT_COUNT],
            distributions: [Distribution::Triangular; INPUT_COUNT],
            correlation: 0.0,
        }
    }

    /// The specs' default spreads around the current values (`Spread::range`),
    /// triangular and independent: a preset or a moved slider carries its
    /// band along. (The page's defaults add a correlation:
    /// `Uncertainty::default().ranges(inputs)`.)
    #[must_use]
    pub fn around(inputs: &Inputs) -> Ranges {
        let mut ranges = Ranges::zero();
        for id in InputId::ALL {
            let range = id.spec().uncertainty.map(|s| s.range(id, inputs.get(id)));
            ranges.set(id, range);
        }
        ranges
    }

    #[must_use]
    pub fn get(&self, id: InputId) -> Option<(f64, f64)> {
        self.ranges[id.index()]
    }

    /// Stores a sanitized range: non-finite ends drop the range, the ends are
    /// put in order and clamped to the input's allowed range. Ranges on the
    /// horizon inputs are ignored.
    pub fn set(&mut self, id: InputId, range: Option<(f64, f64)>) {
        self.ranges[id.index()] = range.and_then(|r| sanitize(id, r));
    }

    #[must_use]
    pub fn distribution(&self, id: InputId) -> Distribution {
        self.distributions[id.index()]
    }

    pub fn set_distribution(&mut self, id: InputId, distribution: Distribution) {
        self.distributions[id.index()] = distribution;
    }

    /// Spearman rank correlation between `capex_growth` and `growth`.
    #[must_use]
    pub fn correlation(&self) -> f64 {
        self.correlation
    }

    /// Non-finite values are ignored; others are clamped to −1..=1.
    pub fn set_correlation(&mut self, rho: f64) {
        if rho.is_finite() {
            // `+ 0.0`: −0 is 0, as in `Uncertainty::set_correlation`.
            self.correlation = rho.clamp(-1.0, 1.0) + 0.0;
        }
    }
}

fn sanitize(id: InputId, (a, b): (f64, f64)) -> Option<(f64, f64)> {
    let spec = id.spec();
    if !has_range(id) || !a.is_finite() || !b.is_finite() {
        return None;
    }
    let clamp = |x: f64| x.clamp(spec.min, spec.max);
    Some((clamp(a.min(b)), clamp(a.max(b))))
}

/// One input's share of the spread of the gap's present value across the
/// draws (see `monte_carlo`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sensitivity {
    pub input: InputId,
    /// 0..=1: the share of the variance of the gap's present value that this
    /// input explains alone (its first-order variance share, estimated).
    pub first_order: f64,
    /// `first_order`, scaled down when the inputs' first-order shares add up
    /// to more than 1, so that the shares read as parts of one whole. Two
    /// things make them add up to more: the correlated pair (capex growth and
    /// revenue growth) each count the variance they share, and sampling
    /// noise when one input explains nearly everything.
    pub share: f64,
}

/// Percentile bands per model year, plus the present value's bands. The
/// default is the empty result of no draws (before the first run finishes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonteCarlo {
    pub years: Vec<i32>,
    /// 5th percentile of `required − actual` in each year, $B.
    pub p5: Vec<f64>,
    pub p50: Vec<f64>,
    pub p95: Vec<f64>,
    /// Share of scenarios (0..=1) that broke even in or before each year.
    pub prob_breakeven_by: Vec<f64>,
    pub draws: usize,
    /// Percentiles of the gap's present value, $B.
    pub pv_p5: f64,
    pub pv_p50: f64,
    pub pv_p95: f64,
    /// Every input that varied, by its share of the present value's
    /// variance, largest first (ties in `InputId::ALL` order). Empty below
    /// `SENSITIVITY_MIN_DRAWS` draws.
    pub sensitivity: Vec<Sensitivity>,
}

/// Fewest draws for which `MonteCarlo::sensitivity` is estimated.
pub const SENSITIVITY_MIN_DRAWS: usize = 100;

/// Draws the scenarios: each ranged input that the method uses gets one
/// uniform number per draw from a ChaCha8 RNG seeded from `seed`, in
/// `InputId::ALL` order, so the same seed gives the same draws on every
/// platform. With a correlation, revenue growth's number is coupled to
/// capex growth's by a Gaussian copula whose Pearson correlation
/// `copula_pearson(ρ)` makes the rank correlation ρ; with none (exactly 0)
/// the numbers are used as drawn.
struct Scenarios {
    samplers: Vec<Sampler>,
    /// Positions in `samplers` of capex growth and revenue growth, and the
    /// copula's `(r, √(1 − r²))`.
    copula: Option<(usize, usize, f64, f64)>,
    rng: ChaCha8Rng,
    /// This draw's uniform numbers, after the copula, one per sampler.
    uniforms: Vec<f64>,
}

impl Scenarios {
    fn new(inputs: &ValidInputs, ranges: &Ranges, seed: u64) -> Scenarios {
        let samplers: Vec<Sampler> = InputId::ALL
            .into_iter()
            .filter(|id| id.is_used_by(inputs.method))
            .filter_map(|id| {
                ranges
                    .get(id)
                    .map(|r| Sampler::new(id, inputs.get(id), r, ranges.distribution(id)))
            })
            .collect();
        let position = |id: InputId| samplers.iter().position(|s| s.index == id.index());
        let rho = ranges.correlation();
        let copula = match (position(InputId::CapexGrowth), position(InputId::Growth)) {
            (Some(capex), Some(growth)) if rho != 0.0 => {
                let r = copula_pearson(rho);
                Some((capex, growth, r, (1.0 - r * r).max(0.0).sqrt()))
            }
            _ => None,
        };
        let uniforms = vec![0.0; samplers.len()];
        Scenarios {
            samplers,
            copula,
            rng: ChaCha8Rng::seed_from_u64(seed),
            uniforms,
        }
    }

    /// Writes the next scenario's sampled inputs into `values`.
    fn next(&mut self, values: &mut [f64; INPUT_COUNT]) {
        for u in &mut self.uniforms {
            *u = self.rng.random::<f64>();
        }
        if let Some((capex, growth, r, s)) = self.copula {
            // Away from 0 and 1, where the normal quantile is infinite.
            let z = |u: f64| normal_quantile(u.clamp(f64::EPSILON / 2.0, 1.0 - f64::EPSILON / 2.0));
            let coupled = r * z(self.uniforms[capex]) + s * z(self.uniforms[growth]);
            self.uniforms[growth] = normal_cdf(coupled);
        }
        for (sampler, &u) in self.samplers.iter().zip(&self.uniforms) {
            values[sampler.index] = sampler.sample(u);
        }
    }
}

/// The first `draws` scenarios `monte_carlo` evaluates (its inputs, in
/// `InputId::ALL` order), for checking the draws themselves.
#[must_use]
pub fn scenarios(
    inputs: &ValidInputs,
    ranges: &Ranges,
    draws: usize,
    seed: u64,
) -> Vec<[f64; INPUT_COUNT]> {
    let mut scenarios = Scenarios::new(inputs, ranges, seed);
    let mut values = *inputs.values();
    (0..draws)
        .map(|_| {
            scenarios.next(&mut values);
            values
        })
        .collect()
}

/// Draws `draws` scenarios (clamped to 1..=`MAX_DRAWS`, see `Scenarios` for
/// how) and summarises the yearly gaps, the gap's present value and
/// break-even. The sensitivity is each varying input's first-order variance
/// share of the present value, estimated from the same draws: the draws are
/// put in equal-probability bins of the input's uniform number, and the
/// share is the bias-corrected correlation ratio ε² = (SS_between −
/// (B − 1)·MS_within) ÷ SS_total, clamped to 0..=1.
#[must_use]
pub fn monte_carlo(inputs: &ValidInputs, ranges: &Ranges, draws: usize, seed: u64) -> MonteCarlo {
    let draws = draws.clamp(1, MAX_DRAWS);
    let years = inputs.horizon_len();
    let mut scenarios = Scenarios::new(inputs, ranges, seed);
    let bins = sensitivity_bins(draws);
    let tracked: Vec<usize> = (0..scenarios.samplers.len())
        .filter(|&k| scenarios.samplers[k].varies())
        .collect();
    let mut binned = Binned::new(tracked.len(), bins);

    // Year-major: the draws of one year are contiguous for the percentiles.
    let mut gaps = vec![0.0; years * draws];
    let mut pvs = vec![0.0; draws];
    let mut breakeven_counts = vec![0usize; years + 1];
    let mut values = *inputs.values();

    for (d, pv_slot) in pvs.iter_mut().enumerate() {
        scenarios.next(&mut values);
        let p = Params::new(inputs.method, &values);
        let (mut first, mut pv) = (years, 0.0);
        for_each_year(&p, years, |i, y| {
            let gap = y.required - y.actual;
            gaps[i * draws + d] = gap;
            pv += gap * y.discount;
            if first == years && y.actual >= y.required {
                first = i;
            }
        });
        *pv_slot = pv;
        breakeven_counts[first] += 1;
        binned.add(pv, tracked.iter().map(|&k| scenarios.uniforms[k]));
    }
    let sensitivity = if draws >= SENSITIVITY_MIN_DRAWS {
        let ids = tracked
            .iter()
            .map(|&k| InputId::ALL[scenarios.samplers[k].index]);
        let first_order = binned.shares();
        let total: f64 = first_order.iter().sum();
        let scale = if total > 1.0 { 1.0 / total } else { 1.0 };
        let mut shares: Vec<Sensitivity> = ids
            .zip(first_order)
            .map(|(input, first_order)| Sensitivity {
                input,
                first_order,
                share: first_order * scale,
            })
            .collect();
        // Stable: ties keep `InputId::ALL` order.
        shares.sort_by(|a, b| b.share.total_cmp(&a.share));
        shares
    } else {
        Vec::new()
    };
    let mut mc = summarize(inputs, &mut gaps, &mut pvs, &breakeven_counts, draws);
    mc.sensitivity = sensitivity;
    mc
}

/// Bins per input for the variance shares: about √N ÷ 2 (50 at 10,000
/// draws), so each holds enough draws for its mean.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)] // small positive counts
fn sensitivity_bins(draws: usize) -> usize {
    ((draws as f64).sqrt() / 2.0).round().clamp(2.0, 50.0) as usize
}

/// Running sums of the present value per bin of each tracked input.
struct Binned {
    bins: usize,
    /// `sums[k * bins + b]`, `counts[…]`: draws of input k in bin b.
    sums: Vec<f64>,
    counts: Vec<usize>,
    /// The first draw's value: sums are of `pv − shift`, against cancellation.
    shift: Option<f64>,
    total: f64,
    total_squares: f64,
    n: usize,
}

impl Binned {
    fn new(inputs: usize, bins: usize) -> Binned {
        Binned {
            bins,
            sums: vec![0.0; inputs * bins],
            counts: vec![0; inputs * bins],
            shift: None,
            total: 0.0,
            total_squares: 0.0,
            n: 0,
        }
    }

    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )] // u in [0, 1) times a small bin count
    fn add(&mut self, pv: f64, uniforms: impl Iterator<Item = f64>) {
        let x = pv - *self.shift.get_or_insert(pv);
        self.total += x;
        self.total_squares += x * x;
        self.n += 1;
        for (k, u) in uniforms.enumerate() {
            let bin = ((u * self.bins as f64) as usize).min(self.bins - 1);
            self.sums[k * self.bins + bin] += x;
            self.counts[k * self.bins + bin] += 1;
        }
    }

    #[allow(clippy::cast_precision_loss)] // counts up to MAX_DRAWS are exact in f64
    fn shares(&self) -> Vec<f64> {
        let n = self.n as f64;
        let ss_total = self.total_squares - self.total * self.total / n;
        self.sums
            .chunks_exact(self.bins)
            .zip(self.counts.chunks_exact(self.bins))
            .map(|(sums, counts)| {
                // Scale-aware: a spread this small relative to the values is rounding.
                if ss_total <= 1e-12 * self.total_squares.max(f64::MIN_POSITIVE) || n < 2.0 {
                    return 0.0;
                }
                let (mut between, mut filled) = (0.0, 0.0);
                for (&sum, &count) in sums.iter().zip(counts) {
                    if count > 0 {
                        between += sum * sum / count as f64;
                        filled += 1.0;
                    }
                }
                let ss_between = (between - self.total * self.total / n).max(0.0);
                let ss_within = (ss_total - ss_between).max(0.0);
                let ms_within = if n > filled {
                    ss_within / (n - filled)
                } else {
                    0.0
                };
                ((ss_between - (filled - 1.0) * ms_within) / ss_total).clamp(0.0, 1.0)
            })
            .collect()
    }
}

fn summarize(
    inputs: &ValidInputs,
    gaps: &mut [f64],
    pvs: &mut [f64],
    breakeven_counts: &[usize],
    draws: usize,
) -> MonteCarlo {
    let years = inputs.horizon_len();
    let (mut p5, mut p50, mut p95) = (
        Vec::with_capacity(years),
        Vec::with_capacity(years),
        Vec::with_capacity(years),
    );
    for column in gaps.chunks_exact_mut(draws) {
        let [a, b, c] = percentiles(column);
        p5.push(a);
        p50.push(b);
        p95.push(c);
    }
    let [pv_p5, pv_p50, pv_p95] = percentiles(pvs);
    let mut seen = 0;
    #[allow(clippy::cast_precision_loss)] // counts up to MAX_DRAWS are exact in f64
    let prob_breakeven_by = breakeven_counts[..years]
        .iter()
        .map(|&n| {
            seen += n;
            seen as f64 / draws as f64
        })
        .collect();
    MonteCarlo {
        years: (0..years)
            .map(|i| inputs.start() + year_offset(i))
            .collect(),
        p5,
        p50,
        p95,
        prob_breakeven_by,
        draws,
        pv_p5,
        pv_p50,
        pv_p95,
        sensitivity: Vec::new(),
    }
}

/// P5, P50, P95 with linear interpolation between order statistics (the
/// "type 7" definition of R and NumPy). Reorders `xs`. The median is
/// selected first; then P5 is read from the values below the median's slot
/// and P50 and P95 from the slot on, two disjoint slices, so no selection
/// can disturb another's input.
fn percentiles(xs: &mut [f64]) -> [f64; 3] {
    let n = xs.len();
    let [r5, r50, r95] = [0.05, 0.5, 0.95].map(|q| rank(n, q));
    let k50 = r50.0;
    xs.select_nth_unstable_by(k50, f64::total_cmp);
    let median = xs[k50];
    // lower: the k50 values <= median; upper: the median, then values >= it.
    let (lower, upper) = xs.split_at_mut(k50);
    let p50 = interpolate(upper, (0, r50.1), || f64::INFINITY);
    let p95 = interpolate(upper, (r95.0 - k50, r95.1), || f64::INFINITY);
    let p5 = if r5.0 < k50 {
        interpolate(lower, r5, || median)
    } else {
        interpolate(upper, (0, r5.1), || f64::INFINITY)
    };
    [p5, p50, p95]
}

/// Position of quantile `q` among `n` sorted values: whole and fractional
/// part of `q × (n − 1)`.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)] // positions are small non-negative numbers
fn rank(n: usize, q: f64) -> (usize, f64) {
    let pos = q * n.saturating_sub(1) as f64;
    let k = pos.floor() as usize;
    (k, pos - k as f64)
}

/// The value at rank `k` of `xs`, interpolated towards rank `k + 1`;
/// `beyond` gives the next value when rank `k + 1` lies outside `xs`.
fn interpolate(xs: &mut [f64], (k, frac): (usize, f64), beyond: impl FnOnce() -> f64) -> f64 {
    let (_, &mut lower, above) = xs.select_nth_unstable_by(k, f64::total_cmp);
    if frac == 0.0 {
        return lower;
    }
    let upper = if above.is_empty() {
        beyond()
    } else {
        min(above)
    };
    if upper.is_finite() {
        lower + frac * (upper - lower)
    } else {
        lower
    }
}

fn min(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_matches_numpy_type_7() {
        let mut xs: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        // numpy.percentile(range(1, 11), [5, 50, 95]) = [1.45, 5.5, 9.55]
        let [a, b, c] = percentiles(&mut xs);
        assert!((a - 1.45).abs() < 1e-12, "{a}");
        assert!((b - 5.5).abs() < 1e-12, "{b}");
        assert!((c - 9.55).abs() < 1e-12, "{c}");
        assert_eq!(percentiles(&mut [7.0]), [7.0; 3]);
    }

    /// Reference: sort, then interpolate.
    fn sorted_percentile(xs: &[f64], q: f64) -> f64 {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        let (k, frac) = rank(v.len(), q);
        match v.get(k + 1) {
            Some(&upper) if frac > 0.0 => v[k] + frac * (upper - v[k]),
            _ => v[k],
        }
    }

    #[test]
    fn percentiles_agree_with_sorting_for_every_small_size() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for n in (1..=60).chain([99, 100, 101, 1_000, 1_001, 9_999]) {
            for _ in 0..20 {
                // Few distinct values, so ties are common.
                let xs: Vec<f64> = (0..n)
                    .map(|_| f64::from(rng.random_range(0..8_u8)))
                    .collect();
                let got = percentiles(&mut xs.clone());
                let want = [0.05, 0.5, 0.95].map(|q| sorted_percentile(&xs, q));
                assert_eq!(got, want, "{xs:?}");
            }
        }
    }

    #[test]
    fn triangle_stays_inside_and_has_the_right_mean() {
        let t = Sampler::new(
            InputId::Growth,
            40.0,
            (20.0, 60.0),
            Distribution::Triangular,
        );
        let n = 100_000;
        let mean = (0..n)
            .map(|k| {
                let x = t.sample((f64::from(k) + 0.5) / f64::from(n));
                assert!((20.0..=60.0).contains(&x));
                x
            })
            .sum::<f64>()
            / f64::from(n);
        // Mean of a triangle is (a + b + c) / 3 = 40.
        assert!((mean - 40.0).abs() < 0.01, "{mean}");
        let point = Sampler::new(InputId::Growth, 40.0, (40.0, 40.0), Distribution::Pert);
        assert_eq!(point.sample(0.3), 40.0);
    }

    #[test]
    fn ranges_are_sanitized() {
        let mut r = Ranges::zero();
        r.set(InputId::Rate, Some((50.0, -5.0)));
        assert_eq!(r.get(InputId::Rate), Some((0.0, 30.0)));
        r.set(InputId::Rate, Some((f64::NAN, 5.0)));
        assert_eq!(r.get(InputId::Rate), None);
        r.set(InputId::Start, Some((2025.0, 2027.0)));
        assert_eq!(r.get(InputId::Start), None);
        let around = Ranges::around(&Inputs::default());
        assert_eq!(around.get(InputId::Growth), Some((20.0, 60.0)));
        assert_eq!(around.get(InputId::CostCut), None);
        let moved = Ranges::around(&Inputs::default().with(InputId::Capex, 100.0));
        assert_eq!(moved.get(InputId::Capex), Some((90.0, 110.0)));
    }
}
