//! What the reader says about uncertainty: for each input a range (a spread
//! around its current value, `Spread`) and the shape of the distribution
//! over it, or no uncertainty at all; the rank correlation between revenue
//! growth and capex growth; the number of draws and the seed. `Uncertainty`
//! turns into the absolute `Ranges` that `monte_carlo` and `tornado` take.
//!
//! The samplers are inverse CDFs of one uniform number each, so that a
//! Gaussian copula can couple two of them without changing how many random
//! numbers a draw takes.

use crate::inputs::INPUT_COUNT;
use crate::monte_carlo::{Ranges, DEFAULT_DRAWS, DEFAULT_SEED};
use crate::{InputId, Inputs, Spread, TORNADO_FALLBACK};

/// The shape of an input's distribution over its range. Every shape is
/// widened to include the current value; triangular and PERT have their mode
/// there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Distribution {
    /// The mode at the current value, straight lines to the ends.
    #[default]
    Triangular,
    /// Every value of the range equally likely.
    Uniform,
    /// Beta-PERT: a smooth hump with the mode at the current value and the
    /// mean `(low + 4 × mode + high) / 6`; thinner tails than triangular.
    Pert,
}

impl Distribution {
    pub const ALL: [Distribution; 3] = [
        Distribution::Triangular,
        Distribution::Uniform,
        Distribution::Pert,
    ];

    /// The word in the URL (`range_<input>=…,<word>`).
    #[must_use]
    pub fn url_name(self) -> &'static str {
        match self {
            Distribution::Triangular => "tri",
            Distribution::Uniform => "uniform",
            Distribution::Pert => "pert",
        }
    }

    #[must_use]
    pub fn from_url_name(name: &str) -> Option<Distribution> {
        Distribution::ALL.into_iter().find(|d| d.url_name() == name)
    }
}

/// One input's uncertainty: where its range lies relative to the current
/// value, and its shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RangeSetting {
    pub spread: Spread,
    pub distribution: Distribution,
}

impl RangeSetting {
    /// The spread that puts the range at `(low, high)` around `value`, in the
    /// input's unit rule (`Spread::is_relative`). `None` when the rule
    /// cannot express it: a relative spread around a value of 0.
    #[must_use]
    pub fn spread_for(id: InputId, value: f64, (low, high): (f64, f64)) -> Option<Spread> {
        let (low, high) = (low.min(high), low.max(high));
        if !low.is_finite() || !high.is_finite() {
            return None;
        }
        if Spread::is_relative(id.spec().unit) {
            if value == 0.0 {
                return None;
            }
            // For a negative value the percentages swap sides.
            let (a, b) = (
                (low - value) / value * 100.0,
                (high - value) / value * 100.0,
            );
            Some(Spread {
                below: a.min(b),
                above: a.max(b),
            })
        } else {
            Some(Spread {
                below: low - value,
                above: high - value,
            })
        }
    }
}

/// The largest spread the URL and the editors accept, on either side: for a
/// relative unit 1,000 % (below: −100 %, nothing under zero), for the
/// others the width of the input's allowed range.
#[must_use]
pub fn spread_limits(id: InputId) -> (f64, f64) {
    let spec = id.spec();
    if Spread::is_relative(spec.unit) {
        (-100.0, 1_000.0)
    } else {
        let width = spec.max - spec.min;
        (-width, width)
    }
}

/// The default rank correlation between capex growth and revenue growth
/// (docs/MODEL.md, "Correlation"): capex budgets are set from the revenue
/// their owners expect.
pub const DEFAULT_CORRELATION: f64 = 0.5;

/// Everything the Monte Carlo draws from, as the reader set it.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    settings: [Option<RangeSetting>; INPUT_COUNT],
    /// Spearman rank correlation between `capex_growth` and `growth`, −1..=1.
    correlation: f64,
    draws: usize,
    seed: u64,
}

