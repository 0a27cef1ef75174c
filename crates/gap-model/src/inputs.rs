//! The sixteen numeric inputs: their specs (unit, default, range, provenance),
//! the unvalidated `Inputs` bag the UI edits, and the validated `ValidInputs`
//! that every model function takes.

use core::fmt;
use core::ops::Deref;

use crate::Method;

/// Longest model horizon, in years after `start` (so at most 51 model years).
/// Keeps every output finite: 4^50 × $5,000B is still far below f64::MAX.
pub const MAX_HORIZON_YEARS: i32 = 50;

/// Identifies one numeric input. The order of `ALL` is the storage order in
/// `Inputs`, the Monte Carlo draw order and the tie-break order of the tornado.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputId {
    Required,
    Capex,
    CapexGrowth,
    Revenue,
    Growth,
    Rate,
    Life,
    Margin,
    Energy,
    Tco,
    CapexShare,
    CostCut,
    PassThrough,
    Elasticity,
    Start,
    End,
}

/// How an input is shown and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    BillionUsdPerYear,
    PercentPerYear,
    Percent,
    Years,
    Multiple,
    Elasticity,
    Year,
}

/// Where an input sits in the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Spent,
    Earned,
    Finance,
    DeepSeek,
    Horizon,
}

/// Where a default comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// A figure id of the `gap-data` crate (extracted from the seed articles).
    Figure(&'static str),
    /// A named public source outside the seeds.
    Public(&'static str),
    /// Our own assumption, with the argument for it.
    Assumption(&'static str),
}

/// Everything the UI needs to render and check one input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputSpec {
    pub id: InputId,
    pub unit: Unit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub provenance: Provenance,
    /// Default Monte Carlo / tornado range (low, high), in the input's unit.
    pub uncertainty: Option<(f64, f64)>,
    /// May fold away in the UI.
    pub advanced: bool,
}

impl Unit {
    /// Short unit symbol for labels and error messages ("" when unitless).
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::BillionUsdPerYear => "$B/yr",
            Unit::PercentPerYear => "%/yr",
            Unit::Percent => "%",
            Unit::Years => "years",
            Unit::Multiple => "×",
            Unit::Elasticity | Unit::Year => "",
        }
    }
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Spent,
        Group::Earned,
        Group::Finance,
        Group::DeepSeek,
        Group::Horizon,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Group::Spent => "What is spent",
            Group::Earned => "What is earned",
            Group::Finance => "Finance",
            Group::DeepSeek => "DeepSeek effect",
            Group::Horizon => "Horizon",
        }
    }
}

impl InputId {
    pub const ALL: [InputId; 16] = [
        InputId::Required,
        InputId::Capex,
        InputId::CapexGrowth,
        InputId::Revenue,
        InputId::Growth,
        InputId::Rate,
        InputId::Life,
        InputId::Margin,
        InputId::Energy,
        InputId::Tco,
        InputId::CapexShare,
        InputId::CostCut,
        InputId::PassThrough,
        InputId::Elasticity,
        InputId::Start,
        InputId::End,
    ];

