use charming::Chart;
use leptos::prelude::*;

use crate::format::decimal;
use crate::i18n::texts;
use crate::state::use_app_state;

/// The numbers behind a chart as an HTML table, folded away under the chart.
/// Built only while open, so it costs nothing on the slider's hot path.
#[component]
pub fn ChartTable(
    chart: Signal<Chart>,
    /// What the chart's numbers say: the table's caption.
    description: Signal<String>,
) -> impl IntoView {
    let state = use_app_state();
    let (open, set_open) = signal(false);
    let table = move || {
        let lang = state.lang.get();
        let table = chart.with(gap_charts::data_table);
        view! {
            <table>
                <caption>{description.get()}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {table.columns.into_iter().map(|column| view! { <th scope="col">{column}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .into_iter()
                        .map(|(label, cells)| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    {cells
                                        .into_iter()
                                        .map(|cell| view! { <td>{cell.map(|value| decimal(lang, value, 2)).unwrap_or_default()}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <details class="chart-table" on:toggle=move |event| set_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary>{move || texts(state.lang.get()).data_table}</summary>
            <Show when=move || open.get()>{table}</Show>
        </details>
    }
}
