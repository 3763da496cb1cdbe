//! What the commands say and label, and what `appeal check` reports, in
//! the interface's language: table headers, batch summaries and check
//! findings follow the locale; letters, JSON and the `path:line: level:`
//! prefix of a finding stay as they are.

mod common;

use common::{Sandbox, exit, fixture, stderr_of, stdout_of};
use console::measure_text_width;

/// The display column where `needle` starts in `line`.
fn column_of(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in `{line}`"));
    measure_text_width(&line[..at])
}

#[test]
fn list_labels_its_columns_in_spanish_and_keeps_them_aligned() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .arg("list")
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    let header = lines[0];
    for label in ["ID", "TÍTULO", "PLAZO", "IDIOMAS", "ÚLTIMA CARTA"] {
        assert!(header.contains(label), "{header}");
    }
    assert!(!header.contains("DEADLINE"), "{header}");
    let row = lines
        .iter()
        .find(|l| l.starts_with("cecot "))
        .expect("a row for cecot");
    // `TÍTULO` is one column narrower than its bytes: the cells below each
    // label start where it does on screen.
    assert_eq!(column_of(header, "PLAZO"), column_of(row, "2025-07-01"));
    assert_eq!(column_of(header, "IDIOMAS"), column_of(row, "English (en)"));
    assert_eq!(column_of(header, "ÚLTIMA CARTA"), column_of(row, " -") + 1);
    assert!(row.contains("venció hace 515 días"), "{row}");
}

