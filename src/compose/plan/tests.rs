use super::*;
use clap::Parser;

fn args(extra: &[&str]) -> ComposeArgs {
    let cli = crate::cli::Cli::try_parse_from(["appeal", "compose", "cecot"].iter().chain(extra))
        .expect("the arguments parse");
    let crate::cli::Command::Compose(compose) = cli.command else {
        unreachable!("a compose command")
    };
    *compose
}

fn plan(extra: &[&str], state: State) -> Result<Plan> {
    Plan::new(args(extra), state)
}

fn output(extra: &[&str]) -> Output {
    plan(extra, State::unattended())
        .unwrap()
        .output
        .expect("an output is planned")
}

fn refusal(extra: &[&str]) -> String {
    plan(extra, State::unattended()).unwrap_err().to_string()
}

#[test]
fn a_file_name_chooses_the_form_and_text_files_wrap_at_72() {
    let o = output(&["-o", "x.eml"]);
    assert_eq!((o.form, o.width, o.layout), (Form::Eml, 0, Layout::One));
    let o = output(&["-o", "x.txt"]);
    assert_eq!((o.form, o.width), (Form::Txt, 72));
    let o = output(&["-o", "x.pdf", "--width", "50"]);
    assert_eq!((o.form, o.width), (Form::Pdf, 50));
    assert_eq!(o.layout, Layout::Book { duplex: false });
    assert_eq!(output(&["--clipboard"]).width, 0);
}

#[test]
fn stdout_wraps_at_the_terminal_up_to_80_and_72_in_a_pipe() {
    let terminal = |columns| State {
        stdout_is_terminal: true,
        stdout_columns: Some(columns),
        ..State::unattended()
    };
    let width = |state| plan(&[], state).unwrap().output.unwrap().width;
    assert_eq!(width(terminal(60)), 60);
    assert_eq!(width(terminal(200)), 80);
    assert_eq!(width(State::unattended()), 72);
}

#[test]
fn the_writer_is_asked_only_when_nothing_said_where() {
    let attended = State {
        stdin_is_terminal: true,
        stderr_is_terminal: true,
        ..State::unattended()
    };
    assert!(plan(&[], attended).unwrap().output.is_none());
    assert!(
        plan(&["--format", "mailto"], attended)
            .unwrap()
            .output
            .is_some()
    );
    assert!(plan(&["--no-input"], attended).unwrap().output.is_some());
    assert_eq!(output(&[]).to, To::Stdout);
}

