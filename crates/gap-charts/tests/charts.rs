//! Every chart, built from real model runs and the real dataset, checked as
//! the JSON option ECharts receives.

mod support;

use gap_charts::{texts, Lang};
use gap_model::{InputId, Inputs, Method, Ranges, ValidInputs};
use serde_json::Value;
use support::{
    all, check_frame, close, data, json, legend_names, numbers, series, strings, subtext, title,
    uncertainty,
};

/// The article's claim at the defaults (the `direct` method): the numbers
/// below were worked out for it.
fn article() -> Inputs {
    let mut inputs = Inputs::default();
    inputs.method = gap_model::Method::Direct;
    inputs
}

fn defaults() -> ValidInputs {
    article().validate().unwrap()
}

fn with(id: InputId, value: f64) -> ValidInputs {
    article().with(id, value).validate().unwrap()
}

/// Flat capex and uncapped revenue, where a growth rate alone closes the gap.
fn flat_with(id: InputId, value: f64) -> ValidInputs {
    article()
        .with(InputId::CapexGrowth, 0.0)
        .with(InputId::RevenueCap, 0.0)
        .with(id, value)
        .validate()
        .unwrap()
}

/// Builds a chart in every language, checks the frame, and checks that the
/// title and the source note are translated; returns it in English, German
/// and Dutch (the languages the tests' expectations are written for).
fn in_all_languages(build: impl Fn(Lang) -> charming::Chart) -> [Value; 3] {
    let charts: Vec<(Lang, Value)> = Lang::ALL
        .iter()
        .map(|&lang| (lang, json(&build(lang))))
        .collect();
    for (lang, chart) in &charts {
        check_frame(chart, *lang);
    }
    let pick = |code: &str| {
        let lang = Lang::from_code(code).expect("a language of locales/");
        charts
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, chart)| chart.clone())
            .expect("built")
    };
    let (en, de, nl) = (pick("en"), pick("de"), pick("nl"));
    for other in charts
        .iter()
        .filter(|(lang, _)| *lang != Lang::En)
        .map(|(_, chart)| chart)
    {
        assert_ne!(title(&en), title(other), "title is translated");
        assert_ne!(subtext(&en), subtext(other), "source note is translated");
        assert_ne!(
            legend_names(&en),
            legend_names(other),
            "legend is translated"
        );
    }
    [en, de, nl]
}

/// What every chart must have (title, source, legend, units, aria), for
/// every `ChartId` in every language: a new chart is checked without a
/// test of its own.
#[test]
fn every_chart_has_its_frame_in_every_language() {
    for lang in Lang::ALL {
        for (id, chart) in support::every_chart(&defaults(), 200, lang) {
            let value = json(&chart);
            check_frame(&value, lang);
            assert!(!title(&value).is_empty(), "{id:?} {lang:?}: a title");
        }
    }
}

#[test]
fn gap_shows_required_actual_range_and_gap() {
    let outcome = gap_model::run(&defaults());
    let range = gap_charts::actual_revenue_range();
    assert_eq!(
        range,
        Some((50.0, 60.0)),
        "the sources' range of actual revenue"
    );
    let [chart, de, _] = in_all_languages(|lang| gap_charts::gap(&outcome, range, lang));

    assert_eq!(data(&chart, 0), [Some(outcome.base_required), None, None]);
    assert_eq!(data(&chart, 1), [None, Some(50.0), None], "range base");
    assert_eq!(
        data(&chart, 2),
        [None, Some(10.0), None],
        "range band, low to high"
    );
    assert_eq!(data(&chart, 3), [None, None, Some(outcome.base_gap)]);
    assert_eq!(data(&chart, 4), [None, Some(outcome.base_actual), None]);
    assert_eq!(
        series(&chart, 4)["type"],
        "scatter",
        "the point value is a marker"
    );
    assert_eq!(series(&chart, 1)["itemStyle"]["color"], "transparent");
    for i in 0..4 {
        assert_eq!(series(&chart, i)["stack"], "gap", "bars share one slot");
    }
    assert_eq!(outcome.base_required, 2000.0);
    assert_eq!(outcome.base_gap, 1945.0);
    assert!(legend_names(&chart).contains(&"Actual revenue: range"));
    assert!(title(&chart).contains("2026"));

    let categories = strings(&chart["xAxis"]["data"]);
    assert_eq!(categories[0], "Required revenue\n$2T");
    assert_eq!(categories[1], "Actual revenue\n$50B – $60B (assumed $55B)");
    assert_eq!(categories[2], "Gap\n$1.9T");
    let categories = strings(&de["xAxis"]["data"]);
    assert_eq!(categories[0], "Benötigter Umsatz\n2\u{a0}Bio.\u{a0}$");
}

