//! `cargo bench -p gap-model`: the deterministic run (what every slider move
//! triggers) and the 10,000-draw Monte Carlo (what the bands chart triggers).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use gap_model::{
    growth_to_cover_from, monte_carlo, run, tornado, Distribution, Inputs, Method, Ranges,
    Uncertainty, ValidInputs, DEFAULT_DRAWS, DEFAULT_SEED,
};

fn defaults(method: Method) -> ValidInputs {
    let mut inputs = Inputs::default();
    inputs.method = method;
    inputs.validate().expect("defaults are valid")
}

fn deterministic(c: &mut Criterion) {
    let direct = defaults(Method::Direct);
    let dcf = defaults(Method::Dcf);
    c.bench_function("run/direct/10y", |b| b.iter(|| run(black_box(&direct))));
    c.bench_function("run/dcf/10y", |b| b.iter(|| run(black_box(&dcf))));
    c.bench_function("growth_to_cover_from/2030", |b| {
        b.iter(|| growth_to_cover_from(black_box(&direct), black_box(2030)));
    });
    let ranges = Ranges::around(&direct);
    c.bench_function("tornado/direct", |b| {
        b.iter(|| tornado(black_box(&direct), black_box(&ranges)));
    });
}

fn monte_carlo_10k(c: &mut Criterion) {
    let mut group = c.benchmark_group("monte_carlo");
    group.sample_size(20);
    for method in [Method::Direct, Method::Dcf] {
        let inputs = defaults(method);
        let ranges = Ranges::around(&inputs);
        group.bench_function(format!("{}/10000 draws/10y", method.url_name()), |b| {
            b.iter(|| monte_carlo(black_box(&inputs), &ranges, DEFAULT_DRAWS, DEFAULT_SEED));
        });
        // The page's defaults: correlated growth, and with every range PERT.
        let correlated = Uncertainty::default().ranges(&inputs);
        group.bench_function(
            format!("{}/10000 draws/10y/correlated", method.url_name()),
            |b| {
                b.iter(|| {
                    monte_carlo(black_box(&inputs), &correlated, DEFAULT_DRAWS, DEFAULT_SEED)
                });
            },
        );
        let mut pert = correlated.clone();
        for id in gap_model::InputId::ALL {
            pert.set_distribution(id, Distribution::Pert);
        }
        group.bench_function(
            format!("{}/10000 draws/10y/correlated pert", method.url_name()),
            |b| {
                b.iter(|| monte_carlo(black_box(&inputs), &pert, DEFAULT_DRAWS, DEFAULT_SEED));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, deterministic, monte_carlo_10k);
criterion_main!(benches);
