//! Links made with model 1 keep showing the numbers they showed: the list in
//! `fixtures/model1_links.txt` was computed with the model-1 code. The gaps'
//! present value is model 1's path discounted to model 3's timing (each
//! year's gap at the end of the year).

use gap_model::model1::{clamp_model_1, translate};
use gap_model::{run, InputId, Method};

struct Link {
    query: String,
    required: f64,
    actual: f64,
    gap: f64,
    gap_pv: f64,
    breakeven: Option<i32>,
    whole_path: bool,
}

fn links() -> Vec<Link> {
    let text = include_str!("fixtures/model1_links.txt");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split(" | ").collect();
            assert_eq!(cells.len(), 7, "{line}");
            let number = |i: usize| cells[i].parse::<f64>().unwrap();
            Link {
                query: cells[0].to_owned(),
                required: number(1),
                actual: number(2),
                gap: number(3),
                gap_pv: number(4),
                breakeven: cells[5].parse().ok(),
                whole_path: cells[6] == "path",
            }
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn model_1_links_keep_their_readouts() {
    let links = links();
    assert!(links.len() >= 20);
    for link in &links {
        let mut method = Method::Direct;
        let mut given = Vec::new();
        for pair in link.query.split('&') {
            let (key, value) = pair.split_once('=').unwrap();
            if key == "method" {
                method = Method::from_url_name(value).unwrap();
            } else if let Some(id) = InputId::from_url_name(key) {
                given.push((id, clamp_model_1(id, value.parse().unwrap()).unwrap()));
            }
        }
        let translation = translate(method, &given);
        assert!(translation.clamped.is_empty(), "{}", link.query);
        let outcome = run(&translation.inputs.validate().expect("valid"));
        let q = &link.query;
        assert!(
            close(outcome.base_required, link.required),
            "{q}: {}",
            outcome.base_required
        );
        assert!(close(outcome.base_actual, link.actual), "{q}");
        assert!(
            close(outcome.base_gap, link.gap),
            "{q}: {}",
            outcome.base_gap
        );
        if link.whole_path {
            // The same path; model 3 counts each gap at the end of its year.
            let rate = translation.inputs.get(InputId::Rate) / 100.0;
            assert!(
                close(outcome.gap_pv * (1.0 + rate), link.gap_pv),
                "{q}: {}",
                outcome.gap_pv
            );
            assert_eq!(outcome.breakeven_year, link.breakeven, "{q}");
        }
    }
}
