//! The labelled 2017 template: URGENT ACTION TITLE:, PUBLICATION DATE:, …,
//! URGENT ACTION LETTER: (the letter comes before the targets), TARGET'S
//! CONTACT DETAILS & "COPIES TO", the deadline notice and BACKGROUND
//! INFORMATION. Editor notes left in square brackets are not content.

use super::current::{common_tail, is_none};
use super::facts::{self, date};
use super::sections::{Sections, paragraphs};
use super::{Draft, Layout};

pub fn recognises(found: &Sections) -> bool {
    [
        "urgent action title",
        "urgent action letter",
        "appeal deadline notice",
    ]
    .iter()
    .filter(|h| found.has(h))
    .count()
        >= 2
}

pub fn read(lines: &[String], _: &Sections) -> Draft {
    // "[Sections to add when relevant]": a note to the editor, not a fact.
    let lines: Vec<String> = lines
        .iter()
        .map(|l| {
            let t = l.trim();
            if t.starts_with('[') && t.ends_with(']') {
                String::new()
            } else {
                l.clone()
            }
        })
        .collect();
    let lines = &lines[..];
    let found = &Sections::find(lines);
    let mut d = Draft::new(Layout::Labelled);
    d.title = found
        .value(lines, "urgent action title")
        .map(|t| t.replace('\n', " "));
    d.issued = found.value(lines, "publication date").map(|t| date(&t));
    let number = found.value(lines, "urgent action type and number");
    let index = found.value(lines, "index number");
    d.reference = match (number, index) {
        (Some(n), Some(i)) => Some(format!("{n} (Index: {i})")),
        (Some(n), None) => Some(n),
        (None, Some(i)) => Some(format!("Index: {i}")),
        (None, None) => None,
    };
    d.summary = summary(lines, found);
    d.letter = facts::letter(found.body(lines, "urgent action letter"));
    let (targets, copies) = facts::split_copies(found.body(lines, "target's contact details"));
    d.targets = facts::contacts(targets);
    d.copies = facts::contacts(copies);
    facts::split_salutations(&mut d);
    super::current::fill_salutations(&mut d);
    if let Some(hit) = found.get("also send copies to diplomatic representatives") {
        let mut note = vec![lines[hit.line].trim().to_string()];
        note.extend(paragraphs(
            found.body(lines, "also send copies to diplomatic representatives"),
        ));
        d.copies_note = Some(note.join("\n\n"));
    }
    d.background = paragraphs(found.body(lines, "background information"));
    common_tail(&mut d, lines, found);
    if d.previous_ua.as_deref().is_some_and(is_none) {
        d.previous_ua = None;
    }
    d
}

fn summary(lines: &[String], found: &Sections) -> Option<String> {
    let hit = found.get("urgent action summary")?;
    let mut parts: Vec<String> = Vec::new();
    if !hit.value.is_empty() {
        parts.push(hit.value.clone());
    }
    parts.extend(paragraphs(found.body(lines, "urgent action summary")));
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}
