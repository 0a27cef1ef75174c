//! Fuzzing the query-string parser with thousands of seeded random queries,
//! natively in `cargo test`: raw query strings are decoded by the WHATWG
//! form-urlencoded algorithm that `URLSearchParams` implements
//! (`browser_pairs`); `tests/e2e/fuzz.test.mjs` sends raw queries through
//! the real one.
//!
//! For every query: `parse` does not panic; its inputs pass `validate()`, lie
//! within their specs and follow a small reference model ("the last finite
//! value of a name wins, clamped"); notices stay short; and the query that
//! `to_query` writes for the result reads back to the same page state without
//! a notice, and writes itself again unchanged.
//!
//! The generator is a seeded ChaCha8 stream, so a failure names the case and
//! the query, and rerunning reproduces it.

use gap_charts::Lang;
use gap_model::{
    clamp_to_spec, has_range, model1, spread_limits, InputId, Inputs, Method, Spread, DRAWS_LIMITS,
    MAX_HORIZON_YEARS,
};
use gap_url::Problem;
use gap_url::{parse, to_query, PageSettings, Theme, RANGE_PREFIX};
use rand::{Rng as _, SeedableRng};
use rand_chacha::ChaCha8Rng;

const SEED: u64 = 0x00A1_6A9E_2026;
/// Raw query strings, decoded by `URLSearchParams`.
const RAW_CASES: usize = 3_000;
/// Pair lists built directly (any Rust string, no decoding in between).
const PAIR_CASES: usize = 2_000;

/// A seeded ChaCha8 stream (the model's own RNG crate), with the few draws
/// the generators need.
struct Rng(ChaCha8Rng);

impl Rng {
    fn seeded(seed: u64) -> Rng {
        Rng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        self.0.random_range(0..n)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0.random()
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SETTING_KEYS: [&str; 12] = [
    "v", "method", "lang", "theme", "embed", "chart", "controls", "draws", "seed", "corr", "view",
    "figure",
];
/// `range_<input>`: the README's name for the family.
const RANGE_FAMILY: &str = "range_<input>";
const SHAPES: [&str; 7] = ["tri", "uniform", "pert", "PERT", "normal", "", " tri"];
/// Values for `v`: the four versions and a few that are none.
const VERSIONS: [&str; 8] = ["1", "2", " 2 ", "3", "4", "", "v2", "02"];
const ODD_KEYS: [&str; 14] = [
    "",
    "Rate",
    "RATE",
    " rate",
    "rate ",
    "rate[]",
    "capex%20",
    "utm_source",
    "x",
    "__proto__",
    "constructor",
    "ratë",
    "📈",
    "<script>",
];
const WORDS: [&str; 35] = [
    "sources",
    "explorer",
    "Sources",
    "oracle_market_value_drop_recent",
    "capex_2026 ",
    "direct",
    "sequoia",
    "bain",
    "dcf",
    " dcf ",
    "DCF",
    "Bain",
    "en",
    "de",
    "nl",
    "DE",
    "fr",
    "en-US",
    "light",
    "dark",
    "Dark",
    "neon",
    "1",
    "true",
    "0",
    "false",
    "yes",
    "gap",
    "fan",
    "tornado",
    "drawdowns",
    "gap_over_time ",
    "pie",
    "null",
    "undefined",
];
const ODD_NUMBERS: [&str; 44] = [
    "NaN",
    "nan",
    "-NaN",
    "inf",
    "-inf",
    "+inf",
    "Infinity",
    "-infinity",
    "1e999",
    "-1e999",
    "1e-999",
    "2.5e-324",
    "1.7976931348623157e308",
    "9007199254740993",
    "-0",
    "+0",
    "0",
    "-0.0",
    "",
    " ",
    "  42  ",
    "\t7\n",
    "4 2",
    "0x10",
    "1_000",
    "1,5",
    "2.5.1",
    ".5",
    "5.",
    "+5",
    "--5",
    "e5",
    "5e",
    "١٢٣",
    "１２",
    "½",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "%41",
    "%",
    "%zz",
    "\u{0}",
    "2026\u{200b}",
    "💥",
];

/// A number written in one of many ways, in or far out of any range.
fn number_text(rng: &mut Rng) -> String {
    let value = match rng.below(6) {
        0 => rng.unit() * 100.0,
        1 => rng.unit() * 6_000.0 - 1_000.0,
        2 => 2_000.0 + (rng.unit() * 120.0).floor() - 10.0,
        3 => (rng.unit() - 0.5) * 10f64.powi(i32::try_from(rng.below(40)).unwrap_or(0)),
        4 => (rng.unit() * 400.0).round() / 4.0,
        _ => -(rng.unit() * 100.0),
    };
    match rng.below(8) {
        0 => format!("{value:e}"),
        1 => format!("{value:.0}"),
        2 => format!("{value:.2}"),
        3 => format!("{value:.9}"),
        _ => format!("{value}"),
    }
}

/// Any string: words, odd numbers, long text, random characters.
fn junk(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => rng.pick(&WORDS).to_owned(),
        1 => rng.pick(&ODD_NUMBERS).to_owned(),
        2 => "9".repeat(1 + rng.below(2_000)),
        3 => "<script>alert(1)</script>".repeat(1 + rng.below(400)),
        _ => (0..rng.below(24))
            .map(|_| {
                let code = match rng.below(4) {
                    0 => 0x20 + rng.below(0x5F),
                    1 => rng.below(0x20),
                    2 => 0xA0 + rng.below(0x2000),
                    _ => 0x1_F300 + rng.below(0x300),
                };
                char::from_u32(u32::try_from(code).unwrap_or(0x3F)).unwrap_or('?')
            })
            .collect(),
    }
}

/// A range value: `off`, two or three comma-separated parts, or junk.
fn range_text(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "off".to_owned(),
        1..=3 => format!("{},{}", number_text(rng), number_text(rng)),
        4..=6 => format!(
            "{},{},{}",
            number_text(rng),
            number_text(rng),
            rng.pick(&SHAPES)
        ),
        7 => format!("{},{}", rng.pick(&ODD_NUMBERS), number_text(rng)),
        _ => junk(rng),
    }
}

