//! The shape reader: finds an urgent action's parts in a document's lines
//! by their shape (a salutation and a closing make a letter; short lines
//! with an address or an email before it make the officials to write to;
//! a phrase that introduces a date makes the deadline), with the headings
//! of the layout families as cues where the document has them.
//!
//! Every line is given one use: a field of the action, or a reason it was
//! left out. Nothing is dropped unnamed.

mod letter;
mod recipients;
mod rest;
mod story;
mod when;

use super::cues::{self, Cue, Heading, fold};
use super::document::{Document, Role};
use super::lines::{self, Line, Reason};
use super::{Draft, LeftOut, Refusal, Shape};

/// What a line went into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Use {
    Free,
    Field(String),
    Left(Reason),
}

/// The document's lines, what is known of each, and the draft so far.
pub(super) struct Reader<'a> {
    pub lines: Vec<Line>,
    pub folded: Vec<String>,
    pub headings: Vec<Option<Heading>>,
    /// Whether each line is a salutation, and a closing: asked often, so
    /// known once.
    pub salutes: Vec<bool>,
    pub closes: Vec<bool>,
    pub uses: Vec<Use>,
    /// Where the first action ends, on a page of several.
    pub end: usize,
    pub draft: Draft,
    doc: &'a Document,
}

/// Reads a document into a draft, or says why it holds no action.
pub fn read(doc: &Document) -> Result<Draft, Refusal> {
    let (lines, aside) = lines::prepare(doc);
    let mut r = Reader::new(doc, lines);
    r.end = r.extent();
    r.banners();
    r.letter();
    r.recipients();
    r.deadline();
    r.late_advice();
    r.languages();

    r.labelled();
    r.story();
    r.points();
    let cut = r.cut_short();
    // A salutation and some prose with no closing, no one to write to and
    // nothing of an urgent action about it is a message, not a model letter.
    let cue = r.is_urgent_action();
    let letter = r
        .draft
        .letter
        .as_ref()
        .is_some_and(|l| l.closing.is_some() || cue || cut);
    if !letter && r.draft.targets.is_empty() && r.draft.points.is_empty() && !cue {
        return Err(Refusal::NoAction);
    }
    r.draft.shape = r.shape();
    r.draft.language = r.language_of_document();
    r.greet_targets();
    r.leftovers();
    let mut draft = r.finish();
    draft.left_out.extend(aside.into_iter().map(|a| LeftOut {
        line: a.line,
        text: shown(&doc.lines[a.line - 1].text),
        reason: a.reason,
    }));
    draft.left_out.sort_by_key(|l| l.line);
    Ok(draft)
}

/// A document's text as a report may carry it: no control or bidi
/// character, whatever the document held.
fn shown(text: &str) -> String {
    text.chars()
        .filter(|c| !crate::text::hides_text(*c) && !crate::text::is_tag(*c))
        .collect()
}

