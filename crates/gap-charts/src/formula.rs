//! A derivation's formulas as text in the page's language: the symbolic
//! formula with the names of inputs and quantities, and the filled formula
//! with the numbers written the way the page writes them ("10 %", "2,000",
//! German "2.000"), so that a reader can check it with a calculator. The
//! numbers come from `gap_model::derive`; this only writes them.

use gap_model::{Derivation, InputId, Inputs, Op, ProvenanceKind, Quantity, Token, Unit};
use gap_text::number::{decimal, percent, plain};
use gap_text::{escape_html as escape, Lang, UiTexts};

use crate::texts::{input_label, method_label, unit_label};

/// A quantity's name in `lang`.
#[must_use]
pub fn quantity_label(quantity: Quantity, lang: Lang) -> &'static str {
    let t: &UiTexts = lang.ui();
    match quantity {
        Quantity::Required => t.q_required,
        Quantity::Actual => t.q_actual,
        Quantity::Gap => t.q_gap,
        Quantity::GapPv => t.q_gap_pv,
        Quantity::ChargeFactor => t.q_charge_factor,
        Quantity::InService => t.q_in_service,
        Quantity::Vintage => t.q_vintage,
        Quantity::CapitalCharge => t.q_capital_charge,
        Quantity::Energy => t.q_energy,
        Quantity::Capex => t.q_capex,
        Quantity::CashFlow => t.q_cash_flow,
        Quantity::TerminalValue => t.q_terminal_value,
        Quantity::Npv => t.q_npv,
        Quantity::Irr => t.q_irr,
        Quantity::DiscountFactor => t.q_discount_factor,
        Quantity::PresentValue => t.q_present_value,
        Quantity::Year => t.q_year,
        Quantity::PriceEffect => t.q_price_effect,
        Quantity::InUse => t.q_in_use,
        Quantity::CapexWithoutCut => t.q_capex_without_cut,
        Quantity::InServiceWithoutCut => t.q_in_service_without_cut,
        Quantity::OpeningValue => t.q_opening_value,
        Quantity::Receipts => t.q_receipts,
        Quantity::AnnuityFactor => t.q_annuity_factor,
        Quantity::TerminalEarning => t.q_terminal_earning,
        Quantity::Coverage => t.q_coverage,
    }
}

/// How a quantity's value is written: factors with four decimals, rates as
/// percentages, years whole, money in $B with two decimals.
#[must_use]
pub fn quantity_value(quantity: Quantity, value: f64, lang: Lang) -> String {
    match quantity {
        Quantity::ChargeFactor
        | Quantity::DiscountFactor
        | Quantity::PriceEffect
        | Quantity::AnnuityFactor
        | Quantity::TerminalEarning => decimal(lang, value, 4),
        // Precise enough that the NPV at the written IRR is zero to the eye.
        Quantity::Irr => percent(lang, value, 4),
        Quantity::Year => decimal(lang, value, 0).replace(['.', ',', '\u{a0}'], ""),
        _ => decimal(lang, value, 2),
    }
}

/// How an input's value is written in a filled formula.
#[must_use]
pub fn input_value(id: InputId, value: f64, lang: Lang) -> String {
    match id.spec().unit {
        Unit::Percent | Unit::PercentPerYear => percent(lang, value, 2),
        Unit::Year => decimal(lang, value, 0).replace(['.', ',', '\u{a0}'], ""),
        _ => decimal(lang, value, 4),
    }
}

/// An operator's text; a minus that starts an expression is a sign ("^(−5)").
fn op_text(op: Op, previous: Option<Token>) -> &'static str {
    match op {
        Op::Minus if matches!(previous, None | Some(Token::Op(Op::Open | Op::Power))) => "−",
        Op::Plus => " + ",
        Op::Minus => " − ",
        Op::Times => " × ",
        Op::Divide => " ÷ ",
        Op::Open => "(",
        Op::Close => ")",
        Op::Power => "^",
        Op::Sum => "Σ ",
        Op::Equals => " = ",
        Op::AtLeast => " ≥ ",
        Op::Below => " < ",
    }
}

/// A negative number in parentheses, so that "− (−300)" cannot read as "− −300".
fn signed(text: String, value: f64) -> String {
    if value < 0.0 {
        format!("({text})")
    } else {
        text
    }
}

/// The formula with names: "required revenue = AI infrastructure capex ÷ …";
/// a quantity of every year is named "in t".
#[must_use]
pub fn symbolic(tokens: &[Token], lang: Lang) -> String {
    write(tokens, lang, false)
}

/// The formula with this state's numbers.
#[must_use]
pub fn filled(tokens: &[Token], lang: Lang) -> String {
    write(tokens, lang, true)
}

