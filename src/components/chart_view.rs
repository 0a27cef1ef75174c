use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;

use crate::echarts::{self, Echarts, Redraw};

/// One ECharts chart. It creates its instance once, after mount, then only
/// updates it; it follows its container's size and disposes the instance
/// when it unmounts. During a slider drag an off-screen chart is neither
/// built nor drawn: it catches up when it scrolls into view or the drag ends
/// (released, or resting for `state::DRAG_REST`), so a drag costs only the
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
    // The option the instance shows and the size it was laid out for, so
    // that a run that changes nothing (the drag ending, the chart scrolling
    // into view) draws nothing.
    let drawn = StoredValue::new_local(None::<(String, (f64, f64))>);
    // The layout depends on the container's size: a resize lays it out again.
    let resized = Trigger::new();
    let element_id = format!("chart-{name}");
    let visible = leptos_use::use_element_visibility(container);

    Effect::new(move |_| {
        let dark = dark.get();
        let on_screen = visible.get();
        let waiting = dragging.get() && !on_screen;
        let Some(element) = container.get() else {
            return;
        };
        let live_theme = instance.with_value(|slot| slot.as_ref().map(|(_, live_dark)| *live_dark));
        if waiting && live_theme == Some(dark) {
            // Not reading `chart` leaves it unbuilt; this effect runs again
            // when `dragging` or `visible` changes.
            return;
        }
        resized.track();
        instance.update_value(|slot| {
            let fresh = slot
                .as_ref()
                .is_none_or(|(_, live_dark)| *live_dark != dark);
            if fresh {
                if let Some((stale, _)) = slot.take() {
                    echarts::dispose(&stale);
                }
                *slot = echarts::init(&element, dark).map(|created| (created, dark));
                drawn.set_value(None);
            }
            let Some((live, _)) = slot else {
                return;
            };
            let size = echarts::size(live);
            let container = gap_charts::Container {
                width: size.0,
                height: size.1,
                text: &crate::text_width::CanvasText,
            };
            let Some(option) = gap_charts::option_json(&chart.get(), &label.get(), &container)
            else {
                return;
            };
            let redraw = drawn.with_value(|shown| match shown {
                Some((shown, _)) if *shown == option => None,
                Some((_, shown_size)) if *shown_size == size => Some(Redraw::Numbers),
                _ => Some(Redraw::Layout),
            });
            let Some(redraw) = redraw else {
                return;
            };
            // Only new numbers tween. A new chart or a new layout appears at
            // once (bars would fly from the old grids), and off screen
            // nobody sees a tween: it would only cost frames.
            let tween = redraw == Redraw::Numbers && on_screen && animate.get_untracked();
            echarts::update(live, &option, tween, redraw);
            drawn.set_value(Some((option, size)));
        });
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
        resized.notify();
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

fn printing() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("print").ok().flatten())
        .is_some_and(|query| query.matches())
}
