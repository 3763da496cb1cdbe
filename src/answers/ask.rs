//! Asking the writer: the questions, behind a small trait with one
//! implementation for a terminal (dialoguer prompts) and one for when
//! nobody can be asked. Gathering answers is the same code either way, so
//! it can be tested without a terminal.

use std::path::PathBuf;

use crate::action::Action;
use crate::config::{self, Remembered};
use crate::error::Result;
use crate::lang;
use crate::prompt::Terminal;
use crate::talk;
use crate::ui::tr;
use crate::wrap::wrap;

use super::fields::{Field, Kind};
use super::{Preset, unasked};

/// Where the writer wants the letter, from the delivery menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Print,
    TextFile,
    Clipboard,
    EmailDraft,
    Pdf,
    MailLink,
}

impl Place {
    /// The delivery menu, in order: each item is its variant, so the order
    /// can change without changing what an answer does. The text is a
    /// message id.
    pub const MENU: [(Place, &'static str); 6] = [
        (Place::Print, "place-print"),
        (Place::TextFile, "place-text-file"),
        (Place::Clipboard, "place-clipboard"),
        (Place::EmailDraft, "place-email-draft"),
        (Place::Pdf, "place-pdf"),
        (Place::MailLink, "place-mail-link"),
    ];

    /// The file extension of a place that is a file.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Place::TextFile => Some("txt"),
            Place::EmailDraft => Some("eml"),
            Place::Pdf => Some("pdf"),
            Place::Print | Place::Clipboard | Place::MailLink => None,
        }
    }
}

/// The writer's choice of where the letter goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub place: Place,
    /// The file, for a place that is a file.
    pub path: Option<PathBuf>,
    /// The writer agreed to replace the file that is there.
    pub replace: bool,
}

/// Asking for what flags, the environment and the config did not give.
pub trait Ask {
    /// The answer to `field`, offering `preset` as the default.
    fn answer(&self, field: &Field, preset: Option<Preset>, action: &Action) -> Result<String>;

    /// Where the letter goes, after showing it; `None` when nobody can be
    /// asked. `stem` suggests a file name; `force` skips "Replace it?".
    fn place(&self, letter: &str, stem: &str, force: bool) -> Result<Option<Chosen>>;

    /// `Err(Interrupted)` once Ctrl-C has been pressed.
    fn check(&self) -> Result<()>;

    /// Offers to keep `now` for next time, when it differs from `before`.
    fn remember(&self, before: &Remembered, now: &Remembered) -> Result<()>;

    /// Whether a person is there to read what is said.
    fn is_attended(&self) -> bool;
}

/// Nobody to ask: presets and defaults only.
pub struct Unattended;

impl Ask for Unattended {
    fn answer(&self, field: &Field, preset: Option<Preset>, action: &Action) -> Result<String> {
        unasked(field, preset, action)
    }

    fn place(&self, _: &str, _: &str, _: bool) -> Result<Option<Chosen>> {
        Ok(None)
    }

    fn check(&self) -> Result<()> {
        Ok(())
    }

    fn remember(&self, _: &Remembered, _: &Remembered) -> Result<()> {
        Ok(())
    }

    fn is_attended(&self) -> bool {
        false
    }
}

/// Prompts at a terminal.
pub struct Prompts {
    terminal: Terminal,
}

impl Prompts {
    pub fn new() -> Prompts {
        Prompts {
            terminal: Terminal::new(),
        }
    }

    fn language(&self, action: &Action, preset: Option<&str>) -> Result<String> {
        let field = &super::fields::LANG;
        let langs = menu_languages(action, crate::ui::lang());
        if let Some(preferred) = action.preferred_without_letter() {
            talk::line(tr!(
                "lang-preferred-no-letter",
                language = lang::display(preferred),
                chosen = lang::display(action.default_language())
            ));
        }
        let mut items: Vec<String> = langs
            .iter()
            .map(|l| {
                if Some(*l) == action.preferred_language.as_deref() {
                    tr!("lang-preferred", language = lang::display(l))
                } else {
                    lang::display(l)
                }
            })
            .collect();
        items.push(tr!("lang-other"));
        let default = preset
            .and_then(lang::normalize)
            .and_then(|p| langs.iter().position(|l| *l == p))
            .unwrap_or(0);
        let picked = self.terminal.select(&field.question(), &items, default)?;
        match langs.get(picked) {
            Some(l) => Ok(l.to_string()),
            None => self.terminal.text(&tr!("lang-typed"), None, true, |s| {
                field.clean(
                    field.flag,
                    &lang::from_typed(s).unwrap_or_else(|| s.to_string()),
                )
            }),
        }
    }

    /// Which target, when the action has several: one of them, or each.
    fn target(&self, field: &Field, action: &Action, preset: Option<&str>) -> Result<String> {
        if action.targets.len() < 2 {
            return Ok(String::new());
        }
        let mut items: Vec<String> = action
            .targets
            .iter()
            .map(|t| format!("{}, {}", t.full_name(), t.title))
            .collect();
        items.push(tr!("target-each"));
        let default = match preset.map(|p| field.clean(field.flag, p)).transpose()? {
            Some(p) if p == "all" => action.targets.len(),
            Some(p) => p.parse::<usize>().map_or(0, |n| n.saturating_sub(1)),
            None => 0,
        }
        .min(action.targets.len());
        let picked = self.terminal.select(&field.question(), &items, default)?;
        Ok(if picked == action.targets.len() {
            "all".to_string()
        } else {
            (picked + 1).to_string()
        })
    }

