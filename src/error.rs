//! The errors `appeal` reports to people, and the exit code each one maps to.

use std::path::PathBuf;

use crate::ui::Message;

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
    /// The output could not go where it was asked: a file was already
    /// there (without `--force`), for every command alike; or a letter could
    /// not be delivered, and was saved elsewhere.
    pub const DELIVERY: u8 = 4;
    /// The user pressed Ctrl-C.
    pub const INTERRUPTED: u8 = 130;
}

/// What went wrong. The message says what happened and where, in the
/// interface language; paths, fields and what was quoted stay as written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// `path:line:column: message`.
    Yaml {
        path: String,
        line: u64,
        column: u64,
        message: Message,
    },

    Field {
        path: String,
        field: String,
        message: Message,
    },

    File {
        path: String,
        message: Message,
    },

    UnknownAction {
        id: String,
        suggestion: Option<String>,
        available: Vec<String>,
    },

    Usage(Message),

    BadText {
        what: String,
        message: Message,
    },

    Template {
        path: String,
        at: TemplateAt,
        line: usize,
        column: usize,
        message: Message,
    },

    /// A file is already where output was to go, and `--force` was not
    /// given: the one refusal of every command that writes a file.
    Exists {
        path: PathBuf,
    },

    Delivery {
        reason: String,
        saved: PathBuf,
    },

    DeliveryUnsaved {
        reason: String,
        rescue_error: String,
        shown: bool,
    },

    /// Batch letters that could not go where they were asked and were
    /// kept in the rescue folder instead.
    Rescued {
        reason: String,
        count: usize,
        saved: PathBuf,
    },

    /// Output stopped part way: what was written is all there is.
    Stopped {
        reason: String,
        written: usize,
    },

    /// Something outside appeal failed: a write to stdout, the editor,
    /// the terminal, a PDF's layout.
    Io {
        doing: String,
        message: String,
    },

    Interrupted,

    /// Some rows of a batch could not become letters; each was reported.
    RowsFailed(usize),

    /// `appeal check` found errors; they were already printed.
    CheckFailed(usize),

    /// Some action files could not be read; each was named as it was met,
    /// and the rest were used.
    Unreadable(usize),

    /// `appeal update`: some feeds could not be updated; each was reported.
    /// `refused`: one of them was refused as bad input.
    FeedsFailed {
        count: usize,
        refused: bool,
    },
}

/// In the interface's language.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::ui::lang()))
    }
}

impl Error {
    /// The error in words, in language `lang`: the interface's for people,
    /// English for output that scripts read (`check --json`).
    pub fn render(&self, lang: &str) -> String {
        // `say!("id", name = value, …)`: a message in `lang`.
        macro_rules! say {
            ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
                crate::ui::msg!($id $(, $name = $value)*).render(lang)
            };
        }
        match self {
            Error::Yaml {
                path,
                line,
                column,
                message,
            } => format!("{path}:{line}:{column}: {}", message.render(lang)),
            Error::Field {
                path,
                field,
                message,
            } => say!("error-field", path = path, field = field, message = message),
            Error::File { path, message } => format!("{path}: {}", message.render(lang)),
            Error::UnknownAction {
                id,
                suggestion,
                available,
            } => {
                let actions = available.join(", ");
                match suggestion {
                    Some(suggestion) => say!(
                        "error-unknown-action-suggest",
                        id = id,
                        suggestion = suggestion,
                        actions = actions
                    ),
                    None => say!("error-unknown-action", id = id, actions = actions),
                }
            }
            Error::Usage(message) => message.render(lang),
            Error::BadText { what, message } => format!("{what}: {}", message.render(lang)),
            Error::Template {
                path,
                at,
                line,
                column,
                message,
            } => say!(
                "error-template",
                path = path,
                at = at.to_string(),
                line = *line,
                column = *column,
                message = message
            ),
            Error::Exists { path } => {
                say!("delivery-exists", path = path.display().to_string())
            }
            Error::Delivery { reason, saved } => say!(
                "error-delivery",
                reason = reason,
                saved = saved.display().to_string()
            ),
            Error::DeliveryUnsaved {
                reason,
                rescue_error,
                shown,
            } => Message::new(
                match shown {
                    true => "error-delivery-unsaved-shown",
                    false => "error-delivery-unsaved",
                },
                vec![("reason", reason.into()), ("error", rescue_error.into())],
            )
            .render(lang),
            Error::Rescued {
                reason,
                count,
                saved,
            } => say!(
                "error-rescued",
                reason = reason,
                count = *count,
                saved = saved.display().to_string()
            ),
            Error::Stopped { reason, written } => {
                say!("error-stopped", reason = reason, count = *written)
            }
            Error::Io { doing, message } => format!("{doing}: {message}"),
            Error::Interrupted => say!("error-interrupted"),
            Error::RowsFailed(count) => say!("error-rows-failed", count = *count),
            Error::CheckFailed(count) => say!("error-check-failed", count = *count),
            Error::Unreadable(count) => say!("error-unreadable", count = *count),
            Error::FeedsFailed { count, .. } => {
                say!("feed-update-failed", count = *count)
            }
        }
    }
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

impl Error {
    /// Whether the error was already reported, line by line, as it
    /// happened: only the exit code is left to give.
    pub fn reported(&self) -> bool {
        matches!(
            self,
            Error::CheckFailed(_) | Error::RowsFailed(_) | Error::FeedsFailed { .. }
        )
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Yaml { .. }
            | Error::Field { .. }
            | Error::File { .. }
            | Error::Template { .. }
            | Error::BadText { .. }
            | Error::RowsFailed(_)
            | Error::Unreadable(_) => exit::BAD_INPUT,
            Error::UnknownAction { .. } | Error::Usage(_) => exit::USAGE,
            Error::Exists { .. }
            | Error::Delivery { .. }
            | Error::DeliveryUnsaved { .. }
            | Error::Rescued { .. }
            | Error::Stopped { .. } => exit::DELIVERY,
            Error::Io { .. } => exit::FAILURE,
            Error::Interrupted => exit::INTERRUPTED,
            Error::CheckFailed(_) => exit::FAILURE,
            Error::FeedsFailed { refused: true, .. } => exit::BAD_INPUT,
            Error::FeedsFailed { refused: false, .. } => exit::FAILURE,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
