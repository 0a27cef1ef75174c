//! `figures_csv()` is valid RFC 4180 and round-trips.

use gap_data::{figures_csv, Amount, CSV_HEADER, FIGURES};

/// Minimal RFC 4180 reader: quoted fields may contain commas, doubled quotes and line
/// breaks; records end with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut quoted_field = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                in_quotes = true;
                quoted_field = true;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR must be followed by LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                quoted_field = false;
            }
            '\n' => panic!("bare LF outside quotes"),
            _ => {
                assert!(!quoted_field, "text after closing quote");
                field.push(c);
            }
        }
    }
    assert!(!in_quotes, "unterminated quoted field");
    assert!(field.is_empty() && row.is_empty(), "last record lacks CRLF");
    rows
}

fn opt_num(s: &str) -> Option<f64> {
    (!s.is_empty()).then(|| s.parse().expect("number"))
}

#[test]
fn csv_round_trips() {
    let csv = figures_csv();
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), FIGURES.len() + 1, "header + one row per figure");
    assert_eq!(rows[0], CSV_HEADER.to_vec());
    assert_eq!(
        CSV_HEADER,
        [
            "id",
            "metric",
            "entity",
            "value",
            "low",
            "high",
            "qualifier",
            "unit",
            "period",
            "date",
            "source",
            "attributed_to",
            "quote",
            "gloss",
            "conflicts_with",
            "caveat"
        ]
    );
    for (row, f) in rows[1..].iter().zip(FIGURES) {
        assert_eq!(row.len(), CSV_HEADER.len(), "{}", f.id);
        assert_eq!(row[0], f.id);
        assert_eq!(row[1], f.metric);
        assert_eq!(row[2], f.entity);
        let (value, low, high) = (opt_num(&row[3]), opt_num(&row[4]), opt_num(&row[5]));
        match f.amount {
            Amount::Single(v) => assert_eq!((value, low, high), (Some(v), None, None), "{}", f.id),
            Amount::Range { low: l, high: h } => {
                assert_eq!((value, low, high), (None, Some(l), Some(h)), "{}", f.id)
            }
        }
        assert_eq!(row[6], f.qualifier.as_str());
        assert_eq!(row[7], f.unit.as_str());
        assert_eq!(row[8], f.period);
        assert_eq!(row[9], f.date.unwrap_or(""));
        assert_eq!(row[10], f.source);
        assert_eq!(row[11], f.attributed_to.unwrap_or(""));
        assert_eq!(row[12], f.quote, "{}", f.id);
        assert_eq!(row[13], f.gloss);
        let conflicts: Vec<&str> = row[14].split(';').filter(|s| !s.is_empty()).collect();
        assert_eq!(conflicts, f.conflicts_with, "{}", f.id);
        assert_eq!(row[15], f.caveat.unwrap_or(""));
    }
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let csv = figures_csv();
    // many quotes and glosses contain commas, so those fields must be quoted
    let quoted = csv.matches(",\"").count();
    assert!(quoted > 50, "only {quoted} quoted fields");
    let capex = csv
        .split("\r\n")
        .find(|l| l.starts_with("ai_infra_capex_2026,"))
        .expect("row");
    assert!(
        capex.contains(",500000000000,,,approx,USD,2026,"),
        "{capex}"
    );
}

#[test]
fn reader_handles_edge_cases() {
    let rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\",\"x\r\ny\",\r\n");
    assert_eq!(rows, vec![vec!["a", "b,c", "say \"hi\"", "x\r\ny", ""]]);
}

/// The texts file the app fetches is valid JSON with every figure's quote,
/// gloss and caveat, verbatim.
#[test]
fn figure_texts_json_round_trips() {
    let parsed: serde_json::Value =
        serde_json::from_str(&gap_data::figure_texts_json()).expect("valid JSON");
    let entries = parsed.as_object().expect("an object");
    assert_eq!(entries.len(), FIGURES.len());
    for f in FIGURES {
        let entry = &entries[f.id];
        assert_eq!(entry["quote"], f.quote, "{}", f.id);
        assert_eq!(entry["gloss"], f.gloss, "{}", f.id);
        assert_eq!(
            entry.get("caveat").and_then(|c| c.as_str()),
            f.caveat,
            "{}",
            f.id
        );
    }
}
