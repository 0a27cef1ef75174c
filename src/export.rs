//! Files for the reader: the model's yearly outputs (CSV), inputs and outputs
//! with the dataset version (JSON), the whole dataset (CSV), chart pictures.
//! Content is built from the pure crates; this module only hands it over.

use gap_model::{InputId, Inputs, MonteCarlo, Outcome, Uncertainty};
use leptos::prelude::WithUntracked;
use serde_json::{json, Map, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Offers `content` as a file download.
pub fn download_text(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers a data or blob URL as a file download.
pub fn download_url(file_name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(url);
    link.set_download(file_name);
    link.click();
}

/// The Monte Carlo settings and, once it ran, its bands and the variance
/// shares (the sensitivity chart's numbers).
fn monte_carlo_json(inputs: &Inputs, uncertainty: &Uncertainty, mc: Option<&MonteCarlo>) -> Value {
    let mut ranges = Map::new();
    let absolute = uncertainty.ranges(inputs);
    for id in InputId::ALL
        .into_iter()
        .filter(|&id| gap_model::has_range(id))
    {
        let entry = match (uncertainty.get(id), absolute.get(id)) {
            (Some(setting), Some((low, high))) => json!({
                "low": low,
                "high": high,
                "spread_below": setting.spread.below,
                "spread_above": setting.spread.above,
                "distribution": setting.distribution.url_name(),
            }),
            _ => Value::Null,
        };
        ranges.insert(id.url_name().into(), entry);
    }
    let results = mc.filter(|mc| mc.draws > 0).map(|mc| {
        json!({
            "gap_pv_p5": mc.pv_p5,
            "gap_pv_p50": mc.pv_p50,
            "gap_pv_p95": mc.pv_p95,
            "years": mc.years,
            "gap_p5": mc.p5,
            "gap_p50": mc.p50,
            "gap_p95": mc.p95,
            "probability_breakeven_by": mc.prob_breakeven_by,
            "variance_shares": mc.sensitivity.iter().map(|s| json!({
                "input": s.input.url_name(),
                "share": s.share,
                "first_order": s.first_order,
            })).collect::<Vec<_>>(),
        })
    });
    json!({
        "draws": uncertainty.draws(),
        "seed": uncertainty.seed(),
        "correlation_capex_growth_growth": uncertainty.correlation(),
        "ranges": ranges,
        "results": results,
    })
}

/// Inputs, outputs, the Monte Carlo and the dataset version as one JSON document.
#[must_use]
pub fn state_json(
    inputs: &Inputs,
    outcome: &Outcome,
    uncertainty: &Uncertainty,
    mc: Option<&MonteCarlo>,
    query: &str,
) -> String {
    let mut input_map = Map::new();
    input_map.insert("method".into(), Value::from(inputs.method.url_name()));
    for id in InputId::ALL {
        input_map.insert(id.url_name().into(), Value::from(inputs.get(id)));
    }
    let years: Vec<Value> = outcome
        .years
        .iter()
        .map(|row| {
            json!({
                "year": row.year,
                "capex_busd": row.capex,
                "capital_charge_busd": row.capital_charge,
                "energy_busd": row.energy,
                "required_revenue_busd": row.required,
                "actual_revenue_busd": row.actual,
                "gap_busd": row.gap,
                "discounted_gap_busd": row.discounted_gap,
                "cumulative_gap_busd": row.cumulative_gap,
                "cumulative_discounted_gap_busd": row.cumulative_discounted_gap,
                "owners_cash_flow_busd": row.cash_flow,
            })
        })
        .collect();
    let document = json!({
        "app": "AI Gap Explorer",
        "dataset_version": gap_data::DATASET_VERSION,
        // The version a link carries (`v`), so a reader can rebuild the state.
        "model_version": crate::url_state::MODEL_VERSION.parse::<u32>().unwrap_or_default(),
        "query": query,
        "inputs": input_map,
        "outputs": {
            "required_revenue": outcome.base_required,
            "actual_revenue": outcome.base_actual,
            "gap": outcome.base_gap,
            "gap_pv": outcome.gap_pv,
            "breakeven_year": outcome.breakeven_year,
            "npv": outcome.npv,
            "irr_percent": outcome.irr.rate(),
            "terminal_value": outcome.terminal_value,
        },
        "years": years,
        "monte_carlo": monte_carlo_json(inputs, uncertainty, mc),
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// Puts text on the clipboard when the page may; resolves whether it did.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // `navigator.clipboard` is missing on insecure origins and throws in some
    // sandboxed frames: look it up without letting it throw.
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|value| !value.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .is_ok()
}

/// The yearly CSV with what a reader needs to cite it: title, permalink,
/// model and dataset versions, licence and a suggested citation, as `#`
/// comment lines above the unchanged table.
pub fn yearly_csv_with_context(state: &crate::state::AppState, csv: &str) -> String {
    let permalink = crate::browser::share_url(state);
    let method = state
        .inputs
        .with_untracked(|inputs| inputs.method.url_name());
    let model = format!(
        "v{} (docs/MODEL.md), method {method}",
        crate::url_state::MODEL_VERSION
    );
    let today: String = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect();
    let citation = format!(
        "AI Gap Explorer, yearly model numbers (model v{}, dataset {}), {permalink}, retrieved {today}",
        crate::url_state::MODEL_VERSION,
        gap_data::DATASET_VERSION
    );
    gap_model::with_preamble(
        &[
            ("title", "AI Gap Explorer: yearly required and actual AI revenue, gap and cash flows (money in $B)"),
            ("permalink", &permalink),
            ("model", &model),
            ("dataset", gap_data::DATASET_VERSION),
            ("licence", "MIT (the code and the numbers it computes); the articles quoted in the dataset remain their publishers'"),
            ("citation", &citation),
        ],
        csv,
    )
}
