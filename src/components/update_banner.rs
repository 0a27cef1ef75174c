use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app_state;

/// Shown when a new deployment's service worker has taken over: this page
/// still runs the old files, and its whole state is in the URL, so a reload
/// loses nothing.
#[component]
pub fn UpdateBanner(ready: ReadSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    Effect::new(move |_| {
        if ready.get() {
            // Tests and embedding hosts can see the state without reading text.
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("data-update-ready", "1");
            }
        }
    });
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status">
                <span>{move || t().update_ready}</span>
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(window) = web_sys::window() {
                            let _ = window.location().reload();
                        }
                    }
                >
                    {move || t().reload}
                </button>
            </div>
        </Show>
    }
}
