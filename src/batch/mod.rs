//! Batch letters: one letter per signer of a CSV or JSON Lines file, to
//! stdout (separated by form feeds), as JSON Lines, or one file each in a
//! folder. Rows are read, rendered and written in bounded chunks, rendering
//! in parallel, so memory stays flat however many rows there are.

pub mod names;
pub mod reader;

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use handlebars::Handlebars;
use rayon::prelude::*;
use serde_json::json;

use crate::action::Action;
use crate::answers::{Signer, clean_line, clean_note};
use crate::deliver;
use crate::deliver::file::write_file;
use crate::error::{Error, Result};
use crate::interrupt;
use crate::lang;
use crate::letter::Renderer;
use crate::talk;
use crate::wrap::wrap;

pub use reader::Format;

/// Rows rendered together; bounds memory to a few megabytes.
const CHUNK: usize = 2048;

/// What `compose --batch` was asked to do.
pub struct Options {
    pub input: PathBuf,
    pub format: Option<Format>,
    pub out_dir: Option<PathBuf>,
    pub name_template: String,
    pub jsonl: bool,
    pub force: bool,
    pub width: Option<usize>,
    /// The letters' form in --out-dir [default: from --name-template's
    /// extension: `.eml`, `.pdf`, else text].
    pub form: Option<deliver::Format>,
    pub paper: deliver::pdf::Paper,
    /// `--lang`, `--city`, `--country`: used where a row leaves them empty.
    pub lang: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// `--no-history`: don't record the run in the letter history.
    pub no_history: bool,
}

/// A row turned into a letter, ready to write.
struct Rendered {
    number: usize,
    name: String,
    lang: String,
    fallback: bool,
    subject: String,
    /// The letter as text, wrapped: for stdout, JSON Lines and text files.
    body: String,
    /// The letter in another form (`.eml`, `.pdf`), for its file.
    encoded: Option<Vec<u8>>,
    file_name: Option<String>,
}

struct Failure {
    number: usize,
    message: String,
}

#[derive(Default)]
struct Tally {
    written: usize,
    skipped: usize,
    failed: usize,
    fell_back: usize,
}

pub fn run(action: &Action, renderer: &Renderer, options: &Options) -> Result<()> {
    let format = options
        .format
        .or_else(|| Format::from_path(&options.input))
        .ok_or_else(|| {
            Error::Usage(format!(
                "can't tell the format of {}: name it .csv or .jsonl, or pass --batch-format",
                options.input.display()
            ))
        })?;
    let default_lang = options
        .lang
        .as_deref()
        .map(|l| {
            lang::normalize(l)
                .ok_or_else(|| Error::Usage(format!("--lang: `{l}` is not a language tag")))
        })
        .transpose()?;
    let form = options.form.unwrap_or(match &options.out_dir {
        Some(_) => deliver::Format::from_path(Path::new(&options.name_template)),
        None => deliver::Format::Txt,
    });
    if form != deliver::Format::Txt && options.out_dir.is_none() {
        return Err(Error::Usage(format!(
            "--format {} writes one file per letter: add --out-dir DIR",
            form.extension()
        )));
    }
    let width = options
        .width
        .unwrap_or(match (&options.out_dir, options.jsonl) {
            (Some(_), _) if form != deliver::Format::Txt => 0,
            (Some(_), _) => 72,
            (None, true) => 0,
            (None, false) => deliver::Destination::Stdout.default_width(),
        });
    let namer = match &options.out_dir {
        Some(dir) => {
            // A bad template is refused before anything is made on disk.
            let namer = name_registry(&options.name_template)?;
            if dir.exists() && !dir.is_dir() {
                return Err(Error::File {
                    path: dir.display().to_string(),
                    message: "is a file, not a folder (--out-dir wants a folder)".to_string(),
                });
            }
            std::fs::create_dir_all(dir).map_err(|e| Error::File {
                path: dir.display().to_string(),
                message: format!("the output folder could not be made: {e}"),
            })?;
            Some(namer)
        }
        None => None,
    };
    // Every language a row may ask for compiles before the first row, so a
    // broken template is one error, not one per row.
    for lang in action.letters.keys() {
        renderer.prepare(lang)?;
    }
    let mut rows = reader::open(&options.input, format)?;
    let total_bytes = std::fs::metadata(&options.input).ok().map(|m| m.len());
    let progress = progress_bar(total_bytes);
    // Ctrl-C stops the batch between letters, so no file is left half-written.
    interrupt::catch();

    let job = Job {
        action,
        renderer,
        width,
        form,
        paper: options.paper,
        default_lang: default_lang.as_deref(),
        city: options.city.as_deref().unwrap_or(""),
        country: options.country.as_deref().unwrap_or(""),
        namer: namer.as_ref(),
    };
    let mut out = Output::new(options)?;
    let mut tally = Tally::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    loop {
        chunk.clear();
        chunk.extend(rows.by_ref().take(CHUNK));
        if chunk.is_empty() {
            break;
        }
        let results: Vec<std::result::Result<Rendered, Failure>> =
            chunk.par_drain(..).map(|row| job.letter(row)).collect();
        for result in results {
            if interrupt::pressed() {
                break;
            }
            match result {
                Ok(letter) => {
                    tally.fell_back += usize::from(letter.fallback);
                    match out.write(&letter, options.force) {
                        Ok(true) => tally.written += 1,
                        Ok(false) => tally.skipped += 1,
                        Err(Stop::Closed) => return Ok(()),
                        Err(Stop::Failed(message)) => {
                            tally.failed += 1;
                            report(&progress, letter.number, &message);
                        }
                    }
                }
                Err(f) => {
                    tally.failed += 1;
                    report(&progress, f.number, &f.message);
                }
            }
        }
        if let Err(Stop::Closed) = out.flush() {
            return Ok(());
        }
        if let Some(bar) = &progress {
            bar.set_position(rows.bytes_read());
            bar.set_message(format!("{} letters", tally.written));
        }
        if interrupt::pressed() {
            break;
        }
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    summarise(&tally, options, action);
    // History (issue 16): one record for the whole run; a failure is only a warning.
    if !options.no_history && tally.written > 0 {
        crate::history::record_batch(&crate::history::BatchRun {
            action,
            form,
            count: tally.written as u64,
            input: &options.input,
            out_dir: options.out_dir.as_deref(),
        });
    }
    if interrupt::pressed() {
        return Err(Error::Interrupted);
    }
    if tally.failed > 0 {
        return Err(Error::RowsFailed(tally.failed));
    }
    Ok(())
}

/// What every row shares.
struct Job<'a> {
    action: &'a Action,
    renderer: &'a Renderer<'a>,
    width: usize,
    form: deliver::Format,
    paper: deliver::pdf::Paper,
    default_lang: Option<&'a str>,
    city: &'a str,
    country: &'a str,
    namer: Option<&'a Handlebars<'static>>,
}

