//! The letter history: what `compose` delivered, kept in SQLite at
//! `$XDG_DATA_HOME/appeal/history.sqlite` (mode 0600), so that `history`,
//! `list` and `compose` can say what was already sent.
//!
//! Every function here returns a `Result`, but a history that is corrupt,
//! read-only or locked must never stop a letter: [`record_letter`] and
//! [`record_batch`] turn any failure into a warning. Nor may it hold a
//! letter back: the history is opened only when it is a file of its own
//! (never through a link, never a pipe or a device, checked without
//! blocking), and a busy one is waited for briefly ([`BUSY_WAIT`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::action::Action;
use crate::action::Target;
use crate::dates::format_date;
use crate::destination::Destination;
use crate::error::{Error, Result};
use crate::form::Form as Format;
use crate::talk;

/// How long the history waits for another process holding it, to record a
/// letter (already delivered by then), or for `history` and `list`. Another
/// `appeal` holds it for well under a millisecond.
pub const BUSY_WAIT: Duration = Duration::from_secs(1);

/// How long the look-up before a letter waits ("You wrote to … on …"): the
/// letter is not kept waiting for a history someone else holds.
pub const LOOKUP_WAIT: Duration = Duration::from_millis(20);

/// Largest letter text stored; a longer one is recorded without its text.
const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// The records table as this build makes it, under a given name.
macro_rules! records_table {
    ($name:literal) => {
        concat!(
            "CREATE TABLE ",
            $name,
            " (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('letter', 'batch')),
        at           TEXT NOT NULL,
        date         TEXT NOT NULL,
        action       TEXT NOT NULL,
        title        TEXT NOT NULL,
        target       TEXT NOT NULL,
        lang         TEXT,
        form         TEXT NOT NULL,
        destination  TEXT NOT NULL,
        path         TEXT,
        sha256       TEXT,
        text         TEXT,
        count        INTEGER,
        input        TEXT
    );"
        )
    };
}

/// A new history's schema: where the migrations lead, made in one step.
const SCHEMA: &str = concat!(
    records_table!("records"),
    "CREATE INDEX records_by_action ON records (action, id);"
);

/// The schema, one step per version: `MIGRATIONS[n]` takes version `n` to
/// `n + 1`. Append steps; never edit one that has shipped (the first
/// repeats the records table as it then was, for that reason). A new
/// history is made from [`SCHEMA`] instead, in one step.
const MIGRATIONS: &[&str] = &[
    "
    CREATE TABLE records (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        kind         TEXT NOT NULL CHECK (kind IN ('letter', 'batch')),
        at           TEXT NOT NULL,
        date         TEXT NOT NULL,
        action       TEXT NOT NULL,
        title        TEXT NOT NULL,
        target       TEXT NOT NULL,
        lang         TEXT,
        form         TEXT NOT NULL,
        destination  TEXT NOT NULL,
        path         TEXT,
        sha256       TEXT,
        text         TEXT,
        count        INTEGER,
        input        TEXT
    );
    CREATE INDEX records_by_action ON records (action, id);
",
    // Record numbers without AUTOINCREMENT: its counter was one more page
    // read and written, and journaled, at every letter. A number is still
    // never given twice while its record is kept; only a forgotten
    // newest record's number can come back, and forgetting everything
    // starts again at 1, so the history keeps no count of what it forgot.
    concat!(
        records_table!("records_2"),
        "INSERT INTO records_2 SELECT id, kind, at, date, action, title, target, lang, form,
            destination, path, sha256, text, count, input FROM records;
        DROP TABLE records;
        ALTER TABLE records_2 RENAME TO records;
        CREATE INDEX records_by_action ON records (action, id);"
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// One line of the history: a letter, or a whole batch run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The record's number, for `history --show N`; 0 before it is stored.
    pub id: i64,
    /// `letter`, or `batch` for a `compose --batch` run.
    pub kind: Kind,
    /// When it was recorded, in UTC.
    pub at: DateTime<Utc>,
    /// The date the letter bears (today, or `APPEAL_TODAY`).
    pub date: NaiveDate,
    /// The action's id and title.
    pub action: String,
    pub title: String,
    /// Whom the letter is to: the target's name.
    pub target: String,
    /// The letter's language; none for a batch, whose rows may differ.
    pub lang: Option<String>,
    /// `txt`, `eml`, `pdf` or `mailto`.
    pub form: String,
    /// `stdout`, `file`, `clipboard`, or `folder` for a batch's --out-dir.
    pub destination: String,
    /// The file or folder written, absolute.
    pub path: Option<String>,
    /// SHA-256 of the bytes delivered, in hex; none for a batch.
    pub sha256: Option<String>,
    /// The letter's text, unless the writer asked not to keep it.
    #[serde(skip)]
    pub text: Option<String>,
    /// For a batch: how many letters were written, and from which file.
    pub count: Option<u64>,
    pub input: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Letter,
    Batch,
}

/// The newest record of an action, as far as saying when it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub kind: Kind,
    pub date: NaiveDate,
    pub target: String,
    pub form: String,
    pub count: Option<i64>,
}

