//! The page state in the query string: read once at start-up, written back
//! with `history.replaceState` on every change. The parameter names are a
//! public interface (README, "URL parameters"). Plain Rust with no web
//! dependency: `tests/` runs the parser and its fuzz natively; the app
//! (`src/browser.rs`) feeds it `location.search` and writes what it returns.

use gap_charts::{ChartId, Lang};
use gap_model::model1::{self, Change};
use gap_model::{
    has_range, spread_limits, Distribution, InputId, Inputs, Method, RangeSetting, Spread,
    Uncertainty, DEFAULT_CORRELATION, DEFAULT_DRAWS, DEFAULT_SEED, DRAWS_LIMITS,
};

/// The version every link the app writes carries (`v=4`): `2` was the model
/// revision, `3` the Monte Carlo's growth correlation (its default is not 0),
/// `4` model 3 (capital recovery as the default method, end-of-year timing,
/// capacity after a cost cut).
pub const MODEL_VERSION: &str = "4";

/// Links written before model 3 made capital recovery the default: without
/// a `method` of their own they keep the article's `direct`.
const VERSIONS_BEFORE_MODEL_3: [&str; 3] = ["1", "2", "3"];

/// Links from before the Monte Carlo's growth correlation existed: `v=2`
/// (and model-1 links) drew capex growth and revenue growth independently.
/// Without a `corr` of their own they keep doing so, so their band and its
/// readouts stay what their author saw.
const VERSIONS_BEFORE_CORRELATION: [&str; 2] = ["1", "2"];

/// What the URL asks for, after repairs.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSettings {
    pub inputs: Inputs,
    /// Ranges, their shapes, the correlation, draws and seed (`range_…`,
    /// `corr`, `draws`, `seed`).
    pub uncertainty: Uncertainty,
    pub lang: Lang,
    /// The URL named the language (so it stays in the URL).
    pub lang_in_url: bool,
    /// `None` follows `prefers-color-scheme`.
    pub theme: Option<Theme>,
    pub dark: bool,
    pub embed: bool,
    /// A known `data-chart` name; an unknown one gets a notice.
    pub chart: Option<ChartId>,
    pub controls: bool,
    /// `view=sources`: the Sources view instead of the explorer.
    pub sources: bool,
    /// `figure=<id>`: the figure of the dataset a link points to (a known
    /// id; it opens the Sources view on it).
    pub figure: Option<&'static str>,
    pub notices: Vec<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// A URL parameter that was ignored or repaired, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub param: String,
    /// The offending text, shortened; shown as text, never as HTML.
    pub value: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not a finite number: the default is used.
    NotANumber { default: f64 },
    /// Outside the allowed range: clamped to `used`.
    OutOfRange { min: f64, max: f64, used: f64 },
    /// Not one of the known words (method, lang, theme).
    UnknownWord,
    /// Not a whole number (`seed`, `draws`): the default is used.
    NotAWholeNumber { default: f64 },
    /// A `range_…` value that is neither `off` nor `low,high[,shape]`: the
    /// input keeps its default range.
    InvalidRange,
    /// A `range_…` for something that takes no range (the horizon, an
    /// unknown name): ignored.
    NoRange,
    /// A `range_…` spread beyond what the input accepts, or one that leaves
    /// out the current value: kept within `min`..`max` around it.
    RangeOutOfLimits { min: f64, max: f64 },
    /// `end` before `start`: both fall back to their defaults.
    EndBeforeStart,
    /// More than `max_years` from `start` to `end`: `end` is moved to `used`.
    HorizonTooLong { max_years: i32, used: f64 },
    /// A model-1 link, translated (`gap_model::model1`): what was set, which
    /// inputs left the new ranges (their numbers differ), and the same link
    /// read with today's model (`v=4` and its own values, no translation).
    ModelRevised {
        changes: Vec<Change>,
        clamped: Vec<InputId>,
        todays_query: String,
    },
}

const MAX_SHOWN_VALUE_CHARS: usize = 40;

/// A finite number, or for digits too large for one (`1e999`) the largest
/// number of its sign, which the range then clamps (with a notice); `None`
/// for what is no number (`abc`, `NaN`, `inf`).
fn read_number(text: &str) -> Option<f64> {
    let number = text.parse::<f64>().ok()?;
    if number.is_finite() {
        Some(number)
    } else if number.is_infinite() && text.bytes().any(|b| b.is_ascii_digit()) {
        Some(f64::MAX.copysign(number))
    } else {
        None
    }
}

