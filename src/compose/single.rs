//! The row answered here: gather the answers (asking at a terminal), render
//! a letter to each target asked for, let the writer choose where they go
//! if the command line did not say, put them in a sheaf as a batch's rows
//! are, then record and report them and offer to remember the writer.

use crate::answers::ask::{Ask, Prompts, Unattended};
use crate::answers::{self, Answers, Sources};
use crate::config::Remembered;
use crate::destination::names::{Namer, Names};
use crate::destination::{self, Destination};
use crate::error::{Error, Result};
use crate::form::Form;
use crate::interrupt;
use crate::lang::Choice;
use crate::letter::Letter;
use crate::talk;

use super::plan::{Output, Plan, To};
use super::sheaf::Sheaf;
use super::{Composer, Which};

/// A letter to one target, rendered.
struct Rendered {
    target: usize,
    choice: Choice,
    letter: Letter,
}

/// A letter as it went out, for the history and the report.
struct Sent {
    target: usize,
    lang: String,
    subject: String,
    text: String,
    bytes: Vec<u8>,
    destination: Destination,
}

pub fn run(
    composer: &Composer,
    plan: &Plan,
    sources: &Sources,
    remembered: &Remembered,
) -> Result<()> {
    let ask: Box<dyn Ask> = if plan.interactive {
        Box::new(Prompts::new())
    } else {
        Box::new(Unattended)
    };
    let answers = gather(composer, sources, ask.as_ref())?;
    let letters = render(composer, &answers)?;
    if letters.len() > 1
        && let Some(output) = &plan.output
    {
        output.takes_several()?;
    }
    let stem = composer.stem();
    // Said before writing, never in the way of a second letter.
    if composer.record {
        crate::history::mention_earlier(composer.action);
    }
    let output = choose_output(plan, ask.as_ref(), &letters, &answers, &stem)?;
    if letters.len() > 1 {
        output.takes_several()?;
    }
    // Ctrl-C while the letters are delivered ends appeal once they are.
    let busy = interrupt::busy();
    let sent = deliver(composer, &output, &answers, letters, &stem)?;
    let mut said: Option<&Destination> = None;
    for letter in &sent {
        if composer.record {
            record(composer, &output, letter, remembered);
        }
        // Several letters in one file: the file is named once.
        if said != Some(&letter.destination) {
            report_place(ask.as_ref(), &output, &letter.destination);
            said = Some(&letter.destination);
        }
        if ask.is_attended() {
            report_send_to(composer, &output, letter);
        }
    }
    if output.open {
        open_result(&output, &sent);
    }
    drop(busy);
    ask.remember(remembered, &to_remember(&answers, remembered))
}

/// Every answer, asked for where a person is there; a language without a
/// letter of its own is said as soon as it is chosen.
fn gather(composer: &Composer, sources: &Sources, ask: &dyn Ask) -> Result<Answers> {
    let action = composer.action;
    answers::gather(action, sources, ask, &mut |requested| {
        let choice = composer.choose(requested)?;
        if choice.is_fallback() {
            let mut said = crate::ui::tr!(
                "compose-fallback",
                requested = choice.requested.as_str(),
                chosen = choice.chosen.as_str()
            );
            if action.own_language_welcome {
                said = format!("{said} ({})", crate::ui::tr!("compose-own-words-welcome"));
            }
            talk::say(said);
        }
        Ok(())
    })
}

/// The letter to each target the answers ask for.
fn render(composer: &Composer, answers: &Answers) -> Result<Vec<Rendered>> {
    let action = composer.action;
    let targets = composer.targets(answers)?;
    if answers.target.is_empty() && action.targets.len() > 1 {
        talk::say(crate::ui::tr!(
            "compose-several-targets",
            count = action.targets.len(),
            name = action.target().full_name()
        ));
    }
    targets
        .into_iter()
        .map(|target| {
            let (choice, letter) = composer.render(answers, target)?;
            Ok(Rendered {
                target,
                choice,
                letter,
            })
        })
        .collect()
}

/// The plan's output, or the writer's choice from the menu. A letter with
/// the writer's note in it is kept if they cancel now, whether Ctrl-C comes
/// as a key in the menu or as a signal.
fn choose_output(
    plan: &Plan,
    ask: &dyn Ask,
    letters: &[Rendered],
    answers: &Answers,
    stem: &str,
) -> Result<Output> {
    if !answers.signer.note.is_empty() {
        keep_on_cancel(letters, stem);
    }
    // Ctrl-C pressed outside a prompt (between prompts) counts here too.
    let chosen = match &plan.output {
        Some(output) => Ok(output.clone()),
        None => ask
            .place(&letters[0].letter.body, stem, plan.force())
            .and_then(|chosen| plan.complete(chosen)),
    };
    match chosen.and_then(|output| ask.check().map(|()| output)) {
        Err(Error::Interrupted) => {
            interrupt::cancel();
            Err(Error::Interrupted)
        }
        other => {
            interrupt::on_cancel(None);
            other
        }
    }
}

