//! An urgent action: the shape of an action file, and the checks every action passes.
//!
//! This module knows nothing of where files live (see `library`) or of
//! terminals: it turns YAML text into a validated [`Action`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Part, Result, TemplateAt};
use crate::lang;
use crate::text::{Shape, find_bidi_control, first_refused, line_and_column};
pub use crate::yaml::parse_yaml;

/// Largest action or translation file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Most targets, copies, or addresses of one kind an action may list: real
/// actions name two or three officials; the bound keeps a hostile file from
/// asking for a million letters.
pub const MAX_RECIPIENTS: usize = 50;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The file stem (`cecot`); set by the loader, never read from the file.
    #[serde(skip)]
    pub id: String,
    /// Where the action came from, for messages (`actions/cecot.yaml`).
    #[serde(skip)]
    pub origin: String,
    /// Which shelf the library found it on (a feed's, with the feed's word
    /// on it); set by the loader, never read from the file.
    #[serde(skip)]
    pub provenance: crate::library::Provenance,
    pub title: String,
    pub summary: String,
    pub people: String,
    /// The last day to send appeals; `None` when the file gives none (many
    /// campaign letters have none) or leaves a marker to fill in.
    #[serde(default, deserialize_with = "deadline")]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub deadline_advice: Option<String>,
    /// The language the target prefers to be written to, when the file
    /// says. It need not have a model letter: the International Secretariat
    /// writes its letters in English and asks for Spanish, Arabic or
    /// Portuguese where writers can.
    #[serde(default, deserialize_with = "preferred")]
    pub preferred_language: Option<String>,
    /// The language of the file's own texts and of the letter a compose
    /// uses when none is asked for; set by the loader (see
    /// [`Action::default_language`]).
    #[serde(skip)]
    pub source_language: String,
    #[serde(default)]
    pub own_language_welcome: bool,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "optional_date")]
    pub issued: Option<NaiveDate>,
    /// The officials to write to, in the file's order; never empty once
    /// loaded. A file may give one as `target:` instead.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// `target:`, the older spelling of a one-entry `targets:`.
    #[serde(default, rename = "target")]
    single_target: Option<Target>,
    /// Whether the file said `target:`, so that messages name `target.email`.
    #[serde(skip)]
    written_as_single: bool,
    /// Whom copies go to ("cc:" lines, the Cc of an email draft).
    #[serde(default)]
    pub copies: Vec<Recipient>,
    /// Free text on where else to send copies, printed as it is.
    #[serde(default)]
    pub copies_note: Option<String>,
    /// What to ask for, one line each, for actions with no model letter.
    #[serde(default)]
    pub points: Vec<String>,
    /// A link to, or the reference of, the urgent action this one follows.
    #[serde(default)]
    pub previous_ua: Option<String>,
    /// Languages, besides the preferred one, that the document accepts.
    #[serde(default)]
    pub accepted_languages: Vec<String>,
    pub background: String,
    pub letters: BTreeMap<String, LetterTemplate>,
    /// The action's texts in other languages, from translation files.
    #[serde(skip)]
    pub translations: BTreeMap<String, Translation>,
}

/// Someone a letter is addressed or copied to. A target must have a
/// salutation; a copy need not.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    #[serde(default)]
    pub honorific: Option<String>,
    pub name: String,
    /// Required of a target; a copy may be an office with no title.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub organisation: Option<String>,
    /// Postal address lines; may be left out when an email or a fax
    /// reaches the recipient.
    #[serde(default)]
    pub address: Vec<String>,
    /// One address or a list in the file.
    #[serde(default, deserialize_with = "one_or_many")]
    pub email: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub fax: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub phone: Vec<String>,
    #[serde(default)]
    pub salutation: Option<Salutation>,
}

/// An official a letter is written to.
pub type Target = Recipient;

/// How a letter opens: one text, or one per language
/// (`{en: "Dear Minister", es: "Estimado Señor Ministro"}`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Salutation {
    Text(String),
    ByLanguage(BTreeMap<String, String>),
}

/// The parts of an action a translation file may carry besides its letter.
#[derive(Debug, Clone, Default)]
pub struct Translation {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub people: Option<String>,
    pub background: Option<String>,
    pub deadline_advice: Option<String>,
}

