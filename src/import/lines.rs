//! A document's lines made ready to read: control characters removed,
//! Markdown markup dropped (link texts kept), page numbers and running
//! headers set aside, hard-wrapped paragraphs joined again. Every line
//! remembers the document lines it came from, and every line set aside is
//! named with its reason, so that an import can account for each one.
//!
//! Every step looks at each line a bounded number of times: reading is
//! linear in the document's size, whatever its shape.

use serde::Serialize;

use super::cues::fold;
use super::document::{DocLine, Document, Kind, Role};
use super::fields::{is_capitals, label};

/// A line as the reader sees it, and the document lines (from 1) it was
/// made from, `from..=to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub role: Role,
    pub from: usize,
    pub to: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Why a line of the document went into no field of the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    PageNumber,
    RunningHeader,
    EditorNote,
    SiteNavigation,
    Heading,
    /// Instructions to the reader of the page: report back, click here.
    Instructions,
    /// The writer's signature, name or address lines: appeal writes them.
    Signature,
    /// The sender's place and date above a letter.
    SenderPlaceDate,
    /// Postage, stamps.
    Postage,
    /// A social-media handle of a target: not a way to send a letter.
    SocialMedia,
    /// An e-mail's headers, a blog's wrapper, a page's title.
    Wrapper,
    /// A case after the first on a page of several.
    AnotherAction,
    /// Prose outside every part of the action.
    OutsideTheAction,
    /// Markup or invisible characters, and nothing else.
    Markup,
}

impl Reason {
    /// In words, for the report and for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::PageNumber => "page number",
            Reason::RunningHeader => "running header",
            Reason::EditorNote => "editor note",
            Reason::SiteNavigation => "site navigation",
            Reason::Heading => "heading",
            Reason::Instructions => "instructions to the reader",
            Reason::Signature => "the writer's signature (appeal writes its own)",
            Reason::SenderPlaceDate => "the sender's place and date",
            Reason::Postage => "postage",
            Reason::SocialMedia => "social media handle",
            Reason::Wrapper => "page or message wrapper",
            Reason::AnotherAction => "another action on the same page",
            Reason::OutsideTheAction => "text outside the action",
            Reason::Markup => "markup or invisible characters only",
        }
    }
}

/// A document line set aside before reading, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub line: usize,
    pub reason: Reason,
}

/// The lines of a document, ready to read, and those set aside.
pub fn prepare(doc: &Document) -> (Vec<Line>, Vec<SetAside>) {
    let markdown = matches!(doc.kind, Kind::Text | Kind::Markdown | Kind::Email);
    let mut lines: Vec<Line> = doc
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| Line {
            text: clean(&l.text, markdown),
            role: l.role,
            from: i + 1,
            to: i + 1,
        })
        .collect();
    let mut aside: Vec<SetAside> = lines
        .iter()
        .zip(&doc.lines)
        .filter(|(l, d)| l.is_blank() && !d.text.trim().is_empty())
        .map(|(l, _)| SetAside {
            line: l.from,
            reason: Reason::Markup,
        })
        .collect();
    drop_furniture(&doc.lines, &mut lines, &mut aside);
    let wrapped = doc.kind.is_paged() || (markdown && looks_hard_wrapped(&lines));
    let lines = if wrapped {
        rejoin(join_pages(&doc.lines, lines))
    } else {
        lines
    };
    (split_openings(collapse_blank(lines)), aside)
}

/// One line without control or invisible characters, and for text and
/// Markdown without markup: heading hashes, emphasis, link targets.
pub fn clean(line: &str, markdown: bool) -> String {
    let line: String = line
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\u{A0}' | '\u{202F}') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect();
    let line = line.trim_end();
    if !markdown {
        return line.trim_start().to_string();
    }
    let trimmed = line.trim_start();
    let body = trimmed
        .strip_prefix('#')
        .map(|r| r.trim_start_matches('#').trim_start())
        .or_else(|| trimmed.strip_prefix('>').map(str::trim_start))
        .unwrap_or(trimmed);
    // A bullet keeps its marker, as `- `, so that lists stay lists.
    let (bullet, body) = match body.strip_prefix(['*', '-', '•', '‣', '▪', '◦']) {
        Some(rest) if rest.starts_with(' ') => ("- ", rest.trim_start()),
        _ => ("", body),
    };
    let body = drop_links(&drop_emphasis(body));
    format!("{bullet}{body}")
}

