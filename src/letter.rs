//! Rendering an action's model letter with a writer's answers.
//!
//! Templates are compiled once, when a letter in their language is first
//! needed, in strict mode (a missing variable is an error, never a blank)
//! and without HTML escaping (letters are plain text). What the writer typed
//! is passed as data, never compiled.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use handlebars::{Context, Handlebars};
use serde_json::{Map, Value, json};

use crate::action::{Action, LetterTemplate, Recipient};
use crate::answers::Signer;
use crate::dates::{DEFAULT_DATE_FORMAT, format_date};
use crate::error::{Error, Part, Result, TemplateAt};
use crate::template::Template;

/// A finished letter in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub lang: String,
    pub subject: String,
    pub body: String,
}

/// An action's templates, compiled once, ready to render many letters.
pub struct Renderer<'a> {
    action: &'a Action,
    today: NaiveDate,
    /// Per language, compiled on first use: compiling is most of the cost
    /// of one letter, and a letter needs one language, not all of them.
    compiled: BTreeMap<&'a str, OnceLock<Result<Compiled>>>,
}

/// One language's templates, and the variables every letter in it to one
/// target shares.
struct Compiled {
    registry: Handlebars<'static>,
    subject: Template,
    body: Template,
    /// The top-level variables the templates read; `None`: all of them.
    roots: Option<std::collections::BTreeSet<String>>,
    /// Per target, computed when a letter to it is first rendered.
    bases: Vec<OnceLock<Map<String, Value>>>,
    /// Tells these templates from any other compiled in this process, for
    /// the context a thread keeps between letters.
    id: u64,
}

/// Every variable a letter template can read (documented in actions/README.md).
pub const VARIABLES: &[&str] = &[
    "name",
    "note",
    "city",
    "country",
    "place",
    "date",
    "lang",
    "target",
    "target.honorific",
    "target.name",
    "target.full_name",
    "target.title",
    "target.organisation",
    "target.address",
    "target.email",
    "target.emails",
    "target.fax",
    "target.phone",
    "target.salutation",
    "copies",
    "action",
    "action.id",
    "action.title",
    "action.deadline",
    "action.reference",
];

