//! The tags of a letter template, read from handlebars' own parse of it,
//! and the variables they read.

use handlebars::template::{HelperTemplate, Parameter, Template, TemplateElement};
use handlebars::{Path, TemplateError};

use crate::template::{BUILTIN_HELPERS, Located, runs};

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

/// Helpers whose block sees another value than the letter's data.
const SCOPING_HELPERS: &[&str] = &["each", "with"];

/// Every tag in `template`, in order, blocks' insides and `{{else}}`
/// branches (`{{else if x}}` too) included. Comments are skipped.
pub fn tags(template: &str) -> Result<Vec<Tag>, Located<TemplateError>> {
    let mut out = Vec::new();
    for (first_line, parsed) in parse(template)? {
        let from = out.len();
        walk(&parsed, true, &mut out);
        for tag in &mut out[from..] {
            tag.line += first_line - 1;
        }
    }
    Ok(out)
}

/// The template as handlebars parses it, run by run where it can be split
/// (see `template::runs`), so that parsing stays linear in its length:
/// each run with tags, and the line where it starts.
fn parse(template: &str) -> Result<Vec<(usize, Template)>, Located<TemplateError>> {
    let pieces = match runs(template) {
        Some(runs) => runs
            .into_iter()
            .filter(|(_, _, tags)| *tags)
            .map(|(line, text, _)| (line, text))
            .collect(),
        None => vec![(1, template)],
    };
    pieces
        .into_iter()
        .map(|(first_line, text)| {
            Template::compile(text)
                .map(|t| (first_line, t))
                .map_err(|error| {
                    let (line, column) = error.pos().unwrap_or((1, 1));
                    Located {
                        error,
                        line: line + first_line - 1,
                        column,
                    }
                })
        })
        .collect()
}

/// The variables that templates handlebars has already parsed read, each
/// once.
pub fn variables_of<'t>(parsed: impl IntoIterator<Item = &'t Template>) -> Vec<String> {
    let mut out = Vec::new();
    for template in parsed {
        walk(template, true, &mut out);
    }
    let mut found: Vec<String> = out.into_iter().flat_map(|t| t.variables).collect();
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

pub(super) fn tag(h: &HelperTemplate, line: usize, at_root: bool, sigil: &str) -> Tag {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The variables `template` reads, each once.
    fn variables(template: &str) -> Vec<String> {
        let parsed = parse(template).unwrap();
        variables_of(parsed.iter().map(|(_, t)| t))
    }

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
}
