//! Every figure is backed by its article: the quote occurs verbatim in the seed file, and
//! the figure's number is written in the quote in the article's own notation.

use gap_data::{figure, source, Amount, Language, FIGURES, SOURCES};

fn seed_text(file: &str) -> String {
    let path = format!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/{}"), file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn seed_files_are_unchanged() {
    // (file, size in bytes, FNV-1a of the content) as the files were when the figures
    // were extracted. The seeds must stay byte-identical copies of the articles.
    const SEEDS: &[(&str, usize, u64)] = &[
        ("000_71eb757060645d2e.txt", 23065, 0x773f_9cee_2148_cc68),
        ("001_3163608ac74dd359.txt", 15963, 0xe883_4064_56d3_4cc3),
        ("002_b57f5ab7c3cca1b0.txt", 6764, 0x5f9c_1519_2c94_2d38),
        ("003_a021c20f79fb0a76.txt", 25340, 0x8d5a_5af0_388b_0557),
        ("004_ce1983a31930f669.txt", 2720, 0x4e80_903d_a1a9_d886),
    ];
    for &(file, size, hash) in SEEDS {
        let text = seed_text(file);
        assert_eq!(text.len(), size, "{file}: size changed");
        assert_eq!(fnv1a(text.as_bytes()), hash, "{file}: content changed");
    }
    assert_eq!(SOURCES.len(), SEEDS.len());
}

