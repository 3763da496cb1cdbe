//! The plan of a compose: the command line, taken by value, and the
//! `State` read once, become every decision before anything is asked or
//! written. Where the rows come from (one row answered here, or the rows
//! of a batch file) is one decision; where the letters go, in which form,
//! and how several of them are put together is another, and the same
//! rules make it for both. The writer's choice from the menu completes a
//! plan that left it open.

use std::path::{Path, PathBuf};

use crate::answers::ask::{Chosen, Place};
use crate::answers::rows;
use crate::cli::ComposeArgs;
use crate::destination::{Destination, names};
use crate::error::{Error, Result};
use crate::form::{Form, pdf::Paper};

use super::state::State;

/// What a compose will do.
#[derive(Debug)]
pub struct Plan {
    /// The action's id or path.
    pub action: String,
    pub rows: Rows,
    /// `None`: the writer chooses where the letters go once they are written.
    pub output: Option<Output>,
    /// The answers given on the command line.
    pub given: Given,
    pub paper: Paper,
    /// Record what was sent in the history (not with `--no-history`).
    pub record: bool,
    /// A person is asked for what the command line leaves out.
    pub interactive: bool,
    pub state: State,
    /// What a choice from the menu is completed with.
    flags: Flags,
}

/// Where the rows of answers come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rows {
    /// One row: the command line, the environment, the remembered
    /// settings and, at a terminal, the writer's answers.
    Here,
    /// One row per signer of a CSV or JSON Lines file.
    File {
        input: PathBuf,
        format: rows::Format,
    },
}

/// The answers the command line gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    pub name: Option<String>,
    pub target: Option<String>,
    pub lang: Option<String>,
    pub note: Option<String>,
    pub note_file: Option<PathBuf>,
    pub city: Option<String>,
    pub country: Option<String>,
}

/// Where the letters go, in which form, put together how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub to: To,
    pub form: Form,
    pub layout: Layout,
    /// Hard-wrap width (0: none).
    pub width: usize,
    /// Replace a file that is there.
    pub force: bool,
    /// Open the result with the desktop's program.
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    Stdout,
    File(PathBuf),
    Clipboard,
    /// One file per letter in this folder.
    Folder(PathBuf),
}

/// How several letters are put together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// One after another, `separator` between two (a form feed for text;
    /// nothing for links, a line each).
    Stream { separator: Option<u8> },
    /// One JSON object per letter, a line each.
    JsonLines,
    /// One PDF, each letter from a new sheet.
    Book { duplex: bool },
    /// One file each, named by the template.
    Files { names: String },
    /// A form or a place that holds one letter: an email message, the
    /// clipboard.
    One,
}

/// The flags that say how the letters go, kept for the menu's choice.
#[derive(Debug, Clone, Default)]
struct Flags {
    format: Option<Form>,
    width: Option<usize>,
    force: bool,
    open: bool,
    jsonl: bool,
    duplex: bool,
    names: Option<String>,
}

impl Plan {
    pub fn new(args: ComposeArgs, state: State) -> Result<Plan> {
        let interactive = !args.no_input && state.attended();
        let rows = match &args.batch {
            Some(input) => Rows::File {
                input: input.clone(),
                format: rows_format(&args, input)?,
            },
            // clap waives `requires` when a conflicting flag is present
            // (`--name` conflicts with `--batch`), so this one is checked here.
            None if args.batch_format.is_some() => {
                return Err(Error::Usage(crate::ui::msg!(
                    "plan-batch-only",
                    flag = "--batch-format"
                )));
            }
            None => Rows::Here,
        };
        let flags = Flags {
            format: args.form(),
            width: args.width,
            force: args.force,
            open: args.open,
            jsonl: args.jsonl,
            duplex: args.duplex,
            names: args.name_template.clone(),
        };
        let to = if args.clipboard {
            Some(To::Clipboard)
        } else if let Some(dir) = &args.out_dir {
            Some(To::Folder(dir.clone()))
        } else if let Some(path) = &args.output {
            Some(
                match crate::fs::Output::from(path.clone().into_os_string()) {
                    crate::fs::Output::Stdout => To::Stdout,
                    crate::fs::Output::File(path) => To::File(path),
                },
            )
        } else if interactive && rows == Rows::Here && flags.format.is_none() && !args.jsonl {
            None
        } else {
            Some(To::Stdout)
        };
        let from_file = matches!(rows, Rows::File { .. });
        let output = to
            .map(|to| Output::new(to, None, &flags, &state, from_file))
            .transpose()?;
        if from_file && let Some(output) = &output {
            // A batch file may hold any number of rows.
            output.takes_several()?;
        }
        Ok(Plan {
            given: Given {
                name: args.name,
                target: args.target,
                lang: args.lang,
                note: args.note,
                note_file: args.note_file,
                city: args.city,
                country: args.country,
            },
            action: args.action,
            rows,
            output,
            paper: args.paper,
            record: !args.no_history,
            interactive,
            state,
            flags,
        })
    }

    /// `--force`: a file that is there is replaced without asking.
    pub fn force(&self) -> bool {
        self.flags.force
    }

