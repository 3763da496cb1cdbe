//! The signer's fields, each declared once: where it may come from (its
//! flag, environment variable, remembered setting, batch column), how it is
//! asked for, and the rule that cleans it. Gathering, batch rows, the config
//! and the letter's variables all read this one table.

use crate::config::Remembered;
use crate::error::{Error, Result};
use crate::lang;

use super::signer::{Signer, clean_line, clean_note};

/// How a field is asked for and cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text (a name, a city).
    Line,
    /// Paragraphs of the writer's own words.
    Note,
    /// A language tag, chosen from the action's letters or typed.
    Lang,
    /// Which of the action's targets to write to: a number from 1, or `all`.
    Target,
}

/// One field a signer answers.
#[derive(Debug)]
pub struct Field {
    /// Its name as a batch column, a config key and a template variable.
    pub key: &'static str,
    pub flag: &'static str,
    /// Its environment variable; `None` for a field that is one person's
    /// own words and never shared by a setting.
    pub env: Option<&'static str>,
    /// The id of its question in the interface's messages (`ask-name`).
    pub prompt: &'static str,
    pub required: bool,
    pub kind: Kind,
    /// Whether a batch's `--flag` (or environment variable) fills the
    /// field's empty cells. A name and a note belong to each signer.
    pub shared_in_batch: bool,
    /// The field's remembered value, for fields the config keeps.
    pub remembered: Option<fn(&Remembered) -> Option<&str>>,
    /// Where the answer goes in a signer; `None` for the language, which
    /// chooses the letter rather than filling it.
    pub slot: Option<fn(&mut Signer) -> &mut String>,
}

pub const NAME: Field = Field {
    key: "name",
    flag: "--name",
    env: Some("APPEAL_NAME"),
    prompt: "ask-name",
    required: true,
    kind: Kind::Line,
    shared_in_batch: false,
    remembered: Some(|r| r.name.as_deref()),
    slot: Some(|s| &mut s.name),
};

pub const TARGET: Field = Field {
    key: "target",
    flag: "--target",
    env: Some("APPEAL_TARGET"),
    prompt: "ask-target",
    required: false,
    kind: Kind::Target,
    shared_in_batch: true,
    remembered: None,
    slot: None,
};

pub const LANG: Field = Field {
    key: "lang",
    flag: "--lang",
    env: Some("APPEAL_LANG"),
    prompt: "ask-lang",
    required: false,
    kind: Kind::Lang,
    shared_in_batch: true,
    remembered: Some(|r| r.lang.as_deref()),
    slot: None,
};

pub const NOTE: Field = Field {
    key: "note",
    flag: "--note",
    env: None,
    prompt: "ask-note",
    required: false,
    kind: Kind::Note,
    shared_in_batch: false,
    remembered: None,
    slot: Some(|s| &mut s.note),
};

pub const CITY: Field = Field {
    key: "city",
    flag: "--city",
    env: Some("APPEAL_CITY"),
    prompt: "ask-city",
    required: false,
    kind: Kind::Line,
    shared_in_batch: true,
    remembered: Some(|r| r.city.as_deref()),
    slot: Some(|s| &mut s.city),
};

pub const COUNTRY: Field = Field {
    key: "country",
    flag: "--country",
    env: Some("APPEAL_COUNTRY"),
    prompt: "ask-country",
    required: false,
    kind: Kind::Line,
    shared_in_batch: true,
    remembered: Some(|r| r.country.as_deref()),
    slot: Some(|s| &mut s.country),
};

/// Every field, in the order a writer is asked.
pub const FIELDS: [&Field; 6] = [&NAME, &TARGET, &LANG, &NOTE, &CITY, &COUNTRY];

/// A target choice, cleaned: a number from 1, or `all` (also `each`).
fn target(what: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("all") || value.eq_ignore_ascii_case("each") {
        return Ok("all".to_string());
    }
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n.to_string()),
        _ if value.is_empty() => Ok(String::new()),
        _ => Err(Error::Usage(crate::ui::msg!(
            "answer-not-a-target",
            what = what,
            value = value
        ))),
    }
}

impl Field {
    /// Its question, in the interface language.
    pub fn question(&self) -> String {
        crate::ui::text(self.prompt, &[])
    }

    /// The field named `key` (a batch column), ignoring case.
    pub fn named(key: &str) -> Option<&'static Field> {
        FIELDS.into_iter().find(|f| f.key.eq_ignore_ascii_case(key))
    }

    /// The one validation every answer passes, wherever it came from.
    /// `what` names the source in a message (`--name`, `name`, `APPEAL_NAME`).
    pub fn clean(&self, what: &str, value: &str) -> Result<String> {
        let value = match self.kind {
            Kind::Line => clean_line(what, value)?,
            Kind::Note => clean_note(what, value)?,
            Kind::Target => target(what, value)?,
            Kind::Lang => lang::normalize(value).ok_or_else(|| {
                Error::Usage(crate::ui::msg!(
                    "answer-not-a-language",
                    what = what,
                    value = value.trim()
                ))
            })?,
        };
        if self.required && value.is_empty() {
            return Err(Error::Usage(crate::ui::msg!("answer-empty", what = what)));
        }
        Ok(value)
    }

    /// The field's value in `signer`, for fields a signer holds.
    pub fn value<'s>(&self, signer: &'s mut Signer) -> Option<&'s mut String> {
        self.slot.map(|slot| slot(signer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_distinct_key_flag_and_variable() {
        let keys: std::collections::BTreeSet<_> = FIELDS.iter().map(|f| f.key).collect();
        assert_eq!(keys.len(), FIELDS.len());
        for field in FIELDS {
            assert_eq!(field.flag, format!("--{}", field.key));
            if field.slot.is_some() {
                assert!(
                    crate::letter::VARIABLES.contains(&field.key),
                    "`{}` is not a documented template variable",
                    field.key
                );
            }
        }
    }

    #[test]
    fn fields_are_found_by_column_name_in_any_case() {
        assert_eq!(Field::named("Name").map(|f| f.key), Some("name"));
        assert_eq!(Field::named("COUNTRY").map(|f| f.key), Some("country"));
        assert!(Field::named("party").is_none());
    }

    #[test]
    fn each_kind_is_cleaned_by_its_own_rule() {
        assert_eq!(NAME.clean("--name", "  Ana  ").unwrap(), "Ana");
        assert!(NAME.clean("--name", "  ").is_err(), "a name is required");
        assert!(NAME.clean("--name", "a\nb").is_err());
        assert_eq!(
            NOTE.clean("--note", "One.\r\n\r\nTwo.\n").unwrap(),
            "One.\n\nTwo."
        );
        assert_eq!(LANG.clean("--lang", "es_cl").unwrap(), "es-CL");
        let err = LANG.clean("--lang", "Spanish").unwrap_err().to_string();
        assert!(
            err.starts_with("--lang: `Spanish` is not a language tag"),
            "{err}"
        );
        assert_eq!(CITY.clean("--city", "").unwrap(), "");
        assert_eq!(TARGET.clean("--target", " 2 ").unwrap(), "2");
        assert_eq!(TARGET.clean("--target", "Each").unwrap(), "all");
        for bad in ["0", "-1", "first"] {
            assert!(TARGET.clean("--target", bad).is_err(), "{bad}");
        }
    }
}
