//! The numeric inputs: their specs (unit, default, range, provenance,
//! uncertainty), the unvalidated `Inputs` bag the UI edits, and the validated
//! `ValidInputs` that every model function takes.

use core::fmt;
use core::ops::Deref;

use crate::Method;

/// Longest model horizon, in years after `start` (so at most 51 model years).
/// Keeps every output finite: 4^50 × $5,000B is still far below f64::MAX.
pub const MAX_HORIZON_YEARS: i32 = 50;

/// How many numeric inputs there are (the length of `InputId::ALL`).
pub const INPUT_COUNT: usize = 19;

/// Identifies one numeric input. The order of `ALL` is the storage order in
/// `Inputs`, the Monte Carlo draw order and the tie-break order of the tornado.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputId {
    Required,
    Capex,
    CapexGrowth,
    HistoryGrowth,
    Revenue,
    Growth,
    RevenueCap,
    Rate,
    Life,
    Margin,
    Energy,
    GpuShare,
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

impl Group {
    /// The group's `data-group` name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Group::Spent => "spent",
            Group::Earned => "earned",
            Group::Finance => "finance",
            Group::DeepSeek => "deepseek",
            Group::Horizon => "horizon",
        }
    }
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

impl Provenance {
    /// The kind of mark the default carries.
    #[must_use]
    pub fn kind(self) -> ProvenanceKind {
        match self {
            Provenance::Figure(_) => ProvenanceKind::Fact,
            Provenance::Public(_) => ProvenanceKind::Public,
            Provenance::Assumption(_) => ProvenanceKind::Assumption,
        }
    }
}

/// What a number on screen rests on, as its mark shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProvenanceKind {
    /// Quoted from one of the articles.
    Fact,
    /// From a named public source outside the articles.
    Public,
    /// Our own choice, argued in the spec.
    Assumption,
    /// The reader moved the input away from its default.
    Yours,
}

impl ProvenanceKind {
    /// The public `data-provenance` value.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ProvenanceKind::Fact => "fact",
            ProvenanceKind::Public => "public",
            ProvenanceKind::Assumption => "assumption",
            ProvenanceKind::Yours => "yours",
        }
    }

    /// The mark of an input at `value`: its default's kind while it holds
    /// the default, the reader's once it does not.
    #[must_use]
    pub fn of_input(id: InputId, value: f64) -> ProvenanceKind {
        let spec = id.spec();
        // Bit-equal on purpose: the default is a literal, and a typed
        // "2000" or a slider step lands on exactly it.
        if value == spec.default {
            spec.provenance.kind()
        } else {
            ProvenanceKind::Yours
        }
    }
}

/// The default Monte Carlo and tornado range of an input, around its
/// *current* value: `(below, above)` with `below <= 0 <= above`. For amounts
/// (`$B/yr` and `×`) the two are percentages of the current value; for every
/// other unit they are points of the input's own unit. `Spread::range`
/// applies the rule and clamps to the allowed range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub below: f64,
    pub above: f64,
}

impl Spread {
    /// Whether this unit's spreads are percentages of the value.
    #[must_use]
    pub fn is_relative(unit: Unit) -> bool {
        matches!(unit, Unit::BillionUsdPerYear | Unit::Multiple)
    }

    /// The absolute (low, high) range around `value` for input `id`.
    #[must_use]
    pub fn range(self, id: InputId, value: f64) -> (f64, f64) {
        let spec = id.spec();
        let (low, high) = if Spread::is_relative(spec.unit) {
            (
                value + value * self.below / 100.0,
                value + value * self.above / 100.0,
            )
        } else {
            (value + self.below, value + self.above)
        };
        (
            low.min(high).clamp(spec.min, spec.max),
            high.max(low).clamp(spec.min, spec.max),
        )
    }
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
    /// Default Monte Carlo / tornado spread around the current value.
    pub uncertainty: Option<Spread>,
    /// May fold away in the UI.
    pub advanced: bool,
    /// Only whole numbers are valid (years, and the useful life: the vintage
    /// stock counts whole years).
    pub whole: bool,
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
}

