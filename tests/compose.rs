//! `appeal compose` without a terminal: every flag, the environment, the
//! remembered config, rendering, wrapping and delivery to stdout and files.

mod common;

use std::time::Duration;

use common::{Sandbox, exit, fixture_text, stderr_of, stdout_of};
use predicates::prelude::*;

/// `appeal compose cecot --no-input` plus `args`, returning the output.
fn compose(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    sb.compose().args(args).output().unwrap()
}

fn letter(sb: &Sandbox, args: &[&str]) -> String {
    let out = compose(sb, args);
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn flags_fill_the_letter_in_order() {
    let sb = Sandbox::new();
    let text = letter(
        &sb,
        &[
            "--name",
            "Ana Díaz",
            "--note",
            "I write from Quito.",
            "--city",
            "Quito",
            "--country",
            "Ecuador",
            "--width",
            "0",
        ],
    );
    let date = text.find("28 November 2026").expect("date");
    let salutation = text.find("Dear Secretary Noem,").expect("salutation");
    let body = text.find("I am extremely concerned").expect("body");
    let note = text
        .find("\n\nI write from Quito.\n\n")
        .expect("note as its own paragraph");
    let closing = text.find("Yours sincerely,").expect("closing");
    let signature = text.find("Ana Díaz\nQuito, Ecuador\n").expect("signature");
    assert!(date < salutation && salutation < body && body < note && note < closing);
    assert!(closing < signature);
    assert!(text.ends_with("Ana Díaz\nQuito, Ecuador\n"), "{text:?}");
}

#[test]
fn without_note_or_place_no_blank_paragraph_is_left() {
    let sb = Sandbox::new();
    let text = letter(&sb, &["--name", "Ana", "--width", "0"]);
    assert!(!text.contains("\n\n\n"), "{text:?}");
    assert!(
        text.ends_with("US Judiciary.\n\nYours sincerely,\n\nAna\n"),
        "{text:?}"
    );
}

#[test]
fn only_city_or_only_country_signs_alone() {
    let sb = Sandbox::new();
    assert!(letter(&sb, &["--name", "Ana", "--city", "Lyon"]).ends_with("Ana\nLyon\n"));
    assert!(letter(&sb, &["--name", "Ana", "--country", "France"]).ends_with("Ana\nFrance\n"));
}

#[test]
fn user_text_appears_verbatim() {
    let sb = Sandbox::new();
    let name = "Zoë O'Brien-Łukasiewicz & <Co> \"the best\" 王小明";
    let note = "Tom & Jerry's <b>bold</b> \"quote\" — ñandú, 人権を守ってください。";
    let text = letter(
        &sb,
        &[
            "--name",
            name,
            "--note",
            note,
            "--city",
            "Zürich & <Bern>",
            "--width",
            "0",
        ],
    );
    assert!(text.contains(&format!("\n{note}\n")), "{text}");
    assert!(
        text.contains(&format!("\n{name}\nZürich & <Bern>\n")),
        "{text}"
    );
    assert!(!text.contains("&amp;") && !text.contains("&lt;") && !text.contains("&#x27;"));
}

#[test]
fn user_text_that_looks_like_a_template_stays_literal() {
    let sb = Sandbox::new();
    let note = "{{name}} {{> partial}} {{#each x}}{{/each}} {{{raw}}} {{target.email}}";
    let text = letter(&sb, &["--name", "{{date}}", "--note", note, "--width", "0"]);
    assert!(text.contains(&format!("\n{note}\n")), "{text}");
    assert!(text.ends_with("\n{{date}}\n"), "{text}");
}

#[test]
fn control_characters_and_bidi_overrides_are_refused() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "Ana\u{202E}evil"]);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(
        stderr_of(&out)
            .contains("--name: contains an invisible bidirectional-text control (U+202E)")
    );
    let out = compose(&sb, &["--name", "Ana", "--note", "bell\u{7}"]);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&out).contains("--note: contains a control character (U+0007)"));
    assert!(out.stdout.is_empty(), "no letter with refused input");
}

