//! The interactive `appeal compose`, driven through a real pseudo-terminal.
//!
//! Each test runs the built binary in its own pty, in a [`Sandbox`]: a
//! cleared environment whose `HOME`, `XDG_*` folders and `TMPDIR` point into
//! a temporary folder, with no `APPEAL_*` variable but `APPEAL_TODAY`, so the
//! real user's files are never read or written.
//!
//! Keys are only sent once `appeal` is actually waiting for a key: the pty's
//! echo is on when appeal starts (`sh -c 'stty echo && exec appeal …'`), and
//! console (under dialoguer) turns it off while it holds the terminal in raw
//! mode to read a key. Sending earlier would let the line discipline turn a
//! Ctrl-C into a signal (which appeal's handler swallows), or buffer the
//! keys as a cooked line.

#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use expectrl::process::Termios;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use predicates::prelude::*;

use common::{Sandbox, exit};

const TIMEOUT: Duration = Duration::from_secs(10);
const COLS: u16 = 100;
const ROWS: u16 = 40;
const DATE_LINE: &str = "28 November 2026";
const NAME: &str = "José Núñez";

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// `appeal` running in a pseudo-terminal, with everything it has shown so far.
struct Tty {
    session: OsSession,
    seen: Vec<u8>,
}

impl Tty {
    /// Runs `cmd` in a new pty. A shell turns the pty's echo on first and
    /// then `exec`s the command (same process, same exit status): console
    /// turns echo off while it waits for a key in raw mode, which is how
    /// `keys` knows that appeal is listening. Turning echo on from here,
    /// after the spawn, would race with appeal's first prompt.
    fn spawn(cmd: Command) -> Tty {
        let mut sh = Command::new("sh");
        sh.args(["-c", "stty echo && exec \"$0\" \"$@\""])
            .arg(cmd.get_program())
            .args(cmd.get_args())
            .env_clear()
            .envs(cmd.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))));
        if let Some(dir) = cmd.get_current_dir() {
            sh.current_dir(dir);
        }
        let mut session = Session::spawn(sh).expect("start appeal in a pseudo-terminal");
        session.set_expect_timeout(Some(TIMEOUT));
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("set the terminal size");
        Tty {
            session,
            seen: Vec::new(),
        }
    }

    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    /// Takes in whatever output is waiting, without blocking.
    fn drain(&mut self) -> bool {
        match self.session.check(expectrl::Regex("(?s).+")) {
            Ok(found) => {
                self.seen.extend_from_slice(found.as_bytes());
                true
            }
            Err(expectrl::Error::Eof) => false,
            Err(e) => panic!("reading from the pty failed: {e}"),
        }
    }

    /// Waits until `text` appears in the output and returns everything up to it.
    fn expect(&mut self, text: &str) -> String {
        match self.session.expect(text) {
            Ok(found) => {
                self.seen.extend_from_slice(found.as_bytes());
                String::from_utf8_lossy(found.as_bytes()).into_owned()
            }
            Err(e) => {
                self.drain();
                panic!(
                    "waiting for {text:?}: {e}\n--- the terminal so far ---\n{}",
                    self.transcript()
                );
            }
        }
    }

    /// Waits until appeal reads the terminal in raw mode, then types `keys`.
    fn keys(&mut self, keys: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.session.is_echo() {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => panic!("reading the pty's settings failed: {e}"),
            }
            // Keep the output flowing so appeal never blocks on a full pty.
            let alive = self.drain();
            assert!(
                alive && Instant::now() < deadline,
                "appeal did not wait for a key (to type {keys:?}) within {TIMEOUT:?}\n\
                 --- the terminal so far ---\n{}",
                self.transcript()
            );
            sleep(Duration::from_millis(5));
        }
        self.session.send(keys).expect("type into the pty");
        self.session.flush().expect("flush the pty");
    }

    /// Types a line for a plain prompt (`--plain-prompts`), which reads the
    /// terminal as cooked lines: what is typed early waits in the line
    /// discipline, so there is no raw mode to wait for.
    fn line(&mut self, text: &str) {
        self.session
            .send(format!("{text}{ENTER}"))
            .expect("type into the pty");
        self.session.flush().expect("flush the pty");
    }

    /// Reads to the end of the output; returns what came after the last
    /// `expect`, the whole transcript and the exit code.
    fn finish(self) -> (String, String, i32) {
        match self.finish_status() {
            (rest, transcript, WaitStatus::Exited(_, code)) => (rest, transcript, code),
            (_, transcript, status) => {
                panic!("appeal ended with {status:?}\n--- the terminal ---\n{transcript}")
            }
        }
    }

    /// `finish`, for a run that may end by a signal.
    fn finish_status(mut self) -> (String, String, WaitStatus) {
        let rest = match self.session.expect(Eof) {
            Ok(found) => found.as_bytes().to_vec(),
            Err(e) => {
                self.drain();
                panic!(
                    "appeal did not finish within {TIMEOUT:?}: {e}\n--- the terminal so far ---\n{}",
                    self.transcript()
                );
            }
        };
        self.seen.extend_from_slice(&rest);
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            match self.session.get_process().status() {
                Ok(status @ (WaitStatus::Exited(..) | WaitStatus::Signaled(..))) => break status,
                Ok(_) if Instant::now() < deadline => sleep(Duration::from_millis(10)),
                other => panic!(
                    "appeal closed the terminal but did not exit ({other:?})\n--- the terminal ---\n{}",
                    self.transcript()
                ),
            }
        };
        (
            String::from_utf8_lossy(&rest).into_owned(),
            self.transcript(),
            status,
        )
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn answering_every_prompt_saves_the_letter_and_remembers_the_writer() {
    let home = Sandbox::new();
    // Outside the working directory, which must stay empty.
    let letter_path = home.path("home/letters/my-letter.txt");
    fs::create_dir_all(letter_path.parent().unwrap()).unwrap();
    let note = "Families in Ecuador are waiting for news. Please act now.";

    let mut tty = Tty::spawn(home.pty(&["compose", "cecot"]));

    tty.expect("Your name (as it goes under the letter)");
    tty.keys(&format!("{NAME}{ENTER}"));

    tty.expect("Language of the letter");
    let shown = tty.expect("another language…");
    assert!(
        shown.contains("English (en), preferred by the target"),
        "English is offered first, by name: {shown:?}"
    );
    assert!(
        shown.contains("Español (es)") && shown.contains("Français (fr)"),
        "each language by its own name: {shown:?}"
    );
    tty.keys(ENTER);

    tty.expect("Personal note");
    tty.expect("No personal note");
    tty.keys(ENTER); // "Write a short note here"
    tty.expect("Your note");
    tty.keys(&format!("{note}{ENTER}"));

    tty.expect("Your city (optional)");
    tty.keys(&format!("Quito{ENTER}"));
    tty.expect("Your country (optional)");
    tty.keys(&format!("Ecuador{ENTER}"));

    let preview = tty.expect("Where should the letter go?");
    assert!(
        preview.contains(DATE_LINE) && preview.contains("Dear Secretary Noem,"),
        "a preview of the letter comes before the question: {preview:?}"
    );
    tty.expect("Copy it to the clipboard");
    tty.keys(&format!("{DOWN}{ENTER}")); // "Save it to a file"

    tty.expect("File name");
    tty.expect("(cecot-2026-11-28.txt)"); // the suggested name, not taken
    tty.keys(&format!("{}{ENTER}", letter_path.display()));

    tty.expect("Saved the letter to");
    tty.expect(
        "Send it to dhssecretary@hq.dhs.gov with the subject: \
         Return those illegally expelled to El Salvador and halt further expulsions",
    );
    tty.expect(&format!(
        "Remember your name, place and language for next time (in {})?",
        home.config_file().display()
    ));
    tty.keys("y");
    tty.expect(&format!("Remembered in {}.", home.config_file().display()));

    let (_, transcript, code) = tty.finish();
    assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");

    let letter = read(&letter_path);
    assert!(
        letter.starts_with(&format!("{DATE_LINE}\n\nDear Secretary Noem,\n\n")),
        "the letter starts with the date and the salutation:\n{letter}"
    );
    assert!(
        letter.contains(&format!("\n\n{note}\n\n")),
        "the note is a paragraph of its own:\n{letter}"
    );
    assert!(
        letter.ends_with(&format!("Yours sincerely,\n\n{NAME}\nQuito, Ecuador\n")),
        "the letter is signed with the name and the place:\n{letter}"
    );
    assert_eq!(mode(&letter_path), 0o600, "the letter is private");

    let config = home.config_file();
    assert_eq!(
        mode(&config),
        0o600,
        "{} must be readable by its owner only",
        config.display()
    );
    let remembered = read(&config);
    for (key, value) in [
        ("name", NAME),
        ("city", "Quito"),
        ("country", "Ecuador"),
        ("lang", "en"),
    ] {
        let bare = format!("{key}: {value}");
        let quoted = format!("{key}: \"{value}\"");
        assert!(
            remembered.lines().any(|l| l == bare || l == quoted),
            "the config remembers {bare:?}:\n{remembered}"
        );
    }
    assert_eq!(
        home.written_files(),
        Vec::<PathBuf>::new(),
        "nothing was written in the working directory or the rescue folder"
    );
}

