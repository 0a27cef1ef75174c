//! Writes the dataset files the built site serves beside the app, into the
//! folder given (default `gen/`): `figure-texts.json` (every figure's quote,
//! gloss and caveat, fetched by the app when a reader first wants them) and
//! `figures.csv` (the dataset download). `scripts/site-data.mjs` runs it
//! before each build.
//!
//! `cargo run -q -p gap-data --features texts --example site_files -- gen`

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "gen".to_owned()));
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for (name, text) in [
        ("figure-texts.json", gap_data::figure_texts_json()),
        ("figures.csv", gap_data::figures_csv()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}
