use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;

use crate::echarts::{self, Echarts};

/// How long the inputs must rest before an off-screen chart catches up.
const OFF_SCREEN_REDRAW_DELAY: std::time::Duration = std::time::Duration::from_millis(200);

/// One ECharts chart. It creates its instance once, after mount, then only
/// updates it; it follows its container's size and disposes the instance
/// when it unmounts. During a slider drag an off-screen chart redraws only
/// when it scrolls into view or the inputs rest, so a drag costs only the
/// charts the reader sees.
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
    /// Whether updates animate.
    #[prop(into, optional)]
    animate: Signal<bool>,
    /// Whether a slider is being dragged: only then does an off-screen
    /// chart wait; any other change redraws it at once.
    #[prop(into, optional)]
    dragging: Signal<bool>,
    /// Dark theme; a change re-creates the instance, as ECharts 5 cannot
    /// switch the theme of a live instance.
    #[prop(into, optional)]
    dark: Signal<bool>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let instance = StoredValue::new_local(None::<(Echarts, bool)>);
    let element_id = format!("chart-{name}");
    let visible = leptos_use::use_element_visibility(container);
    // What an off-screen chart has not drawn yet, and the timer that draws it
    // once the inputs rest.
    let stale = StoredValue::new_local(None::<(Chart, String)>);
    let stale_timer = StoredValue::new_local(None::<TimeoutHandle>);
    let draw_stale = move || {
        if let Some(pending) = stale_timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
        if let Some((chart, label)) = stale.try_update_value(Option::take).flatten() {
            instance.with_value(|slot| {
                if let Some((live, _)) = slot {
                    echarts::update(live, &chart, &label, false);
                }
            });
        }
    };

    Effect::new(move |_| {
        let chart = chart.get();
        let label = label.get();
        let dark = dark.get();
        let animate = animate.get_untracked();
        let Some(element) = container.get() else {
            return;
        };
        let live_theme = instance.with_value(|slot| slot.as_ref().map(|(_, live_dark)| *live_dark));
        if live_theme == Some(dark) && dragging.get_untracked() && !visible.get_untracked() {
            // Off screen during a drag: the drag redraws only what the reader sees.
            stale.set_value(Some((chart, label)));
            if let Some(pending) = stale_timer.get_value() {
                pending.clear();
            }
            let timer = set_timeout_with_handle(draw_stale, OFF_SCREEN_REDRAW_DELAY).ok();
            stale_timer.set_value(timer);
            return;
        }
        stale.set_value(None);
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

    Effect::new(move |_| {
        if visible.get() {
            draw_stale();
        }
    });

    leptos_use::use_resize_observer(container, move |_, _| {
        if printing() {
            // The print stylesheet scales the screen-sized canvas to the
            // paper; a resize now would redraw it into a collapsed box.
            return;
        }
        instance.with_value(|slot| {
            if let Some((live, _)) = slot {
                echarts::resize(live);
            }
        });
    });

    on_cleanup(move || {
        if let Some(pending) = stale_timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
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

fn printing() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("print").ok().flatten())
        .is_some_and(|query| query.matches())
}
