//! Hostile input: action files, batch files and typed text written by a
//! stranger, one fixture per finding of the hostile-input review
//! (`tests/fixtures/hostile/`, generated here where large). Each is refused
//! or made safe, with a documented exit code, and nothing a terminal would
//! obey (ESC, BEL, C1 controls) reaches stdout or stderr.

mod common;

use common::{Sandbox, assert_clean, exit, fixture, stderr_of, stdout_of};

/// Every command that reads an action, on one hostile file: each refuses it
/// with its documented code, and says why without echoing the character.
fn refused_everywhere(name: &str, says: &str) {
    let sb = Sandbox::new();
    let path = fixture(&format!("hostile/{name}")).display().to_string();
    for (args, code) in [
        (vec!["show", &path], 3),
        (vec!["preview", &path], 3),
        (vec!["check", &path], 1),
        (vec!["compose", &path, "--no-input", "--name", "A"], 3),
    ] {
        let out = sb
            .appeal()
            .args(&args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let what = format!("{name}: {}", args[0]);
        assert_eq!(out.status.code(), Some(code), "{what}: {}", stderr_of(&out));
        assert_clean(&what, &out);
        let said = format!("{}{}", stdout_of(&out), stderr_of(&out));
        assert!(said.contains(says), "{what}: {said}");
    }
}

#[test]
fn terminal_escapes_written_as_yaml_escapes_are_refused() {
    refused_everywhere(
        "title-escape.yaml",
        "field `title`: holds a control character (U+001B)",
    );
    refused_everywhere(
        "clipboard-escape.yaml",
        "field `people`: holds a control character (U+001B)",
    );
    refused_everywhere("c1-control.yaml", "holds a control character (U+009B)");
    refused_everywhere(
        "letter-escape.yaml",
        "field `letters.en.subject`: holds a control character (U+001B)",
    );
}

#[test]
fn a_bidi_override_written_as_an_escape_is_refused() {
    refused_everywhere(
        "bidi-escape.yaml",
        "holds an invisible bidirectional-text control (U+202E)",
    );
}

#[test]
fn tag_characters_and_invisible_characters_in_an_address_are_refused() {
    refused_everywhere(
        "tag-characters.yaml",
        "holds an invisible tag character (U+E0041)",
    );
    refused_everywhere(
        "email-zero-width.yaml",
        "holds an invisible character (U+200B)",
    );
    refused_everywhere(
        "email-list.yaml",
        "`x,spy@evil.example.org` is not an email address",
    );
}

#[test]
fn two_letters_for_the_same_language_are_refused() {
    refused_everywhere(
        "colliding-letters.yaml",
        "names the same language as another letter (`en`)",
    );
}

#[test]
fn a_file_name_with_an_escape_is_no_action_and_is_never_printed_raw() {
    let sb = Sandbox::new();
    let dir = sb.path("mine");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        fixture("hostile/title-escape.yaml"),
        dir.join("x\u{1b}]0;t\u{7}.yaml"),
    )
    .unwrap();
    let out = sb
        .appeal()
        .args(["--actions-dir", "mine", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_clean("list", &out);
    let out = sb
        .appeal()
        .args(["--actions-dir", "mine", "check"])
        .output()
        .unwrap();
    assert_clean("check", &out);
}

#[test]
fn batch_columns_pass_the_same_rule_as_typed_text() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["compose", "cecot", "--batch"])
        .arg(fixture("hostile/batch-columns.csv"))
        .args([
            "--out-dir",
            "out",
            "--name-template",
            "{{row}}-{{party}}.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert_clean("batch", &out);
    let err = stderr_of(&out);
    assert!(
        err.contains("row 1: party: contains a control character (U+001B)"),
        "{err}"
    );
    assert!(
        err.contains("row 2: party: contains an invisible bidirectional-text control (U+202E)"),
        "{err}"
    );
    assert!(
        err.contains("row 3: party: contains a line break (U+000A) in a field of one line"),
        "{err}"
    );
    assert!(err.contains("1 letter written"), "{err}");
}

#[test]
fn a_note_file_is_capped_at_one_mebibyte() {
    let sb = Sandbox::new();
    let big = "word ".repeat(220_000);
    let out = sb
        .compose()
        .args(["--name", "A", "--note-file", "-"])
        .write_stdin(big.clone())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert!(
        stderr_of(&out).contains("is larger than 1024 KiB"),
        "{}",
        stderr_of(&out)
    );
    sb.write("note.txt", &big);
    let out = sb
        .compose()
        .args(["--name", "A", "--note-file", "note.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(out.stdout.is_empty());
}

#[test]
fn an_endless_batch_line_and_a_very_wide_file_are_refused_not_held() {
    let sb = Sandbox::new();
    // Generated: 2 MiB on one line.
    let endless = format!("name,note\nAna,ok\nBen,{}\n", "x".repeat(2 << 20));
    sb.write("endless.csv", &endless);
    let out = sb
        .appeal()
        .args(["compose", "cecot", "--batch", "endless.csv", "--jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert!(
        stderr_of(&out).contains("row 2: is longer than 1024 KiB"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        stdout_of(&out).lines().count(),
        1,
        "the row before it is written"
    );

    let header: Vec<String> = (0..20_000).map(|i| format!("c{i}")).collect();
    sb.write("wide.csv", &format!("name,{}\nAna\n", header.join(",")));
    let out = sb
        .appeal()
        .args(["compose", "cecot", "--batch", "wide.csv"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert!(stderr_of(&out).contains("a batch file may have at most 64"));
}

#[test]
fn an_email_draft_says_nothing_of_the_machine() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--name", "A", "-o", "a.eml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let raw = std::fs::read_to_string(sb.path("a.eml")).unwrap();
    let id = raw
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
        .expect("a Message-ID");
    assert!(id.trim_end().ends_with("@appeal.invalid>"), "{id}");
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let host = host.trim();
    if !host.is_empty() {
        assert!(!raw.contains(host), "the host name {host} is in the draft");
    }
}

#[cfg(unix)]
#[test]
fn folders_made_for_the_user_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.write("s.csv", "name\nAna\n");
    let out = sb
        .appeal()
        .args([
            "compose",
            "cecot",
            "--batch",
            "s.csv",
            "--out-dir",
            "new/letters",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mode = std::fs::metadata(sb.path("new/letters"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
}