impl Job<'_> {
    fn letter(
        &self,
        row: std::result::Result<reader::Row, reader::RowError>,
    ) -> std::result::Result<Rendered, Failure> {
        let row = row.map_err(|e| Failure {
            number: e.number,
            message: e.message,
        })?;
        let number = row.number;
        let fail = |message: String| Failure { number, message };
        let mut signer = Signer::default();
        let mut lang_field = None;
        for (key, value) in row.fields {
            match key.to_ascii_lowercase().as_str() {
                "name" => {
                    signer.name = clean_line("name", &value).map_err(|e| fail(e.to_string()))?
                }
                "note" => {
                    signer.note = clean_note("note", &value).map_err(|e| fail(e.to_string()))?
                }
                "city" => {
                    signer.city = clean_line("city", &value).map_err(|e| fail(e.to_string()))?
                }
                "country" => {
                    signer.country =
                        clean_line("country", &value).map_err(|e| fail(e.to_string()))?
                }
                "lang" => lang_field = Some(value),
                _ => {
                    signer.extra.insert(key, value);
                }
            }
        }
        if signer.name.is_empty() {
            return Err(fail("has no name".to_string()));
        }
        if signer.city.is_empty() {
            signer.city = self.city.to_string();
        }
        if signer.country.is_empty() {
            signer.country = self.country.to_string();
        }
        let requested = match lang_field
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            Some(l) => lang::normalize(l)
                .ok_or_else(|| fail(format!("lang: `{l}` is not a language tag")))?,
            None => self
                .default_lang
                .map_or_else(|| self.action.preferred_language.clone(), str::to_string),
        };
        let choice = self.action.choose_letter(&requested);
        let letter = self
            .renderer
            .render(&choice.chosen, &signer)
            .map_err(|e| fail(e.to_string()))?;
        let file_name = match self.namer {
            Some(namer) => Some(
                file_name(namer, number, &signer, &choice.chosen)
                    .map_err(|e| fail(format!("--name-template: {e}")))?,
            ),
            None => None,
        };
        let encoded = match self.form {
            deliver::Format::Txt => None,
            form => {
                let envelope = deliver::Envelope {
                    target: &self.action.target,
                    sender: signer.sender_block(),
                    width: self.width,
                    paper: self.paper,
                };
                Some(deliver::encode(&letter, form, &envelope).map_err(|e| fail(e.to_string()))?)
            }
        };
        Ok(Rendered {
            number,
            name: signer.name,
            fallback: choice.is_fallback(),
            lang: choice.chosen,
            subject: letter.subject,
            body: wrap(&letter.body, self.width),
            encoded,
            file_name,
        })
    }
}

