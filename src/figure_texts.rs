//! The figures' quotes, glosses and caveats: about 40 KB of text (12 KB
//! gzip) that no first view needs, so they are not compiled into the wasm.
//! The build writes them to `figure-texts.json` beside the app
//! (`scripts/site-data.mjs`, from gap-data); the page fetches that file the
//! first time a reader opens a source, hovers the assumptions or shows the
//! Sources view, and the service worker precaches it with every other file,
//! so it is there offline.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the file is, relative to the page (so any sub-path works).
const URL: &str = "figure-texts.json";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Idle,
    Loading,
    Loaded,
    Failed,
}

thread_local! {
    static TEXTS: RefCell<Option<js_sys::Object>> = const { RefCell::new(None) };
    // Reference-counted, not owned: a signal created under the first
    // component that asks would be disposed with it.
    static STATUS: ArcRwSignal<Status> = ArcRwSignal::new(Status::Idle);
}

fn status() -> ArcRwSignal<Status> {
    STATUS.with(ArcRwSignal::clone)
}

/// A figure's texts.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureText {
    /// Verbatim from the article.
    pub quote: String,
    /// Its English rendering.
    pub gloss: String,
    /// Why the figure needs care.
    pub caveat: Option<String>,
}

/// Starts fetching the texts, once; a failed fetch may be tried again.
pub fn load() {
    let status = status();
    if matches!(status.get_untracked(), Status::Loading | Status::Loaded) {
        return;
    }
    status.set(Status::Loading);
    leptos::task::spawn_local(async move {
        match fetch().await {
            Some(texts) => {
                TEXTS.with(|slot| *slot.borrow_mut() = Some(texts));
                status.set(Status::Loaded);
            }
            None => {
                status.set(Status::Failed);
                retry_when_online();
            }
        }
    });
}

/// After a failed fetch, tries again once the browser is back online.
fn retry_when_online() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let retry = wasm_bindgen::closure::Closure::once_into_js(load);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "online",
        retry.unchecked_ref(),
        &options,
    );
}

async fn fetch() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    // Revalidated, never a stale copy from an earlier deployment (the name
    // carries no hash); under the service worker the precache answers.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(URL, &init))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.json().ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// The texts of figure `id`, once they are here (a view that reads this
/// renders again when they arrive; it does not start the fetch).
#[must_use]
pub fn get(id: &str) -> Option<FigureText> {
    if status().get() != Status::Loaded {
        return None;
    }
    TEXTS.with(|slot| {
        let slot = slot.borrow();
        let entry = js_sys::Reflect::get(slot.as_ref()?, &id.into()).ok()?;
        let field = |name: &str| {
            js_sys::Reflect::get(&entry, &name.into())
                .ok()
                .and_then(|value| value.as_string())
        };
        Some(FigureText {
            quote: field("quote")?,
            gloss: field("gloss")?,
            caveat: field("caveat"),
        })
    })
}

/// Whether the texts could not be had: the fetch failed (offline before the
/// service worker had the file), or the file lacks the figure.
#[must_use]
pub fn missing(id: &str) -> bool {
    match status().get() {
        Status::Failed => true,
        Status::Loaded => get(id).is_none(),
        Status::Idle | Status::Loading => false,
    }
}
