//! `appeal compose`: gather the writer's answers, render the letter, deliver it.
//!
//! Every answer comes from the first of: its flag, its environment
//! variable, the remembered config, a prompt (only at a terminal). Each
//! passes the same validation wherever it came from.

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::action::Action;
use crate::answers::{Signer, clean_line, clean_note};
use crate::batch;
use crate::cli::ComposeArgs;
use crate::config::{self, Remembered};
use crate::deadline::{days_left, today};
use crate::deliver::{self, Destination, Envelope, Format};
use crate::error::{Error, Result};
use crate::lang;
use crate::letter::{Renderer, format_date};
use crate::library::{Library, read_limited};
use crate::prompt::Terminal;
use crate::talk;
use crate::wrap::wrap;

/// A single-line answer and where it may come from.
struct Question {
    prompt: &'static str,
    flag: &'static str,
    env: &'static str,
    required: bool,
}

const NAME: Question = Question {
    prompt: "Your name (as it goes under the letter)",
    flag: "--name",
    env: "APPEAL_NAME",
    required: true,
};
const CITY: Question = Question {
    prompt: "Your city (optional)",
    flag: "--city",
    env: "APPEAL_CITY",
    required: false,
};
const COUNTRY: Question = Question {
    prompt: "Your country (optional)",
    flag: "--country",
    env: "APPEAL_COUNTRY",
    required: false,
};

