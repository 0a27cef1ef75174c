use leptos::prelude::*;

use super::embed_dialog::EmbedDialog;
use crate::browser;
use crate::export;
use crate::i18n::texts;
use crate::state::use_app_state;

/// Share and export: copy link, chart pictures, the model's numbers, the dataset.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let (chart, set_chart) = signal(gap_charts::ChartId::Gap);
    let (copied, set_copied) = signal(None::<bool>);
    let embed_open = RwSignal::new(false);

    let copy_link = move |_| {
        let link = browser::share_url(&state);
        leptos::task::spawn_local(async move {
            set_copied.set(Some(export::copy_to_clipboard(&link).await));
        });
    };
    // The chosen chart as a PNG or SVG data URL, with its footer: the key
    // assumptions and the link to this state.
    let picture_url = move |svg: bool| {
        let (background, text) = if state.dark.get_untracked() {
            ("#1b1e23", "#c9ccd1")
        } else {
            ("#ffffff", "#3b4049")
        };
        let permalink = browser::share_url(&state);
        let lang = state.lang.get_untracked();
        let footer = |width: f64| {
            state.inputs.with_untracked(|inputs| {
                gap_charts::footer_lines(
                    inputs,
                    &permalink,
                    width,
                    &crate::text_width::CanvasText,
                    lang,
                )
            })
        };
        crate::echarts::chart_image(
            chart.get_untracked().name(),
            svg,
            (background, text),
            footer,
        )
    };
    let picture = move |svg: bool| {
        if let Some(url) = picture_url(svg) {
            let extension = if svg { "svg" } else { "png" };
            export::download_url(
                &format!("ai-gap-{}.{extension}", chart.get_untracked().name()),
                &url,
            );
        }
    };
    // The share sheet with the link, the headline and the chart's PNG; the
    // clipboard where there is no share sheet.
    let share = move |_| {
        let link = browser::share_url(&state);
        let title = texts(state.lang.get_untracked()).app_title;
        let text = untrack(|| super::headline::headline_sentence(&state));
        let png = picture_url(false)
            .map(|url| (format!("ai-gap-{}.png", chart.get_untracked().name()), url));
        leptos::task::spawn_local(async move {
            if export::share(title, &text, &link, png).await == export::Shared::Unavailable {
                set_copied.set(Some(export::copy_to_clipboard(&link).await));
            } else {
                set_copied.set(None);
            }
        });
    };
    let yearly_csv = move |_| {
        let csv = state.outcome.with_untracked(gap_model::outcome_csv);
        let csv = export::yearly_csv_with_context(&state, &csv);
        export::download_text("ai-gap-yearly.csv", "text/csv", &csv);
    };
    let state_json = move |_| {
        let query = browser::current_query(&state);
        let json = state.inputs.with_untracked(|inputs| {
            state.outcome.with_untracked(|outcome| {
                state.uncertainty.with_untracked(|uncertainty| {
                    state.monte_carlo.with_untracked(|mc| {
                        export::state_json(inputs, outcome, uncertainty, mc.as_ref(), &query)
                    })
                })
            })
        });
        export::download_text("ai-gap-state.json", "application/json", &json);
    };

    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">{move || t().share_and_export}</h2>
            <div class="export-row">
                <button type="button" data-action="share" on:click=share>{move || t().share}</button>
                <button type="button" data-action="copy-link" on:click=copy_link>{move || t().copy_link}</button>
                <span class="hint" role="status">
                    {move || match copied.get() {
                        Some(true) => t().link_copied.to_owned(),
                        Some(false) => format!("{} {}", t().copy_failed, browser::share_url(&state)),
                        None => String::new(),
                    }}
                </span>
            </div>
            <div class="export-row">
                <label for="export-chart">{move || t().chart_to_export}</label>
                <select id="export-chart" on:change=move |event| {
                    let name = event_target_value(&event);
                    if let Some(known) = gap_charts::ChartId::from_name(&name) {
                        set_chart.set(known);
                    }
                }>
                    {gap_charts::ChartId::ALL
                        .into_iter()
                        .map(|id| view! {
                            <option value=id.name() prop:selected=move || chart.get() == id>
                                {move || id.short_name(state.lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
                <button type="button" data-export="png" on:click=move |_| picture(false)>"PNG"</button>
                <button type="button" data-export="svg" on:click=move |_| picture(true)>"SVG"</button>
            </div>
            <div class="export-row">
                <button type="button" data-export="csv" on:click=yearly_csv>{move || t().download_yearly_csv}</button>
                <button type="button" data-export="json" on:click=state_json>{move || t().download_json}</button>
                // A file the build writes beside the app (scripts/site-data.mjs).
                <a class="button" data-export="dataset" href="figures.csv" download="ai-gap-figures.csv">{move || t().download_dataset}</a>
                <button type="button" data-action="embed" aria-haspopup="dialog" on:click=move |_| embed_open.set(true)>{move || t().embed}</button>
                <button type="button" data-action="print" on:click=move |_| print()>{move || t().print}</button>
            </div>
            <EmbedDialog chart=chart open=embed_open opener="[data-action=\"embed\"]" />
        </section>
    }
}

fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
