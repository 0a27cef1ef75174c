//! The browser app: thin Leptos components over the pure model, dataset and
//! chart builders in `crates/`.

pub mod browser;
pub mod components;
pub mod echarts;
pub mod export;
pub mod failure;
pub mod figure_texts;
pub mod format;
pub mod i18n;
pub mod service_worker;
pub mod state;
pub mod text_width;
// The query-string parser is the pure crate `gap-url`, whose tests run it
// natively; the app compiles the same file as its own module, because
// across a crate boundary the release wasm came out 0.4 KB (gzip) larger.
#[path = "../crates/gap-url/src/lib.rs"]
pub mod url_state;

pub use components::app::App;
