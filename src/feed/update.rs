//! Updating one feed: fetch `index.json` and its signature, verify the
//! signature with a pinned key before reading anything, then parse; refuse
//! an expired index or a replayed older one; fetch every file, check its
//! SHA-256 and each action as any action file from a stranger; stage it
//! all in a new folder beside the installed copy and swap it in. Until the
//! swap nothing installed has changed, so any failure leaves the copy as
//! it was.

use std::borrow::Cow;
use std::fs;
use std::path::Path;
use std::time::Duration;

use chrono::Utc;

use super::fetch::{Failure, Fetcher, Source};
use super::index::{Index, Item};
use super::store::{Installed, STATE_FILE, State, Subscription, copies_dir, swap_in};
use super::{MAX_FEED_BYTES, MAX_INDEX_BYTES, MAX_SIGNATURE_BYTES};
use crate::action::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use crate::history::sha256_hex;
use crate::library::{ActionFiles, MAX_ACTION_BYTES, SourceFile};

/// What an update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The feed's sequence is the one installed: nothing changed.
    Unchanged { sequence: u64 },
    /// A new publication was installed.
    Installed(Changes),
}

/// What a new publication changed, by action id in the feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub sequence: u64,
    /// The sequence installed before, if any.
    pub previous: Option<u64>,
    pub new: Vec<String>,
    pub updated: Vec<String>,
    /// Newly closed (and new actions that arrive closed).
    pub closed: Vec<String>,
    /// No longer in the feed.
    pub removed: Vec<String>,
    /// `(action, what it gives further information on)`.
    pub supersedes: Vec<(String, String)>,
}

/// Fetches, checks and installs feed `sub`. `timeout` bounds each download.
pub fn update(sub: &Subscription, timeout: Duration) -> Result<Outcome> {
    let source = sub.source()?;
    let root = copies_dir().ok_or_else(|| Error::Io {
        doing: crate::ui::tr!("feed-doing-update", feed = sub.name.as_str()),
        message: crate::ui::tr!("feed-no-folder"),
    })?;
    let io = |e: std::io::Error| Error::Io {
        doing: crate::ui::tr!("feed-doing-update", feed = sub.name.as_str()),
        message: e.to_string(),
    };
    crate::fs::make_private_dir(&root).map_err(io)?;
    // One update of a feed at a time: the second waits for the first.
    let lock = fs::File::create(root.join(format!(".{}.lock", sub.name))).map_err(io)?;
    lock.lock().map_err(io)?;
    let previous = Installed::read(&sub.name)?;
    let mut run = Run {
        sub,
        source,
        fetcher: Fetcher::new(timeout),
    };
    let (bytes, index) = run.fetch_index()?;
    if Utc::now() > index.expires() {
        return Err(Error::File {
            path: run.at("index.json"),
            message: crate::ui::msg!("feed-expired", expires = index.publication.expires.as_str()),
        });
    }
    let sequence = index.publication.sequence;
    if let Some(previous) = &previous {
        if sequence < previous.state.sequence {
            return Err(Error::File {
                path: run.at("index.json"),
                message: crate::ui::msg!(
                    "feed-replayed",
                    sequence = sequence,
                    installed = previous.state.sequence
                ),
            });
        }
        if sequence == previous.state.sequence {
            let mut checked = previous.clone();
            checked.state.checked = Utc::now();
            checked.save_state().map_err(io)?;
            return Ok(Outcome::Unchanged { sequence });
        }
    }
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{}-", sub.name))
        .tempdir_in(&root)
        .map_err(io)?;
    run.stage_files(&index, previous.as_ref(), staging.path())?;
    let now = Utc::now();
    let state = State {
        sequence,
        installed: now,
        checked: now,
    };
    let state_text = crate::json::pretty(&state);
    for (name, content) in [
        ("index.json", &bytes.0[..]),
        ("index.json.minisig", &bytes.1[..]),
        (STATE_FILE, state_text.as_bytes()),
    ] {
        fs::write(staging.path().join(name), content).map_err(io)?;
    }
    let staged = staging.keep();
    let old = swap_in(&staged, &root.join(&sub.name)).map_err(|e| {
        let _ = fs::remove_dir_all(&staged);
        io(e)
    })?;
    if let Some(old) = old {
        // The new copy is in place; what is left is the old one's.
        let _ = fs::remove_dir_all(old);
    }
    Ok(Outcome::Installed(changes(
        previous.as_ref().map(|p| &p.index),
        &index,
    )))
}

/// `index.json` and its signature as fetched, and the index they make.
type Fetched = ((Vec<u8>, Vec<u8>), Index);

