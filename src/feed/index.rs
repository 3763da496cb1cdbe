//! The published format: `index.json`, a JSON Feed 1.1 document with an
//! `_appeal` extension at the top and on each item. Read only after its
//! signature has been verified, and then checked field by field: ids, paths
//! and hashes come from a stranger.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{MAX_ID_LEN, MAX_ITEMS};
use crate::error::{Error, Result};
use crate::library::MAX_TRANSLATIONS;
use crate::text::{Shape, first_refused};

/// The JSON Feed version `publish` writes; `https://jsonfeed.org/version/1`
/// is read too.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// The version of the `_appeal` extension this program reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// `index.json`. Unknown fields are ignored, so that the format can grow.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Index {
    pub version: String,
    pub title: String,
    #[serde(rename = "_appeal")]
    pub publication: Publication,
    pub items: Vec<Item>,
}

/// `_appeal` at the top: which publication this is, and until when it holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Publication {
    pub version: u32,
    /// Grows with every publication: a lower one is a replayed old index.
    pub sequence: u64,
    /// RFC 3339; past it the index is refused, so an old one can't be
    /// served for ever.
    pub expires: String,
}

/// One action.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// JSON Feed asks for a text or HTML content: the action's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<String>,
    #[serde(rename = "_appeal")]
    pub action: ItemAction,
}

/// `_appeal` on an item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemAction {
    pub status: Status,
    /// `YYYY-MM-DD`, for readers of the index alone; the action file's own
    /// deadline is the one appeal uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The action file first (`actions/ID.yaml`), then its translations
    /// (`actions/ID.LANG.yaml`), in one folder.
    pub files: Vec<FileEntry>,
    /// The action this one gives further information on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Closed,
}

/// A file of the feed and the SHA-256 of its bytes, in hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub sha256: String,
}

