//! `appeal show`: whom to write to, by when, and why.

use std::collections::BTreeMap;

use serde::Serialize;

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
                Error::Usage(crate::ui::msg!("command-not-a-language-tag", tag = r))
            })?;
            Ok::<_, Error>(action.choose_letter(&tag))
        })
        .transpose()?;
    if json {
        return to_json(&action, today, choice.as_ref());
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

/// A text's paragraphs, each as one line of words, to be wrapped.
fn paragraphs(text: &str) -> Vec<String> {
    crate::paragraphs::split(text)
        .iter()
        .map(crate::paragraphs::Paragraph::words)
        .collect()
}

/// The texts shown: in the language asked for, each falling back to the
/// source; in the source language without `--lang`.
fn texts<'a>(action: &'a Action, choice: Option<&'a lang::Choice>) -> Translated<'a> {
    action.translated(choice.map_or(&action.source_language, |c| &c.chosen))
}

/// A target or copy as `--json` gives it: the fields a letter sees, with
/// `salutation` in the language shown, and `salutations` by language (`{}`
/// for a copy without one).
#[derive(Serialize)]
struct RecipientJson<'a> {
    #[serde(flatten)]
    data: serde_json::Value,
    salutations: BTreeMap<&'a str, &'a str>,
}

impl<'a> RecipientJson<'a> {
    fn of(r: &'a Recipient, action: &'a Action, lang: &str) -> RecipientJson<'a> {
        let salutation = r.salutation_for(lang, action.default_language());
        let salutations = match &r.salutation {
            Some(Salutation::ByLanguage(map)) => {
                map.iter().map(|(l, s)| (l.as_str(), s.as_str())).collect()
            }
            Some(Salutation::Text(text)) => {
                BTreeMap::from([(action.source_language.as_str(), text.as_str())])
            }
            None => BTreeMap::new(),
        };
        RecipientJson {
            data: recipient_data(r, salutation.into()),
            salutations,
        }
    }
}

/// `show --json`: the action, its texts in the language shown.
#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    people: &'a str,
    deadline: Option<String>,
    days_left: Option<i64>,
    deadline_passed: bool,
    deadline_advice: Option<&'a str>,
    preferred_language: Option<&'a str>,
    accepted_languages: &'a [String],
    own_language_welcome: bool,
    languages: Vec<&'a str>,
    reference: Option<&'a str>,
    previous_ua: Option<&'a str>,
    issued: Option<String>,
    /// The first of `targets`, for scripts written before there were several.
    target: &'a RecipientJson<'a>,
    targets: &'a [RecipientJson<'a>],
    copies: Vec<RecipientJson<'a>>,
    copies_note: Option<&'a str>,
    points: &'a [String],
    background: Vec<String>,
    source: &'a str,
    /// With `--lang`: the letter chosen, and the fields left in the source's
    /// language.
    #[serde(skip_serializing_if = "Option::is_none")]
    letter: Option<LetterJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    untranslated: Option<Vec<&'static str>>,
}

#[derive(Serialize)]
struct LetterJson<'a> {
    requested: &'a str,
    lang: &'a str,
    subject: &'a str,
}

