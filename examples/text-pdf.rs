//! Prints a text file as a PDF, the way the test documents under
//! `tests/fixtures/import/` were made: the text wrapped to an A4 page with
//! page numbers, as appeal prints letters.
//!
//! `cargo run --example text-pdf -- IN.txt OUT.pdf`

use appeal::form::pdf::{Page, Paper, render};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: text-pdf IN.txt OUT.pdf".to_string());
    };
    let text = std::fs::read_to_string(&input).map_err(|e| format!("{input}: {e}"))?;
    let bytes = render(
        &Page {
            sender: &[],
            recipient: &[],
            body: &text,
        },
        Paper::A4,
    )?;
    std::fs::write(&output, bytes).map_err(|e| format!("{output}: {e}"))
}
