//! What the page does when something inside it breaks. A panic in the wasm
//! or an uncaught JavaScript error shows a short message in the page's
//! language with a link that reloads the same URL (the whole state is in it),
//! instead of a page that silently stops answering.
//!
//! Written with plain DOM calls, not Leptos: after a panic the reactive
//! system may be mid-update, and with `panic = "abort"` the wasm stops as
//! soon as the hook returns.

use gap_charts::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::texts;

/// The message element's id (one message, however many errors follow).
const MESSAGE_ID: &str = "fatal-error";

/// Installs the panic hook and the window's `error` and
/// `unhandledrejection` listeners. Call once, before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_: web_sys::Event| show());
    for event in ["error", "unhandledrejection"] {
        // Not capturing: a failed image or script load does not reach the
        // window's bubbling listeners, only script errors do.
        let _ = window.add_event_listener_with_callback(event, on_error.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    on_error.forget();
}

/// Shows the message, once. Reads the language the page was showing.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(MESSAGE_ID).is_some() {
        return;
    }
    let lang = document
        .document_element()
        .map(|html| html.get_attribute("lang").unwrap_or_default())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let t = texts(lang);
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let (Ok(box_), Ok(text), Ok(link), Some(body)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("a"),
        document.body(),
    ) else {
        return;
    };
    box_.set_id(MESSAGE_ID);
    box_.set_class_name("fatal-error");
    let _ = box_.set_attribute("role", "alert");
    text.set_text_content(Some(t.fatal_error));
    // A link, not a button with a handler: it works even after the wasm stopped.
    let _ = link.set_attribute("href", &href);
    link.set_class_name("button");
    link.set_text_content(Some(t.reload));
    let _ = box_.append_child(&text);
    let _ = box_.append_child(&link);
    let _ = body.prepend_with_node_1(&box_);
}

/// Test builds only: `?fail=selfcheck` makes one published case expect a
/// wrong number, so the browser tests see the model check fail visibly.
#[must_use]
pub fn self_check_sabotaged() -> bool {
    #[cfg(feature = "fault-injection")]
    {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
            .and_then(|params| params.get("fail"))
            .is_some_and(|kind| kind == "selfcheck")
    }
    #[cfg(not(feature = "fault-injection"))]
    {
        false
    }
}

/// Test builds only (`--features fault-injection`): `?fail=panic`,
/// `?fail=error` or `?fail=rejection` breaks the page a moment after it has
/// drawn, so the browser tests can check what a reader then sees. Release
/// builds do not contain this.
#[cfg(feature = "fault-injection")]
pub fn inject_from_url() {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("fail"));
    let Some(kind) = asked else {
        return;
    };
    leptos::prelude::set_timeout(
        move || match kind.as_str() {
            "panic" => panic!("injected by ?fail=panic"),
            "rejection" => {
                let _ = js_sys::Promise::reject(&JsValue::from_str("injected by ?fail=rejection"));
            }
            // Read by `self_check_sabotaged`: the page keeps working.
            "selfcheck" => {}
            _ => wasm_bindgen::throw_str("injected by ?fail=error"),
        },
        std::time::Duration::from_millis(500),
    );
}