/// Zero-width characters and bidirectional controls: never part of a fact,
/// and refused in action files.
fn is_invisible(c: char) -> bool {
    crate::text::is_bidi_control(c)
        || crate::text::is_tag(c)
        || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// `*a*`, `**a**`, `***a***`, `__a__`: the markers go, the words stay. A
/// lone `*` between spaces (a multiplication, a footnote) stays.
fn drop_emphasis(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' || (c == '_' && chars.get(i + 1) == Some(&'_')) {
            let mut j = i;
            while j < chars.len() && chars[j] == c {
                j += 1;
            }
            let before = i.checked_sub(1).map(|k| chars[k]);
            let after = chars.get(j).copied();
            let opens = after.is_some_and(|a| !a.is_whitespace());
            let closes = before.is_some_and(|b| !b.is_whitespace());
            if opens || closes {
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Longest link text and link target read as a link; past these, the
/// brackets are text. They bound the work done at each `[`.
const MAX_LINK_TEXT: usize = 400;
const MAX_LINK_TARGET: usize = 2048;

/// `[text](url)` becomes `text`; `[text]` alone stays. Each `[` is looked
/// at once, within bounded distances, so any line is read in linear time.
fn drop_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match link_at(after) {
            Some((text, used)) => {
                out.push_str(text);
                rest = &after[used..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// After a `[`: the link's text and how many bytes the link takes, when a
/// `](target)` with no spaces closes it within the bounds.
fn link_at(after: &str) -> Option<(&str, usize)> {
    let window = &after[..floor(after, MAX_LINK_TEXT)];
    let close = window.find(['[', ']'])?;
    if !window[close..].starts_with("](") {
        return None;
    }
    let target = &after[close + 2..];
    let target = &target[..floor(target, MAX_LINK_TARGET)];
    let end = target.find([')', ' ', '\n'])?;
    (target.as_bytes()[end] == b')').then(|| (&after[..close], close + 2 + end + 1))
}

/// The largest char boundary of `s` at most `n`.
fn floor(s: &str, n: usize) -> usize {
    if n >= s.len() {
        return s.len();
    }
    (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// Text that comes wrapped at a fixed width: most lines are long, of about
/// the same length, and under 130 characters.
fn looks_hard_wrapped(lines: &[Line]) -> bool {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lens.len() < 8 {
        return false;
    }
    let width = wrap_width(&lens);
    let near = lens.iter().filter(|&&n| n * 10 >= width * 7).count();
    width <= 130 && near * 3 >= lens.len()
}

/// The width text was wrapped at: the 90th percentile of line lengths.
fn wrap_width(lens: &[usize]) -> usize {
    let mut sorted = lens.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() * 9 / 10).copied().unwrap_or(0)
}

/// Lone page numbers (`3`, `Page 3 of 4`, `- 3 -`) and lines repeated at
/// the top or bottom of several pages are set aside. Text with no page
/// breaks is one page: there a lone page number goes wherever it is.
fn drop_furniture(doc: &[DocLine], lines: &mut [Line], aside: &mut Vec<SetAside>) {
    let mut counts = std::collections::HashMap::new();
    for l in lines.iter() {
        let t = l.text.trim();
        if !t.is_empty() && t.chars().count() <= 80 {
            *counts.entry(fold(t)).or_insert(0usize) += 1;
        }
    }
    let one_page = doc
        .iter()
        .all(|l| l.page == doc.first().map_or(1, |f| f.page));
    // The first and last two lines with text of each page.
    let mut edge = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let page = doc[start].page;
        let end = (start..lines.len())
            .find(|&i| doc[i].page != page)
            .unwrap_or(lines.len());
        let text: Vec<usize> = (start..end).filter(|&i| !lines[i].is_blank()).collect();
        for &i in text.iter().take(2).chain(text.iter().rev().take(2)) {
            edge[i] = true;
        }
        start = end;
    }
    for (i, line) in lines.iter_mut().enumerate() {
        let t = line.text.trim();
        if t.is_empty() || line.role == Role::Navigation {
            continue;
        }
        let reason = if (one_page || edge[i]) && is_page_number(t) {
            Reason::PageNumber
        } else if !one_page
            && edge[i]
            && counts.get(&fold(t)).copied().unwrap_or(0) >= 3
            && is_running_header(t)
        {
            Reason::RunningHeader
        } else {
            continue;
        };
        aside.push(SetAside {
            line: line.from,
            reason,
        });
        line.text.clear();
    }
}

/// A line that repeats on pages: short, with no sentence in it.
fn is_running_header(t: &str) -> bool {
    !t.ends_with([',', '.']) && !t.contains([':', '@']) && t.split_whitespace().count() <= 8
}

pub fn is_page_number(t: &str) -> bool {
    let f = fold(t);
    let f = f.trim_matches(|c: char| c == '-' || c == '–' || c == ' ');
    let f = f
        .strip_prefix("page ")
        .or_else(|| f.strip_prefix("página "))
        .or_else(|| f.strip_prefix("p. "))
        .unwrap_or(f);
    let mut parts = f.splitn(2, [' ', '/']);
    let first = parts.next().unwrap_or("");
    let rest = parts.next().map(|r| {
        r.trim()
            .trim_start_matches("of")
            .trim_start_matches("de")
            .trim_start_matches("sur")
            .trim_start_matches('/')
            .trim()
    });
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    digits(first) && rest.is_none_or(digits) && f.len() <= 20
}

/// Pages one after the other, without the blank lines at their edges. A
/// page that ends a sentence ends its paragraph there; one that ends
/// mid-sentence goes on into the next.
fn join_pages(doc: &[DocLine], lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut page = doc.first().map_or(1, |l| l.page);
    let mut page_start = true;
    for line in lines {
        let this = doc[line.from - 1].page;
        if this != page {
            page = this;
            while out.last().is_some_and(Line::is_blank) {
                out.pop();
            }
            if out.last().is_some_and(|l| ends_sentence(&l.text)) {
                out.push(blank(line.from));
            }
            page_start = true;
        }
        if page_start && line.is_blank() {
            continue;
        }
        page_start = false;
        out.push(line);
    }
    out
}

fn blank(at: usize) -> Line {
    Line {
        text: String::new(),
        role: Role::Text,
        from: at,
        to: at,
    }
}

fn ends_full_stop(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '!', '?'])
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', ','])
        || is_capitals(line)
}

/// Joins the lines of hard-wrapped paragraphs. A line is the end of its
/// paragraph when it is short, ends with `:`, or the next line is a
/// bullet, a label (`Email:`) or all in capitals. A word split with a
/// hyphen at a line end is joined again when the next line goes on in
/// lower case. Each line is looked at once, with what is known of the
/// paragraph so far (never the paragraph itself).
fn rejoin(lines: Vec<Line>) -> Vec<Line> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let width = wrap_width(&lens).max(1);
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut open = false;
    // A long heading in capitals wraps onto a second line in capitals.
    let mut heading_open = false;
    // Whether every piece of the current paragraph is in capitals.
    let mut capitals = false;
    // How many lines the current paragraph was joined from, less one.
    let mut joined = 0;
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            out.push(line);
            open = false;
            heading_open = false;
            continue;
        }
        let t_caps = is_capitals(t);
        // `… HELD INCOMMUNICADO IN` / `TEGUCIGALPA`: a heading in capitals
        // that stops on a little word goes on.
        let dangling =
            capitals && t_caps && out.last().is_some_and(|l| ends_on_little_word(&l.text));
        // A heading wraps onto a line or two, never a page.
        let joins = if (heading_open || dangling) && joined < 3 {
            t_caps
        } else if heading_open || dangling {
            false
        } else {
            open && !starts_block(t)
        };
        match out.last_mut() {
            Some(last) if joins => {
                joined += 1;
                capitals &= t_caps;
                let first_lower = t.chars().next().is_some_and(char::is_lowercase);
                let ends_hyphen = last.text.ends_with('-')
                    && last
                        .text
                        .chars()
                        .rev()
                        .nth(1)
                        .is_some_and(char::is_alphabetic);
                if ends_hyphen && first_lower {
                    last.text.pop();
                } else {
                    last.text.push(' ');
                }
                last.text.push_str(t);
                last.to = line.to;
            }
            _ => {
                joined = 0;
                capitals = t_caps;
                out.push(Line {
                    text: t.to_string(),
                    ..line
                });
            }
        }
        let long = t.chars().count() * 100 >= width * 75;
        // A line that ends on an email address or a number ends a contact's
        // line, not a sentence that goes on.
        let contact = t.split_whitespace().next_back().is_some_and(|w| {
            w.contains('@') || w.chars().all(|c| c.is_ascii_digit() || "+-()".contains(c))
        });
        let colon = t.ends_with(':');
        heading_open = long && capitals && !colon;
        open = long && !colon && !capitals && !contact && reads_as_prose(t);

        // A paragraph ends on a sentence: a blank line sets it apart
        // from what follows, as in the source.
        if !open && !heading_open && joined > 0 && ends_full_stop(t) {
            let at = out.last().map_or(0, |l| l.to);
            out.push(blank(at));
        }
    }
    out
}

/// A line of running prose, which a hard-wrapped paragraph goes on from:
/// most of its words start in lower case (an address, a name and title
/// line, an office's name do not).
fn reads_as_prose(t: &str) -> bool {
    // Words, not numbers: `on 16 March, followed by 17 more` is prose.
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let lower = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
        })
        .count();
    words.len() >= 6 && lower * 2 > words.len()
}

