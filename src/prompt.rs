//! Asking the writer at a terminal (dialoguer). Only used when stdin and
//! stderr are both terminals and `--no-input` is absent; everything else
//! gets its answers from flags, the environment and the config file.

use std::io;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Editor, Input, Select};

use crate::error::{Error, Result};
use crate::interrupt;

/// The terminal's prompts, sharing one theme. Creating it starts catching
/// Ctrl-C, so a cancelled prompt, editor or delivery returns
/// `Error::Interrupted` and the program can exit with 130.
pub struct Terminal {
    theme: ColorfulTheme,
}

impl Terminal {
    pub fn new() -> Terminal {
        interrupt::catch();
        Terminal {
            theme: ColorfulTheme::default(),
        }
    }

    /// `Err(Interrupted)` once Ctrl-C has been pressed, wherever it was
    /// (prompts read it as a key; the editor and delivery get the signal).
    pub fn check(&self) -> Result<()> {
        if interrupt::pressed() {
            Err(Error::Interrupted)
        } else {
            Ok(())
        }
    }

    /// A line of text. `check` validates (and may normalise) what was typed;
    /// the prompt repeats until it passes.
    pub fn text(
        &self,
        prompt: &str,
        default: Option<&str>,
        required: bool,
        check: impl Fn(&str) -> Result<String>,
    ) -> Result<String> {
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(!required)
            .validate_with(|s: &String| -> Result<(), String> {
                if required && s.trim().is_empty() {
                    return Err("please type something".to_string());
                }
                check(s).map(|_| ()).map_err(|e| e.to_string())
            });
        if let Some(d) = default.filter(|d| !d.is_empty()) {
            input = input.default(d.to_string());
        }
        let typed = input.interact_text().map_err(cancelled)?;
        check(&typed)
    }

    /// One item of a list; returns its index.
    pub fn select(&self, prompt: &str, items: &[String], default: usize) -> Result<usize> {
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()
            .map_err(cancelled)
    }

    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        Confirm::with_theme(&self.theme)
            .with_prompt(prompt)
            .default(default)
            .interact()
            .map_err(cancelled)
    }

    /// Opens `$VISUAL`/`$EDITOR`; `None` when the file was not saved.
    /// Ctrl-C in the editor cancels, rather than keeping what it left.
    pub fn edit(&self) -> Result<Option<String>> {
        // Ctrl-C reaches the editor too: wait for it to close.
        let busy = interrupt::busy();
        let edited = Editor::new()
            .extension(".txt")
            .edit("")
            .map_err(|e| match cancelled(e) {
                Error::Interrupted => Error::Interrupted,
                other => Error::Io {
                    doing: "starting the editor".to_string(),
                    message: other.to_string(),
                },
            })?;
        drop(busy);
        self.check()?;
        Ok(edited)
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal::new()
    }
}

fn cancelled(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(e) if e.kind() == io::ErrorKind::Interrupted => Error::Interrupted,
        dialoguer::Error::IO(e) => Error::Io {
            doing: "reading the terminal".to_string(),
            message: e.to_string(),
        },
    }
}