impl Default for Uncertainty {
    fn default() -> Uncertainty {
        Uncertainty {
            settings: InputId::ALL.map(Uncertainty::default_setting),
            correlation: DEFAULT_CORRELATION,
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
        }
    }
}

/// Bounds of the draw count that the page and its URL accept.
pub const DRAWS_LIMITS: (usize, usize) = (100, 100_000);

impl Uncertainty {
    /// The spec's spread with a triangular shape; none for the horizon and
    /// for inputs without a spread.
    #[must_use]
    pub fn default_setting(id: InputId) -> Option<RangeSetting> {
        id.spec().uncertainty.map(|spread| RangeSetting {
            spread,
            distribution: Distribution::Triangular,
        })
    }

    /// The setting used when a reader switches on an input that is off:
    /// the default one, or for an input without one the tornado's ±20 %.
    #[must_use]
    pub fn switched_on_setting(id: InputId, value: f64) -> Option<RangeSetting> {
        if !has_range(id) {
            return None;
        }
        Uncertainty::default_setting(id).or_else(|| {
            let spec = id.spec();
            let d = (value * TORNADO_FALLBACK).abs();
            let spread = if Spread::is_relative(spec.unit) {
                // At a value of 0 a percentage has nothing to reach: ±20 % of 0.
                Spread {
                    below: -TORNADO_FALLBACK * 100.0,
                    above: TORNADO_FALLBACK * 100.0,
                }
            } else {
                // Points: ±20 % of the value, or of the allowed width at 0
                // (the cost cut's default), so that switching on gives a range.
                let d = if d > 0.0 {
                    d
                } else {
                    (spec.max - spec.min) * TORNADO_FALLBACK
                };
                Spread {
                    below: -d,
                    above: d,
                }
            };
            Some(RangeSetting {
                spread,
                distribution: Distribution::Triangular,
            })
        })
    }

    #[must_use]
    pub fn get(&self, id: InputId) -> Option<RangeSetting> {
        self.settings[id.index()]
    }

    /// Sets one input's uncertainty (`None`: off). The horizon never takes
    /// one; a spread's non-finite ends leave the setting unchanged; its ends
    /// are put in order and kept within `spread_limits` and on either side
    /// of the current value (`below <= 0 <= above`).
    pub fn set(&mut self, id: InputId, setting: Option<RangeSetting>) {
        if !has_range(id) {
            return;
        }
        let Some(setting) = setting else {
            self.settings[id.index()] = None;
            return;
        };
        let Spread { below, above } = setting.spread;
        if !below.is_finite() || !above.is_finite() {
            return;
        }
        let (min, max) = spread_limits(id);
        // `+ 0.0` turns −0 into 0, so that a written link reads "0".
        self.settings[id.index()] = Some(RangeSetting {
            spread: Spread {
                below: below.min(above).clamp(min, 0.0) + 0.0,
                above: below.max(above).clamp(0.0, max) + 0.0,
            },
            distribution: setting.distribution,
        });
    }

    #[must_use]
    pub fn is_default(&self, id: InputId) -> bool {
        self.get(id) == Uncertainty::default_setting(id)
    }

    #[must_use]
    pub fn correlation(&self) -> f64 {
        self.correlation
    }

    /// Non-finite values are ignored; others are clamped to −1..=1.
    pub fn set_correlation(&mut self, rho: f64) {
        if rho.is_finite() {
            self.correlation = if rho == 0.0 {
                0.0
            } else {
                rho.clamp(-1.0, 1.0)
            };
        }
    }

    #[must_use]
    pub fn draws(&self) -> usize {
        self.draws
    }

    /// Clamped to `DRAWS_LIMITS`.
    pub fn set_draws(&mut self, draws: usize) {
        self.draws = draws.clamp(DRAWS_LIMITS.0, DRAWS_LIMITS.1);
    }

    #[must_use]
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn set_seed(&mut self, seed: u64) {
        self.seed = seed;
    }

