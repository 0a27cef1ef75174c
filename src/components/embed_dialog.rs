use gap_text::escape_html;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::texts;
use crate::state::use_app_state;

/// Script a host page may add so the iframe follows the embed's height. It
/// only reads our documented message and only touches that iframe's height.
const RESIZE_SCRIPT: &str = r#"<script>
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || data.type !== "ai-gap-explorer:height" || typeof data.height !== "number") return;
  document.querySelectorAll("iframe[data-ai-gap-explorer]").forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + "px";
  });
});
</script>"#;

/// The Embed dialog: the `<iframe>` snippet for the current state and
/// chosen chart, and the script that lets the frame follow its height. A
/// native modal `<dialog>`: `open` shows it with `showModal` (the focus
/// moves in, the page behind is inert, so Tab stays inside, and Escape
/// closes it); closing returns the focus to the element `opener` selects.
#[component]
pub fn EmbedDialog(
    chart: ReadSignal<gap_charts::ChartId>,
    open: RwSignal<bool>,
    opener: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let (with_controls, set_with_controls) = signal(false);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open.get() && !dialog.open() {
            let _ = dialog.show_modal();
        } else if !open.get() && dialog.open() {
            dialog.close();
        }
    });
    let snippet = move || {
        // Built only while the dialog shows: it describes the chart from
        // everything the page knows.
        if !open.get() {
            return String::new();
        }
        let url = browser::embed_url(&state, chart.get(), with_controls.get());
        let height = if with_controls.get() { 900 } else { 520 };
        let t = texts(state.lang.get());
        // The caption says what the chart's numbers say, for readers of the
        // host page who do not see the frame (and for search engines).
        let description = super::charts_grid::describe_now(chart.get());
        let url = escape_html(&url);
        format!(
            "<figure style=\"margin:0\"><iframe src=\"{url}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" allow=\"clipboard-write; web-share\" style=\"border:0;max-width:100%\" data-ai-gap-explorer></iframe><noscript><a href=\"{url}\">{}</a></noscript><figcaption>{}</figcaption></figure>",
            escape_html(t.app_title),
            escape_html(t.open_in_app),
            escape_html(&description)
        )
    };
    let return_focus = move || {
        if let Some(button) = document()
            .query_selector(opener)
            .ok()
            .flatten()
            .and_then(|element| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
            })
        {
            let _ = button.focus();
        }
    };
    view! {
        <dialog
            class="dialog"
            aria-labelledby="embed-title"
            node_ref=dialog
            // Escape, the close button or the form: the state follows the element.
            on:close=move |_| {
                open.set(false);
                return_focus();
            }
        >
            <h3 id="embed-title">{move || t().embed}</h3>
            <p class="hint">{move || t().embed_intro}</p>
            <label class="inline">
                <input type="checkbox" prop:checked=with_controls on:change=move |event| set_with_controls.set(event_target_checked(&event)) />
                {move || t().embed_with_controls}
            </label>
            <label for="embed-snippet">{move || t().embed_snippet}</label>
            <textarea id="embed-snippet" readonly rows="4" prop:value=snippet></textarea>
            <label for="embed-script">{move || t().embed_resize_script}</label>
            <textarea id="embed-script" readonly rows="6" prop:value=RESIZE_SCRIPT></textarea>
            <button type="button" class="secondary" on:click=move |_| open.set(false)>{move || t().close}</button>
        </dialog>
    }
}