#[test]
fn gap_without_range_and_with_reversed_range() {
    let outcome = gap_model::run(&with(InputId::Revenue, 70.0));
    let chart = json(&gap_charts::gap(&outcome, None, Lang::En));
    check_frame(&chart, Lang::En);
    assert_eq!(data(&chart, 1), [None; 3]);
    assert_eq!(data(&chart, 2), [None; 3]);
    assert!(!legend_names(&chart).contains(&"Actual revenue: range"));
    assert_eq!(data(&chart, 4), [None, Some(70.0), None]);

    let chart = json(&gap_charts::gap(&outcome, Some((80.0, 65.0)), Lang::En));
    assert_eq!(data(&chart, 1), [None, Some(65.0), None]);
    assert_eq!(data(&chart, 2), [None, Some(15.0), None]);
}

#[test]
fn gap_over_time_without_break_even() {
    let outcome = gap_model::run(&defaults());
    assert_eq!(outcome.breakeven_year, None);
    let [chart, de, nl] = in_all_languages(|lang| gap_charts::gap_over_time(&outcome, lang));
    let rows = &outcome.years;
    let years: Vec<String> = rows.iter().map(|r| r.year.to_string()).collect();
    assert_eq!(strings(&chart["xAxis"][0]["data"]), years);
    for i in 0..2 {
        assert_eq!(
            numbers(&chart, i).len(),
            rows.len(),
            "series {i} has one value per year"
        );
    }
    assert_eq!(
        numbers(&chart, 0),
        rows.iter().map(|r| r.required).collect::<Vec<_>>()
    );
    assert_eq!(
        numbers(&chart, 1),
        rows.iter().map(|r| r.actual).collect::<Vec<_>>()
    );
    assert_eq!(
        chart["series"].as_array().unwrap().len(),
        5,
        "no break-even series"
    );
    assert!(
        !chart.to_string().contains("markLine"),
        "no break-even line"
    );
    assert!(
        title(&chart).ends_with("no break-even by 2035"),
        "{}",
        title(&chart)
    );
    assert!(title(&de).contains("keine Gewinnschwelle bis 2035"));
    assert!(title(&nl).contains("geen break-evenpunt tot en met 2035"));
    check_band(&chart, &outcome);
}

#[test]
fn gap_over_time_says_when_a_gap_opens_again() {
    // The article's claim with 284.7 %/yr: revenue touches the requirement
    // in 2031 and falls behind as it outgrows the ceiling.
    let outcome = gap_model::run(&with(InputId::Growth, 284.7));
    assert_eq!(outcome.breakeven_year, Some(2031));
    assert!(outcome.reopens());
    let [chart, de, nl] = in_all_languages(|lang| gap_charts::gap_over_time(&outcome, lang));
    assert!(
        title(&chart).ends_with("break-even in 2031, gap open again by 2035"),
        "{}",
        title(&chart)
    );
    assert!(title(&de).ends_with("bis 2035 wieder eine Lücke"));
    assert!(title(&nl).ends_with("in 2035 weer een kloof"));
}

#[test]
fn gap_over_time_with_break_even() {
    let outcome = gap_model::run(&flat_with(InputId::Growth, 60.0));
    assert_eq!(outcome.breakeven_year, Some(2034));
    let [chart, ..] = in_all_languages(|lang| gap_charts::gap_over_time(&outcome, lang));
    assert_eq!(series(&chart, 5)["id"], "breakeven");
    assert!(series(&chart, 5).get("data").is_none(), "only a mark line");
    let mark = &series(&chart, 5)["markLine"]["data"];
    assert_eq!(all(mark).len(), 1);
    assert_eq!(mark[0]["xAxis"], "2034");
    assert_eq!(mark[0]["label"]["formatter"], "Break-even 2034");
    assert!(title(&chart).ends_with("break-even in 2034"));
    let surplus = &series(&chart, 4)["data"];
    let last = surplus.as_array().unwrap().last().unwrap();
    assert!(
        last[1].as_f64().unwrap() > 0.0,
        "a surplus after break-even"
    );
    check_band(&chart, &outcome);
    let band = gap_charts::gap_band(&outcome);
    assert_eq!(
        band.len(),
        outcome.years.len() + 1,
        "one crossing, in 2033–2034"
    );
    let crossing = band.iter().find(|p| p[0].fract() != 0.0).unwrap();
    assert!(crossing[0] > 2033.0 && crossing[0] < 2034.0);
    assert_eq!((crossing[2], crossing[3]), (0.0, 0.0));
}

