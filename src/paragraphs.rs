//! Paragraphs: runs of lines with words, between lines without. The one
//! splitter for templates, translations, the fact check and letters set
//! side by side, so that they all count the same paragraphs.

/// One paragraph: the 1-based line it starts on, and its lines, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph<'a> {
    pub line: usize,
    pub lines: Vec<&'a str>,
}

impl Paragraph<'_> {
    /// The paragraph's lines, one under the other.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The paragraph's words, each once separated by a space: the lines
    /// run together as prose reads them.
    pub fn words(&self) -> String {
        let mut out = String::new();
        for word in self.lines.iter().flat_map(|l| l.split_whitespace()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }
}

/// The paragraphs of `text`.
pub fn split(text: &str) -> Vec<Paragraph<'_>> {
    of_lines(text.lines().enumerate().map(|(i, l)| (i + 1, l)))
}

/// The paragraphs of lines that each come with their line number.
pub fn of_lines<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<Paragraph<'a>> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph<'a>> = None;
    for (at, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        current
            .get_or_insert_with(|| Paragraph {
                line: at,
                lines: Vec::new(),
            })
            .lines
            .push(line);
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_start_where_their_text_starts() {
        let found = split("\nA\n  B \n\n\n\tC\n");
        assert_eq!(
            found,
            [
                Paragraph {
                    line: 2,
                    lines: vec!["A", "B"]
                },
                Paragraph {
                    line: 6,
                    lines: vec!["C"]
                },
            ]
        );
        assert_eq!(found[0].text(), "A\nB");
        assert_eq!(found[0].words(), "A B");
    }

    #[test]
    fn a_line_of_spaces_parts_paragraphs_and_crlf_is_one_break() {
        let texts: Vec<String> = split("One\r\ntwo\r\n \r\nThree  four\r\n")
            .iter()
            .map(Paragraph::words)
            .collect();
        assert_eq!(texts, ["One two", "Three four"]);
        assert!(split("  \n\n").is_empty());
    }
}
