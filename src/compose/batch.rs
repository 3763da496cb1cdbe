//! Batch letters: the steps of a single letter, for every row of a CSV or
//! JSON Lines file. Rows are read, turned into letters and written in
//! bounded chunks, the letters of a chunk made in parallel, so memory
//! stays flat however many rows there are. The letters go to stdout
//! (separated by form feeds), to stdout as JSON Lines, or one file each in
//! a folder.

use std::io::{self, IsTerminal};

use rayon::prelude::*;
use serde_json::json;

use crate::answers::rows::{self, Defaults, Row, RowError};
use crate::answers::{Answers, Sources};
use crate::destination::folder::{Folder, Put};
use crate::destination::names::{Namer, Names};
use crate::destination::stdout::Stream;
use crate::destination::{self, Destination};
use crate::error::{Error, Result};
use crate::form::{self, pdf};
use crate::interrupt;
use crate::talk;

use super::Composer;
use super::plan::{Batch, Sink};

/// Rows made into letters together; bounds memory to a few megabytes.
const CHUNK: usize = 2048;

/// A row made into a letter, ready to write.
struct Made {
    number: usize,
    name: String,
    lang: String,
    fallback: bool,
    subject: String,
    bytes: Vec<u8>,
    /// For a book of letters: the letter as it is printed.
    printed: Option<form::Printed>,
    file_name: Option<String>,
}

struct Failure {
    number: usize,
    message: String,
}

#[derive(Default)]
struct Tally {
    /// Letters known to be out: in their file, or flushed to stdout.
    written: usize,
    /// Letters handed to stdout's buffer since the last flush.
    pending: usize,
    rescued: usize,
    failed: usize,
    /// The letters in another language than the row asked for, by language.
    fell_back: std::collections::BTreeMap<String, usize>,
}

/// Where the letters go.
enum Out {
    Stream {
        stream: Stream,
        first: bool,
    },
    JsonLines(Stream),
    Folder(Folder),
    /// One PDF of every letter, written when the last is in.
    Book(Box<pdf::Book>),
}