impl Translation {
    /// Each optional text with its field name, in the order of the file format.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("title", self.title.as_deref()),
            ("summary", self.summary.as_deref()),
            ("people", self.people.as_deref()),
            ("background", self.background.as_deref()),
            ("deadline_advice", self.deadline_advice.as_deref()),
        ]
    }
}

/// A translation file (`cecot.es.yaml`) as written: a letter, and
/// optionally the action's texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    pub subject: String,
    pub body: String,
    #[serde(default)]
    pub date_format: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub people: Option<String>,
    #[serde(default)]
    pub background: Option<String>,
    #[serde(default)]
    pub deadline_advice: Option<String>,
}

impl TranslationFile {
    /// The file's letter (read from `origin`) and its other texts.
    pub fn into_parts(self, origin: &str) -> (LetterTemplate, Translation) {
        let letter = LetterTemplate {
            subject: self.subject,
            body: self.body,
            date_format: self.date_format,
            origin: origin.to_string(),
        };
        let translation = Translation {
            title: self.title,
            summary: self.summary,
            people: self.people,
            background: self.background,
            deadline_advice: self.deadline_advice,
        };
        (letter, translation)
    }
}

/// One text of an action as shown in a language, and whether it is in
/// that language or in the source's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub translated: bool,
}

/// An action's texts in one language, each falling back to the source.
#[derive(Debug, Clone, Copy)]
pub struct Translated<'a> {
    pub title: Shown<'a>,
    pub summary: Shown<'a>,
    pub people: Shown<'a>,
    pub background: Shown<'a>,
    pub deadline_advice: Option<Shown<'a>>,
}

impl Translated<'_> {
    /// The names of the fields shown in the source language.
    pub fn untranslated(&self) -> Vec<&'static str> {
        let mut out: Vec<&str> = [
            ("title", self.title),
            ("summary", self.summary),
            ("people", self.people),
            ("background", self.background),
        ]
        .into_iter()
        .filter(|(_, s)| !s.translated)
        .map(|(name, _)| name)
        .collect();
        if self.deadline_advice.is_some_and(|s| !s.translated) {
            out.push("deadline_advice");
        }
        out
    }
}

/// One model letter: a subject and a handlebars body, in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterTemplate {
    pub subject: String,
    pub body: String,
    /// strftime pattern for `{{date}}`, with month names in the letter's
    /// language: `%-d de %B de %Y`. Defaults to `%-d %B %Y`.
    #[serde(default)]
    pub date_format: Option<String>,
    /// Where this letter was read from, for messages.
    #[serde(skip)]
    pub origin: String,
}

impl Recipient {
    /// The name as written on an envelope: `The Honorable Kristi Noem`.
    pub fn full_name(&self) -> String {
        match &self.honorific {
            Some(h) => format!("{h} {}", self.name),
            None => self.name.clone(),
        }
    }

