//! One module per subcommand; each takes parsed arguments and does the job.

pub mod check;
pub mod completions;
pub mod feed;
pub mod history;
pub mod import;
pub mod list;
pub mod man;
pub mod new;
pub mod preview;
pub mod remind;
pub mod show;
mod table;
pub mod update;

use crate::destination::stdout;
use crate::error::{Error, Result};

/// Prints a command's result on stdout; a closed pipe is not an error.
fn print(text: &str) -> Result<()> {
    stdout::write(text.as_bytes()).map_err(|e| Error::Io {
        doing: crate::ui::tr!("command-writing-stdout"),
        message: e.to_string(),
    })
}

/// Prints a JSON value, pretty, on stdout; nothing in it reaches the
/// terminal raw (see [`crate::json`]).
fn print_json(value: &serde_json::Value) -> Result<()> {
    print(&format!("{}\n", crate::json::pretty(value)))
}
