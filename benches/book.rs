//! One PDF for a letter-writing event: 200 letters set in a book.
//!
//!   cargo bench --bench book
//!
//! The letters are rendered beforehand; what is timed is laying them out,
//! drawing them and writing the PDF (`pdf::Book`), single-threaded.

use std::hint::black_box;
use std::time::Duration;

use appeal::form::pdf::{Book, Paper};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/letters.rs"]
mod book_letters;

fn benches(c: &mut Criterion) {
    let letters = book_letters::letters(200);
    c.bench_function("book of 200 cecot letters, A4, duplex", |b| {
        b.iter(|| {
            let mut book = Book::new(Paper::A4, true).expect("a book");
            for letter in &letters {
                book.add(black_box(&letter.page()))
                    .expect("the letter is set");
            }
            book.finish().expect("the PDF is written")
        })
    });
}

criterion_group! {
    name = book;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    targets = benches
}
criterion_main!(book);
