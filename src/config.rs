//! What `appeal` remembers about the writer between runs: name, city,
//! country and language, in `$XDG_CONFIG_HOME/appeal/config.yaml`, mode 0600;
//! what the letter history keeps (`history: { text: false }`); and how the
//! interface speaks (`ui_lang: es`, `plain_prompts: true`).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fs::write_atomic;
use crate::library::read_limited;
use crate::yaml::parse_yaml;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remembered {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// What the letter history keeps; absent in older files.
    #[serde(default, skip_serializing_if = "HistorySettings::is_default")]
    pub history: HistorySettings,
    /// The interface's language (`es`), when it is not the locale's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_lang: Option<String>,
    /// Ask every question as a plain line of text (`--plain-prompts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain_prompts: Option<bool>,
}

/// `history:` in the config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistorySettings {
    /// Keep each letter's text in the history, not only its details and hash.
    #[serde(default = "yes")]
    pub text: bool,
}

impl Default for HistorySettings {
    fn default() -> HistorySettings {
        HistorySettings { text: true }
    }
}

impl HistorySettings {
    fn is_default(&self) -> bool {
        *self == HistorySettings::default()
    }
}

fn yes() -> bool {
    true
}

/// The config file's path, when the platform has a config folder.
pub fn path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("appeal").join("config.yaml"))
}

/// Reads a YAML file of settings; none, or an empty one, is the default.
pub fn read_settings<T: DeserializeOwned + Default>(path: Option<&Path>) -> Result<T> {
    let Some(path) = path.filter(|p| p.exists()) else {
        return Ok(T::default());
    };
    let text = read_limited(path)?;
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    parse_yaml(&path.display().to_string(), &text)
}

/// Writes settings as YAML after `comment`, atomically, readable by their
/// owner only.
pub fn write_settings<T: Serialize>(path: &Path, comment: &str, value: &T) -> Result<()> {
    let fail = |message: crate::ui::Message| Error::File {
        path: path.display().to_string(),
        message,
    };
    if let Some(dir) = path.parent() {
        crate::fs::make_private_dir(dir)
            .map_err(|e| fail(crate::ui::Message::from(e.to_string())))?;
    }
    let text = serde_saphyr::to_string(value)
        .map_err(|e| fail(crate::ui::Message::from(e.to_string())))?;
    let text = format!("{comment}{text}");
    write_atomic(path, text.as_bytes(), true)
        .map_err(|e| fail(crate::ui::Message::from(e.to_string())))
}

impl Remembered {
    /// Reads the config file; a missing file is an empty config.
    pub fn load() -> Result<Remembered> {
        read_settings(path().as_deref())
    }

    /// Writes the config file atomically, readable by its owner only.
    pub fn save(&self) -> Result<PathBuf> {
        let path = path().ok_or_else(|| Error::Io {
            doing: crate::ui::tr!("config-doing-remember"),
            message: crate::ui::tr!("config-no-folder"),
        })?;
        let comment = "# Remembered by `appeal compose`; edit or delete freely.\n";
        write_settings(&path, comment, self)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_files_load_and_history_text_defaults_to_true() {
        let old: Remembered = parse_yaml("config.yaml", "name: Ana\nlang: es\n").unwrap();
        assert_eq!(old.name.as_deref(), Some("Ana"));
        assert!(old.history.text);
        let off: Remembered = parse_yaml("config.yaml", "history:\n  text: false\n").unwrap();
        assert!(!off.history.text);
        let empty: Remembered = parse_yaml("config.yaml", "history: {}\n").unwrap();
        assert!(empty.history.text);
    }
}
