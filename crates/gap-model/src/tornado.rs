//! One-at-a-time sensitivity of the gap's present value.

use crate::method::Params;
use crate::model::gap_pv;
use crate::{has_range, InputId, Ranges, ValidInputs};

/// Relative swing used for an input that has no range: ±20 % of its current
/// value, clamped to the allowed range.
pub const TORNADO_FALLBACK: f64 = 0.20;

/// One bar: the gap's present value with `input` at its low and high end,
/// every other input at its current value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoBar {
    pub input: InputId,
    pub low_value: f64,
    pub high_value: f64,
    pub pv_at_low: f64,
    pub pv_at_high: f64,
    /// `|pv_at_high − pv_at_low|`, $B.
    pub swing: f64,
}

/// Bars sorted by swing, largest first (ties in `InputId::ALL` order).
/// Left out: the horizon, inputs the current method does not use, and
/// inputs that cannot move the present value here (swing exactly 0, e.g.
/// pass-through while `cost_cut` is 0).
#[must_use]
pub fn tornado(inputs: &ValidInputs, ranges: &Ranges) -> Vec<TornadoBar> {
    let years = inputs.horizon_len();
    let mut bars: Vec<TornadoBar> = InputId::ALL
        .into_iter()
        .filter(|&id| has_range(id) && id.is_used_by(inputs.method))
        .map(|id| bar(inputs, id, range_for(inputs, ranges, id), years))
        .filter(|b| b.swing > 0.0)
        .collect();
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    bars
}

/// The range a bar uses: the given one, else ±20 % of the current value.
#[must_use]
pub fn range_for(inputs: &ValidInputs, ranges: &Ranges, id: InputId) -> (f64, f64) {
    ranges.get(id).unwrap_or_else(|| {
        let spec = id.spec();
        let v = inputs.get(id);
        let d = (v * TORNADO_FALLBACK).abs();
        (
            (v - d).clamp(spec.min, spec.max),
            (v + d).clamp(spec.min, spec.max),
        )
    })
}

fn bar(inputs: &ValidInputs, id: InputId, (low, high): (f64, f64), years: usize) -> TornadoBar {
    let pv_with = |value: f64| {
        let mut values = *inputs.values();
        values[id.index()] = value;
        gap_pv(&Params::new(inputs.method, &values), years)
    };
    let (pv_at_low, pv_at_high) = (pv_with(low), pv_with(high));
    TornadoBar {
        input: id,
        low_value: low,
        high_value: high,
        pv_at_low,
        pv_at_high,
        swing: (pv_at_high - pv_at_low).abs(),
    }
}
