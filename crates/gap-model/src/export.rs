//! The model's yearly outputs as CSV, for readers who want to check or reuse them.

use core::fmt::Write;

use crate::Outcome;

/// Column names of `outcome_csv`, in order. Money in $B.
pub const OUTCOME_CSV_HEADER: [&str; 11] = [
    "year",
    "capex_busd",
    "capital_charge_busd",
    "energy_busd",
    "required_revenue_busd",
    "actual_revenue_busd",
    "gap_busd",
    "discounted_gap_busd",
    "cumulative_gap_busd",
    "cumulative_discounted_gap_busd",
    "owners_cash_flow_busd",
];

/// A year's values in the order of `OUTCOME_CSV_HEADER` after `year`,
/// rounded to a thousand dollars (six decimals of $B): what the numbers
/// mean, without the float noise of the arithmetic (23.00000000000002).
#[must_use]
pub fn row_values(row: &crate::YearRow) -> [f64; 10] {
    [
        row.capex,
        row.capital_charge,
        row.energy,
        row.required,
        row.actual,
        row.gap,
        row.discounted_gap,
        row.cumulative_gap,
        row.cumulative_discounted_gap,
        row.cash_flow,
    ]
    // + 0.0 turns −0 into 0.
    .map(|value| (value * 1e6).round() / 1e6 + 0.0)
}

/// One row per model year, with a header row; plain decimals, `\n` line ends.
#[must_use]
pub fn outcome_csv(outcome: &Outcome) -> String {
    let mut csv = OUTCOME_CSV_HEADER.join(",");
    csv.push('\n');
    for row in &outcome.years {
        // Writing into a String cannot fail.
        let _ = write!(csv, "{}", row.year);
        for value in row_values(row) {
            let _ = write!(csv, ",{value}");
        }
        csv.push('\n');
    }
    csv
}

/// `csv` after a commented preamble, one `# key: value` line per note (a
/// line break inside a value becomes a space), so that a spreadsheet or
/// `pandas.read_csv(…, comment="#")` still reads the table and a reader
/// still sees where the numbers come from.
#[must_use]
pub fn with_preamble(notes: &[(&str, &str)], csv: &str) -> String {
    let mut out = String::with_capacity(csv.len() + 512);
    for (key, value) in notes {
        let value = value.replace(['\r', '\n'], " ");
        let _ = writeln!(out, "# {key}: {}", value.trim());
    }
    out.push_str(csv);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{run, Inputs};

    #[test]
    fn one_row_per_year_that_reads_back_as_the_model_numbers() {
        let outcome = run(&Inputs::default().validate().unwrap());
        let csv = outcome_csv(&outcome);
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap(), OUTCOME_CSV_HEADER.join(","));
        let rows: Vec<Vec<f64>> = lines
            .map(|line| line.split(',').map(|cell| cell.parse().unwrap()).collect())
            .collect();
        assert_eq!(rows.len(), outcome.years.len());
        // To the thousand dollars the file keeps.
        let near = |a: f64, b: f64| (a - b).abs() <= 5e-7;
        for (cells, row) in rows.iter().zip(&outcome.years) {
            assert_eq!(cells.len(), OUTCOME_CSV_HEADER.len());
            assert_eq!(cells[0], f64::from(row.year));
            assert!(near(cells[2], row.capital_charge));
            assert!(near(cells[4], row.required));
            assert!(near(cells[5], row.actual));
            assert!(near(cells[6], row.gap));
            assert!(near(cells[9], row.cumulative_discounted_gap));
            assert!(near(cells[10], row.cash_flow));
        }
    }

    #[test]
    fn values_carry_no_float_noise() {
        let mut row = run(&Inputs::default().validate().unwrap()).years[0];
        row.capex = 23.000_000_000_000_02;
        row.gap = -0.000_000_1;
        let values = row_values(&row);
        assert_eq!(values[0].to_string(), "23");
        assert_eq!(values[5].to_string(), "0", "no −0");
    }

    #[test]
    fn a_preamble_is_comment_lines_before_the_unchanged_table() {
        let outcome = run(&Inputs::default().validate().unwrap());
        let csv = outcome_csv(&outcome);
        let both = with_preamble(
            &[
                ("title", "Yearly numbers"),
                ("permalink", "https://x/?v=3\n&a=1"),
            ],
            &csv,
        );
        let mut lines = both.lines();
        assert_eq!(lines.next(), Some("# title: Yearly numbers"));
        assert_eq!(lines.next(), Some("# permalink: https://x/?v=3 &a=1"));
        assert_eq!(lines.collect::<Vec<_>>().join("\n") + "\n", csv);
    }
}
