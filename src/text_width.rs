//! Text widths as a canvas draws them, so that chart layouts wrap where
//! ECharts will (`gap_charts::TextWidth`). ECharts draws with its default
//! family, `sans-serif`, and titles `bolder`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gap_charts::{Estimate, TextWidth};
use wasm_bindgen::JsCast;

/// Measures with a detached canvas; estimates where there is none.
pub struct CanvasText;

/// A font as the cache tells them apart: size in tenths of a px, and bold.
type Font = (u32, bool);

/// Words measured per font before that font's cache starts over: every
/// word of every chart in every language fits many times over.
const CACHE_LIMIT: usize = 4096;

thread_local! {
    static CONTEXT: Option<web_sys::CanvasRenderingContext2d> = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("canvas").ok())
        .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|canvas| canvas.get_context("2d").ok().flatten())
        .and_then(|context| context.dyn_into().ok());
    /// The font the context is set to: setting one parses it, every time.
    static CONTEXT_FONT: Cell<Option<Font>> = const { Cell::new(None) };
    /// Every redraw wraps the same titles again: measure each word once.
    static WIDTHS: RefCell<HashMap<Font, HashMap<String, f64>>> = RefCell::new(HashMap::new());
}

impl TextWidth for CanvasText {
    fn width(&self, text: &str, font_size: f64, bold: bool) -> f64 {
        let font: Font = ((font_size * 10.0).round() as u32, bold);
        let cached = WIDTHS.with(|widths| {
            widths
                .borrow()
                .get(&font)
                .and_then(|words| words.get(text))
                .copied()
        });
        if let Some(width) = cached {
            return width;
        }
        let width =
            measure(text, font_size, font).unwrap_or_else(|| Estimate.width(text, font_size, bold));
        WIDTHS.with(|widths| {
            let mut widths = widths.borrow_mut();
            let words = widths.entry(font).or_default();
            if words.len() >= CACHE_LIMIT {
                words.clear();
            }
            words.insert(text.to_owned(), width);
        });
        width
    }
}

fn measure(text: &str, font_size: f64, font: Font) -> Option<f64> {
    CONTEXT.with(|context| {
        let context = context.as_ref()?;
        if CONTEXT_FONT.get() != Some(font) {
            let weight = if font.1 { "bolder " } else { "" };
            context.set_font(&format!("{weight}{font_size}px sans-serif"));
            CONTEXT_FONT.set(Some(font));
        }
        context
            .measure_text(text)
            .ok()
            .map(|metrics| metrics.width())
    })
}
