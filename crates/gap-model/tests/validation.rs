//! Bad input is rejected with a typed error, never a panic.

use gap_model::{clamp_to_spec, InputError, InputErrorReason, InputId, Inputs, MAX_HORIZON_YEARS};

fn error_for(id: InputId, value: f64) -> InputError {
    Inputs::default()
        .with(id, value)
        .validate()
        .expect_err("must be rejected")
}

#[test]
fn non_finite_values_are_rejected_for_every_input() {
    for id in InputId::ALL {
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let err = error_for(id, value);
            assert_eq!(err.input, id);
            assert_eq!(err.reason, InputErrorReason::NotFinite, "{id:?} {value}");
            assert!(err.value.is_nan() == value.is_nan());
        }
    }
}

#[test]
fn out_of_range_values_are_rejected_for_every_input() {
    for id in InputId::ALL {
        let spec = id.spec();
        for value in [spec.min - 1.0, spec.max + 1.0] {
            let err = error_for(id, value);
            assert_eq!(err.input, id, "{id:?} {value}");
            // Moving one year out of range may also trip the horizon check,
            // but the per-input range check comes first.
            assert_eq!(
                err.reason,
                InputErrorReason::OutOfRange {
                    min: spec.min,
                    max: spec.max
                },
                "{id:?} {value}"
            );
        }
        for edge in [spec.min, spec.max] {
            let errors = Inputs::default().with(id, edge).errors();
            let spec_range = InputErrorReason::OutOfRange {
                min: spec.min,
                max: spec.max,
            };
            assert!(
                errors.iter().all(|e| e.reason != spec_range),
                "{id:?} {edge}"
            );
        }
    }
}

#[test]
fn messages_name_the_input_the_reason_and_the_range() {
    assert_eq!(
        error_for(InputId::Rate, f64::NAN).to_string(),
        "rate = NaN is not a finite number; allowed 0–30 %"
    );
    assert_eq!(
        error_for(InputId::Capex, -5.0).to_string(),
        "capex = -5 is out of range; allowed 1–5000 $B/yr"
    );
    assert_eq!(
        error_for(InputId::Elasticity, f64::INFINITY).to_string(),
        "elasticity = inf is not a finite number; allowed 0–3"
    );
    assert_eq!(
        error_for(InputId::Start, 2026.5).to_string(),
        "start = 2026.5 is not a whole number; allowed 2020–2050"
    );
}

#[test]
fn end_before_start_is_rejected() {
    let err = Inputs::default()
        .with(InputId::Start, 2030.0)
        .with(InputId::End, 2029.0)
        .validate()
        .unwrap_err();
    assert_eq!(err.input, InputId::End);
    assert_eq!(err.value, 2029.0);
    assert_eq!(err.reason, InputErrorReason::EndBeforeStart);
    assert!(err.to_string().starts_with("end = 2029 is before start"));
    // A single model year is fine.
    let one = Inputs::default()
        .with(InputId::End, 2026.0)
        .validate()
        .unwrap();
    assert_eq!(one.horizon_len(), 1);
}

#[test]
fn too_long_a_horizon_is_rejected() {
    let longest = 2026.0 + f64::from(MAX_HORIZON_YEARS);
    assert!(Inputs::default()
        .with(InputId::End, longest)
        .validate()
        .is_ok());
    let err = error_for(InputId::End, longest + 1.0);
    assert_eq!(err.input, InputId::End);
    assert_eq!(
        err.reason,
        InputErrorReason::OutOfRange {
            min: 2026.0,
            max: longest
        }
    );
    assert_eq!(
        err.to_string(),
        "end = 2077 is out of range; allowed 2026–2076"
    );
}

#[test]
fn fractional_years_and_lives_are_rejected() {
    assert_eq!(
        error_for(InputId::End, 2030.25).reason,
        InputErrorReason::NotAWholeNumber
    );
    // The vintage stock counts whole years of service.
    assert_eq!(
        error_for(InputId::Life, 4.5).reason,
        InputErrorReason::NotAWholeNumber
    );
    assert_eq!(clamp_to_spec(InputId::Life, 4.5), Some(5.0));
}

#[test]
fn errors_lists_every_bad_input() {
    let bad = Inputs::default()
        .with(InputId::Rate, f64::NAN)
        .with(InputId::Margin, 100.0)
        .with(InputId::CostCut, 100.0);
    let inputs: Vec<InputId> = bad.errors().iter().map(|e| e.input).collect();
    assert_eq!(inputs, [InputId::Rate, InputId::Margin, InputId::CostCut]);
    // The error is a std error (usable with `?` into Box<dyn Error>).
    let boxed: Box<dyn std::error::Error> = Box::new(bad.validate().unwrap_err());
    assert!(boxed.to_string().starts_with("rate = NaN"));
}

#[test]
fn divisions_are_guarded_by_the_ranges() {
    // Every denominator of the model is kept away from zero by its range.
    assert!(InputId::Capex.spec().min > 0.0);
    assert!(InputId::Margin.spec().max < 100.0, "1 − margin > 0");
    assert!(InputId::CapexShare.spec().min > 0.0);
    assert!(InputId::Life.spec().min > 0.0);
    assert!(
        InputId::CostCut.spec().max < 100.0,
        "1 − cost_cut × pass_through > 0"
    );
    assert!(InputId::Growth.spec().min > -100.0);
    assert!(InputId::CapexGrowth.spec().min > -100.0);
}

#[test]
fn clamp_to_spec_is_the_url_fallback() {
    assert_eq!(clamp_to_spec(InputId::Rate, f64::NAN), None);
    assert_eq!(clamp_to_spec(InputId::Rate, f64::INFINITY), None);
    assert_eq!(clamp_to_spec(InputId::Rate, 45.0), Some(30.0));
    assert_eq!(clamp_to_spec(InputId::Rate, -1.0), Some(0.0));
    assert_eq!(clamp_to_spec(InputId::Rate, 7.25), Some(7.25));
    assert_eq!(clamp_to_spec(InputId::Start, 2027.6), Some(2028.0));
    assert_eq!(clamp_to_spec(InputId::End, 1999.0), Some(2020.0));
    let zero = clamp_to_spec(InputId::Revenue, -0.0).unwrap();
    assert!(zero == 0.0 && zero.is_sign_positive(), "-0 becomes 0");
}
