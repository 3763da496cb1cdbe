//! The cost of one letter, in process: loading the action, rendering it,
//! wrapping it.
//!
//!   cargo bench --bench render
//!
//! (a) What every process pays once: reading and parsing the embedded
//! `cecot` action with its translations, and compiling its letters;
//! (b) rendering its English letter with a prebuilt renderer; (c) rendering
//! and wrapping that letter at 72 columns, with the wrap cache warm (as in
//! a batch) and cold (as in one `compose`).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use appeal::Library;
use appeal::Renderer;
use appeal::Signer;
use appeal::wrap;
use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn signer() -> Signer {
    Signer {
        name: "Ana Díaz".to_string(),
        note: "I have family in El Salvador, and I am writing because this matters to me."
            .to_string(),
        city: "Quito".to_string(),
        country: "Ecuador".to_string(),
        extra: BTreeMap::new(),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 5, 20).expect("a valid date")
}

fn benches(c: &mut Criterion) {
    let library = Library::default();
    c.bench_function("load cecot (embedded, parse)", |b| {
        b.iter(|| library.load(black_box("cecot")).expect("cecot loads"))
    });

    let action = library.load("cecot").expect("cecot loads");
    // Once per process too: the letter's language is compiled, its subject
    // and body (their tags only, see src/template.rs).
    c.bench_function("compile cecot en (what one compose pays)", |b| {
        b.iter(|| {
            let renderer = Renderer::new(black_box(&action), today());
            renderer
                .prepare(black_box("en"))
                .expect("cecot en compiles");
        })
    });
    let renderer = Renderer::new(&action, today());
    let signer = signer();
    c.bench_function("render cecot en", |b| {
        b.iter(|| {
            renderer
                .render(black_box("en"), black_box(&signer))
                .expect("renders")
        })
    });
    c.bench_function("render + wrap 72 cecot en", |b| {
        b.iter(|| {
            let letter = renderer
                .render(black_box("en"), black_box(&signer))
                .expect("renders");
            wrap(&letter.body, black_box(72))
        })
    });
    // `wrap` keeps each thread's wrapped lines, so the figure above is a
    // batch's. A single `compose` wraps with a cold cache: wrapping one short
    // line at another width first empties it, outside the timing.
    c.bench_function("render + wrap 72 cecot en (cold wrap cache)", |b| {
        b.iter_batched(
            || wrap("x x", 2),
            |_| {
                let letter = renderer
                    .render(black_box("en"), black_box(&signer))
                    .expect("renders");
                wrap(&letter.body, black_box(72))
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group! {
    name = render;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(render);
