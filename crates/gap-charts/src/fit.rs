//! Fitting an option to its container. ECharts neither wraps a title nor
//! shrinks category labels: in a phone's or a narrow embed's chart, long
//! titles run off the canvas, the gap chart's labels run into each other,
//! and a y-axis of long labels leaves no room for the bars. The builders
//! describe one layout; this adapts it to the container's size in px.

use serde_json::{json, Map, Value};

/// How wide a text is drawn, in px: the browser measures it with a canvas;
/// elsewhere [`Estimate`] stands in.
pub trait TextWidth {
    fn width(&self, text: &str, font_size: f64, bold: bool) -> f64;
}

/// Average glyph widths as a share of the font size, on the wide side of
/// DejaVu Sans, so that an estimate errs towards more lines (a little more
/// space) rather than fewer (text over the plot).
pub struct Estimate;

impl TextWidth for Estimate {
    fn width(&self, text: &str, font_size: f64, bold: bool) -> f64 {
        let glyph = if bold { 0.62 } else { 0.56 };
        text.chars().count() as f64 * font_size * glyph
    }
}

/// The box a chart is drawn in: its size in px and how its texts measure.
pub struct Container<'a> {
    pub width: f64,
    pub height: f64,
    pub text: &'a dyn TextWidth,
}

impl Container<'static> {
    /// No size: the option stays as built.
    pub const UNSIZED: Container<'static> = Container {
        width: 0.0,
        height: 0.0,
        text: &Estimate,
    };

    /// A `width` × `height` px box whose texts are estimated.
    #[must_use]
    pub fn estimated(width: f64, height: f64) -> Container<'static> {
        Container {
            width,
            height,
            text: &Estimate,
        }
    }
}

/// Below this container width (px) a chart counts as narrow: category
/// labels get a width to wrap at, and two side-by-side plots are stacked.
pub const NARROW_WIDTH: f64 = 600.0;

/// ECharts' default title and subtext font sizes, for a title that sets none.
const TITLE_FONT: f64 = 18.0;
const SUBTEXT_FONT: f64 = 12.0;
/// What a title keeps free to its right.
const TITLE_RIGHT: f64 = 8.0;
/// Room from a plot's caption to its grid: the y-axis name sits in it.
const CAPTION_TO_GRID: f64 = 37.0;
/// Space between the first stacked plot (its labels) and the second caption.
const PLOT_GAP: f64 = 16.0;
/// The smallest plot height worth stacking two plots for.
const MIN_STACKED_PLOT: f64 = 90.0;
/// Shares of a narrow plot's width that y-axis category labels may take,
/// tried in turn until the tallest wrapped label fits its category's band.
const Y_LABEL_SHARES: [f64; 6] = [0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const AXIS_LABEL_FONT: f64 = 12.0;
/// Room below a plot for the x-axis' labels and name (px).
const X_AXIS_ROOM: f64 = 50.0;
/// Value-axis ticks on a narrow horizontal axis: more would overlap.
const NARROW_SPLIT_NUMBER: u32 = 3;
/// Room a value axis' tick labels take beside a plot (px).
const VALUE_LABELS: f64 = 48.0;

/// Adapts `option` (a serialized chart) to a `width` × `height` px container:
/// the main title and its source note wrap at the container's width and the
/// plots move down by the lines that adds; on a narrow container category
/// labels wrap at the width they have, and two side-by-side plots are
/// stacked. Leaves the option as it is for a size that is not positive.
pub fn fit_to_size(option: &mut Value, container: &Container) {
    let Container {
        width,
        height,
        text,
    } = *container;
    if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
        return;
    }
    let Some(root) = option.as_object_mut() else {
        return;
    };
    let extra = wrap_main_title(root, width, text);
    let narrow = width < NARROW_WIDTH;
    let stacked = narrow && stack_two_plots(root, container, extra);
    if !stacked {
        let captions = wrap_side_by_side_captions(root, container);
        shift_down(root, extra);
        shift_grids_down(root, captions);
    }
    if narrow {
        limit_category_labels(root, container);
        wrap_legend(root, container);
    }
}

/// ECharts' legend item: icon, gap to its text, gap to the next item (px).
const LEGEND_ICON: f64 = 25.0 + 5.0;
const LEGEND_ITEM_GAP: f64 = 10.0;
const LEGEND_FONT: f64 = 12.0;
const LEGEND_LINE: f64 = 24.0;

