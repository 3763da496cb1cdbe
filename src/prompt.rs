//! Asking the writer at a terminal. Only used when stdin and stderr are
//! both terminals and `--no-input` is absent; everything else gets its
//! answers from flags, the environment and the config file.
//!
//! Questions come in two styles with the same answers in the same order:
//! drawn (dialoguer's menus, moved with the arrow keys) and plain (a line
//! of text per question, choices numbered and typed as numbers, for screen
//! readers and dumb terminals: no cursor movement, no redraw, no colour).

use std::fmt;
use std::io::{self, BufRead, Read, Write};

use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Editor, Input, Password, Select};

use crate::error::{Error, Result};
use crate::interrupt;
use crate::talk;
use crate::text::shown;
use crate::ui::tr;

/// Whether plain prompts are wanted: `--plain-prompts`, then
/// `APPEAL_PLAIN_PROMPTS` (`1`/`true`/`yes` or `0`/`false`/`no`), then the
/// config's `plain_prompts` (read only when those leave it open); always on
/// a terminal that says it is dumb, which can't move its cursor.
pub fn plain_wanted(
    flag: bool,
    configured: &dyn Fn() -> Option<bool>,
    env: &dyn Fn(&str) -> Option<String>,
) -> bool {
    let from_env =
        env("APPEAL_PLAIN_PROMPTS").and_then(|v| match v.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" => Some(false),
            _ => None,
        });
    let chosen = flag || from_env.or_else(configured).unwrap_or(false);
    chosen || env("TERM").as_deref() == Some("dumb")
}

/// The terminal's prompts, in the style chosen at start. Creating it starts
/// catching Ctrl-C, so a cancelled prompt, editor or delivery returns
/// `Error::Interrupted` and the program can exit with 130.
pub struct Terminal {
    style: Style,
}

enum Style {
    Drawn(Box<Localized>),
    Plain,
}

/// The longest line read in plain mode: the limit of a note file.
const MAX_LINE: u64 = crate::action::MAX_FILE_BYTES;

impl Terminal {
    pub fn new() -> Terminal {
        interrupt::catch();
        Terminal {
            style: if talk::plain() {
                Style::Plain
            } else {
                Style::Drawn(Box::new(Localized(ColorfulTheme::default())))
            },
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
        let default = default.filter(|d| !d.is_empty());
        let theme = match &self.style {
            Style::Drawn(theme) => theme,
            Style::Plain => return plain_text(prompt, default, required, check),
        };
        let mut input = Input::<String>::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .allow_empty(!required)
            .validate_with(|s: &String| -> Result<(), String> {
                if required && s.trim().is_empty() {
                    return Err(tr!("prompt-type-something"));
                }
                check(s).map(|_| ()).map_err(|e| e.to_string())
            });
        if let Some(d) = default {
            input = input.default(d.to_string());
        }
        let typed = input.interact_text().map_err(cancelled)?;
        check(&typed)
    }

    /// One item of a list; returns its index.
    pub fn select(&self, prompt: &str, items: &[String], default: usize) -> Result<usize> {
        match &self.style {
            Style::Drawn(theme) => Select::with_theme(theme.as_ref())
                .with_prompt(prompt)
                .items(items)
                .default(default)
                .interact()
                .map_err(cancelled),
            Style::Plain => plain_select(prompt, items, default),
        }
    }

    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        match &self.style {
            Style::Drawn(theme) => Confirm::with_theme(theme.as_ref())
                .with_prompt(prompt)
                .default(default)
                .interact()
                .map_err(cancelled),
            Style::Plain => plain_confirm(prompt, default),
        }
    }

    /// A secret typed without echo (a key's password); with `confirm`
    /// (the second prompt, and what to say when they differ) it is asked twice.
    pub fn password(&self, prompt: &str, confirm: Option<(String, String)>) -> Result<String> {
        let mut asked = match &self.style {
            Style::Drawn(theme) => Password::with_theme(theme.as_ref()),
            Style::Plain => Password::new(),
        }
        .with_prompt(prompt);
        if let Some((again, mismatch)) = confirm {
            asked = asked.with_confirmation(again, mismatch);
        }
        asked.interact().map_err(cancelled)
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
                    doing: tr!("prompt-doing-editor"),
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
        dialoguer::Error::IO(e) => read_failed(e),
    }
}

fn read_failed(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::Interrupted {
        Error::Interrupted
    } else {
        Error::Io {
            doing: tr!("prompt-doing-terminal"),
            message: e.to_string(),
        }
    }
}

/// Writes `text` to stderr as it is: a plain prompt waits on the same line.
/// Text from outside has its control characters shown as escapes.
fn put(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(shown(text).as_bytes());
    let _ = stderr.flush();
}

/// One line typed at the terminal, without its line break. The end of
/// input (Ctrl-D) cancels, like Ctrl-C.
fn read_line() -> Result<String> {
    loop {
        let mut bytes = Vec::new();
        let read = io::stdin()
            .lock()
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(read_failed)?;
        if read == 0 {
            put("\n");
            return Err(Error::Interrupted);
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        } else if read as u64 > MAX_LINE {
            // Too long: drop the rest of the line and ask again.
            let _ = io::stdin().lock().skip_until(b'\n');
            put(&format!("{}\n", tr!("prompt-too-long")));
            continue;
        }
        match String::from_utf8(bytes) {
            Ok(line) => return Ok(line),
            Err(_) => put(&format!("{}\n", tr!("prompt-not-utf8"))),
        }
    }
}

