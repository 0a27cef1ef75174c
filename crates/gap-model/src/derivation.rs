//! How each headline number is computed, as data: the formula of the current
//! method in plain notation, the same formula with this state's numbers, the
//! inputs it rests on and the intermediate values. The page only renders it;
//! every number here comes from the same arithmetic as `run`, and the tests
//! evaluate the filled formulas against `run`'s outcome.

use crate::inputs::DIRECT_REFERENCE_CAPEX;
use crate::method::{crf, Params};
use crate::model::{back_cast, year_offset};
use crate::{InputId, Irr, Method, Outcome, ValidInputs};

/// A headline readout that can explain itself (its `data-metric` name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    RequiredRevenue,
    ActualRevenue,
    Gap,
    GapPv,
    /// Present value of revenue earned ÷ that of revenue needed, `start` to
    /// `end`, in percent: the headline present value, with its horizon.
    Coverage,
    BreakevenYear,
    Npv,
    Irr,
    /// The revenue growth that covers the requirement in every year from a
    /// year to the end (the solver's).
    GrowthNeeded,
}

impl Metric {
    pub const ALL: [Metric; 9] = [
        Metric::RequiredRevenue,
        Metric::ActualRevenue,
        Metric::Gap,
        Metric::Coverage,
        Metric::GapPv,
        Metric::BreakevenYear,
        Metric::Npv,
        Metric::Irr,
        Metric::GrowthNeeded,
    ];

    /// The readout's public `data-metric` (and `data-derivation`) name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Metric::RequiredRevenue => "required_revenue",
            Metric::ActualRevenue => "actual_revenue",
            Metric::Gap => "gap",
            Metric::GapPv => "gap_pv",
            Metric::Coverage => "coverage",
            Metric::BreakevenYear => "breakeven_year",
            Metric::Npv => "npv",
            Metric::Irr => "irr",
            Metric::GrowthNeeded => "growth_needed",
        }
    }

    #[must_use]
    pub fn from_name(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// A named value of the model. `year` is `None` in a formula that holds for
/// every year ("gap in year t").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    Required,
    Actual,
    Gap,
    GapPv,
    /// `CRF(rate, life)`: the yearly charge per dollar in service.
    ChargeFactor,
    /// Capital in service: the last `life` vintages.
    InService,
    /// A vintage's capex (the capital bought in that year).
    Vintage,
    CapitalCharge,
    Energy,
    Capex,
    CashFlow,
    TerminalValue,
    Npv,
    Irr,
    /// `1 ÷ (1 + rate)^t`.
    DiscountFactor,
    /// A value times its discount factor.
    PresentValue,
    Year,
    /// `(1 − cost_cut × pass_through)^(1 − elasticity)`: what a price cut
    /// does to revenue from the year after the start.
    PriceEffect,
    /// Capital in service that the tokens sold use (after a cost cut).
    InUse,
    /// A year's capex without the cost cut (the capex path).
    CapexWithoutCut,
    /// Capital in service without the cost cut.
    InServiceWithoutCut,
    /// The vintages bought before the start, at the present value of their
    /// remaining charges.
    OpeningValue,
    /// What the owners receive for the hardware in use.
    Receipts,
    /// `(1 − (1 + rate)^−n) ÷ rate`: the present value of 1 a year for `n`
    /// years.
    AnnuityFactor,
    /// The share of its capital charge the fleet earned in the last year.
    TerminalEarning,
    /// Present value of revenue earned ÷ that of revenue needed, in percent.
    Coverage,
}

/// One symbol of a formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Token {
    /// An input at its current value (in its URL unit: 10 means 10 %).
    Input(InputId, f64),
    /// A named value; `year` names the model year it belongs to.
    Value(Quantity, Option<i32>, f64),
    /// A constant of the formula.
    Number(f64),
    /// The year index `t` (years since `start`) in a formula for every year.
    YearIndex,
    Op(Op),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Plus,
    Minus,
    Times,
    Divide,
    Open,
    Close,
    Power,
    /// Σ over the years of the horizon (only in the symbolic formula).
    Sum,
    Equals,
    AtLeast,
    Below,
}

/// `quantity = formula`, and the same with numbers: `value = filled`.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub quantity: Quantity,
    /// The model year the value belongs to, for a quantity of one year.
    pub year: Option<i32>,
    pub formula: Vec<Token>,
    /// The formula with this state's numbers; a sum over years is written
    /// out. Evaluating it gives `value` (within the rounding of what is shown).
    pub filled: Vec<Token>,
    pub value: f64,
}

/// The numbers behind a metric.
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    pub metric: Metric,
    pub method: Method,
    /// What the readout shows; `None` when it shows why there is no value
    /// (no break-even within the horizon, no single IRR).
    pub result: Option<f64>,
    /// The metric's own step first, then the steps of what it uses.
    pub steps: Vec<Step>,
    /// Every input the result depends on, in the order the formulas use them.
    pub inputs: Vec<InputId>,
    /// The intermediate values, one row per vintage or year.
    pub table: Table,
    /// The year asked about, if any: the steps are that year's, and a table
    /// with one row per year marks it.
    pub year: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<Quantity>,
    pub rows: Vec<Vec<f64>>,
}

use Op::{Close, Divide, Minus, Open, Plus, Power, Times};

fn op(o: Op) -> Token {
    Token::Op(o)
}

fn input(inputs: &ValidInputs, id: InputId) -> Token {
    Token::Input(id, inputs.get(id))
}

/// `(1 + rate)`.
fn one_plus_rate(inputs: &ValidInputs) -> [Token; 5] {
    [
        op(Open),
        Token::Number(1.0),
        op(Plus),
        input(inputs, InputId::Rate),
        op(Close),
    ]
}

/// What a reader asks the derivation panel to explain: a readout, or a
/// chart's bar or point (a year of the path, another method, an input at
/// the end of its range).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    pub metric: Metric,
    /// For required revenue, actual revenue and the gap: the model year
    /// (the start when `None` or outside the horizon). For the growth
    /// needed: the year the gap must close by (the end when `None`). For
    /// the sums over the years: the year whose row to mark.
    pub year: Option<i32>,
    /// The inputs differ from the page's in this one respect.
    pub change: Option<Change>,
}

impl Question {
    /// The readout `metric` as the page shows it.
    #[must_use]
    pub fn of(metric: Metric) -> Question {
        Question {
            metric,
            year: None,
            change: None,
        }
    }
}

/// An input set other than the page's, as a chart compares them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    Method(Method),
    Input(InputId, f64),
}

/// The answer to a [`Question`]: the inputs and run its numbers come from
/// (the page's, or the changed ones) and the derivation.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub inputs: ValidInputs,
    pub outcome: Outcome,
    pub derivation: Derivation,
}

/// Answers `question` at `inputs`, whose run is `outcome`. A change the
/// inputs cannot take (a value outside its range) is ignored: the answer is
/// then the page's own.
#[must_use]
pub fn explain(inputs: &ValidInputs, outcome: &Outcome, question: Question) -> Explanation {
    let changed = question.change.and_then(|change| {
        let mut other = inputs.inputs().clone();
        match change {
            Change::Method(method) => other.method = method,
            Change::Input(id, value) => other.set_keeping_horizon(id, value),
        }
        other.validate().ok()
    });
    let (inputs, outcome) = match changed {
        Some(other) => {
            let run = crate::run(&other);
            (other, run)
        }
        None => (inputs.clone(), outcome.clone()),
    };
    if question.metric == Metric::GrowthNeeded {
        return growth_needed_explanation(inputs, outcome, question.year);
    }
    let derivation = derive_at(&inputs, &outcome, question.metric, question.year);
    Explanation {
        inputs,
        outcome,
        derivation,
    }
}

