//! Prints every chart's public `data-chart` name as JSON, in page order. The
//! browser tests and `scripts/measure-perf.mjs` read this list
//! (`gen/charts.json`, written by `scripts/test.sh`), so no script keeps a
//! chart list of its own; the charts' texts they read from `locales/`.
//!
//! `cargo run -q -p gap-charts --example chart_list > gen/charts.json`

use gap_charts::ChartId;

fn main() {
    let names: Vec<&str> = ChartId::ALL.into_iter().map(ChartId::name).collect();
    let list = serde_json::json!({ "charts": names });
    println!("{}", serde_json::to_string_pretty(&list).expect("JSON"));
}
