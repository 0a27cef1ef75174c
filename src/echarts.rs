//! The few ECharts calls charming 0.6 does not expose: `setOption` with merge
//! options, `resize` without a fixed size, and `dispose`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A live ECharts instance (charming's `Echarts`, with more of its methods).
    pub type Echarts;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_with(this: &Echarts, option: &JsValue, options: &JsValue);

    #[wasm_bindgen(method, js_name = resize)]
    fn resize_to_container(this: &Echarts);

    #[wasm_bindgen(method)]
    fn dispose(this: &Echarts);

    #[wasm_bindgen(method, js_name = getWidth)]
    fn width(this: &Echarts) -> f64;

    #[wasm_bindgen(method, js_name = getHeight)]
    fn height(this: &Echarts) -> f64;
}

/// Creates an empty ECharts instance in `element`; `update` draws in it.
///
/// Not charming's `WasmRenderer::render`: it converts options with
/// serde-wasm-bindgen, and a second serializer for every charming type
/// would double the largest part of the wasm. Everything goes through JSON.
pub fn init(element: &web_sys::Element, dark: bool) -> Option<Echarts> {
    let theme = if dark {
        JsValue::from_str("dark")
    } else {
        JsValue::NULL
    };
    init_element(element, &theme, &js_sys::Object::new()).ok()
}

/// The instance's size in px as of its last resize (no layout is forced).
pub fn size(instance: &Echarts) -> (f64, f64) {
    (instance.width(), instance.height())
}

/// How `update` hands a new option to ECharts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Redraw {
    /// Series and axes replaced, the rest merged: what a change of the
    /// numbers needs, and what lets ECharts tween from the old picture.
    Numbers,
    /// Everything replaced: for an option laid out for a new size, so that
    /// nothing of the old layout (a grid's `bottom` where the new one has a
    /// `height`, side-by-side insets) survives in a merge.
    Layout,
}

/// Replaces what `instance` shows with `option` (from `gap_charts::option_json`).
/// Series are replaced rather than merged, so a series that disappears from
/// the option disappears from the screen.
pub fn update(instance: &Echarts, option: &str, animate: bool, redraw: Redraw) {
    // One JSON.parse is cheaper than building the option object field by
    // field across the wasm boundary.
    let Ok(option) = js_sys::JSON::parse(option) else {
        return;
    };
    // Setting animation per update lets a slider drag redraw without the
    // one-second tween, while a preset change still animates.
    let _ = js_sys::Reflect::set(&option, &"animation".into(), &animate.into());
    round_tooltip_values(&option);
    localize_axis_and_label_numbers(&option);
    let merge = js_sys::Object::new();
    match redraw {
        Redraw::Numbers => {
            let replace: js_sys::Array = ["series", "xAxis", "yAxis"]
                .iter()
                .map(|key| JsValue::from_str(key))
                .collect();
            let _ = js_sys::Reflect::set(&merge, &"replaceMerge".into(), &replace);
        }
        Redraw::Layout => {
            let _ = js_sys::Reflect::set(&merge, &"notMerge".into(), &true.into());
        }
    }
    instance.set_option_with(&option, &merge);
}

pub fn resize(instance: &Echarts) {
    instance.resize_to_container();
}

pub fn dispose(instance: &Echarts) {
    instance.dispose();
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = getInstanceByDom)]
    fn get_instance_by_dom(element: &web_sys::Element) -> Result<Option<Echarts>, JsValue>;

    // `catch`: when the ECharts script failed to load, `echarts` is undefined
    // and the call throws; the page then shows no chart but keeps working.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_element(
        element: &web_sys::Element,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<Echarts, JsValue>;

    #[wasm_bindgen(method, js_name = getOption)]
    fn get_option(this: &Echarts) -> JsValue;

    #[wasm_bindgen(method, js_name = renderToCanvas)]
    fn render_to_canvas(this: &Echarts, options: &JsValue) -> web_sys::HtmlCanvasElement;

    #[wasm_bindgen(method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &Echarts) -> String;
}

