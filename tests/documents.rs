//! `appeal import` on documents in every shape a coordinator receives:
//! the labelled 2017 template and its PDF, a web page with markup and
//! navigation, a Word letter with a cc block, a bare model letter with a
//! fax-only target, a Spanish letter, a French page, a campaign e-mail
//! with six email-only copies, and the real documents of
//! `fixtures/import/ua-examples/`. Each keeps every fact exactly, leaves no
//! markup, invents nothing, loads, and accounts for every line.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Sandbox, exit, fixture, stderr_of, stdout_of};
use serde_json::Value;

fn doc(name: &str) -> PathBuf {
    fixture(&format!("import/{name}"))
}

/// `appeal import DOC -o out.yaml --json`: the run, the action file's
/// data, and the account printed on stdout.
fn import(sb: &Sandbox, name: &str) -> (Output, Value, Value) {
    let out_path = sb.path("out.yaml");
    let out = sb
        .appeal()
        .arg("import")
        .arg(doc(name))
        .arg("-o")
        .arg(&out_path)
        .args(["--json", "--force"])
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&out_path)
        .unwrap_or_else(|_| panic!("{name}: no action file: {}", stderr_of(&out)));
    let data: Value = serde_saphyr::from_str(&text).expect("the action file is YAML");
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: --json is not JSON ({e}): {}", stdout_of(&out)));
    (out, data, report)
}

/// The document's lines as appeal reads them (`import --text`).
fn text_of(sb: &Sandbox, name: &str) -> Vec<String> {
    let out = sb
        .appeal()
        .arg("import")
        .arg(doc(name))
        .arg("--text")
        .output()
        .unwrap();
    assert!(out.status.success(), "{name}: {}", stderr_of(&out));
    stdout_of(&out).lines().map(str::to_string).collect()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// Every string in a YAML value, with its path.
fn strings(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((at.to_string(), s.clone())),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| strings(x, &format!("{at}[{i}]"), out)),
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| strings(x, &format!("{at}.{k}"), out)),
        _ => {}
    }
}

/// The checks every imported document passes: every non-empty line is in
/// a field or left out with a reason; no markup reached the action; every
/// email address, fax and number in it is the document's own.
fn holds_to_the_document(sb: &Sandbox, name: &str, data: &Value, report: &Value) {
    let lines = text_of(sb, name);
    assert_eq!(
        report["document"]["lines"],
        lines.len(),
        "{name}: line count"
    );
    let mut covered: BTreeSet<u64> = BTreeSet::new();
    for field in report["fields"].as_array().unwrap() {
        for range in field["lines"].as_array().unwrap() {
            let (a, b) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
            covered.extend(a..=b);
        }
    }
    for left in report["left_out"].as_array().unwrap() {
        assert!(!s(&left["reason"]).is_empty(), "{name}: {left}");
        covered.insert(left["line"].as_u64().unwrap());
    }
    for (i, line) in lines.iter().enumerate() {
        if !line.trim().is_empty() {
            assert!(
                covered.contains(&(i as u64 + 1)),
                "{name}: line {} {line:?} is in no field and not left out",
                i + 1
            );
        }
    }
    let whole = lines.join("\n");
    let mut texts = Vec::new();
    strings(data, "", &mut texts);
    for (at, text) in &texts {
        for markup in ["<br", "<p>", "</", "&amp;", "&nbsp;", "&rsquo;", "&#", "**"] {
            assert!(
                !text.contains(markup),
                "{name}: {at} holds markup {markup:?}: {text}"
            );
        }
        let email = at.ends_with(".email") || at.contains(".email[");
        let number = at.ends_with(".fax") || at.contains(".fax[") || at.ends_with(".phone");
        if (email || number) && !text.starts_with("[PLACEHOLDER") {
            // An address written `info(a)pmo.gov.pk` is read as `@`.
            let written = whole.replace("(a)", "@");
            assert!(
                written.contains(text.as_str()),
                "{name}: {at} = {text} is not in the document"
            );
        }
    }
}

