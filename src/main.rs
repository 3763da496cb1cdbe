//! The `appeal` binary: parse the command line, run one command, and turn
//! its outcome into a message and an exit code.

use std::process::ExitCode;

use appeal::cli::{Cli, Command};
use appeal::commands::{compose, list, show};
use appeal::deliver::clipboard;
use appeal::error::{Error, exit};
use appeal::library::Library;
use appeal::talk;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let library = Library::new(cli.actions_dir);
    let outcome = match cli.command {
        Command::List { json } => list::run(&library, json),
        Command::Show { action, lang, json } => show::run(&library, &action, lang.as_deref(), json),
        Command::Compose(args) => compose::run(&library, args),
        Command::ServeClipboard => {
            return match clipboard::serve() {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(exit::DELIVERY),
            };
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Interrupted) => {
            let _ = console::Term::stderr().show_cursor();
            talk::say("cancelled");
            ExitCode::from(exit::INTERRUPTED)
        }
        Err(e) => {
            talk::say(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
