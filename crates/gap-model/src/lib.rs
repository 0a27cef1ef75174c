//! The economic model behind the AI Gap Explorer.
//!
//! How much revenue does a year of AI infrastructure capex require, how much
//! is actually earned, and how does the gap evolve? Pure Rust with no web
//! dependencies, so it runs natively (tests, benchmarks) and in WebAssembly.
//! All money is in billions of US dollars per year; percentages are percent
//! numbers (`rate = 10.0` means 10 %). Every formula is written out in
//! `docs/MODEL.md`.
//!
//! ```
//! use gap_model::{run, InputId, Inputs};
//!
//! let inputs = Inputs::default().with(InputId::Growth, 60.0).validate()?;
//! let outcome = run(&inputs);
//! // Capital recovery at the defaults: $774B needed against $55B earned.
//! assert_eq!(outcome.base_gap.round(), 719.0);
//! assert_eq!(outcome.breakeven_year, None);
//! assert!(outcome.npv < 0.0 && outcome.coverage < 1.0);
//! # Ok::<(), gap_model::InputError>(())
//! ```

mod derivation;
mod export;
mod inputs;
mod method;
mod model;
pub mod model1;
mod monte_carlo;
mod presets;
mod published;
mod tornado;
mod uncertainty;

pub use derivation::{
    derive, explain, growth_needed, Change, Derivation, Explanation, Metric, Op, Quantity,
    Question, Step, Table, Token,
};
pub use export::{outcome_csv, row_values, with_preamble, OUTCOME_CSV_HEADER};
pub use inputs::{
    clamp_to_spec, Group, InputError, InputErrorReason, InputId, InputSpec, Inputs, Provenance,
    ProvenanceKind, Spread, Unit, ValidInputs, DIRECT_REFERENCE_CAPEX, INPUT_COUNT,
    MAX_HORIZON_YEARS,
};
pub use method::{crf, required_by_method, Costs, Method};
pub use model::{growth_to_cover_from, run, Irr, Outcome, Uncovered, YearRow};
pub use monte_carlo::{
    monte_carlo, scenarios, MonteCarlo, Ranges, Sensitivity, DEFAULT_DRAWS, DEFAULT_SEED,
    MAX_DRAWS, SENSITIVITY_MIN_DRAWS,
};
pub use presets::{presets, Expected, Preset};
pub use published::{published_cases, self_check, CaseCheck, PublishedCase};
pub use tornado::{range_for, tornado, TornadoBar, TORNADO_FALLBACK};
pub use uncertainty::{
    copula_pearson, has_range, normal_cdf, normal_quantile, spread_limits, Distribution,
    RangeSetting, Uncertainty, DEFAULT_CORRELATION, DRAWS_LIMITS,
};
