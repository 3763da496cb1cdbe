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
