//! `appeal import`: urgent-action documents (text, Markdown, PDF) in the
//! three layout families become action files; facts are copied exactly and
//! what a document lacks becomes a placeholder, never an invented value.
//!
//! Most tests read the written file as plain YAML data, so they hold
//! whatever the loader makes of the `targets` format. The few that run
//! `check` or `compose` on a clean import say "needs the targets format".

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Sandbox, appeal_bin, cecot_yaml, exit, fixture, stderr_of, stdout_of};
use serde_json::Value;

/// `appeal import DOC -o NAME.yaml` in a sandbox; returns the run and the path.
fn import(sb: &Sandbox, doc: &Path, name: &str) -> (Output, PathBuf) {
    let out_path = sb.path(name);
    let out = sb
        .appeal()
        .arg("import")
        .arg(doc)
        .arg("-o")
        .arg(&out_path)
        .output()
        .unwrap();
    (out, out_path)
}

fn doc(name: &str) -> PathBuf {
    fixture(&format!("import/{name}"))
}

/// A YAML file as plain data.
fn data(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the action file was written");
    serde_saphyr::from_str(&text).expect("the action file is YAML")
}

/// Imports a fixture and returns the run and the data written.
fn imported(name: &str) -> (Output, Value) {
    let sb = Sandbox::new();
    let (out, path) = import(&sb, &doc(name), "out.yaml");
    let value = data(&path);
    (out, value)
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

fn placeholder(v: &Value) -> bool {
    v.as_str().is_some_and(|s| s.starts_with("[PLACEHOLDER: "))
}

#[test]
fn the_seed_imports_as_the_cecot_action_field_by_field() {
    let sb = Sandbox::new();
    let (out, path) = import(&sb, &fixture("cecot-urgent-action.txt"), "out.yaml");
    let err = stderr_of(&out);
    assert!(!err.contains("placeholder left to fill in"), "{err}");
    let ours = data(&path);
    let theirs: Value = serde_saphyr::from_str(&cecot_yaml()).unwrap();

    for field in [
        "title",
        "summary",
        "people",
        "deadline",
        "deadline_advice",
        "preferred_language",
        "own_language_welcome",
    ] {
        assert_eq!(ours[field], theirs[field], "field {field}");
    }
    assert_eq!(ours["targets"].as_array().map(Vec::len), Some(1));
    let target = &ours["targets"][0];
    for field in [
        "honorific",
        "name",
        "title",
        "organisation",
        "address",
        "email",
        "salutation",
    ] {
        let shipped = &theirs["targets"][0][field];
        // The shipped salutation is given per language; the document's is English.
        let shipped = shipped.get("en").unwrap_or(shipped);
        assert_eq!(&target[field], shipped, "target.{field}");
    }
    assert_eq!(
        paragraphs(s(&ours["background"])),
        paragraphs(s(&theirs["background"]))
    );
    // Word for word, the salutation from the target as in cecot.
    assert_eq!(
        paragraphs(s(&ours["letters"]["en"]["body"])),
        paragraphs(s(&theirs["letters"]["en"]["body"]))
    );
    assert!(s(&ours["letters"]["en"]["body"]).contains("\n{{target.salutation}}\n"));
    // No fact the document lacks: no previous action (N/A), no copies.
    assert!(ours.get("previous_ua").is_none());
    assert!(ours.get("copies").is_none());
}

#[test]
fn a_pdf_printed_from_the_seed_imports_the_same() {
    let sb = Sandbox::new();
    let (_, from_text) = import(&sb, &fixture("cecot-urgent-action.txt"), "text.yaml");
    let (out, from_pdf) = import(&sb, &doc("cecot.pdf"), "pdf.yaml");
    assert!(stderr_of(&out).contains("the current layout"));
    assert_eq!(data(&from_pdf), data(&from_text));
}

#[test]
fn the_labelled_template_gives_targets_copies_and_a_salutation_per_language() {
    let (out, v) = imported("labelled-2017.txt");
    assert!(stderr_of(&out).contains("the labelled 2017 template"));
    assert_eq!(s(&v["title"]), "River defenders detained in Santa Rosa");
    assert_eq!(
        s(&v["reference"]),
        "THIRD UA 60/16 (Index: AMR 37/6674/2017)"
    );
    assert_eq!(s(&v["issued"]), "2017-03-14");
    assert_eq!(s(&v["deadline"]), "2017-04-25");
    assert_eq!(
        s(&v["deadline_advice"]),
        "Please check with your section office if sending appeals after the above date."
    );
    assert_eq!(
        s(&v["summary"]),
        "Two community leaders who defend the Río Claro, Marta Quispe and Tomás Ñancupil, were detained on 2 March 2017 in Santa Rosa after a peaceful protest against a dam. They are held without charge and have not seen a lawyer."
    );
    // The target prefers Spanish; the model letter is in English, which
    // the document also accepts: both as the document says.
    assert_eq!(s(&v["preferred_language"]), "es");
    assert_eq!(v["accepted_languages"], serde_json::json!(["en"]));
    assert_eq!(v["own_language_welcome"], Value::Bool(false));
    assert_eq!(
        s(&v["previous_ua"]),
        "https://www.amnesty.org/en/documents/amr37/5912/2017/en/"
    );
    assert_eq!(
        v["targets"],
        serde_json::json!([{
            "name": "Alfonso Reyes Prida",
            "title": "Minister of the Interior",
            "organisation": "Secretaría de Gobernación",
            "address": ["Abraham González 48, Col. Juárez", "Ciudad de México, C.P. 06600"],
            "email": ["secretario@segob.example.mx", "atencion@segob.example.mx"],
            "salutation": {"en": "Dear Minister", "es": "Estimado Señor Secretario"},
        }])
    );
    assert_eq!(
        v["copies"],
        serde_json::json!([{
            "name": "Comisión Nacional de los Derechos Humanos",
            "address": ["Periférico Sur 3469", "Ciudad de México, C.P. 10200"],
            "email": "quejas@cndh.example.mx",
        }])
    );
    // The shouted instruction is kept in sentence case, its words unchanged.
    assert_eq!(
        s(&v["copies_note"]),
        "Also send copies to diplomatic representatives accredited to your country"
    );
    assert_eq!(paragraphs(s(&v["background"])).len(), 2);
    let body = s(&v["letters"]["en"]["body"]);
    assert_eq!(
        paragraphs(body),
        [
            "{{date}}",
            "{{target.salutation}},",
            "I am writing to express my concern about Marta Quispe and Tomás Ñancupil, community leaders who were detained on 2 March 2017 after a peaceful protest in Santa Rosa.",
            "I urge you to release them immediately and unconditionally, as they are held solely for peacefully defending the Río Claro.",
            "Please ensure that, pending their release, they have access to the lawyers of their choice and to their families.",
            "{{#if note}}\n{{note}}",
            "{{/if}}\nYours sincerely,",
            "{{name}}\n{{#if place}}\n{{place}}\n{{/if}}",
        ]
    );
    // An editor's note in brackets is not content; the document names no
    // people, so that is left to fill in.
    let source = std::fs::read_to_string(doc("labelled-2017.txt")).unwrap();
    assert!(source.contains("[Sections to add when relevant]"));
    assert!(!body.contains("Sections to add"));
    assert!(placeholder(&v["people"]));
}

#[test]
fn the_older_layout_gives_points_and_a_letter_in_your_own_words() {
    let (out, v) = imported("older-2010.txt");
    let err = stderr_of(&out);
    assert!(err.contains("the older layout"), "{err}");
    assert_eq!(out.status.code(), Some(exit::FAILURE), "{err}");
    assert_eq!(
        s(&v["title"]),
        "Community at risk of forced eviction in Vila Esperança"
    );
    assert_eq!(s(&v["reference"]), "UA: 231/10 (Index: AMR 19/017/2010)");
    assert_eq!(s(&v["issued"]), "2010-10-29");
    assert_eq!(s(&v["deadline"]), "2010-12-10");
    assert_eq!(s(&v["preferred_language"]), "en");
    assert_eq!(v["accepted_languages"], serde_json::json!(["pt"]));
    assert_eq!(v["own_language_welcome"], Value::Bool(true));
    assert_eq!(
        v["points"],
        serde_json::json!([
            "Urging the authorities to halt the eviction of Vila Esperança until its residents have been genuinely consulted;",
            "Calling on them to ensure that no family is left homeless, and that adequate alternative housing is offered;",
            "Reminding them of Brazil’s obligations under the International Covenant on Economic, Social and Cultural Rights.",
        ])
    );
    let targets = v["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(s(&targets[0]["name"]), "Eduardo Nunes Paiva");
    assert_eq!(s(&targets[0]["title"]), "Mayor of Rio de Janeiro");
    assert_eq!(s(&targets[0]["fax"]), "+55 21 2503 2000");
    assert_eq!(
        targets[0]["salutation"],
        serde_json::json!({"en": "Dear Mayor", "pt": "Exmo. Sr. Prefeito"})
    );
    // The mayor has no email in the document, only a fax: none is invented,
    // and none is asked for, since the fax reaches him.
    assert!(targets[0].get("email").is_none(), "{}", targets[0]);
    assert_eq!(s(&targets[1]["email"]), "governador@rj.example.br");
    assert_eq!(s(&targets[1]["organisation"]), "Palácio Guanabara");
    assert_eq!(s(&v["copies"][0]["name"]), "Centro de Direitos Humanos");
    assert_eq!(
        s(&v["copies_note"]),
        "Also send copies to diplomatic representatives accredited to your country."
    );
    assert_eq!(
        paragraphs(s(&v["summary"])),
        [
            "The community of Vila Esperança, in the west of Rio de Janeiro, is at imminent risk of forced eviction. Council workers told residents on 22 October that their 153 houses would be demolished by 5 November."
        ]
    );
    assert_eq!(paragraphs(s(&v["background"])).len(), 2);
    let body = s(&v["letters"]["en"]["body"]);
    assert!(body.contains("\n{{target.salutation}},\n"), "{body}");
    assert!(body.contains("[WRITE YOUR APPEAL: "), "{body}");
    assert!(err.contains("`[WRITE YOUR APPEAL: "), "{err}");
}

#[test]
fn pdfs_of_the_labelled_and_older_documents_import_as_their_text() {
    let sb = Sandbox::new();
    for name in ["labelled-2017", "older-2010"] {
        let (_, text) = import(&sb, &doc(&format!("{name}.txt")), &format!("{name}-t.yaml"));
        let (_, pdf) = import(&sb, &doc(&format!("{name}.pdf")), &format!("{name}-p.yaml"));
        assert_eq!(data(&pdf), data(&text), "{name}");
    }
}

#[test]
fn a_missing_deadline_and_email_become_placeholders_reported_with_their_lines() {
    let (out, v) = imported("no-deadline-no-email.md");
    assert_eq!(out.status.code(), Some(exit::FAILURE));
    assert!(placeholder(&v["deadline"]), "{}", v["deadline"]);
    // A target with a postal address can be written to: no email is
    // made up, and none is asked for.
    assert_eq!(v["targets"][0].get("email"), None);
    assert_eq!(v["targets"][0]["address"][1], "Washington, DC 20528");
    // Everything else the document has is still there.
    assert_eq!(s(&v["targets"][0]["name"]), "Kristi Noem");
    assert_eq!(
        s(&v["people"]),
        "Migrants and people seeking safety (all pronouns)"
    );
    let err = stderr_of(&out);
    let sb_text = err
        .lines()
        .filter(|l| l.contains("error: `") && l.contains("placeholder left to fill in"))
        .collect::<Vec<_>>();
    assert_eq!(sb_text.len(), 1, "{err}");
    // Each is reported on the line where it stands in the file.
    let sb = Sandbox::new();
    let (out, path) = import(&sb, &doc("no-deadline-no-email.md"), "x.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    for line in stderr_of(&out)
        .lines()
        .filter(|l| l.contains("error: `") && l.contains("placeholder left to fill in"))
    {
        let number: usize = line
            .strip_prefix(&format!("{}:", path.display()))
            .and_then(|r| r.split(':').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no line in {line}"));
        let marker = line.split('`').nth(1).unwrap();
        assert!(
            text.lines().nth(number - 1).unwrap().contains(marker),
            "{line}"
        );
    }
}

#[test]
fn cut_documents_are_imported_with_what_they_have_and_report_the_rest() {
    struct Case {
        file: &'static str,
        checks: fn(&Value),
    }
    let cases = [
        Case {
            file: "ua-02.txt",
            checks: |v| {
                assert_eq!(
                    s(&v["title"]),
                    "Raif Badawi sentence upheld, faces flogging"
                );
                assert_eq!(
                    s(&v["reference"]),
                    "Further information on UA: 3/13 (Index: MDE 23/1828/2015)"
                );
                assert_eq!(s(&v["issued"]), "2015-06-08");
                assert_eq!(s(&v["previous_ua"]), "UA: 3/13");
                assert!(s(&v["summary"]).starts_with(
                    "Raif Badawi’s full sentence of 10 years in prison and 1,000 lashes has been upheld by Saudi Arabia’s Supreme Court."
                ));
            },
        },
        Case {
            file: "ua-03.txt",
            checks: |v| {
                assert_eq!(
                    s(&v["title"]),
                    "Saudi Arabian blogger faces imminent flogging"
                );
                assert_eq!(s(&v["people"]), "Raif Badawi (m)");
                assert_eq!(s(&v["issued"]), "2015-01-08");
                assert_eq!(
                    s(&v["reference"]),
                    "6th Update UA 3/13 (Index: MDE 23/001/2015)"
                );
                assert_eq!(s(&v["preferred_language"]), "en");
                assert_eq!(v["accepted_languages"], serde_json::json!(["ar"]));
                assert_eq!(v["points"].as_array().map(Vec::len), Some(2));
            },
        },
        Case {
            file: "ua-04.txt",
            checks: |v| {
                // The Spanish page title above the header is not the title.
                assert!(placeholder(&v["title"]));
                assert_eq!(s(&v["reference"]), "UA: 229/10 (Index: AMR 19/015/2010)");
                assert_eq!(s(&v["issued"]), "2010-10-29");
                assert!(s(&v["summary"]).starts_with("The community of Restinga"));
            },
        },
        Case {
            file: "ua-05.txt",
            checks: |v| {
                assert_eq!(s(&v["reference"]), "UA 165/09");
                assert_eq!(s(&v["issued"]), "2009-06-23");
                assert_eq!(s(&v["people"]), "Over 200 homeless families");
            },
        },
        Case {
            file: "ua-14.txt",
            checks: |v| {
                assert_eq!(s(&v["previous_ua"]), "UA 52/10");
                assert_eq!(s(&v["issued"]), "2010-09-27");
                assert_eq!(s(&v["people"]), "Juan Manuel Martinez (m)");
            },
        },
    ];
    for case in cases {
        let (out, v) = imported(&format!("ua-examples/{}", case.file));
        let err = stderr_of(&out);
        assert_eq!(
            out.status.code(),
            Some(exit::FAILURE),
            "{}: {err}",
            case.file
        );
        assert!(err.contains("cut short"), "{}: {err}", case.file);
        // None of them reaches its deadline or its targets: never invented.
        assert!(placeholder(&v["deadline"]), "{}", case.file);
        assert!(placeholder(&v["targets"][0]["name"]), "{}", case.file);
        assert!(err.contains("[PLACEHOLDER: deadline"), "{}", case.file);
        (case.checks)(&v);
    }
}

#[test]
fn a_document_with_no_action_in_it_is_refused_and_nothing_is_written() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .arg("import")
        .arg(doc("no-layout.txt"))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT), "{err}");
    // It says what it looked for.
    for looked_for in [
        "no model letter",
        "no official to write to",
        "no points to ask for",
    ] {
        assert!(err.contains(looked_for), "{err}");
    }
    assert!(!sb.path("data").exists(), "nothing was written");
}

#[test]
fn unreadable_documents_are_clear_errors_and_nothing_is_written() {
    let sb = Sandbox::new();
    for (name, says) in [
        ("empty.txt", "is empty"),
        ("binary.bin", "is neither a PDF nor UTF-8 text"),
        ("encrypted.pdf", "is an encrypted PDF"),
        ("broken.pdf", "could not be read as a PDF"),
    ] {
        let out = sb.appeal().arg("import").arg(doc(name)).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(exit::BAD_INPUT), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let big = sb.write("big.txt", &"x".repeat(1024 * 1024 + 1));
    let out = sb.appeal().arg("import").arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&out).contains("larger than 1024 KiB"));
    assert!(!sb.path("data").exists(), "nothing was written");
}

