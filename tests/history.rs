//! The letter history (`appeal history`, what `compose` records, `list`'s
//! LAST WRITTEN column) and deadline reminders (`appeal remind`).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use common::{Sandbox, cecot_yaml, exit, stderr_of, stdout_of};
use icalendar::parser::{Component, read_calendar, unfold};
use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn history_file(sb: &Sandbox) -> PathBuf {
    sb.path("data/appeal/history.sqlite")
}

/// The history, read through SQLite itself.
fn db(sb: &Sandbox) -> Connection {
    Connection::open(history_file(sb)).expect("the history opens")
}

fn count(sb: &Sandbox) -> i64 {
    db(sb)
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .unwrap()
}

/// SHA-256 in hex, computed here rather than by the program under test.
fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `appeal ARGS --json`'s array.
fn json_array(sb: &Sandbox, args: &[&str]) -> Vec<Value> {
    let out = sb.appeal().args(args).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    serde_json::from_str::<Value>(&stdout_of(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// `appeal history ARGS --json`'s records.
fn history_json(sb: &Sandbox, args: &[&str]) -> Vec<Value> {
    json_array(sb, &[&["history"], args].concat())
}

/// `appeal ARGS`, finished.
fn run(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    sb.appeal().args(args).output().unwrap()
}

fn compose_ok(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    let out = sb
        .compose()
        .args(["--name", "Ana Díaz"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    out
}

/// A letter for an action of [`actions`]' folder, signed `name`.
fn compose_in_acts(sb: &Sandbox, action: &str, name: &str) {
    let out = run(
        sb,
        &[
            "compose",
            action,
            "--actions-dir",
            "acts",
            "--no-input",
            "--name",
            name,
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
}

/// An action folder with `open`, whose deadline is after the test's date,
/// and `closed`, whose deadline has passed.
fn actions(sb: &Sandbox) {
    let yaml = cecot_yaml();
    assert!(yaml.contains("\ndeadline: 2025-07-01\n"));
    sb.write(
        "acts/open.yaml",
        &yaml.replace("\ndeadline: 2025-07-01\n", "\ndeadline: 2026-12-15\n"),
    );
    sb.write("acts/closed.yaml", &yaml);
}

#[test]
fn two_composes_then_history_json_shows_both_with_their_forms() {
    let sb = Sandbox::new();
    compose_ok(&sb, &[]);
    compose_ok(&sb, &["-o", "letter.eml"]);
    let records = history_json(&sb, &[]);
    assert_eq!(records.len(), 2, "{records:?}");
    // Newest first.
    let (eml, txt) = (&records[0], &records[1]);
    assert_eq!(eml["form"], "eml");
    assert_eq!(eml["destination"], "file");
    assert_eq!(
        PathBuf::from(eml["path"].as_str().unwrap()),
        sb.path("letter.eml").canonicalize().unwrap()
    );
    assert_eq!(txt["form"], "txt");
    assert_eq!(txt["destination"], "stdout");
    assert_eq!(txt["path"], Value::Null);
    for r in &records {
        assert_eq!(r["kind"], "letter");
        assert_eq!(r["action"], "cecot");
        assert_eq!(r["title"], "Stop illegal expulsions to El Salvador");
        assert_eq!(r["target"], "Kristi Noem");
        assert_eq!(r["lang"], "en");
        assert_eq!(r["date"], common::TODAY);
        assert_eq!(r["text_kept"], true);
    }
    assert!(eml["id"].as_i64() > txt["id"].as_i64());
    // The hash is of the bytes delivered.
    let file = std::fs::read(sb.path("letter.eml")).unwrap();
    assert_eq!(eml["sha256"], hex(&file));
    // `history` with an action filters; the table names both forms.
    assert_eq!(history_json(&sb, &["cecot"]).len(), 2);
    assert!(history_json(&sb, &["other"]).is_empty());
    let out = run(&sb, &["history"]);
    let table = stdout_of(&out);
    assert!(table.starts_with("#  DATE"), "{table}");
    assert!(table.contains("eml") && table.contains("stdout"), "{table}");
}

#[test]
fn the_database_is_private_and_versioned() {
    let sb = Sandbox::new();
    compose_ok(&sb, &[]);
    let mode = |p: PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(history_file(&sb)), 0o600);
    assert_eq!(mode(sb.path("data/appeal")), 0o700);
    let conn = db(&sb);
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 1);
    // A rollback journal, not WAL: nothing is left beside the file.
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_ne!(journal, "wal");
    let beside: Vec<String> = std::fs::read_dir(sb.path("data/appeal"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["history.sqlite"]);
}

#[test]
fn a_history_kept_in_wal_is_read_and_moved_to_a_rollback_journal() {
    let sb = Sandbox::new();
    compose_ok(&sb, &[]);
    {
        let old = db(&sb);
        let mode: String = old
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
    let second = compose_ok(&sb, &[]);
    assert!(stderr_of(&second).contains("You wrote to Kristi Noem"));
    assert_eq!(count(&sb), 2);
    let mode: String = db(&sb)
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_ne!(mode, "wal");
}

#[test]
fn show_prints_the_letter_as_it_was_sent() {
    let sb = Sandbox::new();
    let sent = stdout_of(&compose_ok(&sb, &["--note", "I care about this."]));
    let id = history_json(&sb, &[])[0]["id"].as_i64().unwrap();
    let out = run(&sb, &["history", "--show", &id.to_string()]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), sent);
    let missing = run(&sb, &["history", "--show", "999"]);
    assert_eq!(missing.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&missing).contains("no record 999"));
}

#[test]
fn a_second_letter_mentions_the_first_and_is_still_written() {
    let sb = Sandbox::new();
    let first = compose_ok(&sb, &["-o", "one.txt"]);
    assert!(!stderr_of(&first).contains("You wrote"));
    let second = compose_ok(&sb, &["-o", "two.pdf"]);
    assert!(
        stderr_of(&second)
            .contains("You wrote to Kristi Noem for this action on 28 November 2026 (txt)"),
        "{}",
        stderr_of(&second)
    );
    assert!(sb.path("two.pdf").exists());
    assert_eq!(count(&sb), 2);
}

#[test]
fn twenty_composes_at_once_leave_twenty_records() {
    let sb = Sandbox::new();
    let children: Vec<_> = (0..20)
        .map(|i| {
            sb.std_appeal()
                .args(["compose", "cecot", "--no-input", "--name"])
                .arg(format!("Signer {i}"))
                .args(["-o", &format!("letter-{i}.txt")])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = stderr_of(&out);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains("history"), "{stderr}");
    }
    assert_eq!(count(&sb), 20);
    let paths: std::collections::BTreeSet<String> = db(&sb)
        .prepare("SELECT path FROM records")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(paths.len(), 20, "one record per letter");
}

#[test]
fn a_corrupt_history_still_lets_the_letter_out() {
    let sb = Sandbox::new();
    let junk = "this is not a database\n".repeat(200);
    sb.write("data/appeal/history.sqlite", &junk);
    let out = sb
        .compose()
        .args(["--name", "Ana", "-o", "letter.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK), "{}", stderr_of(&out));
    assert!(
        std::fs::read_to_string(sb.path("letter.txt"))
            .unwrap()
            .contains("Ana")
    );
    let stderr = stderr_of(&out);
    assert!(stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("history.sqlite"), "{stderr}");
    assert!(stderr.contains("not recorded"), "{stderr}");
    // The broken file is reported, never replaced.
    assert_eq!(std::fs::read_to_string(history_file(&sb)).unwrap(), junk);
}

#[test]
fn a_locked_history_still_lets_the_letter_out() {
    let sb = Sandbox::new();
    compose_ok(&sb, &[]);
    // Another program holds the write lock for the whole compose.
    let holder = db(&sb);
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let out = sb
        .compose()
        .args(["--name", "Ana", "-o", "letter.txt"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::OK), "{}", stderr_of(&out));
    assert!(sb.path("letter.txt").exists());
    assert!(
        stderr_of(&out).contains("not recorded"),
        "{}",
        stderr_of(&out)
    );
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(count(&sb), 1);
}

/// A guard against a hang, not a measure of speed: every run below ends
/// within milliseconds, or waits about a second for a busy history.
const GUARD: std::time::Duration = std::time::Duration::from_secs(15);

/// `appeal ARGS`, stopped if it hangs.
fn run_guarded(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    sb.appeal()
        .args(args)
        .timeout(GUARD)
        .output()
        .expect("appeal runs")
}

/// A letter to `letter.txt` that must be delivered, with its stderr.
fn letter_delivered_despite_the_history(sb: &Sandbox) -> String {
    let out = run_guarded(
        sb,
        &[
            "compose",
            "cecot",
            "--no-input",
            "--name",
            "Ana",
            "-o",
            "letter.txt",
        ],
    );
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(exit::OK), "{stderr}");
    let letter = std::fs::read_to_string(sb.path("letter.txt")).expect("the letter is written");
    assert!(letter.contains("Ana"), "{letter}");
    assert!(stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("not recorded"), "{stderr}");
    stderr
}

#[test]
fn a_fifo_at_the_history_path_blocks_no_letter_nor_list_nor_history() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("data/appeal")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(history_file(&sb))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let stderr = letter_delivered_despite_the_history(&sb);
    assert!(stderr.contains("not a regular file"), "{stderr}");
    // `list` leaves the column empty, with the same reason.
    let list = run_guarded(&sb, &["list"]);
    assert_eq!(list.status.code(), Some(exit::OK), "{}", stderr_of(&list));
    assert!(stdout_of(&list).contains("cecot"));
    assert!(
        stderr_of(&list).contains("not a regular file"),
        "{}",
        stderr_of(&list)
    );
    // `history` can't read it, says why, and ends.
    let history = run_guarded(&sb, &["history"]);
    assert!(
        history.status.code().is_some_and(|c| c != exit::OK),
        "{history:?}"
    );
    assert!(
        stderr_of(&history).contains("not a regular file"),
        "{}",
        stderr_of(&history)
    );
    // Left as it was: still a FIFO, never replaced by a file.
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(history_file(&sb))
        .unwrap()
        .file_type();
    assert!(kind.is_fifo());
}

#[test]
fn a_link_at_the_history_path_is_not_followed() {
    let sb = Sandbox::new();
    // A history elsewhere, with one letter in it, and a link to it.
    compose_ok(&sb, &[]);
    let elsewhere = sb.path("elsewhere.sqlite");
    std::fs::rename(history_file(&sb), &elsewhere).unwrap();
    let before = std::fs::read(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, history_file(&sb)).unwrap();
    let stderr = letter_delivered_despite_the_history(&sb);
    assert!(stderr.contains("symbolic link"), "{stderr}");
    let history = run_guarded(&sb, &["history"]);
    assert!(
        history.status.code().is_some_and(|c| c != exit::OK),
        "{history:?}"
    );
    assert!(stderr_of(&history).contains("symbolic link"));
    // Neither the link nor what it points to was touched.
    assert!(
        std::fs::symlink_metadata(history_file(&sb))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
}

#[test]
fn a_history_another_process_holds_delays_no_letter_nor_list_nor_history() {
    let sb = Sandbox::new();
    compose_ok(&sb, &[]);
    // Another program takes the whole file for itself, readers shut out
    // too, and keeps it.
    let holder = db(&sb);
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    holder
        .execute("DELETE FROM records", [])
        .expect("the holder writes");
    let stderr = letter_delivered_despite_the_history(&sb);
    assert!(stderr.contains("locked"), "{stderr}");
    let list = run_guarded(&sb, &["list"]);
    assert_eq!(list.status.code(), Some(exit::OK), "{}", stderr_of(&list));
    assert!(stderr_of(&list).contains("locked"), "{}", stderr_of(&list));
    let history = run_guarded(&sb, &["history"]);
    assert!(
        history.status.code().is_some_and(|c| c != exit::OK),
        "{history:?}"
    );
    assert!(
        stderr_of(&history).contains("locked"),
        "{}",
        stderr_of(&history)
    );
    // What the other program wrote stands once it is done.
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    assert_eq!(count(&sb), 0);
}

#[test]
fn an_appeal_killed_while_it_records_has_delivered_and_leaves_a_sound_history() {
    let sb = Sandbox::new();
    compose_ok(&sb, &[]);
    let holder = db(&sb);
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    holder.execute("DELETE FROM records", []).unwrap();
    let mut child = sb
        .std_appeal()
        .args(["compose", "cecot", "--no-input", "--name", "Ana"])
        .args(["-o", "letter.txt"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The letter is out while appeal still waits to record it.
    let started = std::time::Instant::now();
    while !sb.path("letter.txt").exists() {
        assert!(started.elapsed() < GUARD, "no letter");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        std::fs::read_to_string(sb.path("letter.txt"))
            .unwrap()
            .contains("Ana")
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let conn = db(&sb);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(count(&sb), 1);
}

#[test]
fn no_history_records_nothing() {
    let sb = Sandbox::new();
    compose_ok(&sb, &["--no-history"]);
    assert!(!history_file(&sb).exists());
    let out = sb
        .compose()
        .args(["--name", "Ana"])
        .env("APPEAL_NO_HISTORY", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!history_file(&sb).exists());
    compose_ok(&sb, &[]);
    compose_ok(&sb, &["--no-history"]);
    assert_eq!(count(&sb), 1);
}

#[test]
fn config_history_text_false_keeps_the_record_without_the_letter() {
    let sb = Sandbox::new();
    sb.write(
        "config/appeal/config.yaml",
        "name: Ana Díaz\nhistory:\n  text: false\n",
    );
    let out = sb.compose().output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let (text, sha): (Option<String>, String) = db(&sb)
        .query_row("SELECT text, sha256 FROM records", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(text, None);
    assert_eq!(sha, hex(&out.stdout));
    assert_eq!(history_json(&sb, &[])[0]["text_kept"], false);
    let show = run(&sb, &["history", "--show", "1"]);
    assert_eq!(show.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&show).contains("text: false"));
}

#[test]
fn forget_removes_the_records() {
    let sb = Sandbox::new();
    actions(&sb);
    for action in ["open", "closed", "open"] {
        compose_in_acts(&sb, action, "Quetzal Ngozi");
    }
    assert_eq!(count(&sb), 3);
    let out = run(&sb, &["history", "--forget", "open"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("forgot 2 records"));
    let left: Vec<String> = history_json(&sb, &[])
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(left, ["closed"]);
    // The letters' text is in the file until every record is forgotten;
    // then it is gone from the file, not only hidden.
    let needle = b"Quetzal Ngozi";
    let bytes = std::fs::read(history_file(&sb)).unwrap();
    assert!(bytes.windows(needle.len()).any(|w| w == needle));
    let none = run(&sb, &["history", "--forget"]);
    assert_eq!(none.status.code(), Some(exit::USAGE));
    let all = run(&sb, &["history", "--forget", "--all"]);
    assert!(all.status.success(), "{}", stderr_of(&all));
    assert_eq!(count(&sb), 0);
    assert!(history_json(&sb, &[]).is_empty());
    let mut wal = history_file(&sb).into_os_string();
    wal.push("-wal");
    for file in [history_file(&sb), PathBuf::from(wal)] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{file:?}"
        );
    }
}

#[test]
fn a_batch_is_one_record() {
    let sb = Sandbox::new();
    sb.write(
        "signers.csv",
        "name,city\nAna,Quito\nBen,Lagos\nChloé,Lyon\n",
    );
    let out = run(
        &sb,
        &[
            "compose",
            "cecot",
            "--batch",
            "signers.csv",
            "--out-dir",
            "letters",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let records = history_json(&sb, &[]);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["kind"], "batch");
    assert_eq!(r["count"], 3);
    assert_eq!(r["destination"], "folder");
    assert_eq!(
        PathBuf::from(r["path"].as_str().unwrap()),
        sb.path("letters").canonicalize().unwrap()
    );
    assert_eq!(
        PathBuf::from(r["input"].as_str().unwrap()),
        sb.path("signers.csv").canonicalize().unwrap()
    );
    let out = run(
        &sb,
        &["compose", "cecot", "--batch", "signers.csv", "--no-history"],
    );
    assert!(out.status.success());
    assert_eq!(count(&sb), 1);
}

#[test]
fn list_says_when_you_last_wrote_and_open_hides_passed_deadlines() {
    let sb = Sandbox::new();
    actions(&sb);
    let list =
        |extra: &[&str]| json_array(&sb, &[&["list", "--actions-dir", "acts"], extra].concat());
    let find = |rows: &[Value], id: &str| rows.iter().find(|r| r["id"] == id).cloned();
    let before = list(&[]);
    assert_eq!(find(&before, "open").unwrap()["last_written"], Value::Null);
    compose_in_acts(&sb, "open", "Ana");
    let after = list(&[]);
    assert_eq!(find(&after, "open").unwrap()["last_written"], common::TODAY);
    assert_eq!(find(&after, "closed").unwrap()["last_written"], Value::Null);
    // The older fields are still there.
    assert_eq!(find(&after, "open").unwrap()["deadline"], "2026-12-15");
    let open = list(&["--open"]);
    assert!(find(&open, "open").is_some());
    assert!(find(&open, "closed").is_none(), "{open:?}");
    let table = run(&sb, &["list", "--actions-dir", "acts"]);
    let table = stdout_of(&table);
    assert!(
        table.lines().next().unwrap().ends_with("LAST WRITTEN"),
        "{table}"
    );
    let open_line = table.lines().find(|l| l.starts_with("open ")).unwrap();
    assert!(open_line.ends_with(common::TODAY), "{table}");
}

/// The events of an iCalendar text, parsed.
fn events(ics: &str) -> Vec<Component<'static>> {
    let unfolded: &'static str = Box::leak(unfold(ics).into_boxed_str());
    let calendar = read_calendar(unfolded).expect("a valid iCalendar file");
    calendar
        .components
        .into_iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect()
}

fn prop(c: &Component, name: &str) -> String {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{name} is missing"))
        .val
        .as_str()
        .to_string()
}

#[test]
fn remind_writes_an_event_on_the_deadline_with_two_alarms() {
    let sb = Sandbox::new();
    actions(&sb);
    let out = run(
        &sb,
        &["remind", "open", "--actions-dir", "acts", "-o", "open.ics"],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ics = std::fs::read_to_string(sb.path("open.ics")).unwrap();
    let events = events(&ics);
    assert_eq!(events.len(), 1);
    let event = &events[0];
    assert_eq!(prop(event, "DTSTART"), "20261215");
    assert_eq!(
        event.find_prop("DTSTART").unwrap().params[0].key.as_str(),
        "VALUE"
    );
    assert_eq!(
        prop(event, "SUMMARY"),
        "Stop illegal expulsions to El Salvador"
    );
    let description = prop(event, "DESCRIPTION");
    assert!(description.contains("Kristi Noem"), "{description}");
    assert!(description.contains("appeal compose open"), "{description}");
    let triggers: Vec<String> = event
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VALARM")
        .map(|a| prop(a, "TRIGGER"))
        .collect();
    assert_eq!(triggers, ["-P7D", "-P1D"]);

    // An existing file is kept unless --force.
    let again = run(
        &sb,
        &["remind", "open", "--actions-dir", "acts", "-o", "open.ics"],
    );
    assert_eq!(again.status.code(), Some(exit::DELIVERY));
    assert!(stderr_of(&again).contains("--force"));
    let forced = run(
        &sb,
        &[
            "remind",
            "open",
            "--actions-dir",
            "acts",
            "-o",
            "open.ics",
            "--force",
        ],
    );
    assert!(forced.status.success());
}

#[test]
fn remind_all_takes_every_open_action_and_refuses_a_passed_one() {
    let sb = Sandbox::new();
    actions(&sb);
    let out = run(&sb, &["remind", "--all", "--actions-dir", "acts"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let events = events(&stdout_of(&out));
    let uids: Vec<String> = events.iter().map(|e| prop(e, "UID")).collect();
    assert!(
        uids.contains(&"open-2026-12-15@appeal".to_string()),
        "{uids:?}"
    );
    assert!(!uids.iter().any(|u| u.starts_with("closed-")), "{uids:?}");
    let closed = run(&sb, &["remind", "closed", "--actions-dir", "acts"]);
    assert_eq!(closed.status.code(), Some(exit::USAGE));
    assert!(stderr_of(&closed).contains("1 July 2025"));
}
