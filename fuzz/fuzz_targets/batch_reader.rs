//! Any bytes as a batch file, read as CSV and as JSON Lines: rows or row
//! errors, numbered in order, never a panic or an endless loop; any field
//! made into a file name stays a safe name.
#![no_main]

use std::sync::LazyLock;

use appeal::file_name as sanitize;
use appeal::{RowsFormat as Format, read_rows as open};
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<tempfile::TempDir> =
    LazyLock::new(|| tempfile::tempdir().expect("a temporary folder"));

fuzz_target!(|data: &[u8]| {
    let path = DIR.path().join("rows");
    std::fs::write(&path, data).expect("write the rows");
    for format in [Format::Csv, Format::Jsonl] {
        let Ok(rows) = open(&path, format) else {
            continue;
        };
        let mut last = 0;
        for (i, row) in rows.enumerate() {
            assert!(i <= data.len() + 1, "more rows than bytes");
            let number = match row {
                Ok(row) => {
                    for (_, value) in row.fields() {
                        let name = sanitize(value);
                        assert!(!name.is_empty() && !name.starts_with('.'));
                        assert!(name.len() <= 200);
                        assert!(!name.contains(['/', '\\']) && !name.chars().any(char::is_control));
                    }
                    row.number
                }
                Err(e) => e.number,
            };
            assert!(number > last, "row numbers go up");
            last = number;
        }
    }
});
