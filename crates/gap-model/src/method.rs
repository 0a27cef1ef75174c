//! The four ways of deriving the revenue that a year's capex requires.

use crate::inputs::{DIRECT_REFERENCE_CAPEX, INPUT_COUNT};
use crate::{InputId, ValidInputs};

/// How required revenue is derived (docs/MODEL.md, "Methods").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    /// The article's ~$2T per $500B of capex, scaled with capex: the claim
    /// under examination.
    Direct,
    /// Capex × GPU share × data-centre multiple ÷ (1 − end-user margin).
    Sequoia,
    /// Capex ÷ sustainable capex share of revenue.
    Bain,
    /// The capital charge of the vintages in service plus energy, ÷ (1 −
    /// margin): capital recovery, the default since model 3 (the useful life
    /// moves it).
    #[default]
    Dcf,
}

impl Method {
    pub const ALL: [Method; 4] = [Method::Direct, Method::Sequoia, Method::Bain, Method::Dcf];

    #[must_use]
    pub fn url_name(self) -> &'static str {
        match self {
            Method::Direct => "direct",
            Method::Sequoia => "sequoia",
            Method::Bain => "bain",
            Method::Dcf => "dcf",
        }
    }

    #[must_use]
    pub fn from_url_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.url_name() == name)
    }
}

/// Capital recovery factor: the level yearly payment, per dollar invested,
/// that repays the dollar with interest `r` over `n` years.
/// `r / (1 - (1 + r)^-n)`, written with `expm1`/`ln_1p` so it stays accurate
/// (and monotone) for tiny `r`; exactly `1/n` at `r = 0`.
#[must_use]
pub fn crf(r: f64, n: f64) -> f64 {
    if r == 0.0 {
        1.0 / n
    } else {
        r / -(-n * r.ln_1p()).exp_m1()
    }
}

/// Longest useful life (the `life` input's maximum): the vintage buffer's size.
pub(crate) const MAX_LIFE: usize = 30;

/// The inputs as the formulas use them: fractions instead of percent.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub method: Method,
    pub required: f64,
    pub capex: f64,
    pub capex_growth: f64,
    pub history_growth: f64,
    pub revenue: f64,
    pub growth: f64,
    /// The revenue ceiling, $B/yr; 0 means none.
    pub revenue_cap: f64,
    pub rate: f64,
    /// The end-user seller's gross margin, a fraction below 1.
    pub margin: f64,
    pub energy: f64,
    pub gpu_share: f64,
    pub tco: f64,
    pub capex_share: f64,
    /// Useful life in whole years, 1..=`MAX_LIFE`.
    pub life: usize,
    /// The yearly charge per dollar of a vintage in service: the level
    /// payment due at the end of each of its `life` years that repays it with
    /// interest, `CRF(rate, life)` (capex is paid at the start of its year,
    /// charges, revenue and energy fall at the end).
    pub charge: f64,
    /// `cost_cut` as a fraction: from the year after `start`, the hardware
    /// needed per token shrinks to `1 − cut` (all hardware, the installed
    /// base too: the gain is algorithmic).
    pub cut: f64,
    /// `1 − cost_cut × pass_through`: what token prices shrink to.
    pub price_factor: f64,
    /// `price_factor^(1 − elasticity)`: what revenue becomes before the
    /// ceiling.
    pub revenue_factor: f64,
}

impl Params {
    /// Parameters for every method (the methods chart compares them).
    pub fn new(method: Method, v: &[f64; INPUT_COUNT]) -> Params {
        let at = |id: InputId| v[id.index()];
        let pct = |id: InputId| at(id) / 100.0;
        let rate = pct(InputId::Rate);
        let cut = pct(InputId::CostCut);
        let price_factor = 1.0 - cut * pct(InputId::PassThrough);
        let life = whole_life(at(InputId::Life));
        Params {
            method,
            required: at(InputId::Required),
            capex: at(InputId::Capex),
            capex_growth: pct(InputId::CapexGrowth),
            history_growth: pct(InputId::HistoryGrowth),
            revenue: at(InputId::Revenue),
            growth: pct(InputId::Growth),
            revenue_cap: at(InputId::RevenueCap),
            rate,
            margin: pct(InputId::Margin),
            energy: at(InputId::Energy),
            gpu_share: pct(InputId::GpuShare),
            tco: at(InputId::Tco),
            capex_share: pct(InputId::CapexShare),
            life,
            #[allow(clippy::cast_precision_loss)] // life <= 30
            charge: crf(rate, life as f64),
            cut,
            price_factor,
            // pow(1, y) is exactly 1; skipping it only saves time.
            revenue_factor: if price_factor == 1.0 {
                1.0
            } else {
                price_factor.powf(1.0 - at(InputId::Elasticity))
            },
        }
    }

