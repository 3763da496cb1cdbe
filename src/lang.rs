//! Language tags (BCP 47) and the choice of a model letter for a requested language.

/// Normalises a BCP 47 tag the way the registry writes it: `es-cl` becomes
/// `es-CL`, `ZH-hant` becomes `zh-Hant`. Returns `None` when the text is not
/// shaped like a tag (a 2–3 letter language, then 1–8 character subtags).
pub fn normalize(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = language.to_ascii_lowercase();
    for part in parts {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        match part.len() {
            2 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                out.push_str(&part.to_ascii_uppercase())
            }
            4 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                out.push_str(&part[..1].to_ascii_uppercase());
                out.push_str(&part[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// A language as its speakers name it, with its tag beside it: `Español
/// (es)`, `Deutsch (de-AT)`. The names are CLDR's (through isolang),
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
    let language = match primary.len() {
        2 => isolang::Language::from_639_1(&primary),
        3 => isolang::Language::from_639_3(&primary),
        _ => None,
    }?;
    let name = language.to_autonym()?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// The tag for what a writer typed: a tag (`pt-BR`, `spa`), or a
/// language's name in itself or in English (`Deutsch`, `german`). `None`
/// when it is neither.
pub fn from_typed(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let code = |l: isolang::Language| {
        l.to_639_1()
            .map_or_else(|| l.to_639_3().to_string(), str::to_string)
    };
    if let Some(tag) = normalize(typed) {
        let primary = tag.split('-').next().unwrap_or_default();
        let known = match primary.len() {
            2 => isolang::Language::from_639_1(primary).is_some(),
            _ => isolang::Language::from_639_3(primary).is_some(),
        };
        if known {
            // A three-letter code with a two-letter one is written short.
            return Some(match isolang::Language::from_639_3(primary) {
                Some(l) if primary.len() == 3 => tag.replacen(primary, &code(l), 1),
                _ => tag,
            });
        }
    }
    // Several languages may share a name: prefer one with a two-letter code.
    let best = |found: Vec<isolang::Language>| {
        found
            .iter()
            .find(|l| l.to_639_1().is_some())
            .or(found.first())
            .copied()
    };
    let lower = typed.to_lowercase();
    let same = move |name: &str| name.to_lowercase() == lower;
    best(isolang::Language::match_autonyms(same.clone()).collect())
        .or_else(|| best(isolang::Language::match_names(same).collect()))
        .map(code)
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
    fn normalizes_case_and_separators() {
        assert_eq!(normalize("es_cl").as_deref(), Some("es-CL"));
        assert_eq!(normalize("ZH-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize(" EN ").as_deref(), Some("en"));
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
