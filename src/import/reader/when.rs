//! The deadline, only from a phrase or heading that introduces one
//! ("PLEASE SEND APPEALS BEFORE", "until", "no later than", "antes del",
//! "avant le", "Délai d'envoi", "This Urgent Action expires on"), never
//! guessed from another date; with the advice that follows a deadline
//! heading. And the date the document was issued.

use super::super::DocDate;
use super::super::cues::{APPEAL_WORDS, Cue, DEADLINE_PHRASES, WEAK_DEADLINE_PHRASES};
use super::super::document::Role;
use super::super::fields::{date_after, date_of, first_date};
use super::super::lines::Reason;
use super::Reader;

/// Words of advice on sending appeals after the deadline.
const ADVICE: &[&str] = &[
    "check with your section office",
    "check with the amnesty office",
    "after the above date",
    "after the deadline",
    "consulte con la oficina",
    "después de la fecha",
    "después del plazo",
    "renseignez-vous auprès",
    "après la date",
];

/// Whether a date starts right away: a number, a month's name, `the`.
fn date_starts(rest: &str) -> bool {
    rest.split_whitespace().next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
            || matches!(w, "the" | "le" | "el")
    })
}

impl Reader<'_> {
    pub(super) fn deadline(&mut self) {
        // A heading first: its value, or the first paragraph under it.
        for h in 0..self.end {
            let Some(heading) = self.headings[h].clone() else {
                continue;
            };
            if !matches!(heading.cue, Cue::Deadline | Cue::SendBefore) {
                continue;
            }
            let on_line = if heading.cue == Cue::SendBefore {
                first_date(self.text(h))
            } else {
                (!heading.value.is_empty()).then(|| date_of(&heading.value))
            };
            let mut advice_from = h + 1;
            let date = match on_line {
                Some(d) => d,
                None => {
                    let Some(next) = (h + 1..self.end).find(|&i| !self.is_blank(i)) else {
                        continue;
                    };
                    if self.headings[next].is_some() {
                        continue;
                    }
                    self.set(next, "deadline");
                    advice_from = next + 1;
                    date_of(self.text(next))
                }
            };
            self.set(h, "deadline");
            self.draft.deadline = Some(date);
            if heading.cue == Cue::Deadline {
                self.advice(advice_from);
            }
            return;
        }
        // Else the first phrase in the text that introduces a date.
        for i in 0..self.end {
            if self.lines[i].role == Role::Navigation {
                continue;
            }
            if let Some(date) = self.phrase_date(i) {
                self.draft.deadline = Some(date);
                if self.is_free(i) && self.text(i).chars().count() <= 120 {
                    self.set(i, "deadline");
                }
                return;
            }
        }
    }

    /// Advice on sending late, wherever it stands: `Check with your
    /// section office if sending appeals after the above date.`
    pub(super) fn late_advice(&mut self) {
        if self.draft.deadline_advice.is_some() {
            return;
        }
        for i in 0..self.end {
            if !self.is_free(i) || self.lines[i].role == Role::Navigation {
                continue;
            }
            let f = &self.folded[i];
            if ADVICE.iter().any(|a| f.contains(a)) && f.chars().count() <= 300 {
                self.draft.deadline_advice = Some(self.text(i).to_string());
                self.set(i, "deadline_advice");
                return;
            }
        }
    }

    /// The paragraphs after a deadline heading, up to the next heading:
    /// what to do after the deadline.
    fn advice(&mut self, from: usize) {
        let end = (from..self.end)
            .find(|&i| self.headings[i].is_some())
            .unwrap_or(self.end);
        let paragraphs = self.paragraphs(from..end);
        if paragraphs.is_empty() {
            return;
        }
        let mut texts = Vec::new();
        for (text, at) in paragraphs {
            for i in at {
                self.set(i, "deadline_advice");
            }
            texts.push(text.replace('\n', " "));
        }
        self.draft.deadline_advice = Some(texts.join("\n\n"));
    }

    /// The date a deadline phrase on line `i` introduces.
    fn phrase_date(&self, i: usize) -> Option<DocDate> {
        let text = self.text(i);
        // The line's characters, matched as phrases are: one per character
        // of `text`, so that a match's end is a byte offset of `text`.
        let chars: Vec<(usize, char)> = text
            .char_indices()
            .map(|(i, c)| (i, fold_char(c)))
            .collect();
        let lower: String = chars.iter().map(|(_, c)| *c).collect();
        let appeal = APPEAL_WORDS.iter().any(|w| lower.contains(w));
        for phrase in DEADLINE_PHRASES {
            let weak = WEAK_DEADLINE_PHRASES.contains(phrase);
            if (weak && !appeal) || !lower.contains(phrase) {
                continue;
            }
            for end in phrase_ends(text, &chars, phrase) {
                // `by`, `before`: only with the date right after them.
                if weak && !date_starts(&text[end..]) {
                    continue;
                }
                if let Some(date) = date_after(text, end) {
                    return Some(date);
                }
            }
        }
        None
    }

    /// The date the document was issued: `PUBLICATION DATE:`, a `Date:`
    /// label, or a date alone on a line near the top.
    pub(super) fn issued(&mut self) {
        if let Some(h) = self.find_cue(Cue::Issued) {
            let value = self.headings[h]
                .as_ref()
                .map(|v| v.value.clone())
                .unwrap_or_default();
            if !value.is_empty() {
                self.draft.issued = Some(date_of(&value));
                self.set(h, "issued");
                return;
            }
        }
        let top = self.end.min(40);
        for i in 0..top {
            if !self.is_free(i) || self.lines[i].role == Role::Navigation {
                continue;
            }
            let t = self.text(i);
            let value = t.strip_prefix("Date:").map(str::trim);
            let alone = super::super::fields::is_date_line(t);
            if value.is_some() || alone {
                let d = date_of(value.unwrap_or(t));
                if d.date.is_some() {
                    self.draft.issued = Some(d);
                    self.set(i, "issued");
                    return;
                }
            }
        }
        let _ = Reason::Heading;
    }
}

/// The byte offsets where `phrase` ends in `text` (whose matching
/// characters are `chars`), as whole words; at most eight.
fn phrase_ends(text: &str, chars: &[(usize, char)], phrase: &str) -> Vec<usize> {
    let want: Vec<char> = phrase.chars().map(fold_char).collect();
    let mut out = Vec::new();
    if want.is_empty() || chars.len() < want.len() {
        return out;
    }
    for start in 0..=chars.len() - want.len() {
        if chars[start].1 != want[0] || (start > 0 && chars[start - 1].1.is_alphanumeric()) {
            continue;
        }
        if (0..want.len()).all(|k| chars[start + k].1 == want[k]) {
            let end_char = start + want.len();
            let end = chars.get(end_char).map_or(text.len(), |(i, _)| *i);
            let next = chars.get(end_char).map(|(_, c)| *c);
            if want.last().is_some_and(|c| !c.is_alphanumeric())
                || next.is_none_or(|c| !c.is_alphanumeric())
            {
                out.push(end);
            }
        }
        if out.len() == 8 {
            break;
        }
    }
    out
}

/// One character as phrases are matched: lower case, quotes straight.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '`' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}
