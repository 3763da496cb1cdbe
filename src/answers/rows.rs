//! Batch rows: signers read from CSV (with a header row) or JSON Lines, one
//! row at a time, so memory stays flat however long the file is, and turned
//! into answers through the same field declarations as a single letter. A
//! bad row is an error for that row alone; reading goes on with the next.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};

use super::fields::Field;
use super::signer::clean_line;
use super::{Answers, Signer, Sources};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
}

impl Format {
    /// The format a file's extension names: `.jsonl`/`.ndjson` or `.csv`.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// One signer's row: its number (1 for the first row of data) and its
/// fields, as column name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    /// The column names, shared by all the rows of a CSV file.
    keys: Arc<[String]>,
    /// The values, one per key, in one buffer.
    values: csv::StringRecord,
}

impl Row {
    /// A row of `values` under `keys` (as many of each).
    pub fn new(number: usize, keys: Arc<[String]>, values: csv::StringRecord) -> Row {
        debug_assert_eq!(keys.len(), values.len());
        Row {
            number,
            keys,
            values,
        }
    }

    /// Each key with its value, in the row's order.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.keys.iter().map(String::as_str).zip(self.values.iter())
    }
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub number: usize,
    pub message: String,
}

/// The rows of a batch file, read lazily.
pub struct Rows {
    source: Source,
    /// Reading stopped at a row too long to read.
    stopped: bool,
    number: usize,
    /// Bytes read so far, for a progress bar.
    counted: CountedHandle,
}

enum Source {
    Csv {
        reader: csv::Reader<Counted>,
        headers: Arc<[String]>,
        /// The next row's record, read into and then handed to the row.
        record: csv::StringRecord,
    },
    Jsonl {
        lines: io::Lines<BufReader<Counted>>,
    },
}

/// Opens `path` (`-` is stdin) and reads its header, if it has one.
pub fn open(path: &Path, format: Format) -> Result<Rows> {
    let shown = path.display().to_string();
    let input: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| Error::File {
            path: shown.clone(),
            message: e.to_string().into(),
        })?)
    };
    let counted_handle = CountedHandle::default();
    let counted = Counted {
        inner: input,
        read: 0,
        record_start: 0,
        lines: format == Format::Jsonl,
        count: counted_handle.clone(),
    };
    let source = match format {
        Format::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(false)
                .trim(csv::Trim::Headers)
                .buffer_capacity(READ_AHEAD as usize)
                .from_reader(counted);
            let headers = reader
                .headers()
                .map_err(|e| Error::File {
                    path: shown.clone(),
                    message: crate::ui::msg!("batch-row-header", error = e.to_string()),
                })?
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>();
            if headers.len() > MAX_COLUMNS {
                return Err(Error::File {
                    path: shown,
                    message: crate::ui::msg!(
                        "batch-row-too-many-columns",
                        count = headers.len(),
                        max = MAX_COLUMNS
                    ),
                });
            }
            if !headers.iter().any(|h| h.eq_ignore_ascii_case("name")) {
                return Err(Error::File {
                    path: shown,
                    message: crate::ui::msg!(
                        "batch-row-no-name-column",
                        header = headers.join(",")
                    ),
                });
            }
            if let Some(message) = same_field(headers.iter().map(String::as_str)) {
                return Err(Error::File {
                    path: shown,
                    message: message.into(),
                });
            }
            let next = reader.position().byte();
            if next > MAX_RECORD_BYTES {
                return Err(Error::File {
                    path: shown,
                    message: crate::ui::msg!("batch-row-header", error = too_long().to_string()),
                });
            }
            reader.get_mut().record_start = next;
            Source::Csv {
                reader,
                headers: headers.into(),
                record: csv::StringRecord::new(),
            }
        }
        Format::Jsonl => Source::Jsonl {
            lines: BufReader::new(counted).lines(),
        },
    };
    Ok(Rows {
        source,
        stopped: false,
        number: 0,
        counted: counted_handle,
    })
}

impl Rows {
    /// How many bytes of input have been read.
    pub fn bytes_read(&self) -> u64 {
        self.counted.get()
    }
}

impl Iterator for Rows {
    type Item = std::result::Result<Row, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped {
            return None;
        }
        let row = self.read_row();
        // A row too long to read ends the reading: what follows can't be
        // trusted to start a row.
        if row.as_ref().is_some_and(|r| r.is_err()) && self.counted.overlong() {
            self.stopped = true;
        }
        row
    }
}

