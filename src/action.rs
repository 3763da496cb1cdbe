//! An urgent action: the shape of an action file, and the checks every action passes.
//!
//! This module knows nothing of where files live (see `library`) or of
//! terminals: it turns YAML text into a validated [`Action`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::lang;
use crate::text::{find_bidi_control, line_and_column};
pub use crate::yaml::parse_yaml;

/// Largest action or translation file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The file stem (`cecot`); set by the loader, never read from the file.
    #[serde(skip)]
    pub id: String,
    /// Where the action came from, for messages (`actions/cecot.yaml`).
    #[serde(skip)]
    pub origin: String,
    pub title: String,
    pub summary: String,
    pub people: String,
    #[serde(deserialize_with = "date")]
    pub deadline: NaiveDate,
    #[serde(default)]
    pub deadline_advice: Option<String>,
    pub preferred_language: String,
    #[serde(default)]
    pub own_language_welcome: bool,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "optional_date")]
    pub issued: Option<NaiveDate>,
    pub target: Target,
    pub background: String,
    pub letters: BTreeMap<String, LetterTemplate>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default)]
    pub honorific: Option<String>,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub address: Vec<String>,
    pub email: String,
    pub salutation: String,
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

impl Target {
    /// The name as written on an envelope: `The Honorable Kristi Noem`.
    pub fn full_name(&self) -> String {
        match &self.honorific {
            Some(h) => format!("{h} {}", self.name),
            None => self.name.clone(),
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
        action.validate()?;
        for letter in action.letters.values_mut() {
            letter.origin = origin.to_string();
        }
        Ok(action)
    }

    /// Adds a translation read from its own file (`cecot.es.yaml`).
    pub fn add_translation(&mut self, lang: &str, origin: &str, text: &str) -> Result<()> {
        let tag = translation_tag(origin, lang)?;
        refuse_hidden_text(origin, text)?;
        let mut letter: LetterTemplate = parse_yaml(origin, text)?;
        letter.origin = origin.to_string();
        check_letter(origin, &tag, &letter)?;
        self.letters.insert(tag, letter);
        Ok(())
    }

    /// Whether a letter in `lang` could answer a request for `requested`
    /// (a tag, or `None` for the preferred language): `es` answers `es-CL`.
    pub fn could_answer(&self, lang: &str, requested: Option<&str>) -> bool {
        let requested = requested.unwrap_or(&self.preferred_language);
        lang::fallbacks(requested).any(|t| t == lang)
    }

    /// The letter for a requested language tag: the tag, a shorter prefix
    /// of it (`es-CL` → `es`), or the preferred language.
    pub fn choose_letter(&self, requested: &str) -> lang::Choice {
        lang::choose(
            requested,
            self.letters.keys().map(String::as_str),
            &self.preferred_language,
        )
    }

    /// The languages that have a model letter, the preferred one first.
    pub fn languages(&self) -> Vec<&str> {
        let mut langs: Vec<&str> = self.letters.keys().map(String::as_str).collect();
        langs.sort_by_key(|l| (*l != self.preferred_language, *l));
        langs
    }

    fn validate(&mut self) -> Result<()> {
        let field = |field: &str, message: &str| Error::Field {
            path: self.origin.clone(),
            field: field.to_string(),
            message: message.to_string(),
        };
        for (name, value) in [
            ("title", &self.title),
            ("summary", &self.summary),
            ("people", &self.people),
            ("background", &self.background),
            ("target.name", &self.target.name),
            ("target.title", &self.target.title),
            ("target.organisation", &self.target.organisation),
            ("target.salutation", &self.target.salutation),
        ] {
            if value.trim().is_empty() {
                return Err(field(name, "must not be empty"));
            }
        }
        if self.target.address.iter().all(|l| l.trim().is_empty()) {
            return Err(field("target.address", "needs at least one line"));
        }
        if !is_email(&self.target.email) {
            return Err(field(
                "target.email",
                &format!("`{}` is not an email address", self.target.email),
            ));
        }
        let Some(preferred) = lang::normalize(&self.preferred_language) else {
            return Err(field(
                "preferred_language",
                &format!(
                    "`{}` is not a language tag (expected e.g. `en`)",
                    self.preferred_language
                ),
            ));
        };
        self.preferred_language = preferred;
        let mut letters = BTreeMap::new();
        for (tag, letter) in std::mem::take(&mut self.letters) {
            let Some(norm) = lang::normalize(&tag) else {
                return Err(field(
                    &format!("letters.{tag}"),
                    "is not a language tag (expected e.g. `en` or `pt-BR`)",
                ));
            };
            check_letter(&self.origin, &format!("letters.{tag}"), &letter)?;
            letters.insert(norm, letter);
        }
        self.letters = letters;
        if !self.letters.contains_key(&self.preferred_language) {
            return Err(field(
                "letters",
                &format!(
                    "has no letter in the preferred language `{}`",
                    self.preferred_language
                ),
            ));
        }
        Ok(())
    }
}

fn check_letter(origin: &str, at: &str, letter: &LetterTemplate) -> Result<()> {
    for (name, value) in [("subject", &letter.subject), ("body", &letter.body)] {
        if value.trim().is_empty() {
            return Err(Error::Field {
                path: origin.to_string(),
                field: format!("{at}.{name}"),
                message: "must not be empty".to_string(),
            });
        }
    }
    Ok(())
}

/// The language tag of a translation file named `ID.LANG.yaml`, normalised.
pub fn translation_tag(origin: &str, lang: &str) -> Result<String> {
    lang::normalize(lang).ok_or_else(|| Error::File {
        path: origin.to_string(),
        message: format!(
            "`{lang}` in the file name is not a language tag (expected e.g. `es` or `pt-BR`)"
        ),
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
        message: format!(
            "an invisible bidirectional-text control (U+{:04X}); such characters can hide or reorder text, so they are refused",
            c as u32
        ),
    })
}

/// A deliberately loose check: one `@`, something before it, a dot after it,
/// no spaces. Enough to catch a name or a URL typed in the wrong field.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// Reads a date written `YYYY-MM-DD`, with a message that says so.
fn date<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        serde::de::Error::custom(format!(
            "`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2025-07-01"
        ))
    })
}

fn optional_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    date(d).map(Some)
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
    fn email_check_accepts_addresses_and_refuses_others() {
        assert!(is_email("dhssecretary@hq.dhs.gov"));
        for bad in [
            "",
            "noem",
            "@x.org",
            "a@b",
            "a b@c.org",
            "a@.org",
            "a@b@c.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
