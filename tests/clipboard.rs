//! `appeal compose --clipboard` against a real X server.
//!
//! Each test that needs a display starts its own Xvfb (which picks a free
//! display and reports it through `-displayfd`) and reads the clipboard
//! back with xclip, as a person pasting would. Both programs are required:
//! a machine without them fails these tests with a message saying how to
//! install them, rather than skipping them.
//!
//! appeal runs in a [`Sandbox`]: a cleared environment whose `HOME` and
//! `XDG_*` folders point into a temporary folder.

#![cfg(target_os = "linux")]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::thread::{self, sleep};
use std::time::{Duration, Instant};

use common::{Sandbox, appeal_bin, exit};

const TIMEOUT: Duration = Duration::from_secs(10);
const INSTALL: &str = "install them with `apt-get install -y xvfb xclip`";

/// The `XDG_DATA_HOME=…` entry that marks the processes of `home`'s test.
fn marker(home: &Sandbox) -> Vec<u8> {
    let mut marker = b"XDG_DATA_HOME=".to_vec();
    marker.extend_from_slice(home.path("data").as_os_str().as_encoded_bytes());
    marker
}

/// `appeal ARGS` in `home`, with no display.
fn without_display(home: &Sandbox, args: &[&str]) -> Command {
    let mut cmd = home.std_appeal();
    cmd.args(args);
    cmd
}

/// What a finished program printed, and how it ended.
struct Finished {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    /// From the start until both stdout and stderr reached end of file.
    took: Duration,
}

/// Runs `cmd` with `stdin` and waits, at most `TIMEOUT`, for its exit AND
/// for end of file on stdout and stderr, as `$(...)` does. A process left
/// behind that still holds either stream open makes this fail instead of
/// hanging.
fn run(mut cmd: Command, stdin: &[u8]) -> Finished {
    let started = Instant::now();
    let what = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what} could not start: {e}"));
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    thread::spawn(move || input.write_all(&stdin));
    let (tx, rx) = mpsc::channel();
    let out = read_in_background(child.stdout.take().unwrap(), 1, tx.clone());
    let err = read_in_background(child.stderr.take().unwrap(), 2, tx);
    let (mut stdout, mut stderr) = (None, None);
    while stdout.is_none() || stderr.is_none() {
        let left = TIMEOUT.saturating_sub(started.elapsed());
        match rx.recv_timeout(left) {
            Ok((1, bytes)) => stdout = Some(bytes),
            Ok((_, bytes)) => stderr = Some(bytes),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{what}: stdout or stderr was still open after {TIMEOUT:?}: \
                     a capture such as `$(appeal ...)` would hang \
                     (the program exited: {})",
                    child_exited(&mut child)
                );
            }
        }
    }
    let took = started.elapsed();
    drop((out, err));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("{what} closed its output but did not exit within {TIMEOUT:?}");
        }
        sleep(Duration::from_millis(10));
    };
    Finished {
        code: status.code(),
        stdout: stdout.unwrap(),
        stderr: String::from_utf8_lossy(&stderr.unwrap()).into_owned(),
        took,
    }
}

fn child_exited(child: &mut Child) -> String {
    match child.try_wait() {
        Ok(Some(status)) => format!("yes, {status}"),
        _ => "no".to_string(),
    }
}

fn read_in_background(
    mut pipe: impl Read + Send + 'static,
    which: u8,
    tx: mpsc::Sender<(u8, Vec<u8>)>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        let _ = tx.send((which, bytes));
    })
}

/// A private X server, killed when dropped.
struct Xvfb {
    child: Child,
    display: String,
    /// The `-displayfd` pipe, kept open so Xvfb never writes into a closed one.
    _report: BufReader<ChildStdout>,
}