fn plain_text(
    prompt: &str,
    default: Option<&str>,
    required: bool,
    check: impl Fn(&str) -> Result<String>,
) -> Result<String> {
    loop {
        // Fluent trims a message's trailing space: the answer's space is ours.
        let line = match default {
            Some(d) => tr!("prompt-line-default", question = prompt, default = d),
            None => tr!("prompt-line", question = prompt),
        };
        put(&format!("{line} "));
        let typed = read_line()?;
        let typed = match default {
            Some(d) if typed.is_empty() => d.to_string(),
            _ => typed,
        };
        if required && typed.trim().is_empty() {
            put(&format!("{}\n", tr!("prompt-type-something")));
            continue;
        }
        match check(&typed) {
            Ok(clean) => return Ok(clean),
            Err(e) => put(&format!("{e}\n")),
        }
    }
}

/// The choices, each once and in full, numbered from 1; then a line that
/// asks for a number (Enter takes the default).
fn plain_select(prompt: &str, items: &[String], default: usize) -> Result<usize> {
    let mut list = format!("{prompt}\n");
    for (i, item) in items.iter().enumerate() {
        list.push_str(&format!("  {}. {item}\n", i + 1));
    }
    put(&list);
    let count = items.len();
    let default = default.min(count.saturating_sub(1)) + 1;
    loop {
        // Fluent trims a message's trailing space: the answer's space is ours.
        put(&format!(
            "{} ",
            tr!("prompt-number", count = count, default = default)
        ));
        let typed = read_line()?;
        let typed = typed.trim();
        if typed.is_empty() {
            return Ok(default - 1);
        }
        match typed.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => return Ok(n - 1),
            _ => put(&format!(
                "{}\n",
                tr!("prompt-not-a-choice", typed = typed, count = count)
            )),
        }
    }
}

/// Yes or no, typed: `y`/`n` in every language, and the interface
/// language's own words.
fn plain_confirm(prompt: &str, default: bool) -> Result<bool> {
    let hint = if default {
        tr!("prompt-yes-no-default-yes")
    } else {
        tr!("prompt-yes-no-default-no")
    };
    // The words a language accepts, besides `y`/`yes` or `n`/`no`.
    let words = |id: &str, english: [&str; 2]| -> Vec<String> {
        crate::ui::text(id, &[])
            .split_whitespace()
            .map(str::to_lowercase)
            .chain(english.map(String::from))
            .collect()
    };
    let yes = words("prompt-yes-answers", ["y", "yes"]);
    let no = words("prompt-no-answers", ["n", "no"]);
    loop {
        put(&format!("{prompt} {hint} "));
        let typed = read_line()?.trim().to_lowercase();
        if typed.is_empty() {
            return Ok(default);
        }
        if yes.contains(&typed) {
            return Ok(true);
        }
        if no.contains(&typed) {
            return Ok(false);
        }
        put(&format!("{}\n", tr!("prompt-yes-or-no")));
    }
}

/// dialoguer's colourful theme, with its words ("yes", "no") in the
/// interface language. The keys stay `y` and `n`, as in plain prompts.
struct Localized(ColorfulTheme);

impl Theme for Localized {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.0.format_error(f, err)
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        let theme = &self.0;
        write!(
            f,
            "{} {} {} {}",
            theme.prompt_prefix,
            theme.prompt_style.apply_to(prompt),
            theme.hint_style.apply_to("(y/n)"),
            theme.prompt_suffix,
        )?;
        match default {
            Some(yes) => write!(f, " {}", theme.defaults_style.apply_to(yes_no(yes))),
            None => Ok(()),
        }
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        let theme = &self.0;
        write!(
            f,
            "{} {} {}",
            theme.success_prefix,
            theme.prompt_style.apply_to(prompt),
            theme.success_suffix,
        )?;
        match selection {
            Some(yes) => write!(f, " {}", theme.values_style.apply_to(yes_no(yes))),
            None => Ok(()),
        }
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        self.0.format_input_prompt(f, prompt, default)
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_select_prompt(f, prompt)
    }

    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0.format_select_prompt_selection(f, prompt, sel)
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.0.format_select_prompt_item(f, text, active)
    }
}

fn yes_no(yes: bool) -> String {
    if yes {
        tr!("prompt-yes")
    } else {
        tr!("prompt-no")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::env_of;

    #[test]
    fn plain_prompts_come_from_the_flag_the_environment_the_config_or_a_dumb_terminal() {
        assert!(plain_wanted(true, &|| None, &env_of(&[])));
        assert!(!plain_wanted(
            false,
            &|| None,
            &env_of(&[("TERM", "xterm")])
        ));
        assert!(plain_wanted(
            false,
            &|| None,
            &env_of(&[("APPEAL_PLAIN_PROMPTS", "1")])
        ));
        assert!(plain_wanted(false, &|| Some(true), &env_of(&[])));
        assert!(
            !plain_wanted(
                false,
                &|| Some(true),
                &env_of(&[("APPEAL_PLAIN_PROMPTS", "0")])
            ),
            "the environment before the config"
        );
        assert!(
            plain_wanted(
                false,
                &|| Some(false),
                &env_of(&[("APPEAL_PLAIN_PROMPTS", "0"), ("TERM", "dumb")])
            ),
            "a dumb terminal can't draw menus"
        );
    }
}