pub fn run(library: &Library, args: ComposeArgs) -> Result<()> {
    let interactive = !args.no_input && io::stdin().is_terminal() && io::stderr().is_terminal();
    let remembered = if args.batch.is_none() {
        Remembered::load().unwrap_or_else(|e| {
            talk::warn(format_args!("{e}; ignoring the remembered settings"));
            Remembered::default()
        })
    } else {
        Remembered::default()
    };
    // Without prompts the letter's language is known now, and only the
    // files that could hold its letter are read.
    let action = if interactive || args.batch.is_some() {
        library.load(&args.action)?
    } else {
        let requested = args
            .lang
            .clone()
            .or_else(|| env("APPEAL_LANG"))
            .or_else(|| remembered.lang.clone());
        library.load_for(&args.action, requested.as_deref())?
    };
    let today = today()?;
    let renderer = Renderer::new(&action, today);
    warn_if_passed(&action, today);
    // clap waives `requires` when a conflicting flag is present (`--name`
    // conflicts with `--batch`), so the batch-only flags are checked here.
    if args.batch.is_none() {
        let batch_only = [
            ("--out-dir", args.out_dir.is_some()),
            ("--name-template", args.name_template.is_some()),
            ("--jsonl", args.jsonl),
            ("--batch-format", args.batch_format.is_some()),
        ];
        if let Some((flag, _)) = batch_only.iter().find(|(_, given)| *given) {
            return Err(Error::Usage(format!(
                "{flag} goes with --batch FILE; for a single letter use -o FILE"
            )));
        }
    }
    if let Some(input) = args.batch.clone() {
        let form = args.form();
        let options = batch::Options {
            input,
            format: args.batch_format,
            out_dir: args.out_dir,
            name_template: args
                .name_template
                .unwrap_or_else(|| batch::names::DEFAULT_TEMPLATE.to_string()),
            jsonl: args.jsonl,
            force: args.force,
            width: args.width,
            form,
            paper: args.paper,
            lang: args.lang,
            city: args.city,
            country: args.country,
            no_history: args.no_history, // History (issue 16)
        };
        return batch::run(&action, &renderer, &options);
    }
    // A note given by flag is read before any prompt: a wrong path fails
    // before the writer has answered anything, and Ctrl-C while a note is
    // typed on stdin ends the program instead of being caught.
    let given_note = note_from_flags(&args)?;
    let terminal = interactive.then(Terminal::new);
    let ask = Asker {
        terminal: terminal.as_ref(),
    };

    let name = ask.line(&NAME, args.name.as_deref(), remembered.name.as_deref())?;
    let requested = ask.language(&action, args.lang.as_deref(), remembered.lang.as_deref())?;
    let choice = action.choose_letter(&requested);
    if choice.is_fallback() {
        talk::say(format_args!(
            "note: there is no model letter in `{}`; the letter is in `{}`{}",
            choice.requested,
            choice.chosen,
            if action.own_language_welcome {
                " (writing in your own language, in your own words, is welcome)"
            } else {
                ""
            }
        ));
    }
    // A broken template is reported now, before the writer types a note.
    renderer.prepare(&choice.chosen)?;
    let note = match given_note {
        Some(note) => note,
        None => ask.note()?,
    };
    let city = ask.line(&CITY, args.city.as_deref(), remembered.city.as_deref())?;
    let country = ask.line(
        &COUNTRY,
        args.country.as_deref(),
        remembered.country.as_deref(),
    )?;

    let signer = Signer {
        name,
        note,
        city,
        country,
        ..Signer::default()
    };
    let letter = renderer.render(&choice.chosen, &signer)?;
    // History (issue 16): say, before writing, if this action was written for already.
    crate::history::mention_earlier(&action);
    let stem = format!("{}-{}", action.id, today.format("%Y-%m-%d"));

    // Ctrl-C pressed outside a prompt (between prompts) counts here too.
    let chosen = ask.delivery(&args, &letter.body, &stem);
    let delivery = match chosen.and_then(|d| ask.check().map(|()| d)) {
        Err(Error::Interrupted) if !signer.note.is_empty() => {
            // The writer typed a note: keep it even though they cancelled.
            if let Ok(path) = deliver::rescue(letter.body.as_bytes(), &format!("{stem}.txt")) {
                talk::say(format_args!("your letter was kept in {}", path.display()));
            }
            return Err(Error::Interrupted);
        }
        other => other?,
    };
    let Delivery {
        destination,
        format,
        open,
    } = &delivery;
    if *format == Format::Pdf && *destination == Destination::Stdout && io::stdout().is_terminal() {
        return Err(Error::Usage(
            "a PDF can't be shown in a terminal: give a file, -o letter.pdf".to_string(),
        ));
    }
    let envelope = Envelope {
        target: &action.target,
        sender: signer.sender_block(),
        width: args.width.unwrap_or_else(|| match format {
            Format::Txt => destination.default_width(),
            _ => 0,
        }),
        paper: args.paper,
    };
    let bytes = deliver::encode(&letter, *format, &envelope)?;
    let rescue_name = format!("{stem}.{}", format.extension());
    deliver::deliver(&bytes, destination, args.force, &rescue_name)?;
    // History (issue 16): record the delivered letter; a failure is only a warning.
    if !args.no_history {
        let sent = crate::history::Sent {
            action: &action,
            date: today,
            lang: &letter.lang,
            form: *format,
            destination,
            bytes: &bytes,
            text: &letter.body,
        };
        crate::history::record_letter(&sent, remembered.history.text);
    }
    if *open {
        open_result(destination, *format, &bytes);
    }

    if let Some(terminal) = &terminal {
        match (destination, format) {
            (Destination::File(path), Format::Eml) => talk::line(format!(
                "Saved the email draft to {}: open it in your mail program and press Send.",
                path.display()
            )),
            (Destination::File(path), Format::Pdf) => {
                talk::line(format!("Saved the printable letter to {}.", path.display()))
            }
            (Destination::File(path), _) => {
                talk::line(format!("Saved the letter to {}.", path.display()))
            }
            (Destination::Clipboard, _) => talk::line("Copied the letter to the clipboard."),
            (Destination::Stdout, _) => {}
        }
        if *format != Format::Pdf {
            talk::line(format!(
                "Send it to {} with the subject: {}",
                action.target.email, letter.subject
            ));
        }
        offer_to_remember(terminal, &remembered, &signer, &requested)?;
    } else if let Destination::File(path) = destination {
        talk::say(format_args!("wrote {}", path.display()));
    }
    Ok(())
}

/// Where the letter goes, in which form, and whether to open it after.
struct Delivery {
    destination: Destination,
    format: Format,
    open: bool,
}

/// Hands the file or the mailto: link to the desktop's default program.
/// Failing to open is only a warning: the letter is already delivered.
fn open_result(destination: &Destination, format: Format, bytes: &[u8]) {
    let target = match (destination, format) {
        (_, Format::Mailto) => String::from_utf8_lossy(bytes).trim().to_string(),
        (Destination::File(path), _) => path.display().to_string(),
        _ => return,
    };
    if let Err(e) = open::that_detached(&target) {
        talk::warn(format_args!(
            "could not open it with the desktop's program: {e}"
        ));
    }
}

