use gap_charts::Lang;
use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app_state;

/// Switches the page language; the choice goes into the URL.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="lang-switch" role="group" aria-label=move || texts(state.lang.get()).language>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            title=lang.name()
                            aria-pressed=move || (state.lang.get() == lang).to_string()
                            on:click=move |_| {
                                state.choose_lang(lang);
                            }
                        >
                            {lang.code().to_ascii_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