    /// The salutation for a letter in `lang`: the text, or the map's entry
    /// for `lang` (or a shorter form of it), else for `preferred`, else the
    /// first; empty when there is none (a copy).
    pub fn salutation_for(&self, lang: &str, preferred: &str) -> &str {
        match &self.salutation {
            None => "",
            Some(Salutation::Text(text)) => text,
            Some(Salutation::ByLanguage(map)) => lang::fallbacks(lang)
                .chain(lang::fallbacks(preferred))
                .find_map(|l| map.get(l))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Every text of the recipient, with its field name (`address`, `salutation.es`).
    fn texts(&self) -> impl Iterator<Item = (String, &str)> {
        let one = [
            ("honorific", self.honorific.as_deref()),
            ("name", Some(self.name.as_str())),
            ("title", Some(self.title.as_str())),
            ("organisation", self.organisation.as_deref()),
        ]
        .into_iter()
        .filter_map(|(name, text)| Some((name.to_string(), text?)));
        let lists = [
            ("address", &self.address),
            ("email", &self.email),
            ("fax", &self.fax),
            ("phone", &self.phone),
        ]
        .into_iter()
        .flat_map(|(name, list)| list.iter().map(move |t| (name.to_string(), t.as_str())));
        let salutations: Vec<(String, &str)> = match &self.salutation {
            None => Vec::new(),
            Some(Salutation::Text(text)) => vec![("salutation".to_string(), text.as_str())],
            Some(Salutation::ByLanguage(map)) => map
                .iter()
                .map(|(tag, text)| (format!("salutation.{tag}"), text.as_str()))
                .collect(),
        };
        one.chain(lists).chain(salutations)
    }

    /// Checks one recipient; `at` is its path in the file (`targets[1]`).
    fn validate(
        &mut self,
        at: &str,
        is_target: bool,
    ) -> std::result::Result<(), (String, crate::ui::Message)> {
        let fail =
            |field: &str, message: crate::ui::Message| Err((format!("{at}.{field}"), message));
        let empty = || crate::ui::msg!("action-empty");
        let title = (is_target || !self.title.is_empty()).then_some(&self.title);
        for (name, value) in [("name", Some(&self.name)), ("title", title)]
            .into_iter()
            .chain([
                ("honorific", self.honorific.as_ref()),
                ("organisation", self.organisation.as_ref()),
            ])
        {
            if value.is_some_and(|v| v.trim().is_empty()) {
                return fail(name, empty());
            }
        }
        if !self.address.is_empty() && self.address.iter().all(|l| l.trim().is_empty()) {
            return fail("address", crate::ui::msg!("action-address-empty"));
        }
        if self.address.is_empty() && self.email.is_empty() && self.fax.is_empty() {
            return fail("address", crate::ui::msg!("action-unreachable"));
        }
        for (name, list) in [
            ("email", &self.email),
            ("fax", &self.fax),
            ("phone", &self.phone),
        ] {
            if list.len() > MAX_RECIPIENTS {
                return fail(
                    name,
                    crate::ui::msg!("action-too-many-entries", max = MAX_RECIPIENTS),
                );
            }
            for value in list {
                let good = if name == "email" {
                    crate::email::is_address(value)
                } else {
                    is_phone(value)
                };
                if !good {
                    let message = if name == "email" {
                        crate::ui::msg!("action-not-email", value = value)
                    } else {
                        crate::ui::msg!("action-not-phone", value = value)
                    };
                    return fail(name, message);
                }
            }
        }
        match &mut self.salutation {
            Some(Salutation::Text(text)) if text.trim().is_empty() => fail("salutation", empty()),
            Some(Salutation::ByLanguage(map)) => {
                if map.is_empty() {
                    return fail(
                        "salutation",
                        crate::ui::msg!("action-salutation-no-language"),
                    );
                }
                let mut normalized = BTreeMap::new();
                for (tag, text) in std::mem::take(map) {
                    let Some(norm) = lang::normalize(&tag) else {
                        return fail(
                            &format!("salutation.{tag}"),
                            crate::ui::msg!("action-salutation-not-tag"),
                        );
                    };
                    if text.trim().is_empty() {
                        return fail(&format!("salutation.{tag}"), empty());
                    }
                    normalized.insert(norm, text);
                }
                *map = normalized;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl Action {
    /// Parses and validates an action file's text. `origin` names the file in messages.
    pub fn parse(id: &str, origin: &str, text: &str) -> Result<Action> {
        refuse_hidden_text(origin, text)?;
        let mut action: Action = parse_yaml(origin, text)?;
        action.id = id.to_string();
        action.origin = origin.to_string();
        action.gather_targets(text)?;
        action.validate()?;
        for letter in action.letters.values_mut() {
            letter.origin = origin.to_string();
        }
        Ok(action)
    }

    /// Days from `today` to the deadline, negative once it has passed;
    /// `None` when the action has no deadline.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.deadline.map(|d| crate::deadline::days_left(d, today))
    }

    /// Whether the deadline has passed; never for an action without one.
    pub fn has_passed(&self, today: NaiveDate) -> bool {
        self.days_left(today).is_some_and(|n| n < 0)
    }

    /// The first target: the one a letter goes to unless another is chosen.
    pub fn target(&self) -> &Target {
        self.targets
            .first()
            .expect("a loaded action has at least one target: `validate` refuses none")
    }

    /// Adds a translation read from its own file (`cecot.es.yaml`).
    pub fn add_translation(&mut self, lang: &str, origin: &str, text: &str) -> Result<()> {
        let tag = translation_tag(origin, lang)?;
        refuse_hidden_text(origin, text)?;
        let file: TranslationFile = parse_yaml(origin, text)?;
        let (letter, translation) = file.into_parts(origin);
        check_letter(origin, &tag, true, &letter)?;
        let texts = [("subject", letter.subject.as_str()), ("body", &letter.body)]
            .into_iter()
            .chain(
                translation
                    .fields()
                    .into_iter()
                    .filter_map(|(n, t)| Some((n, t?))),
            )
            .map(|(name, text)| (name.to_string(), text));
        check_controls(origin, texts)?;
        for (name, value) in translation.fields() {
            if value.is_some_and(|v| v.trim().is_empty()) {
                return Err(Error::Field {
                    path: origin.to_string(),
                    field: name.to_string(),
                    message: crate::ui::msg!("action-translation-empty"),
                });
            }
        }
        self.letters.insert(tag.clone(), letter);
        self.translations.insert(tag, translation);
        Ok(())
    }

    /// The action's texts in `lang`, each from its translation file where
    /// that has it, else the source's. In the preferred language every
    /// text counts as translated.
    pub fn translated(&self, lang: &str) -> Translated<'_> {
        let source = lang == self.source_language;
        let translation = self.translations.get(lang);
        fn pick<'a>(theirs: Option<&'a Option<String>>, ours: &'a str, source: bool) -> Shown<'a> {
            match theirs {
                Some(Some(text)) => Shown {
                    text,
                    translated: true,
                },
                _ => Shown {
                    text: ours,
                    translated: source,
                },
            }
        }
        Translated {
            title: pick(translation.map(|t| &t.title), &self.title, source),
            summary: pick(translation.map(|t| &t.summary), &self.summary, source),
            people: pick(translation.map(|t| &t.people), &self.people, source),
            background: pick(translation.map(|t| &t.background), &self.background, source),
            deadline_advice: self
                .deadline_advice
                .as_deref()
                .map(|ours| pick(translation.map(|t| &t.deadline_advice), ours, source)),
        }
    }

    /// Whether a letter in `lang` could answer a request for `requested`
    /// (a tag, or `None` for the default: the preferred language, where a
    /// translation may give it a letter): `es` answers `es-CL`.
    pub fn could_answer(&self, lang: &str, requested: Option<&str>) -> bool {
        let requested = requested
            .or(self.preferred_language.as_deref())
            .unwrap_or(&self.source_language);
        lang::fallbacks(requested).any(|t| t == lang)
    }

    /// The letter a compose takes when no language is asked for: the
    /// target's preferred language where there is a letter in it, else the
    /// source's.
    pub fn default_language(&self) -> &str {
        match self.preferred_language.as_deref() {
            Some(p) if self.letters.contains_key(p) => p,
            _ => &self.source_language,
        }
    }

    /// The target's preferred language when no model letter is in it: the
    /// writer is told that the default letter is used, and that a letter in
    /// the target's language is welcome.
    pub fn preferred_without_letter(&self) -> Option<&str> {
        self.preferred_language
            .as_deref()
            .filter(|p| !self.letters.contains_key(*p))
    }

    /// The letter for a requested language tag: the tag, a shorter prefix
    /// of it (`es-CL` → `es`), or the default letter.
    pub fn choose_letter(&self, requested: &str) -> lang::Choice {
        lang::choose(
            requested,
            self.letters.keys().map(String::as_str),
            self.default_language(),
        )
    }

    /// The languages that have a model letter, the default one first.
    pub fn languages(&self) -> Vec<&str> {
        let first = self.default_language();
        let mut langs: Vec<&str> = self.letters.keys().map(String::as_str).collect();
        langs.sort_by_key(|l| (*l != first, *l));
        langs
    }

    /// Refuses control characters (a YAML escape such as `"\e[2J"` can
    /// write one) in any text that `show` prints or a letter carries.
    fn refuse_controls(&self) -> Result<()> {
        let single = self.written_as_single;
        let mut texts: Vec<(String, &str)> = [
            ("title", Some(&self.title)),
            ("summary", Some(&self.summary)),
            ("people", Some(&self.people)),
            ("background", Some(&self.background)),
            ("deadline_advice", self.deadline_advice.as_ref()),
            ("reference", self.reference.as_ref()),
            ("copies_note", self.copies_note.as_ref()),
            ("previous_ua", self.previous_ua.as_ref()),
        ]
        .into_iter()
        .filter_map(|(name, text)| Some((name.to_string(), text?.as_str())))
        .collect();
        texts.extend(
            self.points
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("points[{i}]"), p.as_str())),
        );
        let recipients = self.targets.iter().enumerate().map(|(i, r)| {
            let at = if single {
                "target".to_string()
            } else {
                format!("targets[{i}]")
            };
            (at, r)
        });
        let copies = (self.copies.iter().enumerate()).map(|(i, r)| (format!("copies[{i}]"), r));
        for (at, r) in recipients.chain(copies) {
            texts.extend(r.texts().map(|(name, text)| (format!("{at}.{name}"), text)));
        }
        for (tag, letter) in &self.letters {
            texts.push((format!("letters.{tag}.subject"), &letter.subject));
            texts.push((format!("letters.{tag}.body"), &letter.body));
        }
        check_controls(&self.origin, texts)
    }

    /// Turns `target:` into a one-entry `targets:`; both, or neither, or
    /// too many, is an error.
    fn gather_targets(&mut self, text: &str) -> Result<()> {
        let field = |message: crate::ui::Message| Error::Field {
            path: self.origin.clone(),
            field: "targets".to_string(),
            message,
        };
        match self.single_target.take() {
            Some(_) if !self.targets.is_empty() => {
                let line = |key: &str| {
                    text.lines()
                        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
                        .map_or(1, |i| i as u64 + 1)
                };
                let (target, targets) = (line("target"), line("targets"));
                return Err(Error::Yaml {
                    path: self.origin.clone(),
                    line: target.max(targets),
                    column: 1,
                    message: crate::ui::msg!(
                        "action-target-and-targets",
                        target = target,
                        targets = targets
                    ),
                });
            }
            Some(target) => {
                self.targets.push(target);
                self.written_as_single = true;
            }
            None if self.targets.is_empty() => {
                return Err(field(crate::ui::msg!("action-no-target")));
            }
            None => {}
        }
        for (name, count) in [
            ("targets", self.targets.len()),
            ("copies", self.copies.len()),
        ] {
            if count > MAX_RECIPIENTS {
                return Err(Error::Field {
                    path: self.origin.clone(),
                    field: name.to_string(),
                    message: crate::ui::msg!(
                        "action-too-many-recipients",
                        count = count,
                        max = MAX_RECIPIENTS
                    ),
                });
            }
        }
        Ok(())
    }

    fn validate(&mut self) -> Result<()> {
        self.refuse_empty_texts()?;
        self.validate_recipients()?;
        self.refuse_empty_points()?;
        self.normalize_languages()?;
        self.normalize_letters()?;
        self.refuse_controls()?;
        self.source_language = self
            .source_of_letters()
            .ok_or_else(|| self.field_error("letters", crate::ui::msg!("action-no-letter")))?;
        Ok(())
    }

    /// An error in the field named `field` of this action's file.
    fn field_error(&self, field: &str, message: crate::ui::Message) -> Error {
        Error::Field {
            path: self.origin.clone(),
            field: field.to_string(),
            message,
        }
    }

    /// The texts an action cannot do without hold words.
    fn refuse_empty_texts(&self) -> Result<()> {
        for (name, value) in [
            ("title", &self.title),
            ("summary", &self.summary),
            ("people", &self.people),
            ("background", &self.background),
        ] {
            if value.trim().is_empty() {
                return Err(self.field_error(name, crate::ui::msg!("action-empty")));
            }
        }
        Ok(())
    }

    /// Each point holds words.
    fn refuse_empty_points(&self) -> Result<()> {
        match self.points.iter().position(|p| p.trim().is_empty()) {
            Some(i) => {
                Err(self.field_error(&format!("points[{i}]"), crate::ui::msg!("action-empty")))
            }
            None => Ok(()),
        }
    }

    /// Each target and copy, named as the file writes it (`target` for a
    /// file with one, `targets[0]` in a list, `copies[0]`).
    fn validate_recipients(&mut self) -> Result<()> {
        let single = self.written_as_single;
        let targets = self.targets.iter_mut().enumerate().map(|(i, r)| {
            let at = if single {
                "target".to_string()
            } else {
                format!("targets[{i}]")
            };
            (at, r, true)
        });
        let copies =
            (self.copies.iter_mut().enumerate()).map(|(i, r)| (format!("copies[{i}]"), r, false));
        for (at, recipient, is_target) in targets.chain(copies) {
            recipient
                .validate(&at, is_target)
                .map_err(|(name, message)| Error::Field {
                    path: self.origin.clone(),
                    field: name,
                    message,
                })?;
        }
        Ok(())
    }

    /// The accepted and preferred languages, as normalised tags.
    fn normalize_languages(&mut self) -> Result<()> {
        for (i, tag) in self.accepted_languages.iter_mut().enumerate() {
            let Some(norm) = lang::normalize(tag) else {
                return Err(Error::Field {
                    path: self.origin.clone(),
                    field: format!("accepted_languages[{i}]"),
                    message: crate::ui::msg!("action-accepted-not-tag", tag = tag.as_str()),
                });
            };
            *tag = norm;
        }
        if let Some(given) = self.preferred_language.take() {
            let Some(preferred) = lang::normalize(&given) else {
                return Err(self.field_error(
                    "preferred_language",
                    crate::ui::msg!("action-preferred-not-tag", tag = given.as_str()),
                ));
            };
            self.preferred_language = Some(preferred);
        }
        Ok(())
    }

    /// The letters, each checked and keyed by its normalised tag; two
    /// keys for one language are refused.
    fn normalize_letters(&mut self) -> Result<()> {
        let mut letters = BTreeMap::new();
        for (tag, letter) in std::mem::take(&mut self.letters) {
            let Some(norm) = lang::normalize(&tag) else {
                return Err(self.field_error(
                    &format!("letters.{tag}"),
                    crate::ui::msg!("action-letter-not-tag"),
                ));
            };
            check_letter(&self.origin, &tag, false, &letter)?;
            if letters.contains_key(&norm) {
                return Err(self.field_error(
                    &format!("letters.{tag}"),
                    crate::ui::msg!("action-letter-twice", tag = norm),
                ));
            }
            letters.insert(norm, letter);
        }
        self.letters = letters;
        Ok(())
    }

    /// The language of the file's own letters that a compose takes when
    /// none is asked for: the preferred one where the file has a letter in
    /// it, else English, else the first. `None` when there is no letter.
    fn source_of_letters(&self) -> Option<String> {
        let preferred = self.preferred_language.as_deref();
        preferred
            .filter(|p| self.letters.contains_key(*p))
            .or_else(|| self.letters.contains_key("en").then_some("en"))
            .or_else(|| self.letters.keys().next().map(String::as_str))
            .map(str::to_string)
    }
}

/// The first text holding a control character other than a line break or
/// a tab, as an error naming its field.
/// Every text of an action passes the one rule for text from outside
/// (`text::first_refused`), after YAML has decoded its escapes: a `"\e"`
/// or `"\u202E"` escape is refused as surely as the raw character.
fn check_controls<'a>(
    origin: &str,
    texts: impl IntoIterator<Item = (String, &'a str)>,
) -> Result<()> {
    for (field, text) in texts {
        let shape = shape_of(&field);
        if let Some(refused) = first_refused(text, shape) {
            let (line, column) = line_and_column(text, refused.at);
            let message = if text.contains('\n') {
                crate::ui::msg!(
                    "action-refused-char-at",
                    what = refused.what(),
                    line = line,
                    column = column
                )
            } else {
                crate::ui::msg!("action-refused-char", what = refused.what())
            };
            return Err(Error::Field {
                path: origin.to_string(),
                field,
                message,
            });
        }
    }
    Ok(())
}

/// What a field's text is, for the one rule: an email is an identifier;
/// a title, a name, an address line, a subject, a salutation is one line
/// (a line break in a title would forge a row in `list`); the rest is
/// prose of several lines.
fn shape_of(field: &str) -> Shape {
    let last = field.rsplit('.').next().unwrap_or(field);
    let last = last.split('[').next().unwrap_or(last);
    let parent = field.split('.').nth_back(1).unwrap_or("");
    let parent = parent.split('[').next().unwrap_or(parent);
    match last {
        "email" => Shape::Identifier,
        "title" | "people" | "reference" | "previous_ua" | "points" | "honorific" | "name"
        | "organisation" | "address" | "fax" | "phone" | "subject" | "salutation" => Shape::Line,
        // `salutation.es`: one language's salutation.
        _ if parent == "salutation" => Shape::Line,
        _ => Shape::Prose,
    }
}

/// Checks one model letter: `lang` is its key (`letters.LANG`), or the
/// language of the translation file it is in.
fn check_letter(
    origin: &str,
    lang: &str,
    in_translation: bool,
    letter: &LetterTemplate,
) -> Result<()> {
    let field = |name: &str, message: crate::ui::Message| Error::Field {
        path: origin.to_string(),
        field: if in_translation {
            name.to_string()
        } else {
            format!("letters.{lang}.{name}")
        },
        message,
    };
    for (part, value) in [(Part::Subject, &letter.subject), (Part::Body, &letter.body)] {
        if value.trim().is_empty() {
            return Err(field(part.key(), crate::ui::msg!("action-empty")));
        }
        // Within bounds, refused before anything parses it; what the parsed
        // template uses is checked when it is compiled.
        if let Err(refused) = crate::placeholders::check_limits(value) {
            return Err(Error::Template {
                path: origin.to_string(),
                at: TemplateAt {
                    lang: lang.to_string(),
                    part,
                    in_translation,
                },
                line: refused.line,
                column: 1,
                message: refused.message,
            });
        }
    }
    if let Some(problem) = letter
        .date_format
        .as_deref()
        .and_then(crate::dates::date_format_error)
    {
        return Err(field("date_format", crate::ui::Message::from(problem)));
    }
    Ok(())
}

/// The language tag of a translation file named `ID.LANG.yaml`, normalised.
pub fn translation_tag(origin: &str, lang: &str) -> Result<String> {
    lang::normalize(lang).ok_or_else(|| Error::File {
        path: origin.to_string(),
        message: crate::ui::msg!("action-file-name-not-tag", tag = lang),
    })
}

/// Bidirectional embeddings, overrides and isolates can make a letter read
/// differently from what it says: refused in action files as in typed text.
fn refuse_hidden_text(origin: &str, text: &str) -> Result<()> {
    let Some((at, c)) = find_bidi_control(text) else {
        return Ok(());
    };
    let (line, column) = line_and_column(text, at);
    Err(Error::Yaml {
        path: origin.to_string(),
        line: line as u64,
        column: column as u64,
        message: crate::ui::msg!("action-hidden-bidi", code = format!("U+{:04X}", c as u32)),
    })
}

/// A telephone or fax number, loosely: digits with the usual separators
/// (`+52 55 1234 5678`, `011-52-722-276-0046`, `(202) 282-8000 ext. 4`).
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (5..=30).contains(&digits)
        && s.chars().count() <= 60
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " +-()./".contains(c))
}

