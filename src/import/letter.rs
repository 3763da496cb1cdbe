//! The model letter of a document: from its salutation ("Dear …",
//! "Estimado señor:", "Monsieur le Ministre,", "Your Excellency") to its
//! closing ("Yours sincerely", "Atentamente,", "Veuillez agréer …"), kept
//! word for word; the language it is written in; and the fill-ins a
//! letter leaves for its writer (`[YOUR NAME]`, `[NOME COGNOME]`).

use super::Salutation;
use super::cues::{CLOSINGS, SALUTATIONS, SIGNATURES, fold, starts_with_any};

/// The salutation phrase a folded line opens with, when the line is a
/// salutation: short, and ending like one (a comma, a colon) or too short
/// to be a sentence.
pub fn salutation_words(folded: &str) -> Option<&'static str> {
    let phrase = starts_with_any(folded, SALUTATIONS)?;
    Some(phrase)
}

/// Whether a line is a salutation of its own.
pub fn is_salutation(line: &str) -> bool {
    is_salutation_folded(line, &fold(line))
}

/// As [`is_salutation`], with the line's fold already made.
pub fn is_salutation_folded(line: &str, folded: &str) -> bool {
    if salutation_words(folded).is_none() {
        return false;
    }
    let words = folded.split_whitespace().count();
    let t = line.trim_end();
    (folded.chars().count() <= 90 && t.ends_with([',', ':', ';', '!', '،']))
        || (words <= 7 && !t.ends_with(['.', '?']))
}

/// Whether a line is a letter's closing.
pub fn is_closing(line: &str) -> bool {
    is_closing_folded(&fold(line))
}

/// As [`is_closing`], from the line's fold.
pub fn is_closing_folded(folded: &str) -> bool {
    let Some(phrase) = starts_with_any(folded, CLOSINGS) else {
        return false;
    };
    // French closings are whole sentences: `Veuillez agréer, Monsieur le
    // Ministre, l'expression de ma haute considération.`
    let long = ["veuillez", "je vous prie", "recevez", "وتفضلوا", "وتقبلوا"]
        .iter()
        .any(|p| phrase.starts_with(p));
    let max = if long { 240 } else { 60 };
    folded.chars().count() <= max
}

/// Whether a line after the closing is the writer's signature.
pub fn is_signature(line: &str) -> bool {
    let folded = fold(line);
    let t = folded.trim_matches(['_', '-', '.', ' ']);
    t.is_empty()
        || SIGNATURES.contains(&folded.as_str())
        || SIGNATURES.contains(&t)
        || (folded.starts_with('[') && folded.ends_with(']') && folded.len() <= 40)
}

/// The language of a salutation or closing, from its first words.
pub fn language_of_phrase(text: &str) -> Option<&'static str> {
    let f = fold(text);
    if f.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return Some("ar");
    }
    let first = f.split_whitespace().next()?;
    Some(match first.trim_end_matches([',', '.', ':']) {
        "dear" | "your" | "to" | "yours" | "sincerely" | "respectfully" | "kind" | "warm"
        | "best" | "regards" | "excellency" | "honourable" | "honorable" | "mr" | "madam"
        | "sir" | "with" => "en",
        "estimado" | "estimada" | "estimados" | "estimadas" | "señor" | "señora"
        | "excelentísimo" | "excelentísima" | "excmo" | "excma" | "distinguido" | "distinguida"
        | "atentamente" | "muy" | "le" | "les" | "reciba" | "saludos" | "cordiales" | "un"
        | "respetuosamente" | "apreciado" | "apreciada" | "su" | "majestad" | "sr" | "sra" => "es",
        "exmo" | "exma" | "prezado" | "prezada" | "senhor" | "senhora" | "excelentíssimo"
        | "atenciosamente" | "cumprimentos" | "com" => "pt",
        "monsieur" | "madame" | "messieurs" | "mesdames" | "veuillez" | "cher" | "chère"
        | "chers" | "je" | "recevez" | "cordialement" | "respectueusement" | "bien"
        | "sincères" | "salutations" | "votre" | "excellence" | "majesté" | "avec" => "fr",
        "sehr" | "mit" | "hochachtungsvoll" => "de",
        "egregio" | "egregia" | "gentile" | "distinti" | "cordiali" => "it",
        "geachte" | "beste" | "met" | "vriendelijke" | "hoogachtend" => "nl",
        _ => return None,
    })
}

/// The language of a text by its most common short words, among the
/// languages letters come in; `None` when it can't be told.
pub fn language_of_text(text: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "the", "and", "of", "to", "is", "that", "in", "for", "you", "are", "have", "with",
            ],
        ),
        (
            "es",
            &[
                "el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "para", "usted",
                "del",
            ],
        ),
        (
            "fr",
            &[
                "le", "la", "de", "et", "les", "des", "que", "pour", "vous", "est", "dans", "du",
                "une",
            ],
        ),
        (
            "pt",
            &[
                "o", "a", "de", "que", "e", "do", "da", "em", "os", "para", "com", "não", "uma",
            ],
        ),
        (
            "nl",
            &[
                "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "voor", "zijn", "met",
            ],
        ),
        (
            "de",
            &[
                "der", "die", "und", "das", "nicht", "ist", "sie", "mit", "für", "von", "zu", "den",
            ],
        ),
    ];
    if text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count()
        > 20
    {
        return Some("ar");
    }
    let mut scores = [0usize; 6];
    let mut total = 0;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let w = word.to_lowercase();
        total += 1;
        for (i, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&w.as_str()) {
                scores[i] += 1;
            }
        }
    }
    let (best, score) = scores.iter().enumerate().max_by_key(|(_, s)| **s)?;
    let second = scores
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, s)| *s)
        .max()
        .unwrap_or(0);
    (total >= 8 && *score * 10 >= total && *score > second + second / 4).then_some(WORDS[best].0)
}

