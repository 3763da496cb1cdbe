//! For coordinators: a minisign key pair (`feed keygen`), and a feed made
//! from a folder of action files (`feed publish`): every action checked as
//! `appeal check` checks it, copied with its translations, listed in an
//! `index.json` with the next sequence, signed, and put in place in one
//! step, so that a half-published feed is never served.

use std::collections::BTreeSet;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};

use super::index::{FORMAT_VERSION, FileEntry, Index, Item, ItemAction, JSON_FEED_VERSION};
use super::index::{Publication, Status};
use super::store::swap_in;
use crate::action::Action;
use crate::error::{Error, Result};
use crate::history::sha256_hex;
use crate::library::{ActionFiles, closest, read_folder, read_limited};
use crate::lint::{Level, lint};
use crate::talk;

/// The file names minisign gives a key pair.
pub const PUBLIC_KEY_FILE: &str = "minisign.pub";
pub const SECRET_KEY_FILE: &str = "minisign.key";

/// The folder a published feed keeps its action files in.
const ACTIONS: &str = "actions";

/// Writes `DIR/minisign.pub` and `DIR/minisign.key` (readable by its owner
/// only), the secret key encrypted with `password` unless it is `None`.
/// Neither file is replaced without `force`. Returns the key's id.
pub fn keygen(dir: &Path, password: Option<String>, force: bool) -> Result<String> {
    let failed = |e: minisign::PError| Error::Io {
        doing: crate::ui::tr!("feed-doing-keygen"),
        message: e.to_string(),
    };
    let public = dir.join(PUBLIC_KEY_FILE);
    let secret = dir.join(SECRET_KEY_FILE);
    for path in [&public, &secret] {
        if !force && path.exists() {
            return Err(Error::Exists {
                path: path.to_path_buf(),
            });
        }
    }
    let encrypted = password.is_some();
    let pair = match password {
        Some(password) => minisign::KeyPair::generate_encrypted_keypair(Some(password)),
        None => minisign::KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(failed)?;
    let comment = if encrypted {
        "minisign encrypted secret key"
    } else {
        "minisign secret key, not encrypted"
    };
    let secret_text = pair.sk.to_box(Some(comment)).map_err(failed)?.to_string();
    let key = pair.pk.to_base64();
    let id = super::verify::key_id(&key);
    let public_text = format!("untrusted comment: minisign public key {id}\n{key}\n");
    fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    for (path, text) in [(&secret, secret_text), (&public, public_text)] {
        crate::fs::write_new(path, text.as_bytes(), force)?;
    }
    Ok(id)
}

fn write_error(path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        doing: crate::ui::tr!("command-writing", path = path.display().to_string()),
        message: e.to_string(),
    }
}

/// Reads a minisign secret key; `password` is asked for only when the key
/// is encrypted.
pub fn read_secret_key(
    path: &Path,
    password: impl FnOnce() -> Result<String>,
) -> Result<minisign::SecretKey> {
    let shown = path.display().to_string();
    let text = read_limited(path)?;
    let bad = |message: crate::ui::Message| Error::File {
        path: shown.clone(),
        message,
    };
    let mut lines = text.lines();
    let looks_like_key = lines
        .next()
        .is_some_and(|l| l.starts_with("untrusted comment:"))
        && lines.next().is_some_and(|l| !l.trim().is_empty());
    if !looks_like_key {
        return Err(bad(crate::ui::msg!("feed-secret-not-key")));
    }
    let sealed = || minisign::SecretKeyBox::from_string(&text);
    match sealed().and_then(|b| b.into_unencrypted_secret_key()) {
        Ok(key) => Ok(key),
        Err(e) if matches!(e.kind(), minisign::ErrorKind::Verify) => {
            Err(bad(crate::ui::Message::from(e.to_string())))
        }
        Err(_) => {
            let password = password()?;
            sealed()
                .and_then(|b| b.into_secret_key(Some(password)))
                .map_err(|e| match e.kind() {
                    minisign::ErrorKind::Verify => bad(crate::ui::msg!("feed-password-wrong")),
                    _ => bad(crate::ui::Message::from(e.to_string())),
                })
        }
    }
}

/// What `feed publish` is asked to do.
pub struct Publish<'a> {
    /// The folder of action files.
    pub dir: &'a Path,
    /// The published feed's folder.
    pub out: &'a Path,
    /// How long the index holds.
    pub expires: TimeDelta,
    /// The feed's title [default: the last publication's, else a generic one].
    pub title: Option<&'a str>,
    /// Actions to mark closed, and closed ones to open again.
    pub close: &'a [String],
    pub reopen: &'a [String],
    /// Replace an OUT folder that holds something other than a feed.
    pub force: bool,
}