#[test]
fn every_quote_is_verbatim_in_its_source() {
    let mut bad = Vec::new();
    for s in SOURCES {
        let text = seed_text(s.file);
        for f in FIGURES.iter().filter(|f| f.source == s.file) {
            if f.quote.trim().is_empty() || !text.contains(f.quote) {
                bad.push(format!("{} ({}): {:?}", f.id, f.source, f.quote));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "quotes not found verbatim:\n{}",
        bad.join("\n")
    );
}

// ------------------------------------------------------------------ number notation

/// How numbers are written: the articles in Dutch and German use a decimal comma and a
/// thousands dot ("3,7 miljard", "4.500 Mitarbeiter"); the English table uses a decimal
/// point and English scale words ("~$500 Billion" is 500e9, whereas German "Billion" is 1e12).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Notation {
    Nl,
    De,
    En,
}

/// A number found in a quote, with the relative tolerance to compare it with.
#[derive(Debug, Clone, Copy)]
struct Found {
    value: f64,
    tol: f64,
}

const EXACT: f64 = 1e-9;
/// Fractions written as words ("ein Drittel" = 33.33 percent) are stored rounded.
const ROUNDED: f64 = 1e-3;

fn scale_word(w: &str, n: Notation) -> Option<i32> {
    let w = w.to_lowercase();
    let table: &[(&str, i32)] = match n {
        Notation::Nl => &[
            ("miljoen", 6),
            ("miljoenen", 6),
            ("miljard", 9),
            ("miljarden", 9),
            ("biljoen", 12),
            ("biljoenen", 12),
        ],
        Notation::De => &[
            ("million", 6),
            ("millionen", 6),
            ("mio", 6),
            ("milliarde", 9),
            ("milliarden", 9),
            ("mrd", 9),
            ("billion", 12),
            ("billionen", 12),
            ("bio", 12),
        ],
        Notation::En => &[
            ("million", 6),
            ("millions", 6),
            ("billion", 9),
            ("billions", 9),
            ("trillion", 12),
            ("trillions", 12),
        ],
    };
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Cardinal numbers written as words.
fn cardinal_word(w: &str, n: Notation) -> Option<f64> {
    let w = w.to_lowercase();
    let table: &[(&str, f64)] = match n {
        Notation::Nl => &[
            ("twee", 2.0),
            ("drie", 3.0),
            ("vier", 4.0),
            ("vijf", 5.0),
            ("zes", 6.0),
            ("zeven", 7.0),
            ("acht", 8.0),
            ("negen", 9.0),
            ("tien", 10.0),
            ("elf", 11.0),
            ("twaalf", 12.0),
            ("honderd", 100.0),
            ("honderden", 100.0),
            ("duizend", 1000.0),
            ("duizenden", 1000.0),
        ],
        Notation::De => &[
            ("zwei", 2.0),
            ("drei", 3.0),
            ("vier", 4.0),
            ("fünf", 5.0),
            ("sechs", 6.0),
            ("sieben", 7.0),
            ("acht", 8.0),
            ("neun", 9.0),
            ("zehn", 10.0),
            ("elf", 11.0),
            ("zwölf", 12.0),
            ("hundert", 100.0),
            ("hunderte", 100.0),
            ("hunderten", 100.0),
            ("tausend", 1000.0),
            ("tausende", 1000.0),
            ("tausenden", 1000.0),
            ("zehntausend", 10_000.0),
            ("zehntausende", 10_000.0),
            ("zehntausenden", 10_000.0),
        ],
        Notation::En => &[("two", 2.0), ("three", 3.0), ("half", 0.5)],
    };
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Fractions written as words; they match both as a fraction and as a percentage.
fn fraction_word(w: &str, n: Notation) -> Option<f64> {
    let w = w.to_lowercase();
    let table: &[(&str, f64)] = match n {
        Notation::Nl => &[
            ("helft", 1.0 / 2.0),
            ("derde", 1.0 / 3.0),
            ("vierde", 1.0 / 4.0),
            ("vijfde", 1.0 / 5.0),
            ("tiende", 1.0 / 10.0),
        ],
        Notation::De => &[
            ("hälfte", 1.0 / 2.0),
            ("drittel", 1.0 / 3.0),
            ("viertel", 1.0 / 4.0),
            ("viertels", 1.0 / 4.0),
            ("fünftel", 1.0 / 5.0),
            ("zehntel", 1.0 / 10.0),
        ],
        Notation::En => &[("half", 1.0 / 2.0), ("quarter", 1.0 / 4.0)],
    };
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Multiples written as verbs or nouns: "verdubbelden", "verdrievoudiging",
/// "verdreifacht", "versechsfachen", "das Fünffache", "das Elffache".
fn multiple_word(w: &str, n: Notation) -> Option<f64> {
    let w = w.to_lowercase();
    let stems: &[(&str, f64)] = match n {
        Notation::Nl => &[
            ("verdubbel", 2.0),
            ("dubbel", 2.0),
            ("verdrievoudig", 3.0),
            ("verviervoudig", 4.0),
            ("vervijfvoudig", 5.0),
            ("verzesvoudig", 6.0),
            ("vertienvoudig", 10.0),
        ],
        Notation::De => &[
            ("verdoppel", 2.0),
            ("verdreifach", 3.0),
            ("vervierfach", 4.0),
            ("verfünffach", 5.0),
            ("versechsfach", 6.0),
            ("verzehnfach", 10.0),
        ],
        Notation::En => &[("doubl", 2.0), ("tripl", 3.0)],
    };
    if let Some((_, v)) = stems.iter().find(|(s, _)| w.starts_with(s)) {
        return Some(*v);
    }
    if n == Notation::De {
        for suffix in ["fache", "fachen", "facher", "faches"] {
            if let Some(stem) = w.strip_suffix(suffix) {
                if let Some(v) = cardinal_word(stem, n) {
                    return Some(v);
                }
            }
        }
    }
    None
}

fn is_range_word(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "bis" | "tot" | "to")
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A number (digits, or a cardinal word) as a decimal literal such as "1.039".
    Num(String),
    /// A scale word, as a power of ten ("miljard" = 9).
    Scale(i32),
    Fraction(f64),
    Multiple(f64),
    /// "-", "–", "bis", "tot", "to": joins "500-600 miljard", "7 bis 14 Milliarden".
    Dash,
    /// "von", "van", "of": joins "Hunderten von Milliarden".
    Of,
    /// Any other word or sign; breaks the link between a number and a scale word.
    Other,
}

/// Reads the digits at `chars[i..]` in the given notation; returns the value and the index
/// after it.
fn lex_number(chars: &[char], mut i: usize, n: Notation) -> (String, usize) {
    let (group, decimal) = match n {
        Notation::Nl | Notation::De => ('.', ','),
        Notation::En => (',', '.'),
    };
    let digit = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
    let mut text = String::new();
    while digit(i) {
        text.push(chars[i]);
        i += 1;
    }
    loop {
        let at = chars.get(i).copied();
        if at == Some(group) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4) {
            text.extend(&chars[i + 1..i + 4]);
            i += 4;
        } else if at == Some(decimal) && digit(i + 1) {
            text.push('.');
            i += 1;
            while digit(i) {
                text.push(chars[i]);
                i += 1;
            }
            break;
        } else {
            break;
        }
    }
    (text, i)
}

fn tokenize(text: &str, n: Notation) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            if i > 0 && chars[i - 1].is_alphabetic() {
                // part of a name such as "o3", "R1", "H100s"
                while i < chars.len() && chars[i].is_alphanumeric() {
                    i += 1;
                }
                toks.push(Tok::Other);
                continue;
            }
            let (v, next) = lex_number(&chars, i, n);
            toks.push(Tok::Num(v));
            i = next;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            toks.push(if let Some(s) = scale_word(&word, n) {
                Tok::Scale(s)
            } else if let Some(v) = cardinal_word(&word, n) {
                Tok::Num(v.to_string())
            } else if let Some(f) = fraction_word(&word, n) {
                Tok::Fraction(f)
            } else if let Some(m) = multiple_word(&word, n) {
                Tok::Multiple(m)
            } else if is_range_word(&word) {
                Tok::Dash
            } else if matches!(word.to_lowercase().as_str(), "von" | "van" | "of") {
                Tok::Of
            } else {
                Tok::Other
            });
        } else if c == '-' || c == '–' {
            toks.push(Tok::Dash);
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            toks.push(Tok::Other);
            i += 1;
        }
    }
    toks
}