/// The shaded band of `gap_over_time` runs from min(required, actual) to
/// max(required, actual) with a point where the lines cross, every stacked
/// value is non-negative (ECharts stacks only same-sign values), and the
/// hidden value axis it is drawn on spans exactly the years.
fn check_band(chart: &Value, outcome: &gap_model::Outcome) {
    let pairs = |i: usize| -> Vec<(f64, f64)> {
        series(chart, i)["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
            .collect()
    };
    let (base, shortfall, surplus) = (pairs(2), pairs(3), pairs(4));
    let xs: Vec<f64> = base.iter().map(|p| p.0).collect();
    assert_eq!(xs, shortfall.iter().map(|p| p.0).collect::<Vec<_>>());
    assert_eq!(xs, surplus.iter().map(|p| p.0).collect::<Vec<_>>());
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    let crossings = outcome
        .years
        .windows(2)
        .filter(|w| w[0].gap * w[1].gap < 0.0)
        .count();
    assert_eq!(xs.len(), outcome.years.len() + crossings);
    for row in &outcome.years {
        let i = xs
            .iter()
            .position(|&x| x == f64::from(row.year))
            .expect("a point per year");
        assert_eq!(base[i].1, row.required.min(row.actual));
        assert_eq!(shortfall[i].1 - surplus[i].1, row.gap, "year {}", row.year);
    }
    for i in 0..xs.len() {
        assert!(base[i].1 >= 0.0 && shortfall[i].1 >= 0.0 && surplus[i].1 >= 0.0);
        if i > 0 {
            // Within a segment the gap keeps its sign: no shading on the
            // wrong side of a line.
            let flips = (shortfall[i - 1].1 > 0.0 && surplus[i].1 > 0.0)
                || (surplus[i - 1].1 > 0.0 && shortfall[i].1 > 0.0);
            assert!(!flips, "segment ending at {}", xs[i]);
        }
    }
    for i in 2..5 {
        assert_eq!(series(chart, i)["stack"], "gap");
        assert_eq!(series(chart, i)["xAxisIndex"].as_f64(), Some(1.0));
        assert_eq!(series(chart, i)["tooltip"]["trigger"], "none");
    }
    let hidden = &chart["xAxis"][1];
    assert_eq!(hidden["show"], false);
    assert_eq!(hidden["type"], "time", "so that ECharts stacks y, not x");
    assert_eq!(
        hidden["min"].as_f64(),
        Some(f64::from(outcome.years[0].year))
    );
    assert_eq!(
        hidden["max"].as_f64(),
        Some(f64::from(outcome.years.last().unwrap().year))
    );
    assert_eq!(
        chart["xAxis"][0]["boundaryGap"], false,
        "categories sit on the same grid"
    );
}

#[test]
fn pv_shows_discounted_gaps_and_their_sum() {
    let outcome = gap_model::run(&defaults());
    let [chart, de, _] = in_all_languages(|lang| gap_charts::pv(&outcome, lang));
    let rows = &outcome.years;
    assert_eq!(
        numbers(&chart, 0),
        rows.iter().map(|r| r.discounted_gap).collect::<Vec<_>>()
    );
    assert_eq!(
        numbers(&chart, 1),
        rows.iter()
            .map(|r| r.cumulative_discounted_gap)
            .collect::<Vec<_>>()
    );
    assert_eq!(series(&chart, 0)["type"], "bar");
    assert_eq!(series(&chart, 1)["type"], "line");
    let mark = &series(&chart, 1)["markLine"]["data"][0];
    assert_eq!(mark["yAxis"].as_f64(), Some(outcome.gap_pv));
    let label = mark["label"]["formatter"].as_str().unwrap();
    assert!(
        label.starts_with("Present value: $") && label.ends_with(['B', 'T']),
        "{label}"
    );
    assert!(de["series"][1]["markLine"]["data"][0]["label"]["formatter"]
        .as_str()
        .unwrap()
        .ends_with("Bio.\u{a0}$"));
    assert_eq!(strings(&chart["xAxis"]["data"]).len(), rows.len());
}

#[test]
fn methods_highlights_the_current_method() {
    for current in Method::ALL {
        let mut inputs = Inputs::default();
        inputs.method = current;
        let inputs = inputs.validate().unwrap();
        let by_method = gap_model::required_by_method(&inputs);
        let [chart, de, _] =
            in_all_languages(|lang| gap_charts::methods(&by_method, current, lang));
        assert_eq!(numbers(&chart, 0), by_method.map(|(_, v)| v).to_vec());
        let highlight = data(&chart, 1);
        for (i, (method, value)) in by_method.iter().enumerate() {
            let expected = (*method == current).then_some(*value);
            assert_eq!(highlight[i], expected, "{method:?}");
        }
        assert_eq!(series(&chart, 1)["barGap"], "-100%", "drawn over series 0");
        let rows = strings(&chart["yAxis"]["data"]);
        assert_eq!(rows.len(), 4);
        for (row, (method, _)) in rows.iter().zip(&by_method) {
            assert!(row.starts_with(gap_charts::method_label(*method, Lang::En)));
        }
        assert!(strings(&de["yAxis"]["data"])[3].starts_with("Kapitalrückfluss (DCF)"));
        assert_eq!(chart["yAxis"]["inverse"], true, "first method on top");
    }
}

#[test]
fn deepseek_prices_come_from_the_dataset() {
    // Demand that does not rebound (at elasticity 1 the cut changes nothing).
    let without = gap_model::run(&with(InputId::Elasticity, 0.5));
    let with_cut = gap_model::run(
        &article()
            .with(InputId::Elasticity, 0.5)
            .with(InputId::CostCut, 90.0)
            .validate()
            .unwrap(),
    );
    let [chart, de, _] =
        in_all_languages(|lang| gap_charts::deepseek(&with_cut, &without, 90.0, lang));
    let price = |id: &str| gap_data::figure(id).unwrap().amount.midpoint();
    assert_eq!(
        numbers(&chart, 0),
        [
            price("deepseek_input_price_per_mtok"),
            price("deepseek_output_price_per_mtok")
        ]
    );
    assert_eq!(
        numbers(&chart, 1),
        [
            price("o1_input_price_per_mtok"),
            price("o1_output_price_per_mtok")
        ]
    );
    assert_eq!(numbers(&chart, 0), [0.55, 2.19]);
    assert_eq!(numbers(&chart, 1), [15.0, 60.0]);

    let end = |o: &gap_model::Outcome| {
        let r = o.years.last().unwrap();
        vec![r.required, r.actual, r.gap]
    };
    assert_eq!(numbers(&chart, 2), end(&without));
    assert_eq!(numbers(&chart, 3), end(&with_cut));
    assert!(
        numbers(&chart, 3)[1] < numbers(&chart, 2)[1],
        "the cut lowers revenue when demand does not rebound"
    );
    // The cut acts from the year after the start: the base year is unchanged.
    assert_eq!(with_cut.base_required, without.base_required);

    let titles = all(&chart["title"]);
    assert_eq!(titles.len(), 3, "title and two panel headings");
    assert_eq!(
        titles[1]["text"],
        "API price per million tokens: DeepSeek ≈ 3.7\u{a0}% of o1"
    );
    assert_eq!(titles[2]["text"], "Cost cut of 90\u{a0}%, effect in 2035");
    assert_eq!(
        de["title"][1]["text"],
        "API-Preis pro Million Token: DeepSeek ≈ 3,7\u{a0}% von o1"
    );
    assert_eq!(all(&chart["grid"]).len(), 2);
    assert_eq!(chart["yAxis"][0]["type"], "value");
    assert_eq!(
        strings(&chart["xAxis"][1]["data"]),
        ["Required\nrevenue", "Actual\nrevenue", "Gap"]
    );
    for (i, axes) in [(0_usize, [0, 1]), (1, [2, 3])] {
        let index = Some(if i == 0 { 0.0 } else { 1.0 });
        assert_eq!(chart["xAxis"][i]["gridIndex"].as_f64(), index);
        assert_eq!(chart["yAxis"][i]["gridIndex"].as_f64(), index);
        for s in axes {
            assert_eq!(series(&chart, s)["xAxisIndex"].as_f64(), index);
            assert_eq!(series(&chart, s)["yAxisIndex"].as_f64(), index);
        }
    }
}

#[test]
fn drawdowns_are_curated() {
    for event in gap_charts::DRAWDOWNS {
        assert!(event.loss.is_some() || event.drop.is_some());
        if let Some(id) = event.loss {
            let f = gap_data::figure(id).unwrap_or_else(|| panic!("{id} exists"));
            assert_eq!(f.unit, gap_data::Unit::Usd, "{id}");
            assert!(f.date.is_some(), "{id} has a date");
            assert!(f.amount.low() > 0.0, "{id}");
        }
        if let Some((id, _)) = event.drop {
            let f = gap_data::figure(id).unwrap_or_else(|| panic!("{id} exists"));
            assert_eq!(f.unit, gap_data::Unit::Percent, "{id}");
            assert!(f.date.is_some(), "{id} has a date");
        }
        if let (Some(loss), Some((drop, _))) = (event.loss, event.drop) {
            let (a, b) = (
                gap_data::figure(loss).unwrap(),
                gap_data::figure(drop).unwrap(),
            );
            assert_eq!(a.date, b.date, "one event, one date: {loss} {drop}");
        }
        let drop = event.drop_percent();
        assert!(drop.is_none_or(|d| d > 0.0 && d < 100.0), "{drop:?}");
        assert!(!event.date().is_empty());
    }
}

#[test]
fn drawdowns_cover_every_dated_loss_and_drop_in_the_dataset() {
    // A second report of the same drop, contradicting the first.
    let left_out = ["palantir_share_drop_q3_results_restated"];
    let curated: Vec<&str> = gap_charts::DRAWDOWNS
        .iter()
        .flat_map(|d| [d.loss, d.drop.map(|(id, _)| id)])
        .flatten()
        .collect();
    for f in gap_data::FIGURES {
        let metric = f.metric.to_ascii_lowercase();
        let is_loss = f.unit == gap_data::Unit::Usd && metric.contains("market value loss");
        let is_drop = f.unit == gap_data::Unit::Percent
            && (metric.contains("drop") || metric.contains("relative to its peak"));
        if (is_loss || is_drop) && f.date.is_some() && !left_out.contains(&f.id) {
            assert!(curated.contains(&f.id), "{} is in DRAWDOWNS", f.id);
        }
    }
}

#[test]
fn drawdowns_chart_is_sorted_by_date_with_dataset_values() {
    let [chart, de, _] = in_all_languages(gap_charts::drawdowns);
    let events = gap_charts::drawdowns_by_date();
    let labels = strings(&chart["yAxis"]["data"]);
    assert_eq!(labels.len(), gap_charts::DRAWDOWNS.len());
    let dates: Vec<&str> = events.iter().map(|e| e.date()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    for (label, event) in labels.iter().zip(&events) {
        assert!(label.contains(&format!("({})", event.date())), "{label}");
    }
    assert_eq!(labels[0], "Nvidia, 1 day (2025-01-27)");
    assert_eq!(data(&chart, 0)[0], Some(600.0));
    assert_eq!(data(&chart, 1)[0], Some(17.0));
    assert_eq!(
        data(&chart, 0),
        events.iter().map(|e| e.loss_billions()).collect::<Vec<_>>()
    );
    assert_eq!(
        data(&chart, 1),
        events.iter().map(|e| e.drop_percent()).collect::<Vec<_>>()
    );
    let nvidia_range = labels
        .iter()
        .position(|l| l.contains("$500B – $600B"))
        .unwrap();
    assert_eq!(
        data(&chart, 0)[nvidia_range],
        Some(550.0),
        "a range is drawn at its midpoint"
    );
    let oracle = labels.iter().position(|l| l.starts_with("Oracle")).unwrap();
    assert_eq!(
        data(&chart, 1)[oracle],
        Some(50.0),
        "at 50 % of the peak is a 50 % drop"
    );
    assert_eq!(series(&chart, 1)["xAxisIndex"].as_f64(), Some(1.0));
    assert!(strings(&de["yAxis"]["data"])
        .iter()
        .any(|l| l.starts_with("Acht größte KI-Firmen")));
}

#[test]
fn tornado_bars_grow_from_the_base() {
    let inputs = defaults();
    let base = gap_model::run(&inputs).gap_pv;
    let bars = gap_model::tornado(&inputs, &Ranges::around(&inputs));
    assert!(bars.len() > 3);
    let [chart, de, _] = in_all_languages(|lang| gap_charts::tornado(&bars, base, lang));
    assert_eq!(
        numbers(&chart, 0),
        bars.iter().map(|b| b.pv_at_low - base).collect::<Vec<_>>()
    );
    assert_eq!(
        numbers(&chart, 1),
        bars.iter().map(|b| b.pv_at_high - base).collect::<Vec<_>>()
    );
    let rows = strings(&chart["yAxis"]["data"]);
    assert_eq!(rows.len(), bars.len());
    for (row, bar) in rows.iter().zip(&bars) {
        assert!(
            row.starts_with(gap_charts::input_label(bar.input, Lang::En)),
            "{row}"
        );
    }
    assert_eq!(chart["yAxis"]["inverse"], true, "largest swing on top");
    let growth = rows
        .iter()
        .find(|r| r.starts_with("AI revenue growth"))
        .unwrap();
    assert_eq!(*growth, "AI revenue growth (20–60 %/yr)");
    assert!(rows.contains(&"Capex growth (0–30 %/yr)"), "{rows:?}");
    assert!(
        rows.contains(&"AI infrastructure capex (450–550 $B/yr)"),
        "capex moves required revenue under direct: {rows:?}"
    );
    let de_rows = strings(&de["yAxis"]["data"]);
    assert!(
        de_rows.contains(&"Wachstum des KI-Umsatzes (20–60 %/Jahr)"),
        "{de_rows:?}"
    );
    let mark = &series(&chart, 0)["markLine"]["data"][0];
    assert_eq!(mark["xAxis"].as_f64(), Some(0.0));
    assert!(mark["label"]["formatter"]
        .as_str()
        .unwrap()
        .starts_with("Current: $"));
    assert_eq!(
        mark["label"]["position"], "start",
        "at the top of the inverted axis"
    );

    // No bars: an empty but valid chart.
    let empty = json(&gap_charts::tornado(&[], base, Lang::En));
    check_frame(&empty, Lang::En);
    assert_eq!(data(&empty, 0), [None]);
    assert_eq!(data(&empty, 1), [None]);
}

#[test]
fn sensitivity_bars_are_the_variance_shares_largest_on_top() {
    let inputs = defaults();
    let (mc, _) = uncertainty(&inputs, 10_000);
    assert!(mc.sensitivity.len() > 3);
    let [chart, de, _] = in_all_languages(|lang| gap_charts::sensitivity(&mc, lang));
    assert_eq!(
        numbers(&chart, 0),
        mc.sensitivity
            .iter()
            .map(|s| s.share * 100.0)
            .collect::<Vec<_>>()
    );
    let rows = strings(&chart["yAxis"]["data"]);
    assert_eq!(rows[0], "Capex growth");
    assert_eq!(rows.len(), mc.sensitivity.len());
    assert_eq!(chart["yAxis"]["inverse"], true, "largest share on top");
    assert_eq!(chart["xAxis"]["max"].as_f64(), Some(100.0));
    assert!(
        title(&chart).contains("10,000 scenarios"),
        "{}",
        title(&chart)
    );
    assert!(title(&de).contains("10.000 Szenarien"), "{}", title(&de));
    assert_eq!(series(&chart, 0)["id"], "variance-share");
    // Its table twin: one row per input, one column.
    let table = gap_charts::data_table(&gap_charts::sensitivity(&mc, Lang::En));
    assert_eq!(table.rows.len(), mc.sensitivity.len());
    assert_eq!(table.rows[0].0, "Capex growth");
    assert_eq!(table.rows[0].1, vec![Some(mc.sensitivity[0].share * 100.0)]);

    // Before the first run: a pending title and one blank row.
    let pending = json(&gap_charts::sensitivity(
        &gap_model::MonteCarlo::default(),
        Lang::En,
    ));
    check_frame(&pending, Lang::En);
    assert!(title(&pending).contains("being computed"));
    assert_eq!(data(&pending, 0), [None]);
}

#[test]
fn fan_bands_match_the_monte_carlo() {
    let inputs = defaults();
    let mc = gap_model::monte_carlo(
        &inputs,
        &Ranges::around(&inputs),
        2_000,
        gap_model::DEFAULT_SEED,
    );
    let [chart, ..] = in_all_languages(|lang| gap_charts::fan(&mc, lang));
    check_fan(&chart, &mc);
    assert!(
        title(&chart).contains("2,000 scenarios"),
        "{}",
        title(&chart)
    );
}

#[test]
fn fan_band_with_negative_p5_is_lifted_onto_the_hidden_axis() {
    let inputs = flat_with(InputId::Growth, 70.0);
    let mc = gap_model::monte_carlo(
        &inputs,
        &Ranges::around(&inputs),
        2_000,
        gap_model::DEFAULT_SEED,
    );
    assert!(
        mc.p5.iter().any(|&x| x < 0.0),
        "the scenario has negative gaps"
    );
    let chart = json(&gap_charts::fan(&mc, Lang::Nl));
    check_frame(&chart, Lang::Nl);
    assert!(gap_charts::band_axis(&mc).offset > 0.0);
    check_fan(&chart, &mc);
    let probability = numbers(&chart, 5);
    assert!(probability.last().unwrap() > &50.0, "{probability:?}");
}

#[test]
fn fan_without_draws_says_it_is_pending() {
    let chart = json(&gap_charts::fan(
        &gap_model::MonteCarlo::default(),
        Lang::De,
    ));
    check_frame(&chart, Lang::De);
    assert_eq!(title(&chart), texts(Lang::De).fan_pending);
    // Never an empty array: the app merges series by id, and a missing
    // `data` would keep the previous points.
    assert_eq!(strings(&chart["xAxis"]["data"]), [""]);
    for i in 0..6 {
        assert_eq!(data(&chart, i), [None]);
    }
}

fn check_fan(chart: &Value, mc: &gap_model::MonteCarlo) {
    let years: Vec<String> = mc.years.iter().map(i32::to_string).collect();
    assert_eq!(strings(&chart["xAxis"]["data"]), years);
    assert_eq!(numbers(chart, 0), mc.p50);
    assert_eq!(numbers(chart, 1), mc.p5);
    assert_eq!(numbers(chart, 2), mc.p95);
    let probability: Vec<f64> = mc.prob_breakeven_by.iter().map(|p| p * 100.0).collect();
    assert_eq!(numbers(chart, 5), probability);
    assert_eq!(series(chart, 5)["yAxisIndex"].as_f64(), Some(1.0));

    let axis = gap_charts::band_axis(mc);
    let (base, band) = (numbers(chart, 3), numbers(chart, 4));
    for s in [3, 4] {
        assert_eq!(series(chart, s)["yAxisIndex"].as_f64(), Some(2.0));
        assert_eq!(series(chart, s)["stack"], "band");
    }
    let y = all(&chart["yAxis"]);
    assert_eq!(y[0]["min"].as_f64(), Some(axis.min));
    assert_eq!(y[0]["max"].as_f64(), Some(axis.max));
    assert_eq!(y[2]["min"].as_f64(), Some(axis.min + axis.offset));
    assert_eq!(y[2]["max"].as_f64(), Some(axis.max + axis.offset));
    assert_eq!(y[2]["show"], false);
    assert_eq!(y[1]["min"].as_f64(), Some(0.0));
    assert_eq!(y[1]["max"].as_f64(), Some(100.0));
    for i in 0..mc.years.len() {
        // Same-sign stacking needs a positive base and a non-negative band.
        assert!(base[i] > 0.0 && band[i] >= 0.0, "year {}", mc.years[i]);
        assert!(close(base[i] - axis.offset, mc.p5[i]));
        assert!(close(base[i] + band[i] - axis.offset, mc.p95[i]));
        assert!(axis.min <= mc.p5[i] && mc.p95[i] <= axis.max);
    }
}

#[test]
fn gap_bars_keeps_the_foundation_contract() {
    let chart = json(&gap_charts::gap_bars(1200.0, 55.0));
    assert_eq!(numbers(&chart, 0), [1200.0, 55.0]);
    assert_eq!(chart["aria"]["enabled"], true);
}

#[test]
fn no_chart_holds_javascript() {
    let inputs = defaults();
    for lang in Lang::ALL {
        let charts = support::every_chart(&inputs, 200, lang)
            .into_iter()
            .map(|(_, chart)| chart);
        for chart in charts.chain([gap_charts::gap_bars(2000.0, 55.0)]) {
            let value = json(&chart);
            support::assert_no_js(&value, "$");
            // Brace templates are ECharts' own ({c}); nothing else uses braces.
            let text = value.to_string();
            for (i, _) in text.match_indices('{') {
                let rest = &text[i..];
                assert!(
                    rest.starts_with("{\"") || rest.starts_with("{}") || rest.starts_with("{c}"),
                    "stray brace: {}",
                    &rest[..rest.len().min(40)]
                );
            }
        }
    }
}

#[test]
fn the_formatter_check_catches_javascript() {
    let bad = serde_json::json!({"tooltip": {"formatter": "function (p) { return p; }"}});
    assert!(std::panic::catch_unwind(|| support::assert_no_js(&bad, "$")).is_err());
    let arrow = serde_json::json!({"series": [{"label": {"formatter": "(p) => p.value"}}]});
    assert!(std::panic::catch_unwind(|| support::assert_no_js(&arrow, "$")).is_err());
    let ok = serde_json::json!({"label": {"formatter": "{b}: {c}"}});
    support::assert_no_js(&ok, "$");
}

#[test]
fn the_option_carries_the_description_and_readable_axis_labels() {
    let outcome = gap_model::run(&defaults());
    let chart = gap_charts::gap(&outcome, Some((50.0, 60.0)), Lang::De);
    let description = "Balkendiagramm: ein Test";
    let option: Value = serde_json::from_str(
        &gap_charts::option_json(&chart, description, &gap_charts::Container::UNSIZED).unwrap(),
    )
    .unwrap();
    assert_eq!(option["aria"]["enabled"], true);
    assert_eq!(option["aria"]["label"]["description"], description);
    let axes: Vec<&Value> = all(&option["xAxis"])
        .into_iter()
        .chain(all(&option["yAxis"]))
        .collect();
    assert!(axes.len() >= 2, "the gap chart has an x and a y axis");
    for axis in axes {
        assert_eq!(
            axis["axisLabel"]["lineHeight"],
            gap_charts::AXIS_LABEL_LINE_HEIGHT
        );
    }
    // Everything else is the chart as charming writes it.
    let strip = |mut value: Value| {
        let root = value.as_object_mut().unwrap();
        root.remove("aria");
        for key in ["xAxis", "yAxis"] {
            let axes = match root.get_mut(key) {
                Some(Value::Array(axes)) => axes.iter_mut().collect(),
                Some(axis) => vec![axis],
                None => Vec::new(),
            };
            for axis in axes {
                let axis = axis.as_object_mut().unwrap();
                if let Some(label) = axis.get_mut("axisLabel").and_then(Value::as_object_mut) {
                    label.remove("lineHeight");
                    if label.is_empty() {
                        axis.remove("axisLabel");
                    }
                }
            }
        }
        value
    };
    assert_eq!(strip(json(&chart)), strip(option));
}

/// ECharts drops a series type or component that the bundle did not
/// register, silently; a registered one nobody uses is weight for nothing.
#[test]
fn the_echarts_bundle_registers_exactly_what_the_charts_use() {
    let entry = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/echarts-entry.js"
    ))
    .expect("web/echarts-entry.js is readable");
    let registered: std::collections::BTreeSet<String> = entry
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| word.ends_with("Chart") || word.ends_with("Component"))
        .map(str::to_owned)
        .collect();

    // One run with a break-even (mark line) and a cost cut, and one without.
    let closing = with(InputId::Growth, 80.0);
    let mut used = std::collections::BTreeSet::new();
    for inputs in [defaults(), closing, with(InputId::CostCut, 90.0)] {
        let charts = support::every_chart(&inputs, 200, Lang::En);
        for (_, chart) in &charts {
            let option: Value = serde_json::from_str(
                &gap_charts::option_json(chart, "test", &gap_charts::Container::UNSIZED).unwrap(),
            )
            .unwrap();
            for (key, component) in [
                ("title", "TitleComponent"),
                // The plain legend alone (it wraps; no chart pages one).
                ("legend", "LegendPlainComponent"),
                ("tooltip", "TooltipComponent"),
                ("grid", "GridComponent"),
                ("aria", "AriaComponent"),
                ("dataZoom", "DataZoomComponent"),
                ("visualMap", "VisualMapComponent"),
            ] {
                if !option[key].is_null() {
                    used.insert(component.to_owned());
                }
            }
            for series in all(&option["series"]) {
                let kind = series["type"].as_str().expect("every series has a type");
                let mut name = kind[..1].to_uppercase() + &kind[1..];
                name.push_str("Chart");
                used.insert(name);
                for (key, component) in [
                    ("markLine", "MarkLineComponent"),
                    ("markArea", "MarkAreaComponent"),
                    ("markPoint", "MarkPointComponent"),
                ] {
                    if !series[key].is_null() {
                        used.insert(component.to_owned());
                    }
                }
            }
        }
    }
    assert_eq!(used, registered);
}

