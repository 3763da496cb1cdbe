//! Bad input, case by case, through the real binary: each case sets up
//! files in a sandbox, runs `appeal`, and checks the exit code, the message
//! on stderr, and that nothing was left half-written or written anywhere
//! but where it belongs.
//!
//! Every case runs even when an earlier one fails; the failures are listed
//! together at the end, each under its case's name.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::Duration;

use common::{Sandbox, fixture_text};

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

fn case(name: &'static str) -> Case {
    Case {
        name,
        files: Vec::new(),
        env: Vec::new(),
        args: Vec::new(),
        code: 0,
        stderr: Vec::new(),
        letters: 0,
        new: Vec::new(),
    }
}

impl Case {
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
fn alias_fan_out() -> String {
    let refs = vec!["*t"; 5000].join(", ");
    format!(
        "title: &t T\nsummary: s\npeople: p\ndeadline: 2099-01-01\npreferred_language: en\n\
         target: {{name: n, title: t, organisation: o, email: a@b.org, salutation: s, address: [{refs}]}}\n\
         background: b\nletters: {{en: {{subject: s, body: b}}}}\n"
    )
}

fn cases() -> Vec<Case> {
    let mut huge = draft();
    huge.push_str(&format!("# {}\n", "x".repeat(1100 * 1024)));
    vec![
        // Action files.
        case("malformed_yaml")
            .text("bad.yaml", "title: Free\nsummary: \"never closed\npeople: x\n")
            .args(&["show", "./bad.yaml"])
            .fails(3, &["bad.yaml:2:10: unclosed quote"]),
        case("wrong_type_list_given_a_number")
            .text(
                "bad.yaml",
                draft()
                    .replace("  address:\n", "  address: 5\n")
                    .replace("    - 1 Example Street\n    - Example City\n", ""),
            )
            .args(&["show", "./bad.yaml"])
            .fails(3, &["bad.yaml:", "field `target.address`"]),
        case("wrong_type_date_given_a_list")
            .text(
                "bad.yaml",
                draft().replace("deadline: 2099-12-31", "deadline: [2099, 12, 31]"),
            )
            .args(&["show", "./bad.yaml"])
            .fails(3, &["bad.yaml:5:", "field `deadline`"]),
        case("empty_file")
            .text("empty.yaml", "")
            .args(&["show", "./empty.yaml"])
            .fails(3, &["empty.yaml:1:1:"]),
        case("binary_file")
            .bytes("binary.yaml", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x03\x00>\x00".to_vec())
            .args(&["show", "./binary.yaml"])
            .fails(3, &["binary.yaml:1:1: unexpected character"]),
        case("control_character_in_action")
            .text("ctl.yaml", draft().replace("Ana Example", "Ana Ex\u{1}mple"))
            .args(&["show", "./ctl.yaml"])
            .fails(3, &["ctl.yaml:9:9:", "unexpected character"]),
        case("bidi_override_in_model_letter")
            .text(
                "bidi.yaml",
                draft().replace("Please release", "Please \u{202E}esaeler ton od\u{202C} release"),
            )
            .args(&["compose", "./bidi.yaml", "--no-input", "--name", "Ana"])
            .fails(3, &["bidi.yaml:", "invisible bidirectional-text control (U+202E)"]),
        case("non_utf8_bytes_in_action")
            .bytes("latin1.yaml", {
                let mut b = draft().into_bytes();
                let at = b.len() / 2;
                b.insert(at, 0xE9);
                b
            })
            .args(&["show", "./latin1.yaml"])
            .fails(3, &["latin1.yaml: is not UTF-8 text (invalid byte at offset"]),
        case("huge_action_file")
            .text("huge.yaml", huge)
            .args(&["show", "./huge.yaml"])
            .fails(3, &["huge.yaml: is larger than 1024 KiB"]),
        case("deep_nesting")
            .text(
                "deep.yaml",
                format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
            )
            .args(&["show", "./deep.yaml"])
            .fails(3, &["deep.yaml:1:", "recursion limit"]),
        case("alias_bomb")
            .text("bomb.yaml", billion_laughs())
            .args(&["show", "./bomb.yaml"])
            .fails(3, &["bomb.yaml:1:1:"]),
        case("alias_fan_out")
            .text("fan.yaml", alias_fan_out())
            .args(&["show", "./fan.yaml"])
            .fails(3, &["fan.yaml:6:", "alias expansion limit"]),
        case("invalid_date")
            .text(
                "bad.yaml",
                draft().replace("deadline: 2099-12-31", "deadline: 2025-02-30"),
            )
            .args(&["show", "./bad.yaml"])
            .fails(3, &["bad.yaml:5:11: field `deadline`: `2025-02-30` is not a date"]),
        case("unknown_top_level_field")
            .text("bad.yaml", draft().replace("title:", "fax: 1\ntitle:"))
            .args(&["show", "./bad.yaml"])
            .fails(3, &["unknown field `fax`"]),
        case("unknown_nested_field")
            .text("bad.yaml", draft().replace("  email:", "  telex: 1\n  email:"))
            .args(&["show", "./bad.yaml"])
            .fails(3, &["unknown field `target.telex`; expected one of"]),
        case("missing_field")
            .text(
                "bad.yaml",
                draft().replace("people: River keepers (she/her, he/him)\n", ""),
            )
            .args(&["show", "./bad.yaml"])
            .fails(3, &["missing required field `people`"]),
        case("duplicate_key")
            .text("bad.yaml", draft().replace("title: Free", "title: A\ntitle: Free"))
            .args(&["show", "./bad.yaml"])
            .fails(3, &["bad.yaml:3:", "duplicate mapping key: title"]),
        case("action_path_is_a_folder")
            .dir("folder.yaml")
            .args(&["show", "./folder.yaml"])
            .fails(3, &["folder.yaml"]),
        case("translation_without_its_action")
            .text("orphan.es.yaml", fixture_text("draft.es.yaml"))
            .args(&["show", "./orphan.es.yaml"])
            .fails(3, &["is a translation, but its action `orphan.yaml` is not beside it"]),
        case("translation_with_unknown_field")
            .text("acts/draft.yaml", draft())
            .text(
                "acts/draft.es.yaml",
                fixture_text("draft.es.yaml") + "fax: 1\n",
            )
            .args(&["compose", "draft", "--actions-dir", "acts", "--name", "Ana"])
            .args(&["--no-input", "--lang", "es"])
            .fails(3, &["draft.es.yaml:", "unknown field `fax`"]),
        case("translation_file_name_not_a_language")
            .text("acts/draft.yaml", draft())
            .text("acts/draft.e!s.yaml", fixture_text("draft.es.yaml"))
            .args(&["compose", "draft", "--actions-dir", "acts", "--name", "Ana"])
            .args(&["--no-input"])
            .fails(3, &["`e!s` in the file name is not a language tag"]),
        case("template_syntax_error")
            .text("ts.yaml", fixture_text("check/template-syntax.yaml"))
            .args(&["compose", "./ts.yaml", "--name", "Ana", "--no-input"])
            .fails(
                3,
                &["ts.yaml: letters.en.body, line 16, column 1: invalid template syntax"],
            ),
        case("template_unknown_variable")
            .text("uv.yaml", fixture_text("check/unknown-variable.yaml"))
            .args(&["compose", "./uv.yaml", "--name", "Ana", "--no-input"])
            .fails(3, &["uv.yaml: letters.en.body, line 13", "nmae"]),
        case("unknown_action")
            .args(&["compose", "cecott", "--name", "Ana", "--no-input"])
            .fails(2, &["unknown action `cecott` (did you mean `cecot`?)"]),
        case("unknown_language_tag")
            .compose(&["--name", "Ana", "--lang", "e$"])
            .fails(2, &["--lang: `e$` is not a language tag"]),
        // Typed text.
        case("name_with_control_character")
            .compose(&["--name", "Ana\u{7}"])
            .fails(3, &["--name: contains a control character (U+0007)"]),
        case("name_with_bidi_override")
            .compose(&["--name", "Ana \u{202E}zaíD"])
            .fails(
                3,
                &["--name: contains an invisible bidirectional-text control (U+202E)"],
            ),
        case("name_empty")
            .compose(&["--name", " "])
            .fails(2, &["--name"]),
        case("city_with_line_break")
            .compose(&["--name", "Ana", "--city", "Quito\nEvil"])
            .fails(3, &["--city: contains a line break (U+000A) in a field of one line"]),
        case("note_with_bidi_isolate")
            .compose(&["--name", "Ana", "--note", "ok \u{2066}hidden\u{2069}"])
            .fails(3, &["--note: contains an invisible bidirectional-text control (U+2066)"]),
        case("note_file_missing")
            .compose(&["--name", "Ana", "--note-file", "nope.txt"])
            .fails(3, &["nope.txt: No such file"]),
        case("note_file_not_utf8")
            .bytes("note.txt", b"caf\xe9".to_vec())
            .compose(&["--name", "Ana", "--note-file", "note.txt"])
            .fails(3, &["note.txt: is not UTF-8 text"]),
        case("note_file_is_a_folder")
            .dir("notes")
            .compose(&["--name", "Ana", "--note-file", "notes"])
            .fails(3, &["notes: Is a directory"]),
        case("note_file_huge")
            .text("note.txt", "x".repeat(1100 * 1024))
            .compose(&["--name", "Ana", "--note-file", "note.txt"])
            .fails(3, &["note.txt: is larger than 1024 KiB"]),
        case("note_file_with_control_character")
            .text("note.txt", "Line one.\n\u{1b}[8mhidden\n")
            .compose(&["--name", "Ana", "--note-file", "note.txt"])
            .fails(3, &["--note-file note.txt: contains a control character (U+001B) at line 2, column 1"]),
        // Where the letter goes.
        case("output_is_a_folder")
            .dir("out")
            .compose(&["--name", "Ana", "-o", "out"])
            .fails(4, &["out could not be written: is a directory", "the letter was saved to"])
            .creates(&[RESCUED]),
        // Tests run as root, which ignores permissions: a path under a
        // regular file can't be written by anyone.
        case("output_folder_not_writable")
            .text("plain", "not a folder\n")
            .compose(&["--name", "Ana", "-o", "plain/letter.txt"])
            .fails(4, &["plain/letter.txt could not be written", "the letter was saved to"])
            .creates(&[RESCUED]),
        case("existing_output_without_force")
            .text("letter.txt", "an earlier letter\n")
            .compose(&["--name", "Ana", "-o", "letter.txt"])
            .fails(
                4,
                &["letter.txt already exists; not overwritten (use --force to replace it)"],
            )
            .creates(&[RESCUED]),
        case("out_dir_is_a_file")
            .text("signers.csv", "name\nAna\n")
            .text("letters", "not a folder\n")
            .compose(&["--batch", "signers.csv", "--out-dir", "letters"])
            .fails(3, &["letters: is a file, not a folder"]),
        // Batch files.
        case("ragged_csv_rows")
            .text("s.csv", "name,city\nAna,Quito\nBen,Lagos,extra\nCa,Lyon\n")
            .compose(&["--batch", "s.csv"])
            .fails(3, &["row 2: has 3 fields, but the header has 2", "2 letters written, 1 row failed"])
            .letters(2),
        case("broken_csv_quoting")
            .text("s.csv", "name,city\n\"Ana,Quito\nBen,Lagos\n")
            .compose(&["--batch", "s.csv"])
            .fails(3, &["row 1: has 1 field, but the header has 2 (a stray comma or an unclosed quote?)"]),
        case("non_utf8_csv")
            .bytes("s.csv", b"name,city\nAn\xe9,Quito\nBen,Lagos\n".to_vec())
            .compose(&["--batch", "s.csv"])
            .fails(3, &["row 1: is not UTF-8 text", "1 letter written, 1 row failed"])
            .letters(1),
        case("csv_without_name_column")
            .text("s.csv", "who,city\nAna,Quito\n")
            .compose(&["--batch", "s.csv"])
            .fails(3, &["s.csv: has no `name` column; its header row is: who,city"]),
        case("csv_row_without_a_name")
            .text("s.csv", "name,note\n,hello\n")
            .compose(&["--batch", "s.csv"])
            .fails(3, &["row 1: has no name"]),
        case("csv_row_name_with_control_character")
            .text("s.csv", "name,city\nAna\u{7},Quito\nBen,Lagos\n")
            .compose(&["--batch", "s.csv"])
            .fails(3, &["row 1: name: contains a control character (U+0007)"])
            .letters(1),
        case("jsonl_nested_object")
            .text("s.jsonl", "{\"name\":{\"first\":\"Ana\"}}\n{\"name\":\"Ben\"}\n")
            .compose(&["--batch", "s.jsonl"])
            .fails(3, &["row 1: field `name` must be text, not a list or object"])
            .letters(1),
        case("jsonl_not_json")
            .text("s.jsonl", "{\"name\":\"Ana\"\n")
            .compose(&["--batch", "s.jsonl"])
            .fails(3, &["row 1: is not valid JSON"]),
        case("jsonl_not_an_object")
            .text("s.jsonl", "[{\"name\":\"Ana\"}]\n")
            .compose(&["--batch", "s.jsonl"])
            .fails(3, &["row 1: is not a JSON object"]),
        case("jsonl_row_name_with_bidi_override")
            .text("s.jsonl", "{\"name\":\"Ana \\u202eziaD\"}\n")
            .compose(&["--batch", "s.jsonl"])
            .fails(
                3,
                &["row 1: name: contains an invisible bidirectional-text control (U+202E)"],
            ),
        case("batch_file_missing")
            .compose(&["--batch", "missing.csv"])
            .fails(3, &["missing.csv: No such file"]),
        case("name_template_syntax_error")
            .text("s.csv", "name\nAna\n")
            .compose(&["--batch", "s.csv", "--out-dir", "letters"])
            .args(&["--name-template", "{{#if name}}x"])
            .fails(2, &["--name-template: invalid template syntax"]),
        case("name_template_unknown_variable")
            .text("s.csv", "name\nAna\n")
            .compose(&["--batch", "s.csv", "--out-dir", "letters"])
            .args(&["--name-template", "{{nope}}.txt"])
            .fails(3, &["row 1: --name-template:", "nope"])
            .creates(&["letters"]),
        case("names_and_template_that_climb_out")
            .text("s.csv", "name\n../../evil\n/etc/passwd\n")
            .compose(&["--batch", "s.csv", "--out-dir", "letters"])
            .args(&["--name-template", "../{{name}}/x.txt"])
            .creates(&["letters/evil-x.txt", "letters/etc-passwd-x.txt"]),
        // The environment and the command line.
        case("broken_config_is_ignored")
            .text("config/appeal/config.yaml", "name: [oops\n")
            .compose(&[])
            .fails(2, &["ignoring the remembered settings", "no value for --name"]),
        case("invalid_today")
            .env("APPEAL_TODAY", "2025-02-30")
            .compose(&["--name", "Ana"])
            .fails(2, &["APPEAL_TODAY=`2025-02-30` is not a date"]),
        case("width_not_a_number")
            .compose(&["--name", "Ana", "--width", "abc"])
            .fails(2, &["invalid value 'abc' for '--width <N>'"]),
    ]
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
    if case.code != 0 && !stderr.contains("appeal: ") && !stderr.contains("error: ") {
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

#[test]
fn bad_input_is_refused_cleanly() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let mut names = BTreeSet::new();
    for case in &cases {
        assert!(
            names.insert(case.name),
            "[{}] two cases share a name",
            case.name
        );
    }
    let failures: Vec<String> = cases.iter().flat_map(run).collect();
    assert!(
        failures.is_empty(),
        "{} problem(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
