//! Error messages in the writer's language: what went wrong is said in
//! Spanish or French, while paths, fields, flags and what the writer typed
//! stay as they are, and the exit code does not change with the language.

mod common;

use common::{Sandbox, cecot_yaml, stderr_of};

/// Runs `appeal ARGS` in `locale`: it must exit with `code` and say each
/// of `says` on stderr.
fn fails(sb: &Sandbox, locale: &str, args: &[&str], code: i32, says: &[&str]) {
    let out = sb
        .appeal()
        .args(args)
        .env("LANG", locale)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    for text in says {
        assert!(err.contains(text), "{args:?}: expected {text:?} in: {err}");
    }
}

const ES: &str = "es_ES.UTF-8";
const FR: &str = "fr_FR.UTF-8";

#[test]
fn an_unknown_action_is_named_with_a_suggestion_in_spanish() {
    fails(
        &Sandbox::new(),
        ES,
        &["compose", "cecott", "--name", "Ana", "--no-input"],
        2,
        &[
            "appeal: acción desconocida `cecott` (¿quiso decir `cecot`?); las acciones son: ",
            "(vea `appeal list`)",
        ],
    );
}

#[test]
fn a_yaml_error_keeps_its_place_and_says_the_rest_in_the_writers_language() {
    let sb = Sandbox::new();
    let without_title: String = cecot_yaml()
        .lines()
        .filter(|l| !l.starts_with("title:"))
        .map(|l| format!("{l}\n"))
        .collect();
    sb.write("draft.yaml", &without_title);
    let show = ["show", "./draft.yaml"];
    fails(
        &sb,
        ES,
        &show,
        3,
        &["draft.yaml:", "falta el campo obligatorio `title`"],
    );
    fails(&sb, FR, &show, 3, &["champ obligatoire manquant `title`"]);
    fails(
        &sb,
        "C.UTF-8",
        &show,
        3,
        &["missing required field `title`"],
    );
}

#[test]
fn a_field_of_an_action_is_named_as_written_in_french() {
    let sb = Sandbox::new();
    sb.write(
        "draft.yaml",
        &cecot_yaml().replace("dhssecretary@hq.dhs.gov", "dhs secretary"),
    );
    fails(
        &sb,
        FR,
        &["show", "./draft.yaml"],
        3,
        &[
            "draft.yaml: champ `targets[0].email` : `dhs secretary` n'est pas une adresse de courriel",
        ],
    );
}

#[test]
fn typed_text_with_a_control_character_is_refused_in_spanish() {
    fails(
        &Sandbox::new(),
        ES,
        &["compose", "cecot", "--no-input", "--name", "Ana\u{7}"],
        3,
        &["--name: contiene un carácter de control (U+0007) en la línea 1, columna 4"],
    );
}

#[test]
fn flags_that_do_not_go_together_are_refused_in_french() {
    let sb = Sandbox::new();
    let compose = ["compose", "cecot", "--no-input", "--name", "Ana"];
    fails(
        &sb,
        FR,
        &[&compose[..], &["--clipboard", "--format", "pdf"]].concat(),
        2,
        &["--clipboard prend du texte ; écrivez le pdf dans un fichier avec -o"],
    );
    fails(
        &sb,
        FR,
        &[&compose[..], &["--target", "9"]].concat(),
        2,
        &["--target 9 : cette action a 1 destinataire : 1 The Honorable Kristi Noem"],
    );
}

#[test]
fn a_batch_file_without_a_name_column_is_refused_in_spanish() {
    let sb = Sandbox::new();
    sb.write("signers.csv", "who,city\nAna,Lyon\n");
    fails(
        &sb,
        ES,
        &["compose", "cecot", "--batch", "signers.csv"],
        3,
        &["signers.csv: no tiene columna `name`; su fila de encabezado es: who,city"],
    );
}
