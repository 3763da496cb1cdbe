//! `appeal completions SHELL`: shell completion, including action ids.
//!
//! The script this prints is a small hook: at each Tab the shell runs
//! `appeal` again with `COMPLETE=SHELL` set, and `appeal` answers with the
//! candidates (see `main`). So completions always match the installed
//! binary, and action ids come from the library as it is then.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap_complete::engine::ValueCompleter;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use clap_complete::{CompletionCandidate, PathCompleter};

use super::print;
use crate::error::{Error, Result};
use crate::library::Library;

/// The environment variable that turns `appeal` into its own completer.
pub const VAR: &str = "COMPLETE";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Elvish,
    Fish,
    Powershell,
    Zsh,
}

pub fn run(shell: Shell) -> Result<()> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Elvish => &Elvish,
        Shell::Fish => &Fish,
        Shell::Powershell => &Powershell,
        Shell::Zsh => &Zsh,
    };
    let mut script = Vec::new();
    completer
        .write_registration(VAR, "appeal", "appeal", "appeal", &mut script)
        .map_err(|e| Error::Io {
            doing: crate::ui::tr!("completions-making"),
            message: e.to_string(),
        })?;
    print(&String::from_utf8_lossy(&script))
}

/// Candidates for an ACTION argument: the ids in the library, then `.yaml`
/// files and folders on the path typed so far.
pub fn action(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let library = Library::new(std::env::var_os("APPEAL_ACTIONS_DIR").map(PathBuf::from));
    let mut candidates: Vec<CompletionCandidate> = library
        .ids()
        .into_iter()
        .filter(|id| id.starts_with(typed.as_ref()))
        .map(CompletionCandidate::new)
        .collect();
    let files =
        PathCompleter::any().filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "yaml"));
    candidates.extend(files.complete(current));
    candidates
}
