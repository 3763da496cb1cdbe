//! The plan of a compose: every flag combination checked and every
//! decision made once, before anything is asked or written, for single
//! letters and batches alike: the form, where the letter goes, the width
//! of its lines, the paper.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::answers::ask::{Chosen, Place};
use crate::answers::rows;
use crate::cli::ComposeArgs;
use crate::destination::{Destination, names};
use crate::error::{Error, Result};
use crate::form::{Form, pdf::Paper};

/// What a compose will do.
#[derive(Debug)]
pub struct Plan {
    pub output: Output,
    pub paper: Paper,
    /// Record what was sent in the history (not with `--no-history`).
    pub record: bool,
}

#[derive(Debug)]
pub enum Output {
    /// One letter. `None`: the writer chooses where it goes, once it is written.
    Single(Option<Delivery>),
    /// One letter per row of a file.
    Batch(Batch),
}

/// Where one letter goes, in which form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub destination: Destination,
    pub form: Form,
    /// Hard-wrap width (0: none).
    pub width: usize,
    /// Replace a file that is there.
    pub force: bool,
    /// Open the result with the desktop's program.
    pub open: bool,
}

/// Where a batch's letters go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// All letters on stdout, separated by form feeds.
    Stream,
    /// One JSON object per letter on stdout.
    JsonLines,
    /// One file per letter, named by the template.
    Folder { dir: PathBuf, names: String },
    /// One PDF holding every letter, each from a new sheet, to a file or
    /// (`None`) stdout.
    Book { path: Option<PathBuf>, duplex: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub input: PathBuf,
    pub rows: rows::Format,
    pub sink: Sink,
    pub form: Form,
    pub width: usize,
    pub force: bool,
}

/// The choices a plan is made from: the command line, and whether a
/// person is at a terminal to be asked.
impl Plan {
    pub fn new(args: &ComposeArgs, interactive: bool) -> Result<Plan> {
        let output = match &args.batch {
            Some(input) => Output::Batch(batch(args, input)?),
            None => Output::Single(single(args, interactive)?),
        };
        Ok(Plan {
            output,
            paper: args.paper,
            record: !args.no_history,
        })
    }
}

/// The delivery the command line asks for; `None` when the writer is to
/// be asked.
fn single(args: &ComposeArgs, interactive: bool) -> Result<Option<Delivery>> {
    // clap waives `requires` when a conflicting flag is present (`--name`
    // conflicts with `--batch`), so the batch-only flags are checked here.
    let batch_only = [
        ("--out-dir", args.out_dir.is_some()),
        ("--name-template", args.name_template.is_some()),
        ("--jsonl", args.jsonl),
        ("--batch-format", args.batch_format.is_some()),
    ];
    if let Some((flag, _)) = batch_only.iter().find(|(_, given)| *given) {
        return Err(Error::Usage(crate::ui::tr!(
            "plan-batch-only",
            flag = *flag
        )));
    }
    let form = args.form();
    let destination = if args.clipboard {
        Destination::Clipboard
    } else if let Some(path) = &args.output {
        if path.as_os_str() == "-" {
            Destination::Stdout
        } else {
            Destination::File(path.clone())
        }
    } else if interactive && form.is_none() {
        return Ok(None);
    } else {
        Destination::Stdout
    };
    Delivery::new(destination, form, args).map(Some)
}

impl Delivery {
    /// A delivery, checked: the form defaults to what a file's name asks
    /// for, and combinations that can't work are refused with what to do.
    pub fn new(
        destination: Destination,
        form: Option<Form>,
        args: &ComposeArgs,
    ) -> Result<Delivery> {
        let form = form.unwrap_or(match &destination {
            Destination::File(path) => Form::from_path(path),
            _ => Form::Txt,
        });
        if destination == Destination::Clipboard && !form.is_text() {
            return Err(Error::Usage(crate::ui::tr!(
                "plan-clipboard-text",
                form = form.extension()
            )));
        }
        let opens = matches!(destination, Destination::File(_)) || form == Form::Mailto;
        if args.open && !opens {
            return Err(Error::Usage(crate::ui::tr!("plan-open-needs-file")));
        }
        if form == Form::Pdf
            && destination == Destination::Stdout
            && std::io::stdout().is_terminal()
        {
            return Err(Error::Usage(crate::ui::tr!(
                "plan-pdf-terminal",
                file = "letter.pdf"
            )));
        }
        let width = width(args.width, form, destination.default_width());
        Ok(Delivery {
            destination,
            form,
            width,
            force: args.force,
            open: args.open,
        })
    }