impl<'a> Renderer<'a> {
    /// A renderer of `action`'s letters, dated `today`. Nothing is compiled
    /// yet: each language is, when a letter in it is first asked for.
    pub fn new(action: &'a Action, today: NaiveDate) -> Renderer<'a> {
        let compiled = action
            .letters
            .keys()
            .map(|lang| (lang.as_str(), OnceLock::new()))
            .collect();
        Renderer {
            action,
            today,
            compiled,
        }
    }

    /// Compiles the letter in `lang` now, so that a template error is
    /// reported before the writer is asked anything more.
    pub fn prepare(&self, lang: &str) -> Result<()> {
        self.compiled(lang).map(|_| ())
    }

    fn compiled(&self, lang: &str) -> Result<&Compiled> {
        let (letter, cell) = self
            .action
            .letters
            .get(lang)
            .zip(self.compiled.get(lang))
            .ok_or_else(|| {
                Error::Usage(crate::ui::msg!(
                    "template-no-language",
                    id = self.action.id.as_str(),
                    lang = lang,
                    available = self.action.languages().join(", ")
                ))
            })?;
        cell.get_or_init(|| compile(self.action, lang, letter))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Renders the letter in `lang` (which must be one of the action's
    /// letters) to the first target.
    pub fn render(&self, lang: &str, signer: &Signer) -> Result<Letter> {
        self.render_for(lang, 0, signer)
    }

    /// Renders the letter in `lang` to the action's target number `target`
    /// (counted from 0).
    pub fn render_for(&self, lang: &str, target: usize, signer: &Signer) -> Result<Letter> {
        let compiled = self.compiled(lang)?;
        let base = compiled.bases.get(target).ok_or_else(|| {
            Error::Usage(crate::ui::msg!(
                "template-no-target",
                id = self.action.id.as_str(),
                count = self.action.targets.len(),
                target = target + 1
            ))
        })?;
        let letter = &self.action.letters[lang];
        let base = base.get_or_init(|| {
            let mut all = all_base_data(self.action, lang, letter, target, self.today);
            if let Some(roots) = &compiled.roots {
                all.retain(|key, _| roots.contains(key));
            }
            all
        });
        let key = (compiled.id, target);
        let mut reused = CONTEXT
            .take()
            .filter(|reused| reused.key == key)
            .unwrap_or_else(|| Reused {
                key,
                context: Context::from(Value::Object(base.clone())),
                extras: Vec::new(),
            });
        if let Value::Object(data) = reused.context.data_mut() {
            with_signer(data, &mut reused.extras, signer);
        }
        let context = &reused.context;
        let render = |part: Part, template: &Template, out: Vec<u8>| {
            template
                .render_into(&compiled.registry, context, out)
                .map_err(|e| Error::Template {
                    path: letter.origin.clone(),
                    at: template_at(self.action, lang, letter, part),
                    line: e.line,
                    column: e.column,
                    message: render_message(&e.error),
                })
        };
        let letter = (|| {
            Ok(Letter {
                lang: lang.to_string(),
                subject: trimmed(render(Part::Subject, &compiled.subject, Vec::new())?),
                // The body, most of a letter, in the last letter's buffer.
                body: tidy(render(
                    Part::Body,
                    &compiled.body,
                    crate::template::spare(),
                )?),
            })
        })();
        CONTEXT.set(Some(reused));
        letter
    }
}

thread_local! {
    /// This thread's last letter context. The next letter in the same
    /// language to the same target changes only the signer's answers in
    /// it: copying the shared data (target, copies, action) into a new
    /// context, and freeing it, cost more than rendering the letter.
    static CONTEXT: Cell<Option<Reused>> = const { Cell::new(None) };
}

/// A letter context kept for the next letter.
struct Reused {
    /// The compiled templates (by their [`Compiled::id`]) and the target
    /// it was made for.
    key: (u64, usize),
    context: Context,
    /// The extra variables the last signer added, removed for the next.
    extras: Vec<String>,
}

/// Compiles one language's subject and body; a syntax error names its file and place.
fn compile(action: &Action, lang: &str, letter: &LetterTemplate) -> Result<Compiled> {
    let mut registry = crate::template::letter_registry();
    let mut compile = |part: Part, text: &str| {
        Template::compile(&mut registry, part.key(), text).map_err(|e| Error::Template {
            path: letter.origin.clone(),
            at: template_at(action, lang, letter, part),
            line: e.line,
            column: e.column,
            message: syntax_message(&e.error),
        })
    };
    let subject = compile(Part::Subject, &letter.subject)?;
    let body = compile(Part::Body, &letter.body)?;
    // What a letter may use, on what was just parsed (actions/README.md,
    // "What a template may use").
    for (part, template) in [(Part::Subject, &subject), (Part::Body, &body)] {
        for (first_line, parsed) in template.parsed(&registry) {
            crate::placeholders::check_parsed(parsed, first_line).map_err(|refused| {
                Error::Template {
                    path: letter.origin.clone(),
                    at: template_at(action, lang, letter, part),
                    line: refused.line,
                    column: 1,
                    message: refused.message,
                }
            })?;
        }
    }
    let roots = roots(letter, [&subject, &body].map(|t| t.parsed(&registry)));
    Ok(Compiled {
        registry,
        subject,
        body,
        roots,
        bases: action.targets.iter().map(|_| OnceLock::new()).collect(),
        id: {
            static NEXT: AtomicU64 = AtomicU64::new(0);
            NEXT.fetch_add(1, Ordering::Relaxed)
        },
    })
}

/// Where a letter's template is, for messages.
fn template_at(action: &Action, lang: &str, letter: &LetterTemplate, part: Part) -> TemplateAt {
    TemplateAt {
        lang: lang.to_string(),
        part,
        in_translation: letter.origin != action.origin,
    }
}

/// The top-level variables a letter's templates read, so that each letter's
/// context, a copy of the shared data, holds only those: a smaller copy is
/// a faster letter. `None` when `@root`, `../` or `lookup` reach variables
/// no tag names: everything is kept then. `parsed` holds the subject's and
/// the body's runs of tags as they were just compiled: nothing is parsed
/// twice.
fn roots<'t>(
    template: &LetterTemplate,
    parsed: [impl Iterator<Item = (usize, &'t handlebars::Template)>; 2],
) -> Option<std::collections::BTreeSet<String>> {
    let parts = [&template.subject, &template.body];
    if parts
        .iter()
        .any(|t| crate::placeholders::reads_indirectly(t))
    {
        return None;
    }
    Some(
        crate::placeholders::variables_of(parsed.into_iter().flatten().map(|(_, t)| t))
            .into_iter()
            .map(|v| {
                v.split(['.', '/', '['])
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect(),
    )
}

/// What every letter in `lang` to target number `target` shares: the date,
/// the target, the copies, the action.
fn all_base_data(
    action: &Action,
    lang: &str,
    template: &LetterTemplate,
    target: usize,
    today: NaiveDate,
) -> Map<String, Value> {
    let format = template
        .date_format
        .as_deref()
        .unwrap_or(DEFAULT_DATE_FORMAT);
    let preferred = action.default_language();
    let salutation = |r: &Recipient| Value::from(r.salutation_for(lang, preferred));
    let copies: Vec<Value> = action
        .copies
        .iter()
        .map(|c| recipient_data(c, salutation(c)))
        .collect();
    let target = &action.targets[target];
    let mut data = json!({
        "date": format_date(today, format, lang),
        "lang": lang,
        "target": recipient_data(target, salutation(target)),
        "copies": copies,
        "action": {
            "id": action.id,
            "title": action.title,
            "reference": action.reference.clone().unwrap_or_default(),
        },
    });
    // An action without a deadline gives a letter none: a template that
    // asks for one is refused by strict mode, not filled with a blank.
    if let Some(deadline) = action.deadline {
        data["action"]["deadline"] = format_date(deadline, format, lang).into();
    }
    if target.salutation.is_none() {
        // Likewise a target with no salutation, for a letter that opens
        // with one.
        if let Some(t) = data["target"].as_object_mut() {
            t.remove("salutation");
        }
    }
    match data {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    }
}

/// A target or copy as letters (and `show --json`) see it: every field
/// present, empty when the file leaves it out; `email` is the first
/// address and `emails` all of them.
pub fn recipient_data(r: &Recipient, salutation: Value) -> Value {
    json!({
        "honorific": r.honorific.clone().unwrap_or_default(),
        "name": r.name,
        "full_name": r.full_name(),
        "title": r.title,
        "organisation": r.organisation.clone().unwrap_or_default(),
        "address": r.address,
        "email": r.email.first().cloned().unwrap_or_default(),
        "emails": r.email,
        "fax": r.fax.join(", "),
        "phone": r.phone.join(", "),
        "salutation": salutation,
    })
}

/// Puts the signer's answers in `data`, then any extra variables that don't
/// shadow one. `extras` holds the extra variables the last signer added to
/// the same data: they are taken out first. The strings already in `data`
/// are written over, so a letter allocates nothing here.
fn with_signer(data: &mut Map<String, Value>, extras: &mut Vec<String>, signer: &Signer) {
    for key in extras.drain(..) {
        data.remove(&key);
    }
    for (key, value) in [
        ("name", signer.name.as_str()),
        ("note", &signer.note),
        ("city", &signer.city),
        ("country", &signer.country),
        ("place", &signer.place()),
    ] {
        match data.get_mut(key) {
            Some(Value::String(old)) => {
                old.clear();
                old.push_str(value);
            }
            _ => {
                data.insert(key.to_string(), Value::String(value.to_string()));
            }
        }
    }
    for (key, value) in &signer.extra {
        if !data.contains_key(key) {
            data.insert(key.clone(), Value::String(value.clone()));
            extras.push(key.clone());
        }
    }
}

/// A rendering error in words a translator can act on.
pub fn render_message(e: &handlebars::RenderError) -> crate::ui::Message {
    match e.reason() {
        handlebars::RenderErrorReason::MissingVariable(Some(name)) => {
            crate::ui::msg!("template-unknown-variable", name = name.as_str())
        }
        other => other.to_string().into(),
    }
}

/// A template syntax error in words a translator can act on; handlebars'
/// own message for a syntax error lists grammar rules.
pub fn syntax_message(e: &handlebars::TemplateError) -> crate::ui::Message {
    match e.reason() {
        handlebars::TemplateErrorReason::InvalidSyntax(_) => crate::ui::msg!(
            "template-syntax",
            block = "{{#…}}",
            open = "{{",
            close = "}}"
        ),
        other => other.to_string().into(),
    }
}

/// `text` without the white space at its ends, in place.
fn trimmed(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text
}

/// Normalises line endings and blank edges: the body ends with one newline.
fn tidy(mut body: String) -> String {
    if body.contains('\r') {
        body = body.replace("\r\n", "\n");
    }
    let end = body.trim_end_matches('\n').len();
    body.truncate(end);
    let start = body.len() - body.trim_start_matches('\n').len();
    body.drain(..start);
    body.push('\n');
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_context_keeps_nothing_of_the_last_signer() {
        let mut data = Map::new();
        data.insert("date".into(), Value::from("28 November 2026"));
        let mut extras = Vec::new();
        let mut first = Signer::sample();
        first.extra.insert("party".into(), "Greens".into());
        first.extra.insert("date".into(), "shadowed".into());
        with_signer(&mut data, &mut extras, &first);
        assert_eq!(data["party"], "Greens");
        assert_eq!(data["date"], "28 November 2026");
        let second = Signer {
            name: "Ana".into(),
            city: "Lyon".into(),
            ..Signer::default()
        };
        with_signer(&mut data, &mut extras, &second);
        assert!(!data.contains_key("party"));
        assert_eq!(data["date"], "28 November 2026");
        assert_eq!(data["name"], "Ana");
        assert_eq!(data["note"], "");
        assert_eq!(data["place"], "Lyon");
    }

    #[test]
    fn every_documented_variable_is_given_and_no_other() {
        let action = crate::library::Library::default().load("cecot").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut data = all_base_data(&action, "en", &action.letters["en"], 0, today);
        with_signer(&mut data, &mut Vec::new(), &Signer::sample());
        let mut paths = Vec::new();
        for (key, value) in &data {
            paths.push(key.clone());
            if let Value::Object(inner) = value {
                paths.extend(inner.keys().map(|k| format!("{key}.{k}")));
            }
        }
        paths.sort();
        let mut documented: Vec<String> = VARIABLES.iter().map(|v| v.to_string()).collect();
        documented.sort();
        assert_eq!(paths, documented);

        // Each one is in the table of actions/README.md, but for the
        // mappings (`target`, `action`) whose fields are listed instead.
        let readme = include_str!("../actions/README.md");
        for var in VARIABLES {
            let is_mapping = VARIABLES.iter().any(|v| v.starts_with(&format!("{var}.")));
            assert!(
                is_mapping || readme.contains(&format!("`{{{{{var}}}}}`")),
                "`{{{{{var}}}}}` is not documented in actions/README.md"
            );
        }

        // A copy has the fields of a target.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/targets/lagoon.yaml"
        );
        let action = crate::library::Library::default().load(path).unwrap();
        let data = all_base_data(&action, "en", &action.letters["en"], 0, today);
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&data["copies"][0]), keys(&data["target"]));
    }

    #[test]
    fn each_target_gets_its_own_salutation_and_the_copies_are_listed() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/targets/lagoon.yaml"
        );
        let action = crate::library::Library::default().load(path).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let renderer = Renderer::new(&action, today);
        let signer = Signer::sample();
        let first = renderer.render_for("en", 0, &signer).unwrap();
        let second = renderer.render_for("en", 1, &signer).unwrap();
        assert!(first.body.contains("\nDear Minister,\n"), "{}", first.body);
        assert!(second.body.contains("\nDear Prosecutor General,\n"));
        assert!(
            second
                .body
                .contains("cc: Carla Example, Head of the Human Rights Commission\n")
        );
        assert_eq!(renderer.render("en", &signer).unwrap(), first);
        let err = renderer.render_for("en", 2, &signer).unwrap_err();
        assert!(
            err.to_string()
                .contains("has 2 targets; there is no target 3")
        );

        let data = all_base_data(&action, "es", &action.letters["es"], 0, today);
        assert_eq!(data["target"]["salutation"], "Estimado Señor Ministro:");
        assert_eq!(data["target"]["email"], "minister@interior.example.org");
        assert_eq!(data["target"]["emails"].as_array().unwrap().len(), 2);
        assert_eq!(data["copies"][0]["full_name"], "Ambassador Ana Example");
    }

    #[test]
    fn tidy_trims_edges_and_trailing_spaces() {
        assert_eq!(
            tidy("\n\nDear X,\r\n\r\nBody  \n\n\n".to_string()),
            "Dear X,\n\nBody  \n"
        );
    }
}
