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

/// The `<iframe>` snippet for the current state and chosen chart.
#[component]
pub fn EmbedDialog(
    chart: ReadSignal<gap_charts::ChartId>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let (with_controls, set_with_controls) = signal(false);
    let snippet = move || {
        let url = browser::embed_url(&state, chart.get(), with_controls.get());
        let height = if with_controls.get() { 900 } else { 520 };
        let title = texts(state.lang.get()).app_title;
        // The caption says what the chart's numbers say, for readers of the
        // host page who do not see the frame (and for search engines).
        let description = super::charts_grid::describe_now(chart.get());
        format!(
            "<figure style=\"margin:0\"><iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:100%\" data-ai-gap-explorer></iframe><figcaption>{}</figcaption></figure>",
            escape_html(&url),
            escape_html(title),
            escape_html(&description)
        )
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="false" aria-labelledby="embed-title">
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
            <button type="button" class="secondary" on:click=move |_| on_close()>{move || t().close}</button>
        </div>
    }
}
