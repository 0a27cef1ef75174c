//! The README's URL-parameter table is a public interface: every model input
//! is listed there with the default and allowed range the model really uses.

use gap_model::InputId;

fn readme_rows() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md is readable");
    readme
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

fn number(text: &str) -> f64 {
    text.parse()
        .unwrap_or_else(|_| panic!("{text:?} is not a plain number"))
}

#[test]
fn every_input_is_in_the_readme_with_its_default_and_range() {
    let rows = readme_rows();
    for id in InputId::ALL {
        let name = format!("`{}`", id.url_name());
        let row = rows
            .iter()
            .find(|row| row[0] == name)
            .unwrap_or_else(|| panic!("README has no row for {name}"));
        let spec = id.spec();
        assert_eq!(number(&row[3]), spec.default, "{name}: default");
        let (min, max) = row[4]
            .split_once('–')
            .unwrap_or_else(|| panic!("{name}: allowed is min–max, not {:?}", row[4]));
        assert_eq!(
            (number(min), number(max)),
            (spec.min, spec.max),
            "{name}: range"
        );
    }
}

#[test]
fn the_readme_lists_no_input_the_model_lacks() {
    for row in readme_rows() {
        let name = row[0].trim_matches('`');
        let settings = [
            "v",
            "method",
            "lang",
            "theme",
            "embed",
            "chart",
            "controls",
            "range_<input>",
            "corr",
            "draws",
            "seed",
        ];
        // Only the parameter table has a unit column with these.
        if row.len() == 5 && !settings.contains(&name) && row[4].contains('–') {
            assert!(
                InputId::from_url_name(name).is_some(),
                "README lists {name}, which is no model input"
            );
        }
    }
}

/// The Monte Carlo's parameters are listed with the defaults and limits the
/// model uses.
#[test]
fn the_monte_carlo_parameters_are_in_the_readme_with_their_defaults() {
    let rows = readme_rows();
    let row = |name: &str| {
        rows.iter()
            .find(|row| row[0] == format!("`{name}`"))
            .unwrap_or_else(|| panic!("README has no row for {name}"))
            .clone()
    };
    let limits = |cell: &str| {
        let (min, max) = cell
            .trim_start_matches("whole numbers ")
            .split_once('–')
            .unwrap_or_else(|| panic!("min–max, not {cell:?}"));
        (number(min), number(max))
    };
    let corr = row("corr");
    assert_eq!(number(&corr[3]), gap_model::DEFAULT_CORRELATION);
    assert_eq!(limits(&corr[4]), (-1.0, 1.0));
    let draws = row("draws");
    #[allow(clippy::cast_precision_loss)] // small constants
    let (default_draws, min_draws, max_draws) = (
        gap_model::DEFAULT_DRAWS as f64,
        gap_model::DRAWS_LIMITS.0 as f64,
        gap_model::DRAWS_LIMITS.1 as f64,
    );
    assert_eq!(number(&draws[3]), default_draws);
    assert_eq!(limits(&draws[4]), (min_draws, max_draws));
    assert_eq!(row("seed")[3], gap_model::DEFAULT_SEED.to_string());
    // (Its escaped `\\|` splits the row's cells: read the line itself.)
    let range_row = row("range_<input>").join("|");
    for distribution in gap_model::Distribution::ALL {
        assert!(
            range_row.contains(distribution.url_name()),
            "range_<input> names {}",
            distribution.url_name()
        );
    }
}
