//! The deterministic time path, its summary, the investors' NPV and IRR, and
//! the growth solver.

use crate::method::{Costs, Params, MAX_LIFE};
use crate::{InputId, ValidInputs};

/// One model year. Money in $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    /// Capex spent in the year.
    pub capex: f64,
    /// `CRF(rate, life) ×` the vintages in service (what `dcf` must recover).
    pub capital_charge: f64,
    pub energy: f64,
    pub required: f64,
    pub actual: f64,
    /// `required − actual`; negative once revenue is ahead.
    pub gap: f64,
    /// `gap / (1 + rate)^(year − start)`: the start year is undiscounted.
    pub discounted_gap: f64,
    pub cumulative_gap: f64,
    pub cumulative_discounted_gap: f64,
    /// What the infrastructure owners receive minus what they pay:
    /// `(1 − margin) × actual − capex − energy`.
    pub cash_flow: f64,
}

/// The internal rate of return of the owners' cash flows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Irr {
    /// The one rate (percent per year) at which the NPV is zero.
    Rate(f64),
    /// Every cash flow has the same sign: no rate makes the NPV zero.
    NoSignChange,
    /// The NPV crosses zero at no rate from −99 % to +1,000 % a year.
    OutOfRange,
    /// The NPV is zero at more than one rate: no single IRR.
    Several,
}

impl Irr {
    /// The rate in percent, if there is exactly one.
    #[must_use]
    pub fn rate(self) -> Option<f64> {
        match self {
            Irr::Rate(r) => Some(r),
            _ => None,
        }
    }
}

/// The deterministic run.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub years: Vec<YearRow>,
    pub base_required: f64,
    pub base_actual: f64,
    pub base_gap: f64,
    /// Present value at `start` of all yearly gaps (= the last row's
    /// `cumulative_discounted_gap`).
    pub gap_pv: f64,
    /// First year with `actual >= required`, if any within the horizon.
    pub breakeven_year: Option<i32>,
    /// Book value at the end of the horizon of the vintages still in
    /// service (straight-line), $B: the cash flows' terminal value.
    pub terminal_value: f64,
    /// Net present value at `rate` of the owners' cash flows plus the
    /// terminal value, $B.
    pub npv: f64,
    pub irr: Irr,
}

/// One year of the path before bookkeeping.
#[derive(Clone, Copy, Debug)]
pub(crate) struct YearValues {
    pub costs: Costs,
    pub required: f64,
    pub actual: f64,
    pub discount: f64,
}

/// The capital in service: the last `life` vintages. Vintages before `start`
/// are back-cast from `capex` with `history_growth`.
struct VintageStock {
    vintages: [f64; MAX_LIFE],
    life: usize,
}

impl VintageStock {
    fn new(p: &Params) -> VintageStock {
        let mut vintages = [0.0; MAX_LIFE];
        // Vintage `start − k` sits in slot `(−k) mod life`; the one built
        // `life` years before `start` retires as `start`'s arrives.
        let mut value = p.capex;
        for k in 1..=p.life {
            value /= 1.0 + p.history_growth;
            vintages[(p.life - k) % p.life] = value;
        }
        VintageStock {
            vintages,
            life: p.life,
        }
    }

    /// Adds year `i`'s vintage (retiring the one `life` years older) and
    /// returns the capital in service.
    fn add(&mut self, i: usize, capex: f64) -> f64 {
        self.vintages[i % self.life] = capex;
        self.vintages[..self.life].iter().sum()
    }
}

/// The base year's costs: `capex`, the back-cast stock's charge, `energy`.
pub(crate) fn base_costs(p: &Params) -> Costs {
    let mut stock = VintageStock::new(p);
    let in_service = stock.add(0, p.capex);
    Costs {
        capex: p.capex,
        capital_charge: p.charge * in_service,
        energy: p.energy,
    }
}

