//! Where feeds are kept. The subscriptions (each feed's name, source and
//! pinned keys) are in `$XDG_CONFIG_HOME/appeal/feeds.yaml`, readable only
//! by its owner, beside `config.yaml` rather than in it: a broken
//! `config.yaml` is passed over with a warning so that it never stops a
//! letter, but a broken list of pinned keys must stop `update`. Each feed's
//! installed copy is a folder of its own, `$XDG_DATA_HOME/appeal/feeds/NAME/`:
//! the feed exactly as published (so it can be passed on as it is), and
//! `.appeal-feed.json`, what `update` remembers of it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::fetch::Source;
use super::index::Index;
use crate::config::{read_settings, write_settings};
use crate::error::{Error, Result};
use crate::fs::write_atomic;
use crate::library::{closest, read_limited};

/// `feeds.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscriptions {
    /// In the order they were added: an earlier feed keeps a bare id that
    /// a later one also has.
    #[serde(default)]
    pub feeds: Vec<Subscription>,
}

/// One feed a member follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    pub name: String,
    /// An `https://` URL, or a folder.
    pub source: String,
    /// Minisign public keys, in base64 (`RW…`); a signature by any one of
    /// them is accepted.
    pub keys: Vec<String>,
}

impl Subscription {
    pub fn source(&self) -> Result<Source> {
        Source::parse(&self.source).map_err(|message| self.wrong("source", message))
    }

    fn wrong(&self, field: &str, message: String) -> Error {
        Error::Field {
            path: subscriptions_path()
                .map_or_else(|| "feeds.yaml".to_string(), |p| p.display().to_string()),
            field: format!("{}.{field}", self.name),
            message: message.into(),
        }
    }
}

/// `$XDG_CONFIG_HOME/appeal/feeds.yaml`.
pub fn subscriptions_path() -> Option<PathBuf> {
    crate::config::path().and_then(|p| Some(p.parent()?.join("feeds.yaml")))
}

impl Subscriptions {
    /// Reads `feeds.yaml`; none is no feeds. A name, source or key that is
    /// wrong (a hand edit) is an error, as in any input file.
    pub fn load() -> Result<Subscriptions> {
        let subs: Subscriptions = read_settings(subscriptions_path().as_deref())?;
        for (n, feed) in subs.feeds.iter().enumerate() {
            super::check_name(&feed.name).map_err(|e| feed.wrong("name", e.to_string()))?;
            if subs.feeds[..n].iter().any(|f| f.name == feed.name) {
                return Err(feed.wrong("name", crate::ui::tr!("feed-index-twice")));
            }
            feed.source()?;
            if feed.keys.is_empty() {
                return Err(feed.wrong("keys", crate::ui::tr!("feed-no-keys")));
            }
            for key in &feed.keys {
                if minisign_verify::PublicKey::from_base64(key).is_err() {
                    return Err(feed.wrong("keys", crate::ui::tr!("feed-key-not-key")));
                }
            }
        }
        Ok(subs)
    }

    /// Writes `feeds.yaml` atomically, readable by its owner only.
    pub fn save(&self) -> Result<PathBuf> {
        let path = subscriptions_path().ok_or_else(|| Error::Io {
            doing: crate::ui::tr!("feed-doing-save"),
            message: crate::ui::tr!("feed-no-folder"),
        })?;
        let comment = "# The feeds `appeal update` fetches, with the keys their index must be signed with.\n\
             # `appeal feed add` and `appeal feed remove` edit this file.\n";
        write_settings(&path, comment, self)?;
        Ok(path)
    }

    pub fn get(&self, name: &str) -> Option<&Subscription> {
        self.feeds.iter().find(|f| f.name == name)
    }

