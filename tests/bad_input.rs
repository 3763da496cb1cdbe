//! Bad input, case by case, through the real binary: each case sets up
//! files in a sandbox, runs `appeal`, and checks the exit code, the message
//! on stderr, and that nothing was left half-written or written anywhere
//! but where it belongs.
//!
//! Each case is a test of its own, named after the case:
//! `cargo test --test bad_input note_file_huge` runs one.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::Duration;

use common::{Sandbox, exit, fixture_text};

/// What a file in the sandbox holds before the run.
enum Content {
    Text(String),
    Bytes(Vec<u8>),
    Dir,
}

struct Case {
    name: &'static str,
    files: Vec<(&'static str, Content)>,
    env: Vec<(&'static str, &'static str)>,
    args: Vec<String>,
    code: i32,
    stderr: Vec<&'static str>,
    /// Letters expected on stdout (each ends with its signature).
    letters: usize,
    /// The only paths, relative to the sandbox, that may be new afterwards;
    /// their parent folders may be new too.
    new: Vec<&'static str>,
}

/// A case that runs nothing yet; [`cases!`] names it.
fn case() -> Case {
    Case {
        name: "",
        files: Vec::new(),
        env: Vec::new(),
        args: Vec::new(),
        code: exit::OK,
        stderr: Vec::new(),
        letters: 0,
        new: Vec::new(),
    }
}

impl Case {
    fn named(mut self, name: &'static str) -> Case {
        self.name = name;
        self
    }
    fn text(mut self, path: &'static str, text: impl Into<String>) -> Case {
        self.files.push((path, Content::Text(text.into())));
        self
    }
    fn bytes(mut self, path: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
        self.files.push((path, Content::Bytes(bytes.into())));
        self
    }
    fn dir(mut self, path: &'static str) -> Case {
        self.files.push((path, Content::Dir));
        self
    }
    fn env(mut self, key: &'static str, value: &'static str) -> Case {
        self.env.push((key, value));
        self
    }
    fn args(mut self, args: &[&str]) -> Case {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }
    /// `compose cecot --no-input` and then `args`.
    fn compose(self, args: &[&str]) -> Case {
        self.args(&["compose", "cecot", "--no-input"]).args(args)
    }
    fn fails(mut self, code: i32, stderr: &[&'static str]) -> Case {
        self.code = code;
        self.stderr.extend(stderr);
        self
    }
    fn letters(mut self, n: usize) -> Case {
        self.letters = n;
        self
    }
    fn creates(mut self, paths: &[&'static str]) -> Case {
        self.new.extend(paths);
        self
    }
}

/// Where a letter that could not be delivered is kept, inside the sandbox.
const RESCUED: &str = "data/appeal/unsent/cecot-2026-11-28.txt";

fn draft() -> String {
    fixture_text("draft.yaml")
}

/// Nine levels of nine aliases each: "billion laughs".
fn billion_laughs() -> String {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in b'b'..=b'i' {
        let prev = (level - 1) as char;
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{}: &{} [{refs}]\n", level as char, level as char));
    }
    text.push_str("title: *i\n");
    text
}

/// A valid-looking action whose address repeats one alias 5000 times.
fn alias_fan_out_action() -> String {
    let refs = vec!["*t"; 5000].join(", ");
    format!(
        "title: &t T\nsummary: s\npeople: p\ndeadline: 2099-01-01\npreferred_language: en\n\
         target: {{name: n, title: t, organisation: o, email: a@b.org, salutation: s, address: [{refs}]}}\n\
         background: b\nletters: {{en: {{subject: s, body: b}}}}\n"
    )
}

/// The draft action padded past the 1024 KiB an action file may take.
fn huge_draft() -> String {
    let mut huge = draft();
    huge.push_str(&format!("# {}\n", "x".repeat(1100 * 1024)));
    huge
}

/// One `#[test]` for each case, named after it, so that
/// `cargo test --test bad_input NAME` runs that case alone; and `CASES`,
/// their names.
macro_rules! cases {
    ($($name:ident: $case:expr;)+) => {
        $(
            #[test]
            fn $name() {
                check($case.named(stringify!($name)));
            }
        )+

        const CASES: &[&str] = &[$(stringify!($name)),+];
    };
}

cases! {
    // Action files.
    malformed_yaml: case()
        .text("bad.yaml", "title: Free\nsummary: \"never closed\npeople: x\n")
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["bad.yaml:2:10: unclosed quote"]);
    wrong_type_list_given_a_number: case()
        .text(
            "bad.yaml",
            draft()
                .replace("  address:\n", "  address: 5\n")
                .replace("    - 1 Example Street\n    - Example City\n", ""),
        )
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["bad.yaml:", "field `target.address`"]);
    wrong_type_date_given_a_list: case()
        .text(
            "bad.yaml",
            draft().replace("deadline: 2099-12-31", "deadline: [2099, 12, 31]"),
        )
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["bad.yaml:5:", "field `deadline`"]);
    empty_file: case()
        .text("empty.yaml", "")
        .args(&["show", "./empty.yaml"])
        .fails(exit::BAD_INPUT, &["empty.yaml:1:1:"]);
    binary_file: case()
        .bytes("binary.yaml", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x03\x00>\x00".to_vec())
        .args(&["show", "./binary.yaml"])
        .fails(exit::BAD_INPUT, &["binary.yaml:1:1: unexpected character"]);
    control_character_in_action: case()
        .text("ctl.yaml", draft().replace("Ana Example", "Ana Ex\u{1}mple"))
        .args(&["show", "./ctl.yaml"])
        .fails(exit::BAD_INPUT, &["ctl.yaml:9:9:", "unexpected character"]);
    bidi_override_in_model_letter: case()
        .text(
            "bidi.yaml",
            draft().replace("Please release", "Please \u{202E}esaeler ton od\u{202C} release"),
        )
        .args(&["compose", "./bidi.yaml", "--no-input", "--name", "Ana"])
        .fails(exit::BAD_INPUT, &["bidi.yaml:", "invisible bidirectional-text control (U+202E)"]);
    non_utf8_bytes_in_action: case()
        .bytes("latin1.yaml", {
            let mut b = draft().into_bytes();
            let at = b.len() / 2;
            b.insert(at, 0xE9);
            b
        })
        .args(&["show", "./latin1.yaml"])
        .fails(exit::BAD_INPUT, &["latin1.yaml: is not UTF-8 text (invalid byte at offset"]);
    huge_action_file: case()
        .text("huge.yaml", huge_draft())
        .args(&["show", "./huge.yaml"])
        .fails(exit::BAD_INPUT, &["huge.yaml: is larger than 1024 KiB"]);
    deep_nesting: case()
        .text(
            "deep.yaml",
            format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        )
        .args(&["show", "./deep.yaml"])
        .fails(exit::BAD_INPUT, &["deep.yaml:1:", "recursion limit"]);
    alias_bomb: case()
        .text("bomb.yaml", billion_laughs())
        .args(&["show", "./bomb.yaml"])
        .fails(exit::BAD_INPUT, &["bomb.yaml:1:1:"]);
    alias_fan_out: case()
        .text("fan.yaml", alias_fan_out_action())
        .args(&["show", "./fan.yaml"])
        .fails(exit::BAD_INPUT, &["fan.yaml:6:", "alias expansion limit"]);
    invalid_date: case()
        .text(
            "bad.yaml",
            draft().replace("deadline: 2099-12-31", "deadline: 2025-02-30"),
        )
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["bad.yaml:5:11: field `deadline`: `2025-02-30` is not a date"]);
    unknown_top_level_field: case()
        .text("bad.yaml", draft().replace("title:", "fax: 1\ntitle:"))
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["unknown field `fax`"]);
    unknown_nested_field: case()
        .text("bad.yaml", draft().replace("  email:", "  telex: 1\n  email:"))
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["unknown field `target.telex`; expected one of"]);
    missing_field: case()
        .text(
            "bad.yaml",
            draft().replace("people: River keepers (she/her, he/him)\n", ""),
        )
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["missing required field `people`"]);
    duplicate_key: case()
        .text("bad.yaml", draft().replace("title: Free", "title: A\ntitle: Free"))
        .args(&["show", "./bad.yaml"])
        .fails(exit::BAD_INPUT, &["bad.yaml:3:", "duplicate mapping key: title"]);
    action_path_is_a_folder: case()
        .dir("folder.yaml")
        .args(&["show", "./folder.yaml"])
        .fails(exit::BAD_INPUT, &["folder.yaml"]);
    translation_without_its_action: case()
        .text("orphan.es.yaml", fixture_text("draft.es.yaml"))
        .args(&["show", "./orphan.es.yaml"])
        .fails(exit::BAD_INPUT, &["is a translation, but its action `orphan.yaml` is not beside it"]);
    translation_with_unknown_field: case()
        .text("acts/draft.yaml", draft())
        .text(
            "acts/draft.es.yaml",
            fixture_text("draft.es.yaml") + "fax: 1\n",
        )
        .args(&["compose", "draft", "--actions-dir", "acts", "--name", "Ana"])
        .args(&["--no-input", "--lang", "es"])
        .fails(exit::BAD_INPUT, &["draft.es.yaml:", "unknown field `fax`"]);
    translation_file_name_not_a_language: case()
        .text("acts/draft.yaml", draft())
        .text("acts/draft.e!s.yaml", fixture_text("draft.es.yaml"))
        .args(&["compose", "draft", "--actions-dir", "acts", "--name", "Ana"])
        .args(&["--no-input"])
        .fails(exit::BAD_INPUT, &["`e!s` in the file name is not a language tag"]);
    template_syntax_error: case()
        .text("ts.yaml", fixture_text("check/template-syntax.yaml"))
        .args(&["compose", "./ts.yaml", "--name", "Ana", "--no-input"])
        .fails(
            exit::BAD_INPUT,
            &["ts.yaml: letters.en.body, line 16, column 1: invalid template syntax"],
        );
    template_unknown_variable: case()
        .text("uv.yaml", fixture_text("check/unknown-variable.yaml"))
        .args(&["compose", "./uv.yaml", "--name", "Ana", "--no-input"])
        .fails(exit::BAD_INPUT, &["uv.yaml: letters.en.body, line 13", "nmae"]);
    unknown_action: case()
        .args(&["compose", "cecott", "--name", "Ana", "--no-input"])
        .fails(exit::USAGE, &["unknown action `cecott` (did you mean `cecot`?)"]);
    unknown_language_tag: case()
        .compose(&["--name", "Ana", "--lang", "e$"])
        .fails(exit::USAGE, &["--lang: `e$` is not a language tag"]);
    // Typed text.
    name_with_control_character: case()
        .compose(&["--name", "Ana\u{7}"])
        .fails(exit::BAD_INPUT, &["--name: contains a control character (U+0007)"]);
    name_with_bidi_override: case()
        .compose(&["--name", "Ana \u{202E}zaíD"])
        .fails(
            exit::BAD_INPUT,
            &["--name: contains an invisible bidirectional-text control (U+202E)"],
        );
    name_empty: case()
        .compose(&["--name", " "])
        .fails(exit::USAGE, &["--name"]);
    city_with_line_break: case()
        .compose(&["--name", "Ana", "--city", "Quito\nEvil"])
        .fails(exit::BAD_INPUT, &["--city: contains a line break (U+000A) in a field of one line"]);
    note_with_bidi_isolate: case()
        .compose(&["--name", "Ana", "--note", "ok \u{2066}hidden\u{2069}"])
        .fails(exit::BAD_INPUT, &["--note: contains an invisible bidirectional-text control (U+2066)"]);
    note_file_missing: case()
        .compose(&["--name", "Ana", "--note-file", "nope.txt"])
        .fails(exit::BAD_INPUT, &["nope.txt: No such file"]);
    note_file_not_utf8: case()
        .bytes("note.txt", b"caf\xe9".to_vec())
        .compose(&["--name", "Ana", "--note-file", "note.txt"])
        .fails(exit::BAD_INPUT, &["note.txt: is not UTF-8 text"]);
    note_file_is_a_folder: case()
        .dir("notes")
        .compose(&["--name", "Ana", "--note-file", "notes"])
        .fails(exit::BAD_INPUT, &["notes: Is a directory"]);
    note_file_huge: case()
        .text("note.txt", "x".repeat(1100 * 1024))
        .compose(&["--name", "Ana", "--note-file", "note.txt"])
        .fails(exit::BAD_INPUT, &["note.txt: is larger than 1024 KiB"]);
    note_file_with_control_character: case()
        .text("note.txt", "Line one.\n\u{1b}[8mhidden\n")
        .compose(&["--name", "Ana", "--note-file", "note.txt"])
        .fails(exit::BAD_INPUT, &["--note-file note.txt: contains a control character (U+001B) at line 2, column 1"]);
    // Where the letter goes.
    output_is_a_folder: case()
        .dir("out")
        .compose(&["--name", "Ana", "-o", "out"])
        .fails(exit::DELIVERY, &["out could not be written: is a directory", "the letter was saved to"])
        .creates(&[RESCUED]);
    // Tests run as root, which ignores permissions: a path under a
    // regular file can't be written by anyone.
    output_folder_not_writable: case()
        .text("plain", "not a folder\n")
        .compose(&["--name", "Ana", "-o", "plain/letter.txt"])
        .fails(exit::DELIVERY, &["plain/letter.txt could not be written", "the letter was saved to"])
        .creates(&[RESCUED]);
    existing_output_without_force: case()
        .text("letter.txt", "an earlier letter\n")
        .compose(&["--name", "Ana", "-o", "letter.txt"])
        .fails(
            exit::DELIVERY,
            &["letter.txt already exists; not overwritten (use --force to replace it)"],
        )
        .creates(&[RESCUED]);
    out_dir_is_a_file: case()
        .text("signers.csv", "name\nAna\n")
        .text("letters", "not a folder\n")
        .compose(&["--batch", "signers.csv", "--out-dir", "letters"])
        .fails(exit::BAD_INPUT, &["letters: is a file, not a folder"]);
    // Batch files.
    ragged_csv_rows: case()
        .text("s.csv", "name,city\nAna,Quito\nBen,Lagos,extra\nCa,Lyon\n")
        .compose(&["--batch", "s.csv"])
        .fails(exit::BAD_INPUT, &["row 2: has 3 fields, but the header has 2", "2 letters written, 1 row failed"])
        .letters(2);
    broken_csv_quoting: case()
        .text("s.csv", "name,city\n\"Ana,Quito\nBen,Lagos\n")
        .compose(&["--batch", "s.csv"])
        .fails(exit::BAD_INPUT, &["row 1: has 1 field, but the header has 2 (a stray comma or an unclosed quote?)"]);
    non_utf8_csv: case()
        .bytes("s.csv", b"name,city\nAn\xe9,Quito\nBen,Lagos\n".to_vec())
        .compose(&["--batch", "s.csv"])
        .fails(exit::BAD_INPUT, &["row 1: is not UTF-8 text", "1 letter written, 1 row failed"])
        .letters(1);
    csv_without_name_column: case()
        .text("s.csv", "who,city\nAna,Quito\n")
        .compose(&["--batch", "s.csv"])
        .fails(exit::BAD_INPUT, &["s.csv: has no `name` column; its header row is: who,city"]);
    csv_row_without_a_name: case()
        .text("s.csv", "name,note\n,hello\n")
        .compose(&["--batch", "s.csv"])
        .fails(exit::BAD_INPUT, &["row 1: has no name"]);
    csv_row_name_with_control_character: case()
        .text("s.csv", "name,city\nAna\u{7},Quito\nBen,Lagos\n")
        .compose(&["--batch", "s.csv"])
        .fails(exit::BAD_INPUT, &["row 1: name: contains a control character (U+0007)"])
        .letters(1);
    jsonl_nested_object: case()
        .text("s.jsonl", "{\"name\":{\"first\":\"Ana\"}}\n{\"name\":\"Ben\"}\n")
        .compose(&["--batch", "s.jsonl"])
        .fails(exit::BAD_INPUT, &["row 1: field `name` must be text, not a list or object"])
        .letters(1);
    jsonl_not_json: case()
        .text("s.jsonl", "{\"name\":\"Ana\"\n")
        .compose(&["--batch", "s.jsonl"])
        .fails(exit::BAD_INPUT, &["row 1: is not valid JSON"]);
    jsonl_not_an_object: case()
        .text("s.jsonl", "[{\"name\":\"Ana\"}]\n")
        .compose(&["--batch", "s.jsonl"])
        .fails(exit::BAD_INPUT, &["row 1: is not a JSON object"]);
    jsonl_row_name_with_bidi_override: case()
        .text("s.jsonl", "{\"name\":\"Ana \\u202eziaD\"}\n")
        .compose(&["--batch", "s.jsonl"])
        .fails(
            exit::BAD_INPUT,
            &["row 1: name: contains an invisible bidirectional-text control (U+202E)"],
        );
    batch_file_missing: case()
        .compose(&["--batch", "missing.csv"])
        .fails(exit::BAD_INPUT, &["missing.csv: No such file"]);
    name_template_syntax_error: case()
        .text("s.csv", "name\nAna\n")
        .compose(&["--batch", "s.csv", "--out-dir", "letters"])
        .args(&["--name-template", "{{#if name}}x"])
        .fails(exit::USAGE, &["--name-template: invalid template syntax"]);
    name_template_unknown_variable: case()
        .text("s.csv", "name\nAna\n")
        .compose(&["--batch", "s.csv", "--out-dir", "letters"])
        .args(&["--name-template", "{{nope}}.txt"])
        .fails(exit::BAD_INPUT, &["row 1: --name-template:", "nope"])
        .creates(&["letters"]);
    names_and_template_that_climb_out: case()
        .text("s.csv", "name\n../../evil\n/etc/passwd\n")
        .compose(&["--batch", "s.csv", "--out-dir", "letters"])
        .args(&["--name-template", "../{{name}}/x.txt"])
        .creates(&["letters/evil-x.txt", "letters/etc-passwd-x.txt"]);
    // The environment and the command line.
    broken_config_is_ignored: case()
        .text("config/appeal/config.yaml", "name: [oops\n")
        .compose(&[])
        .fails(exit::USAGE, &["ignoring the remembered settings", "no value for --name"]);
    invalid_today: case()
        .env("APPEAL_TODAY", "2025-02-30")
        .compose(&["--name", "Ana"])
        .fails(exit::USAGE, &["APPEAL_TODAY=`2025-02-30` is not a date"]);
    width_not_a_number: case()
        .compose(&["--name", "Ana", "--width", "abc"])
        .fails(exit::USAGE, &["invalid value 'abc' for '--width <N>'"]);
}

