//! The dialect of handlebars a model letter may be written in: variables,
//! `if`, `unless` and `each` over the documented lists, within limits of
//! size and depth checked before anything is parsed.

use handlebars::Path;
use handlebars::template::{Parameter, Template, TemplateElement};

use super::tags::tag;
use crate::template::{BUILTIN_HELPERS, runs};

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
    fn message(self) -> crate::ui::Message {
        match self {
            Unused::InlinePartial => crate::ui::msg!("template-inline-partial", code = "{{#* …}}"),
            Unused::Partial => crate::ui::msg!("template-partial", code = "{{> …}}"),
            Unused::WhitespaceControl => crate::ui::msg!("template-whitespace-control", code = "~"),
            Unused::RawBlock => crate::ui::msg!("template-raw-block", code = "{{{{ …}}}}"),
        }
    }
}

/// Why a template is refused, and where (1-based line of the template).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub line: usize,
    pub message: crate::ui::Message,
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
            message: crate::ui::msg!(
                "template-too-big",
                size = template.len() >> 10,
                max = MAX_TEMPLATE_BYTES >> 10
            ),
        });
    }
    scan_before_parsing(template)?;
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
                message: crate::ui::msg!(
                    "template-block-too-big",
                    size = text.len() >> 10,
                    max = MAX_BLOCK_BYTES >> 10
                ),
            });
        }
    }
    Ok(())
}

/// What handlebars offers and a letter never uses, as it starts in a
/// template's text: refused in this order, each at the first of its
/// forms in this order that the template holds.
const UNUSED_FORMS: [(&str, Unused); 7] = [
    ("{{#*", Unused::InlinePartial),
    ("{{*", Unused::InlinePartial),
    ("{{>", Unused::Partial),
    ("{{#>", Unused::Partial),
    ("{{~", Unused::WhitespaceControl),
    ("~}}", Unused::WhitespaceControl),
    ("{{{{", Unused::RawBlock),
];

/// Block and parenthesis nesting, counted on the text (handlebars' parser
/// recurses on both), then the forms of [`UNUSED_FORMS`], found in the
/// same pass over it.
fn scan_before_parsing(template: &str) -> Result<(), Refused> {
    let (mut blocks, mut parens, mut line) = (0usize, 0usize, 1);
    let mut found: [Option<usize>; UNUSED_FORMS.len()] = [None; UNUSED_FORMS.len()];
    let bytes = template.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => line += 1,
            b'{' | b'~' => {
                let rest = &bytes[i..];
                if rest.starts_with(b"{{#") || rest.starts_with(b"{{^") {
                    blocks += 1;
                } else if rest.starts_with(b"{{/") {
                    blocks = blocks.saturating_sub(1);
                }
                for (at, (form, _)) in found.iter_mut().zip(UNUSED_FORMS) {
                    if at.is_none() && rest.starts_with(form.as_bytes()) {
                        *at = Some(line);
                    }
                }
            }
            b'(' => parens += 1,
            b')' => parens = parens.saturating_sub(1),
            _ => {}
        }
        if blocks > MAX_BLOCK_DEPTH || parens > MAX_BLOCK_DEPTH {
            return Err(Refused {
                line,
                message: crate::ui::msg!("template-too-deep", max = MAX_BLOCK_DEPTH),
            });
        }
    }
    // The forms are listed kind by kind in the order refused, so the first
    // found is the one refused.
    match found
        .iter()
        .zip(UNUSED_FORMS)
        .find_map(|(at, (_, kind))| at.map(|line| (line, kind)))
    {
        Some((line, kind)) => Err(Refused {
            line,
            message: kind.message(),
        }),
        None => Ok(()),
    }
}

fn allowed(template: &Template, eaches: usize, inside: Option<&str>) -> Result<(), Refused> {
    for (i, element) in template.elements.iter().enumerate() {
        let line = template.mapping.get(i).map_or(1, |m| m.0);
        let refuse = |message: crate::ui::Message| Err(Refused { line, message });
        match element {
            TemplateElement::RawString(_) | TemplateElement::Comment(_) => {}
            TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
                if !h.params.is_empty() || !h.hash.is_empty() {
                    return refuse(crate::ui::msg!(
                        "template-calls-helper",
                        tag = tag(h, line, true, "").text
                    ));
                }
                if let Parameter::Name(name) = &h.name
                    && BUILTIN_HELPERS.contains(&name.as_str())
                {
                    return refuse(crate::ui::msg!(
                        "template-helper-not-variable",
                        name = name.as_str()
                    ));
                }
            }
            TemplateElement::HelperBlock(h) => {
                let name = h.name.as_name().unwrap_or_default();
                let text = tag(h, line, true, "#").text;
                if !LETTER_HELPERS.contains(&name) {
                    return refuse(crate::ui::msg!(
                        "template-unknown-block",
                        tag = text.as_str(),
                        name = name
                    ));
                }
                let [Parameter::Path(Path::Relative((_, param)))] = h.params.as_slice() else {
                    return refuse(crate::ui::msg!(
                        "template-one-variable",
                        tag = text.as_str()
                    ));
                };
                if !h.hash.is_empty() || h.block_param.is_some() {
                    return refuse(crate::ui::msg!(
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
                        return refuse(crate::ui::msg!(
                            "template-each-lists",
                            tag = text.as_str(),
                            lists = LISTS.join(", ")
                        ));
                    }
                    eaches += 1;
                    if eaches > MAX_EACH_DEPTH {
                        return refuse(crate::ui::msg!(
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
            _ => return refuse(crate::ui::msg!("template-element")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_refuses_in_the_order_of_the_forms_at_the_first_line_of_each() {
        for (template, line, says) in [
            ("a\n{{> p}}\n{{#* inline}}", 3, "inline partial"),
            ("a\n{{*x}}\nb\n{{#*y}}", 4, "inline partial"),
            ("{{#> layout}}\n{{> p}}", 2, "a partial"),
            ("x\n{{a ~}}\n{{{{raw}}}}", 2, "whitespace control"),
            ("x\n\n{{{{raw}}}}{{/raw}}", 3, "raw block"),
            (
                &"{{#if a}}\n".repeat(MAX_BLOCK_DEPTH + 1),
                9,
                "nests blocks",
            ),
            ("{{#if a}}\n{{/if}}\n".repeat(20).as_str(), 0, ""),
        ] {
            match check_limits(template) {
                Ok(()) => assert_eq!(line, 0, "{template:?} passed"),
                Err(refused) => {
                    assert_eq!((refused.line, line > 0), (line, true), "{template:?}");
                    let words = refused.message.english();
                    assert!(words.contains(says), "{template:?}: {words}");
                }
            }
        }
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
            assert!(
                refused.message.english().contains(says),
                "{bad}: {}",
                refused.message
            );
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
        assert!(
            check_allowed(&nots)
                .unwrap_err()
                .message
                .english()
                .contains("nests")
        );
        let blocks = "{{#if note}}".repeat(2000);
        assert!(
            check_allowed(&blocks)
                .unwrap_err()
                .message
                .english()
                .contains("nests")
        );
        let huge = "prose ".repeat(20_000);
        assert!(
            check_allowed(&huge)
                .unwrap_err()
                .message
                .english()
                .contains("at most 64 KiB")
        );
    }
}