fn value_for(rng: &mut Rng, key: &str) -> String {
    if key.starts_with(RANGE_PREFIX) {
        range_text(rng)
    } else if matches!(key, "draws" | "seed") && rng.chance(60) {
        rng.below(200_000).to_string()
    } else if key == "corr" && rng.chance(60) {
        number_text(rng)
    } else if key == "v" {
        rng.pick(&VERSIONS).to_owned()
    } else if InputId::from_url_name(key).is_some() {
        match rng.below(10) {
            0..=4 => number_text(rng),
            5..=7 => rng.pick(&ODD_NUMBERS).to_owned(),
            _ => junk(rng),
        }
    } else if rng.chance(60) {
        rng.pick(&WORDS).to_owned()
    } else {
        junk(rng)
    }
}

fn key(rng: &mut Rng) -> String {
    match rng.below(20) {
        0..=12 => InputId::ALL[rng.below(InputId::ALL.len())]
            .url_name()
            .to_owned(),
        13..=16 => rng.pick(&SETTING_KEYS).to_owned(),
        17 if rng.chance(50) => format!(
            "{RANGE_PREFIX}{}",
            InputId::ALL[rng.below(InputId::ALL.len())].url_name()
        ),
        17 => format!("{RANGE_PREFIX}{}", rng.pick(&ODD_KEYS)),
        18 => rng.pick(&ODD_KEYS).to_owned(),
        _ => junk(rng),
    }
}

fn random_pairs(rng: &mut Rng) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = (0..rng.below(14))
        .map(|_| {
            let key = key(rng);
            let value = value_for(rng, &key);
            (key, value)
        })
        .collect();
    // Duplicated names: the last one wins.
    if !pairs.is_empty() && rng.chance(30) {
        let copy = pairs[rng.below(pairs.len())].clone();
        let value = value_for(rng, &copy.0);
        pairs.push((copy.0, value));
    }
    // Half the links say which model wrote them; the rest are today's
    // links unless a value only model 1 could mean makes them model-1 links.
    if rng.chance(50) {
        let at = rng.below(pairs.len() + 1);
        let version = ["2", "3", "4"][rng.below(3)];
        pairs.insert(at, ("v".to_owned(), version.to_owned()));
    }
    pairs
}