impl Xvfb {
    fn start(home: &Sandbox) -> Xvfb {
        let log = fs::File::create(home.path("xvfb.log")).unwrap();
        let mut child = Command::new("Xvfb")
            .args(["-displayfd", "1", "-nolisten", "tcp", "-screen", "0"])
            .arg("640x480x24")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("Xvfb could not start ({e}); these tests need Xvfb and xclip: {INSTALL}")
            });
        let mut report = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let read = report.read_line(&mut line);
            let _ = tx.send((read.map(|_| line), report));
        });
        let (number, report) = match rx.recv_timeout(TIMEOUT) {
            Ok((Ok(line), report)) if !line.trim().is_empty() => (line.trim().to_string(), report),
            other => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "Xvfb did not report a display within {TIMEOUT:?} ({:?}); its log:\n{}",
                    other.map(|(line, _)| line).ok(),
                    fs::read_to_string(home.path("xvfb.log")).unwrap_or_default()
                );
            }
        };
        Xvfb {
            child,
            display: format!(":{number}"),
            _report: report,
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `appeal __serve-clipboard` processes started by one test: found by
/// their command line and by the test's own `XDG_DATA_HOME` in their
/// environment. Dropping this kills those that are left, by id.
struct ServeChildren {
    marker: Vec<u8>,
}

impl ServeChildren {
    fn pids(&self) -> Vec<u32> {
        let mut pids = Vec::new();
        let Ok(entries) = fs::read_dir("/proc") else {
            return pids;
        };
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(cmdline) = fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            let mut args = cmdline.split(|b| *b == 0);
            let program = args.next().unwrap_or_default();
            let serving = Path::new(OsStr::from_bytes(program))
                == Path::new(env!("CARGO_BIN_EXE_appeal"))
                && args.next() == Some(b"__serve-clipboard".as_slice());
            if !serving {
                continue;
            }
            let Ok(environ) = fs::read(entry.path().join("environ")) else {
                continue;
            };
            if environ.split(|b| *b == 0).any(|var| var == self.marker) {
                pids.push(pid);
            }
        }
        pids
    }

    /// Waits until no serving child is left, or `TIMEOUT` has passed.
    fn wait_until_gone(&self) -> Vec<u32> {
        let started = Instant::now();
        loop {
            let pids = self.pids();
            if pids.is_empty() || started.elapsed() > TIMEOUT {
                return pids;
            }
            sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for ServeChildren {
    fn drop(&mut self) {
        for pid in self.pids() {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// `xclip ARGS` on `display`, stdin, stdout and stderr as `run` sets them.
fn xclip_command(display: &str, args: &[&str]) -> Command {
    if let Err(e) = Command::new("xclip")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        panic!("xclip could not start ({e}); these tests need Xvfb and xclip: {INSTALL}");
    }
    let mut cmd = Command::new("xclip");
    cmd.args(args).env_clear().env("DISPLAY", display).env(
        "PATH",
        std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
    );
    cmd
}

/// What the clipboard of `display` holds, as a paste would see it.
fn paste(display: &str) -> Vec<u8> {
    let pasted = run(
        xclip_command(display, &["-o", "-selection", "clipboard"]),
        b"",
    );
    assert_eq!(pasted.code, Some(0), "xclip -o: {}", pasted.stderr);
    pasted.stdout
}

/// Copies `text` as another program would. xclip stays in the background
/// to serve it (once: `-loops 1`) and ends with the X server at the latest;
/// its streams are null so that it holds no pipe of ours.
fn copy_something_else(display: &str, text: &[u8]) {
    let mut xclip = xclip_command(display, &["-i", "-selection", "clipboard", "-loops", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start xclip -i");
    let mut stdin = xclip.stdin.take().unwrap();
    stdin.write_all(text).unwrap();
    drop(stdin);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = xclip.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = xclip.kill();
            panic!("xclip -i did not go to the background within {TIMEOUT:?}");
        }
        sleep(Duration::from_millis(10));
    };
    assert!(status.success(), "xclip -i: {status}");
}

const NAME: &str = "Ana Díaz";
const NOTE: &str = "I am writing from Lyon, where people follow this case closely.";

fn compose_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "compose",
        "cecot",
        "--name",
        NAME,
        "--note",
        NOTE,
        "--city",
        "Lyon",
        "--country",
        "France",
        "--no-input",
    ];
    args.extend_from_slice(extra);
    args
}

/// The letter as the clipboard should hold it: the same compose on stdout,
/// without hard wrapping.
fn unwrapped_letter(home: &Sandbox) -> String {
    let printed = run(without_display(home, &compose_args(&["--width", "0"])), b"");
    assert_eq!(printed.code, Some(exit::OK), "stderr: {}", printed.stderr);
    let letter = String::from_utf8(printed.stdout).expect("the letter is UTF-8");
    assert!(
        letter.starts_with("28 November 2026\n") && letter.contains(NOTE),
        "{letter}"
    );
    letter
}

#[test]
fn the_clipboard_keeps_the_letter_after_appeal_exits() {
    let home = Sandbox::new();
    let expected = unwrapped_letter(&home);
    // Dropped in reverse order: the serving children go first, then Xvfb.
    let x = Xvfb::start(&home);
    let serving = ServeChildren {
        marker: marker(&home),
    };

    let copied = run(
        home.on_display(&x.display, &compose_args(&["--clipboard"])),
        b"",
    );
    assert_eq!(
        copied.code,
        Some(exit::OK),
        "appeal --clipboard failed; stderr: {}",
        copied.stderr
    );
    assert!(
        copied.took < Duration::from_secs(6),
        "stdout and stderr reached end of file only after {:?}",
        copied.took
    );
    assert!(
        copied.stdout.is_empty(),
        "nothing on stdout with --clipboard: {:?}",
        String::from_utf8_lossy(&copied.stdout)
    );

    // appeal has exited: what is pasted now comes from the serving child.
    let pids = serving.pids();
    assert_eq!(
        pids.len(),
        1,
        "one `appeal __serve-clipboard` keeps serving the clipboard: {pids:?}"
    );
    let pasted = String::from_utf8(paste(&x.display)).expect("the clipboard holds UTF-8");
    assert_eq!(
        pasted, expected,
        "the clipboard holds the whole letter, not hard-wrapped"
    );
    assert!(pasted.contains(NOTE) && pasted.contains("Ana Díaz\nLyon, France"));

    // Once another program copies something, the child has nothing left
    // to serve and exits by itself.
    copy_something_else(&x.display, b"something else");
    let left = serving.wait_until_gone();
    assert!(
        left.is_empty(),
        "`appeal __serve-clipboard` {left:?} was still running {TIMEOUT:?} after another program took the clipboard"
    );
    assert_eq!(paste(&x.display), b"something else");
}

#[test]
fn without_a_display_the_letter_is_saved_and_the_exit_code_is_4() {
    let home = Sandbox::new();
    let expected = unwrapped_letter(&home);
    let serving = ServeChildren {
        marker: marker(&home),
    };

    let mut cmd = without_display(&home, &compose_args(&["--clipboard"]));
    cmd.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    let result = run(cmd, b"");

    assert_eq!(
        result.code,
        Some(exit::DELIVERY),
        "stderr: {}",
        result.stderr
    );
    let saved = home
        .path("data")
        .join("appeal")
        .join("unsent")
        .join("cecot-2026-11-28.txt");
    assert!(
        result.stderr.contains(&saved.display().to_string()),
        "stderr names {}: {}",
        saved.display(),
        result.stderr
    );
    assert!(
        result.stderr.contains("DISPLAY"),
        "stderr says why: {}",
        result.stderr
    );
    assert!(result.stdout.is_empty());
    let letter = fs::read_to_string(&saved).unwrap_or_else(|e| panic!("{}: {e}", saved.display()));
    assert_eq!(
        letter, expected,
        "the saved letter is the one that was meant for the clipboard"
    );
    assert!(letter.contains(&format!("\n\n{NOTE}\n\n")));
    assert!(serving.pids().is_empty(), "no helper was started");
}

/// Waits for the servers `pids` to end. They check every 250 ms; the bound
/// is generous so that a loaded machine can't fail the test, while a
/// server that outlives its purpose (it would run until the next copy)
/// still does.
fn gone_soon(serving: &ServeChildren, pids: &[u32], after: &str) {
    const BOUND: Duration = Duration::from_secs(10);
    let started = Instant::now();
    while started.elapsed() < BOUND {
        if pids
            .iter()
            .all(|pid| !Path::new(&format!("/proc/{pid}")).exists())
        {
            return;
        }
        sleep(Duration::from_millis(20));
    }
    let left = serving.pids();
    panic!("`appeal __serve-clipboard` {left:?} was still running {BOUND:?} after {after}");
}

#[test]
fn the_server_ends_when_its_x_server_stops() {
    let home = Sandbox::new();
    let mut x = Xvfb::start(&home);
    let serving = ServeChildren {
        marker: marker(&home),
    };
    let copied = run(
        home.on_display(&x.display, &compose_args(&["--clipboard"])),
        b"",
    );
    assert_eq!(copied.code, Some(exit::OK), "stderr: {}", copied.stderr);
    let pids = serving.pids();
    assert_eq!(pids.len(), 1, "one server: {pids:?}");

    x.child.kill().unwrap();
    x.child.wait().unwrap();
    gone_soon(&serving, &pids, "its X server stopped");
}

#[test]
fn copying_twice_leaves_one_server_which_ends_when_another_program_copies() {
    let home = Sandbox::new();
    let x = Xvfb::start(&home);
    let serving = ServeChildren {
        marker: marker(&home),
    };
    let first = run(
        home.on_display(&x.display, &compose_args(&["--clipboard"])),
        b"",
    );
    assert_eq!(first.code, Some(exit::OK), "stderr: {}", first.stderr);
    let before = serving.pids();
    assert_eq!(before.len(), 1, "{before:?}");

    let second = run(
        home.on_display(&x.display, &compose_args(&["--clipboard", "--width", "40"])),
        b"",
    );
    assert_eq!(second.code, Some(exit::OK), "stderr: {}", second.stderr);
    gone_soon(&serving, &before, "a second copy");
    let now = serving.pids();
    assert_eq!(now.len(), 1, "one server after copying twice: {now:?}");
    assert_ne!(now, before, "the second copy's server serves");
    assert!(String::from_utf8_lossy(&paste(&x.display)).contains("Ana Díaz\nLyon, France"));

    copy_something_else(&x.display, b"something else");
    gone_soon(&serving, &now, "another program took the clipboard");
    assert_eq!(paste(&x.display), b"something else");
}

#[test]
fn the_server_keeps_none_of_the_callers_descriptors() {
    let home = Sandbox::new();
    let x = Xvfb::start(&home);
    let serving = ServeChildren {
        marker: marker(&home),
    };
    // `run` waits, at most TIMEOUT, for the end of sh's stdout: cat ends only
    // when every holder of the pipe that descriptor 9 duplicates has closed it.
    let mut cmd = home.command("sh");
    cmd.args(["-c", "\"$0\" \"$@\" 9>&1 | cat"])
        .arg(appeal_bin())
        .args([
            "compose",
            "cecot",
            "--no-input",
            "--name",
            "A",
            "--clipboard",
        ])
        .env("DISPLAY", &x.display);
    let result = run(cmd, b"");
    assert_eq!(result.code, Some(exit::OK), "stderr: {}", result.stderr);
    let pids = serving.pids();
    assert_eq!(pids.len(), 1, "the server still serves: {pids:?}");
    // The server holds descriptors 0, 1 and 2 (all null) and its display
    // connections, and no pipe.
    let fds: Vec<String> = fs::read_dir(format!("/proc/{}/fd", pids[0]))
        .unwrap()
        .flatten()
        .filter_map(|e| fs::read_link(e.path()).ok())
        .map(|target| target.display().to_string())
        .collect();
    assert!(
        !fds.iter().any(|t| t.starts_with("pipe:")),
        "the server holds a pipe: {fds:?}"
    );
}
