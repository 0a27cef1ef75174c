//! Independent draws stay exactly what they were before correlation,
//! distributions and editable ranges existed: the fingerprints below were
//! first taken from that code (10,000 draws, the default seed, triangular
//! ranges around the defaults, every method and every preset) and taken
//! again when model 3 changed the time path (end-of-year timing, capacity
//! after a cut, new presets); the draws themselves did not change.

use gap_model::{
    monte_carlo, presets, Inputs, Method, MonteCarlo, Ranges, Uncertainty, DEFAULT_DRAWS,
    DEFAULT_SEED,
};

/// FNV-1a over the bits of every number of the result.
fn fingerprint(mc: &MonteCarlo) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let numbers = mc
        .p5
        .iter()
        .chain(&mc.p50)
        .chain(&mc.p95)
        .chain(&mc.prob_breakeven_by)
        .chain([&mc.pv_p5, &mc.pv_p50, &mc.pv_p95]);
    for x in numbers {
        for byte in x.to_bits().to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn cases() -> Vec<(String, Inputs)> {
    let mut cases: Vec<(String, Inputs)> = Method::ALL
        .into_iter()
        .map(|method| {
            let mut inputs = Inputs::default();
            inputs.method = method;
            (format!("default/{}", method.url_name()), inputs)
        })
        .collect();
    cases.extend(presets().iter().map(|p| (p.id.to_owned(), p.apply())));
    cases
}

fn independent(inputs: &Inputs) -> MonteCarlo {
    let valid = inputs.validate().unwrap();
    monte_carlo(&valid, &Ranges::around(inputs), DEFAULT_DRAWS, DEFAULT_SEED)
}

const FINGERPRINTS: [(&str, u64); 12] = [
    ("default/direct", 0x0c0b_6ca7_a4fe_b0ae),
    ("default/sequoia", 0x1620_9548_85cd_0677),
    ("default/bain", 0x312c_4ae5_a4ad_d0d0),
    ("default/dcf", 0x1c82_d63c_94f0_2c60),
    ("article_2026", 0x0c0b_6ca7_a4fe_b0ae),
    ("sequoia_2023", 0x422f_e12d_1563_6760),
    ("sequoia_2024", 0xfbef_fa11_cf8c_9ef7),
    ("bain_2025", 0xc624_8784_e5ea_d25d),
    ("jpmorgan_2025", 0x34c2_65ca_89d4_156b),
    ("deepseek_shock", 0xe60b_ab5e_12a6_bcf1),
    ("deepseek_chips", 0x87d7_5a44_704c_67b7),
    ("deepseek_price", 0x71c4_2e53_2211_afb6),
];

#[test]
fn zero_correlation_reproduces_the_independent_draws_bit_for_bit() {
    let cases = cases();
    let got: Vec<String> = cases
        .iter()
        .map(|(name, inputs)| format!("{name}: 0x{:016x}", fingerprint(&independent(inputs))))
        .collect();
    let want: Vec<String> = FINGERPRINTS
        .iter()
        .map(|(name, hash)| format!("{name}: 0x{hash:016x}"))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_pages_settings_with_zero_correlation_are_the_independent_draws() {
    let mut uncertainty = Uncertainty::default();
    uncertainty.set_correlation(0.0);
    for (name, inputs) in cases() {
        assert_eq!(
            uncertainty.ranges(&inputs),
            Ranges::around(&inputs),
            "{name}"
        );
    }
    // And a correlation does change them.
    let inputs = Inputs::default();
    let correlated = monte_carlo(
        &inputs.validate().unwrap(),
        &Uncertainty::default().ranges(&inputs),
        DEFAULT_DRAWS,
        DEFAULT_SEED,
    );
    assert_ne!(fingerprint(&correlated), FINGERPRINTS[0].1);
}