/// On a narrow container the legend wraps onto more lines (ECharts' plain
/// legend does): every plot ends higher by the lines it adds.
fn wrap_legend(root: &mut Map<String, Value>, container: &Container) {
    let room = (container.width - 2.0 * TITLE_RIGHT).max(1.0);
    let mut extra = 0.0;
    for legend in entries_mut(root, "legend") {
        let names = legend.get("data").and_then(Value::as_array).cloned();
        let (mut rows, mut used) = (1.0, 0.0);
        // An entry is a name or `{ "name": … }`.
        let named = |entry: &Value| {
            entry
                .as_str()
                .or_else(|| entry.get("name").and_then(Value::as_str))
                .map(str::to_owned)
        };
        for name in names.iter().flatten().filter_map(named) {
            let item = LEGEND_ICON + container.text.width(&name, LEGEND_FONT, false);
            if used > 0.0 && used + LEGEND_ITEM_GAP + item > room {
                rows += 1.0;
                used = item;
            } else {
                used += if used > 0.0 {
                    LEGEND_ITEM_GAP + item
                } else {
                    item
                };
            }
        }
        extra = f64::max(extra, (rows - 1.0) * LEGEND_LINE);
    }
    if extra > 0.0 {
        for grid in entries_mut(root, "grid") {
            add_to(grid, "bottom", extra);
        }
    }
}

/// Sets the wrap width of the first title and its subtext; returns how much
/// taller (px) the wrapped lines make it.
fn wrap_main_title(root: &mut Map<String, Value>, width: f64, text: &dyn TextWidth) -> f64 {
    let Some(title) = entries_mut(root, "title").into_iter().next() else {
        return 0.0;
    };
    let left = title.get("left").and_then(Value::as_f64).unwrap_or(0.0);
    let room = (width - left - TITLE_RIGHT).max(1.0);
    let title_font = font_size(title, "textStyle", TITLE_FONT);
    let subtext_font = font_size(title, "subtextStyle", SUBTEXT_FONT);
    let text_lines = lines(text_of(title, "text"), room, &|line| {
        text.width(line, title_font, true)
    });
    let subtext_lines = lines(text_of(title, "subtext"), room, &|line| {
        text.width(line, subtext_font, false)
    });
    merge(
        title,
        "textStyle",
        json!({ "width": room, "overflow": "break", "lineHeight": line_height(title_font) }),
    );
    merge(
        title,
        "subtextStyle",
        json!({ "width": room, "overflow": "break", "lineHeight": line_height(subtext_font) }),
    );
    (text_lines - 1.0).max(0.0) * line_height(title_font)
        + (subtext_lines - 1.0).max(0.0) * line_height(subtext_font)
}

/// Two captions side by side (titles after the first, each over its own
/// plot) wrap at the half of the width they have, instead of running into
/// each other; returns how much taller (px) the longest makes them.
fn wrap_side_by_side_captions(root: &mut Map<String, Value>, container: &Container) -> f64 {
    let mut captions = entries_mut(root, "title");
    if captions.len() != 3 {
        return 0.0;
    }
    let room = (container.width / 2.0 - 2.0 * TITLE_RIGHT).max(1.0);
    let mut extra: f64 = 0.0;
    for caption in captions.iter_mut().skip(1) {
        let font = font_size(caption, "textStyle", SUBTEXT_FONT);
        let count = lines(text_of(caption, "text"), room, &|line| {
            container.text.width(line, font, true)
        });
        merge(
            caption,
            "textStyle",
            json!({ "width": room, "overflow": "break", "lineHeight": line_height(font) }),
        );
        extra = extra.max((count - 1.0).max(0.0) * line_height(font));
    }
    extra
}

/// Moves every grid down by `extra` px.
fn shift_grids_down(root: &mut Map<String, Value>, extra: f64) {
    if extra <= 0.0 {
        return;
    }
    for grid in entries_mut(root, "grid") {
        add_to(grid, "top", extra);
    }
}

/// Moves every grid and every caption title (all titles but the first)
/// down by `extra` px.
fn shift_down(root: &mut Map<String, Value>, extra: f64) {
    if extra <= 0.0 {
        return;
    }
    for grid in entries_mut(root, "grid") {
        add_to(grid, "top", extra);
    }
    for caption in entries_mut(root, "title").into_iter().skip(1) {
        add_to(caption, "top", extra);
    }
}