/// A value that model 1 accepted and later models do not: a margin above
/// today's maximum (model 1 allowed up to 100 %) or a fractional life.
fn only_model_1(id: InputId, number: f64) -> bool {
    let (min, max) = model1::allowed(id);
    let in_model_1 = (min..=max).contains(&number);
    match id {
        InputId::Margin => in_model_1 && number > id.spec().max,
        InputId::Life => in_model_1 && number.fract() != 0.0,
        _ => false,
    }
}

/// Reads the query pairs (already percent-decoded). `browser_lang` is the
/// first of `navigator.languages`; `prefers_dark` the media query's answer.
#[must_use]
pub fn parse(
    pairs: &[(String, String)],
    browser_lang: Option<&str>,
    prefers_dark: bool,
) -> PageSettings {
    let mut notices = Vec::new();
    let mut inputs = Inputs::default();
    let mut lang = browser_lang.and_then(Lang::from_tag).unwrap_or(Lang::En);
    let mut lang_in_url = false;
    let mut theme = None;
    let mut embed = false;
    let mut chart = None;
    let mut controls = false;
    let mut sources = false;
    let mut figure = None;
    let mut uncertainty = Uncertainty::default();
    let mut corr_given = false;
    let mut corr_notice = None;
    let notice = |param: &str, value: &str, problem| Notice {
        param: param.to_owned(),
        value: value.chars().take(MAX_SHOWN_VALUE_CHARS).collect(),
        problem,
    };

    // Numbers are collected first: whether they mean model 1 or model 2
    // depends on `v`, which may come anywhere in the query.
    // Each number remembers where its notice, if any, goes among the others.
    let mut numbers: Vec<(InputId, f64, &str, &str, usize)> = Vec::new();
    let mut version = None;
    let mut method_given = false;
    for (key, raw) in pairs {
        let value = raw.trim();
        if let Some(id) = InputId::from_url_name(key) {
            match read_number(value) {
                Some(number) => numbers.push((id, number, key, value, notices.len())),
                None => notices.push(notice(
                    key,
                    value,
                    Problem::NotANumber {
                        default: id.spec().default,
                    },
                )),
            }
            continue;
        }
        match key.as_str() {
            "v" => match value {
                "1" | "2" | "3" | "4" => version = Some(value),
                _ => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "method" => match Method::from_url_name(value) {
                Some(method) => {
                    inputs.method = method;
                    method_given = true;
                }
                None => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "lang" => match Lang::from_code(value) {
                Some(chosen) => {
                    lang = chosen;
                    lang_in_url = true;
                }
                None => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "theme" => match value {
                "light" => theme = Some(Theme::Light),
                "dark" => theme = Some(Theme::Dark),
                _ => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "embed" => embed = value == "1" || value == "true",
            "controls" => controls = value == "1" || value == "true",
            "view" => match value {
                "sources" => sources = true,
                "explorer" => sources = false,
                _ => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "figure" => match gap_data::figure(value) {
                Some(known) => figure = Some(known.id),
                None => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "chart" => match ChartId::from_name(value) {
                Some(id) => chart = Some(id),
                None => notices.push(notice(key, value, Problem::UnknownWord)),
            },
            "seed" => match value.parse::<u64>() {
                Ok(seed) => uncertainty.set_seed(seed),
                Err(_) => notices.push(notice(
                    key,
                    value,
                    Problem::NotAWholeNumber {
                        #[allow(clippy::cast_precision_loss)] // a small constant
                        default: DEFAULT_SEED as f64,
                    },
                )),
            },
            "draws" => match value.parse::<u64>() {
                Ok(asked) => {
                    let asked = usize::try_from(asked).unwrap_or(usize::MAX);
                    uncertainty.set_draws(asked);
                    if uncertainty.draws() != asked {
                        #[allow(clippy::cast_precision_loss)] // small constants
                        let problem = Problem::OutOfRange {
                            min: DRAWS_LIMITS.0 as f64,
                            max: DRAWS_LIMITS.1 as f64,
                            used: uncertainty.draws() as f64,
                        };
                        notices.push(notice(key, value, problem));
                    }
                }
                Err(_) => notices.push(notice(
                    key,
                    value,
                    Problem::NotAWholeNumber {
                        #[allow(clippy::cast_precision_loss)] // a small constant
                        default: DEFAULT_DRAWS as f64,
                    },
                )),
            },
            "corr" => match value.parse::<f64>().ok().filter(|n| n.is_finite()) {
                Some(rho) => {
                    corr_given = true;
                    uncertainty.set_correlation(rho);
                    if uncertainty.correlation() != rho {
                        let problem = Problem::OutOfRange {
                            min: -1.0,
                            max: 1.0,
                            used: uncertainty.correlation(),
                        };
                        notices.push(notice(key, value, problem));
                    }
                }
                None => {
                    corr_notice = Some(notices.len());
                    notices.push(notice(
                        key,
                        value,
                        Problem::NotANumber {
                            default: DEFAULT_CORRELATION,
                        },
                    ));
                }
            },
            _ => {
                if let Some(name) = key.strip_prefix(RANGE_PREFIX) {
                    let problem = match InputId::from_url_name(name).filter(|&id| has_range(id)) {
                        Some(id) => read_range(id, value, &mut uncertainty),
                        None => Some(Problem::NoRange),
                    };
                    if let Some(problem) = problem {
                        notices.push(notice(key, value, problem));
                    }
                }
            }
        }
    }

    // A link without `v` is a link of today's model, unless it holds a
    // value only model 1 could mean (a margin above today's maximum, which
    // model 1 divided by, or a fractional life) and names no input only
    // later models have. Rejected values (not numbers) never count.
    let model_1 = version == Some("1")
        || (version.is_none()
            && numbers
                .iter()
                .any(|&(id, number, ..)| only_model_1(id, number))
            && !numbers
                .iter()
                .any(|(id, ..)| model1::MODEL_2_ONLY.contains(id)));
    if !method_given && (model_1 || version.is_some_and(|v| VERSIONS_BEFORE_MODEL_3.contains(&v))) {
        inputs.method = Method::Direct;
    }
    if !corr_given && (model_1 || version.is_some_and(|v| VERSIONS_BEFORE_CORRELATION.contains(&v)))
    {
        uncertainty.set_correlation(0.0);
        // A bad `corr` on such a link falls back to that link's own default.
        if let Some(notice) = corr_notice.and_then(|at| notices.get_mut(at)) {
            notice.problem = Problem::NotANumber { default: 0.0 };
        }
    }
    let clamp = |id, number| {
        if model_1 {
            model1::clamp_model_1(id, number)
        } else {
            gap_model::clamp_to_spec(id, number)
        }
    };
    let mut given = Vec::with_capacity(numbers.len());
    let mut inserted = 0;
    for (id, number, key, value, at) in numbers {
        let Some(used) = clamp(id, number) else {
            continue; // finite numbers always clamp
        };
        if used != number {
            let (min, max) = if model_1 {
                model1::allowed(id)
            } else {
                (id.spec().min, id.spec().max)
            };
            if !(min..=max).contains(&number) {
                let out_of_range = notice(key, value, Problem::OutOfRange { min, max, used });
                notices.insert(at + inserted, out_of_range);
                inserted += 1;
            }
        }
        given.push((id, used));
    }
    if model_1 {
        let translation = model1::translate(inputs.method, &given);
        inputs = translation.inputs;
        // First: it explains every number on the page.
        notices.insert(
            0,
            notice(
                "v",
                version.unwrap_or(""),
                Problem::ModelRevised {
                    changes: translation.changes,
                    clamped: translation.clamped,
                    todays_query: todays_query(pairs),
                },
            ),
        );
    } else {
        for (id, used) in given {
            inputs.set(id, used);
        }
    }

    if inputs.get(InputId::End) < inputs.get(InputId::Start) {
        let shown = format!(
            "{}–{}",
            inputs.get(InputId::Start),
            inputs.get(InputId::End)
        );
        notices.push(notice("end", &shown, Problem::EndBeforeStart));
        inputs.set(InputId::Start, InputId::Start.spec().default);
        inputs.set(InputId::End, InputId::End.spec().default);
    }
    if inputs.validate().is_err() {
        // Clamping each value cannot produce an invalid set except through
        // the horizon rule; fall back to a state the model accepts.
        let asked_end = inputs.get(InputId::End);
        inputs = inputs.clamped().into_inner();
        let used = inputs.get(InputId::End);
        if used != asked_end {
            let shown = format!("{}–{asked_end}", inputs.get(InputId::Start));
            notices.push(notice(
                "end",
                &shown,
                Problem::HorizonTooLong {
                    max_years: gap_model::MAX_HORIZON_YEARS,
                    used,
                },
            ));
        }
    }

    let dark = match theme {
        Some(Theme::Dark) => true,
        Some(Theme::Light) => false,
        None => prefers_dark,
    };
    PageSettings {
        sources: sources || figure.is_some(),
        figure,
        inputs,
        uncertainty,
        lang,
        lang_in_url,
        theme,
        dark,
        embed,
        chart,
        controls,
        notices,
    }
}

/// `range_<input>`: one input's uncertainty.
pub const RANGE_PREFIX: &str = "range_";

/// Reads `off` or `below,above[,shape]` (the spread around the current
/// value, in the input's rule: percent of the value for $B/yr and ×, points
/// otherwise) into `uncertainty`; the problem, if any.
fn read_range(id: InputId, value: &str, uncertainty: &mut Uncertainty) -> Option<Problem> {
    if value == "off" {
        uncertainty.set(id, None);
        return None;
    }
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let number = |text: &str| text.parse::<f64>().ok().filter(|n| n.is_finite());
    let (below, above, distribution) = match parts.as_slice() {
        [below, above] => (number(below), number(above), Some(Distribution::Triangular)),
        [below, above, shape] => (
            number(below),
            number(above),
            Distribution::from_url_name(shape),
        ),
        _ => return Some(Problem::InvalidRange),
    };
    let (Some(below), Some(above), Some(distribution)) = (below, above, distribution) else {
        return Some(Problem::InvalidRange);
    };
    let (below, above) = (below.min(above), below.max(above));
    uncertainty.set(
        id,
        Some(RangeSetting {
            spread: Spread { below, above },
            distribution,
        }),
    );
    let (min, max) = spread_limits(id);
    (!(min..=0.0).contains(&below) || !(0.0..=max).contains(&above))
        .then_some(Problem::RangeOutOfLimits { min, max })
}

/// `range_<input>=…` for an input whose uncertainty differs from its default.
fn range_value(setting: Option<RangeSetting>) -> String {
    match setting {
        None => "off".to_owned(),
        Some(RangeSetting {
            spread,
            distribution,
        }) => {
            let mut text = format!("{},{}", exact(spread.below), exact(spread.above));
            if distribution != Distribution::Triangular {
                text.push(',');
                text.push_str(distribution.url_name());
            }
            text
        }
    }
}

/// The query string for the current state: the model version, the inputs
/// that differ from their defaults, then the page settings that were asked for.
#[must_use]
pub fn to_query(
    inputs: &Inputs,
    uncertainty: &Uncertainty,
    lang: Option<Lang>,
    theme: Option<Theme>,
    extra: &[(&str, String)],
) -> String {
    let mut pairs: Vec<(String, String)> = vec![("v".into(), MODEL_VERSION.into())];
    if inputs.method != Method::default() {
        pairs.push(("method".into(), inputs.method.url_name().into()));
    }
    for id in InputId::ALL {
        let value = inputs.get(id);
        if value != id.spec().default {
            pairs.push((id.url_name().into(), exact(value)));
        }
    }
    for id in InputId::ALL {
        if has_range(id) && !uncertainty.is_default(id) {
            pairs.push((
                format!("{RANGE_PREFIX}{}", id.url_name()),
                range_value(uncertainty.get(id)),
            ));
        }
    }
    if uncertainty.correlation() != DEFAULT_CORRELATION {
        pairs.push(("corr".into(), exact(uncertainty.correlation())));
    }
    if uncertainty.draws() != DEFAULT_DRAWS {
        pairs.push(("draws".into(), uncertainty.draws().to_string()));
    }
    if uncertainty.seed() != DEFAULT_SEED {
        pairs.push(("seed".into(), uncertainty.seed().to_string()));
    }
    if let Some(lang) = lang {
        pairs.push(("lang".into(), lang.code().into()));
    }
    if let Some(theme) = theme {
        pairs.push((
            "theme".into(),
            if theme == Theme::Dark {
                "dark"
            } else {
                "light"
            }
            .into(),
        ));
    }
    for (key, value) in extra {
        pairs.push(((*key).into(), value.clone()));
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={}", encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `pairs` as a link of today's model: `v=4` first, every other pair as it
/// was (a model-1 link's values then mean what they mean today), and the
/// method it was made with, `direct`, when it named none.
fn todays_query(pairs: &[(String, String)]) -> String {
    let method = (!pairs.iter().any(|(key, _)| key == "method"))
        .then(|| format!("method={}", Method::Direct.url_name()));
    core::iter::once(format!("v={MODEL_VERSION}"))
        .chain(method)
        .chain(
            pairs
                .iter()
                .filter(|(key, _)| key != "v")
                .map(|(key, value)| format!("{}={}", encode(key), encode(value))),
        )
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            // The comma of `range_…=below,above` stays readable (a sub-delimiter).
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' | '~' | ',' => c.to_string(),
            other => {
                let mut buffer = [0u8; 4];
                other
                    .encode_utf8(&mut buffer)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            }
        })
        .collect()
}

/// The shortest decimal text that reads back as exactly `value`, for URLs:
/// a shared link must run the very numbers its author saw.
#[must_use]
pub fn exact(value: f64) -> String {
    if value == 0.0 {
        // Not "-0".
        return "0".to_owned();
    }
    format!("{value}")
}