/// The growth needed for revenue to cover the requirement in every year
/// from `year` to the end: the solver's answer rounded up to a tenth of a
/// percent (still enough, since more growth never uncovers a year), or why
/// no growth in the allowed range does it.
///
/// # Errors
/// [`crate::Uncovered`], from the solver.
pub fn growth_needed(inputs: &ValidInputs, year: i32) -> Result<f64, crate::Uncovered> {
    let growth = crate::growth_to_cover_from(inputs, year)?;
    let rounded = ((growth * 10.0).ceil() / 10.0).min(InputId::Growth.spec().max);
    // After a cut more growth can, rarely, uncover a year: keep the exact
    // answer then.
    Ok(if crate::model::covers_from(inputs, year, rounded) {
        rounded
    } else {
        growth
    })
}

/// The growth needed by `year`, shown as the year the gap closes at that
/// growth (revenue covers its requirement) with that year's required and
/// actual revenue; without an answer, the year at the highest growth
/// allowed, which still falls short.
fn growth_needed_explanation(
    inputs: ValidInputs,
    outcome: Outcome,
    year: Option<i32>,
) -> Explanation {
    let target = year
        .filter(|year| (inputs.start()..=inputs.end()).contains(year))
        .unwrap_or_else(|| inputs.end());
    let needed = growth_needed(&inputs, target).ok();
    let growth = needed.unwrap_or(InputId::Growth.spec().max);
    let (inputs, outcome) = match inputs
        .inputs()
        .clone()
        .with(InputId::Growth, growth)
        .validate()
    {
        Ok(at) => {
            let run = crate::run(&at);
            (at, run)
        }
        Err(_) => (inputs, outcome),
    };
    // The year the gap closes for good at that growth, or the first year
    // from `target` on that still falls short at the fastest growth.
    let closes = outcome.covered_from.filter(|year| *year <= target);
    let short = outcome
        .years
        .iter()
        .find(|row| row.year >= target && row.actual < row.required)
        .map_or(target, |row| row.year);
    let row = index_of(&inputs, &outcome, Some(closes.unwrap_or(short)));
    let at = outcome.years[row];
    let p = Params::from_valid(&inputs);
    let mut steps = vec![Step {
        quantity: Quantity::Year,
        year: None,
        formula: vec![
            Token::Value(Quantity::Actual, None, 0.0),
            op(Op::AtLeast),
            Token::Value(Quantity::Required, None, 0.0),
        ],
        filled: vec![
            Token::Value(Quantity::Actual, Some(at.year), at.actual),
            op(if closes.is_some() {
                Op::AtLeast
            } else {
                Op::Below
            }),
            Token::Value(Quantity::Required, Some(at.year), at.required),
        ],
        value: f64::from(at.year),
    }];
    let mut table = Table::default();
    actual_steps(&inputs, &p, &outcome, row, &mut steps);
    required_steps(&inputs, &p, &outcome, row, &mut steps, &mut table);
    if table.rows.is_empty() {
        table = year_table(
            &outcome,
            &[Quantity::Required, Quantity::Actual, Quantity::Gap],
            |row| vec![row.required, row.actual, row.gap],
            None,
        );
    }
    let derivation = Derivation {
        metric: Metric::GrowthNeeded,
        method: inputs.method,
        result: needed,
        inputs: inputs_named(&steps, &inputs, &outcome, Metric::GrowthNeeded, row),
        steps,
        table,
        year: Some(target),
    };
    Explanation {
        inputs,
        outcome,
        derivation,
    }
}

/// The row of `year` in `outcome` (the first when `None` or outside it).
fn index_of(inputs: &ValidInputs, outcome: &Outcome, year: Option<i32>) -> usize {
    year.and_then(|year| usize::try_from(year - inputs.start()).ok())
        .filter(|&i| i < outcome.years.len())
        .unwrap_or(0)
}

/// The derivation of `metric` at `inputs`, whose run is `outcome`.
#[must_use]
pub fn derive(inputs: &ValidInputs, outcome: &Outcome, metric: Metric) -> Derivation {
    explain(inputs, outcome, Question::of(metric)).derivation
}

