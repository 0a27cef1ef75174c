//! Every chart describes itself from its numbers, in every language: the
//! text alternative first, then a sentence whose numbers are the model's,
//! written as the page writes them.

use gap_charts::{ChartData, ChartId, Lang};
use gap_model::{InputId, Inputs};
use gap_text::number::usd_billions;

fn describe_all(
    inputs: &gap_model::ValidInputs,
    with_mc: bool,
    lang: Lang,
) -> Vec<(ChartId, String)> {
    let outcome = gap_model::run(inputs);
    let ranges = gap_model::Ranges::around(inputs);
    let mc = gap_model::monte_carlo(inputs, &ranges, 200, gap_model::DEFAULT_SEED);
    let data = ChartData {
        inputs,
        outcome: &outcome,
        ranges: &ranges,
        monte_carlo: with_mc.then_some(&mc),
    };
    ChartId::ALL
        .into_iter()
        .map(|id| (id, id.describe(&data, lang)))
        .collect()
}

#[test]
fn every_description_starts_with_the_text_alternative_and_fills_every_placeholder() {
    for lang in Lang::ALL {
        for with_mc in [false, true] {
            for inputs in [
                Inputs::default(),
                Inputs::default()
                    .with(InputId::CostCut, 90.0)
                    .with(InputId::Growth, 120.0),
            ] {
                let inputs = inputs.validate().unwrap();
                for (id, text) in describe_all(&inputs, with_mc, lang) {
                    assert!(text.starts_with(id.label(lang)), "{id:?} {lang:?}: {text}");
                    assert!(
                        !text.contains('{') && !text.contains("NaN") && !text.contains(".."),
                        "{id:?} {lang:?}: {text}"
                    );
                    if id != ChartId::Drawdowns {
                        assert!(
                            text.len() > id.label(lang).len() + 10,
                            "{id:?} {lang:?}: says something: {text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn descriptions_carry_the_charts_numbers() {
    let inputs = Inputs::default()
        .with(InputId::Growth, 90.0)
        .with(InputId::RevenueCap, 0.0)
        .validate()
        .unwrap();
    let outcome = gap_model::run(&inputs);
    let all = describe_all(&inputs, true, Lang::En);
    let text = |id: ChartId| all.iter().find(|(i, _)| *i == id).unwrap().1.clone();
    let gap = text(ChartId::Gap);
    assert!(
        gap.contains(&usd_billions(Lang::En, outcome.base_required)),
        "{gap}"
    );
    assert!(gap.contains("$55B"), "{gap}");
    let over_time = text(ChartId::GapOverTime);
    let year = outcome.breakeven_year.expect("90 %/yr closes the gap");
    assert!(
        over_time.contains(&format!("catches up in {year}")),
        "{over_time}"
    );
    assert!(text(ChartId::Pv).contains(&usd_billions(Lang::En, outcome.gap_pv)));
    assert!(text(ChartId::Pv).contains("10\u{a0}%"));
    assert!(
        text(ChartId::Methods).matches(';').count() == 3,
        "four methods"
    );
    // German writes its own numbers and words.
    let de = describe_all(&inputs, true, Lang::De);
    let gap_de = &de[0].1;
    assert!(
        gap_de.contains(&usd_billions(Lang::De, outcome.base_required)),
        "{gap_de}"
    );
    assert!(gap_de.contains("Im Jahr 2026"), "{gap_de}");
}
