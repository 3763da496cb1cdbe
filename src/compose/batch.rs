//! Batch letters: the steps of a single letter, for every row of a CSV or
//! JSON Lines file. Rows are read, turned into letters and written in
//! bounded chunks, the letters of a chunk made in parallel, so memory
//! stays flat however many rows there are. The letters go into a sheaf,
//! as the letters answered here do.

use rayon::prelude::*;

use crate::answers::rows::{self, Defaults, Row, RowError};
use crate::answers::{Answers, Sources};
use crate::destination::folder::Put;
use crate::destination::names::{Namer, Names};
use crate::error::{Error, Result};
use crate::interrupt;
use crate::talk;

use super::Composer;
use super::plan::{Output, Plan, Rows, To};
use super::sheaf::{Encoder, Leaf, Sheaf, Stop};

/// Rows made into letters together; bounds memory to a few megabytes.
const CHUNK: usize = 2048;

/// A row made into a letter, ready to write.
struct Made {
    leaf: Leaf,
    fallback: bool,
    /// Its bytes are in its part's, in words for the stream.
    streamed: bool,
}

/// What one thread made of its share of a chunk's rows, in row order.
#[derive(Default)]
struct Part {
    /// The letters in words, one after another, for a sheaf that is a
    /// stream: each thread writes its own, and frees what it allocated.
    bytes: Vec<u8>,
    made: Vec<std::result::Result<Made, Failure>>,
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

pub fn run(composer: &Composer, plan: &Plan, sources: &Sources) -> Result<()> {
    let (Rows::File { input, format }, Some(output)) = (&plan.rows, &plan.output) else {
        unreachable!("a batch has a file of rows and a planned output")
    };
    let action = composer.action;
    let defaults = Defaults::new(sources, action.default_language())?;
    let namer = output.namer()?;
    // Every language a row may ask for compiles before the first row, so a
    // broken template is one error, not one per row.
    for lang in action.letters.keys() {
        composer.choose(lang)?;
    }
    let rows = rows::open(input, *format)?;
    let mut sheaf = Sheaf::open(
        output,
        true,
        &composer.stem(),
        composer.paper(),
        namer.as_ref().map_or_else(Names::default, Namer::names),
    )?;
    let progress = progress_bar(
        plan.state.stderr_is_terminal,
        std::fs::metadata(input).ok().map(|m| m.len()),
    );
    // Ctrl-C stops the batch between letters, so no file is left half-written.
    interrupt::catch();
    let job = Job {
        composer,
        output,
        defaults: &defaults,
        namer: namer.as_ref(),
    };
    let (tally, stopped) = write_rows(&job, rows, &mut sheaf, progress.as_ref());
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
    summarise(&tally, output);
    if composer.record && tally.written > 0 {
        // One record for the whole run; a failure is only a warning.
        crate::history::record_batch(&crate::history::BatchRun {
            action,
            form: output.form,
            count: tally.written as u64,
            input,
            out_dir: match &output.to {
                To::Folder(dir) => Some(dir.as_path()),
                _ => None,
            },
        });
    }
    sheaf.finish()?;
    if let To::File(path) = &output.to {
        talk::say(crate::ui::tr!(
            "compose-wrote",
            path = path.display().to_string()
        ));
    }
    if interrupt::pressed() {
        return Err(Error::Interrupted);
    }
    if tally.failed > 0 {
        return Err(Error::RowsFailed(tally.failed));
    }
    Ok(())
}

/// Makes the rows into letters, a chunk at a time, and puts them in the
/// sheaf; stops early when output fails or Ctrl-C is pressed.
fn write_rows(
    job: &Job,
    mut rows: rows::Rows,
    sheaf: &mut Sheaf,
    progress: Option<&indicatif::ProgressBar>,
) -> (Tally, Option<Stop>) {
    let mut tally = Tally::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    // The parts of one chunk, emptied, for the next: their buffers keep
    // their size, so a chunk's letters are neither copied as the buffers
    // grow nor written into memory the kernel must hand out again.
    let spare: std::sync::Mutex<Vec<Part>> = std::sync::Mutex::default();
    let spares = || {
        spare
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let reuse = || spares().pop().unwrap_or_default();
    let stopped = loop {
        chunk.clear();
        chunk.extend(rows.by_ref().take(CHUNK));
        if chunk.is_empty() {
            break None;
        }
        let encoder = sheaf.encoder();
        let mut parts: Vec<Part> = chunk
            .par_drain(..)
            .fold(reuse, |mut part, row| {
                job.row_into(row, encoder, &mut part);
                part
            })
            .collect();
        let stop = parts
            .iter_mut()
            .find_map(|part| put_part(part, sheaf, &mut tally, progress).err())
            .or_else(|| sheaf.flush().err());
        if let Some(stop) = stop {
            break Some(stop);
        }
        spares().extend(parts);
        tally.written += std::mem::take(&mut tally.pending);
        if let Some(bar) = progress {
            bar.set_position(rows.bytes_read());
            bar.set_message(crate::ui::tr!("batch-progress", count = tally.written));
        }
        if interrupt::pressed() {
            break None;
        }
    };
    (tally, stopped)
}

/// Puts a part's letters in the sheaf, counting and reporting each, and
/// leaves the part empty.
fn put_part(
    part: &mut Part,
    sheaf: &mut Sheaf,
    tally: &mut Tally,
    progress: Option<&indicatif::ProgressBar>,
) -> std::result::Result<(), Stop> {
    let put = put_letters(&mut part.made, &part.bytes, sheaf, tally, progress);
    part.bytes.clear();
    part.made.clear();
    put
}

fn put_letters(
    made: &mut Vec<std::result::Result<Made, Failure>>,
    bytes: &[u8],
    sheaf: &mut Sheaf,
    tally: &mut Tally,
    progress: Option<&indicatif::ProgressBar>,
) -> std::result::Result<(), Stop> {
    if interrupt::pressed() {
        return Ok(());
    }
    for result in made.drain(..) {
        let made = match result {
            Ok(made) => made,
            Err(f) => {
                tally.failed += 1;
                report(progress, f.number, &f.message);
                continue;
            }
        };
        if made.fallback {
            *tally.fell_back.entry(made.leaf.lang.clone()).or_default() += 1;
        }
        if made.streamed {
            tally.pending += 1;
            continue;
        }
        match sheaf.put(&made.leaf) {
            Ok(Put::Written) => tally.pending += 1,
            Ok(Put::Rescued) => tally.rescued += 1,
            Err(Stop::Row(message)) => {
                tally.failed += 1;
                report(progress, made.leaf.number, &message);
            }
            Err(stopped) => return Err(stopped),
        }
    }
    if bytes.is_empty() {
        return Ok(());
    }
    sheaf.put_stream(bytes)
}

/// What every row shares.
struct Job<'a> {
    composer: &'a Composer<'a>,
    output: &'a Output,
    defaults: &'a Defaults,
    namer: Option<&'a Namer>,
}

impl Job<'_> {
    /// The letters of one row, added to `part`: in words, when the sheaf
    /// is a stream.
    fn row_into(
        &self,
        row: std::result::Result<Row, RowError>,
        encoder: Option<Encoder>,
        part: &mut Part,
    ) {
        for mut result in self.letters(row) {
            if let (Some(encoder), Ok(made)) = (encoder, &mut result) {
                encoder.append(&made.leaf, &mut part.bytes);
                // Freed here, on the thread that allocated them: the
                // thread that writes the parts needs only the counts, and
                // the language of a letter that fell back.
                let leaf = &mut made.leaf;
                crate::template::give_back(std::mem::take(&mut leaf.bytes));
                leaf.subject = String::new();
                leaf.signer = String::new();
                if !made.fallback {
                    leaf.lang = String::new();
                }
                made.streamed = true;
            }
            part.made.push(result);
        }
    }

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
        let made = self
            .composer
            .make(
                super::Which {
                    number,
                    answers,
                    target,
                },
                self.output,
                self.namer,
            )
            .map_err(|e| Failure {
                number,
                message: e.to_string(),
            })?;
        Ok(Made {
            fallback: made.choice.is_fallback(),
            leaf: made.leaf,
            streamed: false,
        })
    }
}

fn report(progress: Option<&indicatif::ProgressBar>, number: usize, message: &str) {
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

fn summarise(tally: &Tally, output: &Output) {
    let written = tally.written;
    let mut parts = vec![match &output.to {
        To::Folder(dir) => crate::ui::tr!(
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
fn progress_bar(
    stderr_is_terminal: bool,
    total_bytes: Option<u64>,
) -> Option<indicatif::ProgressBar> {
    // Plain prompts mean nothing redrawn on the terminal.
    if !stderr_is_terminal || crate::talk::plain() {
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