/// The derivation of `metric` for `year` (see [`Question::year`]).
fn derive_at(
    inputs: &ValidInputs,
    outcome: &Outcome,
    metric: Metric,
    year: Option<i32>,
) -> Derivation {
    let p = Params::from_valid(inputs);
    let method = inputs.method;
    let mut steps = Vec::new();
    let mut table = Table::default();
    let row = index_of(inputs, outcome, year);
    let at = outcome.years[row];
    let result = match metric {
        Metric::RequiredRevenue => {
            required_steps(inputs, &p, outcome, row, &mut steps, &mut table);
            Some(at.required)
        }
        Metric::ActualRevenue => {
            actual_steps(inputs, &p, outcome, row, &mut steps);
            Some(at.actual)
        }
        Metric::Gap => {
            steps.push(Step {
                quantity: Quantity::Gap,
                year: Some(at.year),
                formula: vec![
                    Token::Value(Quantity::Required, None, 0.0),
                    op(Minus),
                    Token::Value(Quantity::Actual, None, 0.0),
                ],
                filled: vec![
                    Token::Value(Quantity::Required, Some(at.year), at.required),
                    op(Minus),
                    Token::Value(Quantity::Actual, Some(at.year), at.actual),
                ],
                value: at.gap,
            });
            required_steps(inputs, &p, outcome, row, &mut steps, &mut table);
            actual_steps(inputs, &p, outcome, row, &mut steps);
            Some(at.gap)
        }
        // Explained apart (it runs the model at another growth).
        Metric::GrowthNeeded => None,
        Metric::GapPv => {
            let mut filled = Vec::new();
            for (i, row) in outcome.years.iter().enumerate() {
                if i > 0 {
                    filled.push(op(Plus));
                }
                filled.push(Token::Value(Quantity::Gap, Some(row.year), row.gap));
                filled.push(op(Divide));
                filled.extend(one_plus_rate(inputs));
                filled.extend([op(Power), Token::Number(f64::from(year_offset(i)) + 1.0)]);
            }
            let mut formula = vec![
                op(Op::Sum),
                Token::Value(Quantity::Gap, None, 0.0),
                op(Divide),
            ];
            formula.extend(one_plus_rate(inputs));
            formula.extend(end_of_year_power());
            steps.push(Step {
                year: None,
                quantity: Quantity::GapPv,
                formula,
                filled,
                value: outcome.gap_pv,
            });
            table = year_table(
                outcome,
                &[Quantity::Required, Quantity::Actual, Quantity::Gap],
                |row| vec![row.required, row.actual, row.gap],
                Some((p.rate, gap_of)),
            );
            Some(outcome.gap_pv)
        }
        Metric::Coverage => {
            // 100 × Σ actual ÷ (1 + r)^(t + 1) ÷ Σ required ÷ (1 + r)^(t + 1)
            let sum_of = |q: Quantity, pick: fn(&crate::YearRow) -> f64| {
                let mut filled = vec![op(Open)];
                for (i, row) in outcome.years.iter().enumerate() {
                    if i > 0 {
                        filled.push(op(Plus));
                    }
                    filled.extend([Token::Value(q, Some(row.year), pick(row)), op(Divide)]);
                    filled.extend(one_plus_rate(inputs));
                    filled.extend([op(Power), Token::Number(f64::from(year_offset(i)) + 1.0)]);
                }
                filled.push(op(Close));
                let mut formula = vec![
                    op(Open),
                    op(Op::Sum),
                    Token::Value(q, None, 0.0),
                    op(Divide),
                ];
                formula.extend(one_plus_rate(inputs));
                formula.extend(end_of_year_power());
                formula.push(op(Close));
                (formula, filled)
            };
            let (earned, earned_filled) = sum_of(Quantity::Actual, |row| row.actual);
            let (needed, needed_filled) = sum_of(Quantity::Required, |row| row.required);
            let join = |a: Vec<Token>, b: Vec<Token>| {
                let mut f = vec![Token::Number(100.0), op(Times)];
                f.extend(a);
                f.push(op(Divide));
                f.extend(b);
                f
            };
            let value = 100.0 * outcome.coverage;
            steps.push(Step {
                year: None,
                quantity: Quantity::Coverage,
                formula: join(earned, needed),
                filled: join(earned_filled, needed_filled),
                value,
            });
            table = year_table(
                outcome,
                &[Quantity::Required, Quantity::Actual],
                |row| vec![row.required, row.actual],
                None,
            );
            Some(value)
        }
        Metric::BreakevenYear => {
            let row = outcome
                .years
                .iter()
                .find(|row| Some(row.year) == outcome.breakeven_year)
                .or(outcome.years.last())
                .copied()
                .unwrap_or_else(|| outcome.years[0]);
            let reached = outcome.breakeven_year.is_some();
            steps.push(Step {
                year: None,
                quantity: Quantity::Year,
                formula: vec![
                    Token::Value(Quantity::Actual, None, 0.0),
                    op(Op::AtLeast),
                    Token::Value(Quantity::Required, None, 0.0),
                ],
                filled: vec![
                    Token::Value(Quantity::Actual, Some(row.year), row.actual),
                    op(if reached { Op::AtLeast } else { Op::Below }),
                    Token::Value(Quantity::Required, Some(row.year), row.required),
                ],
                value: f64::from(row.year),
            });
            table = year_table(
                outcome,
                &[Quantity::Required, Quantity::Actual, Quantity::Gap],
                |row| vec![row.required, row.actual, row.gap],
                None,
            );
            outcome.breakeven_year.map(f64::from)
        }
        Metric::Npv | Metric::Irr => {
            let irr = match outcome.irr {
                Irr::Rate(rate) => Some(rate),
                _ => None,
            };
            // The NPV at the discount rate, or the NPV at the IRR (zero).
            let at = |rate: f64| -> Vec<Token> {
                match metric {
                    Metric::Npv => vec![
                        op(Open),
                        Token::Number(1.0),
                        op(Plus),
                        Token::Input(InputId::Rate, rate),
                        op(Close),
                    ],
                    _ => vec![
                        op(Open),
                        Token::Number(1.0),
                        op(Plus),
                        Token::Value(Quantity::Irr, None, rate),
                        op(Close),
                    ],
                }
            };
            let rate = match metric {
                Metric::Npv => inputs.get(InputId::Rate),
                _ => irr.unwrap_or(f64::NAN),
            };
            let n = outcome.years.len();
            // −V0 + Σ (receipts − energy) ÷ (1 + r)^(t + 1) − Σ capex ÷
            // (1 + r)^t + TV ÷ (1 + r)^n
            let mut formula = vec![
                op(Minus),
                Token::Value(Quantity::OpeningValue, None, 0.0),
                op(Plus),
                op(Op::Sum),
                op(Open),
                Token::Value(Quantity::Receipts, None, 0.0),
                op(Minus),
                Token::Value(Quantity::Energy, None, 0.0),
                op(Close),
                op(Divide),
            ];
            formula.extend(at(rate));
            formula.extend(end_of_year_power());
            formula.extend([
                op(Minus),
                op(Op::Sum),
                Token::Value(Quantity::Capex, None, 0.0),
                op(Divide),
            ]);
            formula.extend(at(rate));
            formula.extend([op(Power), Token::YearIndex, op(Plus)]);
            formula.push(Token::Value(Quantity::TerminalValue, None, 0.0));
            formula.push(op(Divide));
            formula.extend(at(rate));
            formula.extend([op(Power), Token::Number(count(n))]);
            let mut filled = vec![
                op(Minus),
                Token::Value(Quantity::OpeningValue, None, outcome.opening_value),
            ];
            for (i, row) in outcome.years.iter().enumerate() {
                let t = f64::from(year_offset(i));
                filled.extend([
                    op(Plus),
                    op(Open),
                    Token::Value(Quantity::Receipts, Some(row.year), row.receipts),
                    op(Minus),
                    Token::Value(Quantity::Energy, Some(row.year), row.energy),
                    op(Close),
                    op(Divide),
                ]);
                filled.extend(at(rate));
                filled.extend([op(Power), Token::Number(t + 1.0), op(Minus)]);
                filled.push(Token::Value(Quantity::Capex, Some(row.year), row.capex));
                filled.push(op(Divide));
                filled.extend(at(rate));
                filled.extend([op(Power), Token::Number(t)]);
            }
            filled.extend([
                op(Plus),
                Token::Value(Quantity::TerminalValue, None, outcome.terminal_value),
                op(Divide),
            ]);
            filled.extend(at(rate));
            filled.extend([op(Power), Token::Number(count(n))]);
            // The NPV at the discount rate, or at the IRR, where it is zero
            // (without an IRR there is no rate to fill in).
            if metric == Metric::Npv || irr.is_some() {
                steps.push(Step {
                    year: None,
                    quantity: Quantity::Npv,
                    formula,
                    filled,
                    value: if metric == Metric::Npv {
                        outcome.npv
                    } else {
                        0.0
                    },
                });
            }
            steps.push(cash_flow_step(inputs, &p, outcome));
            steps.push(fleet_step(inputs, &p, outcome, Fleet::Opening));
            steps.push(fleet_step(inputs, &p, outcome, Fleet::Terminal));
            // Capex falls at the start of its year, the rest at the end: the
            // flows alone (the formula discounts each).
            table = year_table(
                outcome,
                &[
                    Quantity::Actual,
                    Quantity::Receipts,
                    Quantity::Capex,
                    Quantity::Energy,
                    Quantity::CashFlow,
                ],
                |row| {
                    vec![
                        row.actual,
                        row.receipts,
                        row.capex,
                        row.energy,
                        row.cash_flow,
                    ]
                },
                None,
            );
            match metric {
                Metric::Npv => Some(outcome.npv),
                _ => irr,
            }
        }
    };
    Derivation {
        metric,
        method,
        result,
        inputs: inputs_named(&steps, inputs, outcome, metric, row),
        steps,
        table,
        year: year.map(|_| at.year),
    }
}

