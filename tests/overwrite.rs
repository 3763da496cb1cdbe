//! Every command that writes a file refuses one that is already there in
//! the same way: one message, one exit code, the file untouched; and
//! `--force` replaces it.

mod common;

use common::{Sandbox, cecot_yaml, exit, fixture, stderr_of};

/// Each command that writes a file: its name, its arguments, and the file
/// it writes (relative to the sandbox).
fn writers() -> Vec<(&'static str, Vec<String>, &'static str)> {
    let strings = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let document = fixture("cecot-urgent-action.txt").display().to_string();
    vec![
        ("new", strings(&["new", "river"]), "river.yaml"),
        ("man", strings(&["man", "--dir", "man1"]), "man1/appeal.1"),
        (
            "remind",
            strings(&["remind", "open", "--actions-dir", "acts", "-o", "open.ics"]),
            "open.ics",
        ),
        (
            "import",
            strings(&["import", &document, "-o", "imported.yaml"]),
            "imported.yaml",
        ),
        (
            "compose",
            strings(&[
                "compose",
                "cecot",
                "--no-input",
                "--name",
                "Ana",
                "-o",
                "letter.txt",
            ]),
            "letter.txt",
        ),
    ]
}

#[test]
fn every_command_refuses_an_existing_file_with_the_delivery_exit_code_and_force_replaces_it() {
    let sb = Sandbox::new();
    // An action whose deadline is still to come, for `remind`.
    let yaml = cecot_yaml();
    assert!(yaml.contains("\ndeadline: 2025-07-01\n"));
    sb.write(
        "acts/open.yaml",
        &yaml.replace("\ndeadline: 2025-07-01\n", "\ndeadline: 2026-12-15\n"),
    );
    for (command, args, file) in writers() {
        let path = sb.write(file, "mine\n");
        let out = sb.appeal().args(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::DELIVERY),
            "{command}: {}",
            stderr_of(&out)
        );
        let err = stderr_of(&out);
        assert!(
            err.contains(&format!(
                "{} already exists; not overwritten (use --force to replace it)",
                path.display()
            )) || err.contains(&format!(
                "{file} already exists; not overwritten (use --force to replace it)"
            )),
            "{command}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "mine\n",
            "{command} left the file as it was"
        );

        let out = sb.appeal().args(&args).arg("--force").output().unwrap();
        // `import` exits 1 when the action it wrote still has facts to fill in.
        let written = match command {
            "import" => [Some(0), Some(1)].contains(&out.status.code()),
            _ => out.status.success(),
        };
        assert!(written, "{command} --force: {}", stderr_of(&out));
        let now = std::fs::read_to_string(&path).unwrap();
        assert!(
            now != "mine\n" && !now.is_empty(),
            "{command} --force replaced the file"
        );
    }
}