impl Rows {
    fn read_row(&mut self) -> Option<std::result::Result<Row, RowError>> {
        match &mut self.source {
            Source::Csv {
                reader,
                headers,
                record,
            } => {
                let read = reader.read_record(record);
                self.number += 1;
                let number = self.number;
                // A record is its bytes from the end of the one before,
                // line breaks in quoted cells and all.
                let next = reader.position().byte();
                let size = next - std::mem::replace(&mut reader.get_mut().record_start, next);
                match read {
                    Ok(false) => None,
                    Ok(true) if size > MAX_RECORD_BYTES => Some(Err(RowError {
                        number,
                        message: too_long().to_string(),
                    })),
                    // The record is the row's: the reader starts a new one,
                    // sized like it, so a row costs one allocation.
                    Ok(true) => Some(Ok(Row::new(
                        number,
                        Arc::clone(headers),
                        std::mem::replace(
                            record,
                            csv::StringRecord::with_capacity(
                                record.as_slice().len(),
                                headers.len(),
                            ),
                        ),
                    ))),
                    Err(e) => Some(Err(RowError {
                        number,
                        message: csv_message(&e, headers.len()),
                    })),
                }
            }
            Source::Jsonl { lines } => loop {
                self.number += 1;
                let number = self.number;
                let line = match lines.next()? {
                    Ok(line) => line,
                    Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                        return Some(Err(RowError {
                            number,
                            message: e.to_string(),
                        }));
                    }
                    Err(e) => {
                        return Some(Err(RowError {
                            number,
                            message: crate::ui::tr!("batch-row-unreadable", error = e.to_string()),
                        }));
                    }
                };
                if line.trim().is_empty() {
                    continue;
                }
                return Some(json_row(number, &line));
            },
        }
    }
}

/// What fills a batch row's empty cells: for each field a batch may share,
/// its flag, then its environment variable (see `Sources::batch_default`).
pub struct Defaults {
    values: Vec<(&'static Field, String)>,
    /// The language when neither the row nor a default names one.
    preferred: String,
}

impl Defaults {
    pub fn new(sources: &Sources, preferred: &str) -> Result<Defaults> {
        let mut values = Vec::new();
        for field in super::FIELDS {
            if let Some(value) = sources.batch_default(field)? {
                values.push((field, value));
            }
        }
        Ok(Defaults {
            values,
            preferred: preferred.to_string(),
        })
    }
}

/// A row's answers: each column that names a field is cleaned by that
/// field's rule; an empty cell takes the default; other columns become
/// template variables.
pub fn answers(row: Row, defaults: &Defaults) -> std::result::Result<Answers, String> {
    let mut answers = Answers {
        signer: Signer::default(),
        lang: String::new(),
        target: String::new(),
    };
    let mut given = Vec::new();
    for (key, value) in row.fields() {
        let Some(field) = Field::named(key) else {
            // Another column is a template variable: it goes into the letter,
            // so it passes the rule for one line of text, like a name.
            let value = clean_line(key, value).map_err(|e| e.to_string())?;
            answers.signer.extra.insert(key.to_string(), value);
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        let value = field.clean(field.key, value).map_err(|e| e.to_string())?;
        answers.set(field, value);
        given.push(field.key);
    }
    for (field, default) in &defaults.values {
        if !given.contains(&field.key) {
            answers.set(field, default.clone());
            given.push(field.key);
        }
    }
    if let Some(field) = super::FIELDS
        .into_iter()
        .find(|f| f.required && !given.contains(&f.key))
    {
        return Err(crate::ui::tr!("batch-row-missing", field = field.key));
    }
    if answers.lang.is_empty() {
        answers.lang = defaults.preferred.clone();
    }
    Ok(answers)
}

fn csv_message(e: &csv::Error, columns: usize) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => {
            crate::ui::tr!("batch-row-unequal", count = *len, columns = columns)
        }
        csv::ErrorKind::Utf8 { .. } => crate::ui::tr!("batch-row-not-utf8"),
        csv::ErrorKind::Io(e) => e.to_string(),
        _ => e.to_string(),
    }
}

