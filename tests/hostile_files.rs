//! Hostile input, the second review: message files, batch files, file
//! names that become ids or letters' names, JSON and calendar output, and
//! links planted in a batch folder. One fixture per finding, generated here
//! where it is large; each run is bounded by a real memory limit and a
//! guard timeout (`Sandbox::bounded`), ends with a documented exit code,
//! prints nothing raw, and writes nothing outside its place.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Sandbox, assert_clean, exit, stderr_of, stdout_of};

/// Every file and folder under `dir`, as paths relative to it: what a run
/// wrote, to compare with what it should have.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&at) else {
            continue;
        };
        for entry in entries.map(Result::unwrap) {
            let path = entry.path();
            found.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            }
        }
    }
    found
}

/// `tree` after a run holds what it held before and nothing else.
fn assert_nothing_written(sb: &Sandbox, before: &BTreeSet<PathBuf>) {
    let after = tree(sb.dir.path());
    let new: Vec<_> = after.difference(before).collect();
    assert!(new.is_empty(), "written: {new:?}");
}

#[test]
fn a_message_file_nested_a_hundred_thousand_deep_is_refused_before_it_is_parsed() {
    let sb = Sandbox::new();
    // Generated: 200 KB of braces, and the same depth of calls.
    let n = 100_000;
    sb.write(
        "es/deep.ftl",
        &format!("m = {}{}\n", "{".repeat(n), "}".repeat(n)),
    );
    sb.write(
        "es/calls.ftl",
        &format!("ok = fine\nm = {{ {}{} }}\n", "F(".repeat(n), ")".repeat(n)),
    );
    let before = tree(sb.dir.path());
    for (file, line) in [("es/deep.ftl", 1), ("es/calls.ftl", 2)] {
        let out = sb.bounded().args(["check", file]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::FAILURE),
            "{file}: {}",
            stderr_of(&out)
        );
        assert_clean(file, &out);
        assert!(
            stdout_of(&out).contains(&format!(
                "{file}:{line}: error: nests placeables or calls more than 16 deep"
            )),
            "{file}: {}",
            stdout_of(&out)
        );
    }
    assert_nothing_written(&sb, &before);
}

#[test]
fn a_message_file_of_ninety_thousand_messages_is_checked_in_one_pass() {
    let sb = Sandbox::new();
    // Generated: 90,000 messages (980 KB), each using another message, so
    // that every one is reported with its line.
    let text: String = (0..90_000).map(|i| format!("m{i}={{x}}\n")).collect();
    sb.write("es/many.ftl", &text);
    let out = sb
        .bounded()
        .args(["check", "es/many.ftl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::FAILURE),
        "{}",
        stderr_of(&out)
    );
    assert_clean("check", &out);
    let said = stdout_of(&out);
    for (line, id) in [(1, "m0"), (45_678, "m45677"), (90_000, "m89999")] {
        assert!(
            said.contains(&format!("es/many.ftl:{line}: error: `{id}` uses x:")),
            "{id} at line {line}"
        );
    }
}

/// Runs `cmd` with `feed` writing its stdin (until it has written all or
/// the pipe breaks), stopped with a panic if it runs past 20 seconds.
fn run_fed(
    mut cmd: std::process::Command,
    feed: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()> + Send + 'static,
) -> std::process::Output {
    use std::process::Stdio;
    use std::sync::mpsc;
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // A reader that stops reading breaks the pipe: that ends the feed.
        let _ = feed(&mut stdin);
    });
    let pid = child.id() as i32;
    let (done, finished) = mpsc::channel::<()>();
    let guard = std::thread::spawn(move || {
        let late = finished
            .recv_timeout(std::time::Duration::from_secs(20))
            .is_err();
        if late {
            // SAFETY: kill(2) on our own child's pid.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        late
    });
    let out = child.wait_with_output().unwrap();
    let _ = done.send(());
    assert!(!guard.join().unwrap(), "still running after 20 seconds");
    writer.join().unwrap();
    out
}

#[test]
fn a_quoted_csv_cell_over_many_lines_is_one_row_and_stops_at_its_limit() {
    let sb = Sandbox::new();
    // Generated as it is read: a cell of 300 MB of short lines, which held
    // 840 MB when the limit counted lines, not rows.
    let mut cmd = sb.std_bounded();
    cmd.args([
        "compose",
        "cecot",
        "--batch",
        "-",
        "--batch-format",
        "csv",
        "--jsonl",
    ]);
    let out = run_fed(cmd, |stdin| {
        stdin.write_all(b"name,note\nAna,ok\nBen,\"")?;
        let chunk = "a line of the note\n".repeat(4096);
        for _ in 0..300_000_000 / chunk.len() {
            stdin.write_all(chunk.as_bytes())?;
        }
        stdin.write_all(b"\"\nCarl,ok\n")
    });
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert_clean("batch", &out);
    assert!(
        stderr_of(&out).contains("row 2: is longer than 1024 KiB"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out).lines().count(), 1, "Ana's letter, alone");
    assert!(stdout_of(&out).contains("\"signer\":\"Ana\""));
}

