//! Language tags (BCP 47), the names of languages, and the choice of a
//! model letter for a requested language.

#[rustfmt::skip]
mod names;

pub use names::CLDR_VERSION;

use unicode_normalization::UnicodeNormalization;

use names::{LANGUAGES, Language, OTHER_NAMES, STARTS, TEXT};

/// Normalises a BCP 47 tag the way the registry writes it: `es-cl` becomes
/// `es-CL`, `ZH-hant` becomes `zh-Hant`. Returns `None` when the text is not
/// shaped like a tag (a 2–3 letter language, then 1–8 character subtags).
pub fn normalize(tag: &str) -> Option<String> {
    // `_` separates subtags as `-` does (`pt_BR`). One string is made, the
    // tag's length: a batch normalises a tag for every row.
    let tag = tag.trim();
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = String::with_capacity(tag.len());
    out.extend(language.chars().map(|c| c.to_ascii_lowercase()));
    for part in parts {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        let letters = part.chars().all(|c| c.is_ascii_alphabetic());
        out.extend(part.chars().enumerate().map(|(i, c)| match part.len() {
            // A region (`CL`), and a script (`Hant`).
            2 if letters => c.to_ascii_uppercase(),
            4 if letters && i == 0 => c.to_ascii_uppercase(),
            _ => c.to_ascii_lowercase(),
        }));
    }
    Some(out)
}

/// A language as its speakers name it, with its tag beside it: `Español
/// (es)`, `Deutsch (de-AT)`. The names are CLDR's ([`CLDR_VERSION`]),
/// capitalised as CLDR does for menus; a tag without a known name is shown
/// as it is.
pub fn display(tag: &str) -> String {
    match autonym(tag) {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_string(),
    }
}

/// The name of the language of `tag` in that language (`es-CL`: `Español`).
pub fn autonym(tag: &str) -> Option<String> {
    let primary = tag.split('-').next()?.to_ascii_lowercase();
    let name = text(language(&primary)?.autonym)?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// The tag for what a writer typed: a tag (`pt-BR`, `spa`), or a
/// language's name (see [`from_name`]). `None` when it is neither.
pub fn from_typed(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if let Some(tag) = normalize(typed) {
        let primary = tag.split('-').next().unwrap_or_default();
        if let Some(l) = language(primary) {
            // A three-letter code is written as its two-letter one.
            return Some(tag.replacen(primary, l.code(), 1));
        }
    }
    from_name(typed)
}

/// The tag of the language `name` names, in English, Spanish or French or
/// in the language itself: `Spanish`, `español`, `Espagnol`, `anglais`.
/// Case does not matter, nor do accents (`portugues`, `arabe`): CLDR names
/// no two languages alike without them, which `tools/gen-cldr.py` checks.
pub fn from_name(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let lower = name.to_lowercase();
    let folded = fold(name);
    let every = || {
        LANGUAGES
            .iter()
            .flat_map(|l| [l.autonym, l.en, l.es, l.fr].map(|id| (id, l)))
            .chain(
                OTHER_NAMES
                    .iter()
                    .filter_map(|&(id, at)| Some((id, LANGUAGES.get(usize::from(at))?))),
            )
            .filter_map(|(id, l)| Some((text(id)?, l)))
    };
    every()
        .find(|(n, _)| n.to_lowercase() == lower)
        .or_else(|| every().find(|(n, _)| fold(n) == folded))
        .map(|(_, l)| l.code().to_string())
}

/// `text` in lower case and without accents (U+0300 to U+036F once
/// decomposed): only the marks Latin, Greek and Cyrillic letters carry go,
/// never the vowel signs of other scripts.
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The language of a two- or three-letter code, in lower case.
fn language(code: &str) -> Option<&'static Language> {
    match code.len() {
        2 => LANGUAGES
            .binary_search_by(|l| l.code.as_slice().cmp(code.as_bytes()))
            .ok()
            .map(|at| &LANGUAGES[at]),
        3 => LANGUAGES.iter().find(|l| l.alpha3 == code.as_bytes()),
        _ => None,
    }
}

/// Name number `id` of the names' text, if there is one.
fn text(id: u16) -> Option<&'static str> {
    let at = usize::from(id);
    let (start, end) = (*STARTS.get(at)?, *STARTS.get(at + 1)?);
    TEXT.get(usize::from(start)..usize::from(end))
}

impl Language {
    fn code(&self) -> &str {
        // The generator writes ASCII letters only.
        std::str::from_utf8(&self.code).unwrap_or_default()
    }
}

/// The tags to try, most specific first: `es-CL` gives `es-CL`, `es`.
pub fn fallbacks(tag: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(tag), |t| t.rfind('-').map(|i| &t[..i]))
}

