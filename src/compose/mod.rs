//! `appeal compose`: one pipeline for one letter or a batch of them.
//!
//! A compose is planned first (`plan`: every flag combination checked,
//! every decision made), then each letter takes the same steps: gather
//! the signer's answers, render the letter, encode it in its form, deliver
//! the bytes. `single` takes them once, with prompts where a person is
//! there; `batch` takes them for every row of a file, in parallel chunks.

pub mod batch;
pub mod plan;
pub mod sheaf;
pub mod single;
pub mod state;

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use chrono::NaiveDate;

use crate::action::Action;
use crate::answers::{self, Answers, Sources, fields};
use crate::cli::ComposeArgs;
use crate::config::Remembered;
use crate::dates::format_date;
use crate::deadline::days_left;
use crate::destination::names::Namer;
use crate::error::{Error, Result};
use crate::form::{self, Envelope, pdf::Paper};
use crate::lang::Choice;
use crate::letter::{Letter, Renderer};
use crate::library::{Library, read_limited, read_limited_from};
use crate::talk;

use plan::{Given, Output, Plan, Rows};
use sheaf::Leaf;
use state::State;

pub fn run(library: &Library, args: ComposeArgs) -> Result<()> {
    let plan = Plan::new(args, State::read()?)?;
    let here = plan.rows == Rows::Here;
    if plan.interactive && here {
        // Before the first word is printed: Ctrl-C ends appeal from here on
        // (a batch stops between letters instead).
        crate::interrupt::at_terminal();
    }
    let remembered = if here {
        Remembered::load().unwrap_or_else(|e| {
            talk::warn(crate::ui::tr!(
                "compose-remembered-ignored",
                error = e.to_string()
            ));
            Remembered::default()
        })
    } else {
        // A batch signs for other people: the remembered settings are the
        // machine's user's own.
        Remembered::default()
    };
    // A note given by flag is read before anything else: a wrong path fails
    // before the writer has answered anything, and Ctrl-C while a note is
    // typed on stdin ends the program instead of being caught.
    let given = given(&plan.given, &plan.state)?;
    let sources = Sources {
        given: &given,
        env: &answers::process_env,
        remembered: here.then_some(&remembered),
    };
    // Without prompts the letter's language is known now, and only the
    // files that could hold its letter are read.
    let requested = match sources.flag(&fields::LANG)? {
        Some(lang) => Some(lang),
        None => sources.preset(&fields::LANG).map(|p| p.value),
    };
    let action = if here && !plan.interactive {
        library.load_for(&plan.action, requested.as_deref())?
    } else {
        library.load(&plan.action)?
    };
    let today = plan.state.today;
    warn_if_passed(&action, today);
    if !plan.interactive && requested.is_none() {
        note_preferred_without_letter(&action);
    }
    crate::feed::warn_if_closed(&action);
    show_points(&action);
    let composer = Composer::new(&action, today, plan.paper, plan.record);
    match &plan.rows {
        Rows::Here => single::run(&composer, &plan, &sources, &remembered),
        Rows::File { .. } => batch::run(&composer, &plan, &sources),
    }
}

/// The answers given on the command line, by field key; a note file is read.
fn given(args: &Given, state: &State) -> Result<BTreeMap<&'static str, String>> {
    // Cleaned now, so that a bad character is reported with the file's name.
    let note = match (&args.note, &args.note_file) {
        (Some(note), _) => Some(fields::NOTE.clean("--note", note)?),
        (None, Some(path)) => Some(fields::NOTE.clean(
            &format!("--note-file {}", path.display()),
            &read_note(path, state)?,
        )?),
        (None, None) => None,
    };
    let flags = [
        (&fields::NAME, args.name.clone()),
        (&fields::TARGET, args.target.clone()),
        (&fields::LANG, args.lang.clone()),
        (&fields::NOTE, note),
        (&fields::CITY, args.city.clone()),
        (&fields::COUNTRY, args.country.clone()),
    ];
    Ok(flags
        .into_iter()
        .filter_map(|(field, value)| Some((field.key, value?)))
        .collect())
}

fn read_note(path: &Path, state: &State) -> Result<String> {
    if path.as_os_str() == "-" {
        if state.stdin_is_terminal {
            talk::line(crate::ui::tr!("compose-type-note"));
        }
        return read_limited_from(io::stdin(), "--note-file - (stdin)");
    }
    read_limited(path)
}

/// The target prefers a language no model letter is in: the default one
/// is used, and a letter in the target's language is welcome.
fn note_preferred_without_letter(action: &Action) {
    if let Some(preferred) = action.preferred_without_letter() {
        talk::say(crate::ui::tr!(
            "compose-preferred-no-letter",
            preferred = crate::lang::display(preferred),
            chosen = crate::lang::display(action.default_language())
        ));
    }
}

fn warn_if_passed(action: &Action, today: NaiveDate) {
    let Some(deadline) = action.deadline else {
        return;
    };
    if days_left(deadline, today) < 0 {
        // In the interface's language when the action's translation into it
        // has been read.
        let translated = action.translated(crate::ui::lang());
        let advice = translated.deadline_advice.map_or("", |a| a.text);
        let date = format_date(deadline, &crate::ui::tr!("date-pattern"), crate::ui::lang());
        talk::warn(crate::ui::tr!("deadline-was", date = date, advice = advice));
    }
}

