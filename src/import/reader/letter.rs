//! The model letter: where it starts (a salutation, a letter heading, a
//! subject line, or the prose above a closing), where it ends (a closing,
//! or the next heading in a copy cut short), and its words.

use super::super::Letter;
use super::super::cues::{Cue, SUBJECTS, starts_with_any};
use super::super::document::Role;
use super::super::fields::label;
use super::super::letter::{FillIn, fill_ins, is_signature, language_of_phrase, language_of_text};
use super::super::lines::Reason;
use super::{Reader, is_prose};

/// Where a letter starts: its salutation or subject line (if any), and
/// its first line of text.
struct Start {
    salutation: Option<usize>,
    subject: Option<usize>,
    body: usize,
}

impl Reader<'_> {
    pub(super) fn letter(&mut self) {
        let Some(start) = self.letter_start() else {
            return;
        };
        let stop = (start.body..self.end)
            .find(|&i| {
                self.cue(i).is_some_and(|c| c != Cue::Letter)
                    && !self.headings[i]
                        .as_ref()
                        .is_some_and(|h| h.cue == Cue::Copies && self.closing_above(i))
            })
            .unwrap_or(self.end);
        let closing = (start.body..stop).find(|&i| self.closes[i]);
        let body_end = closing.unwrap_or(stop);
        for i in start.body..body_end {
            let t = self.text(i);
            if t.starts_with('[') && t.ends_with(']') && fill_ins(t).is_empty() {
                self.leave(i, Reason::EditorNote);
            } else if self.cue(i) == Some(Cue::Letter) {
                self.leave(i, Reason::Heading);
            }
        }
        let paragraphs = self.paragraphs(start.body..body_end);
        let mut letter = Letter {
            salutation: start.salutation.map(|i| self.text(i).to_string()),
            closing: closing.map(|i| self.text(i).to_string()),
            subject: start.subject.map(|i| subject_of(self.text(i))),
            ..Letter::default()
        };
        for (text, at) in &paragraphs {
            letter.paragraphs.push(template_of(text));
            for &i in at {
                self.set(i, "letter");
            }
        }
        for i in [start.salutation, start.subject, closing]
            .into_iter()
            .flatten()
        {
            self.set(i, "letter");
        }
        let words: String = paragraphs
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        letter.lang = [letter.salutation.as_deref(), letter.closing.as_deref()]
            .into_iter()
            .flatten()
            .find_map(language_of_phrase)
            .or_else(|| language_of_text(&words))
            .unwrap_or("und")
            .to_string();
        if let Some(c) = closing {
            self.signature_after(c);
        }
        self.draft.letter = Some(letter);
    }

    /// Whether a letter's closing stands above line `i` (a `cc.` after
    /// the letter is not where the letter stops).
    fn closing_above(&self, i: usize) -> bool {
        (0..i).rev().take(12).any(|j| self.closes[j])
    }

    /// The writer's name, address or a signature rule after the closing.
    fn signature_after(&mut self, closing: usize) {
        let mut seen = 0;
        for i in closing + 1..self.end {
            if self.is_blank(i) {
                continue;
            }
            if seen == 4 || !is_signature(self.text(i)) {
                break;
            }
            self.leave(i, Reason::Signature);
            seen += 1;
        }
    }

    fn letter_start(&self) -> Option<Start> {
        if let Some(h) = self.find_cue(Cue::Letter) {
            let section = self.section(h);
            if let Some(s) = section.clone().find(|&i| self.is_salutation_at(i)) {
                return Some(self.at_salutation(s));
            }
            if let Some(b) = section.clone().find(|&i| !self.is_blank(i)) {
                return Some(Start {
                    salutation: None,
                    subject: None,
                    body: b,
                });
            }
        }
        // Of the salutations before the first closing, the last: a
        // message's own `Dear friends,` comes before the letter it carries.
        let closing = (0..self.end).find(|&i| self.closes[i]);
        let mut salutations = (0..closing.unwrap_or(self.end))
            .filter(|&i| self.is_salutation_at(i) && self.text_follows(i));
        let chosen = if closing.is_some() {
            salutations.next_back()
        } else {
            salutations.next()
        };
        if let Some(s) = chosen {
            return Some(self.at_salutation(s));
        }

        if let Some(s) = (0..self.end).find(|&i| self.is_subject(i) && self.text_follows(i)) {
            let body = (s + 1..self.end).find(|&i| !self.is_blank(i))?;
            return Some(Start {
                salutation: None,
                subject: Some(s),
                body,
            });
        }
        self.prose_above_closing()
    }

    fn at_salutation(&self, s: usize) -> Start {
        Start {
            salutation: Some(s),
            subject: None,
            body: s + 1,
        }
    }

    fn is_salutation_at(&self, i: usize) -> bool {
        self.lines[i].role != Role::Navigation && label(self.text(i)).is_none() && self.salutes[i]
    }

    fn is_subject(&self, i: usize) -> bool {
        let f = &self.folded[i];
        starts_with_any(f, SUBJECTS).is_some() && f.chars().count() <= 160
    }

    /// Whether text that is not a closing or a heading follows line `i`
    /// within a few lines: a salutation opens a letter, a label does not.
    fn text_follows(&self, i: usize) -> bool {
        (i + 1..self.end)
            .filter(|&j| !self.is_blank(j))
            .take(1)
            .any(|j| {
                let t = self.text(j);
                !self.closes[j]
                    && self.headings[j].is_none()
                    && label(t).is_none()
                    && (t.split_whitespace().count() >= 4 || j + 1 == self.end)
            })
    }

    /// A letter with no salutation and no subject: the prose paragraphs
    /// right above a closing.
    fn prose_above_closing(&self) -> Option<Start> {
        let closing = (0..self.end).find(|&i| self.closes[i])?;
        let mut body = None;
        for i in (0..closing).rev() {
            if self.is_blank(i) {
                continue;
            }
            if !is_prose(self.text(i)) || self.headings[i].is_some() {
                break;
            }
            body = Some(i);
        }
        Some(Start {
            salutation: None,
            subject: None,
            body: body?,
        })
    }
}

/// `Re:  Call to release all political prisoners`: the subject's words.
fn subject_of(line: &str) -> String {
    line.split_once(':')
        .map_or(line, |(_, s)| s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph of the document as template text: its words as they are
/// (a `{{` in them escaped, so that nothing typed is ever a tag), the
/// writer's name fill-in as `{{name}}`, other fill-ins as markers `check`
/// reports.
pub(super) fn template_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, fill) in fill_ins(text) {
        out.push_str(&escape(&text[at..range.start]));
        match fill {
            FillIn::Name => out.push_str("{{name}}"),
            FillIn::Other(what)
                if crate::markers::bracket_markers(&text[range.clone()]).len() == 1 =>
            {
                let _ = what;
                out.push_str(&escape(&text[range.clone()]));
            }
            FillIn::Other(what) => out.push_str(&escape(&super::super::placeholder(&what))),
        }
        at = range.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Document text inside a template: `{{` would start a tag.
pub(super) fn escape(s: &str) -> String {
    s.replace("{{", "\\{{")
}
