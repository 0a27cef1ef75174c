use gap_model::{InputId, Provenance, ProvenanceKind};
use leptos::prelude::*;

use crate::figure_texts;
use crate::format::decimal;
use crate::i18n::texts;
use crate::state::{use_app_state, View};

/// What a number rests on: a shape, a colour and a label (never colour
/// alone), with the public `data-provenance` hook; the markup is
/// `gap_charts::mark_html`'s, the one the derivation chips use.
#[component]
pub fn ProvenanceMark(#[prop(into)] kind: Signal<ProvenanceKind>) -> impl IntoView {
    let state = use_app_state();
    view! { <span class="mark-slot" inner_html=move || gap_charts::mark_html(kind.get(), texts(state.lang.get()))></span> }
}

/// An input's mark and where its default comes from: opening it shows the
/// figure's original quote and its English gloss (and a contradicting
/// figure's beside it), the public source or the argument for the
/// assumption. Once the reader moves the input, the mark says so and offers
/// the default back.
#[component]
pub fn SourceBadge(id: InputId) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let spec = id.spec();
    let default_kind = spec.provenance.kind();
    let kind = Memo::new(move |_| {
        state
            .inputs
            .with(|inputs| ProvenanceKind::of_input(id, inputs.get(id)))
    });
    let moved = move || kind.get() == ProvenanceKind::Yours;
    let figure = match spec.provenance {
        Provenance::Figure(figure_id) => gap_data::figure(figure_id),
        _ => None,
    };
    let outlet = figure
        .and_then(|f| f.source_info())
        .map(|s| s.outlet)
        .unwrap_or_default();
    // Hovering a fact's source shows its quote, marked with the article's
    // language; opening the fold shows more.
    let quote_lang = figure.map_or("en", |f| f.quote_lang().code());
    let quote = move || {
        figure
            .and_then(|f| figure_texts::get(f.id))
            .map(|texts| texts.quote)
    };
    let default_text = move || {
        let lang = state.lang.get();
        format!(
            "{} {}",
            decimal(lang, spec.default, 2),
            gap_charts::unit_label(spec.unit, lang)
        )
    };
    // The fold's content as markup (static text, in the page's language):
    // for a figure its quote, gloss, caveat and any contradicting figure's
    // quote beside it, with a link to all sources; else the public source
    // or the argument for the assumption.
    let body = move || {
        use gap_text::escape_html as e;
        let t = t();
        match spec.provenance {
            Provenance::Figure(_) => figure.map(|figure| {
                let lang = figure.quote_lang().code();
                let mut html = quote_html(figure, lang, t);
                if let Some(caveat) = figure_texts::get(figure.id).and_then(|texts| texts.caveat) {
                    html += &format!("<p class=\"caveat\"><strong>{}: </strong>{}</p>", e(t.caveat), e(&caveat));
                }
                for other in figure.conflicts_with.iter().filter_map(|id| gap_data::figure(id)) {
                    let info = other.source_info();
                    html += &format!(
                        "<div class=\"conflict\" data-conflict=\"{}\"><p class=\"conflict-head\">{} {}</p>{}</div>",
                        other.id,
                        e(t.conflicts_with),
                        e(info.map(|s| s.outlet).unwrap_or_default()),
                        quote_html(other, other.quote_lang().code(), t)
                    );
                }
                // The figure's id stays in the data (`data-figure`), not in
                // the reader's text.
                html += &format!(
                    "<p class=\"figure-id\"><button type=\"button\" class=\"link\" data-all-sources>{}</button></p>",
                    e(t.all_sources)
                );
                html
            }),
            // Where the articles disagree, their quotes side by side under
            // the argument that says which the default follows and why.
            Provenance::Public(text) | Provenance::Assumption(text) if !id.contested_by().is_empty() => {
                let mut html = format!(
                    "<p class=\"default-is\"><strong>{}</strong> {}</p><p class=\"conflict-head\">{}</p><div class=\"side-by-side\">",
                    e(t.default_is),
                    e(text),
                    e(t.conflicts_with)
                );
                for figure in id.contested_by().iter().filter_map(|id| gap_data::figure(id)) {
                    html += &format!(
                        "<div class=\"side\" data-conflict=\"{}\"><span class=\"amount\">{}</span> <span class=\"where\">{}</span>{}</div>",
                        figure.id,
                        e(&crate::format::figure_amount(state.lang.get(), figure)),
                        e(figure.source_info().map(|s| s.outlet).unwrap_or_default()),
                        quote_html(figure, figure.quote_lang().code(), t)
                    );
                }
                html += "</div>";
                Some(html)
            }
            Provenance::Public(text) | Provenance::Assumption(text) => Some(format!("<p>{}</p>", e(text))),
        }
        .unwrap_or_default()
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let all_sources = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .and_then(|target| target.closest("[data-all-sources]").ok().flatten());
        if all_sources.is_some() {
            state.show(View::Sources);
        }
    };
    view! {
        <div class="provenance">
            // Opening the fold, or pointing at it (its outlet's tooltip is
            // the quote), fetches the figures' texts.
            <details class="source-badge" on:toggle=move |_| figure_texts::load() on:pointerover=move |_| figure_texts::load()>
                <summary>
                    <ProvenanceMark kind=kind />
                    <Show when=moved>
                        <span class="mark-default">
                            {move || t().mark_default.replace("{kind}", gap_charts::mark_label(default_kind, t()))}
                        </span>
                    </Show>
                    {(!outlet.is_empty()).then(|| view! { <span class="mark-source" lang=quote_lang title=quote>{outlet}</span> })}
                </summary>
                <div class="source-body" inner_html=body on:click=on_click></div>
            </details>
            <Show when=moved>
                <button
                    type="button"
                    class="link restore"
                    aria-label=move || format!("{} ({})", t().restore_default.replace("{value}", &default_text()), gap_charts::input_label(id, state.lang.get()))
                    on:click=move |_| state.reset_input(id)
                >
                    {move || t().restore_default.replace("{value}", &default_text())}
                </button>
            </Show>
        </div>
    }
}

/// A figure's quote and gloss as markup, or where they stand until the
/// texts arrive (or why they did not).
#[must_use]
pub fn quote_html(figure: &gap_data::Figure, quote_lang: &str, t: &crate::i18n::UiTexts) -> String {
    use gap_text::escape_html as e;
    match figure_texts::get(figure.id) {
        Some(texts) => format!(
            "<blockquote lang=\"{quote_lang}\">{}</blockquote><p class=\"gloss\">{}</p>",
            e(&texts.quote),
            e(&texts.gloss)
        ),
        None => {
            let note = if figure_texts::missing(figure.id) {
                t.texts_failed
            } else {
                t.texts_loading
            };
            format!("<p class=\"hint\" data-texts-pending>{}</p>", e(note))
        }
    }
}
