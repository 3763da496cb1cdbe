//! Hostile input, the second review: message files, batch files, file
//! names that become ids or letters' names, JSON and calendar output, and
//! links planted in a batch folder. One fixture per finding, generated here
//! where it is large; each run is bounded by a real memory limit and a
//! guard timeout (`Sandbox::bounded`), ends with a documented exit code,
//! prints nothing raw, and writes nothing outside its place.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Sandbox, assert_clean, stderr_of, stdout_of};

/// Every file and folder under `dir`, as paths relative to it: what a run
/// wrote, to compare with what it should have.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&at) else {
            continue;
        };
        for entry in entries.map(Result::unwrap) {
            let path = entry.path();
            found.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            }
        }
    }
    found
}

/// `tree` after a run holds what it held before and nothing else.
fn assert_nothing_written(sb: &Sandbox, before: &BTreeSet<PathBuf>) {
    let after = tree(sb.dir.path());
    let new: Vec<_> = after.difference(before).collect();
    assert!(new.is_empty(), "written: {new:?}");
}

#[test]
fn a_message_file_nested_a_hundred_thousand_deep_is_refused_before_it_is_parsed() {
    let sb = Sandbox::new();
    // Generated: 200 KB of braces, and the same depth of calls.
    let n = 100_000;
    sb.write(
        "es/deep.ftl",
        &format!("m = {}{}\n", "{".repeat(n), "}".repeat(n)),
    );
    sb.write(
        "es/calls.ftl",
        &format!("ok = fine\nm = {{ {}{} }}\n", "F(".repeat(n), ")".repeat(n)),
    );
    let before = tree(sb.dir.path());
    for (file, line) in [("es/deep.ftl", 1), ("es/calls.ftl", 2)] {
        let out = sb.bounded().args(["check", file]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr_of(&out));
        assert_clean(file, &out);
        assert!(
            stdout_of(&out).contains(&format!(
                "{file}:{line}: error: nests placeables or calls more than 16 deep"
            )),
            "{file}: {}",
            stdout_of(&out)
        );
    }
    assert_nothing_written(&sb, &before);
}

#[test]
fn a_message_file_of_ninety_thousand_messages_is_checked_in_one_pass() {
    let sb = Sandbox::new();
    // Generated: 90,000 messages (980 KB), each using another message, so
    // that every one is reported with its line.
    let text: String = (0..90_000).map(|i| format!("m{i}={{x}}\n")).collect();
    sb.write("es/many.ftl", &text);
    let out = sb
        .bounded()
        .args(["check", "es/many.ftl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_clean("check", &out);
    let said = stdout_of(&out);
    for (line, id) in [(1, "m0"), (45_678, "m45677"), (90_000, "m89999")] {
        assert!(
            said.contains(&format!("es/many.ftl:{line}: error: `{id}` uses x:")),
            "{id} at line {line}"
        );
    }
}
