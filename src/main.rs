//! The `appeal` binary: parse the command line, run one command, and turn
//! its outcome into a message and an exit code.

use std::process::ExitCode;

use appeal::cli::{Cli, Command};
use appeal::commands::{
    check, completions, feed, history, import, list, man, new, preview, remind, show, update,
};
use appeal::compose;
use appeal::destination::clipboard;
use appeal::error::{Error, exit};
use appeal::library::Library;
use appeal::talk;
use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // With COMPLETE=SHELL set, answer the shell's completion request and exit.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(completions::VAR)
        .complete();
    let cli = parse();
    talk::set_color(cli.color);
    speak(cli.ui_lang.as_deref(), cli.plain_prompts);
    let library = Library::new(cli.actions_dir);
    let outcome = match cli.command {
        Command::ServeClipboard => {
            return match clipboard::serve() {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(exit::DELIVERY),
            };
        }
        command => run(&library, command),
    };
    exit_code(outcome)
}

/// The command line, as `Cli::parse` reads it, except that the command's
/// definition is kept until the process ends rather than taken apart:
/// freeing its hundreds of arguments and strings cost every run about a
/// fifth of a million instructions, a tenth of `appeal --version`.
fn parse() -> Cli {
    let mut command = Cli::command();
    let mut matches = command
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| e.exit());
    let cli =
        Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.format(&mut command).exit());
    std::mem::forget(command);
    cli
}

/// How the interface speaks: its language and whether questions are plain
/// lines. The config is read for them only when the flags and the
/// environment leave them open, and then once.
fn speak(ui_lang: Option<&str>, plain_prompts: bool) {
    let config = std::cell::OnceCell::new();
    let configured =
        || config.get_or_init(|| appeal::config::Remembered::load().unwrap_or_default());
    appeal::ui::init(ui_lang, &|| configured().ui_lang.clone());
    let env = |name: &str| std::env::var(name).ok();
    talk::set_plain(appeal::prompt::plain_wanted(
        plain_prompts,
        &|| configured().plain_prompts,
        &env,
    ));
}

/// Runs one command.
fn run(library: &Library, command: Command) -> appeal::error::Result<()> {
    match command {
        Command::List { json, open } => list::run(library, json, open),
        Command::Show { action, lang, json } => show::run(library, &action, lang.as_deref(), json),
        Command::Compose(args) => compose::run(library, *args),
        Command::Check { actions, json } => check::run(library, &actions, json),
        Command::Preview {
            action,
            lang,
            side_by_side,
            watch,
            width,
        } => preview::run(
            library,
            &preview::Options {
                spec: &action,
                lang: lang.as_deref(),
                side_by_side,
                watch,
                width,
            },
        ),
        Command::New { id, dir, force } => new::run(&id, &dir, force),
        Command::Import {
            file,
            output,
            id,
            force,
            json,
            text,
        } => import::run(
            library,
            &import::Options {
                file: &file,
                output: output.as_ref(),
                id: id.as_deref(),
                force,
                json,
                text,
            },
        ),
        Command::History(args) => history::run(&args),
        Command::Remind {
            action,
            all,
            output,
            force,
        } => remind::run(
            library,
            action.as_deref(),
            all,
            &output.unwrap_or(appeal::fs::Output::Stdout),
            force,
        ),
        Command::Feed(command) => feed::run(&command),
        Command::Update { name, timeout } => update::run(library, name.as_deref(), timeout),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { dir, force } => man::run(dir.as_deref(), force),
        Command::ServeClipboard => unreachable!("served before any command runs"),
    }
}

/// The outcome as a message and an exit code.
fn exit_code(outcome: appeal::error::Result<()>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Interrupted) => {
            // At a terminal this restores it and ends with 130, once.
            appeal::interrupt::end_at_terminal();
            let term = console::Term::stderr();
            let _ = term.show_cursor();
            if term.is_term() {
                // The prompt that was cancelled is still on this line.
                talk::line("");
            }
            talk::say(appeal::ui::text("interrupt-cancelled", &[]));
            ExitCode::from(exit::INTERRUPTED)
        }
        // Already reported, line by line, with a summary.
        Err(e) if e.reported() => ExitCode::from(e.exit_code()),
        Err(e) => {
            talk::say(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