/// Every input `metric`'s result at row `row` rests on: those its formulas
/// name, in their order, then those that shape it through intermediate
/// values.
fn inputs_named(
    steps: &[Step],
    inputs: &ValidInputs,
    outcome: &Outcome,
    metric: Metric,
    row: usize,
) -> Vec<InputId> {
    let method = inputs.method;
    let p = Params::from_valid(inputs);
    let mut used = Vec::new();
    for step in steps {
        for token in &step.formula {
            if let Token::Input(id, _) = token {
                if !used.contains(id) {
                    used.push(*id);
                }
            }
        }
    }
    // What the formulas name through intermediate values: the vintages in
    // service are back-cast from capex; and every input the method reads
    // shapes the years a sum runs over.
    let mut implied: Vec<InputId> = Vec::new();
    let later = row > 0;
    if matches!(metric, Metric::RequiredRevenue | Metric::Gap) {
        if method == Method::Dcf {
            implied.extend([InputId::Rate, InputId::Capex, InputId::HistoryGrowth]);
        }
        // A later year's capex: grown from the start, cut from the year after it.
        if later {
            implied.extend([InputId::Capex, InputId::CapexGrowth, InputId::CostCut]);
        }
    }
    // A later year's revenue: grown (towards the ceiling), changed by a cut.
    if later && matches!(metric, Metric::ActualRevenue | Metric::Gap) {
        implied.extend([
            InputId::Revenue,
            InputId::Growth,
            InputId::RevenueCap,
            InputId::CostCut,
        ]);
    }
    // After a cut the demand for tokens shapes every later year's
    // requirement, under every method; so do the vintages (back-cast over
    // the life) once some capacity is idle, and revenue once it meets the
    // ceiling.
    let sums = matches!(
        metric,
        Metric::GapPv | Metric::Coverage | Metric::BreakevenYear | Metric::GrowthNeeded
    );
    let path = if sums {
        &outcome.years[..]
    } else {
        &outcome.years[..=row]
    };
    // Idle capacity breaks the proportion between the capital in service
    // and the path without the cut.
    let idle = path
        .iter()
        .any(|r| r.idle > 1e-9 * r.capex_without_cut.max(1.0));
    let at_ceiling = p.revenue_cap > 0.0
        && path
            .iter()
            .any(|r| (r.actual - p.revenue_cap).abs() <= 1e-9 * p.revenue_cap);
    if p.has_cut() && ((later && matches!(metric, Metric::RequiredRevenue | Metric::Gap)) || sums) {
        implied.extend([InputId::CostCut, InputId::Elasticity, InputId::PassThrough]);
        if idle {
            implied.extend([InputId::HistoryGrowth, InputId::Life, InputId::CapexGrowth]);
        }
        if at_ceiling {
            implied.extend([InputId::Revenue, InputId::Growth, InputId::RevenueCap]);
        }
    }
    match metric {
        // The sum over the years: every input the method reads shapes it.
        Metric::GapPv | Metric::Coverage => {
            implied.extend(InputId::ALL.into_iter().filter(|id| id.is_used_by(method)))
        }
        // The first year that covers its requirement: no discounting, so the
        // rate matters only where it prices capital (`dcf`). The growth
        // needed is the growth that moves that year, not an input to it.
        Metric::BreakevenYear | Metric::GrowthNeeded => {
            implied.extend(InputId::ALL.into_iter().filter(|&id| {
                id.is_used_by(method) && (id != InputId::Rate || method == Method::Dcf)
            }))
        }
        // The owners' cash flows do not depend on the method: they pay capex
        // and the energy of the capital in use (back-cast with
        // `history_growth` over `life`) and keep `1 − margin` of revenue. The
        // opening fleet and the terminal value are valued at the discount
        // rate, so the rate moves the IRR too.
        Metric::Npv | Metric::Irr => implied.extend(InputId::ALL.into_iter().filter(|&id| {
            !matches!(
                id,
                InputId::Required | InputId::GpuShare | InputId::Tco | InputId::CapexShare
            )
        })),
        _ => {}
    }
    for id in implied {
        if !used.contains(&id) {
            used.push(id);
        }
    }
    if metric == Metric::GrowthNeeded {
        used.retain(|&id| id != InputId::Growth);
    }
    used
}

fn gap_of(row: &crate::YearRow) -> f64 {
    row.gap
}

#[allow(clippy::cast_precision_loss)] // a horizon of at most 81 years
fn count(n: usize) -> f64 {
    n as f64
}

/// `(1 + input)`.
fn one_plus(inputs: &ValidInputs, id: InputId) -> [Token; 5] {
    [
        op(Open),
        Token::Number(1.0),
        op(Plus),
        input(inputs, id),
        op(Close),
    ]
}

/// `(1 − input)`.
fn one_minus(inputs: &ValidInputs, id: InputId) -> [Token; 5] {
    [
        op(Open),
        Token::Number(1.0),
        op(Minus),
        input(inputs, id),
        op(Close),
    ]
}

/// `^(t + 1)`: a flow at the end of year `t`.
fn end_of_year_power() -> [Token; 6] {
    [
        op(Power),
        op(Open),
        Token::YearIndex,
        op(Plus),
        Token::Number(1.0),
        op(Close),
    ]
}

/// `^t` in the symbolic formula, `^` the year's index in the filled one.
fn year_power(row: usize) -> ([Token; 2], [Token; 2]) {
    (
        [op(Power), Token::YearIndex],
        [op(Power), Token::Number(f64::from(year_offset(row)))],
    )
}

/// Actual revenue in row `row`: the input in the first year; later, grown
/// at `growth` (along the logistic curve towards the ceiling when there is
/// one) and changed by the price cut, never above the ceiling.
fn actual_step(inputs: &ValidInputs, p: &Params, outcome: &Outcome, row: usize) -> Step {
    let at = outcome.years[row];
    let i = |id| input(inputs, id);
    if row == 0 {
        return Step {
            quantity: Quantity::Actual,
            year: Some(at.year),
            formula: vec![i(InputId::Revenue)],
            filled: vec![i(InputId::Revenue)],
            value: at.actual,
        };
    }
    let (power, power_filled) = year_power(row);
    let logistic = p.revenue_cap > 0.0 && p.growth > 0.0 && p.revenue > 0.0;
    // A ceiling below today's revenue holds revenue where it is.
    let ceiling = if p.revenue_cap >= p.revenue {
        InputId::RevenueCap
    } else {
        InputId::Revenue
    };
    let (formula, filled) = if p.revenue_cap > 0.0
        && (at.actual - p.revenue_cap.max(p.revenue)).abs() < 1e-9 * at.actual.abs().max(1.0)
        && p.revenue_factor > 1.0
    {
        // Revenue has reached the ceiling (a rebound after the cut would sell more).
        (vec![i(ceiling)], vec![i(ceiling)])
    } else {
        let grown = |power: [Token; 2]| -> Vec<Token> {
            let mut f = Vec::new();
            if logistic {
                // ceiling ÷ (1 + (ceiling ÷ revenue − 1) ÷ (1 + growth)^t)
                f.extend([
                    i(ceiling),
                    op(Divide),
                    op(Open),
                    Token::Number(1.0),
                    op(Plus),
                    op(Open),
                    i(ceiling),
                    op(Divide),
                    i(InputId::Revenue),
                    op(Minus),
                    Token::Number(1.0),
                    op(Close),
                    op(Divide),
                ]);
                f.extend(one_plus(inputs, InputId::Growth));
                f.extend(power);
                f.push(op(Close));
            } else {
                f.extend([i(InputId::Revenue), op(Times)]);
                f.extend(one_plus(inputs, InputId::Growth));
                f.extend(power);
            }
            // With a cut set, even when demand makes it a wash (elasticity 1).
            if p.has_cut() {
                f.extend([
                    op(Times),
                    Token::Value(Quantity::PriceEffect, None, p.revenue_factor),
                ]);
            }
            f
        };
        (grown(power), grown(power_filled))
    };
    Step {
        quantity: Quantity::Actual,
        year: Some(at.year),
        formula,
        filled,
        value: at.actual,
    }
}

