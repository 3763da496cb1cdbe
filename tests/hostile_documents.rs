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

use common::documents::{self, SHAPES, repeated};
use common::{Sandbox, exit, stderr_of};

/// The address space `appeal` runs under in these tests: the reader
/// process it starts has its own, smaller one.
const MEMORY_LIMIT: u64 = 1 << 30;

/// How long any of them may take: far more than a debug build needs for a
/// clean refusal, far less than a hang.
const GUARD: Duration = Duration::from_secs(60);

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
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT), "{name}: {err}");
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
    let out = import_hostile(&sb, "recursion.pdf", &documents::recursion());
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
    let doc = documents::flate_flate();
    assert!(doc.len() < 64 * 1024, "a small file: {}", doc.len());
    let out = import_hostile(&sb, "flate-flate.pdf", &doc);
    refused(&sb, "flate-flate.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn one_stream_drawn_a_hundred_thousand_times_is_refused() {
    let sb = Sandbox::new();
    let out = import_hostile(&sb, "references.pdf", &documents::references());
    refused(&sb, "references.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn a_predictor_row_as_wide_as_memory_is_refused() {
    let sb = Sandbox::new();
    let out = import_hostile(&sb, "predictor.pdf", &documents::predictor());
    refused(&sb, "predictor.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn a_character_map_of_millions_of_codes_is_refused() {
    let sb = Sandbox::new();
    let out = import_hostile(&sb, "bfrange.pdf", &documents::bfrange());
    refused(&sb, "bfrange.pdf", &out, &[SWELLS, UNSAFE]);
}

#[test]
fn a_page_that_is_its_own_parent_ends_in_bounded_time() {
    let sb = Sandbox::new();
    let out = import_hostile(&sb, "parent.pdf", &documents::own_parent());
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
    let doc = documents::heavy();
    assert!(doc.len() < 200 * 1024, "{}", doc.len());
    let out = import_hostile(&sb, "heavy.pdf", &doc);
    let err = stderr_of(&out);
    assert!(
        matches!(out.status.code(), Some(exit::FAILURE | exit::BAD_INPUT)),
        "{err}"
    );
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

#[test]
fn a_mebibyte_of_any_shape_is_read_in_bounded_time() {
    // Each shape made text import quadratic once: rejoining hard-wrapped
    // paragraphs rescanned the paragraph, link removal rescanned after each
    // bracket, the capitals test and the label search ran on growing text.
    for (n, shape) in SHAPES.iter().enumerate() {
        let sb = Sandbox::new();
        let name = format!("shape-{n}.txt");
        let started = Instant::now();
        let out = import_hostile(&sb, &name, repeated(shape, 1 << 20).as_bytes());
        let err = stderr_of(&out);
        assert!(
            matches!(out.status.code(), Some(exit::OK..=exit::BAD_INPUT)),
            "{name} ({shape:?}): {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        eprintln!("{name}: {:?}", started.elapsed());
    }
}
