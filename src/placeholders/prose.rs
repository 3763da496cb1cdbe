//! The prose of a letter template: the text between its tags, paragraph
//! by paragraph, as handlebars reads it.

use handlebars::template::{Template, TemplateElement};

use crate::template::runs;

/// The prose of a template, paragraph by paragraph, with the line where
/// each starts: the text between tags, as handlebars reads it.
pub fn prose_paragraphs(template: &str) -> Vec<(usize, String)> {
    let mut raw = Vec::new();
    match runs(template) {
        Some(runs) => {
            for (_, text, tags) in runs {
                if !tags {
                    raw.push(text.to_string());
                } else if let Ok(parsed) = Template::compile(text) {
                    raw_strings(&parsed, &mut raw);
                }
            }
        }
        None => return Vec::new(),
    }
    // The prose's lines, each with its line in the template: raw text comes
    // in the order it is written, so each piece is found in the source
    // (handlebars' own mapping marks where a piece ends, not where it
    // starts). A tag in the middle of a line leaves the line whole.
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut cursor = 0;
    for text in raw {
        let mut line = match template[cursor..].find(text.as_str()) {
            Some(at) => {
                let start = cursor + at;
                cursor = start + text.len();
                template[..start].matches('\n').count() + 1
            }
            None => template[..cursor].matches('\n').count() + 1,
        };
        if open.as_ref().is_some_and(|(at, _)| *at != line) {
            lines.extend(open.take());
        }
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                lines.extend(open.take());
                line += 1;
            }
            open.get_or_insert_with(|| (line, String::new()))
                .1
                .push_str(piece);
        }
    }
    lines.extend(open);
    let numbered = lines.iter().map(|(at, text)| (*at, text.as_str()));
    crate::paragraphs::of_lines(numbered)
        .iter()
        .map(|p| (p.line, p.words()))
        .collect()
}

fn raw_strings(template: &Template, out: &mut Vec<String>) {
    for element in &template.elements {
        match element {
            TemplateElement::RawString(s) => out.push(s.clone()),
            TemplateElement::HelperBlock(h) => {
                for inner in h.template.iter().chain(&h.inverse) {
                    raw_strings(inner, out);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_paragraphs_start_where_their_text_starts() {
        let prose = prose_paragraphs(
            "{{date}}\n\nHello {{name}}, there\nyou.\n\n{{#if x}}\nMore.\n{{/if}}\n",
        );
        assert_eq!(
            prose,
            vec![
                (3, "Hello , there you.".to_string()),
                (7, "More.".to_string())
            ]
        );
    }
}