#[test]
fn a_second_run_offers_the_remembered_answers() {
    let home = Sandbox::new();
    let config = home.config_file();
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(
        &config,
        format!(
            "# Remembered by `appeal compose`; edit or delete freely.\n\
             name: {NAME}\ncity: Quito\ncountry: Ecuador\nlang: en\n"
        ),
    )
    .unwrap();
    fs::set_permissions(&config, fs::Permissions::from_mode(0o600)).unwrap();

    let mut tty = Tty::spawn(home.pty(&["compose", "cecot"]));

    tty.expect("Your name (as it goes under the letter)");
    let default = tty.expect("›");
    assert!(
        default.contains(&format!("({NAME})")),
        "the remembered name is the default: {default:?}"
    );
    tty.keys(ENTER);

    tty.expect("Language of the letter");
    tty.expect("another language…");
    tty.keys(ENTER);

    tty.expect("Personal note");
    tty.expect("No personal note");
    tty.keys(&format!("{DOWN}{DOWN}{ENTER}"));

    tty.expect("Your city (optional)");
    let default = tty.expect("›");
    assert!(default.contains("(Quito)"), "remembered city: {default:?}");
    tty.keys(ENTER);
    tty.expect("Your country (optional)");
    let default = tty.expect("›");
    assert!(
        default.contains("(Ecuador)"),
        "remembered country: {default:?}"
    );
    tty.keys(ENTER);

    tty.expect("Where should the letter go?");
    tty.expect("Copy it to the clipboard");
    tty.keys(&format!("{DOWN}{ENTER}"));
    tty.expect("File name");
    tty.expect("(cecot-2026-11-28.txt)");
    tty.keys(ENTER); // the suggested name, in the current directory

    tty.expect("Send it to dhssecretary@hq.dhs.gov");
    let (rest, transcript, code) = tty.finish();
    assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
    assert!(
        !rest.contains("Remember your name"),
        "nothing changed, so nothing to remember: {rest:?}"
    );

    let letter = read(&home.path("cecot-2026-11-28.txt"));
    assert!(letter.starts_with(DATE_LINE), "{letter}");
    assert!(
        letter.ends_with(&format!("Yours sincerely,\n\n{NAME}\nQuito, Ecuador\n")),
        "signed with the remembered name and place:\n{letter}"
    );
    assert!(
        letter.contains("the US Judiciary.\n\nYours sincerely,"),
        "no personal note was added:\n{letter}"
    );
}