/// `ChartId::needs` is what the app tracks, so a chart must not read
/// anything else: built with every part it does not need swapped for
/// another state's, each chart is the same.
#[test]
fn every_chart_reads_only_what_it_needs() {
    let inputs = defaults();
    // Another state in every input a chart reads (and another method).
    let mut other = gap_model::Inputs::default()
        .with(InputId::Growth, 80.0)
        .with(InputId::Revenue, 90.0)
        .with(InputId::Capex, 700.0)
        .with(InputId::CostCut, 50.0);
    other.method = Method::Bain;
    let other_inputs = other.validate().unwrap();
    let outcome = gap_model::run(&inputs);
    let other_outcome = gap_model::run(&other_inputs);
    let ranges = Ranges::around(&inputs);
    let other_ranges = Ranges::around(&other_inputs);
    let mc = gap_model::monte_carlo(&inputs, &ranges, 200, 1);
    let other_mc = gap_model::monte_carlo(&other_inputs, &other_ranges, 300, 2);
    for id in gap_charts::ChartId::ALL {
        let needs = id.needs();
        let data = gap_charts::ChartData {
            inputs: &inputs,
            outcome: &outcome,
            ranges: &ranges,
            monte_carlo: Some(&mc),
        };
        let swapped = gap_charts::ChartData {
            inputs: if needs.inputs { &inputs } else { &other_inputs },
            outcome: if needs.outcome {
                &outcome
            } else {
                &other_outcome
            },
            ranges: if needs.ranges { &ranges } else { &other_ranges },
            monte_carlo: Some(if needs.monte_carlo { &mc } else { &other_mc }),
        };
        assert_eq!(
            json(&id.build(&data, Lang::En)),
            json(&id.build(&swapped, Lang::En)),
            "{id:?} reads state its needs() leaves out"
        );
    }
}

