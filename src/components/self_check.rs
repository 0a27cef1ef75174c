use gap_model::CaseCheck;
use leptos::prelude::*;

use crate::format::usd_billions;
use crate::i18n::{texts, UiTexts};
use crate::state::use_app_state;

/// Runs the model's published cases (`gap_model::self_check`, the list the
/// native tests run too). The fault-injection build's `?fail=selfcheck`
/// makes one case expect a wrong number, so the browser tests can see a
/// failure shown.
fn run_self_check() -> Vec<CaseCheck> {
    gap_model::published_cases()
        .iter()
        .map(|case| {
            let mut case = *case;
            if crate::failure::self_check_sabotaged() && case.id == "sequoia_2023" {
                case.required += 1.0;
            }
            case.check()
        })
        .collect()
}

fn case_name(t: &UiTexts, id: &str) -> &'static str {
    match id {
        "article_2026" => t.case_article_2026,
        "sequoia_2023" => t.case_sequoia_2023,
        "sequoia_2024" => t.case_sequoia_2024,
        "bain_2030" => t.case_bain_2030,
        "dcf_defaults" => t.case_dcf_defaults,
        "dcf_flat_history" => t.case_dcf_flat_history,
        "dcf_short_life" => t.case_dcf_short_life,
        "jpmorgan_2030" => t.case_jpmorgan_2030,
        _ => "",
    }
}

/// "Model check: 7 of 7 published results reproduced", opening to the list
/// of cases; a failed case turns it red and is named in the summary. The
/// checks run once, when the page starts (well under a millisecond).
#[component]
pub fn SelfCheck() -> impl IntoView {
    let state = use_app_state();
    let checks = run_self_check();
    let total = checks.len();
    let passed = checks.iter().filter(|check| check.passed).count();
    let failed_ids: Vec<&'static str> = checks.iter().filter(|c| !c.passed).map(|c| c.id).collect();
    let summary = move || {
        let t = texts(state.lang.get());
        if passed == total {
            gap_text::fill(
                t.selfcheck_passed,
                &[
                    ("passed", &passed.to_string()),
                    ("total", &total.to_string()),
                ],
            )
        } else {
            let names: Vec<&str> = failed_ids.iter().map(|id| case_name(t, id)).collect();
            gap_text::fill(
                t.selfcheck_failed,
                &[
                    ("failed", &(total - passed).to_string()),
                    ("total", &total.to_string()),
                    ("cases", &names.join(", ")),
                ],
            )
        }
    };
    let rows = checks
        .into_iter()
        .map(|check| {
            let line = move || {
                let lang = state.lang.get();
                let t = texts(lang);
                gap_text::fill(
                    t.selfcheck_case,
                    &[
                        ("case", case_name(t, check.id)),
                        ("got", &usd_billions_exact(lang, check.required)),
                        ("published", &usd_billions_exact(lang, check.expected_required)),
                    ],
                )
            };
            let verdict = move || {
                let t = texts(state.lang.get());
                if check.passed { t.selfcheck_reproduced } else { t.selfcheck_not_reproduced }
            };
            view! {
                <li data-case=check.id data-passed=check.passed.to_string() class:failed=!check.passed>
                    <span class="selfcheck-mark" aria-hidden="true">{if check.passed { "✓" } else { "✗" }}</span>
                    " "{line}" — "<strong>{verdict}</strong>
                </li>
            }
        })
        .collect_view();
    view! {
        <details
            class="selfcheck"
            class:failed=passed < total
            data-selfcheck=""
            data-passed=passed.to_string()
            data-total=total.to_string()
        >
            <summary>
                <span class="selfcheck-mark" aria-hidden="true">{if passed == total { "✓" } else { "✗" }}</span>
                " "{summary}
            </summary>
            <p class="hint">{move || texts(state.lang.get()).selfcheck_intro}</p>
            <ul>{rows}</ul>
        </details>
    }
}

/// Money with the decimals a hand-computed value needs to be checked by eye:
/// "$705.29B" rather than the compact "$705.3B".
fn usd_billions_exact(lang: gap_text::Lang, billions: f64) -> String {
    if billions.fract() == 0.0 {
        usd_billions(lang, billions)
    } else {
        gap_text::fill(
            texts(lang).selfcheck_billions,
            &[("value", &gap_text::number::decimal(lang, billions, 6))],
        )
    }
}