#[test]
fn ctrl_c_at_the_first_prompt_cancels_with_130_and_shows_the_cursor() {
    let home = Sandbox::new();
    let mut tty = Tty::spawn(home.pty(&["compose", "cecot"]));

    tty.expect("Your name (as it goes under the letter)");
    tty.keys("Jos");
    tty.expect("Jos");
    tty.keys(CTRL_C);
    let (after, _, code) = tty.finish();

    assert_eq!(
        code,
        exit::INTERRUPTED,
        "Ctrl-C exits with 130; after it: {after:?}"
    );
    assert!(
        after
            .as_bytes()
            .windows(SHOW_CURSOR.len())
            .any(|w| w == SHOW_CURSOR),
        "the cursor is shown again after Ctrl-C: {after:?}"
    );
    assert!(
        after.contains("appeal: cancelled"),
        "says it was cancelled: {after:?}"
    );
    assert!(
        !after.contains("Dear Secretary"),
        "no letter was printed: {after:?}"
    );
    assert_eq!(
        home.written_files(),
        Vec::<PathBuf>::new(),
        "no letter was written"
    );
    assert!(!home.config_file().exists(), "nothing was remembered");
}

#[test]
fn the_editor_writes_a_note_of_several_paragraphs() {
    let home = Sandbox::new();
    let first = "I have followed the news about CECOT with growing alarm.";
    let second = "Please let every person removed there see a judge in the US.";
    let script = home.path("home").join("fake-editor.sh");
    {
        let mut f = fs::File::create(&script).unwrap();
        // dialoguer treats an unchanged modification time as "not saved";
        // the pause keeps a fast script apart from the file's creation time.
        writeln!(
            f,
            "#!/bin/sh\nsleep 0.2\nprintf '%s\\n\\n%s\\n' '{first}' '{second}' > \"$1\""
        )
        .unwrap();
        f.sync_all().unwrap();
    }
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let letter_path = home.path("letter.txt");

    let mut cmd = home.pty(&[
        "compose",
        "cecot",
        "--name",
        "Ana Díaz",
        "--lang",
        "en",
        "--city",
        "Lyon",
        "--country",
        "France",
        "-o",
        letter_path.to_str().unwrap(),
    ]);
    cmd.env("EDITOR", &script).env("VISUAL", &script);
    let mut tty = Tty::spawn(cmd);

    tty.expect("Personal note");
    tty.expect("No personal note");
    tty.keys(&format!("{DOWN}{ENTER}")); // "Write several paragraphs in my editor"

    tty.expect("Saved the letter to");
    tty.expect("Remember your name, place and language for next time");
    tty.keys("n");
    let (_, transcript, code) = tty.finish();
    assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");

    let letter = read(&letter_path);
    assert!(
        letter.contains(&format!("\n\n{first}\n\n{second}\n\nYours sincerely,")),
        "both paragraphs of the note are in the letter, each on its own:\n{letter}"
    );
    assert!(
        letter.ends_with("Ana Díaz\nLyon, France\n"),
        "signed:\n{letter}"
    );
    assert!(
        !home.config_file().exists(),
        "the writer said no: nothing remembered"
    );
}

#[test]
fn without_a_terminal_a_missing_name_fails_at_once() {
    let home = Sandbox::new();
    let started = Instant::now();
    let mut cmd = home.pty(&["compose", "cecot"]);
    cmd.stdin(Stdio::piped());
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.write_stdin("José\n")
        .timeout(TIMEOUT)
        .assert()
        .code(exit::USAGE)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("--name").and(predicate::str::contains("APPEAL_NAME")));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "it failed fast, in {:?}",
        started.elapsed()
    );
    assert_eq!(home.written_files(), Vec::<PathBuf>::new());
}

