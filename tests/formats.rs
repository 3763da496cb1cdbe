//! From letter to inbox: `.eml` drafts, `mailto:` links and `--open`.

mod common;

use std::time::{Duration, Instant};

use common::{Sandbox, exit, stderr_of, stdout_of};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};

const NAME: &str = "José Núñez-O'Brien";
const NOTE: &str = "Ünïcode & <angle> \"quotes\" — 人権 ✓";

/// The letter as plain text, unwrapped: what every other form must carry.
fn plain_letter(sb: &Sandbox) -> String {
    let out = sb
        .compose()
        .args(["--width", "0"])
        .args(["--name", NAME, "--note", NOTE])
        .output()
        .unwrap();
    assert!(out.status.success());
    stdout_of(&out)
}

#[test]
fn eml_is_a_draft_addressed_to_the_target() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["-o", "letter.eml"])
        .args(["--name", NAME, "--note", NOTE])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let raw = std::fs::read(sb.path("letter.eml")).unwrap();
    let message = MessageParser::default()
        .parse(&raw)
        .expect("a parsable message");

    let to = message.to().and_then(|a| a.first()).expect("a To address");
    assert_eq!(to.address(), Some("dhssecretary@hq.dhs.gov"));
    assert_eq!(to.name(), Some("The Honorable Kristi Noem"));
    assert_eq!(
        message.subject(),
        Some("Return those illegally expelled to El Salvador and halt further expulsions")
    );
    assert!(message.date().is_some(), "a Date header");
    assert!(matches!(
        message.header("MIME-Version"),
        Some(HeaderValue::Text(v)) if v == "1.0"
    ));
    assert!(matches!(
        message.header("X-Unsent"),
        Some(HeaderValue::Text(v)) if v == "1"
    ));
    let content_type = message.content_type().expect("a Content-Type");
    assert_eq!(content_type.ctype(), "text");
    assert_eq!(content_type.subtype(), Some("plain"));
    assert_eq!(content_type.attribute("charset"), Some("utf-8"));
    // Non-ASCII text travels in a transfer encoding, never as raw 8-bit.
    assert!(raw.is_ascii(), "the message itself is 7-bit");

    let body = message.body_text(0).expect("a text body");
    assert_eq!(body.replace("\r\n", "\n"), plain_letter(&sb));
}

#[test]
fn format_eml_goes_to_stdout_too() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--name", "Ana", "--format", "eml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let message = MessageParser::default().parse(&out.stdout).unwrap();
    assert!(
        message
            .body_text(0)
            .unwrap()
            .contains("Dear Secretary Noem,")
    );
}

#[test]
fn mailto_link_parses_back_to_the_letter() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--mailto"])
        .args(["--name", NAME, "--note", NOTE])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let link = stdout_of(&out);
    let url = url::Url::parse(link.trim()).expect("a valid URL");
    assert_eq!(url.scheme(), "mailto");
    assert_eq!(url.path(), "dhssecretary@hq.dhs.gov");
    let query: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query["subject"],
        "Return those illegally expelled to El Salvador and halt further expulsions"
    );
    assert!(query["body"].contains("\r\n"), "line breaks are CRLF");
    assert!(
        !query["body"].replace("\r\n", "").contains('\n'),
        "no bare LF"
    );
    assert_eq!(query["body"].replace("\r\n", "\n"), plain_letter(&sb));
}

#[test]
fn a_long_mailto_link_warns_and_suggests_alternatives() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--mailto", "--name", "Ana"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("the mailto link is"), "{err}");
    assert!(err.contains("use --clipboard or -o letter.eml"), "{err}");
    assert!(!stdout_of(&out).contains("warning"));
}

#[test]
fn clipboard_and_open_refuse_what_they_cannot_do() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["--name", "A", "--clipboard", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("--clipboard takes text"));
    let out = sb
        .compose()
        .args(["--name", "A", "--open"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&out).contains("--open needs a file"));
}

/// A PATH whose `xdg-open` records what it was asked to open.
fn fake_opener(sb: &Sandbox) -> (std::ffi::OsString, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = sb.path("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let record = sb.path("opened.txt");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    (path, record)
}

fn wait_for(path: &std::path::Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} was never written", path.display());
}