/// One text or a list of texts, read as a list: `email: a@b.org` or
/// `email: [a@b.org, c@d.org]`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<String>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("one text or a list of texts")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<Self::Value, E> {
            Err(crate::yaml::custom(crate::ui::msg!(
                "action-number-in-quotes"
            )))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            self.visit_u64(v.unsigned_abs())
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<Self::Value, E> {
            self.visit_u64(0)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                if out.len() == MAX_RECIPIENTS {
                    return Err(crate::yaml::custom(crate::ui::msg!(
                        "action-more-than-entries",
                        max = MAX_RECIPIENTS
                    )));
                }
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Visitor)
}

impl<'de> Deserialize<'de> for Salutation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Salutation;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a map from language to text (`{en: Dear Minister,}`)")
            }
            fn visit_str<E: serde::de::Error>(
                self,
                v: &str,
            ) -> std::result::Result<Self::Value, E> {
                Ok(Salutation::Text(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((tag, text)) = map.next_entry::<String, String>()? {
                    if out.insert(tag.clone(), text).is_some() {
                        return Err(crate::yaml::custom(crate::ui::msg!(
                            "action-language-twice",
                            tag = tag.as_str()
                        )));
                    }
                }
                Ok(Salutation::ByLanguage(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Reads a date written `YYYY-MM-DD`, with a message that says so.
fn date<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        crate::yaml::custom(crate::ui::msg!("action-not-a-date", text = text.as_str()))
    })
}

fn optional_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    date(d).map(Some)
}

/// The deadline: a date, or a marker left to fill in (`[PLACEHOLDER: …]`),
/// which `check` reports and which reads as no deadline.
fn deadline<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    let text = String::deserialize(d)?;
    if crate::markers::is_only_marker(&text) {
        return Ok(None);
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            crate::yaml::custom(crate::ui::msg!("action-not-a-date", text = text.as_str()))
        })
}

