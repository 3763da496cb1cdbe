//! The command-line interface: commands, flags and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::ArgValueCompleter;

use crate::commands::completions;

#[derive(Debug, Parser)]
#[command(
    name = "appeal",
    version,
    about = "Compose personal letters for human-rights urgent actions",
    long_about = "Compose personal letters for human-rights urgent actions.\n\n\
        An urgent action names an official to write to, a deadline and a model letter. \
        `appeal compose` fills the model letter with your name and your own words, and \
        puts the letter on stdout, in a file or on the clipboard.",
    after_help = "Examples:\n  appeal list\n  appeal show cecot\n  appeal compose cecot\n  \
        appeal compose cecot --name \"Ana Díaz\" --no-input -o letter.txt\n  \
        appeal import ua-2025-041.pdf"
)]
pub struct Cli {
    /// A folder of your own action files; an action there replaces a built-in one with the same id
    #[arg(
        long,
        global = true,
        env = "APPEAL_ACTIONS_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub actions_dir: Option<PathBuf>,

    /// The interface's language (en, es, fr) [env: APPEAL_UI_LANG] [default:
    /// the config's `ui_lang`, else the locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG]
    #[arg(long, global = true, value_name = "TAG")]
    pub ui_lang: Option<String>,

    /// Ask every question as a plain line, with numbered choices typed as
    /// numbers: no menus drawn, no cursor moves, no colour (for screen
    /// readers) [env: APPEAL_PLAIN_PROMPTS=1] [config: plain_prompts: true]
    /// [on when TERM=dumb]
    #[arg(long, global = true)]
    pub plain_prompts: bool,

