//! The current layout (2020s), as in the CECOT action: URGENT ACTION, the
//! title and summary, TAKE ACTION: …, the target block, the model letter,
//! ADDITIONAL INFORMATION, then labelled lines for the language, the
//! deadline, the people and the previous action.

use super::facts::{self, date, languages};
use super::sections::{Sections, paragraphs};
use super::text::fold;
use super::{Draft, Layout, Salutation};

pub fn recognises(found: &Sections) -> bool {
    found.has("take action")
        && (found.has("urgent action")
            || found.has("additional information")
            || found.has("please take action as soon as possible until"))
}

/// The banner alone, in capitals on a line of its own: the start of a
/// document in the current layout.
pub fn recognises_start(lines: &[String], found: &Sections) -> bool {
    found
        .get("urgent action")
        .is_some_and(|hit| super::text::is_capitals(&lines[hit.line]))
}

pub fn read(lines: &[String], found: &Sections) -> Draft {
    let mut d = Draft::new(Layout::Current);
    let head = paragraphs(found.body(lines, "urgent action"));
    if let Some((title, summary)) = head.split_first() {
        d.title = Some(title.replace('\n', " "));
        if !summary.is_empty() {
            d.summary = Some(summary.join("\n\n"));
        }
    }
    let action = found.body(lines, "take action");
    let letter_at = action
        .iter()
        .position(|l| facts::is_salutation(l))
        .unwrap_or(action.len());
    d.targets = facts::contacts(&action[..letter_at]);
    d.letter = facts::letter(action);
    fill_salutations(&mut d);
    d.background = paragraphs(found.body(lines, "additional information"));
    common_tail(&mut d, lines, found);
    d
}

/// A target with no `Salutation:` line is greeted as the letter greets it.
pub fn fill_salutations(d: &mut Draft) {
    let Some(greeting) = d.letter.as_ref().and_then(|l| l.salutation.clone()) else {
        return;
    };
    if d.targets.len() == 1 && d.targets[0].salutation.is_none() {
        d.targets[0].salutation = Some(Salutation::One(greeting));
    }
}

/// The labelled lines the current and 2017 layouts share.
pub fn common_tail(d: &mut Draft, lines: &[String], found: &Sections) {
    if let Some(text) = found.value(lines, "preferred language to address target") {
        let (langs, own) = languages(&text);
        d.languages = langs;
        d.own_language_welcome |= own;
    }
    d.own_language_welcome |= lines
        .iter()
        .any(|l| fold(l).contains("you can also write in your own language"));
    for heading in [
        "please take action as soon as possible until",
        "appeal deadline notice",
    ] {
        let Some(hit) = found.get(heading) else {
            continue;
        };
        let mut body = paragraphs(found.body(lines, heading));
        let text = if hit.value.is_empty() && !body.is_empty() {
            body.remove(0)
        } else {
            hit.value.clone()
        };
        d.deadline = Some(date(&text));
        if !body.is_empty() {
            d.deadline_advice = Some(body.join("\n\n"));
        }
    }
    d.people = found.value(lines, "name and pronoun");
    d.previous_ua = found
        .value(lines, "link to previous ua")
        .filter(|v| !is_none(v));
    facts::recase(d, lines);
}

/// `N/A`, `None`, `-`: the document says there is nothing.
pub fn is_none(v: &str) -> bool {
    matches!(
        fold(v).trim_end_matches('.'),
        "n/a" | "na" | "none" | "-" | "–" | "no" | ""
    )
}
