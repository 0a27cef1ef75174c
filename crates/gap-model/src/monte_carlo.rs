//! Monte Carlo over the input ranges: percentile bands of the yearly gap and
//! the probability of break-even by each year.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::inputs::INPUT_COUNT;
use crate::method::Params;
use crate::model::{for_each_year, year_offset};
use crate::{InputId, Inputs, ValidInputs};

/// Default number of scenarios.
pub const DEFAULT_DRAWS: usize = 10_000;
/// Upper bound on scenarios (keeps the gap buffer under ~400 MB at 51 years).
pub const MAX_DRAWS: usize = 1_000_000;
/// Default seed, so that a shared URL reproduces the same bands.
pub const DEFAULT_SEED: u64 = 2026;

/// A low/high range per input, in the input's unit. The horizon (`start`,
/// `end`) never carries one: every scenario must have the same years.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranges {
    ranges: [Option<(f64, f64)>; INPUT_COUNT],
}

impl Ranges {
    /// No ranges at all: Monte Carlo then repeats the deterministic run.
    #[must_use]
    pub fn zero() -> Ranges {
        Ranges {
            ranges: [None; INPUT_COUNT],
        }
    }

    /// The specs' default spreads around the current values (`Spread::range`):
    /// a preset or a moved slider carries its band along.
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
}

fn sanitize(id: InputId, (a, b): (f64, f64)) -> Option<(f64, f64)> {
    let spec = id.spec();
    if matches!(id, InputId::Start | InputId::End) || !a.is_finite() || !b.is_finite() {
        return None;
    }
    let clamp = |x: f64| x.clamp(spec.min, spec.max);
    Some((clamp(a.min(b)), clamp(a.max(b))))
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
}

/// Triangular distribution with its mode at the current input value.
#[derive(Clone, Copy, Debug)]
struct Triangle {
    index: usize,
    low: f64,
    mode: f64,
    high: f64,
}

impl Triangle {
    /// The range is widened to include the current value, which stays the
    /// most likely one.
    fn new(id: InputId, value: f64, (low, high): (f64, f64)) -> Triangle {
        Triangle {
            index: id.index(),
            low: low.min(value),
            mode: value,
            high: high.max(value),
        }
    }

    /// Inverse CDF at `u` in [0, 1).
    fn sample(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if width <= 0.0 {
            return c;
        }
        let x = if u * width < c - a {
            a + (u * width * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * width * (b - c)).sqrt()
        };
        x.clamp(a, b)
    }
}

/// Draws `draws` scenarios (clamped to 1..=`MAX_DRAWS`) with a ChaCha8 RNG
/// seeded from `seed`. Each ranged input that the method uses gets one
/// uniform number per draw, in `InputId::ALL` order, so the same seed gives
/// the same result on every platform.
#[must_use]
pub fn monte_carlo(inputs: &ValidInputs, ranges: &Ranges, draws: usize, seed: u64) -> MonteCarlo {
    let draws = draws.clamp(1, MAX_DRAWS);
    let years = inputs.horizon_len();
    let triangles: Vec<Triangle> = InputId::ALL
        .into_iter()
        .filter(|id| id.is_used_by(inputs.method))
        .filter_map(|id| ranges.get(id).map(|r| Triangle::new(id, inputs.get(id), r)))
        .collect();

    // Year-major: the draws of one year are contiguous for the percentiles.
    let mut gaps = vec![0.0; years * draws];
    let mut pvs = vec![0.0; draws];
    let mut breakeven_counts = vec![0usize; years + 1];
    let mut values = *inputs.values();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);

    for (d, pv_slot) in pvs.iter_mut().enumerate() {
        for t in &triangles {
            values[t.index] = t.sample(rng.random::<f64>());
        }
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
    }
    summarize(inputs, &mut gaps, &mut pvs, &breakeven_counts, draws)
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
        let t = Triangle::new(InputId::Growth, 40.0, (20.0, 60.0));
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
        let point = Triangle::new(InputId::Growth, 40.0, (40.0, 40.0));
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
