use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// How many frames to wait for the first contentful paint of the copy.
const PAINT_WAIT_FRAMES: u32 = 30;
/// Mount anyway after this long (a hidden tab runs no animation frames).
const PAINT_WAIT_LIMIT: Duration = Duration::from_millis(1_000);

fn main() {
    ai_gap_explorer::failure::install();
    // The build put a copy of the first screen into index.html
    // (scripts/prerender.mjs). Where the page shows it, the app mounts only
    // once the copy has been painted (the browser's first contentful paint,
    // then one more frame), so the largest paint is the copy's whatever order
    // the files arrive in; the copy goes in the same task the app mounts in,
    // so no frame shows neither.
    let copy = document().get_element_by_id("prerender");
    let shown = document()
        .document_element()
        .is_some_and(|root| root.get_attribute("data-prerender").as_deref() == Some("on"));
    match copy {
        Some(copy) if shown => {
            let once = Rc::new(Cell::new(Some(copy)));
            let take_over = move || {
                if let Some(copy) = once.take() {
                    copy.remove();
                    start();
                }
            };
            let fallback = take_over.clone();
            set_timeout(fallback, PAINT_WAIT_LIMIT);
            after_first_paint(take_over, PAINT_WAIT_FRAMES);
        }
        copy => {
            if let Some(copy) = copy {
                copy.remove();
            }
            start();
        }
    }
}

/// Runs `then` in a task after the frame that follows the first contentful
/// paint (or after `frames` frames without one).
fn after_first_paint(then: impl FnOnce() + 'static, frames: u32) {
    request_animation_frame(move || {
        let painted = window()
            .performance()
            .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
        if painted || frames == 0 {
            request_animation_frame(move || set_timeout(then, Duration::ZERO));
        } else {
            after_first_paint(then, frames - 1);
        }
    });
}

fn start() {
    leptos::mount::mount_to_body(ai_gap_explorer::App);
    #[cfg(feature = "fault-injection")]
    ai_gap_explorer::failure::inject_from_url();
}