/// Actual revenue in row `row` and, when a cut changes it, the price effect.
fn actual_steps(
    inputs: &ValidInputs,
    p: &Params,
    outcome: &Outcome,
    row: usize,
    steps: &mut Vec<Step>,
) {
    let step = actual_step(inputs, p, outcome, row);
    let priced = step
        .formula
        .iter()
        .any(|token| matches!(token, Token::Value(Quantity::PriceEffect, ..)));
    steps.push(step);
    if priced {
        steps.push(price_effect_step(inputs, p));
    }
}

/// `(1 − cost_cut × pass_through)`: what token prices become after a cut.
fn price_factor(inputs: &ValidInputs) -> [Token; 7] {
    [
        op(Open),
        Token::Number(1.0),
        op(Minus),
        input(inputs, InputId::CostCut),
        op(Times),
        input(inputs, InputId::PassThrough),
        op(Close),
    ]
}

/// `(1 − cost_cut × pass_through)^(1 − elasticity)`, when a cut is set.
fn price_effect_step(inputs: &ValidInputs, p: &Params) -> Step {
    let mut formula = price_factor(inputs).to_vec();
    formula.push(op(Power));
    formula.extend(one_minus(inputs, InputId::Elasticity));
    Step {
        quantity: Quantity::PriceEffect,
        year: None,
        filled: formula.clone(),
        formula,
        value: p.revenue_factor,
    }
}

/// A later year's capex on the capex path: `capex × (1 + capex_growth)^t`
/// (after a cut, the capex the year would have had without it).
fn capex_step(inputs: &ValidInputs, p: &Params, outcome: &Outcome, row: usize) -> Step {
    let at = outcome.years[row];
    let (power, power_filled) = year_power(row);
    let make = |power: [Token; 2]| {
        let mut f = vec![input(inputs, InputId::Capex), op(Times)];
        f.extend(one_plus(inputs, InputId::CapexGrowth));
        f.extend(power);
        f
    };
    Step {
        quantity: capex_quantity(p, row),
        year: Some(at.year),
        formula: make(power),
        filled: make(power_filled),
        value: at.capex_without_cut,
    }
}

/// What a ratio method scales: the year's capex, or after a cut the capex
/// path's.
fn capex_quantity(p: &Params, row: usize) -> Quantity {
    if row > 0 && p.has_cut() {
        Quantity::CapexWithoutCut
    } else {
        Quantity::Capex
    }
}

/// The capital in service in row `row` on the capex path (without a cut).
fn planned_in_service(p: &Params, outcome: &Outcome, row: usize) -> f64 {
    (0..p.life)
        .map(|k| vintage_of(p, outcome, row, k, |r| r.capex_without_cut))
        .sum()
}

/// The vintage bought `k` years before row `row`: the path's (`pick` of
/// its row) from the start on, back-cast from `capex` before it.
fn vintage_of(
    p: &Params,
    outcome: &Outcome,
    row: usize,
    k: usize,
    pick: fn(&crate::YearRow) -> f64,
) -> f64 {
    match row.checked_sub(k) {
        Some(index) => pick(&outcome.years[index]),
        None => back_cast(p, k - row),
    }
}

/// The vintages in service in row `row`, oldest first: the path's capex
/// from the start on, the older ones back-cast from `capex` with
/// `history_growth`.
fn vintages_in_service(p: &Params, outcome: &Outcome, row: usize) -> Vec<(i32, f64)> {
    let year = outcome.years[row].year;
    (0..p.life)
        .rev()
        .map(|k| {
            (
                year - year_offset(k),
                vintage_of(p, outcome, row, k, |r| r.capex),
            )
        })
        .collect()
}

/// Required revenue in row `row` under the current method; the later
/// year's capex; and for `dcf` the charge factor, the capital in service,
/// its vintages (as the table) and a later year's energy.
fn required_steps(
    inputs: &ValidInputs,
    p: &Params,
    outcome: &Outcome,
    row: usize,
    steps: &mut Vec<Step>,
    table: &mut Table,
) {
    let i = |id| input(inputs, id);
    let one_minus_margin = one_minus(inputs, InputId::Margin);
    let at = outcome.years[row];
    let later = row > 0;
    let year = Some(at.year);
    let in_service = at.capital_charge / p.charge;
    let cut = later && p.has_cut();
    let planned = planned_in_service(p, outcome, row);
    let formula_of = |symbolic: bool| {
        // The symbolic formula names a year's quantity for every year.
        let of_year =
            |q: Quantity, value: f64| Token::Value(q, if symbolic { None } else { year }, value);
        let capex = if later {
            of_year(capex_quantity(p, row), at.capex_without_cut)
        } else {
            i(InputId::Capex)
        };
        // After a cut a ratio method's requirement follows the capital in
        // service.
        // A saving not passed on stays with the sellers: the owners' share
        // of a dollar of revenue is `(1 − cut) ÷ (1 − cut × pass_through)`.
        let kept_saving = |f: &mut Vec<Token>| {
            if cut && p.price_factor != 1.0 - p.cut {
                f.push(op(Times));
                f.extend(price_factor(inputs));
                f.push(op(Divide));
                f.extend(one_minus(inputs, InputId::CostCut));
            }
        };
        let scaled = |mut f: Vec<Token>| {
            if cut {
                f.extend([
                    op(Times),
                    of_year(Quantity::InService, in_service),
                    op(Divide),
                    of_year(Quantity::InServiceWithoutCut, planned),
                ]);
            }
            kept_saving(&mut f);
            f
        };
        match inputs.method {
            Method::Direct => scaled(vec![
                i(InputId::Required),
                op(Times),
                capex,
                op(Divide),
                Token::Number(DIRECT_REFERENCE_CAPEX),
            ]),
            Method::Sequoia => {
                let mut f = vec![
                    capex,
                    op(Times),
                    i(InputId::GpuShare),
                    op(Times),
                    i(InputId::Tco),
                    op(Divide),
                ];
                f.extend(one_minus_margin);
                scaled(f)
            }
            Method::Bain => scaled(vec![capex, op(Divide), i(InputId::CapexShare)]),
            Method::Dcf => {
                let energy = if later {
                    of_year(Quantity::Energy, at.energy)
                } else {
                    i(InputId::Energy)
                };
                let mut f = vec![
                    op(Open),
                    Token::Value(Quantity::ChargeFactor, None, p.charge),
                    op(Times),
                    Token::Value(
                        Quantity::InService,
                        if symbolic { None } else { year },
                        in_service,
                    ),
                    op(Plus),
                    energy,
                    op(Close),
                    op(Divide),
                ];
                f.extend(one_minus_margin);
                kept_saving(&mut f);
                f
            }
        }
    };
    steps.push(Step {
        quantity: Quantity::Required,
        year,
        formula: formula_of(true),
        filled: formula_of(false),
        value: at.required,
    });
    if later && inputs.method != Method::Dcf {
        steps.push(capex_step(inputs, p, outcome, row));
    }
    if inputs.method != Method::Dcf {
        return;
    }
    // CRF(r, L) = r ÷ (1 − (1 + r)^(−L)); at r = 0 the limit, 1 ÷ L (the
    // model's `crf` takes it too).
    let charge = if p.rate == 0.0 {
        vec![Token::Number(1.0), op(Divide), i(InputId::Life)]
    } else {
        let mut charge = vec![
            i(InputId::Rate),
            op(Divide),
            op(Open),
            Token::Number(1.0),
            op(Minus),
        ];
        charge.extend(one_plus_rate(inputs));
        charge.extend([
            op(Power),
            op(Open),
            op(Minus),
            i(InputId::Life),
            op(Close),
            op(Close),
        ]);
        charge
    };
    debug_assert!({
        #[allow(clippy::cast_precision_loss)]
        let life = p.life as f64;
        (crf(p.rate, life) - p.charge).abs() < 1e-12
    });
    steps.push(Step {
        quantity: Quantity::ChargeFactor,
        year: None,
        filled: charge.clone(),
        formula: charge,
        value: p.charge,
    });
    let vintages = vintages_in_service(p, outcome, row);
    let mut filled = Vec::new();
    for (k, (year, value)) in vintages.iter().enumerate() {
        if k > 0 {
            filled.push(op(Plus));
        }
        filled.push(Token::Value(Quantity::Vintage, Some(*year), *value));
    }
    steps.push(Step {
        quantity: Quantity::InService,
        year,
        formula: vec![op(Op::Sum), Token::Value(Quantity::Vintage, None, 0.0)],
        filled,
        value: in_service,
    });
    if later {
        // Power is drawn by the capital in use (all of it in service
        // without a cut): energy grows with it.
        let base = outcome.years[0];
        let base_in_service = base.capital_charge / p.charge;
        let (used, used_value) = if cut {
            (Quantity::InUse, in_service - at.idle)
        } else {
            (Quantity::InService, in_service)
        };
        let make = |symbolic: bool| {
            vec![
                i(InputId::Energy),
                op(Times),
                Token::Value(used, if symbolic { None } else { year }, used_value),
                op(Divide),
                Token::Value(Quantity::InService, Some(base.year), base_in_service),
            ]
        };
        steps.push(Step {
            quantity: Quantity::Energy,
            year,
            formula: make(true),
            filled: make(false),
            value: at.energy,
        });
        // After a cut, a year's capex is what the tokens sold need beyond
        // the vintages that survive (the vintages' table shows it).
        if !cut {
            steps.push(capex_step(inputs, p, outcome, row));
        }
    }
    *table = Table {
        columns: vec![Quantity::Year, Quantity::Vintage, Quantity::CapitalCharge],
        rows: vintages
            .iter()
            .map(|(year, value)| vec![f64::from(*year), *value, value * p.charge])
            .collect(),
    };
}