/// The single implementation of the time path, shared by `run`, the Monte
/// Carlo loop, the tornado and the solver so that they cannot disagree.
/// Powers are built by repeated multiplication: no allocation, no `powf`.
#[inline]
pub(crate) fn for_each_year(p: &Params, years: usize, mut f: impl FnMut(usize, YearValues)) {
    let mut stock = VintageStock::new(p);
    let mut base_stock = 1.0;
    let mut capex_growth = 1.0;
    let mut revenue_growth = 1.0;
    let mut compound = 1.0;
    let logistic = p.revenue_cap > 0.0 && p.growth > 0.0 && p.revenue > 0.0;
    // A ceiling below today's revenue holds revenue where it is.
    let ceiling = p.revenue_cap.max(p.revenue);
    for i in 0..years {
        // The DeepSeek cut acts from the year after `start`, on new capex.
        let (cost, rev) = if i == 0 {
            (1.0, 1.0)
        } else {
            (p.cost_factor, p.revenue_factor)
        };
        let capex = p.capex * capex_growth * cost;
        let in_service = stock.add(i, capex);
        if i == 0 {
            base_stock = in_service;
        }
        let costs = Costs {
            capex,
            capital_charge: p.charge * in_service,
            // Power is drawn by the capital in service, not by this year's purchases.
            energy: if i == 0 {
                p.energy
            } else {
                p.energy * (in_service / base_stock)
            },
        };
        // Logistic growth towards the ceiling (the Verhulst curve through
        // `revenue` whose early growth is `growth`); exponential without one.
        let earned = if i == 0 {
            p.revenue
        } else if logistic {
            ceiling / (1.0 + (ceiling / p.revenue - 1.0) / revenue_growth)
        } else {
            p.revenue * revenue_growth
        };
        // The ceiling bounds what is earned after a price cut too (a Jevons
        // rebound cannot sell more than the value created).
        let actual = if p.revenue_cap > 0.0 {
            (earned * rev).min(ceiling)
        } else {
            earned * rev
        };
        f(
            i,
            YearValues {
                costs,
                required: p.required_at(p.method, &costs),
                actual,
                discount: 1.0 / compound,
            },
        );
        capex_growth *= 1.0 + p.capex_growth;
        revenue_growth *= 1.0 + p.growth;
        compound *= 1.0 + p.rate;
    }
}

/// Present value of the gaps only (no rows): for the tornado.
pub(crate) fn gap_pv(p: &Params, years: usize) -> f64 {
    let mut pv = 0.0;
    for_each_year(p, years, |_, y| pv += (y.required - y.actual) * y.discount);
    pv
}

/// Runs the model year by year from `start` to `end`.
#[must_use]
pub fn run(inputs: &ValidInputs) -> Outcome {
    let p = Params::from_valid(inputs);
    let start = inputs.start();
    let mut years = Vec::with_capacity(inputs.horizon_len());
    let (mut cumulative, mut cumulative_pv) = (0.0, 0.0);
    for_each_year(&p, inputs.horizon_len(), |i, y| {
        let gap = y.required - y.actual;
        let discounted_gap = gap * y.discount;
        cumulative += gap;
        cumulative_pv += discounted_gap;
        years.push(YearRow {
            year: start + year_offset(i),
            capex: y.costs.capex,
            capital_charge: y.costs.capital_charge,
            energy: y.costs.energy,
            required: y.required,
            actual: y.actual,
            gap,
            discounted_gap,
            cumulative_gap: cumulative,
            cumulative_discounted_gap: cumulative_pv,
            cash_flow: (1.0 - p.margin) * y.actual - y.costs.capex - y.costs.energy,
        });
    });
    let terminal_value = terminal_value(&years, p.life);
    let flows: Vec<f64> = years.iter().map(|r| r.cash_flow).collect();
    let npv = npv_at(&flows, terminal_value, p.rate);
    let irr = irr(&flows, terminal_value);
    let base = years[0];
    Outcome {
        base_required: base.required,
        base_actual: base.actual,
        base_gap: base.gap,
        gap_pv: cumulative_pv,
        breakeven_year: years
            .iter()
            .find(|r| r.actual >= r.required)
            .map(|r| r.year),
        terminal_value,
        npv,
        irr,
        years,
    }
}

/// Straight-line book value, at the end of the last year, of the vintages
/// built within the horizon that are still in service: the one built `j`
/// years before the end has `life − 1 − j` of its `life` years left.
/// Vintages from before `start` are sunk: their capex is not among the cash
/// flows, so their book value is not either.
fn terminal_value(years: &[YearRow], life: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)] // life <= 30
    let l = life as f64;
    years
        .iter()
        .rev()
        .take(life)
        .enumerate()
        .map(|(j, row)| {
            #[allow(clippy::cast_precision_loss)]
            let left = (l - 1.0 - j as f64) / l;
            row.capex * left
        })
        .sum()
}

/// `Σ_i flow_i ÷ (1 + r)^i + terminal ÷ (1 + r)^n`, n = number of flows:
/// each year's flow at its start, the terminal value at the end of the last.
fn npv_at(flows: &[f64], terminal: f64, r: f64) -> f64 {
    let v = 1.0 / (1.0 + r);
    // Horner from the terminal value backwards.
    flows.iter().rev().fold(terminal, |acc, &cf| cf + acc * v)
}

/// Lowest and highest rate searched for the IRR, as fractions.
const IRR_RANGE: (f64, f64) = (-0.99, 10.0);