/// What was published.
#[derive(Debug, Clone)]
pub struct Published {
    pub sequence: u64,
    pub actions: usize,
    pub closed: usize,
    pub expires: DateTime<Utc>,
}

/// Checks every action in `opts.dir` and publishes them to `opts.out`,
/// signed with `key`. Any error in an action stops it, with nothing written.
pub fn publish(opts: &Publish, key: &minisign::SecretKey) -> Result<Published> {
    let checked = checked_actions(opts.dir)?;
    for id in opts.close.iter().chain(opts.reopen) {
        if !checked.iter().any(|(files, _)| &files.id == id) {
            let ids = checked.iter().map(|(f, _)| f.id.as_str());
            return Err(Error::UnknownAction {
                id: id.clone(),
                suggestion: closest(id, ids.clone()).map(str::to_string),
                available: ids.map(str::to_string).collect(),
            });
        }
    }
    let previous = previous_index(opts.out, opts.force)?;
    let now = Utc::now();
    let stamp = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let expires = now + opts.expires;
    let mut copies = Vec::new();
    let items: Vec<Item> = checked
        .iter()
        .map(|(files, action)| {
            let old = previous.as_ref().and_then(|p| p.item(&files.id));
            let closed = opts.close.contains(&files.id)
                || (old.is_some_and(Item::closed) && !opts.reopen.contains(&files.id));
            let (item, texts) = item(files, action, old, closed, &stamp);
            copies.extend(texts);
            Item {
                action: ItemAction {
                    supersedes: supersedes(action, &checked, previous.as_ref()),
                    ..item.action
                },
                ..item
            }
        })
        .collect();
    let index = Index {
        version: JSON_FEED_VERSION.to_string(),
        title: opts
            .title
            .map(str::to_string)
            .or_else(|| previous.as_ref().map(|p| p.title.clone()))
            .unwrap_or_else(|| "Urgent actions".to_string()),
        publication: Publication {
            version: FORMAT_VERSION,
            sequence: previous.as_ref().map_or(1, |p| p.publication.sequence + 1),
            expires: expires.to_rfc3339_opts(SecondsFormat::Secs, true),
        },
        items,
    };
    let json = crate::json::pretty(&index) + "\n";
    let signature = sign(&json, key, now)?;
    write_feed(opts.out, &json, &signature, &copies)?;
    Ok(Published {
        sequence: index.publication.sequence,
        actions: index.items.len(),
        closed: index.items.iter().filter(|i| i.closed()).count(),
        expires,
    })
}

/// Every action in `dir`, checked as `appeal check` does: the problems are
/// printed, and an error stops the publication.
fn checked_actions(dir: &Path) -> Result<Vec<(ActionFiles, Action)>> {
    if !dir.is_dir() {
        return Err(Error::File {
            path: dir.display().to_string(),
            message: crate::ui::msg!("feed-publish-not-folder"),
        });
    }
    let all = read_folder(dir)?;
    if all.is_empty() {
        return Err(Error::File {
            path: dir.display().to_string(),
            message: crate::ui::msg!("feed-publish-empty"),
        });
    }
    let today = crate::deadline::today()?;
    let mut errors = 0;
    for files in &all {
        if files.id.len() > super::MAX_ID_LEN || crate::commands::new::check_id(&files.id).is_err()
        {
            errors += 1;
            talk::line(format!(
                "{}: {}",
                files.main.origin,
                crate::ui::tr!("new-bad-id", id = files.id.as_str())
            ));
        }
        for problem in lint(files, today) {
            errors += usize::from(problem.level == Level::Error);
            talk::line(&problem);
        }
    }
    if errors > 0 {
        talk::say(crate::ui::tr!("feed-publish-stopped", errors = errors));
        return Err(Error::CheckFailed(errors));
    }
    all.into_iter()
        .map(|files| {
            let action = files.parse()?;
            Ok((files, action))
        })
        .collect()
}

/// The index of the feed already in `out`, if it holds one. A folder that
/// holds something else is replaced only with `force`.
fn previous_index(out: &Path, force: bool) -> Result<Option<Index>> {
    let index = out.join("index.json");
    if index.is_file() {
        let shown = index.display().to_string();
        return Index::parse(read_limited(&index)?.as_bytes(), &shown).map(Some);
    }
    let holds_something = fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if (holds_something || (out.exists() && !out.is_dir())) && !force {
        return Err(Error::Usage(crate::ui::Message::Verbatim(format!(
            "{}: {}",
            out.display(),
            crate::ui::tr!("feed-publish-out-not-feed")
        ))));
    }
    Ok(None)
}

