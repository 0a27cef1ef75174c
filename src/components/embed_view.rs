use leptos::prelude::*;

use super::assumptions_panel::AssumptionsPanel;
use super::charts_grid::ChartsGrid;
use super::headline::Headline;
use super::readouts::Readouts;
use super::self_check::SelfCheck;
use crate::browser;
use crate::i18n::texts;
use crate::state::use_app_state;

/// The message type the embed posts to its parent with its content height.
pub const HEIGHT_MESSAGE_TYPE: &str = "ai-gap-explorer:height";

/// The compact view for iframes (`?embed=1`): one chart, the live headline,
/// optionally the controls, a source line and a link to the full app. It
/// posts its height to the parent and listens to no message from it.
#[component]
pub fn EmbedView() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let chart = state.chart.unwrap_or(gap_charts::ChartId::Gap);
    // The whole document, not just this view: the notices above it and the
    // page's padding are part of what the host's iframe must show.
    if let Some(document_element) = document().document_element() {
        leptos_use::use_resize_observer(document_element, move |entries, _| {
            if let Some(entry) = entries.first() {
                post_height(entry.target().get_bounding_client_rect().height());
            }
        });
    }
    view! {
        <div class="embed">
            <Headline />
            <div class="embed-chart">
                <ChartsGrid charts=vec![chart] />
            </div>
            <Readouts />
            {state.controls.then(|| view! { <AssumptionsPanel /> })}
            <p class="embed-footer">
                <span>{move || t().embed_source_line}</span>
                <a href=move || browser::share_url(&state) target="_blank" rel="noopener">
                    {move || t().open_in_app}
                </a>
            </p>
            <SelfCheck />
        </div>
    }
}

fn post_height(height: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE_TYPE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into());
    let _ = parent.post_message(&message, "*");
}