impl<'a> Reader<'a> {
    fn new(doc: &'a Document, lines: Vec<Line>) -> Reader<'a> {
        let folded: Vec<String> = lines.iter().map(|l| fold(&l.text)).collect();
        let headings = lines
            .iter()
            .zip(&folded)
            .map(|(l, f)| {
                if l.role == Role::Navigation {
                    None
                } else {
                    cues::heading(&l.text, strip_number(f))
                }
            })
            .collect();
        let salutes = lines
            .iter()
            .zip(&folded)
            .map(|(l, f)| super::letter::is_salutation_folded(l.text.trim(), f))
            .collect();
        let closes = folded
            .iter()
            .map(|f| super::letter::is_closing_folded(f))
            .collect();
        let uses = vec![Use::Free; lines.len()];
        let mut draft = Draft::new(doc.kind);
        draft.line_count = doc.lines.len();
        Reader {
            end: lines.len(),
            lines,
            folded,
            headings,
            salutes,
            closes,
            uses,
            draft,
            doc,
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn text(&self, i: usize) -> &str {
        self.lines[i].text.trim()
    }

    pub fn is_free(&self, i: usize) -> bool {
        self.uses[i] == Use::Free
    }

    pub fn is_blank(&self, i: usize) -> bool {
        self.lines[i].is_blank()
    }

    /// The cue of the heading line `i` is, if it is one.
    pub fn cue(&self, i: usize) -> Option<Cue> {
        self.headings[i].as_ref().map(|h| h.cue)
    }

    /// The first line with cue `cue`, before the action's end.
    pub fn find_cue(&self, cue: Cue) -> Option<usize> {
        (0..self.end).find(|&i| self.cue(i) == Some(cue))
    }

    pub fn set(&mut self, i: usize, field: &str) {
        if self.uses[i] == Use::Free {
            self.uses[i] = Use::Field(field.to_string());
        }
    }

    pub fn leave(&mut self, i: usize, reason: Reason) {
        if self.uses[i] == Use::Free {
            self.uses[i] = Use::Left(reason);
        }
    }

    /// The lines of the section under heading line `at`: up to the next
    /// heading (of any cue), or the action's end.
    pub fn section(&self, at: usize) -> std::ops::Range<usize> {
        let end = (at + 1..self.end)
            .find(|&i| self.headings[i].is_some())
            .unwrap_or(self.end);
        at + 1..end
    }

    /// Paragraphs of the free lines in `range`: runs of lines between
    /// blank lines, each joined by line breaks; each paragraph with the
    /// line indices it came from.
    pub fn paragraphs(&self, range: std::ops::Range<usize>) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<usize>)> = Vec::new();
        let mut open = false;
        for i in range {
            if self.is_blank(i) || !self.is_free(i) || self.lines[i].role == Role::Navigation {
                open = false;
                continue;
            }
            let t = self.text(i);
            match out.last_mut() {
                Some((text, at)) if open => {
                    text.push('\n');
                    text.push_str(t);
                    at.push(i);
                }
                _ => out.push((t.to_string(), vec![i])),
            }
            // A line that ends a sentence in text that is not hard-wrapped
            // ends its paragraph; a list or an address goes on.
            open = !(ends_paragraph(t) && t.chars().count() >= 50);
        }
        out
    }

    /// Whether the document says it is an urgent action: a banner, a UA
    /// number, or a heading of the layout families.
    fn is_urgent_action(&self) -> bool {
        self.draft.reference.is_some()
            || self.headings.iter().flatten().any(|h| {
                matches!(
                    h.cue,
                    Cue::Banner
                        | Cue::Title
                        | Cue::Summary
                        | Cue::TakeAction
                        | Cue::Points
                        | Cue::SendBefore
                        | Cue::Letter
                        | Cue::Targets
                )
            })
    }

    /// The language of the document's prose.
    fn language_of_document(&self) -> Option<String> {
        let text: Vec<&str> = (0..self.end)
            .filter(|&i| self.lines[i].role != Role::Navigation)
            .map(|i| self.text(i))
            .take(400)
            .collect();
        super::letter::language_of_text(&text.join(" ")).map(str::to_string)
    }

    /// A target with no salutation of its own is greeted as the letter
    /// greets it, when the letter is to it: the only target, or the one
    /// whose name the salutation holds.
    fn greet_targets(&mut self) {
        let Some(greeting) = self
            .draft
            .letter
            .as_ref()
            .and_then(|l| l.salutation.clone())
        else {
            return;
        };
        let only = self.draft.targets.len() == 1;
        for target in &mut self.draft.targets {
            let named = target
                .name
                .as_deref()
                .and_then(|n| n.split_whitespace().last())
                .is_some_and(|last| greeting.contains(last));
            if only || named {
                super::contacts::greeted(target, Some(&greeting));
            }
        }
    }

    /// The family whose headings the document has, or the shape it has.
    fn shape(&self) -> Shape {
        let has = |cue| self.find_cue(cue).is_some();
        let labelled = [Cue::Title, Cue::TypeNumber, Cue::Summary]
            .iter()
            .filter(|c| has(**c))
            .count()
            + usize::from(
                self.headings
                    .iter()
                    .flatten()
                    .any(|h| h.cue == Cue::Letter && h.value.is_empty()),
            );
        if labelled >= 2 {
            Shape::Labelled
        } else if has(Cue::TakeAction) && (has(Cue::Banner) || has(Cue::Background)) {
            Shape::Current
        } else if has(Cue::Points)
            || has(Cue::SendBefore)
            || (self.draft.letter.is_none() && !self.draft.points.is_empty())
            || self.ua_header()
        {
            Shape::Older
        } else if self.draft.letter.is_some() {
            Shape::ModelLetter
        } else {
            Shape::Appeal
        }
    }

    /// Whether a UA header line (`UA: 229/10 Index: …`) opens the document.
    fn ua_header(&self) -> bool {
        self.uses
            .iter()
            .take(12)
            .any(|u| matches!(u, Use::Field(f) if f == "reference"))
    }

    /// Where each field's lines are, and what was left out.
    fn finish(self) -> Draft {
        let mut draft = self.draft;
        let mut by_field: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (i, u) in self.uses.iter().enumerate() {
            let line = &self.lines[i];
            match u {
                Use::Field(name) => {
                    let range = (line.from, line.to);
                    match index.get(name) {
                        Some(&at) => {
                            let ranges = &mut by_field[at].1;
                            match ranges.last_mut() {
                                Some(last) if last.1 + 1 >= range.0 => last.1 = last.1.max(range.1),
                                _ => ranges.push(range),
                            }
                        }
                        None => {
                            index.insert(name.clone(), by_field.len());
                            by_field.push((name.clone(), vec![range]));
                        }
                    }
                }
                Use::Left(reason) => {
                    for n in line.from..=line.to {
                        draft.left_out.push(LeftOut {
                            line: n,
                            text: shown(&self.doc.lines[n - 1].text),
                            reason: *reason,
                        });
                    }
                }
                Use::Free => {}
            }
        }
        draft.left_out.dedup_by_key(|l| l.line);
        draft.origins = by_field;
        draft
    }
}

/// A folded line without the bullet or list number it opens with (`1)
/// please write…`, `- urgent action`).
fn strip_number(folded: &str) -> &str {
    if let Some(rest) = folded.strip_prefix("- ") {
        return rest;
    }
    let digits = folded.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &folded[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return r;
        }
    }
    folded
}

/// Whether a line ends a sentence (and so, in unwrapped text, a paragraph).
pub(super) fn ends_paragraph(t: &str) -> bool {
    t.trim_end()
        .trim_end_matches(['”', '"', '’', '\'', ')', '»'])
        .ends_with(['.', '!', '?', ':', '…'])
}

/// Prose: a sentence of eight words or more, most of them in lower case.
pub(super) fn is_prose(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 8 {
        return false;
    }
    // Scripts without capitals (Arabic, Hebrew, Chinese) count as lower.
    let lower = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
        })
        .count();
    lower * 2 > words.len()
}