    /// The absolute ranges around `inputs`' current values, with their shapes
    /// and the correlation.
    #[must_use]
    pub fn ranges(&self, inputs: &Inputs) -> Ranges {
        let mut ranges = Ranges::zero();
        for id in InputId::ALL {
            if let Some(setting) = self.get(id) {
                ranges.set(id, Some(setting.spread.range(id, inputs.get(id))));
                ranges.set_distribution(id, setting.distribution);
            }
        }
        ranges.set_correlation(self.correlation);
        ranges
    }
}

/// Whether an input can carry a range: all but the horizon (every scenario
/// has the same years).
#[must_use]
pub fn has_range(id: InputId) -> bool {
    !matches!(id, InputId::Start | InputId::End)
}

/// Pearson correlation of the Gaussian copula that gives a Spearman rank
/// correlation of `rho`: for a bivariate normal, ρ_S = (6/π)·asin(r/2).
#[must_use]
pub fn copula_pearson(rho: f64) -> f64 {
    2.0 * (core::f64::consts::PI * rho / 6.0).sin()
}

/// Standard normal CDF.
#[must_use]
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / core::f64::consts::SQRT_2)
}

/// Standard normal quantile, Wichura's algorithm AS 241 (PPND16), accurate to
/// about 1e-16 relative. `p` outside (0, 1) gives ±infinity.
#[must_use]
#[allow(clippy::unreadable_literal, clippy::excessive_precision)] // published coefficients (as in R's qnorm)
pub fn normal_quantile(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q
            * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                + 67265.770927008700853)
                * r
                + 45921.953931549871457)
                * r
                + 13731.693765509461125)
                * r
                + 1971.5909503065514427)
                * r
                + 133.14166789178437745)
                * r
                + 3.387132872796366608)
            / (((((((5226.495278852545925 * r + 28729.085735721942674) * r
                + 39307.89580009271061)
                * r
                + 21213.794301586595867)
                * r
                + 5394.1960214247511077)
                * r
                + 687.1870074920579083)
                * r
                + 42.313330701600911252)
                * r
                + 1.0);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let mut r = (-tail.ln()).sqrt();
    let x = if r <= 5.0 {
        r -= 1.6;
        (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
            + 0.24178072517745061177)
            * r
            + 1.27045825245236838258)
            * r
            + 3.64784832476320460504)
            * r
            + 5.7694972214606914055)
            * r
            + 4.6303378461565452959)
            * r
            + 1.42343711074968357734)
            / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966)
                * r
                + 0.14810397642748007459)
                * r
                + 0.68976733498510000455)
                * r
                + 1.6763848301838038494)
                * r
                + 2.05319162663775882187)
                * r
                + 1.0)
    } else {
        r -= 5.0;
        (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
            + 0.0012426609473880784386)
            * r
            + 0.026532189526576123093)
            * r
            + 0.29656057182850489123)
            * r
            + 1.7848265399172913358)
            * r
            + 5.4637849111641143699)
            * r
            + 6.6579046435011037772)
            / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5)
                * r
                + 7.868691311456132591e-4)
                * r
                + 0.0148753612908506148525)
                * r
                + 0.13692988092273580531)
                * r
                + 0.59983220655588793769)
                * r
                + 1.0)
    };
    if q < 0.0 {
        -x
    } else {
        x
    }
}

/// Cells of the PERT CDF table: the trapezoid rule at the nodes, the inverse
/// CDF linear between them, off by at most 1/4096 of the range.
const PERT_CELLS: usize = 4096;

/// One input's sampler: the inverse CDF of its distribution over
/// `[low, high]`, with the current value as the mode.
#[derive(Clone, Debug)]
pub(crate) struct Sampler {
    pub(crate) index: usize,
    low: f64,
    mode: f64,
    high: f64,
    shape: Shape,
}

#[derive(Clone, Debug)]
enum Shape {
    Triangular,
    Uniform,
    /// The Beta(α, β) CDF at `k / PERT_CELLS`, k = 0..=PERT_CELLS.
    Pert(Vec<f64>),
}

