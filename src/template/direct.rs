//! A run of tags written straight from its parsed form, when it holds
//! nothing but text, variables that hold text, and `if`/`unless` on
//! variables that are there: most of what a letter's runs hold.
//!
//! Handlebars makes a string of each value it writes, escapes it into
//! another, and copies each path it looks up, segment by segment, into a
//! vector of new strings; for a batch's letters that was most of the time
//! spent rendering. This writes the same bytes with none of that. Anything
//! else, and anything that would be an error (a variable missing, a path
//! through a list), is left to handlebars: [`render`] gives `None` and the
//! run is rendered by handlebars from its start, so every output that
//! isn't plain, and every error, is still handlebars' own.

use handlebars::template::{HelperTemplate, Parameter, TemplateElement};
use handlebars::{JsonTruthy, Path, PathSeg};
use serde_json::Value;

use super::BUILTIN_HELPERS;

/// Writes `elements`, read with `data`, to the end of `out`, as handlebars
/// would in strict mode with no escaping; `None` (with `out` part-written)
/// where only handlebars can tell what to write. Stops past `cap` bytes.
pub fn render(
    elements: &[TemplateElement],
    data: &Value,
    out: &mut String,
    cap: usize,
) -> Option<()> {
    for element in elements {
        match element {
            TemplateElement::RawString(text) => out.push_str(text),
            TemplateElement::Comment(_) => {}
            TemplateElement::Expression(h) if h.params.is_empty() && h.hash.is_empty() => {
                // A bare name that is a helper's is a call, not a variable.
                if BUILTIN_HELPERS.contains(&plain_path(&h.name)?.1) {
                    return None;
                }
                let Value::String(text) = variable(&h.name, data)? else {
                    return None;
                };
                out.push_str(text);
            }
            TemplateElement::HelperBlock(h) => {
                let branch = if condition(h, data)? {
                    &h.template
                } else {
                    &h.inverse
                };
                if let Some(branch) = branch {
                    render(&branch.elements, data, out, cap)?;
                }
            }
            _ => return None,
        }
        if out.len() > cap {
            return None;
        }
    }
    Some(())
}

/// Whether an `{{#if x}}` or `{{#unless x}}` block shows its first branch,
/// by handlebars' own truthiness; `None` for any other block, or an
/// argument that isn't a variable that is there.
fn condition(h: &HelperTemplate, data: &Value) -> Option<bool> {
    let positive = match &h.name {
        Parameter::Name(name) if name == "if" => true,
        Parameter::Name(name) if name == "unless" => false,
        _ => return None,
    };
    let ([param], true, None) = (h.params.as_slice(), h.hash.is_empty(), &h.block_param) else {
        return None;
    };
    Some(variable(param, data)?.is_truthy(false) == positive)
}

/// A path read from the letter's data: its segments, and as written.
fn plain_path(param: &Parameter) -> Option<(&[PathSeg], &str)> {
    match param {
        Parameter::Path(Path::Relative((segments, raw))) => Some((segments, raw)),
        _ => None,
    }
}

