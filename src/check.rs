//! The rules of `appeal check`: a linter for action files and their
//! translations, reporting each problem with its file and line.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use handlebars::Handlebars;
use serde::Serialize;

use crate::action::{Action, LetterTemplate, parse_yaml};
use crate::answers::Signer;
use crate::deadline::days_left;
use crate::error::Error;
use crate::letter::{Renderer, VARIABLES, syntax_message};
use crate::library::{ActionFiles, SourceFile, closest};
use crate::placeholders::{paragraphs, prose, tags};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let word = match self {
            Level::Error => console::style("error").red().bold(),
            Level::Warning => console::style("warning").yellow().bold(),
        };
        write!(f, "{word}")
    }
}

/// One problem: `path:line: level: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub level: Level,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path, self.line, self.level, self.message
        )
    }
}

/// Every problem in an action's files, sorted by file and line.
pub fn check(files: &ActionFiles, today: NaiveDate) -> Vec<Problem> {
    let mut found = Findings::default();
    for file in files.all() {
        found.markers(file);
    }
    match Action::parse(&files.id, &files.main.origin, &files.main.text) {
        Ok(mut action) => {
            for t in &files.translations {
                let lang = t.lang.as_deref().unwrap_or_default();
                if let Err(e) = action.add_translation(lang, &t.origin, &t.text) {
                    found.error_from(t, e);
                }
            }
            found.action(files, &action, today);
        }
        Err(e) => {
            found.error_from(&files.main, e);
            // The translations can still be checked on their own.
            for t in &files.translations {
                if let Err(e) = parse_yaml::<LetterTemplate>(&t.origin, &t.text) {
                    found.error_from(t, e);
                }
            }
        }
    }
    let mut problems = found.0;
    problems.sort();
    problems.dedup();
    problems
}

#[derive(Default)]
struct Findings(Vec<Problem>);

impl Findings {
    fn push(&mut self, path: &str, line: usize, level: Level, message: String) {
        self.0.push(Problem {
            path: path.to_string(),
            line,
            level,
            message,
        });
    }

    /// An error from loading, placed on the line of the field it names.
    fn error_from(&mut self, file: &SourceFile, e: Error) {
        let (line, message) = match &e {
            Error::Yaml { line, message, .. } => (*line as usize, message.clone()),
            Error::Field { field, message, .. } => {
                let path: Vec<&str> = field.split('.').collect();
                (
                    field_line(&file.text, &path).unwrap_or(1),
                    format!("field `{field}`: {message}"),
                )
            }
            Error::Template {
                at, line, message, ..
            } => {
                let mut parts = at.split('.').skip(1);
                let (lang, part) = (parts.next().unwrap_or(""), parts.next().unwrap_or("body"));
                let place = Place::of(file, lang, part);
                (place.line(*line), format!("{}: {message}", place.field))
            }
            Error::File { message, .. } => (1, message.clone()),
            other => (1, other.to_string()),
        };
        self.push(&file.origin, line, Level::Error, message);
    }

