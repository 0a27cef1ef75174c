use leptos::prelude::*;

use crate::format::{percent, usd_billions};
use crate::i18n::texts;
use crate::state::use_app_state;

/// The current result in one sentence ("At these assumptions AI needs $2T a
/// year; …"): the headline, and the text a shared link carries.
pub fn headline_sentence(state: &crate::state::AppState) -> String {
    let lang = state.lang.get();
    let t = texts(lang);
    // The article's ratio at this capex, beside another method's answer.
    let claim = state.valid.with(|valid| {
        (valid.method != gap_model::Method::Direct).then(|| {
            let direct = gap_model::required_by_method(valid)
                .into_iter()
                .find(|(method, _)| *method == gap_model::Method::Direct)
                .map_or(f64::NAN, |(_, value)| value);
            t.headline_claim
                .replace("{value}", &usd_billions(lang, direct))
        })
    });
    state.outcome.with(|outcome| {
        let end = state.valid.with(|valid| valid.end());
        // "Closes" only for good: a gap that reopens says so.
        let closes = match outcome.breakeven_year {
            Some(year) if outcome.reopens() => t
                .headline_reopens
                .replace("{year}", &year.to_string())
                .replace("{gap_end}", &usd_billions(lang, outcome.final_gap()))
                .replace("{end}", &end.to_string()),
            Some(year) => t
                .headline_closes_in
                .replace("{year}", &outcome.covered_from.unwrap_or(year).to_string()),
            None => t.headline_never.replace("{end}", &end.to_string()),
        };
        t.headline
            .replace("{required}", &usd_billions(lang, outcome.base_required))
            .replace("{claim}", claim.as_deref().unwrap_or_default())
            .replace("{actual}", &usd_billions(lang, outcome.base_actual))
            .replace("{gap}", &usd_billions(lang, outcome.base_gap))
            .replace("{closes}", &closes)
    })
}

/// The current result in one sentence, recomputed live.
#[component]
pub fn Headline() -> impl IntoView {
    let state = use_app_state();
    let sentence = move || headline_sentence(&state);
    let returns = move || {
        let lang = state.lang.get();
        let t = texts(lang);
        let rate = percent(
            lang,
            state
                .valid
                .with(|valid| valid.get(gap_model::InputId::Rate)),
            1,
        );
        state
            .outcome
            .with(|outcome| {
                let npv = usd_billions(lang, outcome.npv);
                match outcome.irr {
                    gap_model::Irr::Rate(irr) => {
                        t.headline_returns.replace("{irr}", &percent(lang, irr, 1))
                    }
                    other => t
                        .headline_no_return
                        .replace("{reason}", &super::readouts::irr_text(lang, other)),
                }
                .replace("{rate}", &rate)
                .replace("{npv}", &npv)
            })
            .replace("..", ".") // an amount that ends in "bln." ends the sentence
    };
    let coverage = move || {
        let lang = state.lang.get();
        let (start, end) = state.valid.with(|valid| (valid.start(), valid.end()));
        let t = texts(lang);
        // A horizon of one year has no "from … to …".
        let template = if start == end {
            t.headline_coverage_one_year
        } else {
            t.headline_coverage
        };
        state.outcome.with(|outcome| {
            template
                .replace("{start}", &start.to_string())
                .replace("{end}", &end.to_string())
                .replace("{coverage}", &percent(lang, 100.0 * outcome.coverage, 1))
                .replace("{final}", &percent(lang, 100.0 * outcome.final_coverage, 1))
        })
    };
    view! {
        <p class="headline" aria-live="polite">{sentence}</p>
        <p class="headline-returns"><span class="coverage-sentence">{coverage}" "</span>{returns}</p>
    }
}