impl Kind {
    /// The kind a `kind` column holds: `batch`, else a letter.
    fn from_column(text: &str) -> Kind {
        match text {
            "batch" => Kind::Batch,
            _ => Kind::Letter,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Kind::Letter => "letter",
            Kind::Batch => "batch",
        }
    }
}

impl Record {
    /// A letter as it was delivered. `text` is kept only when `keep_text`.
    pub fn letter(sent: &Sent, keep_text: bool) -> Record {
        let (destination, path) = destination_parts(sent.destination);
        Record {
            id: 0,
            kind: Kind::Letter,
            at: Utc::now(),
            date: sent.date,
            action: sent.action.id.clone(),
            title: sent.action.title.clone(),
            target: sent.target.name.clone(),
            lang: Some(sent.lang.to_string()),
            form: form_name(sent.form).to_string(),
            destination: destination.to_string(),
            path,
            sha256: Some(sha256_hex(sent.bytes)),
            text: (keep_text && sent.text.len() <= MAX_TEXT_BYTES).then(|| match sent.form {
                // Text is kept as it was sent, wrapped; other forms keep the letter's text.
                Format::Txt => String::from_utf8_lossy(sent.bytes).into_owned(),
                _ => sent.text.to_string(),
            }),
            count: None,
            input: None,
        }
    }
}

/// What `compose` delivered, as the history needs it.
pub struct Sent<'a> {
    pub action: &'a Action,
    /// The target the letter is to.
    pub target: &'a Target,
    pub date: NaiveDate,
    pub lang: &'a str,
    pub form: Format,
    pub destination: &'a Destination,
    /// The bytes delivered, hashed.
    pub bytes: &'a [u8],
    /// The letter's text, stored unless the config says `history: text: false`.
    pub text: &'a str,
}

/// What a finished batch run did.
pub struct BatchRun<'a> {
    pub action: &'a Action,
    pub form: Format,
    pub count: u64,
    pub input: &'a Path,
    /// `--out-dir`, or none when the letters went to stdout.
    pub out_dir: Option<&'a Path>,
}

impl BatchRun<'_> {
    pub fn record(&self) -> Record {
        Record {
            id: 0,
            kind: Kind::Batch,
            at: Utc::now(),
            // The date the letters bear; `compose` has already checked it.
            date: crate::deadline::today().unwrap_or_else(|_| chrono::Local::now().date_naive()),
            action: self.action.id.clone(),
            title: self.action.title.clone(),
            target: self
                .action
                .targets
                .iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            lang: None,
            form: form_name(self.form).to_string(),
            destination: if self.out_dir.is_some() {
                "folder"
            } else {
                "stdout"
            }
            .to_string(),
            path: self.out_dir.map(absolute),
            sha256: None,
            text: None,
            count: Some(self.count),
            input: Some(if self.input.as_os_str() == "-" {
                "-".to_string()
            } else {
                absolute(self.input)
            }),
        }
    }
}

fn form_name(form: Format) -> &'static str {
    match form {
        Format::Txt => "txt",
        Format::Eml => "eml",
        Format::Pdf => "pdf",
        Format::Mailto => "mailto",
    }
}

fn destination_parts(destination: &Destination) -> (&'static str, Option<String>) {
    match destination {
        Destination::Stdout => ("stdout", None),
        Destination::File(path) => ("file", Some(absolute(path))),
        Destination::Clipboard => ("clipboard", None),
    }
}

/// The path made absolute against the current folder, so that the record
/// still means something when read from elsewhere.
fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(2 * digest.len());
    for b in digest {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}