/// `CF_t = receipts_t − capex_t − energy_t` with `receipts = (1 − margin) ×
/// actual` (no cut acts in the first year), filled for the first year.
fn cash_flow_step(inputs: &ValidInputs, p: &Params, outcome: &Outcome) -> Step {
    let base = outcome.years[0];
    let margin = input(inputs, InputId::Margin);
    let head = [
        op(Open),
        Token::Number(1.0),
        op(Minus),
        margin,
        op(Close),
        op(Times),
    ];
    let mut formula = head.to_vec();
    formula.extend([
        Token::Value(Quantity::Actual, None, 0.0),
        op(Minus),
        Token::Value(Quantity::Capex, None, 0.0),
        op(Minus),
        Token::Value(Quantity::Energy, None, 0.0),
    ]);
    let mut filled = head.to_vec();
    filled.extend([
        Token::Value(Quantity::Actual, Some(base.year), base.actual),
        op(Minus),
        Token::Value(Quantity::Capex, Some(base.year), base.capex),
        op(Minus),
        Token::Value(Quantity::Energy, Some(base.year), base.energy),
    ]);
    debug_assert!(
        ((1.0 - p.margin) * base.actual - base.capex - base.energy - base.cash_flow).abs() < 1e-9
    );
    Step {
        year: Some(base.year),
        quantity: Quantity::CashFlow,
        formula,
        filled,
        value: base.cash_flow,
    }
}

/// Which end of the horizon a fleet value is taken at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fleet {
    /// The vintages bought before `start`, at `start`.
    Opening,
    /// The vintages still in service after `end`, at the end of `end`.
    Terminal,
}

/// The opening fleet or the terminal value: `Σ CRF × vintage × a(n)`, each
/// vintage's `n` remaining charges at their present value.
fn fleet_step(inputs: &ValidInputs, p: &Params, outcome: &Outcome, fleet: Fleet) -> Step {
    // a(n) = (1 − (1 + r)^−n) ÷ r, n at r = 0: written as its value (the
    // symbolic formula and the quantity's name say what it is).
    #[allow(clippy::cast_precision_loss)] // at most 29 payments
    let annuity =
        |n: usize| Token::Value(Quantity::AnnuityFactor, None, 1.0 / crf(p.rate, n as f64));
    let (quantity, value, vintages) = match fleet {
        Fleet::Opening => {
            let start = inputs.start();
            let vintages: Vec<(i32, f64, usize)> = (1..p.life)
                .map(|k| (start - year_offset(k), back_cast(p, k), p.life - k))
                .collect();
            (Quantity::OpeningValue, outcome.opening_value, vintages)
        }
        Fleet::Terminal => {
            let n = outcome.years.len();
            let end = inputs.end();
            let vintages = (0..p.life.saturating_sub(1))
                .map(|j| {
                    let value = vintage_of(p, outcome, n - 1, j, |r| r.capex);
                    (end - year_offset(j), value, p.life - 1 - j)
                })
                .collect();
            (Quantity::TerminalValue, outcome.terminal_value, vintages)
        }
    };
    let mut formula = vec![
        op(Op::Sum),
        Token::Value(Quantity::ChargeFactor, None, 0.0),
        op(Times),
        Token::Value(Quantity::Vintage, None, 0.0),
        op(Times),
        Token::Value(Quantity::AnnuityFactor, None, 0.0),
    ];
    let mut filled = Vec::new();
    for (k, (year, vintage, left)) in vintages.iter().enumerate() {
        if k > 0 {
            filled.push(op(Plus));
        }
        filled.extend([
            Token::Value(Quantity::ChargeFactor, None, p.charge),
            op(Times),
            Token::Value(Quantity::Vintage, Some(*year), *vintage),
            op(Times),
            annuity(*left),
        ]);
    }
    if filled.is_empty() {
        // A life of one year: nothing is left over at either end.
        formula = vec![Token::Number(0.0)];
        filled.push(Token::Number(0.0));
    } else if fleet == Fleet::Terminal {
        let earning = Token::Value(
            Quantity::TerminalEarning,
            Some(inputs.end()),
            outcome.terminal_earning,
        );
        formula.insert(0, op(Open));
        formula.extend([
            op(Close),
            op(Times),
            Token::Value(Quantity::TerminalEarning, None, 0.0),
        ]);
        filled.insert(0, op(Open));
        filled.extend([op(Close), op(Times), earning]);
    }
    Step {
        year: None,
        quantity,
        formula,
        filled,
        value,
    }
}

/// A discount rate (a fraction) and the value of a year it discounts.
type Discount = (f64, fn(&crate::YearRow) -> f64);

