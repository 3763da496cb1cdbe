//! The cost of importing a two-page PDF urgent action, in process: reading
//! its text (pdf-extract, and setting glyphs into lines), recognising the
//! layout and reading the facts, and writing the action file.
//!
//!   cargo bench --bench import
//!
//! The document is `tests/fixtures/import/labelled-2017.pdf` (two A4 pages).
//! The target is under 100 ms for the whole import; the README gives the
//! figure measured.

use std::hint::black_box;
use std::time::Duration;

use appeal::import::emit::emit;
use appeal::import::{Source, pdf, read};
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/labelled-2017.pdf"
    );
    let bytes = std::fs::read(path).expect("the two-page PDF fixture");
    c.bench_function("pdf text of 2 pages", |b| {
        b.iter(|| pdf::extract(black_box(&bytes)).expect("readable"))
    });
    c.bench_function("import 2-page PDF (read + emit)", |b| {
        b.iter(|| {
            let draft = read(&Source {
                name: "labelled-2017.pdf",
                bytes: black_box(&bytes),
            })
            .expect("recognised");
            emit(&draft, "labelled-2017.pdf", None)
        })
    });
}

criterion_group! {
    name = import;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = benches
}
criterion_main!(import);
