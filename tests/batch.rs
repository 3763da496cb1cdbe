//! `appeal compose --batch`: one letter per signer of a CSV or JSON Lines file.

mod common;

use std::path::Path;

use common::{Sandbox, exit, fixture_text, stderr_of, stdout_of};

const SIGNERS: &str = "name,lang,note,city,country\n\
    Ana Díaz,es,Hola & <adiós>,Quito,Ecuador\n\
    Ben Okafor,en,,Lagos,Nigeria\n\
    Chloé Martin,fr,Merci.,Lyon,France\n";

fn batch(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    sb.appeal()
        .args(["compose", "cecot"])
        .args(args)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap()
}

/// The rescue folder a batch's message names: `… were saved to DIR instead`.
fn saved_folder(err: &str) -> std::path::PathBuf {
    err.split("were saved to ")
        .nth(1)
        .and_then(|rest| rest.split(" instead").next())
        .expect("the rescue folder is named")
        .into()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn csv_to_stdout_separates_letters_with_form_feeds() {
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let out = batch(&sb, &["--batch", "signers.csv", "--width", "0"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let letters: Vec<&str> = text.split('\u{c}').collect();
    assert_eq!(letters.len(), 3);
    assert!(letters[0].contains("\nHola & <adiós>\n"));
    assert!(letters[0].trim_end().ends_with("Ana Díaz\nQuito, Ecuador"));
    assert!(
        letters[1]
            .trim_end()
            .ends_with("Ben Okafor\nLagos, Nigeria")
    );
    assert!(letters[2].contains("\nMerci.\n"));
    assert!(stderr_of(&out).contains("3 letters written"));
}

#[test]
fn jsonl_input_and_stdin() {
    let sb = Sandbox::new();
    let rows = "{\"name\":\"Ana\",\"city\":\"Quito\"}\n\n{\"name\":\"Ben\",\"note\":\"Line one.\\n\\nLine two.\"}\n";
    sb.write("signers.jsonl", rows);
    let out = batch(&sb, &["--batch", "signers.jsonl", "--width", "0"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert_eq!(text.matches('\u{c}').count(), 1);
    assert!(text.contains("\nLine one.\n\nLine two.\n"));

    let out = sb
        .appeal()
        .args(["compose", "cecot", "--batch", "-", "--batch-format", "csv"])
        .write_stdin("name\nFrom Stdin\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).trim_end().ends_with("From Stdin"));
}

#[test]
fn an_unknown_extension_needs_batch_format() {
    let sb = Sandbox::new();
    sb.write("signers.txt", SIGNERS);
    let out = batch(&sb, &["--batch", "signers.txt"]);
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("pass --batch-format"));
}

#[test]
fn jsonl_flag_prints_one_object_per_letter() {
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let out = batch(&sb, &["--batch", "signers.csv", "--jsonl"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let records: Vec<serde_json::Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["row"], 1);
    assert_eq!(records[0]["signer"], "Ana Díaz");
    assert!(records[0]["subject"].as_str().unwrap().len() > 10);
    assert!(
        records[1]["body"]
            .as_str()
            .unwrap()
            .contains("Dear Secretary Noem,")
    );
}

#[test]
fn out_dir_writes_one_file_per_signer() {
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let out = batch(&sb, &["--batch", "signers.csv", "--out-dir", "letters"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(out.stdout.is_empty());
    let names = files_in(&sb.path("letters"));
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("1-Ana-Díaz-")),
        "{names:?}"
    );
    let ben = names
        .iter()
        .find(|n| n.starts_with("2-Ben-Okafor-en"))
        .unwrap();
    let text = std::fs::read_to_string(sb.path("letters").join(ben)).unwrap();
    assert!(text.trim_end().ends_with("Ben Okafor\nLagos, Nigeria"));
    assert!(
        text.lines().all(|l| l.chars().count() <= 72),
        "files wrap at 72"
    );
}

#[test]
fn file_names_never_escape_the_folder() {
    let sb = Sandbox::new();
    // File names come from a column. A column passes the same rule as a
    // name (control, bidi and line-break characters refuse the row); what
    // it lets through, the sanitiser makes safe.
    sb.write(
        "evil.csv",
        "name,file\nA,../../x\nB,/etc/passwd\nC,..\nD,CON\nE,\"a\u{7}b\u{202e}c\"\nF,.hidden\nG,\"new\nline\"\n",
    );
    let out = batch(
        &sb,
        &[
            "--batch",
            "evil.csv",
            "--out-dir",
            "out/letters",
            "--name-template",
            "{{file}}.txt",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    let err = stderr_of(&out);
    assert!(
        err.contains("row 5: file: contains a control character (U+0007)"),
        "{err}"
    );
    assert!(
        err.contains("row 7: file: contains a line break (U+000A) in a field of one line"),
        "{err}"
    );
    let names = files_in(&sb.path("out/letters"));
    assert_eq!(
        names,
        [
            "_CON.txt",
            "etc-passwd.txt",
            "hidden.txt",
            "letter.txt",
            "x.txt"
        ]
    );
    // Nothing was written anywhere else.
    assert_eq!(files_in(&sb.path("out")), ["letters"]);
    assert!(!sb.path("x.txt").exists() && !sb.path("../x.txt").exists());
}

#[test]
fn duplicate_names_get_a_suffix() {
    let sb = Sandbox::new();
    sb.write("dup.csv", "name,city\nAna,Lyon\nAna,Oslo\nAna,Rome\n");
    let out = batch(
        &sb,
        &[
            "--batch",
            "dup.csv",
            "--out-dir",
            "d",
            "--name-template",
            "{{name}}.txt",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        files_in(&sb.path("d")),
        ["Ana-2.txt", "Ana-3.txt", "Ana.txt"]
    );
    let second = std::fs::read_to_string(sb.path("d/Ana-2.txt")).unwrap();
    assert!(second.trim_end().ends_with("Ana\nOslo"));
}

#[test]
fn a_bad_row_in_the_middle_is_reported_and_the_rest_written() {
    let sb = Sandbox::new();
    sb.write(
        "mixed.csv",
        "name,lang,city\nAna,es,Quito\n,en,Nowhere\nBen,english!,Lagos\nCarl,en,\"Bern\nDora,en,Oslo\n",
    );
    let out = batch(&sb, &["--batch", "mixed.csv", "--out-dir", "m"]);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    let err = stderr_of(&out);
    assert!(err.contains("row 2: has no name"), "{err}");
    assert!(
        err.contains("row 3: lang: `english!` is not a language tag"),
        "{err}"
    );
    assert!(
        err.contains("1 letter written") || err.contains("letters written"),
        "{err}"
    );
    assert!(err.contains("rows failed"), "{err}");
    let names = files_in(&sb.path("m"));
    assert!(names.iter().any(|n| n.starts_with("1-Ana")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Ben")), "{names:?}");
}

#[test]
fn ragged_and_broken_quoting_rows_are_reported() {
    let sb = Sandbox::new();
    sb.write(
        "ragged.csv",
        "name,city\nAna,Lyon\nBen,Lagos,extra\nCarl,Rome\n",
    );
    let out = batch(&sb, &["--batch", "ragged.csv", "--out-dir", "r"]);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&out).contains("row 2: has 3 fields, but the header has 2"));
    assert_eq!(files_in(&sb.path("r")).len(), 2);
}

#[test]
fn a_rerun_keeps_what_was_written_unless_forced_and_rescues_its_letters() {
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let out = batch(&sb, &["--batch", "signers.csv", "--out-dir", "l"]);
    assert!(out.status.success());
    let first = files_in(&sb.path("l"));
    let ben = first.iter().find(|n| n.contains("Ben")).unwrap();
    let path = sb.path("l").join(ben);
    std::fs::write(&path, "edited by hand").unwrap();

    // A letter kept out by a file already there is not dropped: it goes to
    // the rescue folder, and the run says so with exit 4.
    let out = batch(&sb, &["--batch", "signers.csv", "--out-dir", "l"]);
    assert_eq!(
        out.status.code(),
        Some(exit::DELIVERY),
        "{}",
        stderr_of(&out)
    );
    let err = stderr_of(&out);
    assert!(
        err.contains("0 letters written to l, 3 kept in the rescue folder"),
        "{err}"
    );
    assert!(
        err.contains(
            "already exists; not overwritten (use --force to replace it); 3 letters were saved to"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
    assert_eq!(
        files_in(&saved_folder(&err)),
        first,
        "the same letters, under the same names"
    );

    let out = batch(
        &sb,
        &["--batch", "signers.csv", "--out-dir", "l", "--force"],
    );
    assert!(out.status.success());
    assert!(stderr_of(&out).contains("3 letters written"));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Dear Secretary Noem,")
    );
    assert_eq!(files_in(&sb.path("l")), first, "no temporary files left");
}

#[test]
fn extra_columns_are_template_variables() {
    let sb = Sandbox::new();
    let action = fixture_text("draft.yaml").replace(
        "      Please release the river keepers.\n",
        "      Please release the river keepers.\n\n      {{#if group}}\n      Signed for {{group}}.\n      {{/if}}\n",
    );
    sb.write("mine/draft.yaml", &action);
    sb.write("s.csv", "name,group\nAna,Lyon Group 12\nBen,\n");
    let out = sb
        .appeal()
        .args([
            "--actions-dir",
            "mine",
            "compose",
            "draft",
            "--batch",
            "s.csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let letters: Vec<&str> = text.split('\u{c}').collect();
    assert!(letters[0].contains("Signed for Lyon Group 12."));
    assert!(!letters[1].contains("Signed for"));
}

#[test]
fn batch_flags_need_batch_and_exclude_single_letter_flags() {
    let sb = Sandbox::new();
    let out = batch(&sb, &["--batch-format", "csv", "--name", "A", "--no-input"]);
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("--batch-format goes with --batch FILE"));
    // A folder of letters is not only a batch's.
    let out = batch(&sb, &["--out-dir", "x", "--name", "A", "--no-input"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let written: Vec<_> = std::fs::read_dir(sb.path("x")).unwrap().collect();
    assert_eq!(written.len(), 1, "one letter, one file");
    sb.write("s.csv", SIGNERS);
    let out = batch(&sb, &["--batch", "s.csv", "--name", "A"]);
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("cannot be used with"));
}

#[test]
fn a_csv_without_a_name_column_is_refused() {
    let sb = Sandbox::new();
    sb.write("s.csv", "who,city\nAna,Lyon\n");
    let out = batch(&sb, &["--batch", "s.csv"]);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&out).contains("has no `name` column; its header row is: who,city"));
}

#[test]
fn out_dir_writes_email_drafts_when_asked() {
    use mail_parser::MessageParser;
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let out = batch(
        &sb,
        &[
            "--batch",
            "signers.csv",
            "--out-dir",
            "drafts",
            "--name-template",
            "{{row}}-{{name}}.eml",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let names = files_in(&sb.path("drafts"));
    assert_eq!(
        names,
        ["1-Ana-Díaz.eml", "2-Ben-Okafor.eml", "3-Chloé-Martin.eml"]
    );
    let raw = std::fs::read(sb.path("drafts/1-Ana-Díaz.eml")).unwrap();
    let message = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        message
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("dhssecretary@hq.dhs.gov")
    );
    let body = message.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.contains("\nHola & <adiós>\n"), "{body}");
    assert!(body.trim_end().ends_with("Ana Díaz\nQuito, Ecuador"));

    // Without --out-dir, drafts have nowhere to go.
    let out = batch(&sb, &["--batch", "signers.csv", "--format", "eml"]);
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("add --out-dir DIR"));
}

/// Ctrl-C (SIGINT) stops a long batch between letters: exit 130, and every
/// letter that did come out is whole.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_between_letters_with_130() {
    use std::io::Read;
    use std::process::Stdio;

    const ROWS: usize = 50_000;
    let sb = Sandbox::new();
    let mut rows = String::from("name,lang\n");
    for i in 0..ROWS {
        rows.push_str(&format!("Signer {i},en\n"));
    }
    sb.write("many.csv", &rows);
    let mut child = sb
        .std_appeal()
        .args(["compose", "cecot", "--batch", "many.csv", "--jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut output = vec![0; 1 << 16];
    stdout.read_exact(&mut output).unwrap();
    // The shell's own `kill`: no procps needed.
    let killed = std::process::Command::new("sh")
        .args(["-c", "kill -INT \"$0\"", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    stdout.read_to_end(&mut output).unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();

    assert_eq!(status.code(), Some(exit::INTERRUPTED), "{stderr}");
    assert!(stderr.contains("cancelled"), "{stderr}");
    let text = String::from_utf8(output).unwrap();
    assert!(text.ends_with('\n'), "the last letter is whole");
    let letters = text.lines().count();
    assert!(letters < ROWS, "stopped early: {letters} letters");
    for (i, line) in text.lines().enumerate() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["row"], i + 1);
    }
}

/// The `lang` of each JSON Lines record, in row order.
fn langs_of(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["lang"].as_str().expect("a lang").to_string()
        })
        .collect()
}

#[test]
fn each_row_is_written_in_its_own_language() {
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let out = batch(&sb, &["--batch", "signers.csv", "--jsonl"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert_eq!(langs_of(&text), ["es", "en", "fr"]);
    let bodies: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(bodies[0]["body"].as_str().unwrap().contains("Atentamente"));
    assert!(
        bodies[1]["body"]
            .as_str()
            .unwrap()
            .contains("Yours sincerely")
    );
    assert!(
        bodies[2]["body"]
            .as_str()
            .unwrap()
            .contains("Madame la Secrétaire")
    );
}

#[test]
fn flags_and_environment_fill_empty_cells_but_the_remembered_settings_do_not() {
    let sb = Sandbox::new();
    sb.write(
        "config/appeal/config.yaml",
        "name: Remembered\ncity: Remembered City\ncountry: Remembered Land\nlang: en\n",
    );
    sb.write(
        "signers.csv",
        "name,lang,city,country\nAna,,,\nBen,en,Lagos,\n",
    );
    let out = sb
        .appeal()
        .args(["compose", "cecot", "--batch", "signers.csv", "--jsonl"])
        .args(["--lang", "fr", "--city", "Quito"])
        .env("APPEAL_COUNTRY", "Ecuador")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert_eq!(
        langs_of(&text),
        ["fr", "en"],
        "--lang fills an empty cell only"
    );
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let body = |i: usize| records[i]["body"].as_str().unwrap().to_string();
    assert!(
        body(0).trim_end().ends_with("Ana\nQuito, Ecuador"),
        "{}",
        body(0)
    );
    assert!(
        body(1).trim_end().ends_with("Ben\nLagos, Ecuador"),
        "{}",
        body(1)
    );
    assert!(
        !text.contains("Remembered"),
        "the config never signs for others"
    );
}

#[test]
fn a_language_that_falls_back_is_reported_with_the_one_used() {
    let sb = Sandbox::new();
    sb.write("signers.csv", "name,lang\nAna,es-CL\nBen,de\n");
    let out = batch(&sb, &["--batch", "signers.csv", "--jsonl"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(langs_of(&stdout_of(&out)), ["es", "en"]);
    let err = stderr_of(&out);
    assert!(
        err.contains("1 in `es` for want of a letter in the language asked"),
        "{err}"
    );
    assert!(
        err.contains("1 in `en` for want of a letter in the language asked"),
        "{err}"
    );
}

#[test]
fn letters_a_folder_cannot_take_are_rescued_with_exit_4() {
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    // A folder inside a file can never be made, even by root.
    sb.write("blocker", "a file");
    let out = batch(
        &sb,
        &["--batch", "signers.csv", "--out-dir", "blocker/letters"],
    );
    assert_eq!(
        out.status.code(),
        Some(exit::DELIVERY),
        "{}",
        stderr_of(&out)
    );
    let err = stderr_of(&out);
    assert!(err.contains("3 letters were saved to "), "{err}");
    let saved = saved_folder(&err);
    let rescued = files_in(&saved);
    assert_eq!(rescued.len(), 3, "{rescued:?}");
    assert!(saved.starts_with(sb.path("data")), "{saved:?}");
    let text = std::fs::read_to_string(saved.join(&rescued[0])).unwrap();
    assert!(text.contains("Ana Díaz"), "{text}");
}

#[test]
fn a_full_disk_on_stdout_is_a_failure_not_a_success() {
    if !Path::new("/dev/full").exists() {
        panic!("/dev/full is missing: this test needs a Linux system");
    }
    let sb = Sandbox::new();
    sb.write("signers.csv", SIGNERS);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = sb
        .std_appeal()
        .args(["compose", "cecot", "--batch", "signers.csv"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::DELIVERY),
        "{}",
        stderr_of(&out)
    );
    let err = stderr_of(&out);
    assert!(
        err.contains("0 letters were written before it stopped"),
        "{err}"
    );
    assert!(!err.contains("3 letters written"), "{err}");
}
