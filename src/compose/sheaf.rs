//! A sheaf: several letters put together in one form, and written where
//! the plan says. Text letters follow one another with a form feed between
//! two, links a line each, JSON Lines an object each; a PDF book holds
//! every letter from a new sheet; a folder takes one file each. A single
//! letter is a sheaf of one.
//!
//! The bytes of a sheaf either stream to stdout as the letters come (the
//! rows of a batch file, whose count nobody knows), or are held until the
//! last letter is in and delivered in one write: to a file, atomically; to
//! the clipboard; to stdout for letters answered here. A held sheaf that
//! can't be delivered is kept in the rescue folder, like any letter.

use std::io;

use crate::destination::folder::{Folder, Put};
use crate::destination::names::Names;
use crate::destination::stdout::Stream;
use crate::destination::{self, Destination};
use crate::error::{Error, Result};
use crate::form::{self, pdf};

use super::plan::{self, Output, To};

/// The most bytes held for one delivery: letters beyond go to stdout or a
/// folder, which take them as they come.
const MAX_HELD: usize = 64 << 20;

/// One letter, ready to be put in a sheaf.
pub struct Leaf {
    /// The row it came from (1 for letters answered here).
    pub number: usize,
    pub signer: String,
    pub lang: String,
    pub subject: String,
    /// The letter in its form; empty for a book, which prints it itself.
    pub bytes: Vec<u8>,
    /// For a book: the letter as it is printed.
    pub printed: Option<form::Printed>,
    /// For a folder: the file's name.
    pub file_name: Option<String>,
}

/// Why writing stopped, or why one letter was not written.
pub enum Stop {
    /// stdout was closed by its reader: stop quietly.
    Closed,
    /// Output failed: stop, and say how many letters were written.
    Failed(String),
    /// This letter could not be written, nor kept; go on with the next.
    Row(String),
}

pub struct Sheaf {
    kind: Kind,
    out: Out,
    /// A letter's bytes in a stream, between `put` and the stream.
    scratch: Vec<u8>,
}

enum Kind {
    /// One letter after another, each as `Encoder` has it.
    Stream {
        encoder: Encoder,
        first: bool,
    },
    Book(Box<pdf::Book>),
    Files(Folder),
}

/// How a letter reads in a stream of letters. The rows of a batch are put
/// in words by several threads at once, each into a buffer of its own, so
/// the sheaf then takes many letters in one piece (`put_stream`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoder {
    /// The letter, after `separator` (left out before the first letter).
    Plain { separator: Option<u8> },
    /// One JSON object a line.
    JsonLines,
}

impl Encoder {
    /// Appends the letter to `out`, as the stream has it.
    pub fn append(self, leaf: &Leaf, out: &mut Vec<u8>) {
        match self {
            Encoder::Plain { separator } => {
                out.extend(separator);
                out.extend_from_slice(&leaf.bytes);
            }
            Encoder::JsonLines => {
                let record = Record {
                    body: &String::from_utf8_lossy(&leaf.bytes),
                    lang: &leaf.lang,
                    row: leaf.number,
                    signer: &leaf.signer,
                    subject: &leaf.subject,
                };
                out.extend(crate::json::line(&record));
            }
        }
    }
}

/// Where the sheaf's bytes go.
enum Out {
    /// stdout, as the letters come.
    Streamed(Stream),
    /// Held, and delivered when the last letter is in.
    Held {
        bytes: Vec<u8>,
        destination: Destination,
        force: bool,
        /// The rescue file's name, should delivery fail.
        rescue: String,
    },
    /// A folder takes each letter itself.
    None,
}

impl Sheaf {
    /// A sheaf for `output`. `stream`: letters to stdout are written as they
    /// come rather than held. `stem` names rescue files (`cecot-2026-11-29`).
    pub fn open(
        output: &Output,
        stream: bool,
        stem: &str,
        paper: pdf::Paper,
        names: Names,
    ) -> Result<Sheaf> {
        let letters = |encoder| Kind::Stream {
            encoder,
            first: true,
        };
        let kind = match &output.layout {
            plan::Layout::Stream { separator } => letters(Encoder::Plain {
                separator: *separator,
            }),
            plan::Layout::One => letters(Encoder::Plain { separator: None }),
            plan::Layout::JsonLines => letters(Encoder::JsonLines),
            plan::Layout::Book { duplex } => {
                let book = pdf::Book::new(paper, *duplex).map_err(|e| Error::Io {
                    doing: crate::ui::tr!("batch-starting-pdf"),
                    message: e,
                })?;
                Kind::Book(Box::new(book))
            }
            plan::Layout::Files { .. } => {
                let To::Folder(dir) = &output.to else {
                    unreachable!("files go to a folder")
                };
                Kind::Files(Folder::open(dir, output.force, stem, names)?)
            }
        };
        let out = match (&kind, &output.to) {
            (Kind::Files(_), _) => Out::None,
            // A book is made whole, then written.
            (Kind::Stream { .. }, To::Stdout) if stream => Out::Streamed(Stream::new()),
            _ => Out::Held {
                bytes: Vec::new(),
                destination: output.destination(),
                force: output.force,
                rescue: match &kind {
                    Kind::Book(_) => format!("{stem}-letters.pdf"),
                    _ => format!("{stem}.{}", output.form.extension()),
                },
            },
        };
        Ok(Sheaf {
            kind,
            out,
            scratch: Vec::new(),
        })
    }

