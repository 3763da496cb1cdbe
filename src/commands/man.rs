//! `appeal man`: manual pages, generated from the command-line definition.

use std::path::Path;

use clap::CommandFactory;

use super::print;
use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::talk;

/// Prints `appeal(1)` on stdout, or writes a page per command into `dir`:
/// each atomically, and never over a file that is there without `force`
/// (through a link, the file it points to is replaced).
pub fn run(dir: Option<&Path>, force: bool) -> Result<()> {
    let command = Cli::command();
    let Some(dir) = dir else {
        return print(&String::from_utf8_lossy(&page(command)?));
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::File {
        path: dir.display().to_string(),
        message: crate::ui::msg!("man-folder-failed", error = e.to_string()),
    })?;
    let subcommands: Vec<clap::Command> = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.clone().name(format!("appeal-{}", c.get_name())))
        .collect();
    for page_of in std::iter::once(command).chain(subcommands) {
        let path = dir.join(format!("{}.1", page_of.get_name()));
        let bytes = page(page_of)?;
        crate::fs::write_new(&path, &bytes, force)?;
    }
    talk::say(crate::ui::tr!(
        "man-wrote",
        path = dir.display().to_string()
    ));
    Ok(())
}

fn page(command: clap::Command) -> Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(|e| Error::Io {
            doing: crate::ui::tr!("man-making"),
            message: e.to_string(),
        })?;
    Ok(page)
}
