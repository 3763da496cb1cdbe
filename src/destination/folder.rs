//! A folder of letters, for a batch: one file per letter, each name given
//! once in a run, written atomically and never over a file that is there
//! unless asked, nor through a link or into a FIFO planted there. A letter
//! that can't be written in the folder, an existing file's name included,
//! is kept in a rescue folder of its own, and the run then ends with its
//! path (exit 4), as a single letter does.

use std::io;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use super::names::Names;
use crate::fs::{make_private_dir, write_entry};

pub struct Folder {
    dir: PathBuf,
    names: Names,
    force: bool,
    /// Why the folder itself can't take letters, when it can't.
    unusable: Option<String>,
    /// The first reason a letter went to the rescue folder.
    trouble: Option<String>,
    /// Names the run's rescue folder (`cecot-2026-11-29`).
    rescue_stem: String,
    rescue: Option<PathBuf>,
    rescued: usize,
}

/// What became of one letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    Written,
    /// It went to the rescue folder: the folder could not take it, or a
    /// file of its name was there (without `--force`).
    Rescued,
}

impl Folder {
    /// The folder `dir`, made if needed (readable by its owner only). A
    /// folder that can't be made is not an error yet: the letters then go
    /// to the rescue folder.
    pub fn open(dir: &Path, force: bool, rescue_stem: &str, names: Names) -> Result<Folder> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::File {
                path: dir.display().to_string(),
                message: crate::ui::msg!("delivery-out-dir-is-file"),
            });
        }
        let unusable = make_private_dir(dir).err().map(|e| {
            crate::ui::tr!(
                "delivery-folder-not-made",
                folder = dir.display().to_string(),
                error = e.to_string()
            )
        });
        Ok(Folder {
            dir: dir.to_path_buf(),
            names,
            force,
            unusable,
            trouble: None,
            rescue_stem: rescue_stem.to_string(),
            rescue: None,
            rescued: 0,
        })
    }

    /// Writes the letter of row `row` under `name` (made unique in this
    /// run). `Err` only when it could be written neither here nor in the
    /// rescue folder.
    pub fn put(
        &mut self,
        row: usize,
        name: &str,
        bytes: &[u8],
    ) -> std::result::Result<Put, String> {
        let name = self.names.claim(row, name);
        let reason = match &self.unusable {
            Some(reason) => reason.clone(),
            None => {
                let path = self.dir.join(&name);
                match write_entry(&path, bytes, self.force) {
                    Ok(()) => return Ok(Put::Written),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                        Error::Exists { path }.to_string()
                    }
                    Err(e) => crate::ui::tr!(
                        "delivery-not-written",
                        path = path.display().to_string(),
                        error = e.to_string()
                    ),
                }
            }
        };
        let rescue = match &self.rescue {
            Some(dir) => dir.clone(),
            None => {
                let dir = super::rescue_folder(&self.rescue_stem).map_err(|e| {
                    crate::ui::tr!(
                        "delivery-not-kept",
                        reason = reason.as_str(),
                        error = e.to_string()
                    )
                })?;
                self.rescue.insert(dir).clone()
            }
        };
        write_entry(&rescue.join(&name), bytes, false).map_err(|e| {
            crate::ui::tr!(
                "delivery-not-kept-in",
                reason = reason.as_str(),
                folder = rescue.display().to_string(),
                error = e.to_string()
            )
        })?;
        self.trouble.get_or_insert(reason);
        self.rescued += 1;
        Ok(Put::Rescued)
    }

    /// Ends the run: an error naming the rescue folder if any letter went there.
    pub fn finish(self) -> Result<()> {
        match (self.rescue, self.trouble) {
            (Some(saved), Some(reason)) if self.rescued > 0 => Err(Error::Rescued {
                reason,
                count: self.rescued,
                saved,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // An existing file's letter goes to the rescue folder, in the user's
    // data folder: `tests/hostile_files.rs` shows that, in a sandbox.
    #[test]
    fn names_repeat_as_numbered_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut folder = Folder::open(dir.path(), false, "t", Names::default()).unwrap();
        assert_eq!(folder.put(1, "a.txt", b"1").unwrap(), Put::Written);
        assert_eq!(folder.put(2, "a.txt", b"2").unwrap(), Put::Written);
        assert_eq!(std::fs::read(dir.path().join("a-2.txt")).unwrap(), b"2");
        assert!(folder.finish().is_ok());
    }
}