    /// The delivery the writer chose from the menu.
    pub fn chosen(chosen: Chosen, args: &ComposeArgs) -> Result<Delivery> {
        let file = || {
            chosen
                .path
                .clone()
                .map(Destination::File)
                .ok_or_else(|| Error::Usage(crate::ui::tr!("plan-no-file-name")))
        };
        let (destination, form, open) = match chosen.place {
            Place::Print => (Destination::Stdout, Form::Txt, false),
            Place::Clipboard => (Destination::Clipboard, Form::Txt, false),
            Place::MailLink => (Destination::Stdout, Form::Mailto, true),
            Place::TextFile => (file()?, Form::Txt, false),
            Place::EmailDraft => (file()?, Form::Eml, true),
            Place::Pdf => (file()?, Form::Pdf, false),
        };
        let mut delivery = Delivery::new(destination, Some(form), args)?;
        delivery.open |= open;
        delivery.force |= chosen.replace;
        Ok(delivery)
    }
}

/// The width of a letter's lines: `--width`, else the destination's own
/// for text, else none (a PDF lays out its own lines, a mail program
/// reflows an email, a link carries the text as it is).
fn width(flag: Option<usize>, form: Form, destination_default: usize) -> usize {
    flag.unwrap_or(if form == Form::Txt {
        destination_default
    } else {
        0
    })
}

