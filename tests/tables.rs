//! The tables of `list` and `history` fit the terminal: at 80 or 120
//! columns no row wraps, in any interface language; a title too long is
//! shortened with "…", and `--json` keeps it whole.

mod common;

use common::{Sandbox, cecot_yaml, stderr_of, stdout_of};
use console::measure_text_width;

const LONG_TITLE: &str = "Release the forty-two community radio journalists detained \
    without charge since the elections, and let their stations broadcast again";

/// A folder of actions: cecot's copy with a deadline after the tests'
/// date, and one with a title longer than any terminal.
fn actions(sb: &Sandbox) {
    let yaml = cecot_yaml().replace("\ndeadline: 2025-07-01\n", "\ndeadline: 2026-12-15\n");
    sb.write("acts/open.yaml", &yaml);
    let title = "title: Stop illegal expulsions to El Salvador\n";
    assert!(yaml.contains(title));
    sb.write(
        "acts/radio.yaml",
        &yaml.replace(title, &format!("title: {LONG_TITLE}\n")),
    );
}

fn run(sb: &Sandbox, lang: &str, columns: usize, args: &[&str]) -> String {
    let out = sb
        .appeal()
        .env("APPEAL_UI_LANG", lang)
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    stdout_of(&out)
}

fn assert_fits(table: &str, columns: usize, what: &str) {
    assert!(
        table.lines().count() > 1,
        "{what}: a header and rows:\n{table}"
    );
    for line in table.lines() {
        assert!(
            measure_text_width(line) <= columns,
            "{what}: {} columns, wider than {columns}: {line:?}",
            measure_text_width(line)
        );
    }
}

#[test]
fn list_fits_80_and_120_columns_in_every_language_and_json_keeps_the_title() {
    let sb = Sandbox::new();
    actions(&sb);
    for lang in ["en", "es", "fr"] {
        for columns in [80, 120] {
            let table = run(&sb, lang, columns, &["list", "--actions-dir", "acts"]);
            let what = format!("list, {lang}, {columns} columns");
            assert_fits(&table, columns, &what);
            let radio = table
                .lines()
                .find(|l| l.starts_with("radio "))
                .unwrap_or_else(|| panic!("{what}: no row for radio:\n{table}"));
            assert!(radio.contains("Release the"), "{what}: {radio}");
            assert!(
                radio.contains('…'),
                "{what}: the title is shortened: {radio}"
            );
            assert!(!radio.contains("broadcast again"), "{what}: {radio}");
        }
    }
    let json = run(&sb, "es", 80, &["list", "--actions-dir", "acts", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(titles.contains(&LONG_TITLE), "{titles:?}");
    assert!(!json.contains('…'));
}

#[test]
fn history_fits_80_and_120_columns_in_every_language() {
    let sb = Sandbox::new();
    actions(&sb);
    // A letter filed deep in folders: its path is the widest cell.
    let deep = "letters/to/the/minister/of/the/interior/about/the/radio/journalists";
    std::fs::create_dir_all(sb.path(deep)).unwrap();
    let out = sb
        .appeal()
        .args(["compose", "radio", "--actions-dir", "acts", "--no-input"])
        .args(["--name", "Ana Díaz", "-o"])
        .arg(sb.path(deep).join("letter-to-the-minister.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    for lang in ["en", "es", "fr"] {
        for columns in [80, 120] {
            let table = run(&sb, lang, columns, &["history"]);
            let what = format!("history, {lang}, {columns} columns");
            assert_fits(&table, columns, &what);
            assert!(
                table.contains('…'),
                "{what}: the path is shortened:\n{table}"
            );
        }
    }
    let wide = run(&sb, "en", 1000, &["history"]);
    assert!(wide.contains("letter-to-the-minister.txt"), "{wide}");
    assert!(!wide.contains('…'), "{wide}");
}
