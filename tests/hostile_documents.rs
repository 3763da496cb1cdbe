//! Documents from strangers can do no harm: each PDF, page or text below
//! is made to crash, hang or swell a reader. `appeal import` ends each one
//! cleanly (exit 3 with what was wrong, or an action), within a guard on
//! time and under a real limit on the memory of the whole process tree,
//! with nothing raw on its output and nothing written.
//!
//! The large documents are made here, by generators, not kept as files.

mod common;

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::{Sandbox, stderr_of};

/// The address space `appeal` runs under in these tests: the reader
/// process it starts has its own, smaller one.
const MEMORY_LIMIT: u64 = 1 << 30;

/// How long any of them may take: far more than a debug build needs for a
/// clean refusal, far less than a hang.
const GUARD: Duration = Duration::from_secs(60);

/// A PDF of the given objects, numbered from 1 (the first is the
/// catalogue), with a cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn obj(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

/// A stream object: its dictionary's entries and its bytes.
fn stream(dict: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", bytes.len()).into_bytes();
    out.extend(bytes);
    out.extend(b"\nendstream");
    out
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// `n` zero bytes, deflated, without holding them.
fn deflated_zeros(n: usize) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..n / chunk.len() {
        e.write_all(&chunk).unwrap();
    }
    e.finish().unwrap()
}

/// A one-page PDF whose page has `contents` (a reference or an array)
/// and `resources`, with `more` objects from number 5 on.
fn page(contents: &str, resources: &str, more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj(&format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} /Resources << {resources} >> >>"
        )),
        obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ];
    objects.extend(more);
    pdf(&objects)
}

const FONT: &str = "/Font << /F1 4 0 R >>";

