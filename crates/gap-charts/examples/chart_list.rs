//! Prints the charts as JSON, in page order: each chart's `data-chart` name
//! and, per language, its text alternative and short name. The browser tests
//! and `scripts/measure-perf.mjs` read this list (`gen/charts.json`, written
//! by `scripts/test.sh`), so no script keeps a chart list of its own.
//!
//! `cargo run -q -p gap-charts --example chart_list > gen/charts.json`

use gap_charts::{ChartId, Lang};
use serde_json::{json, Map, Value};

fn main() {
    let per_language = |text: fn(ChartId, Lang) -> &'static str, id: ChartId| -> Value {
        Value::Object(
            Lang::ALL
                .into_iter()
                .map(|lang| (lang.code().to_owned(), Value::from(text(id, lang))))
                .collect::<Map<_, _>>(),
        )
    };
    let charts: Vec<Value> = ChartId::ALL
        .into_iter()
        .map(|id| {
            json!({
                "name": id.name(),
                "label": per_language(ChartId::label, id),
                "short_name": per_language(ChartId::short_name, id),
            })
        })
        .collect();
    let languages: Vec<&str> = Lang::ALL.into_iter().map(Lang::code).collect();
    let list = json!({ "charts": charts, "languages": languages });
    println!("{}", serde_json::to_string_pretty(&list).expect("JSON"));
}