/// The picture a chart shows, with `footer(width)`'s lines below it (the
/// key assumptions and the permalink), as a data URL: a PNG at twice the
/// size, drawn from the live instance, or an SVG from a short-lived second
/// instance of the same size with the SVG renderer. `colors` are the
/// background and the footer's text colour.
pub fn chart_image(
    chart_name: &str,
    svg: bool,
    colors: (&str, &str),
    footer: impl Fn(f64) -> Vec<String>,
) -> Option<String> {
    let (background, text) = colors;
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("[data-chart=\"{chart_name}\"]"))
        .ok()??;
    let live = get_instance_by_dom(&element).ok()??;
    // The size of the chart on screen: its option is laid out for that size
    // (`gap_charts::fit_to_size`).
    let (width, height) = size(&live);
    let lines = footer(width);
    if !svg {
        return png_with_footer(&document, &live, (width, height), &lines, colors);
    }
    let scratch = document.create_element("div").ok()?;
    let _ = scratch.set_attribute(
        "style",
        &format!("position:fixed;left:-10000px;top:0;width:{width}px;height:{height}px"),
    );
    document.body()?.append_child(&scratch).ok()?;
    let init_options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init_options, &"renderer".into(), &"svg".into());
    let dark = document
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .as_deref()
        == Some("dark");
    let theme = if dark {
        JsValue::from_str("dark")
    } else {
        JsValue::NULL
    };
    let copy = init_element(&scratch, &theme, &init_options).ok()?;
    let option = live.get_option();
    let _ = js_sys::Reflect::set(&option, &"animation".into(), &false.into());
    let _ = js_sys::Reflect::set(&option, &"backgroundColor".into(), &background.into());
    copy.set_option_with(&option, &js_sys::Object::new());
    let drawn = copy.render_to_svg_string();
    copy.dispose();
    scratch.remove();
    let svg = gap_charts::svg_with_footer(&drawn, &lines, text, background)?;
    Some(format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    ))
}

/// The live chart at twice its size with the footer's lines below it.
fn png_with_footer(
    document: &web_sys::Document,
    live: &Echarts,
    (width, height): (f64, f64),
    lines: &[String],
    (background, text): (&str, &str),
) -> Option<String> {
    const RATIO: f64 = 2.0;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"backgroundColor".into(), &background.into());
    let _ = js_sys::Reflect::set(&options, &"pixelRatio".into(), &RATIO.into());
    let chart = live.render_to_canvas(&options);
    let total = height + gap_charts::footer_height(lines.len());
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    // Whole pixels of a chart at most a few thousand px wide.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    {
        canvas.set_width((width * RATIO).ceil() as u32);
        canvas.set_height((total * RATIO).ceil() as u32);
    }
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str(background);
    context.fill_rect(0.0, 0.0, width * RATIO, total * RATIO);
    context
        .draw_image_with_html_canvas_element_and_dw_and_dh(
            &chart,
            0.0,
            0.0,
            width * RATIO,
            height * RATIO,
        )
        .ok()?;
    let _ = context.scale(RATIO, RATIO);
    context.set_fill_style_str(text);
    context.set_font(&format!("{}px sans-serif", gap_charts::FOOTER_FONT));
    for (i, line) in lines.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = height + gap_charts::FOOTER_PADDING + gap_charts::FOOTER_LINE * (i as f64 + 0.75);
        let _ = context.fill_text(line, gap_charts::FOOTER_PADDING, y);
    }
    canvas.to_data_url_with_type("image/png").ok()
}

thread_local! {
    /// A Rust function handed to ECharts as the tooltip's `valueFormatter`:
    /// rounded, locale-formatted numbers without any JavaScript source text
    /// (the CSP forbids eval, and chart options carry no code).
    static VALUE_FORMATTER: JsValue = Closure::<dyn Fn(JsValue) -> JsValue>::new(|value: JsValue| match value.as_f64() {
        Some(number) => JsValue::from_str(&crate::format::decimal(page_lang(), number, 1)),
        None if value.is_null() || value.is_undefined() => JsValue::from_str("–"),
        None => value,
    })
    .into_js_value();
}

fn round_tooltip_values(option: &JsValue) {
    let Ok(tooltip) = js_sys::Reflect::get(option, &"tooltip".into()) else {
        return;
    };
    if tooltip.is_object() {
        VALUE_FORMATTER.with(|formatter| {
            let _ = js_sys::Reflect::set(&tooltip, &"valueFormatter".into(), formatter);
        });
    }
}

