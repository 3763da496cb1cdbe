//! The placeholders of a letter template: its `{{…}}` tags, and the
//! variables they read. `check` compares them between a source letter and
//! its translations, and against the variables a letter is given.

/// One `{{…}}` tag as written, whitespace-normalised: `{{#if note}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub text: String,
    /// 1-based line of the template where the tag starts.
    pub line: usize,
    /// The variables the tag reads: `note` for `{{#if note}}`.
    pub variables: Vec<String>,
}

/// Helpers that handlebars provides; their arguments are the variables.
const BUILTIN_HELPERS: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "log", "eq", "ne", "gt", "gte", "lt", "lte", "and",
    "or", "not", "len",
];

/// Every tag in `template`, in order. Comments (`{{! … }}`) are skipped.
pub fn tags(template: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = template;
    let mut offset = 0;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        // `{{{raw}}}` has a third brace on each side.
        let tail = &after[end + 2..];
        let consumed = start + 2 + end + 2 + (tail.len() - tail.trim_start_matches('}').len());
        let inner = after[..end]
            .trim_start_matches('{')
            .trim_matches('~')
            .trim();
        let line = template[..offset + start].matches('\n').count() + 1;
        if !inner.starts_with('!') {
            let words: Vec<&str> = inner.split_whitespace().collect();
            out.push(Tag {
                text: format!("{{{{{}}}}}", words.join(" ")),
                line,
                variables: variables_of(&words),
            });
        }
        offset += consumed;
        rest = &rest[consumed..];
    }
    out
}

fn variables_of(words: &[&str]) -> Vec<String> {
    let Some((first, args)) = words.split_first() else {
        return Vec::new();
    };
    let candidates: Vec<&str> = match first.chars().next() {
        Some('/') | Some('>') => Vec::new(),
        Some('#') | Some('^') => {
            let helper = first.trim_start_matches(['#', '^']);
            let named =
                (!helper.is_empty() && !BUILTIN_HELPERS.contains(&helper)).then_some(helper);
            named.into_iter().chain(args.iter().copied()).collect()
        }
        _ if *first == "else" => Vec::new(),
        _ if BUILTIN_HELPERS.contains(first) => args.to_vec(),
        _ => words.to_vec(),
    };
    candidates
        .into_iter()
        .filter(|w| is_path(w))
        .map(str::to_string)
        .collect()
}

/// Whether a word in a tag names a variable, rather than a literal, a
/// block parameter or the current item of an `#each`.
fn is_path(w: &str) -> bool {
    !w.starts_with(['"', '\'', '@', '('])
        && !w.starts_with("this")
        && !w.starts_with("../")
        && !w.contains('=')
        && w.parse::<f64>().is_err()
        && !matches!(w, "true" | "false" | "null" | "as" | "else")
}

/// Paragraphs of a template: runs of lines between blank lines, each with
/// the 1-based line where it starts.
pub fn paragraphs(template: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in template.lines().enumerate() {
        if line.trim().is_empty() {
            out.extend(current.take());
        } else {
            match &mut current {
                Some((_, text)) => {
                    text.push('\n');
                    text.push_str(line.trim());
                }
                None => current = Some((i + 1, line.trim().to_string())),
            }
        }
    }
    out.extend(current);
    out
}

/// The words of a paragraph outside its tags.
pub fn prose(paragraph: &str) -> String {
    let mut out = String::new();
    let mut rest = paragraph;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        match rest[start..].find("}}") {
            Some(end) => rest = rest[start + end + 2..].trim_start_matches('}'),
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_lines_and_variables() {
        let t = "{{date}}\n\nDear {{ target.name }},\n{{#if note}}\n{{note}}\n{{/if}}\n{{! a comment }}{{{raw}}}";
        let found = tags(t);
        let texts: Vec<&str> = found.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "{{date}}",
                "{{target.name}}",
                "{{#if note}}",
                "{{note}}",
                "{{/if}}",
                "{{raw}}"
            ]
        );
        assert_eq!(found[1].line, 3);
        assert_eq!(found[2].variables, ["note"]);
        assert!(found[4].variables.is_empty());
        assert_eq!(found[5].variables, ["raw"]);
    }

    #[test]
    fn each_blocks_read_their_list_but_not_this() {
        let found = tags("{{#each target.address}}{{this}} {{@index}}{{/each}}");
        assert_eq!(found[0].variables, ["target.address"]);
        assert!(found[1].variables.is_empty());
        assert!(found[2].variables.is_empty());
    }

    #[test]
    fn paragraphs_start_where_text_starts() {
        let p = paragraphs("\nA\nB\n\n\nC\n");
        assert_eq!(p, vec![(2, "A\nB".to_string()), (6, "C".to_string())]);
        assert_eq!(prose("{{#if x}}\nHello {{name}}, there"), "Hello , there");
    }
}
