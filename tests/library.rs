//! The action library: `list`, `show`, `--json`, where actions come from,
//! and the errors for files that are wrong.

mod common;

use common::{Sandbox, cecot_yaml, exit, fixture, fixture_text, stderr_of, stdout_of};
use predicates::prelude::*;
use serde_json::Value;

fn json_of(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn list_shows_id_title_deadline_state_and_languages() {
    let sb = Sandbox::new();
    sb.appeal()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("ID"))
        .stdout(predicate::str::is_match(
            r"(?m)^cecot\s+Stop illegal expulsions to El Salvador\s+2025-07-01 \(passed 515 days ago\)\s+English \(en\), Español \(es\), Français \(fr\)\s+built-in\s+-$",
        )
        .unwrap());
}

#[test]
fn list_json_has_a_stable_shape() {
    let sb = Sandbox::new();
    let out = sb.appeal().args(["list", "--json"]).output().unwrap();
    assert!(out.status.success());
    let list = json_of(&out);
    let cecot = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "cecot")
        .expect("cecot is listed");
    assert_eq!(cecot["title"], "Stop illegal expulsions to El Salvador");
    assert_eq!(cecot["deadline"], "2025-07-01");
    assert_eq!(cecot["days_left"], -515);
    assert_eq!(cecot["deadline_passed"], true);
    assert_eq!(cecot["preferred_language"], "en");
    assert_eq!(cecot["languages"][0], "en");
    assert_eq!(cecot["language_names"][1], "Español");
    assert_eq!(cecot["source"], "actions/cecot.yaml");
}

