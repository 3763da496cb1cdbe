//! Messages for the person at the terminal, on stderr. stdout is for results.
//!
//! Writing to stderr never fails the program: if stderr is closed, the
//! message is dropped rather than turned into a panic.

use std::fmt::Display;
use std::io::Write;

/// `appeal: MESSAGE` on stderr.
pub fn say(message: impl Display) {
    let _ = writeln!(std::io::stderr(), "appeal: {message}");
}

/// `appeal: warning: MESSAGE` on stderr.
pub fn warn(message: impl Display) {
    say(format_args!("warning: {message}"));
}

/// A line on stderr without the program's name: prompts' companions, previews.
pub fn line(message: impl Display) {
    let _ = writeln!(std::io::stderr(), "{message}");
}
