//! How each headline number is computed, as data: the formula of the current
//! method in plain notation, the same formula with this state's numbers, the
//! inputs it rests on and the intermediate values. The page only renders it;
//! every number here comes from the same arithmetic as `run`, and the tests
//! evaluate the filled formulas against `run`'s outcome.

use crate::inputs::DIRECT_REFERENCE_CAPEX;
use crate::method::{crf, Params};
use crate::model::year_offset;
use crate::{InputId, Irr, Method, Outcome, ValidInputs};

/// A headline readout that can explain itself (its `data-metric` name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    RequiredRevenue,
    ActualRevenue,
    Gap,
    GapPv,
    BreakevenYear,
    Npv,
    Irr,
}

impl Metric {
    pub const ALL: [Metric; 7] = [
        Metric::RequiredRevenue,
        Metric::ActualRevenue,
        Metric::Gap,
        Metric::GapPv,
        Metric::BreakevenYear,
        Metric::Npv,
        Metric::Irr,
    ];

    /// The readout's public `data-metric` (and `data-derivation`) name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Metric::RequiredRevenue => "required_revenue",
            Metric::ActualRevenue => "actual_revenue",
            Metric::Gap => "gap",
            Metric::GapPv => "gap_pv",
            Metric::BreakevenYear => "breakeven_year",
            Metric::Npv => "npv",
            Metric::Irr => "irr",
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
    /// `CRF(rate, life) ÷ (1 + rate)`: the yearly charge per dollar in service.
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
    /// A vintage `j` years before the end year, `j = 0 … life − 1` (the
    /// terminal value's sum).
    CapexBeforeEnd,
    /// `1 ÷ (1 + rate)^t`.
    DiscountFactor,
    /// A value times its discount factor.
    PresentValue,
    Year,
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
    /// The index `j` (years before `end`) of the terminal value's sum.
    YearsBeforeEnd,
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

/// The derivation of `metric` at `inputs`, whose run is `outcome`.
#[must_use]
pub fn derive(inputs: &ValidInputs, outcome: &Outcome, metric: Metric) -> Derivation {
    let p = Params::from_valid(inputs);
    let method = inputs.method;
    let mut steps = Vec::new();
    let mut table = Table::default();
    let result = match metric {
        Metric::RequiredRevenue => {
            required_steps(inputs, &p, outcome, &mut steps, &mut table);
            Some(outcome.base_required)
        }
        Metric::ActualRevenue => {
            steps.push(actual_step(inputs, outcome));
            Some(outcome.base_actual)
        }
        Metric::Gap => {
            steps.push(Step {
                quantity: Quantity::Gap,
                formula: vec![
                    Token::Value(Quantity::Required, None, 0.0),
                    op(Minus),
                    Token::Value(Quantity::Actual, None, 0.0),
                ],
                filled: vec![
                    Token::Value(Quantity::Required, None, outcome.base_required),
                    op(Minus),
                    Token::Value(Quantity::Actual, None, outcome.base_actual),
                ],
                value: outcome.base_gap,
            });
            required_steps(inputs, &p, outcome, &mut steps, &mut table);
            steps.push(actual_step(inputs, outcome));
            Some(outcome.base_gap)
        }
        Metric::GapPv => {
            let mut filled = Vec::new();
            for (i, row) in outcome.years.iter().enumerate() {
                if i > 0 {
                    filled.push(op(Plus));
                }
                filled.push(Token::Value(Quantity::Gap, Some(row.year), row.gap));
                filled.push(op(Divide));
                filled.extend(one_plus_rate(inputs));
                filled.extend([op(Power), Token::Number(f64::from(year_offset(i)))]);
            }
            let mut formula = vec![
                op(Op::Sum),
                Token::Value(Quantity::Gap, None, 0.0),
                op(Divide),
            ];
            formula.extend(one_plus_rate(inputs));
            formula.extend([op(Power), Token::YearIndex]);
            steps.push(Step {
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
            let mut formula = vec![
                op(Op::Sum),
                Token::Value(Quantity::CashFlow, None, 0.0),
                op(Divide),
            ];
            formula.extend(at(rate));
            formula.extend([op(Power), Token::YearIndex, op(Plus)]);
            formula.push(Token::Value(Quantity::TerminalValue, None, 0.0));
            formula.push(op(Divide));
            formula.extend(at(rate));
            formula.extend([op(Power), Token::Number(count(n))]);
            let mut filled = Vec::new();
            for (i, row) in outcome.years.iter().enumerate() {
                filled.push(Token::Value(
                    Quantity::CashFlow,
                    Some(row.year),
                    row.cash_flow,
                ));
                filled.push(op(Divide));
                filled.extend(at(rate));
                filled.extend([
                    op(Power),
                    Token::Number(f64::from(year_offset(i))),
                    op(Plus),
                ]);
            }
            filled.push(Token::Value(
                Quantity::TerminalValue,
                None,
                outcome.terminal_value,
            ));
            filled.push(op(Divide));
            filled.extend(at(rate));
            filled.extend([op(Power), Token::Number(count(n))]);
            // The NPV at the discount rate, or at the IRR, where it is zero
            // (without an IRR there is no rate to fill in).
            if metric == Metric::Npv || irr.is_some() {
                steps.push(Step {
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
            steps.push(terminal_step(inputs, &p, outcome));
            // Discounted at the rate of the formula; without an IRR, the
            // flows alone.
            let cash_flow: fn(&crate::YearRow) -> f64 = |row| row.cash_flow;
            let discount = rate.is_finite().then_some((rate / 100.0, cash_flow));
            table = year_table(
                outcome,
                &[
                    Quantity::Actual,
                    Quantity::Capex,
                    Quantity::Energy,
                    Quantity::CashFlow,
                ],
                |row| vec![row.actual, row.capex, row.energy, row.cash_flow],
                discount,
            );
            match metric {
                Metric::Npv => Some(outcome.npv),
                _ => irr,
            }
        }
    };
    let mut used = Vec::new();
    for step in &steps {
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
    match metric {
        Metric::RequiredRevenue | Metric::Gap if method == Method::Dcf => {
            implied.extend([InputId::Rate, InputId::Capex, InputId::HistoryGrowth]);
        }
        // The sum over the years: every input the method reads shapes it.
        Metric::GapPv => {
            implied.extend(InputId::ALL.into_iter().filter(|id| id.is_used_by(method)))
        }
        // The first year that covers its requirement: no discounting, so the
        // rate matters only where it prices capital (`dcf`).
        Metric::BreakevenYear => {
            implied.extend(InputId::ALL.into_iter().filter(|&id| {
                id.is_used_by(method) && (id != InputId::Rate || method == Method::Dcf)
            }))
        }
        // The owners' cash flows do not depend on the method: they pay capex
        // and the energy of the capital in service (back-cast with
        // `history_growth` over `life`) and keep `1 − margin` of revenue. The
        // IRR is the rate that zeroes their NPV, whatever the discount rate.
        Metric::Npv | Metric::Irr => implied.extend(InputId::ALL.into_iter().filter(|&id| {
            !matches!(
                id,
                InputId::Required | InputId::GpuShare | InputId::Tco | InputId::CapexShare
            ) && (metric == Metric::Npv || id != InputId::Rate)
        })),
        _ => {}
    }
    for id in implied {
        if !used.contains(&id) {
            used.push(id);
        }
    }
    Derivation {
        metric,
        method,
        result,
        steps,
        inputs: used,
        table,
    }
}

fn gap_of(row: &crate::YearRow) -> f64 {
    row.gap
}

#[allow(clippy::cast_precision_loss)] // a horizon of at most 81 years
fn count(n: usize) -> f64 {
    n as f64
}

fn actual_step(inputs: &ValidInputs, outcome: &Outcome) -> Step {
    Step {
        quantity: Quantity::Actual,
        formula: vec![input(inputs, InputId::Revenue)],
        filled: vec![input(inputs, InputId::Revenue)],
        value: outcome.base_actual,
    }
}

/// The first year's required revenue under the current method, and for
/// `dcf` the charge factor, the capital in service and its vintages.
fn required_steps(
    inputs: &ValidInputs,
    p: &Params,
    outcome: &Outcome,
    steps: &mut Vec<Step>,
    table: &mut Table,
) {
    let i = |id| input(inputs, id);
    let one_minus_margin = [
        op(Open),
        Token::Number(1.0),
        op(Minus),
        i(InputId::Margin),
        op(Close),
    ];
    let base = outcome.years[0];
    let formula = match inputs.method {
        Method::Direct => vec![
            i(InputId::Required),
            op(Times),
            i(InputId::Capex),
            op(Divide),
            Token::Number(DIRECT_REFERENCE_CAPEX),
        ],
        Method::Sequoia => {
            let mut f = vec![
                i(InputId::Capex),
                op(Times),
                i(InputId::GpuShare),
                op(Times),
                i(InputId::Tco),
                op(Divide),
            ];
            f.extend(one_minus_margin);
            f
        }
        Method::Bain => vec![i(InputId::Capex), op(Divide), i(InputId::CapexShare)],
        Method::Dcf => {
            let in_service = base.capital_charge / p.charge;
            let mut f = vec![
                op(Open),
                Token::Value(Quantity::ChargeFactor, None, p.charge),
                op(Times),
                Token::Value(Quantity::InService, None, in_service),
                op(Plus),
                i(InputId::Energy),
                op(Close),
                op(Divide),
            ];
            f.extend(one_minus_margin);
            f
        }
    };
    steps.push(Step {
        quantity: Quantity::Required,
        filled: formula.clone(),
        formula,
        value: base.required,
    });
    if inputs.method == Method::Dcf {
        // CRF(r, L) ÷ (1 + r) = r ÷ (1 − (1 + r)^(−L)) ÷ (1 + r); at r = 0
        // the limit, 1 ÷ L (the model's `crf` takes it too).
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
                op(Divide),
            ]);
            charge.extend(one_plus_rate(inputs));
            charge
        };
        debug_assert!({
            #[allow(clippy::cast_precision_loss)]
            let life = p.life as f64;
            (crf(p.rate, life) / (1.0 + p.rate) - p.charge).abs() < 1e-12
        });
        steps.push(Step {
            quantity: Quantity::ChargeFactor,
            filled: charge.clone(),
            formula: charge,
            value: p.charge,
        });
        // The vintages in service in the first year: `capex` built in it,
        // the older ones back-cast with `history_growth`.
        let start = inputs.start();
        let mut vintages = Vec::with_capacity(p.life);
        let mut value = p.capex;
        for k in 0..p.life {
            if k > 0 {
                value /= 1.0 + p.history_growth;
            }
            vintages.push((start - year_offset(k), value));
        }
        vintages.reverse();
        let formula = vec![op(Op::Sum), Token::Value(Quantity::Vintage, None, 0.0)];
        let mut filled = Vec::new();
        for (k, (year, value)) in vintages.iter().enumerate() {
            if k > 0 {
                filled.push(op(Plus));
            }
            filled.push(Token::Value(Quantity::Vintage, Some(*year), *value));
        }
        steps.push(Step {
            quantity: Quantity::InService,
            formula,
            filled,
            value: base.capital_charge / p.charge,
        });
        *table = Table {
            columns: vec![Quantity::Year, Quantity::Vintage, Quantity::CapitalCharge],
            rows: vintages
                .iter()
                .map(|(year, value)| vec![f64::from(*year), *value, value * p.charge])
                .collect(),
        };
    }
}

/// `CF_t = (1 − margin) × actual_t − capex_t − energy_t`, filled for the first year.
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
        quantity: Quantity::CashFlow,
        formula,
        filled,
        value: base.cash_flow,
    }
}

/// `TV = Σ_j capex_{end−j} × (life − 1 − j) ÷ life`: the book value left of
/// the vintages built within the horizon.
fn terminal_step(inputs: &ValidInputs, p: &Params, outcome: &Outcome) -> Step {
    #[allow(clippy::cast_precision_loss)] // life <= 30
    let life = p.life as f64;
    let formula = vec![
        op(Op::Sum),
        Token::Value(Quantity::CapexBeforeEnd, None, 0.0),
        op(Times),
        op(Open),
        input(inputs, InputId::Life),
        op(Minus),
        Token::Number(1.0),
        op(Minus),
        Token::YearsBeforeEnd,
        op(Close),
        op(Divide),
        input(inputs, InputId::Life),
    ];
    let mut filled = Vec::new();
    for (j, row) in outcome.years.iter().rev().take(p.life).enumerate() {
        if j > 0 {
            filled.push(op(Plus));
        }
        filled.extend([
            Token::Value(Quantity::Capex, Some(row.year), row.capex),
            op(Times),
            Token::Number(life - 1.0 - f64::from(year_offset(j))),
            op(Divide),
            Token::Number(life),
        ]);
    }
    Step {
        quantity: Quantity::TerminalValue,
        formula,
        filled,
        value: outcome.terminal_value,
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
    let mut factor = 1.0;
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

    #[test]
    fn every_filled_formula_evaluates_to_its_value_and_the_first_to_the_readout() {
        for inputs in states() {
            let outcome = run(&inputs);
            for metric in Metric::ALL {
                let d = derive(&inputs, &outcome, metric);
                let what = format!("{:?} {metric:?}", inputs.method);
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
                let expected = match metric {
                    Metric::RequiredRevenue => Some(outcome.base_required),
                    Metric::ActualRevenue => Some(outcome.base_actual),
                    Metric::Gap => Some(outcome.base_gap),
                    Metric::GapPv => Some(outcome.gap_pv),
                    Metric::BreakevenYear => outcome.breakeven_year.map(f64::from),
                    Metric::Npv => Some(outcome.npv),
                    Metric::Irr => outcome.irr.rate(),
                };
                assert_eq!(d.result, expected, "{what}");
                if metric != Metric::Irr && metric != Metric::BreakevenYear {
                    assert_eq!(Some(d.steps[0].value), d.result, "{what}");
                }
                // Every input the method reads that moves the metric is a chip.
                let mut seen = d.inputs.clone();
                seen.sort_by_key(|id| id.index());
                seen.dedup();
                assert_eq!(seen.len(), d.inputs.len(), "{what}: no chip twice");
                for id in InputId::ALL {
                    if d.inputs.contains(&id) || d.result.is_none() {
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
                    let again = derive(&other, &run(&other), metric);
                    assert_eq!(
                        again.result, d.result,
                        "{what}: {id:?} moves it but is no chip"
                    );
                }
                for row in &d.table.rows {
                    assert_eq!(row.len(), d.table.columns.len(), "{what}");
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
            let outcome = run(&inputs);
            for metric in Metric::ALL {
                // A year moves in steps: most small changes leave it.
                if metric == Metric::BreakevenYear {
                    continue;
                }
                let d = derive(&inputs, &outcome, metric);
                for &id in &d.inputs {
                    let spec = id.spec();
                    let value = inputs.get(id);
                    let moved = [value + spec.step * 3.0, value - spec.step * 3.0]
                        .into_iter()
                        .filter_map(|v| inputs.inputs().clone().with(id, v).validate().ok())
                        .any(|other| derive(&other, &run(&other), metric).result != d.result);
                    assert!(
                        moved,
                        "{method:?} {metric:?}: {id:?} is named but moves nothing"
                    );
                }
            }
        }
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