impl Sampler {
    /// The range is widened to include the current value, which stays the
    /// most likely one (triangular, PERT).
    pub(crate) fn new(
        id: InputId,
        value: f64,
        (low, high): (f64, f64),
        distribution: Distribution,
    ) -> Sampler {
        let (low, high) = (low.min(value), high.max(value));
        let shape = match distribution {
            Distribution::Triangular => Shape::Triangular,
            Distribution::Uniform => Shape::Uniform,
            Distribution::Pert => Shape::Pert(pert_cdf_table(low, value, high)),
        };
        Sampler {
            index: id.index(),
            low,
            mode: value,
            high,
            shape,
        }
    }

    /// Whether the range has any width (else every draw is the value).
    pub(crate) fn varies(&self) -> bool {
        self.high > self.low
    }

    /// Inverse CDF at `u` in [0, 1).
    pub(crate) fn sample(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if width <= 0.0 {
            return c;
        }
        let x = match &self.shape {
            Shape::Triangular => {
                if u * width < c - a {
                    a + (u * width * (c - a)).sqrt()
                } else {
                    b - ((1.0 - u) * width * (b - c)).sqrt()
                }
            }
            Shape::Uniform => a + u * width,
            Shape::Pert(cdf) => a + width * invert_table(cdf, u),
        };
        x.clamp(a, b)
    }
}

/// The CDF of PERT's Beta(α, β) on [0, 1] at the table's nodes, by the
/// trapezoid rule on the density's kernel, normalised to end at 1. α, β ≥ 1,
/// so the kernel is bounded.
fn pert_cdf_table(low: f64, mode: f64, high: f64) -> Vec<f64> {
    let width = high - low;
    if width <= 0.0 {
        return vec![0.0, 1.0];
    }
    let alpha = 1.0 + 4.0 * (mode - low) / width;
    let beta = 1.0 + 4.0 * (high - mode) / width;
    #[allow(clippy::cast_precision_loss)] // a few thousand cells
    let h = 1.0 / PERT_CELLS as f64;
    let kernel = |k: usize| {
        #[allow(clippy::cast_precision_loss)]
        let x = k as f64 * h;
        x.powf(alpha - 1.0) * (1.0 - x).powf(beta - 1.0)
    };
    let mut cdf = Vec::with_capacity(PERT_CELLS + 1);
    cdf.push(0.0);
    let (mut sum, mut previous) = (0.0, kernel(0));
    for k in 1..=PERT_CELLS {
        let next = kernel(k);
        sum += (previous + next) * 0.5;
        cdf.push(sum);
        previous = next;
    }
    for value in &mut cdf {
        *value /= sum;
    }
    cdf
}

