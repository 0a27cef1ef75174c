use leptos::prelude::*;

use super::assumptions_panel::AssumptionsPanel;
use super::charts_grid::ChartsGrid;
use super::embed_view::EmbedView;
use super::export_menu::ExportMenu;
use super::growth_solver::GrowthSolver;
use super::headline::Headline;
use super::lang_switch::LangSwitch;
use super::notices::Notices;
use super::preset_bar::PresetBar;
use super::readouts::Readouts;
use super::self_check::SelfCheck;
use super::sources_view::SourcesView;
use super::update_banner::UpdateBanner;
use crate::browser;
use crate::i18n::texts;
use crate::state::{AppState, View};

#[component]
pub fn App() -> impl IntoView {
    let settings = browser::page_settings();
    let state = AppState::new(settings);
    provide_context(state);
    browser::keep_url_in_sync(state);
    browser::follow_document_settings(state);
    state.run_monte_carlo_when_idle();
    let (update_ready, set_update_ready) = signal(false);
    crate::service_worker::register(move || set_update_ready.set(true));

    if state.embed {
        return view! {
            <main id="main" class="embed-main">
                <Notices />
                <EmbedView />
                <UpdateBanner ready=update_ready />
            </main>
        }
        .into_any();
    }
    view! {
        <a class="skip-link" href="#main">{move || texts(state.lang.get()).skip_to_content}</a>
        <header class="site-header">
            <div class="brand">
                <h1>{move || texts(state.lang.get()).app_title}</h1>
                <p class="tagline">{move || texts(state.lang.get()).tagline}</p>
            </div>
            <nav class="header-actions">
                <button
                    type="button"
                    class="link"
                    aria-pressed=move || (state.view.get() == View::Sources).to_string()
                    on:click=move |_| state.toggle_sources()
                >
                    {move || texts(state.lang.get()).sources}
                </button>
                <LangSwitch />
            </nav>
        </header>
        <main id="main">
            <Notices />
            <Show when=move || state.view.get() == View::Explorer fallback=|| view! { <SourcesView /> }>
                <Explorer />
            </Show>
        </main>
        <UpdateBanner ready=update_ready />
        <footer class="site-footer">
            <p>{move || texts(state.lang.get()).footer}" "<code>{gap_data::DATASET_VERSION}</code></p>
            <SelfCheck />
        </footer>
    }
    .into_any()
}

#[component]
fn Explorer() -> impl IntoView {
    let state = crate::state::use_app_state();
    view! {
        <section class="summary">
            <Headline />
            <Readouts />
            <a class="to-assumptions" href="#change">{move || texts(state.lang.get()).to_assumptions}</a>
        </section>
        // Charts before the assumptions: the order a screen reader and a
        // phone's single column follow, so that a phone's first screen
        // holds the headline and the gap chart. Wide screens place the
        // presets, the solver and the assumptions in the left column
        // (style/main.css), beside the first chart.
        <div class="explorer">
            <section class="charts" aria-label=move || texts(state.lang.get()).charts_region>
                <ChartsGrid charts=gap_charts::ChartId::ALL.to_vec() />
            </section>
            <div class="side-column" id="change">
                <PresetBar />
                <GrowthSolver />
                <AssumptionsPanel />
            </div>
        </div>
        <ExportMenu />
    }
}