    pub fn from_valid(inputs: &ValidInputs) -> Params {
        Params::new(inputs.method, inputs.values())
    }

    /// Whether a cost cut acts in the years after `start`.
    pub fn has_cut(&self) -> bool {
        self.cut > 0.0
    }

    /// Required revenue for one year under `method`, from that year's capex,
    /// the capital charge of the vintages in service and energy (the ratio
    /// methods read capex: the path without a cut's, see `for_each_year`).
    pub fn required_at(&self, method: Method, year: &Costs) -> f64 {
        match method {
            Method::Direct => self.required * (year.capex / DIRECT_REFERENCE_CAPEX),
            Method::Sequoia => year.capex * self.gpu_share * self.tco / (1.0 - self.margin),
            Method::Bain => year.capex / self.capex_share,
            Method::Dcf => (year.capital_charge + year.energy) / (1.0 - self.margin),
        }
    }
}

/// The cost side of one model year, $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Costs {
    /// Capex spent in the year (the year's vintage).
    pub capex: f64,
    /// `CRF(rate, life) × Σ` of the vintages in service.
    pub capital_charge: f64,
    /// Energy cost, proportional to the capital in service.
    pub energy: f64,
}

/// The life rounded to whole years within 1..=`MAX_LIFE` (Monte Carlo draws
/// are continuous; validated inputs are whole already).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped first
pub(crate) fn whole_life(life: f64) -> usize {
    let max = MAX_LIFE as f64;
    if life.is_nan() {
        return 1;
    }
    life.round().clamp(1.0, max) as usize
}

/// Base-year required revenue under each method at the current inputs.
#[must_use]
pub fn required_by_method(inputs: &ValidInputs) -> [(Method, f64); 4] {
    let p = Params::from_valid(inputs);
    let base = crate::model::base_costs(&p);
    Method::ALL.map(|m| (m, p.required_at(m, &base)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_names_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_url_name(m.url_name()), Some(m));
        }
        assert_eq!(Method::from_url_name("DCF"), None);
    }

    #[test]
    fn crf_matches_textbook_formula() {
        for (r, n) in [(0.1, 5.0), (0.05, 4.0), (0.3, 30.0), (0.005, 1.0)] {
            let textbook = r / (1.0 - (1.0_f64 + r).powf(-n));
            assert!((crf(r, n) - textbook).abs() < 1e-12, "{r} {n}");
        }
        assert_eq!(crf(0.0, 4.0), 0.25);
        // One year: repay principal plus one year's interest.
        assert!((crf(0.1, 1.0) - 1.1).abs() < 1e-15);
    }

    #[test]
    fn a_vintage_is_repaid_exactly_by_its_charges_at_the_end_of_its_years() {
        for (rate, life) in [(10.0, 5.0), (0.0, 3.0), (25.0, 1.0), (7.5, 30.0)] {
            let mut values = *crate::Inputs::default().values();
            values[InputId::Rate.index()] = rate;
            values[InputId::Life.index()] = life;
            let p = Params::new(Method::Dcf, &values);
            let r = rate / 100.0;
            let pv: f64 = (0..p.life)
                .map(|j| p.charge / (1.0 + r).powi(i32::try_from(j + 1).unwrap()))
                .sum();
            assert!((pv - 1.0).abs() < 1e-12, "rate {rate}, life {life}: {pv}");
        }
    }

    #[test]
    fn life_is_whole_and_bounded() {
        assert_eq!(whole_life(4.5), 5);
        assert_eq!(whole_life(4.49), 4);
        assert_eq!(whole_life(0.2), 1);
        assert_eq!(whole_life(99.0), MAX_LIFE);
        assert_eq!(whole_life(f64::NAN), 1);
    }
}