/// Every file and folder under `root`, by relative path, with a digest of
/// each file's content (`None` for a folder).
fn tree(root: &Path) -> BTreeMap<String, Option<u64>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Option<u64>>) {
        let entries = std::fs::read_dir(dir).expect("list the sandbox");
        for entry in entries {
            let entry = entry.expect("a sandbox entry");
            let path = entry.path();
            let rel = path
                .strip_prefix(root)
                .expect("inside the sandbox")
                .to_string_lossy()
                .replace('\\', "/");
            if entry.file_type().expect("a file type").is_dir() {
                out.insert(rel, None);
                walk(root, &path, out);
            } else {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                std::fs::read(&path)
                    .expect("read a sandbox file")
                    .hash(&mut h);
                out.insert(rel, Some(h.finish()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    // The sandbox's own TMPDIR; anything made in it counts.
    out.retain(|rel, _| rel != "tmp");
    out
}

/// Runs one case; returns what went wrong, if anything.
fn run(case: &Case) -> Vec<String> {
    let sb = Sandbox::new();
    for (path, content) in &case.files {
        let full = sb.path(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create a fixture folder");
        }
        match content {
            Content::Text(text) => std::fs::write(&full, text).expect("write a fixture"),
            Content::Bytes(bytes) => std::fs::write(&full, bytes).expect("write a fixture"),
            Content::Dir => std::fs::create_dir_all(&full).expect("create a folder"),
        }
    }
    let before = tree(sb.dir.path());
    let mut cmd = sb.appeal();
    cmd.args(&case.args).timeout(Duration::from_secs(30));
    for (key, value) in &case.env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("appeal runs");
    let after = tree(sb.dir.path());

    let mut problems = Vec::new();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() != Some(case.code) {
        problems.push(format!(
            "exit {:?}, expected {}",
            out.status.code(),
            case.code
        ));
    }
    for expected in &case.stderr {
        if !stderr.contains(expected) {
            problems.push(format!("stderr lacks {expected:?}"));
        }
    }
    if case.code != exit::OK && !stderr.contains("appeal: ") && !stderr.contains("error: ") {
        problems.push("a failure with no message".to_string());
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        problems.push("panicked".to_string());
    }
    let letters = stdout.matches("Yours sincerely,").count();
    if letters != case.letters {
        problems.push(format!(
            "{letters} letter(s) on stdout, expected {}",
            case.letters
        ));
    }

    // Nothing changed, nothing half-written, nothing out of place.
    for (path, digest) in &before {
        match after.get(path) {
            None => problems.push(format!("{path} was removed")),
            Some(d) if d != digest => problems.push(format!("{path} was changed")),
            Some(_) => {}
        }
    }
    let mut allowed: BTreeSet<String> = BTreeSet::new();
    for path in &case.new {
        let mut p = Some(Path::new(path));
        while let Some(q) = p.filter(|q| !q.as_os_str().is_empty()) {
            allowed.insert(q.to_string_lossy().into_owned());
            p = q.parent();
        }
    }
    // A run that wrote some letters records them in the history.
    for path in ["data", "data/appeal", "data/appeal/history.sqlite"] {
        allowed.insert(path.to_string());
    }
    let new: BTreeSet<&String> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    for path in &new {
        if !allowed.contains(path.as_str()) {
            problems.push(format!("{path} appeared"));
        }
    }
    for path in &case.new {
        if !new.iter().any(|p| p == path) {
            problems.push(format!("{path} was expected but did not appear"));
        }
    }
    for path in after.keys() {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name.ends_with(".tmp") || name.starts_with(".appeal-") {
            problems.push(format!("a temporary file was left: {path}"));
        }
    }
    problems
        .into_iter()
        .map(|p| {
            format!(
                "[{}] {p}\n  args: {:?}\n  stderr: {}",
                case.name,
                case.args,
                stderr.trim_end()
            )
        })
        .collect()
}

/// Runs `case` and fails with every problem it found.
fn check(case: Case) {
    let problems = run(&case);
    assert!(
        problems.is_empty(),
        "{} problem(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// The cases are many; a merge that drops the macro's body would not be
/// noticed otherwise.
#[test]
fn no_case_was_lost() {
    assert!(CASES.len() >= 30, "only {} cases", CASES.len());
}
