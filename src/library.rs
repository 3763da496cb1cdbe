//! Finding and loading actions: those embedded in the binary, a folder of the
//! user's own (`--actions-dir`), the imported ones, the feeds' (`NAME/ID`,
//! or `ID` when no other shelf has it), or a file named by its path.
//!
//! Only the action asked for is read and parsed, so startup stays fast
//! however many actions there are.

use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::action::{Action, MAX_FILE_BYTES, translation_tag};
use crate::error::{Error, Result};
use crate::feed::FeedItem;
use crate::feed::shelf::Feeds;
use crate::lang;
use crate::yaml::Spans;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The text of the shipped file `name`.
fn embedded(name: &str) -> Option<&'static str> {
    EMBEDDED
        .binary_search_by_key(&name, |&(n, _)| n)
        .ok()
        .map(|i| EMBEDDED[i].1)
}

/// Where actions are looked for: `--actions-dir`, then the folder imported
/// actions go to, then the embedded ones, then the feeds.
#[derive(Debug, Clone, Default)]
pub struct Library {
    user_dir: Option<PathBuf>,
    imported_dir: Option<PathBuf>,
    feeds: Feeds,
}

/// Where the library found an action; set when it loads one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Provenance {
    /// A file named by its path.
    #[default]
    File,
    BuiltIn,
    /// `--actions-dir`.
    ActionsDir,
    /// `$XDG_DATA_HOME/appeal/actions`.
    Imported,
    Feed(FeedItem),
}

impl Provenance {
    /// The feed's word on the action, when it came from one.
    pub fn feed(&self) -> Option<&FeedItem> {
        match self {
            Provenance::Feed(item) => Some(item),
            _ => None,
        }
    }

    /// The shelf's name for scripts (`list --json`'s `from`).
    pub fn key(&self) -> &'static str {
        match self {
            Provenance::File => "file",
            Provenance::BuiltIn => "built-in",
            Provenance::ActionsDir => "actions-dir",
            Provenance::Imported => "imported",
            Provenance::Feed(_) => "feed",
        }
    }

    /// The shelf's name for people (`list`'s FROM column).
    pub fn label(&self) -> String {
        match self {
            Provenance::File => crate::ui::tr!("feed-from-file"),
            Provenance::BuiltIn => crate::ui::tr!("feed-from-built-in"),
            Provenance::ActionsDir => crate::ui::tr!("feed-from-actions-dir"),
            Provenance::Imported => crate::ui::tr!("feed-from-imported"),
            Provenance::Feed(item) => crate::ui::tr!("feed-from-feed", feed = item.feed.as_str()),
        }
    }
}

/// Whether an action of id `id` is built into the binary: one in the
/// user's own folders, read first, then stands in its place.
pub fn is_built_in(id: &str) -> bool {
    embedded(&format!("{id}.yaml")).is_some()
}

/// Where `appeal import` puts actions: `$XDG_DATA_HOME/appeal/actions`.
pub fn imported_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("appeal").join("actions"))
}

/// One folder of action files, on disk or embedded.
enum Shelf<'a> {
    Disk(&'a Path),
    Embedded,
}

/// Most files read from one folder of actions: a folder of a million files
/// is read up to here, with a warning, rather than held whole.
pub const MAX_FOLDER_FILES: usize = 5_000;

