use gap_model::Provenance;
use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::{use_app_state, View};

/// Where an input's default comes from; opening it shows the figure's
/// original quote and its English gloss.
#[component]
pub fn SourceBadge(provenance: Provenance) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    match provenance {
        Provenance::Figure(id) => {
            let figure = gap_data::figure(id);
            let outlet = figure
                .and_then(|f| f.source_info())
                .map(|s| s.outlet)
                .unwrap_or_default();
            view! {
                <details class="source-badge">
                    <summary>{move || t().source_label}": "{outlet}</summary>
                    {figure.map(|figure| {
                        let lang = figure.source_info().map(|s| s.language.code()).unwrap_or("en");
                        // Where another article contradicts this figure, both
                        // quotes stand side by side with the caveat that weighs them.
                        let conflicts = figure
                            .conflicts_with
                            .iter()
                            .filter_map(|id| gap_data::figure(id))
                            .map(|other| {
                                let lang = other.source_info().map(|s| s.language.code()).unwrap_or("en");
                                let outlet = other.source_info().map(|s| s.outlet).unwrap_or_default();
                                view! {
                                    <div class="conflict" data-conflict=other.id>
                                        <p class="conflict-head">{move || t().conflicts_with}" "{outlet}</p>
                                        <blockquote lang=lang>{other.quote}</blockquote>
                                        <p class="gloss">{other.gloss}</p>
                                    </div>
                                }
                            })
                            .collect_view();
                        let caveat = figure.caveat.map(|caveat| {
                            view! { <p class="caveat"><strong>{move || t().caveat}": "</strong>{caveat}</p> }
                        });
                        view! {
                            <blockquote lang=lang>{figure.quote}</blockquote>
                            <p class="gloss">{figure.gloss}</p>
                            {caveat}
                            {conflicts}
                            <p class="figure-id">
                                <code>{figure.id}</code>" · "
                                <button type="button" class="link" on:click=move |_| state.show(View::Sources)>
                                    {move || t().all_sources}
                                </button>
                            </p>
                        }
                    })}
                </details>
            }
            .into_any()
        }
        Provenance::Public(name) => view! {
            <details class="source-badge">
                <summary>{move || t().source_label}": "{move || t().public_source}</summary>
                <p>{name}</p>
            </details>
        }
        .into_any(),
        Provenance::Assumption(why) => view! {
            <details class="source-badge">
                <summary>{move || t().assumption}</summary>
                <p>{why}</p>
            </details>
        }
        .into_any(),
    }
}
