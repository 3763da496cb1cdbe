//! The action's own texts: title, summary, background, the people it is
//! for, its reference, the languages to write in, and the points to ask
//! for when there is no model letter. Read from their headings where the
//! document has them, else from where they stand: the title under the
//! banner or at the top, the summary the first paragraph after it, the
//! background the prose before the appeal.

use super::super::cues::{Cue, fold};
use super::super::document::Role;
use super::super::fields::is_capitals;
use super::super::fields::{index_number, languages, recase_title, ua_number};
use super::super::lines::Reason;
use super::{Reader, Use, is_prose};

/// Phrases that say one's own language is welcome, on a line of their own.
const OWN_LANGUAGE_LINES: &[&str] = &[
    "you can also write in your own language",
    "you may also write in your own language",
    "también puede escribir en su propio idioma",
    "también pueden escribir en su propio idioma",
    "vous pouvez aussi écrire dans votre propre langue",
    "vous pouvez également écrire dans votre langue",
];

impl Reader<'_> {
    pub(super) fn languages(&mut self) {
        if let Some(h) = self.find_cue(Cue::Language) {
            let value = self.value_or_next(h, "preferred_language");
            let (langs, own) = languages(&value);
            self.draft.languages = langs;
            self.draft.own_language_welcome |= own;
        }
        if let Some(h) = self.find_cue(Cue::Points) {
            let rest = self.headings[h]
                .as_ref()
                .map(|v| v.rest.clone())
                .unwrap_or_default();
            // The languages as the line writes them, not folded.
            let line = self.text(h);
            let named = [" in ", " en ", " dans "]
                .iter()
                .filter(|_| !rest.is_empty())
                .find_map(|w| line.split_once(w).map(|(_, r)| r));
            if let Some(named) = named {
                let (langs, own) = languages(named);
                if self.draft.languages.is_empty() {
                    self.draft.languages = langs;
                }
                self.draft.own_language_welcome |= own;
            }
        }
        for i in 0..self.end {
            let f = self.folded[i].trim_end_matches(['.', '!']);
            if OWN_LANGUAGE_LINES.iter().any(|o| f.contains(o)) {
                self.draft.own_language_welcome = true;
                if f.chars().count() <= 80 {
                    self.set(i, "own_language_welcome");
                }
            }
        }
    }

    /// A heading's value on its line, or else the first paragraph under
    /// it; the lines are given to `field`.
    fn value_or_next(&mut self, h: usize, field: &str) -> String {
        self.set(h, field);
        let value = self.headings[h]
            .as_ref()
            .map(|v| v.value.clone())
            .unwrap_or_default();
        if !value.is_empty() {
            return value;
        }
        let section = self.section(h);
        let Some((text, at)) = self.paragraphs(section).into_iter().next() else {
            return String::new();
        };
        for i in at {
            self.set(i, field);
        }
        text.replace('\n', " ")
    }

    /// The fields the labelled headings give.
    pub(super) fn labelled(&mut self) {
        self.issued();
        if let Some(h) = self.find_cue(Cue::Title) {
            let title = self.value_or_next(h, "title");
            self.set_title(&title);
        }
        let number = self
            .find_cue(Cue::TypeNumber)
            .map(|h| self.value_or_next(h, "reference"));
        let index = self
            .find_cue(Cue::Index)
            .map(|h| self.value_or_next(h, "reference"));
        self.draft.reference = match (number, index) {
            (Some(n), Some(i)) => Some(format!("{n} (Index: {i})")),
            (Some(n), None) => Some(n),
            (None, Some(i)) => Some(format!("Index: {i}")),
            (None, None) => None,
        };
        if let Some(h) = self.find_cue(Cue::Summary) {
            let value = self.headings[h]
                .as_ref()
                .map(|v| v.value.clone())
                .unwrap_or_default();
            self.set(h, "summary");
            let mut parts: Vec<String> = Vec::new();
            if !value.is_empty() {
                parts.push(value);
            }
            parts.extend(self.section_paragraphs(h, "summary"));
            if !parts.is_empty() {
                self.draft.summary = Some(parts.join("\n\n"));
            }
        }
        if let Some(h) = self.find_cue(Cue::People) {
            let people = self.value_or_next(h, "people");
            self.draft.people = (!people.is_empty()).then_some(people);
        }
        if let Some(h) = self.find_cue(Cue::Previous) {
            let previous = self.value_or_next(h, "previous_ua");
            self.draft.previous_ua = (!says_none(&previous)).then_some(previous);
        }
        for h in 0..self.end {
            if self.cue(h) == Some(Cue::Background) {
                self.leave(h, Reason::Heading);
                let paragraphs = self.section_paragraphs(h, "background");
                self.draft.background.extend(paragraphs);
            }
        }
    }

    /// The paragraphs of a heading's section, given to `field`; a
    /// paragraph's hard line breaks become spaces.
    fn section_paragraphs(&mut self, h: usize, field: &str) -> Vec<String> {
        let section = self.section(h);
        let mut out = Vec::new();
        for (text, at) in self.paragraphs(section) {
            for i in at {
                self.set(i, field);
            }
            out.push(text.replace('\n', " "));
        }
        out
    }

    fn set_title(&mut self, title: &str) {
        // `1. EGYPTE: …`: a list's number is not part of the title.
        let digits = title.chars().take_while(char::is_ascii_digit).count();
        let title = match title[digits..].strip_prefix(['.', ')']) {
            Some(rest) if (1..=2).contains(&digits) => rest,
            _ => title,
        };
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        // A title is a line, not a page: past this, it is no title.
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            return;
        }
        let lines = self.lines.iter().map(|l| l.text.as_str());
        match recase_title(&title, lines) {
            Some(recased) => {
                self.draft.title = Some(recased);
                self.draft.title_recased = true;
            }
            None => self.draft.title = Some(title),
        }
    }

    /// The texts a document gives without headings.
    pub(super) fn story(&mut self) {
        self.reference();
        if self.draft.title.is_none()
            && let Some(i) = self.title_line()
        {
            let t = self.text(i).to_string();
            self.set(i, "title");
            self.set_title(&t);
            self.people_after(i);
        }
        if self.draft.title.is_none()
            && let Some(subject) = self.draft.letter.as_ref().and_then(|l| l.subject.clone())
        {
            // A letter's subject says what it is about: it stands as the title.
            self.draft.title = Some(subject);
        }
        let anchor = self.first_anchor();
        // The story starts under its title, or its UA header: prose above
        // them is the page's.
        let from = self
            .uses
            .iter()
            .position(|u| matches!(u, Use::Field(f) if f == "title" || f == "reference"))
            .filter(|&t| t < anchor)
            .map_or(0, |t| t + 1);
        let mut prose: Vec<(String, Vec<usize>)> = self
            .paragraphs(from..anchor)
            .into_iter()
            .filter(|(t, _)| {
                is_prose(t) && !t.trim_end().ends_with(':') && !super::rest::is_instruction(t)
            })
            .collect();
        if self.draft.summary.is_none() && !prose.is_empty() {
            let (text, at) = prose.remove(0);
            for i in at {
                self.set(i, "summary");
            }
            self.draft.summary = Some(text.replace('\n', " "));
        }
        // The rest of the story is the start of the background, before
        // what a heading gives as background.
        let mut story = Vec::new();
        for (text, at) in prose {
            for i in at {
                self.set(i, "background");
            }
            story.push(text.replace('\n', " "));
        }
        story.append(&mut self.draft.background);
        self.draft.background = story;
    }

    /// The first line of the appeal itself: the points, the targets, the
    /// letter (the story comes before it).
    fn first_anchor(&self) -> usize {
        (0..self.end)
            .find(|&i| match &self.uses[i] {
                Use::Field(f) => {
                    f == "letter"
                        || f.starts_with("targets")
                        || f.starts_with("copies")
                        || f == "points"
                }
                _ => matches!(
                    self.cue(i),
                    Some(Cue::Points | Cue::SendBefore | Cue::TakeAction)
                ),
            })
            .unwrap_or(self.end)
    }

    /// The title: a line in capitals under the banner or near the top, a
    /// page heading, a `Country: title` line, or the page's own title.
    fn title_line(&self) -> Option<usize> {
        let top = self.first_anchor().min(40);
        // Under a UA header near the top: what stands above it is the page's.
        let from = self
            .uses
            .iter()
            .take(12)
            .position(|u| matches!(u, Use::Field(f) if f == "reference"))
            .map_or(0, |r| r + 1);
        let free = |i: &usize| {
            *i >= from
                && self.is_free(*i)
                && !self.is_blank(*i)
                && self.lines[*i].role != Role::Navigation
                && self.headings[*i].is_none()
        };
        let shouted = (0..top).filter(free).find(|&i| {
            let t = self.text(i);
            is_capitals(t) && t.split_whitespace().count() >= 3 && t.chars().count() <= 160
        });
        let heading = (0..top)
            .filter(free)
            .find(|&i| self.lines[i].role == Role::Heading && self.text(i).chars().count() <= 200);
        let case = (0..top)
            .filter(free)
            .find(|&i| super::rest::is_case_title(self.text(i)));
        let page = (0..top)
            .filter(free)
            .find(|&i| self.lines[i].role == Role::Title);
        shouted.or(heading).or(case).or(page)
    }

    /// `Raif Badawi (m)`, `MEXICO Juan Manuel Martinez (m)`, after a
    /// country line: whom the action is for, just under the title.
    fn people_after(&mut self, title: usize) {
        if self.draft.people.is_some() {
            return;
        }
        let next: Vec<usize> = (title + 1..self.end)
            .filter(|&i| !self.is_blank(i))
            .take(3)
            .collect();
        for i in next {
            if !self.is_free(i) {
                break;
            }
            let t = self.text(i);
            if is_capitals(t) && t.split_whitespace().count() <= 3 {
                self.leave(i, Reason::Heading);
                continue;
            }
            let marked = ["(m)", "(f)", "(m/f)", "(f/m)", "(m y f)", "(h)"]
                .iter()
                .any(|m| t.contains(m));
            // `BRAZIL Over 200 homeless families`: the country, then whom.
            let country = t
                .split_once(' ')
                .filter(|(c, rest)| is_capitals(c) && c.len() >= 4 && !is_capitals(rest));
            if (marked || country.is_some()) && t.chars().count() <= 100 && !t.ends_with(['.', ':'])
            {
                let people = country.map_or(t, |(_, rest)| rest);
                self.draft.people = Some(people.trim().to_string());
                self.set(i, "people");
            }
            break;
        }
    }

    /// The UA number and index from a header line near the top, and the
    /// action it follows when it is an update.
    fn reference(&mut self) {
        if self.draft.reference.is_some() {
            return;
        }
        let top = self.end.min(60);
        let Some((i, range)) = (0..top)
            .filter(|&i| self.lines[i].role != Role::Navigation)
            .find_map(|i| ua_number(self.text(i)).map(|r| (i, r)))
        else {
            return;
        };
        let t = self.text(i).to_string();
        let head = t[..range.end].trim();
        let f = fold(head);
        let reference = if f.split_whitespace().count() <= 8 {
            head
        } else {
            &t[range.clone()]
        };
        let index = index_number(&t).map(str::to_string).or_else(|| {
            (i.saturating_sub(3)..(i + 4).min(self.end))
                .filter(|&j| j != i && self.is_free(j))
                .find_map(|j| {
                    let line = self.text(j);
                    (index_number(line) == Some(line)).then(|| line.to_string())
                })
        });
        if [
            "further information",
            "follow-up",
            "update",
            "actualización",
            "mise à jour",
        ]
        .iter()
        .any(|w| f.contains(w))
        {
            self.draft.previous_ua =
                Some(t[range.clone()].trim_start_matches(['(', ' ']).to_string());
        }
        self.draft.reference = Some(match &index {
            Some(ix) => format!("{reference} (Index: {ix})"),
            None => reference.to_string(),
        });
        if t.chars().count() <= 140 && self.is_free(i) {
            self.set(i, "reference");
            if let Some((_, date)) = t.split_once("Date:")
                && self.draft.issued.is_none()
            {
                self.draft.issued = Some(super::super::fields::date_of(date));
            }
            // `Follow-up on UA 52/10 (10 March 2010) - Fear for safety`,
            // `Urgent Action Update: YOUTH ARRESTED … (Iran: UA 83.21)`.
            if self.draft.title.is_none()
                && let Some(title) = title_in_header(&t, &range)
                && index.is_none()
            {
                self.set_title(&title);
                self.people_after(i);
            }
        }
        if let Some(ix) = index {
            for j in i.saturating_sub(3)..(i + 4).min(self.end) {
                if self.is_free(j) && self.text(j) == ix {
                    self.set(j, "reference");
                }
            }
        }
    }

    /// What to ask for, as bullet points after `PLEASE WRITE IMMEDIATELY`.
    pub(super) fn points(&mut self) {
        let Some(h) = self.find_cue(Cue::Points) else {
            return;
        };
        self.set(h, "points");
        let mut i = h + 1;
        while i < self.end {
            let t = self.text(i);
            if self.is_blank(i) {
                i += 1;
                continue;
            }
            let Some(point) = t.strip_prefix("- ") else {
                break;
            };
            self.draft.points.push(point.trim().to_string());
            self.set(i, "points");
            i += 1;
        }
    }
}