impl Shelf<'_> {
    /// File names directly in this folder, at most [`MAX_FOLDER_FILES`].
    fn file_names(&self) -> Vec<String> {
        match self {
            Shelf::Disk(dir) => {
                let Ok(entries) = fs::read_dir(dir) else {
                    return Vec::new();
                };
                let mut names = Vec::new();
                for entry in entries.filter_map(|e| e.ok()) {
                    if names.len() == MAX_FOLDER_FILES {
                        crate::talk::warn(crate::ui::tr!(
                            "library-folder-capped",
                            folder = dir.display().to_string(),
                            max = MAX_FOLDER_FILES
                        ));
                        break;
                    }
                    if entry.file_type().is_ok_and(|t| t.is_file())
                        && let Ok(name) = entry.file_name().into_string()
                    {
                        names.push(name);
                    }
                }
                names
            }
            Shelf::Embedded => EMBEDDED.iter().map(|&(n, _)| n.to_string()).collect(),
        }
    }

    fn origin(&self, name: &str) -> String {
        match self {
            Shelf::Disk(dir) => dir.join(name).display().to_string(),
            Shelf::Embedded => format!("actions/{name}"),
        }
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        match self {
            Shelf::Disk(dir) => Some(dir.join(name)),
            Shelf::Embedded => None,
        }
    }

    fn read(&self, name: &str) -> Result<Option<Cow<'static, str>>> {
        match self {
            Shelf::Disk(dir) => {
                let path = dir.join(name);
                if !path.is_file() {
                    return Ok(None);
                }
                read_limited(&path).map(|text| Some(Cow::Owned(text)))
            }
            // Read in place, not copied: the build checked it is UTF-8.
            Shelf::Embedded => Ok(embedded(name).map(Cow::Borrowed)),
        }
    }

    /// Reads action `id` and every translation beside it (`ID.LANG.yaml`).
    fn files(&self, id: &str) -> Result<Option<ActionFiles>> {
        self.files_among(id, &self.file_names())
    }

    /// As [`Shelf::files`], with the folder's file names already listed.
    fn files_among(&self, id: &str, names: &[String]) -> Result<Option<ActionFiles>> {
        let main = format!("{id}.yaml");
        let Some(text) = self.read(&main)? else {
            return Ok(None);
        };
        let mut names: Vec<&String> = names.iter().collect();
        names.sort();
        let mut translations = Vec::new();
        let mut total = text.len();
        for name in names {
            if let Some(lang) = translation_lang(name, id)
                && let Some(text) = self.read(name)?
            {
                total += text.len();
                if total as u64 > MAX_ACTION_BYTES || translations.len() == MAX_TRANSLATIONS {
                    return Err(Error::File {
                        path: self.origin(name),
                        message: crate::ui::msg!(
                            "library-too-many",
                            id = id,
                            files = MAX_TRANSLATIONS + 1,
                            mib = MAX_ACTION_BYTES >> 20
                        ),
                    });
                }
                translations.push(SourceFile::new(
                    Some(lang.to_string()),
                    self.origin(name),
                    self.path(name),
                    text,
                ));
            }
        }
        Ok(Some(ActionFiles {
            id: id.to_string(),
            named_lang: None,
            main: SourceFile::new(None, self.origin(&main), self.path(&main), text),
            translations,
        }))
    }
}

/// The text of one action file or translation file, and where it came from.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The language of a translation file (`es` for `cecot.es.yaml`).
    pub lang: Option<String>,
    pub origin: String,
    /// The file on disk; `None` for an action built into the binary.
    pub path: Option<PathBuf>,
    pub text: Cow<'static, str>,
    /// Where its fields are, read from the YAML once when first asked.
    spans: OnceLock<Option<Spans>>,
}

impl SourceFile {
    pub fn new(
        lang: Option<String>,
        origin: String,
        path: Option<PathBuf>,
        text: Cow<'static, str>,
    ) -> SourceFile {
        SourceFile {
            lang,
            origin,
            path,
            text,
            spans: OnceLock::new(),
        }
    }

    /// Where the file's fields are; `None` when it is not YAML.
    pub fn spans(&self) -> Option<&Spans> {
        self.spans.get_or_init(|| Spans::of(&self.text)).as_ref()
    }
}

/// An action's files as read, before parsing: what `load` parses and
/// `check` inspects.
#[derive(Debug, Clone)]
pub struct ActionFiles {
    pub id: String,
    /// The language of the translation file named on the command line, if
    /// one was (`appeal preview ./cecot.es.yaml`).
    pub named_lang: Option<String>,
    pub main: SourceFile,
    pub translations: Vec<SourceFile>,
}

impl ActionFiles {
    /// All the files, the action's first.
    pub fn all(&self) -> impl Iterator<Item = &SourceFile> {
        std::iter::once(&self.main).chain(&self.translations)
    }

    /// Parses the action and adds its translations.
    pub fn parse(&self) -> Result<Action> {
        self.parse_where(|_, _| true)
    }