/// The one walk over a formula's tokens: names, or (`numbers`) values.
fn write(tokens: &[Token], lang: Lang, numbers: bool) -> String {
    let mut out = String::new();
    let mut previous = None;
    // Inside parentheses the spaces of a filled formula do not break:
    // "(1 + 10 %)^3" stays on one line.
    let mut depth = 0_usize;
    for token in tokens {
        match *token {
            Token::Op(Op::Open) => {
                depth += 1;
                out.push('(');
            }
            Token::Op(Op::Close) => {
                depth = depth.saturating_sub(1);
                out.push(')');
            }
            Token::Op(op) if numbers && depth > 0 => {
                out.push_str(&op_text(op, previous).replace(' ', "\u{a0}"));
            }
            Token::Op(op) => out.push_str(op_text(op, previous)),
            Token::Input(id, value) if numbers => {
                out.push_str(&signed(input_value(id, value, lang), value));
            }
            Token::Input(id, _) => out.push_str(input_label(id, lang)),
            Token::Value(quantity, _, value) if numbers => {
                out.push_str(&signed(quantity_value(quantity, value, lang), value));
            }
            // A value of one named year: "capital in service in 2026".
            Token::Value(quantity, Some(year), _) => out.push_str(
                &lang
                    .ui()
                    .q_in_year
                    .replace("{quantity}", quantity_label(quantity, lang))
                    .replace("{year}", &year.to_string()),
            ),
            Token::Value(quantity, None, _) => {
                let every_year = matches!(
                    quantity,
                    Quantity::Gap
                        | Quantity::CashFlow
                        | Quantity::Actual
                        | Quantity::Required
                        | Quantity::Capex
                        | Quantity::Energy
                        | Quantity::Vintage
                        | Quantity::InService
                        | Quantity::Receipts
                        | Quantity::InUse
                        | Quantity::CapexWithoutCut
                        | Quantity::InServiceWithoutCut
                );
                // "gap in t", the year the sum runs over: words, not a
                // subscript some fonts lack.
                if every_year {
                    out.push_str(
                        &lang
                            .ui()
                            .q_in_year
                            .replace("{quantity}", quantity_label(quantity, lang))
                            .replace("{year}", "t"),
                    );
                } else {
                    out.push_str(quantity_label(quantity, lang));
                }
            }
            Token::Number(n) => out.push_str(&signed(decimal(lang, n, 4), n)),
            Token::YearIndex => out.push('t'),
        }
        previous = Some(*token);
    }
    out
}

/// The word a provenance mark of `kind` shows.
#[must_use]
pub fn mark_label(kind: ProvenanceKind, t: &UiTexts) -> &'static str {
    match kind {
        ProvenanceKind::Fact => t.mark_fact,
        ProvenanceKind::Public => t.mark_public,
        ProvenanceKind::Assumption => t.mark_assumption,
        ProvenanceKind::Yours => t.mark_yours,
    }
}

/// A provenance mark as markup (the same as the app's `ProvenanceMark`).
#[must_use]
pub fn mark_html(kind: ProvenanceKind, t: &UiTexts) -> String {
    let label = mark_label(kind, t);
    format!(
        "<span class=\"mark\" data-provenance=\"{}\"><span class=\"mark-shape\" aria-hidden=\"true\"></span><span class=\"mark-label\">{}</span></span>",
        kind.name(),
        escape(label)
    )
}

/// What the panel says about the metric beside its formulas.
pub struct PanelTexts<'a> {
    /// The readout's label ("Gap").
    pub metric: &'a str,
    /// The result as the panel writes it, or why there is none.
    pub result: String,
}