/// The history file's path, when the platform has a data folder.
pub fn path() -> Option<PathBuf> {
    dirs::data_local_dir().map(|d| d.join("appeal").join("history.sqlite"))
}

/// An open history database.
pub struct History {
    conn: Connection,
    path: PathBuf,
}

impl History {
    /// Opens the history, creating it (folder 0700, file 0600) and bringing
    /// its schema up to date.
    pub fn open() -> Result<History> {
        let path = path().ok_or_else(|| Error::Usage(crate::ui::msg!("history-no-data-folder")))?;
        History::open_at(&path)
    }

    /// Opens the history only if it exists: reading never creates it.
    pub fn open_existing() -> Result<Option<History>> {
        History::find(BUSY_WAIT)
    }

    /// [`History::open_existing`], waiting at most `wait` for a busy history.
    fn find(wait: Duration) -> Result<Option<History>> {
        match path() {
            Some(path) => History::open_with(&path, false, wait),
            None => Ok(None),
        }
    }

    pub fn open_at(path: &Path) -> Result<History> {
        // Made if absent, so always there.
        History::open_with(path, true, BUSY_WAIT)?.ok_or_else(|| Error::File {
            path: path.display().to_string(),
            message: crate::ui::msg!(
                "history-open-failed",
                error = std::io::Error::from(std::io::ErrorKind::NotFound).to_string()
            ),
        })
    }

    /// Opens the history at `path` if it is a file of its own, creating it
    /// when `create` (or else giving `None` when it is absent).
    fn open_with(path: &Path, create: bool, wait: Duration) -> Result<Option<History>> {
        let fail = |e: &dyn std::fmt::Display| Error::File {
            path: path.display().to_string(),
            message: crate::ui::msg!("history-open-failed", error = e.to_string()),
        };
        let header = match check_file(path, create) {
            Ok(header) => header,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => return Ok(None),
            Err(e) => return Err(fail(&e)),
        };
        configure_sqlite();
        // No link is followed here either, should one appear since.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| fail(&e))?;
        let history = History {
            conn,
            path: path.to_path_buf(),
        };
        history.prepare(wait, header).map_err(|e| fail(&e))?;
        Ok(Some(history))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long to wait for another process holding the history.
    fn wait(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait).map_err(|e| self.error(&e))
    }

    /// The busy wait, never waiting for the disk, the journal, and the
    /// migrations, in one transaction that a second process waits for
    /// rather than repeats. A file whose header shows the current schema in
    /// the rollback journal needs neither of the last two, and isn't read
    /// for them.
    fn prepare(&self, wait: Duration, header: Header) -> rusqlite::Result<()> {
        self.conn.busy_timeout(wait)?;
        // Never wait for the disk. Waiting (`NORMAL`) costs two fsyncs each
        // time the last connection closes: 2.5 ms on a quiet machine and
        // over 20 ms on a busy one, against under 1 ms without
        // (benches/history.rs). A crashed or killed `appeal` still leaves a
        // sound file; only an operating-system crash or a power cut in the
        // seconds after a letter can damage it, and a damaged history is a
        // warning, never a lost letter.
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        if header == Header::Current {
            return Ok(());
        }
        // Read before anything is written: a file that isn't a database is
        // reported here, not overwritten.
        let version: u32 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        self.journal()?;
        if version as usize >= MIGRATIONS.len() {
            return Ok(());
        }
        self.migrate()
    }

