//! What a compose needs to know of the world it runs in, read once before
//! anything is planned: which of the standard streams are terminals, how
//! wide stdout's terminal is, and what day it is. Nothing further down
//! probes a terminal or the clock.

use std::io::{self, IsTerminal};

use chrono::NaiveDate;

use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// Columns of stdout's terminal, when it is one and says.
    pub stdout_columns: Option<usize>,
    /// `APPEAL_TODAY`, else the local date.
    pub today: NaiveDate,
}

impl State {
    pub fn read() -> Result<State> {
        let stdout = console::Term::stdout();
        let stdout_is_terminal = io::stdout().is_terminal();
        Ok(State {
            stdin_is_terminal: io::stdin().is_terminal(),
            stdout_is_terminal,
            stderr_is_terminal: io::stderr().is_terminal(),
            stdout_columns: stdout_is_terminal
                .then(|| stdout.size_checked().map(|(_, cols)| usize::from(cols)))
                .flatten(),
            today: crate::deadline::today()?,
        })
    }

    /// A person is there to be asked: stdin and stderr are a terminal.
    pub fn attended(&self) -> bool {
        self.stdin_is_terminal && self.stderr_is_terminal
    }

    /// A state for tests: no terminal anywhere.
    #[cfg(test)]
    pub fn unattended() -> State {
        State {
            stdin_is_terminal: false,
            stdout_is_terminal: false,
            stderr_is_terminal: false,
            stdout_columns: None,
            today: NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date"),
        }
    }
}
