//! The deterministic time path, its summary, the investors' NPV and IRR, and
//! the growth solver.

use crate::method::{crf, Costs, Params, MAX_LIFE};
use crate::Method;
use crate::{InputId, ValidInputs};

/// One model year. Money in $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    /// Capex spent at the start of the year (the year's vintage).
    pub capex: f64,
    /// `CRF(rate, life) ×` the vintages in service, due at the end of the
    /// year (what `dcf` must recover).
    pub capital_charge: f64,
    pub energy: f64,
    pub required: f64,
    pub actual: f64,
    /// `required − actual`; negative once revenue is ahead.
    pub gap: f64,
    /// `gap / (1 + rate)^(year − start + 1)`: revenue and the requirement
    /// fall at the end of their year.
    pub discounted_gap: f64,
    pub cumulative_gap: f64,
    pub cumulative_discounted_gap: f64,
    /// What the infrastructure owners receive in the year minus what they
    /// pay: `receipts − capex − energy` (undiscounted; the NPV discounts
    /// capex from the start of the year and the rest from its end).
    pub cash_flow: f64,
    /// What the owners receive for the hardware in use: `(1 − margin) ×
    /// actual`, less the part of a cost cut's saving the sellers keep.
    pub receipts: f64,
    /// Capital in service that the tokens sold do not need (after a cost
    /// cut with demand that does not rebound): it keeps its capital charge
    /// and draws no power.
    pub idle: f64,
    /// Capex the year would have had without a cost cut.
    pub capex_without_cut: f64,
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
    /// Present value of the revenue earned ÷ present value of the revenue
    /// needed, `start` to `end`, as a fraction: the headline, read with its
    /// horizon.
    pub coverage: f64,
    /// The last year's `actual ÷ required`, as a fraction.
    pub final_coverage: f64,
    /// First year with `actual >= required`, if any within the horizon.
    pub breakeven_year: Option<i32>,
    /// First year from which revenue covers the requirement in every year
    /// to `end`: the gap has closed for good within the horizon.
    pub covered_from: Option<i32>,
    /// The vintages bought before `start` still in service, at the present
    /// value at `start` of their remaining charges: what the owners hold
    /// when the horizon opens.
    pub opening_value: f64,
    /// The vintages still in service after `end`, at the present value at
    /// the end of `end` of their remaining charges, times `terminal_earning`.
    pub terminal_value: f64,
    /// The share of its capital charge the fleet earned in the last year,
    /// `(receipts − energy) ÷ capital charge` within 0…1: what the fleet left
    /// at the end is assumed to go on earning.
    pub terminal_earning: f64,
    /// Net present value at `rate` of the owners' cash flows, the opening
    /// fleet bought in and the terminal value, $B.
    pub npv: f64,
    pub irr: Irr,
}

impl Outcome {
    /// The gap has closed in some year and is open again at `end`.
    #[must_use]
    pub fn reopens(&self) -> bool {
        self.breakeven_year.is_some() && self.covered_from.is_none()
    }

    /// The last year's gap.
    #[must_use]
    pub fn final_gap(&self) -> f64 {
        self.years.last().map_or(self.base_gap, |r| r.gap)
    }
}

/// One year of the path before bookkeeping.
#[derive(Clone, Copy, Debug)]
pub(crate) struct YearValues {
    pub costs: Costs,
    pub required: f64,
    pub actual: f64,
    pub receipts: f64,
    pub idle: f64,
    pub capex_without_cut: f64,
    /// `1 ÷ (1 + rate)^(t + 1)`: revenue, energy and charges fall at the end
    /// of the year.
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

    /// Σ over the surviving slots of `self − other` in year `i` (before its
    /// purchase): exactly 0 while both hold the same vintages.
    fn surviving_minus(&self, other: &VintageStock, i: usize) -> f64 {
        let retiring = i % self.life;
        (0..self.life)
            .filter(|&slot| slot != retiring)
            .map(|slot| self.vintages[slot] - other.vintages[slot])
            .sum()
    }