/// All numbers a quote states, scaled by the scale words that follow them.
///
/// A number followed by a scale word counts only in scaled form ("3,7 miljard" gives 3.7e9,
/// not 3.7), so a figure stored with the wrong scale does not match. In "500-600 miljard"
/// and "7 bis 14 Milliarden" the scale applies to both ends.
fn numbers_in(text: &str, n: Notation) -> Vec<Found> {
    let toks = tokenize(text, n);
    // "1.039" scaled by 10^9 is parsed as "1.039e9", which gives exactly the f64 that
    // `1.039e9` in figures.toml gives (no rounding from multiplying).
    let scaled = |lit: &str, exp: i32| Found {
        value: format!("{lit}e{exp}").parse().expect("number literal"),
        tol: EXACT,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Num(a) => match (toks.get(i + 1), toks.get(i + 2), toks.get(i + 3)) {
                (Some(Tok::Scale(s)), _, _) => {
                    out.push(scaled(a, *s));
                    i += 2;
                }
                (Some(Tok::Dash | Tok::Of), Some(Tok::Scale(s)), _) => {
                    out.push(scaled(a, *s));
                    i += 3;
                }
                (Some(Tok::Dash), Some(Tok::Num(b)), Some(Tok::Scale(s))) => {
                    out.push(scaled(a, *s));
                    out.push(scaled(b, *s));
                    i += 4;
                }
                _ => {
                    out.push(scaled(a, 0));
                    i += 1;
                }
            },
            Tok::Scale(s) => {
                // "Million Token", "miljarden", "Billionen-Dollar": one unit of the scale
                out.push(scaled("1", *s));
                i += 1;
            }
            Tok::Fraction(f) => {
                out.push(Found {
                    value: *f,
                    tol: ROUNDED,
                });
                out.push(Found {
                    value: f * 100.0,
                    tol: ROUNDED,
                });
                i += 1;
            }
            Tok::Multiple(m) => {
                out.push(Found {
                    value: *m,
                    tol: EXACT,
                });
                i += 1;
            }
            Tok::Dash | Tok::Of | Tok::Other => i += 1,
        }
    }
    out
}