/// Percent-encodes every byte outside a few safe characters, sometimes
/// writing a space as `+`, sometimes leaving raw characters in.
fn encode(rng: &mut Rng, text: &str) -> String {
    let raw = rng.chance(20);
    let mut out = String::new();
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' | '~' => out.push(c),
            ' ' if rng.chance(50) => out.push('+'),
            '&' | '=' | '#' | '%' | '+' => push_escaped(&mut out, c),
            other if raw && !other.is_control() => out.push(other),
            other => push_escaped(&mut out, other),
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    let mut buffer = [0u8; 4];
    for byte in c.encode_utf8(&mut buffer).bytes() {
        out.push_str(&format!("%{byte:02X}"));
    }
}

/// A raw query string: encoded pairs, plus malformed pieces.
fn random_query(rng: &mut Rng) -> String {
    let mut parts: Vec<String> = random_pairs(rng)
        .iter()
        .map(|(key, value)| format!("{}={}", encode(rng, key), encode(rng, value)))
        .collect();
    for _ in 0..rng.below(3) {
        let odd = [
            "",
            "=",
            "==",
            "rate",
            "rate==5",
            "rate=%",
            "rate=%2",
            "rate=%E2%82",
            "capex=%FF%FE",
            "lang=%00",
            "growth=1%2e5",
            "revenue=1e3%20",
            "&&",
            "?",
            "end=2100&start=2020",
            "start=2050&end=2020",
        ];
        parts.insert(rng.below(parts.len() + 1), rng.pick(&odd).to_owned());
    }
    format!("?{}", parts.join("&"))
}

/// What the app gets from `location.search` through `URLSearchParams`
/// (src/browser.rs, `query_pairs`): the WHATWG form-urlencoded parser. Drop
/// a leading "?", split on "&", skip empty pieces, split at the first "=",
/// read "+" as a space, percent-decode, and decode UTF-8 with replacement
/// characters. (tests/e2e/fuzz.test.mjs sends raw queries to the real one.)
fn browser_pairs(search: &str) -> Vec<(String, String)> {
    let form_decode =
        |text: &str| String::from_utf8_lossy(&percent_decode(&text.replace('+', " "))).into_owned();
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
            (form_decode(key), form_decode(value))
        })
        .collect()
}

/// Splits what `to_query` writes; its values are plain percent-encoded UTF-8.
fn written_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    String::from_utf8(percent_decode(text)).expect("to_query writes UTF-8")
}

/// The bytes of `text` with every `%` and two hex digits replaced by that
/// byte; any other `%` stays as it is (as URLSearchParams keeps it).
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

const BROWSER_LANGS: [Option<&str>; 9] = [
    None,
    Some("en-US"),
    Some("de-CH"),
    Some("nl_BE"),
    Some("fr"),
    Some(""),
    Some("-"),
    Some("DE"),
    Some("日本語"),
];