    /// Position in `ALL` and in the value array of `Inputs`.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The fixed query-string name.
    #[must_use]
    pub fn url_name(self) -> &'static str {
        match self {
            InputId::Required => "required",
            InputId::Capex => "capex",
            InputId::CapexGrowth => "capex_growth",
            InputId::Revenue => "revenue",
            InputId::Growth => "growth",
            InputId::Rate => "rate",
            InputId::Life => "life",
            InputId::Margin => "margin",
            InputId::Energy => "energy",
            InputId::Tco => "tco",
            InputId::CapexShare => "capex_share",
            InputId::CostCut => "cost_cut",
            InputId::PassThrough => "pass_through",
            InputId::Elasticity => "elasticity",
            InputId::Start => "start",
            InputId::End => "end",
        }
    }

    #[must_use]
    pub fn from_url_name(name: &str) -> Option<InputId> {
        InputId::ALL.into_iter().find(|id| id.url_name() == name)
    }

    /// Human label for a control.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            InputId::Required => "Revenue needed for ROI",
            InputId::Capex => "AI infrastructure capex",
            InputId::CapexGrowth => "Capex growth",
            InputId::Revenue => "Actual AI revenue",
            InputId::Growth => "Revenue growth",
            InputId::Rate => "Discount rate",
            InputId::Life => "Useful life",
            InputId::Margin => "End-user gross margin",
            InputId::Energy => "Energy cost",
            InputId::Tco => "Data-centre cost per GPU $",
            InputId::CapexShare => "Sustainable capex share",
            InputId::CostCut => "Cost cut",
            InputId::PassThrough => "Pass-through to prices",
            InputId::Elasticity => "Price elasticity of demand",
            InputId::Start => "First year",
            InputId::End => "Last year",
        }
    }

    #[must_use]
    pub fn spec(self) -> &'static InputSpec {
        &SPECS[self.index()]
    }

    #[must_use]
    pub fn group(self) -> Group {
        match self {
            InputId::Capex | InputId::CapexGrowth | InputId::Energy | InputId::Tco => Group::Spent,
            InputId::Revenue | InputId::Growth | InputId::Required => Group::Earned,
            InputId::Rate | InputId::Life | InputId::Margin | InputId::CapexShare => Group::Finance,
            InputId::CostCut | InputId::PassThrough | InputId::Elasticity => Group::DeepSeek,
            InputId::Start | InputId::End => Group::Horizon,
        }
    }

    /// Whether this input can change any output under `method`. The UI can grey
    /// out the others; the tornado leaves them out.
    #[must_use]
    pub fn is_used_by(self, method: Method) -> bool {
        match self {
            InputId::Required => method == Method::Direct,
            InputId::Tco => method == Method::Sequoia,
            InputId::CapexShare => method == Method::Bain,
            InputId::Life | InputId::Energy => method == Method::Dcf,
            InputId::Margin => matches!(method, Method::Sequoia | Method::Dcf),
            _ => true,
        }
    }
}

const fn spec(
    id: InputId,
    unit: Unit,
    default: f64,
    (min, max, step): (f64, f64, f64),
    provenance: Provenance,
    uncertainty: Option<(f64, f64)>,
    advanced: bool,
) -> InputSpec {
    InputSpec {
        id,
        unit,
        default,
        min,
        max,
        step,
        provenance,
        uncertainty,
        advanced,
    }
}