#[test]
fn impossible_combinations_are_refused_before_anything_happens() {
    for (args, says) in [
        (
            &["--clipboard", "--format", "pdf"][..],
            "--clipboard takes text",
        ),
        (&["--open"][..], "--open needs a file"),
        (&["--out-dir", "d", "--open"][..], "--open needs a file"),
        (
            &["--batch", "s.csv", "--format", "eml"][..],
            "add --out-dir",
        ),
        (&["--batch", "s.csv", "-o", "a.eml"][..], "add --out-dir"),
        (
            &["--batch", "s.csv", "-o", "a.pdf", "--open"][..],
            "not --batch",
        ),
        (&["--batch", "s.txt"][..], "can't tell the format"),
        (
            &["--jsonl", "--format", "eml"][..],
            "leave out --format eml",
        ),
        (&["--duplex"][..], "--duplex goes with one PDF"),
        (
            &["--name", "A", "--batch-format", "csv"][..],
            "--batch-format goes with --batch",
        ),
    ] {
        let err = refusal(args);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn a_pdf_is_never_written_to_a_terminal() {
    let terminal = State {
        stdout_is_terminal: true,
        ..State::unattended()
    };
    let err = plan(&["--format", "pdf"], terminal)
        .unwrap_err()
        .to_string();
    assert!(err.contains("-o letter.pdf"), "{err}");
    let err = plan(&["--batch", "s.csv", "--format", "pdf"], terminal)
        .unwrap_err()
        .to_string();
    assert!(err.contains("-o letters.pdf"), "{err}");
}

/// Every form and every place a letter can go, given on the command line.
fn combinations() -> Vec<Vec<&'static str>> {
    let forms: [&[&str]; 5] = [
        &[],
        &["--format", "txt"],
        &["--format", "eml"],
        &["--format", "pdf"],
        &["--mailto"],
    ];
    let places: [&[&str]; 8] = [
        &[],
        &["-o", "-"],
        &["-o", "out.txt"],
        &["-o", "out.eml"],
        &["-o", "out.pdf"],
        &["--out-dir", "letters"],
        &["--out-dir", "letters", "--name-template", "{{row}}.eml"],
        &["--jsonl"],
    ];
    let extras: [&[&str]; 3] = [&[], &["--width", "40"], &["--duplex"]];
    let mut all = Vec::new();
    for form in forms {
        for place in places {
            for extra in extras {
                all.push([form, place, extra].concat());
            }
        }
    }
    all
}

#[test]
fn letters_answered_here_and_the_rows_of_a_batch_file_go_out_alike() {
    let mut compared = 0;
    for combination in combinations() {
        let parse = |extra: &[&str]| {
            crate::cli::Cli::try_parse_from(
                ["appeal", "compose", "cecot"]
                    .iter()
                    .chain(extra.iter())
                    .copied(),
            )
            .is_ok()
        };
        let batch_args = [&["--batch", "signers.csv"][..], &combination].concat();
        if !parse(&combination) || !parse(&batch_args) {
            continue;
        }
        let here = plan(&combination, State::unattended());
        let batch = plan(&batch_args, State::unattended());
        // Letters answered here are one or several (`--target all`); a
        // batch file's rows are any number: the same output, which must
        // take several, or the same refusal.
        let here_several = here.map(|p| p.output.expect("an output"));
        let here_several = here_several.and_then(|o| o.takes_several().map(|()| o));
        let batch = batch.map(|p| p.output.expect("an output"));
        match (&here_several, &batch) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{combination:?}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{combination:?}"),
            _ => panic!("{combination:?}: here {here_several:?}, batch {batch:?}"),
        }
        compared += 1;
    }
    assert!(compared > 60, "only {compared} combinations compared");
}

#[test]
fn one_email_on_stdout_is_a_letter_and_two_are_refused_as_in_a_batch() {
    let here = output(&["--target", "all", "--format", "eml", "-o", "-"]);
    assert_eq!(here.layout, Layout::One);
    let several = here.takes_several().unwrap_err().to_string();
    let batch = refusal(&["--batch", "s.csv", "--format", "eml", "-o", "-"]);
    assert_eq!(several, batch);
}

#[test]
fn the_menu_choice_completes_the_plan_by_the_same_rules() {
    let attended = State {
        stdin_is_terminal: true,
        stderr_is_terminal: true,
        ..State::unattended()
    };
    let plan = plan(&[], attended).unwrap();
    let chosen = |place, path: Option<&str>| Chosen {
        place,
        path: path.map(PathBuf::from),
        replace: path.is_some(),
    };
    let o = plan
        .complete(Some(chosen(Place::EmailDraft, Some("a.eml"))))
        .unwrap();
    assert_eq!(
        (o.form, o.open, o.force),
        (Form::Eml, true, true),
        "'Replace it?' answered yes replaces the file"
    );
    let o = plan.complete(Some(chosen(Place::MailLink, None))).unwrap();
    assert_eq!((o.to, o.form), (To::Stdout, Form::Mailto));
    let o = plan.complete(Some(chosen(Place::Clipboard, None))).unwrap();
    assert_eq!(o.to, To::Clipboard);
    let o = plan
        .complete(Some(chosen(Place::Pdf, Some("a.pdf"))))
        .unwrap();
    assert_eq!(o.layout, Layout::Book { duplex: false });
    assert!(plan.complete(Some(chosen(Place::TextFile, None))).is_err());
    assert_eq!(plan.complete(None).unwrap().to, To::Stdout);
}