impl InputId {
    pub const ALL: [InputId; INPUT_COUNT] = [
        InputId::Required,
        InputId::Capex,
        InputId::CapexGrowth,
        InputId::HistoryGrowth,
        InputId::Revenue,
        InputId::Growth,
        InputId::RevenueCap,
        InputId::Rate,
        InputId::Life,
        InputId::Margin,
        InputId::Energy,
        InputId::GpuShare,
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
            InputId::HistoryGrowth => "history_growth",
            InputId::Revenue => "revenue",
            InputId::Growth => "growth",
            InputId::RevenueCap => "revenue_cap",
            InputId::Rate => "rate",
            InputId::Life => "life",
            InputId::Margin => "margin",
            InputId::Energy => "energy",
            InputId::GpuShare => "gpu_share",
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

    #[must_use]
    pub fn spec(self) -> &'static InputSpec {
        &SPECS[self.index()]
    }

    #[must_use]
    pub fn group(self) -> Group {
        match self {
            InputId::Capex
            | InputId::CapexGrowth
            | InputId::HistoryGrowth
            | InputId::Energy
            | InputId::GpuShare
            | InputId::Tco => Group::Spent,
            InputId::Revenue | InputId::Growth | InputId::RevenueCap | InputId::Required => {
                Group::Earned
            }
            InputId::Rate | InputId::Life | InputId::Margin | InputId::CapexShare => Group::Finance,
            InputId::CostCut | InputId::PassThrough | InputId::Elasticity => Group::DeepSeek,
            InputId::Start | InputId::End => Group::Horizon,
        }
    }

    /// Figures of the articles that disagree about what this input's
    /// default (a public source or our assumption) rests on: its source
    /// fold sets their quotes side by side under the argument for the
    /// default (docs/MODEL.md, "Conflicts in the sources"). An input whose
    /// default is a figure shows that figure's own `conflicts_with`.
    #[must_use]
    pub fn contested_by(self) -> &'static [&'static str] {
        match self {
            // The table's ">$50B" against the consumption path the default uses.
            InputId::Energy => &["ai_energy_cost_2026", "ai_datacenter_electricity_2030"],
            // OpenAI's 2025 revenue: about $13B (003) or over $20B (001).
            InputId::Growth => &["openai_revenue_2025_xpert", "openai_revenue_2025_cfo"],
            _ => &[],
        }
    }

    /// Whether this input can change required revenue or the gap under
    /// `method` (what the tornado and the Monte Carlo vary). The investors'
    /// NPV and IRR read margin, energy, life and the capex history under
    /// every method.
    #[must_use]
    pub fn is_used_by(self, method: Method) -> bool {
        match self {
            InputId::Required => method == Method::Direct,
            InputId::Tco | InputId::GpuShare => method == Method::Sequoia,
            InputId::CapexShare => method == Method::Bain,
            InputId::Life | InputId::Energy | InputId::HistoryGrowth => method == Method::Dcf,
            InputId::Margin => matches!(method, Method::Sequoia | Method::Dcf),
            _ => true,
        }
    }
}

/// The capex that the article's ~$2T belongs to (`ai_infra_capex_2026`):
/// `direct` reads `required` as the revenue needed per this much capex.
pub const DIRECT_REFERENCE_CAPEX: f64 = 500.0;

#[allow(clippy::too_many_arguments)] // a table row: one argument per column
const fn spec(
    id: InputId,
    unit: Unit,
    default: f64,
    (min, max, step): (f64, f64, f64),
    provenance: Provenance,
    uncertainty: Option<(f64, f64)>,
    advanced: bool,
    whole: bool,
) -> InputSpec {
    InputSpec {
        id,
        unit,
        default,
        min,
        max,
        step,
        provenance,
        uncertainty: match uncertainty {
            Some((below, above)) => Some(Spread { below, above }),
            None => None,
        },
        advanced,
        whole,
    }
}

