//! Shared by the integration tests: the binary under test, run in a clean,
//! reproducible environment.
#![allow(dead_code)]

pub mod documents;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// The date every test runs on, so deadlines and letter dates are fixed.
pub const TODAY: &str = "2026-11-28";

/// A scratch home for one test: config, data and any files it writes.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `appeal` with no inherited APPEAL_* settings, the fixed date, and
    /// config and data folders inside the sandbox.
    pub fn appeal(&self) -> Command {
        Command::from_std(self.std_appeal())
    }

    /// `appeal compose cecot --no-input`, for a test to add its flags to:
    /// nothing is asked, and a run that hangs is stopped after 20 seconds.
    pub fn compose(&self) -> Command {
        let mut cmd = self.appeal();
        cmd.args(["compose", "cecot", "--no-input"])
            .timeout(std::time::Duration::from_secs(20));
        cmd
    }

    /// `appeal` as [`Sandbox::appeal`], for input made to exhaust memory or
    /// time: under a real limit on its address space ([`MEMORY_LIMIT`],
    /// set with `setrlimit` before it starts), and stopped after 20 seconds.
    pub fn bounded(&self) -> Command {
        let mut cmd = Command::from_std(self.std_bounded());
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

    /// The same as [`Sandbox::appeal`], as a plain `std` command, for tests
    /// that set up stdio themselves.
    pub fn std_appeal(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("appeal"));
        for (key, _) in std::env::vars() {
            if key.starts_with("APPEAL_") {
                cmd.env_remove(key);
            }
        }
        // The interface speaks English unless a test says otherwise.
        for locale in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
            cmd.env_remove(locale);
        }
        cmd.env("LANG", "C.UTF-8")
            .env("APPEAL_TODAY", TODAY)
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .current_dir(self.dir.path());
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
}

/// The address space a [`Sandbox::bounded`] run may take: a few times
/// what a debug build of appeal needs for any command (under 100 MiB), a
/// fraction of what the hostile inputs took before they were bounded.
pub const MEMORY_LIMIT: u64 = 256 << 20;

/// Whether `bytes` hold anything a terminal acts on: ESC, BEL, another C0
/// control but line breaks and tabs, or a C1 control.
pub fn obeyed_by_a_terminal(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\u{c}'))
            || ('\u{80}'..='\u{9f}').contains(&c)
    })
}

/// Panics when stdout or stderr carries anything a terminal acts on.
pub fn assert_clean(what: &str, out: &std::process::Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(c) = obeyed_by_a_terminal(bytes) {
            panic!(
                "{what}: {stream} carries U+{:04X}:\n{}",
                c as u32,
                String::from_utf8_lossy(bytes).escape_debug()
            );
        }
    }
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The text of a fixture file.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("read fixture")
}

/// The shipped CECOT action's text.
pub fn cecot_yaml() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("actions/cecot.yaml"))
        .expect("read actions/cecot.yaml")
}

/// The output of a finished command as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}