/// The value a plain path (`name`, `target.salutation`) names in `data`:
/// only named keys of objects, as the top of a letter sees them.
fn variable<'d>(param: &Parameter, data: &'d Value) -> Option<&'d Value> {
    plain_path(param)?
        .0
        .iter()
        .try_fold(data, |value, segment| match (segment, value) {
            (PathSeg::Named(key), Value::Object(map)) => map.get(key),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use handlebars::Handlebars;
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::template::letter_registry as letters;

    fn data() -> Value {
        json!({
            "name": "Ana Díaz",
            "note": "",
            "place": "Quito, Ecuador",
            "empty": "",
            "flag": false,
            "zero": 0,
            "three": 3,
            "nothing": null,
            "list": ["a", "b"],
            "none": [],
            "target": { "salutation": "Dear Minister,", "name": "" },
        })
    }

    /// What the direct path writes for `text`, if it writes it.
    fn direct(registry: &mut Handlebars<'_>, text: &str, data: &Value) -> Option<String> {
        registry.register_template_string("t", text).ok()?;
        let parsed = registry.get_template("t").expect("registered");
        let mut out = String::new();
        render(&parsed.elements, data, &mut out, usize::MAX)?;
        Some(out)
    }

    #[test]
    fn a_letters_runs_are_written_as_handlebars_writes_them() {
        let mut registry = letters();
        for text in [
            "{{target.salutation}}\n",
            "{{#if note}}\n{{note}}\n\n{{/if}}\n",
            "{{name}}\n{{#if place}}\n{{place}}\n{{/if}}\n",
            "{{#unless note}}none{{else}}{{note}}{{/unless}}\n",
            "{{#if flag}}x{{else if place}}{{place}}{{else}}z{{/if}}\n",
            "{{! a comment }}{{name}}, {{target.name}}.\n",
        ] {
            let data = data();
            let by_handlebars = registry.render_template(text, &data).unwrap();
            assert_eq!(
                direct(&mut registry, text, &data),
                Some(by_handlebars),
                "{text:?} was not written as handlebars writes it"
            );
        }
    }

    #[test]
    fn what_only_handlebars_can_write_is_left_to_it() {
        let mut registry = letters();
        for text in [
            "{{missing}}",
            "{{date_missing_is_not_here}}",
            "{{target.missing}}",
            "{{three}}",
            "{{list}}",
            "{{list.0}}",
            "{{this.name}}{{../name}}{{@root.name}}",
            "{{#each list}}{{this}}{{/each}}",
            "{{#with target}}{{name}}{{/with}}",
            "{{#if missing}}x{{/if}}",
            "{{#if zero includeZero=true}}x{{/if}}",
            "{{{name}}}",
            "{{len list}}",
            "{{#if (eq name \"x\")}}x{{/if}}",
        ] {
            assert_eq!(direct(&mut registry, text, &data()), None, "{text:?}");
        }
    }

    #[test]
    fn writing_stops_past_the_cap() {
        let mut registry = letters();
        registry
            .register_template_string("t", "{{name}} {{name}}")
            .unwrap();
        let parsed = registry.get_template("t").unwrap();
        let mut out = String::new();
        assert_eq!(render(&parsed.elements, &data(), &mut out, 10), None);
        assert_eq!(render(&parsed.elements, &data(), &mut out, 100), Some(()));
    }

    /// A template of text, variables, comments and blocks, nested.
    fn template() -> impl Strategy<Value = String> {
        let name = prop::sample::select(
            "name note place empty flag zero three nothing list none target target.salutation \
             target.name target.missing missing list.1 this ../name @root.name @index len"
                .split_whitespace()
                .collect::<Vec<_>>(),
        );
        let leaf = prop_oneof![
            prop::sample::select(vec!["", "a", " ", "\n", "  \n", "Dear ", ",\n\n"])
                .prop_map(str::to_string),
            name.clone().prop_map(|n| format!("{{{{{n}}}}}")),
            Just("{{! note }}".to_string()),
        ];
        leaf.prop_recursive(3, 24, 4, move |inner| {
            let body = prop::collection::vec(inner, 0..4).prop_map(|v| v.concat());
            (
                prop::sample::select(vec!["if", "unless", "each", "with"]),
                name.clone(),
                body.clone(),
                prop::option::of(body),
                any::<bool>(),
            )
                .prop_map(|(helper, arg, yes, no, lines)| {
                    let nl = if lines { "\n" } else { "" };
                    let no = no.map_or(String::new(), |n| format!("{{{{else}}}}{nl}{n}"));
                    format!("{{{{#{helper} {arg}}}}}{nl}{yes}{no}{{{{/{helper}}}}}{nl}")
                })
        })
    }

    proptest! {
        /// Whatever the direct path writes, handlebars writes the same.
        #[test]
        fn writes_what_handlebars_writes(parts in prop::collection::vec(template(), 1..5)) {
            let text = parts.concat();
            let mut registry = letters();
            let data = data();
            let by_handlebars = registry.render_template(&text, &data);
            if let Some(written) = direct(&mut registry, &text, &data) {
                prop_assert_eq!(Ok(written), by_handlebars.map_err(|e| e.to_string()));
            }
        }
    }
}
