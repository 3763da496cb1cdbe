//! `appeal check`, `appeal preview` and `appeal new`: what translators and
//! authors use to see and fix their work.

mod common;

use common::{Sandbox, exit, fixture, stderr_of, stdout_of};

/// `appeal check` on fixture files under `tests/fixtures/check/`.
fn check(names: &[&str]) -> std::process::Output {
    let sb = Sandbox::new();
    let mut cmd = sb.appeal();
    cmd.arg("check");
    for name in names {
        cmd.arg(fixture(&format!("check/{name}")));
    }
    cmd.output().unwrap()
}

/// The report's lines, with the fixture folder's path cut to `check/`.
fn lines(out: &std::process::Output) -> Vec<String> {
    let folder = fixture("check/").display().to_string();
    stdout_of(out)
        .lines()
        .map(|l| l.replace(&folder, "check/"))
        .collect()
}

fn assert_report(names: &[&str], code: i32, expected: &[&str]) {
    let out = check(names);
    assert_eq!(out.status.code(), Some(code), "{}", stderr_of(&out));
    assert_eq!(lines(&out), expected);
}

#[test]
fn shipped_actions_have_no_errors() {
    let sb = Sandbox::new();
    let out = sb.appeal().arg("check").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::OK),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(!stdout_of(&out).contains(": error:"));
    assert!(stderr_of(&out).contains(" 0 errors"));
}

#[test]
fn a_missing_field_is_an_error() {
    assert_report(
        &["missing-field.yaml"],
        1,
        &["check/missing-field.yaml:20: error: missing required field `people`"],
    );
}

#[test]
fn an_unknown_field_is_an_error() {
    assert_report(
        &["unknown-field.yaml"],
        1,
        &[
            "check/unknown-field.yaml:17: error: unknown field `target.telex`; expected one of honorific, name, title, organisation, address, email, fax, phone, salutation",
        ],
    );
}

#[test]
fn a_bad_date_is_an_error() {
    assert_report(
        &["bad-date.yaml"],
        1,
        &[
            "check/bad-date.yaml:5: error: field `deadline`: `2099-02-30` is not a date; write it as YYYY-MM-DD, e.g. 2025-07-01",
        ],
    );
}

#[test]
fn a_malformed_email_is_an_error_on_its_line() {
    assert_report(
        &["bad-email.yaml"],
        1,
        &[
            "check/bad-email.yaml:15: error: field `target.email`: `minister at justice.example.org` is not an email address",
        ],
    );
}

#[test]
fn template_syntax_is_checked() {
    assert_report(
        &["template-syntax.yaml"],
        1,
        &[
            "check/template-syntax.yaml:39: error: letters.en.body: invalid template syntax: an unclosed `{{#…}}` block, or a stray `{{` or `}}`?",
        ],
    );
}

#[test]
fn an_unknown_variable_is_named_with_a_suggestion() {
    assert_report(
        &["unknown-variable.yaml"],
        1,
        &[
            "check/unknown-variable.yaml:37: error: letters.en.body: unknown variable `nmae` in `{{nmae}}`; did you mean `name`? (see actions/README.md for the variables)",
        ],
    );
}

#[test]
fn placeholders_missing_from_a_translation_or_added_to_it() {
    assert_report(
        &["placeholders.yaml"],
        1,
        &[
            "check/placeholders.es.yaml:1: warning: not translated: title, summary, people, background, deadline_advice; `appeal show --lang es` shows them in en",
            "check/placeholders.es.yaml:4: error: body: `{{#if place}}` is in the source letter (en) but not in this translation",
            "check/placeholders.es.yaml:4: error: body: `{{place}}` is in the source letter (en) but not in this translation",
            "check/placeholders.es.yaml:14: error: body: `{{city}}` is not in the source letter (en)",
        ],
    );
}

#[test]
fn a_different_number_of_paragraphs_is_a_warning() {
    assert_report(
        &["paragraphs.yaml"],
        0,
        &[
            "check/paragraphs.es.yaml:1: warning: not translated: title, summary, people, background, deadline_advice; `appeal show --lang es` shows them in en",
            "check/paragraphs.es.yaml:4: warning: body: 5 paragraphs, but the source letter (en) has 6",
        ],
    );
}

