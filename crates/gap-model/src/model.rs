//! The deterministic time path, its summary, and the growth solver.

use crate::method::Params;
use crate::{InputId, ValidInputs};

/// One model year. Money in $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    pub capex: f64,
    pub energy: f64,
    pub required: f64,
    pub actual: f64,
    /// `required − actual`; negative once revenue is ahead.
    pub gap: f64,
    /// `gap / (1 + rate)^(year − start)`: the start year is undiscounted.
    pub discounted_gap: f64,
    pub cumulative_gap: f64,
    pub cumulative_discounted_gap: f64,
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
}

/// One year of the path before bookkeeping.
#[derive(Clone, Copy, Debug)]
pub(crate) struct YearValues {
    pub capex: f64,
    pub energy: f64,
    pub required: f64,
    pub actual: f64,
    pub discount: f64,
}

/// The single implementation of the time path, shared by `run`, the Monte
/// Carlo loop, the tornado and the solver so that they cannot disagree.
/// Powers are built by repeated multiplication: no allocation, no `powf`.
#[inline]
pub(crate) fn for_each_year(p: &Params, years: usize, mut f: impl FnMut(usize, YearValues)) {
    let mut capex_growth = 1.0;
    let mut revenue_growth = 1.0;
    let mut compound = 1.0;
    for i in 0..years {
        // The DeepSeek cut acts from the year after `start`.
        let (cost, rev) = if i == 0 {
            (1.0, 1.0)
        } else {
            (p.cost_factor, p.revenue_factor)
        };
        let capex = p.capex * capex_growth * cost;
        let energy = p.energy * capex_growth * cost;
        f(
            i,
            YearValues {
                capex,
                energy,
                required: p.required_at(p.method, capex, energy),
                actual: p.revenue * revenue_growth * rev,
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
            capex: y.capex,
            energy: y.energy,
            required: y.required,
            actual: y.actual,
            gap,
            discounted_gap,
            cumulative_gap: cumulative,
            cumulative_discounted_gap: cumulative_pv,
        });
    });
    summarize(years, cumulative_pv)
}

fn summarize(years: Vec<YearRow>, gap_pv: f64) -> Outcome {
    let base = years[0];
    let breakeven_year = years
        .iter()
        .find(|r| r.actual >= r.required)
        .map(|r| r.year);
    Outcome {
        base_required: base.required,
        base_actual: base.actual,
        base_gap: base.gap,
        gap_pv,
        breakeven_year,
        years,
    }
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
/// Closed form per year t (k = t − start ≥ 1), since required revenue does
/// not depend on growth: `g_t = (required_t / (revenue × f_t))^(1/k) − 1`,
/// where `f_t` is the DeepSeek revenue factor. The answer is the smallest
/// `g_t`, nudged up by rounding until `run` agrees.
#[must_use]
pub fn growth_to_close_by(inputs: &ValidInputs, year: i32) -> Option<f64> {
    if year < inputs.start() || year > inputs.end() {
        return None;
    }
    let spec = InputId::Growth.spec();
    let years = usize::try_from(year - inputs.start()).ok()? + 1;
    let needed = lowest_closing_growth(&Params::from_valid(inputs), years)?;
    let mut values = *inputs.values();
    let mut g = (needed * 100.0).max(spec.min);
    // The root and the repeated multiplication round differently, and so
    // does percent ↔ fraction; step up a few ulps until `run` agrees.
    for _ in 0..64 {
        if g > spec.max {
            return None;
        }
        values[InputId::Growth.index()] = g;
        if closes_within(&Params::new(inputs.method, &values), years) {
            return Some(g);
        }
        g = (g + g.abs() * 1e-14).max(g + 1e-13);
    }
    None
}

/// Smallest growth (fraction) closing the gap in one of the first `years`
/// years, ignoring the allowed range; `NEG_INFINITY` if any growth does,
/// `None` if none does.
fn lowest_closing_growth(p: &Params, years: usize) -> Option<f64> {
    let mut best: Option<f64> = None;
    for_each_year(&Params { growth: 0.0, ..*p }, years, |i, y| {
        // Year 0 does not depend on growth; later years need (R/A)^(1/i) − 1.
        let g = if i == 0 {
            (y.actual >= y.required).then_some(f64::NEG_INFINITY)
        } else if y.required <= 0.0 {
            Some(f64::NEG_INFINITY)
        } else if y.actual <= 0.0 {
            None
        } else {
            Some((y.required / y.actual).powf(1.0 / i as f64) - 1.0)
        };
        if let Some(g) = g {
            best = Some(best.map_or(g, |b: f64| b.min(g)));
        }
    });
    best
}

fn closes_within(p: &Params, years: usize) -> bool {
    let mut closed = false;
    for_each_year(p, years, |_, y| closed |= y.actual >= y.required);
    closed
}
