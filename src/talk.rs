//! Messages for the person at the terminal, on stderr. stdout is for results.
//!
//! Writing to stderr never fails the program: if stderr is closed, the
//! message is dropped rather than turned into a panic. A message may quote
//! a stranger's text (a title, a file name, a batch cell): its control
//! characters are shown as escapes, never sent to the terminal.

use std::fmt::Display;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::text::shown;

/// `appeal: MESSAGE` on stderr.
pub fn say(message: impl Display) {
    let message = message.to_string();
    let _ = writeln!(std::io::stderr(), "appeal: {}", shown(&message));
}

/// `appeal: warning: MESSAGE` on stderr.
pub fn warn(message: impl Display) {
    let label = console::style(crate::ui::tr!("talk-warning"))
        .yellow()
        .bold()
        .for_stderr();
    let message = message.to_string();
    let _ = writeln!(std::io::stderr(), "appeal: {label} {}", shown(&message));
}

/// Applies `--color`. `auto` leaves the choice to the console crate: colour
/// on terminals, none when NO_COLOR is set or CLICOLOR=0.
pub fn set_color(choice: clap::ColorChoice) {
    match choice {
        clap::ColorChoice::Always => {
            console::set_colors_enabled(true);
            console::set_colors_enabled_stderr(true);
        }
        clap::ColorChoice::Never => {
            console::set_colors_enabled(false);
            console::set_colors_enabled_stderr(false);
        }
        clap::ColorChoice::Auto => {}
    }
}

/// A line on stderr without the program's name: prompts' companions, previews.
pub fn line(message: impl Display) {
    let message = message.to_string();
    let _ = writeln!(std::io::stderr(), "{}", shown(&message));
}

/// Whether the terminal is spoken to in plain lines; decided once at start.
static PLAIN: AtomicBool = AtomicBool::new(false);

/// Turns plain output on for the rest of the run (`--plain-prompts`):
/// questions as lines of text, and no colour on stderr.
pub fn set_plain(on: bool) {
    PLAIN.store(on, Ordering::SeqCst);
    if on {
        console::set_colors_enabled_stderr(false);
    }
}

/// Whether nothing is to be drawn, hidden, moved or coloured on the
/// terminal: questions are plain lines, and there is no progress bar.
pub fn plain() -> bool {
    PLAIN.load(Ordering::SeqCst)
}