    /// Parses the action and only the translations that could answer a
    /// request for `requested` (`es-CL`: `es-CL` and `es`; `None`: the
    /// preferred language). One letter needs one language, and a broken
    /// translation then stops only letters in its own language; `check`
    /// reads them all.
    pub fn parse_for(&self, requested: Option<&str>) -> Result<Action> {
        match requested.map(lang::normalize) {
            Some(None) => self.parse(), // not a tag: the caller says so
            Some(Some(tag)) => self.parse_where(|a, l| a.could_answer(l, Some(&tag))),
            None => self.parse_where(|a, l| a.could_answer(l, None)),
        }
    }

    fn parse_where(&self, wanted: impl Fn(&Action, &str) -> bool) -> Result<Action> {
        let mut action = Action::parse(&self.id, &self.main.origin, &self.main.text)?;
        for t in &self.translations {
            let lang = translation_tag(&t.origin, t.lang.as_deref().unwrap_or_default())?;
            if wanted(&action, &lang) {
                action.add_translation(&lang, &t.origin, &t.text)?;
            }
        }
        Ok(action)
    }
}

impl Library {
    pub fn new(user_dir: Option<PathBuf>) -> Library {
        Library {
            user_dir,
            imported_dir: imported_dir(),
            feeds: Feeds::of_user(),
        }
    }

    /// The subscribed feeds and their installed copies.
    pub fn feeds(&self) -> &Feeds {
        &self.feeds
    }

    /// The folder given with `--actions-dir`.
    pub fn user_dir(&self) -> Option<&Path> {
        self.user_dir.as_deref()
    }

    fn shelves(&self) -> impl Iterator<Item = (Shelf<'_>, Provenance)> {
        let user = self
            .user_dir
            .as_deref()
            .map(|d| (Shelf::Disk(d), Provenance::ActionsDir));
        let imported = self
            .imported_dir
            .as_deref()
            .map(|d| (Shelf::Disk(d), Provenance::Imported));
        user.into_iter()
            .chain(imported)
            .chain(std::iter::once((Shelf::Embedded, Provenance::BuiltIn)))
    }