/// The specs, in `InputId::ALL` order. docs/MODEL.md explains every number.
static SPECS: [InputSpec; 16] = [
    spec(
        InputId::Required,
        Unit::BillionUsdPerYear,
        2000.0,
        (0.0, 20_000.0, 10.0),
        Provenance::Figure("required_revenue_roi_2026"),
        Some((1500.0, 2500.0)),
        false,
    ),
    spec(
        InputId::Capex,
        Unit::BillionUsdPerYear,
        500.0,
        (1.0, 5_000.0, 5.0),
        Provenance::Figure("ai_infra_capex_2026"),
        Some((450.0, 550.0)),
        false,
    ),
    spec(
        InputId::CapexGrowth,
        Unit::PercentPerYear,
        0.0,
        (-50.0, 100.0, 1.0),
        Provenance::Assumption(
            "flat: the article's ~$500B for 2026 (ai_infra_capex_2026) and Bain's ~$500B a year \
             by 2030 (bain_annual_capex_2030) are the same level, so the seeds imply no trend",
        ),
        Some((-10.0, 15.0)),
        false,
    ),
    spec(
        InputId::Revenue,
        Unit::BillionUsdPerYear,
        55.0,
        (0.0, 5_000.0, 1.0),
        Provenance::Figure("actual_ai_revenue_2026"),
        Some((50.0, 60.0)),
        false,
    ),
    spec(
        InputId::Growth,
        Unit::PercentPerYear,
        40.0,
        (-50.0, 300.0, 1.0),
        Provenance::Assumption(
            "OpenAI roughly tripled revenue a year (openai_revenue_2024, openai_revenue_2025_xpert, \
             openai_revenue_2025_cfo), but tripling for a decade would exceed world GDP; 40 %/yr \
             (doubling every ~2 years) is close to the best a large tech business has sustained \
             for a decade",
        ),
        Some((20.0, 60.0)),
        false,
    ),
    spec(
        InputId::Rate,
        Unit::Percent,
        10.0,
        (0.0, 30.0, 0.5),
        Provenance::Assumption(
            "a common hurdle rate for equity-financed tech investment; the range spans \
             big-tech cost of capital (~8 %) to a riskier 12 %",
        ),
        Some((8.0, 12.0)),
        false,
    ),
    spec(
        InputId::Life,
        Unit::Years,
        5.0,
        (1.0, 30.0, 1.0),
        Provenance::Assumption(
            "hyperscalers depreciate servers over 5-6 years; critics argue GPUs are obsolete \
             after about 3",
        ),
        Some((3.0, 6.0)),
        true,
    ),
    spec(
        InputId::Margin,
        Unit::Percent,
        50.0,
        (5.0, 100.0, 1.0),
        Provenance::Public(
            "Sequoia Capital, David Cahn, \"AI's $600B Question\" (June 2024): 50 % gross margin \
             for the end-user seller",
        ),
        Some((40.0, 60.0)),
        true,
    ),
    spec(
        InputId::Energy,
        Unit::BillionUsdPerYear,
        50.0,
        (0.0, 1_000.0, 5.0),
        Provenance::Figure("ai_energy_cost_2026"),
        Some((50.0, 70.0)),
        true,
    ),
    spec(
        InputId::Tco,
        Unit::Multiple,
        2.0,
        (1.0, 5.0, 0.1),
        Provenance::Public(
            "Sequoia Capital, David Cahn, \"AI's $200B Question\" (Sept 2023): GPUs are about \
             half the total cost of an AI data centre",
        ),
        Some((1.5, 2.5)),
        true,
    ),
    spec(
        InputId::CapexShare,
        Unit::Percent,
        25.0,
        (5.0, 100.0, 1.0),
        Provenance::Public(
            "Bain & Company, Technology Report 2025: $500B of annual capex needs $2T of revenue \
             (bain_annual_capex_2030 / bain_required_revenue_2030 = 25 %)",
        ),
        Some((20.0, 30.0)),
        true,
    ),
    spec(
        InputId::CostCut,
        Unit::Percent,
        0.0,
        (0.0, 99.0, 1.0),
        Provenance::Assumption(
            "0 = no DeepSeek effect; the presets offer 90 % (deepseek_chip_share), 96 % \
             (deepseek_input_price_per_mtok vs o1_input_price_per_mtok) and 98 % \
             (deepseek_r1_price_share_of_o1)",
        ),
        None,
        false,
    ),
    spec(
        InputId::PassThrough,
        Unit::Percent,
        100.0,
        (0.0, 100.0, 1.0),
        Provenance::Assumption(
            "full: DeepSeek's list prices are 2-4 % of o1's, i.e. the saving showed up in prices \
             at once; open-weight competition leaves little room to keep it",
        ),
        Some((50.0, 100.0)),
        true,
    ),
    spec(
        InputId::Elasticity,
        Unit::Elasticity,
        1.0,
        (0.0, 3.0, 0.05),
        Provenance::Assumption(
            "unit elastic, taking no side: spending on AI stays the same when prices fall; above \
             1 is the Jevons case, below 1 the inelastic enterprise-budget case",
        ),
        Some((0.5, 1.5)),
        true,
    ),
    spec(
        InputId::Start,
        Unit::Year,
        2026.0,
        (2020.0, 2050.0, 1.0),
        Provenance::Assumption("the year of the article's table (002)"),
        None,
        true,
    ),
    spec(
        InputId::End,
        Unit::Year,
        2035.0,
        (2020.0, 2100.0, 1.0),
        Provenance::Assumption("a ten-year horizon: two GPU lifetimes"),
        None,
        true,
    ),
];

