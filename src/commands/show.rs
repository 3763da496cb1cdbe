//! `appeal show`: whom to write to, by when, and why.

use serde_json::json;

use super::{print, print_json};
use crate::action::{Action, Recipient, Salutation, Shown, Translated};
use crate::dates::format_date;
use crate::deadline::{describe, today};
use crate::error::{Error, Result};
use crate::letter::recipient_data;
use crate::library::Library;
use crate::{lang, wrap};

pub fn run(library: &Library, spec: &str, requested: Option<&str>, json: bool) -> Result<()> {
    let action = library.load(spec)?;
    let today = today()?;
    let choice = requested
        .map(|r| {
            let tag = lang::normalize(r).ok_or_else(|| {
                Error::Usage(crate::ui::tr!("command-not-a-language-tag", tag = r))
            })?;
            Ok::<_, Error>(action.choose_letter(&tag))
        })
        .transpose()?;
    if json {
        return print_json(&to_json(&action, today, choice.as_ref()));
    }
    // A person reads the action in the interface's language when it has
    // been translated into it; scripts (`--json`) get the source unless
    // they ask.
    let ui = crate::ui::lang();
    let choice = choice.or_else(|| {
        (ui != action.default_language() && action.letters.contains_key(ui))
            .then(|| action.choose_letter(ui))
    });
    let width = crate::terminal::stdout_columns().map_or(80, |c| c.min(100));
    print(&to_text(&action, today, choice.as_ref(), width))
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().replace('\n', " "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The texts shown: in the language asked for, each falling back to the
/// source; in the source language without `--lang`.
fn texts<'a>(action: &'a Action, choice: Option<&'a lang::Choice>) -> Translated<'a> {
    action.translated(choice.map_or(&action.source_language, |c| &c.chosen))
}

/// A target or copy as `--json` gives it: `salutation` in the language
/// shown, and `salutations` by language (`{}` for a copy without one).
fn recipient_json(r: &Recipient, action: &Action, lang: &str) -> serde_json::Value {
    let salutation = r.salutation_for(lang, action.default_language());
    let mut value = recipient_data(r, salutation.into());
    value["salutations"] = match &r.salutation {
        Some(Salutation::ByLanguage(map)) => json!(map),
        Some(Salutation::Text(text)) => json!({ &action.source_language: text }),
        None => json!({}),
    };
    value
}

fn to_json(
    action: &Action,
    today: chrono::NaiveDate,
    choice: Option<&lang::Choice>,
) -> serde_json::Value {
    let texts = texts(action, choice);
    let lang = choice.map_or(action.default_language(), |c| &c.chosen);
    let json_of = |r| recipient_json(r, action, lang);
    let targets: Vec<_> = action.targets.iter().map(json_of).collect();
    let copies: Vec<_> = action.copies.iter().map(json_of).collect();
    let mut value = json!({
        "id": action.id,
        "title": texts.title.text,
        "summary": texts.summary.text.trim(),
        "people": texts.people.text,
        "deadline": action.deadline.map(|d| d.to_string()),
        "days_left": action.days_left(today),
        "deadline_passed": action.has_passed(today),
        "deadline_advice": texts.deadline_advice.map(|s| s.text),
        "preferred_language": action.preferred_language,
        "accepted_languages": action.accepted_languages,
        "own_language_welcome": action.own_language_welcome,
        "languages": action.languages(),
        "reference": action.reference,
        "previous_ua": action.previous_ua,
        "issued": action.issued.map(|d| d.to_string()),
        "target": targets[0],
        "targets": targets,
        "copies": copies,
        "copies_note": action.copies_note.as_deref().map(str::trim),
        "points": action.points,
        "background": paragraphs(texts.background.text),
        "source": action.origin,
    });
    if let Some(choice) = choice {
        value["letter"] = json!({
            "requested": choice.requested,
            "lang": choice.chosen,
            "subject": action.letters[&choice.chosen].subject,
        });
        value["untranslated"] = json!(texts.untranslated());
    }
    value
}

/// A recipient's lines: name, title, organisation, address, then how else
/// to reach them.
fn recipient_lines(r: &Recipient) -> Vec<(String, Vec<String>)> {
    let mut to = vec![r.full_name(), r.title.clone()];
    to.extend(r.organisation.clone());
    to.extend(r.address.iter().cloned());
    let mut out = vec![(String::new(), to)];
    for (label, list) in [
        (crate::ui::tr!("show-email"), &r.email),
        (crate::ui::tr!("show-fax"), &r.fax),
        (crate::ui::tr!("show-phone"), &r.phone),
    ] {
        if !list.is_empty() {
            out.push((label, vec![list.join(", ")]));
        }
    }
    out
}

fn to_text(
    action: &Action,
    today: chrono::NaiveDate,
    choice: Option<&lang::Choice>,
    width: usize,
) -> String {
    let texts = texts(action, choice);
    // Labels are as long as the interface's language makes them: the
    // column of values starts after the longest.
    let column = [
        "show-write-to",
        "show-copy-to",
        "show-deadline",
        "show-language",
        "show-subject",
        "show-follows",
    ]
    .iter()
    .map(|id| crate::ui::text(id, &[]).chars().count() + 1)
    .chain([
        crate::ui::tr!("show-target", number = 10).chars().count() + 1,
        11,
    ])
    .max()
    .unwrap_or(11);
    let indent = " ".repeat(column);
    let mut out = format!("{}  ({})\n\n", texts.title.text, action.id);
    let text_width = width.saturating_sub(indent.len()).max(20);
    let mut field = |label: &str, lines: &[String]| {
        let wrapped = wrap::wrap(&lines.join("\n"), text_width);
        for (i, line) in wrapped.lines().enumerate() {
            let head = if i == 0 {
                format!("{label:<column$}")
            } else {
                indent.clone()
            };
            out.push_str(&format!("{head}{line}\n"));
        }
    };
    let several = action.targets.len() > 1;
    for (i, target) in action.targets.iter().enumerate() {
        let label = if several {
            crate::ui::tr!("show-target", number = i + 1)
        } else {
            crate::ui::tr!("show-write-to")
        };
        for (sub, lines) in recipient_lines(target) {
            field(if sub.is_empty() { &label } else { &sub }, &lines);
        }
    }
    for copy in &action.copies {
        let label = crate::ui::tr!("show-copy-to");
        for (sub, lines) in recipient_lines(copy) {
            field(if sub.is_empty() { &label } else { &sub }, &lines);
        }
    }
    if let Some(note) = &action.copies_note {
        field(&crate::ui::tr!("show-copies"), &[note.trim().to_string()]);
    }
    let mut deadline = vec![match action.deadline {
        Some(d) => format!(
            "{} ({})",
            format_date(d, &crate::ui::tr!("date-pattern"), crate::ui::lang()),
            describe(d, today)
        ),
        None => crate::ui::tr!("deadline-none"),
    }];
    if action.has_passed(today) {
        deadline.extend(texts.deadline_advice.map(|s| s.text.to_string()));
    }
    field(&crate::ui::tr!("show-deadline"), &deadline);
    let languages = action.languages().join(", ");
    let mut language = vec![match action.preferred_language.as_deref() {
        Some(preferred) if action.letters.contains_key(preferred) => crate::ui::tr!(
            "show-languages",
            preferred = preferred,
            languages = languages
        ),
        Some(preferred) => crate::ui::tr!(
            "show-languages-no-letter",
            preferred = preferred,
            languages = languages
        ),
        None => crate::ui::tr!("show-languages-unstated", languages = languages),
    }];
    if !action.accepted_languages.is_empty() {
        language.push(crate::ui::tr!(
            "show-also-accepted",
            languages = action.accepted_languages.join(", ")
        ));
    }
    if action.own_language_welcome {
        language.push(crate::ui::tr!("show-own-language"));
    }
    field(&crate::ui::tr!("show-language"), &language);
    field(
        &crate::ui::tr!("show-for"),
        &[texts.people.text.to_string()],
    );
    if let Some(previous) = &action.previous_ua {
        field(
            &crate::ui::tr!("show-follows"),
            std::slice::from_ref(previous),
        );
    }
    if let Some(choice) = choice {
        let mut letter = vec![action.letters[&choice.chosen].subject.clone()];
        if choice.is_fallback() {
            letter.push(crate::ui::tr!(
                "show-no-letter",
                requested = choice.requested.as_str(),
                chosen = choice.chosen.as_str()
            ));
        }
        field(&crate::ui::tr!("show-subject"), &letter);
        let untranslated = texts.untranslated();
        if !untranslated.is_empty() {
            field(
                &crate::ui::tr!("show-shown-in"),
                &[crate::ui::tr!(
                    "show-except",
                    chosen = choice.chosen.as_str(),
                    fields = untranslated.join(", "),
                    source = action.source_language.as_str()
                )],
            );
        }
    }
    let mut sections = vec![section(
        &crate::ui::tr!("show-summary"),
        texts.summary,
        action,
    )];
    if !action.points.is_empty() {
        let points: Vec<String> = action.points.iter().map(|p| format!("- {p}")).collect();
        sections.push((crate::ui::tr!("show-points"), points.join("\n")));
    }
    sections.push(section(
        &crate::ui::tr!("show-background"),
        texts.background,
        action,
    ));
    for (heading, body) in sections {
        out.push_str(&format!("\n{heading}\n\n"));
        out.push_str(&wrap::wrap(&body, width));
        out.push('\n');
    }
    out
}

/// A heading and its paragraphs; the heading says when the text is the
/// source's, not a translation.
fn section(heading: &str, shown: Shown, action: &Action) -> (String, String) {
    let heading = if shown.translated {
        heading.to_string()
    } else {
        crate::ui::tr!(
            "show-not-translated",
            heading = heading,
            source = action.source_language.as_str()
        )
    };
    (heading, paragraphs(shown.text).join("\n\n"))
}
