use leptos::prelude::*;

use crate::format::decimal;
use crate::i18n::texts;
use crate::state::use_app_state;
use crate::url_state::{Notice, Problem};

/// Says which URL parameters were ignored or repaired, and why; dismissible.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let message = move |notice: &Notice| {
        let lang = state.lang.get();
        let t = texts(lang);
        let reason = match notice.problem {
            Problem::NotANumber { default } => t
                .notice_not_a_number
                .replace("{default}", &decimal(lang, default, 2)),
            Problem::OutOfRange { min, max, used } => t
                .notice_out_of_range
                .replace("{min}", &decimal(lang, min, 2))
                .replace("{max}", &decimal(lang, max, 2))
                .replace("{used}", &decimal(lang, used, 2)),
            Problem::UnknownWord => t.notice_unknown_word.to_owned(),
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
                    {move || state.notices.get().iter().map(|notice| view! { <li>{message(notice)}</li> }).collect_view()}
                </ul>
                <button type="button" class="secondary" on:click=move |_| state.notices.set(Vec::new())>
                    {move || texts(state.lang.get()).dismiss}
                </button>
            </div>
        </Show>
    }
}
