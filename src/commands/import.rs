//! `appeal import`: an urgent-action document in, a checked action file
//! out, and an account of where each line of the document went.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::action::MAX_FILE_BYTES;
use crate::deadline::today;
use crate::error::{Error, Result};
use crate::fs::Output;
use crate::import::emit::{Emitted, emit};
use crate::import::lines::Reason;
use crate::import::report::{self, Report};
use crate::import::{self, Draft, Salutation};
use crate::library::{ActionFiles, Library, SourceFile, imported_dir};
use crate::lint::{Level, lint};
use crate::talk;

/// What `appeal import` was asked to do.
pub struct Options<'a> {
    /// The document, or `-` for stdin.
    pub file: &'a Path,
    pub output: Option<&'a Output>,
    pub id: Option<&'a str>,
    pub force: bool,
    /// Print the account of the import on stdout.
    pub json: bool,
    /// Print the document's text as read, and write nothing.
    pub text: bool,
}

pub fn run(library: &Library, opts: &Options) -> Result<()> {
    if let Some(id) = opts.id {
        super::new::check_id(id)?;
    }
    let to_stdout = opts.output == Some(&Output::Stdout);
    if to_stdout && opts.json {
        return Err(Error::Usage(crate::ui::msg!("import-json-and-stdout")));
    }
    let (name, bytes) = read_input(opts.file)?;
    let refused = |message: crate::ui::Message| Error::File {
        path: crate::text::shown(&name).into_owned(),
        message,
    };
    if opts.text {
        let doc = import::document::read(&name, &bytes).map_err(|why| {
            refused(
                why.message(import::document::sniff(&name, &bytes).ok())
                    .into(),
            )
        })?;
        let text: String = doc
            .lines
            .iter()
            .map(|l| {
                format!(
                    "{}\n",
                    crate::import::lines::clean(&l.text.replace('\n', " "), false)
                )
            })
            .collect();
        return super::print(&text);
    }
    let (_, draft) =
        import::read(&name, &bytes).map_err(|r| refused(crate::ui::Message::from(r.message())))?;
    let shown_name = Path::new(&name)
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let emitted = emit(&draft, &shown_name, opts.id);
    let (path, id) = destination(library, opts, &emitted)?;
    if let Some(p) = &path {
        refuse_to_hide(library, &id, p, opts.force)?;
    }
    summarise(&draft, &name, &emitted);
    match &path {
        Some(p) => crate::fs::write_new(p, emitted.text.as_bytes(), opts.force)?,
        None => super::print(&emitted.text)?,
    }
    let origin = path
        .as_ref()
        .map_or("<stdout>".to_string(), |p| p.display().to_string());
    if let Some(p) = &path {
        talk::say(crate::ui::tr!(
            "import-wrote",
            path = p.display().to_string(),
            id = id.as_str()
        ));
    }
    if opts.json {
        let action = report::Action {
            id: &id,
            path: path.as_ref().map(|p| p.display().to_string()),
        };
        let account = Report::new(&draft, &shown_name, action, &emitted.text);
        super::print_json(&account)?;
    }
    check(&id, origin, path, &emitted)
}

/// `appeal check` on the new file: its findings, and the exit code.
fn check(id: &str, origin: String, path: Option<PathBuf>, emitted: &Emitted) -> Result<()> {
    let files = ActionFiles {
        id: id.to_string(),
        named_lang: None,
        main: SourceFile::new(None, origin.clone(), path, emitted.text.clone().into()),
        translations: Vec::new(),
    };
    let problems = lint(&files, today()?);
    for p in &problems {
        talk::line(p);
    }
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    let placeholders = report::placeholders(&emitted.text).len();
    if errors > 0 {
        talk::say(crate::ui::tr!(
            "import-errors",
            errors = errors,
            placeholders = placeholders,
            path = origin.as_str(),
        ));
        return Err(Error::CheckFailed(errors));
    }
    talk::say(crate::ui::tr!("import-ready", id = id));
    Ok(())
}

/// Where the action file goes (`None`: stdout), and its id.
fn destination(
    library: &Library,
    opts: &Options,
    emitted: &Emitted,
) -> Result<(Option<PathBuf>, String)> {
    match opts.output {
        Some(Output::Stdout) => Ok((None, emitted.id.clone())),
        Some(Output::File(p)) => {
            let stem = p
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".yaml"))
                .ok_or_else(|| {
                    Error::Usage(crate::ui::msg!(
                        "import-not-yaml",
                        path = p.display().to_string()
                    ))
                })?;
            super::new::check_id(stem)?;
            Ok((Some(p.clone()), stem.to_string()))
        }
        None => {
            let dir = match library.user_dir() {
                Some(d) => d.to_path_buf(),
                None => {
                    let d = imported_dir()
                        .ok_or_else(|| Error::Usage(crate::ui::msg!("import-no-data-folder")))?;
                    create_private_dir(&d)?;
                    d
                }
            };
            let id = emitted.id.clone();
            Ok((Some(dir.join(format!("{id}.yaml"))), id))
        }
    }
}

