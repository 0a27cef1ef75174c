//! Where the app meets the page: the query string, `history`, `<html>`
//! attributes. Every call tolerates a missing or locked-down browser API
//! (sandboxed iframes throw on some of them): it degrades, never panics.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppState;
use crate::url_state::{self, PageSettings};

/// The settings the current URL asks for.
#[must_use]
pub fn page_settings() -> PageSettings {
    let window = web_sys::window();
    let pairs = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .map(|search| query_pairs(&search))
        .unwrap_or_default();
    let browser_lang = window.as_ref().and_then(|w| w.navigator().language());
    let prefers_dark = window
        .as_ref()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches());
    url_state::parse(&pairs, browser_lang.as_deref(), prefers_dark)
}

fn query_pairs(search: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Writes the state into the query string: a change of view (explorer,
/// Sources, a figure of it) with `history.pushState`, so that back and
/// forward switch views; every other change with `replaceState`, so that a
/// slider drag makes no history entries and no scroll jump. Back and
/// forward bring the entry's view and figure back.
pub fn keep_url_in_sync(state: AppState) {
    // At most one write per interval, the last one always made. A slider
    // drag would otherwise write 60 times a second: each write cost about
    // 0.8 ms of the slider's frame in a Chromium profile, and browsers cap
    // history writes (Safari throws after 100 in 30 seconds). The query is
    // read when the write happens, so a late write never restores an
    // older state over a newer entry.
    let replace = leptos_use::use_throttle_fn(
        move || write_query(&untrack(|| current_query(&state)), false),
        URL_WRITE_INTERVAL_MS,
    );
    // The view and figure of the current history entry.
    let entry = StoredValue::new((state.view.get_untracked(), state.figure.get_untracked()));
    Effect::new(move |_| {
        let query = current_query(&state);
        let place = (state.view.get(), state.figure.get());
        if entry.get_value() == place {
            replace();
        } else {
            entry.set_value(place);
            write_query(&query, true);
        }
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    let back_or_forward = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let settings = page_settings();
        let view = if settings.sources {
            crate::state::View::Sources
        } else {
            crate::state::View::Explorer
        };
        // The entry is already where the page goes: no new one.
        entry.set_value((view, settings.figure));
        match settings.figure {
            Some(figure) => state.show_figure(figure),
            None => state.show(view),
        }
    });
    let _ = window
        .add_event_listener_with_callback("popstate", back_or_forward.as_ref().unchecked_ref());
    // Listens for the page's lifetime.
    back_or_forward.forget();
}

const URL_WRITE_INTERVAL_MS: f64 = 250.0;

fn write_query(query: &str, new_entry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    let _ = if new_entry {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// The query string for this page: the model state plus the embed settings
/// it was opened with.
#[must_use]
pub fn current_query(state: &AppState) -> String {
    let mut params = embed_params(state.embed, state.chart, state.controls);
    if state.view.get() == crate::state::View::Sources {
        params.push(("view", "sources".to_owned()));
        if let Some(figure) = state.figure.get() {
            params.push(("figure", figure.to_owned()));
        }
    }
    model_query(state, &params)
}

/// A link to `figure` in the Sources view, with the current state.
#[must_use]
pub fn figure_url(state: &AppState, figure: &str) -> String {
    with_query(&model_query(
        state,
        &[
            ("view", "sources".to_owned()),
            ("figure", figure.to_owned()),
        ],
    ))
}

/// A link to the full app with the current state.
#[must_use]
pub fn share_url(state: &AppState) -> String {
    with_query(&model_query(state, &[]))
}

/// The embed view of the current state showing `chart`.
#[must_use]
pub fn embed_url(state: &AppState, chart: gap_charts::ChartId, controls: bool) -> String {
    with_query(&model_query(
        state,
        &embed_params(true, Some(chart), controls),
    ))
}

fn embed_params(
    embed: bool,
    chart: Option<gap_charts::ChartId>,
    controls: bool,
) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if embed {
        params.push(("embed", "1".to_owned()));
    }
    if let Some(chart) = chart {
        params.push(("chart", chart.name().to_owned()));
    }
    if controls {
        params.push(("controls", "1".to_owned()));
    }
    params
}

fn model_query(state: &AppState, extra: &[(&str, String)]) -> String {
    let lang = state.lang_chosen.get().then(|| state.lang.get());
    state.inputs.with(|inputs| {
        state
            .uncertainty
            .with(|uncertainty| url_state::to_query(inputs, uncertainty, lang, state.theme, extra))
    })
}

/// This document's URL without query or fragment, with `query` appended.
fn with_query(query: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split(['?', '#']).next().unwrap_or_default();
    if query.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{query}")
    }
}

/// Keeps `<html lang>` and the theme attribute in step with the state, and
/// follows the system colour scheme unless the URL forced a theme.
pub fn follow_document_settings(state: AppState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        let dark = state.dark.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
        }
    });
    if state.theme.is_none() {
        let prefers_dark = leptos_use::use_preferred_dark();
        Effect::new(move |_| state.dark.set(prefers_dark.get()));
    }
}