#[test]
fn refuses_to_overwrite_without_force() {
    let sb = Sandbox::new();
    let existing = sb.write("out.yaml", "keep me\n");
    let (out, _) = import(&sb, &fixture("cecot-urgent-action.txt"), "out.yaml");
    assert_eq!(out.status.code(), Some(exit::DELIVERY));
    assert!(stderr_of(&out).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me\n");
    let out = sb
        .appeal()
        .args(["import", "--force", "-o"])
        .arg(&existing)
        .arg(fixture("cecot-urgent-action.txt"))
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(exit::DELIVERY),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        s(&data(&existing)["people"]),
        "Migrants and people seeking safety (all pronouns)"
    );
}

#[test]
fn stdin_is_read_and_the_file_goes_to_the_private_data_folder() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["import", "-"])
        .pipe_stdin(doc("labelled-2017.txt"))
        .unwrap()
        .output()
        .unwrap();
    let dir = sb.path("data/appeal/actions");
    let file = dir.join("river-defenders-detained-in-santa-rosa.yaml");
    assert!(file.is_file(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("read <stdin>"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    // --actions-dir takes the file instead, under --id.
    let mine = sb.path("mine");
    std::fs::create_dir(&mine).unwrap();
    sb.appeal()
        .arg("--actions-dir")
        .arg(&mine)
        .args(["import", "--id", "river"])
        .arg(doc("labelled-2017.txt"))
        .output()
        .unwrap();
    assert!(mine.join("river.yaml").is_file());
    // An id that can't be a file name is refused before anything is read.
    let out = sb
        .appeal()
        .args(["import", "--id", "../x"])
        .arg(doc("labelled-2017.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
}

#[test]
fn dash_o_dash_prints_the_action_file() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .args(["import", "-o", "-"])
        .arg(doc("older-2010.txt"))
        .output()
        .unwrap();
    let v: Value = serde_saphyr::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(s(&v["deadline"]), "2010-12-10");
    assert!(!sb.path("data").exists());
}

/// Needs the targets format: the imported seed is clean, and composes the
/// same letter as the shipped action.
#[test]
fn an_imported_action_is_clean_and_composes_like_the_shipped_one() {
    let sb = Sandbox::new();
    let out = sb
        .appeal()
        .arg("import")
        .arg(fixture("cecot-urgent-action.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK), "{}", stderr_of(&out));
    let id = "stop-illegal-expulsions-to-el-salvador";
    let check = sb.appeal().args(["check", id]).output().unwrap();
    assert_eq!(check.status.code(), Some(exit::OK), "{}", stdout_of(&check));
    let letter = |id: &str| {
        let out = sb
            .appeal()
            .args(["compose", id, "--name", "Ana Díaz", "--no-input"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    assert_eq!(letter(id), letter("cecot"));
}

/// Needs the targets format: the data folder is on the library's path, so
/// `list` and `show` find an imported action by its id from any folder.
#[test]
fn imported_actions_are_listed_and_shown_by_id() {
    let sb = Sandbox::new();
    sb.appeal()
        .arg("import")
        .arg(doc("labelled-2017.txt"))
        .output()
        .unwrap();
    let list = sb.appeal().arg("list").output().unwrap();
    assert!(
        stdout_of(&list).contains("river-defenders-detained-in-santa-rosa"),
        "{}{}",
        stdout_of(&list),
        stderr_of(&list)
    );
    let show = sb
        .appeal()
        .args(["show", "river-defenders-detained-in-santa-rosa"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&show).contains("Alfonso Reyes Prida"),
        "{}",
        stderr_of(&show)
    );
}

#[test]
fn the_data_folder_is_read_after_actions_dir_and_before_the_built_in_actions() {
    let sb = Sandbox::new();
    // An action in the single-target form, placed where import puts actions.
    let shadow = cecot_yaml().replace(
        "title: Stop illegal expulsions to El Salvador",
        "title: From the data folder",
    );
    sb.write("data/appeal/actions/cecot.yaml", &shadow);
    let show = |args: &[&str]| stdout_of(&sb.appeal().args(args).output().unwrap());
    assert!(show(&["show", "cecot"]).contains("From the data folder"));
    // --actions-dir comes first.
    let first = shadow.replace("From the data folder", "From actions-dir");
    sb.write("mine/cecot.yaml", &first);
    let dir = sb.path("mine").display().to_string();
    assert!(show(&["--actions-dir", &dir, "show", "cecot"]).contains("From actions-dir"));
}

#[test]
fn a_current_layout_document_cut_short_keeps_what_it_has() {
    // Cut in the middle of the letter: the target is there, the rest is not.
    let (out, v) = imported("cecot-cut.md");
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(exit::FAILURE), "{err}");
    assert!(err.contains("cut short"), "{err}");
    assert_eq!(s(&v["targets"][0]["name"]), "Kristi Noem");
    assert_eq!(s(&v["targets"][0]["email"]), "dhssecretary@hq.dhs.gov");
    assert!(placeholder(&v["deadline"]));
    assert!(placeholder(&v["people"]));
    let body = s(&v["letters"]["en"]["body"]);
    assert!(
        body.contains("[PLACEHOLDER: the rest of the letter; the document is cut short]"),
        "{body}"
    );
    // Cut inside the summary, before TAKE ACTION: still read, as far as it goes.
    let (out, v) = imported("cecot-cut-early.md");
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(exit::FAILURE), "{err}");
    assert!(err.contains("cut short"), "{err}");
    assert_eq!(s(&v["title"]), "Stop illegal expulsions to El Salvador");
    assert!(s(&v["summary"]).starts_with("Following a presidential proclamation"));
    assert!(placeholder(&v["targets"][0]["name"]));
    assert!(placeholder(&v["targets"][0]["address"][0]));
}

#[test]
fn composing_an_action_with_points_asks_for_your_own_words_and_shows_them() {
    let sb = Sandbox::new();
    let (_, path) = import(&sb, &doc("older-2010.txt"), "older.yaml");
    let out = sb
        .appeal()
        .args(["compose"])
        .arg(&path)
        .args(["--no-input", "--name", "Ana", "--width", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("write in your own words"), "{err}");
    assert!(
        err.contains("  - Urging the authorities to halt the eviction of Vila Esperança"),
        "{err}"
    );
    let letter = stdout_of(&out);
    assert!(letter.contains("[WRITE YOUR APPEAL"), "{letter}");
    assert!(letter.trim_end().ends_with("Ana"), "{letter}");
}

#[test]
fn an_appeal_installed_without_its_reader_says_where_the_reader_should_be() {
    // `appeal` copied alone into a folder of its own: a web page needs
    // `appeal-reader` beside it, and the message says where it looked.
    let sb = Sandbox::new();
    let bin = sb.path("bin");
    std::fs::create_dir(&bin).unwrap();
    let alone = bin.join("appeal");
    std::fs::copy(appeal_bin(), &alone).unwrap();
    let import_alone = |doc: &str, out: &Path| {
        sb.command(&alone)
            .arg("import")
            .arg(fixture(doc))
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    };
    let out_path = sb.path("page.yaml");
    let out = import_alone("import/page-fr.html", &out_path);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT), "{err}");
    assert!(err.contains("appeal-reader"), "{err}");
    assert!(
        err.contains(&bin.join("appeal-reader").display().to_string()),
        "{err}"
    );
    assert!(!out_path.exists());

    // Plain text is read by appeal itself, reader or not.
    let written = sb.path("text.yaml");
    let out = import_alone("import/labelled-2017.txt", &written);
    // (It exits 1: the old document leaves a placeholder for `check`.)
    let err = stderr_of(&out);
    assert!(err.contains("wrote"), "{err}");
    assert!(written.exists(), "{err}");
}
