//! Shared by the integration tests: the binary under test, run in a clean,
//! reproducible environment.
#![allow(dead_code)]

pub mod documents;
mod sandbox;

// Not every test uses every name.
#[allow(unused_imports)]
pub use sandbox::{MEMORY_LIMIT, Sandbox, TODAY, appeal_bin};

use std::path::{Path, PathBuf};

/// appeal's exit codes by the names `appeal::error::exit` gives them, as
/// the `i32` a process status holds, so a test can compare them with a
/// status or match them in a pattern.
pub mod exit {
    use appeal::error::exit as named;

    pub const OK: i32 = named::OK as i32;
    pub const FAILURE: i32 = named::FAILURE as i32;
    pub const USAGE: i32 = named::USAGE as i32;
    pub const BAD_INPUT: i32 = named::BAD_INPUT as i32;
    pub const DELIVERY: i32 = named::DELIVERY as i32;
    pub const INTERRUPTED: i32 = named::INTERRUPTED as i32;
}

/// Whether `bytes` hold anything a terminal acts on: ESC, BEL, another C0
/// control but line breaks and tabs, or a C1 control.
pub fn obeyed_by_a_terminal(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\u{c}'))
            || ('\u{80}'..='\u{9f}').contains(&c)
    })
}

/// Panics when stdout or stderr carries anything a terminal acts on.
pub fn assert_clean(what: &str, out: &std::process::Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(c) = obeyed_by_a_terminal(bytes) {
            panic!(
                "{what}: {stream} carries U+{:04X}:\n{}",
                c as u32,
                String::from_utf8_lossy(bytes).escape_debug()
            );
        }
    }
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The text of a fixture file.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("read fixture")
}

/// The shipped CECOT action's text.
pub fn cecot_yaml() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("actions/cecot.yaml"))
        .expect("read actions/cecot.yaml")
}

/// The output of a finished command as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}
