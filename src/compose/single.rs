//! One letter: gather the answers (asking at a terminal), render it, put it
//! in its form and deliver it, then offer to remember the writer.

use crate::answers::ask::{Ask, Prompts, Unattended};
use crate::answers::{self, Answers, Sources};
use crate::cli::ComposeArgs;
use crate::config::Remembered;
use crate::destination::{self, Destination};
use crate::error::{Error, Result};
use crate::form::Form;
use crate::interrupt;
use crate::talk;

use super::Composer;
use super::plan::Delivery;

pub fn run(
    composer: &Composer,
    sources: &Sources,
    remembered: &Remembered,
    delivery: Option<Delivery>,
    args: &ComposeArgs,
    interactive: bool,
) -> Result<()> {
    let ask: Box<dyn Ask> = if interactive {
        Box::new(Prompts::new())
    } else {
        Box::new(Unattended)
    };
    let action = composer.action;
    let answers = answers::gather(action, sources, ask.as_ref(), &mut |requested| {
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
    })?;
    let targets = composer.targets(&answers)?;
    if answers.target.is_empty() && action.targets.len() > 1 {
        talk::say(crate::ui::tr!(
            "compose-several-targets",
            count = action.targets.len(),
            name = action.target().full_name()
        ));
    }
    let letters = targets
        .iter()
        .map(|&t| composer.render(&answers, t).map(|(_, letter)| (t, letter)))
        .collect::<Result<Vec<_>>>()?;
    let several = letters.len() > 1;
    let stem = composer.stem();
    // Said before writing, never in the way of a second letter.
    if composer.record {
        crate::history::mention_earlier(action);
    }
    let first = &letters[0].1;

    // A letter with the writer's note in it is kept if they cancel now,
    // whether Ctrl-C comes as a key in the menu or as a signal.
    if !answers.signer.note.is_empty() {
        let kept: Vec<(String, String)> = letters
            .iter()
            .map(|(target, letter)| {
                let name = letter_name(&stem, *target, several, "txt");
                (name, letter.body.clone())
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
    // Ctrl-C pressed outside a prompt (between prompts) counts here too.
    let chosen = match delivery {
        Some(delivery) => Ok(delivery),
        None => ask
            .place(&first.body, &stem, args.force)
            .and_then(|chosen| match chosen {
                Some(chosen) => Delivery::chosen(chosen, args),
                None => Delivery::new(Destination::Stdout, None, args),
            }),
    };
    let delivery = match chosen.and_then(|d| ask.check().map(|()| d)) {
        Err(Error::Interrupted) => {
            interrupt::cancel();
            return Err(Error::Interrupted);
        }
        other => {
            interrupt::on_cancel(None);
            other?
        }
    };
    // Ctrl-C while the letters are delivered ends appeal once they are.
    let busy = interrupt::busy();
    if several && delivery.destination == Destination::Clipboard {
        return Err(Error::Usage(crate::ui::tr!("compose-clipboard-one")));
    }
    for (n, (target, letter)) in letters.iter().enumerate() {
        let encoded = composer.encode(letter, &answers, *target, delivery.form, delivery.width)?;
        for warning in &encoded.warnings {
            talk::warn(warning);
        }
        let mut this = delivery.clone();
        let mut bytes = encoded.bytes;
        match &mut this.destination {
            Destination::File(path) if several => *path = numbered(path, *target),
            Destination::Stdout if n > 0 && delivery.form != Form::Mailto => {
                bytes.insert(0, b'\x0c')
            }
            _ => {}
        }
        let rescue_name = letter_name(&stem, *target, several, delivery.form.extension());
        destination::deliver(&bytes, &this.destination, this.force, &rescue_name)?;
        if composer.record {
            // A failure here is only a warning: the letter is delivered.
            crate::history::record_letter(
                &crate::history::Sent {
                    action,
                    target: &action.targets[*target],
                    date: composer.today,
                    lang: &letter.lang,
                    form: this.form,
                    destination: &this.destination,
                    bytes: &bytes,
                    text: &letter.body,
                },
                remembered.history.text,
            );
        }
        if this.open {
            open_result(&this, &bytes);
        }
        report(ask.as_ref(), composer, &this, *target, &letter.subject);
    }
    drop(busy);
    ask.remember(remembered, &to_remember(&answers, remembered))
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

/// `letter.eml` for target number `target` (from 0): `letter-1.eml`.
fn numbered(path: &std::path::Path, target: usize) -> std::path::PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{}.{}", target + 1, ext.to_string_lossy()),
        None => format!("{stem}-{}", target + 1),
    };
    path.with_file_name(name)
}

/// Says what happened to the letter: in full at a terminal, one line in a
/// script (and nothing when the letter is on stdout).
fn report(ask: &dyn Ask, composer: &Composer, delivery: &Delivery, target: usize, subject: &str) {
    let Delivery {
        destination, form, ..
    } = delivery;
    if !ask.is_attended() {
        if let Destination::File(path) = destination {
            talk::say(crate::ui::tr!(
                "compose-wrote",
                path = path.display().to_string()
            ));
        }
        return;
    }
    match (destination, form) {
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
    let emails = &composer.action.targets[target].email;
    if *form != Form::Pdf && !emails.is_empty() {
        talk::line(crate::ui::tr!(
            "compose-send-to",
            emails = emails.join(", "),
            subject = subject
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

/// Hands the file or the mailto: link to the desktop's default program.
/// Failing to open is only a warning: the letter is already delivered.
fn open_result(delivery: &Delivery, bytes: &[u8]) {
    let target = match (&delivery.destination, delivery.form) {
        (_, Form::Mailto) => String::from_utf8_lossy(bytes).trim().to_string(),
        (Destination::File(path), _) => path.display().to_string(),
        _ => return,
    };
    if let Err(e) = open::that_detached(&target) {
        talk::warn(crate::ui::tr!("compose-open-failed", error = e.to_string()));
    }
}