/// The specs, in `InputId::ALL` order. docs/MODEL.md argues every number.
static SPECS: [InputSpec; INPUT_COUNT] = [
    spec(
        InputId::Required,
        Unit::BillionUsdPerYear,
        2000.0,
        (0.0, 20_000.0, 10.0),
        Provenance::Figure("required_revenue_roi_2026"),
        Some((-25.0, 25.0)),
        false,
        false,
    ),
    spec(
        InputId::Capex,
        Unit::BillionUsdPerYear,
        500.0,
        (1.0, 5_000.0, 5.0),
        Provenance::Figure("ai_infra_capex_2026"),
        Some((-10.0, 10.0)),
        false,
        false,
    ),
    spec(
        InputId::CapexGrowth,
        Unit::PercentPerYear,
        15.0,
        (-50.0, 100.0, 1.0),
        Provenance::Public(
            "a decade average between the near-term pace and a plateau: Morgan Stanley expects \
             hyperscaler capex to rise about 24 % in 2026; McKinsey (\"The cost of compute\", \
             April 2025) puts AI data-centre capex at $5.2T by 2030, about 30 %/yr from $500B; \
             Bain (bain_annual_capex_2030) has about $500B a year by 2030, a flat path. The \
             seeds show steep recent growth (Meta doubled in 2025, meta_investment_growth_2025; \
             $112B in one quarter, big_tech_ai_capex_2025_q3)",
        ),
        Some((-15.0, 15.0)),
        false,
        false,
    ),
    spec(
        InputId::HistoryGrowth,
        Unit::PercentPerYear,
        40.0,
        (-50.0, 200.0, 1.0),
        Provenance::Public(
            "capex of Amazon, Alphabet, Meta and Microsoft: about $150B a year in 2022 and 2023, \
             $251B in 2024 and $416B in 2025 (company filings), about 40 %/yr over 2022-2025; \
             Meta doubled its investment in 2025 (meta_investment_growth_2025)",
        ),
        Some((-15.0, 15.0)),
        true,
        false,
    ),
    spec(
        InputId::Revenue,
        Unit::BillionUsdPerYear,
        55.0,
        (0.0, 5_000.0, 1.0),
        Provenance::Figure("actual_ai_revenue_2026"),
        Some((-10.0, 10.0)),
        false,
        false,
    ),
    spec(
        InputId::Growth,
        Unit::PercentPerYear,
        40.0,
        (-50.0, 300.0, 1.0),
        Provenance::Assumption(
            "OpenAI roughly tripled revenue a year (openai_revenue_2024, openai_revenue_2025_xpert, \
             openai_revenue_2025_cfo), but a market cannot triple for a decade; 40 %/yr \
             (doubling every ~2 years) is close to the best a large tech business has sustained \
             for a decade (AWS, 2013-2021)",
        ),
        Some((-20.0, 20.0)),
        false,
        false,
    ),
    spec(
        InputId::RevenueCap,
        Unit::BillionUsdPerYear,
        4400.0,
        (0.0, 50_000.0, 100.0),
        Provenance::Public(
            "McKinsey Global Institute, \"The economic potential of generative AI\" (June 2023): \
             generative AI could add $2.6T-$4.4T of value a year; sellers cannot keep charging \
             more than the value they create, so the upper end caps revenue (0 switches the cap off)",
        ),
        Some((-40.0, 50.0)),
        true,
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
        Some((-2.0, 2.0)),
        false,
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
        Some((-2.0, 1.0)),
        true,
        true,
    ),
    spec(
        InputId::Margin,
        Unit::Percent,
        50.0,
        (0.0, 95.0, 1.0),
        Provenance::Public(
            "Sequoia Capital, David Cahn, \"AI's $600B Question\" (June 2024): 50 % gross margin \
             for the end-user seller, who keeps that share of its revenue and pays the rest for \
             infrastructure",
        ),
        Some((-10.0, 10.0)),
        true,
        false,
    ),
    spec(
        InputId::Energy,
        Unit::BillionUsdPerYear,
        11.0,
        (0.0, 1_000.0, 1.0),
        Provenance::Public(
            "seed 003's consumption path, 50 billion kWh in 2023 to 550 billion in 2030 \
             (ai_datacenter_electricity_2023, ai_datacenter_electricity_2030), is about 140 \
             billion kWh in 2026; at the US industrial electricity price of about $0.08 per kWh \
             (U.S. EIA) that is $11B. The table's \">$50B\" (ai_energy_cost_2026) would need more \
             power than seed 003 expects for 2030",
        ),
        Some((-30.0, 100.0)),
        true,
        false,
    ),
    spec(
        InputId::GpuShare,
        Unit::Percent,
        50.0,
        (1.0, 100.0, 1.0),
        Provenance::Public(
            "Sequoia Capital, David Cahn, \"AI's $200B Question\" (Sept 2023): GPUs are about \
             half of the total cost of an AI data centre",
        ),
        Some((-10.0, 10.0)),
        true,
        false,
    ),
    spec(
        InputId::Tco,
        Unit::Multiple,
        2.0,
        (1.0, 5.0, 0.1),
        Provenance::Public(
            "Sequoia Capital, David Cahn, \"AI's $200B Question\" (Sept 2023): the whole data \
             centre costs about twice its GPUs",
        ),
        Some((-25.0, 25.0)),
        true,
        false,
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
        Some((-5.0, 5.0)),
        true,
        false,
    ),
    spec(
        InputId::CostCut,
        Unit::Percent,
        0.0,
        (0.0, 99.0, 1.0),
        Provenance::Assumption(
            "0 = no further cut: the base year's prices already contain DeepSeek's (early 2025); \
             the presets offer 90 % (deepseek_chip_share), 96 % (deepseek_input_price_per_mtok vs \
             o1_input_price_per_mtok) and 98 % (deepseek_r1_price_share_of_o1)",
        ),
        None,
        false,
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
        Some((-50.0, 0.0)),
        true,
        false,
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
        Some((-0.5, 0.5)),
        true,
        false,
    ),
    spec(
        InputId::Start,
        Unit::Year,
        2026.0,
        (2020.0, 2050.0, 1.0),
        Provenance::Assumption("the year of the article's table (002)"),
        None,
        true,
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
        true,
    ),
];

