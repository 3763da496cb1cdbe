//! `appeal import`: an urgent-action document (text, Markdown or PDF) in,
//! a checked action file out.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::action::MAX_FILE_BYTES;
use crate::deadline::today;
use crate::error::{Error, Result};
use crate::import::emit::{Emitted, emit};
use crate::import::{self, Draft, Salutation, Source};
use crate::library::{ActionFiles, Library, SourceFile, imported_dir};
use crate::lint::{Level, lint};
use crate::talk;

/// What `appeal import` was asked to do.
pub struct Options<'a> {
    /// The document, or `-` for stdin.
    pub file: &'a Path,
    pub output: Option<&'a Path>,
    pub id: Option<&'a str>,
    pub force: bool,
}

pub fn run(library: &Library, opts: &Options) -> Result<()> {
    if let Some(id) = opts.id {
        super::new::check_id(id)?;
    }
    let (name, bytes) = read_input(opts.file)?;
    let draft = import::read(&Source {
        name: &name,
        bytes: &bytes,
    })?;
    let shown_name = Path::new(&name)
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let to_stdout = opts.output.is_some_and(|p| p == Path::new("-"));
    let emitted = emit(&draft, &shown_name, opts.id);
    let (path, id) = match opts.output {
        Some(p) if !to_stdout => {
            let stem = p
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".yaml"))
                .ok_or_else(|| {
                    Error::Usage(crate::ui::tr!(
                        "import-not-yaml",
                        path = p.display().to_string()
                    ))
                })?;
            (Some(p.to_path_buf()), stem.to_string())
        }
        Some(_) => (None, emitted.id.clone()),
        None => {
            let dir = match library.user_dir() {
                Some(d) => d.to_path_buf(),
                None => {
                    let d = imported_dir()
                        .ok_or_else(|| Error::Usage(crate::ui::tr!("import-no-data-folder")))?;
                    create_private_dir(&d)?;
                    d
                }
            };
            (
                Some(dir.join(format!("{}.yaml", emitted.id))),
                emitted.id.clone(),
            )
        }
    };
    let origin = path
        .as_ref()
        .map_or("<stdout>".to_string(), |p| p.display().to_string());
    summarise(&draft, &name, &emitted);
    match &path {
        Some(p) => super::new::write_new(p, &emitted.text, opts.force)?,
        None => super::print(&emitted.text)?,
    }
    if let Some(p) = &path {
        talk::say(crate::ui::tr!(
            "import-wrote",
            path = p.display().to_string(),
            id = id.as_str()
        ));
    }
    let files = ActionFiles {
        id: id.clone(),
        named_lang: None,
        main: SourceFile::new(
            None,
            origin.clone(),
            path.clone(),
            emitted.text.clone().into(),
        ),
        translations: Vec::new(),
    };
    let problems = lint(&files, today()?);
    for p in &problems {
        talk::line(p);
    }
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    let placeholders = problems
        .iter()
        .filter(|p| p.message.contains("placeholder left to fill in"))
        .count();
    if errors > 0 {
        talk::say(crate::ui::tr!(
            "import-errors",
            errors = errors,
            placeholders = placeholders,
            path = origin.as_str(),
        ));
        return Err(Error::CheckFailed(errors));
    }
    talk::say(crate::ui::tr!("import-ready", id = id.as_str()));
    Ok(())
}

/// The document's name for messages, and its bytes, at most one byte over
/// the limit so that `import::read` can refuse it.
fn read_input(file: &Path) -> Result<(String, Vec<u8>)> {
    let stdin = file == Path::new("-");
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        file.display().to_string()
    };
    let io_err = |e: std::io::Error| Error::File {
        path: name.clone(),
        message: e.to_string(),
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
                path: name,
                message: crate::ui::tr!("import-is-folder"),
            });
        }
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(io_err)?;
    }
    Ok((name, bytes))
}

/// The user's own actions folder, readable by its owner only.
fn create_private_dir(dir: &PathBuf) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| {
        Error::Usage(crate::ui::tr!(
            "import-folder-failed",
            path = dir.display().to_string(),
            error = e.to_string()
        ))
    })
}

/// What was read, on stderr, a fact a line.
fn summarise(d: &Draft, name: &str, emitted: &Emitted) {
    talk::say(crate::ui::tr!(
        "import-read",
        name = name,
        layout = d.layout.describe()
    ));
    let mut found: Vec<String> = Vec::new();
    if let Some(t) = &d.title {
        found.push(crate::ui::tr!("import-title", title = t.as_str()));
    }
    if let Some(r) = &d.reference {
        found.push(crate::ui::tr!("import-reference", reference = r.as_str()));
    }
    if let Some(issued) = &d.issued {
        found.push(crate::ui::tr!("import-issued", date = issued.text.as_str()));
    }
    if let Some(dl) = &d.deadline {
        found.push(match dl.date {
            Some(date) => crate::ui::tr!("import-deadline", date = date.to_string()),
            None => crate::ui::tr!("import-deadline-text", text = dl.text.as_str()),
        });
    }
    if !d.languages.is_empty() {
        let names: Vec<&str> = d.languages.iter().map(|(n, _)| n.as_str()).collect();
        let languages = names.join(", ");
        found.push(if d.own_language_welcome {
            crate::ui::tr!("import-languages-own", languages = languages)
        } else {
            crate::ui::tr!("import-languages", languages = languages)
        });
    }
    for (copy, list) in [(false, &d.targets), (true, &d.copies)] {
        for c in list {
            let mut details = vec![crate::ui::tr!("import-emails", count = c.emails.len())];
            match &c.salutation {
                Some(Salutation::ByLanguage(by)) => {
                    let languages = by
                        .iter()
                        .map(|(l, _)| l.clone())
                        .reduce(|a, b| crate::ui::tr!("import-and", first = a, second = b))
                        .unwrap_or_default();
                    details.push(crate::ui::tr!(
                        "import-salutation-in",
                        languages = languages
                    ));
                }
                Some(Salutation::One(_)) => details.push(crate::ui::tr!("import-salutation")),
                None => {}
            }
            let name = c
                .name
                .clone()
                .unwrap_or_else(|| crate::ui::tr!("import-no-name"));
            let details = details.join(", ");
            found.push(if copy {
                crate::ui::tr!("import-copy", name = name, details = details)
            } else {
                crate::ui::tr!("import-target", name = name, details = details)
            });
        }
    }
    if let Some(l) = &d.letter {
        found.push(crate::ui::tr!(
            "import-letter",
            lang = emitted.letter_lang.as_str(),
            count = l.paragraphs.len()
        ));
    }
    if !d.points.is_empty() {
        found.push(crate::ui::tr!("import-points", count = d.points.len()));
    }
    if !d.background.is_empty() {
        found.push(crate::ui::tr!(
            "import-background",
            count = d.background.len()
        ));
    }
    if let Some(p) = &d.people {
        found.push(crate::ui::tr!("import-people", people = p.as_str()));
    }
    if let Some(p) = &d.previous_ua {
        found.push(crate::ui::tr!("import-previous", reference = p.as_str()));
    }
    for line in found {
        talk::line(format_args!("  {}", printable(&line)));
    }
    for note in &d.notes {
        talk::warn(printable(note));
    }
}

/// Text from a document, safe to print: no control characters.
fn printable(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}
