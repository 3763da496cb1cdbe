//! Getting a finished letter where the writer asked: stdout, a file or the
//! clipboard. This is the only module that writes outside the process.
//!
//! A letter is never lost: when it can't go where it was asked, it is saved
//! in the rescue folder and the path is reported.

pub mod clipboard;
pub mod eml;
pub mod file;
pub mod mailto;
pub mod pdf;
pub mod stdout;

use std::io;
use std::path::{Path, PathBuf};

use crate::action::{Recipient, Target};
use crate::error::{Error, Result};
use crate::letter::Letter;
use crate::talk;
use crate::wrap::wrap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
    Clipboard,
}

/// The form a letter takes: plain text, an email draft, a printable page,
/// or a `mailto:` link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Txt,
    Eml,
    Pdf,
    Mailto,
}

impl Format {
    /// The format a file name asks for: `.eml`, `.pdf`, else text.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("eml") => Format::Eml,
            Some(e) if e.eq_ignore_ascii_case("pdf") => Format::Pdf,
            _ => Format::Txt,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt | Format::Mailto => "txt",
            Format::Eml => "eml",
            Format::Pdf => "pdf",
        }
    }

    /// Whether the result is text a person can read or paste.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Txt | Format::Mailto)
    }
}

/// What a letter needs besides its own text to take a form: who sends it,
/// to whom, and how wide its lines may be.
pub struct Envelope<'a> {
    pub target: &'a Target,
    /// Whom copies go to (an email draft's Cc).
    pub copies: &'a [Recipient],
    /// The writer's block: name, then place if given.
    pub sender: Vec<String>,
    /// Hard-wrap width for text (0: none).
    pub width: usize,
    pub paper: pdf::Paper,
}

/// The letter in `format`, as the bytes to deliver.
pub fn encode(letter: &Letter, format: Format, envelope: &Envelope) -> Result<Vec<u8>> {
    let fail = |what: &str, e: String| Error::Usage(format!("the {what} could not be made: {e}"));
    match format {
        Format::Txt => Ok(wrap(&letter.body, envelope.width).into_bytes()),
        Format::Eml => {
            let body = Letter {
                body: wrap(&letter.body, envelope.width),
                ..letter.clone()
            };
            eml::message(&body, envelope.target, envelope.copies)
                .map_err(|e| fail("email draft", e.to_string()))
        }
        Format::Mailto => {
            let url = mailto::url(letter, envelope.target, envelope.copies);
            if url.len() > mailto::SAFE_LENGTH {
                talk::warn(format_args!(
                    "the mailto link is {} characters long; many mail clients cut links after about {}: \
                     use --clipboard or -o letter.eml instead",
                    url.len(),
                    mailto::SAFE_LENGTH
                ));
            }
            Ok(format!("{url}\n").into_bytes())
        }
        Format::Pdf => {
            let target = envelope.target;
            let mut recipient = vec![target.full_name(), target.title.clone()];
            recipient.extend(target.organisation.clone());
            recipient.extend(target.address.iter().cloned());
            let page = pdf::Page {
                sender: &envelope.sender,
                recipient: &recipient,
                body: &letter.body,
            };
            pdf::render(&page, envelope.paper).map_err(|e| fail("PDF", e))
        }
    }
}

impl Destination {
    /// Hard-wrap width when `--width` is not given: a terminal's width up to
    /// 80, 72 for a file or a pipe, none for the clipboard (mail clients reflow).
    pub fn default_width(&self) -> usize {
        match self {
            Destination::Stdout => match console::Term::stdout().size_checked() {
                Some((_, cols)) if console::Term::stdout().is_term() => usize::from(cols).min(80),
                _ => 72,
            },
            Destination::File(_) => 72,
            Destination::Clipboard => 0,
        }
    }
}

/// Delivers `bytes`; `name` (`cecot-2026-11-28.txt`) names the rescue file if needed.
pub fn deliver(bytes: &[u8], destination: &Destination, force: bool, name: &str) -> Result<()> {
    let reason = match destination {
        Destination::Stdout => match stdout::write(bytes) {
            Ok(()) => return Ok(()),
            Err(e) => format!("writing to stdout failed: {e}"),
        },
        Destination::File(path) => match file::write_atomic(path, bytes, force) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => format!(
                "{} already exists; not overwritten (use --force to replace it)",
                path.display()
            ),
            Err(e) => format!("{} could not be written: {e}", path.display()),
        },
        Destination::Clipboard => match clipboard::copy(&String::from_utf8_lossy(bytes)) {
            Ok(()) => return Ok(()),
            Err(e) => e,
        },
    };
    match rescue(bytes, name) {
        Ok(saved) => Err(Error::Delivery { reason, saved }),
        Err(e) => {
            // Last resort: the letter goes to stdout rather than nowhere.
            let shown = if *destination != Destination::Stdout {
                stdout::write(bytes).is_ok()
            } else {
                false
            };
            Err(Error::DeliveryUnsaved {
                reason,
                rescue_error: e.to_string(),
                shown,
            })
        }
    }
}

/// The folder where letters that could not be delivered are kept:
/// `$XDG_DATA_HOME/appeal/unsent`, else the system's temporary folder.
pub fn rescue_dirs() -> Vec<PathBuf> {
    dirs::data_local_dir()
        .map(|d| d.join("appeal").join("unsent"))
        .into_iter()
        .chain(std::iter::once(std::env::temp_dir().join("appeal-unsent")))
        .collect()
}

/// Saves `bytes` as a new file in the first rescue folder that takes it.
/// `name` is the file name wanted (`cecot-2026-11-28.txt`).
pub fn rescue(bytes: &[u8], name: &str) -> io::Result<PathBuf> {
    let mut last = io::Error::other("no rescue folder");
    for dir in rescue_dirs() {
        match save_new(&dir, name, bytes) {
            Ok(path) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Writes `bytes` to `DIR/NAME`, or `STEM-2.EXT`, … if that exists.
fn save_new(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "txt"));
    for n in 1..1000 {
        let file = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(file);
        match file::write_atomic(&path, bytes, false) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => return other.map(|()| path),
        }
    }
    Err(io::Error::other(
        "too many unsent letters with the same name",
    ))
}