fn warn_if_passed(action: &Action, today: NaiveDate) {
    if days_left(action.deadline, today) < 0 {
        let advice = action.deadline_advice.as_deref().unwrap_or("");
        talk::warn(format_args!(
            "the deadline for this action was {}. {advice}",
            format_date(action.deadline, "%-d %B %Y", "en")
        ));
    }
}

/// Where answers come from: the terminal when there is one, else nowhere
/// beyond flags, environment and config.
struct Asker<'t> {
    terminal: Option<&'t Terminal>,
}

impl Asker<'_> {
    /// `Err(Interrupted)` once Ctrl-C has been pressed at the terminal.
    fn check(&self) -> Result<()> {
        self.terminal.map_or(Ok(()), Terminal::check)
    }

    fn line(&self, q: &Question, flag: Option<&str>, remembered: Option<&str>) -> Result<String> {
        let check = |s: &str| {
            let value = clean_line(q.flag, s)?;
            if q.required && value.is_empty() {
                return Err(Error::Usage(format!("{} must not be empty", q.flag)));
            }
            Ok(value)
        };
        if let Some(value) = flag {
            return check(value);
        }
        let fallback = env(q.env).or(remembered.map(str::to_string));
        match (self.terminal, fallback) {
            (Some(t), fallback) => t.text(q.prompt, fallback.as_deref(), q.required, check),
            (None, Some(value)) => check(&value),
            (None, None) if q.required => Err(Error::Usage(format!(
                "no value for {flag}: pass {flag} or set {env} (there is no terminal to ask on)",
                flag = q.flag,
                env = q.env,
            ))),
            (None, None) => Ok(String::new()),
        }
    }

    /// The requested language tag, normalised (`es_cl` → `es-CL`).
    fn language(
        &self,
        action: &Action,
        flag: Option<&str>,
        remembered: Option<&str>,
    ) -> Result<String> {
        let normalize = |s: &str| {
            lang::normalize(s).ok_or_else(|| {
                Error::Usage(format!(
                    "--lang: `{s}` is not a language tag; use a code such as {}",
                    action.languages().join(", ")
                ))
            })
        };
        if let Some(value) = flag {
            return normalize(value);
        }
        let fallback = env("APPEAL_LANG").or(remembered.map(str::to_string));
        let Some(terminal) = self.terminal else {
            return fallback.map_or(Ok(action.preferred_language.clone()), |f| normalize(&f));
        };
        let langs = action.languages();
        let mut items: Vec<String> = langs
            .iter()
            .map(|l| {
                if *l == action.preferred_language {
                    format!("{l} (preferred by the target)")
                } else {
                    l.to_string()
                }
            })
            .collect();
        items.push("another language…".to_string());
        let default = fallback
            .as_deref()
            .and_then(lang::normalize)
            .and_then(|f| langs.iter().position(|l| *l == f))
            .unwrap_or(0);
        let picked = terminal.select("Language of the letter", &items, default)?;
        match langs.get(picked) {
            Some(l) => Ok(l.to_string()),
            None => terminal.text(
                "Language code (for example de, pt-BR)",
                None,
                true,
                normalize,
            ),
        }
    }

    fn note(&self) -> Result<String> {
        const WHAT: &str = "note";
        let Some(terminal) = self.terminal else {
            return Ok(String::new());
        };
        talk::line(
            "A few words of your own make a letter count: identical letters are often filtered out.",
        );
        let items = [
            "Write a short note here".to_string(),
            "Write several paragraphs in my editor".to_string(),
            "No personal note".to_string(),
        ];
        match terminal.select("Personal note", &items, 0)? {
            0 => terminal.text("Your note", None, false, |s| clean_note(WHAT, s)),
            1 => loop {
                match terminal.edit()? {
                    Some(text) => match clean_note(WHAT, &text) {
                        Ok(note) => break Ok(note),
                        Err(e) => talk::say(format_args!("{e}; please edit it again")),
                    },
                    None => {
                        talk::line("The editor closed without saving; no note added.");
                        break Ok(String::new());
                    }
                }
            },
            _ => Ok(String::new()),
        }
    }

    fn delivery(&self, args: &ComposeArgs, letter: &str, stem: &str) -> Result<Delivery> {
        let format = args.form();
        let chosen = |destination: Destination, format: Option<Format>| {
            let format = format.unwrap_or(match &destination {
                Destination::File(path) => Format::from_path(path),
                _ => Format::Txt,
            });
            if destination == Destination::Clipboard && !format.is_text() {
                return Err(Error::Usage(format!(
                    "--clipboard takes text; write the {} to a file with -o",
                    format.extension()
                )));
            }
            let opens = matches!(destination, Destination::File(_)) || format == Format::Mailto;
            if args.open && !opens {
                return Err(Error::Usage(
                    "--open needs a file (-o letter.eml) or --mailto".to_string(),
                ));
            }
            Ok(Delivery {
                destination,
                format,
                open: args.open,
            })
        };
        if args.clipboard {
            return chosen(Destination::Clipboard, format);
        }
        if let Some(path) = &args.output {
            let destination = if path.as_os_str() == "-" {
                Destination::Stdout
            } else {
                Destination::File(path.clone())
            };
            return chosen(destination, format);
        }
        let Some(terminal) = self.terminal.filter(|_| format.is_none()) else {
            return chosen(Destination::Stdout, format);
        };
        preview(letter);
        let items = [
            "Print it here".to_string(),
            "Save it to a text file".to_string(),
            "Copy it to the clipboard".to_string(),
            "Save it as an email draft (.eml) and open it".to_string(),
            "Save it as a printable PDF".to_string(),
            "Open it in my mail program (mailto: link)".to_string(),
        ];
        let (extension, format, open) =
            match terminal.select("Where should the letter go?", &items, 0)? {
                0 => return chosen(Destination::Stdout, Some(Format::Txt)),
                2 => return chosen(Destination::Clipboard, Some(Format::Txt)),
                5 => {
                    return Ok(Delivery {
                        destination: Destination::Stdout,
                        format: Format::Mailto,
                        open: true,
                    });
                }
                3 => ("eml", Format::Eml, true),
                4 => ("pdf", Format::Pdf, false),
                _ => ("txt", Format::Txt, false),
            };
        let path = loop {
            let suggested = format!("{stem}.{extension}");
            let typed = terminal.text("File name", Some(&suggested), true, |s| {
                Ok(s.trim().to_string())
            })?;
            let path = PathBuf::from(typed);
            if !path.exists()
                || args.force
                || terminal.confirm(&format!("{} exists. Replace it?", path.display()), false)?
            {
                break path;
            }
        };
        Ok(Delivery {
            destination: Destination::File(path),
            format,
            open,
        })
    }
}

