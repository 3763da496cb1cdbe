//! Turning a document's raw text into clean lines: Markdown emphasis and
//! link targets dropped, control characters removed, and, for text that
//! comes hard-wrapped (from a PDF), paragraphs rejoined with page numbers
//! and running headers left out. Facts are never changed: quotes, dashes,
//! diacritics and numbers pass through as they are.

/// Cleans a document's text into lines; an empty string is a paragraph break.
pub fn normalise(raw: &str, from_pdf: bool) -> Vec<String> {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let pages: Vec<Vec<String>> = raw
        .split('\u{c}')
        .map(|page| {
            page.split('\n')
                .map(|l| clean_line(l).trim_end().to_string())
                .collect()
        })
        .collect();
    let all: Vec<String> = pages.iter().flatten().cloned().collect();
    let lines = if from_pdf || looks_hard_wrapped(&all) {
        rejoin(join_pages(drop_page_furniture(pages)))
    } else {
        all
    };
    collapse_blank(lines)
}

/// Pages one after the other. A page that ends mid-sentence goes on
/// into the next; one that ends a sentence ends its paragraph there.
fn join_pages(pages: Vec<Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for page in pages {
        let Some(first) = page.iter().position(|l| !l.trim().is_empty()) else {
            continue;
        };
        let last = page
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .unwrap_or(first);
        if let Some(prev) = out.last()
            && ends_sentence(prev)
        {
            out.push(String::new());
        }
        out.extend(page[first..=last].iter().cloned());
    }
    out
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

/// Case-folded form of a line for matching headings: lower case, curly
/// quotes straightened, runs of spaces made one, edges trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{00A0}' | '\t' => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// One line without Markdown markup or control characters.
fn clean_line(line: &str) -> String {
    let line: String = line
        .chars()
        .map(|c| if c == '\t' || c == '\u{A0}' { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect();
    // A Markdown heading's hashes, a quote's `>`.
    let trimmed = line.trim_start();
    let body = trimmed
        .strip_prefix(|c| c == '#')
        .map(|r| r.trim_start_matches('#').trim_start())
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
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
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

/// `[text](url)` becomes `text`; `[text]` alone stays.
fn drop_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        let text = &after[..close];
        if text.contains('[') {
            out.push_str(&rest[..open + 1]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(text);
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Text that comes wrapped at a fixed width: most lines are long, of about
/// the same length, and under 130 characters.
fn looks_hard_wrapped(lines: &[String]) -> bool {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
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
/// the top or bottom of several pages go. Text with no page breaks is one
/// page: there a lone number goes wherever it is.
fn drop_page_furniture(pages: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut counts = std::collections::HashMap::new();
    for l in pages.iter().flatten() {
        let t = l.trim();
        if !t.is_empty() && t.chars().count() <= 80 {
            *counts.entry(fold(t)).or_insert(0) += 1;
        }
    }
    let one_page = pages.len() == 1;
    pages
        .into_iter()
        .map(|page| {
            let text: Vec<usize> = (0..page.len())
                .filter(|&i| !page[i].trim().is_empty())
                .collect();
            let edge = |i: usize| {
                one_page
                    || text.iter().take(2).any(|&j| j == i)
                    || text.iter().rev().take(2).any(|&j| j == i)
            };
            page.iter()
                .enumerate()
                .filter(|&(i, l)| {
                    let t = l.trim();
                    let repeated =
                        counts.get(&fold(t)).copied().unwrap_or(0) >= 3 && is_running_header(t);
                    !(edge(i) && (is_page_number(t) || repeated))
                })
                .map(|(_, l)| l.clone())
                .collect()
        })
        .collect()
}

/// A line that repeats on pages: short, with no sentence in it.
fn is_running_header(t: &str) -> bool {
    !t.ends_with([',', '.']) && !t.contains([':', '@']) && t.split_whitespace().count() <= 8
}

fn is_page_number(t: &str) -> bool {
    let f = fold(t);
    let f = f.trim_matches(|c: char| c == '-' || c == '–' || c == ' ');
    let f = f.strip_prefix("page ").unwrap_or(f);
    let mut parts = f.splitn(2, [' ', '/']);
    let first = parts.next().unwrap_or("");
    let rest = parts.next().map(|r| {
        r.trim()
            .trim_start_matches("of")
            .trim_start_matches('/')
            .trim()
    });
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    digits(first) && rest.is_none_or(digits)
}

/// Joins the lines of a hard-wrapped paragraph. A line is the end of its
/// paragraph when it is short, ends with `:`, or the next line is a bullet,
/// a label (`Email:`) or all in capitals. A word split with a hyphen at a
/// line end is joined again when the next line goes on in lower case.
fn rejoin(lines: Vec<String>) -> Vec<String> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let width = wrap_width(&lens).max(1);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut open = false;
    // A long heading in capitals wraps onto a second line in capitals.
    let mut heading_open = false;
    // How many lines the current paragraph was joined from, less one.
    let mut joined = 0;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            out.push(String::new());
            open = false;
            heading_open = false;
            continue;
        }
        let joins = if heading_open {
            is_capitals(t)
        } else {
            open && !starts_block(t)
        };
        if !joins {
            joined = 0;
        }
        if joins && let Some(last) = out.last_mut() {
            joined += 1;
            let first_lower = t.chars().next().is_some_and(char::is_lowercase);
            let ends_hyphen =
                last.ends_with('-') && last.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic());
            if ends_hyphen && first_lower {
                last.pop();
            } else {
                last.push(' ');
            }
            last.push_str(t);
        } else {
            out.push(t.to_string());
        }
        let line = out.last().map_or(t, String::as_str);
        let long = t.chars().count() * 100 >= width * 75;
        heading_open = long && is_capitals(line) && !line.ends_with(':');
        open = long && !line.ends_with(':') && !is_capitals(line);
        // A paragraph ends on a sentence: a blank line sets it apart
        // from what follows, as in the source.
        if !open && !heading_open && joined > 0 && ends_full_stop(line) {
            out.push(String::new());
        }
    }
    out
}

/// Lines that never continue the line before: bullets, labels, headings.
fn starts_block(t: &str) -> bool {
    t.starts_with("- ")
        || (is_capitals(t) && t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        || t.split_once(':').is_some_and(|(label, _)| {
            let label = fold(label);
            matches!(
                label.as_str(),
                "email" | "e-mail" | "fax" | "tel" | "phone" | "salutation" | "twitter"
            )
        })
}

/// A line written all in capitals, with at least two letters: a heading.
pub fn is_capitals(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !t.chars().any(char::is_lowercase)
}

/// Several blank lines become one; none at the start or end.
fn collapse_blank(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for l in lines {
        if l.trim().is_empty() {
            if out.last().is_some_and(|p| !p.is_empty()) {
                out.push(String::new());
            }
        } else {
            out.push(l);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_and_links_go_and_words_stay() {
        assert_eq!(
            clean_line("***The Honorable Kristi Noem"),
            "The Honorable Kristi Noem"
        );
        assert_eq!(
            clean_line("Secretary of Homeland Security***"),
            "Secretary of Homeland Security"
        );
        assert_eq!(
            clean_line("the *Centro de Confinamiento* (CECOT) [invoked](#) it"),
            "the Centro de Confinamiento (CECOT) invoked it"
        );
        assert_eq!(clean_line("3 * 4 and [note]"), "3 * 4 and [note]");
        assert_eq!(clean_line("* Calling on them"), "- Calling on them");
        assert_eq!(clean_line("## URGENT ACTION"), "URGENT ACTION");
        assert_eq!(clean_line("a\u{7}b\u{202E}c"), "abc");
    }

    #[test]
    fn fold_straightens_quotes_and_case() {
        assert_eq!(
            fold("  TARGET’S CONTACT DETAILS & “COPIES TO”"),
            "target's contact details & \"copies to\""
        );
    }

    #[test]
    fn page_numbers_are_recognised() {
        for p in ["3", "Page 3", "page 3 of 4", "- 2 -", "2/5"] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["2025", "1 July 2025", "UA 3/13", ""] {
            assert!(!is_page_number(p) || p == "2025", "{p}");
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_are_rejoined() {
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
        let lines = normalise(raw, true);
        assert_eq!(
            lines,
            [
                "The community of Restinga is in imminent risk of forced eviction due to the construction of a highway in Recreio dos Bandeirantes. After months of threats council workers began bulldozing a commercial district that has existed for over twenty years, destroying five shops.",
                "",
                "The community was not given any prior warning of the operation, which involved a hundred state functionaries. They were told this was not needed and that a makeshift answer would do.",
                "",
                "Email: a@example.org",
            ]
        );
    }

    #[test]
    fn unwrapped_text_keeps_its_lines() {
        let raw = "Name\nTitle\n\nDear X,\n\nA long paragraph.\n";
        assert_eq!(
            normalise(raw, false),
            ["Name", "Title", "", "Dear X,", "", "A long paragraph."]
        );
    }
}