    /// The feed named `name`, or a usage error that suggests a close name.
    pub fn find(&self, name: &str) -> Result<&Subscription> {
        self.get(name).ok_or_else(|| {
            let names = self.feeds.iter().map(|f| f.name.as_str());
            Error::Usage(match closest(name, names) {
                Some(close) => crate::ui::msg!("feed-unknown-suggest", name = name, close = close),
                None if self.feeds.is_empty() => crate::ui::msg!("feed-none", name = name),
                None => crate::ui::msg!(
                    "feed-unknown",
                    name = name,
                    feeds = self
                        .feeds
                        .iter()
                        .map(|f| f.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
        })
    }
}

/// `$XDG_DATA_HOME/appeal/feeds`: one folder per installed feed.
pub fn copies_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("appeal").join("feeds"))
}

/// What `update` remembers of an installed copy, in the copy itself, so
/// that the two change together.
pub const STATE_FILE: &str = ".appeal-feed.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The sequence of the index installed: a lower one is refused.
    pub sequence: u64,
    /// When this copy was installed.
    pub installed: DateTime<Utc>,
    /// When `update` last found the feed as it is (changed or not).
    pub checked: DateTime<Utc>,
}

/// A feed's installed copy.
#[derive(Debug, Clone)]
pub struct Installed {
    pub name: String,
    pub dir: PathBuf,
    pub index: Index,
    pub state: State,
}

impl Installed {
    /// The installed copy of feed `name`, if it has one. It was checked
    /// when it was installed; it is read again with the same rules.
    pub fn read(name: &str) -> Result<Option<Installed>> {
        let Some(dir) = copies_dir().map(|d| d.join(name)) else {
            return Ok(None);
        };
        let state_path = dir.join(STATE_FILE);
        if !state_path.is_file() {
            return Ok(None);
        }
        let state: State =
            serde_json::from_str(&read_limited(&state_path)?).map_err(|e| Error::File {
                path: state_path.display().to_string(),
                message: e.to_string().into(),
            })?;
        let index_path = dir.join("index.json");
        let index = Index::parse(
            read_limited(&index_path)?.as_bytes(),
            &index_path.display().to_string(),
        )?;
        Ok(Some(Installed {
            name: name.to_string(),
            dir,
            index,
            state,
        }))
    }

    /// Writes the state again: the feed was checked and had not changed.
    pub fn save_state(&self) -> io::Result<()> {
        let text = crate::json::pretty(&self.state);
        write_atomic(&self.dir.join(STATE_FILE), text.as_bytes(), true)
    }
}

/// Puts the folder `staged` at `dest` in one step, and returns where the
/// folder that was at `dest` now is, for the caller to remove. A reader
/// sees the old folder or the new one, never a mix: on Linux the two are
/// exchanged (`renameat2` with `RENAME_EXCHANGE`); elsewhere, or on a file
/// system that can't, the old one is renamed aside and the new one into its
/// place, with a moment in between when `dest` is missing.
pub fn swap_in(staged: &Path, dest: &Path) -> io::Result<Option<PathBuf>> {
    match fs::symlink_metadata(dest) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::rename(staged, dest)?;
            return Ok(None);
        }
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    #[cfg(target_os = "linux")]
    if exchange(staged, dest).is_ok() {
        return Ok(Some(staged.to_path_buf()));
    }
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    let aside = dest.with_file_name(format!(".{name}-old-{}", std::process::id()));
    fs::rename(dest, &aside)?;
    if let Err(e) = fs::rename(staged, dest) {
        let _ = fs::rename(&aside, dest);
        return Err(e);
    }
    Ok(Some(aside))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are NUL-terminated paths that live across the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_swapped_in_whole_and_the_old_one_handed_back() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("lyon");
        let staged = dir.path().join(".lyon-new");
        fs::create_dir(&staged).unwrap();
        fs::write(staged.join("index.json"), b"one").unwrap();
        assert_eq!(swap_in(&staged, &dest).unwrap(), None);
        assert_eq!(fs::read(dest.join("index.json")).unwrap(), b"one");

        fs::create_dir(&staged).unwrap();
        fs::write(staged.join("index.json"), b"two").unwrap();
        let old = swap_in(&staged, &dest).unwrap().expect("the old copy");
        assert_eq!(fs::read(dest.join("index.json")).unwrap(), b"two");
        assert_eq!(fs::read(old.join("index.json")).unwrap(), b"one");
    }
}