/// Runs `appeal import FILE -o out.yaml` under the memory limit and the
/// guard; returns the run.
fn import_hostile(sb: &Sandbox, name: &str, bytes: &[u8]) -> Output {
    let path = sb.path(name);
    std::fs::write(&path, bytes).unwrap();
    let mut cmd = sb.std_appeal();
    cmd.arg("import")
        .arg(&path)
        .arg("-o")
        .arg(sb.path("out.yaml"))
        .stdin(Stdio::null());
    // SAFETY: setrlimit is async-signal-safe and touches no memory.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: MEMORY_LIMIT as libc::rlim_t,
                rlim_max: MEMORY_LIMIT as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > GUARD {
            let _ = child.kill();
            panic!("{name}: still running after {GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A clean refusal: exit 3, the document named, the reason in words, no
/// control character printed, no panic, nothing written.
fn refused(sb: &Sandbox, name: &str, out: &Output, says: &[&str]) {
    let err = stderr_of(out);
    assert_eq!(out.status.code(), Some(3), "{name}: {err}");
    assert!(out.stdout.is_empty(), "{name}: stdout");
    assert!(err.contains(name), "{name}: {err}");
    assert!(
        says.iter().any(|s| err.contains(s)),
        "{name}: expected one of {says:?} in {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !err.chars().any(|c| c.is_control() && c != '\n'),
        "{name}: raw control in {err:?}"
    );
    assert!(!sb.path("out.yaml").exists(), "{name}: nothing is written");
    assert!(
        !Path::new(&sb.path("data")).exists(),
        "{name}: nothing is written"
    );
}

const UNSAFE: &str = "could not be read safely";
const SWELLS: &str = "inflates past";

#[test]
fn a_form_that_draws_itself_ends_the_reader_not_appeal() {
    // Recursion without end inside the extractor: a stack overflow, which
    // no catch_unwind can stop, in the reader process.
    let sb = Sandbox::new();
    let doc = page(
        "5 0 R",
        "/XObject << /X0 6 0 R >>",
        vec![
            stream("", b"/X0 Do"),
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 6 0 R >> >>",
                b"/X0 Do",
            ),
        ],
    );
    let out = import_hostile(&sb, "recursion.pdf", &doc);
    refused(
        &sb,
        "recursion.pdf",
        &out,
        &[UNSAFE, "could not be read as a PDF"],
    );
}

#[test]
fn flate_inside_flate_is_refused_before_it_inflates() {
    let sb = Sandbox::new();
    let inner = deflated_zeros(256 << 20);
    let outer = deflate(&inner);
    assert!(outer.len() < 64 * 1024, "a small file: {}", outer.len());
    let doc = page(
        "5 0 R",
        FONT,
        vec![stream("/Filter [/FlateDecode /FlateDecode]", &outer)],
    );
    let out = import_hostile(&sb, "flate-flate.pdf", &doc);
    refused(&sb, "flate-flate.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn one_stream_drawn_a_hundred_thousand_times_is_refused() {
    let sb = Sandbox::new();
    let text = "BT /F1 12 Tf 72 720 Td (A line of text that repeats) Tj ET\n".repeat(20);
    let contents = format!("[{}]", "5 0 R ".repeat(100_000));
    let doc = page(
        &contents,
        FONT,
        vec![stream("/Filter /FlateDecode", &deflate(text.as_bytes()))],
    );
    let out = import_hostile(&sb, "references.pdf", &doc);
    refused(&sb, "references.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn a_predictor_row_as_wide_as_memory_is_refused() {
    let sb = Sandbox::new();
    let doc = page(
        "5 0 R",
        FONT,
        vec![stream(
            "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 4 /BitsPerComponent 16 /Columns 2000000000 >>",
            &deflate(&[2u8; 64]),
        )],
    );
    let out = import_hostile(&sb, "predictor.pdf", &doc);
    refused(&sb, "predictor.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn a_character_map_of_millions_of_codes_is_refused() {
    let sb = Sandbox::new();
    let mut cmap = String::from("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
    for _ in 0..100 {
        cmap.push_str("1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    let doc = page(
        "5 0 R",
        "/Font << /F1 6 0 R >>",
        vec![
            stream("", b"BT /F1 12 Tf 72 720 Td <0041> Tj ET"),
            obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>"),
            stream("/Filter /FlateDecode", &deflate(cmap.as_bytes())),
        ],
    );
    let out = import_hostile(&sb, "bfrange.pdf", &doc);
    refused(&sb, "bfrange.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn a_page_that_is_its_own_parent_ends_in_bounded_time() {
    let sb = Sandbox::new();
    let doc = pdf(&[
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 /Parent 2 0 R >>"),
        obj("<< /Type /Page /Parent 3 0 R /Kids [3 0 R] /MediaBox [0 0 595 842] >>"),
    ]);
    let out = import_hostile(&sb, "parent.pdf", &doc);
    refused(
        &sb,
        "parent.pdf",
        &out,
        &[UNSAFE, "has no text layer", "could not be read as a PDF"],
    );
}

#[test]
fn a_page_of_heavy_content_ends_in_bounded_time() {
    // Half a million glyphs in capitals from a small file: the reader's
    // time limit or the text cap ends it, and what comes back is read in
    // linear time.
    let sb = Sandbox::new();
    let ops = "BT /F1 1 Tf 10 10 Td (URGENT ACTION TITLE: A) Tj ET\n".repeat(200_000);
    let doc = page(
        "5 0 R",
        FONT,
        vec![stream("/Filter /FlateDecode", &deflate(ops.as_bytes()))],
    );
    assert!(doc.len() < 200 * 1024, "{}", doc.len());
    let out = import_hostile(&sb, "heavy.pdf", &doc);
    let err = stderr_of(&out);
    assert!(matches!(out.status.code(), Some(1 | 3)), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_deeply_nested_page_and_a_zip_bomb_word_file_are_refused() {
    let sb = Sandbox::new();
    let page = format!(
        "<html><body>{}<p>Dear Minister,</p>",
        "<div>".repeat(200_000)
    );
    let out = import_hostile(&sb, "nested.html", page.as_bytes());
    refused(&sb, "nested.html", &out, &["nest more than"]);

    // A Word file whose document part inflates to 64 MiB of spaces.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("word/document.xml", options).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..64 {
        zip.write_all(&spaces).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1024 * 1024);
    let out = import_hostile(&sb, "bomb.docx", &bytes);
    refused(&sb, "bomb.docx", &out, &[SWELLS]);
}

/// One mebibyte of a line, repeated.
fn megabyte_of(line: &str) -> String {
    let mut out = String::with_capacity(1 << 20);
    while out.len() + line.len() < 1 << 20 {
        out.push_str(line);
    }
    out
}

#[test]
fn a_mebibyte_of_any_shape_is_read_in_bounded_time() {
    // Each shape made text import quadratic once: rejoining hard-wrapped
    // paragraphs rescanned the paragraph, link removal rescanned after each
    // bracket, the capitals test and the label search ran on growing text.
    let shapes = [
        "the community was not given any prior warning of the operation which involved\n",
        "URGENT ACTION COMMUNITY AT RISK OF FORCED EVICTION IN THE WEST OF THE CITY\n",
        "Dear Minister,\n",
        "URGENT ACTION TITLE: A TITLE\n",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
        "[a](http://example.org/a [b](c d [e](\n",
        "Pakistan : des chrétiens poursuivis\nEmail: info@example.org\n",
        "cc.\nMr. A Example, Minister of Justice – Email: a@example.org\n",
        "Email: a@example.org, b@example.org\nFax: +1 202 555 0100\n",
        "- a point to ask for, and another one after it\n",
        "until the deadline before the date by the time no later than ",
        "Yours sincerely,\n\n",
        "Monsieur le Ministre de l’Intérieur\nKhaled Nouri\n",
    ];
    for (n, shape) in shapes.iter().enumerate() {
        let sb = Sandbox::new();
        let name = format!("shape-{n}.txt");
        let started = Instant::now();
        let out = import_hostile(&sb, &name, megabyte_of(shape).as_bytes());
        let err = stderr_of(&out);
        assert!(
            matches!(out.status.code(), Some(0..=3)),
            "{name} ({shape:?}): {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        eprintln!("{name}: {:?}", started.elapsed());
    }
}
