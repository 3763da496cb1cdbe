//! `appeal check`: lint action files, one problem per line, like a compiler.

use serde_json::json;

use super::{print, print_json};
use crate::deadline::today;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::lint::{Level, Problem, lint};
use crate::talk;

/// Checks the named actions (ids or paths), or every action when none is named.
pub fn run(library: &Library, specs: &[String], json: bool) -> Result<()> {
    let today = today()?;
    let specs: Vec<String> = if specs.is_empty() {
        library.ids()
    } else {
        specs.to_vec()
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut files = 0;
    for spec in &specs {
        let action = library.files(spec)?;
        files += 1 + action.translations.len();
        problems.extend(lint(&action, today));
    }
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    let warnings = problems.len() - errors;
    if json {
        print_json(&json!(problems))?;
    } else {
        let text: String = problems.iter().map(|p| format!("{p}\n")).collect();
        print(&text)?;
    }
    talk::say(format_args!(
        "{} checked in {files} file{}: {errors} error{}, {warnings} warning{}",
        plural(specs.len(), "action"),
        if files == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    ));
    if errors > 0 {
        return Err(Error::CheckFailed(errors));
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