    /// SQLite's default rollback journal, made and deleted around each
    /// write, rather than WAL: one record needs no `-wal` and `-shm` files
    /// made, sized, mapped and removed again, which cost a compose about
    /// 0.2 ms (see the README's performance section), and nothing is left
    /// beside the file. (Emptying the journal rather than deleting it saves
    /// a little more but leaves an empty file there.) An `appeal` killed
    /// while it writes leaves the journal behind, and the next one to open
    /// the history plays it back: that record is lost, the file is sound,
    /// as with WAL. A history from before, in WAL, is moved over when no
    /// one else has it open; until then it keeps working as it is.
    fn journal(&self) -> rusqlite::Result<()> {
        match self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                r.get::<_, String>(0)
            }) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                Ok(())
            }
            other => other.map(drop),
        }
    }

    fn migrate(&self) -> rusqlite::Result<()> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = (|| {
            // Read again under the write lock: another process may have
            // migrated while this one waited.
            let current: u32 = self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if current == 0 {
                self.conn.execute_batch(SCHEMA)?;
            } else {
                for step in MIGRATIONS.iter().skip(current as usize) {
                    self.conn.execute_batch(step)?;
                }
            }
            self.conn
                .pragma_update(None, "user_version", SCHEMA_VERSION)?;
            Ok(())
        })();
        match result {
            Ok(()) => self.conn.execute_batch("COMMIT"),
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Stores a record and returns its number.
    pub fn record(&self, r: &Record) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO records (kind, at, date, action, title, target, lang, form,
                    destination, path, sha256, text, count, input)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    r.kind.as_str(),
                    r.at.to_rfc3339_opts(SecondsFormat::Millis, true),
                    r.date.to_string(),
                    r.action,
                    r.title,
                    r.target,
                    r.lang,
                    r.form,
                    r.destination,
                    r.path,
                    r.sha256,
                    r.text,
                    r.count.map(|n| i64::try_from(n).unwrap_or(i64::MAX)),
                    r.input,
                ],
            )
            .map_err(|e| self.error(&e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every record, newest first; only the action's when one is named.
    pub fn list(&self, action: Option<&str>) -> Result<Vec<Record>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM records WHERE (?1 IS NULL OR action = ?1) ORDER BY id DESC"
        );
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(&e))?;
        let rows = statement
            .query_map(params![action], read_record)
            .map_err(|e| self.error(&e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.error(&e))
    }

    /// One record, by its number.
    pub fn get(&self, id: i64) -> Result<Option<Record>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM records WHERE id = ?1"),
                params![id],
                read_record,
            )
            .optional()
            .map_err(|e| self.error(&e))
    }

    /// What the newest record for an action says of it: only the columns
    /// the "You wrote to …" line needs, so a kept letter's text isn't read.
    pub fn last(&self, action: &str) -> Result<Option<Earlier>> {
        self.conn
            .query_row(
                "SELECT kind, date, target, form, count FROM records
                 WHERE action = ?1 ORDER BY id DESC LIMIT 1",
                params![action],
                |row| {
                    Ok(Earlier {
                        kind: Kind::from_column(&row.get::<_, String>(0)?),
                        date: date_at(row, 1)?,
                        target: row.get(2)?,
                        form: row.get(3)?,
                        count: row.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.error(&e))
    }

    /// The date of the newest record of each action.
    pub fn last_dates(&self) -> Result<HashMap<String, NaiveDate>> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT action, date FROM records
                 WHERE id IN (SELECT max(id) FROM records GROUP BY action)",
            )
            .map_err(|e| self.error(&e))?;
        let rows = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.error(&e))?;
        let mut dates = HashMap::new();
        for row in rows {
            let (action, date) = row.map_err(|e| self.error(&e))?;
            if let Ok(date) = date.parse() {
                dates.insert(action, date);
            }
        }
        Ok(dates)
    }

    /// Deletes the action's records, or all of them, and gives the space
    /// back to the file system. Returns how many were deleted.
    pub fn forget(&self, action: Option<&str>) -> Result<usize> {
        let deleted = self
            .conn
            .execute(
                "DELETE FROM records WHERE (?1 IS NULL OR action = ?1)",
                params![action],
            )
            .map_err(|e| self.error(&e))?;
        // VACUUM rewrites the file without the deleted pages, and its
        // journal is deleted after it; the WAL checkpoint makes sure that a
        // history still in WAL keeps no old pages there either.
        self.conn
            .execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(|e| self.error(&e))?;
        Ok(deleted)
    }

    fn error(&self, e: &rusqlite::Error) -> Error {
        Error::File {
            path: self.path.display().to_string(),
            message: crate::ui::msg!("history-failed", error = e.to_string()),
        }
    }
}

const COLUMNS: &str = "id, kind, at, date, action, title, target, lang, form, destination, path, \
    sha256, text, count, input";

/// A column's text that doesn't read as what it should hold.
fn unreadable(i: usize, e: chrono::ParseError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.to_string().into())
}

/// The `YYYY-MM-DD` date in column `i`.
fn date_at(row: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    row.get::<_, String>(i)?
        .parse()
        .map_err(|e| unreadable(i, e))
}