#[test]
fn two_columns_or_keys_for_the_same_field_are_refused_naming_both() {
    let sb = Sandbox::new();
    sb.write("names.csv", "name,city,Name,NAME\nAna,Lyon,Eve,Mallory\n");
    sb.write(
        "names.jsonl",
        "{\"name\":\"Ana\"}\n{\"name\":\"Ben\",\"city\":\"Rome\",\"name\":\"Eve\"}\n",
    );
    let before = tree(sb.dir.path());
    let out = sb
        .bounded()
        .args([
            "compose",
            "cecot",
            "--batch",
            "names.csv",
            "--out-dir",
            "out",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert!(
        stderr_of(&out).contains(
            "names.csv: `name` and `Name` are the same field (`name`); keep only one of them"
        ),
        "{}",
        stderr_of(&out)
    );
    assert_nothing_written(&sb, &before);

    let out = sb
        .bounded()
        .args(["compose", "cecot", "--batch", "names.jsonl", "--jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::BAD_INPUT),
        "{}",
        stderr_of(&out)
    );
    assert!(
        stderr_of(&out).contains("row 2: `name` and `name` are the same field"),
        "{}",
        stderr_of(&out)
    );
    let letters = stdout_of(&out);
    assert_eq!(letters.lines().count(), 1, "{letters}");
    assert!(!letters.contains("Eve"), "{letters}");
}

#[test]
fn invisible_characters_never_reach_a_letters_file_name() {
    let sb = Sandbox::new();
    // Zero-width space, left-to-right and right-to-left marks, a word
    // joiner: prose may hold them, file names may not.
    sb.write(
        "signers.csv",
        "name,party\nAna\u{200B}Díaz\u{200E},x\u{200F}y\nBen\u{2060}Okafor,\u{FEFF}z\n",
    );
    let out = sb
        .bounded()
        .args([
            "compose",
            "cecot",
            "--batch",
            "signers.csv",
            "--out-dir",
            "out",
            "--name-template",
            "{{row}}\u{200B}-{{name}}-{{party}}.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_clean("batch", &out);
    let names: BTreeSet<String> = std::fs::read_dir(sb.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "1-AnaDíaz-xy.txt".to_string(),
            "2-BenOkafor-z.txt".to_string()
        ])
    );
}

/// The shipped CECOT action, as a stranger's file named `name` in `dir`.
fn planted_action(sb: &Sandbox, dir: &str, name: &str) -> String {
    let path = format!("{dir}/{name}");
    sb.write(&path, &common::cecot_yaml());
    path
}

#[test]
fn a_file_name_that_is_no_id_is_refused_by_path_too_and_shown_escaped() {
    let sb = Sandbox::new();
    for (name, shown) in [
        ("x\u{1b}]0;t\u{7}.yaml", "`x\\e]0;t\\u{7}`"),
        ("free\u{202E}txt.yaml", "`free\\u{202E}txt`"),
        ("ce\u{200B}cot.yaml", "`ce\\u{200B}cot`"),
        ("evil\rBEGIN:VEVENT.yaml", "`evil\\u{D}BEGIN:VEVENT`"),
    ] {
        let path = planted_action(&sb, "mail", name);
        let before = tree(sb.dir.path());
        for args in [
            vec!["show", &path],
            vec!["show", "--json", &path],
            vec!["remind", &path, "-o", "deadline.ics"],
            vec!["compose", &path, "--no-input", "--name", "A", "-o", "a.txt"],
        ] {
            let out = sb.bounded().args(&args).output().unwrap();
            let what = format!("{name:?}: {}", args[0]);
            assert_eq!(
                out.status.code(),
                Some(exit::BAD_INPUT),
                "{what}: {}",
                stderr_of(&out)
            );
            assert_clean(&what, &out);
            let err = stderr_of(&out);
            assert!(
                err.contains(&format!("its name can't be an action's id ({shown})")),
                "{what}: {err}"
            );
            assert!(out.stdout.is_empty(), "{what}");
            assert_nothing_written(&sb, &before);
        }
    }
}

#[test]
fn json_output_escapes_c1_and_bidi_controls_as_well() {
    let sb = Sandbox::new();
    // A folder's name is the user's, and `list --json` and `show --json`
    // quote it; a signer's name may hold a zero-width space.
    let dir = "mine\u{9b}\u{202E}\u{85}";
    let path = planted_action(&sb, dir, "cecot.yaml");
    let raw = |c: char| {
        ('\u{7f}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    for args in [
        vec!["--actions-dir", dir, "list", "--json"],
        vec!["show", "--json", &path],
    ] {
        let out = sb.bounded().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
        let text = stdout_of(&out);
        assert!(!text.chars().any(raw), "{args:?}: {}", text.escape_debug());
        assert!(
            text.contains("mine\\u009b\\u202e\\u0085"),
            "{args:?}: {text}"
        );
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(json.to_string().contains(dir), "the same text, once read");
    }
    sb.write("s.jsonl", "{\"name\":\"Ana\u{200B}D\u{200F}\"}\n");
    let out = sb
        .bounded()
        .args(["compose", "cecot", "--batch", "s.jsonl", "--jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(!text.chars().any(raw), "{}", text.escape_debug());
    assert!(text.contains("\"signer\":\"Ana\\u200bD\\u200f\""), "{text}");
}

/// The rescue folder a message names: `… were saved to DIR instead`.
fn saved_folder(err: &str) -> PathBuf {
    err.split("were saved to ")
        .nth(1)
        .and_then(|rest| rest.split(" instead").next())
        .expect("the rescue folder is named")
        .into()
}

#[cfg(unix)]
#[test]
fn links_and_fifos_planted_in_a_batch_folder_are_replaced_or_rescued_never_followed() {
    let sb = Sandbox::new();
    sb.write("s.csv", "name\nAna\nBen\nEve\n");
    let victim = sb.write("outside/victim.txt", "not a letter");
    std::fs::create_dir_all(sb.path("out")).unwrap();
    std::os::unix::fs::symlink(&victim, sb.path("out/1-Ana-en.txt")).unwrap();
    std::os::unix::fs::symlink(sb.path("outside/new.txt"), sb.path("out/2-Ben-en.txt")).unwrap();
    let fifo = std::ffi::CString::new(
        sb.path("out/3-Eve-en.txt")
            .into_os_string()
            .into_encoded_bytes(),
    )
    .unwrap();
    // SAFETY: mkfifo on a path of the sandbox.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let run = |force: bool| {
        let mut cmd = sb.bounded();
        cmd.args(["compose", "cecot", "--batch", "s.csv", "--out-dir", "out"]);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };

    // Without --force: each is there like a file; its letter is rescued.
    let out = run(false);
    assert_eq!(
        out.status.code(),
        Some(exit::DELIVERY),
        "{}",
        stderr_of(&out)
    );
    assert_clean("batch", &out);
    let err = stderr_of(&out);
    assert!(
        err.contains("0 letters written to out, 3 kept in the rescue folder"),
        "{err}"
    );
    let rescued = saved_folder(&err);
    assert!(
        rescued.starts_with(sb.path("data/appeal/unsent")),
        "{rescued:?}"
    );
    assert_eq!(
        tree(&rescued),
        BTreeSet::from(["1-Ana-en.txt", "2-Ben-en.txt", "3-Eve-en.txt"].map(PathBuf::from))
    );
    assert!(
        std::fs::read_to_string(rescued.join("1-Ana-en.txt"))
            .unwrap()
            .contains("Ana")
    );

    // With --force, which the message suggests: the entries are replaced.
    let out = run(true);
    assert!(out.status.success(), "{}", stderr_of(&out));
    for name in ["1-Ana-en.txt", "2-Ben-en.txt", "3-Eve-en.txt"] {
        let path = sb.path("out").join(name);
        assert!(
            std::fs::symlink_metadata(&path).unwrap().is_file(),
            "{name}"
        );
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("Dear Secretary")
        );
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not a letter");
    assert_eq!(
        tree(&sb.path("outside")),
        BTreeSet::from([PathBuf::from("victim.txt")])
    );
}

#[test]
fn list_marks_an_action_of_the_users_folders_that_stands_in_for_a_built_in() {
    let sb = Sandbox::new();
    // As an import titled "CECOT" would leave it, and one of the user's own.
    planted_action(&sb, "data/appeal/actions", "cecot.yaml");
    let mut own = common::cecot_yaml();
    own = own.replacen("title:", "title: Mine,", 1);
    sb.write("mine/own-action.yaml", &own);
    let out = sb
        .bounded()
        .args(["--actions-dir", "mine", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let table = stdout_of(&out);
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no {id} in {table}"))
            .to_string()
    };
    assert!(
        row("cecot").contains("imported (in place of the built-in)"),
        "{table}"
    );
    assert!(!row("own-action").contains("in place of"), "{table}");

    let out = sb
        .bounded()
        .args(["--actions-dir", "mine", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout_of(&out)).unwrap();
    let of = |id: &str| list.iter().find(|a| a["id"] == id).unwrap().clone();
    assert_eq!(of("cecot")["shadows"], "built-in");
    assert_eq!(of("cecot")["from"], "imported");
    assert_eq!(of("own-action")["shadows"], serde_json::Value::Null);
    // Without the import, the built-in one is listed, and shadows nothing.
    std::fs::remove_file(sb.path("data/appeal/actions/cecot.yaml")).unwrap();
    let out = sb.bounded().args(["list", "--json"]).output().unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout_of(&out)).unwrap();
    let cecot = list.iter().find(|a| a["id"] == "cecot").unwrap();
    assert_eq!(
        (&cecot["from"], &cecot["shadows"]),
        (&"built-in".into(), &serde_json::Value::Null)
    );
}
