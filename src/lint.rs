//! The rules of `appeal check`: a linter for action files and their
//! translations, reporting each problem with its file and line.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::action::LetterTemplate;
use crate::action::{
    Action, Salutation, Translation, TranslationFile, parse_yaml, translation_tag,
};
use crate::answers::Signer;
use crate::deadline::days_left;
use crate::error::{Error, Part, TemplateAt};
use crate::letter::{Renderer, VARIABLES, syntax_message};
use crate::library::{ActionFiles, SourceFile, closest};
use crate::placeholders::{paragraphs, prose_paragraphs, tags};
use crate::yaml::Spans;

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
        // A path or message may quote a stranger's text: never raw.
        write!(
            f,
            "{}:{}: {}: {}",
            crate::text::shown(&self.path),
            self.line,
            self.level,
            crate::text::shown(&self.message)
        )
    }
}

/// Every problem in an action's files, sorted by file and line.
pub fn lint(files: &ActionFiles, today: NaiveDate) -> Vec<Problem> {
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
            Error::Field { field, message, .. } => (
                spans(file).map_or(1, |s| s.line_of(field)),
                format!("field `{field}`: {message}"),
            ),
            Error::Template {
                at, line, message, ..
            } => {
                let place = Place::of(file, at);
                (place.line(*line), format!("{at}: {message}"))
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
            if let Some(c) = invisible_in_latin(line) {
                self.push(
                    &file.origin,
                    i + 1,
                    Level::Warning,
                    format!(
                        "an invisible character (U+{:04X}) stands inside a Latin word: \
                         Latin text never needs one, and it can hide a word from a search",
                        c as u32
                    ),
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
                spans(main).map_or(1, |s| s.line_of("deadline")),
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
        let spans = spans(main);
        let single = spans.as_ref().is_some_and(|s| s.at("target").is_some());
        for (i, target) in action.targets.iter().enumerate() {
            let at = if single {
                "target".to_string()
            } else {
                format!("targets[{i}]")
            };
            let line = |field: &str| {
                spans
                    .as_ref()
                    .map_or(1, |s| s.line_of(&format!("{at}.{field}")))
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
        let spans = spans(file);
        for ((name, ours), theirs) in translation.fields().into_iter().zip(source) {
            let Some(theirs) = theirs else { continue };
            let Some(ours) = ours else {
                missing.push(name);
                continue;
            };
            let line = spans.as_ref().map_or(1, |s| s.line_of(name));
            if same(ours, theirs) {
                self.push(
                    &file.origin,
                    line,
                    Level::Warning,
                    format!(
                        "{name}: the same as in the source ({source_lang}): not translated yet?"
                    ),
                );
            } else {
                let (our_paras, their_paras) = (paragraphs(ours), paragraphs(theirs));
                if our_paras.len() != their_paras.len() {
                    if name == "background" {
                        self.push(
                            &file.origin,
                            line,
                            Level::Error,
                            format!(
                                "background: {} paragraph(s), but the source ({source_lang}) has {}: \
                                 translate each paragraph as one, separated by blank lines",
                                our_paras.len(),
                                their_paras.len()
                            ),
                        );
                    }
                    continue;
                }
                let lang = file.lang.as_deref().unwrap_or_default();
                let base = spans.as_ref().and_then(|s| s.at(name)).map(|n| n.line);
                for (n, ((at, ours), (_, theirs))) in our_paras.iter().zip(&their_paras).enumerate()
                {
                    let where_ = base.map_or(line, |b| b + at - 1);
                    self.facts(
                        file,
                        where_,
                        &format!("{name}, paragraph {}", n + 1),
                        (theirs, source_lang),
                        (ours, lang),
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

    /// Every number, date, email address and URL of a source paragraph must
    /// be in its translation: a fact lost or changed is an error.
    fn facts(
        &mut self,
        file: &SourceFile,
        line: usize,
        what: &str,
        (source, source_lang): (&str, &str),
        (translation, lang): (&str, &str),
    ) {
        let missing = crate::facts::missing(source, source_lang, translation, lang);
        if missing.is_empty() {
            return;
        }
        let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
        self.push(
            &file.origin,
            line,
            Level::Error,
            format!(
                "{what}: the source ({source_lang}) says {}, which this translation does not: \
                 keep every number, date, email address and link",
                list.join(", ")
            ),
        );
    }

    /// Syntax and variables of one letter's templates; true when clean.
    fn template(&mut self, file: &SourceFile, lang: &str, letter: &LetterTemplate) -> bool {
        let mut clean = true;
        for (part, text) in [(Part::Subject, &letter.subject), (Part::Body, &letter.body)] {
            let at = at(file, lang, part);
            let place = Place::of(file, &at);
            if let Err(refused) = crate::placeholders::check_allowed(text) {
                self.push(
                    &file.origin,
                    place.line(refused.line),
                    Level::Error,
                    format!("{at}: {}", refused.message),
                );
                clean = false;
                continue;
            }
            let found = match tags(text) {
                Ok(found) => found,
                Err(e) => {
                    let line = e.line;
                    self.push(
                        &file.origin,
                        place.line(line),
                        Level::Error,
                        format!("{at}: {}", syntax_message(&e.error)),
                    );
                    clean = false;
                    continue;
                }
            };
            for tag in found {
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
                            "{at}: unknown variable `{var}` in `{}`; {hint}(see actions/README.md for the variables)",
                            tag.text
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
        let body = at(file, lang, Part::Body);
        let place = Place::of(file, &body);
        let our_tags = tags(&letter.body).unwrap_or_default();
        let ours: BTreeSet<&str> = our_tags.iter().map(|t| t.text.as_str()).collect();
        let source_tags = tags(&source.body).unwrap_or_default();
        let theirs: BTreeSet<&str> = source_tags.iter().map(|t| t.text.as_str()).collect();
        for missing in theirs.difference(&ours) {
            self.push(
                &file.origin,
                place.line(1),
                Level::Error,
                format!(
                    "{body}: `{missing}` is in the source letter ({source_lang}) but not in this translation"
                ),
            );
        }
        for extra in ours.difference(&theirs) {
            let line = our_tags
                .iter()
                .find(|t| t.text == *extra)
                .map_or(1, |t| t.line);
            self.push(
                &file.origin,
                place.line(line),
                Level::Error,
                format!("{body}: `{extra}` is not in the source letter ({source_lang})"),
            );
        }
        let ours = paragraphs(&letter.body);
        let theirs = paragraphs(&source.body);
        if ours.len() == theirs.len() {
            for (n, ((at, our), (_, their))) in ours.iter().zip(&theirs).enumerate() {
                self.facts(
                    file,
                    place.line(*at),
                    &format!("{body}, paragraph {}", n + 1),
                    (their, source_lang),
                    (our, lang),
                );
            }
        }
        if ours.len() != theirs.len() {
            self.push(
                &file.origin,
                place.line(1),
                Level::Warning,
                format!(
                    "{body}: {} paragraphs, but the source letter ({source_lang}) has {}",
                    ours.len(),
                    theirs.len()
                ),
            );
        }
        let source_prose: BTreeSet<String> = prose_paragraphs(&source.body)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        for (line, words) in &prose_paragraphs(&letter.body) {
            if words.split_whitespace().count() >= 3 && source_prose.contains(words) {
                self.push(
                    &file.origin,
                    place.line(*line),
                    Level::Warning,
                    format!(
                        "{body}: this paragraph is the same as in the source letter ({source_lang}): not translated yet?"
                    ),
                );
            }
        }
        if letter.subject.trim() == source.subject.trim() {
            let subject = Place::of(file, &at(file, lang, Part::Subject));
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

/// The spans of a file's fields, from the YAML parser.
fn spans(file: &SourceFile) -> Option<Spans> {
    Spans::of(&file.text)
}

/// Where a letter's template is, in this file.
fn at(file: &SourceFile, lang: &str, part: Part) -> TemplateAt {
    TemplateAt {
        lang: lang.to_string(),
        part,
        in_translation: file.lang.is_some(),
    }
}

/// Where a letter's field sits in its file, to turn a line of the template
/// into a line of the file.
struct Place {
    /// The file line of the template's line 1, less one.
    base: usize,
    /// The file's last line.
    last: usize,
}

impl Place {
    fn of(file: &SourceFile, at: &TemplateAt) -> Place {
        let last = file.text.lines().count().max(1);
        let base = spans(file)
            .and_then(|s| s.at(&at.keys().join(".")).map(|n| n.line - 1))
            .unwrap_or(0);
        Place { base, last }
    }

    fn line(&self, template_line: usize) -> usize {
        (self.base + template_line).clamp(1, self.last)
    }
}

/// A default-ignorable character (zero-width space, joiner, LRM…) between
/// two Latin letters. Scripts that need them (Arabic, Persian, Indic) are
/// not Latin, so this flags only where one can only hide something.
fn invisible_in_latin(line: &str) -> Option<char> {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(3).find_map(|w| {
        (crate::text::is_default_ignorable(w[1])
            && w[0].is_ascii_alphabetic()
            && w[2].is_ascii_alphabetic())
        .then_some(w[1])
    })
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
    fn an_invisible_character_inside_a_latin_word_is_found() {
        assert_eq!(invisible_in_latin("Noem\u{200B}x"), Some('\u{200B}'));
        assert_eq!(
            invisible_in_latin("می\u{200C}خواهم"),
            None,
            "Persian needs it"
        );
        assert_eq!(invisible_in_latin("plain text"), None);
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