    /// Leftover `[PLACEHOLDERS]` and `TODO` markers, outside comment lines.
    fn markers(&mut self, file: &SourceFile) {
        for (i, line) in file.text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for marker in bracket_markers(line) {
                self.push(
                    &file.origin,
                    i + 1,
                    Level::Error,
                    format!("`{marker}` is a placeholder left to fill in"),
                );
            }
            if let Some(at) = todo_marker(line) {
                self.push(
                    &file.origin,
                    i + 1,
                    Level::Error,
                    format!("a TODO is left: `{}`", line[at..].trim()),
                );
            }
        }
    }

    fn action(&mut self, files: &ActionFiles, action: &Action, today: NaiveDate) {
        let main = &files.main;
        if days_left(action.deadline, today) < 0 {
            self.push(
                &main.origin,
                field_line(&main.text, &["deadline"]).unwrap_or(1),
                Level::Warning,
                format!("the deadline {} has passed", action.deadline),
            );
        }
        let file_of = |letter: &LetterTemplate| {
            files
                .all()
                .find(|f| f.origin == letter.origin)
                .unwrap_or(main)
        };
        let mut clean = true;
        for (lang, letter) in &action.letters {
            clean &= self.template(file_of(letter), lang, letter);
        }
        if clean {
            let renderer = Renderer::new(action, today);
            for lang in action.letters.keys() {
                if let Err(e) = renderer.render(lang, &Signer::sample()) {
                    let letter = &action.letters[lang];
                    self.error_from(file_of(letter), e);
                }
            }
        }
        let source_lang = &action.preferred_language;
        let source = &action.letters[source_lang];
        for (lang, letter) in &action.letters {
            if lang != source_lang {
                self.translation(file_of(letter), lang, letter, source_lang, source);
            }
        }
    }

    /// Syntax and variables of one letter's templates; true when clean.
    fn template(&mut self, file: &SourceFile, lang: &str, letter: &LetterTemplate) -> bool {
        let mut clean = true;
        for (part, text) in [("subject", &letter.subject), ("body", &letter.body)] {
            let place = Place::of(file, lang, part);
            let mut registry = Handlebars::new();
            if let Err(e) = registry.register_template_string(part, text) {
                let line = e.pos().map_or(1, |(l, _)| l);
                self.push(
                    &file.origin,
                    place.line(line),
                    Level::Error,
                    format!("{}: {}", place.field, syntax_message(&e)),
                );
                clean = false;
                continue;
            }
            for tag in tags(text) {
                for var in tag
                    .variables
                    .iter()
                    .filter(|v| !VARIABLES.contains(&v.as_str()))
                {
                    let hint = closest(var, VARIABLES.iter().copied())
                        .map(|v| format!("did you mean `{v}`? "))
                        .unwrap_or_default();
                    self.push(
                        &file.origin,
                        place.line(tag.line),
                        Level::Error,
                        format!(
                            "{}: unknown variable `{var}` in `{}`; {hint}(see actions/README.md for the variables)",
                            place.field, tag.text
                        ),
                    );
                    clean = false;
                }
            }
        }
        clean
    }

    /// A translation compared with the source letter.
    fn translation(
        &mut self,
        file: &SourceFile,
        lang: &str,
        letter: &LetterTemplate,
        source_lang: &str,
        source: &LetterTemplate,
    ) {
        let place = Place::of(file, lang, "body");
        let ours: BTreeSet<String> = tags(&letter.body).into_iter().map(|t| t.text).collect();
        let theirs: BTreeSet<String> = tags(&source.body).into_iter().map(|t| t.text).collect();
        for missing in theirs.difference(&ours) {
            self.push(
                &file.origin,
                place.line(1),
                Level::Error,
                format!(
                    "{}: `{missing}` is in the source letter ({source_lang}) but not in this translation",
                    place.field
                ),
            );
        }
        for extra in ours.difference(&theirs) {
            let line = tags(&letter.body)
                .iter()
                .find(|t| &t.text == extra)
                .map_or(1, |t| t.line);
            self.push(
                &file.origin,
                place.line(line),
                Level::Error,
                format!(
                    "{}: `{extra}` is not in the source letter ({source_lang})",
                    place.field
                ),
            );
        }
        let ours = paragraphs(&letter.body);
        let theirs = paragraphs(&source.body);
        if ours.len() != theirs.len() {
            self.push(
                &file.origin,
                place.line(1),
                Level::Warning,
                format!(
                    "{}: {} paragraphs, but the source letter ({source_lang}) has {}",
                    place.field,
                    ours.len(),
                    theirs.len()
                ),
            );
        }
        let source_prose: BTreeSet<String> = theirs.iter().map(|(_, p)| prose(p)).collect();
        for (line, paragraph) in &ours {
            let words = prose(paragraph);
            if words.split_whitespace().count() >= 3 && source_prose.contains(&words) {
                self.push(
                    &file.origin,
                    place.line(*line),
                    Level::Warning,
                    format!(
                        "{}: this paragraph is the same as in the source letter ({source_lang}): not translated yet?",
                        place.field
                    ),
                );
            }
        }
        if letter.subject.trim() == source.subject.trim() {
            let subject = Place::of(file, lang, "subject");
            self.push(
                &file.origin,
                subject.line(1),
                Level::Warning,
                format!(
                    "subject: the same as in the source letter ({source_lang}): not translated yet?"
                ),
            );
        }
    }
}