/// Two plots side by side, each with a caption title, become two full-width
/// plots one above the other (each caption above its plot). Returns whether
/// it stacked them: not for other layouts, nor in a container too short.
fn stack_two_plots(root: &mut Map<String, Value>, container: &Container, extra: f64) -> bool {
    let (width, height, text) = (container.width, container.height, container.text);
    let room = (width - 2.0 * TITLE_RIGHT).max(1.0);
    let (first_grid_top, second_caption_top, second_grid_top, first_caption_top, plot) = {
        let grids = entries(root, "grid");
        let titles = entries(root, "title");
        let [first_grid, _] = grids.as_slice() else {
            return false;
        };
        let [_, first_caption, second_caption] = titles.as_slice() else {
            return false;
        };
        let Some(first_top) = first_caption.get("top").and_then(Value::as_f64) else {
            return false;
        };
        let bottom = first_grid
            .get("bottom")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        let caption_height = |caption: &Map<String, Value>| {
            let font = font_size(caption, "textStyle", SUBTEXT_FONT);
            lines(text_of(caption, "text"), room, &|line| {
                text.width(line, font, true)
            }) * line_height(font)
        };
        let first_caption_top = first_top + extra;
        let second_height = caption_height(second_caption);
        let first_grid_top = first_caption_top + caption_height(first_caption) + CAPTION_TO_GRID;
        let plot =
            (height - bottom - first_grid_top - second_height - CAPTION_TO_GRID - PLOT_GAP) / 2.0;
        if plot < MIN_STACKED_PLOT {
            return false;
        }
        let second_caption_top = first_grid_top + plot + PLOT_GAP;
        let second_grid_top = second_caption_top + second_height + CAPTION_TO_GRID;
        (
            first_grid_top,
            second_caption_top,
            second_grid_top,
            first_caption_top,
            plot,
        )
    };

    let mut grids = entries_mut(root, "grid");
    for (grid, top) in grids.iter_mut().zip([first_grid_top, second_grid_top]) {
        grid.insert("left".to_owned(), json!(12));
        grid.insert("right".to_owned(), json!(24));
        grid.insert("top".to_owned(), json!(top));
        grid.insert("height".to_owned(), json!(plot));
        grid.remove("bottom");
    }
    let mut titles = entries_mut(root, "title");
    for (caption, top) in titles
        .iter_mut()
        .skip(1)
        .zip([first_caption_top, second_caption_top])
    {
        caption.insert("left".to_owned(), json!(TITLE_RIGHT));
        caption.insert("top".to_owned(), json!(top));
        merge(
            caption,
            "textStyle",
            json!({ "width": room, "overflow": "break" }),
        );
    }
    true
}

/// Category labels shown in full (`interval: 0`) wrap: on an x-axis at the
/// width each category has, on a y-axis at the smallest share of the plot's
/// width at which the tallest fits its category's band. Horizontal value
/// axes get fewer ticks.
fn limit_category_labels(root: &mut Map<String, Value>, container: &Container) {
    let (width, height, text) = (container.width, container.height, container.text);
    let plots: Vec<(f64, f64)> = entries(root, "grid")
        .into_iter()
        .map(|grid| (plot_width(grid, width), plot_height(grid, height)))
        .collect();
    for (key, horizontal) in [("xAxis", true), ("yAxis", false)] {
        for axis in entries_mut(root, key) {
            match axis.get("type").and_then(Value::as_str) {
                Some("value") if horizontal => {
                    axis.entry("splitNumber")
                        .or_insert(json!(NARROW_SPLIT_NUMBER));
                    // Ticks that would still touch ("3,0006,000") are dropped.
                    merge(axis, "axisLabel", json!({ "hideOverlap": true }));
                    continue;
                }
                Some("category") => {}
                _ => continue,
            }
            let shows_all = axis
                .get("axisLabel")
                .and_then(|label| label.get("interval"))
                .and_then(Value::as_f64)
                == Some(0.0);
            let labels: Vec<&str> = axis
                .get("data")
                .and_then(Value::as_array)
                .map(|data| {
                    data.iter()
                        .map(|item| item.as_str().unwrap_or_default())
                        .collect()
                })
                .unwrap_or_default();
            if !shows_all || labels.is_empty() {
                continue;
            }
            let grid = axis.get("gridIndex").and_then(Value::as_f64).unwrap_or(0.0) as usize;
            let (plot_width, plot_height) = plots.get(grid).copied().unwrap_or((width, height));
            let label_width = if horizontal {
                // Wide enough for the longest word: "Required" must not
                // break into "Require / d".
                let widest_word = labels
                    .iter()
                    .flat_map(|label| label.split([' ', '\n']))
                    .map(|word| text.width(word, AXIS_LABEL_FONT, false))
                    .fold(0.0, f64::max);
                ((plot_width - VALUE_LABELS) / labels.len() as f64 - 6.0).max(widest_word.ceil())
            } else {
                let measure = |line: &str| text.width(line, AXIS_LABEL_FONT, false);
                // Each label has its category's band; the tallest must fit it.
                let band = plot_height / labels.len() as f64;
                let fits = |share: f64| {
                    let tallest = labels
                        .iter()
                        .map(|label| lines(label, plot_width * share, &measure))
                        .fold(0.0, f64::max);
                    tallest * crate::option::AXIS_LABEL_LINE_HEIGHT <= band
                };
                let share = Y_LABEL_SHARES
                    .into_iter()
                    .find(|share| fits(*share))
                    .unwrap_or(Y_LABEL_SHARES[Y_LABEL_SHARES.len() - 1]);
                plot_width * share
            };
            merge(
                axis,
                "axisLabel",
                json!({ "width": label_width.floor().max(24.0), "overflow": "break" }),
            );
        }
    }
}

