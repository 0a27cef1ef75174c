//! Named input sets that reproduce published numbers.

use crate::{InputId, Inputs, Method};

/// Published numbers a preset must reproduce in the base year ($B/yr).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Expected {
    pub required: f64,
    pub gap: Option<f64>,
}

/// Defaults plus a few overrides. Where each preset's numbers come from is
/// the comment above it (the page's name and note are in `locales/*.toml`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// URL-safe.
    pub id: &'static str,
    pub method: Method,
    pub overrides: &'static [(InputId, f64)],
    pub expected: Option<Expected>,
}

impl Preset {
    /// The defaults with this preset's method and overrides.
    #[must_use]
    pub fn apply(&self) -> Inputs {
        let mut inputs = Inputs::default();
        inputs.method = self.method;
        for &(id, value) in self.overrides {
            inputs.set(id, value);
        }
        inputs
    }

    #[must_use]
    pub fn by_id(id: &str) -> Option<&'static Preset> {
        presets().iter().find(|p| p.id == id)
    }
}

/// The article's table, reproduced by every DeepSeek preset in the base
/// year: the cut acts only from the year after `start`.
const ARTICLE: Expected = Expected {
    required: 2000.0,
    gap: Some(1945.0),
};

static PRESETS: [Preset; 7] = [
    // Seed article 002: ~$500B capex (ai_infra_capex_2026), ~$2T required
    // (required_revenue_roi_2026), $50-60B earned (actual_ai_revenue_2026,
    // midpoint 55).
    Preset {
        id: "article_2026",
        method: Method::Direct,
        overrides: &[
            (InputId::Capex, 500.0),
            (InputId::Required, 2000.0),
            (InputId::Revenue, 55.0),
        ],
        expected: Some(ARTICLE),
    },
    // David Cahn, "AI's $200B Question", Sequoia Capital, Sept 2023: $50B of
    // GPU spend is half of about $100B of data-centre spend (gpu_share 50 %, ×
    // 2 for the whole data centre); a 50 % margin for the end-user seller
    // doubles it to $200B needed, against ~$75B of revenue: a $125B gap.
    Preset {
        id: "sequoia_2023",
        method: Method::Sequoia,
        overrides: &[
            (InputId::Capex, 100.0),
            (InputId::GpuShare, 50.0),
            (InputId::Tco, 2.0),
            (InputId::Margin, 50.0),
            (InputId::Revenue, 75.0),
            (InputId::Start, 2023.0),
            (InputId::End, 2032.0),
        ],
        expected: Some(Expected {
            required: 200.0,
            gap: Some(125.0),
        }),
    },
    // David Cahn, "AI's $600B Question", Sequoia Capital, June 2024: $150B of
    // GPU spend (Nvidia's run rate) is half of $300B of data-centre spend; a
    // 50 % margin doubles it to $600B needed, against ~$100B of revenue: a
    // $500B hole.
    Preset {
        id: "sequoia_2024",
        method: Method::Sequoia,
        overrides: &[
            (InputId::Capex, 300.0),
            (InputId::GpuShare, 50.0),
            (InputId::Tco, 2.0),
            (InputId::Margin, 50.0),
            (InputId::Revenue, 100.0),
            (InputId::Start, 2024.0),
            (InputId::End, 2033.0),
        ],
        expected: Some(Expected {
            required: 600.0,
            gap: Some(500.0),
        }),
    },
    // Bain & Company, Technology Report 2025 (seed 003): about $500B of yearly
    // capex by 2030 (bain_annual_capex_2030) is sustainable at 25 % of
    // revenue, so it needs about $2T a year in 2030
    // (bain_required_revenue_2030). Bain finds the world about $800B short of
    // that even with AI's savings reinvested (Sept 2025), i.e. about $1.2T of
    // revenue in 2030.
    Preset {
        id: "bain_2025",
        method: Method::Bain,
        overrides: &[
            (InputId::Capex, 500.0),
            (InputId::CapexShare, 25.0),
            (InputId::Revenue, 1200.0),
            (InputId::Start, 2030.0),
            (InputId::End, 2039.0),
        ],
        expected: Some(Expected {
            required: 2000.0,
            gap: Some(800.0),
        }),
    },
    // Seed 003: DeepSeek charges $0.55 per million input tokens against o1's
    // $15 (deepseek_input_price_per_mtok, o1_input_price_per_mtok), i.e. 3.7 %
    // of the price; $2.19 vs $60 for output gives the same. A further 96 % cut
    // from 2027 (beyond what 2026 prices contain), fully passed on, with unit-
    // elastic demand.
    Preset {
        id: "deepseek_shock",
        method: Method::Direct,
        overrides: &[(InputId::CostCut, 96.0)],
        expected: Some(ARTICLE),
    },
    // Seed 004: DeepSeek trained with about a tenth of the AI chips
    // (deepseek_chip_share), read as a 90 % cut from 2027.
    Preset {
        id: "deepseek_chips",
        method: Method::Direct,
        overrides: &[(InputId::CostCut, 90.0)],
        expected: Some(ARTICLE),
    },
    // Seed 003: DeepSeek R1 costs about 2 % of what o1 costs its users
    // (deepseek_r1_price_share_of_o1), read as a 98 % cut from 2027.
    Preset {
        id: "deepseek_price",
        method: Method::Direct,
        overrides: &[(InputId::CostCut, 98.0)],
        expected: Some(ARTICLE),
    },
];

/// All presets, the article's first.
#[must_use]
pub fn presets() -> &'static [Preset] {
    &PRESETS
}