/// Splits `Dear Minister/Estimado Señor Ministro` into one text per
/// language, when each part's language can be told from its first word.
pub fn salutation(text: &str) -> Salutation {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return Salutation::One(text.to_string());
    }
    let tagged: Option<Vec<(String, String)>> = parts
        .iter()
        .map(|p| language_of_phrase(p).map(|l| (l.to_string(), p.to_string())))
        .collect();
    match tagged {
        Some(t) if distinct(&t) => Salutation::ByLanguage(t),
        _ => Salutation::One(text.to_string()),
    }
}

fn distinct(t: &[(String, String)]) -> bool {
    let mut langs: Vec<&str> = t.iter().map(|(l, _)| l.as_str()).collect();
    langs.sort_unstable();
    langs.windows(2).all(|w| w[0] != w[1])
}

/// What a bracketed fill-in of a model letter stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FillIn {
    /// The writer's name: `[YOUR NAME]`, `[NOME COGNOME]`, `[Nombre]`.
    Name,
    /// Something else to fill in, kept as a marker that `check` reports.
    Other(String),
}

/// Words that make a bracketed fill-in the writer's name.
const NAME_WORDS: &[&str] = &[
    "name",
    "your name",
    "full name",
    "first name last name",
    "nombre",
    "su nombre",
    "nombre y apellido",
    "nombre y apellidos",
    "nom",
    "votre nom",
    "nom prénom",
    "prénom nom",
    "nom et prénom",
    "nome",
    "nome cognome",
    "seu nome",
    "ihr name",
    "naam",
];

/// Words a bracketed fill-in starts with when it is one (not a `[sic]`).
const FILL_WORDS: &[&str] = &[
    "insert", "your", "add", "write", "name", "date", "city", "country", "su ", "tu ", "votre",
    "ton", "insérer", "insertar", "indique", "escriba", "nombre", "nom ",
];

/// The fill-ins of one paragraph, with their byte ranges, in order.
pub fn fill_ins(text: &str) -> Vec<(std::ops::Range<usize>, FillIn)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[') {
        let open = from + open;
        let Some(len) = text[open..].find(']') else {
            break;
        };
        let inside = &text[open + 1..open + len];
        from = open + len + 1;
        if inside.is_empty() || inside.len() > 60 || inside.contains('[') {
            continue;
        }
        let folded = fold(inside);
        let shouted =
            inside.chars().any(char::is_alphabetic) && !inside.chars().any(char::is_lowercase);
        let named = NAME_WORDS.contains(&folded.as_str());
        let fill = shouted || named || FILL_WORDS.iter().any(|w| folded.starts_with(w));
        if !fill || folded.starts_with("placeholder") {
            continue;
        }
        let what = if named {
            FillIn::Name
        } else {
            FillIn::Other(inside.trim().to_string())
        };
        out.push((open..open + len + 1, what));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salutations_and_closings_in_several_languages() {
        for s in [
            "Dear Minister,",
            "Dear Secretary Noem,",
            "Your Excellency,",
            "Estimado señor Fiscal:",
            "Señora Secretaria Noem:",
            "Monsieur le Ministre,",
            "Majestad:",
            "Your Majesty",
            "Excelentísimo Señor Presidente:",
        ] {
            assert!(is_salutation(s), "{s}");
        }
        for s in [
            "Dear readers will know the story. It goes on and on for a while here.",
            "Monsieur X a été arrêté le 3 mai.",
            "Salutation: Dear Minister",
        ] {
            assert!(!is_salutation(s), "{s}");
        }
        for c in [
            "Yours sincerely,",
            "Yours very sincerely,",
            "Warm regards,",
            "Atentamente,",
            "Veuillez agréer, Monsieur le Ministre, l'expression de ma haute considération.",
            "وتفضلوا بقبول فائق الاحترام",
        ] {
            assert!(is_closing(c), "{c}");
        }
        assert!(!is_closing(
            "Sincerely held beliefs were at stake in this long sentence about them."
        ));
    }

    #[test]
    fn languages_of_phrases_and_texts() {
        assert_eq!(language_of_phrase("Estimado señor:"), Some("es"));
        assert_eq!(language_of_phrase("Monsieur le Ministre,"), Some("fr"));
        assert_eq!(language_of_phrase("Dear Governor:"), Some("en"));
        assert_eq!(
            language_of_text(
                "Le ministre a dit que les personnes détenues dans la prison de la ville sont en danger et que vous pouvez agir pour les protéger."
            ),
            Some("fr")
        );
        assert_eq!(
            language_of_text(
                "El ministro dijo que las personas detenidas en la cárcel de la ciudad están en peligro y que usted puede actuar para protegerlas."
            ),
            Some("es")
        );
    }

    #[test]
    fn a_bilingual_salutation_splits_by_language() {
        assert_eq!(
            salutation("Dear Minister/Estimado Señor Ministro"),
            Salutation::ByLanguage(vec![
                ("en".into(), "Dear Minister".into()),
                ("es".into(), "Estimado Señor Ministro".into())
            ])
        );
        assert_eq!(
            salutation("Dear Sir/Madam"),
            Salutation::One("Dear Sir/Madam".into())
        );
    }

    #[test]
    fn fill_ins_for_the_writer() {
        let text = "My name is [NOME COGNOME] and I live in [CITY]. See [sic] and [1].";
        let found: Vec<FillIn> = fill_ins(text).into_iter().map(|(_, f)| f).collect();
        assert_eq!(found, [FillIn::Name, FillIn::Other("CITY".to_string())]);
    }
}