#[test]
fn missing_name_without_a_terminal_fails_fast_naming_the_flag() {
    let sb = Sandbox::new();
    sb.appeal()
        .args(["compose", "cecot"])
        .write_stdin("")
        .timeout(Duration::from_secs(10))
        .assert()
        .code(exit::USAGE)
        .stdout("")
        .stderr(predicate::str::contains(
            "no value for --name: pass --name or set APPEAL_NAME",
        ));
}

#[test]
fn environment_supplies_defaults_and_flags_win() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--country", "Chile"])
        .env("APPEAL_NAME", "Env Name")
        .env("APPEAL_CITY", "Valparaíso")
        .env("APPEAL_COUNTRY", "Peru")
        .env("APPEAL_LANG", "en")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).ends_with("Env Name\nValparaíso, Chile\n"));
}

#[test]
fn remembered_config_is_the_last_fallback() {
    let sb = Sandbox::new();
    sb.write(
        "config/appeal/config.yaml",
        "name: Remembered Name\ncity: Oslo\ncountry: Norway\nlang: en\n",
    );
    let text = letter(&sb, &["--country", "Sweden"]);
    assert!(text.ends_with("Remembered Name\nOslo, Sweden\n"), "{text}");
    let out = sb
        .compose()
        .env("APPEAL_NAME", "From Env")
        .output()
        .unwrap();
    assert!(stdout_of(&out).ends_with("From Env\nOslo, Norway\n"));
}

#[test]
fn a_broken_config_is_reported_and_ignored() {
    let sb = Sandbox::new();
    sb.write("config/appeal/config.yaml", "name: [unclosed\n");
    let out = compose(&sb, &["--name", "Ana"]);
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(err.contains("config/appeal/config.yaml:1:"), "{err}");
    assert!(err.contains("ignoring the remembered settings"), "{err}");
}

#[test]
fn note_file_and_note_from_stdin() {
    let sb = Sandbox::new();
    let note_path = sb.write("note.txt", "First paragraph.\r\n\r\nSecond paragraph.\r\n");
    let text = letter(
        &sb,
        &[
            "--name",
            "Ana",
            "--note-file",
            note_path.to_str().unwrap(),
            "--width",
            "0",
        ],
    );
    assert!(
        text.contains("\n\nFirst paragraph.\n\nSecond paragraph.\n\nYours sincerely,"),
        "{text}"
    );

    let out = sb
        .appeal()
        .args([
            "compose",
            "cecot",
            "--name",
            "Ana",
            "--note-file",
            "-",
            "--width",
            "0",
        ])
        .write_stdin("Piped note & <more>.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("\n\nPiped note & <more>.\n\nYours sincerely,"));
}

#[test]
fn note_and_note_file_conflict() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "A", "--note", "x", "--note-file", "y"]);
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("cannot be used with"));
}

#[test]
fn a_missing_note_file_is_reported() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "A", "--note-file", "nope.txt"]);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&out).contains("nope.txt: No such file"));
}