#[test]
fn text_identical_to_the_source_is_flagged_as_untranslated() {
    assert_report(
        &["untranslated.yaml"],
        0,
        &[
            "check/untranslated.es.yaml:1: warning: not translated: title, summary, people, background, deadline_advice; `appeal show --lang es` shows them in en",
            "check/untranslated.es.yaml:1: warning: subject: the same as in the source letter (en): not translated yet?",
            "check/untranslated.es.yaml:8: warning: body: this paragraph is the same as in the source letter (en): not translated yet?",
        ],
    );
}

#[test]
fn a_translated_background_missing_a_paragraph_is_an_error() {
    assert_report(
        &["background.yaml"],
        1,
        &[
            "check/background.es.yaml:7: error: background: 1 paragraph, but the source (en) has 2: translate each paragraph as one, separated by blank lines",
        ],
    );
}

#[test]
fn targets_copies_and_salutations_are_checked() {
    let sb = Sandbox::new();
    let lagoon = common::fixture_text("targets/lagoon.yaml");
    // Clean as shipped, but for the two texts its translation leaves out.
    sb.write("lagoon.yaml", &lagoon);
    sb.write(
        "lagoon.es.yaml",
        &common::fixture_text("targets/lagoon.es.yaml"),
    );
    let out = sb.appeal().args(["check", "lagoon.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::OK), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out).lines().collect::<Vec<_>>(),
        [
            "./lagoon.es.yaml:1: warning: not translated: people, deadline_advice; `appeal show --lang es` shows them in en"
        ]
    );
    // A salutation in a language with no letter, a target with neither
    // email, fax nor phone, and a translated title left as it was.
    let changed = lagoon
        .replace(
            "      es: \"Estimado Señor Ministro:\"",
            "      es: \"Estimado Señor Ministro:\"\n      fr: Monsieur le Ministre,",
        )
        .replace("    email: prosecutor@justice.example.org\n", "")
        .replace("    phone: \"+99 21 555 0200\"\n", "");
    sb.write("lagoon.yaml", &changed);
    sb.write(
        "lagoon.es.yaml",
        &common::fixture_text("targets/lagoon.es.yaml").replace(
            "title: Protejan a los defensores de la laguna",
            "title: Protect the lagoon defenders",
        ),
    );
    let out = sb.appeal().args(["check", "lagoon.yaml"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::OK),
        "warnings only: {}",
        stdout_of(&out)
    );
    assert_eq!(
        stdout_of(&out).lines().collect::<Vec<_>>(),
        [
            "./lagoon.es.yaml:1: warning: not translated: people, deadline_advice; `appeal show --lang es` shows them in en",
            "./lagoon.es.yaml:3: warning: title: the same as in the source (en): not translated yet?",
            "./lagoon.yaml:26: warning: `targets[0].salutation.fr`: there is no letter in `fr` to use it",
            "./lagoon.yaml:27: warning: `targets[1]` has no email, fax or phone: letters to Lia Example can only be posted",
        ]
    );
}

#[test]
fn a_translation_without_subject_is_an_error() {
    assert_report(
        &["no-subject.yaml"],
        1,
        &["check/no-subject.es.yaml:2: error: missing required field `subject`"],
    );
}

#[test]
fn leftover_markers_are_listed() {
    assert_report(
        &["markers.yaml"],
        1,
        &[
            "check/markers.yaml:2: error: `[TITLE]` is a placeholder left to fill in",
            "check/markers.yaml:29: error: a TODO is left: `TODO: say why.`",
        ],
    );
}

#[test]
fn a_passed_deadline_is_only_a_warning() {
    assert_report(
        &["passed.yaml"],
        0,
        &["check/passed.yaml:5: warning: the deadline 2020-01-01 has passed"],
    );
}

#[test]
fn a_translation_path_checks_its_whole_action() {
    assert_report(
        &["paragraphs.es.yaml"],
        0,
        &[
            "check/paragraphs.es.yaml:1: warning: not translated: title, summary, people, background, deadline_advice; `appeal show --lang es` shows them in en",
            "check/paragraphs.es.yaml:4: warning: body: 5 paragraphs, but the source letter (en) has 6",
        ],
    );
}

#[test]
fn json_output_for_tools() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["check", "--json"])
        .arg(fixture("check/markers.yaml"))
        .arg(fixture("check/passed.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::FAILURE));
    let problems: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = problems.as_array().unwrap();
    assert_eq!(problems.len(), 3);
    assert_eq!(problems[0]["line"], 2);
    assert_eq!(problems[0]["level"], "error");
    assert!(
        problems[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("check/markers.yaml")
    );
    assert_eq!(problems[2]["level"], "warning");
    assert_eq!(problems[2]["message"], "the deadline 2020-01-01 has passed");
}

#[test]
fn new_writes_a_skeleton_that_check_lists_line_by_line() {
    let sb = Sandbox::new();
    let out = sb.appeal().args(["new", "river-keepers"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("wrote ./river-keepers.yaml"));
    let text = std::fs::read_to_string(sb.path("river-keepers.yaml")).unwrap();
    // Exactly the lines with something to fill in, outside comments.
    let expected: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            !l.trim_start().starts_with('#') && (l.contains("[") || l.contains("TODO"))
        })
        .map(|(i, _)| i + 1)
        .collect();
    assert!(expected.len() > 15);
    let out = sb
        .appeal()
        .args(["check", "river-keepers.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::FAILURE));
    let reported: Vec<usize> = stdout_of(&out)
        .lines()
        .map(|l| {
            assert!(l.contains(": error: "), "only leftovers are errors: {l}");
            l.split(':').nth(1).unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(reported, expected);

    // Once filled in, nothing is left to report.
    let filled = text
        .lines()
        .filter(|l| !l.contains("HONORIFIC"))
        .map(|l| {
            let l = l.split("  # TODO").next().unwrap();
            match (l.find('['), l.rfind(']')) {
                (Some(a), Some(b)) => format!("{}Filled in{}", &l[..a], &l[b + 1..]),
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(sb.path("river-keepers.yaml"), filled).unwrap();
    let out = sb
        .appeal()
        .args(["check", "river-keepers.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK), "{}", stdout_of(&out));
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn new_never_overwrites_without_force_and_checks_the_id() {
    let sb = Sandbox::new();
    sb.write("x.yaml", "mine");
    let out = sb.appeal().args(["new", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    assert!(stderr_of(&out).contains("x.yaml already exists; not overwritten (use --force"));
    assert_eq!(std::fs::read_to_string(sb.path("x.yaml")).unwrap(), "mine");
    sb.appeal().args(["new", "x", "--force"]).assert().success();
    let out = sb.appeal().args(["new", "../escape"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("can't be an action id"));
}

#[test]
fn preview_marks_the_sample_answers() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["preview", "--lang", "es"])
        .arg(fixture("draft.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "Subject: Liberen a los guardianes del río\n\n\
         28 de noviembre de 2026\n\n\
         Estimada ministra:\n\n\
         Le ruego que libere a los guardianes del río.\n\n\
         «Your personal note: a few words of your own.»\n\n\
         Atentamente,\n\n\
         «Your name»\n\
         «Your city», «Your country»\n"
    );
}

#[test]
fn preview_of_a_translation_file_defaults_to_its_language() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .arg("preview")
        .arg(fixture("draft.es.yaml"))
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("Estimada ministra:"));
}

#[test]
fn preview_side_by_side_pairs_paragraphs() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["preview", "--side-by-side", "--width", "100"])
        .arg(fixture("draft.es.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    let row = |left: &str, right: &str| {
        text.lines()
            .any(|l| l.starts_with(left) && l.ends_with(&format!("│ {right}")))
    };
    assert!(row("[en]", "[es]"), "{text}");
    assert!(row("28 November 2026", "28 de noviembre de 2026"), "{text}");
    assert!(row("Dear Minister,", "Estimada ministra:"), "{text}");
    assert!(row("Yours sincerely,", "Atentamente,"), "{text}");
    assert!(text.lines().all(|l| console::measure_text_width(l) <= 100));
}

#[test]
fn preview_falls_back_with_a_note() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["preview", "--lang", "de"])
        .arg(fixture("draft.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout_of(&out).contains("Dear Minister,"));
    assert!(stderr_of(&out).contains("there is no letter in `de`; showing `en`"));
}

#[test]
fn preview_watch_renders_again_when_the_file_changes() {
    use std::io::Read;
    let sb = Sandbox::new();
    sb.write("w/draft.yaml", &common::fixture_text("draft.yaml"));
    sb.write("w/draft.es.yaml", &common::fixture_text("draft.es.yaml"));
    let mut child = sb
        .std_appeal()
        .args(["preview", "w/draft.es.yaml", "--watch"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0
                || tx
                    .send(String::from_utf8_lossy(&buf[..n]).into_owned())
                    .is_err()
            {
                break;
            }
        }
    });
    let mut seen = String::new();
    let mut wait_for = |needle: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !seen.contains(needle) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(chunk) => seen.push_str(&chunk),
                Err(_) => return false,
            }
        }
        true
    };
    assert!(wait_for("Estimada ministra:"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let edited =
        common::fixture_text("draft.es.yaml").replace("Estimada ministra:", "Señora ministra:");
    sb.write("w/draft.es.yaml", &edited);
    let rendered_again = wait_for("Señora ministra:");
    let _ = child.kill();
    let _ = child.wait();
    assert!(rendered_again, "the edit was rendered:\n{seen}");
}

#[test]
fn a_translation_that_changes_or_drops_a_fact_is_an_error_naming_the_paragraph() {
    let sb = Sandbox::new();
    let actions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("actions");
    let source = std::fs::read_to_string(actions.join("cecot.yaml")).unwrap();
    let spanish = std::fs::read_to_string(actions.join("cecot.es.yaml")).unwrap();
    assert!(spanish.contains("otras 17 personas") && spanish.contains("a otras 17."));
    sb.write("mine/cecot.yaml", &source);
    sb.write(
        "mine/cecot.es.yaml",
        &spanish
            .replace("otras 17 personas", "otras 71 personas")
            .replace("a otras 17.", "a otras."),
    );
    let out = sb
        .appeal()
        .args(["check", "mine/cecot.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::FAILURE),
        "{}",
        stderr_of(&out)
    );
    let report = stdout_of(&out);
    let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 2, "{report}");
    assert!(
        errors[0].contains("background, paragraph 3: the source (en) says the number 17,"),
        "{report}"
    );
    assert!(
        errors[1].contains("body, paragraph 4: the source (en) says the number 17,"),
        "{report}"
    );
    let line = |l: &str| l.split(':').nth(1).unwrap().parse::<usize>().unwrap();
    let text = std::fs::read_to_string(sb.path("mine/cecot.es.yaml")).unwrap();
    assert!(
        text.lines()
            .nth(line(errors[0]) - 1)
            .unwrap()
            .contains("otras 71 personas")
    );
    assert!(
        text.lines()
            .nth(line(errors[1]) - 1)
            .unwrap()
            .contains("a otras.")
    );
}

/// `check --json` is for scripts, which read one language: every finding
/// is in English whatever the interface speaks, parse errors of the YAML
/// and of the templates included, while the people's report is translated.
#[test]
fn check_json_is_english_under_every_interface_language() {
    let fixtures = [
        "unknown-field.yaml",
        "missing-field.yaml",
        "bad-email.yaml",
        "bad-date.yaml",
        "template-syntax.yaml",
        "unknown-variable.yaml",
        "markers.yaml",
        "untranslated.yaml",
    ];
    let run = |lang: &str, json: bool| {
        let sb = Sandbox::new();
        let mut cmd = sb.appeal();
        cmd.env("APPEAL_UI_LANG", lang).arg("check");
        if json {
            cmd.arg("--json");
        }
        for name in fixtures {
            cmd.arg(fixture(&format!("check/{name}")));
        }
        cmd.output().unwrap()
    };
    let english = stdout_of(&run("en", true));
    let findings: serde_json::Value = serde_json::from_str(&english).expect("JSON");
    assert!(
        findings
            .as_array()
            .is_some_and(|a| a.len() >= fixtures.len()),
        "{english}"
    );
    for lang in ["es", "fr"] {
        assert_eq!(
            stdout_of(&run(lang, true)),
            english,
            "check --json under {lang}"
        );
        // The same findings, for people, are in their language.
        let text = stdout_of(&run(lang, false));
        let english_text = stdout_of(&run("en", false));
        let (ours, theirs): (Vec<_>, Vec<_>) =
            (text.lines().collect(), english_text.lines().collect());
        assert_eq!(ours.len(), theirs.len());
        let translated = ours.iter().zip(&theirs).filter(|(a, b)| a != b).count();
        assert!(
            translated * 2 > ours.len(),
            "under {lang}, most lines are translated:\n{text}"
        );
    }
}
