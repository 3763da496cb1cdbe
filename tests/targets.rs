//! Actions with several targets, copies and translated texts: what `show`
//! lists, whom letters and email drafts are addressed to, and how older
//! single-target files keep loading.

mod common;

use common::{Sandbox, exit, fixture, fixture_text, stderr_of, stdout_of};
use mail_parser::MessageParser;
use serde_json::{Value, json};

/// The fixture with two targets and two copies, and its Spanish translation.
fn lagoon() -> String {
    fixture("targets/lagoon.yaml").display().to_string()
}

fn run(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    let out = sb.appeal().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    out
}

/// `appeal compose` of the fixture, signed by Zoe, with `extra` flags.
fn compose(sb: &Sandbox, extra: &[&str]) -> std::process::Output {
    let lagoon = lagoon();
    run(
        sb,
        &[&["compose", &lagoon, "--no-input", "--name", "Zoe"], extra].concat(),
    )
}

fn show_json(args: &[&str]) -> Value {
    let sb = Sandbox::new();
    let out = run(&sb, &[&["show"], args, &["--json"]].concat());
    serde_json::from_slice(&out.stdout).expect("show --json prints JSON")
}

#[test]
fn show_lists_every_target_copy_and_the_note_on_copies() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["show", &lagoon()])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    for expected in [
        "Target 1:  His Excellency Rui Example",
        "Minister of the Interior",
        "10 Harbour Road",
        "Email:     minister@interior.example.org, cabinet@interior.example.org",
        "Fax:       +99 21 555 0100",
        "Target 2:  Lia Example",
        "Email:     prosecutor@justice.example.org",
        "Phone:     +99 21 555 0200",
        "Copy to:   Ambassador Ana Example",
        "5 Embassy Row",
        "Email:     embassy@examplia.example.org",
        "Copy to:   Carla Example",
        "Email:     commission@rights.example.org",
        "Copies:    Also send copies to diplomatic representatives of Examplia",
        "Also accepted: pt.",
        "Follows:   UA 12/99, https://example.org/ua-12-99",
        "- Protect the lagoon defenders and their families.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Target 1 comes before target 2, and both before the copies.
    let at = |s: &str| text.find(s).unwrap();
    assert!(at("Target 1:") < at("Target 2:"));
    assert!(at("Target 2:") < at("Copy to:"));
}

#[test]
fn show_json_lists_targets_and_copies_and_keeps_target_for_older_readers() {
    let a = show_json(&[&lagoon()]);
    let targets = a["targets"].as_array().expect("a targets list");
    assert_eq!(targets.len(), 2);
    assert_eq!(a["target"], targets[0], "`target` is the first target");
    assert_eq!(targets[0]["full_name"], "His Excellency Rui Example");
    assert_eq!(targets[0]["email"], "minister@interior.example.org");
    assert_eq!(
        targets[0]["emails"],
        json!([
            "minister@interior.example.org",
            "cabinet@interior.example.org"
        ])
    );
    assert_eq!(targets[0]["fax"], "+99 21 555 0100");
    assert_eq!(targets[0]["salutation"], "Dear Minister,");
    assert_eq!(
        targets[0]["salutations"],
        json!({"en": "Dear Minister,", "es": "Estimado Señor Ministro:"})
    );
    assert_eq!(targets[1]["name"], "Lia Example");
    assert_eq!(targets[1]["organisation"], "");
    assert_eq!(targets[1]["phone"], "+99 21 555 0200");
    assert_eq!(targets[1]["salutation"], "Dear Prosecutor General,");

    let copies = a["copies"].as_array().expect("a copies list");
    assert_eq!(copies.len(), 2);
    assert_eq!(copies[0]["name"], "Ambassador Ana Example");
    assert_eq!(copies[0]["emails"], json!(["embassy@examplia.example.org"]));
    assert_eq!(copies[1]["email"], "commission@rights.example.org");
    assert_eq!(copies[1]["salutation"], "");
    assert!(
        a["copies_note"]
            .as_str()
            .unwrap()
            .starts_with("Also send copies to diplomatic representatives")
    );
    assert_eq!(a["accepted_languages"], json!(["pt"]));
    assert_eq!(a["previous_ua"], "UA 12/99, https://example.org/ua-12-99");

    // In Spanish, the salutation is the Spanish one.
    let es = show_json(&[&lagoon(), "--lang", "es"]);
    assert_eq!(es["target"]["salutation"], "Estimado Señor Ministro:");
}

