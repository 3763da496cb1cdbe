//! Any bytes as a text document to import: it is read into an action or
//! refused, never a panic; what is read is written as YAML that parses
//! back; and every non-empty line of the document is in a field or left
//! out with a reason. Seeds: `fuzz/seeds/import_text/`.
#![no_main]

use appeal::import::document::{self, Document, Kind};
use appeal::import::{emit, reader, report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in [Kind::Text, Kind::Pdf] {
        let doc = Document {
            kind,
            lines: document::split_lines(text),
        };
        let Ok(draft) = reader::read(&doc) else {
            continue;
        };
        let emitted = emit::emit(&draft, "doc.txt", None);
        assert!(
            serde_saphyr::from_str::<serde_json::Value>(&emitted.text).is_ok(),
            "{}",
            emitted.text
        );
        let covered = report::covered(&draft);
        for (i, line) in doc.lines.iter().enumerate() {
            if !line.text.trim().is_empty() {
                assert!(covered.contains(&(i + 1)), "line {} {:?}", i + 1, line.text);
            }
        }
    }
});
