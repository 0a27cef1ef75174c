//! Text widths as a canvas draws them, so that chart layouts wrap where
//! ECharts will (`gap_charts::TextWidth`). ECharts draws with its default
//! family, `sans-serif`, and titles `bolder`.

use std::cell::RefCell;
use std::collections::HashMap;

use gap_charts::{Estimate, TextWidth};
use wasm_bindgen::JsCast;

/// Measures with a detached canvas; estimates where there is none.
pub struct CanvasText;

/// Distinct texts measured before the cache starts over: the titles, notes
/// and labels of every chart in every language fit many times over.
const CACHE_LIMIT: usize = 4096;

thread_local! {
    static CONTEXT: Option<web_sys::CanvasRenderingContext2d> = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("canvas").ok())
        .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|canvas| canvas.get_context("2d").ok().flatten())
        .and_then(|context| context.dyn_into().ok());
    // Greedy wrapping measures every prefix of a title on every redraw.
    static WIDTHS: RefCell<HashMap<(String, u32, bool), f64>> = RefCell::new(HashMap::new());
}

impl TextWidth for CanvasText {
    fn width(&self, text: &str, font_size: f64, bold: bool) -> f64 {
        let key = (text.to_owned(), (font_size * 10.0).round() as u32, bold);
        if let Some(width) = WIDTHS.with(|widths| widths.borrow().get(&key).copied()) {
            return width;
        }
        let measured = CONTEXT.with(|context| {
            let context = context.as_ref()?;
            let weight = if bold { "bolder " } else { "" };
            context.set_font(&format!("{weight}{font_size}px sans-serif"));
            context
                .measure_text(text)
                .ok()
                .map(|metrics| metrics.width())
        });
        let width = measured.unwrap_or_else(|| Estimate.width(text, font_size, bold));
        WIDTHS.with(|widths| {
            let mut widths = widths.borrow_mut();
            if widths.len() >= CACHE_LIMIT {
                widths.clear();
            }
            widths.insert(key, width);
        });
        width
    }
}