    fn note(&self, field: &Field) -> Result<String> {
        const WHAT: &str = "note";
        talk::line(tr!("note-why"));
        let items = [tr!("note-here"), tr!("note-editor"), tr!("note-none")];
        match self.terminal.select(&field.question(), &items, 0)? {
            0 => self
                .terminal
                .text(&tr!("note-prompt"), None, false, |s| field.clean(WHAT, s)),
            1 => loop {
                match self.terminal.edit()? {
                    Some(text) => match field.clean(WHAT, &text) {
                        Ok(note) => break Ok(note),
                        Err(e) => talk::say(tr!("note-edit-again", error = e.to_string())),
                    },
                    None => {
                        talk::line(tr!("note-editor-unsaved"));
                        break Ok(String::new());
                    }
                }
            },
            _ => Ok(String::new()),
        }
    }
}

impl Default for Prompts {
    fn default() -> Self {
        Prompts::new()
    }
}

impl Ask for Prompts {
    fn answer(&self, field: &Field, preset: Option<Preset>, action: &Action) -> Result<String> {
        let preset = preset.map(|p| p.value);
        match field.kind {
            Kind::Line => {
                self.terminal
                    .text(&field.question(), preset.as_deref(), field.required, |s| {
                        field.clean(field.flag, s)
                    })
            }
            Kind::Lang => self.language(action, preset.as_deref()),
            Kind::Target => self.target(field, action, preset.as_deref()),
            Kind::Note => self.note(field),
        }
    }

    fn place(&self, letter: &str, stem: &str, force: bool) -> Result<Option<Chosen>> {
        preview(letter);
        let items: Vec<String> = Place::MENU
            .iter()
            .map(|(_, id)| crate::ui::text(id, &[]))
            .collect();
        let picked = self.terminal.select(&tr!("place-ask"), &items, 0)?;
        let place = Place::MENU[picked].0;
        let Some(extension) = place.extension() else {
            return Ok(Some(Chosen {
                place,
                path: None,
                replace: false,
            }));
        };
        loop {
            let suggested = format!("{stem}.{extension}");
            let typed =
                self.terminal
                    .text(&tr!("place-file-name"), Some(&suggested), true, |s| {
                        Ok(s.trim().to_string())
                    })?;
            let path = PathBuf::from(typed);
            let replace = !force
                && path.exists()
                && self.terminal.confirm(
                    &tr!("place-replace", path = path.display().to_string()),
                    false,
                )?;
            if force || replace || !path.exists() {
                return Ok(Some(Chosen {
                    place,
                    path: Some(path),
                    replace,
                }));
            }
        }
    }

    fn check(&self) -> Result<()> {
        self.terminal.check()
    }

    fn remember(&self, before: &Remembered, now: &Remembered) -> Result<()> {
        if now == before {
            return Ok(());
        }
        let question = match config::path() {
            Some(path) => tr!("remember-ask-in", path = path.display().to_string()),
            None => tr!("remember-ask"),
        };
        if self.terminal.confirm(&question, true)? {
            let saved = {
                let _busy = crate::interrupt::busy();
                now.save()
            };
            match saved {
                Ok(path) => talk::line(tr!("remember-done", path = path.display().to_string())),
                Err(e) => talk::warn(tr!("remember-failed", error = e.to_string())),
            }
        }
        Ok(())
    }

    fn is_attended(&self) -> bool {
        true
    }
}

/// The letter languages in the order the menu offers them: the target's
/// preferred language (or, with no letter in it, the default one), then the interface language when the action has a
/// model letter in it, then the others as the action lists them.
fn menu_languages<'a>(action: &'a Action, interface: &str) -> Vec<&'a str> {
    let mut langs = action.languages();
    let first = action.default_language();
    let rank = |l: &&str| {
        if *l == first {
            0
        } else if *l == interface {
            1
        } else {
            2
        }
    };
    langs.sort_by_key(rank);
    langs
}

/// The letter's beginning and end, on stderr, before asking where it goes:
/// the end holds the writer's own note and signature.
fn preview(letter: &str) {
    const HEAD: usize = 6;
    const TAIL: usize = 10;
    let width = console::Term::stderr()
        .size_checked()
        .map_or(80, |(_, cols)| usize::from(cols).min(80));
    let wrapped = wrap(letter, width.saturating_sub(4).max(20));
    let lines: Vec<&str> = wrapped.lines().collect();
    talk::line("");
    // A screen reader would read a frame aloud, line after line.
    let frame = if crate::talk::plain() { "  " } else { "  │ " };
    let show = |line: &str| talk::line(format!("{frame}{line}"));
    if lines.len() <= HEAD + TAIL + 1 {
        lines.iter().for_each(|l| show(l));
    } else {
        lines[..HEAD].iter().for_each(|l| show(l));
        show(&tr!("preview-more", count = lines.len() - HEAD - TAIL));
        lines[lines.len() - TAIL..].iter().for_each(|l| show(l));
    }
    talk::line("");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_lists_every_place_once() {
        let places: std::collections::BTreeSet<String> =
            Place::MENU.iter().map(|(p, _)| format!("{p:?}")).collect();
        assert_eq!(places.len(), Place::MENU.len());
        assert_eq!(Place::MENU[0].0, Place::Print, "printing is the default");
    }
}
