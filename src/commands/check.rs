//! `appeal check`: lint action files, one problem per line, like a compiler.

use super::{print, print_json};
use crate::deadline::today;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::lint::{Level, Problem, lint};
use crate::talk;

/// Checks the named actions (ids or paths), or every action when none is named.
pub fn run(library: &Library, specs: &[String], json: bool) -> Result<()> {
    let today = today()?;
    let mut problems: Vec<Problem> = Vec::new();
    let mut files = 0;
    // The interface's own messages: the shipped ones when nothing is
    // named, or a message file (`es/prompts.ftl`) a translator names.
    let (ftl, specs): (Vec<&String>, Vec<&String>) =
        specs.iter().partition(|s| s.ends_with(".ftl"));
    let ui_files: Vec<(String, String)> = if specs.is_empty() && ftl.is_empty() {
        crate::ui::shipped()
            .map(|(path, text)| (path, text.to_string()))
            .collect()
    } else {
        ftl.iter()
            .map(|path| {
                Ok((
                    (*path).clone(),
                    crate::library::read_limited(path.as_ref())?,
                ))
            })
            .collect::<Result<_>>()?
    };
    for (path, text) in &ui_files {
        files += 1;
        problems.extend(crate::ui::check_file(path, text).into_iter().map(|p| {
            let level = if p.error {
                Level::Error
            } else {
                Level::Warning
            };
            Problem {
                path: path.clone(),
                line: p.line,
                level,
                message: p.message,
                shown: p.shown,
            }
        }));
    }
    let specs: Vec<String> = if specs.is_empty() && ftl.is_empty() {
        library.ids()
    } else {
        specs.into_iter().cloned().collect()
    };
    for spec in &specs {
        let action = library.files(spec)?;
        files += 1 + action.translations.len();
        problems.extend(lint(&action, today));
    }
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    let warnings = problems.len() - errors;
    if json {
        print_json(&problems)?;
    } else {
        let text: String = problems.iter().map(|p| format!("{p}\n")).collect();
        print(&text)?;
    }
    talk::say(crate::ui::tr!(
        "check-summary",
        actions = specs.len(),
        files = files,
        errors = errors,
        warnings = warnings,
    ));
    if errors > 0 {
        return Err(Error::CheckFailed(errors));
    }
    Ok(())
}
