//! The placeholders of a letter template, read from handlebars' own parse
//! of it: its tags, the variables they read, and the prose around them.
//! `check` compares them between a source letter and its translations and
//! against the variables a letter is given; the renderer keeps only the
//! variables a letter reads.

use handlebars::template::{HelperTemplate, Parameter, Template, TemplateElement};
use handlebars::{Path, TemplateError};

use crate::template::{Located, runs};

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

/// The largest model letter template, in bytes. Real letters are a few
/// kilobytes; handlebars' parser slows with the square of a template's size.
pub const MAX_TEMPLATE_BYTES: usize = 64 * 1024;

/// The longest run of lines one block of a letter may span (an optional
/// paragraph, a list of copies).
const MAX_BLOCK_BYTES: usize = 16 * 1024;

/// How deep blocks may nest in a model letter.
const MAX_BLOCK_DEPTH: usize = 8;

/// How deep `{{#each}}` blocks may nest: copies, then a copy's lines.
const MAX_EACH_DEPTH: usize = 2;

/// The lists a letter may go through with `{{#each}}`.
const LISTS: &[&str] = &["target.address", "target.emails", "copies"];

/// The lists a copy has, inside `{{#each copies}}`.
const COPY_LISTS: &[&str] = &["address", "emails"];

/// What a model letter may use beyond variables.
const LETTER_HELPERS: &[&str] = &["if", "unless", "each"];

/// What handlebars offers and a letter never uses.
#[derive(Debug, Clone, Copy)]
enum Unused {
    InlinePartial,
    Partial,
    WhitespaceControl,
    RawBlock,
}

impl Unused {
    /// Why it is refused, with what it looks like in a template.
    fn message(self) -> String {
        match self {
            Unused::InlinePartial => crate::ui::tr!("template-inline-partial", code = "{{#* …}}"),
            Unused::Partial => crate::ui::tr!("template-partial", code = "{{> …}}"),
            Unused::WhitespaceControl => crate::ui::tr!("template-whitespace-control", code = "~"),
            Unused::RawBlock => crate::ui::tr!("template-raw-block", code = "{{{{ …}}}}"),
        }
    }
}

/// Why a template is refused, and where (1-based line of the template).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub line: usize,
    pub message: String,
}

/// Checks a model letter against what letters may use: variables, `if`,
/// `unless` and `each` over the documented lists, nothing else (no
/// partials, inline partials, decorators or other helpers), nested at
/// most a few deep, and at most [`MAX_TEMPLATE_BYTES`] long. The size and
/// depth are checked before handlebars parses anything, so that neither a
/// huge nor a deeply nested template can exhaust time or the stack.
pub fn check_allowed(template: &str) -> Result<(), Refused> {
    check_limits(template)?;
    for (first_line, text, tags) in runs(template).unwrap_or_default() {
        if !tags {
            continue;
        }
        let Ok(parsed) = Template::compile(text) else {
            // A syntax error is reported by compiling it for real.
            continue;
        };
        check_parsed(&parsed, first_line)?;
    }
    Ok(())
}

/// What a parsed run of a letter's template uses (see [`check_allowed`]);
/// `first_line` is where the run starts in its template. The renderer calls
/// this on what it has compiled, so a letter is parsed once.
pub fn check_parsed(parsed: &Template, first_line: usize) -> Result<(), Refused> {
    allowed(parsed, 0, None).map_err(|r| Refused {
        line: r.line + first_line - 1,
        ..r
    })
}

/// The checks of [`check_allowed`] that need no parse: size, nesting, the
/// features a letter never uses, the length of a block. Cheap enough for
/// every action that loads; the parsed checks follow when a letter is
/// compiled.
pub fn check_limits(template: &str) -> Result<(), Refused> {
    if template.len() > MAX_TEMPLATE_BYTES {
        return Err(Refused {
            line: 1,
            message: crate::ui::tr!(
                "template-too-big",
                size = template.len() >> 10,
                max = MAX_TEMPLATE_BYTES >> 10
            ),
        });
    }
    depth_before_parsing(template)?;
    let line_of = |needle: &str| {
        template
            .find(needle)
            .map(|at| template[..at].matches('\n').count() + 1)
    };
    for (needles, refused) in [
        (&["{{#*", "{{*"][..], Unused::InlinePartial),
        (&["{{>", "{{#>"][..], Unused::Partial),
        (&["{{~", "~}}"][..], Unused::WhitespaceControl),
        (&["{{{{"][..], Unused::RawBlock),
    ] {
        if let Some(line) = needles.iter().find_map(|n| line_of(n)) {
            return Err(Refused {
                line,
                message: refused.message(),
            });
        }
    }
    let Some(runs) = runs(template) else {
        // What is left is a tag or block left open or closed twice, or an
        // escape: compiling the template reports the syntax error itself,
        // with its place; the size cap bounds that parse.
        return Ok(());
    };
    for (first_line, text, tags) in runs {
        if tags && text.len() > MAX_BLOCK_BYTES {
            return Err(Refused {
                line: first_line,
                message: crate::ui::tr!(
                    "template-block-too-big",
                    size = text.len() >> 10,
                    max = MAX_BLOCK_BYTES >> 10
                ),
            });
        }
    }
    Ok(())
}

/// Block and parenthesis nesting, counted on the text: handlebars' parser
/// recurses on both.
fn depth_before_parsing(template: &str) -> Result<(), Refused> {
    let (mut blocks, mut parens, mut line) = (0usize, 0usize, 1);
    let bytes = template.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'{' if bytes[i..].starts_with(b"{{#") || bytes[i..].starts_with(b"{{^") => {
                blocks += 1;
            }
            b'{' if bytes[i..].starts_with(b"{{/") => blocks = blocks.saturating_sub(1),
            b'(' => parens += 1,
            b')' => parens = parens.saturating_sub(1),
            _ => {}
        }
        if blocks > MAX_BLOCK_DEPTH || parens > MAX_BLOCK_DEPTH {
            return Err(Refused {
                line,
                message: crate::ui::tr!("template-too-deep", max = MAX_BLOCK_DEPTH),
            });
        }
        i += 1;
    }
    Ok(())
}

