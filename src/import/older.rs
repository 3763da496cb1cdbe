//! The older layout (about 2009–2016): a header line such as
//! `UA: 229/10 Index: AMR 19/015/2010 Brazil Date: 29 October 2010`, the
//! title in capitals, the case, "PLEASE WRITE IMMEDIATELY in …:" with
//! bullet points of what to ask, "PLEASE SEND APPEALS BEFORE … TO:" with
//! the targets and "And copies to:". There is no model letter: the points
//! become the action's `points`.

use super::facts::{self, date, languages};
use super::sections::{Sections, paragraphs};
use super::text::{fold, is_capitals};
use super::{Draft, Layout};

/// How far into a document its header may be (page titles and e-mail
/// wrappers come first).
const HEADER_WITHIN: usize = 30;

pub fn recognises(lines: &[String]) -> bool {
    lines
        .iter()
        .take(HEADER_WITHIN)
        .any(|l| ua_number(l).is_some())
        || lines.iter().any(|l| {
            let f = fold(l);
            f.starts_with("please write immediately") || f.starts_with("please send appeals before")
        })
}

/// Where `UA 229/10` or `UA: 3/13` is in a line: the byte range of the
/// whole reference, from the line's start.
fn ua_number(line: &str) -> Option<usize> {
    let at = line.find("UA")?;
    let before = line[..at].chars().next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let rest = line[at + 2..].trim_start_matches([':', ' ']);
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '/'))
        .unwrap_or(rest.len());
    let number = &rest[..digits];
    let (a, b) = number.split_once('/')?;
    if a.is_empty() || b.is_empty() || b.contains('/') {
        return None;
    }
    Some(line.len() - rest.len() + digits)
}

pub fn read(lines: &[String]) -> Draft {
    let mut d = Draft::new(Layout::Older);
    let header = lines
        .iter()
        .take(HEADER_WITHIN)
        .position(|l| ua_number(l).is_some());
    let mut at = 0;
    if let Some(h) = header {
        at = read_header(&mut d, lines, h);
    }
    at = read_title(&mut d, lines, at);
    let write_at = lines.iter().position(|l| {
        let f = fold(l);
        f.starts_with("please write immediately") || f.starts_with("please send appeals before")
    });
    let found = Sections::find(lines);
    let background_at = found.get("background information").map(|h| h.line);
    let end = [write_at, background_at]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(lines.len())
        .max(at);
    let prose: Vec<String> = lines[at..end]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    if let Some((summary, rest)) = prose.split_first() {
        d.summary = Some(summary.clone());
        d.background = rest.to_vec();
    }
    if let Some(w) = write_at {
        read_appeals(&mut d, lines, w);
    }
    d.background
        .extend(paragraphs(found.body(lines, "background information")));
    facts::recase(&mut d, lines);
    d
}

/// The header line (and the date on the next line): the reference, the
/// index number, the date, and the previous action for a follow-up.
fn read_header(d: &mut Draft, lines: &[String], h: usize) -> usize {
    let line = lines[h].trim();
    let end = ua_number(line).unwrap_or(line.len());
    let reference = line[..end].trim();
    let rest = line[end..].trim();
    let f = fold(reference);
    if f.contains("further information") || f.contains("follow-up") || f.contains("update") {
        let ua = &reference[reference.find("UA").unwrap_or(0)..];
        d.previous_ua = Some(ua.to_string());
    }
    let mut index = None;
    let mut theme = None;
    let mut date_text = None;
    if let Some((_, after)) = rest.split_once("Index:") {
        let words: Vec<&str> = after.split_whitespace().collect();
        if words.len() >= 2 {
            index = Some(format!("{} {}", words[0], words[1]));
        }
    }
    if let Some((_, after)) = rest.split_once("Date:") {
        date_text = Some(after.trim().to_string());
    } else if let Some(next) = lines.get(h + 1)
        && let Some(after) = next.trim().strip_prefix("Date:")
    {
        date_text = Some(after.trim().to_string());
    }
    if index.is_none() && !rest.is_empty() {
        // `(10 March 2010) - Fear for safety`, `Forced eviction`.
        let t = rest.rsplit_once(" - ").map_or(rest, |(_, t)| t).trim();
        if !t.starts_with('(') && !t.is_empty() {
            theme = Some(t.to_string());
        }
    }
    // A date or an index number on a line of its own just around.
    let from = h.saturating_sub(2);
    for line in lines.iter().take(h + 5).skip(from) {
        let t = line.trim();
        if date_text.is_none() && is_date_line(t) {
            date_text = Some(t.to_string());
        } else if index.is_none() && is_index(t) {
            index = Some(t.to_string());
        }
    }
    d.issued = date_text.map(|t| date(&t));
    d.reference = Some(match index {
        Some(i) => format!("{reference} (Index: {i})"),
        None => reference.to_string(),
    });
    if d.title.is_none() {
        d.title = theme;
    }
    h + 1
}

