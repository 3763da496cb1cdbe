//! Fitting the shell: completions, manual pages, help, version and colour.

mod common;

use common::{Sandbox, exit, stderr_of, stdout_of};

#[test]
fn completion_scripts_for_every_shell() {
    let sb = Sandbox::new();
    for (shell, marker) in [
        ("bash", "complete -o nospace -o bashdefault"),
        ("zsh", "compdef"),
        ("fish", "complete --keep-order"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "set edit:completion:arg-completer[appeal]"),
    ] {
        let out = sb.appeal().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr_of(&out));
        let script = stdout_of(&out);
        assert!(
            script.contains(marker),
            "{shell} script lacks {marker:?}:\n{script}"
        );
        assert!(
            script.contains("COMPLETE"),
            "{shell} script calls back into appeal"
        );
    }
    let out = sb.appeal().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
}

/// Asks the binary for candidates the way the bash script does at a Tab.
fn complete_bash(sb: &Sandbox, words: &[&str]) -> Vec<String> {
    let out = sb
        .appeal()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
        .split(['\n', '\u{b}'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn action_ids_complete_from_the_library() {
    let sb = Sandbox::new();
    sb.write("mine/river.yaml", &common::fixture_text("draft.yaml"));
    assert_eq!(complete_bash(&sb, &["appeal", "show", "ce"]), ["cecot"]);
    assert_eq!(complete_bash(&sb, &["appeal", "compose", "cec"]), ["cecot"]);
    let with_mine = sb
        .appeal()
        .env("APPEAL_ACTIONS_DIR", sb.path("mine"))
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .args(["--", "appeal", "show", "ri"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&with_mine).contains("river"),
        "{}",
        stdout_of(&with_mine)
    );
    // Subcommands complete too.
    assert!(complete_bash(&sb, &["appeal", "comp"]).contains(&"compose".to_string()));
}

#[test]
fn man_prints_a_page_or_writes_one_per_command() {
    let sb = Sandbox::new();
    let out = sb.appeal().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = stdout_of(&out);
    assert!(page.contains(".TH appeal 1"), "{page}");
    assert!(page.contains("compose"));

    let out = sb.appeal().args(["man", "--dir", "man1"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut pages: Vec<String> = std::fs::read_dir(sb.path("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    for expected in [
        "appeal.1",
        "appeal-compose.1",
        "appeal-check.1",
        "appeal-preview.1",
    ] {
        assert!(pages.contains(&expected.to_string()), "{pages:?}");
    }
    assert!(
        !pages.iter().any(|p| p.contains("serve")),
        "hidden commands have no page"
    );
    let compose = std::fs::read_to_string(sb.path("man1/appeal-compose.1")).unwrap();
    assert!(compose.contains("appeal\\-compose"), "{compose}");

    // A second run keeps what is there, and says how to replace it.
    std::fs::write(sb.path("man1/appeal.1"), "mine").unwrap();
    let out = sb.appeal().args(["man", "--dir", "man1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    assert!(stderr_of(&out).contains("appeal.1 already exists; not overwritten"));
    assert_eq!(
        std::fs::read_to_string(sb.path("man1/appeal.1")).unwrap(),
        "mine"
    );
    let out = sb
        .appeal()
        .args(["man", "--dir", "man1", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        std::fs::read_to_string(sb.path("man1/appeal.1"))
            .unwrap()
            .contains(".TH appeal 1")
    );
}

#[test]
fn every_command_has_help_with_examples() {
    let sb = Sandbox::new();
    for command in [
        "list",
        "show",
        "compose",
        "preview",
        "check",
        "import",
        "new",
        "completions",
        "man",
    ] {
        let out = sb.appeal().args([command, "--help"]).output().unwrap();
        assert!(out.status.success(), "{command}");
        let help = stdout_of(&out);
        assert!(
            help.contains("Examples:") || help.contains("Install, for example:"),
            "{command} --help has no examples:\n{help}"
        );
    }
    let out = sb.appeal().arg("--help").output().unwrap();
    assert!(stdout_of(&out).contains("Examples:"));
}

#[test]
fn version_is_printed() {
    let sb = Sandbox::new();
    let out = sb.appeal().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        stdout_of(&out),
        format!("appeal {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let sb = Sandbox::new();
    let warn = |args: &[&str], no_color: bool| {
        let mut cmd = sb.appeal();
        cmd.args(args)
            .args(["compose", "cecot", "--name", "A", "--no-input"]);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        stderr_of(&cmd.output().unwrap())
    };
    assert!(warn(&["--color", "always"], false).contains("\u{1b}["));
    assert!(!warn(&["--color", "never"], false).contains("\u{1b}["));
    assert!(!warn(&[], false).contains("\u{1b}["), "no colour on a pipe");
    assert!(!warn(&[], true).contains("\u{1b}["));
}