fn close(found: Found, want: f64) -> bool {
    (found.value - want).abs() <= found.tol * want.abs().max(found.value.abs())
}

fn values(text: &str, n: Notation) -> Vec<f64> {
    numbers_in(text, n).into_iter().map(|f| f.value).collect()
}

fn has(text: &str, n: Notation, want: f64) -> bool {
    numbers_in(text, n).into_iter().any(|f| close(f, want))
}

#[test]
fn parser_reads_dutch_notation() {
    let n = Notation::Nl;
    assert_eq!(values("ongeveer $ 3,7 miljard", n), vec![3.7e9]);
    assert!(
        !has("ongeveer $ 3,7 miljard", n, 3.7),
        "unscaled must not match"
    );
    assert!(!has("ongeveer $ 3,7 miljard", n, 37.0));
    assert_eq!(values("meer dan $ 100 miljard", n), vec![100e9]);
    assert_eq!(values("1,039 miljard Zwitserse frank", n), vec![1.039e9]);
    assert_eq!(values("Oracle (~463 miljard dollar)", n), vec![463e9]);
    assert_eq!(
        values("NVIDIA (500-600 miljard dollar)", n),
        vec![500e9, 600e9]
    );
    assert_eq!(values("meer dan **20 miljard** dollar", n), vec![20e9]);
    assert_eq!(values("ongeveer 50% van het hoogtepunt", n), vec![50.0]);
    assert_eq!(values("kleine deals onder de miljoen euro", n), vec![1e6]);
    assert_eq!(values("met twaalf procent", n), vec![12.0]);
    assert_eq!(values("omzet verdrievoudigde", n), vec![3.0]);
    assert_eq!(values("investeringen verdubbelden", n), vec![2.0]);
    assert_eq!(values("honderden miljarden dollars", n), vec![100e9]);
    assert!(has("meer dan een derde", n, 33.33));
    assert!(has("meer dan een vijfde", n, 20.0));
    assert!(has("bijna de helft", n, 50.0));
    assert!(has("de helft", n, 0.5));
    assert!(!has("een vijfde", n, 25.0));
    // names with digits are not numbers
    assert_eq!(values("OpenAI's o3-model was 100 keer", n), vec![100.0]);
}

#[test]
fn parser_reads_german_notation() {
    let n = Notation::De;
    assert_eq!(values("4.500 Mitarbeiter", n), vec![4500.0]);
    assert_eq!(
        values("Geschätzte 670.000 Regierungsmitarbeiter", n),
        vec![670_000.0]
    );
    assert_eq!(values("2,33 Milliarden", n), vec![2.33e9]);
    assert_eq!(values("0,55 Dollar pro Million Token", n), vec![0.55, 1e6]);
    assert_eq!(values("um 99,45 Prozent", n), vec![99.45]);
    assert_eq!(values("600 Mrd. Dollar", n), vec![600e9]);
    assert_eq!(
        values("5 Millionen Aktien und 1 Million", n),
        vec![5e6, 1e6]
    );
    assert_eq!(values("etwa zwei Billionen Dollar", n), vec![2e12]);
    assert_eq!(values("die Billionen Dollar", n), vec![1e12]);
    assert_eq!(values("7 bis 14 Milliarden Dollar", n), vec![7e9, 14e9]);
    assert_eq!(
        values(
            "die 500-Milliarden-bis-7-Billionen-Dollar-Investitionspläne",
            n
        ),
        vec![500e9, 7e12]
    );
    assert_eq!(values("in seinen 38. Tag", n), vec![38.0]);
    assert_eq!(values("das Elffache", n), vec![11.0]);
    assert_eq!(values("mehr als das Fünffache", n), vec![5.0]);
    assert_eq!(values("Umsätze versechsfachen", n), vec![6.0]);
    assert_eq!(values("Betriebsgewinn verdreifacht", n), vec![3.0]);
    assert_eq!(values("zehntausende Dollar", n), vec![10_000.0]);
    assert_eq!(
        values("auf Hunderten von Milliarden Dollar", n),
        vec![100e9]
    );
    assert_eq!(values("Milliardenverluste", n), Vec::<f64>::new());
    assert!(has("nur einem Zehntel der KI-Chips", n, 10.0));
    assert!(has("die Hälfte davon", n, 50.0));
    assert!(has("eines Viertels oder mehr", n, 25.0));
    // German "Billion" is 10^12, not 10^9
    assert!(!has("2 Billionen", n, 2e9));
}

