//! Registers the service worker (`sw.js`, written into `dist/` by
//! `scripts/post-build.mjs` from `web/sw.js`) that keeps the app working
//! offline, and reports when a new deployment has taken over the page.
//!
//! `components::app` calls [`register`] once; `components::update_banner`
//! then shows "A new version is available — reload" and sets
//! `<html data-update-ready="1">`, which `tests/e2e/offline.test.mjs`
//! checks. A reload loses nothing: the state lives in the URL.
//!
//! The callback runs at most once per new worker, after load, when a new
//! version's worker replaced the one that controlled this page (the browser
//! checks for a new `sw.js` on every navigation and, here, whenever the tab
//! becomes visible again). It does NOT run on the very first install, when no
//! worker controlled the page yet.
//!
//! Every browser call goes through `js_sys::Reflect::{get, apply}`,
//! which return `Result`: where `navigator.serviceWorker` is missing (plain
//! http on a non-local host, old browsers) or throws `SecurityError` (iframe
//! sandboxed without `allow-same-origin`), and when registering or updating
//! fails (offline, 404), this does nothing: no panic, no console error, no
//! unhandled promise rejection.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker script and its scope, both relative to the document, so the
/// app works from any sub-path.
const SCRIPT_URL: &str = "./sw.js";
const SCOPE: &str = "./";

/// Registers `./sw.js` with scope `./`; calls `on_update_ready` each time a
/// NEW service worker takes control of this page after another one already
/// controlled it (a new deployment is active: the page should offer a reload).
/// Never panics and never throws; does nothing where service workers are
/// unavailable. Call it once per page load.
pub fn register(on_update_ready: impl Fn() + 'static) {
    // Listening starts now, so a takeover in the first moments is not
    // missed; registering waits, so the worker's precache download does not
    // compete with the first view for the network and the main thread.
    if listen_for_takeover(Rc::new(on_update_ready)).is_some() {
        leptos::prelude::set_timeout(
            || {
                let _ = register_worker();
            },
            REGISTER_DELAY,
        );
    }
}

/// How long after start-up the worker is registered: the first view has
/// painted by then (scripts/measure-perf.mjs: about 0.6 s from navigation).
const REGISTER_DELAY: std::time::Duration = std::time::Duration::from_millis(1000);

/// `navigator.serviceWorker`, or None where it is missing or throws.
fn container() -> Option<JsValue> {
    let navigator = get(&js_sys::global(), "navigator")?;
    // The getter throws SecurityError in an opaque origin: Reflect::get turns that into Err.
    let container = get(&navigator, "serviceWorker")?;
    has_method(&container, "register").then_some(container)
}

fn listen_for_takeover(on_update_ready: Rc<dyn Fn()>) -> Option<()> {
    let container = container()?;

    // A controller at load means a worker was already in charge: the next
    // controllerchange is a new version. Without one, the first change is
    // just the first install claiming the page; later ones are updates.
    let controlled = Rc::new(Cell::new(get(&container, "controller").is_some()));
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if controlled.replace(true) {
            on_update_ready();
        }
    });
    call(
        &container,
        "addEventListener",
        &["controllerchange".into(), on_change.as_ref().clone()],
    )?;
    on_change.forget();
    Some(())
}

fn register_worker() -> Option<()> {
    let container = container()?;
    let options = Object::new();
    Reflect::set(&options, &"scope".into(), &SCOPE.into()).ok()?;
    // Always ask the server for sw.js, never the HTTP cache.
    Reflect::set(&options, &"updateViaCache".into(), &"none".into()).ok()?;
    let promise = call(&container, "register", &[SCRIPT_URL.into(), options.into()])?;
    let on_registered = Closure::once_into_js(|registration: JsValue| {
        check_for_updates_when_visible(registration);
    });
    on_settled(&promise, on_registered);
    Some(())
}

/// A tab left open for days still learns about new deployments: ask for a
/// new `sw.js` whenever the page becomes visible again.
fn check_for_updates_when_visible(registration: JsValue) {
    let Some(document) = get(&js_sys::global(), "document") else {
        return;
    };
    let document_for_check = document.clone();
    let on_visibility = Closure::<dyn FnMut()>::new(move || {
        let visible =
            get(&document_for_check, "visibilityState").and_then(|state| state.as_string());
        if visible.as_deref() == Some("visible") {
            if let Some(promise) = call(&registration, "update", &[]) {
                // update() rejects when offline: swallow it.
                on_settled(&promise, JsValue::UNDEFINED);
            }
        }
    });
    if call(
        &document,
        "addEventListener",
        &["visibilitychange".into(), on_visibility.as_ref().clone()],
    )
    .is_some()
    {
        on_visibility.forget();
    }
}

thread_local! {
    /// One do-nothing rejection handler for every promise here (made once, kept).
    static IGNORE: JsValue = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {}).into_js_value();
}

/// `promise.then(on_ok, ignore)`: a rejection is handled, so it never shows
/// up as "Uncaught (in promise)".
fn on_settled(promise: &JsValue, on_ok: JsValue) {
    let ignore = IGNORE.with(JsValue::clone);
    let _ = call(promise, "then", &[on_ok, ignore]);
}

/// `target[name]`, or None when the getter throws or the value is null/undefined.
fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    if target.is_null() || target.is_undefined() {
        return None;
    }
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_null() && !value.is_undefined())
}

fn has_method(target: &JsValue, name: &str) -> bool {
    get(target, name).is_some_and(|value| value.is_function())
}

/// `target[name](...args)`, or None when it is not a function or it throws.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method = get(target, name)?.dyn_into::<Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    Reflect::apply(&method, target, &args).ok()
}