/// Which model letter answers a request, and whether that took a fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub requested: String,
    pub chosen: String,
}

impl Choice {
    pub fn is_fallback(&self) -> bool {
        self.requested != self.chosen
    }
}

/// Picks the letter for `requested` among `available`: the tag itself, then
/// each shorter prefix (`es-CL`, `es`), then `preferred`.
pub fn choose<'a>(
    requested: &str,
    available: impl IntoIterator<Item = &'a str> + Clone,
    preferred: &str,
) -> Choice {
    let chosen = fallbacks(requested)
        .find(|t| available.clone().into_iter().any(|a| a == *t))
        .unwrap_or(preferred);
    Choice {
        requested: requested.to_string(),
        chosen: chosen.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_a_language_by_its_own_name() {
        assert_eq!(display("es"), "Español (es)");
        assert_eq!(display("en"), "English (en)");
        assert_eq!(display("fr"), "Français (fr)");
        assert_eq!(display("de-AT"), "Deutsch (de-AT)");
        assert_eq!(display("qq"), "qq");
    }

    #[test]
    fn reads_a_typed_name_or_code() {
        assert_eq!(from_typed("Deutsch").as_deref(), Some("de"));
        assert_eq!(from_typed("español").as_deref(), Some("es"));
        assert_eq!(from_typed("German").as_deref(), Some("de"));
        assert_eq!(from_typed("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(from_typed("spa").as_deref(), Some("es"));
        assert_eq!(from_typed("Klingonish"), None);
    }

    #[test]
    fn reads_a_language_named_in_english_spanish_french_or_itself() {
        for (name, tag) in [
            ("Spanish", "es"),
            ("español", "es"),
            ("Espagnol", "es"),
            ("inglés", "en"),
            ("anglais", "en"),
            ("Portuguese", "pt"),
            ("portugués", "pt"),
            ("arabe", "ar"),
            ("árabe", "ar"),
            ("ESPAÑOL", "es"),
            ("espanol", "es"),
            ("  Français ", "fr"),
            ("francais", "fr"),
            ("alemán", "de"),
            ("Ελληνικά", "el"),
            ("ελληνικα", "el"),
            ("日本語", "ja"),
            // CLDR's other names.
            ("Azeri", "az"),
            ("Kirghiz", "ky"),
        ] {
            assert_eq!(from_name(name).as_deref(), Some(tag), "{name}");
        }
        for not_a_name in ["", "  ", "Klingon", "span", "es", "Spanish language"] {
            assert_eq!(from_name(not_a_name), None, "{not_a_name}");
        }
    }

    #[test]
    fn a_three_letter_code_is_written_as_its_two_letter_one() {
        assert_eq!(from_typed("fra").as_deref(), Some("fr"));
        assert_eq!(from_typed("deu-at").as_deref(), Some("de-AT"));
        assert_eq!(autonym("spa").as_deref(), Some("Español"));
        // A code of a language not carried is no language's.
        assert_eq!(from_typed("xyz"), None);
        assert_eq!(autonym("xyz"), None);
    }

    #[test]
    fn every_iso_639_1_language_has_an_english_name() {
        assert_eq!(names::LANGUAGES.len(), 184);
        for l in &names::LANGUAGES {
            let name = text(l.en).unwrap_or_default();
            assert!(!name.is_empty(), "{}", l.code());
            // And a name is read back as its language.
            assert_eq!(from_name(name).as_deref(), Some(l.code()), "{name}");
        }
        assert!(CLDR_VERSION.split('.').all(|n| n.parse::<u32>().is_ok()));
    }

    #[test]
    fn normalizes_case_and_separators() {
        assert_eq!(normalize("es_cl").as_deref(), Some("es-CL"));
        assert_eq!(normalize("ZH-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize(" EN ").as_deref(), Some("en"));
        assert_eq!(normalize("sr_latn_rs").as_deref(), Some("sr-Latn-RS"));
        assert_eq!(normalize("ES-419").as_deref(), Some("es-419"));
        assert_eq!(normalize("de-CH-1901").as_deref(), Some("de-CH-1901"));
    }

    #[test]
    fn rejects_text_that_is_not_a_tag() {
        for bad in [
            "",
            "e",
            "english",
            "en-",
            "en--US",
            "1a",
            "en-toolongsubtag",
        ] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }

    #[test]
    fn falls_back_from_region_to_language_to_preferred() {
        let have = ["en", "es"];
        assert_eq!(choose("es-CL", have, "en").chosen, "es");
        assert!(choose("es-CL", have, "en").is_fallback());
        assert_eq!(choose("de-AT", have, "en").chosen, "en");
        assert!(!choose("es", have, "en").is_fallback());
    }
}