/// The rate at which `npv_at` is zero: scanned on a grid even in
/// `ln(1 + r)`, then bisected.
fn irr(flows: &[f64], terminal: f64) -> Irr {
    let signs = flows
        .iter()
        .chain([&terminal])
        .filter(|&&x| x != 0.0)
        .map(|&x| x > 0.0);
    let mut changes = 0;
    let mut last = None;
    for positive in signs {
        if last.is_some_and(|l| l != positive) {
            changes += 1;
        }
        last = Some(positive);
    }
    if changes == 0 {
        return Irr::NoSignChange;
    }
    // One sign change means one root at most (Descartes' rule in
    // v = 1/(1 + r)), and a simple one: a coarse grid brackets it. Several
    // changes may mean close roots: a finer grid keeps them apart.
    let steps: u32 = if changes == 1 { 256 } else { 4096 };
    let (lo, hi) = (IRR_RANGE.0.ln_1p(), IRR_RANGE.1.ln_1p());
    let rate_at = |k: u32| (lo + (hi - lo) * f64::from(k) / f64::from(steps)).exp_m1();
    let mut roots = Vec::new();
    let mut prev = (rate_at(0), npv_at(flows, terminal, rate_at(0)));
    for k in 1..=steps {
        let r = rate_at(k);
        let value = npv_at(flows, terminal, r);
        if value == 0.0 {
            roots.push(r);
        } else if prev.1 != 0.0 && (value > 0.0) != (prev.1 > 0.0) {
            roots.push(bisect(|x| npv_at(flows, terminal, x), prev.0, r));
        }
        prev = (r, value);
    }
    match roots.as_slice() {
        [] => Irr::OutOfRange,
        [r] => Irr::Rate(r * 100.0),
        _ => Irr::Several,
    }
}

/// A root of `f` between `a` and `b`, where `f` changes sign.
fn bisect(f: impl Fn(f64) -> f64, mut a: f64, mut b: f64) -> f64 {
    let fa_positive = f(a) > 0.0;
    for _ in 0..200 {
        let mid = 0.5 * (a + b);
        if mid <= a || mid >= b {
            break;
        }
        if (f(mid) > 0.0) == fa_positive {
            a = mid;
        } else {
            b = mid;
        }
    }
    0.5 * (a + b)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)] // i <= 50
pub(crate) fn year_offset(i: usize) -> i32 {
    i as i32
}

/// The lowest revenue growth (percent per year, within the `growth` input's
/// allowed range) at which actual revenue reaches required revenue in some
/// year from `start` to `year`, all other inputs unchanged. `None` if `year`
/// is outside `start..=end` or no allowed growth does it. If the base year is
/// already closed, every growth works and the range minimum is returned.
///
/// Required revenue does not depend on growth and revenue rises with it in
/// every year (also along the logistic curve), so "closes by `year`" is
/// monotone in growth: bisection over the allowed range finds the answer,
/// and the value returned always passes the same arithmetic as `run`.
#[must_use]
pub fn growth_to_close_by(inputs: &ValidInputs, year: i32) -> Option<f64> {
    if year < inputs.start() || year > inputs.end() {
        return None;
    }
    let spec = InputId::Growth.spec();
    let years = usize::try_from(year - inputs.start()).ok()? + 1;
    let mut values = *inputs.values();
    let mut closes = |g: f64| {
        values[InputId::Growth.index()] = g;
        closes_within(&Params::new(inputs.method, &values), years)
    };
    if closes(spec.min) {
        return Some(spec.min);
    }
    if !closes(spec.max) {
        return None;
    }
    let (mut low, mut high) = (spec.min, spec.max);
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if mid <= low || mid >= high {
            break;
        }
        if closes(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    Some(high)
}

fn closes_within(p: &Params, years: usize) -> bool {
    let mut closed = false;
    for_each_year(p, years, |_, y| closed |= y.actual >= y.required);
    closed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npv_discounts_each_flow_from_the_start_and_the_terminal_value_from_the_end() {
        // −100 now, +60 a year later, terminal 60 at the end of year 2.
        let npv = npv_at(&[-100.0, 60.0], 60.0, 0.1);
        let by_hand = -100.0 + 60.0 / 1.1 + 60.0 / 1.21;
        assert!((npv - by_hand).abs() < 1e-12, "{npv}");
    }

    #[test]
    fn irr_of_a_textbook_investment() {
        // −100 then +110 a year later: 10 %.
        let Irr::Rate(r) = irr(&[-100.0], 110.0) else {
            panic!("one rate")
        };
        assert!((r - 10.0).abs() < 1e-9, "{r}");
        assert_eq!(irr(&[-1.0, -2.0], 0.0), Irr::NoSignChange);
        assert_eq!(irr(&[1.0, 2.0], 3.0), Irr::NoSignChange);
        // −100 then +1 at the end: −99.5 %, outside the range searched.
        assert_eq!(irr(&[-100.0], 0.5), Irr::OutOfRange);
        // Flows 1, −5, 6 (roots at 100 % and 200 %): no single rate.
        assert_eq!(irr(&[1.0, -5.0], 6.0), Irr::Several);
    }
}
