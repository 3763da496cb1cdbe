//! The placeholders of a letter template, read from handlebars' own parse
//! of it: its tags, the variables they read, and the prose around them.
//! `check` compares them between a source letter and its translations and
//! against the variables a letter is given; the renderer keeps only the
//! variables a letter reads.

use handlebars::template::{HelperTemplate, Parameter, Template, TemplateElement};
use handlebars::{Path, TemplateError};

/// One tag as written, whitespace-normalised: `{{#if note}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub text: String,
    /// 1-based line of the template where the tag starts.
    pub line: usize,
    /// The variables the tag reads from the letter's data: `note` for
    /// `{{#if note}}`, `target.address` for `{{#each target.address}}`.
    pub variables: Vec<String>,
}

/// Helpers that handlebars provides; their arguments are the variables.
const BUILTIN_HELPERS: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "log", "eq", "ne", "gt", "gte", "lt", "lte", "and",
    "or", "not", "len",
];

/// Helpers whose block sees another value than the letter's data.
const SCOPING_HELPERS: &[&str] = &["each", "with"];

/// Every tag in `template`, in order, blocks' insides and `{{else}}`
/// branches (`{{else if x}}` too) included. Comments are skipped.
pub fn tags(template: &str) -> Result<Vec<Tag>, TemplateError> {
    let parsed = Template::compile(template)?;
    let mut out = Vec::new();
    walk(&parsed, true, &mut out);
    Ok(out)
}

/// The variables `template` reads, each once; an unparsable template reads none.
pub fn variables(template: &str) -> Vec<String> {
    let mut found: Vec<String> = tags(template)
        .unwrap_or_default()
        .into_iter()
        .flat_map(|t| t.variables)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Whether the template reaches data by a path no variable names:
/// `@root`, `../`, `lookup`.
pub fn reads_indirectly(template: &str) -> bool {
    ["@root", "../", "lookup"]
        .iter()
        .any(|s| template.contains(s))
}

fn walk(template: &Template, at_root: bool, out: &mut Vec<Tag>) {
    for (i, element) in template.elements.iter().enumerate() {
        let line = template.mapping.get(i).map_or(1, |m| m.0);
        match element {
            TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
                out.push(tag(h, line, at_root, ""));
            }
            TemplateElement::HelperBlock(h) => {
                out.push(tag(h, line, at_root, "#"));
                let scoped = h
                    .name
                    .as_name()
                    .is_some_and(|n| SCOPING_HELPERS.contains(&n));
                if let Some(inner) = &h.template {
                    walk(inner, at_root && !scoped, out);
                }
                if let Some(inverse) = &h.inverse {
                    walk(inverse, at_root, out);
                }
                if !h.chain {
                    out.push(Tag {
                        text: format!("{{{{/{}}}}}", name(&h.name)),
                        line,
                        variables: Vec::new(),
                    });
                }
            }
            TemplateElement::PartialExpression(d)
            | TemplateElement::PartialBlock(d)
            | TemplateElement::DecoratorExpression(d)
            | TemplateElement::DecoratorBlock(d) => {
                out.push(Tag {
                    text: format!("{{{{> {}}}}}", name(&d.name)),
                    line,
                    variables: Vec::new(),
                });
                if let Some(inner) = &d.template {
                    walk(inner, at_root, out);
                }
            }
            _ => {}
        }
    }
}

fn tag(h: &HelperTemplate, line: usize, at_root: bool, sigil: &str) -> Tag {
    let mut words = vec![format!("{sigil}{}", name(&h.name))];
    words.extend(h.params.iter().map(param_text));
    let mut hash: Vec<_> = h.hash.iter().collect();
    hash.sort_by_key(|(k, _)| k.as_str());
    words.extend(hash.iter().map(|(k, v)| format!("{k}={}", param_text(v))));
    let mut variables = Vec::new();
    let is_helper = h
        .name
        .as_name()
        .is_some_and(|n| BUILTIN_HELPERS.contains(&n))
        || !h.params.is_empty()
        || !h.hash.is_empty()
        || !sigil.is_empty();
    if !is_helper {
        collect(&h.name, at_root, &mut variables);
    }
    for p in h.params.iter().chain(h.hash.values()) {
        collect(p, at_root, &mut variables);
    }
    let prefix = if h.chain { "else " } else { "" };
    Tag {
        text: format!("{{{{{prefix}{}}}}}", words.join(" ")),
        line,
        variables,
    }
}

