//! The interface in the writer's language: labels, messages and deadline
//! phrases from the Fluent files, chosen from the flag, the environment,
//! the config or the locale; the letter keeps its own language.

mod common;

use std::process::Output;

use common::{Sandbox, exit, stderr_of, stdout_of};

/// `appeal ARGS` in `sb`, with one environment variable set.
fn appeal_with(sb: &Sandbox, (var, value): (&str, &str), args: &[&str]) -> Output {
    sb.appeal()
        .args(args)
        .env(var, value)
        .output()
        .expect("run appeal")
}

#[test]
fn show_and_list_speak_the_locales_language() {
    let sb = Sandbox::new();
    let out = appeal_with(&sb, ("LANG", "es_ES.UTF-8"), &["show", "cecot"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.contains("Escriba a:"), "{text}");
    assert!(
        text.contains("Plazo:") && text.contains("1 de julio de 2025"),
        "{text}"
    );
    assert!(text.contains("venció hace 515 días"), "{text}");
    assert!(
        text.starts_with("Alto a las expulsiones ilegales a El Salvador  (cecot)")
            && text.contains("\nResumen\n")
            && text.contains("\nInformación general\n"),
        "the action itself in the interface's language, as its translation has it: {text}"
    );
    let json = appeal_with(&sb, ("LANG", "es_ES.UTF-8"), &["show", "cecot", "--json"]);
    assert!(
        stdout_of(&json).contains("\"title\": \"Stop illegal expulsions to El Salvador\""),
        "--json is for scripts: the source unless --lang asks: {}",
        stdout_of(&json)
    );

    let out = appeal_with(&sb, ("LC_ALL", "fr_FR.UTF-8"), &["list"]);
    assert!(
        stdout_of(&out).contains("Halte aux expulsions illégales vers le Salvador"),
        "titles in the interface's language where translated: {}",
        stdout_of(&out)
    );
    assert!(
        stdout_of(&out).contains("passée depuis 515 jours"),
        "{}",
        stdout_of(&out)
    );

    let out = appeal_with(
        &sb,
        ("APPEAL_UI_LANG", "es"),
        &["--ui-lang", "en", "show", "cecot"],
    );
    assert!(stdout_of(&out).contains("Write to:"), "the flag first");
}

#[test]
fn the_config_names_the_interface_language_after_the_environment() {
    let sb = Sandbox::new();
    sb.write("config/appeal/config.yaml", "ui_lang: fr\n");
    let out = appeal_with(&sb, ("LANG", "es_ES.UTF-8"), &["show", "cecot"]);
    assert!(
        stdout_of(&out).contains("Écrire à :"),
        "{}",
        stdout_of(&out)
    );
    let out = appeal_with(&sb, ("APPEAL_UI_LANG", "es"), &["show", "cecot"]);
    assert!(
        stdout_of(&out).contains("Escriba a:"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn a_spanish_interface_writes_an_english_letter_unchanged() {
    let sb = Sandbox::new();
    let english = sb.compose().args(["--name", "A"]).output().unwrap();
    let spanish = sb
        .compose()
        .args(["--name", "A"])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    assert!(spanish.status.success(), "{}", stderr_of(&spanish));
    assert_eq!(stdout_of(&spanish), stdout_of(&english));
    assert!(stderr_of(&spanish).contains("el plazo de esta acción fue el 1 de julio de 2025"));
}

#[test]
fn check_reports_a_message_deleted_from_a_translation() {
    let sb = Sandbox::new();
    let spanish = include_str!("../src/ui/es/interface.ftl");
    let line = spanish
        .lines()
        .find(|l| l.starts_with("show-deadline ="))
        .expect("the Spanish file has show-deadline");
    sb.write("interface.ftl", &spanish.replace(&format!("{line}\n"), ""));
    let out = sb
        .appeal()
        .args(["check", "interface.ftl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::FAILURE),
        "{}",
        stderr_of(&out)
    );
    assert!(
        stdout_of(&out)
            .contains("interface.ftl:1: error: `show-deadline` is missing (English: `Deadline:`)"),
        "{}",
        stdout_of(&out)
    );
    let in_spanish = appeal_with(&sb, ("LANG", "es_ES.UTF-8"), &["check", "interface.ftl"]);
    assert_eq!(in_spanish.status.code(), Some(exit::FAILURE));
    assert!(
        stdout_of(&in_spanish)
            .contains("interface.ftl:1: error: falta `show-deadline` (en inglés: `Deadline:`)"),
        "a translator reads the finding in the interface's language: {}",
        stdout_of(&in_spanish)
    );
    sb.write(
        "interface.ftl",
        &spanish.replace("{ $days } días", "{ $dias } días"),
    );
    let out = sb
        .appeal()
        .args(["check", "interface.ftl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::FAILURE));
    assert!(
        stdout_of(&out).contains("`deadline-left` uses {days, dias}, but English uses {days}"),
        "{}",
        stdout_of(&out)
    );
}