#[test]
fn lang_picks_a_letter_and_falls_back_with_a_note() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "Ana", "--lang", "de-AT"]);
    assert!(out.status.success());
    assert!(stdout_of(&out).contains("Dear Secretary Noem,"));
    let err = stderr_of(&out);
    assert!(
        err.contains("there is no model letter in `de-AT`; the letter is in `en`"),
        "{err}"
    );
    assert!(err.contains("writing in your own language"), "{err}");

    let out = sb
        .appeal()
        .args(["compose", "--no-input", "--name", "José", "--lang", "es-cl"])
        .arg(common::fixture("draft.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.starts_with("28 de noviembre de 2026\n"), "{text}");
    assert!(text.contains("Estimada ministra:"));
    assert!(stderr_of(&out).contains("no model letter in `es-CL`; the letter is in `es`"));
}

#[test]
fn a_date_in_the_french_letter_never_breaks_across_lines() {
    let sb = Sandbox::new();
    let months = ["mars", "novembre"];
    for width in 20..=72 {
        let w = width.to_string();
        let text = letter(&sb, &["--name", "Ana", "--lang", "fr", "--width", &w]);
        assert!(text.starts_with("28\u{a0}novembre\u{a0}2026\n"), "{text}");
        assert!(text.contains("16\u{a0}mars"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            let day_ends = pair[0]
                .rsplit(' ')
                .next()
                .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
            let month_starts = months.iter().any(|m| pair[1].starts_with(m));
            assert!(!(day_ends && month_starts), "width {width}: {pair:?}");
        }
    }
}

#[test]
fn a_broken_translation_stops_only_letters_in_its_language() {
    let sb = Sandbox::new();
    sb.write("acts/draft.yaml", &fixture_text("draft.yaml"));
    let broken = fixture_text("draft.es.yaml").replace("subject:", "subjet:");
    sb.write("acts/draft.es.yaml", &broken);
    let run = |args: &[&str], env: Option<&str>| {
        let mut cmd = sb.appeal();
        cmd.args(["compose", "draft", "--actions-dir", "acts", "--no-input"])
            .args(["--name", "Ana"])
            .args(args);
        if let Some(lang) = env {
            cmd.env("APPEAL_LANG", lang);
        }
        cmd.timeout(Duration::from_secs(20)).output().unwrap()
    };

    // A letter in English does not need the Spanish file.
    let out = run(&[], None);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out).contains("Dear Minister"),
        "{}",
        stdout_of(&out)
    );
    let out = run(&["--lang", "de"], None);
    assert!(out.status.success(), "{}", stderr_of(&out));

    // A letter that the Spanish file could answer reports it, however asked.
    for (args, env) in [
        (&["--lang", "es"][..], None),
        (&["--lang", "es-MX"][..], None),
        (&[][..], Some("es")),
    ] {
        let out = run(args, env);
        assert_eq!(out.status.code(), Some(exit::BAD_INPUT), "{args:?} {env:?}");
        let err = stderr_of(&out);
        assert!(err.contains("draft.es.yaml:"), "{err}");
        assert!(err.contains("subjet"), "{err}");
        assert!(out.stdout.is_empty());
    }

    // `check` reads every file.
    let out = sb
        .appeal()
        .args(["check", "draft", "--actions-dir", "acts"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::FAILURE),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_malformed_lang_is_a_usage_error() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "Ana", "--lang", "english!"]);
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("--lang: `english!` is not a language tag"));
}

