use gap_model::{Group, InputId, Method};
use leptos::prelude::*;

use super::input_control::InputControl;
use super::uncertainty_controls::UncertaintyControls;
use crate::i18n::{texts, UiTexts};
use crate::state::use_app_state;

/// Picks one string out of the UI texts.
type TextOf = fn(&UiTexts) -> &'static str;

/// Cost cuts the articles give as reference points (`cost_cut`, %).
const DEEPSEEK_REFERENCE_CUTS: [(f64, TextOf); 3] = [
    (90.0, |t| t.cut_tenth_of_chips),
    (96.0, |t| t.cut_token_price),
    (98.0, |t| t.cut_two_percent),
];

/// Every model input, grouped as readers think about them.
#[component]
pub fn AssumptionsPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    view! {
        <section class="assumptions" id="assumptions" aria-labelledby="assumptions-title">
            <div class="panel-head">
                <h2 id="assumptions-title">{move || t().assumptions}</h2>
                <button type="button" class="secondary" on:click=move |_| state.reset_all()>
                    {move || t().reset_all}
                </button>
            </div>
            <MethodSelect />
            {Group::ALL.into_iter().map(|group| view! { <InputGroup group=group /> }).collect_view()}
            <UncertaintyControls />
        </section>
    }
}

#[component]
fn MethodSelect() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    view! {
        <div class="control method">
            <label for="input-method">{move || texts(lang.get()).method}</label>
            <select
                id="input-method"
                name="method"
                on:change=move |event| {
                    if let Some(method) = Method::from_url_name(&event_target_value(&event)) {
                        state.set_method(method);
                    }
                }
            >
                {Method::ALL
                    .into_iter()
                    .map(|method| {
                        view! {
                            <option
                                value=method.url_name()
                                prop:selected=move || state.inputs.with(|inputs| inputs.method == method)
                            >
                                {move || gap_charts::method_label(method, lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="hint">{move || method_explanation(texts(lang.get()), state.inputs.with(|i| i.method))}</p>
        </div>
    }
}

fn method_explanation(t: &UiTexts, method: Method) -> &'static str {
    match method {
        Method::Direct => t.method_direct_hint,
        Method::Sequoia => t.method_sequoia_hint,
        Method::Bain => t.method_bain_hint,
        Method::Dcf => t.method_dcf_hint,
    }
}

#[component]
fn InputGroup(group: Group) -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.lang.get());
    let (basic, advanced): (Vec<InputId>, Vec<InputId>) = InputId::ALL
        .into_iter()
        .filter(|id| id.group() == group)
        .partition(|id| !id.spec().advanced);
    let title = move || group_title(t(), group);
    let references = (group == Group::DeepSeek).then(|| {
        view! {
            <p class="hint">{move || t().deepseek_hint}</p>
            <div class="reference-cuts" role="group" aria-label=move || t().reference_cuts>
                {DEEPSEEK_REFERENCE_CUTS
                    .into_iter()
                    .map(|(cut, label)| {
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || state.inputs.with(|i| (i.get(InputId::CostCut) == cut).to_string())
                                on:click=move |_| {
                                    state.edit(InputId::CostCut, cut);
                                }
                            >
                                {move || label(t())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    });
    let more = (!advanced.is_empty()).then(|| {
        view! {
            <details class="advanced">
                <summary>{move || t().more_assumptions}</summary>
                {advanced.into_iter().map(|id| view! { <InputControl id=id /> }).collect_view()}
            </details>
        }
    });
    view! {
        <fieldset class="group" data-group=group.name()>
            <legend>{title}</legend>
            {references}
            {basic.into_iter().map(|id| view! { <InputControl id=id /> }).collect_view()}
            {more}
        </fieldset>
    }
}

fn group_title(t: &UiTexts, group: Group) -> &'static str {
    match group {
        Group::Spent => t.group_spent,
        Group::Earned => t.group_earned,
        Group::Finance => t.group_finance,
        Group::DeepSeek => t.group_deepseek,
        Group::Horizon => t.group_horizon,
    }
}