fn json_row(number: usize, line: &str) -> std::result::Result<Row, RowError> {
    let fail = |message: String| RowError { number, message };
    let value: JsonLine = serde_json::from_str(line)
        .map_err(|e| fail(crate::ui::tr!("batch-row-not-json", error = e.to_string())))?;
    let JsonLine::Object(pairs) = value else {
        return Err(fail(crate::ui::tr!("batch-row-not-object")));
    };
    if pairs.len() > MAX_COLUMNS {
        return Err(fail(crate::ui::tr!(
            "batch-row-too-many-fields",
            count = pairs.len(),
            max = MAX_COLUMNS
        )));
    }
    if let Some(message) = same_field(pairs.iter().map(|(key, _)| key.as_str())) {
        return Err(fail(message));
    }
    let mut keys = Vec::with_capacity(pairs.len());
    let mut values = csv::StringRecord::with_capacity(0, pairs.len());
    for (key, value) in pairs {
        let text = match value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Null => String::new(),
            serde_json::Value::Bool(b) => b.to_string(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                return Err(fail(crate::ui::tr!("batch-row-not-text", key = key)));
            }
        };
        keys.push(key);
        values.push_field(&text);
    }
    Ok(Row::new(number, keys.into(), values))
}

/// Two columns (or keys of a row) that would fill the same field or
/// variable, as a message naming both: `name` and `Name` are both the
/// signer's name, and one would silently win.
fn same_field<'a>(keys: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for key in keys {
        let field = Field::named(key).map_or(key, |f| f.key);
        if let Some((first, _)) = seen.iter().find(|(_, f)| *f == field) {
            return Some(crate::ui::tr!(
                "batch-row-same-field",
                first = *first,
                second = key,
                field = field
            ));
        }
        seen.push((key, field));
    }
    None
}

/// One line of a JSON Lines file: an object with every key as written (a
/// map would keep only the last of a repeated key), or anything else.
enum JsonLine {
    Object(Vec<(String, serde_json::Value)>),
    Other,
}

impl<'de> serde::Deserialize<'de> for JsonLine {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<JsonLine, D::Error> {
        d.deserialize_any(JsonLineVisitor)
    }
}

struct JsonLineVisitor;