/// The value of an environment variable; empty counts as unset.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// `--note` or `--note-file`, cleaned; `None` when neither was given.
fn note_from_flags(args: &ComposeArgs) -> Result<Option<String>> {
    if let Some(note) = &args.note {
        return clean_note("--note", note).map(Some);
    }
    let Some(path) = &args.note_file else {
        return Ok(None);
    };
    clean_note(
        &format!("--note-file {}", path.display()),
        &read_note(path)?,
    )
    .map(Some)
}

fn read_note(path: &std::path::Path) -> Result<String> {
    if path.as_os_str() == "-" {
        if io::stdin().is_terminal() {
            talk::line("Type your note, then press Ctrl-D on a line of its own.");
        }
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::File {
                path: "stdin".into(),
                message: format!("the note could not be read: {e}"),
            })?;
        return Ok(text);
    }
    read_limited(path)
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
    let show = |line: &str| talk::line(format!("  │ {line}"));
    if lines.len() <= HEAD + TAIL + 1 {
        lines.iter().for_each(|l| show(l));
    } else {
        lines[..HEAD].iter().for_each(|l| show(l));
        show(&format!("… ({} more lines) …", lines.len() - HEAD - TAIL));
        lines[lines.len() - TAIL..].iter().for_each(|l| show(l));
    }
    talk::line("");
}

fn offer_to_remember(
    terminal: &Terminal,
    remembered: &Remembered,
    signer: &Signer,
    lang: &str,
) -> Result<()> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let now = Remembered {
        name: some(&signer.name),
        city: some(&signer.city),
        country: some(&signer.country),
        lang: some(lang),
        history: remembered.history.clone(),
    };
    if now == *remembered {
        return Ok(());
    }
    let place = config::path().map_or_else(String::new, |p| format!(" (in {})", p.display()));
    if terminal.confirm(
        &format!("Remember your name, place and language for next time{place}?"),
        true,
    )? {
        match now.save() {
            Ok(path) => talk::line(format!("Remembered in {}.", path.display())),
            Err(e) => talk::warn(format_args!("could not remember your details: {e}")),
        }
    }
    Ok(())
}