fn allowed(template: &Template, eaches: usize, inside: Option<&str>) -> Result<(), Refused> {
    for (i, element) in template.elements.iter().enumerate() {
        let line = template.mapping.get(i).map_or(1, |m| m.0);
        let refuse = |message: String| Err(Refused { line, message });
        match element {
            TemplateElement::RawString(_) | TemplateElement::Comment(_) => {}
            TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
                if !h.params.is_empty() || !h.hash.is_empty() {
                    return refuse(crate::ui::tr!(
                        "template-calls-helper",
                        tag = tag(h, line, true, "").text
                    ));
                }
                if let Parameter::Name(name) = &h.name
                    && BUILTIN_HELPERS.contains(&name.as_str())
                {
                    return refuse(crate::ui::tr!(
                        "template-helper-not-variable",
                        name = name.as_str()
                    ));
                }
            }
            TemplateElement::HelperBlock(h) => {
                let name = h.name.as_name().unwrap_or_default();
                let text = tag(h, line, true, "#").text;
                if !LETTER_HELPERS.contains(&name) {
                    return refuse(crate::ui::tr!(
                        "template-unknown-block",
                        tag = text.as_str(),
                        name = name
                    ));
                }
                let [Parameter::Path(Path::Relative((_, param)))] = h.params.as_slice() else {
                    return refuse(crate::ui::tr!("template-one-variable", tag = text.as_str()));
                };
                if !h.hash.is_empty() || h.block_param.is_some() {
                    return refuse(crate::ui::tr!(
                        "template-one-variable-only",
                        tag = text.as_str()
                    ));
                }
                let mut eaches = eaches;
                let mut scope = inside;
                if name == "each" {
                    let list = param.replace('/', ".");
                    let known = match inside {
                        None => LISTS.contains(&list.as_str()),
                        Some(_) => COPY_LISTS.contains(&list.as_str()),
                    };
                    if !known {
                        return refuse(crate::ui::tr!(
                            "template-each-lists",
                            tag = text.as_str(),
                            lists = LISTS.join(", ")
                        ));
                    }
                    eaches += 1;
                    if eaches > MAX_EACH_DEPTH {
                        return refuse(crate::ui::tr!(
                            "template-each-depth",
                            tag = text.as_str(),
                            max = MAX_EACH_DEPTH
                        ));
                    }
                    scope = Some("copies");
                }
                if let Some(inner) = &h.template {
                    allowed(inner, eaches, scope)?;
                }
                if let Some(inverse) = &h.inverse {
                    allowed(inverse, eaches, inside)?;
                }
            }
            TemplateElement::PartialExpression(_) | TemplateElement::PartialBlock(_) => {
                return refuse(Unused::Partial.message());
            }
            TemplateElement::DecoratorExpression(_) | TemplateElement::DecoratorBlock(_) => {
                return refuse(Unused::InlinePartial.message());
            }
            _ => return refuse(crate::ui::tr!("template-element")),
        }
    }
    Ok(())
}

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
    // Paragraphs: runs of lines with words, between lines without.
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (at, text) in lines {
        if text.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        match &mut current {
            Some((_, words)) => {
                words.push(' ');
                words.push_str(text.trim());
            }
            None => current = Some((at, text.trim().to_string())),
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
    fn letters_use_variables_if_unless_and_each_over_their_lists_only() {
        let ok = "{{date}}\n{{#if note}}{{note}}{{else}}none{{/if}}\n{{#unless place}}x{{/unless}}\n\
                  {{#each copies}}cc: {{full_name}}{{#each address}} {{this}}{{/each}}{{/each}}\n\
                  {{#each target.address}}{{this}}{{/each}}";
        assert_eq!(check_allowed(ok), Ok(()));
        for (bad, says) in [
            (
                "{{#*inline \"x\"}}a{{> x}}{{/inline}}{{> x}}",
                "inline partial",
            ),
            ("{{> letter}}", "partial"),
            ("{{#with target}}{{name}}{{/with}}", "not `with`"),
            ("{{#each name}}x{{/each}}", "one of the letter's lists"),
            (
                "{{#each copies}}{{#each copies}}x{{/each}}{{/each}}",
                "one of the letter's lists",
            ),
            ("{{#if (not note)}}x{{/if}}", "takes one variable"),
            ("{{lookup target \"name\"}}", "calls a helper"),
            ("a\n{{log name}}", "calls a helper"),
        ] {
            let refused = check_allowed(bad).expect_err(bad);
            assert!(refused.message.contains(says), "{bad}: {}", refused.message);
        }
        assert_eq!(check_allowed("a\n\n{{> x}}").unwrap_err().line, 3);
    }

    #[test]
    fn deep_nesting_and_huge_templates_are_refused_before_parsing() {
        let nots = format!(
            "{{{{#if {}note{}}}}}x{{{{/if}}}}",
            "(not ".repeat(4000),
            ")".repeat(4000)
        );
        assert!(check_allowed(&nots).unwrap_err().message.contains("nests"));
        let blocks = "{{#if note}}".repeat(2000);
        assert!(
            check_allowed(&blocks)
                .unwrap_err()
                .message
                .contains("nests")
        );
        let huge = "prose ".repeat(20_000);
        assert!(
            check_allowed(&huge)
                .unwrap_err()
                .message
                .contains("at most 64 KiB")
        );
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