pub fn run(composer: &Composer, batch: &Batch, sources: &Sources) -> Result<()> {
    let action = composer.action;
    let defaults = Defaults::new(sources, action.default_language())?;
    let namer = match &batch.sink {
        // A bad template is refused before anything is made on disk.
        Sink::Folder { names, .. } => Some(Namer::new(names).map_err(Error::Usage)?),
        _ => None,
    };
    // Every language a row may ask for compiles before the first row, so a
    // broken template is one error, not one per row.
    for lang in action.letters.keys() {
        composer.choose(lang)?;
    }
    let mut rows = rows::open(&batch.input, batch.rows)?;
    let mut out = match &batch.sink {
        Sink::Stream => Out::Stream {
            stream: Stream::new(),
            first: true,
        },
        Sink::JsonLines => Out::JsonLines(Stream::new()),
        Sink::Folder { dir, .. } => Out::Folder(Folder::open(
            dir,
            batch.force,
            &composer.stem(),
            namer.as_ref().map_or_else(Names::default, Namer::names),
        )?),
        Sink::Book { duplex, .. } => {
            let book = pdf::Book::new(composer.paper(), *duplex).map_err(|e| Error::Io {
                doing: crate::ui::tr!("batch-starting-pdf"),
                message: e,
            })?;
            Out::Book(Box::new(book))
        }
    };
    let total_bytes = std::fs::metadata(&batch.input).ok().map(|m| m.len());
    let progress = progress_bar(total_bytes);
    // Ctrl-C stops the batch between letters, so no file is left half-written.
    interrupt::catch();

    let job = Job {
        composer,
        batch,
        defaults: &defaults,
        namer: namer.as_ref(),
    };
    let mut tally = Tally::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    let stopped = loop {
        chunk.clear();
        chunk.extend(rows.by_ref().take(CHUNK));
        if chunk.is_empty() {
            break None;
        }
        let results: Vec<std::result::Result<Made, Failure>> = chunk
            .par_drain(..)
            .flat_map_iter(|row| job.letters(row))
            .collect();
        let mut stop = None;
        for result in results {
            if interrupt::pressed() {
                break;
            }
            let letter = match result {
                Ok(letter) => letter,
                Err(f) => {
                    tally.failed += 1;
                    report(&progress, f.number, &f.message);
                    continue;
                }
            };
            if letter.fallback {
                *tally.fell_back.entry(letter.lang.clone()).or_default() += 1;
            }
            match out.put(&letter) {
                Ok(Put::Written) => tally.pending += 1,
                Ok(Put::Rescued) => tally.rescued += 1,
                Err(Stop::Row(message)) => {
                    tally.failed += 1;
                    report(&progress, letter.number, &message);
                }
                Err(stopped) => {
                    stop = Some(stopped);
                    break;
                }
            }
        }
        if let Some(stop) = stop.or_else(|| out.flush().err()) {
            break Some(stop);
        }
        tally.written += std::mem::take(&mut tally.pending);
        if let Some(bar) = &progress {
            bar.set_position(rows.bytes_read());
            bar.set_message(crate::ui::tr!("batch-progress", count = tally.written));
        }
        if interrupt::pressed() {
            break None;
        }
    };
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    match stopped {
        // The reader has all it wanted.
        Some(Stop::Closed) => return Ok(()),
        Some(Stop::Failed(reason)) => {
            return Err(Error::Stopped {
                reason,
                written: tally.written,
            });
        }
        Some(Stop::Row(_)) | None => {}
    }
    summarise(&tally, batch);
    if composer.record && tally.written > 0 {
        // One record for the whole run; a failure is only a warning.
        crate::history::record_batch(&crate::history::BatchRun {
            action,
            form: batch.form,
            count: tally.written as u64,
            input: &batch.input,
            out_dir: match &batch.sink {
                Sink::Folder { dir, .. } => Some(dir.as_path()),
                _ => None,
            },
        });
    }
    match out {
        Out::Folder(folder) => folder.finish()?,
        Out::Book(book) => {
            let Sink::Book { path, .. } = &batch.sink else {
                unreachable!("a book is made for a book sink")
            };
            let bytes = book.finish().map_err(|e| Error::Io {
                doing: crate::ui::tr!("batch-making-pdf"),
                message: e,
            })?;
            let destination = match path {
                Some(path) => Destination::File(path.clone()),
                None => Destination::Stdout,
            };
            destination::deliver(
                &bytes,
                &destination,
                batch.force,
                &format!("{}-letters.pdf", composer.stem()),
            )?;
            if let Destination::File(path) = destination {
                talk::say(crate::ui::tr!(
                    "compose-wrote",
                    path = path.display().to_string()
                ));
            }
        }
        Out::Stream { .. } | Out::JsonLines(_) => {}
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
    composer: &'a Composer<'a>,
    batch: &'a Batch,
    defaults: &'a Defaults,
    namer: Option<&'a Namer>,
}

impl Job<'_> {
    /// The steps of a single letter, for one row: answers, letter, form.
    /// The letters of one row: one, or one per target for `all`.
    fn letters(
        &self,
        row: std::result::Result<Row, RowError>,
    ) -> Vec<std::result::Result<Made, Failure>> {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                return vec![Err(Failure {
                    number: e.number,
                    message: e.message,
                })];
            }
        };
        let number = row.number;
        let fail = |message: String| Failure { number, message };
        let answers = match rows::answers(row, self.defaults) {
            Ok(answers) => answers,
            Err(message) => return vec![Err(fail(message))],
        };
        match self.composer.targets(&answers) {
            Ok(targets) => targets
                .into_iter()
                .map(|target| self.letter(number, &answers, target))
                .collect(),
            Err(e) => vec![Err(fail(e.to_string()))],
        }
    }

    /// The steps of a single letter, for one row and one target.
    fn letter(
        &self,
        number: usize,
        answers: &Answers,
        target: usize,
    ) -> std::result::Result<Made, Failure> {
        let fail = |message: String| Failure { number, message };
        if let Sink::Book { .. } = self.batch.sink {
            let (choice, letter) = self
                .composer
                .render(answers, target)
                .map_err(|e| fail(e.to_string()))?;
            return Ok(Made {
                number,
                fallback: choice.is_fallback(),
                lang: choice.chosen,
                name: answers.signer.name.clone(),
                printed: Some(self.composer.printed(&letter, answers, target)),
                subject: letter.subject,
                bytes: Vec::new(),
                file_name: None,
            });
        }
        let made = self
            .composer
            .make(answers, target, self.batch.form, self.batch.width)
            .map_err(|e| fail(e.to_string()))?;
        let file_name = self
            .namer
            .map(|namer| namer.name(number, &answers.signer, &made.choice.chosen))
            .transpose()
            .map_err(fail)?;
        Ok(Made {
            number,
            fallback: made.choice.is_fallback(),
            lang: made.choice.chosen,
            name: answers.signer.name.clone(),
            subject: made.letter.subject,
            bytes: made.encoded.bytes,
            printed: None,
            file_name,
        })
    }
}

