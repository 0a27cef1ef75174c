//! Independent draws stay exactly what they were before correlation,
//! distributions and editable ranges existed: the fingerprints below were
//! taken from that code (10,000 draws, the default seed, triangular ranges
//! around the defaults, every method and every preset).

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

const FINGERPRINTS: [(&str, u64); 11] = [
    ("default/direct", 0xea3b_8604_270b_cce9),
    ("default/sequoia", 0x80c2_a400_8c41_a0a6),
    ("default/bain", 0x8f75_d596_4583_62d8),
    ("default/dcf", 0x4a70_efca_a888_c3d7),
    ("article_2026", 0xea3b_8604_270b_cce9),
    ("sequoia_2023", 0x321f_d460_b001_c60f),
    ("sequoia_2024", 0x4e57_bee2_1b29_8237),
    ("bain_2025", 0x1185_8072_2680_ee54),
    ("deepseek_shock", 0xdf40_a87a_e025_f5fd),
    ("deepseek_chips", 0xe680_ce3a_1822_3c5a),
    ("deepseek_price", 0xc7c0_ece4_856c_16bc),
];

#[test]
fn zero_correlation_reproduces_the_independent_draws_bit_for_bit() {
    let cases = cases();
    assert_eq!(cases.len(), FINGERPRINTS.len());
    for ((name, inputs), (want_name, want)) in cases.iter().zip(FINGERPRINTS) {
        assert_eq!(name, want_name);
        let got = fingerprint(&independent(inputs));
        assert_eq!(got, want, "{name}: 0x{got:016x}");
    }
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