    /// How letters read in this sheaf, when it is a stream of them.
    pub fn encoder(&self) -> Option<Encoder> {
        match self.kind {
            Kind::Stream { encoder, .. } => Some(encoder),
            Kind::Book(_) | Kind::Files(_) => None,
        }
    }

    /// Letters as `encoder` put them, one after another, into a stream.
    pub fn put_stream(&mut self, bytes: &[u8]) -> std::result::Result<(), Stop> {
        let Kind::Stream { encoder, first } = &mut self.kind else {
            unreachable!("only a stream takes letters already in words")
        };
        let skip = match encoder {
            Encoder::Plain { separator: Some(_) } if *first && !bytes.is_empty() => 1,
            _ => 0,
        };
        *first &= bytes.is_empty();
        self.out.write(&bytes[skip..])
    }

    pub fn put(&mut self, leaf: &Leaf) -> std::result::Result<Put, Stop> {
        match &mut self.kind {
            Kind::Stream { encoder, .. } => {
                let mut scratch = std::mem::take(&mut self.scratch);
                scratch.clear();
                encoder.append(leaf, &mut scratch);
                let put = self.put_stream(&scratch);
                self.scratch = scratch;
                put?;
            }
            Kind::Files(folder) => {
                let name = leaf.file_name.as_deref().unwrap_or("letter.txt");
                return folder
                    .put(leaf.number, name, &leaf.bytes)
                    .map_err(Stop::Row);
            }
            Kind::Book(book) => {
                let printed = leaf.printed.as_ref().expect("a book's letters are printed");
                book.add(&printed.page()).map_err(Stop::Row)?;
            }
        }
        Ok(Put::Written)
    }

    /// Hands what is buffered for stdout on; an error here means letters
    /// were lost, and must not pass unseen.
    pub fn flush(&mut self) -> std::result::Result<(), Stop> {
        match &mut self.out {
            Out::Streamed(stream) => stream.flush().map_err(stdout_stop),
            Out::Held { .. } | Out::None => Ok(()),
        }
    }

    /// Ends the sheaf: a book is made, what is held delivered, and a
    /// folder says whether letters went to the rescue folder. Returns the
    /// bytes delivered in one piece, if they were held.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        if let Kind::Book(book) = self.kind {
            let made = book.finish().map_err(|e| Error::Io {
                doing: crate::ui::tr!("batch-making-pdf"),
                message: e,
            })?;
            if let Out::Held { bytes, .. } = &mut self.out {
                *bytes = made;
            }
            return self.out.deliver();
        }
        if let Kind::Files(folder) = self.kind {
            return folder.finish().map(|()| Vec::new());
        }
        self.out.deliver()
    }
}

/// A letter as one line of JSON Lines (its keys in the order they have
/// always had).
#[derive(serde::Serialize)]
struct Record<'a> {
    body: &'a str,
    lang: &'a str,
    row: usize,
    signer: &'a str,
    subject: &'a str,
}

impl Out {
    fn write(&mut self, bytes: &[u8]) -> std::result::Result<(), Stop> {
        match self {
            Out::Streamed(stream) => stream.write(bytes).map_err(stdout_stop),
            Out::Held { bytes: held, .. } => {
                if held.len() + bytes.len() > MAX_HELD {
                    return Err(Stop::Failed(crate::ui::tr!(
                        "sheaf-too-large",
                        max = MAX_HELD >> 20
                    )));
                }
                held.extend_from_slice(bytes);
                Ok(())
            }
            Out::None => Ok(()),
        }
    }

    fn deliver(self) -> Result<Vec<u8>> {
        match self {
            Out::Streamed(mut stream) => match stream.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Stopped {
                    reason: crate::ui::tr!("batch-stdout-failed", error = e.to_string()),
                    written: 0,
                }),
                _ => Ok(Vec::new()),
            },
            Out::Held {
                bytes,
                destination,
                force,
                rescue,
            } => destination::deliver(&bytes, &destination, force, &rescue).map(|()| bytes),
            Out::None => Ok(Vec::new()),
        }
    }
}

fn stdout_stop(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Failed(crate::ui::tr!("batch-stdout-failed", error = e.to_string()))
    }
}
