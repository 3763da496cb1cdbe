//! The in-process cost of importing a document: reading a two-page PDF's
//! text and a 1 MB web page's text (the work the sandboxed reader does),
//! then reading the action's parts and writing the action file.
//!
//!   cargo bench --bench import
//!
//! The whole command, reader process included, is timed by
//! `benches/import.sh`; the README gives both figures.

use std::hint::black_box;
use std::time::Duration;

use appeal::import::document::{Document, Kind, html, pdf};
use appeal::import::emit::emit;
use appeal::import::reader;
use criterion::{Criterion, criterion_group, criterion_main};

/// A web page of about 1 MB: the shipped seed's paragraphs, repeated under
/// a site's navigation, with its target block and letter once.
pub fn megabyte_page() -> String {
    let seed = include_str!("../tests/fixtures/cecot-urgent-action.txt");
    let mut page = String::from(
        "<!DOCTYPE html><html><head><title>Urgent action</title></head><body>\
         <nav><ul><li><a href='/'>Home</a></li><li><a href='/act'>Act</a></li></ul></nav><main>",
    );
    for line in seed.lines() {
        page.push_str("<p>");
        page.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
        page.push_str("</p>\n");
    }
    let filler: String = seed
        .lines()
        .filter(|l| l.len() > 200)
        .map(|l| format!("<p>{l}</p>\n"))
        .collect();
    while page.len() < 1_000_000 {
        page.push_str(&filler);
    }
    page.push_str("</main><footer>Footer</footer></body></html>");
    page
}

fn benches(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/labelled-2017.pdf"
    );
    let bytes = std::fs::read(path).expect("the two-page PDF fixture");
    c.bench_function("pdf text of 2 pages", |b| {
        b.iter(|| pdf::read(black_box(&bytes)).expect("readable"))
    });
    let lines = pdf::read(&bytes).expect("readable");
    c.bench_function("read and emit the 2-page PDF's action", |b| {
        b.iter(|| {
            let doc = Document {
                kind: Kind::Pdf,
                lines: black_box(lines.clone()),
            };
            let draft = reader::read(&doc).expect("an action");
            emit(&draft, "labelled-2017.pdf", None)
        })
    });
    let page = megabyte_page();
    c.bench_function("html text of a 1 MB page", |b| {
        b.iter(|| html::read(black_box(page.as_bytes())).expect("readable"))
    });
    let lines = html::read(page.as_bytes()).expect("readable");
    c.bench_function("read and emit the 1 MB page's action", |b| {
        b.iter(|| {
            let doc = Document {
                kind: Kind::Html,
                lines: black_box(lines.clone()),
            };
            let draft = reader::read(&doc).expect("an action");
            emit(&draft, "page.html", None)
        })
    });
}

criterion_group! {
    name = import;
    config = Criterion::default().measurement_time(Duration::from_secs(5)).sample_size(20);
    targets = benches
}
criterion_main!(import);