/// The title a UA header line carries: after ` - `, right after the
/// number (`UA 165/09 Forced eviction`), or between the first colon and
/// the bracket that holds the UA number.
fn title_in_header(line: &str, number: &std::ops::Range<usize>) -> Option<String> {
    if let Some((_, theme)) = line.rsplit_once(" - ")
        && !theme.trim().starts_with('(')
    {
        return Some(theme.trim().to_string());
    }
    let after = line[number.end..].trim();
    if number.start == 0
        && !after.is_empty()
        && !after.contains(':')
        && after.split_whitespace().count() <= 6
        && after.chars().next().is_some_and(char::is_uppercase)
    {
        return Some(after.to_string());
    }
    let (_, after) = line.split_once(':')?;
    let before_number = line[..number.start].rfind('(').unwrap_or(line.len());
    let start = line.len() - after.len();
    if before_number <= start {
        return None;
    }
    let title = line[start..before_number].trim();
    (title.split_whitespace().count() >= 3).then(|| title.to_string())
}

/// The longest text taken as a title.
const MAX_TITLE: usize = 300;

/// `N/A`, `None`, `-`: the document says there is nothing.
pub(super) fn says_none(v: &str) -> bool {
    matches!(
        fold(v).trim_end_matches('.'),
        "n/a" | "na" | "none" | "-" | "–" | "no" | "" | "ninguno" | "ninguna" | "aucun" | "aucune"
    )
}
