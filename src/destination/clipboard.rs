//! Copying a letter to the clipboard so that it outlives `appeal`.
//!
//! On X11 and Wayland the copied text lives only as long as the process
//! that owns it. As xclip and wl-copy do, `appeal` starts a small detached
//! copy of itself (`appeal __serve-clipboard`) that owns the clipboard until
//! another program copies something. The parent opens the clipboard first,
//! so that a missing display is reported before any child starts, and then
//! reads the clipboard back to confirm the letter is there.
//!
//! The server holds nothing but the letter and its display connection: it
//! starts with null streams, in its own process group, and with every other
//! descriptor of the caller closed, so a pipe such as `appeal … 9>&1 | cat`
//! or make's jobserver ends when `appeal` does. It ends when another
//! program (or another copy) takes the clipboard, and within a second of
//! its X server or Wayland compositor going away.

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
        return Err(crate::ui::tr!("delivery-clipboard-no-display"));
    }
    let mut clipboard = Clipboard::new()
        .map_err(|e| crate::ui::tr!("delivery-clipboard-not-opened", error = e.to_string()))?;
    #[cfg(target_os = "linux")]
    {
        spawn_server(text)
            .map_err(|e| crate::ui::tr!("delivery-clipboard-helper", error = e.to_string()))?;
        confirm(&mut clipboard, text)
    }
    #[cfg(not(target_os = "linux"))]
    {
        clipboard
            .set_text(text)
            .map_err(|e| crate::ui::tr!("delivery-clipboard-refused", error = e.to_string()))
    }
}

/// Starts the detached child and hands it the text on its stdin. Its other
/// streams are null, so it never holds a `$(appeal ...)` capture open, and
/// no other descriptor of ours reaches it.
#[cfg(target_os = "linux")]
fn spawn_server(text: &str) -> io::Result<()> {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(std::env::current_exe()?);
    command
        .arg(SERVE_COMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .current_dir("/")
        .process_group(0);
    // SAFETY: close_range is async-signal-safe and touches no memory. Marking
    // the descriptors close-on-exec, rather than closing them, keeps the
    // pipe that std uses to report a failed exec working. On a kernel
    // without the flag this fails and the server closes them itself.
    unsafe {
        command.pre_exec(|| {
            libc::close_range(
                3,
                libc::c_uint::MAX,
                libc::CLOSE_RANGE_CLOEXEC as libc::c_int,
            );
            Ok(())
        });
    }
    let mut child = command.spawn()?;
    let mut stdin = child.stdin.take().expect("stdin was piped above");
    stdin.write_all(text.as_bytes())?;
    Ok(())
}

/// Waits until the clipboard holds `text`, reading it as any other program would.
#[cfg(target_os = "linux")]
fn confirm(clipboard: &mut Clipboard, text: &str) -> Result<(), String> {
    const WAIT: Duration = Duration::from_secs(5);
    let deadline = Instant::now() + WAIT;
    loop {
        if clipboard.get_text().is_ok_and(|t| t == text) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(crate::ui::tr!(
                "delivery-clipboard-timeout",
                seconds = WAIT.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The child's side: read the letter from stdin, own the clipboard until
/// another program takes it over, then exit. A watch ends the process as
/// soon as the display it serves has gone.
pub fn serve() -> io::Result<()> {
    #[cfg(target_os = "linux")]
    close_inherited();
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    #[cfg(target_os = "linux")]
    {
        // Nor does it keep the pipe the letter came through.
        use std::os::fd::AsRawFd;
        let null = std::fs::File::open("/dev/null")?;
        // SAFETY: replaces stdin, which is read to its end, with /dev/null.
        unsafe { libc::dup2(null.as_raw_fd(), 0) };
    }
    let mut clipboard = Clipboard::new().map_err(io::Error::other)?;
    #[cfg(target_os = "linux")]
    {
        use arboard::SetExtLinux;
        let watch = display::Watch::open();
        std::thread::spawn(move || {
            watch.until_gone();
            std::process::exit(0)
        });
        clipboard.set().wait().text(text).map_err(io::Error::other)
    }
    #[cfg(not(target_os = "linux"))]
    clipboard.set_text(text).map_err(io::Error::other)
}

/// Closes every descriptor above stderr that the caller left open.
#[cfg(target_os = "linux")]
fn close_inherited() {
    // SAFETY: nothing in this process uses a descriptor above 2 yet.
    if unsafe { libc::close_range(3, libc::c_uint::MAX, 0) } == 0 {
        return;
    }
    // Kernels before 5.9 lack close_range: close what /proc lists.
    let Ok(entries) = std::fs::read_dir("/proc/self/fd") else {
        return;
    };
    let fds: Vec<i32> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .filter(|&fd| fd > 2)
        .collect();
    for fd in fds {
        // SAFETY: as above; the directory's own descriptor is closed after
        // the listing has been read, and closing it again fails harmlessly.
        unsafe { libc::close(fd) };
    }
}

/// Whether the display the server copies to is still there.
#[cfg(target_os = "linux")]
mod display {
    use std::os::unix::net::UnixStream;
    use std::path::PathBuf;
    use std::time::Duration;

    use x11rb::protocol::xproto::ConnectionExt;
    use x11rb::rust_connection::RustConnection;

    const EVERY: Duration = Duration::from_millis(250);

    /// A connection of its own to each display that answered at start-up.
    pub struct Watch {
        x11: Option<RustConnection>,
        wayland: Option<PathBuf>,
    }

    impl Watch {
        pub fn open() -> Watch {
            let x11 = std::env::var_os("DISPLAY")
                .filter(|d| !d.is_empty())
                .and_then(|_| x11rb::connect(None).ok())
                .map(|(conn, _)| conn);
            let wayland = wayland_socket().filter(|path| UnixStream::connect(path).is_ok());
            Watch { x11, wayland }
        }

        /// Returns once a display that answered before stops answering:
        /// the X server no longer replies, or nothing listens on the
        /// compositor's socket. Never returns when there was none.
        pub fn until_gone(self) {
            loop {
                std::thread::sleep(EVERY);
                if let Some(conn) = &self.x11 {
                    let alive = conn
                        .get_input_focus()
                        .is_ok_and(|cookie| cookie.reply().is_ok());
                    if !alive {
                        return;
                    }
                }
                if let Some(path) = &self.wayland
                    && UnixStream::connect(path).is_err()
                {
                    return;
                }
            }
        }
    }

    /// `$WAYLAND_DISPLAY`, as a path (relative names live in `$XDG_RUNTIME_DIR`).
    fn wayland_socket() -> Option<PathBuf> {
        let name = PathBuf::from(std::env::var_os("WAYLAND_DISPLAY").filter(|d| !d.is_empty())?);
        if name.is_absolute() {
            return Some(name);
        }
        Some(PathBuf::from(std::env::var_os("XDG_RUNTIME_DIR")?).join(name))
    }
}