#[test]
fn output_file_is_written_wrapped_at_72_and_never_clobbered() {
    let sb = Sandbox::new();
    let out = compose(
        &sb,
        &[
            "--name",
            "Ana",
            "--note",
            "First words.",
            "-o",
            "letter.txt",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        out.stdout.is_empty(),
        "the letter went to the file, not stdout"
    );
    let first = std::fs::read_to_string(sb.path("letter.txt")).unwrap();
    assert!(first.contains("Dear Secretary Noem,"));
    assert!(first.lines().all(|l| l.chars().count() <= 72), "{first}");
    assert!(
        first.lines().any(|l| l.chars().count() > 60),
        "actually filled"
    );

    // A second run refuses to overwrite, keeps the new letter safe, and says where.
    let out = compose(
        &sb,
        &[
            "--name",
            "Ana",
            "--note",
            "Second words.",
            "-o",
            "letter.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    let err = stderr_of(&out);
    assert!(
        err.contains("letter.txt already exists; not overwritten (use --force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(sb.path("letter.txt")).unwrap(),
        first
    );
    let saved = err
        .split("the letter was saved to ")
        .nth(1)
        .expect("the rescue path is printed")
        .trim();
    assert!(
        saved.starts_with(sb.path("data/appeal/unsent").to_str().unwrap()),
        "{saved}"
    );
    // The temporary folder is the rescue's last resort, not made for nothing.
    assert!(!sb.path("tmp/appeal-unsent").exists());
    assert!(
        std::fs::read_to_string(saved)
            .unwrap()
            .contains("Second words.")
    );

    // --force replaces it.
    let out = compose(
        &sb,
        &[
            "--name",
            "Ana",
            "--note",
            "Third words.",
            "-o",
            "letter.txt",
            "--force",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        std::fs::read_to_string(sb.path("letter.txt"))
            .unwrap()
            .contains("Third words.")
    );
    let leftovers: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn an_output_path_that_cannot_be_written_keeps_the_letter() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.path("adir")).unwrap();
    let out = compose(&sb, &["--name", "Ana", "--note", "Kept.", "-o", "adir"]);
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    let err = stderr_of(&out);
    assert!(
        err.contains("adir could not be written: is a directory"),
        "{err}"
    );
    assert!(err.contains("the letter was saved to"), "{err}");

    let out = compose(
        &sb,
        &[
            "--name",
            "Ana",
            "--note",
            "Kept.",
            "-o",
            "no/such/dir/x.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    assert!(stderr_of(&out).contains("the letter was saved to"));
}

#[test]
fn dash_output_is_stdout() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "Ana", "-o", "-"]);
    assert!(out.status.success());
    assert!(stdout_of(&out).contains("Dear Secretary Noem,"));
    assert!(!sb.path("-").exists());
}

#[test]
fn wrapping_at_a_width_keeps_every_word() {
    let sb = Sandbox::new();
    let flat = letter(&sb, &["--name", "Ana", "--width", "0"]);
    for width in ["30", "50", "72"] {
        let wrapped = letter(&sb, &["--name", "Ana", "--width", width]);
        let w: usize = width.parse().unwrap();
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= w),
            "width {w}:\n{wrapped}"
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            flat.split_whitespace().collect::<Vec<_>>(),
            "no word lost, broken or added at width {w}"
        );
        // Paragraphs are kept: the same blank lines separate them.
        assert_eq!(
            wrapped.matches("\n\n").count(),
            flat.matches("\n\n").count()
        );
    }
}

#[test]
fn wrapping_never_splits_an_email_or_url() {
    let sb = Sandbox::new();
    let note = "Reach me at jean-pierre.dupont-martin@example-mail.org or https://example.org/some/long-path-to/page?x=1";
    let text = letter(&sb, &["--name", "Ana", "--note", note, "--width", "20"]);
    assert!(text.contains("jean-pierre.dupont-martin@example-mail.org"));
    assert!(text.contains("https://example.org/some/long-path-to/page?x=1"));
}

#[test]
fn a_passed_deadline_warns_on_stderr_only() {
    let sb = Sandbox::new();
    let out = compose(&sb, &["--name", "Ana"]);
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(
        err.contains("warning: the deadline for this action was 1 July 2025"),
        "{err}"
    );
    assert!(
        err.contains("Please check with the Amnesty office in your country"),
        "{err}"
    );
    let text = stdout_of(&out);
    assert!(
        !text.contains("deadline") && !text.contains("warning"),
        "{text}"
    );

    // Before the deadline there is no warning.
    let out = sb
        .compose()
        .args(["--name", "Ana"])
        .env("APPEAL_TODAY", "2025-06-01")
        .output()
        .unwrap();
    assert!(!stderr_of(&out).contains("deadline"));
}

#[test]
fn a_missing_template_variable_is_an_error_not_a_blank() {
    let sb = Sandbox::new();
    let text = fixture_text("draft.yaml").replace("{{name}}", "{{nmae}}");
    sb.write("typo.yaml", &text);
    let out = sb
        .appeal()
        .args(["compose", "./typo.yaml", "--no-input", "--name", "Ana"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    let err = stderr_of(&out);
    assert!(err.contains("./typo.yaml: letters.en.body"), "{err}");
    assert!(err.contains("nmae"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_template_syntax_error_names_its_place() {
    let sb = Sandbox::new();
    let text = fixture_text("draft.yaml").replace("{{/if}}\n      Yours", "\n      Yours");
    sb.write("unclosed.yaml", &text);
    let out = sb
        .appeal()
        .args(["compose", "./unclosed.yaml", "--no-input", "--name", "Ana"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&out).contains("./unclosed.yaml: letters.en.body, line"));
}

#[test]
fn head_closing_the_pipe_is_quiet() {
    let sb = Sandbox::new();
    let out = sb
        .command("bash")
        .arg("-c")
        .arg(r#""$0" compose cecot --no-input --name Ana | head -c 1; echo " status=${PIPESTATUS[0]}""#)
        .arg(common::appeal_bin())
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "2 status=0\n");
    assert!(!stderr_of(&out).contains("panicked"), "{}", stderr_of(&out));

    // A pipe closed before anything is written: still exit 0, nothing on stderr
    // but the deadline warning.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = sb
        .std_appeal()
        .args(["compose", "cecot", "--no-input", "--name", "Ana"])
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK));
    let err = stderr_of(&out);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
}

#[test]
fn a_full_disk_on_stdout_keeps_the_letter() {
    let sb = Sandbox::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let out = sb
        .std_appeal()
        .args([
            "compose",
            "cecot",
            "--no-input",
            "--name",
            "Ana",
            "--note",
            "Do not lose me.",
        ])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    let err = stderr_of(&out);
    assert!(
        err.contains("writing to stdout failed: No space left on device"),
        "{err}"
    );
    let saved = sb.path("data/appeal/unsent/cecot-2026-11-28.txt");
    assert!(
        err.contains(&format!("the letter was saved to {}", saved.display())),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(saved)
            .unwrap()
            .contains("Do not lose me.")
    );
}

/// The first line of a model letter's body that has no tag: its own words.
fn first_prose_line(yaml: &str) -> String {
    yaml.lines()
        .skip_while(|l| !l.trim_start().starts_with("body:"))
        .skip(1)
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.contains("{{"))
        .expect("a body with prose")
        .to_string()
}

#[test]
fn every_shipped_language_renders_its_own_letter() {
    let actions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("actions");
    let mut langs = vec![("en".to_string(), first_prose_line(&common::cecot_yaml()))];
    for entry in std::fs::read_dir(&actions).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(lang) = name
            .strip_prefix("cecot.")
            .and_then(|rest| rest.strip_suffix(".yaml"))
        else {
            continue;
        };
        let text = std::fs::read_to_string(actions.join(&name)).unwrap();
        langs.push((lang.to_string(), first_prose_line(&text)));
    }
    let mut names: Vec<&str> = langs.iter().map(|(l, _)| l.as_str()).collect();
    names.sort();
    assert_eq!(names, ["en", "es", "fr"], "the languages shipped");
    let sb = Sandbox::new();
    for (lang, line) in &langs {
        let out = sb
            .compose()
            .args(["--name", "Ana", "--width", "0", "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success(), "{lang}: {}", stderr_of(&out));
        let letter = stdout_of(&out);
        assert!(
            letter.contains(line.as_str()),
            "{lang}: no `{line}` in\n{letter}"
        );
        assert!(
            !stderr_of(&out).contains("there is no model letter"),
            "{lang} fell back"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_device_or_fifo_given_to_o_is_written_into_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--name", "A", "-o", "/dev/null", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(
        null.file_type().is_char_device(),
        "/dev/null is still a device"
    );
    let out = sb
        .compose()
        .args(["--name", "A", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "no --force needed: {}",
        stderr_of(&out)
    );

    let out = sb
        .compose()
        .args(["--name", "A", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("Yours sincerely,\n\nA\n"));

    let fifo = sb.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = sb
        .compose()
        .args(["--name", "A", "-o"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(reader.join().unwrap().contains("Yours sincerely,"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}
