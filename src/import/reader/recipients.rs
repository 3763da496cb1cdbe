//! The officials to write to and whom to copy: the blocks of contact
//! lines under a heading that introduces them, right above the letter, or
//! after a line that introduces addresses; and after a copies marker
//! (`cc.`, `Copies to:`, `Copie à :`, `and, for your information,`).

use super::super::contacts::{self, is_title_line, looks_like_name, starts_contact_line};
use super::super::cues::{COPIES, Cue, fold};
use super::super::document::Role;
use super::super::fields::{emails, is_date_line, is_place_and_date, label, split_at_labels};
use super::super::lines::{Reason, is_page_number};
use super::{Reader, is_prose};

/// Most lines a block of contacts may run to: room for as many contacts as
/// an action may have, a dozen lines each. Reading stops there, so no
/// document makes the search for blocks grow with its square.
const MAX_BLOCK_LINES: usize = crate::action::MAX_RECIPIENTS * 12;

/// Whom a block of contact lines names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whom {
    Targets,
    Copies,
}

impl Reader<'_> {
    pub(super) fn recipients(&mut self) {
        for h in 0..self.end {
            let Some(cue) = self.cue(h) else { continue };
            let whom = match cue {
                Cue::Targets | Cue::SendBefore => Whom::Targets,
                Cue::Copies => Whom::Copies,
                Cue::DiplomatsNote => {
                    self.diplomats_note(h);
                    Whom::Copies
                }
                _ => continue,
            };
            if cue != Cue::SendBefore {
                self.leave(h, Reason::Heading);
            }
            let value = self.headings[h]
                .as_ref()
                .map(|v| v.value.clone())
                .unwrap_or_default();
            let region = self.region_after(h + 1, whom == Whom::Targets);
            let mut block: Vec<(usize, String)> = Vec::new();
            if cue == Cue::Copies && !value.is_empty() {
                block.push((h, value));
            }
            block.extend(region.iter().map(|&i| (i, self.text(i).to_string())));
            self.take(&block, whom);
        }
        if self.draft.targets.is_empty()
            && let Some(start) = self.letter_first_line()
        {
            let block = self.block_before(start);
            self.take_lines(&block, Whom::Targets);
        }
        if self.draft.targets.is_empty() {
            self.introduced_targets();
        }
        self.copies_markers();
        if self.draft.targets.is_empty()
            && self.draft.letter.is_some()
            && let Some(last) = self.letter_last_line()
        {
            let block = self.region_after(last + 1, true);
            self.take_lines(&block, Whom::Targets);
        }
    }

    /// `ALSO SEND COPIES TO DIPLOMATIC REPRESENTATIVES ACCREDITED TO YOUR
    /// COUNTRY`: the instruction, in sentence case, is the copies note.
    fn diplomats_note(&mut self, h: usize) {
        let t = self.text(h);
        let note = if super::super::fields::is_capitals(t) {
            super::super::fields::sentence_case(t)
        } else {
            t.to_string()
        };
        let note = note.trim_end_matches(':').to_string();
        self.draft.copies_note = Some(note);
        self.set(h, "copies_note");
    }

    /// The first and last lines of the letter, when there is one.
    pub(super) fn letter_first_line(&self) -> Option<usize> {
        self.uses
            .iter()
            .position(|u| matches!(u, super::Use::Field(f) if f == "letter"))
    }

    fn letter_last_line(&self) -> Option<usize> {
        let last = self
            .uses
            .iter()
            .rposition(|u| matches!(u, super::Use::Field(f) if f == "letter"))?;
        // Past the signature lines after the closing.
        Some(
            (last + 1..self.end)
                .take_while(|&i| {
                    self.is_blank(i) || self.uses[i] == super::Use::Left(Reason::Signature)
                })
                .last()
                .unwrap_or(last),
        )
    }

    /// Gives a block's contacts to the targets, or to the copies from its
    /// copies marker on.
    fn take(&mut self, block: &[(usize, String)], whom: Whom) {
        let split = block
            .iter()
            .position(|(i, _)| self.copies_marker(*i).is_some() && whom == Whom::Targets);
        let (targets, copies) = match split {
            Some(at) => {
                let (i, _) = block[at];
                self.leave(i, Reason::Heading);
                let mut copies: Vec<(usize, String)> = Vec::new();
                if let Some(value) = self.copies_marker(i).filter(|v| !v.is_empty()) {
                    copies.push((i, value));
                }
                copies.extend(block[at + 1..].iter().cloned());
                (block[..at].to_vec(), copies)
            }
            None => (block.to_vec(), Vec::new()),
        };
        self.add(&targets, whom);
        self.add(&copies, Whom::Copies);
    }

    fn take_lines(&mut self, lines: &[usize], whom: Whom) {
        let block: Vec<(usize, String)> = lines
            .iter()
            .map(|&i| (i, self.text(i).to_string()))
            .collect();
        self.take(&block, whom);
    }

    fn add(&mut self, block: &[(usize, String)], whom: Whom) {
        let items: Vec<(usize, &str)> = block
            .iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(i, t)| (*i, t.as_str()))
            .collect();
        if items.is_empty() {
            return;
        }
        for read in contacts::read(&items) {
            // No more than an action may hold: the rest stay text.
            let full = match whom {
                Whom::Targets => self.draft.targets.len(),
                Whom::Copies => self.draft.copies.len(),
            } >= crate::action::MAX_RECIPIENTS;
            if full {
                break;
            }
            let list = match whom {
                Whom::Targets => &mut self.draft.targets,
                Whom::Copies => &mut self.draft.copies,
            };
            let field = match whom {
                Whom::Targets => format!("targets[{}]", list.len()),
                Whom::Copies => format!("copies[{}]", list.len()),
            };
            if read.hidden_email {
                let who = read.contact.name.clone().unwrap_or_default();
                self.draft
                    .notes
                    .push(crate::ui::tr!("import-hidden-email", name = who));
            }
            list.push(read.contact);
            // A social handle inside a contact's own line is part of it;
            // on a line of its own it is left out, with why.
            for (i, reason) in read.left {
                if read.lines.iter().filter(|&&l| l == i).count() > 0
                    && items.iter().filter(|(l, _)| *l == i).count() == 1
                    && label(&self.lines[i].text).is_some()
                {
                    self.leave(i, reason);
                }
            }
            for i in read.lines {
                self.set(i, &field);
            }
        }
    }

    /// The lines of contacts from `from` on: contact lines and the blank
    /// lines between them, up to prose, a heading, a letter. A copies
    /// marker is part of a block of targets (it splits it).
    fn region_after(&self, from: usize, targets: bool) -> Vec<usize> {
        let mut out = Vec::new();
        for i in from..self.end.min(from + MAX_BLOCK_LINES) {
            if self.is_blank(i) {
                if !out.is_empty() {
                    out.push(i);
                }
                continue;
            }
            let is_marker = self.copies_marker(i).is_some();
            let marker = targets && is_marker;
            // Another list of copies starts a block of its own.
            if (!self.is_free(i) && !marker) || (is_marker && !targets) {
                break;
            }
            if !(marker || (self.headings[i].is_none() && self.is_contactish(i))) {
                break;
            }
            out.push(i);
        }
        while out.last().is_some_and(|&i| self.is_blank(i)) {
            out.pop();
        }
        out
    }

    /// The block of contact lines right above a letter (skipping a letter
    /// heading, a subject, the sender's place and date).
    fn block_before(&mut self, start: usize) -> Vec<usize> {
        let mut i = start;
        let mut out = Vec::new();
        while i > 0 && out.len() < MAX_BLOCK_LINES {
            i -= 1;
            if self.is_blank(i) {
                out.push(i);
                continue;
            }
            let t = self.text(i);
            if self.cue(i) == Some(Cue::Letter) {
                self.leave(i, Reason::Heading);
                continue;
            }
            if out.iter().all(|&j| self.is_blank(j)) && (is_place_and_date(t) || is_date_line(t)) {
                self.leave(i, Reason::SenderPlaceDate);
                continue;
            }
            if !self.is_free(i) || self.headings[i].is_some() || !self.is_contactish(i) {
                break;
            }
            out.push(i);
        }
        out.reverse();
        while out.first().is_some_and(|&j| self.is_blank(j)) {
            out.remove(0);
        }
        // `Send it to:` just above the block introduces it.
        if let Some(&first) = out.first()
            && let Some(intro) = (0..first).rev().find(|&j| !self.is_blank(j))
            && self.text(intro).ends_with(':')
            && self.text(intro).chars().count() <= 80
        {
            self.leave(intro, Reason::Heading);
        }
        out
    }

    /// Targets introduced by a line that ends with a colon (`Signez la
    /// lettre … et envoyez-la à :`, `Write to:`), when contact lines that
    /// start with a person or an office follow.
    fn introduced_targets(&mut self) {
        for i in 0..self.end {
            if !self.is_free(i) || !self.text(i).trim_end_matches([' ', '!']).ends_with(':') {
                continue;
            }
            // Only the line after the colon is looked at before a block is
            // read: a document of colons costs one look each.
            let Some(first) = (i + 1..self.end).find(|&j| !self.is_blank(j)) else {
                continue;
            };
            let t = self.text(first);
            let starts = starts_contact_line(t) || looks_like_name(t) || is_title_line(t);
            if starts && self.is_free(first) && self.is_contactish(first) {
                let region = self.region_after(i + 1, true);
                self.leave(i, Reason::Heading);
                self.take_lines(&region, Whom::Targets);
                return;
            }
        }
    }

    /// Copies after their marker, wherever it stands.
    fn copies_markers(&mut self) {
        for i in 0..self.end {
            if self.draft.copies.len() >= crate::action::MAX_RECIPIENTS {
                return;
            }
            if !self.is_free(i) {
                continue;
            }
            let Some(value) = self.copies_marker(i) else {
                continue;
            };
            let region = self.region_after(i + 1, false);
            if region.is_empty() && value.is_empty() {
                continue;
            }
            self.leave(i, Reason::Heading);
            let mut block: Vec<(usize, String)> = Vec::new();
            if !value.is_empty() {
                block.push((i, value));
            }
            block.extend(region.iter().map(|&j| (j, self.text(j).to_string())));
            self.add(&block, Whom::Copies);
        }
    }

    /// Whether line `i` opens a list of copies, and what follows the
    /// marker on its line.
    pub(super) fn copies_marker(&self, i: usize) -> Option<String> {
        let f = self.folded[i].trim_end_matches(['.', ',']);
        let text = self.text(i);
        for marker in COPIES {
            let m = marker.trim_end_matches([':', ',', '.']);
            let Some(rest) = f.strip_prefix(m) else {
                continue;
            };
            let rest = rest.trim_start_matches(['.', ',']).trim_start();
            // `and, for your information, to:`, `copie à :`.
            let rest = ["to", "à", "a"]
                .iter()
                .find_map(|w| {
                    rest.strip_prefix(w)
                        .filter(|r| r.trim_start().starts_with(':') || r.is_empty())
                })
                .map_or(rest, str::trim_start);
            if rest.is_empty() {
                return Some(String::new());
            }
            if let Some(value) = rest.strip_prefix(':') {
                let _ = value;
                let after = text.split_once(':').map_or("", |(_, v)| v).trim();
                return Some(after.to_string());
            }
        }
        None
    }

    /// A line that can be part of a contact: a label, an address, an
    /// email, a short line that is no sentence, or a whole contact on one
    /// line; never prose, a salutation, a closing or a date alone.
    pub(super) fn is_contactish(&self, i: usize) -> bool {
        let line = &self.lines[i];
        let t = line.text.trim();
        if t.is_empty() || line.role == Role::Navigation || line.role == Role::Heading {
            return false;
        }
        if label(t).is_some() {
            return true;
        }
        // A salutation ends with its comma or colon; `Monsieur le Ministre
        // de l'Intérieur` at the head of an address does not.
        let salutes = self.salutes[i] && t.trim_end().ends_with([',', ':', ';', '!', '،']);
        if salutes || self.closes[i] || is_sign_off(t) || is_page_number(t) || t.starts_with("- ") {
            return false;
        }
        let (_, labelled) = split_at_labels(t);
        if labelled.len() >= 2 {
            return true;
        }
        if is_prose(t) {
            return false;
        }
        let words = t.split_whitespace().count();
        let has_email = !emails(t).0.is_empty() || t.contains("[email protected]");
        let ends = super::ends_paragraph(t) && !t.ends_with(':');
        let run = t.matches(", ").count() >= 2;
        (has_email && t.chars().count() <= 200)
            || (run && t.chars().count() <= 250)
            || (t.chars().count() <= 100
                && words <= 14
                && !(ends && words > 6)
                && !t.ends_with(':'))
    }
}

/// A message's thanks after its addresses: `Thank you for writing,`.
fn is_sign_off(t: &str) -> bool {
    let f = fold(t);
    [
        "thank you",
        "thanks",
        "many thanks",
        "gracias",
        "muchas gracias",
        "merci",
        "un grand merci",
    ]
    .iter()
    .any(|p| f.starts_with(p))
        && f.chars().count() <= 60
}
