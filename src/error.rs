//! The errors `appeal` reports to people, and the exit code each one maps to.

use std::path::PathBuf;

/// Exit codes, documented in the README. Scripts rely on them: never renumber.
pub mod exit {
    /// The letter was delivered, or the command did what it was asked.
    pub const OK: u8 = 0;
    /// `appeal check` found errors, or something failed that fits no other
    /// code (an I/O error, a bug).
    pub const FAILURE: u8 = 1;
    /// The command line is wrong: a bad flag, an unknown action or language,
    /// a required value missing with no terminal to ask on.
    pub const USAGE: u8 = 2;
    /// A file's content is wrong: an action, a translation, a note file.
    pub const BAD_INPUT: u8 = 3;
    /// The letter could not go where it was asked; it was saved elsewhere.
    pub const DELIVERY: u8 = 4;
    /// The user pressed Ctrl-C.
    pub const INTERRUPTED: u8 = 130;
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error("{path}:{line}:{column}: {message}")]
    Yaml {
        path: String,
        line: u64,
        column: u64,
        message: String,
    },

    #[error("{path}: field `{field}`: {message}")]
    Field {
        path: String,
        field: String,
        message: String,
    },

    #[error("{path}: {message}")]
    File { path: String, message: String },

    #[error("unknown action `{id}`{}; the actions are: {} (see `appeal list`)", suggest(.suggestion), .available.join(", "))]
    UnknownAction {
        id: String,
        suggestion: Option<String>,
        available: Vec<String>,
    },

    #[error("{0}")]
    Usage(String),

    #[error("{what}: {message}")]
    BadText { what: String, message: String },

    #[error("{path}: {at}, line {line}, column {column}: {message}")]
    Template {
        path: String,
        at: TemplateAt,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{reason}; the letter was saved to {}", .saved.display())]
    Delivery { reason: String, saved: PathBuf },

    #[error("{reason}; the letter could not be saved anywhere either ({rescue_error}){}", if *.shown { "; it was printed on stdout instead" } else { "" })]
    DeliveryUnsaved {
        reason: String,
        rescue_error: String,
        shown: bool,
    },

    /// Batch letters that could not go where they were asked and were
    /// kept in the rescue folder instead.
    #[error("{reason}; {count} letter(s) were saved to {} instead", .saved.display())]
    Rescued {
        reason: String,
        count: usize,
        saved: PathBuf,
    },

    /// Output stopped part way: what was written is all there is.
    #[error("{reason}; {written} letter(s) were written before it stopped")]
    Stopped { reason: String, written: usize },

    /// Something outside appeal failed: a write to stdout, the editor,
    /// the terminal, a PDF's layout.
    #[error("{doing}: {message}")]
    Io { doing: String, message: String },

    #[error("cancelled")]
    Interrupted,

    /// Some rows of a batch could not become letters; each was reported.
    #[error("{0} row(s) of the batch could not be turned into letters (reported above)")]
    RowsFailed(usize),

    /// `appeal check` found errors; they were already printed.
    #[error("{0} error(s) found")]
    CheckFailed(usize),
}

/// Where in an action's files a template is: `letters.es.body` in the
/// action file, or just `body` in a translation file of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateAt {
    pub lang: String,
    pub part: Part,
    /// Whether the letter is in a translation file (`cecot.es.yaml`).
    pub in_translation: bool,
}

/// A part of a model letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Subject,
    Body,
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Subject => "subject",
            Part::Body => "body",
        }
    }
}

impl TemplateAt {
    /// The field's path in its file, as keys.
    pub fn keys(&self) -> Vec<&str> {
        if self.in_translation {
            vec![self.part.key()]
        } else {
            vec!["letters", &self.lang, self.part.key()]
        }
    }
}

impl std::fmt::Display for TemplateAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.keys().join("."))
    }
}

fn suggest(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Yaml { .. }
            | Error::Field { .. }
            | Error::File { .. }
            | Error::Template { .. }
            | Error::BadText { .. }
            | Error::RowsFailed(_) => exit::BAD_INPUT,
            Error::UnknownAction { .. } | Error::Usage(_) => exit::USAGE,
            Error::Delivery { .. }
            | Error::DeliveryUnsaved { .. }
            | Error::Rescued { .. }
            | Error::Stopped { .. } => exit::DELIVERY,
            Error::Io { .. } => exit::FAILURE,
            Error::Interrupted => exit::INTERRUPTED,
            Error::CheckFailed(_) => exit::FAILURE,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