/// `echo … | appeal compose cecot` typed in a terminal: stdin is a pipe, but
/// stderr and the controlling terminal are a tty, where dialoguer would
/// happily prompt and wait. appeal must not prompt.
#[test]
fn a_pipe_on_stdin_inside_a_terminal_does_not_prompt() {
    let home = Sandbox::new();
    let mut sh = Command::new("sh");
    sh.args([
        "-c",
        "printf 'José\\n' | exec \"$0\" compose cecot",
        env!("CARGO_BIN_EXE_appeal"),
    ]);
    home.isolate(&mut sh).env("TERM", "xterm-256color");
    let tty = Tty::spawn(sh);
    let (output, _, code) = tty.finish();
    assert_eq!(code, exit::USAGE, "fails as a usage error: {output:?}");
    assert!(output.contains("--name"), "names --name: {output:?}");
    assert!(
        !output.contains("Your name"),
        "no prompt was shown: {output:?}"
    );
}

#[test]
fn ctrl_c_in_the_editor_cancels_instead_of_keeping_an_empty_note() {
    let home = Sandbox::new();
    let script = home.path("home").join("slow-editor.sh");
    fs::write(
        &script,
        "#!/bin/sh\nsleep 5\nprintf 'Too late.\\n' > \"$1\"\n",
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let letter_path = home.path("letter.txt");
    let mut cmd = home.pty(&[
        "compose",
        "cecot",
        "--name",
        "Ana",
        "--lang",
        "en",
        "--city",
        "Lyon",
        "--country",
        "France",
        "-o",
        letter_path.to_str().unwrap(),
    ]);
    cmd.env("EDITOR", &script).env("VISUAL", &script);
    let mut tty = Tty::spawn(cmd);
    tty.expect("No personal note");
    tty.keys(&format!("{DOWN}{ENTER}"));
    // The editor is running now; the terminal is back in cooked mode.
    sleep(Duration::from_millis(700));
    tty.session.send(CTRL_C).expect("type into the pty");
    let (after, transcript, code) = tty.finish();
    assert_eq!(
        code,
        exit::INTERRUPTED,
        "--- the terminal ---\n{transcript}"
    );
    assert!(after.contains("appeal: cancelled"), "{after:?}");
    assert!(!letter_path.exists(), "no letter without the note");
}

/// `--note-file -` at a terminal: the note is typed before any prompt, ends
/// with Ctrl-D, and Ctrl-C while typing ends appeal as it ends `cat`.
#[test]
fn a_note_typed_on_the_terminal_ends_with_ctrl_d_and_ctrl_c_stops_it() {
    for cancel in [false, true] {
        let home = Sandbox::new();
        let letter_path = home.path("letter.txt");
        let mut tty = Tty::spawn(home.pty(&[
            "compose",
            "cecot",
            "--lang",
            "en",
            "--city",
            "",
            "--country",
            "",
            "--note-file",
            "-",
            "-o",
            letter_path.to_str().unwrap(),
        ]));
        tty.expect("Ctrl-D on a line of its own.");
        tty.session.send("Mis palabras, <tal cual>.\n").unwrap();
        if cancel {
            tty.session.send(CTRL_C).unwrap();
            let (_, transcript, status) = tty.finish_status();
            assert!(
                matches!(status, WaitStatus::Exited(_, exit::INTERRUPTED)),
                "{status:?}\n--- the terminal ---\n{transcript}"
            );
            assert!(!transcript.contains("Your name"), "{transcript}");
            assert_eq!(home.written_files(), Vec::<PathBuf>::new());
            continue;
        }
        tty.session.send("\x04").unwrap();
        tty.expect("Your name");
        tty.keys(&format!("Ana{ENTER}"));
        tty.expect("Remember");
        tty.keys(&format!("n{ENTER}"));
        let (_, transcript, code) = tty.finish();
        assert_eq!(code, exit::OK, "{transcript}");
        let letter = fs::read_to_string(&letter_path).unwrap();
        assert!(letter.contains("Mis palabras, <tal cual>."), "{letter}");
    }
}

/// A --note-file that can't be read fails before the writer answers
/// anything.
#[test]
fn an_unreadable_note_file_fails_before_the_first_prompt() {
    let home = Sandbox::new();
    let tty = Tty::spawn(home.pty(&["compose", "cecot", "--note-file", "nowhere.txt"]));
    let (output, _, code) = tty.finish();
    assert_ne!(code, exit::OK, "{output:?}");
    assert!(output.contains("nowhere.txt"), "{output:?}");
    assert!(!output.contains("Your name"), "{output:?}");
}

#[test]
fn ctrl_c_at_the_destination_keeps_a_typed_note_and_nothing_else() {
    for (note, kept) in [(Some("My own words."), true), (None, false)] {
        let home = Sandbox::new();
        let mut args = vec!["compose", "cecot", "--name", "Ana", "--lang", "en"];
        args.extend(["--city", "", "--country", ""]);
        if let Some(note) = note {
            args.extend(["--note", note]);
        }
        let mut tty = Tty::spawn(home.pty(&args));
        if note.is_none() {
            tty.expect("No personal note");
            tty.keys(&format!("{DOWN}{DOWN}{ENTER}"));
        }
        tty.expect("Where should the letter go?");
        tty.expect("Copy it to the clipboard");
        tty.keys(CTRL_C);
        let (after, transcript, code) = tty.finish();
        assert_eq!(
            code,
            exit::INTERRUPTED,
            "--- the terminal ---\n{transcript}"
        );
        let files = home.written_files();
        if kept {
            assert_eq!(files.len(), 1, "{files:?}");
            assert!(read(&files[0]).contains("My own words."));
            assert!(
                after.contains("your letter was kept in"),
                "{after:?}\n{transcript}"
            );
        } else {
            assert!(files.is_empty(), "nothing typed, nothing kept: {files:?}");
        }
    }
}

#[test]
fn no_input_at_a_terminal_never_prompts() {
    let home = Sandbox::new();
    for (args, env) in [
        (&["compose", "cecot", "--no-input"][..], None),
        (&["compose", "cecot"][..], Some(("APPEAL_NO_INPUT", "1"))),
    ] {
        let mut cmd = home.pty(args);
        if let Some((key, value)) = env {
            cmd.env(key, value);
        }
        let tty = Tty::spawn(cmd);
        let (_, transcript, code) = tty.finish();
        assert_eq!(
            code,
            exit::USAGE,
            "{args:?} {env:?}: --- the terminal ---\n{transcript}"
        );
        assert!(
            transcript.contains("no value for --name: pass --name or set APPEAL_NAME"),
            "{args:?} {env:?}: {transcript}"
        );
        assert!(
            !transcript.contains("Your name"),
            "a prompt was drawn: {transcript}"
        );
    }
    let mut cmd = home.pty(&["compose", "cecot", "--name", NAME]);
    cmd.env("APPEAL_NO_INPUT", "yes");
    let tty = Tty::spawn(cmd);
    let (_, transcript, code) = tty.finish();
    assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
    assert!(transcript.contains(NAME) && transcript.contains("Yours sincerely,"));
    assert!(
        !transcript.contains("Where should the letter go?"),
        "{transcript}"
    );
    assert!(!transcript.contains("Remember your name"), "{transcript}");
}

#[test]
fn colour_at_a_terminal_follows_no_color_and_the_flag() {
    let home = Sandbox::new();
    let warning_of = |extra: &[&str], no_color: bool| {
        let mut args = vec!["compose", "cecot", "--no-input", "--name", NAME];
        args.extend_from_slice(extra);
        let mut cmd = home.pty(&args);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let (_, transcript, code) = Tty::spawn(cmd).finish();
        assert_eq!(code, exit::OK, "{transcript}");
        let at = transcript.find("warning:").expect("the deadline warning");
        transcript[at.saturating_sub(12)..at].to_string()
    };
    assert!(
        warning_of(&[], false).contains('\x1b'),
        "coloured at a terminal"
    );
    assert!(
        !warning_of(&[], true).contains('\x1b'),
        "NO_COLOR turns colour off"
    );
    assert!(!warning_of(&["--color", "never"], false).contains('\x1b'));
}

/// A small random number generator, seeded from the clock; the seed is
/// printed so that a failing run can be read again.
struct Random(u64);

impl Random {
    fn from_clock() -> Random {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
        println!("seed {seed}");
        Random(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// How one run began: which questions were left to ask, and how Ctrl-C came.
#[derive(Debug, Clone, Copy)]
struct Start {
    delay_ms: u64,
    /// 0: every question; 1: the name given; 2: only where the letter goes.
    given: u64,
    /// Ctrl-C typed at the terminal (a key in raw mode, a signal otherwise)
    /// rather than `kill -INT`.
    typed: bool,
}

fn ctrl_c_run(start: Start) -> Result<(), String> {
    let home = Sandbox::new();
    let mut args = vec!["compose", "cecot"];
    if start.given >= 1 {
        args.extend(["--name", NAME]);
    }
    if start.given >= 2 {
        args.extend([
            "--lang",
            "en",
            "--note",
            "A note.",
            "--city",
            "Lyon",
            "--country",
            "France",
        ]);
    }
    let mut tty = Tty::spawn(home.pty(&args));
    // From appeal's first byte on.
    tty.session
        .expect(expectrl::Regex("(?s)."))
        .map_err(|e| format!("{start:?}: nothing was printed: {e}"))?;
    sleep(Duration::from_millis(start.delay_ms));
    if start.typed {
        tty.session.send(CTRL_C).expect("type into the pty");
        tty.session.flush().expect("flush the pty");
    } else {
        tty.session
            .get_process_mut()
            .signal(expectrl::process::unix::Signal::SIGINT)
            .expect("send SIGINT");
    }
    let (_, transcript, status) = tty.finish_status();
    if !matches!(status, WaitStatus::Exited(_, exit::INTERRUPTED)) {
        return Err(format!(
            "{start:?}: ended with {status:?}\n--- the terminal ---\n{transcript}"
        ));
    }
    const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
    let bytes = transcript.as_bytes();
    let last = |what: &[u8]| bytes.windows(what.len()).rposition(|w| w == what);
    if let Some(hidden) = last(HIDE_CURSOR)
        && last(SHOW_CURSOR).is_none_or(|shown| shown < hidden)
    {
        return Err(format!(
            "{start:?}: the cursor was left hidden\n--- the terminal ---\n{transcript}"
        ));
    }
    Ok(())
}

#[test]
fn ctrl_c_at_any_moment_ends_with_130_and_the_cursor_shown() {
    const RUNS: u64 = 60;
    const THREADS: u64 = 4;
    let mut random = Random::from_clock();
    let starts: Vec<Start> = (0..RUNS)
        .map(|_| Start {
            delay_ms: random.below(301),
            given: random.below(3),
            typed: random.below(2) == 0,
        })
        .collect();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = starts
            .chunks((RUNS / THREADS) as usize)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|&start| ctrl_c_run(start).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a run panicked"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {RUNS} runs failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn another_language_may_be_typed_by_name_or_code() {
    for (typed, tag) in [("Deutsch", "de"), ("german", "de"), ("pt-br", "pt-BR")] {
        let home = Sandbox::new();
        let letter_path = home.path("letter.txt");
        let mut tty = Tty::spawn(home.pty(&[
            "compose",
            "cecot",
            "--name",
            "Ana",
            "--note",
            "A note.",
            "--city",
            "",
            "--country",
            "",
            "-o",
            letter_path.to_str().unwrap(),
        ]));
        tty.expect("Language of the letter");
        tty.expect("another language…");
        tty.keys(&format!("{DOWN}{DOWN}{DOWN}{ENTER}"));
        tty.expect("Language, by name or code");
        tty.keys(&format!("{typed}{ENTER}"));
        let said = tty.expect("Remember");
        assert!(
            said.contains(&format!("there is no model letter in `{tag}`")),
            "{typed:?} is read as {tag}: {said:?}"
        );
        tty.keys(&format!("n{ENTER}"));
        let (_, transcript, code) = tty.finish();
        assert_eq!(code, exit::OK, "{transcript}");
        assert!(read(&letter_path).contains("A note."));
    }
}

/// The letter `--no-input` writes with these answers, in the C locale: what
/// every interactive run with the same answers must write too.
fn unattended_letter(home: &Sandbox, lang: &str, note: &str) -> String {
    let path = home.path(&format!("unattended-{lang}.txt"));
    let out = home
        .pty(&[
            "compose",
            "cecot",
            "--no-input",
            "--name",
            NAME,
            "--lang",
            lang,
            "--note",
            note,
            "--city",
            "Quito",
            "--country",
            "Ecuador",
            "-o",
            path.to_str().unwrap(),
        ])
        .output()
        .expect("run appeal");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let letter = read(&path);
    fs::remove_file(&path).unwrap();
    letter
}

/// The questions of `compose`, as the Spanish and French interfaces ask them.
struct Asked {
    locale: &'static str,
    name: &'static str,
    lang: &'static str,
    preferred: &'static str,
    other_language: &'static str,
    /// The menu's languages after the preferred one, in order.
    then: [&'static str; 2],
    note: &'static str,
    no_note: &'static str,
    your_note: &'static str,
    city: &'static str,
    country: &'static str,
    place: &'static str,
    clipboard: &'static str,
    file_name: &'static str,
    saved: &'static str,
    remember: &'static str,
}

const SPANISH: Asked = Asked {
    locale: "es_ES.UTF-8",
    name: "Su nombre (tal como va al pie de la carta)",
    lang: "Idioma de la carta",
    preferred: "English (en), preferido por el destinatario",
    other_language: "otro idioma…",
    then: ["Español (es)", "Français (fr)"],
    note: "Nota personal",
    no_note: "Sin nota personal",
    your_note: "Su nota",
    city: "Su ciudad (opcional)",
    country: "Su país (opcional)",
    place: "¿Adónde debe ir la carta?",
    clipboard: "Copiarla al portapapeles",
    file_name: "Nombre del archivo",
    saved: "Se guardó la carta en",
    remember: "¿Recordar su nombre, lugar e idioma para la próxima vez",
};

const FRENCH: Asked = Asked {
    locale: "fr_FR.UTF-8",
    name: "Votre nom (tel qu'il figure sous la lettre)",
    lang: "Langue de la lettre",
    preferred: "English (en), préférée par le destinataire",
    other_language: "une autre langue…",
    // The interface's own language comes right after the preferred one.
    then: ["Français (fr)", "Español (es)"],
    note: "Note personnelle",
    no_note: "Pas de note personnelle",
    your_note: "Votre note",
    city: "Votre ville (facultatif)",
    country: "Votre pays (facultatif)",
    place: "Où la lettre doit-elle aller ?",
    clipboard: "La copier dans le presse-papiers",
    file_name: "Nom du fichier",
    saved: "Lettre enregistrée dans",
    remember: "Retenir votre nom, votre lieu et votre langue pour la prochaine fois",
};

#[test]
fn the_locale_asks_in_spanish_or_french_and_the_letter_is_unchanged() {
    let note = "Families are waiting for news.";
    for asked in [SPANISH, FRENCH] {
        let home = Sandbox::new();
        let letter_path = home.path("carta.txt");
        let mut cmd = home.pty(&["compose", "cecot"]);
        cmd.env("LANG", asked.locale);
        let mut tty = Tty::spawn(cmd);

        tty.expect(asked.name);
        tty.keys(&format!("{NAME}{ENTER}"));
        tty.expect(asked.lang);
        let menu = tty.expect(asked.other_language);
        let at = |item: &str| {
            menu.find(item)
                .unwrap_or_else(|| panic!("{item:?} is offered: {menu:?}"))
        };
        assert!(
            at(asked.preferred) < at(asked.then[0]) && at(asked.then[0]) < at(asked.then[1]),
            "{}: the preferred language, then the interface's, then the rest: {menu:?}",
            asked.locale
        );
        tty.keys(ENTER); // the target's preferred language: English

        tty.expect(asked.note);
        tty.expect(asked.no_note);
        tty.keys(ENTER);
        tty.expect(asked.your_note);
        tty.keys(&format!("{note}{ENTER}"));
        tty.expect(asked.city);
        tty.keys(&format!("Quito{ENTER}"));
        tty.expect(asked.country);
        tty.keys(&format!("Ecuador{ENTER}"));

        tty.expect(asked.place);
        tty.expect(asked.clipboard);
        tty.keys(&format!("{DOWN}{ENTER}"));
        tty.expect(asked.file_name);
        tty.keys(&format!("{}{ENTER}", letter_path.display()));
        tty.expect(asked.saved);
        tty.expect(asked.remember);
        tty.keys("n");
        let (_, transcript, code) = tty.finish();
        assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
        assert!(
            !transcript.contains("Your name") && !transcript.contains("Where should"),
            "{}: no English question: {transcript}",
            asked.locale
        );
        assert_eq!(
            read(&letter_path),
            unattended_letter(&home, "en", note),
            "{}: the interface's language leaves the letter as it is",
            asked.locale
        );
    }
}

/// Any escape sequence at all: plain prompts move no cursor, clear nothing,
/// hide nothing and colour nothing.
fn assert_no_escapes(transcript: &str) {
    if let Some(at) = transcript.find('\x1b') {
        panic!(
            "an escape sequence at byte {at}: {:?}\n--- the terminal ---\n{transcript}",
            &transcript[at..(at + 12).min(transcript.len())]
        );
    }
}

#[test]
fn plain_prompts_complete_a_letter_with_numbers_and_text_only() {
    let home = Sandbox::new();
    let letter_path = home.path("letter.txt");
    let note = "I will keep writing until they are heard.";
    let mut tty = Tty::spawn(home.pty(&["--plain-prompts", "compose", "cecot"]));

    tty.expect("Your name (as it goes under the letter): ");
    tty.line(NAME);

    let menu = tty.expect("Type a number from 1 to 4 [1]: ");
    for item in [
        "Language of the letter\r\n",
        "  1. English (en), preferred by the target\r\n",
        "  2. Español (es)\r\n",
        "  3. Français (fr)\r\n",
        "  4. another language…\r\n",
    ] {
        assert!(menu.contains(item), "{item:?} is listed: {menu:?}");
    }
    tty.line("2");

    tty.expect("Personal note\r\n");
    tty.expect("  3. No personal note\r\n");
    tty.expect("Type a number from 1 to 3 [1]: ");
    tty.line("1");
    tty.expect("Your note: ");
    tty.line(note);
    tty.expect("Your city (optional): ");
    tty.line("Quito");
    tty.expect("Your country (optional): ");
    tty.line("Ecuador");

    let preview = tty.expect("Where should the letter go?\r\n");
    assert!(
        preview.contains("\r\n  Señora Secretaria Noem:\r\n") && !preview.contains('│'),
        "the preview is indented, with no frame for a screen reader to read: {preview:?}"
    );
    tty.expect("  6. Open it in my mail program (mailto: link)\r\n");
    tty.expect("Type a number from 1 to 6 [1]: ");
    tty.line("9");
    tty.expect("“9” is not one of the choices: type a number from 1 to 6.");
    tty.expect("Type a number from 1 to 6 [1]: ");
    tty.line("2");
    tty.expect("File name [cecot-2026-11-28.txt]: ");
    tty.line(letter_path.to_str().unwrap());
    tty.expect("Saved the letter to");
    tty.expect("for next time (in ");
    tty.expect(")? [Y/n]: ");
    tty.line("n");

    let (_, transcript, code) = tty.finish();
    assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
    assert_no_escapes(&transcript);
    assert_eq!(
        transcript.matches("Español (es)").count(),
        1,
        "each choice is printed once: {transcript}"
    );
    assert_eq!(
        read(&letter_path),
        unattended_letter(&home, "es", note),
        "the same answers write the same letter"
    );
    assert!(!home.config_file().exists(), "n: nothing remembered");
}

#[test]
fn a_dumb_terminal_or_the_environment_asks_plainly_in_the_interface_language() {
    // TERM=dumb alone; APPEAL_PLAIN_PROMPTS=1 in French; the config's
    // `plain_prompts: true`, with its `ui_lang: es`.
    for (term, plain, locale, [number_line, pick, remember, yes], lang) in [
        (
            "dumb",
            None,
            "C.UTF-8",
            ["Type a number from 1 to 4 [1]: ", "", "[Y/n]: ", "y"],
            "en",
        ),
        (
            "xterm-256color",
            Some("env"),
            "fr_FR.UTF-8",
            ["Tapez un nombre de 1 à 4 [1] : ", "2", "[O/n] : ", "oui"],
            "fr",
        ),
        (
            "xterm-256color",
            Some("config"),
            "C.UTF-8",
            ["Escriba un número del 1 al 4 [1]: ", "2", "[S/n]: ", "sí"],
            "es",
        ),
    ] {
        let home = Sandbox::new();
        let letter_path = home.path("letter.txt");
        let mut cmd = home.pty(&[
            "compose",
            "cecot",
            "--name",
            NAME,
            "--note",
            "A note.",
            "--city",
            "Quito",
            "--country",
            "Ecuador",
            "-o",
            letter_path.to_str().unwrap(),
        ]);
        cmd.env("TERM", term).env("LANG", locale);
        match plain {
            Some("env") => {
                cmd.env("APPEAL_PLAIN_PROMPTS", "1");
            }
            Some(_) => {
                fs::create_dir_all(home.config_file().parent().unwrap()).unwrap();
                fs::write(home.config_file(), "plain_prompts: true\nui_lang: es\n").unwrap();
            }
            None => {}
        }
        let mut tty = Tty::spawn(cmd);
        tty.expect(number_line);
        tty.line(pick);
        tty.expect(remember);
        tty.line(yes);
        let (_, transcript, code) = tty.finish();
        assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
        assert_no_escapes(&transcript);
        assert_eq!(
            read(&letter_path),
            unattended_letter(&home, lang, "A note."),
            "{locale}: the letter in {lang}"
        );
        let config = read(&home.config_file());
        assert!(
            config.lines().any(|l| l == format!("lang: {lang}")),
            "{yes:?} said yes: the writer's details are remembered:\n{config}"
        );
        if plain == Some("config") {
            assert!(
                config.lines().any(|l| l == "plain_prompts: true"),
                "remembering keeps the other settings:\n{config}"
            );
        }
    }
}

#[test]
fn ctrl_c_at_a_plain_prompt_cancels_with_130_and_no_escapes() {
    let home = Sandbox::new();
    let mut tty = Tty::spawn(home.pty(&["compose", "cecot", "--plain-prompts"]));
    tty.expect("Your name (as it goes under the letter): ");
    tty.session.send(CTRL_C).expect("type Ctrl-C");
    let (after, transcript, code) = tty.finish();
    assert_eq!(
        code,
        exit::INTERRUPTED,
        "--- the terminal ---\n{transcript}"
    );
    assert!(after.contains("appeal: cancelled"), "{after:?}");
    assert_no_escapes(&transcript);
}

#[test]
fn the_target_menu_chooses_whom_the_letter_is_to_in_both_styles() {
    let action = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/targets/lagoon.yaml");
    // Both pick the second target, not the default first one.
    for plain in [false, true] {
        let home = Sandbox::new();
        let letter_path = home.path("letter.txt");
        let mut args = vec![
            "compose",
            action.to_str().unwrap(),
            "--name",
            NAME,
            "--lang",
            "en",
            "--note",
            "A note.",
            "--city",
            "",
            "--country",
            "",
            "-o",
            letter_path.to_str().unwrap(),
        ];
        if plain {
            args.push("--plain-prompts");
        }
        let mut tty = Tty::spawn(home.pty(&args));
        tty.expect("Whom to write to");
        let menu = tty.expect("Each of them, one letter per target");
        assert!(
            menu.contains("Rui Example, Minister of the Interior")
                && menu.contains("Lia Example, Prosecutor General"),
            "each target by name and title: {menu:?}"
        );
        if plain {
            tty.expect("Type a number from 1 to 3 [1]: ");
            tty.line("2");
            tty.expect("[Y/n]: ");
            tty.line("n");
        } else {
            tty.keys(&format!("{DOWN}{ENTER}"));
            tty.expect("Remember");
            tty.keys("n");
        }
        let (_, transcript, code) = tty.finish();
        assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
        let letter = read(&letter_path);
        assert!(
            letter.contains("Dear Prosecutor General,") && !letter.contains("Dear Minister,"),
            "plain={plain}:\n{letter}"
        );
    }
}

#[test]
fn a_batch_at_a_terminal_draws_its_progress_unless_prompts_are_plain() {
    let home = Sandbox::new();
    let mut signers = String::from("name,note\n");
    for i in 1..=300 {
        signers.push_str(&format!("Signer {i},Note {i}\n"));
    }
    fs::write(home.path("signers.csv"), signers).unwrap();
    for (plain, folder) in [(false, "drawn"), (true, "plain")] {
        let mut args = vec![
            "compose",
            "cecot",
            "--batch",
            "signers.csv",
            "--out-dir",
            folder,
        ];
        if plain {
            args.push("--plain-prompts");
        }
        let (_, transcript, code) = Tty::spawn(home.pty(&args)).finish();
        assert_eq!(code, exit::OK, "--- the terminal ---\n{transcript}");
        assert_eq!(
            fs::read_dir(home.path(folder)).unwrap().count(),
            300,
            "every letter written"
        );
        if plain {
            assert_no_escapes(&transcript);
        } else {
            assert!(
                transcript.contains("\x1b[2K") && transcript.contains("100%"),
                "a progress bar, redrawn by clearing its line: {transcript}"
            );
        }
    }
}
