//! Every string a chart shows, in English, German and Dutch.
//!
//! `ChartTexts` has one field per string; the three constants are struct
//! literals, so a string missing in one language fails the build. Texts may
//! hold placeholders (`{year}`, `{start}`, `{end}`, `{value}`, `{n}`,
//! `{share}`, `{cut}`) that the chart builders fill in; no text contains any
//! other brace, so nothing reaches ECharts that it could read as a template.

use gap_model::{InputId, Method, Unit};

/// The language of the chart texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    De,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Nl];

    /// ISO 639-1 code: "en", "de", "nl".
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
        }
    }

    /// The language with this ISO 639-1 code (exact, lower case).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Thousands separator and decimal mark.
    pub(crate) fn separators(self) -> (char, char) {
        match self {
            Lang::En => (',', '.'),
            Lang::De | Lang::Nl => ('.', ','),
        }
    }
}

macro_rules! chart_texts {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// One `&'static str` per string any chart uses.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ChartTexts {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        impl ChartTexts {
            /// Every field as (name, text), in declaration order.
            #[must_use]
            pub fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

chart_texts! {
    // Units and shared words.
    /// Money in billions of dollars; `{value}` is the formatted number.
    money,
    unit_bn,
    unit_bn_per_year,
    unit_pct_per_year,
    unit_pct,
    unit_years,
    unit_multiple,
    unit_usd_per_mtok,
    axis_year,
    axis_revenue,
    axis_method,
    axis_price,
    /// Name of invisible helper series (a stacked band's base).
    helper_series,
    required_revenue,
    actual_revenue,
    gap,
    /// "assumed {value}": the model's actual revenue next to the sources' range.
    assumed,

    // gap
    gap_title,
    gap_source,
    actual_range,
    actual_assumed,

    // gap_over_time
    over_time_title,
    over_time_source,
    breakeven_in,
    no_breakeven,
    breakeven_mark,
    /// Name of the series that carries the break-even mark line.
    breakeven,
    shortfall,
    surplus,

    // pv
    pv_title,
    pv_source,
    discounted_gap,
    cumulative_pv,
    pv_total,

    // methods
    methods_title,
    methods_source,
    current_method,
    method_direct,
    method_sequoia,
    method_bain,
    method_dcf,

    // deepseek
    deepseek_title,
    deepseek_source,
    prices_heading,
    cut_heading,
    input_tokens,
    output_tokens,
    deepseek_r1,
    openai_o1,
    without_cut,
    with_cut,

    // drawdowns
    drawdowns_title,
    drawdowns_source,
    value_lost,
    price_drop,
    axis_drop,
    eight_ai_companies,
    span_one_day,
    span_three_days,
    span_five_days,
    span_after_results,
    span_from_peak,
    span_recent,

    // tornado
    tornado_title,
    tornado_source,
    at_low,
    at_high,
    axis_pv_change,
    current_pv,

    // sensitivity
    sensitivity_title,
    sensitivity_pending,
    sensitivity_source,
    variance_share,
    axis_variance_share,

    // fan
    fan_title,
    fan_pending,
    fan_source,
    median,
    band,
    p5,
    p95,
    prob_breakeven,
    axis_probability,

    // Input names (also the app's slider labels), one per `InputId`.
    input_required,
    input_capex,
    input_capex_growth,
    input_history_growth,
    input_revenue,
    input_growth,
    input_revenue_cap,
    input_rate,
    input_life,
    input_margin,
    input_energy,
    input_gpu_share,
    input_tco,
    input_capex_share,
    input_cost_cut,
    input_pass_through,
    input_elasticity,
    input_start,
    input_end,
}

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

pub const EN: ChartTexts = ChartTexts {
    money: "${value}B",
    unit_bn: "$B",
    unit_bn_per_year: "$B/yr",
    unit_pct_per_year: "%/yr",
    unit_pct: "%",
    unit_years: "years",
    unit_multiple: "×",
    unit_usd_per_mtok: "$ per million tokens",
    axis_year: "Year",
    axis_revenue: "Revenue",
    axis_method: "Method",
    axis_price: "Price",
    helper_series: "Baseline (helper, not drawn)",
    required_revenue: "Required revenue",
    actual_revenue: "Actual revenue",
    gap: "Gap",
    assumed: "assumed {value}",

    gap_title: "Revenue needed vs. earned in {year}",
    gap_source: "Source: Creati.ai table (2 Feb 2026); required revenue by the chosen method, docs/MODEL.md",
    actual_range: "Actual revenue: range",
    actual_assumed: "Actual revenue: assumed",

    over_time_title: "Revenue needed vs. earned, {start}–{end}: {status}",
    over_time_source: "Model: docs/MODEL.md; defaults from Creati.ai (2026), Sequoia, Bain",
    breakeven_in: "break-even in {year}",
    no_breakeven: "no break-even by {year}",
    breakeven_mark: "Break-even {year}",
    breakeven: "Break-even",
    shortfall: "Shortfall",
    surplus: "Surplus",

    pv_title: "Present value of the gap, {start}–{end}",
    pv_source: "Yearly gaps discounted to {start} at the discount rate; model: docs/MODEL.md",
    discounted_gap: "Discounted gap per year",
    cumulative_pv: "Cumulative present value",
    pv_total: "Present value: {value}",

    methods_title: "Required revenue in the first year, by method",
    methods_source: "Article: Creati.ai (2026); Sequoia (D. Cahn, 2023/2024); Bain Technology Report 2025; capital recovery: docs/MODEL.md",
    current_method: "Chosen method",
    method_direct: "Article's figure",
    method_sequoia: "Sequoia (GPU spend × 2 ÷ (1 − margin))",
    method_bain: "Bain (capex share of revenue)",
    method_dcf: "Capital recovery (DCF)",

    deepseek_title: "DeepSeek: cheaper AI and the revenue gap",
    deepseek_source: "Prices: Xpert.Digital (10 Nov 2025), list prices at R1's launch; model: docs/MODEL.md",
    prices_heading: "API price per million tokens: DeepSeek ≈ {share} of o1",
    cut_heading: "Cost cut of {cut}, effect in {year}",
    input_tokens: "Input",
    output_tokens: "Output",
    deepseek_r1: "DeepSeek R1",
    openai_o1: "OpenAI o1",
    without_cut: "Without cost cut",
    with_cut: "With cost cut",

    drawdowns_title: "Market-value losses reported in the articles",
    drawdowns_source: "Sources: Xpert.Digital (Aug and Nov 2025), Medium (Feb 2026), unnamed commentary (Jan 2025); some dates inferred",
    value_lost: "Market value lost",
    price_drop: "Share price or index drop",
    axis_drop: "Drop",
    eight_ai_companies: "Eight largest AI companies",
    span_one_day: "1 day",
    span_three_days: "3 days",
    span_five_days: "5 trading days",
    span_after_results: "after quarterly results",
    span_from_peak: "from peak",
    span_recent: "recent fall",

    tornado_title: "What moves the gap's present value most",
    tornado_source: "Each input at the low and high end of its range, all others unchanged; model: docs/MODEL.md",
    at_low: "Input at low end",
    at_high: "Input at high end",
    axis_pv_change: "Change in present value",
    current_pv: "Current: {value}",

    sensitivity_title: "What drives the uncertainty of the gap's present value ({n} scenarios)",
    sensitivity_pending: "What drives the uncertainty: scenarios are being computed",
    sensitivity_source: "Share of the variance of the gap's present value across the Monte Carlo scenarios that each input explains alone; shares that overlap (correlated inputs) are scaled to add up to 100 %; model: docs/MODEL.md",
    variance_share: "Share of the variance",
    axis_variance_share: "Share of the variance",

    fan_title: "Gap per year across {n} scenarios",
    fan_pending: "Gap per year: scenarios are being computed",
    fan_source: "Monte Carlo over the input ranges (the distributions and the growth correlation you set); model: docs/MODEL.md",
    median: "Median (P50)",
    band: "P5–P95 range",
    p5: "P5",
    p95: "P95",
    prob_breakeven: "Chance of break-even",
    axis_probability: "Probability",

    input_required: "Revenue needed per $500B of capex",
    input_capex: "AI infrastructure capex",
    input_capex_growth: "Capex growth",
    input_history_growth: "Capex growth before the first year",
    input_revenue: "Actual AI revenue",
    input_growth: "AI revenue growth",
    input_revenue_cap: "Ceiling of AI revenue (0 = none)",
    input_rate: "Discount rate",
    input_life: "Useful life of hardware",
    input_margin: "End-user gross margin",
    input_energy: "Energy cost",
    input_gpu_share: "GPU share of capex",
    input_tco: "Data-centre cost per GPU dollar",
    input_capex_share: "Sustainable capex share of revenue",
    input_cost_cut: "Further DeepSeek cost cut",
    input_pass_through: "Pass-through to prices",
    input_elasticity: "Price elasticity of demand",
    input_start: "First year",
    input_end: "Last year",
};

pub const DE: ChartTexts = ChartTexts {
    money: "{value} Mrd. $",
    unit_bn: "Mrd. $",
    unit_bn_per_year: "Mrd. $/Jahr",
    unit_pct_per_year: "%/Jahr",
    unit_pct: "%",
    unit_years: "Jahre",
    unit_multiple: "×",
    unit_usd_per_mtok: "$ pro Million Token",
    axis_year: "Jahr",
    axis_revenue: "Umsatz",
    axis_method: "Methode",
    axis_price: "Preis",
    helper_series: "Basislinie (Hilfsreihe, unsichtbar)",
    required_revenue: "Benötigter Umsatz",
    actual_revenue: "Tatsächlicher Umsatz",
    gap: "Lücke",
    assumed: "Annahme {value}",

    gap_title: "Benötigter vs. erzielter Umsatz {year}",
    gap_source: "Quelle: Tabelle bei Creati.ai (2. Feb. 2026); benötigter Umsatz nach gewählter Methode, docs/MODEL.md",
    actual_range: "Ist-Umsatz: Spanne",
    actual_assumed: "Ist-Umsatz: Annahme",

    over_time_title: "Benötigter vs. erzielter Umsatz, {start}–{end}: {status}",
    over_time_source: "Modell: docs/MODEL.md; Standardwerte aus Creati.ai (2026), Sequoia, Bain",
    breakeven_in: "Gewinnschwelle {year}",
    no_breakeven: "keine Gewinnschwelle bis {year}",
    breakeven_mark: "Gewinnschwelle {year}",
    breakeven: "Gewinnschwelle",
    shortfall: "Fehlbetrag",
    surplus: "Überschuss",

    pv_title: "Barwert der Lücke, {start}–{end}",
    pv_source: "Jährliche Lücken mit dem Diskontsatz auf {start} abgezinst; Modell: docs/MODEL.md",
    discounted_gap: "Abgezinste Lücke pro Jahr",
    cumulative_pv: "Kumulierter Barwert",
    pv_total: "Barwert: {value}",

    methods_title: "Benötigter Umsatz im ersten Jahr nach Methode",
    methods_source: "Artikel: Creati.ai (2026); Sequoia (D. Cahn, 2023/2024); Bain Technology Report 2025; Kapitalrückfluss: docs/MODEL.md",
    current_method: "Gewählte Methode",
    method_direct: "Zahl aus dem Artikel",
    method_sequoia: "Sequoia (GPU-Ausgaben × 2 ÷ (1 − Marge))",
    method_bain: "Bain (Capex-Anteil am Umsatz)",
    method_dcf: "Kapitalrückfluss (DCF)",

    deepseek_title: "DeepSeek: billigere KI und die Umsatzlücke",
    deepseek_source: "Preise: Xpert.Digital (10. Nov. 2025), Listenpreise zum Start von R1; Modell: docs/MODEL.md",
    prices_heading: "API-Preis pro Million Token: DeepSeek ≈ {share} von o1",
    cut_heading: "Kostensenkung um {cut}, Wirkung {year}",
    input_tokens: "Eingabe",
    output_tokens: "Ausgabe",
    deepseek_r1: "DeepSeek R1",
    openai_o1: "OpenAI o1",
    without_cut: "Ohne Kostensenkung",
    with_cut: "Mit Kostensenkung",

    drawdowns_title: "In den Artikeln genannte Börsenwertverluste",
    drawdowns_source: "Quellen: Xpert.Digital (Aug. und Nov. 2025), Medium (Feb. 2026), Kommentar ohne Quellenangabe (Jan. 2025); Daten teils erschlossen",
    value_lost: "Verlorener Börsenwert",
    price_drop: "Kurs- oder Indexrückgang",
    axis_drop: "Rückgang",
    eight_ai_companies: "Acht größte KI-Firmen",
    span_one_day: "1 Tag",
    span_three_days: "3 Tage",
    span_five_days: "5 Handelstage",
    span_after_results: "nach Quartalszahlen",
    span_from_peak: "vom Höchststand",
    span_recent: "jüngster Einbruch",

    tornado_title: "Was den Barwert der Lücke am stärksten bewegt",
    tornado_source: "Jede Annahme am unteren und oberen Ende ihrer Spanne, alle anderen unverändert; Modell: docs/MODEL.md",
    at_low: "Annahme am unteren Ende",
    at_high: "Annahme am oberen Ende",
    axis_pv_change: "Änderung des Barwerts",
    current_pv: "Aktuell: {value}",

    sensitivity_title: "Was die Unsicherheit des Barwerts der Lücke treibt ({n} Szenarien)",
    sensitivity_pending: "Was die Unsicherheit treibt: Szenarien werden berechnet",
    sensitivity_source: "Anteil an der Varianz des Barwerts der Lücke über die Monte-Carlo-Szenarien, den jede Eingabe allein erklärt; überlappende Anteile (korrelierte Eingaben) sind auf 100 % skaliert; Modell: docs/MODEL.md",
    variance_share: "Anteil an der Varianz",
    axis_variance_share: "Anteil an der Varianz",

    fan_title: "Lücke pro Jahr über {n} Szenarien",
    fan_pending: "Lücke pro Jahr: Szenarien werden berechnet",
    fan_source: "Monte-Carlo-Simulation über die Spannen der Annahmen (mit den gewählten Verteilungen und der Wachstumskorrelation); Modell: docs/MODEL.md",
    median: "Median (P50)",
    band: "P5–P95-Spanne",
    p5: "P5",
    p95: "P95",
    prob_breakeven: "Chance auf Gewinnschwelle",
    axis_probability: "Wahrscheinlichkeit",

    input_required: "Benötigter Umsatz je 500 Mrd. $ Capex",
    input_capex: "Investitionen in KI-Infrastruktur",
    input_capex_growth: "Wachstum der Investitionen",
    input_history_growth: "Capex-Wachstum vor dem ersten Jahr",
    input_revenue: "Tatsächlicher KI-Umsatz",
    input_growth: "Wachstum des KI-Umsatzes",
    input_revenue_cap: "Obergrenze des KI-Umsatzes (0 = keine)",
    input_rate: "Diskontsatz",
    input_life: "Nutzungsdauer der Hardware",
    input_margin: "Bruttomarge der Endanbieter",
    input_energy: "Energiekosten",
    input_gpu_share: "GPU-Anteil der Investitionen",
    input_tco: "Rechenzentrumskosten pro GPU-Dollar",
    input_capex_share: "Tragbarer Capex-Anteil am Umsatz",
    input_cost_cut: "Weitere Kostensenkung durch DeepSeek",
    input_pass_through: "Weitergabe an die Preise",
    input_elasticity: "Preiselastizität der Nachfrage",
    input_start: "Erstes Jahr",
    input_end: "Letztes Jahr",
};

pub const NL: ChartTexts = ChartTexts {
    money: "{value} mld. $",
    unit_bn: "mld. $",
    unit_bn_per_year: "mld. $/jaar",
    unit_pct_per_year: "%/jaar",
    unit_pct: "%",
    unit_years: "jaar",
    unit_multiple: "×",
    unit_usd_per_mtok: "$ per miljoen tokens",
    axis_year: "Jaar",
    axis_revenue: "Omzet",
    axis_method: "Methode",
    axis_price: "Prijs",
    helper_series: "Basislijn (hulpreeks, onzichtbaar)",
    required_revenue: "Benodigde omzet",
    actual_revenue: "Werkelijke omzet",
    gap: "Kloof",
    assumed: "aanname {value}",

    gap_title: "Benodigde vs. behaalde omzet in {year}",
    gap_source: "Bron: tabel van Creati.ai (2 feb. 2026); benodigde omzet volgens de gekozen methode, docs/MODEL.md",
    actual_range: "Werkelijke omzet: bandbreedte",
    actual_assumed: "Werkelijke omzet: aanname",

    over_time_title: "Benodigde vs. behaalde omzet, {start}–{end}: {status}",
    over_time_source: "Model: docs/MODEL.md; standaardwaarden uit Creati.ai (2026), Sequoia, Bain",
    breakeven_in: "break-evenpunt in {year}",
    no_breakeven: "geen break-evenpunt tot en met {year}",
    breakeven_mark: "Break-evenpunt {year}",
    breakeven: "Break-evenpunt",
    shortfall: "Tekort",
    surplus: "Overschot",

    pv_title: "Contante waarde van de kloof, {start}–{end}",
    pv_source: "Jaarlijkse kloven verdisconteerd naar {start} tegen de disconteringsvoet; model: docs/MODEL.md",
    discounted_gap: "Verdisconteerde kloof per jaar",
    cumulative_pv: "Cumulatieve contante waarde",
    pv_total: "Contante waarde: {value}",

    methods_title: "Benodigde omzet in het eerste jaar per methode",
    methods_source: "Artikel: Creati.ai (2026); Sequoia (D. Cahn, 2023/2024); Bain Technology Report 2025; kapitaalterugwinning: docs/MODEL.md",
    current_method: "Gekozen methode",
    method_direct: "Cijfer uit het artikel",
    method_sequoia: "Sequoia (GPU-uitgaven × 2 ÷ (1 − marge))",
    method_bain: "Bain (capex-aandeel in de omzet)",
    method_dcf: "Kapitaalterugwinning (DCF)",

    deepseek_title: "DeepSeek: goedkopere AI en de omzetkloof",
    deepseek_source: "Prijzen: Xpert.Digital (10 nov. 2025), catalogusprijzen bij de lancering van R1; model: docs/MODEL.md",
    prices_heading: "API-prijs per miljoen tokens: DeepSeek ≈ {share} van o1",
    cut_heading: "Kostenverlaging van {cut}, effect in {year}",
    input_tokens: "Invoer",
    output_tokens: "Uitvoer",
    deepseek_r1: "DeepSeek R1",
    openai_o1: "OpenAI o1",
    without_cut: "Zonder kostenverlaging",
    with_cut: "Met kostenverlaging",

    drawdowns_title: "In de artikelen genoemde verliezen aan beurswaarde",
    drawdowns_source: "Bronnen: Xpert.Digital (aug. en nov. 2025), Medium (feb. 2026), naamloos commentaar (jan. 2025); data deels afgeleid",
    value_lost: "Verloren beurswaarde",
    price_drop: "Koers- of indexdaling",
    axis_drop: "Daling",
    eight_ai_companies: "Acht grootste AI-bedrijven",
    span_one_day: "1 dag",
    span_three_days: "3 dagen",
    span_five_days: "5 handelsdagen",
    span_after_results: "na kwartaalcijfers",
    span_from_peak: "vanaf de piek",
    span_recent: "recente daling",

    tornado_title: "Wat de contante waarde van de kloof het sterkst beïnvloedt",
    tornado_source: "Elke aanname aan de onder- en bovenkant van haar bandbreedte, de rest ongewijzigd; model: docs/MODEL.md",
    at_low: "Aanname aan de onderkant",
    at_high: "Aanname aan de bovenkant",
    axis_pv_change: "Verandering van de contante waarde",
    current_pv: "Huidig: {value}",

    sensitivity_title: "Wat de onzekerheid van de contante waarde van de kloof drijft ({n} scenario's)",
    sensitivity_pending: "Wat de onzekerheid drijft: scenario's worden berekend",
    sensitivity_source: "Deel van de variantie van de contante waarde van de kloof over de Monte-Carloscenario's dat elke invoer alleen verklaart; overlappende delen (gecorreleerde invoer) zijn geschaald tot samen 100 %; model: docs/MODEL.md",
    variance_share: "Deel van de variantie",
    axis_variance_share: "Deel van de variantie",

    fan_title: "Kloof per jaar over {n} scenario's",
    fan_pending: "Kloof per jaar: scenario's worden berekend",
    fan_source: "Monte-Carlosimulatie over de bandbreedtes van de aannames (met de gekozen verdelingen en groeicorrelatie); model: docs/MODEL.md",
    median: "Mediaan (P50)",
    band: "P5–P95-bandbreedte",
    p5: "P5",
    p95: "P95",
    prob_breakeven: "Kans op break-even",
    axis_probability: "Kans",

    input_required: "Benodigde omzet per $ 500 mld. capex",
    input_capex: "Investeringen in AI-infrastructuur",
    input_capex_growth: "Groei van de investeringen",
    input_history_growth: "Capexgroei vóór het eerste jaar",
    input_revenue: "Werkelijke AI-omzet",
    input_growth: "Groei van de AI-omzet",
    input_revenue_cap: "Plafond van de AI-omzet (0 = geen)",
    input_rate: "Disconteringsvoet",
    input_life: "Levensduur van de hardware",
    input_margin: "Brutomarge van eindaanbieders",
    input_energy: "Energiekosten",
    input_gpu_share: "GPU-aandeel van de capex",
    input_tco: "Datacenterkosten per GPU-dollar",
    input_capex_share: "Houdbaar capex-aandeel in de omzet",
    input_cost_cut: "Verdere kostenverlaging door DeepSeek",
    input_pass_through: "Doorberekening in prijzen",
    input_elasticity: "Prijselasticiteit van de vraag",
    input_start: "Eerste jaar",
    input_end: "Laatste jaar",
};

/// The texts in `lang`.
#[must_use]
pub fn texts(lang: Lang) -> &'static ChartTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Nl => &NL,
    }
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