/// The height (px) a grid leaves its plot, x-axis room taken off.
fn plot_height(grid: &Map<String, Value>, height: f64) -> f64 {
    let top = grid.get("top").and_then(Value::as_f64).unwrap_or(0.0);
    let bottom = grid.get("bottom").and_then(Value::as_f64).unwrap_or(0.0);
    match grid.get("height").and_then(Value::as_f64) {
        Some(plot) => plot - X_AXIS_ROOM,
        None => height - top - bottom - X_AXIS_ROOM,
    }
    .max(0.0)
}

/// A grid's width in px from its `left` and `right` (numbers or "n%").
fn plot_width(grid: &Map<String, Value>, width: f64) -> f64 {
    let inset = |key: &str| match grid.get(key) {
        Some(Value::Number(px)) => px.as_f64().unwrap_or(0.0),
        Some(Value::String(text)) => text
            .strip_suffix('%')
            .and_then(|share| share.trim().parse::<f64>().ok())
            .map_or(0.0, |share| width * share / 100.0),
        _ => 0.0,
    };
    (width - inset("left") - inset("right")).max(1.0)
}

/// How many lines `text` takes wrapped at `room` px as ECharts' `break`
/// wraps it: words kept whole, a word wider than a line broken inside, and
/// widths summed character by character, as ECharts' renderer measures
/// them (a little wider than the word drawn at once).
fn lines(text: &str, room: f64, char_width: &dyn Fn(&str) -> f64) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    let mut buffer = [0_u8; 4];
    let mut width = |word: &str| -> f64 {
        word.chars()
            .map(|c| char_width(c.encode_utf8(&mut buffer)))
            .sum()
    };
    let space = width(" ");
    let mut count = 0.0;
    for paragraph in text.split('\n') {
        count += 1.0;
        let mut used = 0.0;
        for word in paragraph.split(' ') {
            let word = width(word);
            if used == 0.0 || used + space + word <= room {
                used += if used == 0.0 { word } else { space + word };
            } else {
                count += 1.0;
                used = word;
            }
            let overflow = (used / room).ceil() - 1.0;
            if overflow > 0.0 {
                count += overflow;
                used = 0.0;
            }
        }
    }
    count
}

/// The line height a wrapped title gets: 19 px for 15 px text.
fn line_height(font_size: f64) -> f64 {
    (font_size * 1.25).round()
}

/// The `fontSize` of the text style at `key`, or `default`.
fn font_size(title: &Map<String, Value>, key: &str, default: f64) -> f64 {
    title
        .get(key)
        .and_then(|style| style.get("fontSize"))
        .and_then(Value::as_f64)
        .unwrap_or(default)
}

fn text_of<'a>(object: &'a Map<String, Value>, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn add_to(object: &mut Map<String, Value>, key: &str, extra: f64) {
    if let Some(value) = object.get(key).and_then(Value::as_f64) {
        object.insert(key.to_owned(), json!(value + extra));
    }
}

/// Adds `fields` to the object at `key`, creating it when missing.
fn merge(object: &mut Map<String, Value>, key: &str, fields: Value) {
    let target = object
        .entry(key)
        .or_insert_with(|| Value::Object(Map::new()));
    if let (Value::Object(target), Value::Object(fields)) = (target, fields) {
        target.extend(fields);
    }
}

/// The objects under `key`, whether it holds one object or an array of them.
fn entries<'a>(root: &'a Map<String, Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    match root.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(item)) => vec![item],
        _ => Vec::new(),
    }
}

pub(crate) fn entries_mut<'a>(
    root: &'a mut Map<String, Value>,
    key: &str,
) -> Vec<&'a mut Map<String, Value>> {
    match root.get_mut(key) {
        Some(Value::Array(items)) => items.iter_mut().filter_map(Value::as_object_mut).collect(),
        Some(Value::Object(item)) => vec![item],
        _ => Vec::new(),
    }
}
