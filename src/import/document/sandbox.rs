//! The reader process: a document in a format appeal doesn't parse itself
//! is read by `appeal-reader KIND`, the program installed beside `appeal`
//! that holds the document parsers and nothing else (no network, no
//! signing, no history), under hard limits set before it starts (address
//! space, CPU time, no file writes, no core dump), with a wall-clock
//! deadline and a cap on what it may send back. Its stdin is the document
//! and its stdout the lines, as JSON; its stderr is read only to tell a
//! lack of memory from a crash, and never shown. It inherits nothing else:
//! no other descriptor of the caller, no environment, `/` as its folder.
//! Inside, what a parser might print goes to `/dev/null`: the reply has a
//! descriptor of its own.
//!
//! A stack overflow, an abort, a limit reached or a deadline passed ends
//! the child; appeal then says the document could not be read safely, and
//! writes nothing.
//!
//! The parsers live in a program of their own, not in `appeal`, because
//! their tables (HTML's named characters, the PDF glyph names) are data the
//! loader relocates at every start: carried by `appeal`, they cost every
//! command, `--version` included, a third of its start-up.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Cause, DocLine, Kind, MAX_LINES, MAX_TEXT_BYTES, Unreadable};
use crate::action::MAX_FILE_BYTES;

/// The reader program's name, installed in the same folder as `appeal`.
pub const READER: &str = "appeal-reader";

/// How long the reader may take, in all.
pub const TIME_LIMIT: Duration = Duration::from_secs(5);

/// The reader's address space.
pub const MEMORY_LIMIT: u64 = 512 << 20;

/// Most bytes the reader may send back: the text, as JSON.
const MAX_REPLY: usize = 3 * MAX_TEXT_BYTES;

/// What the reader sends back.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Reply {
    Lines(Vec<DocLine>),
    Refused(Unreadable),
}

/// Reads `bytes` of `kind` in a reader process.
pub fn read(kind: Kind, bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let unsafe_because = |cause| Unreadable::Unsafe { cause };
    let deadline = Instant::now() + TIME_LIMIT;
    let exe = reader_path().ok_or(unsafe_because(Cause::Start))?;
    if !exe.is_file() {
        return Err(Unreadable::NoReader {
            path: exe.display().to_string(),
        });
    }
    let mut command = Command::new(exe);
    command
        .arg(kind.name())
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .current_dir("/");
    limit(&mut command);
    let mut child = command.spawn().map_err(|_| unsafe_because(Cause::Start))?;
    let mut stdin = child.stdin.take().expect("stdin was piped above");
    let stdout = child.stdout.take().expect("stdout was piped above");
    let stderr = child.stderr.take().expect("stderr was piped above");
    let document = bytes.to_vec();
    // The document goes in, and the reply and the runtime's last words
    // come out, on threads of their own, so that a child that neither
    // reads nor writes can't hold appeal.
    std::thread::spawn(move || {
        let _ = stdin.write_all(&document);
    });
    let reply = drain(stdout, MAX_REPLY + 1);
    let said = drain(stderr, 4096);
    let outcome = match reply.recv_timeout(remaining(deadline)) {
        Err(_) => Err(unsafe_because(Cause::Time)),
        Ok(bytes) if bytes.len() > MAX_REPLY => Err(Unreadable::TooMuchText),
        Ok(bytes) => match wait_until(&mut child, deadline) {
            Some(status) if status.success() => Ok(bytes),
            Some(status) if killed_for_time(status) => Err(unsafe_because(Cause::Time)),
            Some(_) => {
                let last_words = said
                    .recv_timeout(Duration::from_millis(200))
                    .unwrap_or_default();
                Err(unsafe_because(cause_of(&last_words)))
            }
            None => Err(unsafe_because(Cause::Time)),
        },
    };
    // Whatever happened, the reader ends here.
    let _ = child.kill();
    let _ = child.wait();
    let reply = outcome?;
    match serde_json::from_slice::<Reply>(&reply) {
        Ok(Reply::Lines(lines)) if lines.len() <= MAX_LINES => Ok(lines),
        Ok(Reply::Lines(_)) => Err(Unreadable::TooMuchText),
        Ok(Reply::Refused(why)) => Err(why),
        Err(_) => Err(unsafe_because(Cause::Crash)),
    }
}

/// Where the reader is: beside the running `appeal` (its real path, links
/// followed), as `cargo install` and `cargo build` leave them.
fn reader_path() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.with_file_name(format!("{READER}{}", std::env::consts::EXE_SUFFIX)))
}

/// Everything a pipe gives, up to `cap` bytes, sent when it ends.
fn drain(mut pipe: impl Read + Send + 'static, cap: usize) -> mpsc::Receiver<Vec<u8>> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = (&mut pipe).take(cap as u64).read_to_end(&mut bytes);
        let _ = send.send(bytes);
    });
    receive
}

fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

/// The child's end, if it comes before the deadline.
fn wait_until(child: &mut Child, deadline: Instant) -> Option<std::process::ExitStatus> {
    let mut pause = Duration::from_micros(200);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(pause.min(remaining(deadline)));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Why the reader ended without an answer, from what Rust's runtime said
/// as it ended: a failed allocation under the memory limit, or anything
/// else (a stack overflow, a signal).
fn cause_of(said: &[u8]) -> Cause {
    let said = String::from_utf8_lossy(said);
    if said.contains("memory allocation of") {
        Cause::Memory
    } else {
        Cause::Crash
    }
}

/// A reader the kernel stopped for its CPU time.
fn killed_for_time(status: std::process::ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        matches!(status.signal(), Some(libc::SIGXCPU | libc::SIGKILL))
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// The limits a reader runs under, set in the child between fork and exec.
#[cfg(unix)]
fn limit(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit and close_range are async-signal-safe system calls
    // that touch no memory of the parent; nothing here allocates.
    unsafe {
        command.pre_exec(|| {
            let set = |resource, value: u64| {
                let limit = libc::rlimit {
                    rlim_cur: value as libc::rlim_t,
                    rlim_max: value as libc::rlim_t,
                };
                if libc::setrlimit(resource, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            };
            set(libc::RLIMIT_AS, MEMORY_LIMIT)?;
            // The soft limit sends SIGXCPU; one second later the kernel kills.
            let cpu = libc::rlimit {
                rlim_cur: TIME_LIMIT.as_secs() as libc::rlim_t,
                rlim_max: TIME_LIMIT.as_secs() as libc::rlim_t + 1,
            };
            if libc::setrlimit(libc::RLIMIT_CPU, &cpu) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            set(libc::RLIMIT_FSIZE, 0)?;
            set(libc::RLIMIT_CORE, 0)?;
            // Marked close-on-exec, not closed: std's exec-failure pipe
            // stays usable until exec.
            #[cfg(target_os = "linux")]
            libc::close_range(
                3,
                libc::c_uint::MAX,
                libc::CLOSE_RANGE_CLOEXEC as libc::c_int,
            );
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn limit(_: &mut Command) {}

/// The reader's side: `appeal-reader KIND`, with the document on stdin and
/// the reply, as JSON, on stdout. Any other command line fails.
pub fn serve_from_args() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let kind = args
        .next()
        .and_then(|k| k.to_str().and_then(Kind::from_name));
    if args.next().is_some() {
        return ExitCode::FAILURE;
    }
    serve(kind)
}

fn serve(kind: Option<Kind>) -> ExitCode {
    let Some(mut reply_to) = private_stdout() else {
        return ExitCode::FAILURE;
    };
    let Some(kind) = kind else {
        return ExitCode::FAILURE;
    };
    let mut bytes = Vec::new();
    if std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    let reply = match convert(kind, &bytes) {
        Ok(lines) => Reply::Lines(lines),
        Err(why) => Reply::Refused(why),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut reply_to);
    let written = serde_json::to_writer(&mut out, &reply)
        .map_err(std::io::Error::from)
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

/// The reply's own descriptor: a copy of stdout, which itself then goes
/// to `/dev/null`, so that nothing a parser prints can pass for a reply.
#[cfg(unix)]
fn private_stdout() -> Option<std::fs::File> {
    use std::os::fd::{AsRawFd, FromRawFd};
    let null = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/null")
        .ok()?;
    // SAFETY: dup and dup2 on descriptors this process owns; the copy is
    // owned by the File returned, and fd 1 stays open (onto /dev/null).
    unsafe {
        let copy = libc::dup(1);
        if copy < 0 || libc::dup2(null.as_raw_fd(), 1) < 0 {
            return None;
        }
        Some(std::fs::File::from_raw_fd(copy))
    }
}

#[cfg(not(unix))]
fn private_stdout() -> Option<std::io::Stdout> {
    Some(std::io::stdout())
}

/// The reader proper: one format's parser, then the text's limits.
fn convert(kind: Kind, bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge);
    }
    let lines = match kind {
        Kind::Pdf => super::pdf::read(bytes)?,
        Kind::Html => super::html::read(bytes)?,
        Kind::Docx => super::docx::read(bytes)?,
        Kind::Odt => super::odt::read(bytes)?,
        Kind::Email => super::mail::read(bytes)?,
        Kind::Text | Kind::Markdown => super::text_lines(bytes)?,
    };
    let total: usize = lines.iter().map(|l| l.text.len() + 1).sum();
    if total > MAX_TEXT_BYTES || lines.len() > MAX_LINES {
        return Err(Unreadable::TooMuchText);
    }
    Ok(lines)
}