    /// The ids of the actions on every shelf but the feeds, sorted.
    fn shelved_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .shelves()
            .flat_map(|(s, _)| s.file_names())
            .filter_map(|name| action_id(&name).map(str::to_string))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The ids of every action that can be loaded, sorted, without duplicates.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = self.shelved_ids();
        ids.extend(self.feed_entries().iter().map(|e| e.id()));
        ids.sort();
        ids.dedup();
        ids
    }

    /// Every feed's actions, in feed order, each with the id it goes by.
    pub fn feed_entries(&self) -> Vec<crate::feed::shelf::Entry<'_>> {
        let shelved = self.shelved_ids();
        self.feeds
            .entries(&|id| shelved.binary_search_by(|s| s.as_str().cmp(id)).is_ok())
    }

    /// Loads an action by id (`cecot`, `lyon/cecot`) or by the path of its
    /// file (`./draft.yaml`).
    pub fn load(&self, spec: &str) -> Result<Action> {
        let (files, provenance) = self.locate(spec)?;
        let mut action = files.parse()?;
        action.provenance = provenance;
        Ok(action)
    }

    /// Loads an action with only the translations that could answer a
    /// request for `requested` (see [`ActionFiles::parse_for`]).
    pub fn load_for(&self, spec: &str, requested: Option<&str>) -> Result<Action> {
        let (files, provenance) = self.locate(spec)?;
        let mut action = files.parse_for(requested)?;
        action.provenance = provenance;
        Ok(action)
    }

    /// Reads an action's files, by id or path, without parsing them.
    pub fn files(&self, spec: &str) -> Result<ActionFiles> {
        self.locate(spec).map(|(files, _)| files)
    }

    fn locate(&self, spec: &str) -> Result<(ActionFiles, Provenance)> {
        // `lyon/cecot` is a feed's action, never a path: a path to an
        // action file ends in `.yaml`.
        if let Some((feed, id)) = crate::feed::split_qualified(spec) {
            if let Some(found) = self.feed_files(Some(feed), id)? {
                return Ok(found);
            }
        } else if looks_like_path(spec) {
            return files_at(Path::new(spec)).map(|files| (files, Provenance::File));
        } else {
            for (shelf, provenance) in self.shelves() {
                if let Some(files) = shelf.files(spec)? {
                    return Ok((files, provenance));
                }
            }
            if let Some(found) = self.feed_files(None, spec)? {
                return Ok(found);
            }
        }
        let available = self.ids();
        let suggestion = closest(spec, available.iter().map(String::as_str)).map(str::to_string);
        Err(Error::UnknownAction {
            id: spec.to_string(),
            suggestion,
            available,
        })
    }

    /// Action `id` of feed `feed`, or of the first feed that has it; the
    /// files carry the id the action goes by.
    fn feed_files(
        &self,
        feed: Option<&str>,
        id: &str,
    ) -> Result<Option<(ActionFiles, Provenance)>> {
        let entries = self.feed_entries();
        let Some(entry) = entries
            .iter()
            .find(|e| e.item.id == id && feed.is_none_or(|f| e.copy.name == f))
        else {
            return Ok(None);
        };
        // Exactly the files the index names: no folder listing to read.
        let mut sources = entry.item.action.files.iter().map(|file| {
            let path = entry.copy.dir.join(&file.path);
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let lang = translation_lang(name, id).map(str::to_string);
            let text = read_limited(&path)?;
            Ok(SourceFile::new(
                lang,
                path.display().to_string(),
                Some(path.clone()),
                Cow::Owned(text),
            ))
        });
        let main = sources
            .next()
            .expect("a feed's index names at least one file per action")?;
        let item = FeedItem {
            feed: entry.copy.name.clone(),
            id: id.to_string(),
            closed: entry.item.closed(),
        };
        let files = ActionFiles {
            id: entry.id(),
            named_lang: None,
            main,
            translations: sources.collect::<Result<_>>()?,
        };
        Ok(Some((files, Provenance::Feed(item))))
    }

    /// Loads every action, one at a time and in id order, so that only one
    /// is held at once; one that fails to load is given as its error. Each
    /// folder is listed once; an id found on several shelves is the first's,
    /// and the feeds' actions follow, each by the id it goes by.
    pub fn load_each(&self) -> impl Iterator<Item = Result<Action>> + '_ {
        let shelves: Vec<(Shelf, Provenance, Vec<String>)> = self
            .shelves()
            .map(|(shelf, provenance)| {
                let names = shelf.file_names();
                (shelf, provenance, names)
            })
            .collect();
        let mut ids: Vec<(String, usize)> = Vec::new();
        for (at, (_, _, names)) in shelves.iter().enumerate() {
            ids.extend(
                names
                    .iter()
                    .filter_map(|n| Some((action_id(n)?.to_string(), at))),
            );
        }
        // Stable: for one id, the first shelf stays first.
        ids.sort_by(|a, b| a.0.cmp(&b.0));
        ids.dedup_by(|a, b| a.0 == b.0);
        let shelved = ids.into_iter().filter_map(move |(id, at)| {
            let (shelf, provenance, names) = &shelves[at];
            let files = shelf.files_among(&id, names).transpose()?;
            Some(files.and_then(|files| {
                let mut action = files.parse()?;
                action.provenance = provenance.clone();
                Ok(action)
            }))
        });
        let feeds = self
            .feed_entries()
            .into_iter()
            .map(|e| e.id())
            .collect::<Vec<_>>()
            .into_iter()
            .map(|id| self.load(&id));
        shelved.chain(feeds)
    }
}

/// Every action in the folder `dir`, with its translations, in id order.
pub fn read_folder(dir: &Path) -> Result<Vec<ActionFiles>> {
    let shelf = Shelf::Disk(dir);
    let mut ids: Vec<String> = shelf
        .file_names()
        .iter()
        .filter_map(|name| action_id(name).map(str::to_string))
        .collect();
    ids.sort();
    let mut all = Vec::with_capacity(ids.len());
    for id in ids {
        all.extend(shelf.files(&id)?);
    }
    Ok(all)
}

/// `cecot.yaml` is action `cecot`; `cecot.es.yaml` is a translation, not an action.
/// The id of an action file: its name without `.yaml`, when that passes
/// the id rule ([`is_action_id`]).
fn action_id(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(".yaml")?;
    is_action_id(stem).then_some(stem)
}

/// The id rule for a file's name, whether found in a folder or given by
/// its path: not empty, no dot, and nothing the rule for identifiers
/// refuses (controls, bidi controls, anything invisible, spaces).
fn is_action_id(stem: &str) -> bool {
    let visible = crate::text::first_refused(stem, crate::text::Shape::Identifier).is_none();
    !stem.is_empty() && !stem.contains('.') && visible
}

