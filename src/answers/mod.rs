//! Who signs a letter: the signer's answers, gathered from one declaration
//! per field (`fields`) by one rule of precedence, for single letters and
//! batch rows alike.
//!
//! For a single letter, each answer comes from the first of: its flag, its
//! environment variable, the remembered config, a prompt (only at a
//! terminal; `ask`). At a terminal, the environment or config value is the
//! prompt's default. For a batch, each row's cell comes first; an empty
//! cell of a field that a batch may share (language, city, country) takes
//! the flag, then the environment variable. The remembered config describes
//! one person, the machine's user, and never fills a batch row.

pub mod ask;
pub mod fields;
pub mod rows;
pub mod signer;

use std::collections::BTreeMap;

pub use ask::Ask;
pub use fields::{FIELDS, Field, Kind};
pub use signer::Signer;

use crate::action::Action;
use crate::config::Remembered;
use crate::error::{Error, Result};

/// The signer, the language they asked for (before any fallback), and
/// which target they write to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub signer: Signer,
    pub lang: String,
    /// A target's number from 1, `all`, or empty: not said, the first.
    pub target: String,
}

impl Answers {
    /// Puts a cleaned answer to `field` in its place.
    pub fn set(&mut self, field: &Field, value: String) {
        match (field.kind, field.value(&mut self.signer)) {
            (_, Some(slot)) => *slot = value,
            (Kind::Target, None) => self.target = value,
            (_, None) => self.lang = value,
        }
    }
}

/// A value that stands in for an answer, and where it came from, so that
/// an error can name it: `APPEAL_NAME`, `the remembered settings`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub value: String,
    pub from: String,
}

/// Where answers may come from besides prompts.
pub struct Sources<'a> {
    /// Values given on the command line, by field key (a note file is
    /// already read).
    pub given: &'a BTreeMap<&'static str, String>,
    /// Reads an environment variable; empty counts as unset.
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// The remembered settings; `None` for a batch.
    pub remembered: Option<&'a Remembered>,
}

/// Reads the process environment; an empty variable counts as unset.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Sources<'_> {
    /// The value given for `field` on the command line, cleaned.
    pub fn flag(&self, field: &Field) -> Result<Option<String>> {
        self.given
            .get(field.key)
            .map(|v| field.clean(field.flag, v))
            .transpose()
    }

    /// What stands in for `field` when no flag gives it: its environment
    /// variable, then the remembered setting.
    pub fn preset(&self, field: &Field) -> Option<Preset> {
        let env = field
            .env
            .and_then(|name| (self.env)(name).map(|value| (value, name.to_string())));
        let remembered = || {
            let get = field.remembered?;
            let value = get(self.remembered?)?;
            Some((value.to_string(), crate::ui::tr!("answer-from-config")))
        };
        env.or_else(remembered)
            .map(|(value, from)| Preset { value, from })
    }

    /// The value a batch row takes for `field` when its cell is empty:
    /// the flag, then the environment variable, for shared fields only.
    pub fn batch_default(&self, field: &Field) -> Result<Option<String>> {
        if !field.shared_in_batch {
            return Ok(None);
        }
        if let Some(value) = self.flag(field)? {
            return Ok(Some(value));
        }
        field
            .env
            .and_then(|name| (self.env)(name).map(|v| (v, name)))
            .map(|(value, name)| field.clean(name, &value))
            .transpose()
    }
}

/// Gathers every answer for one letter, field by field, in the order a
/// writer is asked. `chosen_lang` runs as soon as the language is known,
/// so that a broken template is reported before the writer types a note.
pub fn gather(
    action: &Action,
    sources: &Sources,
    ask: &dyn Ask,
    chosen_lang: &mut dyn FnMut(&str) -> Result<()>,
) -> Result<Answers> {
    let mut answers = Answers {
        signer: Signer::default(),
        lang: action.default_language().to_string(),
        target: String::new(),
    };
    for field in FIELDS {
        let value = match sources.flag(field)? {
            Some(value) => value,
            None => ask.answer(field, sources.preset(field), action)?,
        };
        answers.set(field, value);
        if field.kind == Kind::Lang {
            chosen_lang(&answers.lang)?;
        }
    }
    Ok(answers)
}

