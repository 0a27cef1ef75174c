use leptos::prelude::*;

use crate::format::decimal;
use crate::i18n::texts;
use crate::state::use_app_state;
use crate::url_state::{Notice, Problem};
use gap_charts::{input_label, unit_label, Lang};
use gap_model::{model1::Change, InputId};

/// Says which URL parameters were ignored or repaired, and why; dismissible.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let message = move |notice: &Notice| {
        let lang = state.lang.get();
        let t = texts(lang);
        let reason = match &notice.problem {
            Problem::ModelRevised {
                changes, clamped, ..
            } => {
                return model_revised(lang, changes, clamped);
            }
            Problem::NotANumber { default } => t
                .notice_not_a_number
                .replace("{default}", &decimal(lang, *default, 2)),
            Problem::OutOfRange { min, max, used } => t
                .notice_out_of_range
                .replace("{min}", &decimal(lang, *min, 2))
                .replace("{max}", &decimal(lang, *max, 2))
                .replace("{used}", &decimal(lang, *used, 2)),
            Problem::UnknownWord => t.notice_unknown_word.to_owned(),
            Problem::NotAWholeNumber { default } => t
                .notice_not_a_whole_number
                .replace("{default}", &crate::format::plain(*default)),
            Problem::InvalidRange => t.notice_invalid_range.to_owned(),
            Problem::NoRange => t.notice_no_range.to_owned(),
            Problem::RangeOutOfLimits { min, max } => t
                .notice_range_out_of_limits
                .replace("{min}", &decimal(lang, *min, 2))
                .replace("{max}", &decimal(lang, *max, 2)),
            Problem::EndBeforeStart => t.notice_end_before_start.to_owned(),
            Problem::HorizonTooLong { max_years, used } => t
                .notice_horizon_too_long
                .replace("{max}", &max_years.to_string())
                .replace("{used}", &used.to_string()),
        };
        t.notice_ignored
            .replace("{param}", &notice.param)
            .replace("{value}", &notice.value)
            .replace("{reason}", &reason)
    };
    view! {
        <Show when=move || state.notices.with(|notices| !notices.is_empty())>
            <div class="notice" role="status">
                <ul>
                    {move || state.notices.get().iter().map(|notice| {
                        // A translated model-1 link offers itself read with today's model.
                        let today = match &notice.problem {
                            Problem::ModelRevised { todays_query, .. } => Some(format!("?{todays_query}")),
                            _ => None,
                        };
                        view! {
                            <li>
                                {message(notice)}
                                {today.map(|href| view! {
                                    " "<a href=href data-action="open-today">{move || texts(state.lang.get()).notice_open_today}</a>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="secondary" on:click=move |_| state.dismiss_notices()>
                    {move || texts(state.lang.get()).dismiss}
                </button>
            </div>
        </Show>
    }
}

/// "margin: 60 → 40 %; revenue ceiling: 0 $B/yr; …", then which inputs left
/// the new ranges.
fn model_revised(lang: Lang, changes: &[Change], clamped: &[InputId]) -> String {
    let t = texts(lang);
    let value = |id: InputId, v: f64| {
        format!(
            "{} {}",
            decimal(lang, v, 2),
            unit_label(id.spec().unit, lang)
        )
        .trim_end()
        .to_owned()
    };
    let list = changes
        .iter()
        .map(|change| {
            let to = value(change.input, change.to);
            match change.from {
                Some(from) => format!(
                    "{}: {} → {to}",
                    input_label(change.input, lang),
                    decimal(lang, from, 2)
                ),
                None => format!("{}: {to}", input_label(change.input, lang)),
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut message = t.notice_model_revised.replace("{changes}", &list);
    if !clamped.is_empty() {
        let names = clamped
            .iter()
            .map(|&id| input_label(id, lang))
            .collect::<Vec<_>>()
            .join(", ");
        message.push(' ');
        message.push_str(&t.notice_model_clamped.replace("{inputs}", &names));
    }
    message
}
