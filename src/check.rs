//! The rules of `appeal check`: a linter for action files and their
//! translations, reporting each problem with its file and line.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use handlebars::Handlebars;
use serde::Serialize;

use crate::action::LetterTemplate;
use crate::action::{
    Action, Salutation, Translation, TranslationFile, parse_yaml, translation_tag,
};
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
                if let Err(e) = parse_yaml::<TranslationFile>(&t.origin, &t.text) {
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
        self.recipients(main, action);
        for file in &files.translations {
            let tag = translation_tag(&file.origin, file.lang.as_deref().unwrap_or_default());
            if let Some(translation) = tag.ok().and_then(|t| action.translations.get(&t)) {
                self.translated_texts(file, translation, action);
            }
        }
    }

    /// Targets no one can write to but by post, and salutations by language
    /// that do not match the letters.
    fn recipients(&mut self, main: &SourceFile, action: &Action) {
        let single = field_line(&main.text, &["target"]).is_some();
        for (i, target) in action.targets.iter().enumerate() {
            let at = if single {
                "target".to_string()
            } else {
                format!("targets[{i}]")
            };
            let line = |field: &str| {
                let mut path = vec![at.as_str()];
                path.extend(field.split('.').filter(|f| !f.is_empty()));
                field_line(&main.text, &path).unwrap_or(1)
            };
            if target.email.is_empty() && target.fax.is_empty() && target.phone.is_empty() {
                self.push(
                    &main.origin,
                    line(""),
                    Level::Warning,
                    format!(
                        "`{at}` has no email, fax or phone: letters to {} can only be posted",
                        target.name
                    ),
                );
            }
            let Some(Salutation::ByLanguage(map)) = &target.salutation else {
                continue;
            };
            let answers = |key: &str, lang: &str| crate::lang::fallbacks(lang).any(|l| l == key);
            for key in map.keys() {
                if !action.letters.keys().any(|l| answers(key, l)) {
                    self.push(
                        &main.origin,
                        line(&format!("salutation.{key}")),
                        Level::Warning,
                        format!("`{at}.salutation.{key}`: there is no letter in `{key}` to use it"),
                    );
                }
            }
            for lang in action.letters.keys() {
                if !map.keys().any(|key| answers(key, lang)) {
                    self.push(
                        &main.origin,
                        line("salutation"),
                        Level::Warning,
                        format!(
                            "`{at}.salutation` has no `{lang}` text: letters in {lang} open with `{}`",
                            target.salutation_for(lang, &action.preferred_language)
                        ),
                    );
                }
            }
        }
    }

    /// A translation file's texts besides its letter, held against the
    /// source's: missing or unchanged is a warning, a background with other
    /// paragraphs an error.
    fn translated_texts(&mut self, file: &SourceFile, translation: &Translation, action: &Action) {
        let source_lang = &action.preferred_language;
        let source = [
            Some(action.title.as_str()),
            Some(&action.summary),
            Some(&action.people),
            Some(&action.background),
            action.deadline_advice.as_deref(),
        ];
        let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        let mut missing = Vec::new();
        for ((name, ours), theirs) in translation.fields().into_iter().zip(source) {
            let Some(theirs) = theirs else { continue };
            let Some(ours) = ours else {
                missing.push(name);
                continue;
            };
            let line = field_line(&file.text, &[name]).unwrap_or(1);
            if same(ours, theirs) {
                self.push(
                    &file.origin,
                    line,
                    Level::Warning,
                    format!(
                        "{name}: the same as in the source ({source_lang}): not translated yet?"
                    ),
                );
            } else if name == "background" {
                let (ours, theirs) = (paragraphs(ours).len(), paragraphs(theirs).len());
                if ours != theirs {
                    self.push(
                        &file.origin,
                        line,
                        Level::Error,
                        format!(
                            "background: {ours} paragraph(s), but the source ({source_lang}) has {theirs}: \
                             translate each paragraph as one, separated by blank lines"
                        ),
                    );
                }
            }
        }
        if !missing.is_empty() {
            self.push(
                &file.origin,
                1,
                Level::Warning,
                format!(
                    "not translated: {}; `appeal show --lang {}` shows them in {source_lang}",
                    missing.join(", "),
                    file.lang.as_deref().unwrap_or_default()
                ),
            );
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
            // Inside `{{#each copies}}`, a copy's fields are read bare: `{{full_name}}`.
            let mut blocks: Vec<String> = Vec::new();
            for tag in tags(text) {
                if let Some(inner) = tag.text.strip_prefix("{{#") {
                    blocks.push(inner.trim_end_matches('}').to_string());
                } else if tag.text.starts_with("{{/") {
                    blocks.pop();
                }
                let in_copies = blocks.last().is_some_and(|b| b == "each copies");
                let known = |v: &str| {
                    VARIABLES.contains(&v)
                        || (in_copies && VARIABLES.contains(&format!("target.{v}").as_str()))
                };
                for var in tag.variables.iter().filter(|v| !known(v)) {
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

/// The 1-based line of a field such as `target.email` or `targets[1].email`
/// in block-style YAML: each key is looked for among the children of the
/// one before it, and `[n]` picks the list's item `n` (from 0).
pub fn field_line(text: &str, path: &[&str]) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut from = 0;
    let mut parent_indent: Option<usize> = None;
    // A list item's own line, where its first key sits after the `- `.
    let mut item_line = None;
    let mut found = None;
    for segment in path {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (*segment, None),
        };
        let mut child_indent = None;
        let mut hit = None;
        for (i, line) in lines.iter().enumerate().skip(from) {
            let (indent, trimmed) = shape(line);
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if item_line != Some(i) && parent_indent.is_some_and(|p| indent <= p) {
                break;
            }
            let (indent, trimmed) = match trimmed.strip_prefix("- ") {
                Some(rest) => {
                    let (more, rest) = shape(rest);
                    (indent + 2 + more, rest)
                }
                None => (indent, trimmed),
            };
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
        item_line = None;
        found = Some(i + 1);
        if let Some(n) = index {
            let mut level = None;
            let item = lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .filter(|(_, l)| !shape(l).1.is_empty() && !shape(l).1.starts_with('#'))
                .take_while(|(_, l)| {
                    let (ind, trimmed) = shape(l);
                    ind > indent || (ind == indent && trimmed.starts_with('-'))
                })
                .filter(|(_, l)| {
                    let (ind, trimmed) = shape(l);
                    trimmed.starts_with('-') && *level.get_or_insert(ind) == ind
                })
                .nth(n);
            let (j, line) = item?;
            from = j;
            parent_indent = Some(shape(line).0);
            item_line = Some(j);
            found = Some(j + 1);
        }
    }
    found
}

/// A line's indentation and its text after it.
fn shape(line: &str) -> (usize, &str) {
    let trimmed = line.trim_start();
    (line.len() - trimmed.len(), trimmed)
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
        let list = "targets:\n  - name: a\n    email: x\n  - name: b\n    # c\n    email: y\n    address:\n      - z\ncopies:\n- name: c\n  email: w\n";
        assert_eq!(field_line(list, &["targets[0]", "name"]), Some(2));
        assert_eq!(field_line(list, &["targets[0]", "email"]), Some(3));
        assert_eq!(field_line(list, &["targets[1]", "email"]), Some(6));
        assert_eq!(field_line(list, &["targets[1]", "address"]), Some(7));
        assert_eq!(field_line(list, &["targets[2]", "email"]), None);
        assert_eq!(field_line(list, &["copies[0]", "email"]), Some(11));
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
