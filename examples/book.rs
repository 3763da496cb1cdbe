//! Writes a book of N cecot letters, to measure what it costs:
//!
//!   cargo build --release --example book
//!   /usr/bin/time -f '%e s %M KB' target/release/examples/book 2000 letters.pdf

use appeal::form::pdf::{Book, Paper};

#[path = "../benches/support/letters.rs"]
mod book_letters;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: book COUNT OUT.pdf".to_string());
    };
    let count: usize = count.parse().map_err(|e| format!("{count}: {e}"))?;
    let mut book = Book::new(Paper::A4, true)?;
    // Letters are made a chunk at a time, as a batch makes them.
    for start in (0..count).step_by(256) {
        for letter in book_letters::letters((count - start).min(256)) {
            book.add(&letter.page())?;
        }
    }
    let bytes = book.finish()?;
    std::fs::write(&output, &bytes).map_err(|e| format!("{output}: {e}"))
}