    /// When to use colour; `auto` uses it on terminals, unless NO_COLOR is set
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: clap::ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// Each command's arguments are built only when that command is parsed
/// (`defer`): building all of them cost every start as much as the rest
/// of clap's work. Help, completions and manual pages build them all.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List the actions, with their deadlines and languages
    #[command(
        after_help = "Examples:\n  appeal list\n  appeal list --open\n  appeal list --json | jq '.[].id'"
    )]
    List {
        /// Print JSON for scripts (the shape is documented in the README)
        #[arg(long)]
        json: bool,
        /// Only the actions whose deadline has not passed
        #[arg(long)]
        open: bool,
    },

    /// Show an action: whom to write to, by when, and why
    #[command(
        after_help = "Examples:\n  appeal show cecot\n  appeal show ./draft.yaml\n  \
        appeal show cecot --json"
    )]
    Show {
        /// An action id (see `appeal list`) or the path of an action file
        #[arg(add = ArgValueCompleter::new(completions::action))]
        action: String,
        /// Also show the subject of the model letter in this language
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Print JSON for scripts (the shape is documented in the README)
        #[arg(long)]
        json: bool,
    },

    /// Write a letter: asks for what it needs, or takes it all from flags
    #[command(after_help = "Examples:\n  appeal compose cecot\n  \
        appeal compose cecot --name \"Ana Díaz\" --city Quito --country Ecuador --no-input\n  \
        appeal compose cecot --name Ana --note-file note.txt -o letter.txt\n  \
        appeal compose cecot --name Ana --clipboard\n  \
        appeal compose cecot --name Ana -o letter.eml --open\n  \
        appeal compose cecot --name Ana -o letter.pdf --paper letter\n  \
        appeal compose cecot --batch signers.csv --out-dir letters/")]
    Compose(Box<ComposeArgs>),

    /// Render a letter with marked sample answers, for translators and authors
    #[command(after_help = "Examples:\n  appeal preview cecot --lang es\n  \
        appeal preview cecot --lang fr --side-by-side\n  \
        appeal preview ./actions/cecot.es.yaml --side-by-side --watch")]
    Preview {
        /// An action id, or the path of an action or translation file
        #[arg(add = ArgValueCompleter::new(completions::action))]
        action: String,
        /// The language to show [default: the translation file's, or the preferred one]
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Show the source letter and this one in two columns, paragraph by paragraph
        #[arg(long)]
        side_by_side: bool,
        /// Render again whenever the files change (Ctrl-C stops)
        #[arg(long)]
        watch: bool,
        /// Total width in columns [default: the terminal's]
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },

    /// Write a commented skeleton action to fill in
    #[command(
        after_help = "Examples:\n  appeal new river-keepers\n  appeal check river-keepers.yaml"
    )]
    New {
        /// The new action's id; the file is ID.yaml
        id: String,
        /// The folder to write it in
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },

    /// Turn an urgent-action document (PDF, web page, Word, e-mail, text) into a checked action file
    #[command(
        after_help = "Reads PDF, HTML (saved pages, CMS exports, HTML e-mails), Word \
        (.docx) and OpenDocument (.odt) files, saved e-mails (.eml), Markdown and plain \
        text, told apart by their content. Writes ID.yaml to --actions-dir, or else to \
        the folder $XDG_DATA_HOME/appeal/actions, which list, show and compose always \
        read. Every fact the document lacks becomes a [PLACEHOLDER] that `appeal check` \
        reports. Exits 0 when the file is clean, 1 when it was written with errors to \
        fix, 2 when its id is another action's (without --force), 3 when the document \
        can't be read or holds no action, 4 when a file is already at its path \
        (without --force).\n\n\
        Examples:\n  appeal import ua-2025-041.pdf\n  appeal import ua.html -o river.yaml\n  \
        appeal import letter.docx --json | jq .left_out\n  \
        curl -s https://example.org/ua.txt | appeal import - --id river-keepers"
    )]
    Import {
        /// The document, or `-` for stdin
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// Write the action file here (`-` prints it) [default: ID.yaml in the actions folder]
        #[arg(short, long, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
        output: Option<crate::fs::Output>,
        /// The action's id [default: made from the title]
        #[arg(long)]
        id: Option<String>,
        /// Replace the file if it exists, or an action of the same id elsewhere
        #[arg(long)]
        force: bool,
        /// Print an account of the import on stdout, as JSON: each field with the
        /// document lines it came from, and every line left out, with why
        #[arg(long, conflicts_with = "text")]
        json: bool,
        /// Print the document's text as appeal reads it, one line per line, and
        /// write nothing (the line numbers of --json are these lines')
        #[arg(long)]
        text: bool,
    },

    /// Check action files and translations for mistakes, like a compiler would
    #[command(
        after_help = "Reports one problem per line, `path:line: level: message`. \
        Exits 1 when there are errors, 0 when there are only warnings or none.\n\n\
        Examples:\n  appeal check\n  appeal check cecot\n  appeal check ./actions/cecot.es.yaml --json"
    )]
    Check {
        /// Action ids or paths of action files; all actions when none is given
        #[arg(add = ArgValueCompleter::new(completions::action))]
        actions: Vec<String>,
        /// Print the problems as JSON for tools
        #[arg(long)]
        json: bool,
    },

    /// What you have written: the letter history, newest first
    #[command(
        after_help = "The history is kept in $XDG_DATA_HOME/appeal/history.sqlite \
        (~/.local/share/appeal/history.sqlite).\n\n\
        Examples:\n  appeal history\n  appeal history cecot --json\n  appeal history --show 3\n  \
        appeal history --forget cecot\n  appeal history --forget --all"
    )]
    History(HistoryArgs),

    /// Write a calendar reminder (.ics) for an action's deadline
    #[command(
        after_help = "The event is on the deadline, with alarms 7 days and 1 day before.\n\n\
        Examples:\n  appeal remind cecot -o cecot.ics\n  appeal remind --all > deadlines.ics"
    )]
    Remind {
        /// An action id (see `appeal list`) or the path of an action file
        #[arg(
            add = ArgValueCompleter::new(completions::action),
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        action: Option<String>,
        /// One event for every action whose deadline has not passed
        #[arg(long)]
        all: bool,
        /// Write the calendar to FILE (`-` is stdout) [default: stdout]
        #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::AnyPath)]
        output: Option<crate::fs::Output>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },

    /// Follow a section's signed feed of actions, or publish one
    #[command(
        subcommand,
        after_help = "A feed is a folder of action files with an index \
        signed by minisign, served over HTTPS or kept on a shared drive or USB stick. \
        Members add it once with its public key; `appeal update` fetches and verifies it.\n\n\
        Examples:\n  appeal feed add lyon https://amnesty-lyon.example.org/feed/ --key RWQf6LRC…\n  \
        appeal update\n  appeal feed keygen -o keys/\n  \
        appeal feed publish actions/ --key keys/minisign.key -o public/feed"
    )]
    Feed(FeedCommand),

    /// Fetch every feed (or one), verify it and install its new and changed actions
    #[command(
        after_help = "Each download must end within --timeout seconds, and all of \
        one feed's downloads within 20 times that. On any failure the feed's installed \
        copy stays as it was. Exits 3 when a feed was refused (signature, sequence, \
        expiry, checksum, path, size, redirect, an action that fails its checks), 1 when \
        it could not be reached.\n\n\
        Examples:\n  appeal update\n  appeal update lyon --timeout 60"
    )]
    Update {
        /// Only this feed (see `appeal feed list`)
        name: Option<String>,
        /// The time limit for each download, in seconds
        #[arg(long, value_name = "SECONDS", default_value_t = 30,
              value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
    },

    /// Print a shell's completion script; action ids complete too
    #[command(after_help = "Install, for example:\n  \
        bash: echo 'source <(appeal completions bash)' >> ~/.bashrc\n  \
        zsh:  echo 'source <(appeal completions zsh)' >> ~/.zshrc\n  \
        fish: appeal completions fish > ~/.config/fish/completions/appeal.fish")]
    Completions {
        /// The shell
        shell: completions::Shell,
    },

    /// Print the manual page, or write one per command into a folder
    #[command(after_help = "Examples:\n  appeal man | man -l -\n  \
        appeal man --dir ~/.local/share/man/man1")]
    Man {
        /// Write appeal.1, appeal-compose.1, … into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Replace pages that are already in DIR
        #[arg(long, requires = "dir")]
        force: bool,
    },

    /// Serves the clipboard for a letter copied by `compose --clipboard`.
    #[command(name = "__serve-clipboard", hide = true)]
    ServeClipboard,
}