/// The inputs `parse` should produce, written independently of it: per name
/// the last value that reads as a finite number wins, clamped to its spec
/// (whole-number inputs rounded); a model-1 link (`v=1`, or no valid `v`
/// while it holds a margin above 95 % or a fractional life that model 1
/// accepted, and names no model-2-only input) is clamped to model 1's ranges
/// and translated by `gap_model::model1` (tested natively against model 1's
/// own readouts); a link of a version before 4 (model 1's included) without
/// a method keeps `direct`, others get today's default; `end < start`
/// restores both years; a horizon longer than the model allows ends
/// `MAX_HORIZON_YEARS` after `start`.
fn expected_inputs(pairs: &[(String, String)]) -> Inputs {
    let mut method = None;
    let mut version = None;
    let mut numbers: Vec<(InputId, f64)> = Vec::new();
    for (key, raw) in pairs {
        let value = raw.trim();
        if let Some(id) = InputId::from_url_name(key) {
            // Digits beyond f64's range (`1e999`) clamp like any number too large.
            let number = value.parse::<f64>().ok().and_then(|n| {
                if n.is_finite() {
                    Some(n)
                } else if n.is_infinite() && value.chars().any(|c| c.is_ascii_digit()) {
                    Some(f64::MAX.copysign(n))
                } else {
                    None
                }
            });
            if let Some(number) = number {
                numbers.push((id, number));
            }
        } else if key == "method" {
            if let Some(m) = Method::from_url_name(value) {
                method = Some(m);
            }
        } else if key == "v" && matches!(value, "1" | "2" | "3" | "4") {
            version = Some(value);
        }
    }
    let model_1_only = |&(id, number): &(InputId, f64)| match id {
        InputId::Margin => number > 95.0 && number <= 100.0,
        InputId::Life => (1.0..=30.0).contains(&number) && number.fract() != 0.0,
        _ => false,
    };
    let model_1 = match version {
        Some(v) => v == "1",
        None => {
            numbers.iter().any(model_1_only)
                && !numbers
                    .iter()
                    .any(|(id, _)| model1::MODEL_2_ONLY.contains(id))
        }
    };
    let before_model_3 = model_1 || matches!(version, Some("2" | "3"));
    let clamped = |id: InputId, number: f64| {
        let spec = id.spec();
        let number = if spec.whole { number.round() } else { number };
        let (min, max) = if model_1 {
            model1::allowed(id)
        } else {
            (spec.min, spec.max)
        };
        number.clamp(min, max)
    };
    let given: Vec<(InputId, f64)> = numbers
        .into_iter()
        .map(|(id, number)| (id, clamped(id, number)))
        .collect();
    let method = method.unwrap_or(if before_model_3 {
        Method::Direct
    } else {
        Method::default()
    });
    let mut inputs = if model_1 {
        model1::translate(method, &given).inputs
    } else {
        let mut inputs = Inputs::default();
        inputs.method = method;
        for (id, value) in given {
            inputs.set(id, value);
        }
        inputs
    };
    let (start, end) = (inputs.get(InputId::Start), inputs.get(InputId::End));
    if end < start {
        inputs.set(InputId::Start, InputId::Start.spec().default);
        inputs.set(InputId::End, InputId::End.spec().default);
    } else if end > start + f64::from(MAX_HORIZON_YEARS) {
        inputs.set(InputId::End, start + f64::from(MAX_HORIZON_YEARS));
    }
    inputs
}

fn assert_sane(settings: &PageSettings, what: &str) {
    let inputs = &settings.inputs;
    assert!(
        inputs.validate().is_ok(),
        "{what}: invalid inputs {:?}",
        inputs.errors()
    );
    for id in InputId::ALL {
        let spec = id.spec();
        let value = inputs.get(id);
        assert!(
            value.is_finite() && (spec.min..=spec.max).contains(&value),
            "{what}: {} = {value} outside {}..={}",
            id.url_name(),
            spec.min,
            spec.max
        );
        assert_eq!(
            Some(value),
            clamp_to_spec(id, value),
            "{what}: {} = {value} is not what clamping keeps",
            id.url_name()
        );
    }
    let u = &settings.uncertainty;
    for id in InputId::ALL {
        let Some(setting) = u.get(id) else { continue };
        let (min, max) = spread_limits(id);
        let Spread { below, above } = setting.spread;
        assert!(
            has_range(id) && min <= below && below <= 0.0 && 0.0 <= above && above <= max,
            "{what}: {} range {below}..{above}",
            id.url_name()
        );
    }
    assert!(
        (DRAWS_LIMITS.0..=DRAWS_LIMITS.1).contains(&u.draws()),
        "{what}: draws"
    );
    assert!((-1.0..=1.0).contains(&u.correlation()), "{what}: corr");
    let (start, end) = (inputs.get(InputId::Start), inputs.get(InputId::End));
    assert!(
        start <= end && end <= start + f64::from(MAX_HORIZON_YEARS),
        "{what}: horizon {start}..{end}"
    );
    let dark = match settings.theme {
        Some(Theme::Dark) => true,
        Some(Theme::Light) => false,
        None => settings.dark,
    };
    assert_eq!(dark, settings.dark, "{what}: theme {:?}", settings.theme);
    for notice in &settings.notices {
        assert!(
            notice.value.chars().count() <= 40,
            "{what}: notice value of {} chars",
            notice.value.chars().count()
        );
    }
}