/// Why writing stopped, or why one letter was not written.
enum Stop {
    /// stdout was closed by its reader: stop quietly.
    Closed,
    /// Output failed: stop, and say how many letters were written.
    Failed(String),
    /// This letter could not be written, nor kept; go on with the next.
    Row(String),
}

fn stdout_stop(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Failed(crate::ui::tr!("batch-stdout-failed", error = e.to_string()))
    }
}

impl Out {
    fn put(&mut self, letter: &Made) -> std::result::Result<Put, Stop> {
        match self {
            Out::Stream { stream, first } => {
                if !*first {
                    stream.write(b"\x0c").map_err(stdout_stop)?;
                }
                *first = false;
                stream.write(&letter.bytes).map_err(stdout_stop)?;
            }
            Out::JsonLines(stream) => {
                let record = json!({
                    "row": letter.number,
                    "signer": letter.name,
                    "lang": letter.lang,
                    "subject": letter.subject,
                    "body": String::from_utf8_lossy(&letter.bytes),
                });
                stream
                    .write(&crate::json::line(&record))
                    .map_err(stdout_stop)?;
            }
            Out::Folder(folder) => {
                let name = letter.file_name.as_deref().unwrap_or("letter.txt");
                return folder
                    .put(letter.number, name, &letter.bytes)
                    .map_err(Stop::Row);
            }
            Out::Book(book) => {
                let printed = letter
                    .printed
                    .as_ref()
                    .expect("a book's letters are printed");
                book.add(&printed.page()).map_err(Stop::Row)?;
            }
        }
        Ok(Put::Written)
    }

    fn flush(&mut self) -> std::result::Result<(), Stop> {
        match self {
            Out::Stream { stream, .. } | Out::JsonLines(stream) => {
                stream.flush().map_err(stdout_stop)
            }
            Out::Folder(_) | Out::Book(_) => Ok(()),
        }
    }
}

fn report(progress: &Option<indicatif::ProgressBar>, number: usize, message: &str) {
    let line = format!(
        "appeal: {}",
        crate::text::shown(&crate::ui::tr!(
            "batch-row",
            number = number,
            message = message
        ))
    );
    match progress {
        Some(bar) => bar.println(line),
        None => talk::line(line),
    }
}

fn summarise(tally: &Tally, batch: &Batch) {
    let written = tally.written;
    let mut parts = vec![match &batch.sink {
        Sink::Folder { dir, .. } => crate::ui::tr!(
            "batch-written-to",
            count = written,
            path = dir.display().to_string()
        ),
        _ => crate::ui::tr!("batch-written", count = written),
    }];
    if tally.rescued > 0 {
        parts.push(crate::ui::tr!("batch-rescued", count = tally.rescued));
    }
    if tally.failed > 0 {
        parts.push(crate::ui::tr!("batch-failed", count = tally.failed));
    }
    for (lang, count) in &tally.fell_back {
        parts.push(crate::ui::tr!(
            "batch-fell-back",
            count = *count,
            lang = lang.as_str()
        ));
    }
    talk::say(parts.join(", "));
}

/// A progress bar on stderr when it is a terminal, sized by the input's bytes.
fn progress_bar(total_bytes: Option<u64>) -> Option<indicatif::ProgressBar> {
    // Plain prompts mean nothing redrawn on the terminal.
    if !io::stderr().is_terminal() || crate::talk::plain() {
        return None;
    }
    let bar = match total_bytes {
        Some(total) => {
            // The words around the times are the interface's; the times
            // go in as indicatif's own keys.
            let times = crate::ui::tr!("batch-progress-time", elapsed = "{elapsed}", eta = "{eta}");
            let template = format!("{{bar:30}} {{percent:>3}}% {{msg}} ({times})");
            let style = indicatif::ProgressStyle::with_template(&template)
                .or_else(|_| {
                    indicatif::ProgressStyle::with_template("{bar:30} {percent:>3}% {msg}")
                })
                .expect("the progress template is valid");
            indicatif::ProgressBar::new(total).with_style(style)
        }
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}