    /// The capital in service once year `i`'s vintage is in, without adding it.
    fn sum_with(&self, i: usize, capex: f64) -> f64 {
        let slot = i % self.life;
        self.vintages[..self.life]
            .iter()
            .enumerate()
            .map(|(k, v)| if k == slot { capex } else { *v })
            .sum()
    }

    /// Adds year `i`'s vintage (retiring the one `life` years older) and
    /// returns the capital in service.
    fn add(&mut self, i: usize, capex: f64) -> f64 {
        self.vintages[i % self.life] = capex;
        self.vintages[..self.life].iter().sum()
    }
}

/// The vintage bought `k` years before `start` (`k ≥ 1`), back-cast from
/// `capex` with `history_growth`.
pub(crate) fn back_cast(p: &Params, k: usize) -> f64 {
    let mut value = p.capex;
    for _ in 0..k {
        value /= 1.0 + p.history_growth;
    }
    value
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
///
/// Without a cost cut the capital in service is the capex path's. A cut
/// (from the year after `start`) shrinks the hardware each token needs; the
/// hardware the tokens actually sold need (`need`) decides new capex, never
/// negative; capital beyond it is idle (docs/MODEL.md, "The DeepSeek
/// effect").
#[inline]
pub(crate) fn for_each_year(p: &Params, years: usize, mut f: impl FnMut(usize, YearValues)) {
    let mut planned = VintageStock::new(p);
    let mut stock = VintageStock::new(p);
    let mut base_stock = 1.0;
    let mut capex_growth = 1.0;
    let mut revenue_growth = 1.0;
    let mut compound = 1.0 + p.rate;
    let logistic = p.revenue_cap > 0.0 && p.growth > 0.0 && p.revenue > 0.0;
    // A ceiling below today's revenue holds revenue where it is.
    let ceiling = p.revenue_cap.max(p.revenue);
    for i in 0..years {
        let cut = i > 0 && p.has_cut();
        // Logistic growth towards the ceiling (the Verhulst curve through
        // `revenue` whose early growth is `growth`); exponential without one.
        let earned = if i == 0 {
            p.revenue
        } else if logistic {
            ceiling / (1.0 + (ceiling / p.revenue - 1.0) / revenue_growth)
        } else {
            p.revenue * revenue_growth
        };
        let planned_capex = p.capex * capex_growth;
        let (actual, capex, in_service, need, planned_in_service, receipts_share) = if cut {
            // The path without the cut, before this year's purchase.
            let planned_in_service = planned.sum_with(i, planned_capex);
            // The ceiling bounds what is earned after a price cut too (a
            // Jevons rebound cannot sell more than the value created).
            let uncapped = earned * p.revenue_factor;
            let actual = if p.revenue_cap > 0.0 {
                uncapped.min(ceiling)
            } else {
                uncapped
            };
            // Owners are paid per unit of hardware in use at unchanged
            // rental rates; a saving not passed on stays with the sellers,
            // so the owners' share of a dollar of revenue shrinks with it.
            let share = (1.0 - p.cut) / p.price_factor;
            // Hardware needed relative to the path without the cut: tokens
            // sold (× price^−ε, less what the ceiling cuts off) times the
            // hardware per token (× (1 − cut)). Written as share × revenue
            // factor so that it is exactly 1 when the cut is passed on in
            // full to unit-elastic demand.
            let capped = if uncapped > 0.0 {
                actual / uncapped
            } else {
                1.0
            };
            let factor = share * p.revenue_factor * capped;
            let need = planned_in_service * factor;
            // need − surviving, written so that identical paths give the
            // planned capex exactly (no cancellation of large stocks).
            let planned_surviving = planned_in_service - planned_capex;
            let diverged = planned.surviving_minus(&stock, i);
            let capex =
                (planned_capex * factor + planned_surviving * (factor - 1.0) + diverged).max(0.0);
            let in_service = stock.add(i, capex);
            (actual, capex, in_service, need, planned_in_service, share)
        } else {
            let in_service = stock.add(i, planned_capex);
            (
                earned,
                planned_capex,
                in_service,
                in_service,
                in_service,
                1.0,
            )
        };
        // The path without the cut is kept only where a cut can leave it.
        if p.has_cut() {
            planned.add(i, planned_capex);
        }
        if i == 0 {
            base_stock = planned_in_service;
        }
        let energy = if i == 0 {
            p.energy
        } else {
            // Power is drawn by the capital in use, not by this year's
            // purchases nor by idle capacity.
            p.energy * (need / base_stock)
        };
        let costs = Costs {
            capex,
            capital_charge: p.charge * in_service,
            energy,
        };
        let required = match p.method {
            Method::Dcf => p.required_at(Method::Dcf, &costs),
            // The ratio methods scale the year's purchases; after a cut the
            // requirement never falls below what the capital in service
            // needs.
            method => {
                let planned_costs = Costs {
                    capex: planned_capex,
                    ..costs
                };
                let without_cut = p.required_at(method, &planned_costs);
                if cut {
                    without_cut * (in_service / planned_in_service)
                } else {
                    without_cut
                }
            }
        } / receipts_share;
        f(
            i,
            YearValues {
                costs,
                required,
                actual,
                receipts: (1.0 - p.margin) * actual * receipts_share,
                idle: (in_service - need).max(0.0),
                capex_without_cut: planned_capex,
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
    let (mut earned_pv, mut needed_pv) = (0.0, 0.0);
    for_each_year(&p, inputs.horizon_len(), |i, y| {
        let gap = y.required - y.actual;
        let discounted_gap = gap * y.discount;
        cumulative += gap;
        cumulative_pv += discounted_gap;
        earned_pv += y.actual * y.discount;
        needed_pv += y.required * y.discount;
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
            cash_flow: y.receipts - y.costs.capex - y.costs.energy,
            receipts: y.receipts,
            idle: y.idle,
            capex_without_cut: y.capex_without_cut,
        });
    });
    let owners = Owners::of(&p, &years);
    let npv = npv_at(&owners.flows, owners.last, p.rate);
    let irr = irr(&owners.flows, owners.last);
    let base = years[0];
    let last = years[years.len() - 1];
    Outcome {
        base_required: base.required,
        base_actual: base.actual,
        base_gap: base.gap,
        gap_pv: cumulative_pv,
        coverage: ratio(earned_pv, needed_pv),
        final_coverage: ratio(last.actual, last.required),
        breakeven_year: years
            .iter()
            .find(|r| r.actual >= r.required)
            .map(|r| r.year),
        covered_from: covered_from(&years),
        opening_value: owners.opening_value,
        terminal_value: owners.terminal_value,
        terminal_earning: owners.terminal_earning,
        npv,
        irr,
        years,
    }
}

/// `a ÷ b`, 0 when `b` is not positive (the requirement is positive in any
/// valid state: capex is at least $1B).
fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

/// The first year from which every year to the last is covered.
fn covered_from(years: &[YearRow]) -> Option<i32> {
    let mut from = None;
    for row in years.iter().rev() {
        if row.actual >= row.required {
            from = Some(row.year);
        } else {
            break;
        }
    }
    from
}

/// The owners' side of the build-out, as flows at whole years from `start`.
pub(crate) struct Owners {
    /// Flow at time `i` (the start of year `i`): the receipts less energy of
    /// year `i − 1`, less year `i`'s capex; at time 0 also the opening fleet.
    pub flows: Vec<f64>,
    /// Flow at the end of the last year: its receipts less energy, plus the
    /// terminal value.
    pub last: f64,
    pub opening_value: f64,
    pub terminal_value: f64,
    pub terminal_earning: f64,
}

impl Owners {
    /// The opening fleet and the terminal value are the vintages' remaining
    /// capital charges at their present value at `rate`: a vintage repaid by
    /// `CRF × C` at the end of each of its `life` years is worth `CRF × C ×
    /// a(n)` with `n` payments left, `a(n) = (1 − (1 + r)^−n) ÷ r`. So gap
    /// and NPV treat the existing fleet alike: receipts less energy equal to
    /// the capital charge in every year give an NPV of exactly zero.
    pub(crate) fn of(p: &Params, years: &[YearRow]) -> Owners {
        let life = p.life;
        let n = years.len();
        let annuity = |payments: usize| annuity_factor(p.rate, payments);
        // Vintage bought `k` years before `start` has `life − k` payments left.
        let opening_value: f64 = (1..life)
            .map(|k| p.charge * back_cast(p, k) * annuity(life - k))
            .sum();
        // The vintage of the year `j` years before the last has `life − 1 −
        // j` payments left after the horizon; before `start`, the back-cast.
        let terminal_value: f64 = (0..life.saturating_sub(1))
            .map(|j| {
                let vintage = if j < n {
                    years[n - 1 - j].capex
                } else {
                    back_cast(p, j + 1 - n)
                };
                p.charge * vintage * annuity(life - 1 - j)
            })
            .sum();
        let net = |row: &YearRow| row.receipts - row.energy;
        // The fleet left at the end earns what the last year earned against
        // its charge (at most the charge): a terminal value at the full
        // remaining charges would assume the gap closes the day after `end`.
        let last_row = years[n - 1];
        let earning = if last_row.capital_charge > 0.0 {
            (net(&last_row) / last_row.capital_charge).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let mut flows = Vec::with_capacity(n);
        flows.push(-opening_value - years[0].capex);
        for i in 1..n {
            flows.push(net(&years[i - 1]) - years[i].capex);
        }
        Owners {
            flows,
            last: net(&last_row) + terminal_value * earning,
            opening_value,
            terminal_value: terminal_value * earning,
            terminal_earning: earning,
        }
    }
}

/// `a(n) = (1 − (1 + r)^−n) ÷ r`, `n` at `r = 0`: the present value of 1 at
/// the end of each of `n` years.
fn annuity_factor(r: f64, n: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)] // n <= 30
    let n = n as f64;
    if n == 0.0 {
        0.0
    } else {
        1.0 / crf(r, n)
    }
}

/// `Σ_i flow_i ÷ (1 + r)^i + last ÷ (1 + r)^n`, n = number of flows.
fn npv_at(flows: &[f64], last: f64, r: f64) -> f64 {
    let v = 1.0 / (1.0 + r);
    // Horner from the last flow backwards.
    flows.iter().rev().fold(last, |acc, &cf| cf + acc * v)
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

/// Why no allowed revenue growth covers the requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uncovered {
    /// The year asked about lies outside `start..=end`.
    OutsideHorizon,
    /// The requirement of this year is above the revenue ceiling: no growth
    /// reaches it.
    AboveCeiling(i32),
    /// Even the fastest allowed growth falls short in this year.
    BeyondRange(i32),
}

/// The lowest revenue growth (percent per year, within the `growth` input's
/// allowed range) at which actual revenue covers required revenue in every
/// year from `year` to `end`, all other inputs unchanged. If those years are
/// covered already at the range minimum, the minimum is returned.
///
/// Revenue rises with growth in every year (also along the logistic curve)
/// and without a cost cut the requirement does not depend on growth, so
/// "covers every year from `year`" is monotone in growth. After a cut it
/// need not be (see the grid below). The value returned always passes the
/// same arithmetic as `run`: a `high` end that covers is kept at every step.
///
/// # Errors
/// [`Uncovered`] says why no allowed growth does it.
pub fn growth_to_cover_from(inputs: &ValidInputs, year: i32) -> Result<f64, Uncovered> {
    if year < inputs.start() || year > inputs.end() {
        return Err(Uncovered::OutsideHorizon);
    }
    let spec = InputId::Growth.spec();
    let from = usize::try_from(year - inputs.start()).map_err(|_| Uncovered::OutsideHorizon)?;
    let years = inputs.horizon_len();
    let mut values = *inputs.values();
    let mut first_short = |g: f64| {
        values[InputId::Growth.index()] = g;
        first_uncovered(&Params::new(inputs.method, &values), from, years)
    };
    if first_short(spec.min).is_none() {
        return Ok(spec.min);
    }
    if let Some((i, required)) = first_short(spec.max) {
        let short = inputs.start() + year_offset(i);
        let cap = inputs.get(InputId::RevenueCap);
        return Err(
            if cap > 0.0 && required > cap.max(inputs.get(InputId::Revenue)) {
                Uncovered::AboveCeiling(short)
            } else {
                Uncovered::BeyondRange(short)
            },
        );
    }
    // After a cut, with revenue at the ceiling, more growth can move
    // replacement capex into a later year and raise its requirement: the
    // test is not monotone in every case. A grid finds the last change from
    // short to covered, and bisection refines only that one.
    const GRID: u32 = 64;
    let grid = |k: u32| spec.min + (spec.max - spec.min) * f64::from(k) / f64::from(GRID);
    let (mut low, mut high) = if inputs.get(InputId::CostCut) > 0.0 {
        // grid(0) is the minimum, which falls short.
        let low_k = (0..GRID)
            .rev()
            .find(|&k| first_short(grid(k)).is_some())
            .unwrap_or(0);
        (grid(low_k), grid(low_k + 1))
    } else {
        (spec.min, spec.max)
    };
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if mid <= low || mid >= high {
            break;
        }
        if first_short(mid).is_none() {
            high = mid;
        } else {
            low = mid;
        }
    }
    Ok(high)
}

