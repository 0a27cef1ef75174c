use gap_charts::Lang;
use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app_state;

const LANGS: [(Lang, &str); 3] = [
    (Lang::En, "English"),
    (Lang::De, "Deutsch"),
    (Lang::Nl, "Nederlands"),
];

/// Switches the page language; the choice goes into the URL.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="lang-switch" role="group" aria-label=move || texts(state.lang.get()).language>
            {LANGS
                .into_iter()
                .map(|(lang, name)| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            title=name
                            aria-pressed=move || (state.lang.get() == lang).to_string()
                            on:click=move |_| {
                                state.lang.set(lang);
                                state.lang_chosen.set(true);
                            }
                        >
                            {lang.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