/// One feed being updated: where it is, and its downloads so far.
struct Run<'a> {
    sub: &'a Subscription,
    source: Source,
    fetcher: Fetcher,
}

impl Run<'_> {
    /// `feed `lyon`, https://…/index.json`: a file of the feed, in messages.
    fn at(&self, rel: &str) -> String {
        crate::ui::tr!(
            "feed-file",
            feed = self.sub.name.as_str(),
            path = self.source.locate(rel)
        )
    }

    /// The file at `rel`, or why not: the feed refused (exit code 3), or
    /// the way to it failed (exit code 1).
    fn get(&mut self, rel: &str, limit: u64) -> Result<Vec<u8>> {
        self.fetcher
            .get(&self.source, rel, limit)
            .map_err(|failure| self.fetch_error(failure, rel))
    }

    fn fetch_error(&self, failure: Failure, rel: &str) -> Error {
        if failure.is_refusal() {
            Error::File {
                path: self.at(rel),
                message: failure.message().into(),
            }
        } else {
            Error::Io {
                doing: crate::ui::tr!(
                    "feed-doing-fetch",
                    feed = self.sub.name.as_str(),
                    what = self.source.locate(rel)
                ),
                message: failure.message(),
            }
        }
    }

    /// Fetches the index and its signature, verifies it, then parses it.
    fn fetch_index(&mut self) -> Result<Fetched> {
        // No index at all is a feed not reached (a moved address, a drive
        // not plugged in), not a feed refused.
        let index = match self
            .fetcher
            .get(&self.source, "index.json", MAX_INDEX_BYTES)
        {
            Err(Failure::Missing) => {
                return Err(Error::Io {
                    doing: crate::ui::tr!(
                        "feed-doing-fetch",
                        feed = self.sub.name.as_str(),
                        what = self.source.locate("index.json")
                    ),
                    message: Failure::Missing.message(),
                });
            }
            other => other.map_err(|f| self.fetch_error(f, "index.json"))?,
        };
        let sig = "index.json.minisig";
        let signature = match self.fetcher.get(&self.source, sig, MAX_SIGNATURE_BYTES) {
            Err(Failure::Missing) => {
                return Err(Error::File {
                    path: self.at(sig),
                    message: crate::ui::msg!("feed-signature-missing"),
                });
            }
            other => other.map_err(|f| self.fetch_error(f, sig))?,
        };
        super::verify::verify(&index, &signature, &self.sub.keys).map_err(|message| {
            Error::File {
                path: self.at(sig),
                message: message.into(),
            }
        })?;
        let parsed = Index::parse(&index, &self.at("index.json"))?;
        Ok(((index, signature), parsed))
    }

    /// Writes every file of the index into `staging`, each checked against
    /// its SHA-256, and checks each action. A file the installed copy
    /// already has, with the same hash, is taken from it rather than
    /// downloaded.
    fn stage_files(
        &mut self,
        index: &Index,
        previous: Option<&Installed>,
        staging: &Path,
    ) -> Result<()> {
        let mut total: u64 = 0;
        for item in &index.items {
            let mut texts = Vec::with_capacity(item.action.files.len());
            let mut action_bytes: u64 = 0;
            for file in &item.action.files {
                let bytes = match previous.and_then(|p| kept(p, &file.path, &file.sha256)) {
                    Some(bytes) => bytes,
                    None => self.get(&file.path, MAX_FILE_BYTES)?,
                };
                let refused = |message: crate::ui::Message| Error::File {
                    path: self.at(&file.path),
                    message,
                };
                let sha = sha256_hex(&bytes);
                if sha != file.sha256 {
                    return Err(refused(crate::ui::msg!(
                        "feed-sha-mismatch",
                        expected = file.sha256.as_str(),
                        found = sha
                    )));
                }
                total += bytes.len() as u64;
                action_bytes += bytes.len() as u64;
                if total > MAX_FEED_BYTES || action_bytes > MAX_ACTION_BYTES {
                    return Err(refused(crate::ui::msg!(
                        "feed-too-large",
                        feed_mib = MAX_FEED_BYTES >> 20,
                        action_mib = MAX_ACTION_BYTES >> 20
                    )));
                }
                let text = String::from_utf8(bytes).map_err(|e| {
                    refused(crate::ui::msg!(
                        "library-not-utf8",
                        offset = e.utf8_error().valid_up_to()
                    ))
                })?;
                let dest = staging.join(&file.path);
                dest.parent()
                    .map_or(Ok(()), fs::create_dir_all)
                    .and_then(|()| fs::write(&dest, &text))
                    .map_err(|e| refused(crate::ui::Message::from(e.to_string())))?;
                texts.push(text);
            }
            self.check_action(item, texts)?;
        }
        Ok(())
    }

    /// Checks an action as one from any stranger: it parses, with its
    /// translations, under the rules of every action file (limits, text,
    /// fields), and its letters' templates compile.
    fn check_action(&self, item: &Item, texts: Vec<String>) -> Result<()> {
        let mut sources = item.action.files.iter().zip(texts).map(|(file, text)| {
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            let lang = name
                .strip_prefix(&item.id)
                .and_then(|r| r.strip_prefix('.'))
                .and_then(|r| r.strip_suffix(".yaml"))
                .map(str::to_string);
            SourceFile::new(lang, self.at(&file.path), None, Cow::Owned(text))
        });
        let main = sources
            .next()
            .expect("`Index::parse` refuses an item with no files");
        let files = ActionFiles {
            id: item.id.clone(),
            named_lang: None,
            main,
            translations: sources.collect(),
        };
        let action = files.parse()?;
        let renderer = crate::letter::Renderer::new(&action, Utc::now().date_naive());
        for lang in action.letters.keys() {
            renderer.prepare(lang)?;
        }
        Ok(())
    }
}

