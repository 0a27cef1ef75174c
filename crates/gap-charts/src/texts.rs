//! The charts' texts: in `locales/*.toml` (`[chart]`), compiled by
//! `gap-text`. Here: the lookups from model ids to those texts. Texts may hold
//! placeholders (`{year}`, `{start}`, `{end}`, `{value}`, `{n}`, `{share}`,
//! `{cut}`, and in the descriptions the numbers `ChartId::describe` names)
//! that the chart builders fill in; `gap-text`'s build refuses any
//! other brace, so nothing reaches ECharts that it could read as a template.

use gap_model::{InputId, Method, Unit};
pub use gap_text::{ChartTexts, Lang};

/// Fields that may read the same in German or Dutch as in English: proper
/// nouns and symbols.
pub const SAME_IN_ALL_LANGUAGES: [&str; 7] = [
    "unit_pct",
    "unit_multiple",
    "deepseek_r1",
    "openai_o1",
    "p5",
    "p95",
    // German "Median" is the English word.
    "median",
];

/// The texts in `lang`.
#[must_use]
pub fn texts(lang: Lang) -> &'static ChartTexts {
    lang.chart()
}

/// Short human name of an input, for chart labels and slider labels.
#[must_use]
pub fn input_label(id: InputId, lang: Lang) -> &'static str {
    let t = texts(lang);
    match id {
        InputId::Required => t.input_required,
        InputId::Capex => t.input_capex,
        InputId::CapexGrowth => t.input_capex_growth,
        InputId::HistoryGrowth => t.input_history_growth,
        InputId::Revenue => t.input_revenue,
        InputId::Growth => t.input_growth,
        InputId::RevenueCap => t.input_revenue_cap,
        InputId::Rate => t.input_rate,
        InputId::Life => t.input_life,
        InputId::Margin => t.input_margin,
        InputId::Energy => t.input_energy,
        InputId::GpuShare => t.input_gpu_share,
        InputId::Tco => t.input_tco,
        InputId::CapexShare => t.input_capex_share,
        InputId::CostCut => t.input_cost_cut,
        InputId::PassThrough => t.input_pass_through,
        InputId::Elasticity => t.input_elasticity,
        InputId::Start => t.input_start,
        InputId::End => t.input_end,
    }
}

/// Human name of a method of deriving required revenue.
#[must_use]
pub fn method_label(method: Method, lang: Lang) -> &'static str {
    let t = texts(lang);
    match method {
        Method::Direct => t.method_direct,
        Method::Sequoia => t.method_sequoia,
        Method::Bain => t.method_bain,
        Method::Dcf => t.method_dcf,
    }
}

/// Unit symbol of an input in `lang` ("" for unitless inputs and years).
#[must_use]
pub fn unit_label(unit: Unit, lang: Lang) -> &'static str {
    let t = texts(lang);
    match unit {
        Unit::BillionUsdPerYear => t.unit_bn_per_year,
        Unit::PercentPerYear => t.unit_pct_per_year,
        Unit::Percent => t.unit_pct,
        Unit::Years => t.unit_years,
        Unit::Multiple => t.unit_multiple,
        Unit::Elasticity | Unit::Year => "",
    }
}
