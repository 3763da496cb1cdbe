//! The sandbox every integration test runs in: what its programs see of
//! the environment, read back from `env` run inside it.

mod common;

use std::collections::BTreeMap;

use common::{Sandbox, TODAY, stdout_of};

/// The environment `cmd` gives its program, as `env` prints it.
fn seen(mut cmd: std::process::Command) -> BTreeMap<String, String> {
    let out = cmd.output().expect("env runs");
    assert!(out.status.success());
    stdout_of(&out)
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn programs_see_the_sandbox_and_nothing_of_the_machine_but_path() {
    let sb = Sandbox::new();
    let env = seen(sb.command("env"));
    let keys: Vec<&str> = env.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "APPEAL_TODAY",
            "HOME",
            "LANG",
            "PATH",
            "TMPDIR",
            "XDG_CACHE_HOME",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_STATE_HOME",
        ],
        "{env:?}"
    );
    assert_eq!(env["APPEAL_TODAY"], TODAY);
    assert_eq!(env["LANG"], "C.UTF-8");
    for (key, sub) in [
        ("HOME", "home"),
        ("TMPDIR", "tmp"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ] {
        assert_eq!(env[key], sb.path(sub).to_str().unwrap(), "{key}");
    }
    // HOME and TMPDIR exist; the rest are left for appeal to make.
    assert!(sb.path("home").is_dir() && sb.path("tmp").is_dir());
    assert!(!sb.path("config").exists() && !sb.path("data").exists());
}

/// What `cmd` sets in the (cleared) environment of its program.
fn set(cmd: &std::process::Command) -> BTreeMap<String, String> {
    cmd.get_envs()
        .filter_map(|(k, v)| Some((k.to_str()?.to_string(), v?.to_str()?.to_string())))
        .collect()
}

#[test]
fn a_terminal_adds_its_type_and_a_display_only_itself() {
    let sb = Sandbox::new();
    let plain = set(&sb.std_appeal());
    assert_eq!(plain, seen(sb.command("env")), "appeal sees what env sees");
    let mut terminal = set(&sb.pty(&["list"]));
    assert_eq!(terminal.remove("TERM").as_deref(), Some("xterm-256color"));
    assert_eq!(terminal, plain);
    let mut display = set(&sb.on_display(":7", &["list"]));
    assert_eq!(display.remove("DISPLAY").as_deref(), Some(":7"));
    assert_eq!(display, plain);
}