/// Where a letter's field sits in its file, to turn a line of the template
/// into a line of the file.
struct Place {
    field: String,
    /// The file line of the template's line 1, less one.
    base: usize,
    /// The file's last line.
    last: usize,
}

impl Place {
    fn of(file: &SourceFile, lang: &str, part: &str) -> Place {
        let path: Vec<&str> = if file.lang.is_some() {
            vec![part]
        } else {
            vec!["letters", lang, part]
        };
        let field = path.join(".");
        let last = file.text.lines().count().max(1);
        let Some(key_line) = field_line(&file.text, &path) else {
            return Place {
                field,
                base: 0,
                last,
            };
        };
        // `body: |` starts on the next line; `subject: text` on the same one.
        let value = file
            .text
            .lines()
            .nth(key_line - 1)
            .and_then(|l| l.split_once(':'))
            .map_or("", |(_, v)| v.trim());
        let block = value.starts_with('|') || value.starts_with('>');
        Place {
            field,
            base: if block { key_line } else { key_line - 1 },
            last,
        }
    }

    fn line(&self, template_line: usize) -> usize {
        (self.base + template_line).clamp(1, self.last)
    }
}

/// The 1-based line of a field such as `target.email` in block-style YAML:
/// each key is looked for among the children of the one before it.
pub fn field_line(text: &str, path: &[&str]) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut from = 0;
    let mut parent_indent: Option<usize> = None;
    let mut found = None;
    for key in path {
        let mut child_indent = None;
        let mut hit = None;
        for (i, line) in lines.iter().enumerate().skip(from) {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            if parent_indent.is_some_and(|p| indent <= p) {
                break;
            }
            let level = *child_indent.get_or_insert(indent);
            if indent == level
                && trimmed
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.starts_with(':'))
            {
                hit = Some((i, indent));
                break;
            }
        }
        let (i, indent) = hit?;
        from = i + 1;
        parent_indent = Some(indent);
        found = Some(i + 1);
    }
    found
}

/// `[TITLE]`, `[TARGET NAME: e.g. …]`: an upper-case label in brackets.
fn bracket_markers(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let marker = &rest[open..open + close + 1];
        let label = marker[1..marker.len() - 1].split(':').next().unwrap_or("");
        let mut chars = label.chars();
        let starts_upper = chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.next().is_some_and(|c| c.is_ascii_uppercase());
        if starts_upper
            && label
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " _-/'.".contains(c))
        {
            out.push(marker);
        }
        rest = &rest[open + close + 1..];
    }
    out
}

/// Where the word `TODO` starts in a line, if it is there as a word.
fn todo_marker(line: &str) -> Option<usize> {
    line.match_indices("TODO").map(|(i, _)| i).find(|&i| {
        let before = line[..i].chars().next_back();
        let after = line[i + 4..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_field_lines() {
        let text = "title: x\ntarget:\n  name: a\n  address:\n    - x\n  email: e\nletters:\n  en:\n    subject: s\n    body: |\n      hi\n";
        assert_eq!(field_line(text, &["title"]), Some(1));
        assert_eq!(field_line(text, &["target", "email"]), Some(6));
        assert_eq!(field_line(text, &["letters", "en", "body"]), Some(10));
        assert_eq!(field_line(text, &["letters", "es", "body"]), None);
        assert_eq!(
            field_line(text, &["email"]),
            None,
            "only top-level keys at depth 1"
        );
    }

    #[test]
    fn bracket_markers_are_upper_case_labels() {
        assert_eq!(
            bracket_markers("title: [TITLE] and [TARGET NAME: e.g. Ana] not [sic] or [1]"),
            ["[TITLE]", "[TARGET NAME: e.g. Ana]"]
        );
        assert!(bracket_markers("[invoked](#) the Act").is_empty());
    }
}
