//! Links made with model 1 (before the revision in docs/MODEL.md, "Changes
//! from model 1"), translated so that they show the numbers they showed.
//!
//! Model 1 divided by the margin where model 2 divides by `1 − margin`, read
//! `required` as the base year's requirement whatever the capex, applied
//! Sequoia's ×2 to all of capex, charged capital as if every vintage in
//! service were the size of this year's, and let revenue grow without a
//! ceiling. The translation picks model-2 values that reproduce model 1's
//! first year exactly: the margin flipped where a formula used it,
//! `required` rescaled to the reference capex, a GPU share of 100 % for
//! `sequoia`, a flat capex history and no revenue ceiling. Under `direct`,
//! `sequoia` and `bain` the whole path is then unchanged; under `dcf` it is
//! unchanged while capex is flat and uncut.

use crate::inputs::DIRECT_REFERENCE_CAPEX;
use crate::{InputId, Inputs, Method};

/// Model 1's defaults where they differ from model 2's.
const MODEL_1_DEFAULTS: [(InputId, f64); 2] =
    [(InputId::CapexGrowth, 0.0), (InputId::Energy, 50.0)];

/// Model 1's allowed margin (it divided by it, so it started above 0).
const MODEL_1_MARGIN: (f64, f64) = (5.0, 100.0);

/// The inputs that model 1 did not have: a link that sets one of them was
/// written by model 2.
pub const MODEL_2_ONLY: [InputId; 3] = [
    InputId::HistoryGrowth,
    InputId::RevenueCap,
    InputId::GpuShare,
];

/// One value the translation set: `from` is what the link said (`None` when
/// it said nothing and the value was implied), `to` what model 2 uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub input: InputId,
    pub from: Option<f64>,
    pub to: f64,
}

/// A model-1 link's state in model 2.
#[derive(Clone, Debug, PartialEq)]
pub struct Translation {
    pub inputs: Inputs,
    pub changes: Vec<Change>,
    /// Inputs whose translated value had to be clamped to model 2's range:
    /// for these the numbers differ from what model 1 showed.
    pub clamped: Vec<InputId>,
}

/// Model 1's allowed range of an input.
#[must_use]
pub fn allowed(id: InputId) -> (f64, f64) {
    if id == InputId::Margin {
        MODEL_1_MARGIN
    } else {
        (id.spec().min, id.spec().max)
    }
}

/// Clamps a model-1 value to model 1's allowed range (the same as model 2's
/// except for the margin); `None` for a non-finite value.
#[must_use]
pub fn clamp_model_1(id: InputId, value: f64) -> Option<f64> {
    if id == InputId::Margin {
        return value
            .is_finite()
            .then(|| value.clamp(MODEL_1_MARGIN.0, MODEL_1_MARGIN.1));
    }
    crate::clamp_to_spec(id, value)
}

/// Translates a model-1 link: `given` holds the numbers it set (already
/// clamped with `clamp_model_1`), everything else takes model 1's defaults.
#[must_use]
pub fn translate(method: Method, given: &[(InputId, f64)]) -> Translation {
    let mut inputs = Inputs::default();
    inputs.method = method;
    let mut changes = Vec::new();
    let stated = |id: InputId| given.iter().rev().find(|(g, _)| *g == id).map(|&(_, v)| v);
    for (id, value) in MODEL_1_DEFAULTS {
        if stated(id).is_none() && id.spec().default != value {
            changes.push(Change {
                input: id,
                from: None,
                to: value,
            });
        }
        inputs.set(id, value);
    }
    for &(id, value) in given {
        inputs.set(id, value);
    }
    let mut clamped = Vec::new();
    let mut set = |inputs: &mut Inputs, id: InputId, from: Option<f64>, to: f64| {
        let spec = id.spec();
        let used = to.clamp(spec.min, spec.max);
        if used != to {
            clamped.push(id);
        }
        inputs.set(id, used);
        changes.push(Change {
            input: id,
            from,
            to: used,
        });
    };
    if matches!(method, Method::Sequoia | Method::Dcf) {
        let margin = inputs.get(InputId::Margin);
        set(&mut inputs, InputId::Margin, Some(margin), 100.0 - margin);
    } else {
        let margin = inputs.get(InputId::Margin);
        let spec = InputId::Margin.spec();
        if margin > spec.max {
            set(&mut inputs, InputId::Margin, Some(margin), spec.max);
        }
    }
    let required = inputs.get(InputId::Required);
    let capex = inputs.get(InputId::Capex);
    if method == Method::Direct && capex != DIRECT_REFERENCE_CAPEX {
        set(
            &mut inputs,
            InputId::Required,
            Some(required),
            required * DIRECT_REFERENCE_CAPEX / capex,
        );
    }
    if method == Method::Sequoia {
        set(&mut inputs, InputId::GpuShare, None, 100.0);
    }
    set(&mut inputs, InputId::HistoryGrowth, None, 0.0);
    set(&mut inputs, InputId::RevenueCap, None, 0.0);
    Translation {
        inputs,
        changes,
        clamped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_flips_only_where_a_formula_used_it() {
        let dcf = translate(Method::Dcf, &[(InputId::Margin, 60.0)]);
        assert_eq!(dcf.inputs.get(InputId::Margin), 40.0);
        let direct = translate(Method::Direct, &[(InputId::Margin, 60.0)]);
        assert_eq!(direct.inputs.get(InputId::Margin), 60.0);
        let extreme = translate(Method::Sequoia, &[(InputId::Margin, 100.0)]);
        assert_eq!(extreme.inputs.get(InputId::Margin), 0.0);
        assert!(extreme.clamped.is_empty());
    }

    #[test]
    fn required_is_rescaled_to_the_reference_capex() {
        let t = translate(
            Method::Direct,
            &[(InputId::Required, 3000.0), (InputId::Capex, 750.0)],
        );
        assert_eq!(t.inputs.get(InputId::Required), 2000.0);
        let beyond = translate(
            Method::Direct,
            &[(InputId::Required, 20_000.0), (InputId::Capex, 1.0)],
        );
        assert_eq!(beyond.inputs.get(InputId::Required), 20_000.0);
        assert_eq!(beyond.clamped, [InputId::Required]);
    }

    #[test]
    fn omitted_inputs_take_model_1_defaults() {
        let t = translate(Method::Direct, &[]);
        assert_eq!(t.inputs.get(InputId::CapexGrowth), 0.0);
        assert_eq!(t.inputs.get(InputId::Energy), 50.0);
        assert_eq!(t.inputs.get(InputId::RevenueCap), 0.0);
        assert_eq!(t.inputs.get(InputId::HistoryGrowth), 0.0);
        assert!(t.inputs.validate().is_ok());
    }
}