/// The action file loads, and `check` can read it (placeholders may be left).
fn loads(sb: &Sandbox) {
    let out = sb
        .appeal()
        .args(["show", "./out.yaml", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the imported action loads: {}",
        stderr_of(&out)
    );
}

fn target(data: &Value, i: usize) -> &Value {
    &data["targets"][i]
}

#[test]
fn the_2017_template_of_a_spanish_preferring_target_loads_lists_shows_and_composes() {
    for name in ["labelled-2017-honduras.txt", "labelled-2017-honduras.pdf"] {
        let sb = Sandbox::new();
        // Into the data folder, under the id the title gives, as a user would.
        let out = sb.appeal().arg("import").arg(doc(name)).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::FAILURE),
            "{name}: people is left to fill in: {}",
            stderr_of(&out)
        );
        let id = "teachers-leader-held-incommunicado-in-tegucigalpa";
        let list = sb.appeal().args(["list", "--json"]).output().unwrap();
        assert_eq!(
            list.status.code(),
            Some(exit::OK),
            "{name}: {}",
            stderr_of(&list)
        );
        let listed: Value = serde_json::from_slice(&list.stdout).unwrap();
        let row = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .expect("listed");
        assert_eq!(row["preferred_language"], "es");
        assert_eq!(row["languages"], serde_json::json!(["en"]));
        assert_eq!(row["deadline"], "2017-12-21");
        let show = sb.appeal().args(["show", id, "--json"]).output().unwrap();
        assert!(show.status.success(), "{name}: {}", stderr_of(&show));
        let shown: Value = serde_json::from_slice(&show.stdout).unwrap();
        let t = &shown["targets"][0];
        assert_eq!(t["honorific"], "General de División", "{name}");
        assert_eq!(t["name"], "Julián Pacheco", "{name}");
        assert_eq!(t["title"], "Minister of Security", "{name}");
        assert_eq!(
            t["organisation"], "Secretaría de Estado en el Despacho de Seguridad",
            "{name}"
        );
        assert_eq!(
            t["address"],
            serde_json::json!([
                "Aldea el Ocotal",
                "Tegucigalpa, Francisco Morazán",
                "Honduras"
            ]),
            "{name}"
        );
        assert_eq!(
            t["emails"],
            serde_json::json!([
                "ministro@seguridad.example.hn",
                "despacho@seguridad.example.hn"
            ]),
            "{name}: two emails on one line"
        );
        assert_eq!(t["fax"], "+504 2231 0000");
        assert_eq!(
            t["salutations"],
            serde_json::json!({"en": "Dear Minister", "es": "Señor Ministro"})
        );
        // The whole background, after a page number and an editor's note.
        let background = shown["background"].as_array().unwrap();
        assert_eq!(background.len(), 5, "{name}: {background:?}");
        assert!(s(&background[0]).starts_with("Rosa Elena Cálix has led the Tegucigalpa branch"));
        assert!(s(&background[4]).ends_with("cruel, inhuman or degrading treatment."));
        assert_eq!(
            shown["copies_note"],
            "Also send copies to diplomatic representatives accredited to your country"
        );
        assert_eq!(
            shown["copies"][0]["name"],
            "Comisionado Nacional de los Derechos Humanos"
        );
        for lang in ["en", "es"] {
            let letter = sb
                .appeal()
                .args([
                    "compose",
                    id,
                    "--no-input",
                    "--name",
                    "Ana Díaz",
                    "--lang",
                    lang,
                    "--width",
                    "0",
                ])
                .output()
                .unwrap();
            assert_eq!(
                letter.status.code(),
                Some(exit::OK),
                "{name} {lang}: {}",
                stderr_of(&letter)
            );
            let text = stdout_of(&letter);
            assert!(text.contains("\nDear Minister,\n"), "{name} {lang}: {text}");
            assert!(
                text.contains("who was arrested by military police on 3 November 2017"),
                "{text}"
            );
            assert!(text.trim_end().ends_with("Ana Díaz"), "{text}");
            if lang == "es" {
                let err = stderr_of(&letter);
                assert!(
                    err.contains("no model letter in `es`; the letter is in `en`"),
                    "{err}"
                );
            }
        }
    }
}