/// The preferred language: a tag (checked by `validate`), or a marker left
/// to fill in, which reads as none stated.
fn preferred<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    let text = String::deserialize(d)?;
    Ok((!crate::markers::is_only_marker(&text)).then_some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_controls_are_found_with_their_line_and_column() {
        let place = |text: &str| match refuse_hidden_text("a.yaml", text) {
            Err(Error::Yaml { line, column, .. }) => Some((line, column)),
            _ => None,
        };
        // Quotes and dashes share the E2 lead byte and pass.
        assert_eq!(place("“Yes” – ‘no’ …\n"), None);
        assert_eq!(place("a: b\r\nc: dé\u{202E}x\n"), Some((2, 6)));
        assert_eq!(place("\u{2069}"), Some((1, 1)));
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}',
        ] {
            assert!(place(&format!("x{c}")).is_some(), "{c:?}");
        }
    }

    #[test]
    fn a_salutation_by_language_falls_back_to_the_preferred_one() {
        let yaml = "name: N\ntitle: T\naddress: [x]\nsalutation: {en: \"Dear N,\", es-MX: \"Estimado N:\"}\n";
        let mut target: Recipient = parse_yaml("t.yaml", yaml).unwrap();
        target.validate("target", true).unwrap();
        assert_eq!(target.salutation_for("es-MX", "en"), "Estimado N:");
        assert_eq!(target.salutation_for("fr", "en"), "Dear N,");
        assert_eq!(target.salutation_for("en-GB", "es-MX"), "Dear N,");
        assert_eq!(
            target.salutation_for("fr", "de"),
            "Dear N,",
            "then the first"
        );
        let mut copy: Recipient =
            parse_yaml("t.yaml", "name: N\ntitle: T\naddress: [x]\n").unwrap();
        assert_eq!(copy.salutation_for("en", "en"), "");
        assert!(copy.validate("copies[0]", false).is_ok());
        // A target may do without one: only a letter that opens with
        // `target.salutation` needs it, and `check` says so.
        assert!(copy.validate("targets[0]", true).is_ok());
        // Anyone needs a way to be reached.
        let mut email_only: Recipient =
            parse_yaml("t.yaml", "name: N\nemail: n@example.org\n").unwrap();
        assert!(email_only.validate("copies[0]", false).is_ok());
        let mut unreachable: Recipient =
            parse_yaml("t.yaml", "name: N\nphone: \"+1 555 0100\"\n").unwrap();
        assert_eq!(
            unreachable.validate("copies[0]", false).unwrap_err().0,
            "copies[0].address"
        );
    }

    #[test]
    fn one_address_or_a_list_and_numbers_in_quotes() {
        let one: Recipient = parse_yaml(
            "t.yaml",
            "name: N\ntitle: T\naddress: [x]\nemail: a@b.org\n",
        )
        .unwrap();
        assert_eq!(one.email, ["a@b.org"]);
        let two: Recipient = parse_yaml(
            "t.yaml",
            "name: N\ntitle: T\naddress: [x]\nemail: [a@b.org, c@d.org]\nfax: \"011-52-722-276-0046\"\n",
        )
        .unwrap();
        assert_eq!(two.email, ["a@b.org", "c@d.org"]);
        let bare =
            parse_yaml::<Recipient>("t.yaml", "name: N\ntitle: T\naddress: [x]\nfax: 0112345\n");
        let err = bare.unwrap_err().to_string();
        assert!(err.contains("write it in quotes"), "{err}");
        assert!(is_phone("+52 55 1234 5678"));
        assert!(is_phone("(202) 282-8000 ext. 4"));
        assert!(!is_phone("call the office"));
        assert!(!is_phone("a@b.org"));
    }
}