fn read_record(row: &Row) -> rusqlite::Result<Record> {
    let text = |i: usize| row.get::<_, String>(i);
    let kind = Kind::from_column(&text(1)?);
    let at = DateTime::parse_from_rfc3339(&text(2)?)
        .map_err(|e| unreadable(2, e))?
        .with_timezone(&Utc);
    let date = date_at(row, 3)?;
    Ok(Record {
        id: row.get(0)?,
        kind,
        at,
        date,
        action: text(4)?,
        title: text(5)?,
        target: text(6)?,
        lang: row.get(7)?,
        form: text(8)?,
        destination: text(9)?,
        path: row.get(10)?,
        sha256: row.get(11)?,
        text: row.get(12)?,
        count: row
            .get::<_, Option<i64>>(13)?
            .map(|n| u64::try_from(n).unwrap_or(0)),
        input: row.get(14)?,
    })
}

/// What a history file's first bytes say of it, read when it is checked:
/// enough to know that opening it needs no journal change and no
/// migration. Only a hint, taken without a lock; but the schema version
/// only ever grows and nothing turns a history back to WAL, so a file
/// seen current stays current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// A database at this build's schema version, in the rollback journal.
    Current,
    /// Anything else: new, empty, older, in WAL, or not a database at all
    /// (then SQLite says so, and nothing is written).
    Other,
}

impl Header {
    /// The SQLite file header: the magic string, the write and read
    /// versions at 18 and 19 (2 in WAL mode), the user version at 60.
    fn of(bytes: &[u8]) -> Header {
        let current = bytes.len() >= 64
            && bytes.starts_with(b"SQLite format 3\0")
            && bytes[18] == 1
            && bytes[19] == 1
            && u32::from_be_bytes([bytes[60], bytes[61], bytes[62], bytes[63]]) == SCHEMA_VERSION;
        if current {
            Header::Current
        } else {
            Header::Other
        }
    }
}

/// SQLite set up for one short connection, before its first: no lookaside
/// memory and no page cache allocated in bulk, which SQLite would
/// otherwise carve up (touching every page of them) at each open, for a
/// process that reads a few pages and writes one record, and no memory
/// statistics. Measured in the README's performance section.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use rusqlite::ffi;
        // SAFETY: sqlite3_config is called before SQLite is first used in
        // this process (the Once runs before any connection is opened here,
        // and nothing else opens one), with the arguments its documentation
        // gives for these options: two ints; a null pointer and two ints;
        // one int.
        // Called later, it only returns SQLITE_MISUSE and changes nothing.
        unsafe {
            use std::ffi::{c_int, c_void};
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_LOOKASIDE, 0 as c_int, 0 as c_int);
            // No count of the memory in use, which takes a global lock at
            // every allocation; nothing here asks for it.
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
            ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_PAGECACHE,
                std::ptr::null_mut::<c_void>(),
                0 as c_int,
                0 as c_int,
            );
        }
    });
}

/// Checks that the history at `path` is a file of its own: never a link
/// (it is not followed), a pipe or a device (it is opened without blocking,
/// then looked at). When `create`, makes it empty, mode 0600, in a private
/// folder if it isn't there; SQLite gives its journal the same mode.
/// Gives what the file's first bytes say of it.
fn check_file(path: &Path, create: bool) -> std::io::Result<Header> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    if create {
        options.write(true).create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let opened = match options.open(path) {
        Err(e) if create && e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                crate::fs::make_private_dir(dir)?;
            }
            options.open(path)
        }
        other => other,
    };
    let file = opened.map_err(|e| match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::io::Error::other(crate::ui::tr!("history-is-link"))
        }
        _ => e,
    })?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(std::io::Error::other(crate::ui::tr!("history-not-a-file")));
    }
    let mut head = Vec::with_capacity(64);
    std::io::Read::read_to_end(&mut std::io::Read::take(&file, 64), &mut head)?;
    Ok(Header::of(&head))
}

thread_local! {
    /// The history [`mention_earlier`] opened, kept for [`record_letter`]:
    /// a compose opens and closes the database once, not twice.
    static OPENED: RefCell<Option<History>> = const { RefCell::new(None) };
}

/// The history opened earlier in this compose, or opened now.
fn reopen() -> Result<History> {
    match OPENED.with(|opened| opened.borrow_mut().take()) {
        Some(history) => history.wait(BUSY_WAIT).map(|()| history),
        None => History::open(),
    }
}

