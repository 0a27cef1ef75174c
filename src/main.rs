fn main() {
    ai_gap_explorer::failure::install();
    // The build put a copy of the first screen into index.html
    // (scripts/prerender.mjs): it goes in the same task the app mounts in,
    // so no frame shows neither.
    if let Some(prerendered) = leptos::prelude::document().get_element_by_id("prerender") {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(ai_gap_explorer::App);
    #[cfg(feature = "fault-injection")]
    ai_gap_explorer::failure::inject_from_url();
}
