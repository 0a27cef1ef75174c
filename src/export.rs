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

/// The revenue growth that covers the requirement in the last year (%/yr),
/// or why none does.
fn growth_needed_json(inputs: &Inputs) -> Value {
    let Ok(valid) = inputs.validate() else {
        return Value::Null;
    };
    let end = valid.end();
    match gap_model::growth_needed(&valid, end) {
        Ok(growth) => json!({ "from_year": end, "percent_per_year": growth }),
        Err(reason) => json!({
            "from_year": end,
            "percent_per_year": Value::Null,
            "reason": match reason {
                gap_model::Uncovered::AboveCeiling(_) => "ceiling",
                _ => "range",
            },
        }),
    }
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
    // The CSV's columns, so that the two downloads name a value alike.
    let years: Vec<Value> = outcome
        .years
        .iter()
        .map(|row| {
            let mut year = Map::new();
            year.insert(
                gap_model::OUTCOME_CSV_HEADER[0].into(),
                Value::from(row.year),
            );
            for (name, value) in gap_model::OUTCOME_CSV_HEADER[1..]
                .iter()
                .zip(gap_model::row_values(row))
            {
                year.insert((*name).into(), Value::from(value));
            }
            Value::Object(year)
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
            "coverage_percent": 100.0 * outcome.coverage,
            "final_coverage_percent": 100.0 * outcome.final_coverage,
            "breakeven_year": outcome.breakeven_year,
            "covered_from": outcome.covered_from,
            "npv": outcome.npv,
            "irr_percent": outcome.irr.rate(),
            "opening_value": outcome.opening_value,
            "terminal_value": outcome.terminal_value,
            // The readouts' Monte Carlo band (also under `monte_carlo`).
            "gap_pv_p5": mc.filter(|mc| mc.draws > 0).map(|mc| mc.pv_p5),
            "gap_pv_p95": mc.filter(|mc| mc.draws > 0).map(|mc| mc.pv_p95),
            // The solver's answer for the last year, as the page first shows it.
            "growth_needed": growth_needed_json(inputs),
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

/// What the share sheet did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// It took the link (with the chart's picture when it accepts files).
    Sheet,
    /// The reader closed it.
    Cancelled,
    /// There is none here, or it failed: the caller falls back to copying.
    Unavailable,
}

/// Shares `url` with the Web Share API, with the PNG `picture` (a file name
/// and a data URL) as a file when `navigator.canShare` accepts it.
pub async fn share(
    title: &str,
    text: &str,
    url: &str,
    picture: Option<(String, String)>,
) -> Shared {
    let Some(window) = web_sys::window() else {
        return Shared::Unavailable;
    };
    let navigator = window.navigator();
    let method = |name: &str| {
        js_sys::Reflect::get(&navigator, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let Some(share) = method("share") else {
        return Shared::Unavailable;
    };
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &key.into(), &value.into());
    }
    if let (Some(can_share), Some((name, picture))) = (method("canShare"), picture) {
        if let Some(files) = picture_files(&name, &picture) {
            let with_files = js_sys::Object::assign(&js_sys::Object::new(), &data);
            let _ = js_sys::Reflect::set(&with_files, &"files".into(), &files);
            if can_share
                .call1(&navigator, &with_files)
                .is_ok_and(|answer| answer.is_truthy())
            {
                let _ = js_sys::Reflect::set(&data, &"files".into(), &files);
            }
        }
    }
    let Ok(promise) = share.call1(&navigator, &data) else {
        return Shared::Unavailable;
    };
    match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Shared::Sheet,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|name| name.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Unavailable
            }
        }
    }
}

/// `[File]` of the PNG data URL `picture`, named `name`. Decoded here, not
/// fetched: the CSP lets the page fetch only its own files.
fn picture_files(name: &str, picture: &str) -> Option<js_sys::Array> {
    let window = web_sys::window()?;
    let (_, base64) = picture.split_once(',')?;
    // `atob` gives one char per byte (U+0000 to U+00FF).
    let bytes: Vec<u8> = window
        .atob(base64)
        .ok()?
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or_default())
        .collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let file_type = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&file_type, &"type".into(), &"image/png".into());
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"File".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let file = js_sys::Reflect::construct(
        &constructor,
        &js_sys::Array::of3(&parts, &name.into(), &file_type),
    )
    .ok()?;
    Some(js_sys::Array::of1(&file))
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