/// The extra parameters the app writes for its embed settings (src/browser.rs).
fn embed_params(settings: &PageSettings) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if settings.embed {
        params.push(("embed", "1".to_owned()));
    }
    if let Some(chart) = settings.chart {
        params.push(("chart", chart.name().to_owned()));
    }
    if settings.controls {
        params.push(("controls", "1".to_owned()));
    }
    if settings.sources {
        params.push(("view", "sources".to_owned()));
    }
    if let Some(figure) = settings.figure {
        params.push(("figure", figure.to_owned()));
    }
    params
}

fn written(settings: &PageSettings) -> String {
    to_query(
        &settings.inputs,
        &settings.uncertainty,
        settings.lang_in_url.then_some(settings.lang),
        settings.theme,
        &embed_params(settings),
    )
}

/// `plain` keeps six decimals (src/format.rs): what a written URL can hold.
const WRITTEN_PRECISION: f64 = 1e-6;

fn close(a: &Inputs, b: &Inputs, tolerance: f64) -> bool {
    a.method == b.method
        && InputId::ALL
            .into_iter()
            .all(|id| (a.get(id) - b.get(id)).abs() <= tolerance)
}

/// Parses `pairs` and checks everything; returns the settings and the
/// query `to_query` writes for them.
fn check(pairs: &[(String, String)], case: usize, source: &str) -> (PageSettings, String) {
    let browser_lang = BROWSER_LANGS[case % BROWSER_LANGS.len()];
    let prefers_dark = case.is_multiple_of(3);
    let what = format!("case {case} ({source}, browser {browser_lang:?})");
    let settings = parse(pairs, browser_lang, prefers_dark);
    assert_sane(&settings, &what);

    let expected = expected_inputs(pairs);
    assert_eq!(
        settings.inputs, expected,
        "{what}: inputs differ from the reference"
    );
    if settings.lang_in_url {
        assert!(
            pairs.iter().any(|(key, value)| key == "lang"
                && Lang::from_code(value.trim()) == Some(settings.lang)),
            "{what}: lang {:?} not from the URL",
            settings.lang
        );
    }

    let query = written(&settings);
    let again = parse(&written_pairs(&query), browser_lang, prefers_dark);
    let what = format!("{what}, written as ?{query}");
    assert!(
        again.notices.is_empty(),
        "{what}: the written URL has notices {:?}",
        again.notices
    );
    assert!(
        close(&again.inputs, &settings.inputs, WRITTEN_PRECISION),
        "{what}: read back {:?} from {:?}",
        again.inputs,
        settings.inputs
    );
    assert_eq!(
        (again.lang, again.lang_in_url, again.theme, again.dark),
        (
            settings.lang,
            settings.lang_in_url,
            settings.theme,
            settings.dark
        ),
        "{what}: page settings"
    );
    assert_eq!(
        (again.embed, again.chart, again.controls),
        (settings.embed, settings.chart, settings.controls),
        "{what}: embed settings"
    );
    assert_eq!(
        again.uncertainty, settings.uncertainty,
        "{what}: uncertainty settings"
    );
    // From the second write on, the URL is a fixed point: exact values, same text.
    // (The first write is not always one: see `written_urls_read_back_exactly`.)
    let settled = written(&again);
    let third = parse(&written_pairs(&settled), browser_lang, prefers_dark);
    assert_eq!(
        third.inputs, again.inputs,
        "{what}: ?{settled} does not read back exactly"
    );
    assert_eq!(
        written(&third),
        settled,
        "{what}: the written URL is not stable"
    );
    (settings, query)
}

