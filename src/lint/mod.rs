//! The rules of `appeal check`: a linter for action files and their
//! translations, reporting each problem with its file and line.

pub mod facts;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
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
use crate::markers::{bracket_markers, todo_marker};
use crate::paragraphs;
use crate::placeholders::{prose_paragraphs, tags};
use facts::{Missing, TextDate};

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
    /// In English: `--json` gives it to scripts, which read one language.
    pub message: String,
    /// In the interface's language, for people.
    #[serde(skip)]
    pub shown: String,
}

/// The language a finding is put in: the interface's, for people, or
/// English, for `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    Interface,
    English,
}

/// `said!(voice, "id", name = value, …)`: a message of `check.ftl` in a voice.
macro_rules! said {
    ($voice:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $voice.say($id, &[$((stringify!($name), FluentValue::from($value))),*])
    };
}

impl Voice {
    fn say(self, id: &str, args: &[(&str, FluentValue)]) -> String {
        match self {
            Voice::Interface => crate::ui::text(id, args),
            Voice::English => crate::ui::english(id, args),
        }
    }

    /// The language of dates and month names.
    fn lang(self) -> &'static str {
        match self {
            Voice::Interface => crate::ui::lang(),
            Voice::English => "en",
        }
    }
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
            crate::text::shown(&self.shown)
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
    /// A finding, put in English and in the interface's language.
    fn push(&mut self, path: &str, line: usize, level: Level, say: impl Fn(Voice) -> String) {
        let message = say(Voice::English);
        let shown = if crate::ui::lang() == "en" {
            message.clone()
        } else {
            say(Voice::Interface)
        };
        self.0.push(Problem {
            path: path.to_string(),
            line,
            level,
            message,
            shown,
        });
    }

    /// An error from loading, placed on the line of the field it names.
    fn error_from(&mut self, file: &SourceFile, e: Error) {
        // Each error is put in words in the voice asked: the interface's
        // language for people, English for `--json`.
        match &e {
            Error::Field { field, message, .. } => {
                let line = file.spans().map_or(1, |s| s.line_of(field));
                self.push(&file.origin, line, Level::Error, |v| {
                    said!(
                        v,
                        "check-field",
                        field = field.as_str(),
                        message = message.render(v.lang())
                    )
                })
            }
            Error::Yaml { line, message, .. } => {
                self.push(&file.origin, *line as usize, Level::Error, |v| {
                    message.render(v.lang())
                })
            }
            Error::Template {
                at, line, message, ..
            } => {
                let place = Place::of(file, at);
                self.push(&file.origin, place.line(*line), Level::Error, |v| {
                    format!("{at}: {}", message.render(v.lang()))
                })
            }
            Error::File { message, .. } => {
                self.push(&file.origin, 1, Level::Error, |v| message.render(v.lang()))
            }
            other => self.push(&file.origin, 1, Level::Error, |v| other.render(v.lang())),
        }
    }

    /// Leftover `[PLACEHOLDERS]` and `TODO` markers, outside comment lines.
    fn markers(&mut self, file: &SourceFile) {
        for (i, line) in file.text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for marker in bracket_markers(line) {
                self.push(&file.origin, i + 1, Level::Error, |v| {
                    said!(v, "check-placeholder", marker = marker)
                });
            }
            if let Some(c) = invisible_in_latin(line) {
                self.push(&file.origin, i + 1, Level::Warning, |v| {
                    said!(v, "check-invisible", code = format!("U+{:04X}", c as u32))
                });
            }
            if let Some(at) = todo_marker(line) {
                self.push(&file.origin, i + 1, Level::Error, |v| {
                    said!(v, "check-todo", text = line[at..].trim())
                });
            }
        }
    }

    fn action(&mut self, files: &ActionFiles, action: &Action, today: NaiveDate) {
        let main = &files.main;
        if let Some(deadline) = action.deadline.filter(|d| days_left(*d, today) < 0) {
            self.push(
                &main.origin,
                main.spans().map_or(1, |s| s.line_of("deadline")),
                Level::Warning,
                |v| said!(v, "check-deadline-passed", date = deadline.to_string()),
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
        let source_lang = &action.source_language;
        let source = &action.letters[source_lang];
        for (lang, letter) in &action.letters {
            if lang != source_lang {
                self.translation(file_of(letter), lang, letter, source_lang, source);
            }
        }
        self.recipients(main, action);
        self.preferred_letter(files, action);
        for file in &files.translations {
            let tag = translation_tag(&file.origin, file.lang.as_deref().unwrap_or_default());
            if let Some(translation) = tag.ok().and_then(|t| action.translations.get(&t)) {
                self.translated_texts(file, translation, action);
            }
        }
    }

    /// A preferred language with no model letter: the action loads (the
    /// International Secretariat writes in English and asks for the target's
    /// language where writers can), and a translator could add one.
    fn preferred_letter(&mut self, files: &ActionFiles, action: &Action) {
        let Some(preferred) = action.preferred_without_letter() else {
            return;
        };
        let main = &files.main;
        let file = format!("{}.{preferred}.yaml", files.id);
        self.push(
            &main.origin,
            main.spans().map_or(1, |s| s.line_of("preferred_language")),
            Level::Warning,
            |v| {
                said!(
                    v,
                    "check-preferred-no-letter",
                    lang = preferred,
                    source = action.source_language.as_str(),
                    file = file.as_str()
                )
            },
        );
    }

    /// Targets no one can write to but by post, and salutations by language
    /// that do not match the letters.
    fn recipients(&mut self, main: &SourceFile, action: &Action) {
        let spans = main.spans();
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
            if target.salutation.is_none() {
                let opens = action.letters.iter().find(|(_, l)| {
                    tags(&l.body).is_ok_and(|tags| {
                        tags.iter()
                            .any(|t| t.variables.iter().any(|v| v == "target.salutation"))
                    })
                });
                if let Some((lang, _)) = opens {
                    self.push(&main.origin, line(""), Level::Error, |v| {
                        said!(
                            v,
                            "check-no-salutation",
                            at = at.as_str(),
                            lang = lang.as_str()
                        )
                    });
                }
            }
            if target.email.is_empty() && target.fax.is_empty() && target.phone.is_empty() {
                self.push(&main.origin, line(""), Level::Warning, |v| {
                    said!(
                        v,
                        "check-posted-only",
                        at = at.as_str(),
                        name = target.name.as_str()
                    )
                });
            }
            let Some(Salutation::ByLanguage(map)) = &target.salutation else {
                continue;
            };
            let answers = |key: &str, lang: &str| crate::lang::fallbacks(lang).any(|l| l == key);
            // A salutation in a language the target prefers or accepts waits
            // for its letter: the translator who adds it needs it.
            let asked = |key: &str| {
                action.preferred_language.as_deref() == Some(key)
                    || action.accepted_languages.iter().any(|a| a == key)
            };
            for key in map.keys() {
                if !action.letters.keys().any(|l| answers(key, l)) && !asked(key) {
                    self.push(
                        &main.origin,
                        line(&format!("salutation.{key}")),
                        Level::Warning,
                        |v| {
                            said!(
                                v,
                                "check-salutation-unused",
                                at = at.as_str(),
                                lang = key.as_str()
                            )
                        },
                    );
                }
            }
            for lang in action.letters.keys() {
                if !map.keys().any(|key| answers(key, lang)) {
                    self.push(&main.origin, line("salutation"), Level::Warning, |v| {
                        said!(
                            v,
                            "check-salutation-missing",
                            at = at.as_str(),
                            lang = lang.as_str(),
                            salutation = target.salutation_for(lang, action.default_language()),
                        )
                    });
                }
            }
        }
    }

    /// A translation file's texts besides its letter, held against the
    /// source's: missing or unchanged is a warning, a background with other
    /// paragraphs an error.
    fn translated_texts(&mut self, file: &SourceFile, translation: &Translation, action: &Action) {
        let source_lang = &action.source_language;
        let source = [
            Some(action.title.as_str()),
            Some(&action.summary),
            Some(&action.people),
            Some(&action.background),
            action.deadline_advice.as_deref(),
        ];
        let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        let mut missing = Vec::new();
        let spans = file.spans();
        for ((name, ours), theirs) in translation.fields().into_iter().zip(source) {
            let Some(theirs) = theirs else { continue };
            let Some(ours) = ours else {
                missing.push(name);
                continue;
            };
            let line = spans.as_ref().map_or(1, |s| s.line_of(name));
            if same(ours, theirs) {
                self.push(&file.origin, line, Level::Warning, |v| {
                    said!(
                        v,
                        "check-text-untranslated",
                        field = name,
                        source = source_lang.as_str()
                    )
                });
            } else {
                let (our_paras, their_paras) = (paragraphs::split(ours), paragraphs::split(theirs));
                if our_paras.len() != their_paras.len() {
                    if name == "background" {
                        self.push(&file.origin, line, Level::Error, |v| {
                            said!(
                                v,
                                "check-background-paragraphs",
                                count = our_paras.len(),
                                source = source_lang.as_str(),
                                expected = their_paras.len(),
                            )
                        });
                    }
                    continue;
                }
                let lang = file.lang.as_deref().unwrap_or_default();
                let base = spans.as_ref().and_then(|s| s.at(name)).map(|n| n.line);
                for (n, (ours, theirs)) in our_paras.iter().zip(&their_paras).enumerate() {
                    let where_ = base.map_or(line, |b| b + ours.line - 1);
                    self.facts(
                        file,
                        where_,
                        (name, n + 1),
                        (&theirs.text(), source_lang),
                        (&ours.text(), lang),
                    );
                }
            }
        }
        if !missing.is_empty() {
            self.push(&file.origin, 1, Level::Warning, |v| {
                said!(
                    v,
                    "check-not-translated",
                    fields = missing.join(", "),
                    lang = file.lang.as_deref().unwrap_or_default(),
                    source = source_lang.as_str(),
                )
            });
        }
    }

    /// Every number, date, email address and URL of a source paragraph must
    /// be in its translation: a fact lost or changed is an error. `(field,
    /// n)`: where the paragraph is, its field and its number.
    fn facts(
        &mut self,
        file: &SourceFile,
        line: usize,
        (field, n): (&str, usize),
        (source, source_lang): (&str, &str),
        (translation, lang): (&str, &str),
    ) {
        let missing = facts::missing(source, source_lang, translation, lang);
        if missing.is_empty() {
            return;
        }
        self.push(&file.origin, line, Level::Error, |v| {
            let list: Vec<String> = missing.iter().map(|m| fact(v, m)).collect();
            said!(
                v,
                "check-facts-lost",
                place = said!(v, "check-paragraph", field = field, number = n),
                source = source_lang,
                facts = list.join(", "),
            )
        });
    }

    /// Syntax and variables of one letter's templates; true when clean.
    fn template(&mut self, file: &SourceFile, lang: &str, letter: &LetterTemplate) -> bool {
        let mut clean = true;
        for (part, text) in [(Part::Subject, &letter.subject), (Part::Body, &letter.body)] {
            let at = at(file, lang, part);
            let place = Place::of(file, &at);
            if let Err(refused) = crate::placeholders::check_allowed(text) {
                self.push(&file.origin, place.line(refused.line), Level::Error, |v| {
                    format!("{at}: {}", refused.message.render(v.lang()))
                });
                clean = false;
                continue;
            }
            let found = match tags(text) {
                Ok(found) => found,
                Err(e) => {
                    let line = e.line;
                    self.push(&file.origin, place.line(line), Level::Error, |v| {
                        format!("{at}: {}", syntax_message(&e.error).render(v.lang()))
                    });
                    clean = false;
                    continue;
                }
            };
            for tag in found {
                let tag_line = tag.line;
                for var in tag
                    .variables
                    .iter()
                    .filter(|v| !VARIABLES.contains(&v.as_str()))
                {
                    let hint = closest(var, VARIABLES.iter().copied());
                    let (at, var, tag) = (at.to_string(), var.as_str(), tag.text.as_str());
                    self.push(
                        &file.origin,
                        place.line(tag_line),
                        Level::Error,
                        |v| match hint {
                            Some(hint) => said!(
                                v,
                                "check-unknown-variable-hint",
                                at = at.as_str(),
                                variable = var,
                                tag = tag,
                                suggestion = hint,
                            ),
                            None => said!(
                                v,
                                "check-unknown-variable",
                                at = at.as_str(),
                                variable = var,
                                tag = tag,
                            ),
                        },
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
            self.push(&file.origin, place.line(1), Level::Error, |v| {
                said!(
                    v,
                    "check-tag-missing",
                    at = body.to_string(),
                    tag = *missing,
                    source = source_lang,
                )
            });
        }
        for extra in ours.difference(&theirs) {
            let line = our_tags
                .iter()
                .find(|t| t.text == *extra)
                .map_or(1, |t| t.line);
            self.push(&file.origin, place.line(line), Level::Error, |v| {
                said!(
                    v,
                    "check-tag-extra",
                    at = body.to_string(),
                    tag = *extra,
                    source = source_lang,
                )
            });
        }
        let ours = paragraphs::split(&letter.body);
        let theirs = paragraphs::split(&source.body);
        if ours.len() == theirs.len() {
            for (n, (our, their)) in ours.iter().zip(&theirs).enumerate() {
                self.facts(
                    file,
                    place.line(our.line),
                    (&body.to_string(), n + 1),
                    (&their.text(), source_lang),
                    (&our.text(), lang),
                );
            }
        }
        if ours.len() != theirs.len() {
            self.push(&file.origin, place.line(1), Level::Warning, |v| {
                said!(
                    v,
                    "check-letter-paragraphs",
                    at = body.to_string(),
                    count = ours.len(),
                    source = source_lang,
                    expected = theirs.len(),
                )
            });
        }
        let source_prose: BTreeSet<String> = prose_paragraphs(&source.body)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        for (line, words) in &prose_paragraphs(&letter.body) {
            if words.split_whitespace().count() >= 3 && source_prose.contains(words) {
                self.push(&file.origin, place.line(*line), Level::Warning, |v| {
                    said!(
                        v,
                        "check-paragraph-untranslated",
                        at = body.to_string(),
                        source = source_lang,
                    )
                });
            }
        }
        if letter.subject.trim() == source.subject.trim() {
            let subject = Place::of(file, &at(file, lang, Part::Subject));
            self.push(&file.origin, subject.line(1), Level::Warning, |v| {
                said!(v, "check-subject-untranslated", source = source_lang)
            });
        }
    }
}

/// A fact a translation lost, in words. A date is in the voice's
/// language, with or without its day or year: `16 March 2025`,
/// `16 de marzo`, `mars 2025`.
fn fact(v: Voice, missing: &Missing) -> String {
    let date = |d: &TextDate| {
        let lang = v.lang();
        let first = NaiveDate::from_ymd_opt(d.year.unwrap_or(2000), d.month, d.day.unwrap_or(1))?;
        let month = crate::dates::format_date(first, "%B", lang);
        Some(match (d.day, d.year) {
            (Some(_), Some(_)) => {
                let date = crate::dates::format_date(first, &said!(v, "date-pattern"), lang);
                said!(v, "check-fact-date", date = date)
            }
            (Some(day), None) => said!(v, "check-fact-day-month", day = day, month = month),
            (None, Some(year)) => said!(v, "check-fact-month-year", month = month, year = year),
            (None, None) => said!(v, "check-fact-date", date = month),
        })
    };
    match missing {
        Missing::Number(n) => said!(v, "check-fact-number", number = n.as_str()),
        // A date `facts` read is a real date; any other shows as numbers.
        Missing::Date(d) => {
            date(d).unwrap_or_else(|| said!(v, "check-fact-date", date = format!("{d:?}")))
        }
        Missing::Email(e) => said!(v, "check-fact-email", address = e.as_str()),
        Missing::Url(u) => said!(v, "check-fact-url", url = u.as_str()),
    }
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
        let base = file
            .spans()
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
    fn a_lost_fact_is_named_with_the_parts_of_a_date_it_has() {
        let date = |year, month, day| Missing::Date(TextDate { year, month, day });
        let said = |m: &Missing| fact(Voice::English, m);
        assert_eq!(
            said(&date(Some(2025), 3, Some(16))),
            "the date 16 March 2025"
        );
        assert_eq!(said(&date(None, 3, Some(16))), "the date 16 March");
        assert_eq!(said(&date(Some(2025), 3, None)), "the date March 2025");
        assert_eq!(
            said(&Missing::Number("120,000".to_string())),
            "the number 120,000"
        );
    }
}