/// An import never hides another action silently: an id that another
/// source already has (a built-in action, a feed's, the user's own in
/// another folder) is refused without `--force`, naming both.
fn refuse_to_hide(library: &Library, id: &str, path: &Path, force: bool) -> Result<()> {
    if force {
        return Ok(());
    }
    let Ok(existing) = library.files(id) else {
        return Ok(());
    };
    let same = existing
        .main
        .path
        .as_ref()
        .is_some_and(|p| same_file(p, path));
    if same {
        // The file itself: `fs::write_new` refuses to replace it.
        return Ok(());
    }
    Err(Error::Usage(crate::ui::msg!(
        "import-id-taken",
        id = id,
        existing = existing.main.origin.as_str(),
        path = path.display().to_string()
    )))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (
        a.canonicalize(),
        b.parent().and_then(|d| d.canonicalize().ok()),
    ) {
        (Ok(a), Some(dir)) => b.file_name().is_some_and(|n| a == dir.join(n)),
        _ => a == b,
    }
}

/// The document's name for messages, and its bytes, at most one byte over
/// the limit so that reading it can refuse it.
fn read_input(file: &Path) -> Result<(String, Vec<u8>)> {
    let stdin = file == Path::new("-");
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        file.display().to_string()
    };
    let io_err = |e: std::io::Error| Error::File {
        path: crate::text::shown(&name).into_owned(),
        message: e.to_string().into(),
    };
    let mut bytes = Vec::new();
    if stdin {
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io_err)?;
    } else {
        if file.is_dir() {
            return Err(Error::File {
                path: crate::text::shown(&name).into_owned(),
                message: crate::ui::msg!("import-is-folder"),
            });
        }
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(io_err)?;
    }
    Ok((name, bytes))
}

/// The user's own actions folder, readable by its owner only.
fn create_private_dir(dir: &Path) -> Result<()> {
    crate::fs::make_private_dir(dir).map_err(|e| {
        Error::Usage(crate::ui::msg!(
            "import-folder-failed",
            path = dir.display().to_string(),
            error = e.to_string()
        ))
    })
}

/// What was read, on stderr, a fact a line; then how many lines were left
/// out, and why.
fn summarise(d: &Draft, name: &str, emitted: &Emitted) {
    talk::say(crate::ui::tr!(
        "import-read",
        name = crate::text::shown(name).into_owned(),
        layout = d.shape.describe()
    ));
    for line in found(d, emitted) {
        talk::line(format_args!("  {}", crate::text::shown(&line)));
    }
    if !d.left_out.is_empty() {
        let mut reasons: Vec<Reason> = d.left_out.iter().map(|l| l.reason).collect();
        reasons.sort();
        reasons.dedup();
        let reasons: Vec<&str> = reasons.iter().map(|r| r.describe()).collect();
        talk::line(format_args!(
            "  {}",
            crate::ui::tr!(
                "import-left-out",
                count = d.left_out.len(),
                reasons = reasons.join(", ")
            )
        ));
    }
    for note in &d.notes {
        talk::warn(crate::text::shown(note).into_owned());
    }
}

/// The facts found, in words.
fn found(d: &Draft, emitted: &Emitted) -> Vec<String> {
    use crate::ui::tr;
    let mut found: Vec<String> = Vec::new();
    if let Some(t) = &d.title {
        found.push(tr!("import-title", title = t.as_str()));
    }
    if let Some(r) = &d.reference {
        found.push(tr!("import-reference", reference = r.as_str()));
    }
    if let Some(issued) = &d.issued {
        found.push(tr!("import-issued", date = issued.text.as_str()));
    }
    if let Some(dl) = &d.deadline {
        found.push(match dl.date {
            Some(date) => tr!("import-deadline", date = date.to_string()),
            None => tr!("import-deadline-text", text = dl.text.as_str()),
        });
    }
    if !d.languages.is_empty() {
        let names: Vec<&str> = d.languages.iter().map(|(n, _)| n.as_str()).collect();
        let languages = names.join(", ");
        found.push(if d.own_language_welcome {
            tr!("import-languages-own", languages = languages)
        } else {
            tr!("import-languages", languages = languages)
        });
    }
    for (copy, list) in [(false, &d.targets), (true, &d.copies)] {
        for c in list {
            let mut details = vec![tr!("import-emails", count = c.emails.len())];
            if !c.fax.is_empty() {
                details.push(tr!("import-faxes", count = c.fax.len()));
            }
            match &c.salutation {
                Some(Salutation::ByLanguage(by)) => {
                    let languages = by
                        .iter()
                        .map(|(l, _)| l.clone())
                        .reduce(|a, b| tr!("import-and", first = a, second = b))
                        .unwrap_or_default();
                    details.push(tr!("import-salutation-in", languages = languages));
                }
                Some(Salutation::One(_)) => details.push(tr!("import-salutation")),
                None => {}
            }
            let name = c.name.clone().unwrap_or_else(|| tr!("import-no-name"));
            let details = details.join(", ");
            found.push(if copy {
                tr!("import-copy", name = name, details = details)
            } else {
                tr!("import-target", name = name, details = details)
            });
        }
    }
    if let Some(l) = &d.letter {
        found.push(tr!(
            "import-letter",
            lang = emitted.letter_lang.as_str(),
            count = l.paragraphs.len()
        ));
    }
    if !d.points.is_empty() {
        found.push(if d.letter.is_some() {
            tr!("import-points", count = d.points.len())
        } else {
            tr!("import-points-only", count = d.points.len())
        });
    }

    if !d.background.is_empty() {
        found.push(tr!("import-background", count = d.background.len()));
    }
    if let Some(p) = &d.people {
        found.push(tr!("import-people", people = p.as_str()));
    }
    if let Some(p) = &d.previous_ua {
        found.push(tr!("import-previous", reference = p.as_str()));
    }
    found
}