fn batch(args: &ComposeArgs, input: &Path) -> Result<Batch> {
    let rows = args
        .batch_format
        .or_else(|| rows::Format::from_path(input))
        .ok_or_else(|| {
            Error::Usage(crate::ui::tr!(
                "plan-batch-format",
                path = input.display().to_string()
            ))
        })?;
    let names = args
        .name_template
        .clone()
        .unwrap_or_else(|| names::DEFAULT_TEMPLATE.to_string());
    let book = match &args.output {
        Some(path) if args.out_dir.is_some() || args.jsonl => {
            return Err(Error::Usage(crate::ui::tr!(
                "plan-book-flags",
                path = path.display().to_string()
            )));
        }
        Some(path) => {
            let stdout = path.as_os_str() == "-";
            if !stdout && Form::from_path(path) != Form::Pdf && args.form() != Some(Form::Pdf) {
                return Err(Error::Usage(crate::ui::tr!(
                    "plan-book-pdf",
                    path = path.display().to_string()
                )));
            }
            Some((!stdout).then(|| path.clone()))
        }
        None if args.form() == Some(Form::Pdf) && args.out_dir.is_none() => Some(None),
        None => None,
    };
    if args.duplex && book.is_none() {
        return Err(Error::Usage(crate::ui::tr!("plan-duplex")));
    }
    if let Some(path) = book {
        if path.is_none() && std::io::stdout().is_terminal() {
            return Err(Error::Usage(crate::ui::tr!(
                "plan-pdf-terminal",
                file = "letters.pdf"
            )));
        }
        return Ok(Batch {
            input: input.to_path_buf(),
            rows,
            sink: Sink::Book {
                path,
                duplex: args.duplex,
            },
            form: Form::Pdf,
            width: 0,
            force: args.force,
        });
    }
    let (sink, default_width) = match (&args.out_dir, args.jsonl) {
        (Some(dir), _) => (
            Sink::Folder {
                dir: dir.clone(),
                names: names.clone(),
            },
            Destination::File(PathBuf::new()).default_width(),
        ),
        (None, true) => (Sink::JsonLines, 0),
        (None, false) => (Sink::Stream, Destination::Stdout.default_width()),
    };
    let form = args.form().unwrap_or(match &sink {
        Sink::Folder { .. } => Form::from_path(Path::new(&names)),
        _ => Form::Txt,
    });
    if form != Form::Txt && !matches!(sink, Sink::Folder { .. }) {
        return Err(Error::Usage(crate::ui::tr!(
            "plan-format-needs-folder",
            form = form.extension()
        )));
    }
    if args.open {
        return Err(Error::Usage(crate::ui::tr!("plan-open-batch")));
    }
    Ok(Batch {
        input: input.to_path_buf(),
        rows,
        sink,
        form,
        width: width(args.width, form, default_width),
        force: args.force,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn plan(args: &[&str], interactive: bool) -> Result<Plan> {
        let cli =
            crate::cli::Cli::try_parse_from(["appeal", "compose", "cecot"].iter().chain(args))
                .expect("the arguments parse");
        let crate::cli::Command::Compose(compose) = cli.command else {
            unreachable!("a compose command")
        };
        Plan::new(&compose, interactive)
    }

    fn single(args: &[&str]) -> Delivery {
        match plan(args, false).unwrap().output {
            Output::Single(Some(d)) => d,
            other => panic!("not a single letter to a known place: {other:?}"),
        }
    }

    fn batch(args: &[&str]) -> Batch {
        match plan(args, false).unwrap().output {
            Output::Batch(b) => b,
            other => panic!("not a batch: {other:?}"),
        }
    }

    #[test]
    fn a_file_name_chooses_the_form_and_text_files_wrap_at_72() {
        let d = single(&["-o", "x.eml"]);
        assert_eq!((d.form, d.width), (Form::Eml, 0));
        let d = single(&["-o", "x.txt"]);
        assert_eq!((d.form, d.width), (Form::Txt, 72));
        let d = single(&["-o", "x.pdf", "--width", "50"]);
        assert_eq!((d.form, d.width), (Form::Pdf, 50));
        assert_eq!(single(&["--clipboard"]).width, 0);
    }

    #[test]
    fn single_and_batch_take_the_same_width_for_the_same_form_and_place() {
        assert_eq!(single(&["-o", "x.txt"]).width, 72);
        assert_eq!(batch(&["--batch", "s.csv", "--out-dir", "d"]).width, 72);
        assert_eq!(single(&["-o", "x.eml"]).width, 0);
        let b = batch(&["--batch", "s.csv", "--out-dir", "d", "--format", "eml"]);
        assert_eq!((b.form, b.width), (Form::Eml, 0));
        assert_eq!(
            single(&["--width", "40"]).width,
            batch(&["--batch", "s.csv", "--width", "40"]).width
        );
    }

    #[test]
    fn the_writer_is_asked_only_when_nothing_said_where() {
        assert!(matches!(
            plan(&[], true).unwrap().output,
            Output::Single(None)
        ));
        assert!(matches!(
            plan(&["--format", "mailto"], true).unwrap().output,
            Output::Single(Some(_))
        ));
        assert_eq!(single(&[]).destination, Destination::Stdout);
    }

    #[test]
    fn impossible_combinations_are_refused_before_anything_happens() {
        for (args, says) in [
            (
                &["--name", "A", "--out-dir", "d"][..],
                "--out-dir goes with --batch",
            ),
            (&["--name", "A", "--jsonl"][..], "--jsonl goes with --batch"),
            (
                &["--clipboard", "--format", "pdf"][..],
                "--clipboard takes text",
            ),
            (&["--open"][..], "--open needs a file"),
            (
                &["--batch", "s.csv", "--format", "eml"][..],
                "add --out-dir",
            ),
            (&["--batch", "s.txt"][..], "can't tell the format"),
        ] {
            let err = plan(args, false).unwrap_err().to_string();
            assert!(err.contains(says), "{args:?}: {err}");
        }
    }

    #[test]
    fn the_menu_choice_becomes_a_checked_delivery() {
        let cli = crate::cli::Cli::try_parse_from(["appeal", "compose", "cecot"]).unwrap();
        let crate::cli::Command::Compose(args) = cli.command else {
            unreachable!()
        };
        let chosen = |place, path: Option<&str>| Chosen {
            place,
            path: path.map(PathBuf::from),
            replace: path.is_some(),
        };
        let d = Delivery::chosen(chosen(Place::EmailDraft, Some("a.eml")), &args).unwrap();
        assert_eq!(
            (d.form, d.open, d.force),
            (Form::Eml, true, true),
            "'Replace it?' answered yes replaces the file"
        );
        let d = Delivery::chosen(chosen(Place::MailLink, None), &args).unwrap();
        assert_eq!((d.destination, d.form), (Destination::Stdout, Form::Mailto));
        let d = Delivery::chosen(chosen(Place::Clipboard, None), &args).unwrap();
        assert_eq!(d.destination, Destination::Clipboard);
    }
}
