//! Prints, as JSON, every chart's public `data-chart` name in page order and
//! every input's (and the correlation setting's) URL name, default,
//! provenance kind, the figure its default quotes and the figures that
//! contest it. The browser tests and
//! `scripts/measure-perf.mjs` read this list (`gen/charts.json`, written by
//! `scripts/test.sh`), so no script keeps a list of its own; the texts they
//! read from `locales/`.
//!
//! `cargo run -q -p gap-charts --example chart_list > gen/charts.json`

use gap_charts::ChartId;
use gap_model::InputId;

fn main() {
    let names: Vec<&str> = ChartId::ALL.into_iter().map(ChartId::name).collect();
    let inputs: Vec<serde_json::Value> = InputId::ALL
        .into_iter()
        .map(|id| {
            let spec = id.spec();
            serde_json::json!({
                "name": id.url_name(),
                "default": spec.default,
                "provenance": spec.provenance.kind().name(),
                "figure": match spec.provenance {
                    gap_model::Provenance::Figure(figure) => Some(figure),
                    _ => None,
                },
                "contested_by": id.contested_by(),
            })
        })
        .chain([serde_json::json!({
            // The Monte Carlo's growth correlation: a setting with a control
            // group of its own, its default an assumption (its hint argues it).
            "name": "corr",
            "default": gap_model::DEFAULT_CORRELATION,
            "provenance": gap_model::ProvenanceKind::Assumption.name(),
            "figure": None::<&str>,
            "contested_by": Vec::<&str>::new(),
        })])
        .collect();
    let list = serde_json::json!({ "charts": names, "inputs": inputs });
    println!("{}", serde_json::to_string_pretty(&list).expect("JSON"));
}