/// `cecot.es.yaml` is the `es` translation of `cecot`.
fn translation_lang<'a>(file_name: &'a str, id: &str) -> Option<&'a str> {
    let lang = file_name
        .strip_prefix(id)?
        .strip_prefix('.')?
        .strip_suffix(".yaml")?;
    (!lang.is_empty() && !lang.contains('.')).then_some(lang)
}

fn looks_like_path(spec: &str) -> bool {
    spec.ends_with(".yaml") || spec.contains(std::path::MAIN_SEPARATOR)
}

/// Reads an action from its file, with the translations beside it.
/// A translation's path (`./cecot.es.yaml`) reads the action it translates.
fn files_at(path: &Path) -> Result<ActionFiles> {
    let shown = path.display().to_string();
    let not_found = |message: crate::ui::Message| Error::File {
        path: shown.clone(),
        message,
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let Some(stem) = name.strip_suffix(".yaml") else {
        return Err(not_found(crate::ui::msg!("library-not-yaml")));
    };
    if path.is_dir() {
        return Err(not_found(crate::ui::msg!("library-is-folder")));
    }
    if !path.is_file() {
        return Err(not_found(crate::ui::msg!("library-no-file")));
    }
    let id = stem.split('.').next().unwrap_or(stem);
    // An id is printed, written into calendars and JSON: a name that is no
    // id in a folder is none given by its path either.
    if !is_action_id(id) {
        return Err(not_found(crate::ui::msg!(
            "library-bad-id",
            id = crate::text::escaped(id, crate::text::Shape::Identifier).as_ref()
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let named_lang = stem.split_once('.').map(|(_, lang)| lang.to_string());
    let files = Shelf::Disk(dir).files(id)?.ok_or_else(|| {
        not_found(crate::ui::msg!(
            "library-no-action",
            file = format!("{id}.yaml"),
            folder = dir.display().to_string()
        ))
    })?;
    Ok(ActionFiles {
        named_lang,
        ..files
    })
}

/// Reads a file as UTF-8, refusing anything over [`MAX_FILE_BYTES`].
/// Most bytes an action and its translations may hold in all.
pub const MAX_ACTION_BYTES: u64 = 8 * MAX_FILE_BYTES;

/// Most translation files an action may have.
pub const MAX_TRANSLATIONS: usize = 64;

pub fn read_limited(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    let file = fs::File::open(path).map_err(|e| Error::File {
        path: shown.clone(),
        message: e.to_string().into(),
    })?;
    read_limited_from(file, &shown)
}

/// As [`read_limited`], from any reader (stdin); `shown` names it.
pub fn read_limited_from(reader: impl Read, shown: &str) -> Result<String> {
    let shown = shown.to_string();
    let io_err = |e: std::io::Error| Error::File {
        path: shown.clone(),
        message: e.to_string().into(),
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::File {
            path: shown,
            message: crate::ui::msg!("library-too-large", max = MAX_FILE_BYTES / 1024),
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::File {
        path: shown,
        message: crate::ui::msg!("library-not-utf8", offset = e.utf8_error().valid_up_to()),
    })
}

/// The name closest to a mistyped one, if any is close enough to be a typo.
pub fn closest<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .map(|name| (strsim::jaro_winkler(typed, name), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_files_and_translations_are_told_apart() {
        assert_eq!(action_id("cecot.yaml"), Some("cecot"));
        assert_eq!(action_id("cecot.es.yaml"), None);
        assert_eq!(action_id("README.md"), None);
        assert_eq!(translation_lang("cecot.es.yaml", "cecot"), Some("es"));
        assert_eq!(translation_lang("cecotx.es.yaml", "cecot"), None);
        assert_eq!(translation_lang("cecot.yaml", "cecot"), None);
    }

    #[test]
    fn suggests_a_close_id_only() {
        let ids = ["cecot", "other"];
        assert_eq!(closest("cecott", ids), Some("cecot"));
        assert_eq!(closest("zzz", ids), None);
    }

    #[test]
    fn embedded_cecot_loads() {
        let action = Library::default().load("cecot").expect("cecot loads");
        assert_eq!(action.preferred_language.as_deref(), Some("en"));
        assert_eq!(action.target().email, ["dhssecretary@hq.dhs.gov"]);
    }
}
