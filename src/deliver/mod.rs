//! Getting a finished letter where the writer asked: stdout, a file or the
//! clipboard. This is the only module that writes outside the process.
//!
//! A letter is never lost: when it can't go where it was asked, it is saved
//! in the rescue folder and the path is reported.

pub mod clipboard;
pub mod file;
pub mod stdout;

use std::io;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
    Clipboard,
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

/// Delivers `text`; `name` (`cecot-2026-11-28`) names the rescue file if needed.
pub fn deliver(text: &str, destination: &Destination, force: bool, name: &str) -> Result<()> {
    let reason = match destination {
        Destination::Stdout => match stdout::write(text) {
            Ok(()) => return Ok(()),
            Err(e) => format!("writing to stdout failed: {e}"),
        },
        Destination::File(path) => match file::write_atomic(path, text.as_bytes(), force) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => format!(
                "{} already exists; not overwritten (use --force to replace it)",
                path.display()
            ),
            Err(e) => format!("{} could not be written: {e}", path.display()),
        },
        Destination::Clipboard => match clipboard::copy(text) {
            Ok(()) => return Ok(()),
            Err(e) => e,
        },
    };
    match rescue(text, name) {
        Ok(saved) => Err(Error::Delivery { reason, saved }),
        Err(e) => {
            // Last resort: the letter goes to stdout rather than nowhere.
            let shown = if *destination != Destination::Stdout {
                stdout::write(text).is_ok()
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

/// Saves `text` as a new file in the first rescue folder that takes it.
pub fn rescue(text: &str, name: &str) -> io::Result<PathBuf> {
    let mut last = io::Error::other("no rescue folder");
    for dir in rescue_dirs() {
        match save_new(&dir, name, text) {
            Ok(path) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Writes `text` to `DIR/NAME.txt`, or `NAME-2.txt`, … if that exists.
fn save_new(dir: &Path, name: &str, text: &str) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    for n in 1..1000 {
        let file = if n == 1 {
            format!("{name}.txt")
        } else {
            format!("{name}-{n}.txt")
        };
        let path = dir.join(file);
        match file::write_atomic(&path, text.as_bytes(), false) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => return other.map(|()| path),
        }
    }
    Err(io::Error::other(
        "too many unsent letters with the same name",
    ))
}