thread_local! {
    /// Value-axis tick labels in the page's number format ("2.000" in
    /// German); ECharts itself always writes "2,000".
    static AXIS_FORMATTER: JsValue = Closure::<dyn Fn(JsValue) -> JsValue>::new(|value: JsValue| match value.as_f64() {
        Some(number) => JsValue::from_str(&crate::format::decimal(page_lang(), number, 2)),
        None => value,
    })
    .into_js_value();

    /// Series labels written as the plain template `{c}` ("0.55"), in the
    /// page's number format instead ("0,55").
    static VALUE_LABEL_FORMATTER: JsValue = Closure::<dyn Fn(JsValue) -> JsValue>::new(|params: JsValue| {
        let value = js_sys::Reflect::get(&params, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        let value = if js_sys::Array::is_array(&value) {
            js_sys::Array::from(&value).pop()
        } else {
            value
        };
        match value.as_f64() {
            Some(number) => JsValue::from_str(&crate::format::decimal(page_lang(), number, 2)),
            None => JsValue::from_str(""),
        }
    })
    .into_js_value();
}

fn localize_axis_and_label_numbers(option: &JsValue) {
    let items = |key: &str| -> Vec<JsValue> {
        match js_sys::Reflect::get(option, &key.into()) {
            Ok(value) if js_sys::Array::is_array(&value) => js_sys::Array::from(&value).to_vec(),
            Ok(value) if value.is_object() => vec![value],
            _ => Vec::new(),
        }
    };
    let field = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).ok();
    for axis in items("xAxis").into_iter().chain(items("yAxis")) {
        if field(&axis, "type")
            .and_then(|kind| kind.as_string())
            .as_deref()
            != Some("value")
        {
            continue;
        }
        let label = match field(&axis, "axisLabel") {
            Some(label) if label.is_object() => label,
            _ => {
                let label: JsValue = js_sys::Object::new().into();
                let _ = js_sys::Reflect::set(&axis, &"axisLabel".into(), &label);
                label
            }
        };
        if field(&label, "formatter").is_some_and(|formatter| !formatter.is_undefined()) {
            continue;
        }
        AXIS_FORMATTER.with(|formatter| {
            let _ = js_sys::Reflect::set(&label, &"formatter".into(), formatter);
        });
    }
    for series in items("series") {
        let Some(label) = field(&series, "label").filter(JsValue::is_object) else {
            continue;
        };
        if field(&label, "formatter")
            .and_then(|formatter| formatter.as_string())
            .as_deref()
            == Some("{c}")
        {
            VALUE_LABEL_FORMATTER.with(|formatter| {
                let _ = js_sys::Reflect::set(&label, &"formatter".into(), formatter);
            });
        }
    }
}

/// The language the page is shown in, from `<html lang>`.
fn page_lang() -> gap_charts::Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| gap_charts::Lang::from_code(&code))
        .unwrap_or_default()
}

#[wasm_bindgen]
extern "C" {
    /// The instance's ZRender: clicks anywhere on the canvas, not only on
    /// a series item.
    type Zr;

    #[wasm_bindgen(method, js_name = on)]
    fn on(this: &Echarts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = getZr)]
    fn zr(this: &Echarts) -> Zr;

    #[wasm_bindgen(method, js_name = on)]
    fn on_canvas(this: &Zr, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = containPixel)]
    fn contain_pixel(this: &Echarts, finder: &JsValue, point: &JsValue) -> bool;

    #[wasm_bindgen(method, js_name = convertFromPixel)]
    fn convert_from_pixel(this: &Echarts, finder: &JsValue, value: &JsValue) -> JsValue;
}

/// A click handler handed to ECharts; it must live as long as the instance.
pub type ClickHandler = Closure<dyn Fn(JsValue)>;

/// Calls `picked(Some(series id), data index)` for a click on a series item
/// (`Clicks::Items`), or `picked(None, category index)` for a click anywhere
/// in a column of grid 0's x-axis (`Clicks::Columns`).
pub fn on_click(
    instance: &Echarts,
    clicks: gap_charts::Clicks,
    picked: impl Fn(Option<&str>, usize) + 'static,
) -> Option<ClickHandler> {
    let field = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).ok();
    let index_of = |value: Option<JsValue>| {
        value
            .and_then(|value| value.as_f64())
            .filter(|index| index.is_finite() && *index >= 0.0)
            // A category index, at most a few dozen.
            .map(|index| index.round() as usize)
    };
    match clicks {
        gap_charts::Clicks::Nothing => None,
        gap_charts::Clicks::Items => {
            let handler = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
                let series = field(&params, "seriesId").and_then(|id| id.as_string());
                if let (Some(series), Some(index)) = (series, index_of(field(&params, "dataIndex")))
                {
                    picked(Some(&series), index);
                }
            });
            instance.on("click", handler.as_ref().unchecked_ref());
            Some(handler)
        }
        gap_charts::Clicks::Columns => {
            let chart: Echarts = AsRef::<JsValue>::as_ref(instance).clone().unchecked_into();
            let handler = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let (Some(x), Some(y)) = (field(&event, "offsetX"), field(&event, "offsetY"))
                else {
                    return;
                };
                let point = js_sys::Array::of2(&x, &y);
                let grid = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&grid, &"gridIndex".into(), &0.into());
                if !chart.contain_pixel(&grid, &point) {
                    return;
                }
                let axis = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&axis, &"xAxisIndex".into(), &0.into());
                if let Some(index) = index_of(Some(chart.convert_from_pixel(&axis, &x))) {
                    picked(None, index);
                }
            });
            instance
                .zr()
                .on_canvas("click", handler.as_ref().unchecked_ref());
            Some(handler)
        }
    }
}