/// Unvalidated inputs, in URL units: $B/yr, percent numbers (rate = 10 means
/// 10 %), years as f64. Anything may be stored; only `validate` checks.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub method: Method,
    values: [f64; INPUT_COUNT],
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            method: Method::default(),
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

    /// Sets `id` as the two thumbs of a range slider move: when `start` or
    /// `end` would leave the horizon invalid, the other end follows (`start`
    /// past `end` pushes `end` along, `end` before `start` pulls `start`,
    /// and either end dragged more than `MAX_HORIZON_YEARS` from the other
    /// drags it along). Every other input is set as it is.
    pub fn set_keeping_horizon(&mut self, id: InputId, value: f64) {
        self.set(id, value);
        let (start, end) = (self.get(InputId::Start), self.get(InputId::End));
        let longest = f64::from(MAX_HORIZON_YEARS);
        match id {
            InputId::Start if end < start => self.set(InputId::End, start),
            InputId::Start if end > start + longest => self.set(InputId::End, start + longest),
            InputId::End if start > end => self.set(InputId::Start, end),
            InputId::End if end > start + longest => self.set(InputId::Start, end - longest),
            _ => {}
        }
    }

    /// Builder form of `set`.
    #[must_use]
    pub fn with(mut self, id: InputId, value: f64) -> Inputs {
        self.set(id, value);
        self
    }

    /// All values in `InputId::ALL` order.
    #[must_use]
    pub fn values(&self) -> &[f64; INPUT_COUNT] {
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
    if spec.whole && value.fract() != 0.0 {
        return fail(InputErrorReason::NotAWholeNumber);
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
/// range (and rounded for whole-number inputs: years, the useful life). For URL fallback.
/// It does not enforce `start <= end`; `Inputs::clamped` does.
#[must_use]
pub fn clamp_to_spec(id: InputId, value: f64) -> Option<f64> {
    if !value.is_finite() {
        return None;
    }
    let spec = id.spec();
    let value = if spec.whole { value.round() } else { value };
    // + 0.0 turns a typed "-0" into 0: the same number, but −0 would read
    // back as "-0" in places that print it.
    Some(value.clamp(spec.min, spec.max) + 0.0)
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
    OutOfRange {
        min: f64,
        max: f64,
    },
    EndBeforeStart,
    /// A year or the useful life with a fractional part.
    NotAWholeNumber,
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
            InputErrorReason::NotAWholeNumber => {
                f.write_str(" is not a whole number")?;
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
    fn an_input_is_the_readers_once_it_leaves_its_default() {
        for id in InputId::ALL {
            let spec = id.spec();
            let kind = ProvenanceKind::of_input(id, spec.default);
            assert_eq!(kind, spec.provenance.kind(), "{id:?}");
            assert_ne!(kind, ProvenanceKind::Yours, "{id:?}");
            let moved = if spec.default < spec.max {
                spec.max
            } else {
                spec.min
            };
            assert_eq!(
                ProvenanceKind::of_input(id, moved),
                ProvenanceKind::Yours,
                "{id:?}"
            );
        }
        assert_eq!(
            ProvenanceKind::of_input(InputId::Required, f64::NAN),
            ProvenanceKind::Yours
        );
        assert_eq!(InputId::Required.spec().provenance.kind().name(), "fact");
        assert_eq!(InputId::Margin.spec().provenance.kind().name(), "public");
        assert_eq!(InputId::Rate.spec().provenance.kind().name(), "assumption");
    }

    #[test]
    fn specs_are_in_all_order_and_defaults_valid() {
        for (i, id) in InputId::ALL.into_iter().enumerate() {
            let s = id.spec();
            assert_eq!(s.id, id);
            assert_eq!(id.index(), i);
            assert!(s.min <= s.default && s.default <= s.max, "{id:?}");
            assert!(s.step > 0.0, "{id:?}");
            if let Some(spread) = s.uncertainty {
                assert!(spread.below <= 0.0 && spread.above >= 0.0, "{id:?}");
                let (lo, hi) = spread.range(id, s.default);
                assert!(
                    s.min <= lo && lo <= s.default && s.default <= hi && hi <= s.max,
                    "{id:?}"
                );
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
    fn moving_one_end_of_the_horizon_moves_the_other_when_needed() {
        let mut inputs = Inputs::default();
        inputs.set_keeping_horizon(InputId::Start, 2038.0);
        assert_eq!(
            (inputs.get(InputId::Start), inputs.get(InputId::End)),
            (2038.0, 2038.0)
        );
        inputs.set_keeping_horizon(InputId::End, 2030.0);
        assert_eq!(
            (inputs.get(InputId::Start), inputs.get(InputId::End)),
            (2030.0, 2030.0)
        );
        inputs.set_keeping_horizon(InputId::End, 2100.0);
        assert_eq!(
            (inputs.get(InputId::Start), inputs.get(InputId::End)),
            (2050.0, 2100.0)
        );
        inputs.set_keeping_horizon(InputId::Start, 2020.0);
        assert_eq!(
            (inputs.get(InputId::Start), inputs.get(InputId::End)),
            (2020.0, 2070.0)
        );
        // Every reachable pair is a valid horizon, from any valid one.
        for start in (2020..=2050).step_by(3) {
            for end in (2020..=2100).step_by(7) {
                for (id, value) in [(InputId::Start, start), (InputId::End, end)] {
                    let mut inputs = Inputs::default();
                    inputs.set_keeping_horizon(id, f64::from(value));
                    assert!(
                        inputs.validate().is_ok(),
                        "{id:?} = {value}: {:?}",
                        inputs.errors()
                    );
                    assert_eq!(inputs.get(id), f64::from(value));
                }
            }
        }
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