/// An action's item in the index, and its files as they go into the feed.
fn item(
    files: &ActionFiles,
    action: &Action,
    old: Option<&Item>,
    closed: bool,
    now: &str,
) -> (Item, Vec<(String, String)>) {
    let copies: Vec<(String, String)> = files
        .all()
        .map(|f| {
            let name = match &f.lang {
                Some(lang) => format!("{}.{lang}.yaml", files.id),
                None => format!("{}.yaml", files.id),
            };
            (format!("{ACTIONS}/{name}"), f.text.to_string())
        })
        .collect();
    let entries: Vec<FileEntry> = copies
        .iter()
        .map(|(path, text)| FileEntry {
            path: path.clone(),
            sha256: sha256_hex(text.as_bytes()),
        })
        .collect();
    let status = if closed {
        Status::Closed
    } else {
        Status::Active
    };
    let unchanged = old.filter(|o| o.action.files == entries && o.action.status == status);
    let item = Item {
        id: files.id.clone(),
        title: action.title.clone(),
        content_text: Some(action.summary.clone()),
        language: Some(action.source_language.clone()),
        date_published: Some(
            old.and_then(|o| o.date_published.clone())
                .unwrap_or_else(|| now.to_string()),
        ),
        date_modified: Some(
            unchanged
                .and_then(|o| o.date_modified.clone())
                .unwrap_or_else(|| now.to_string()),
        ),
        action: ItemAction {
            status,
            deadline: action.deadline.map(|d| d.format("%Y-%m-%d").to_string()),
            files: entries,
            supersedes: None,
        },
    };
    (item, copies)
}

/// The action `action` gives further information on: the one its
/// `previous_ua` names, by reference or by id, in this publication or the
/// last one.
fn supersedes(
    action: &Action,
    all: &[(ActionFiles, Action)],
    previous: Option<&Index>,
) -> Option<String> {
    let earlier = action.previous_ua.as_deref()?.trim();
    all.iter()
        .map(|(_, a)| a)
        .filter(|a| a.id != action.id)
        .find(|a| a.id == earlier || a.reference.as_deref().map(str::trim) == Some(earlier))
        .map(|a| a.id.clone())
        .or_else(|| {
            previous?
                .items
                .iter()
                .find(|i| i.id == earlier && i.id != action.id)
                .map(|i| i.id.clone())
        })
}

/// The signature of `json`, as `minisign -S` makes it (prehashed, with a
/// timestamp and the file's name in the trusted comment).
fn sign(json: &str, key: &minisign::SecretKey, now: DateTime<Utc>) -> Result<String> {
    let failed = |e: minisign::PError| Error::Io {
        doing: crate::ui::tr!("feed-doing-sign"),
        message: e.to_string(),
    };
    let public = minisign::PublicKey::from_secret_key(key).map_err(failed)?;
    let trusted = format!("timestamp:{}\tfile:index.json\thashed", now.timestamp());
    minisign::sign(
        Some(&public),
        key,
        Cursor::new(json.as_bytes()),
        Some(&trusted),
        Some("signature from minisign secret key"),
    )
    .map(|b| b.to_string())
    .map_err(failed)
}

/// The id of the public key that goes with `key`.
pub fn public_key_id(key: &minisign::SecretKey) -> String {
    minisign::PublicKey::from_secret_key(key)
        .map(|pk| super::verify::key_id(&pk.to_base64()))
        .unwrap_or_default()
}

/// Writes the whole feed into a new folder beside `out`, then puts it in
/// `out`'s place in one step.
fn write_feed(out: &Path, json: &str, signature: &str, copies: &[(String, String)]) -> Result<()> {
    let out = std::path::absolute(out).map_err(|e| write_error(out, e))?;
    let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    fs::create_dir_all(&parent).map_err(|e| write_error(&parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}-publish-"))
        .tempdir_in(&parent)
        .map_err(|e| write_error(&parent, e))?;
    let mut folders = BTreeSet::new();
    for (path, text) in copies
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .chain([("index.json.minisig", signature), ("index.json", json)])
    {
        let dest: PathBuf = staging.path().join(path);
        if let Some(dir) = dest.parent()
            && folders.insert(dir.to_path_buf())
        {
            fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
        }
        fs::write(&dest, text).map_err(|e| write_error(&dest, e))?;
    }
    // A web server reads the feed: the folder is open to all, as its
    // files are (by the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(staging.path(), fs::Permissions::from_mode(0o755))
            .map_err(|e| write_error(staging.path(), e))?;
    }
    let staged = staging.keep();
    match swap_in(&staged, &out) {
        Ok(old) => {
            if let Some(old) = old {
                let _ = fs::remove_dir_all(old);
            }
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&staged);
            Err(write_error(&out, e))
        }
    }
}