/// One row per year: the year and `cells`, and with `discount = (rate,
/// value)` the discount factor `1 ÷ (1 + rate)^t` and `value` times it.
fn year_table(
    outcome: &Outcome,
    columns: &[Quantity],
    cells: impl Fn(&crate::YearRow) -> Vec<f64>,
    discount: Option<Discount>,
) -> Table {
    let mut all = vec![Quantity::Year];
    all.extend_from_slice(columns);
    if discount.is_some() {
        all.extend([Quantity::DiscountFactor, Quantity::PresentValue]);
    }
    // Revenue and the requirement fall at the end of their year.
    let mut factor = discount.map_or(1.0, |(rate, _)| 1.0 / (1.0 + rate));
    let rows = outcome
        .years
        .iter()
        .map(|row| {
            let mut line = vec![f64::from(row.year)];
            line.extend(cells(row));
            if let Some((rate, value)) = discount {
                line.extend([factor, value(row) * factor]);
                factor /= 1.0 + rate;
            }
            line
        })
        .collect();
    Table { columns: all, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{run, Inputs, Unit};

    /// Evaluates a filled formula with the usual precedence (`^` binds
    /// tightest and to the right); percent inputs count as fractions, as
    /// the page writes them with a "%".
    struct Eval<'a> {
        tokens: &'a [Token],
        at: usize,
    }

    impl Eval<'_> {
        fn peek(&self) -> Option<Token> {
            self.tokens.get(self.at).copied()
        }
        fn next(&mut self) -> Token {
            let token = self.tokens[self.at];
            self.at += 1;
            token
        }
        fn expr(&mut self) -> f64 {
            let mut value = self.term();
            while let Some(Token::Op(o @ (Op::Plus | Op::Minus))) = self.peek() {
                self.at += 1;
                let rhs = self.term();
                value = if o == Op::Plus {
                    value + rhs
                } else {
                    value - rhs
                };
            }
            value
        }
        fn term(&mut self) -> f64 {
            let mut value = self.power();
            while let Some(Token::Op(o @ (Op::Times | Op::Divide))) = self.peek() {
                self.at += 1;
                let rhs = self.power();
                value = if o == Op::Times {
                    value * rhs
                } else {
                    value / rhs
                };
            }
            value
        }
        fn power(&mut self) -> f64 {
            let base = self.unary();
            if self.peek() == Some(Token::Op(Op::Power)) {
                self.at += 1;
                return base.powf(self.power());
            }
            base
        }
        fn unary(&mut self) -> f64 {
            if self.peek() == Some(Token::Op(Op::Minus)) {
                self.at += 1;
                return -self.unary();
            }
            match self.next() {
                Token::Number(n) => n,
                Token::Input(id, v) => match id.spec().unit {
                    Unit::Percent | Unit::PercentPerYear => v / 100.0,
                    _ => v,
                },
                Token::Value(Quantity::Irr, _, v) => v / 100.0,
                Token::Value(_, _, v) => v,
                Token::Op(Op::Open) => {
                    let v = self.expr();
                    assert_eq!(self.next(), Token::Op(Op::Close));
                    v
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    fn eval(tokens: &[Token]) -> f64 {
        let mut e = Eval { tokens, at: 0 };
        let v = e.expr();
        assert_eq!(e.at, tokens.len(), "left over: {:?}", &tokens[e.at..]);
        v
    }

    fn close(a: f64, b: f64, scale: f64) -> bool {
        (a - b).abs() <= 1e-9 * scale.max(1.0)
    }

    fn states() -> Vec<ValidInputs> {
        let mut states = Vec::new();
        for method in Method::ALL {
            for (id, value) in [
                (InputId::Growth, 40.0),
                (InputId::Growth, 90.0),
                (InputId::Life, 3.0),
                (InputId::CostCut, 90.0),
                (InputId::Rate, 0.0),
            ] {
                let mut inputs = Inputs::default().with(id, value);
                inputs.method = method;
                states.push(inputs.validate().unwrap());
            }
        }
        states
    }

    /// The years a question may name: none (the readout), the second and
    /// the fifth year of the path and its end.
    fn years(inputs: &ValidInputs) -> [Option<i32>; 4] {
        [
            None,
            Some(inputs.start() + 1),
            Some(inputs.start() + 4),
            Some(inputs.end()),
        ]
    }

    fn ask(inputs: &ValidInputs, metric: Metric, year: Option<i32>) -> Derivation {
        let question = Question {
            metric,
            year,
            change: None,
        };
        explain(inputs, &run(inputs), question).derivation
    }

    #[test]
    fn every_filled_formula_evaluates_to_its_value_and_the_first_to_the_readout() {
        for inputs in states() {
            let outcome = run(&inputs);
            for metric in Metric::ALL {
                for year in years(&inputs) {
                    let d = ask(&inputs, metric, year);
                    let what = format!("{:?} {metric:?} {year:?}", inputs.method);
                    assert!(!d.steps.is_empty(), "{what}");
                    for step in &d.steps {
                        if step.quantity == Quantity::Year {
                            continue;
                        }
                        let scale: f64 = step
                            .filled
                            .iter()
                            .map(|t| match t {
                                Token::Value(_, _, v) | Token::Input(_, v) | Token::Number(v) => {
                                    v.abs()
                                }
                                _ => 0.0,
                            })
                            .sum();
                        assert!(
                            close(eval(&step.filled), step.value, scale),
                            "{what} {step:?}"
                        );
                        // The symbolic formula has the same shape, without the sums written out.
                        assert!(!step.formula.is_empty(), "{what}");
                    }
                    let row = year
                        .and_then(|y| outcome.years.iter().find(|r| r.year == y))
                        .unwrap_or(&outcome.years[0]);
                    let expected = match metric {
                        Metric::RequiredRevenue => Some(row.required),
                        Metric::ActualRevenue => Some(row.actual),
                        Metric::Gap => Some(row.gap),
                        Metric::GapPv => Some(outcome.gap_pv),
                        Metric::Coverage => Some(100.0 * outcome.coverage),
                        Metric::BreakevenYear => outcome.breakeven_year.map(f64::from),
                        Metric::Npv => Some(outcome.npv),
                        Metric::Irr => outcome.irr.rate(),
                        Metric::GrowthNeeded => {
                            growth_needed(&inputs, year.unwrap_or(inputs.end())).ok()
                        }
                    };
                    assert_eq!(d.result, expected, "{what}");
                    if !matches!(
                        metric,
                        Metric::Irr | Metric::BreakevenYear | Metric::GrowthNeeded
                    ) {
                        assert_eq!(Some(d.steps[0].value), d.result, "{what}");
                    }
                    // Every input the method reads that moves the metric is a chip.
                    let mut seen = d.inputs.clone();
                    seen.sort_by_key(|id| id.index());
                    seen.dedup();
                    assert_eq!(seen.len(), d.inputs.len(), "{what}: no chip twice");
                    for id in InputId::ALL {
                        // A year asked about stays put when the horizon moves.
                        let horizon = matches!(id, InputId::Start | InputId::End);
                        if d.inputs.contains(&id)
                            || d.result.is_none()
                            || (horizon && year.is_some())
                        {
                            continue;
                        }
                        let spec = id.spec();
                        let moved = if spec.default < spec.max {
                            (spec.default + spec.step * 7.0).min(spec.max)
                        } else {
                            spec.min
                        };
                        let Ok(other) = inputs.inputs().clone().with(id, moved).validate() else {
                            continue;
                        };
                        let other = ask(&other, metric, year).result;
                        let same = match (other, d.result) {
                            (Some(a), Some(b)) => close(a, b, b.abs()),
                            (a, b) => a == b,
                        };
                        assert!(same, "{what}: {id:?} moves it but is no chip: {other:?}");
                    }
                    for row in &d.table.rows {
                        assert_eq!(row.len(), d.table.columns.len(), "{what}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_input_a_derivation_names_moves_its_result() {
        for method in Method::ALL {
            // A cost cut and an elastic demand, so that the pass-through matters.
            let mut inputs = Inputs::default()
                .with(InputId::CostCut, 50.0)
                .with(InputId::Elasticity, 1.5);
            inputs.method = method;
            let inputs = inputs.validate().unwrap();
            for metric in Metric::ALL {
                // A year moves in steps (and the growth needed with it): most
                // small changes leave it.
                if matches!(metric, Metric::BreakevenYear | Metric::GrowthNeeded) {
                    continue;
                }
                for year in [None, Some(inputs.start() + 3)] {
                    let d = ask(&inputs, metric, year);
                    for &id in &d.inputs {
                        let spec = id.spec();
                        let value = inputs.get(id);
                        let moved = [value + spec.step * 3.0, value - spec.step * 3.0]
                            .into_iter()
                            .filter_map(|v| inputs.inputs().clone().with(id, v).validate().ok())
                            .any(|other| ask(&other, metric, year).result != d.result);
                        assert!(
                            moved,
                            "{method:?} {metric:?} {year:?}: {id:?} is named but moves nothing"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_growth_needed_covers_every_year_from_its_year_and_a_tenth_less_does_not() {
        for inputs in states() {
            for target in [inputs.start() + 4, inputs.end()] {
                let d = ask(&inputs, Metric::GrowthNeeded, Some(target));
                let Token::Value(Quantity::Actual, Some(year), _) = d.steps[0].filled[0] else {
                    panic!("{:?}", d.steps[0]);
                };
                match d.result {
                    Some(growth) => {
                        assert!(year <= target);
                        let at = inputs.inputs().clone().with(InputId::Growth, growth);
                        let at = run(&at.validate().unwrap());
                        assert!(at.covered_from.is_some_and(|y| y <= target));
                        assert_eq!(at.covered_from, Some(year));
                        if growth - 0.1 >= InputId::Growth.spec().min {
                            let less = inputs.inputs().clone().with(InputId::Growth, growth - 0.1);
                            let less = run(&less.validate().unwrap());
                            assert!(less.covered_from.is_none_or(|y| y > target));
                        }
                    }
                    None => {
                        assert!(year >= target);
                        assert_eq!(d.steps[0].filled[1], Token::Op(Op::Below));
                    }
                }
                assert!(!d.inputs.contains(&InputId::Growth));
            }
        }
    }

    #[test]
    fn revenue_at_its_ceiling_is_the_ceiling() {
        // A deep cut that sells more than it saves (elasticity 1.2) pushes
        // fast-growing revenue against a low ceiling.
        let inputs = Inputs::default()
            .with(InputId::CostCut, 90.0)
            .with(InputId::Elasticity, 1.2)
            .with(InputId::Growth, 90.0)
            .with(InputId::RevenueCap, 1000.0)
            .validate()
            .unwrap();
        let outcome = run(&inputs);
        let last = outcome.years.last().unwrap();
        assert_eq!(last.actual, 1000.0);
        let d = ask(&inputs, Metric::ActualRevenue, Some(last.year));
        assert_eq!(
            d.steps[0].filled,
            [Token::Input(InputId::RevenueCap, 1000.0)]
        );
        assert_eq!(d.result, Some(1000.0));
        // Before it, the logistic curve with the price effect.
        let d = ask(&inputs, Metric::ActualRevenue, Some(inputs.start() + 1));
        assert!(close(
            eval(&d.steps[0].filled),
            outcome.years[1].actual,
            1e4
        ));
        assert_eq!(d.steps[1].quantity, Quantity::PriceEffect);
    }

    #[test]
    fn a_changed_question_answers_for_the_changed_inputs() {
        let inputs = Inputs::default().validate().unwrap();
        let outcome = run(&inputs);
        for (method, required) in crate::required_by_method(&inputs) {
            let question = Question {
                metric: Metric::RequiredRevenue,
                year: None,
                change: Some(Change::Method(method)),
            };
            let e = explain(&inputs, &outcome, question);
            assert_eq!(e.derivation.method, method);
            assert!(close(e.derivation.result.unwrap(), required, 1e3));
        }
        let question = Question {
            metric: Metric::GapPv,
            year: None,
            change: Some(Change::Input(InputId::Growth, 60.0)),
        };
        let e = explain(&inputs, &outcome, question);
        assert_eq!(e.inputs.get(InputId::Growth), 60.0);
        let other = inputs
            .inputs()
            .clone()
            .with(InputId::Growth, 60.0)
            .validate()
            .unwrap();
        assert_eq!(e.derivation.result, Some(run(&other).gap_pv));
        // A value the input cannot take leaves the page's inputs.
        let question = Question {
            metric: Metric::Gap,
            year: None,
            change: Some(Change::Input(InputId::Growth, f64::NAN)),
        };
        let e = explain(&inputs, &outcome, question);
        assert_eq!(e.inputs, inputs);
    }

    #[test]
    fn the_irr_makes_the_npv_zero_and_the_break_even_is_the_first_year_revenue_covers() {
        for inputs in states() {
            let outcome = run(&inputs);
            if let Irr::Rate(_) = outcome.irr {
                let d = derive(&inputs, &outcome, Metric::Irr);
                let flows: f64 = outcome.years.iter().map(|r| r.cash_flow.abs()).sum();
                assert!(
                    eval(&d.steps[0].filled).abs() < 1e-6 * flows,
                    "{:?}",
                    inputs.method
                );
            }
            let d = derive(&inputs, &outcome, Metric::BreakevenYear);
            let [Token::Value(Quantity::Actual, Some(year), actual), Token::Op(cmp), Token::Value(Quantity::Required, Some(same), required)] =
                d.steps[0].filled[..]
            else {
                panic!("{:?}", d.steps[0]);
            };
            assert_eq!(year, same);
            match outcome.breakeven_year {
                Some(breakeven) => {
                    assert_eq!(year, breakeven);
                    assert_eq!(cmp, Op::AtLeast);
                    assert!(actual >= required);
                }
                None => {
                    assert_eq!(year, inputs.end());
                    assert_eq!(cmp, Op::Below);
                    assert!(actual < required);
                }
            }
        }
    }

    #[test]
    fn dcf_lists_the_vintages_in_service_with_their_charges() {
        let mut inputs = Inputs::default();
        inputs.method = Method::Dcf;
        let inputs = inputs.validate().unwrap();
        let outcome = run(&inputs);
        let d = derive(&inputs, &outcome, Metric::RequiredRevenue);
        assert_eq!(
            d.table.columns,
            [Quantity::Year, Quantity::Vintage, Quantity::CapitalCharge]
        );
        let years: Vec<f64> = d.table.rows.iter().map(|r| r[0]).collect();
        assert_eq!(years, [2022.0, 2023.0, 2024.0, 2025.0, 2026.0]);
        // The newest vintage is the year's capex; the charges add up to the capital charge.
        assert_eq!(d.table.rows[4][1], 500.0);
        let charges: f64 = d.table.rows.iter().map(|r| r[2]).sum();
        assert!(close(charges, outcome.years[0].capital_charge, 1e3));
        assert_eq!(
            d.inputs,
            [
                InputId::Energy,
                InputId::Margin,
                InputId::Rate,
                InputId::Life,
                InputId::Capex,
                InputId::HistoryGrowth
            ]
        );
    }

    #[test]
    fn names_round_trip() {
        for m in Metric::ALL {
            assert_eq!(Metric::from_name(m.name()), Some(m));
        }
    }
}
