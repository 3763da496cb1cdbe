//! `appeal show`: whom to write to, by when, and why.

use serde_json::json;

use super::{print, print_json};
use crate::action::Action;
use crate::deadline::{days_left, describe, today};
use crate::error::{Error, Result};
use crate::letter::format_date;
use crate::library::Library;
use crate::{lang, wrap};

pub fn run(library: &Library, spec: &str, requested: Option<&str>, json: bool) -> Result<()> {
    let action = library.load(spec)?;
    let today = today()?;
    let choice = requested
        .map(|r| {
            let tag = lang::normalize(r)
                .ok_or_else(|| Error::Usage(format!("`{r}` is not a language tag (e.g. `es`)")))?;
            Ok::<_, Error>(action.choose_letter(&tag))
        })
        .transpose()?;
    if json {
        return print_json(&to_json(&action, today, choice.as_ref()));
    }
    let width = console::Term::stdout()
        .size_checked()
        .map_or(80, |(_, cols)| usize::from(cols).min(100));
    print(&to_text(&action, today, choice.as_ref(), width))
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().replace('\n', " "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn to_json(
    action: &Action,
    today: chrono::NaiveDate,
    choice: Option<&lang::Choice>,
) -> serde_json::Value {
    let mut value = json!({
        "id": action.id,
        "title": action.title,
        "summary": action.summary.trim(),
        "people": action.people,
        "deadline": action.deadline.to_string(),
        "days_left": days_left(action.deadline, today),
        "deadline_passed": days_left(action.deadline, today) < 0,
        "deadline_advice": action.deadline_advice,
        "preferred_language": action.preferred_language,
        "own_language_welcome": action.own_language_welcome,
        "languages": action.languages(),
        "reference": action.reference,
        "issued": action.issued.map(|d| d.to_string()),
        "target": action.target,
        "background": paragraphs(&action.background),
        "source": action.origin,
    });
    if let Some(choice) = choice {
        value["letter"] = json!({
            "requested": choice.requested,
            "lang": choice.chosen,
            "subject": action.letters[&choice.chosen].subject,
        });
    }
    value
}

fn to_text(
    action: &Action,
    today: chrono::NaiveDate,
    choice: Option<&lang::Choice>,
    width: usize,
) -> String {
    let t = &action.target;
    let indent = " ".repeat(11);
    let mut out = format!("{}  ({})\n\n", action.title, action.id);
    let text_width = width.saturating_sub(indent.len()).max(20);
    let mut field = |label: &str, lines: &[String]| {
        let wrapped = wrap::wrap(&lines.join("\n"), text_width);
        for (i, line) in wrapped.lines().enumerate() {
            let head = if i == 0 {
                format!("{label:<11}")
            } else {
                indent.clone()
            };
            out.push_str(&format!("{head}{line}\n"));
        }
    };
    let mut to = vec![t.full_name(), t.title.clone(), t.organisation.clone()];
    to.extend(t.address.iter().cloned());
    field("Write to:", &to);
    field("Email:", std::slice::from_ref(&t.email));
    let mut deadline = vec![format!(
        "{} ({})",
        format_date(action.deadline, "%-d %B %Y", "en"),
        describe(action.deadline, today)
    )];
    if days_left(action.deadline, today) < 0 {
        deadline.extend(action.deadline_advice.clone());
    }
    field("Deadline:", &deadline);
    let mut language = vec![format!(
        "{} preferred; model letters in {}",
        action.preferred_language,
        action.languages().join(", ")
    )];
    if action.own_language_welcome {
        language.push("You can also write in your own language.".to_string());
    }
    field("Language:", &language);
    field("For:", std::slice::from_ref(&action.people));
    if let Some(choice) = choice {
        let mut letter = vec![action.letters[&choice.chosen].subject.clone()];
        if choice.is_fallback() {
            letter.push(format!(
                "(no letter in {}: showing {})",
                choice.requested, choice.chosen
            ));
        }
        field("Subject:", &letter);
    }
    for (heading, text) in [
        ("Summary", &action.summary),
        ("Background", &action.background),
    ] {
        out.push_str(&format!("\n{heading}\n\n"));
        let body = paragraphs(text).join("\n\n");
        out.push_str(&wrap::wrap(&body, width));
        out.push('\n');
    }
    out
}