/// The answer when nobody can be asked: the preset, cleaned, else the
/// field's default, else (for a required field) an error that says how to
/// give it.
pub fn unasked(field: &Field, preset: Option<Preset>, action: &Action) -> Result<String> {
    if let Some(preset) = preset {
        return field.clean(&preset.from, &preset.value);
    }
    if field.required {
        return Err(Error::Usage(match field.env {
            Some(env) => crate::ui::msg!("answer-missing-or-env", flag = field.flag, env = env),
            None => crate::ui::msg!("answer-missing", flag = field.flag),
        }));
    }
    Ok(match field.kind {
        Kind::Lang => action.default_language().to_string(),
        Kind::Line | Kind::Note | Kind::Target => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::ask::Unattended;
    use crate::testing::env_of;

    fn cecot() -> Action {
        crate::library::Library::default().load("cecot").unwrap()
    }

    fn given(pairs: &[(&'static str, &str)]) -> BTreeMap<&'static str, String> {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    fn remembered() -> Remembered {
        Remembered {
            name: Some("Remembered Name".into()),
            city: Some("Lyon".into()),
            country: None,
            lang: Some("fr".into()),
            ..Remembered::default()
        }
    }

    fn gather_with(sources: &Sources) -> Result<Answers> {
        gather(&cecot(), sources, &Unattended, &mut |_| Ok(()))
    }

    #[test]
    fn a_flag_beats_the_environment_which_beats_the_config() {
        let env = env_of(&[("APPEAL_NAME", "Env Name"), ("APPEAL_CITY", "Quito")]);
        let remembered = remembered();
        let flags = given(&[("name", "Flag Name")]);
        let sources = Sources {
            given: &flags,
            env: &env,
            remembered: Some(&remembered),
        };
        let answers = gather_with(&sources).unwrap();
        assert_eq!(answers.signer.name, "Flag Name");
        assert_eq!(answers.signer.city, "Quito", "env before config");
        assert_eq!(answers.lang, "fr", "config when nothing else");
        assert_eq!(answers.signer.country, "");
    }

    #[test]
    fn without_a_terminal_a_missing_name_says_how_to_give_it() {
        let env = env_of(&[]);
        let none = given(&[]);
        let sources = Sources {
            given: &none,
            env: &env,
            remembered: None,
        };
        let err = gather_with(&sources).unwrap_err().to_string();
        assert_eq!(
            err,
            "no value for --name: pass --name or set APPEAL_NAME (there is no terminal to ask on)"
        );
    }

    #[test]
    fn without_anything_given_the_language_is_the_preferred_one() {
        let env = env_of(&[]);
        let flags = given(&[("name", "Ana")]);
        let sources = Sources {
            given: &flags,
            env: &env,
            remembered: None,
        };
        assert_eq!(gather_with(&sources).unwrap().lang, "en");
    }

    #[test]
    fn a_bad_value_names_where_it_came_from() {
        let env = env_of(&[("APPEAL_LANG", "Klingon")]);
        let flags = given(&[("name", "Ana")]);
        let sources = Sources {
            given: &flags,
            env: &env,
            remembered: None,
        };
        let err = gather_with(&sources).unwrap_err().to_string();
        assert!(err.starts_with("APPEAL_LANG: `Klingon`"), "{err}");
        let flags = given(&[("name", "Ana\u{202E}")]);
        let sources = Sources {
            given: &flags,
            env: &env,
            remembered: None,
        };
        let err = gather_with(&sources).unwrap_err().to_string();
        assert!(err.starts_with("--name: contains"), "{err}");
    }

    #[test]
    fn the_language_is_reported_as_soon_as_it_is_known() {
        let env = env_of(&[]);
        let flags = given(&[("name", "Ana"), ("lang", "es")]);
        let sources = Sources {
            given: &flags,
            env: &env,
            remembered: None,
        };
        let mut seen = Vec::new();
        gather(&cecot(), &sources, &Unattended, &mut |l| {
            seen.push(l.to_string());
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["es"]);
    }

    #[test]
    fn batch_defaults_come_from_flags_and_env_for_shared_fields_only() {
        let env = env_of(&[("APPEAL_CITY", "Quito"), ("APPEAL_NAME", "Everyone")]);
        let remembered = remembered();
        let flags = given(&[("country", "Ecuador")]);
        let sources = Sources {
            given: &flags,
            env: &env,
            remembered: Some(&remembered),
        };
        let default = |f: &Field| sources.batch_default(f).unwrap();
        assert_eq!(default(&fields::CITY).as_deref(), Some("Quito"));
        assert_eq!(default(&fields::COUNTRY).as_deref(), Some("Ecuador"));
        assert_eq!(default(&fields::NAME), None, "a name is each signer's own");
        assert_eq!(
            default(&fields::LANG),
            None,
            "never the remembered language"
        );
    }
}
