//! The headings of urgent-action documents and the sections under them.
//! Headings match whatever their case, quotes or spacing; a heading may
//! carry its value on the same line (`PREFERRED LANGUAGE …: English`).

use super::text::fold;

/// Every heading any layout uses, in folded form. Longer headings come
/// before those they start with, so the longest one wins.
pub const HEADINGS: &[&str] = &[
    // The labelled 2017 template.
    "urgent action title",
    "urgent action type and number",
    "urgent action summary",
    "urgent action letter",
    "publication date",
    "index number",
    "target's contact details",
    "appeal deadline notice",
    "also send copies to diplomatic representatives",
    "background information",
    // The current layout.
    "take action",
    "additional information",
    "please take action as soon as possible until",
    "name and pronoun",
    // Both.
    "preferred language to address target",
    "link to previous ua",
    "urgent action",
];

/// A heading found on a line, with what follows it on that line.
#[derive(Debug, Clone)]
pub struct Hit {
    pub heading: &'static str,
    pub line: usize,
    pub value: String,
}

/// The headings of one document, in the order they come.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    pub hits: Vec<Hit>,
    pub len: usize,
}

impl Sections {
    pub fn find(lines: &[String]) -> Sections {
        let hits = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let (heading, value) = heading_of(l)?;
                Some(Hit {
                    heading,
                    line: i,
                    value,
                })
            })
            .collect();
        Sections {
            hits,
            len: lines.len(),
        }
    }

    pub fn has(&self, heading: &str) -> bool {
        self.get(heading).is_some()
    }

    /// The first time a heading comes.
    pub fn get(&self, heading: &str) -> Option<&Hit> {
        self.hits.iter().find(|h| h.heading == heading)
    }

    /// The lines between a heading and the next one (its line excluded).
    pub fn body<'a>(&self, lines: &'a [String], heading: &str) -> &'a [String] {
        let Some(at) = self.hits.iter().position(|h| h.heading == heading) else {
            return &[];
        };
        let start = self.hits[at].line + 1;
        let end = self.hits.get(at + 1).map_or(self.len, |h| h.line);
        &lines[start.min(end)..end]
    }

    /// The heading's value on its line, or else its section's first paragraph.
    pub fn value(&self, lines: &[String], heading: &str) -> Option<String> {
        let hit = self.get(heading)?;
        if !hit.value.is_empty() {
            return Some(hit.value.clone());
        }
        paragraphs(self.body(lines, heading)).into_iter().next()
    }
}

/// The heading a line is, if it is one: the whole line, or the heading
/// followed by `:` and a value. Prose that begins "Urgent action is …"
/// is not one.
fn heading_of(line: &str) -> Option<(&'static str, String)> {
    let folded = fold(line);
    for heading in HEADINGS {
        let Some(rest) = folded.strip_prefix(heading) else {
            continue;
        };
        let rest = rest.trim_start();
        let labelled = rest.starts_with(':');
        if !(rest.is_empty() || labelled || heading_continues(heading, rest)) {
            continue;
        }
        // The value, in the line's own case: after the first colon.
        let value = if labelled {
            line.split_once(':')
                .map_or("", |(_, v)| v)
                .trim()
                .to_string()
        } else {
            String::new()
        };
        return Some((heading, value));
    }
    None
}

/// Headings whose printed form goes on past the words we match:
/// `TARGET'S CONTACT DETAILS & "COPIES TO"`, `ALSO SEND COPIES TO
/// DIPLOMATIC REPRESENTATIVES ACCREDITED TO YOUR COUNTRY`.
fn heading_continues(heading: &str, rest: &str) -> bool {
    matches!(
        heading,
        "target's contact details" | "also send copies to diplomatic representatives"
    ) && !rest.is_empty()
        && !rest.ends_with('.')
}

/// Paragraphs: runs of non-blank lines, joined by newlines.
pub fn paragraphs(lines: &[String]) -> Vec<String> {
    lines
        .split(|l| l.trim().is_empty())
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn headings_match_loosely_and_carry_values() {
        let doc = lines(
            "URGENT ACTION\nTitle\n\nTake Action: write an appeal\n\
             Target’s contact details & “copies to”\n\
             Preferred language to address target:  English\n\
             Urgent action is needed, she said.\n",
        );
        let s = Sections::find(&doc);
        let found: Vec<(&str, &str)> = s
            .hits
            .iter()
            .map(|h| (h.heading, h.value.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("urgent action", ""),
                ("take action", "write an appeal"),
                ("target's contact details", ""),
                ("preferred language to address target", "English"),
            ]
        );
        assert_eq!(s.body(&doc, "urgent action"), ["Title", ""]);
    }
}
