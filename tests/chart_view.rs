//! The chart component in a real browser: it creates one ECharts instance,
//! updates that same instance when its chart changes (at once on screen;
//! during a drag off screen, not even built until it scrolls into view or
//! the drag ends), and disposes it when it unmounts.
#![cfg(target_arch = "wasm32")]

use ai_gap_explorer::components::chart_view::ChartView;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The test runner's page has no ECharts: evaluate the app's own bundle.
fn load_echarts() {
    let defined = js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false);
    if !defined {
        js_sys::Function::new_no_args(include_str!("../gen/echarts.js"))
            .call0(&JsValue::NULL)
            .expect("the ECharts bundle evaluates");
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn next_tasks() {
    sleep(20).await;
}

fn instance_of(element: &web_sys::Element) -> JsValue {
    let echarts = js_sys::Reflect::get(&js_sys::global(), &"echarts".into()).unwrap();
    let get_instance: js_sys::Function = js_sys::Reflect::get(&echarts, &"getInstanceByDom".into())
        .unwrap()
        .unchecked_into();
    get_instance.call1(&echarts, element).unwrap()
}

fn first_series_data(instance: &JsValue) -> Vec<f64> {
    let get_option: js_sys::Function = js_sys::Reflect::get(instance, &"getOption".into())
        .unwrap()
        .unchecked_into();
    let option = get_option.call0(instance).unwrap();
    let series = js_sys::Reflect::get(&option, &"series".into()).unwrap();
    let first = js_sys::Reflect::get(&series, &0.into()).unwrap();
    let data: js_sys::Array = js_sys::Reflect::get(&first, &"data".into())
        .unwrap()
        .unchecked_into();
    data.iter().map(|value| value.as_f64().unwrap()).collect()
}

/// An absolutely placed `width` × `height` px box in the page, with the
/// app's ECharts bundle loaded: where a test mounts its chart.
fn mounted_host(width: u32, height: u32) -> web_sys::HtmlElement {
    load_echarts();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    let style = host.style();
    style.set_property("width", &format!("{width}px")).unwrap();
    style
        .set_property("height", &format!("{height}px"))
        .unwrap();
    style.set_property("position", "absolute").unwrap();
    style.set_property("top", "0").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn renders_once_updates_in_place_and_disposes_on_unmount() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = mounted_host(600, 300);
    let style = host.style();

    let required = RwSignal::new(2000.0);
    let dragging = RwSignal::new(true);
    let builds = StoredValue::new(0_usize);
    let chart = Signal::derive(move || {
        builds.update_value(|count| *count += 1);
        gap_charts::gap_bars(required.get(), 55.0)
    });
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <ChartView name="test" chart=chart label="test chart".to_string() description="test chart".to_string() dragging=dragging /> }
    });
    next_tasks().await;

    let element = document
        .query_selector("[data-chart=test]")
        .unwrap()
        .expect("container rendered");
    let first = instance_of(&element);
    assert!(
        !first.is_undefined(),
        "an ECharts instance exists after mount"
    );
    assert_eq!(first_series_data(&first), vec![2000.0, 55.0]);

    required.set(1200.0);
    next_tasks().await;
    let second = instance_of(&element);
    assert!(
        js_sys::Object::is(&first, &second),
        "the same instance is updated, not re-created"
    );
    assert_eq!(first_series_data(&second), vec![1200.0, 55.0]);

    // Off screen during a drag, a change is not even built ...
    style.set_property("top", "20000px").unwrap();
    sleep(100).await; // the visibility observer reports
    let builds_before = builds.get_value();
    required.set(900.0);
    next_tasks().await;
    required.set(800.0);
    next_tasks().await;
    assert_eq!(builds.get_value(), builds_before, "off screen: not built");
    assert_eq!(
        first_series_data(&second),
        vec![1200.0, 55.0],
        "off screen: not drawn"
    );
    // ... until the drag ends ...
    dragging.set(false);
    next_tasks().await;
    assert_eq!(
        first_series_data(&second),
        vec![800.0, 55.0],
        "after the drag"
    );
    assert_eq!(builds.get_value(), builds_before + 1, "built once");
    // ... or the chart scrolls into view.
    dragging.set(true);
    next_tasks().await;
    required.set(700.0);
    next_tasks().await;
    assert_eq!(first_series_data(&second), vec![800.0, 55.0]);
    style.set_property("top", "0").unwrap();
    sleep(100).await;
    assert_eq!(
        first_series_data(&second),
        vec![700.0, 55.0],
        "back on screen"
    );

    // Off screen but not dragging: at once.
    style.set_property("top", "20000px").unwrap();
    dragging.set(false);
    sleep(100).await;
    required.set(600.0);
    next_tasks().await;
    assert_eq!(
        first_series_data(&second),
        vec![600.0, 55.0],
        "no drag: at once"
    );

    drop(mounted);
    next_tasks().await;
    assert!(
        instance_of(&element).is_undefined(),
        "the instance is disposed on unmount"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_drag_ends_when_the_edits_rest() {
    use ai_gap_explorer::state::{AppState, DRAG_REST};
    use gap_model::InputId;

    let settings = ai_gap_explorer::url_state::parse(&[], None, false);
    let owner = Owner::new();
    owner.set();
    let state = AppState::new(settings);
    let rest = i32::try_from(DRAG_REST.as_millis()).unwrap();

    state.edit_live(InputId::Revenue, 70.0);
    assert!(!state.animate.get_untracked(), "a live edit starts a drag");
    sleep(rest / 2).await;
    state.edit_live(InputId::Revenue, 80.0);
    sleep(rest * 3 / 4).await;
    assert!(
        !state.animate.get_untracked(),
        "each edit restarts the wait: still dragging"
    );
    sleep(rest).await;
    assert!(state.animate.get_untracked(), "the edits rested: drag over");
    assert_eq!(state.inputs.get_untracked().get(InputId::Revenue), 80.0);
}

fn option_of(instance: &JsValue) -> JsValue {
    let get_option: js_sys::Function = js_sys::Reflect::get(instance, &"getOption".into())
        .unwrap()
        .unchecked_into();
    get_option.call0(instance).unwrap()
}

fn path(value: &JsValue, keys: &[&str]) -> JsValue {
    keys.iter().fold(value.clone(), |value, key| {
        let key = key
            .parse::<u32>()
            .map_or_else(|_| JsValue::from_str(key), JsValue::from);
        js_sys::Reflect::get(&value, &key).unwrap_or(JsValue::UNDEFINED)
    })
}

#[wasm_bindgen_test]
async fn a_new_size_lays_the_chart_out_again_without_a_tween() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = mounted_host(1000, 600);
    let style = host.style();
    // ChartView's container takes the host's size.
    let sheet = document.create_element("style").unwrap();
    sheet.set_text_content(Some("[data-chart=sized]{width:100%;height:100%}"));
    document.head().unwrap().append_child(&sheet).unwrap();

    let inputs = gap_model::Inputs::default().validate().unwrap();
    let cut = RwSignal::new(0.0);
    let chart = Signal::derive(move || {
        let outcome = gap_model::run(&inputs);
        gap_charts::deepseek(&outcome, &outcome, cut.get(), gap_charts::Lang::En)
    });
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <ChartView name="sized" chart=chart label="test chart".to_string() description="test chart".to_string() animate=true /> }
    });
    sleep(100).await;
    let element = document
        .query_selector("[data-chart=sized]")
        .unwrap()
        .unwrap();
    let instance = instance_of(&element);
    let right = |option: &JsValue| path(option, &["grid", "0", "right"]);
    assert_eq!(
        right(&option_of(&instance)).as_string().as_deref(),
        Some("54%"),
        "side by side"
    );

    style.set_property("width", "350px").unwrap();
    sleep(200).await; // the resize observer reports, the effect runs
    let narrow = option_of(&instance);
    assert_eq!(right(&narrow).as_f64(), Some(24.0), "stacked at 350 px");
    assert_eq!(
        path(&narrow, &["animation"]).as_bool(),
        Some(false),
        "a new layout appears at once (a tween would fly the bars from the old grids)"
    );

    cut.set(90.0);
    sleep(100).await;
    assert_eq!(
        path(&option_of(&instance), &["animation"]).as_bool(),
        Some(true),
        "new numbers at the same size tween"
    );

    drop(mounted);
    host.remove();
    sheet.remove();
}