/// Unvalidated inputs, in URL units: $B/yr, percent numbers (rate = 10 means
/// 10 %), years as f64. Anything may be stored; only `validate` checks.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub method: Method,
    values: [f64; 16],
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            method: Method::Direct,
            values: SPECS.map(|s| s.default),
        }
    }
}

impl Inputs {
    #[must_use]
    pub fn get(&self, id: InputId) -> f64 {
        self.values[id.index()]
    }

    /// Stores without any check; call `validate` before running the model.
    pub fn set(&mut self, id: InputId, value: f64) {
        self.values[id.index()] = value;
    }

    /// Builder form of `set`.
    #[must_use]
    pub fn with(mut self, id: InputId, value: f64) -> Inputs {
        self.set(id, value);
        self
    }

    /// All sixteen values in `InputId::ALL` order.
    #[must_use]
    pub fn values(&self) -> &[f64; 16] {
        &self.values
    }

    /// The first problem found, or the validated inputs.
    pub fn validate(&self) -> Result<ValidInputs, InputError> {
        match self.errors().into_iter().next() {
            Some(err) => Err(err),
            None => Ok(ValidInputs(self.clone())),
        }
    }

    /// Every problem, in `InputId::ALL` order (for marking several controls).
    #[must_use]
    pub fn errors(&self) -> Vec<InputError> {
        let mut errors: Vec<InputError> = InputId::ALL
            .into_iter()
            .filter_map(|id| check_one(id, self.get(id)).err())
            .collect();
        if errors.is_empty() {
            errors.extend(check_horizon(self.get(InputId::Start), self.get(InputId::End)).err());
        }
        errors
    }

    /// Never fails: non-finite values fall back to the default, the rest are
    /// clamped to their spec, and `end` is pulled into `start..=start + 50`.
    /// Meant for inputs read from a URL.
    #[must_use]
    pub fn clamped(&self) -> ValidInputs {
        let mut out = self.clone();
        for id in InputId::ALL {
            let value = clamp_to_spec(id, self.get(id)).unwrap_or(id.spec().default);
            out.set(id, value);
        }
        let start = out.get(InputId::Start);
        let end = out
            .get(InputId::End)
            .clamp(start, start + f64::from(MAX_HORIZON_YEARS));
        out.set(InputId::End, end);
        ValidInputs(out)
    }
}

fn check_one(id: InputId, value: f64) -> Result<(), InputError> {
    let spec = id.spec();
    let fail = |reason| {
        Err(InputError {
            input: id,
            value,
            reason,
        })
    };
    if !value.is_finite() {
        return fail(InputErrorReason::NotFinite);
    }
    if value < spec.min || value > spec.max {
        return fail(InputErrorReason::OutOfRange {
            min: spec.min,
            max: spec.max,
        });
    }
    if spec.unit == Unit::Year && value.fract() != 0.0 {
        return fail(InputErrorReason::NotAWholeYear);
    }
    Ok(())
}

fn check_horizon(start: f64, end: f64) -> Result<(), InputError> {
    let fail = |reason| {
        Err(InputError {
            input: InputId::End,
            value: end,
            reason,
        })
    };
    if end < start {
        return fail(InputErrorReason::EndBeforeStart);
    }
    let last = start + f64::from(MAX_HORIZON_YEARS);
    if end > last {
        return fail(InputErrorReason::OutOfRange {
            min: start,
            max: last,
        });
    }
    Ok(())
}

/// `None` for a non-finite value; otherwise the value clamped to the spec's
/// range (and rounded to a whole year for `start`/`end`). For URL fallback.
/// It does not enforce `start <= end`; `Inputs::clamped` does.
#[must_use]
pub fn clamp_to_spec(id: InputId, value: f64) -> Option<f64> {
    if !value.is_finite() {
        return None;
    }
    let spec = id.spec();
    let value = if spec.unit == Unit::Year {
        value.round()
    } else {
        value
    };
    Some(value.clamp(spec.min, spec.max))
}

