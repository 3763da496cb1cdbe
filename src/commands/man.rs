//! `appeal man`: manual pages, generated from the command-line definition.

use std::path::Path;

use clap::CommandFactory;

use super::print;
use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::talk;

/// Prints `appeal(1)` on stdout, or writes a page per command into `dir`.
pub fn run(dir: Option<&Path>) -> Result<()> {
    let command = Cli::command();
    match dir {
        Some(dir) => {
            let fail = |e: std::io::Error| Error::File {
                path: dir.display().to_string(),
                message: format!("the manual pages could not be written: {e}"),
            };
            std::fs::create_dir_all(dir).map_err(fail)?;
            clap_mangen::generate_to(command, dir).map_err(fail)?;
            talk::say(format_args!("wrote the manual pages to {}", dir.display()));
            Ok(())
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| Error::Io {
                    doing: "making the manual page".to_string(),
                    message: e.to_string(),
                })?;
            print(&String::from_utf8_lossy(&page))
        }
    }
}