fn keep_on_cancel(letters: &[Rendered], stem: &str) {
    let several = letters.len() > 1;
    let kept: Vec<(String, String)> = letters
        .iter()
        .map(|r| {
            let name = letter_name(stem, r.target, several, "txt");
            (name, r.letter.body.clone())
        })
        .collect();
    interrupt::on_cancel(Some(Box::new(move || {
        for (name, body) in &kept {
            if let Ok(path) = destination::rescue(body.as_bytes(), name) {
                talk::say(crate::ui::tr!(
                    "compose-kept-in",
                    path = path.display().to_string()
                ));
            }
        }
    })));
}

/// Puts the letters in a sheaf and delivers it, as a batch does its rows.
fn deliver(
    composer: &Composer,
    output: &Output,
    answers: &Answers,
    letters: Vec<Rendered>,
    stem: &str,
) -> Result<Vec<Sent>> {
    let namer = output.namer()?;
    let names = namer.as_ref().map_or_else(Names::default, Namer::names);
    let mut sheaf = Sheaf::open(output, false, stem, composer.paper(), names)?;
    let mut sent = Vec::with_capacity(letters.len());
    for Rendered {
        target,
        choice,
        letter,
    } in letters
    {
        let text = letter.body.clone();
        let which = Which {
            number: 1,
            answers,
            target,
        };
        let made = composer.leaf(which, choice, letter, output, namer.as_ref())?;
        for warning in &made.warnings {
            talk::warn(warning);
        }
        if let Err(super::sheaf::Stop::Row(reason) | super::sheaf::Stop::Failed(reason)) =
            sheaf.put(&made.leaf)
        {
            return Err(Error::Stopped { reason, written: 0 });
        }
        let destination = match (&output.to, &made.leaf.file_name) {
            (To::Folder(dir), Some(name)) => Destination::File(dir.join(name)),
            _ => output.destination(),
        };
        sent.push(Sent {
            target,
            lang: made.leaf.lang,
            subject: made.leaf.subject,
            text,
            bytes: made.leaf.bytes,
            destination,
        });
    }
    let whole = sheaf.finish()?;
    // A book's letters are their PDF; one letter is all that was delivered.
    if output.form == Form::Pdf || sent.len() == 1 {
        for letter in &mut sent {
            letter.bytes.clone_from(&whole);
        }
    }
    Ok(sent)
}

/// Records a delivered letter; a failure here is only a warning.
fn record(composer: &Composer, output: &Output, letter: &Sent, remembered: &Remembered) {
    let action = composer.action;
    crate::history::record_letter(
        &crate::history::Sent {
            action,
            target: &action.targets[letter.target],
            date: composer.today,
            lang: &letter.lang,
            form: output.form,
            destination: &letter.destination,
            bytes: &letter.bytes,
            text: &letter.text,
        },
        remembered.history.text,
    );
}

/// The rescue file name of a letter: `cecot-2026-11-29.txt`, or with the
/// target's number when there are several letters.
fn letter_name(stem: &str, target: usize, several: bool, extension: &str) -> String {
    if several {
        format!("{stem}-{}.{extension}", target + 1)
    } else {
        format!("{stem}.{extension}")
    }
}

/// Says where the letters went: in full at a terminal, one line in a
/// script (and nothing when they are on stdout).
fn report_place(ask: &dyn Ask, output: &Output, destination: &Destination) {
    if !ask.is_attended() {
        if let Destination::File(path) = destination {
            talk::say(crate::ui::tr!(
                "compose-wrote",
                path = path.display().to_string()
            ));
        }
        return;
    }
    match (destination, output.form) {
        (Destination::File(path), Form::Eml) => talk::line(crate::ui::tr!(
            "compose-saved-eml",
            path = path.display().to_string()
        )),
        (Destination::File(path), Form::Pdf) => talk::line(crate::ui::tr!(
            "compose-saved-pdf",
            path = path.display().to_string()
        )),
        (Destination::File(path), _) => talk::line(crate::ui::tr!(
            "compose-saved",
            path = path.display().to_string()
        )),
        (Destination::Clipboard, _) => talk::line(crate::ui::tr!("compose-copied")),
        (Destination::Stdout, _) => {}
    }
}

/// Whom to send a letter to, and with which subject, when it is not a PDF.
fn report_send_to(composer: &Composer, output: &Output, letter: &Sent) {
    let emails = &composer.action.targets[letter.target].email;
    if output.form != Form::Pdf && !emails.is_empty() {
        talk::line(crate::ui::tr!(
            "compose-send-to",
            emails = emails.join(", "),
            subject = letter.subject.as_str()
        ));
    }
}

/// What the remembered settings would hold after this letter.
fn to_remember(answers: &Answers, before: &Remembered) -> Remembered {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Remembered {
        name: some(&answers.signer.name),
        city: some(&answers.signer.city),
        country: some(&answers.signer.country),
        lang: some(&answers.lang),
        ..before.clone()
    }
}

/// Hands the file or the mailto: links to the desktop's default program.
/// Failing to open is only a warning: the letters are already delivered.
fn open_result(output: &Output, sent: &[Sent]) {
    let targets: Vec<String> = match (&output.to, output.form) {
        (_, Form::Mailto) => sent
            .iter()
            .map(|letter| String::from_utf8_lossy(&letter.bytes).trim().to_string())
            .collect(),
        (To::File(path), _) => vec![path.display().to_string()],
        _ => return,
    };
    for target in targets {
        if let Err(e) = open::that_detached(&target) {
            talk::warn(crate::ui::tr!("compose-open-failed", error = e.to_string()));
        }
    }
}