#[derive(Debug, Args)]
pub struct ComposeArgs {
    /// An action id (see `appeal list`) or the path of an action file
    #[arg(add = ArgValueCompleter::new(completions::action))]
    pub action: String,

    /// Your name, as it goes under the letter [env: APPEAL_NAME]
    #[arg(long)]
    pub name: Option<String>,

    /// Which target to write to, by its number in `appeal show` (from 1), or
    /// `all` for one letter to each [env: APPEAL_TARGET] [default: 1]
    #[arg(long, value_name = "N|all")]
    pub target: Option<String>,

    /// The letter's language, a BCP 47 tag such as `es` or `pt-BR` [env: APPEAL_LANG]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// A personal note, added to the letter as its own paragraph
    #[arg(long, value_name = "TEXT", conflicts_with = "note_file")]
    pub note: Option<String>,

    /// Read the personal note from a file (`-` reads stdin)
    #[arg(long, value_name = "FILE")]
    pub note_file: Option<PathBuf>,

    /// Your city, for the signature [env: APPEAL_CITY]
    #[arg(long)]
    pub city: Option<String>,

    /// Your country, for the signature [env: APPEAL_COUNTRY]
    #[arg(long)]
    pub country: Option<String>,

    /// Write the letter to FILE (`-` is stdout)
    #[arg(short, long, value_name = "FILE", conflicts_with = "clipboard")]
    pub output: Option<PathBuf>,

    /// Copy the letter to the clipboard
    #[arg(long)]
    pub clipboard: bool,

    /// The letter's form [default: from the -o file's extension (.eml, .pdf), else txt]
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<crate::form::Form>,

    /// Print a mailto: link with the target, the subject and the letter (--format mailto)
    #[arg(long, conflicts_with_all = ["format", "clipboard"])]
    pub mailto: bool,

    /// Open the result with the desktop's program: the -o file, or the mailto: link
    #[arg(long)]
    pub open: bool,

    /// Paper size for --format pdf
    #[arg(long, value_name = "SIZE", default_value = "a4")]
    pub paper: crate::form::pdf::Paper,

    /// Wrap lines at N columns (0: no wrapping) [default: terminal width up
    /// to 80, 72 for files and pipes, none for the clipboard]
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,

    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,

    /// Write one letter per signer of a CSV (with a header row) or JSON Lines
    /// file (`-` reads stdin). Columns: name (required), lang, note, city,
    /// country; any other column is a template variable
    #[arg(
        long,
        value_name = "FILE",
        help_heading = "Batch",
        conflicts_with_all = ["name", "note", "note_file", "clipboard"]
    )]
    pub batch: Option<PathBuf>,

    /// The batch file's format [default: from its extension]
    #[arg(
        long,
        value_name = "FORMAT",
        requires = "batch",
        help_heading = "Batch"
    )]
    pub batch_format: Option<crate::answers::rows::Format>,

    /// Write one file per letter in DIR [default: all letters to stdout, separated by form feeds]
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "clipboard"], help_heading = "Several letters")]
    pub out_dir: Option<PathBuf>,

    /// File names in --out-dir, from row, name, lang, city, country and any
    /// column [default: {{row}}-{{name}}-{{lang}}.txt]
    #[arg(
        long,
        value_name = "TEMPLATE",
        requires = "out_dir",
        help_heading = "Several letters"
    )]
    pub name_template: Option<String>,

    /// Print one JSON object per letter (row, signer, lang, subject, body)
    #[arg(
        long,
        conflicts_with_all = ["out_dir", "clipboard"],
        help_heading = "Several letters"
    )]
    pub jsonl: bool,

    /// In a PDF of several letters (`-o letters.pdf`), start each letter on
    /// an odd page, for printing on both sides
    #[arg(long, help_heading = "Several letters")]
    pub duplex: bool,

    /// Never prompt; fail at once if a required value is missing
    #[arg(long, env = "APPEAL_NO_INPUT", hide_env_values = true, value_parser = clap::builder::BoolishValueParser::new())]
    pub no_input: bool,

    /// Don't record this letter (or batch) in the history
    #[arg(long, env = "APPEAL_NO_HISTORY", hide_env_values = true, value_parser = clap::builder::BoolishValueParser::new())]
    pub no_history: bool,
}

