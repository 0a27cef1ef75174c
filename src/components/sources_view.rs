use gap_data::{Figure, Source, FIGURES, SOURCES};
use leptos::prelude::*;

use super::source_badge::ProvenanceMark;
use crate::format::figure_amount;
use crate::i18n::texts;
use crate::state::{use_app_state, View};

/// Every figure of the dataset, grouped by article, with its original quote,
/// English gloss, attribution, caveat and conflicting figures side by side.
#[component]
pub fn SourcesView() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let (filter, set_filter) = signal(String::new());
    let matching = move |figure: &Figure| {
        filter.with(|needle| {
            let needle = needle.trim().to_lowercase();
            needle.is_empty()
                || [
                    figure.id,
                    figure.metric,
                    figure.entity,
                    figure.quote,
                    figure.gloss,
                    figure.period,
                    figure.attributed_to.unwrap_or(""),
                ]
                .iter()
                .any(|field| field.to_lowercase().contains(&needle))
        })
    };
    let shown_count = move || FIGURES.iter().filter(|figure| matching(figure)).count();
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <div class="panel-head">
                <h2 id="sources-title">{move || t().sources}</h2>
                <button type="button" class="secondary" on:click=move |_| state.show(View::Explorer)>
                    {move || t().back_to_explorer}
                </button>
            </div>
            <p class="hint">{move || t().sources_intro}" "<code>{gap_data::DATASET_VERSION}</code></p>
            <div class="filter">
                <label for="figure-filter">{move || t().filter_figures}</label>
                <input
                    id="figure-filter"
                    type="search"
                    prop:value=filter
                    on:input=move |event| set_filter.set(event_target_value(&event))
                />
                <span class="count" data-metric="figures_shown" data-value=move || shown_count().to_string()>
                    {move || t().figures_shown.replace("{shown}", &shown_count().to_string()).replace("{total}", &FIGURES.len().to_string())}
                </span>
            </div>
            {SOURCES
                .iter()
                .map(|source| view! { <SourceSection source=source matching=matching /> })
                .collect_view()}
        </section>
    }
}

#[component]
fn SourceSection(
    source: &'static Source,
    matching: impl Fn(&Figure) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let visible = move || {
        gap_data::figures_in(source.file)
            .filter(|figure| matching(figure))
            .collect::<Vec<_>>()
    };
    let byline = [Some(source.outlet), source.author, Some(source.date)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <article class="source" data-source=source.file>
            <h3 lang=source.language.code()>{source.title}</h3>
            <p class="byline">{byline}" · "<code>{source.file}</code></p>
            {source.date_note.map(|note| view! { <p class="hint">{note}</p> })}
            <ul class="figures">
                {move || visible().into_iter().map(|figure| view! { <FigureItem figure=figure /> }).collect_view()}
            </ul>
            <Show when=move || !gap_data::figures_in(source.file).any(&matching)>
                <p class="hint">{move || t().no_matching_figures}</p>
            </Show>
        </article>
    }
}

#[component]
fn FigureItem(figure: &'static Figure) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let quote_lang = figure
        .source_info()
        .map(|source| source.language.code())
        .unwrap_or("en");
    let conflicts: Vec<&'static Figure> = figure
        .conflicts_with
        .iter()
        .filter_map(|id| gap_data::figure(id))
        .collect();
    view! {
        <li class="figure" id=format!("figure-{}", figure.id) data-figure=figure.id>
            <div class="figure-head">
                <ProvenanceMark kind=gap_model::ProvenanceKind::Fact />
                <span class="metric">{figure.metric}" — "{figure.entity}</span>
                <span class="amount">{move || figure_amount(state.lang.get(), figure)}</span>
                <span class="period">{figure.period}</span>
            </div>
            <blockquote lang=quote_lang>{figure.quote}</blockquote>
            <p class="gloss">{figure.gloss}</p>
            {figure.attributed_to.map(|who| view! { <p class="attribution">{move || t().attributed_to}": "{who}</p> })}
            {figure.caveat.map(|caveat| view! { <p class="caveat">{move || t().caveat}": "{caveat}</p> })}
            {(!conflicts.is_empty()).then(|| view! {
                <div class="conflicts">
                    <p>{move || t().conflicts_with}</p>
                    <div class="side-by-side">
                        <div class="side">
                            <span class="amount">{move || figure_amount(state.lang.get(), figure)}</span>
                            <span class="where">{figure.source}</span>
                        </div>
                        {conflicts.into_iter().map(|other| view! {
                            <div class="side">
                                <span class="amount">{move || figure_amount(state.lang.get(), other)}</span>
                                <span class="where">{other.source}</span>
                                <blockquote lang=other.source_info().map(|s| s.language.code()).unwrap_or("en")>{other.quote}</blockquote>
                            </div>
                        }).collect_view()}
                    </div>
                </div>
            })}
            <p class="figure-id"><code>{figure.id}</code></p>
        </li>
    }
}
