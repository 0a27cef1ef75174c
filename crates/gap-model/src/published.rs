//! The published results the model must reproduce, as one list that both
//! the native tests (`tests/published.rs`) and the app's start-up self-check
//! run: Sequoia's 2023 and 2024 arithmetic, Bain's 2030 figure, the
//! article's table, JPMorgan's cost of capital, and the capital-recovery
//! (`dcf`) values computed by hand in docs/MODEL.md.

use crate::{run, InputId, Inputs, Method, Preset};

/// One published result: the inputs its author used and what they give.
#[derive(Clone, Copy, Debug)]
pub struct PublishedCase {
    /// Stable id; the app names the case by it (its text is in the locales).
    /// Where the number is published is the comment above each case.
    pub id: &'static str,
    inputs: fn() -> Inputs,
    /// First-year revenue needed, $B/yr.
    pub required: f64,
    /// First-year gap, $B/yr, where the source states one.
    pub gap: Option<f64>,
    /// Relative tolerance: 0 for the published round numbers, the printed
    /// precision for the hand-computed ones.
    pub tolerance: f64,
}

/// What the model gives for a case.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CaseCheck {
    pub id: &'static str,
    pub expected_required: f64,
    pub required: f64,
    pub expected_gap: Option<f64>,
    pub gap: f64,
    pub passed: bool,
}

fn preset_inputs(id: &str) -> Inputs {
    Preset::by_id(id).map(Preset::apply).unwrap_or_default()
}

fn dcf() -> Inputs {
    let mut inputs = Inputs::default();
    inputs.method = Method::Dcf;
    inputs
}

static CASES: [PublishedCase; 8] = [
    PublishedCase {
        id: "article_2026",
        // preset article_2026 (seed article 002's table)
        inputs: || preset_inputs("article_2026"),
        required: 2000.0,
        gap: Some(1945.0),
        tolerance: 0.0,
    },
    PublishedCase {
        id: "sequoia_2023",
        // preset sequoia_2023 (Sequoia, "AI's $200B Question")
        inputs: || preset_inputs("sequoia_2023"),
        required: 200.0,
        gap: Some(125.0),
        tolerance: 0.0,
    },
    PublishedCase {
        id: "sequoia_2024",
        // preset sequoia_2024 (Sequoia, "AI's $600B Question")
        inputs: || preset_inputs("sequoia_2024"),
        required: 600.0,
        gap: Some(500.0),
        tolerance: 0.0,
    },
    PublishedCase {
        id: "bain_2030",
        // preset bain_2025 (Bain, Technology Report 2025)
        inputs: || preset_inputs("bain_2025"),
        required: 2000.0,
        gap: Some(800.0),
        tolerance: 0.0,
    },
    PublishedCase {
        id: "dcf_defaults",
        // docs/MODEL.md, capital recovery at the defaults
        inputs: dcf,
        required: 773.619_561,
        gap: None,
        tolerance: 1e-9,
    },
    PublishedCase {
        id: "dcf_flat_history",
        // docs/MODEL.md, capital recovery with flat capex history
        inputs: || {
            dcf()
                .with(InputId::HistoryGrowth, 0.0)
                .with(InputId::Energy, 50.0)
        },
        required: 1_418.987_404,
        gap: None,
        tolerance: 1e-9,
    },
    PublishedCase {
        id: "dcf_short_life",
        // docs/MODEL.md, capital recovery with a 3-year life
        inputs: || dcf().with(InputId::Life, 3.0),
        required: 916.500_277,
        gap: None,
        tolerance: 1e-9,
    },
    PublishedCase {
        id: "jpmorgan_2030",
        // preset jpmorgan_2025 (JPMorgan, Nov 2025: "about $650B" a year)
        inputs: || preset_inputs("jpmorgan_2025"),
        required: 650.0,
        gap: None,
        tolerance: 1e-3,
    },
];

impl PublishedCase {
    /// The inputs the case's author used.
    #[must_use]
    pub fn inputs(&self) -> Inputs {
        (self.inputs)()
    }

    /// Runs the model on the case's inputs and compares.
    #[must_use]
    pub fn check(&self) -> CaseCheck {
        let outcome = self.inputs().validate().ok().map(|valid| run(&valid));
        let (required, gap) =
            outcome.map_or((f64::NAN, f64::NAN), |o| (o.base_required, o.base_gap));
        let close =
            |got: f64, want: f64| (got - want).abs() <= self.tolerance * want.abs().max(1.0);
        let passed = close(required, self.required) && self.gap.is_none_or(|want| close(gap, want));
        CaseCheck {
            id: self.id,
            expected_required: self.required,
            required,
            expected_gap: self.gap,
            gap,
            passed,
        }
    }
}

/// Every published case, in the order the app lists them.
#[must_use]
pub fn published_cases() -> &'static [PublishedCase] {
    &CASES
}

/// Every case checked: what the app's "Model check" chip shows.
#[must_use]
pub fn self_check() -> Vec<CaseCheck> {
    CASES.iter().map(PublishedCase::check).collect()
}
