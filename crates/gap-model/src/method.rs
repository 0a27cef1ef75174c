//! The four ways of deriving the revenue that a year's capex requires.

use crate::{InputId, ValidInputs};

/// How required revenue is derived (docs/MODEL.md, "Methods").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    /// The article's ~$2T, scaled with capex.
    #[default]
    Direct,
    /// Capex × data-centre multiple ÷ end-user margin.
    Sequoia,
    /// Capex ÷ sustainable capex share of revenue.
    Bain,
    /// Steady-state capital recovery over the useful life, plus energy.
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

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Method::Direct => "Article's figure",
            Method::Sequoia => "Sequoia (GPU spend × 2 × 2)",
            Method::Bain => "Bain (capex share of revenue)",
            Method::Dcf => "Capital recovery (DCF)",
        }
    }

    /// The formula in plain text, for a tooltip.
    #[must_use]
    pub fn formula(self) -> &'static str {
        match self {
            Method::Direct => "R = required × C / C_base",
            Method::Sequoia => "R = C × tco ÷ margin",
            Method::Bain => "R = C ÷ capex_share",
            Method::Dcf => "R = (life × CRF(rate, life) × C + E) ÷ margin",
        }
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

/// `life × CRF(rate, life)`: how many times a year's capex must be earned
/// back each year once `life` vintages are in service. Exactly 1 at rate 0.
#[must_use]
pub fn recovery_multiple(r: f64, life: f64) -> f64 {
    if r == 0.0 {
        1.0
    } else {
        life * crf(r, life)
    }
}

/// The inputs as the formulas use them: fractions instead of percent.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub method: Method,
    pub required: f64,
    pub capex: f64,
    pub capex_growth: f64,
    pub revenue: f64,
    pub growth: f64,
    pub rate: f64,
    pub margin: f64,
    pub energy: f64,
    pub tco: f64,
    pub capex_share: f64,
    /// `life × CRF(rate, life)`, precomputed.
    pub recovery: f64,
    /// `1 − cost_cut`: what capex and energy shrink to after the cut.
    pub cost_factor: f64,
    /// `(1 − cost_cut × pass_through)^(1 − elasticity)`: what revenue becomes.
    pub revenue_factor: f64,
}

impl Params {
    /// Parameters for every method (for `required_by_method`).
    pub fn new(method: Method, v: &[f64; 16]) -> Params {
        let mut p = Params::for_method(Method::Dcf, v);
        p.method = method;
        p
    }

    /// Parameters for `method` only: skips the capital recovery factor (a
    /// `log1p` and an `expm1`) unless the method is `Dcf`. The Monte Carlo
    /// loop builds one of these per draw.
    pub fn for_method(method: Method, v: &[f64; 16]) -> Params {
        let at = |id: InputId| v[id.index()];
        let pct = |id: InputId| at(id) / 100.0;
        let rate = pct(InputId::Rate);
        let cut = pct(InputId::CostCut);
        let price_factor = 1.0 - cut * pct(InputId::PassThrough);
        Params {
            method,
            required: at(InputId::Required),
            capex: at(InputId::Capex),
            capex_growth: pct(InputId::CapexGrowth),
            revenue: at(InputId::Revenue),
            growth: pct(InputId::Growth),
            rate,
            margin: pct(InputId::Margin),
            energy: at(InputId::Energy),
            tco: at(InputId::Tco),
            capex_share: pct(InputId::CapexShare),
            recovery: if method == Method::Dcf {
                recovery_multiple(rate, at(InputId::Life))
            } else {
                f64::NAN // never read: only `Dcf` uses it
            },
            cost_factor: 1.0 - cut,
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

    /// Required revenue for one year's capex and energy under `method`.
    pub fn required_at(&self, method: Method, capex: f64, energy: f64) -> f64 {
        match method {
            // Ratio first, so the base year gives exactly `required`.
            Method::Direct => self.required * (capex / self.capex),
            Method::Sequoia => capex * self.tco / self.margin,
            Method::Bain => capex / self.capex_share,
            Method::Dcf => (self.recovery * capex + energy) / self.margin,
        }
    }
}

/// Required revenue ($B/yr) under `method` for a year with `capex` and
/// `energy` ($B/yr), with every other parameter taken from `inputs`.
#[must_use]
pub fn required_revenue(method: Method, inputs: &ValidInputs, capex: f64, energy: f64) -> f64 {
    Params::from_valid(inputs).required_at(method, capex, energy)
}

/// Base-year required revenue under each method at the current inputs.
#[must_use]
pub fn required_by_method(inputs: &ValidInputs) -> [(Method, f64); 4] {
    let p = Params::from_valid(inputs);
    Method::ALL.map(|m| (m, p.required_at(m, p.capex, p.energy)))
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
}