#[test]
fn show_prints_target_deadline_language_and_background() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["show", "cecot"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    for expected in [
        "Stop illegal expulsions to El Salvador",
        "The Honorable Kristi Noem",
        "Secretary of Homeland Security",
        "U.S. Department of Homeland Security",
        "2707 Martin Luther King Jr. Avenue, SE",
        "Washington, DC 20528",
        "USA",
        "dhssecretary@hq.dhs.gov",
        "1 July 2025 (passed 515 days ago)",
        "Please check with the Amnesty office",
        "en preferred",
        "You can also write in your own language.",
        "Migrants and people seeking safety (all pronouns)",
        "Summary",
        "Background",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Summary and background are wrapped: no line is wider than 80 columns
    // when stdout is not a terminal.
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    // The whole background is there, one paragraph after another.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("more than 300 deaths of individuals while in state custody"));
    assert!(flat.contains("over 120,000 Japanese Americans"));
}

#[test]
fn show_json_carries_every_fact_of_the_action() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["show", "cecot", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let a = json_of(&out);
    assert_eq!(a["id"], "cecot");
    assert_eq!(a["deadline"], "2025-07-01");
    assert_eq!(a["preferred_language"], "en");
    assert_eq!(a["own_language_welcome"], true);
    assert_eq!(
        a["people"],
        "Migrants and people seeking safety (all pronouns)"
    );
    assert_eq!(a["target"]["name"], "Kristi Noem");
    assert_eq!(a["target"]["honorific"], "The Honorable");
    assert_eq!(a["target"]["email"], "dhssecretary@hq.dhs.gov");
    assert_eq!(a["target"]["salutation"], "Dear Secretary Noem,");
    assert_eq!(
        a["target"]["address"],
        serde_json::json!([
            "2707 Martin Luther King Jr. Avenue, SE",
            "Washington, DC 20528",
            "USA"
        ])
    );
    assert!(a["summary"].as_str().unwrap().contains("255 individuals"));
    let background = a["background"].as_array().unwrap();
    assert_eq!(
        background.len(),
        5,
        "five paragraphs of additional information"
    );
    let all = background
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    for fact in [
        "On 15 March 2025",
        "238 individuals",
        "On 30 March, an additional 17 individuals",
        "On 16 March",
    ] {
        assert!(all.contains(fact), "background lacks {fact:?}");
    }
}

#[test]
fn show_with_lang_names_the_subject_and_any_fallback() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["show", "cecot", "--lang", "de-AT", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let a = json_of(&out);
    assert_eq!(a["letter"]["requested"], "de-AT");
    assert_eq!(a["letter"]["lang"], "en");
    assert!(a["letter"]["subject"].as_str().unwrap().len() > 10);
}

#[test]
fn every_paragraph_of_the_model_letter_is_kept_word_for_word() {
    let seed = fixture_text("cecot-urgent-action.txt");
    let start = seed
        .find("Dear Secretary Noem,")
        .expect("salutation in seed");
    let end = seed.find("Yours sincerely,").expect("closing in seed") + "Yours sincerely,".len();
    let paragraphs: Vec<&str> = seed[start..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(paragraphs.len(), 6, "salutation, four paragraphs, closing");

    let action = appeal::Library::default()
        .load("cecot")
        .expect("cecot loads");
    let body = &action.letters["en"].body;
    // The salutation comes from the target, so that one body serves each.
    assert_eq!(action.target().salutation_for("en", "en"), paragraphs[0]);
    assert!(body.lines().any(|l| l == "{{target.salutation}}"));
    for p in &paragraphs[1..] {
        assert!(
            body.lines().any(|l| l == *p),
            "not word for word in letters.en.body:\n{p}"
        );
    }

    // And the rendered letter, unwrapped, holds them too.
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args([
            "compose",
            "cecot",
            "--name",
            "A",
            "--no-input",
            "--width",
            "0",
        ])
        .output()
        .unwrap();
    let letter = stdout_of(&out);
    for p in &paragraphs {
        assert!(letter.lines().any(|l| l == *p), "not in the letter:\n{p}");
    }
}

#[test]
fn every_fact_of_the_seed_is_in_the_action_file() {
    let yaml = cecot_yaml();
    for fact in [
        "255",
        "238",
        "17",
        "15 March 2025",
        "16 March",
        "30 March",
        "deadline: 2025-07-01",
        "preferred_language: en",
        "own_language_welcome: true",
        "name: Kristi Noem",
        "title: Secretary of Homeland Security",
        "U.S. Department of Homeland Security",
        "2707 Martin Luther King Jr. Avenue, SE",
        "Washington, DC 20528",
        "dhssecretary@hq.dhs.gov",
        "Migrants and people seeking safety (all pronouns)",
    ] {
        assert!(yaml.contains(fact), "actions/cecot.yaml lacks {fact:?}");
    }
}

#[test]
fn actions_dir_adds_actions_and_replaces_a_builtin_with_the_same_id() {
    let sb = Sandbox::new();
    let own = cecot_yaml().replace(
        "title: Stop illegal expulsions to El Salvador",
        "title: My own CECOT edition",
    );
    sb.write("mine/cecot.yaml", &own);
    sb.write("mine/draft.yaml", &fixture_text("draft.yaml"));
    let out = sb
        .appeal()
        .args(["list", "--actions-dir", "mine"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("My own CECOT edition"), "{text}");
    assert!(!text.contains("Stop illegal expulsions"), "{text}");
    assert!(text.contains("Free the river keepers"), "{text}");

    // The environment variable does the same.
    sb.appeal()
        .args(["show", "draft"])
        .env("APPEAL_ACTIONS_DIR", sb.path("mine"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Free the river keepers"));
}

#[test]
fn a_path_loads_that_file_with_its_translations() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["show", "--json"])
        .arg(fixture("draft.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let a = json_of(&out);
    assert_eq!(a["id"], "draft");
    assert_eq!(a["languages"], serde_json::json!(["en", "es"]));
}

#[test]
fn unknown_id_lists_the_ids_and_suggests_the_closest() {
    let sb = Sandbox::new();
    sb.appeal()
        .args(["show", "cecott"])
        .assert()
        .code(exit::USAGE)
        .stdout("")
        .stderr(predicate::str::contains("unknown action `cecott`"))
        .stderr(predicate::str::contains("did you mean `cecot`?"))
        .stderr(predicate::str::contains("the actions are: cecot"));
}

/// Writes a copy of the valid draft with one change, and runs `show` on it.
fn show_variant(from: &str, to: &str) -> std::process::Output {
    let sb = Sandbox::new();
    let text = fixture_text("draft.yaml");
    assert!(text.contains(from), "fixture lacks {from:?}");
    sb.write("bad.yaml", &text.replacen(from, to, 1));
    sb.appeal().args(["show", "./bad.yaml"]).output().unwrap()
}

fn assert_bad_input(out: &std::process::Output, expected: &str) {
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(out)
    );
    assert!(out.stdout.is_empty());
    let err = stderr_of(out);
    assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
}

#[test]
fn malformed_yaml_names_file_line_and_column() {
    let out = show_variant(
        "title: Free the river keepers",
        "title: [Free the river keepers",
    );
    assert_bad_input(&out, "./bad.yaml:2:8:");
}

#[test]
fn a_missing_field_is_named() {
    let out = show_variant("  name: Ana Example\n", "");
    assert_bad_input(&out, "missing required field `target.name`");
    assert_bad_input(&out, "./bad.yaml:");
}

#[test]
fn an_unknown_field_is_named_with_its_place() {
    let out = show_variant(
        "  salutation: Dear Minister,",
        "  salutation: Dear Minister,\n  telex: 1",
    );
    assert_bad_input(&out, "./bad.yaml:17:3: unknown field `target.telex`");
}

#[test]
fn a_field_of_the_wrong_type_is_named() {
    let out = show_variant("deadline: 2099-12-31", "deadline: soon");
    assert_bad_input(
        &out,
        "./bad.yaml:5:11: field `deadline`: `soon` is not a date",
    );
    let out = show_variant(
        "  address:\n    - 1 Example Street\n    - Example City",
        "  address: {street: 1}",
    );
    assert_bad_input(&out, "field `target.address`");
}

#[test]
fn a_wrong_value_is_named() {
    let out = show_variant("minister@justice.example.org", "the minister");
    assert_bad_input(
        &out,
        "field `target.email`: `the minister` is not an email address",
    );
    let out = show_variant(
        "preferred_language: en",
        "preferred_language: \"not a tag\"",
    );
    assert_bad_input(
        &out,
        "field `preferred_language`: `not a tag` is not a language tag",
    );
    let out = show_variant("letters:", "other_letters:");
    assert_bad_input(&out, "unknown field `other_letters`");
}

/// The valid draft with changes, written as `NAME.yaml` in a sandbox.
fn draft_variant(sb: &Sandbox, name: &str, changes: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = fixture_text("draft.yaml");
    for (from, to) in changes {
        assert!(text.contains(from), "fixture lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    sb.write(&format!("{name}.yaml"), &text)
}

#[test]
fn a_preferred_language_without_a_letter_loads_and_the_writer_is_told() {
    let sb = Sandbox::new();
    draft_variant(
        &sb,
        "river",
        &[("preferred_language: en", "preferred_language: es")],
    );
    let list = sb
        .appeal()
        .args(["list", "--actions-dir", "."])
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(exit::OK), "{}", stderr_of(&list));
    assert!(stdout_of(&list).contains("river"));
    let show = sb.appeal().args(["show", "./river.yaml"]).output().unwrap();
    assert!(show.status.success(), "{}", stderr_of(&show));
    let shown = stdout_of(&show)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains(
            "es preferred, with no model letter in it: write in it if you can; model letters in en"
        ),
        "{shown}"
    );
    // Without --lang: the English model, and a note that Spanish is welcome.
    let out = sb
        .appeal()
        .args(["compose", "./river.yaml", "--name", "Ana", "--no-input"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("Please release the river keepers."));
    let err = stderr_of(&out);
    assert!(err.contains("the target prefers Español (es)"), "{err}");
    assert!(err.contains("the letter is in English (en)"), "{err}");
    // --lang es falls back to the nearest letter, with the usual note.
    let out = sb
        .appeal()
        .args([
            "compose",
            "./river.yaml",
            "--name",
            "Ana",
            "--no-input",
            "--lang",
            "es",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("there is no model letter in `es`; the letter is in `en`"));
    // check warns, does not fail, and says what a translator could add.
    let check = sb
        .appeal()
        .args(["check", "./river.yaml"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(exit::OK), "{}", stdout_of(&check));
    let said = stdout_of(&check);
    assert!(
        said.contains(
            "./river.yaml:7: warning: the target prefers `es`, and no model letter is in it"
        ) && said.contains("could add `river.es.yaml`"),
        "{said}"
    );
}

#[test]
fn copies_reached_only_by_email_or_fax_load_and_an_unreachable_one_is_named() {
    let sb = Sandbox::new();
    let copies = "copies:\n  - name: Office of the Ombudsman\n    email: ombudsman@example.org\n  \
                  - name: Embassy of Example\n    fax: \"+1 202 555 0100\"\nbackground: |";
    draft_variant(&sb, "copied", &[("background: |", copies)]);
    let out = sb
        .appeal()
        .args(["show", "./copied.yaml", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let shown = json_of(&out);
    assert_eq!(shown["copies"][0]["email"], "ombudsman@example.org");
    assert_eq!(shown["copies"][0]["address"], serde_json::json!([]));
    assert_eq!(shown["copies"][1]["fax"], "+1 202 555 0100");
    let phone_only =
        "copies:\n  - name: Office of the Ombudsman\n    phone: \"+1 202 555 0100\"\nbackground: |";
    draft_variant(&sb, "unreachable", &[("background: |", phone_only)]);
    let out = sb
        .appeal()
        .args(["show", "./unreachable.yaml"])
        .output()
        .unwrap();
    assert_bad_input(
        &out,
        "field `copies[0].address`: needs a way to reach it: a postal address, an email or a fax",
    );
}

#[test]
fn an_action_without_a_deadline_lists_no_deadline_and_nothing_warns() {
    let sb = Sandbox::new();
    draft_variant(&sb, "open-letter", &[("deadline: 2099-12-31\n", "")]);
    let list = sb
        .appeal()
        .args(["list", "--actions-dir", "."])
        .output()
        .unwrap();
    assert!(list.status.success(), "{}", stderr_of(&list));
    assert!(
        predicate::str::is_match(
            r"(?m)^open-letter\s+Free the river keepers\s+no deadline\s+English"
        )
        .unwrap()
        .eval(&stdout_of(&list)),
        "{}",
        stdout_of(&list)
    );
    let json = sb
        .appeal()
        .args(["list", "--actions-dir", ".", "--json", "--open"])
        .output()
        .unwrap();
    let rows = json_of(&json);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "open-letter")
        .expect("an action with no deadline is open");
    assert_eq!(row["deadline"], Value::Null);
    assert_eq!(row["days_left"], Value::Null);
    assert_eq!(row["deadline_passed"], false);
    let out = sb
        .appeal()
        .args([
            "compose",
            "./open-letter.yaml",
            "--name",
            "Ana",
            "--no-input",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(stderr_of(&out), "", "no deadline, no warning");
    let remind = sb
        .appeal()
        .args(["remind", "./open-letter.yaml"])
        .output()
        .unwrap();
    assert_eq!(remind.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&remind).contains("has no deadline"));
    // A deadline left as a marker to fill in reads the same, and check names it.
    draft_variant(
        &sb,
        "marked",
        &[(
            "deadline: 2099-12-31",
            "deadline: \"[PLACEHOLDER: the deadline, as YYYY-MM-DD]\"",
        )],
    );
    let show = sb
        .appeal()
        .args(["show", "./marked.yaml", "--json"])
        .output()
        .unwrap();
    assert!(show.status.success(), "{}", stderr_of(&show));
    assert_eq!(json_of(&show)["deadline"], Value::Null);
    let check = sb
        .appeal()
        .args(["check", "./marked.yaml"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(exit::FAILURE));
    assert!(stdout_of(&check).contains(
        "./marked.yaml:5: error: `[PLACEHOLDER: the deadline, as YYYY-MM-DD]` is a placeholder"
    ));
}

#[test]
fn one_broken_action_file_never_stops_list() {
    let sb = Sandbox::new();
    draft_variant(&sb, "good", &[]);
    draft_variant(&sb, "broken", &[("deadline: 2099-12-31", "deadline: soon")]);
    let out = sb
        .appeal()
        .args(["list", "--actions-dir", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    let table = stdout_of(&out);
    assert!(table.contains("good") && table.contains("cecot"), "{table}");
    assert!(!table.contains("broken"), "{table}");
    let err = stderr_of(&out);
    assert_eq!(
        err.matches("broken.yaml:5:11: field `deadline`: `soon` is not a date")
            .count(),
        1,
        "named once, with its file and line: {err}"
    );
    assert!(
        err.contains("one action file could not be read (named above); the others were listed"),
        "{err}"
    );
    let json = sb
        .appeal()
        .args(["list", "--actions-dir", ".", "--json"])
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(exit::BAD_INPUT));
    assert_eq!(json_of(&json).as_array().unwrap().len(), 2);
}

#[test]
fn a_file_over_one_mib_is_refused() {
    let sb = Sandbox::new();
    let mut text = fixture_text("draft.yaml");
    text.push_str(&format!("# {}\n", "x".repeat(1024 * 1024)));
    sb.write("huge.yaml", &text);
    sb.appeal()
        .args(["show", "./huge.yaml"])
        .assert()
        .code(exit::BAD_INPUT)
        .stderr(predicate::str::contains(
            "./huge.yaml: is larger than 1024 KiB",
        ));
}

#[test]
fn an_alias_bomb_is_refused() {
    let sb = Sandbox::new();
    let big = "x".repeat(200_000);
    let aliases = "    - *big\n".repeat(500);
    let text = fixture_text("draft.yaml").replace(
        "  address:\n",
        &format!("  address:\n    - &big {big}\n{aliases}"),
    );
    sb.write("bomb.yaml", &text);
    let out = sb
        .appeal()
        .args(["show", "./bomb.yaml"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_bad_input(&out, "alias expansion limit exceeded");
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let sb = Sandbox::new();
    let path = sb.path("latin1.yaml");
    std::fs::write(&path, b"title: Caf\xe9\n").unwrap();
    sb.appeal()
        .args(["show", "./latin1.yaml"])
        .assert()
        .code(exit::BAD_INPUT)
        .stderr(predicate::str::contains("is not UTF-8 text"));
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let sb = Sandbox::new();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = sb
        .std_appeal()
        .args(["show", "cecot"])
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK));
    assert_eq!(stderr_of(&out), "", "no panic message, no error");
}

#[test]
fn a_line_break_in_a_one_line_field_is_refused() {
    // A break in a title would forge a row in `list`; U+2028 is one too.
    for (from, to, field) in [
        (
            "title: Free the river keepers",
            "title: \"Free the river\\nkeepers\"",
            "title",
        ),
        (
            "title: Free the river keepers",
            "title: \"Free the river\\u2028keepers\"",
            "title",
        ),
        (
            "  name: Ana Example",
            "  name: \"Ana\\rExample\"",
            "target.name",
        ),
        (
            "    subject: Release the river keepers",
            "    subject: \"Release\\nBcc: spy@example.org\"",
            "letters.en.subject",
        ),
    ] {
        let out = show_variant(from, to);
        assert_bad_input(&out, &format!("field `{field}`"));
        let err = stderr_of(&out);
        assert!(err.contains("U+"), "{err}");
    }
    // Prose keeps its paragraphs.
    let out = show_variant(
        "summary: Three river keepers were detained for defending their river.",
        "summary: \"Three river keepers were detained.\\n\\nThey defended their river.\"",
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
}