    /// The output the writer chose from the menu (`None`: the letter is
    /// printed), checked by the same rules as the command line's.
    pub fn complete(&self, chosen: Option<Chosen>) -> Result<Output> {
        let Some(chosen) = chosen else {
            return Output::new(To::Stdout, None, &self.flags, &self.state, false);
        };
        let file = || {
            chosen
                .path
                .clone()
                .map(To::File)
                .ok_or_else(|| Error::Usage(crate::ui::msg!("plan-no-file-name")))
        };
        let (to, form, open) = match chosen.place {
            Place::Print => (To::Stdout, Form::Txt, false),
            Place::Clipboard => (To::Clipboard, Form::Txt, false),
            Place::MailLink => (To::Stdout, Form::Mailto, true),
            Place::TextFile => (file()?, Form::Txt, false),
            Place::EmailDraft => (file()?, Form::Eml, true),
            Place::Pdf => (file()?, Form::Pdf, false),
        };
        let flags = Flags {
            open: self.flags.open || open,
            force: self.flags.force || chosen.replace,
            ..self.flags.clone()
        };
        Output::new(to, Some(form), &flags, &self.state, false)
    }
}

fn rows_format(args: &ComposeArgs, input: &Path) -> Result<rows::Format> {
    args.batch_format
        .or_else(|| rows::Format::from_path(input))
        .ok_or_else(|| {
            Error::Usage(crate::ui::msg!(
                "plan-batch-format",
                path = input.display().to_string()
            ))
        })
}

impl Output {
    /// An output, checked: the form defaults to what a file's name asks
    /// for, and combinations that can't work are refused with what to do.
    /// `from_file`: the rows come from a batch file.
    fn new(
        to: To,
        form: Option<Form>,
        flags: &Flags,
        state: &State,
        from_file: bool,
    ) -> Result<Output> {
        let names = flags
            .names
            .clone()
            .unwrap_or_else(|| names::DEFAULT_TEMPLATE.to_string());
        let form = form.or(flags.format).unwrap_or(match &to {
            To::File(path) => Form::from_path(path),
            To::Folder(_) => Form::from_path(Path::new(&names)),
            To::Stdout | To::Clipboard => Form::Txt,
        });
        if to == To::Clipboard && !form.is_text() {
            return Err(Error::Usage(crate::ui::msg!(
                "plan-clipboard-text",
                form = form.extension()
            )));
        }
        if flags.jsonl && form != Form::Txt {
            return Err(Error::Usage(crate::ui::msg!(
                "plan-jsonl-text",
                form = form.extension()
            )));
        }
        let layout = match (&to, form) {
            (To::Folder(_), _) => Layout::Files { names },
            (_, _) if flags.jsonl => Layout::JsonLines,
            (To::Clipboard, _) | (_, Form::Eml) => Layout::One,
            (_, Form::Pdf) => Layout::Book {
                duplex: flags.duplex,
            },
            (_, Form::Txt) => Layout::Stream {
                separator: Some(b'\x0c'),
            },
            (_, Form::Mailto) => Layout::Stream { separator: None },
        };
        if flags.duplex && !matches!(layout, Layout::Book { .. }) {
            return Err(Error::Usage(crate::ui::msg!("plan-duplex")));
        }
        if form == Form::Pdf && to == To::Stdout && state.stdout_is_terminal {
            return Err(Error::Usage(crate::ui::msg!(
                "plan-pdf-terminal",
                file = if from_file {
                    "letters.pdf"
                } else {
                    "letter.pdf"
                }
            )));
        }
        if flags.open {
            if from_file {
                return Err(Error::Usage(crate::ui::msg!("plan-open-batch")));
            }
            if !matches!(to, To::File(_)) && form != Form::Mailto {
                return Err(Error::Usage(crate::ui::msg!("plan-open-needs-file")));
            }
        }
        let width = flags.width.unwrap_or(match form {
            Form::Txt if !flags.jsonl => default_width(&to, state),
            _ => 0,
        });
        Ok(Output {
            to,
            form,
            layout,
            width,
            force: flags.force,
            open: flags.open,
        })
    }

    /// The namer of a folder's files, its template checked: a bad one is
    /// refused before anything is made on disk. `None` for other layouts.
    pub fn namer(&self) -> Result<Option<names::Namer>> {
        match &self.layout {
            Layout::Files { names } => names::Namer::new(names)
                .map(Some)
                .map_err(|e| Error::Usage(e.into())),
            _ => Ok(None),
        }
    }

    /// Whether this output can take more than one letter; why not, if not.
    pub fn takes_several(&self) -> Result<()> {
        match (&self.layout, &self.to) {
            (Layout::One, To::Clipboard) => {
                Err(Error::Usage(crate::ui::msg!("compose-clipboard-one")))
            }
            (Layout::One, _) => Err(Error::Usage(crate::ui::msg!(
                "plan-format-needs-folder",
                form = self.form.extension()
            ))),
            _ => Ok(()),
        }
    }

    /// Where the bytes of a sheaf that is one piece go (a folder's letters
    /// go one by one, never through here).
    pub fn destination(&self) -> Destination {
        match &self.to {
            To::Stdout | To::Folder(_) => Destination::Stdout,
            To::File(path) => Destination::File(path.clone()),
            To::Clipboard => Destination::Clipboard,
        }
    }
}

/// Hard-wrap width of text when `--width` is not given: a terminal's width
/// up to 80, 72 for a file or a pipe, none for the clipboard (mail clients
/// reflow).
fn default_width(to: &To, state: &State) -> usize {
    match to {
        To::Stdout => match state.stdout_columns {
            Some(columns) => columns.min(80),
            None => 72,
        },
        To::File(_) | To::Folder(_) => 72,
        To::Clipboard => 0,
    }
}

#[cfg(test)]
mod tests;
