//! The one scratch home every integration test runs `appeal` in: the same
//! environment for plain runs, pseudo-terminals and X displays, built from
//! nothing rather than inherited.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The date every test runs on, so deadlines and letter dates are fixed.
pub const TODAY: &str = "2026-11-28";

/// The address space a [`Sandbox::bounded`] run may take: a few times
/// what a debug build of appeal needs for any command (under 100 MiB), a
/// fraction of what the hostile inputs took before they were bounded.
pub const MEMORY_LIMIT: u64 = 256 << 20;

/// A scratch home for one test, removed when dropped. Its folder is the
/// working directory; inside it:
///
/// - `home/`: `HOME`;
/// - `tmp/`: `TMPDIR`;
/// - `config/`: `XDG_CONFIG_HOME` (the config file is
///   [`Sandbox::config_file`]);
/// - `data/`: `XDG_DATA_HOME`, where the history, the rescued letters and
///   the feeds go;
/// - `cache/`, `state/`: `XDG_CACHE_HOME`, `XDG_STATE_HOME`.
///
/// `config/` and `data/` are left for appeal to make, so a test can tell
/// whether it did.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for sub in ["home", "tmp"] {
            std::fs::create_dir(dir.path().join(sub)).expect("a folder in the sandbox");
        }
        Sandbox { dir }
    }

    /// The sandbox's folder, which is also the working directory.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Where appeal remembers the writer's answers.
    pub fn config_file(&self) -> PathBuf {
        self.path("config/appeal/config.yaml")
    }

    /// Gives `cmd` the sandbox's environment and nothing else: the machine's
    /// `PATH`; `HOME`, `TMPDIR` and the `XDG_*` folders inside the sandbox;
    /// `LANG=C.UTF-8` (no `LANGUAGE` or `LC_*`); `APPEAL_TODAY` and no other
    /// `APPEAL_*`; no display, terminal type, proxy, certificate or colour
    /// setting. A test adds what it is about.
    pub fn isolate<'c>(&self, cmd: &'c mut std::process::Command) -> &'c mut std::process::Command {
        cmd.env_clear()
            .env(
                "PATH",
                std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
            )
            .env("HOME", self.path("home"))
            .env("TMPDIR", self.path("tmp"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("LANG", "C.UTF-8")
            .env("APPEAL_TODAY", TODAY)
            .current_dir(self.root())
    }

    /// `program` (any program: a shell, minisign) in the sandbox's
    /// environment, as [`Sandbox::isolate`] makes it.
    pub fn command(&self, program: impl AsRef<OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        self.isolate(&mut cmd);
        cmd
    }

    /// `appeal` in the sandbox, as a plain `std` command, for tests that set
    /// up stdio themselves.
    pub fn std_appeal(&self) -> std::process::Command {
        self.command(appeal_bin())
    }

    /// `appeal` in the sandbox.
    pub fn appeal(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_appeal())
    }

    /// `appeal compose cecot --no-input`, for a test to add its flags to:
    /// nothing is asked, and a run that hangs is stopped after 20 seconds.
    pub fn compose(&self) -> assert_cmd::Command {
        let mut cmd = self.appeal();
        cmd.args(["compose", "cecot", "--no-input"])
            .timeout(Duration::from_secs(20));
        cmd
    }

    /// `appeal ARGS` for a pseudo-terminal: as [`Sandbox::std_appeal`], with
    /// the `TERM` of a colour terminal.
    pub fn pty(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = self.std_appeal();
        cmd.args(args).env("TERM", "xterm-256color");
        cmd
    }

    /// `appeal ARGS` on the X server `display` (`DISPLAY`, no Wayland).
    pub fn on_display(&self, display: &str, args: &[&str]) -> std::process::Command {
        let mut cmd = self.std_appeal();
        cmd.args(args).env("DISPLAY", display);
        cmd
    }

    /// `appeal` as [`Sandbox::appeal`], for input made to exhaust memory or
    /// time: under a real limit on its address space ([`MEMORY_LIMIT`],
    /// set with `setrlimit` before it starts), and stopped after 20 seconds.
    pub fn bounded(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std_bounded());
        cmd.timeout(Duration::from_secs(20));
        cmd
    }

    /// As [`Sandbox::bounded`], as a plain `std` command and without the
    /// timeout, for tests that feed stdin themselves.
    pub fn std_bounded(&self) -> std::process::Command {
        let mut cmd = self.std_appeal();
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: setrlimit is async-signal-safe, and the closure
            // touches nothing else of the parent's.
            unsafe {
                cmd.pre_exec(|| {
                    let limit = libc::rlimit {
                        rlim_cur: MEMORY_LIMIT,
                        rlim_max: MEMORY_LIMIT,
                    };
                    if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        cmd
    }

    /// Writes `text` to `name` in the sandbox and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create fixture folder");
        }
        std::fs::write(&path, text).expect("write fixture");
        path
    }

    /// Every file appeal could have put a letter in: all of the sandbox but
    /// `home/`, `tmp/`, `config/` and the history, sorted.
    pub fn written_files(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(self.root(), &mut files);
        let skipped = ["home", "tmp", "config"].map(|sub| self.path(sub));
        let history = self.path("data/appeal/history.sqlite");
        files.retain(|f| *f != history && !skipped.iter().any(|s| f.starts_with(s)));
        files.sort();
        files
    }
}

/// The built `appeal` under test.
pub fn appeal_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_appeal"))
}
