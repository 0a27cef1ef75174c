use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;

use crate::echarts::{self, Echarts, Redraw};

/// Time between the start-up of two off-screen charts: about one chart's
/// creation on a slow phone, so that their tasks do not run back to back.
const STARTUP_STAGGER: std::time::Duration = std::time::Duration::from_millis(60);

thread_local! {
    /// Off-screen charts waiting for their start-up turn, in mount order.
    static STARTUP_QUEUE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Hears where a click on a chart landed: `(Some(series id), data index)`
/// for an item, `(None, category index)` for a column.
pub type PickCallback = Callback<(Option<String>, usize)>;

/// A signal that turns true at this chart's turn to start off screen.
fn startup_turn() -> RwSignal<bool> {
    let turn = RwSignal::new(false);
    let place = STARTUP_QUEUE.with(|queue| {
        let place = queue.get() + 1;
        queue.set(place);
        place
    });
    set_timeout(
        move || {
            turn.try_set(true);
            STARTUP_QUEUE.with(|queue| queue.set(queue.get().saturating_sub(1)));
        },
        STARTUP_STAGGER * place,
    );
    turn
}

/// One ECharts chart. It creates its instance once, after mount, then only
/// updates it; it follows its container's size and disposes the instance
/// when it unmounts. During a slider drag an off-screen chart is neither
/// built nor drawn: it catches up when it scrolls into view or the drag ends
/// (released, or resting for `state::DRAG_REST`), so a drag costs only the
/// charts the reader sees. At start-up an off-screen chart is created in a
/// later task of its own (`STARTUP_STAGGER` apart, in mount order), or as
/// soon as it scrolls into view: the first task draws only what is on
/// screen, and no task builds all eight charts at once.
#[component]
pub fn ChartView(
    /// The public `data-chart` name, also used for the element id.
    name: &'static str,
    /// The chart to show; every change redraws it.
    #[prop(into)]
    chart: Signal<Chart>,
    /// The chart's text alternative: the container's `aria-label` until
    /// ECharts draws.
    #[prop(into)]
    label: Signal<String>,
    /// The text alternative and what the numbers say: ECharts' aria
    /// description (which ECharts writes into the container's `aria-label`).
    /// Read only when the chart draws, so an unseen chart does not compute it.
    #[prop(into)]
    description: Signal<String>,
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
    /// What a click can land on, and who hears of it: `(Some(series id),
    /// data index)` for an item, `(None, category index)` for a column.
    #[prop(default = None)]
    on_pick: Option<(gap_charts::Clicks, PickCallback)>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    // The live instance, its theme, and its click handler (kept alive with it).
    let instance = StoredValue::new_local(None::<(Echarts, bool, Option<echarts::ClickHandler>)>);
    // The option the instance shows and the size it was laid out for, so
    // that a run that changes nothing (the drag ending, the chart scrolling
    // into view) draws nothing.
    let drawn = StoredValue::new_local(None::<(String, (f64, f64))>);
    // The layout depends on the container's size: a resize lays it out again.
    let resized = Trigger::new();
    let element_id = format!("chart-{name}");
    let visible = leptos_use::use_element_visibility(container);
    let turn = startup_turn();

    Effect::new(move |_| {
        let dark = dark.get();
        let on_screen = visible.get();
        let Some(element) = container.get() else {
            return;
        };
        let live_theme =
            instance.with_value(|slot| slot.as_ref().map(|(_, live_dark, _)| *live_dark));
        if live_theme.is_none() && !on_screen && !turn.get() {
            // Not created yet and off screen: wait for the start-up turn or
            // the first sight of it, whichever comes first.
            return;
        }
        let waiting = dragging.get() && !on_screen;
        if waiting && live_theme == Some(dark) {
            // Not reading `chart` leaves it unbuilt; this effect runs again
            // when `dragging` or `visible` changes.
            return;
        }
        resized.track();
        instance.update_value(|slot| {
            let fresh = slot
                .as_ref()
                .is_none_or(|(_, live_dark, _)| *live_dark != dark);
            if fresh {
                if let Some((stale, _, _)) = slot.take() {
                    echarts::dispose(&stale);
                }
                *slot = echarts::init(&element, dark).map(|created| {
                    let handler = on_pick.and_then(|(clicks, pick)| {
                        echarts::on_click(&created, clicks, move |series, index| {
                            pick.run((series.map(str::to_owned), index));
                        })
                    });
                    (created, dark, handler)
                });
                drawn.set_value(None);
            }
            let Some((live, _, _)) = slot else {
                return;
            };
            let size = echarts::size(live);
            let container = gap_charts::Container {
                width: size.0,
                height: size.1,
                text: &crate::text_width::CanvasText,
            };
            // `with`, not `get`: a derived signal builds the chart for the
            // call, and `get` would deep-copy it only to serialize the copy.
            let description = description.get();
            let Some(option) =
                chart.with(|chart| gap_charts::option_json(chart, &description, &container))
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
            if let Some((live, _, _)) = slot {
                echarts::resize(live);
            }
        });
        resized.notify();
    });

    on_cleanup(move || {
        instance.try_update_value(|slot| {
            if let Some((live, _, _)) = slot.take() {
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
            // Focusable from script only: the derivation panel asked from
            // the chart returns the focus here.
            tabindex="-1"
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