/// The bytes of `path` in the installed copy, if they have hash `sha256`.
fn kept(copy: &Installed, path: &str, sha256: &str) -> Option<Vec<u8>> {
    let bytes = fs::read(copy.dir.join(path)).ok()?;
    (bytes.len() as u64 <= MAX_FILE_BYTES && sha256_hex(&bytes) == sha256).then_some(bytes)
}

/// What changed from the `before` index to `after`.
fn changes(before: Option<&Index>, after: &Index) -> Changes {
    let mut changes = Changes {
        sequence: after.publication.sequence,
        previous: before.map(|b| b.publication.sequence),
        ..Changes::default()
    };
    for item in &after.items {
        let old = before.and_then(|b| b.item(&item.id));
        match old {
            None => changes.new.push(item.id.clone()),
            Some(old)
                if old.action.files != item.action.files
                    || old.date_modified != item.date_modified =>
            {
                changes.updated.push(item.id.clone());
            }
            Some(_) => {}
        }
        if item.closed() && !old.is_some_and(Item::closed) {
            changes.closed.push(item.id.clone());
        }
        if let Some(earlier) = &item.action.supersedes
            && old.is_none_or(|o| o.action.supersedes.as_ref() != Some(earlier))
        {
            changes.supersedes.push((item.id.clone(), earlier.clone()));
        }
    }
    if let Some(before) = before {
        changes.removed = before
            .items
            .iter()
            .filter(|i| after.item(&i.id).is_none())
            .map(|i| i.id.clone())
            .collect();
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(sequence: u64, items: &[(&str, &str, &str, Option<&str>)]) -> Index {
        let items: Vec<String> = items
            .iter()
            .map(|(id, status, sha, supersedes)| {
                let supersedes =
                    supersedes.map_or(String::new(), |s| format!(r#", "supersedes": "{s}""#));
                format!(
                    r#"{{"id": "{id}", "title": "T", "_appeal": {{"status": "{status}",
                    "files": [{{"path": "actions/{id}.yaml", "sha256": "{}"}}]{supersedes}}}}}"#,
                    sha.repeat(64)
                )
            })
            .collect();
        let text = format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "F",
            "_appeal": {{"version": 1, "sequence": {sequence}, "expires": "2030-01-01T00:00:00Z"}},
            "items": [{}]}}"#,
            items.join(",")
        );
        Index::parse(text.as_bytes(), "index.json").unwrap()
    }

    #[test]
    fn changes_name_new_updated_closed_removed_and_further_information() {
        let before = index(
            1,
            &[
                ("a", "active", "a", None),
                ("b", "active", "b", None),
                ("c", "active", "c", None),
            ],
        );
        let after = index(
            2,
            &[
                ("a", "active", "a", None),
                ("b", "active", "d", None),
                ("c", "closed", "c", None),
                ("e", "active", "e", Some("a")),
            ],
        );
        let c = changes(Some(&before), &after);
        assert_eq!(c.previous, Some(1));
        assert_eq!(c.new, ["e"]);
        assert_eq!(c.updated, ["b"]);
        assert_eq!(c.closed, ["c"]);
        assert!(c.removed.is_empty());
        assert_eq!(c.supersedes, [("e".to_string(), "a".to_string())]);
        let first = changes(None, &before);
        assert_eq!(first.new, ["a", "b", "c"]);
        assert_eq!(changes(Some(&after), &before).removed, ["e"]);
    }
}
