//! Options fitted to their container: what a phone (390 px wide cards make
//! charts of about 350 px) gets that a desktop does not.

mod support;

use gap_charts::{option_json, Container, Lang, NARROW_WIDTH};
use gap_model::Inputs;
use serde_json::Value;

const PHONE: f64 = 354.0;
const DESKTOP: f64 = 1000.0;

fn charts() -> Vec<(&'static str, charming::Chart)> {
    let inputs = Inputs::default().validate().expect("defaults are valid");
    support::every_chart(&inputs, 200, Lang::En)
        .into_iter()
        .map(|(id, chart)| (id.name(), chart))
        .collect()
}

fn fitted(chart: &charming::Chart, (width, height): (f64, f64)) -> Value {
    let container = Container::estimated(width, height);
    serde_json::from_str(&option_json(chart, "test", &container).expect("serializes"))
        .expect("JSON")
}

fn chart(name: &str) -> charming::Chart {
    charts()
        .into_iter()
        .find(|(candidate, _)| *candidate == name)
        .map(|(_, chart)| chart)
        .expect("a chart of that name")
}

fn list(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

#[test]
fn no_size_leaves_the_layout_as_built() {
    for (name, chart) in charts() {
        let option = fitted(&chart, (0.0, 0.0));
        assert!(option["title"][0]["textStyle"]["width"].is_null(), "{name}");
        for size in [(f64::NAN, 300.0), (-1.0, 300.0), (300.0, f64::INFINITY)] {
            assert_eq!(fitted(&chart, size), option, "{name} at {size:?}");
        }
    }
}

#[test]
fn titles_wrap_at_the_container_width_and_push_the_plot_down() {
    let chart = chart("gap_over_time");
    let built = fitted(&chart, (0.0, 0.0));
    let wide = fitted(&chart, (DESKTOP, 360.0));
    let phone = fitted(&chart, (PHONE, 320.0));
    let style = &phone["title"][0]["textStyle"];
    assert_eq!(style["overflow"], "break");
    assert_eq!(style["width"], PHONE - 8.0 - 8.0);
    assert_eq!(phone["title"][0]["subtextStyle"]["overflow"], "break");
    let top = |option: &Value| option["grid"][0]["top"].as_f64().unwrap();
    assert_eq!(
        top(&wide),
        top(&built),
        "one line each on a desktop: nothing moves"
    );
    // "Revenue needed vs. earned, 2026–2035: no break-even by 2035" takes two
    // lines at 338 px, the source note two.
    assert_eq!(top(&phone), top(&built) + 19.0 + 15.0);
}

#[test]
fn narrow_category_labels_wrap_and_value_axes_get_fewer_ticks() {
    let gap = fitted(&chart("gap"), (PHONE, 320.0));
    let label = &gap["xAxis"]["axisLabel"];
    assert_eq!(label["overflow"], "break");
    let width = label["width"].as_f64().unwrap();
    assert!(
        width > 24.0 && width * 3.0 < PHONE,
        "three categories share the width: {width}"
    );
    assert!(fitted(&chart("gap"), (DESKTOP, 360.0))["xAxis"]["axisLabel"]["width"].is_null());

    let drawdowns = fitted(&chart("drawdowns"), (PHONE, 680.0));
    let label = &drawdowns["yAxis"]["axisLabel"];
    assert_eq!(label["overflow"], "break");
    let share = label["width"].as_f64().unwrap() / (PHONE - 12.0 - 44.0);
    assert!(
        (0.44..=0.71).contains(&share),
        "y labels take {share} of the plot"
    );
    for axis in list(&drawdowns["xAxis"]) {
        assert_eq!(axis["splitNumber"], 3, "{axis}");
    }
}

#[test]
fn deepseek_stacks_its_two_plots_when_narrow() {
    let chart = chart("deepseek");
    let wide = fitted(&chart, (DESKTOP, 360.0));
    assert_eq!(wide["grid"][0]["right"], "54%", "side by side on a desktop");

    let (width, height) = (PHONE, 600.0);
    let phone = fitted(&chart, (width, height));
    let grids = list(&phone["grid"]);
    let titles = list(&phone["title"]);
    let number = |value: &Value| {
        value
            .as_f64()
            .unwrap_or_else(|| panic!("a number: {value}"))
    };
    for grid in &grids {
        assert_eq!(grid["left"], 12);
        assert_eq!(grid["right"], 24);
        assert!(grid["bottom"].is_null());
    }
    let (top0, height0) = (number(&grids[0]["top"]), number(&grids[0]["height"]));
    let (top1, height1) = (number(&grids[1]["top"]), number(&grids[1]["height"]));
    assert!(height0 >= 90.0 && (height0 - height1).abs() < 1e-9);
    assert!(
        number(&titles[1]["top"]) < top0,
        "first caption above the first plot"
    );
    let second_caption = number(&titles[2]["top"]);
    assert!(top0 + height0 < second_caption && second_caption < top1);
    assert!(
        top1 + height1 <= height - 60.0 + 1e-9,
        "room for the legend"
    );

    let short = fitted(&chart, (PHONE, 320.0));
    assert_eq!(
        short["grid"][0]["right"], "54%",
        "too short to stack: as built"
    );
}

#[test]
fn every_chart_keeps_its_plots_inside_the_container_at_any_size() {
    for (name, chart) in charts() {
        for width in [
            240.0,
            320.0,
            PHONE,
            420.0,
            NARROW_WIDTH - 1.0,
            NARROW_WIDTH,
            800.0,
            1400.0,
        ] {
            for height in [280.0, 320.0, 360.0, 440.0, 600.0] {
                let option = fitted(&chart, (width, height));
                for grid in list(&option["grid"]) {
                    let top = grid["top"].as_f64().expect("a top in px");
                    assert!(
                        top.is_finite() && top > 0.0,
                        "{name} {width}×{height}: {grid}"
                    );
                    if let Some(plot) = grid["height"].as_f64() {
                        assert!(top + plot <= height, "{name} {width}×{height}: {grid}");
                    }
                }
                for axis in list(&option["xAxis"]).iter().chain(&list(&option["yAxis"])) {
                    if let Some(label_width) = axis["axisLabel"]["width"].as_f64() {
                        assert!(
                            label_width >= 24.0 && label_width < width,
                            "{name} {width}×{height}: {axis}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_source_note_under_an_empty_title_still_pushes_the_plot_down() {
    // About 70 characters: two lines at 284 px.
    let note = "Source: an article of 2 Feb 2026 and a second one of 10 Nov 2025, here";
    let mut option = serde_json::json!({
        "title": [{ "text": "", "subtext": note, "left": 8 }],
        "grid": [{ "top": 84, "bottom": 60 }],
    });
    gap_charts::fit_to_size(&mut option, &Container::estimated(300.0, 300.0));
    assert_eq!(option["grid"][0]["top"], 84.0 + 15.0, "{option}");

    let mut untitled = serde_json::json!({ "grid": [{ "top": 84, "bottom": 60 }] });
    gap_charts::fit_to_size(&mut untitled, &Container::estimated(300.0, 300.0));
    assert_eq!(untitled["grid"][0]["top"], 84, "{untitled}");
}

/// Every text a given width per character, to see the layout follow it.
struct Monospace(f64);

impl gap_charts::TextWidth for Monospace {
    fn width(&self, text: &str, _font_size: f64, _bold: bool) -> f64 {
        text.chars().count() as f64 * self.0
    }
}

#[test]
fn the_wrapping_follows_the_containers_text_widths() {
    let chart = chart("gap_over_time");
    let top = |glyph: f64| {
        let container = Container {
            width: PHONE,
            height: 320.0,
            text: &Monospace(glyph),
        };
        let option: Value =
            serde_json::from_str(&option_json(&chart, "test", &container).unwrap()).unwrap();
        option["grid"][0]["top"].as_f64().unwrap()
    };
    let built = fitted(&chart, (0.0, 0.0))["grid"][0]["top"]
        .as_f64()
        .unwrap();
    assert_eq!(top(0.1), built, "texts that narrow fit on one line each");
    assert!(
        top(4.0) < top(8.0),
        "wider glyphs, more lines, a lower plot"
    );
}

#[test]
fn legends_wrap_on_a_phone_instead_of_paging() {
    for (name, chart) in charts() {
        for size in [(DESKTOP, 500.0), (PHONE, 500.0)] {
            for legend in list(&fitted(&chart, size)["legend"]) {
                // ECharts' default, the plain legend, wraps; "scroll" pages.
                assert!(legend.get("type").is_none(), "{name}: no pager");
            }
        }
    }
    // The gap-over-time chart's four entries take two lines at 354 px: its
    // plot ends a line higher.
    let chart = chart("gap_over_time");
    let bottom = |option: &Value| list(&option["grid"])[0]["bottom"].as_f64().unwrap();
    let (desktop, phone) = (
        fitted(&chart, (DESKTOP, 500.0)),
        fitted(&chart, (PHONE, 500.0)),
    );
    assert!(
        bottom(&phone) > bottom(&desktop),
        "{} {}",
        bottom(&phone),
        bottom(&desktop)
    );
}

#[test]
fn side_by_side_captions_wrap_and_words_stay_whole_in_a_small_card() {
    // A desktop's three-column card: too short to stack DeepSeek's plots.
    let chart = chart("deepseek");
    let option = fitted(&chart, (490.0, 320.0));
    let titles = list(&option["title"]);
    assert_eq!(titles.len(), 3);
    for caption in &titles[1..] {
        let width = caption["textStyle"]["width"]
            .as_f64()
            .expect("a wrap width");
        assert!(width <= 245.0, "{width}");
        assert_eq!(caption["textStyle"]["overflow"], "break");
    }
    let built: Value =
        serde_json::from_str(&option_json(&chart, "test", &Container::UNSIZED).unwrap()).unwrap();
    let top = |option: &Value| list(&option["grid"])[0]["top"].as_f64().unwrap();
    assert!(
        top(&option) > top(&built),
        "the plots move below the wrapped captions"
    );
    // "Required" fits its category's label width whole.
    let required = gap_charts::TextWidth::width(&gap_charts::Estimate, "Required", 12.0, false);
    for axis in list(&option["xAxis"]) {
        if let Some(width) = axis["axisLabel"]["width"].as_f64() {
            assert!(width >= required.floor(), "{width} < {required}");
        }
    }
    // A narrow value axis drops ticks that would touch.
    let tornado = fitted(&self::chart("tornado"), (PHONE, 440.0));
    assert_eq!(list(&tornado["xAxis"])[0]["axisLabel"]["hideOverlap"], true);
}
