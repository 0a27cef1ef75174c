fn main() {
    ai_gap_explorer::failure::install();
    leptos::mount::mount_to_body(ai_gap_explorer::App);
    #[cfg(feature = "fault-injection")]
    ai_gap_explorer::failure::inject_from_url();
}