impl Index {
    /// Parses and checks verified bytes; `shown` names the file in errors.
    pub fn parse(bytes: &[u8], shown: &str) -> Result<Index> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let index: Index = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let field = e.path().to_string();
            let inner = e.into_inner();
            Error::Yaml {
                path: shown.to_string(),
                line: inner.line() as u64,
                column: inner.column() as u64,
                message: if field == "." {
                    crate::ui::Message::from(inner.to_string())
                } else {
                    format!("{field}: {inner}").into()
                },
            }
        })?;
        index.check(shown)?;
        Ok(index)
    }

    /// When the index stops being accepted.
    pub fn expires(&self) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&self.publication.expires)
            .expect("`check` accepted only an RFC 3339 time")
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    fn check(&self, shown: &str) -> Result<()> {
        let fail = |field: &str, message: crate::ui::Message| Error::Field {
            path: shown.to_string(),
            field: field.to_string(),
            message,
        };
        if !self.version.starts_with("https://jsonfeed.org/version/1") {
            return Err(fail(
                "version",
                crate::ui::msg!("feed-index-not-json-feed", version = self.version.as_str()),
            ));
        }
        if self.publication.version != FORMAT_VERSION {
            return Err(fail(
                "_appeal.version",
                crate::ui::msg!(
                    "feed-index-format-version",
                    found = self.publication.version,
                    known = FORMAT_VERSION
                ),
            ));
        }
        if DateTime::parse_from_rfc3339(&self.publication.expires).is_err() {
            return Err(fail(
                "_appeal.expires",
                crate::ui::msg!("feed-index-not-time"),
            ));
        }
        check_line(&self.title).map_err(|m| fail("title", crate::ui::Message::from(m)))?;
        if self.items.len() > MAX_ITEMS {
            return Err(fail(
                "items",
                crate::ui::msg!("feed-index-too-many", max = MAX_ITEMS),
            ));
        }
        let mut ids = BTreeSet::new();
        let mut paths = BTreeSet::new();
        for (n, item) in self.items.iter().enumerate() {
            let at = |field: &str| format!("items[{n}].{field}");
            item.check()
                .map_err(|(field, message)| fail(&at(&field), message))?;
            if !ids.insert(item.id.as_str()) {
                return Err(fail(&at("id"), crate::ui::msg!("feed-index-twice")));
            }
            for (f, file) in item.action.files.iter().enumerate() {
                if !paths.insert(file.path.as_str()) {
                    return Err(fail(
                        &at(&format!("_appeal.files[{f}].path")),
                        crate::ui::msg!("feed-index-twice"),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Item {
    /// The first wrong field of the item, by its name within the item.
    fn check(&self) -> Result<(), (String, crate::ui::Message)> {
        let fail =
            |field: &str, message: String| (field.to_string(), crate::ui::Message::from(message));
        check_id(&self.id).map_err(|m| fail("id", m))?;
        check_line(&self.title).map_err(|m| fail("title", m))?;
        if let Some(old) = &self.action.supersedes {
            check_id(old).map_err(|m| fail("_appeal.supersedes", m))?;
        }
        for (field, date) in [
            ("date_published", &self.date_published),
            ("date_modified", &self.date_modified),
        ] {
            if date
                .as_deref()
                .is_some_and(|d| DateTime::parse_from_rfc3339(d).is_err())
            {
                return Err(fail(field, crate::ui::tr!("feed-index-not-time")));
            }
        }
        if let Some(deadline) = &self.action.deadline
            && NaiveDate::parse_from_str(deadline, "%Y-%m-%d").is_err()
        {
            return Err(fail(
                "_appeal.deadline",
                crate::ui::tr!("feed-index-not-date"),
            ));
        }
        let files = &self.action.files;
        if files.is_empty() || files.len() > MAX_TRANSLATIONS + 1 {
            return Err(fail(
                "_appeal.files",
                crate::ui::tr!("feed-index-files-count", max = MAX_TRANSLATIONS + 1),
            ));
        }
        let folder = files[0].path.rsplit_once('/').map_or("", |(dir, _)| dir);
        for (n, file) in files.iter().enumerate() {
            let at = |field: &str| format!("_appeal.files[{n}].{field}");
            check_path(&file.path).map_err(|m| fail(&at("path"), m))?;
            if !is_sha256(&file.sha256) {
                return Err(fail(&at("sha256"), crate::ui::tr!("feed-index-not-sha256")));
            }
            let (dir, name) = file.path.rsplit_once('/').unwrap_or(("", &file.path));
            let named = if n == 0 {
                name == format!("{}.yaml", self.id)
            } else {
                name.strip_prefix(&self.id)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .and_then(|rest| rest.strip_suffix(".yaml"))
                    .is_some_and(|lang| !lang.is_empty() && !lang.contains('.'))
            };
            if !named || dir != folder {
                return Err(fail(
                    &at("path"),
                    crate::ui::tr!("feed-index-file-name", id = self.id.as_str()),
                ));
            }
        }
        Ok(())
    }

    /// The folder of the item's files, relative to the feed's (`actions`).
    pub fn folder(&self) -> &str {
        self.action.files[0]
            .path
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
    }

    pub fn closed(&self) -> bool {
        self.action.status == Status::Closed
    }
}

/// An id from a feed: the id rule of action files, and a length.
fn check_id(id: &str) -> Result<(), String> {
    if id.len() > MAX_ID_LEN {
        return Err(crate::ui::tr!("feed-index-id-long", max = MAX_ID_LEN));
    }
    crate::commands::new::check_id(id).map_err(|e| e.to_string())
}

/// A title: one line, nothing hidden.
fn check_line(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(crate::ui::tr!("feed-index-empty"));
    }
    match first_refused(text, Shape::Line) {
        Some(refused) => Err(refused.what()),
        None => Ok(()),
    }
}

/// A path in the feed: relative, inside the folder, and the same on every
/// system. No `..`, `.` or empty part, nothing absolute, no backslash or
/// colon (Windows reads those as separators and drives), no part starting
/// with a dot (the index's own files and hidden ones), nothing hidden.
pub fn check_path(path: &str) -> Result<(), String> {
    let refuse = || Err(crate::ui::tr!("feed-index-bad-path", path = path));
    if path.is_empty() || path.len() > 400 || path.contains(['\\', ':']) {
        return refuse();
    }
    if first_refused(path, Shape::Line).is_some() {
        return refuse();
    }
    if path
        .split('/')
        .any(|part| part.is_empty() || part.starts_with('.'))
    {
        return refuse();
    }
    Ok(())
}

fn is_sha256(hex: &str) -> bool {
    hex.len() == 64
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn index_with(files: &str, extra: &str) -> String {
        format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Lyon",
              "_appeal": {{"version": 1, "sequence": 3, "expires": "2030-01-01T00:00:00Z"}},
              "items": [{{"id": "river", "title": "Free the river keepers"{extra},
                "_appeal": {{"status": "active", "files": {files}}}}}]}}"#
        )
    }

    fn files(paths: &[&str]) -> String {
        let list: Vec<String> = paths
            .iter()
            .map(|p| format!(r#"{{"path": "{p}", "sha256": "{SHA}"}}"#))
            .collect();
        format!("[{}]", list.join(", "))
    }

    #[test]
    fn a_well_formed_index_parses_and_ignores_unknown_fields() {
        let text = index_with(
            &files(&["actions/river.yaml", "actions/river.es.yaml"]),
            r#", "future": {"x": 1}"#,
        );
        let index = Index::parse(text.as_bytes(), "index.json").expect("it parses");
        assert_eq!(index.publication.sequence, 3);
        assert_eq!(index.items[0].folder(), "actions");
        assert!(!index.items[0].closed());
    }

    #[test]
    fn paths_that_leave_the_folder_or_hide_are_refused() {
        for bad in [
            "../river.yaml",
            "/etc/river.yaml",
            "actions/../../river.yaml",
            "actions\\river.yaml",
            "C:river.yaml",
            "actions//river.yaml",
            ".appeal-feed.json",
            "actions/./river.yaml",
            "actions/\u{202e}river.yaml",
        ] {
            assert!(check_path(bad).is_err(), "{bad:?} is refused");
        }
        assert!(check_path("actions/2025/river.yaml").is_ok());
    }

    #[test]
    fn files_must_be_the_action_then_its_translations_in_one_folder() {
        for bad in [
            files(&["actions/other.yaml"]),
            files(&["actions/river.es.yaml", "actions/river.yaml"]),
            files(&["actions/river.yaml", "elsewhere/river.es.yaml"]),
            files(&["actions/river.yaml", "actions/riverx.es.yaml"]),
            "[]".to_string(),
        ] {
            let text = index_with(&bad, "");
            let err = Index::parse(text.as_bytes(), "index.json").unwrap_err();
            assert!(
                err.to_string().contains("items[0]._appeal.files"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn bad_ids_hashes_and_versions_are_named_by_field() {
        let bad_id = index_with(&files(&["river.yaml"]), "").replace("\"river\"", "\"../x\"");
        let err = Index::parse(bad_id.as_bytes(), "index.json").unwrap_err();
        assert!(err.to_string().contains("items[0].id"), "{err}");
        let bad_sha = index_with(&files(&["river.yaml"]), "").replace(SHA, "abc");
        let err = Index::parse(bad_sha.as_bytes(), "index.json").unwrap_err();
        assert!(err.to_string().contains("sha256"), "{err}");
        let newer =
            index_with(&files(&["river.yaml"]), "").replace("\"version\": 1,", "\"version\": 2,");
        let err = Index::parse(newer.as_bytes(), "index.json").unwrap_err();
        assert!(err.to_string().contains("_appeal.version"), "{err}");
        let err = Index::parse(b"{\"version\": 1}", "index.json").unwrap_err();
        assert!(err.to_string().starts_with("index.json:1:"), "{err}");
    }
}