fn raw_queries() -> Vec<String> {
    let mut rng = Rng::seeded(SEED);
    (0..RAW_CASES).map(|_| random_query(&mut rng)).collect()
}

fn pair_lists() -> Vec<Vec<(String, String)>> {
    let mut rng = Rng::seeded(SEED ^ 0xFFFF);
    (0..PAIR_CASES).map(|_| random_pairs(&mut rng)).collect()
}

#[test]
fn random_raw_queries_never_break_the_parser() {
    let mut noticed = 0;
    let mut changed = 0;
    for (case, search) in raw_queries().iter().enumerate() {
        let pairs = browser_pairs(search);
        let (settings, _) = check(&pairs, case, &format!("raw {search:?}"));
        noticed += usize::from(!settings.notices.is_empty());
        changed += usize::from(settings.inputs != Inputs::default());
    }
    // The generator must reach both sides of the parser.
    assert!(noticed > RAW_CASES / 3, "only {noticed} cases had notices");
    assert!(
        changed > RAW_CASES / 3,
        "only {changed} cases changed inputs"
    );
}

#[test]
fn random_pair_lists_never_break_the_parser() {
    for (case, pairs) in pair_lists().iter().enumerate() {
        check(pairs, case, &format!("pairs {pairs:?}"));
    }
}

/// Every value that was repaired is named in a notice (README, "URL
/// parameters"), a horizon longer than 50 years included.
#[test]
fn every_repaired_input_is_named_in_a_notice() {
    for (case, search) in raw_queries().iter().enumerate() {
        let pairs = browser_pairs(search);
        let settings = parse(&pairs, None, false);
        for id in InputId::ALL {
            let Some(asked) = pairs
                .iter()
                .rev()
                .find(|(key, _)| key == id.url_name())
                .and_then(|(_, value)| value.trim().parse::<f64>().ok())
                .filter(|number| number.is_finite())
            else {
                continue;
            };
            let kept = settings.inputs.get(id) == asked
                || (id.spec().whole && settings.inputs.get(id) == asked.round());
            let named = settings.notices.iter().any(|notice| {
                notice.param == id.url_name()
                    || notice.param == "end"
                    || matches!(&notice.problem, Problem::ModelRevised { changes, .. }
                        if changes.iter().any(|change| change.input == id))
            });
            assert!(
                kept || named,
                "case {case} {search:?}: {} = {asked} became {} without a notice ({:?})",
                id.url_name(),
                settings.inputs.get(id),
                settings.notices
            );
        }
    }
}

/// Every parameter of the README's table is one the generator draws: a new
/// documented parameter without fuzzing fails here.
#[test]
fn every_documented_parameter_is_generated() {
    let readme = include_str!("../../../README.md");
    let table = readme
        .split("## URL parameters")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a URL parameter table");
    let documented: Vec<&str> = table
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .collect();
    assert!(documented.len() >= 25, "{documented:?}");
    for name in documented {
        assert!(
            InputId::from_url_name(name).is_some()
                || SETTING_KEYS.contains(&name)
                || name == RANGE_FAMILY,
            "the README documents {name}, which the fuzz never generates"
        );
    }
}

/// A URL the app writes reads back to exactly the state it came from, and
/// writing that state again gives the same URL (`?revenue=55.0000004` stays
/// 55.0000004, `?capex_growth=1e-7` is not written back as the default 0).
#[test]
fn written_urls_read_back_exactly() {
    for (case, search) in raw_queries().iter().enumerate() {
        let settings = parse(&browser_pairs(search), None, false);
        let query = written(&settings);
        let again = parse(&written_pairs(&query), None, false);
        assert_eq!(
            again.inputs, settings.inputs,
            "case {case} {search:?} written as ?{query}"
        );
        assert_eq!(
            (again.sources, again.figure),
            (settings.sources, settings.figure),
            "case {case} {search:?} written as ?{query}"
        );
        assert_eq!(
            written(&again),
            query,
            "case {case} {search:?}: the written URL is not stable"
        );
    }
}
