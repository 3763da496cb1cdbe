//! A letter's form: plain text, an email draft, a printable PDF or a
//! `mailto:` link. A form turns a letter into the bytes to deliver, and
//! returns what the writer should know about the result as data; it never
//! prints, and it knows nothing of where the bytes go.

pub mod eml;
pub mod mailto;
pub mod pdf;

use std::path::Path;

use crate::action::{Recipient, Target};
use crate::error::{Error, Result};
use crate::letter::Letter;
use crate::wrap::wrap;

/// The form a letter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Form {
    Txt,
    Eml,
    Pdf,
    Mailto,
}

impl Form {
    /// The form a file name asks for: `.eml`, `.pdf`, else text.
    pub fn from_path(path: &Path) -> Form {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("eml") => Form::Eml,
            Some(e) if e.eq_ignore_ascii_case("pdf") => Form::Pdf,
            _ => Form::Txt,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Form::Txt | Form::Mailto => "txt",
            Form::Eml => "eml",
            Form::Pdf => "pdf",
        }
    }

    /// Whether the result is text a person can read or paste.
    pub fn is_text(self) -> bool {
        matches!(self, Form::Txt | Form::Mailto)
    }

    /// Whether the letter's lines are hard-wrapped in this form. A PDF lays
    /// out its own lines, and a link carries the text as it is.
    pub fn wraps(self) -> bool {
        matches!(self, Form::Txt | Form::Eml)
    }
}

/// What a letter needs besides its own text to take a form: who sends it,
/// to whom, and how wide its lines may be.
pub struct Envelope<'a> {
    pub target: &'a Target,
    /// Whom copies go to (an email draft's Cc).
    pub copies: &'a [Recipient],
    /// The writer's block: name, then place if given.
    pub sender: Vec<String>,
    /// Hard-wrap width for text (0: none).
    pub width: usize,
    pub paper: pdf::Paper,
}

/// Something about an encoded letter that the writer should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A `mailto:` link longer than many mail clients take.
    LongLink { length: usize, safe: usize },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::LongLink { length, safe } => f.write_str(&crate::ui::tr!(
                "form-long-link",
                length = *length,
                safe = *safe
            )),
        }
    }
}

/// A letter in its form: the bytes to deliver, and any warnings.
#[derive(Debug)]
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub warnings: Vec<Warning>,
}

impl From<Vec<u8>> for Encoded {
    fn from(bytes: Vec<u8>) -> Encoded {
        Encoded {
            bytes,
            warnings: Vec::new(),
        }
    }
}

/// The letter in `form`, as the bytes to deliver.
pub fn encode(letter: &Letter, form: Form, envelope: &Envelope) -> Result<Encoded> {
    let fail = |doing: String, e: String| Error::Io { doing, message: e };
    match form {
        Form::Txt => Ok(wrap(&letter.body, envelope.width).into_bytes().into()),
        Form::Eml => {
            let body = Letter {
                body: wrap(&letter.body, envelope.width),
                ..letter.clone()
            };
            eml::message(&body, envelope.target, envelope.copies)
                .map(Encoded::from)
                .map_err(|e| fail(crate::ui::tr!("form-making-eml"), e.to_string()))
        }
        Form::Mailto => {
            let url = mailto::url(letter, envelope.target, envelope.copies);
            let warnings = (url.len() > mailto::SAFE_LENGTH)
                .then_some(Warning::LongLink {
                    length: url.len(),
                    safe: mailto::SAFE_LENGTH,
                })
                .into_iter()
                .collect();
            Ok(Encoded {
                bytes: format!("{url}\n").into_bytes(),
                warnings,
            })
        }
        Form::Pdf => pdf::render(&printed(letter, envelope).page(), envelope.paper)
            .map(Encoded::from)
            .map_err(|e| fail(crate::ui::tr!("form-making-pdf"), e)),
    }
}

/// A letter as it is printed: the writer's block, the recipient's postal
/// block and the text. It owns them, so that letters made in parallel can
/// be added to a [`pdf::Book`] one at a time, in order.
#[derive(Debug, Clone)]
pub struct Printed {
    pub sender: Vec<String>,
    pub recipient: Vec<String>,
    pub body: String,
}

impl Printed {
    pub fn page(&self) -> pdf::Page<'_> {
        pdf::Page {
            sender: &self.sender,
            recipient: &self.recipient,
            body: &self.body,
        }
    }
}

/// The letter as it is printed, to the envelope's target: full name, title,
/// organisation, then address lines.
pub fn printed(letter: &Letter, envelope: &Envelope) -> Printed {
    let target = envelope.target;
    let mut recipient = vec![target.full_name()];
    recipient.extend((!target.title.is_empty()).then(|| target.title.clone()));
    recipient.extend(target.organisation.clone());
    recipient.extend(target.address.iter().cloned());
    Printed {
        sender: envelope.sender.clone(),
        recipient,
        body: letter.body.clone(),
    }
}