#[test]
fn compose_in_spanish_uses_the_targets_spanish_salutation_and_names_the_copies() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--lang", "es"]);
    let letter = stdout_of(&out);
    let lines: Vec<&str> = letter.lines().collect();
    assert_eq!(
        lines[..3],
        ["28 de noviembre de 2026", "", "Estimado Señor Ministro:"]
    );
    assert!(!letter.contains("Dear Minister"), "{letter}");
    assert!(
        letter.ends_with(
            "Zoe\ncc: Ambassador Ana Example, Ambassador of Examplia\n\
             cc: Carla Example, Head of the Human Rights Commission\n"
        ),
        "{letter}"
    );

    let out = compose(&sb, &[]);
    let letter = stdout_of(&out);
    assert_eq!(letter.lines().nth(2), Some("Dear Minister,"), "{letter}");
}

#[test]
fn eml_is_to_every_address_of_the_target_and_cc_every_copy() {
    let sb = Sandbox::new();
    compose(&sb, &["-o", "letter.eml"]);
    let raw = std::fs::read(sb.path("letter.eml")).unwrap();
    let message = MessageParser::default()
        .parse(&raw)
        .expect("a parsable message");
    let addresses = |list: Option<&mail_parser::Address>| -> Vec<(String, String)> {
        list.map(|a| {
            a.iter()
                .map(|a| {
                    (
                        a.name().unwrap_or_default().to_string(),
                        a.address().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
    };
    let pair = |n: &str, a: &str| (n.to_string(), a.to_string());
    assert_eq!(
        addresses(message.to()),
        [
            pair(
                "His Excellency Rui Example",
                "minister@interior.example.org"
            ),
            pair("His Excellency Rui Example", "cabinet@interior.example.org"),
        ]
    );
    assert_eq!(
        addresses(message.cc()),
        [
            pair("Ambassador Ana Example", "embassy@examplia.example.org"),
            pair("Carla Example", "commission@rights.example.org"),
        ]
    );
    assert_eq!(message.subject(), Some("Protect the lagoon defenders"));
}

#[test]
fn mailto_is_to_every_address_of_the_target_and_cc_every_copy() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--format", "mailto"]);
    let link = url::Url::parse(stdout_of(&out).trim()).expect("a URL");
    assert_eq!(
        link.path(),
        "minister@interior.example.org,cabinet@interior.example.org"
    );
    let cc: Vec<_> = link.query_pairs().filter(|(k, _)| k == "cc").collect();
    assert_eq!(cc.len(), 1);
    assert_eq!(
        cc[0].1,
        "embassy@examplia.example.org,commission@rights.example.org"
    );
}

#[test]
fn a_single_target_mapping_still_loads_as_a_one_entry_list() {
    let a = show_json(&[&fixture("draft.yaml").display().to_string()]);
    assert_eq!(a["targets"].as_array().map(Vec::len), Some(1));
    assert_eq!(a["target"]["name"], "Ana Example");
    assert_eq!(a["target"]["email"], "minister@justice.example.org");
    assert_eq!(a["target"]["salutation"], "Dear Minister,");
    assert_eq!(a["copies"], json!([]));
}

#[test]
fn target_and_targets_together_are_refused_with_the_line() {
    let sb = Sandbox::new();
    let both = fixture_text("draft.yaml").replace(
        "background: |",
        "targets:\n  - name: B\n    title: T\n    address: [x]\n    salutation: Dear B,\nbackground: |",
    );
    sb.write("both.yaml", &both);
    let out = sb.appeal().args(["show", "./both.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    let err = stderr_of(&out);
    assert!(
        err.contains("./both.yaml:17:1: both `target:` (line 8) and `targets:` (line 17)"),
        "{err}"
    );
}

#[test]
fn a_bad_address_of_the_second_target_is_named_by_its_path() {
    let sb = Sandbox::new();
    let text = fixture_text("targets/lagoon.yaml").replace(
        "email: prosecutor@justice.example.org",
        "email: [prosecutor@justice.example.org, the prosecutor]",
    );
    sb.write("bad.yaml", &text);
    let out = sb.appeal().args(["show", "./bad.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(
        stderr_of(&out)
            .contains("field `targets[1].email`: `the prosecutor` is not an email address"),
        "{}",
        stderr_of(&out)
    );
    // `check` puts it on the line of that field.
    let out = sb.appeal().args(["check", "./bad.yaml"]).output().unwrap();
    assert!(
        stdout_of(&out).contains("bad.yaml:31: error: field `targets[1].email`"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn show_in_spanish_says_which_texts_are_still_in_english() {
    let sb = Sandbox::new();
    let out = run(&sb, &["show", &lagoon(), "--lang", "es"]);
    let text = stdout_of(&out);
    assert!(text.starts_with("Protejan a los defensores de la laguna  (lagoon)"));
    assert!(text.contains("Dos pescadores que defienden la laguna"));
    assert!(text.contains("Los dos pescadores hablaron en una audiencia"));
    assert!(
        text.contains("Shown in:  es, except people, deadline_advice: in en, not translated yet"),
        "{text}"
    );
    assert!(text.contains("\nSummary\n"), "translated: no mark");
    let es = show_json(&[&lagoon(), "--lang", "es"]);
    assert_eq!(es["untranslated"], json!(["people", "deadline_advice"]));
    assert_eq!(es["people"], "Lagoon defenders (she/her, he/him)");
    assert_eq!(es["title"], "Protejan a los defensores de la laguna");
}

/// The fields of `actions/cecot.LANG.yaml` that its file leaves out, in
/// the order `show` names them.
fn missing_from_cecot(lang: &str) -> Vec<&'static str> {
    let path = format!("actions/cecot.{lang}.yaml");
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&path))
            .unwrap();
    let file: appeal::action::TranslationFile =
        appeal::action::parse_yaml(&path, &text).expect("the translation parses");
    let (_, translation) = file.into_parts(&path);
    translation
        .fields()
        .into_iter()
        .filter(|(_, text)| text.is_none())
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn show_cecot_in_spanish_reports_the_untranslated_fields() {
    let missing = missing_from_cecot("es");
    let es = show_json(&["cecot", "--lang", "es"]);
    assert_eq!(es["untranslated"], json!(missing));
    let sb = Sandbox::new();
    let text = stdout_of(&run(&sb, &["show", "cecot", "--lang", "es"]));
    match missing.is_empty() {
        true => assert!(!text.contains("not translated yet"), "{text}"),
        false => assert!(
            text.contains(&format!("Shown in:  es, except {}", missing.join(", "))),
            "{text}"
        ),
    }
    if missing.contains(&"background") {
        assert!(text.contains("\nBackground (in en: not translated yet)\n"));
    }
}

#[test]
fn list_shows_titles_in_the_writers_language() {
    let sb = Sandbox::new();
    let dir = fixture("targets").display().to_string();
    let out = sb
        .appeal()
        .args(["--actions-dir", &dir, "list"])
        .env("APPEAL_LANG", "es")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(
        text.contains("lagoon  Protejan a los defensores de la laguna "),
        "{text}"
    );
    let out = sb
        .appeal()
        .args(["--actions-dir", &dir, "list", "--json"])
        .env("APPEAL_LANG", "de")
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let lagoon = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "lagoon")
        .unwrap();
    assert_eq!(lagoon["title"], "Protect the lagoon defenders");
    assert_eq!(lagoon["title_in_source_language"], true);
}

#[test]
fn a_control_character_in_a_copy_is_refused_by_its_path() {
    let sb = Sandbox::new();
    let text = fixture_text("targets/lagoon.yaml")
        .replace("name: Carla Example", "name: \"Carla \\e[2JExample\"");
    sb.write("bad.yaml", &text);
    let out = sb.appeal().args(["show", "./bad.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(out.stdout.is_empty());
    assert!(
        stderr_of(&out).contains("field `copies[1].name`: holds a control character (U+001B)"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn without_a_terminal_the_first_target_is_written_to_with_a_note_that_others_exist() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--width", "0"]);
    let letter = stdout_of(&out);
    assert!(letter.contains("Dear Minister,"), "{letter}");
    assert!(!letter.contains("Dear Prosecutor General,"), "{letter}");
    assert!(
        stderr_of(&out).contains("this action has 2 targets; this letter is to the first"),
        "{}",
        stderr_of(&out)
    );
    let out = compose(&sb, &["--target", "2", "--width", "0"]);
    assert!(stdout_of(&out).contains("Dear Prosecutor General,"));
    assert!(!stderr_of(&out).contains("this action has 2 targets"));
}

#[test]
fn target_all_writes_one_letter_to_each_target() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--target", "all", "--width", "0"]);
    let text = stdout_of(&out);
    let letters: Vec<&str> = text.split('\u{c}').collect();
    assert_eq!(letters.len(), 2, "{text}");
    assert!(letters[0].contains("Dear Minister,") && !letters[0].contains("Prosecutor"));
    assert!(letters[1].contains("Dear Prosecutor General,"));

    compose(
        &sb,
        &[
            "--target",
            "all",
            "--out-dir",
            "drafts",
            "--name-template",
            "letter.eml",
        ],
    );
    let to = |name: &str| {
        let raw = std::fs::read(sb.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let message = MessageParser::default().parse(&raw).expect("a message");
        message
            .to()
            .map(|a| {
                a.iter()
                    .map(|a| a.address().unwrap_or_default().to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        to("drafts/letter.eml"),
        [
            "minister@interior.example.org",
            "cabinet@interior.example.org"
        ]
    );
    assert_eq!(
        to("drafts/letter-2.eml"),
        ["prosecutor@justice.example.org"]
    );
}

/// Two email messages can't share one stream or one file, whether the
/// letters were answered on the command line or are the rows of a batch
/// file: the same refusal, the same exit code, and nothing written.
#[test]
fn several_emails_to_one_place_are_refused_alike_for_a_letter_and_a_batch() {
    let sb = Sandbox::new();
    sb.write("one.csv", "name,target\nZoe,all\n");
    let lagoon = lagoon();
    for place in [&["-o", "-"][..], &["-o", "letters.eml"]] {
        let here = sb
            .appeal()
            .args(["compose", &lagoon, "--no-input", "--name", "Zoe"])
            .args(["--target", "all", "--format", "eml"])
            .args(place)
            .output()
            .unwrap();
        let batch = sb
            .appeal()
            .args(["compose", &lagoon, "--batch", "one.csv", "--format", "eml"])
            .args(place)
            .output()
            .unwrap();
        for out in [&here, &batch] {
            assert_eq!(
                out.status.code(),
                Some(exit::USAGE),
                "{place:?}: {}",
                stderr_of(out)
            );
            assert!(out.stdout.is_empty(), "{place:?}: nothing on stdout");
        }
        let said = |out: &std::process::Output| {
            stderr_of(out)
                .lines()
                .last()
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(said(&here), said(&batch), "{place:?}");
        assert!(said(&here).contains("--out-dir"), "{}", said(&here));
        assert!(!sb.path("letters.eml").exists());
    }
}

/// Text letters to every target go into one file as they go to stdout:
/// a form feed between two.
#[test]
fn several_text_letters_to_one_file_are_the_stream_stdout_gets() {
    let sb = Sandbox::new();
    let stdout = compose(&sb, &["--target", "all"]).stdout;
    let out = compose(&sb, &["--target", "all", "-o", "letters.txt"]);
    assert!(stderr_of(&out).contains("letters.txt"));
    let file = std::fs::read(sb.path("letters.txt")).unwrap();
    assert_eq!(file, stdout);
    assert_eq!(file.iter().filter(|&&b| b == b'\x0c').count(), 1);
}

#[test]
fn a_target_that_does_not_exist_is_refused_with_the_list() {
    let sb = Sandbox::new();
    let lagoon = lagoon();
    let out = sb
        .appeal()
        .args([
            "compose",
            &lagoon,
            "--no-input",
            "--name",
            "Zoe",
            "--target",
            "3",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
    let err = stderr_of(&out);
    assert!(
        err.contains("--target 3: this action has 2 targets: 1 His Excellency Rui Example, 2 Lia Example (or `all`)"),
        "{err}"
    );
    let out = sb
        .appeal()
        .args(["compose", &lagoon, "--no-input", "--name", "Zoe"])
        .env("APPEAL_TARGET", "second")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("APPEAL_TARGET: `second` is not a target"));
}

#[test]
fn a_batch_takes_a_target_column_and_target_all() {
    let sb = Sandbox::new();
    sb.write("signers.csv", "name,target\nAna,2\nBen,\n");
    let lagoon = lagoon();
    let out = sb
        .appeal()
        .args(["compose", &lagoon, "--batch", "signers.csv", "--jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let bodies: Vec<String> = stdout_of(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["body"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(bodies.len(), 2);
    assert!(
        bodies[0].contains("Dear Prosecutor General,"),
        "{}",
        bodies[0]
    );
    assert!(
        bodies[1].contains("Dear Minister,"),
        "an empty cell is the first target"
    );

    let out = sb
        .appeal()
        .args([
            "compose",
            &lagoon,
            "--batch",
            "signers.csv",
            "--jsonl",
            "--target",
            "all",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let records: Vec<Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let signed: Vec<(&str, bool)> = records
        .iter()
        .map(|r| {
            (
                r["signer"].as_str().unwrap(),
                r["body"].as_str().unwrap().contains("Dear Minister,"),
            )
        })
        .collect();
    // Ana's own cell says 2; Ben's empty cell takes --target all.
    assert_eq!(signed, [("Ana", false), ("Ben", true), ("Ben", false)]);
    assert!(
        stderr_of(&out).contains("3 letters written"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_batch_to_a_folder_with_target_all_names_each_targets_letter_apart() {
    let sb = Sandbox::new();
    sb.write("signers.csv", "name\nAna\nAna\n");
    let out = sb
        .appeal()
        .args([
            "compose",
            &lagoon(),
            "--batch",
            "signers.csv",
            "--target",
            "all",
            "--out-dir",
            "letters",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut names: Vec<String> = std::fs::read_dir(sb.path("letters"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "1-Ana-en-2.txt",
            "1-Ana-en.txt",
            "2-Ana-en-2.txt",
            "2-Ana-en.txt"
        ],
        "a row's second letter gets -2; rows stay apart by their number"
    );
    let second = std::fs::read_to_string(sb.path("letters/2-Ana-en-2.txt")).unwrap();
    assert!(second.contains("Dear Prosecutor General,"), "{second}");
}
