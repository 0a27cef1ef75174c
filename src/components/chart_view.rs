use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;

use crate::echarts::{self, Echarts};

/// One ECharts chart. It creates its instance once, after mount, then only
/// updates it; it follows its container's size and disposes the instance
/// when it unmounts.
#[component]
pub fn ChartView(
    /// The public `data-chart` name, also used for the element id.
    name: &'static str,
    /// The chart to show; every change redraws it.
    #[prop(into)]
    chart: Signal<Chart>,
    /// Short text for screen readers (the container's `aria-label`, kept
    /// by ECharts' aria as the chart's description).
    #[prop(into)]
    label: Signal<String>,
    /// Whether updates animate (off while a slider is dragged).
    #[prop(into, optional)]
    animate: Signal<bool>,
    /// Dark theme; a change re-creates the instance, as ECharts 5 cannot
    /// switch the theme of a live instance.
    #[prop(into, optional)]
    dark: Signal<bool>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let instance = StoredValue::new_local(None::<(Echarts, bool)>);
    let element_id = format!("chart-{name}");

    Effect::new(move |_| {
        let chart = chart.get();
        let label = label.get();
        let dark = dark.get();
        let animate = animate.get_untracked();
        let Some(element) = container.get() else {
            return;
        };
        instance.update_value(|slot| {
            match slot {
                Some((live, live_dark)) if *live_dark == dark => {
                    echarts::update(live, &chart, &label, animate);
                }
                _ => {
                    if let Some((stale, _)) = slot.take() {
                        echarts::dispose(&stale);
                    }
                    *slot = echarts::init(&element, &chart, &label, dark)
                        .map(|created| (created, dark));
                }
            };
        });
    });

    leptos_use::use_resize_observer(container, move |_, _| {
        instance.with_value(|slot| {
            if let Some((live, _)) = slot {
                echarts::resize(live);
            }
        });
    });

    on_cleanup(move || {
        instance.try_update_value(|slot| {
            if let Some((live, _)) = slot.take() {
                echarts::dispose(&live);
            }
        });
    });

    view! {
        <div
            class="chart"
            id=element_id
            data-chart=name
            role="img"
            aria-label=move || label.get()
            node_ref=container
        ></div>
    }
}
