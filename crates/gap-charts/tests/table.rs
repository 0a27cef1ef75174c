//! Data-table twins hold the model's numbers, not the picture's helpers.

use gap_charts::{data_table, Lang};
use gap_model::{run, Inputs};

#[test]
fn the_gap_table_lists_required_actual_and_gap_without_stacking_helpers() {
    let outcome = run(&Inputs::default().validate().unwrap());
    let table = data_table(&gap_charts::gap(&outcome, Some((50.0, 60.0)), Lang::En));
    assert_eq!(table.rows.len(), 3, "{table:?}");
    let all: Vec<f64> = table
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().flatten().copied())
        .collect();
    for wanted in [outcome.base_required, outcome.base_actual, outcome.base_gap] {
        assert!(all.contains(&wanted), "{wanted} missing from {table:?}");
    }
    assert!(
        !all.contains(&10.0),
        "the range's stacked width (60 − 50) is a drawing helper"
    );
    assert!(table
        .rows
        .iter()
        .all(|(_, cells)| cells.len() == table.columns.len()));
}

#[test]
fn the_yearly_table_has_one_row_per_model_year() {
    let outcome = run(&Inputs::default().validate().unwrap());
    let table = data_table(&gap_charts::pv(&outcome, Lang::De));
    assert_eq!(table.rows.len(), outcome.years.len());
    let last = table.rows.last().unwrap();
    assert!(last.1.contains(&Some(outcome.gap_pv)), "{last:?}");
}
