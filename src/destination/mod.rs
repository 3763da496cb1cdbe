//! Where a letter's bytes go: stdout, a file, the clipboard, or for a batch
//! a folder or a stream. Files are written through [`crate::fs`] (atomic,
//! never replaced without `--force`); this module adds what letters need: a
//! closed pipe ends output quietly, and a letter that can't go where it was
//! asked is saved in the rescue folder, with its path reported.

pub mod clipboard;
pub mod folder;
pub mod names;
pub mod stdout;

use std::io;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fs::{Output, make_new_private_dir, make_private_dir, write_atomic};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
    Clipboard,
}

/// `-o -` is stdout, `-o FILE` a file.
impl From<Output> for Destination {
    fn from(output: Output) -> Destination {
        match output {
            Output::Stdout => Destination::Stdout,
            Output::File(path) => Destination::File(path),
        }
    }
}

/// Delivers `bytes`; `name` (`cecot-2026-11-28.txt`) names the rescue file if needed.
pub fn deliver(bytes: &[u8], destination: &Destination, force: bool, name: &str) -> Result<()> {
    let reason = match destination {
        Destination::Stdout => match stdout::write(bytes) {
            Ok(()) => return Ok(()),
            Err(e) => crate::ui::tr!("delivery-stdout-failed", error = e.to_string()),
        },
        Destination::File(path) => match write_atomic(path, bytes, force) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Error::Exists { path: path.clone() }.to_string()
            }
            Err(e) => crate::ui::tr!(
                "delivery-not-written",
                path = path.display().to_string(),
                error = e.to_string()
            ),
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

/// The folders where letters that could not be delivered are kept, in
/// order: `$XDG_DATA_HOME/appeal/unsent`, else the system's temporary
/// folder. Each is made only when the one before it could not be: a
/// rescue never leaves an empty folder in the shared temporary one.
fn rescue_dirs() -> impl Iterator<Item = PathBuf> {
    dirs::data_local_dir()
        .map(|d| d.join("appeal").join("unsent"))
        .into_iter()
        .chain(std::iter::once_with(|| {
            std::env::temp_dir().join("appeal-unsent")
        }))
        .filter(|dir| make_rescue_dir(dir).is_ok())
}

/// Saves `bytes` as a new file in the first rescue folder that takes it.
/// `name` is the file name wanted (`cecot-2026-11-28.txt`).
pub fn rescue(bytes: &[u8], name: &str) -> io::Result<PathBuf> {
    let mut last = io::Error::other(crate::ui::tr!("delivery-no-rescue-folder"));
    for dir in rescue_dirs() {
        match save_new(&dir, name, bytes) {
            Ok(path) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// A new folder of its own in the rescue folder, for a batch's letters:
/// `STEM`, or `STEM-2`, … if that is taken.
pub fn rescue_folder(stem: &str) -> io::Result<PathBuf> {
    let mut last = io::Error::other(crate::ui::tr!("delivery-no-rescue-folder"));
    for dir in rescue_dirs() {
        if let Err(e) = make_private_dir(&dir) {
            last = e;
            continue;
        }
        for n in 1..1000 {
            let path = match n {
                1 => dir.join(stem),
                n => dir.join(format!("{stem}-{n}")),
            };
            match make_new_private_dir(&path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    last = e;
                    break;
                }
            }
        }
    }
    Err(last)
}

/// Makes a rescue folder. In the shared temporary folder, one that is
/// already there must be a folder (not a link), ours, and closed to others:
/// another user could have made it first, to read or swap our letters.
fn make_rescue_dir(dir: &Path) -> io::Result<()> {
    make_private_dir(dir)?;
    if !dir.starts_with(std::env::temp_dir()) {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let there = std::fs::symlink_metadata(dir)?;
        // A file we make now is owned by whoever we run as.
        let me = tempfile::tempfile_in(dir)
            .and_then(|f| f.metadata())
            .map(|m| m.uid())?;
        if !there.is_dir() || there.uid() != me || there.mode() & 0o077 != 0 {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                crate::ui::tr!("delivery-not-private", folder = dir.display().to_string()),
            ));
        }
    }
    Ok(())
}

/// Writes `bytes` to `DIR/NAME`, or `STEM-2.EXT`, … if that exists.
fn save_new(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    make_private_dir(dir)?;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "txt"));
    for n in 1..1000 {
        let file = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(file);
        match write_atomic(&path, bytes, false) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => return other.map(|()| path),
        }
    }
    Err(io::Error::other(crate::ui::tr!("delivery-too-many-unsent")))
}