/// Whether revenue covers the requirement in every year from `year` to the
/// end at revenue growth `growth` (%/yr).
pub(crate) fn covers_from(inputs: &ValidInputs, year: i32, growth: f64) -> bool {
    let Ok(from) = usize::try_from(year - inputs.start()) else {
        return false;
    };
    let mut values = *inputs.values();
    values[InputId::Growth.index()] = growth;
    first_uncovered(
        &Params::new(inputs.method, &values),
        from,
        inputs.horizon_len(),
    )
    .is_none()
}

/// The first year at or after `from` whose revenue falls short, with its
/// requirement.
fn first_uncovered(p: &Params, from: usize, years: usize) -> Option<(usize, f64)> {
    let mut short = None;
    for_each_year(p, years, |i, y| {
        if short.is_none() && i >= from && y.actual < y.required {
            short = Some((i, y.required));
        }
    });
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Inputs;
    use proptest::prelude::*;

    proptest! {
        /// Gap and NPV treat the fleet alike: receipts less energy exactly at
        /// the capital charge in every year (revenue at the `dcf`
        /// requirement) give an NPV of zero, whatever the horizon, life,
        /// rate and capex paths.
        #[test]
        fn revenue_at_the_capital_recovery_requirement_has_a_zero_npv(
            rate in prop_oneof![Just(0.0), 0.0..=30.0_f64],
            life in 1_u32..=30,
            history in -50.0..=200.0_f64,
            growth in -50.0..=100.0_f64,
            capex in 1.0..=5000.0_f64,
            energy in 0.0..=1000.0_f64,
            years in 0_u32..=50,
        ) {
            let inputs = Inputs::default()
                .with(InputId::Rate, rate)
                .with(InputId::Life, f64::from(life))
                .with(InputId::HistoryGrowth, history)
                .with(InputId::CapexGrowth, growth)
                .with(InputId::Capex, capex)
                .with(InputId::Energy, energy)
                .with(InputId::End, 2026.0 + f64::from(years))
                .validate()
                .unwrap();
            let p = Params::from_valid(&inputs);
            let mut rows = run(&inputs).years;
            for row in &mut rows {
                row.receipts = row.capital_charge + row.energy;
            }
            let owners = Owners::of(&p, &rows);
            let npv = npv_at(&owners.flows, owners.last, p.rate);
            let scale = owners.opening_value + rows.iter().map(|r| r.capex).sum::<f64>();
            prop_assert!(npv.abs() <= 1e-9 * scale, "{npv} of {scale}");
            prop_assert!((owners.terminal_earning - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn npv_discounts_each_flow_from_the_start_of_its_year_and_the_last_from_the_end() {
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