/// Inputs that passed `Inputs::validate` (or were clamped): every model
/// function takes this, so none of them has to handle bad input.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidInputs(Inputs);

impl ValidInputs {
    #[must_use]
    pub fn inputs(&self) -> &Inputs {
        &self.0
    }

    #[must_use]
    pub fn into_inner(self) -> Inputs {
        self.0
    }

    #[must_use]
    pub fn start(&self) -> i32 {
        year(self.0.get(InputId::Start))
    }

    #[must_use]
    pub fn end(&self) -> i32 {
        year(self.0.get(InputId::End))
    }

    /// Number of model years, `end - start + 1` (1..=51).
    #[must_use]
    pub fn horizon_len(&self) -> usize {
        usize::try_from(self.end() - self.start() + 1).unwrap_or(1)
    }
}

impl Default for ValidInputs {
    /// The defaults are valid (tested).
    fn default() -> Self {
        ValidInputs(Inputs::default())
    }
}

impl Deref for ValidInputs {
    type Target = Inputs;
    fn deref(&self) -> &Inputs {
        &self.0
    }
}

#[allow(clippy::cast_possible_truncation)] // whole years within 2020..=2100
fn year(value: f64) -> i32 {
    value as i32
}

/// Why an input was rejected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InputErrorReason {
    NotFinite,
    OutOfRange { min: f64, max: f64 },
    EndBeforeStart,
    NotAWholeYear,
}

/// A rejected input: which one, its value, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputError {
    pub input: InputId,
    pub value: f64,
    pub reason: InputErrorReason,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.input.url_name();
        let spec = self.input.spec();
        let allowed = |f: &mut fmt::Formatter<'_>, min: f64, max: f64| {
            write!(f, "; allowed {min}–{max}")?;
            match spec.unit.symbol() {
                "" => Ok(()),
                unit => write!(f, " {unit}"),
            }
        };
        write!(f, "{name} = {}", self.value)?;
        match self.reason {
            InputErrorReason::NotFinite => {
                f.write_str(" is not a finite number")?;
                allowed(f, spec.min, spec.max)
            }
            InputErrorReason::OutOfRange { min, max } => {
                f.write_str(" is out of range")?;
                allowed(f, min, max)
            }
            InputErrorReason::NotAWholeYear => {
                f.write_str(" is not a whole year")?;
                allowed(f, spec.min, spec.max)
            }
            InputErrorReason::EndBeforeStart => {
                f.write_str(" is before start; the last model year must not precede the first")
            }
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_are_in_all_order_and_defaults_valid() {
        for (i, id) in InputId::ALL.into_iter().enumerate() {
            let s = id.spec();
            assert_eq!(s.id, id);
            assert_eq!(id.index(), i);
            assert!(s.min <= s.default && s.default <= s.max, "{id:?}");
            assert!(s.step > 0.0, "{id:?}");
            if let Some((lo, hi)) = s.uncertainty {
                assert!(s.min <= lo && lo <= hi && hi <= s.max, "{id:?}");
            }
            assert_eq!(InputId::from_url_name(id.url_name()), Some(id));
        }
        assert!(Inputs::default().validate().is_ok());
        assert_eq!(
            ValidInputs::default(),
            Inputs::default().validate().unwrap()
        );
        assert_eq!(InputId::from_url_name("nope"), None);
    }

    #[test]
    fn clamped_repairs_everything() {
        let mut bad = Inputs::default();
        bad.set(InputId::Rate, f64::NAN);
        bad.set(InputId::Capex, -3.0);
        bad.set(InputId::Start, 2030.4);
        bad.set(InputId::End, 3000.0);
        let fixed = bad.clamped();
        assert_eq!(fixed.get(InputId::Rate), 10.0);
        assert_eq!(fixed.get(InputId::Capex), 1.0);
        assert_eq!(fixed.start(), 2030);
        assert_eq!(fixed.end(), 2080);
        assert!(fixed.inputs().validate().is_ok());
    }
}