impl<'de> serde::de::Visitor<'de> for JsonLineVisitor {
    type Value = JsonLine;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<JsonLine, A::Error> {
        let mut pairs = Vec::new();
        while let Some(pair) = map.next_entry()? {
            pairs.push(pair);
        }
        Ok(JsonLine::Object(pairs))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<JsonLine, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(JsonLine::Other)
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<JsonLine, E> {
        Ok(JsonLine::Other)
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<JsonLine, E> {
        Ok(JsonLine::Other)
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<JsonLine, E> {
        Ok(JsonLine::Other)
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<JsonLine, E> {
        Ok(JsonLine::Other)
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<JsonLine, E> {
        Ok(JsonLine::Other)
    }

    fn visit_unit<E>(self) -> std::result::Result<JsonLine, E> {
        Ok(JsonLine::Other)
    }
}

/// A shared byte counter, read by the progress bar while the reader fills
/// it, and whether the reader met a line too long to read.
#[derive(Debug, Clone, Default)]
struct CountedHandle {
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    overlong: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl CountedHandle {
    fn get(&self) -> u64 {
        self.bytes.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn overlong(&self) -> bool {
        self.overlong.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Longest row of a batch file, in bytes: a CSV record (quoted cells may
/// hold line breaks) or a JSON line. A row is a signer, and a row with no
/// end is a file to refuse, not to hold in memory.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// How far the CSV reader reads ahead of the record it is in: its buffer.
const READ_AHEAD: u64 = 8 << 10;

/// Most columns a batch file may have.
pub const MAX_COLUMNS: usize = 64;

/// The input, counting what was read, and refusing a row longer than
/// [`MAX_RECORD_BYTES`] before it is held.
struct Counted {
    inner: Box<dyn Read + Send>,
    count: CountedHandle,
    /// Bytes read from the input.
    read: u64,
    /// Where the row being read starts: after the last line break for JSON
    /// Lines, where the CSV reader says its record ends for CSV.
    record_start: u64,
    /// JSON Lines: a row is a line.
    lines: bool,
}

/// The error a row too long to read turns into.
fn too_long() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        crate::ui::tr!("batch-row-too-long", max = MAX_RECORD_BYTES >> 10),
    )
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = &buf[..n];
        // For CSV, what the reader holds beyond its record is at most its
        // buffer; the record's own size is checked when it is complete.
        let (open_row, slack) = if self.lines {
            (memchr::memchr(b'\n', read).unwrap_or(n), 0)
        } else {
            (n, READ_AHEAD)
        };
        if self.read + open_row as u64 - self.record_start > MAX_RECORD_BYTES + slack {
            self.count
                .overlong
                .store(true, std::sync::atomic::Ordering::Relaxed);
            return Err(too_long());
        }
        if self.lines
            && let Some(at) = memchr::memrchr(b'\n', read)
        {
            self.record_start = self.read + at as u64 + 1;
        }
        self.read += n as u64;
        self.count
            .bytes
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, format: Format) -> Vec<std::result::Result<Row, RowError>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in");
        std::fs::write(&path, text).unwrap();
        open(&path, format).unwrap().collect()
    }

    #[test]
    fn csv_rows_keep_going_after_a_ragged_row() {
        let got = rows(
            "name,city\nAna,Lyon\nBad,row,extra\n\"Zoë, Jr.\",Oslo\n",
            Format::Csv,
        );
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[0].as_ref().unwrap().fields().collect::<Vec<_>>(),
            [("name", "Ana"), ("city", "Lyon")]
        );
        let err = got[1].as_ref().unwrap_err();
        assert_eq!(err.number, 2);
        assert!(
            err.message.contains("has 3 fields, but the header has 2"),
            "{}",
            err.message
        );
        assert_eq!(
            got[2].as_ref().unwrap().fields().next(),
            Some(("name", "Zoë, Jr."))
        );
    }

    #[test]
    fn jsonl_rows_take_text_and_refuse_nested_values() {
        let got = rows(
            "{\"name\":\"Ana\",\"age\":3}\n\n{\"name\":[1]}\nnot json\n",
            Format::Jsonl,
        );
        assert_eq!(got.len(), 3);
        let fields: Vec<_> = got[0].as_ref().unwrap().fields().collect();
        assert!(fields.contains(&("age", "3")), "{fields:?}");
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .message
                .contains("must be text")
        );
        assert_eq!(got[2].as_ref().unwrap_err().number, 4);
    }

    #[test]
    fn a_csv_without_name_column_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, "who,city\nAna,Lyon\n").unwrap();
        let err = open(&path, Format::Csv).err().unwrap().to_string();
        assert!(err.contains("has no `name` column"), "{err}");
    }

    fn row(pairs: &[(&str, &str)]) -> Row {
        Row::new(
            1,
            pairs.iter().map(|(k, _)| k.to_string()).collect(),
            pairs.iter().map(|(_, v)| *v).collect(),
        )
    }

    fn defaults(given: &[(&'static str, &str)], env: &'static [(&str, &str)]) -> Defaults {
        let given = given.iter().map(|(k, v)| (*k, v.to_string())).collect();
        let env = move |name: &str| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        let sources = Sources {
            given: &given,
            env: &env,
            remembered: None,
        };
        Defaults::new(&sources, "en").unwrap()
    }

    #[test]
    fn empty_cells_take_the_flag_then_the_environment() {
        let d = defaults(
            &[("city", "Quito")],
            &[("APPEAL_CITY", "Lima"), ("APPEAL_LANG", "fr")],
        );
        let a = answers(row(&[("Name", "Ana"), ("city", ""), ("lang", "")]), &d).unwrap();
        assert_eq!((a.signer.city.as_str(), a.lang.as_str()), ("Quito", "fr"));
        let a = answers(
            row(&[("name", "Ana"), ("city", "Oslo"), ("lang", "es_cl")]),
            &d,
        )
        .unwrap();
        assert_eq!((a.signer.city.as_str(), a.lang.as_str()), ("Oslo", "es-CL"));
        let a = answers(row(&[("name", "Ana")]), &defaults(&[], &[])).unwrap();
        assert_eq!(
            a.lang, "en",
            "the preferred language when nothing names one"
        );
    }

    #[test]
    fn a_row_is_cleaned_by_the_same_rules_as_a_flag() {
        let d = defaults(&[], &[("APPEAL_NAME", "Everyone")]);
        assert_eq!(
            answers(row(&[("city", "Oslo")]), &d).unwrap_err(),
            "has no name"
        );
        let err = answers(row(&[("name", "A\u{7}")]), &d).unwrap_err();
        assert!(
            err.starts_with("name: contains a control character"),
            "{err}"
        );
        let flag = crate::answers::fields::NAME
            .clean("name", "A\u{7}")
            .unwrap_err();
        assert_eq!(err, flag.to_string());
        let a = answers(row(&[("name", " Ana "), ("party", "x")]), &d).unwrap();
        assert_eq!(a.signer.name, "Ana");
        assert_eq!(a.signer.extra.get("party").map(String::as_str), Some("x"));
    }

    #[test]
    fn a_line_with_no_end_stops_the_reading_without_holding_it() {
        let long = "x".repeat((2 * MAX_RECORD_BYTES) as usize);
        for (text, format) in [
            (format!("name\nAna\n{long}\nBen\n"), Format::Csv),
            (
                format!("{{\"name\":\"Ana\"}}\n{long}\n{{\"name\":\"Ben\"}}\n"),
                Format::Jsonl,
            ),
        ] {
            let got = rows(&text, format);
            assert_eq!(
                got.len(),
                2,
                "{format:?}: the long line ends it: {:?}",
                got.iter()
                    .map(|r| r.as_ref().map(|r| r.number).map_err(|e| e.message.clone()))
                    .collect::<Vec<_>>()
            );
            assert!(got[0].is_ok());
            let err = got[1].as_ref().unwrap_err();
            assert!(
                err.message.contains("is longer than 1024 KiB"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn a_quoted_cell_over_many_lines_is_one_row_and_counts_as_one() {
        // `Ben,"…"\n` is the cell and 7 bytes.
        let cell = |size: u64| "line\n".repeat(size as usize / 5) + &"x".repeat(size as usize % 5);
        let csv = |size| format!("name,note\nAna,ok\nBen,\"{}\"\nCarl,ok\n", cell(size - 7));
        let numbers = |got: &[std::result::Result<Row, RowError>]| {
            got.iter()
                .map(|r| r.as_ref().map(|r| r.number).map_err(|e| e.number))
                .collect::<Vec<_>>()
        };
        let got = rows(&csv(MAX_RECORD_BYTES), Format::Csv);
        assert_eq!(numbers(&got), [Ok(1), Ok(2), Ok(3)], "exactly the limit");
        assert!(
            got[1]
                .as_ref()
                .unwrap()
                .fields()
                .nth(1)
                .unwrap()
                .1
                .starts_with("line\nline\n")
        );
        // Just over: read whole, refused alone, and the next row is read.
        let got = rows(&csv(MAX_RECORD_BYTES + 1), Format::Csv);
        assert_eq!(numbers(&got), [Ok(1), Err(2), Ok(3)]);
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .message
                .contains("is longer than 1024 KiB")
        );
        // Far over: refused before it is held, and the reading ends.
        let got = rows(&csv(8 * MAX_RECORD_BYTES), Format::Csv);
        assert_eq!(numbers(&got), [Ok(1), Err(2)]);
    }

    #[test]
    fn two_columns_or_keys_for_one_field_are_refused_naming_both() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        for (header, first, second) in [
            ("name,city,Name", "name", "Name"),
            ("name,CITY,city", "CITY", "city"),
            ("name,party,party", "party", "party"),
        ] {
            std::fs::write(&path, format!("{header}\nAna,a,b\n")).unwrap();
            let err = open(&path, Format::Csv).err().unwrap().to_string();
            assert!(
                err.contains(&format!("`{first}` and `{second}` are the same field")),
                "{header}: {err}"
            );
        }
        let got = rows(
            "{\"name\":\"Ana\",\"name\":\"Eve\"}\n{\"Name\":\"Ana\",\"NAME\":\"Eve\"}\n{\"name\":\"Ana\",\"Party\":\"x\",\"party\":\"y\"}\n",
            Format::Jsonl,
        );
        let messages: Vec<_> = got
            .iter()
            .map(|r| r.as_ref().map(|_| ()).map_err(|e| e.message.as_str()))
            .collect();
        assert_eq!(
            messages[..2],
            [
                Err("`name` and `name` are the same field (`name`); keep only one of them"),
                Err("`Name` and `NAME` are the same field (`name`); keep only one of them"),
            ]
        );
        assert_eq!(
            messages[2],
            Ok(()),
            "variables keep their case: {messages:?}"
        );
    }

    #[test]
    fn too_many_columns_are_refused() {
        let header: Vec<String> = (0..=MAX_COLUMNS).map(|i| format!("c{i}")).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wide.csv");
        std::fs::write(&path, format!("name,{}\n", header.join(","))).unwrap();
        let err = open(&path, Format::Csv).err().expect("refused");
        assert!(err.to_string().contains("at most 64"), "{err}");
    }
}
