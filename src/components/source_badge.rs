use gap_model::{InputId, Provenance, ProvenanceKind};
use leptos::prelude::*;

use crate::format::decimal;
use crate::i18n::{texts, UiTexts};
use crate::state::{use_app_state, View};

/// The label a mark of `kind` shows.
fn kind_label(t: &UiTexts, kind: ProvenanceKind) -> &'static str {
    match kind {
        ProvenanceKind::Fact => t.mark_fact,
        ProvenanceKind::Public => t.mark_public,
        ProvenanceKind::Assumption => t.mark_assumption,
        ProvenanceKind::Yours => t.mark_yours,
    }
}

/// What a number rests on: a shape, a colour and a label (never colour
/// alone), with the public `data-provenance` hook.
#[component]
pub fn ProvenanceMark(#[prop(into)] kind: Signal<ProvenanceKind>) -> impl IntoView {
    let state = use_app_state();
    view! {
        <span class="mark" data-provenance=move || kind.get().name()>
            <span class="mark-shape" aria-hidden="true"></span>
            <span class="mark-label">{move || kind_label(texts(state.lang.get()), kind.get())}</span>
        </span>
    }
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
    // Hovering the mark shows what the default rests on; opening it shows more.
    let peek = match spec.provenance {
        Provenance::Figure(_) => figure.map(|f| f.quote).unwrap_or_default(),
        Provenance::Public(text) | Provenance::Assumption(text) => text,
    };
    let default_text = move || {
        let lang = state.lang.get();
        format!(
            "{} {}",
            decimal(lang, spec.default, 2),
            gap_charts::unit_label(spec.unit, lang)
        )
    };
    let body = match spec.provenance {
        Provenance::Figure(_) => figure.map(|figure| {
            let lang = figure
                .source_info()
                .map(|s| s.language.code())
                .unwrap_or("en");
            // Where another article contradicts this figure, both quotes
            // stand side by side with the caveat that weighs them.
            let conflicts = figure
                .conflicts_with
                .iter()
                .filter_map(|id| gap_data::figure(id))
                .map(|other| {
                    let lang = other
                        .source_info()
                        .map(|s| s.language.code())
                        .unwrap_or("en");
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
            .into_any()
        }),
        Provenance::Public(text) | Provenance::Assumption(text) => {
            Some(view! { <p>{text}</p> }.into_any())
        }
    };
    view! {
        <div class="provenance">
            <details class="source-badge">
                <summary title=peek>
                    <ProvenanceMark kind=kind />
                    <Show when=moved>
                        <span class="mark-default">
                            {move || t().mark_default.replace("{kind}", kind_label(t(), default_kind))}
                        </span>
                    </Show>
                    {(!outlet.is_empty()).then(|| view! { <span class="mark-source">{outlet}</span> })}
                </summary>
                {body}
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