/// A line that is only a date: `8 January 2015`.
fn is_date_line(t: &str) -> bool {
    let whole = date(t);
    whole.date.is_some() && whole.text.len() + 2 >= t.len()
}

/// `MDE 23/001/2015`: three capitals and numbers.
fn is_index(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    a.len() == 3 && a.chars().all(|c| c.is_ascii_uppercase()) && b.matches('/').count() == 2
}

/// The title in capitals, a country line, and the people (`Raif Badawi
/// (m)`, `BRAZIL Over 200 homeless families`) after the header.
fn read_title(d: &mut Draft, lines: &[String], mut at: usize) -> usize {
    let mut title_from_header = d.title.is_some();
    while let Some(line) = lines.get(at) {
        let t = line.trim();
        let f = fold(t);
        if t.is_empty()
            || f == "urgent action"
            || is_index(t)
            || f.starts_with("date:")
            || is_date_line(t)
        {
            at += 1;
            continue;
        }
        let words = t.split_whitespace().count();
        if is_capitals(t) && words >= 3 && (d.title.is_none() || title_from_header) {
            d.title = Some(t.to_string());
            title_from_header = false;
        } else if is_capitals(t) && words <= 3 {
            // A country.
        } else if t.chars().count() <= 80 && !t.ends_with(['.', ':']) && d.people.is_none() {
            let people = match t.split_once(' ') {
                Some((country, rest)) if is_capitals(country) && country.len() >= 4 => rest,
                _ => t,
            };
            d.people = Some(people.trim().to_string());
        } else {
            break;
        }
        at += 1;
    }
    at
}

/// "PLEASE WRITE IMMEDIATELY in …:" and its points, then "PLEASE SEND
/// APPEALS BEFORE … TO:" with the targets and copies.
fn read_appeals(d: &mut Draft, lines: &[String], from: usize) {
    let mut i = from;
    while i < lines.len() {
        let t = lines[i].trim();
        let f = fold(t);
        if f.starts_with("please write immediately") {
            if let Some((_, langs)) = t.split_once(" in ") {
                let (langs, own) = languages(langs);
                d.languages = langs;
                d.own_language_welcome = own;
            }
            i += 1;
            while i < lines.len() && (lines[i].trim().is_empty() || lines[i].starts_with("- ")) {
                if let Some(point) = lines[i].strip_prefix("- ") {
                    d.points.push(point.trim().to_string());
                }
                i += 1;
            }
            continue;
        }
        if f.starts_with("please send appeals before") {
            d.deadline = Some(date(t));
            let start = i + 1;
            let end = (start..lines.len())
                .find(|&j| ends_addresses(&lines[j]))
                .unwrap_or(lines.len());
            let (targets, copies) = facts::split_copies(&lines[start..end]);
            d.targets = facts::contacts(targets);
            d.copies = facts::contacts(copies);
            facts::split_salutations(d);
            i = end;
            while let Some(line) = lines.get(i) {
                let t = line.trim();
                if t.is_empty() {
                } else if is_advice(t) {
                    d.deadline_advice = Some(t.to_string());
                } else if fold(t).starts_with("also send copies") {
                    d.copies_note = Some(t.to_string());
                } else {
                    break;
                }
                i += 1;
            }
            continue;
        }
        break;
    }
}

fn is_advice(line: &str) -> bool {
    let f = fold(line);
    f.starts_with("please send appeals immediately") || f.starts_with("check with")
}

/// The address region ends at the advice line, a heading, or prose.
fn ends_addresses(line: &str) -> bool {
    let t = line.trim();
    let f = fold(t);
    is_advice(t)
        || f == "background information"
        || f.starts_with("also send copies")
        || (t.chars().count() > 100 && t.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ua_numbers_are_found_in_headers() {
        fn end(l: &str) -> Option<&str> {
            ua_number(l).map(|e| &l[..e])
        }
        assert_eq!(
            end("UA: 229/10 Index: AMR 19/015/2010 Brazil Date: 29 October 2010"),
            Some("UA: 229/10")
        );
        assert_eq!(
            end("Further information on UA: 3/13 Index: MDE 23/1828/2015"),
            Some("Further information on UA: 3/13")
        );
        assert_eq!(end("6th Update UA 3/13"), Some("6th Update UA 3/13"));
        assert_eq!(end("USA today 3/4"), None);
        assert_eq!(end("UAE 3/13"), None);
    }
}
