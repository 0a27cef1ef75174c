use leptos::prelude::*;

use crate::format::{plain, usd_billions};
use crate::i18n::texts;
use crate::state::use_app_state;

/// The key base-year results, each with a machine-readable `data-metric`
/// name and raw `data-value` (USD billions, or a year; empty when none).
/// The names are a public interface.
#[component]
pub fn Readouts() -> impl IntoView {
    let state = use_app_state();
    let money = move |name: &'static str,
                      label: fn(&crate::i18n::UiTexts) -> &'static str,
                      pick: fn(&gap_model::Outcome) -> f64| {
        let raw = move || state.outcome.with(|outcome| plain(pick(outcome)));
        let shown = move || {
            state
                .outcome
                .with(|outcome| usd_billions(state.lang.get(), pick(outcome)))
        };
        view! {
            <div class="readout">
                <dt>{move || label(texts(state.lang.get()))}</dt>
                <dd data-metric=name data-value=raw>{shown}</dd>
            </div>
        }
    };
    let breakeven_raw = move || {
        state.outcome.with(|outcome| {
            outcome
                .breakeven_year
                .map(|year| year.to_string())
                .unwrap_or_default()
        })
    };
    let breakeven_shown = move || {
        state.outcome.with(|outcome| match outcome.breakeven_year {
            Some(year) => year.to_string(),
            None => texts(state.lang.get())
                .none_within_horizon
                .replace("{end}", &state.valid.with(|valid| valid.end()).to_string()),
        })
    };
    view! {
        <dl class="readouts">
            {money("required_revenue", |t| t.metric_required, |o| o.base_required)}
            {money("actual_revenue", |t| t.metric_actual, |o| o.base_actual)}
            {money("gap", |t| t.metric_gap, |o| o.base_gap)}
            {money("gap_pv", |t| t.metric_gap_pv, |o| o.gap_pv)}
            <div class="readout">
                <dt>{move || texts(state.lang.get()).metric_breakeven}</dt>
                <dd data-metric="breakeven_year" data-value=breakeven_raw>{breakeven_shown}</dd>
            </div>
        </dl>
    }
}