// `appeal history`'s arguments: the command's help is the doc comment on
// `Command::History`, which a doc comment here would replace.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this action's records
    #[arg(add = ArgValueCompleter::new(completions::action))]
    pub action: Option<String>,

    /// Print JSON for scripts (the shape is documented in the README)
    #[arg(long, conflicts_with_all = ["show", "forget"])]
    pub json: bool,

    /// Print the letter stored in record N again
    #[arg(long, value_name = "N", conflicts_with_all = ["action", "forget"])]
    pub show: Option<i64>,

    /// Delete the action's records (or, with --all, every record) and reclaim the space
    #[arg(long, value_name = "ACTION", num_args = 0..=1, default_missing_value = "")]
    pub forget: Option<String>,

    /// With --forget: delete every record
    #[arg(long, requires = "forget")]
    pub all: bool,
}

impl ComposeArgs {
    /// The form asked for: `--mailto` is `--format mailto`.
    pub fn form(&self) -> Option<crate::form::Form> {
        if self.mailto {
            Some(crate::form::Form::Mailto)
        } else {
            self.format
        }
    }
}

/// `appeal feed`'s commands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum FeedCommand {
    /// Follow a feed: its name, where it is published, and its public key
    #[command(
        after_help = "SOURCE is an https:// URL, a file:// URL or a folder; plain \
        http:// only on the loopback address. KEY is the minisign public key (RW…) or its \
        .pub file; give --key again for each key the section may sign with. Nothing is \
        fetched until `appeal update`.\n\n\
        Examples:\n  appeal feed add lyon https://amnesty-lyon.example.org/feed/ --key RWQf6LRC…\n  \
        appeal feed add usb /media/usb/feed --key lyon.pub"
    )]
    Add {
        /// A short name for the feed (lower-case letters, digits, `-`, `_`)
        name: String,
        /// Where the feed is published
        source: String,
        /// A minisign public key the feed's index is signed with
        #[arg(long = "key", value_name = "KEY", required = true)]
        keys: Vec<String>,
        /// Replace the feed of that name
        #[arg(long)]
        force: bool,
    },

    /// List the feeds, with their keys and when each was last updated
    List {
        /// Print JSON for scripts (the shape is documented in the README)
        #[arg(long)]
        json: bool,
    },

    /// Stop following a feed, and delete its installed copy
    Remove {
        /// The feed's name (see `appeal feed list`)
        name: String,
    },

    /// Make a minisign key pair to sign a feed with
    #[command(after_help = "Writes DIR/minisign.pub, to give to members, and \
        DIR/minisign.key (readable by you alone), encrypted with a password asked for at \
        the terminal, or read from the first line of stdin.\n\n\
        Examples:\n  appeal feed keygen -o keys/")]
    Keygen {
        /// The folder to write the keys in
        #[arg(short = 'o', long = "out", value_name = "DIR")]
        out: PathBuf,
        /// Leave the secret key unencrypted
        #[arg(long)]
        no_password: bool,
        /// Replace keys that are there
        #[arg(long)]
        force: bool,
    },

    /// Check a folder of action files and publish them as a signed feed
    #[command(
        after_help = "Every action is checked as `appeal check` checks it; any error \
        stops the publication and writes nothing. OUT is replaced in one step with the \
        actions, index.json (the next sequence) and its signature; copy it to your web \
        server or drive.\n\n\
        Examples:\n  appeal feed publish actions/ --key keys/minisign.key -o public/feed\n  \
        appeal feed publish actions/ --key keys/minisign.key -o public/feed --close river-keepers"
    )]
    Publish {
        /// The folder of action files (ID.yaml, ID.LANG.yaml)
        dir: PathBuf,
        /// The minisign secret key
        #[arg(long, value_name = "SECRET")]
        key: PathBuf,
        /// The feed's folder
        #[arg(short = 'o', long = "out", value_name = "OUT")]
        out: PathBuf,
        /// How long the index holds: members refuse it after that (h, d or w)
        #[arg(long, value_name = "TIME", default_value = "30d",
              value_parser = crate::commands::feed::parse_expiry)]
        expires: chrono::TimeDelta,
        /// The feed's title [default: the last publication's]
        #[arg(long)]
        title: Option<String>,
        /// Mark this action closed: no more letters are wanted (it stays closed)
        #[arg(long, value_name = "ID")]
        close: Vec<String>,
        /// Open a closed action again
        #[arg(long, value_name = "ID")]
        reopen: Vec<String>,
        /// Replace an OUT folder that holds something other than a feed
        #[arg(long)]
        force: bool,
    },
}
