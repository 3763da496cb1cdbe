//! Any bytes as a PDF, read by the same code the sandboxed reader runs:
//! text or a refusal, never a panic. The reader process's limits stop what
//! this can't (a stack overflow, a runaway allocation): a crash found here
//! is one `appeal import` survives, and one worth a limit of its own. Seeds:
//! `fuzz/seeds/import_pdf/`.
#![no_main]

use appeal::import::document::pdf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(lines) = pdf::read(data) {
        assert!(lines.iter().all(|l| l.page >= 1));
    }
});