/// Records a delivered letter. Never fails: the letter is already out, so
/// a history problem becomes a warning.
pub fn record_letter(sent: &Sent, keep_text: bool) {
    let record = Record::letter(sent, keep_text);
    if let Err(e) = reopen().and_then(|h| h.record(&record)) {
        talk::warn(crate::ui::tr!(
            "history-not-recorded",
            error = e.to_string()
        ));
    }
}

/// Records a batch run as one record. Never fails, as [`record_letter`].
pub fn record_batch(run: &BatchRun) {
    if let Err(e) = History::open().and_then(|h| h.record(&run.record())) {
        talk::warn(crate::ui::tr!(
            "history-batch-not-recorded",
            error = e.to_string()
        ));
    }
}

/// Says on stderr when the writer has already written for this action.
/// Reads only: a missing history stays missing. A broken one is passed over
/// in silence here: recording the letter reports it.
pub fn mention_earlier(action: &Action) {
    let Ok(Some(history)) = History::find(LOOKUP_WAIT) else {
        return;
    };
    let earlier = history.last(&action.id);
    OPENED.with(|opened| *opened.borrow_mut() = Some(history));
    if let Ok(Some(earlier)) = earlier {
        let date = format_date(
            earlier.date,
            &crate::ui::tr!("date-pattern"),
            crate::ui::lang(),
        );
        let (target, form) = (earlier.target.as_str(), earlier.form.as_str());
        let said = match (earlier.kind, earlier.count) {
            (Kind::Batch, Some(n)) => crate::ui::tr!(
                "history-earlier-batch",
                target = target,
                date = date,
                count = n,
                form = form,
            ),
            _ => crate::ui::tr!("history-earlier", target = target, date = date, form = form),
        };
        talk::say(printable(&said).replace(['\n', '\t'], " "));
    }
}

/// The date of the newest record of each action; empty, with a warning,
/// when the history can't be read.
pub fn last_dates() -> HashMap<String, NaiveDate> {
    match History::open_existing().and_then(|h| h.map_or(Ok(HashMap::new()), |h| h.last_dates())) {
        Ok(dates) => dates,
        Err(e) => {
            talk::warn(crate::ui::tr!(
                "history-last-written-unknown",
                error = e.to_string(),
                column = crate::ui::tr!("list-last-written"),
            ));
            HashMap::new()
        }
    }
}