#[test]
fn open_hands_the_draft_or_the_link_to_the_desktop() {
    let sb = Sandbox::new();
    let (path, record) = fake_opener(&sb);
    let out = sb
        .compose()
        .env("PATH", &path)
        .args(["--name", "Ana", "-o", "draft.eml", "--open"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(wait_for(&record).trim(), "draft.eml");

    std::fs::remove_file(&record).unwrap();
    let out = sb
        .compose()
        .env("PATH", &path)
        .args(["--name", "Ana", "--mailto", "--open"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let opened = wait_for(&record);
    assert!(
        opened.starts_with("mailto:dhssecretary@hq.dhs.gov?subject="),
        "{opened}"
    );
}

/// The text of a PDF, as `pdftotext` reads it.
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils (apt-get install -y poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A writer whose name and place need more than Latin letters.
const PDF_WRITER: [&str; 8] = [
    "--name",
    "Zoë Παπαδοπούλου",
    "--city",
    "Київ",
    "--country",
    "Україна",
    "--note",
    "Écrit à Genève, with care.",
];

#[test]
fn pdf_holds_the_sender_the_address_block_and_the_letter() {
    let sb = Sandbox::new();
    let out = sb
        .compose()
        .args(["-o", "letter.pdf"])
        .args(PDF_WRITER)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let raw = std::fs::read(sb.path("letter.pdf")).unwrap();
    assert!(raw.starts_with(b"%PDF-"), "a PDF file");
    let text = pdf_text(&sb.path("letter.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Zoë Παπαδοπούλου",
        "Київ, Україна",
        "The Honorable Kristi Noem",
        "Secretary of Homeland Security",
        "U.S. Department of Homeland Security",
        "2707 Martin Luther King Jr. Avenue, SE",
        "Washington, DC 20528",
        "28 November 2026",
        "Dear Secretary Noem,",
        "238 individuals were expelled to El Salvador on 16 March",
        "Écrit à Genève, with care.",
        "Yours sincerely,",
    ] {
        assert!(
            flat.contains(expected),
            "{expected:?} is not in the PDF's text:\n{text}"
        );
    }
    // The whole letter is there, word for word and in order.
    let out = sb
        .compose()
        .args(["--width", "0"])
        .args(PDF_WRITER)
        .output()
        .unwrap();
    let letter = stdout_of(&out);
    let mut pdf_words = flat.split_whitespace();
    for word in letter.split_whitespace() {
        assert!(
            pdf_words.any(|w| w == word),
            "{word:?} is missing or out of order in the PDF's text:\n{text}"
        );
    }
}

#[test]
fn pdf_comes_in_a4_and_us_letter() {
    let sb = Sandbox::new();
    for (paper, media_box) in [
        ("a4", "/MediaBox [0 0 595 842]"),
        ("letter", "/MediaBox [0 0 612 792]"),
    ] {
        let file = format!("{paper}.pdf");
        let out = sb
            .compose()
            .args(["--name", "Ana", "--paper", paper, "-o", &file])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let raw = std::fs::read(sb.path(&file)).unwrap();
        assert!(
            raw.windows(media_box.len())
                .any(|w| w == media_box.as_bytes()),
            "{paper}: {media_box}"
        );
    }
}

/// The text of each page of a PDF, by pdftotext (pages end with a form feed).
fn pdf_pages(path: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn a_batch_to_one_pdf_starts_each_letter_on_a_new_sheet() {
    let sb = Sandbox::new();
    let rows: String = (1..=12).map(|i| format!("Signer {i:02},Lyon\n")).collect();
    sb.write("signers.csv", &format!("name,city\n{rows}"));
    for duplex in [false, true] {
        let mut cmd = sb.appeal();
        cmd.args([
            "compose",
            "cecot",
            "--batch",
            "signers.csv",
            "-o",
            "event.pdf",
            "--force",
        ]);
        if duplex {
            cmd.arg("--duplex");
        }
        let out = cmd.timeout(Duration::from_secs(300)).output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert!(stderr_of(&out).contains("12 letters written"));
        let pages = pdf_pages(&sb.path("event.pdf"));
        let starts: Vec<usize> = (1..=12)
            .map(|i| {
                let name = format!("Signer {i:02}");
                pages
                    .iter()
                    .position(|p| p.trim_start().starts_with(&name))
                    .unwrap_or_else(|| panic!("no page starts with {name}"))
            })
            .collect();
        for (i, start) in starts.iter().enumerate() {
            // The signer's block opens the sheet, and the signature is theirs.
            let end = starts.get(i + 1).copied().unwrap_or(pages.len());
            let letter = pages[*start..end].concat();
            assert!(letter.contains("Yours sincerely"), "letter {i}");
            assert_eq!(
                letter.matches("Signer ").count(),
                2,
                "one letter per sheet: {letter}"
            );
            if duplex {
                assert_eq!(
                    start % 2,
                    0,
                    "letter {} starts on page {}",
                    i + 1,
                    start + 1
                );
            }
        }
    }
    let out = sb
        .appeal()
        .args([
            "compose",
            "cecot",
            "--batch",
            "signers.csv",
            "-o",
            "event.txt",
        ])
        .output()
        .unwrap();
    // One text file: the letters as stdout would have them.
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = std::fs::read_to_string(sb.path("event.txt")).unwrap();
    assert_eq!(text.split('\u{c}').count(), 12);
}
