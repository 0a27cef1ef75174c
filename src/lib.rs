//! The browser app: thin Leptos components over the pure model, dataset and
//! chart builders in `crates/`.

pub mod browser;
pub mod components;
pub mod echarts;
pub mod export;
pub mod failure;
pub mod format;
pub mod i18n;
pub mod service_worker;
pub mod state;
pub mod text_width;
pub mod url_state;

pub use components::app::App;
