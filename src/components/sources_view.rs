use gap_data::{Figure, Source, FIGURES, SOURCES};
use leptos::prelude::*;

use super::source_badge::quote_html;
use crate::format::figure_amount;
use crate::i18n::texts;
use crate::state::{use_app_state, View};
use crate::{browser, export, figure_texts};

/// Every figure of the dataset, grouped by article, with its original quote,
/// English gloss, attribution, caveat and conflicting figures side by side.
#[component]
pub fn SourcesView() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let (filter, set_filter) = signal(String::new());
    // The quotes and glosses are a file of their own: fetch it now.
    figure_texts::load();
    let matching = move |figure: &Figure| {
        filter.with(|needle| {
            let needle = lowercase(needle.trim());
            if needle.is_empty() {
                return true;
            }
            let texts = figure_texts::get(figure.id);
            [
                figure.id,
                figure.metric,
                figure.entity,
                texts.as_ref().map_or("", |t| t.quote.as_str()),
                texts.as_ref().map_or("", |t| t.gloss.as_str()),
                figure.period,
                figure.attributed_to.unwrap_or(""),
            ]
            .iter()
            .any(|field| lowercase(field).contains(&needle))
        })
    };
    let shown_count = move || FIGURES.iter().filter(|figure| matching(figure)).count();
    // The figure a link or a chart points to: scrolled to once its row is drawn.
    Effect::new(move |_| {
        if let Some(figure) = state.figure.get() {
            // Again when the quotes arrive: they lengthen the rows above it.
            let _ = figure_texts::get(figure);
            request_animation_frame(move || {
                if let Some(row) = document().get_element_by_id(&format!("figure-{figure}")) {
                    row.scroll_into_view();
                }
            });
        }
    });
    // "Copy link to this figure": the link, or why it could not be copied.
    let (copied, set_copied) = signal(None::<(bool, String)>);
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(figure) = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .and_then(|target| target.closest("[data-copy-figure]").ok().flatten())
            .and_then(|button| button.get_attribute("data-copy-figure"))
        else {
            return;
        };
        let link = browser::figure_url(&state, &figure);
        leptos::task::spawn_local(async move {
            let done = export::copy_to_clipboard(&link).await;
            set_copied.set(Some((done, link)));
        });
    };
    let copy_status = move || {
        copied.get().map(|(done, link)| {
            let t = t();
            if done {
                t.link_copied.to_owned()
            } else {
                format!("{} {link}", t.copy_failed)
            }
        })
    };
    view! {
        <section class="sources" aria-labelledby="sources-title" on:click=on_click>
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
            <p class="copy-status" role="status">{copy_status}</p>
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
            <p class="byline">{byline}</p>
            {source.date_note.map(|note| view! { <p class="hint">{note}</p> })}
            <ul
                class="figures"
                inner_html=move || {
                    let lang = state.lang.get();
                    let linked = state.figure.get();
                    visible()
                        .into_iter()
                        .map(|figure| figure_html(figure, linked == Some(figure.id), lang))
                        .collect::<String>()
                }
            ></ul>
            <Show when=move || !gap_data::figures_in(source.file).any(&matching)>
                <p class="hint">{move || t().no_matching_figures}</p>
            </Show>
        </article>
    }
}

/// One figure as markup: its metric, amount, period, provenance mark, the
/// original quote, the English gloss, attribution, caveat and the figures
/// that contradict it side by side. Markup, not a component tree: 153 rows
/// of static text, rebuilt whole when the filter or the language changes.
fn figure_html(figure: &'static Figure, linked: bool, lang: gap_charts::Lang) -> String {
    use gap_text::escape_html as e;
    let t = texts(lang);
    let quote_lang = |figure: &Figure| figure.quote_lang().code();
    let mut html = format!(
        "<li class=\"figure\" id=\"figure-{id}\" data-figure=\"{id}\"{current}><div class=\"figure-head\">{mark}<span class=\"metric\">{metric} — {entity}</span><span class=\"amount\">{amount}</span><span class=\"period\">{period}</span></div>{quote}",
        id = figure.id,
        current = if linked { " aria-current=\"true\"" } else { "" },
        mark = gap_charts::mark_html(gap_model::ProvenanceKind::Fact, t),
        metric = e(figure.metric),
        entity = e(figure.entity),
        amount = e(&figure_amount(lang, figure)),
        period = e(figure.period),
        quote = quote_html(figure, quote_lang(figure), t),
    );
    if let Some(who) = figure.attributed_to {
        html += &format!(
            "<p class=\"attribution\">{}: {}</p>",
            e(t.attributed_to),
            e(who)
        );
    }
    if let Some(caveat) = figure_texts::get(figure.id).and_then(|texts| texts.caveat) {
        html += &format!("<p class=\"caveat\">{}: {}</p>", e(t.caveat), e(&caveat));
    }
    let conflicts: Vec<&'static Figure> = figure
        .conflicts_with
        .iter()
        .filter_map(|id| gap_data::figure(id))
        .collect();
    if !conflicts.is_empty() {
        html += &format!(
            "<div class=\"conflicts\"><p class=\"conflict-head\">{}</p><div class=\"side-by-side\"><div class=\"side\"><span class=\"amount\">{}</span><span class=\"where\">{}</span></div>",
            e(t.conflicts_with),
            e(&figure_amount(lang, figure)),
            e(figure.source_info().map(|s| s.outlet).unwrap_or_default())
        );
        for other in conflicts {
            html += &format!(
                "<div class=\"side\"><span class=\"amount\">{}</span><span class=\"where\">{}</span>{}</div>",
                e(&figure_amount(lang, other)),
                e(other.source_info().map(|s| s.outlet).unwrap_or_default()),
                quote_html(other, quote_lang(other), t)
            );
        }
        html += "</div></div>";
    }
    html += &format!(
        // The id is the row's `data-figure` and the copied link's, not the
        // reader's text.
        "<p class=\"figure-id\"><button type=\"button\" class=\"link\" data-copy-figure=\"{id}\">{}</button></p></li>",
        e(t.copy_figure_link),
        id = figure.id
    );
    html
}

/// `text` in lower case, as the browser folds it: Rust's `to_lowercase`
/// would bring the Unicode case tables into the wasm for this one filter.
fn lowercase(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}
