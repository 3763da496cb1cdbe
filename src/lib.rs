//! `appeal`: compose personal letters for human-rights urgent actions.
//!
//! Data flows one way: the command line names an action, the `library`
//! loads it, `compose` plans the work and gathers the signer's `answers`
//! (flags, the environment, the config file, prompts or batch rows), the
//! `letter` is rendered, a `form` turns it into bytes (text, email draft,
//! PDF, mailto link) and a `destination` delivers them (stdout, a file, the
//! clipboard, a folder).

pub mod action;
pub mod answers;
pub mod cli;
pub mod commands;
pub mod compose;
pub mod config;
pub mod dates;
pub mod deadline;
pub mod destination;
pub mod email;
pub mod error;
pub mod feed;
pub mod form;
pub mod fs;
pub mod history;
pub mod import;
pub mod interrupt;
pub mod json;
pub mod lang;
pub mod letter;
pub mod library;
pub mod lint;
pub mod markers;
pub mod paragraphs;
pub mod placeholders;
pub mod prompt;
pub mod talk;
pub mod template;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod wrap;
pub mod yaml;

// The surface that tests, benchmarks and fuzz targets use: these names stay
// where they are when the modules behind them move.
pub use action::Action;
pub use answers::Signer;
pub use answers::rows::{Format as RowsFormat, open as read_rows};
pub use answers::signer::{clean_line, clean_note};
pub use destination::names::sanitize as file_name;
pub use letter::{Letter, Renderer};
pub use library::Library;
pub use template::{Template, letter_registry};
pub use wrap::wrap;

/// What unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    /// A process environment holding only `pairs`, as the functions that
    /// read one take it.
    pub fn env_of(
        pairs: &'static [(&'static str, &'static str)],
    ) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }
}