#[test]
fn history_labels_its_columns_and_counts_in_french() {
    let sb = Sandbox::new();
    for _ in 0..2 {
        let out = sb.compose().args(["--name", "Ana"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    let out = sb
        .appeal()
        .arg("history")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("#  DATE"), "{header}");
    assert!(
        header.contains("DESTINATAIRE") && header.ends_with("OÙ"),
        "{header}"
    );
    let row = text.lines().nth(1).unwrap();
    assert_eq!(column_of(header, "OÙ"), column_of(row, "stdout"));

    let out = sb
        .appeal()
        .args(["history", "--forget", "cecot"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "appeal: 2 enregistrements oubliés pour `cecot`\n"
    );
}

/// `appeal compose cecot --batch signers.csv` under the locale `lang`.
fn batch_in(sb: &Sandbox, lang: &str) -> std::process::Output {
    sb.compose()
        .args(["--batch", "signers.csv", "--no-history"])
        .env("LANG", lang)
        .output()
        .unwrap()
}

#[test]
fn a_batch_summarises_in_spanish_and_writes_the_same_letters() {
    let sb = Sandbox::new();
    sb.write(
        "signers.csv",
        "name,lang,city\nAna Díaz,es,Quito\nBen Okafor,de,Lagos\nChloé Martin,fr,Lyon\n",
    );
    let run = |lang: &str| batch_in(&sb, lang);
    let english = run("C.UTF-8");
    let spanish = run("es_ES.UTF-8");
    assert!(english.status.success(), "{}", stderr_of(&english));
    assert!(spanish.status.success(), "{}", stderr_of(&spanish));
    assert_eq!(stdout_of(&english).matches('\u{c}').count(), 2);
    assert_eq!(spanish.stdout, english.stdout, "the letters are the same");
    assert!(
        stderr_of(&english)
            .contains("3 letters written, 1 in `en` for want of a letter in the language asked"),
        "{}",
        stderr_of(&english)
    );
    assert!(
        stderr_of(&spanish)
            .contains("3 cartas escritas, 1 en `en` por falta de una carta en el idioma pedido"),
        "{}",
        stderr_of(&spanish)
    );
    assert!(!stderr_of(&spanish).contains("letters written"));
}

#[test]
fn a_failed_batch_row_is_reported_in_french_with_the_same_exit_code() {
    let sb = Sandbox::new();
    sb.write("signers.csv", "name,lang\nAna,es\n,fr\n");
    let run = |lang: &str| batch_in(&sb, lang);
    let english = run("C.UTF-8");
    let french = run("fr_FR.UTF-8");
    assert_eq!(
        english.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&english)
    );
    assert_eq!(french.status.code(), english.status.code());
    assert_eq!(french.stdout, english.stdout);
    let err = stderr_of(&french);
    assert!(err.contains("appeal: ligne 2\u{a0}: "), "{err}");
    assert!(err.contains("1 lettre écrite, 1 ligne en échec"), "{err}");
}

#[test]
fn check_reports_a_finding_in_french_with_the_level_in_english() {
    let sb = Sandbox::new();
    let markers = fixture("check/markers.yaml");
    let run = |lang: &str| {
        sb.appeal()
            .arg("check")
            .arg(&markers)
            .env("LANG", lang)
            .output()
            .unwrap()
    };
    let english = run("C.UTF-8");
    let french = run("fr_FR.UTF-8");
    assert_eq!(english.status.code(), Some(exit::FAILURE));
    assert_eq!(french.status.code(), english.status.code());
    let path = markers.display().to_string();
    assert!(
        stdout_of(&english).contains(&format!(
            "{path}:2: error: `[TITLE]` is a placeholder left to fill in\n"
        )),
        "{}",
        stdout_of(&english)
    );
    assert!(
        stdout_of(&french).contains(&format!(
            "{path}:2: error: `[TITLE]` est un espace réservé à remplir\n"
        )),
        "{}",
        stdout_of(&french)
    );
    assert_eq!(
        stdout_of(&french).lines().count(),
        stdout_of(&english).lines().count()
    );
    assert!(
        stderr_of(&french).starts_with("appeal: 1 action vérifiée dans 1 fichier\u{a0}: 2 erreurs"),
        "{}",
        stderr_of(&french)
    );
}

#[test]
fn check_json_stays_in_english_whatever_the_interface() {
    let sb = Sandbox::new();
    let json = |lang: &str| {
        let out = sb
            .appeal()
            .args(["check", "--json"])
            .arg(fixture("check/markers.yaml"))
            .env("LANG", lang)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(exit::FAILURE));
        out.stdout
    };
    let english = json("C.UTF-8");
    assert_eq!(json("es_ES.UTF-8"), english);
    let problems: serde_json::Value = serde_json::from_slice(&english).unwrap();
    assert_eq!(
        problems[0]["message"],
        "`[TITLE]` is a placeholder left to fill in"
    );
}

#[test]
fn check_names_a_lost_date_in_the_interfaces_language() {
    let sb = Sandbox::new();
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("actions/cecot.yaml"),
    )
    .unwrap();
    let spanish = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("actions/cecot.es.yaml"),
    )
    .unwrap();
    let lost = spanish.replace("El 15 de marzo de 2025, el presidente", "El presidente");
    assert_ne!(lost, spanish, "the Spanish background names 15 March 2025");
    sb.write("cecot.yaml", &source);
    sb.write("cecot.es.yaml", &lost);
    let run = |lang: &str| {
        sb.appeal()
            .args(["check", "cecot.yaml"])
            .env("LANG", lang)
            .output()
            .unwrap()
    };
    let english = run("C.UTF-8");
    assert_eq!(
        english.status.code(),
        Some(exit::FAILURE),
        "{}",
        stdout_of(&english)
    );
    assert!(
        stdout_of(&english).contains(
            "error: background, paragraph 1: the source (en) says the date 15 March 2025, which"
        ),
        "{}",
        stdout_of(&english)
    );
    let french = run("fr_FR.UTF-8");
    assert_eq!(french.status.code(), Some(exit::FAILURE));
    assert!(
        stdout_of(&french).contains(
            "error: background, paragraphe 1\u{a0}: l'original (en) mentionne la date du 15 mars 2025, que"
        ),
        "{}",
        stdout_of(&french)
    );
}
