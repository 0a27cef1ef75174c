//! The page state in the query string lives in the pure crate `gap-url`
//! (tested natively); the app uses it under this name.

pub use gap_url::*;