/// The derivation panel's content as markup: title and close button, the
/// result, the method, each step's formula and filled formula, the inputs
/// as chips (`button[data-chip]`, with their provenance marks and values)
/// and the intermediate values as a table. Markup rather than a component
/// tree: it is rebuilt whole on every change, and as one string it costs a
/// fraction of the code.
#[must_use]
pub fn panel_html(
    d: &Derivation,
    inputs: &Inputs,
    texts: &PanelTexts,
    linked: bool,
    lang: Lang,
) -> String {
    let t = lang.ui();
    let mut html = format!(
        "<div class=\"panel-head\"><h3 id=\"derivation-title\">{}</h3><button type=\"button\" class=\"secondary\" data-close>{}</button></div>",
        escape(&t.derivation_title.replace("{metric}", texts.metric)),
        escape(t.derivation_close)
    );
    html += &format!(
        "<p class=\"derivation-result\"><strong>{}: </strong>{}<span data-value=\"{}\">{}</span></p>",
        escape(texts.metric),
        if d.result.is_none() { format!("{} ", escape(t.derivation_none)) } else { String::new() },
        d.result.map(plain).unwrap_or_default(),
        escape(&texts.result)
    );
    if d.metric != gap_model::Metric::ActualRevenue {
        html += &format!(
            "<p class=\"hint\">{}</p>",
            escape(
                &t.derivation_method
                    .replace("{method}", method_label(d.method, lang))
            )
        );
    }
    html += &format!("<p class=\"hint\">{}</p>", escape(t.derivation_filled));
    for step in &d.steps {
        let condition = step.quantity == Quantity::Year;
        html += "<div class=\"derivation-step\"><p class=\"formula\">";
        if !condition {
            let name = quantity_label(step.quantity, lang);
            let name = match step.year {
                Some(year) => t
                    .q_in_year
                    .replace("{quantity}", name)
                    .replace("{year}", &year.to_string()),
                None => name.to_owned(),
            };
            html += &format!("<span class=\"lhs\">{}</span> = ", escape(&name));
        }
        html += &format!(
            "<span class=\"expr\">{}</span></p><p class=\"filled\"><span class=\"expr\" data-filled>{}</span>",
            escape(&symbolic(&step.formula, lang)),
            escape(&filled(&step.filled, lang))
        );
        if !condition {
            html += &format!(
                " = <span class=\"step-value\" data-value=\"{}\">{}</span>",
                plain(step.value),
                escape(&quantity_value(step.quantity, step.value, lang))
            );
        }
        html += "</p></div>";
    }
    html += &format!(
        "<h4>{}</h4><ul class=\"chips\">",
        escape(t.derivation_inputs)
    );
    // A chip opens its input's source where the page has the controls.
    let (open, close) = if linked {
        ("button type=\"button\"", "button")
    } else {
        ("span", "span")
    };
    for &id in &d.inputs {
        let value = inputs.get(id);
        html += &format!(
            "<li><{open} class=\"chip\" data-chip=\"{}\">{}<span class=\"chip-name\">{}</span><span class=\"chip-value\">{}\u{a0}{}</span></{close}></li>",
            id.url_name(),
            mark_html(ProvenanceKind::of_input(id, value), t),
            escape(input_label(id, lang)),
            escape(&if id.spec().unit == Unit::Year { input_value(id, value, lang) } else { decimal(lang, value, 2) }),
            escape(unit_label(id.spec().unit, lang))
        );
    }
    html += "</ul>";
    if !d.table.rows.is_empty() {
        html += &format!(
            "<div class=\"table-scroll\"><table><caption>{}</caption><thead><tr>",
            escape(t.derivation_rows)
        );
        for &q in &d.table.columns {
            html += &format!("<th scope=\"col\">{}</th>", escape(quantity_label(q, lang)));
        }
        html += "</tr></thead><tbody>";
        for row in &d.table.rows {
            // The year asked about (a chart's column, the solver's year).
            let asked = d
                .year
                .is_some_and(|year| row.first() == Some(&f64::from(year)));
            html += if asked {
                "<tr class=\"asked\" aria-current=\"true\">"
            } else {
                "<tr>"
            };
            for (i, (&value, &q)) in row.iter().zip(&d.table.columns).enumerate() {
                let cell = if i == 0 { "th scope=\"row\"" } else { "td" };
                let close = if i == 0 { "th" } else { "td" };
                html += &format!(
                    "<{cell}>{}</{close}>",
                    escape(&quantity_value(q, value, lang))
                );
            }
            html += "</tr>";
        }
        html += "</tbody></table></div>";
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use gap_model::{derive, run, Inputs, Method, Metric};

    #[test]
    fn formulas_read_in_every_language() {
        let mut inputs = Inputs::default();
        inputs.method = Method::Sequoia;
        let inputs = inputs.validate().unwrap();
        let outcome = run(&inputs);
        let d = derive(&inputs, &outcome, Metric::RequiredRevenue);
        assert_eq!(
            filled(&d.steps[0].filled, Lang::En),
            "500 × 50\u{a0}% × 2 ÷ (1\u{a0}−\u{a0}50\u{a0}%)"
        );
        assert_eq!(
            symbolic(&d.steps[0].formula, Lang::En),
            format!(
                "{} × {} × {} ÷ (1 − {})",
                input_label(InputId::Capex, Lang::En),
                input_label(InputId::GpuShare, Lang::En),
                input_label(InputId::Tco, Lang::En),
                input_label(InputId::Margin, Lang::En)
            )
        );
        let mut direct = Inputs::default().with(InputId::Required, 2500.5);
        direct.method = Method::Direct;
        let direct = direct.validate().unwrap();
        let d = derive(&direct, &run(&direct), Metric::RequiredRevenue);
        assert_eq!(filled(&d.steps[0].filled, Lang::De), "2.500,5 × 500 ÷ 500");
        let d = derive(&direct, &run(&direct), Metric::GapPv);
        assert!(symbolic(&d.steps[0].formula, Lang::En).starts_with("Σ gap in t ÷ (1 + "));
        assert!(filled(&d.steps[0].filled, Lang::Nl)
            .starts_with("2.445,5 ÷ (1\u{a0}+\u{a0}10\u{a0}%)^1 + "));
        // The NPV starts with the opening fleet bought in, then the first
        // year's receipts less energy at its end and its capex at its start.
        let d = derive(&direct, &run(&direct), Metric::Npv);
        let npv = filled(&d.steps[0].filled, Lang::En).replace('\u{a0}', " ");
        assert!(
            npv.starts_with("−580.63 + (27.5 − 11) ÷ (1 + 10 %)^1 − 500 ÷ (1 + 10 %)^0 + "),
            "{npv}"
        );
    }
}