/// The variables a parameter reads; inside `#each` and `#with` only
/// `@root.` paths reach the letter's data.
fn collect(p: &Parameter, at_root: bool, out: &mut Vec<String>) {
    match p {
        Parameter::Path(path) => {
            if let Some(v) = variable(path, at_root) {
                out.push(v);
            }
        }
        Parameter::Name(name) if at_root && is_variable_name(name) => out.push(name.clone()),
        Parameter::Subexpression(sub) => {
            for p in sub.params().into_iter().flatten() {
                collect(p, at_root, out);
            }
            for p in sub.hash().into_iter().flat_map(|h| h.values()) {
                collect(p, at_root, out);
            }
        }
        _ => {}
    }
}

fn variable(path: &Path, at_root: bool) -> Option<String> {
    let Path::Relative((_, raw)) = path else {
        return None;
    };
    let raw = raw.trim_start_matches("./");
    if let Some(rooted) = raw
        .strip_prefix("@root.")
        .or_else(|| raw.strip_prefix("@root/"))
    {
        return Some(rooted.replace('/', "."));
    }
    (at_root && is_variable_name(raw)).then(|| raw.replace('/', "."))
}

fn is_variable_name(raw: &str) -> bool {
    !raw.is_empty()
        && !raw.starts_with(['@', '.'])
        && raw != "this"
        && !raw.starts_with("this.")
        && !raw.starts_with("this/")
}

fn name(p: &Parameter) -> String {
    match p {
        Parameter::Name(n) => n.clone(),
        other => param_text(other),
    }
}

fn param_text(p: &Parameter) -> String {
    match p {
        Parameter::Name(n) => n.clone(),
        Parameter::Path(Path::Relative((_, raw)) | Path::Local((_, _, raw))) => raw.clone(),
        Parameter::Literal(json) => json.to_string(),
        Parameter::Subexpression(sub) => {
            let mut words = vec![sub.name().to_string()];
            words.extend(sub.params().into_iter().flatten().map(param_text));
            format!("({})", words.join(" "))
        }
        _ => String::new(),
    }
}

/// The prose of a template, paragraph by paragraph, with the line where
/// each starts: the text between tags, as handlebars reads it.
pub fn prose_paragraphs(template: &str) -> Vec<(usize, String)> {
    let Ok(parsed) = Template::compile(template) else {
        return Vec::new();
    };
    let mut raw = Vec::new();
    raw_strings(&parsed, &mut raw);
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    // Raw text comes in the order it is written: find each in the source
    // for its line (handlebars' own mapping marks where a run ends).
    let mut cursor = 0;
    for text in raw {
        let first_line = match template[cursor..].find(text.as_str()) {
            Some(at) => {
                cursor += at + text.len();
                template[..cursor - text.len()].matches('\n').count() + 1
            }
            None => template[..cursor].matches('\n').count() + 1,
        };
        for (i, line) in text.split('\n').enumerate() {
            let at = first_line + i;
            if i > 0 && line.trim().is_empty() {
                out.extend(current.take());
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            match &mut current {
                Some((_, words)) => {
                    words.push(' ');
                    words.push_str(line.trim());
                }
                None => current = Some((at, line.trim().to_string())),
            }
        }
    }
    out.extend(current);
    for (_, words) in &mut out {
        *words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_lines_and_variables() {
        let t = "{{date}}\n\nDear {{ target.name }},\n{{#if note}}\n{{note}}\n{{/if}}\n{{! a comment }}{{{raw}}}";
        let found = tags(t).unwrap();
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
        let found = tags("{{#each target.address}}{{this}} {{@index}}{{name}}{{/each}}").unwrap();
        assert_eq!(found[0].variables, ["target.address"]);
        assert!(
            found.iter().skip(1).all(|t| t.variables.is_empty()),
            "{found:?}"
        );
        let rooted = tags("{{#each target.address}}{{@root.name}}{{/each}}").unwrap();
        assert_eq!(rooted[1].variables, ["name"]);
    }

    #[test]
    fn a_variable_read_only_by_else_if_is_found() {
        let t = "{{#if note}}A{{else if place}}B{{else}}C{{/if}}";
        assert_eq!(variables(t), ["note", "place"]);
        let texts: Vec<String> = tags(t).unwrap().into_iter().map(|t| t.text).collect();
        assert!(
            texts.contains(&"{{else #if place}}".to_string())
                || texts.iter().any(|t| t.contains("place")),
            "{texts:?}"
        );
    }

    #[test]
    fn helpers_and_literals_are_not_variables() {
        assert_eq!(
            variables("{{#if (eq lang \"es\")}}x{{/if}}{{len target.address}}"),
            ["lang", "target.address"]
        );
        assert_eq!(variables("{{#unless note}}x{{/unless}}"), ["note"]);
    }

    #[test]
    fn paragraphs_start_where_text_starts() {
        let p = paragraphs("\nA\nB\n\n\nC\n");
        assert_eq!(p, vec![(2, "A\nB".to_string()), (6, "C".to_string())]);
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
