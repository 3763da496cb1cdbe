//! The signer: who signs a letter and what they added to it, and the
//! cleaning rules every answer passes, whether it came from a flag, the
//! environment, the config file, a prompt or a batch row.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::text::{Refused, Shape, first_refused, line_and_column, separators_as_breaks};

/// Who signs a letter, and what they added to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signer {
    pub name: String,
    pub note: String,
    pub city: String,
    pub country: String,
    /// Further template variables, such as a batch file's extra columns.
    pub extra: BTreeMap<String, String>,
}

impl Signer {
    /// Visibly marked sample answers, for previewing and checking letters.
    pub fn sample() -> Signer {
        Signer {
            name: "«Your name»".to_string(),
            note: "«Your personal note: a few words of your own.»".to_string(),
            city: "«Your city»".to_string(),
            country: "«Your country»".to_string(),
            extra: BTreeMap::new(),
        }
    }

    /// The writer's block for a printed letter: the name, then the place if any.
    pub fn sender_block(&self) -> Vec<String> {
        let place = self.place();
        std::iter::once(self.name.clone())
            .chain((!place.is_empty()).then_some(place))
            .collect()
    }

    /// The place for the signature: `Lyon, France`, `Lyon`, `France` or empty.
    pub fn place(&self) -> String {
        match (self.city.is_empty(), self.country.is_empty()) {
            (false, false) => format!("{}, {}", self.city, self.country),
            (false, true) => self.city.clone(),
            (true, false) => self.country.clone(),
            (true, true) => String::new(),
        }
    }
}

/// A single-line answer (name, city, country): surrounding spaces trimmed;
/// line breaks and what the rule for text from outside refuses
/// (`text::first_refused`) are refused.
pub fn clean_line(what: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if let Some(refused) = first_refused(value, Shape::Line) {
        return Err(bad(what, value, &refused));
    }
    Ok(value.to_string())
}

/// A note of one or more paragraphs: line endings normalised to `\n`
/// (line and paragraph separators too), trailing blank lines dropped; tabs
/// and line breaks kept; what the rule refuses, refused.
pub fn clean_note(what: &str, value: &str) -> Result<String> {
    let value = separators_as_breaks(value);
    let value = match value.contains('\r') {
        true => std::borrow::Cow::Owned(value.replace("\r\n", "\n")),
        false => value,
    };
    let value = value.trim_end().trim_start_matches('\n');
    if let Some(refused) = first_refused(value, Shape::Prose) {
        return Err(bad(what, value, &refused));
    }
    Ok(value.to_string())
}

fn bad(what: &str, value: &str, refused: &Refused) -> Error {
    let (line, column) = line_and_column(value, refused.at);
    Error::BadText {
        what: what.to_string(),
        message: crate::ui::msg!(
            "text-refused",
            what = refused.what(),
            line = line,
            column = column
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_joins_what_is_given() {
        let mut s = Signer {
            city: "Lyon".into(),
            country: "France".into(),
            ..Signer::default()
        };
        assert_eq!(s.place(), "Lyon, France");
        s.city.clear();
        assert_eq!(s.place(), "France");
        s.country.clear();
        assert_eq!(s.place(), "");
    }

    #[test]
    fn lines_keep_what_was_typed() {
        let typed = "O'Brien & <Co> \"Zoë\" 王小明 {{name}}";
        assert_eq!(clean_line("--name", &format!("  {typed} ")).unwrap(), typed);
    }

    #[test]
    fn lines_refuse_breaks_controls_and_bidi() {
        for bad in [
            "a\nb",
            "a\u{7}b",
            "a\u{202E}b",
            "a\u{2066}b",
            "a\tb",
            "a\u{E0041}b",
            "a\u{2028}b",
        ] {
            let err = clean_line("--name", bad).unwrap_err().to_string();
            assert!(err.starts_with("--name: contains"), "{err}");
        }
    }

    #[test]
    fn notes_keep_paragraphs_and_report_the_place_of_a_bad_character() {
        assert_eq!(
            clean_note("note", "One.\r\n\r\nTwo.\n\n").unwrap(),
            "One.\n\nTwo."
        );
        let err = clean_note("note", "One.\nTw\u{202E}o")
            .unwrap_err()
            .to_string();
        assert!(err.contains("(U+202E) at line 2, column 3"), "{err}");
    }
}