#[test]
fn parser_reads_english_table_notation() {
    let n = Notation::En;
    assert_eq!(values("| ~$500 Billion |", n), vec![500e9]);
    assert_eq!(values("| ~$2 Trillion |", n), vec![2e12]);
    assert_eq!(values("| ~$50-60 Billion |", n), vec![50e9, 60e9]);
    assert_eq!(values("| >$50 Billion/Year |", n), vec![50e9]);
    assert_eq!(values("1,234.5 units", n), vec![1234.5]);
    assert!(!has("| ~$500 Billion |", n, 500e12));
}

/// The notation a figure's quote is written in: the language of its article, except
/// rows of the English table in 002 (markdown rows start with '|').
fn notation_of(quote: &str, language: Language) -> Notation {
    if quote.trim_start().starts_with('|') {
        return Notation::En;
    }
    match language {
        Language::Nl => Notation::Nl,
        Language::De => Notation::De,
        Language::En => Notation::En,
    }
}

#[test]
fn every_number_is_written_in_its_quote() {
    let mut bad = Vec::new();
    for f in FIGURES {
        let src = source(f.source).expect("source listed");
        let n = notation_of(f.quote, src.language);
        let found = numbers_in(f.quote, n);
        let wanted: Vec<f64> = match f.amount {
            Amount::Single(v) => vec![v],
            Amount::Range { low, high } => vec![low, high],
        };
        for w in wanted {
            if !found.iter().any(|&c| close(c, w)) {
                let got: Vec<f64> = found.iter().map(|c| c.value).collect();
                bad.push(format!(
                    "{}: {} not among {:?} read from {:?} ({:?})",
                    f.id, w, got, f.quote, n
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "figures whose number is not in their quote:\n{}",
        bad.join("\n")
    );
}

#[test]
fn table_rows_come_from_the_english_table() {
    // Only 002 has a table; its rows must be read with English scale words.
    for f in FIGURES.iter().filter(|f| f.quote.starts_with('|')) {
        assert_eq!(f.source, "002_b57f5ab7c3cca1b0.txt", "{}", f.id);
    }
    let capex = figure("ai_infra_capex_2026").unwrap();
    assert!(capex.quote.contains("~$500 Billion"));
}

/// A quote is marked with the language it is written in: its article's,
/// except the rows of the English table in 002, which say so.
#[test]
fn quotes_carry_the_language_they_are_written_in() {
    for f in FIGURES {
        let table_row = f.quote.trim_start().starts_with('|');
        let article = f.source_info().expect("source").language;
        if table_row {
            assert_eq!(f.quote_lang(), Language::En, "{}", f.id);
            assert_ne!(
                article,
                Language::En,
                "{}: the table is in a non-English article",
                f.id
            );
        } else {
            assert_eq!(f.quote_language, None, "{}", f.id);
            assert_eq!(f.quote_lang(), article, "{}", f.id);
        }
    }
}
