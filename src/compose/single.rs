//! One letter: gather the answers (asking at a terminal), render it, put it
//! in its form and deliver it, then offer to remember the writer.

use crate::answers::ask::{Ask, Prompts, Unattended};
use crate::answers::{self, Answers, Sources};
use crate::cli::ComposeArgs;
use crate::config::Remembered;
use crate::destination::{self, Destination};
use crate::error::{Error, Result};
use crate::form::Form;
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
            talk::say(format_args!(
                "note: there is no model letter in `{}`; the letter is in `{}`{}",
                choice.requested,
                choice.chosen,
                if action.own_language_welcome {
                    " (writing in your own language, in your own words, is welcome)"
                } else {
                    ""
                }
            ));
        }
        Ok(())
    })?;
    let (_, letter) = composer.render(&answers)?;
    let stem = composer.stem();

    // Ctrl-C pressed outside a prompt (between prompts) counts here too.
    let chosen = match delivery {
        Some(delivery) => Ok(delivery),
        None => ask
            .place(&letter.body, &stem, args.force)
            .and_then(|chosen| match chosen {
                Some(chosen) => Delivery::chosen(chosen, args),
                None => Delivery::new(Destination::Stdout, None, args),
            }),
    };
    let delivery = match chosen.and_then(|d| ask.check().map(|()| d)) {
        Err(Error::Interrupted) if !answers.signer.note.is_empty() => {
            // The writer typed a note: keep it even though they cancelled.
            if let Ok(path) = destination::rescue(letter.body.as_bytes(), &format!("{stem}.txt")) {
                talk::say(format_args!("your letter was kept in {}", path.display()));
            }
            return Err(Error::Interrupted);
        }
        other => other?,
    };
    let encoded = composer.encode(&letter, &answers, delivery.form, delivery.width)?;
    for warning in &encoded.warnings {
        talk::warn(warning);
    }
    let rescue_name = format!("{stem}.{}", delivery.form.extension());
    destination::deliver(
        &encoded.bytes,
        &delivery.destination,
        delivery.force,
        &rescue_name,
    )?;
    if delivery.open {
        open_result(&delivery, &encoded.bytes);
    }
    report(ask.as_ref(), composer, &delivery, &letter.subject);
    ask.remember(remembered, &to_remember(&answers))
}

/// Says what happened to the letter: in full at a terminal, one line in a
/// script (and nothing when the letter is on stdout).
fn report(ask: &dyn Ask, composer: &Composer, delivery: &Delivery, subject: &str) {
    let Delivery {
        destination, form, ..
    } = delivery;
    if !ask.is_attended() {
        if let Destination::File(path) = destination {
            talk::say(format_args!("wrote {}", path.display()));
        }
        return;
    }
    match (destination, form) {
        (Destination::File(path), Form::Eml) => talk::line(format!(
            "Saved the email draft to {}: open it in your mail program and press Send.",
            path.display()
        )),
        (Destination::File(path), Form::Pdf) => {
            talk::line(format!("Saved the printable letter to {}.", path.display()))
        }
        (Destination::File(path), _) => {
            talk::line(format!("Saved the letter to {}.", path.display()))
        }
        (Destination::Clipboard, _) => talk::line("Copied the letter to the clipboard."),
        (Destination::Stdout, _) => {}
    }
    let emails = &composer.action.target().email;
    if *form != Form::Pdf && !emails.is_empty() {
        talk::line(format!(
            "Send it to {} with the subject: {subject}",
            emails.join(", ")
        ));
    }
}

/// What the remembered settings would hold after this letter.
fn to_remember(answers: &Answers) -> Remembered {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Remembered {
        name: some(&answers.signer.name),
        city: some(&answers.signer.city),
        country: some(&answers.signer.country),
        lang: some(&answers.lang),
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
        talk::warn(format_args!(
            "could not open it with the desktop's program: {e}"
        ));
    }
}
