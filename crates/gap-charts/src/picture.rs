//! What an exported chart picture carries below the chart, so that a PNG or
//! SVG pasted anywhere still says where it comes from: the key assumptions
//! (method, capex, revenue, growth, discount rate, cost cut) and the
//! permalink to the state that drew it. The chart itself already shows its
//! title and source line.

use gap_model::{InputId, Inputs};
use gap_text::{escape_html, Lang};

use crate::fit::TextWidth;
use crate::texts::{input_label, method_label, unit_label};

/// The footer's font size, line height and inner margin, px.
pub const FOOTER_FONT: f64 = 12.0;
pub const FOOTER_LINE: f64 = 16.0;
pub const FOOTER_PADDING: f64 = 10.0;

/// The inputs a footer names: what decides the headline numbers.
const KEY_INPUTS: [InputId; 5] = [
    InputId::Capex,
    InputId::Revenue,
    InputId::Growth,
    InputId::Rate,
    InputId::CostCut,
];

/// The footer's text, unwrapped: "AI Gap Explorer · Method: …; capex 500
/// $B/yr; …" and the permalink.
#[must_use]
pub fn footer_texts(inputs: &Inputs, permalink: &str, lang: Lang) -> [String; 2] {
    let t = lang.ui();
    let mut assumptions = vec![t
        .derivation_method
        .replace("{method}", method_label(inputs.method, lang))];
    for id in KEY_INPUTS {
        let unit = unit_label(id.spec().unit, lang);
        assumptions.push(format!(
            "{} {} {unit}",
            input_label(id, lang),
            gap_text::number::decimal(lang, inputs.get(id), 2)
        ));
    }
    [
        format!("{} · {}", t.app_title, assumptions.join("; ")),
        permalink.to_owned(),
    ]
}

/// The footer wrapped to `width` px: words where they fit, a word wider
/// than the line (a long permalink) broken between characters.
#[must_use]
pub fn footer_lines(
    inputs: &Inputs,
    permalink: &str,
    width: f64,
    text: &dyn TextWidth,
    lang: Lang,
) -> Vec<String> {
    let room = (width - 2.0 * FOOTER_PADDING).max(FOOTER_FONT * 4.0);
    let fits = |line: &str| text.width(line, FOOTER_FONT, false) <= room;
    let mut lines = Vec::new();
    for paragraph in footer_texts(inputs, permalink, lang) {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word alone on a line that still does not fit: by characters.
            for c in word.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    let last = line.pop().unwrap_or(c);
                    lines.push(std::mem::take(&mut line));
                    line.push(last);
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The height the footer of `lines` lines adds below the chart, px.
#[must_use]
pub fn footer_height(lines: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)] // a handful of lines
    let lines = lines as f64;
    2.0 * FOOTER_PADDING + lines * FOOTER_LINE
}

/// `svg` (ECharts' SVG of a chart, `width` × `height`) made taller by the
/// footer, with its lines as text nodes. `None` if it is not an SVG root
/// with a size. The root tag is read attribute by attribute (a few
/// character scans: `str::find` with a text pattern would bring a string
/// searcher into the wasm for this alone).
#[must_use]
pub fn svg_with_footer(
    svg: &str,
    lines: &[String],
    color: &str,
    background: &str,
) -> Option<String> {
    let body = svg.strip_prefix("<svg")?;
    let open_end = body.find('>')?;
    let body_end = body.trim_end().strip_suffix("</svg>")?;
    let (attributes, content) = (&body[..open_end], &body_end[open_end..]);
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut rest = attributes.trim_start();
    while let Some(equals) = rest.find('=') {
        let name = rest[..equals].trim();
        let value_start = rest[equals + 1..].find('"')? + equals + 2;
        let value_end = rest[value_start..].find('"')? + value_start;
        pairs.push((name, &rest[value_start..value_end]));
        rest = rest[value_end + 1..].trim_start();
    }
    let size = |name: &str| -> Option<f64> {
        let (_, value) = pairs.iter().find(|(key, _)| *key == name)?;
        value
            .trim_end_matches('x')
            .trim_end_matches('p')
            .parse()
            .ok()
    };
    let (width, height) = (size("width")?, size("height")?);
    let total = height + footer_height(lines.len());
    let mut out = String::from("<svg");
    for (name, value) in &pairs {
        match *name {
            "height" => out += &format!(" height=\"{total}\""),
            "viewBox" => {}
            _ => out += &format!(" {name}=\"{value}\""),
        }
    }
    out += &format!(" viewBox=\"0 0 {width} {total}\"");
    out += content;
    out += &format!(
        "<g class=\"export-footer\"><rect x=\"0\" y=\"{height}\" width=\"{width}\" height=\"{}\" fill=\"{}\"/>",
        total - height,
        escape_html(background)
    );
    for (i, line) in lines.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = height + FOOTER_PADDING + FOOTER_LINE * (i as f64 + 0.75);
        out += &format!(
            "<text x=\"{FOOTER_PADDING}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{FOOTER_FONT}\" fill=\"{}\">{}</text>",
            escape_html(color),
            escape_html(line)
        );
    }
    out += "</g></svg>";
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::Estimate;

    #[test]
    fn the_footer_names_the_assumptions_and_the_permalink_within_its_width() {
        let inputs = Inputs::default().with(InputId::CostCut, 30.0);
        let link =
            "https://example.org/gap/?v=3&cost_cut=30&growth=40&capex=500&lang=de&theme=dark";
        for lang in Lang::ALL {
            for width in [320.0, 800.0] {
                let lines = footer_lines(&inputs, link, width, &Estimate, lang);
                for line in &lines {
                    assert!(
                        Estimate.width(line, FOOTER_FONT, false) <= width - 2.0 * FOOTER_PADDING,
                        "{line}"
                    );
                }
                let text = lines.join(" ");
                assert!(
                    lines.concat().contains(link),
                    "{lang:?} {width}: the link whole once the lines join"
                );
                assert!(text.contains(input_label(InputId::Capex, lang)));
                assert!(text.contains(method_label(inputs.method, lang)));
                assert!(text.contains("30"));
            }
        }
    }

    #[test]
    fn an_svg_grows_by_its_footer() {
        let svg = r#"<svg width="400" height="300" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect/></svg>"#;
        let lines = vec!["one & two".to_owned(), "https://x/?a=1&b=2".to_owned()];
        let out = svg_with_footer(svg, &lines, "#222", "#fff").unwrap();
        let total = 300.0 + footer_height(2);
        assert!(
            out.starts_with(&format!(r#"<svg width="400" height="{total}""#)),
            "{out}"
        );
        assert!(out.contains(&format!(r#"viewBox="0 0 400 {total}""#)));
        assert!(out.contains("<rect/>"));
        assert!(out.contains(">one &amp; two</text>") && out.contains("a=1&amp;b=2</text>"));
        assert!(out.ends_with("</g></svg>"));
        assert_eq!(svg_with_footer("<div></div>", &lines, "#222", "#fff"), None);
    }
}