/// An action with points to ask for (older urgent actions have no model
/// letter, only these): the writer is to use their own words.
fn show_points(action: &Action) {
    if action.points.is_empty() {
        return;
    }
    talk::say(crate::ui::tr!("compose-own-words"));
    for point in &action.points {
        talk::line(format!("  - {point}"));
    }
}

/// What every letter of one compose shares: the action, its templates
/// (compiled once per language), the paper.
pub struct Composer<'a> {
    pub action: &'a Action,
    renderer: Renderer<'a>,
    paper: Paper,
    pub today: NaiveDate,
    /// Record what was sent in the history.
    pub record: bool,
}

/// Which letter: row `number`'s, with its answers, to target number `target`.
#[derive(Clone, Copy)]
pub struct Which<'a> {
    pub number: usize,
    pub answers: &'a Answers,
    pub target: usize,
}

/// One letter, rendered, in its form, and ready for its sheaf.
pub struct Made {
    pub choice: Choice,
    pub letter: Letter,
    pub leaf: Leaf,
    pub warnings: Vec<form::Warning>,
}

impl<'a> Composer<'a> {
    pub fn new(action: &'a Action, today: NaiveDate, paper: Paper, record: bool) -> Composer<'a> {
        Composer {
            action,
            renderer: Renderer::new(action, today),
            paper,
            today,
            record,
        }
    }

    /// Which letter answers a requested language, and compiles it now, so
    /// that a broken template is reported before anything more is asked.
    pub fn choose(&self, requested: &str) -> Result<Choice> {
        let choice = self.action.choose_letter(requested);
        self.renderer.prepare(&choice.chosen)?;
        Ok(choice)
    }

    /// The targets the answers write to, counted from 0: the one chosen,
    /// each of them for `all`, or the first when none was chosen.
    pub fn targets(&self, answers: &Answers) -> Result<Vec<usize>> {
        let count = self.action.targets.len();
        match answers.target.as_str() {
            "" => Ok(vec![0]),
            "all" => Ok((0..count).collect()),
            n => match n.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => Ok(vec![n - 1]),
                _ => Err(Error::Usage(crate::ui::msg!(
                    "compose-no-such-target",
                    given = n,
                    count = count,
                    targets = self
                        .action
                        .targets
                        .iter()
                        .enumerate()
                        .map(|(i, t)| format!("{} {}", i + 1, t.full_name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            },
        }
    }

    /// Renders the letter the answers ask for, to target number `target`.
    pub fn render(&self, answers: &Answers, target: usize) -> Result<(Choice, Letter)> {
        let choice = self.action.choose_letter(&answers.lang);
        let letter = self
            .renderer
            .render_for(&choice.chosen, target, &answers.signer)?;
        Ok((choice, letter))
    }

    /// Every step from answers to a leaf of the sheaf: the letter, in the
    /// output's form, named for a folder.
    pub fn make(&self, which: Which, output: &Output, namer: Option<&Namer>) -> Result<Made> {
        let (choice, letter) = self.render(which.answers, which.target)?;
        self.leaf(which, choice, letter, output, namer)
    }

    /// A rendered letter made a leaf of the sheaf.
    pub fn leaf(
        &self,
        which: Which,
        choice: Choice,
        mut letter: Letter,
        output: &Output,
        namer: Option<&Namer>,
    ) -> Result<Made> {
        let Which {
            number,
            answers,
            target,
        } = which;
        let (bytes, printed, warnings) = match output.layout {
            // A book prints the letter itself.
            plan::Layout::Book { .. } => {
                let printed = form::printed(&letter, &self.envelope(answers, target, 0));
                (Vec::new(), Some(printed), Vec::new())
            }
            // Unwrapped text is the letter itself: taken, not copied.
            _ if output.form == form::Form::Txt && output.width == 0 => (
                std::mem::take(&mut letter.body).into_bytes(),
                None,
                Vec::new(),
            ),
            _ => {
                let envelope = self.envelope(answers, target, output.width);
                let encoded = form::encode(&letter, output.form, &envelope)?;
                (encoded.bytes, None, encoded.warnings)
            }
        };
        let file_name = namer
            .map(|namer| namer.name(number, &answers.signer, &choice.chosen))
            .transpose()
            .map_err(|e| Error::Usage(e.into()))?;
        let leaf = Leaf {
            number,
            // Only JSON Lines name the signer.
            signer: match output.layout {
                plan::Layout::JsonLines => answers.signer.name.clone(),
                _ => String::new(),
            },
            lang: std::mem::take(&mut letter.lang),
            // The leaf's from now on: a batch makes many.
            subject: std::mem::take(&mut letter.subject),
            bytes,
            printed,
            file_name,
        };
        Ok(Made {
            choice,
            letter,
            leaf,
            warnings,
        })
    }

    fn envelope(&self, answers: &Answers, target: usize, width: usize) -> Envelope<'_> {
        Envelope {
            target: &self.action.targets[target],
            copies: &self.action.copies,
            sender: answers.signer.sender_block(),
            width,
            paper: self.paper,
        }
    }

    pub fn paper(&self) -> Paper {
        self.paper
    }

    /// A file name for the letter: `cecot-2026-11-29`.
    pub fn stem(&self) -> String {
        // A feed's `lyon/cecot` names no folder: `lyon-cecot-2026-11-29`.
        let id = self.action.id.replace('/', "-");
        format!("{id}-{}", self.today.format("%Y-%m-%d"))
    }
}
