//! Copying a letter to the clipboard so that it outlives `appeal`.
//!
//! On X11 and Wayland the copied text lives only as long as the process
//! that owns it. As xclip and wl-copy do, `appeal` starts a small detached
//! copy of itself (`appeal __serve-clipboard`) that owns the clipboard until
//! another program copies something. The parent opens the clipboard first,
//! so that a missing display is reported before any child starts, and then
//! reads the clipboard back to confirm the letter is there.

#[cfg(target_os = "linux")]
use std::io::Write;
use std::io::{self, Read};
#[cfg(target_os = "linux")]
use std::process::{Command, Stdio};
#[cfg(target_os = "linux")]
use std::time::{Duration, Instant};

use arboard::Clipboard;

/// The hidden subcommand that runs the clipboard-serving child.
pub const SERVE_COMMAND: &str = "__serve-clipboard";

/// Puts `text` on the clipboard, or says why it can't.
pub fn copy(text: &str) -> Result<(), String> {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none_or(|v| v.is_empty())
        && std::env::var_os("WAYLAND_DISPLAY").is_none_or(|v| v.is_empty())
    {
        return Err("no clipboard: neither DISPLAY nor WAYLAND_DISPLAY is set".to_string());
    }
    let mut clipboard =
        Clipboard::new().map_err(|e| format!("the clipboard could not be opened: {e}"))?;
    #[cfg(target_os = "linux")]
    {
        spawn_server(text).map_err(|e| format!("the clipboard helper could not start: {e}"))?;
        confirm(&mut clipboard, text)
    }
    #[cfg(not(target_os = "linux"))]
    {
        clipboard
            .set_text(text)
            .map_err(|e| format!("the clipboard refused the letter: {e}"))
    }
}

/// Starts the detached child and hands it the text on its stdin. Its other
/// streams are null, so it never holds a `$(appeal ...)` capture open.
#[cfg(target_os = "linux")]
fn spawn_server(text: &str) -> io::Result<()> {
    use std::os::unix::process::CommandExt;
    let mut child = Command::new(std::env::current_exe()?)
        .arg(SERVE_COMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .current_dir("/")
        .process_group(0)
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin was piped above");
    stdin.write_all(text.as_bytes())?;
    Ok(())
}

/// Waits until the clipboard holds `text`, reading it as any other program would.
#[cfg(target_os = "linux")]
fn confirm(clipboard: &mut Clipboard, text: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if clipboard.get_text().is_ok_and(|t| t == text) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err("the clipboard did not take the letter within 5 seconds".to_string());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The child's side: read the letter from stdin, own the clipboard until
/// another program takes it over, then exit.
pub fn serve() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    let mut clipboard = Clipboard::new().map_err(io::Error::other)?;
    #[cfg(target_os = "linux")]
    {
        use arboard::SetExtLinux;
        clipboard.set().wait().text(text).map_err(io::Error::other)
    }
    #[cfg(not(target_os = "linux"))]
    clipboard.set_text(text).map_err(io::Error::other)
}