/// Every figure an input cites exists: its default's, and the ones that
/// contest a public source or an assumption, which come in pairs that the
/// dataset itself marks as contradicting each other.
#[test]
fn inputs_cite_figures_that_exist() {
    for id in gap_model::InputId::ALL {
        if let gap_model::Provenance::Figure(figure) = id.spec().provenance {
            assert!(gap_data::figure(figure).is_some(), "{id:?}: {figure}");
            assert!(
                id.contested_by().is_empty(),
                "{id:?}: its figure's own conflicts are shown"
            );
        }
        let contested = id.contested_by();
        for figure in contested {
            let f = gap_data::figure(figure).unwrap_or_else(|| panic!("{id:?}: {figure} exists"));
            assert!(
                f.conflicts_with
                    .iter()
                    .any(|other| contested.contains(other)),
                "{id:?}: {figure} contradicts another of the list"
            );
            // The argument for the default names the figures it weighs.
            if let gap_model::Provenance::Public(text) | gap_model::Provenance::Assumption(text) =
                id.spec().provenance
            {
                assert!(text.contains(figure), "{id:?}: its argument names {figure}");
            }
        }
    }
}

/// A subtitle names its sources as a reader knows them (article, outlet,
/// date), never a file of the repository.
#[test]
fn subtitles_name_sources_in_words_not_files() {
    for lang in Lang::ALL {
        for (id, chart) in support::every_chart(&defaults(), 50, lang) {
            let chart = json(&chart);
            let note = subtext(&chart);
            assert!(
                !note.contains(".md") && !note.contains("docs/"),
                "{lang:?} {id:?}: {note}"
            );
        }
    }
}
