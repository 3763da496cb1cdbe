//! What is not the action: the banner, a second case on a page of
//! several, and every line no field took, each named with its reason.

use super::super::cues::{Cue, fold};
use super::super::document::Role;
use super::super::fields::is_capitals;
use super::super::fields::{Label, label};
use super::super::lines::Reason;
use super::super::placeholder;
use super::{Reader, Use, is_prose};

/// Words that open instructions to a page's reader, not the action.
const INSTRUCTIONS: &[&str] = &[
    "click",
    "please let us know",
    "let us know",
    "share",
    "sign up",
    "subscribe",
    "donate",
    "report",
    "for the full urgent action",
    "for a print-friendly",
    "to read the current",
    "to learn about",
    "read more",
    "see also",
    "see amnesty",
    "please see",
    "either send",
    "or fill out",
    "write a letter in your own words",
    "please take action",
    "plus de détails",
    "merci de votre engagement",
    "signez",
    "haga clic",
    "más información",
    "cliquez",
    "image :",
    "image:",
    "photo:",
    "advertisement",
];

/// Whether a line or paragraph is instructions to the page's reader
/// (`Click here…`, `2. Write a letter in your own words…`).
pub(super) fn is_instruction(t: &str) -> bool {
    // The words that open instructions are at the start of their line.
    let f = fold(&t[..t.char_indices().nth(80).map_or(t.len(), |(i, _)| i)]);
    let unnumbered = f
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim_start();
    INSTRUCTIONS.iter().any(|w| unnumbered.starts_with(w))
}

/// `Pakistan : des chrétiens poursuivis …`, `1. EGYPTE: Schrijfactie …`:
/// a line that opens a case, on a page that lists several.
pub(super) fn is_case_title(t: &str) -> bool {
    if t.chars().count() > 140 || label(t).is_some() {
        return false;
    }
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim_start();
    let Some((place, rest)) = t.split_once(':') else {
        return false;
    };
    let place = place.trim();
    let words = place.split_whitespace().count();
    (1..=3).contains(&words)
        && place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !place.chars().any(|c| c.is_ascii_digit())
        && rest.split_whitespace().count() >= 2
        && ![
            "ua", "au", "index", "date", "re", "subject", "asunto", "objet", "note", "nota",
            "image", "photo", "foto", "crédit", "credit", "source", "fuente",
        ]
        .contains(&fold(place).as_str())
}

impl Reader<'_> {
    /// Where the first action ends: at the title of another case, when a
    /// letter, an address or points of its own follow it.
    pub(super) fn extent(&self) -> usize {
        let anchors: Vec<usize> = (0..self.len()).filter(|&i| self.is_anchor(i)).collect();
        let Some(&first) = anchors.first() else {
            return self.len();
        };
        let starts: Vec<usize> = (first + 1..self.len())
            .filter(|&i| {
                self.lines[i].role != Role::Navigation
                    && (is_case_title(self.text(i))
                        || (self.lines[i].role == Role::Heading && self.headings[i].is_none()))
            })
            .collect();
        // A case title with an anchor after it: before the last anchor.
        let last = anchors.last().copied().unwrap_or(0);
        starts.into_iter().find(|&s| s < last).unwrap_or(self.len())
    }

    /// A line that makes a part of an appeal: a salutation, a heading of
    /// targets or points, a contact's email or fax.
    fn is_anchor(&self, i: usize) -> bool {
        let t = self.text(i);
        self.salutes[i]
            || matches!(
                self.cue(i),
                Some(Cue::Targets | Cue::Points | Cue::SendBefore | Cue::Letter)
            )
            || matches!(label(t), Some((Label::Email | Label::Fax, _)))
    }

    /// The banner is a heading, not content.
    pub(super) fn banners(&mut self) {
        for i in 0..self.end {
            if self.cue(i) == Some(Cue::Banner) {
                self.leave(i, Reason::Heading);
            }
        }
    }

    /// A document whose last line stops mid-sentence was probably cut
    /// short: say so, since what it lacks may be in the full document.
    pub(super) fn cut_short(&mut self) -> bool {
        let Some(last) = (0..self.len())
            .rev()
            .find(|&i| !self.is_blank(i) && self.lines[i].role != Role::Navigation)
        else {
            return false;
        };
        let t = self.text(last).to_string();
        let ends = t.ends_with(['.', '!', '?', ')', '"', '”', '’', ':', '»']) || t.contains('@');
        // An address or a label may end a document; a sentence stops short.
        let words = t.split_whitespace().count();
        if ends || is_capitals(&t) || words < 6 || label(&t).is_some() {
            return false;
        }

        if let Some(letter) = self.draft.letter.as_mut()
            && letter.closing.is_none()
        {
            letter.paragraphs.push(placeholder(
                "the rest of the letter; the document is cut short",
            ));
        }
        let end = super::super::fields::tail(&t, 40).to_string();
        self.draft
            .notes
            .push(crate::ui::tr!("import-cut-short", end = end));
        true
    }

    /// Every line no field took, with its reason.
    pub(super) fn leftovers(&mut self) {
        for i in 0..self.len() {
            if self.is_blank(i) || self.uses[i] != Use::Free {
                continue;
            }
            let reason = self.reason(i);
            self.uses[i] = Use::Left(reason);
        }
    }

    fn reason(&self, i: usize) -> Reason {
        let line = &self.lines[i];
        let t = self.text(i);
        let f = &self.folded[i];
        if i >= self.end {
            return Reason::AnotherAction;
        }
        match line.role {
            Role::Navigation => return Reason::SiteNavigation,
            Role::Title => return Reason::Wrapper,
            _ => {}
        }
        if self.headings[i].is_some() {
            return Reason::Heading;
        }
        if t.starts_with('[') && t.ends_with(']') {
            return Reason::EditorNote;
        }
        match label(t) {
            Some((Label::Postage, _)) => return Reason::Postage,
            Some((Label::Social, _)) => return Reason::SocialMedia,
            _ => {}
        }
        let _ = f;
        if is_instruction(t) {
            return Reason::Instructions;
        }
        if is_wrapper(t) {
            return Reason::Wrapper;
        }
        if self.closes[i] || self.salutes[i] {
            return Reason::OutsideTheAction;
        }
        if (is_capitals(t) || line.role == Role::Heading) && !is_prose(t) {
            return Reason::Heading;
        }
        Reason::OutsideTheAction
    }
}

/// A blog's or an e-mail's wrapper: a rule of dashes, a bare link, a
/// weekday date at the top of a post, `From:` lines.
fn is_wrapper(t: &str) -> bool {
    let f = fold(t);
    t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '))
        || (f.starts_with("http") && !f.contains(' '))
        || f.starts_with("www.")
        || [
            "monday,",
            "tuesday,",
            "wednesday,",
            "thursday,",
            "friday,",
            "saturday,",
            "sunday,",
        ]
        .iter()
        .any(|d| f.starts_with(d))
        || f.starts_with("- from ")
        || f.starts_with("from:")
        || f.starts_with("sent:")
}
