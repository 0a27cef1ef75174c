//! Links made with model 1 (before the revision in docs/MODEL.md, "Changes
//! from model 1"), translated so that they show the numbers they showed.
//!
//! Model 1 divided by the margin where later models divide by `1 − margin`,
//! read `required` as the base year's requirement whatever the capex,
//! applied Sequoia's ×2 to all of capex, charged capital as if every vintage
//! in service were the size of this year's, and let revenue grow without a
//! ceiling. The translation picks model-3 values that reproduce the link's
//! method's first year exactly: the margin flipped, `required` rescaled to
//! the reference capex, a GPU share of 100 %, a flat capex history and no
//! revenue ceiling; the first three under every method, so that the other
//! methods' bars of the methods chart stay too. Under `direct`, `sequoia` and
//! `bain` the whole path is then unchanged; under `dcf` it is while capex is
//! flat and uncut (model 1's ordinary annuity on a flat stock is model 3's
//! charge). Present values differ by the timing: model 3 counts revenue and
//! the requirement at the end of their year, model 1 at the start.

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
    /// Inputs the revised model cannot take as the link meant them (outside
    /// its range, or a fractional life) and that the link's method reads:
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
/// except for the margin, and model 1 took a fractional life); `None` for a
/// non-finite value.
#[must_use]
pub fn clamp_model_1(id: InputId, value: f64) -> Option<f64> {
    let (min, max) = allowed(id);
    match id {
        InputId::Margin | InputId::Life => value.is_finite().then(|| value.clamp(min, max) + 0.0),
        _ => crate::clamp_to_spec(id, value),
    }
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
        let used = if spec.whole { to.round() } else { to }.clamp(spec.min, spec.max);
        if used != to && id.is_used_by(method) {
            clamped.push(id);
        }
        inputs.set(id, used);
        changes.push(Change {
            input: id,
            from,
            to: used,
        });
    };
    let life = inputs.get(InputId::Life);
    if life.fract() != 0.0 {
        set(&mut inputs, InputId::Life, Some(life), life);
    }
    // Model 1 charged L × CRF × C under `dcf`, the ordinary annuity on a
    // flat stock of L vintages: model 3's charge for a flat history. Only
    // the margin flips.
    let margin = inputs.get(InputId::Margin) / 100.0;
    let kept = margin;
    set(
        &mut inputs,
        InputId::Margin,
        Some(100.0 * margin),
        100.0 * (1.0 - kept),
    );
    let required = inputs.get(InputId::Required);
    let capex = inputs.get(InputId::Capex);
    if capex != DIRECT_REFERENCE_CAPEX {
        set(
            &mut inputs,
            InputId::Required,
            Some(required),
            required * DIRECT_REFERENCE_CAPEX / capex,
        );
    }
    set(&mut inputs, InputId::GpuShare, None, 100.0);
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
    fn the_margin_is_flipped_under_every_method() {
        let sequoia = translate(Method::Sequoia, &[(InputId::Margin, 60.0)]);
        assert!((sequoia.inputs.get(InputId::Margin) - 40.0).abs() < 1e-12);
        let direct = translate(Method::Direct, &[(InputId::Margin, 60.0)]);
        assert!((direct.inputs.get(InputId::Margin) - 40.0).abs() < 1e-12);
        let extreme = translate(Method::Sequoia, &[(InputId::Margin, 100.0)]);
        assert_eq!(extreme.inputs.get(InputId::Margin), 0.0);
        assert!(extreme.clamped.is_empty());
        // dcf at the model-1 defaults: the charge 659.49 is model 3's too.
        let dcf = translate(Method::Dcf, &[]);
        assert_eq!(dcf.inputs.get(InputId::Margin), 50.0);
    }

    #[test]
    fn a_fractional_life_is_rounded_and_said_to_differ_under_dcf() {
        let dcf = translate(Method::Dcf, &[(InputId::Life, 4.5)]);
        assert_eq!(dcf.inputs.get(InputId::Life), 5.0);
        assert_eq!(dcf.clamped, [InputId::Life]);
        let direct = translate(Method::Direct, &[(InputId::Life, 4.5)]);
        assert!(direct.clamped.is_empty(), "direct does not read the life");
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
        let other = translate(
            Method::Sequoia,
            &[(InputId::Required, 20_000.0), (InputId::Capex, 1.0)],
        );
        assert!(other.clamped.is_empty(), "sequoia does not read `required`");
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