/// Text from the database, safe to print: control characters (but line
/// breaks and tabs) and bidi controls become U+FFFD.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            let hides = (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if hides { '\u{FFFD}' } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(action: &str) -> Record {
        Record {
            id: 0,
            kind: Kind::Letter,
            at: Utc::now(),
            date: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
            action: action.to_string(),
            title: "Title".to_string(),
            target: "Kristi Noem".to_string(),
            lang: Some("en".to_string()),
            form: "txt".to_string(),
            destination: "stdout".to_string(),
            path: None,
            sha256: Some(sha256_hex(b"letter")),
            text: Some("Dear …".to_string()),
            count: None,
            input: None,
        }
    }

    #[test]
    fn stores_and_reads_back_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::open_at(&dir.path().join("h.sqlite")).unwrap();
        let first = history.record(&record("a")).unwrap();
        let second = history.record(&record("b")).unwrap();
        let all = history.list(None).unwrap();
        assert_eq!(
            all.iter().map(|r| r.id).collect::<Vec<_>>(),
            [second, first]
        );
        assert_eq!(all[1].action, "a");
        assert_eq!(all[1].text.as_deref(), Some("Dear …"));
        assert_eq!(history.list(Some("a")).unwrap().len(), 1);
        let earlier = history.last("a").unwrap().unwrap();
        assert_eq!(
            (earlier.kind, earlier.target.as_str(), earlier.form.as_str()),
            (Kind::Letter, "Kristi Noem", "txt")
        );
        assert_eq!(earlier.date, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        assert_eq!(history.last("c").unwrap(), None);
        assert_eq!(history.get(second).unwrap().unwrap().action, "b");
        assert_eq!(history.forget(Some("a")).unwrap(), 1);
        assert_eq!(history.list(None).unwrap().len(), 1);
    }

    #[test]
    fn migrates_once_and_sets_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.sqlite");
        History::open_at(&path).unwrap();
        let again = History::open_at(&path).unwrap();
        let version: u32 = again
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }

    /// The table's columns and the index's, as SQLite describes them.
    fn shape(conn: &Connection) -> Vec<String> {
        let rows = |sql: &str| -> Vec<String> {
            let mut statement = conn.prepare(sql).unwrap();
            let rows = statement
                .query_map([], |r| {
                    let values: Vec<String> = (0..r.as_ref().column_count())
                        .map(|i| match r.get_ref(i).unwrap() {
                            rusqlite::types::ValueRef::Text(t) => {
                                String::from_utf8_lossy(t).into_owned()
                            }
                            other => format!("{other:?}"),
                        })
                        .collect();
                    Ok(values.join(" "))
                })
                .unwrap();
            rows.map(Result::unwrap).collect()
        };
        let mut shape = rows("PRAGMA table_info(records)");
        shape.extend(rows("PRAGMA index_info(records_by_action)"));
        shape.extend(rows(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY name",
        ));
        shape
    }

    #[test]
    fn a_history_of_the_first_schema_keeps_its_records_and_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.sqlite");
        let conn = Connection::open(&old).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        // As the build before wrote them: numbers 1 to 7, 2 to 6 forgotten.
        conn.execute_batch(
            "INSERT INTO records (id, kind, at, date, action, title, target, form, destination, text)
             VALUES (1, 'letter', '2026-11-27T09:00:00.000Z', '2026-11-27', 'a', 'T', 'N', 'txt', 'stdout', 'Dear …'),
                    (7, 'letter', '2026-11-28T10:00:00.000Z', '2026-11-28', 'b', 'T', 'N', 'txt', 'stdout', NULL);
             PRAGMA user_version = 1;",
        )
        .unwrap();
        drop(conn);

        let history = History::open_at(&old).unwrap();
        let kept = history.list(None).unwrap();
        assert_eq!(kept.iter().map(|r| r.id).collect::<Vec<_>>(), [7, 1]);
        assert_eq!(kept[1].text.as_deref(), Some("Dear …"));
        assert_eq!(kept[0].date, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        assert_eq!(history.record(&record("c")).unwrap(), 8);
        let migrated = shape(&history.conn);

        let new = History::open_at(&dir.path().join("new.sqlite")).unwrap();
        assert_eq!(shape(&new.conn), migrated);
        assert!(migrated.iter().any(|s| s.contains("records_by_action")));
    }

    #[test]
    fn a_new_history_has_no_counter_table() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::open_at(&dir.path().join("h.sqlite")).unwrap();
        history.record(&record("a")).unwrap();
        let tables: i64 = history
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_an_error_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.sqlite");
        let junk = vec![b'x'; 4096];
        fs::write(&path, &junk).unwrap();
        assert!(History::open_at(&path).is_err());
        assert_eq!(fs::read(&path).unwrap(), junk);
    }

    #[test]
    fn a_header_is_current_only_at_this_schema_in_the_rollback_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.sqlite");
        History::open_at(&path)
            .unwrap()
            .record(&record("cecot"))
            .unwrap();
        let bytes = fs::read(&path).unwrap();
        assert_eq!(Header::of(&bytes), Header::Current);
        let changed = |at: usize, value: u8| {
            let mut b = bytes.clone();
            b[at] = value;
            Header::of(&b)
        };
        // WAL, an older schema, a later one, not a database, too short.
        assert_eq!(changed(18, 2), Header::Other);
        assert_eq!(changed(19, 2), Header::Other);
        assert_eq!(changed(63, 0), Header::Other);
        assert_eq!(changed(63, 9), Header::Other);
        assert_eq!(changed(0, b'X'), Header::Other);
        assert_eq!(Header::of(&bytes[..63]), Header::Other);
        assert_eq!(Header::of(b""), Header::Other);
        // A history in WAL is still moved to the rollback journal on opening.
        let conn = Connection::open(&path).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .unwrap();
        drop(conn);
        History::open_at(&path).unwrap();
        assert_eq!(Header::of(&fs::read(&path).unwrap()), Header::Current);
    }

    #[test]
    fn hashes_as_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn printable_hides_controls_but_keeps_lines() {
        assert_eq!(
            printable("a\u{1b}[31mb\nc\u{202E}"),
            "a\u{FFFD}[31mb\nc\u{FFFD}"
        );
    }
}