/// The x in [0, 1] where the tabulated CDF reaches `u`, linear in each cell.
fn invert_table(cdf: &[f64], u: f64) -> f64 {
    let cells = cdf.len() - 1;
    // First node at or above u; the cell is the one that ends there.
    let upper = cdf.partition_point(|&f| f < u).clamp(1, cells);
    let (f0, f1) = (cdf[upper - 1], cdf[upper]);
    let within = if f1 > f0 { (u - f0) / (f1 - f0) } else { 0.0 };
    #[allow(clippy::cast_precision_loss)]
    let x = ((upper - 1) as f64 + within) / cells as f64;
    x.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantile_inverts_the_cdf() {
        for k in 1..1000 {
            let p = f64::from(k) / 1000.0;
            let z = normal_quantile(p);
            assert!((normal_cdf(z) - p).abs() < 1e-14, "{p}");
        }
        for p in [1e-300, 1e-20, 1e-8, 1.0 - 1e-12] {
            let z = normal_quantile(p);
            assert!(
                ((normal_cdf(z) - p) / p.min(1.0 - p)).abs() < 1e-9,
                "{p}: {z}"
            );
        }
        assert_eq!(normal_quantile(0.5), 0.0);
        // Textbook values.
        assert!((normal_quantile(0.975) - 1.959_963_984_540_054).abs() < 1e-14);
        assert!((normal_quantile(0.05) + 1.644_853_626_951_472_2).abs() < 1e-14);
        assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
    }

    #[test]
    fn copula_pearson_gives_the_rank_correlation() {
        assert_eq!(copula_pearson(0.0), 0.0);
        assert!((copula_pearson(1.0) - 1.0).abs() < 1e-15);
        assert!((copula_pearson(-1.0) + 1.0).abs() < 1e-15);
        // ρ_S = (6/π)·asin(r/2) inverts it.
        for rho in [-0.9, -0.3, 0.2, 0.5, 0.8] {
            let r = copula_pearson(rho);
            let back = 6.0 / core::f64::consts::PI * (r / 2.0).asin();
            assert!((back - rho).abs() < 1e-14);
        }
    }

    #[test]
    fn pert_table_ends_at_zero_and_one_and_rises() {
        let cdf = pert_cdf_table(0.0, 3.0, 10.0);
        assert_eq!(cdf.len(), PERT_CELLS + 1);
        assert_eq!(cdf[0], 0.0);
        assert!((cdf[PERT_CELLS] - 1.0).abs() < 1e-15);
        assert!(cdf.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(invert_table(&cdf, 0.0), 0.0);
        assert!((invert_table(&cdf, 1.0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn spreads_round_trip_through_absolute_ranges() {
        let growth = RangeSetting::spread_for(InputId::Growth, 40.0, (25.0, 70.0)).unwrap();
        assert_eq!(
            growth,
            Spread {
                below: -15.0,
                above: 30.0
            }
        );
        let capex = RangeSetting::spread_for(InputId::Capex, 500.0, (450.0, 600.0)).unwrap();
        assert_eq!(capex.range(InputId::Capex, 500.0), (450.0, 600.0));
        assert_eq!(
            RangeSetting::spread_for(InputId::Revenue, 0.0, (0.0, 10.0)),
            None
        );
    }

    #[test]
    fn settings_are_sanitized() {
        let mut u = Uncertainty::default();
        u.set(
            InputId::Start,
            Some(RangeSetting {
                spread: Spread {
                    below: -1.0,
                    above: 1.0,
                },
                distribution: Distribution::Uniform,
            }),
        );
        assert_eq!(u.get(InputId::Start), None);
        u.set(
            InputId::Growth,
            Some(RangeSetting {
                spread: Spread {
                    below: 900.0,
                    above: -5.0,
                },
                distribution: Distribution::Pert,
            }),
        );
        let g = u.get(InputId::Growth).unwrap();
        assert_eq!((g.spread.below, g.spread.above), (-5.0, 350.0));
        u.set(
            InputId::Growth,
            Some(RangeSetting {
                spread: Spread {
                    below: f64::NAN,
                    above: 1.0,
                },
                distribution: Distribution::Pert,
            }),
        );
        assert_eq!(u.get(InputId::Growth), Some(g), "NaN leaves it unchanged");
        u.set_correlation(f64::INFINITY);
        assert_eq!(u.correlation(), DEFAULT_CORRELATION);
        u.set_correlation(-3.0);
        assert_eq!(u.correlation(), -1.0);
        u.set_draws(5);
        assert_eq!(u.draws(), DRAWS_LIMITS.0);
        assert_eq!(
            Uncertainty::switched_on_setting(InputId::CostCut, 50.0)
                .unwrap()
                .spread,
            Spread {
                below: -10.0,
                above: 10.0
            }
        );
        // At its default of 0, a fifth of the allowed 0–99 points.
        let at_zero = Uncertainty::switched_on_setting(InputId::CostCut, 0.0).unwrap();
        assert!((at_zero.spread.above - 19.8).abs() < 1e-12);
        assert_eq!(
            at_zero.spread.range(InputId::CostCut, 0.0).0,
            0.0,
            "clamped at the allowed minimum"
        );
        assert_eq!(
            Uncertainty::switched_on_setting(InputId::Start, 2026.0),
            None
        );
    }
}