/// Whether a line stops on a word that can't end a heading: `IN`, `OF`,
/// `THE`, `DE`, `EN`, `ET`.
fn ends_on_little_word(line: &str) -> bool {
    line.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "in" | "of"
                | "to"
                | "at"
                | "for"
                | "and"
                | "the"
                | "a"
                | "on"
                | "by"
                | "with"
                | "de"
                | "del"
                | "la"
                | "el"
                | "en"
                | "y"
                | "et"
                | "du"
                | "des"
                | "le"
                | "les"
                | "à"
        )
    })
}

/// Lines that never continue the line before: bullets, labels, headings.
fn starts_block(t: &str) -> bool {
    t.starts_with("- ")
        || t.starts_with(|c: char| c.is_ascii_digit())
            && t.split_once(['.', ')'])
                .is_some_and(|(n, _)| n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
        || (is_capitals(t) && t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        || label(t).is_some()
}

/// Several blank lines become one; none at the start or end.
fn collapse_blank(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines {
        if l.is_blank() {
            if out.last().is_some_and(|p| !p.is_blank()) {
                out.push(blank(l.from));
            }
        } else {
            out.push(l);
        }
    }
    while out.last().is_some_and(Line::is_blank) {
        out.pop();
    }
    out
}

/// A letter heading, a salutation and the first sentence run together on
/// one line (`SAMPLE LETTER Dear Ambassador Ravanchi, I am gravely…`)
/// become one line each, with the same source lines.
fn split_openings(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let mut rest = line.text.as_str();
        let mut pieces: Vec<&str> = Vec::new();
        if let Some(n) = letter_heading_len(rest) {
            pieces.push(rest[..n].trim());
            rest = rest[n..].trim_start();
        }
        if let Some(n) = salutation_len(rest) {
            pieces.push(rest[..n].trim());
            rest = rest[n..].trim_start();
        }
        if pieces.is_empty() {
            out.push(line);
            continue;
        }
        if !rest.is_empty() {
            pieces.push(rest);
        }
        for p in pieces {
            out.push(Line {
                text: p.to_string(),
                ..line.clone()
            });
        }
    }
    out
}

/// The length of a letter heading in capitals that opens a longer line:
/// `SAMPLE LETTER Dear …`, `MODEL LETTER: Dear …`.
fn letter_heading_len(line: &str) -> Option<usize> {
    for heading in [
        "SAMPLE LETTER",
        "MODEL LETTER",
        "CARTA MODELO",
        "LETTRE TYPE",
    ] {
        let Some(rest) = line.strip_prefix(heading) else {
            continue;
        };
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        if rest.trim().is_empty() || !rest.starts_with(' ') {
            return None;
        }
        return Some(line.len() - rest.len());
    }
    None
}

/// The length of a salutation that opens a longer line (`Dear Minister, I
/// am writing…`): up to its comma or colon, when a sentence follows.
fn salutation_len(line: &str) -> Option<usize> {
    // A salutation's words open the line: its first characters tell.
    let head = &line[..floor(line, 120)];
    if line.len() < 40 || super::letter::salutation_words(&fold(head)).is_none() {
        return None;
    }
    let window = &line[..floor(line, 90)];
    let at = window.find([',', ':'])?;
    let rest = line[at + 1..].trim_start();
    let sentence =
        rest.chars().next().is_some_and(char::is_uppercase) && rest.split_whitespace().count() >= 4;
    sentence.then_some(at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, kind: Kind) -> Document {
        Document {
            kind,
            lines: super::super::document::split_lines(text),
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn emphasis_and_links_go_and_words_stay() {
        assert_eq!(
            clean("***The Honorable Kristi Noem", true),
            "The Honorable Kristi Noem"
        );
        assert_eq!(
            clean(
                "the *Centro de Confinamiento* (CECOT) [invoked](#) it",
                true
            ),
            "the Centro de Confinamiento (CECOT) invoked it"
        );
        assert_eq!(clean("3 * 4 and [note]", true), "3 * 4 and [note]");
        assert_eq!(clean("* Calling on them", true), "- Calling on them");
        assert_eq!(clean("## URGENT ACTION", true), "URGENT ACTION");
        assert_eq!(clean("a\u{7}b\u{202E}c", true), "abc");
        assert_eq!(clean("[a](b c) [x](y)", true), "[a](b c) x");
    }

    #[test]
    fn page_numbers_are_recognised() {
        for p in [
            "3",
            "Page 3",
            "page 3 of 4",
            "- 2 -",
            "2/5",
            "Página 2 de 3",
        ] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["1 July 2025", "UA 3/13", ""] {
            assert!(!is_page_number(p), "{p}");
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_are_rejoined_with_their_lines() {
        let raw = "AMNESTY INTERNATIONAL\n\
            The community of Restinga is in imminent risk of forced eviction due to the\n\
            construction of a highway in Recreio dos Bandeirantes. After months of threats\n\
            council workers began bulldozing a commercial district that has existed for over\n\
            twenty years, destroying five shops.\n\
            The community was not given any prior warning of the operation, which involved a\n\
            hundred state functionaries. They were told this was not needed and that a make-\n\
            shift answer would do.\n\
            \u{c}AMNESTY INTERNATIONAL\n\
            2\n\
            Email: a@example.org\n\
            AMNESTY INTERNATIONAL\n";
        let (lines, aside) = prepare(&doc(raw, Kind::Pdf));
        assert_eq!(
            texts(&lines),
            [
                "The community of Restinga is in imminent risk of forced eviction due to the construction of a highway in Recreio dos Bandeirantes. After months of threats council workers began bulldozing a commercial district that has existed for over twenty years, destroying five shops.",
                "",
                "The community was not given any prior warning of the operation, which involved a hundred state functionaries. They were told this was not needed and that a makeshift answer would do.",
                "",
                "Email: a@example.org",
            ]
        );
        assert_eq!((lines[0].from, lines[0].to), (2, 5));
        assert_eq!((lines[2].from, lines[2].to), (6, 8));
        let reasons: Vec<(usize, Reason)> = aside.iter().map(|a| (a.line, a.reason)).collect();
        assert_eq!(
            reasons,
            [
                (1, Reason::RunningHeader),
                (9, Reason::RunningHeader),
                (10, Reason::PageNumber),
                (12, Reason::RunningHeader)
            ]
        );
    }

    #[test]
    fn unwrapped_text_keeps_its_lines() {
        let raw = "Name\nTitle\n\nDear X,\n\nA long paragraph.\n";
        let (lines, _) = prepare(&doc(raw, Kind::Text));
        assert_eq!(
            texts(&lines),
            ["Name", "Title", "", "Dear X,", "", "A long paragraph."]
        );
    }

    #[test]
    fn a_heading_and_salutation_run_into_the_letter_are_split() {
        let raw = "SAMPLE LETTER Dear Ambassador Ravanchi, I am gravely concerned that dozens of people are at risk.";
        let (lines, _) = prepare(&doc(raw, Kind::Text));
        assert_eq!(
            texts(&lines),
            [
                "SAMPLE LETTER",
                "Dear Ambassador Ravanchi,",
                "I am gravely concerned that dozens of people are at risk."
            ]
        );
        assert!(lines.iter().all(|l| l.from == 1 && l.to == 1));
    }
}