fn to_json(action: &Action, today: chrono::NaiveDate, choice: Option<&lang::Choice>) -> Result<()> {
    let texts = texts(action, choice);
    let lang = choice.map_or(action.default_language(), |c| &c.chosen);
    let json_of = |r| RecipientJson::of(r, action, lang);
    let targets: Vec<_> = action.targets.iter().map(json_of).collect();
    let value = ActionJson {
        id: &action.id,
        title: texts.title.text,
        summary: texts.summary.text.trim(),
        people: texts.people.text,
        deadline: action.deadline.map(|d| d.to_string()),
        days_left: action.days_left(today),
        deadline_passed: action.has_passed(today),
        deadline_advice: texts.deadline_advice.map(|s| s.text),
        preferred_language: action.preferred_language.as_deref(),
        accepted_languages: &action.accepted_languages,
        own_language_welcome: action.own_language_welcome,
        languages: action.languages(),
        reference: action.reference.as_deref(),
        previous_ua: action.previous_ua.as_deref(),
        issued: action.issued.map(|d| d.to_string()),
        target: &targets[0],
        targets: &targets,
        copies: action.copies.iter().map(json_of).collect(),
        copies_note: action.copies_note.as_deref().map(str::trim),
        points: &action.points,
        background: paragraphs(texts.background.text),
        source: &action.origin,
        letter: choice.map(|c| LetterJson {
            requested: &c.requested,
            lang: &c.chosen,
            subject: &action.letters[&c.chosen].subject,
        }),
        untranslated: choice.map(|_| texts.untranslated()),
    };
    print_json(&value)
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

/// The action as a person reads it: labelled fields, then its sections.
fn to_text(
    action: &Action,
    today: chrono::NaiveDate,
    choice: Option<&lang::Choice>,
    width: usize,
) -> String {
    let texts = texts(action, choice);
    let head = format!("{}  ({})\n\n", texts.title.text, action.id);
    let mut fields = Fields::new(head, width);
    recipients(&mut fields, action);
    fields.add(
        &crate::ui::tr!("show-deadline"),
        &deadline_lines(action, &texts, today),
    );
    fields.add(&crate::ui::tr!("show-language"), &language_lines(action));
    fields.add(
        &crate::ui::tr!("show-for"),
        &[texts.people.text.to_string()],
    );
    if let Some(previous) = &action.previous_ua {
        fields.add(
            &crate::ui::tr!("show-follows"),
            std::slice::from_ref(previous),
        );
    }
    if let Some(choice) = choice {
        letter_fields(&mut fields, action, choice, &texts);
    }
    let mut out = fields.out;
    for (heading, body) in sections(action, texts) {
        out.push_str(&format!("\n{heading}\n\n"));
        out.push_str(&wrap::wrap(&body, width));
        out.push('\n');
    }
    out
}

/// Labels in a column as wide as the longest, and their values beside
/// them, wrapped to the width left.
struct Fields {
    out: String,
    column: usize,
    text_width: usize,
}

impl Fields {
    fn new(head: String, width: usize) -> Fields {
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
        Fields {
            out: head,
            column,
            text_width: width.saturating_sub(column).max(20),
        }
    }

    fn add(&mut self, label: &str, lines: &[String]) {
        let column = self.column;
        let wrapped = wrap::wrap(&lines.join("\n"), self.text_width);
        for (i, line) in wrapped.lines().enumerate() {
            if i == 0 {
                self.out.push_str(&format!("{label:<column$}{line}\n"));
            } else {
                self.out.push_str(&format!("{:column$}{line}\n", ""));
            }
        }
    }

    /// A recipient under `label`, then each way to reach them under its own.
    fn recipient(&mut self, label: &str, r: &Recipient) {
        for (sub, lines) in recipient_lines(r) {
            self.add(if sub.is_empty() { label } else { &sub }, &lines);
        }
    }
}

/// Whom to write to, numbered when there are several, then the copies.
fn recipients(fields: &mut Fields, action: &Action) {
    let several = action.targets.len() > 1;
    for (i, target) in action.targets.iter().enumerate() {
        let label = if several {
            crate::ui::tr!("show-target", number = i + 1)
        } else {
            crate::ui::tr!("show-write-to")
        };
        fields.recipient(&label, target);
    }
    for copy in &action.copies {
        fields.recipient(&crate::ui::tr!("show-copy-to"), copy);
    }
    if let Some(note) = &action.copies_note {
        fields.add(&crate::ui::tr!("show-copies"), &[note.trim().to_string()]);
    }
}

/// The deadline with the days left; once it has passed, what to do instead.
fn deadline_lines(action: &Action, texts: &Translated, today: chrono::NaiveDate) -> Vec<String> {
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
    deadline
}

/// The language to write in, the others accepted, and whether one's own is
/// welcome.
fn language_lines(action: &Action) -> Vec<String> {
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
    language
}

/// With `--lang`: the chosen letter's subject, and what is shown in the
/// source's language instead.
fn letter_fields(fields: &mut Fields, action: &Action, choice: &lang::Choice, texts: &Translated) {
    let mut letter = vec![action.letters[&choice.chosen].subject.clone()];
    if choice.is_fallback() {
        letter.push(crate::ui::tr!(
            "show-no-letter",
            requested = choice.requested.as_str(),
            chosen = choice.chosen.as_str()
        ));
    }
    fields.add(&crate::ui::tr!("show-subject"), &letter);
    let untranslated = texts.untranslated();
    if !untranslated.is_empty() {
        fields.add(
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

/// The summary, the points to make, and the background, each a heading
/// and its text.
fn sections(action: &Action, texts: Translated) -> Vec<(String, String)> {
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
    sections
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