#[test]
fn a_web_page_in_the_older_layout_loses_its_markup_and_navigation() {
    let sb = Sandbox::new();
    let (out, data, report) = import(&sb, "older-2010.html");
    assert_eq!(
        out.status.code(),
        Some(exit::FAILURE),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(report["document"]["kind"], "html");
    assert_eq!(report["shape"], "older layout");
    assert_eq!(
        s(&data["title"]),
        "Community at risk of forced eviction in Vila Esperança"
    );
    assert_eq!(s(&data["reference"]), "UA: 231/10 (Index: AMR 19/017/2010)");
    assert_eq!(s(&data["issued"]), "2010-10-29");
    assert_eq!(s(&data["deadline"]), "2010-12-10");
    assert_eq!(s(&target(&data, 0)["name"]), "Eduardo Nunes Paiva");
    assert_eq!(s(&target(&data, 0)["fax"]), "+55 21 2503 2000");
    assert_eq!(s(&target(&data, 1)["email"]), "governador@rj.example.br");
    assert_eq!(data["points"].as_array().unwrap().len(), 3);
    assert!(
        s(&data["background"]).contains("they were told to “keep quiet”"),
        "entities decoded"
    );
    let nav: Vec<&str> = report["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["reason"] == "site navigation")
        .map(|l| s(&l["text"]))
        .collect();
    assert!(
        nav.contains(&"- Get involved") && nav.contains(&"Share on Twitter Email a friend"),
        "{nav:?}"
    );
    let file = std::fs::read_to_string(sb.path("out.yaml")).unwrap();
    assert!(
        !file.contains("Get involved") && !file.contains("dataLayer"),
        "{file}"
    );
    holds_to_the_document(&sb, "older-2010.html", &data, &report);
    loads(&sb);
}

#[test]
fn a_word_letter_gives_its_target_and_its_cc_block() {
    let sb = Sandbox::new();
    let (_, data, report) = import(&sb, "ua-examples/ua-23.docx");
    assert_eq!(report["document"]["kind"], "docx");
    let t = target(&data, 0);
    assert_eq!(s(&t["honorific"]), "His Excellency");
    assert_eq!(s(&t["name"]), "Peter MacArthur");
    assert_eq!(
        s(&t["title"]),
        "Canadian Ambassador to the Republic of the Philippines"
    );
    assert_eq!(s(&t["email"]), "peter.macarthur@international.gc.ca");
    // The subject line is the letter's subject, and stands as the title.
    assert_eq!(s(&data["title"]), "Call to release all political prisoners");
    let copies = data["copies"].as_array().unwrap();
    let names: Vec<&str> = copies.iter().map(|c| s(&c["name"])).collect();
    assert_eq!(
        names,
        [
            "François-Philippe Champagne P.C, M.P.",
            "Peter Lundy",
            "Jose Luis Martin Gascon",
            "Petronila P. Garcia"
        ]
    );
    assert_eq!(s(&copies[1]["organisation"]), "Global Affairs Canada");
    assert_eq!(s(&copies[3]["email"]), "embassyofphilippines@rogers.com");
    assert_eq!(
        copies[3]["address"],
        serde_json::json!(["30 Murray St. Ottawa, Ontario, K1N 5M4"])
    );
    let body = s(&data["letters"]["en"]["body"]);
    assert!(
        body.contains("Mr. Ambassador, we urge you to do everything in your power"),
        "{body}"
    );
    assert!(body.contains("\nWarm regards,\n"), "{body}");
    holds_to_the_document(&sb, "ua-examples/ua-23.docx", &data, &report);
    loads(&sb);
}

#[test]
fn a_bare_model_letter_with_a_fax_only_target_and_an_embassy_copy() {
    let sb = Sandbox::new();
    let (_, data, report) = import(&sb, "bare-letter-fax.txt");
    let t = target(&data, 0);
    assert_eq!(s(&t["name"]), "Daniel Ortega Saavedra");
    assert_eq!(s(&t["title"]), "President of the Republic");
    assert_eq!(s(&t["fax"]), "+505 2266 3102");
    assert_eq!(t.get("email"), None, "no email is made up");
    let copy = &data["copies"][0];
    assert_eq!(s(&copy["name"]), "Embassy of Nicaragua");
    assert_eq!(s(&copy["fax"]), "+1 202 939 6545");
    assert_eq!(copy["address"][1], "Washington, DC 20009");
    holds_to_the_document(&sb, "bare-letter-fax.txt", &data, &report);
    loads(&sb);
    let letter = sb
        .appeal()
        .args([
            "compose",
            "./out.yaml",
            "--no-input",
            "--name",
            "Ana",
            "--width",
            "0",
        ])
        .output()
        .unwrap();
    assert!(letter.status.success(), "{}", stderr_of(&letter));
    assert!(stdout_of(&letter).contains("\nDear President,\n"));
}

#[test]
fn a_spanish_letter_gives_a_spanish_model_letter() {
    let sb = Sandbox::new();
    let (_, data, report) = import(&sb, "carta-es.txt");
    assert_eq!(
        s(&data["title"]),
        "Defensora indígena amenazada de muerte en Cauca"
    );
    assert_eq!(s(&data["deadline"]), "2024-05-15");
    assert_eq!(s(&data["preferred_language"]), "es");
    assert_eq!(data["own_language_welcome"], Value::Bool(true));
    let t = target(&data, 0);
    assert_eq!(s(&t["name"]), "Luz Adriana Camargo Garzón");
    assert_eq!(s(&t["title"]), "Fiscal General de la Nación");
    assert_eq!(s(&t["email"]), "contacto@fiscalia.example.co");
    assert_eq!(t["address"][0], "Avenida Calle 24 No. 52-01");
    assert_eq!(s(&data["copies"][0]["name"]), "Defensoría del Pueblo");
    let body = s(&data["letters"]["es"]["body"]);
    assert!(
        body.contains("Le escribo para expresarle mi profunda preocupación"),
        "{body}"
    );
    assert!(body.contains("\nAtentamente,\n"), "{body}");
    assert!(
        s(&data["background"]).contains("181 personas defensoras"),
        "the labelled background too"
    );
    holds_to_the_document(&sb, "carta-es.txt", &data, &report);
    loads(&sb);
}

#[test]
fn a_french_page_gives_a_french_model_letter() {
    let sb = Sandbox::new();
    let (_, data, report) = import(&sb, "page-fr.html");
    assert_eq!(s(&data["title"]), "Un avocat détenu au secret à Tunis");
    assert_eq!(s(&data["deadline"]), "2024-04-30");
    assert_eq!(s(&data["preferred_language"]), "ar");
    assert_eq!(data["accepted_languages"], serde_json::json!(["fr"]));
    let t = target(&data, 0);
    assert_eq!(s(&t["honorific"]), "Monsieur");
    assert_eq!(s(&t["name"]), "Khaled Nouri");
    assert_eq!(s(&t["title"]), "Ministre de l’Intérieur");
    assert_eq!(s(&t["email"]), "ministre@interieur.example.tn");
    let body = s(&data["letters"]["fr"]["body"]);
    assert!(
        body.starts_with("{{date}}\n\n{{target.salutation}}\n"),
        "{body}"
    );
    assert!(
        body.contains(
            "Veuillez agréer, Monsieur le Ministre, l’expression de ma haute considération."
        ),
        "{body}"
    );
    assert_eq!(s(&data["copies"][0]["address"][1]), "75007 Paris");
    holds_to_the_document(&sb, "page-fr.html", &data, &report);
    loads(&sb);
}

#[test]
fn a_campaign_email_with_six_email_only_copies_drafts_one_message_to_all() {
    let sb = Sandbox::new();
    let (_, data, report) = import(&sb, "campaign.eml");
    assert_eq!(report["document"]["kind"], "email");
    assert_eq!(
        s(&data["title"]),
        "Write today: free the river keepers of Santa Rosa"
    );
    assert_eq!(s(&data["deadline"]), "2024-11-30");
    assert_eq!(s(&target(&data, 0)["name"]), "Carla Montes Ibáñez");
    let copies = data["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 6, "{copies:?}");
    for c in copies {
        assert!(c.get("address").is_none(), "an email-only copy: {c}");
        assert!(s(&c["email"]).contains('@'));
    }
    assert_eq!(s(&copies[2]["name"]), "Pedro Salas");
    assert_eq!(s(&copies[2]["title"]), "Prosecutor General");
    holds_to_the_document(&sb, "campaign.eml", &data, &report);
    loads(&sb);
    let out = sb
        .appeal()
        .args([
            "compose",
            "./out.yaml",
            "--no-input",
            "--name",
            "Ana",
            "--format",
            "eml",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let message = mail_parser::MessageParser::default()
        .parse(&out.stdout)
        .unwrap();
    let cc: Vec<&str> = message
        .cc()
        .unwrap()
        .iter()
        .filter_map(|a| a.address())
        .collect();
    assert_eq!(cc.len(), 6);
    assert!(cc.contains(&"embajada.ue@cancilleria.example.gob"));
    assert_eq!(
        message.to().unwrap().first().unwrap().address(),
        Some("ministra@ambiente.example.gob")
    );
}

#[test]
fn every_line_of_every_example_is_in_a_field_or_left_out_with_a_reason() {
    let dir = fixture("import/ua-examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != "README.md")
        .map(|n| format!("ua-examples/{n}"))
        .collect();
    names.sort();
    names.extend(
        [
            "labelled-2017.txt",
            "labelled-2017.pdf",
            "labelled-2017-honduras.pdf",
            "older-2010.txt",
            "older-2010.pdf",
            "cecot.pdf",
            "cecot-cut.md",
            "no-deadline-no-email.md",
        ]
        .map(str::to_string),
    );
    for name in names {
        let sb = Sandbox::new();
        let (out, data, report) = import(&sb, &name);
        assert!(
            matches!(out.status.code(), Some(exit::OK | exit::FAILURE)),
            "{name}: {}",
            stderr_of(&out)
        );
        holds_to_the_document(&sb, &name, &data, &report);
        loads(&sb);
    }
}

#[test]
fn a_document_that_names_no_deadline_gets_none_from_another_date() {
    // ua-09 names dates of arrests and a day of action, none a deadline.
    let sb = Sandbox::new();
    let (_, data, _) = import(&sb, "ua-examples/ua-09.txt");
    assert!(
        s(&data["deadline"]).starts_with("[PLACEHOLDER"),
        "{}",
        data["deadline"]
    );
    let path: &Path = &sb.path("out.yaml");
    assert!(path.exists());
}

/// An OpenDocument text holding `body` as its `office:text`.
fn odt(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .unwrap();
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    write!(
        zip,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">\
         <office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_opendocument_letter_is_read_like_a_word_one() {
    let sb = Sandbox::new();
    let body = "<text:h text:outline-level=\"1\">FREE THE RIVER KEEPERS OF SANTA ROSA</text:h>\
        <text:p>Five river keepers were arrested on 12 October 2024 for a peaceful vigil against the Río Claro dam.</text:p>\
        <text:p>Minister of Environment<text:line-break/>Carla Montes Ibáñez<text:line-break/>Avenida Central 100<text:line-break/>San José</text:p>\
        <text:p>Email: ministra@ambiente.example.gob</text:p>\
        <text:p>Dear Minister Montes,</text:p>\
        <text:p>I ask you to drop the charges against the five river keepers of Santa Rosa.<office:annotation><text:p>Check the number</text:p></office:annotation></text:p>\
        <text:list><text:list-item><text:p>Release them &amp; protect them.</text:p></text:list-item></text:list>\
        <text:p>Yours sincerely,</text:p>";
    let path = sb.path("letter.odt");
    std::fs::write(&path, odt(body)).unwrap();
    let out = sb
        .appeal()
        .arg("import")
        .arg(&path)
        .args(["-o", "out.yaml", "--json"])
        .output()
        .unwrap();
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr_of(&out)));
    assert_eq!(report["document"]["kind"], "odt");
    let data: Value =
        serde_saphyr::from_str(&std::fs::read_to_string(sb.path("out.yaml")).unwrap()).unwrap();
    assert_eq!(s(&data["title"]), "Free the river keepers of Santa Rosa");
    let t = target(&data, 0);
    assert_eq!(s(&t["name"]), "Carla Montes Ibáñez");
    assert_eq!(s(&t["title"]), "Minister of Environment");
    assert_eq!(s(&t["email"]), "ministra@ambiente.example.gob");
    let body = s(&data["letters"]["en"]["body"]);
    assert!(
        body.contains("drop the charges against the five river keepers of Santa Rosa."),
        "{body}"
    );
    assert!(
        !body.contains("Check the number"),
        "annotations are not the text: {body}"
    );
    assert!(body.contains("- Release them & protect them."), "{body}");
}