fn name_registry(template: &str) -> Result<Handlebars<'static>> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(handlebars::no_escape);
    registry
        .register_template_string("name", template)
        .map_err(|e| {
            Error::Usage(format!(
                "--name-template: {}",
                crate::letter::syntax_message(&e)
            ))
        })?;
    Ok(registry)
}

fn file_name(
    namer: &Handlebars<'static>,
    number: usize,
    signer: &Signer,
    lang: &str,
) -> std::result::Result<String, String> {
    let mut data: BTreeMap<&str, &str> = signer
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let row = number.to_string();
    data.insert("row", &row);
    data.insert("name", &signer.name);
    data.insert("lang", lang);
    data.insert("city", &signer.city);
    data.insert("country", &signer.country);
    namer
        .render("name", &data)
        .map(|raw| names::sanitize(&raw))
        .map_err(|e| crate::letter::render_message(&e))
}

/// Why writing stopped.
enum Stop {
    /// stdout was closed by its reader: stop quietly.
    Closed,
    /// This letter could not be written.
    Failed(String),
}

enum Output {
    Stdout {
        out: io::BufWriter<io::StdoutLock<'static>>,
        first: bool,
        jsonl: bool,
    },
    Folder {
        dir: PathBuf,
        names: names::Names,
    },
}

impl Output {
    fn new(options: &Options) -> Result<Output> {
        Ok(match &options.out_dir {
            Some(dir) => Output::Folder {
                dir: dir.clone(),
                names: names::Names::default(),
            },
            None => Output::Stdout {
                out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
                first: true,
                jsonl: options.jsonl,
            },
        })
    }

    /// Writes one letter; `Ok(false)` when its file exists and was kept.
    fn write(&mut self, letter: &Rendered, force: bool) -> std::result::Result<bool, Stop> {
        match self {
            Output::Stdout { out, first, jsonl } => {
                let written = if *jsonl {
                    let record = json!({
                        "row": letter.number,
                        "signer": letter.name,
                        "lang": letter.lang,
                        "subject": letter.subject,
                        "body": letter.body,
                    });
                    serde_json::to_writer(&mut *out, &record)
                        .map_err(io::Error::from)
                        .and_then(|()| out.write_all(b"\n"))
                } else {
                    let sep: &[u8] = if *first { b"" } else { b"\x0c" };
                    out.write_all(sep)
                        .and_then(|()| out.write_all(letter.body.as_bytes()))
                };
                *first = false;
                written.map(|()| true).map_err(stdout_stop)
            }
            Output::Folder { dir, names } => {
                let name = names.claim(letter.file_name.as_deref().unwrap_or("letter.txt"));
                let path = dir.join(&name);
                if !force && path.exists() {
                    return Ok(false);
                }
                let bytes = letter.encoded.as_deref().unwrap_or(letter.body.as_bytes());
                match write_file(&path, bytes, force, false) {
                    Ok(()) => Ok(true),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
                    Err(e) => Err(Stop::Failed(format!(
                        "{} could not be written: {e}",
                        path.display()
                    ))),
                }
            }
        }
    }

    fn flush(&mut self) -> std::result::Result<(), Stop> {
        match self {
            Output::Stdout { out, .. } => out.flush().map_err(stdout_stop),
            Output::Folder { .. } => Ok(()),
        }
    }
}

fn stdout_stop(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Failed(format!("writing to stdout failed: {e}"))
    }
}

fn report(progress: &Option<indicatif::ProgressBar>, number: usize, message: &str) {
    let line = format!("appeal: row {number}: {message}");
    match progress {
        Some(bar) => bar.println(line),
        None => talk::line(line),
    }
}

fn summarise(tally: &Tally, options: &Options, action: &Action) {
    let mut parts = vec![format!(
        "{} letter{} written{}",
        tally.written,
        if tally.written == 1 { "" } else { "s" },
        options
            .out_dir
            .as_ref()
            .map(|d| format!(" to {}", d.display()))
            .unwrap_or_default()
    )];
    if tally.skipped > 0 {
        parts.push(format!(
            "{} already there and kept (--force writes them again)",
            tally.skipped
        ));
    }
    if tally.failed > 0 {
        parts.push(format!(
            "{} row{} failed",
            tally.failed,
            if tally.failed == 1 { "" } else { "s" }
        ));
    }
    if tally.fell_back > 0 {
        parts.push(format!(
            "{} in `{}` for want of a letter in the language asked",
            tally.fell_back, action.preferred_language
        ));
    }
    talk::say(parts.join(", "));
}

/// A progress bar on stderr when it is a terminal, sized by the input's bytes.
fn progress_bar(total_bytes: Option<u64>) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = match total_bytes {
        Some(total) => indicatif::ProgressBar::new(total).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {percent:>3}% {msg} ({elapsed}, {eta} left)",
            )
            .expect("the progress template is valid"),
        ),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}
