//! What a person reads, kept as reviewed snapshots (`tests/snapshots/`):
//! the built-in CECOT letter in each language and form, and the `--help` of
//! every command. A change to any of them fails here until the new text has
//! been read and accepted (`cargo insta review`); CI never writes a
//! snapshot.

mod common;

use common::{Sandbox, stderr_of, stdout_of};

/// The width `--help` is wrapped at: clap reads `COLUMNS` when there is no
/// terminal to ask.
const COLUMNS: &str = "80";

/// `appeal compose cecot` for a writer in Quito, in `lang`, with `args`
/// added: the letter it prints on stdout.
fn letter(lang: &str, args: &[&str]) -> String {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args([
            "--name",
            "Ana Díaz",
            "--city",
            "Quito",
            "--country",
            "Ecuador",
        ])
        .args(["--lang", lang, "--no-history", "-o", "-"])
        .args(args)
        .output()
        .expect("appeal runs");
    assert!(out.status.success(), "{lang} {args:?}: {}", stderr_of(&out));
    stdout_of(&out)
}

/// The headers of an .eml that change from one run to the next, and MIME
/// boundaries should a letter ever have parts.
fn eml_filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"(?m)^Date: .*$", "Date: [date]"),
        (r"(?m)^Message-ID: .*$", "Message-ID: [message-id]"),
        (r#"boundary="[^"]*""#, r#"boundary="[boundary]""#),
        (
            r"(?m)^--[0-9A-Za-z'()+_,./:=?-]{16,}(--)?$",
            "--[boundary]$1",
        ),
    ]
}

/// One test per language and form, named `LANG_FORM`; its snapshot is
/// `letter-LANG-FORM`.
macro_rules! letters {
    ($($name:ident: $lang:literal, $form:literal, [$($arg:literal),*];)+) => {
        $(
            #[test]
            fn $name() {
                let text = letter($lang, &[$($arg),*]);
                let name = format!("letter-{}-{}", $lang, $form);
                insta::with_settings!({ filters => eml_filters() }, {
                    insta::assert_snapshot!(name, text);
                });
            }
        )+
    };
}

letters! {
    en_txt: "en", "txt", [];
    es_txt: "es", "txt", [];
    fr_txt: "fr", "txt", [];
    en_txt_unwrapped: "en", "txt-width-0", ["--width", "0"];
    es_txt_unwrapped: "es", "txt-width-0", ["--width", "0"];
    fr_txt_unwrapped: "fr", "txt-width-0", ["--width", "0"];
    en_eml: "en", "eml", ["--format", "eml"];
    es_eml: "es", "eml", ["--format", "eml"];
    fr_eml: "fr", "eml", ["--format", "eml"];
    en_mailto: "en", "mailto", ["--format", "mailto"];
    es_mailto: "es", "mailto", ["--format", "mailto"];
    fr_mailto: "fr", "mailto", ["--format", "mailto"];
}

/// Every command's path below `appeal`, as `appeal help` and `appeal feed
/// --help` list them (`help` itself aside).
fn commands(sb: &Sandbox, path: &[&str]) -> Vec<Vec<String>> {
    let out = help(sb, path);
    let listed: Vec<String> = out
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|name| name != "help")
        .collect();
    let mut found = Vec::new();
    for name in listed {
        let mut sub: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        sub.push(name);
        let below: Vec<&str> = sub.iter().map(String::as_str).collect();
        let deeper = commands(sb, &below);
        found.push(sub);
        found.extend(deeper);
    }
    found
}

/// `appeal PATH --help` at [`COLUMNS`] columns.
fn help(sb: &Sandbox, path: &[&str]) -> String {
    let out = sb
        .appeal()
        .args(path)
        .arg("--help")
        .env("COLUMNS", COLUMNS)
        .output()
        .expect("appeal runs");
    assert!(out.status.success(), "{path:?}: {}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn help_of_every_command() {
    let sb = Sandbox::new();
    let commands = commands(&sb, &[]);
    // The top command's list, and feed's: a command that stops being
    // listed must not quietly lose its snapshot.
    for expected in [&["compose"][..], &["feed", "publish"]] {
        assert!(
            commands.iter().any(|c| c == expected),
            "{expected:?} is not among {commands:?}"
        );
    }
    insta::assert_snapshot!("help-appeal", help(&sb, &[]));
    for path in &commands {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        insta::assert_snapshot!(format!("help-appeal-{}", path.join("-")), help(&sb, &path));
    }
}
