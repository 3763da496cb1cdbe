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

/// Prints `value` as JSON, pretty, on stdout; nothing in it reaches the
/// terminal raw (see [`crate::json`]). An object's keys come out in
/// alphabetical order, as they always have, whatever order its struct
/// declares them in.
fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<()> {
    let value = serde_json::to_value(value).expect("appeal's own JSON always serialises");
    print(&format!("{}\n", crate::json::pretty(&value)))
}
