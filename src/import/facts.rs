//! Reading single facts out of a document's lines, for every layout:
//! dates, languages, contact blocks, the model letter, the title's case.
//! Each fact is copied as the document writes it; what cannot be read is
//! left out, never guessed.

use chrono::NaiveDate;

use super::sections::paragraphs;
use super::text::{fold, is_capitals};
use super::{Contact, DocDate, Draft, Letter, Salutation};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first date in `text`: `1 July 2025`, `10 DECEMBER 2010`, `July 1, 2025`.
/// A text with no readable date keeps its words and no date.
pub fn date(text: &str) -> DocDate {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = fold(w.trim_end_matches('.'));
        MONTHS
            .iter()
            .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w.as_str())))
            .map(|i| i as u32 + 1)
    };
    let number = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
        (!w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    for i in 0..words.len() {
        let found = match (
            words.get(i).copied().and_then(number),
            words.get(i + 1).copied().and_then(month),
            words.get(i + 2).copied().and_then(number),
        ) {
            (Some(d), Some(m), Some(y)) if y >= 1900 => Some((y, m, d, i..i + 3)),
            _ => match (
                words.get(i).copied().and_then(month),
                words.get(i + 1).copied().and_then(number),
                words.get(i + 2).copied().and_then(number),
            ) {
                (Some(m), Some(d), Some(y)) if y >= 1900 => Some((y, m, d, i..i + 3)),
                _ => None,
            },
        };
        if let Some((y, m, d, range)) = found
            && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
        {
            return DocDate {
                text: words[range].join(" "),
                date: Some(date),
            };
        }
    }
    DocDate {
        text: text.trim().to_string(),
        date: None,
    }
}

/// Language names as documents write them, and their tags.
const LANGUAGES: &[(&str, &str)] = &[
    ("english", "en"),
    ("spanish", "es"),
    ("french", "fr"),
    ("portuguese", "pt"),
    ("arabic", "ar"),
    ("german", "de"),
    ("italian", "it"),
    ("russian", "ru"),
    ("chinese", "zh"),
    ("mandarin", "zh"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("dutch", "nl"),
    ("turkish", "tr"),
    ("persian", "fa"),
    ("farsi", "fa"),
    ("urdu", "ur"),
    ("hindi", "hi"),
    ("bengali", "bn"),
    ("indonesian", "id"),
    ("thai", "th"),
    ("vietnamese", "vi"),
    ("hebrew", "he"),
    ("greek", "el"),
    ("polish", "pl"),
    ("ukrainian", "uk"),
    ("swahili", "sw"),
    ("amharic", "am"),
    ("burmese", "my"),
    ("khmer", "km"),
    ("nepali", "ne"),
    ("tamil", "ta"),
    ("azerbaijani", "az"),
    ("kazakh", "kk"),
    ("uzbek", "uz"),
    ("belarusian", "be"),
    ("serbian", "sr"),
    ("croatian", "hr"),
    ("hungarian", "hu"),
    ("romanian", "ro"),
    ("czech", "cs"),
    ("catalan", "ca"),
    ("tagalog", "tl"),
    ("filipino", "fil"),
    ("malay", "ms"),
];

/// The tag of a language named in English (`Portuguese` → `pt`).
pub fn language_tag(name: &str) -> Option<&'static str> {
    let f = fold(name);
    LANGUAGES.iter().find(|(n, _)| *n == f).map(|(_, t)| *t)
}

/// Languages named in `English, Portuguese or your own language`: each
/// name with its tag, and whether one's own language is welcome.
pub fn languages(text: &str) -> (Vec<(String, Option<String>)>, bool) {
    let mut own = false;
    let mut found = Vec::new();
    let text = text.trim().trim_end_matches([':', '.']);
    for part in text.split([',', '/', ';']) {
        for part in part.split(" or ").flat_map(|p| p.split(" and ")) {
            let part = part.trim();
            let f = fold(part);
            if f.is_empty() {
                continue;
            }
            if f.contains("own language") {
                own = true;
                continue;
            }
            let part = part.strip_prefix("or ").unwrap_or(part).trim();
            found.push((part.to_string(), language_tag(part).map(str::to_string)));
        }
    }
    (found, own)
}

/// Words a salutation starts with, in the languages urgent actions use.
const SALUTATIONS: &[&str] = &[
    "dear ",
    "to whom it may concern",
    "your excellency",
    "your honour",
    "your honor",
    "excellency",
    "estimado",
    "estimada",
    "señor",
    "señora",
    "excelentísimo",
    "excelentísima",
    "exmo",
    "exma",
    "excmo",
    "prezado",
    "prezada",
    "monsieur",
    "madame",
    "sehr geehrte",
    "egregio",
    "gentile",
    "caro ",
    "cara ",
    "geachte",
];

pub fn is_salutation(line: &str) -> bool {
    let f = fold(line);
    f.chars().count() <= 80 && SALUTATIONS.iter().any(|s| f.starts_with(s))
}

/// Closings a model letter ends with.
const CLOSINGS: &[&str] = &[
    "yours sincerely",
    "sincerely",
    "yours faithfully",
    "yours truly",
    "respectfully",
    "kind regards",
    "best regards",
    "with best regards",
    "regards",
    "atentamente",
    "cordialmente",
    "cordialement",
    "veuillez agréer",
    "mit freundlichen grüßen",
    "distinti saluti",
    "met vriendelijke groet",
    "vriendelijke groet",
];

fn is_closing(paragraph: &str) -> bool {
    let f = fold(paragraph);
    f.chars().count() <= 60 && CLOSINGS.iter().any(|c| f.starts_with(c))
}

/// A model letter from its salutation to its closing. Lines after the
/// closing (a name to fill in, "[Your name]") are the writer's signature.
pub fn letter(lines: &[String]) -> Option<Letter> {
    let start = lines.iter().position(|l| is_salutation(l))?;
    let paras = paragraphs(&lines[start..]);
    let (first, rest) = paras.split_first()?;
    // The salutation may share its paragraph with the first sentence.
    let mut first_lines = first.lines();
    let salutation = first_lines.next().unwrap_or("").trim().to_string();
    let mut paragraphs: Vec<String> = Vec::new();
    let same_para: Vec<&str> = first_lines.collect();
    if !same_para.is_empty() {
        paragraphs.push(same_para.join("\n"));
    }
    let mut closing = None;
    for p in rest {
        if is_closing(p) {
            closing = p.lines().next().map(|l| l.trim().to_string());
            break;
        }
        paragraphs.push(p.clone());
    }
    Some(Letter {
        salutation: Some(salutation),
        paragraphs,
        closing,
    })
}

/// Honorifics written before a name; kept exactly as the document has them.
const HONORIFICS: &[&str] = &[
    "The Honorable ",
    "The Honourable ",
    "The Hon. ",
    "Hon. ",
    "His Excellency ",
    "Her Excellency ",
    "H.E. ",
    "His Majesty ",
    "Her Majesty ",
    "Mr. ",
    "Mr ",
    "Mrs. ",
    "Mrs ",
    "Ms. ",
    "Ms ",
    "Dr. ",
    "Dr ",
    "Prof. ",
    "Lic. ",
    "Sr. ",
    "Sra. ",
    "Exmo. Sr. ",
    "Excmo. Sr. ",
];

/// Words a line of an organisation has; an address line has digits instead.
const ORGANISATION_WORDS: &[&str] = &[
    "department",
    "ministry",
    "ministerio",
    "ministère",
    "ministério",
    "office",
    "secretaría",
    "secretaria",
    "secretariat",
    "government",
    "gobierno",
    "governo",
    "presidency",
    "presidencia",
    "embassy",
    "embajada",
    "council",
    "court",
    "tribunal",
    "prosecutor",
    "procuradur",
    "fiscal",
    "commission",
    "comisión",
    "agency",
    "parliament",
    "assembly",
    "bureau",
    "authority",
    "police",
    "palace",
    "palacio",
    "palácio",
];

/// Words a title line starts with, when the title comes before the name.
const TITLE_WORDS: &[&str] = &[
    "minister",
    "president",
    "governor",
    "secretary",
    "attorney",
    "prosecutor",
    "public",
    "director",
    "chief",
    "head",
    "commissioner",
    "ambassador",
    "mayor",
    "prime",
    "king",
    "queen",
    "emir",
    "sheikh",
    "general",
    "federal",
    "state",
    "procurador",
    "presidente",
    "ministro",
    "ministra",
    "gobernador",
    "governador",
    "secretario",
    "fiscal",
    "juez",
    "judge",
];

/// Several contacts in one region: each ends at its `Salutation:` line, or,
/// when there is none, at a blank line after an email, fax or phone line.
pub fn contacts(lines: &[String]) -> Vec<Contact> {
    let mut out = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let mut has_reach = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            if has_reach && !block.is_empty() {
                out.push(contact(&block));
                block.clear();
                has_reach = false;
            } else if !block.is_empty() {
                block.push(String::new());
            }
            continue;
        }
        if let Some((label, _)) = labelled(t) {
            has_reach |= matches!(label, "email" | "fax" | "phone");
            let ends = label == "salutation";
            block.push(t.to_string());
            if ends {
                out.push(contact(&block));
                block.clear();
                has_reach = false;
            }
            continue;
        }
        // A new name after a finished contact with no blank line between.
        if has_reach && !block.is_empty() {
            out.push(contact(&block));
            block.clear();
            has_reach = false;
        }
        block.push(t.to_string());
    }
    if block.iter().any(|l| !l.trim().is_empty()) {
        out.push(contact(&block));
    }
    out
}

/// `Email: a@x`, `Fax: …`: the label (folded and unified) and the value.
fn labelled(line: &str) -> Option<(&'static str, &str)> {
    let (label, value) = line.split_once(':')?;
    let kind = match fold(label).as_str() {
        "email" | "e-mail" | "emails" | "e-mails" | "email address" | "correo electrónico" => {
            "email"
        }
        "fax" | "fax number" => "fax",
        "tel" | "tel." | "phone" | "telephone" | "phone number" => "phone",
        "salutation" | "salutations" => "salutation",
        "twitter" | "x" | "facebook" | "instagram" | "website" | "web" => "social",
        _ => return None,
    };
    Some((kind, value.trim()))
}

/// One contact from its lines: the name and title lines first (in either
/// order), an organisation, the address, then labelled lines.
pub fn contact(lines: &[String]) -> Contact {
    let mut c = Contact::default();
    let mut plain: Vec<String> = Vec::new();
    // The size of the first group of unlabelled lines, when a blank line
    // ends it: a name and a title set apart from the address.
    let mut first_group: Option<usize> = None;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            if !plain.is_empty() && first_group.is_none() {
                first_group = Some(plain.len());
            }
            continue;
        }
        match labelled(t) {
            Some(("email", v)) => c.emails.extend(emails(v)),
            Some(("fax", v)) => c.fax = Some(v.to_string()),
            Some(("phone", v)) => c.phone = Some(v.to_string()),
            Some(("salutation", v)) => c.salutation = Some(Salutation::One(v.to_string())),
            Some(_) => {}
            None => plain.push(t.trim_end_matches(',').trim().to_string()),
        }
    }
    let mut rest = plain.into_iter();
    let first = rest.next();
    let second = rest.next();
    let (name_line, title) = match (first, second) {
        (Some(a), Some(b)) if is_title_line(&a) && looks_like_name(&b) => (Some(b), Some(a)),
        (Some(a), Some(b))
            if first_group != Some(2) && (looks_like_organisation(&b) || has_digit(&b)) =>
        {
            // No title line: the second line is already the organisation.
            let mut lines: Vec<String> = vec![b];
            lines.extend(rest.by_ref());
            rest = lines.into_iter();
            (Some(a), None)
        }
        (a, b) => (a, b),
    };
    if let Some(line) = name_line {
        match HONORIFICS.iter().find(|h| line.starts_with(*h)) {
            Some(h) => {
                c.honorific = Some(h.trim_end().to_string());
                c.name = Some(line[h.len()..].trim().to_string());
            }
            None => c.name = Some(line),
        }
    }
    c.title = title;
    let mut rest: Vec<String> = rest.collect();
    if rest
        .first()
        .is_some_and(|l| looks_like_organisation(l) && !has_digit(l))
    {
        c.organisation = Some(rest.remove(0));
    }
    c.address = rest;
    c
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn looks_like_organisation(line: &str) -> bool {
    let f = fold(line);
    ORGANISATION_WORDS.iter().any(|w| f.contains(w))
}

fn is_title_line(line: &str) -> bool {
    let f = fold(line);
    let first = f.split_whitespace().next().unwrap_or("");
    TITLE_WORDS.contains(&first) && !looks_like_name(line)
}

/// Two to six capitalised words with no digits: a person's name.
fn looks_like_name(line: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "do", "dos", "das", "del", "la", "van", "von", "al", "bin", "el", "y", "e",
        "der", "den", "le",
    ];
    let stripped = HONORIFICS
        .iter()
        .find_map(|h| line.strip_prefix(*h))
        .unwrap_or(line);
    let words: Vec<&str> = stripped.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !has_digit(stripped)
        && !looks_like_organisation(stripped)
        && words.iter().all(|w| {
            PARTICLES.contains(&w.to_lowercase().as_str())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && !words
            .iter()
            .any(|w| TITLE_WORDS.contains(&fold(w).as_str()))
}

/// The addresses in `a@x.org, b@y.org or c@z.org`.
pub fn emails(value: &str) -> Vec<String> {
    value
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| "()<>.".contains(c)))
        .filter(|w| w.contains('@') && !w.starts_with('@') && !w.ends_with('@'))
        .map(str::to_string)
        .collect()
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
        .map(|p| salutation_language(p).map(|l| (l.to_string(), p.to_string())))
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

pub fn salutation_language(text: &str) -> Option<&'static str> {
    let f = fold(text);
    let first = f.split_whitespace().next()?;
    Some(match first.trim_end_matches([',', '.']) {
        "dear" | "your" | "to" => "en",
        "estimado" | "estimada" | "señor" | "señora" | "excelentísimo" | "excelentísima"
        | "excmo" | "excma" | "distinguido" | "distinguida" => "es",
        "exmo" | "exma" | "prezado" | "prezada" | "senhor" | "senhora" | "excelentíssimo" => "pt",
        "monsieur" | "madame" => "fr",
        "sehr" => "de",
        "egregio" | "gentile" => "it",
        "geachte" => "nl",
        _ => return None,
    })
}

/// An all-capitals title in the document's own spelling of each word: the
/// form the word most often takes elsewhere, outside lines in capitals.
/// The first word starts with a capital. Returns `None` when the title is
/// not in capitals.
pub fn recase_title(title: &str, lines: &[String]) -> Option<String> {
    if !is_capitals(title) {
        return None;
    }
    let mut counts: std::collections::HashMap<String, Vec<(String, usize)>> =
        std::collections::HashMap::new();
    for line in lines.iter().filter(|l| !is_capitals(l)) {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            if word.is_empty() {
                continue;
            }
            let forms = counts.entry(word.to_lowercase()).or_default();
            match forms.iter_mut().find(|(f, _)| f == word) {
                Some((_, n)) => *n += 1,
                None => forms.push((word.to_string(), 1)),
            }
        }
    }
    let mut out = String::with_capacity(title.len());
    let mut word = String::new();
    let mut first = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let form = counts
            .get(&word.to_lowercase())
            .and_then(|forms| forms.iter().max_by_key(|(_, n)| *n))
            .map(|(f, _)| f.clone())
            .unwrap_or_else(|| word.to_lowercase());
        if *first {
            let mut chars = form.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
            *first = false;
        } else {
            out.push_str(&form);
        }
        word.clear();
    };
    for c in title.trim().chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut first);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first);
    Some(out)
}

/// The action id made from a title: `stop-illegal-expulsions-to-el-salvador`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ğ' => 'g',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '\'' || c == '’' {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > 60 {
        let cut = out[..60].rfind('-').unwrap_or(60);
        out.truncate(cut);
    }
    out
}

/// Salutations given as one text are split by language where they can be
/// (`Dear Minister/Estimado Señor Ministro`).
pub fn split_salutations(d: &mut Draft) {
    for c in d.targets.iter_mut().chain(d.copies.iter_mut()) {
        if let Some(Salutation::One(s)) = &c.salutation {
            c.salutation = Some(salutation(s));
        }
    }
}

/// The targets' lines, and the lines after "And copies to:".
pub fn split_copies(lines: &[String]) -> (&[String], &[String]) {
    match lines.iter().position(|l| {
        let f = fold(l);
        f.starts_with("and copies to") || f.starts_with("copies to")
    }) {
        Some(at) => (&lines[..at], &lines[at + 1..]),
        None => (lines, &[]),
    }
}

/// A title in capitals, in the document's own spelling of its words.
pub fn recase(d: &mut Draft, lines: &[String]) {
    if let Some(title) = &d.title
        && let Some(recased) = recase_title(title, lines)
    {
        d.title = Some(recased);
        d.title_recased = true;
    }
}

/// A document whose last line stops mid-sentence was probably cut short:
/// say so, since what it lacks may simply be missing from the copy.
pub fn note_cut_short(draft: &mut Draft, lines: &[String]) {
    let Some(last) = lines.iter().rev().find(|l| !l.trim().is_empty()) else {
        return;
    };
    let t = last.trim();
    let ends = t.ends_with(['.', '!', '?', ')', '"', '”', '’', ':']) || t.contains('@');
    if !ends && !is_capitals(t) && t.split_whitespace().count() > 3 {
        // A letter that stops before its closing is not a whole letter.
        if let Some(letter) = draft.letter.as_mut()
            && letter.closing.is_none()
        {
            letter.paragraphs.push(super::placeholder(
                "the rest of the letter; the document is cut short",
            ));
        }
        draft
            .notes
            .push(crate::ui::tr!("import-cut-short", end = tail(t, 40)));
    }
}

/// The last `n` characters of a text.
pub fn tail(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    let skip = count.saturating_sub(n);
    s.char_indices().nth(skip).map_or(s, |(i, _)| &s[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn dates_are_read_in_both_orders() {
        let d = |s| date(s).date.map(|d| d.to_string());
        assert_eq!(d("1 July 2025").as_deref(), Some("2025-07-01"));
        assert_eq!(
            d("BEFORE 10 DECEMBER 2010 TO:").as_deref(),
            Some("2010-12-10")
        );
        assert_eq!(d("July 1, 2025").as_deref(), Some("2025-07-01"));
        assert_eq!(d("31 June 2025"), None);
        assert_eq!(d("as soon as possible"), None);
        assert_eq!(date("BEFORE 10 DECEMBER 2010 TO:").text, "10 DECEMBER 2010");
    }

    #[test]
    fn languages_and_own_language() {
        let (langs, own) = languages("English, Portuguese or your own language:");
        assert_eq!(
            langs,
            [
                ("English".to_string(), Some("en".to_string())),
                ("Portuguese".to_string(), Some("pt".to_string()))
            ]
        );
        assert!(own);
        let (langs, own) = languages("Klingon");
        assert_eq!(langs, [("Klingon".to_string(), None)]);
        assert!(!own);
    }

    #[test]
    fn the_cecot_target_block() {
        let c = contact(&lines(
            "The Honorable Kristi Noem\nSecretary of Homeland Security\n\n\
             U.S. Department of Homeland Security\n2707 Martin Luther King Jr. Avenue, SE\n\
             Washington, DC 20528\nUSA\n\nEmail: dhssecretary@hq.dhs.gov",
        ));
        assert_eq!(c.honorific.as_deref(), Some("The Honorable"));
        assert_eq!(c.name.as_deref(), Some("Kristi Noem"));
        assert_eq!(c.title.as_deref(), Some("Secretary of Homeland Security"));
        assert_eq!(
            c.organisation.as_deref(),
            Some("U.S. Department of Homeland Security")
        );
        assert_eq!(
            c.address,
            [
                "2707 Martin Luther King Jr. Avenue, SE",
                "Washington, DC 20528",
                "USA"
            ]
        );
        assert_eq!(c.emails, ["dhssecretary@hq.dhs.gov"]);
    }

    #[test]
    fn title_first_blocks_and_several_contacts() {
        let cs = contacts(&lines(
            "Governor of Rio de Janeiro State\nSérgio Cabral\nPalácio Guanabara\n\
             Rua Pinheiro Machado, s/n\nFax: +55 21 2334 3313\n\
             Salutation: Dear Governor/Exmo. Sr. Governador\n\n\
             Secretary of Justice\nAna Souza\nRua X, 10\nEmail: a@x.org, b@y.org\n\
             Salutation: Dear Secretary",
        ));
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].name.as_deref(), Some("Sérgio Cabral"));
        assert_eq!(
            cs[0].title.as_deref(),
            Some("Governor of Rio de Janeiro State")
        );
        assert_eq!(cs[0].organisation.as_deref(), Some("Palácio Guanabara"));
        assert_eq!(cs[0].address, ["Rua Pinheiro Machado, s/n"]);
        assert_eq!(cs[0].fax.as_deref(), Some("+55 21 2334 3313"));
        assert_eq!(cs[1].emails, ["a@x.org", "b@y.org"]);
    }

    #[test]
    fn bilingual_salutations_split_by_language() {
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
    fn titles_take_the_documents_spelling() {
        let doc = lines("They were sent to El Salvador and the CECOT.\nto stop them");
        assert_eq!(
            recase_title("STOP ILLEGAL EXPULSIONS TO EL SALVADOR", &doc).as_deref(),
            Some("Stop illegal expulsions to El Salvador")
        );
        assert_eq!(recase_title("Already cased", &doc), None);
        assert_eq!(
            slug("Stop illegal expulsions to El Salvador"),
            "stop-illegal-expulsions-to-el-salvador"
        );
        assert_eq!(
            slug("Brasil: São Paulo’s families"),
            "brasil-sao-paulos-families"
        );
    }

    #[test]
    fn the_letter_runs_from_salutation_to_closing() {
        let l = letter(&lines(
            "Email: x@y.org\n\nDear Minister,\n\nOne.\n\nTwo.\n\nYours sincerely,\n\n[Your name]",
        ))
        .unwrap();
        assert_eq!(l.salutation.as_deref(), Some("Dear Minister,"));
        assert_eq!(l.paragraphs, ["One.", "Two."]);
        assert_eq!(l.closing.as_deref(), Some("Yours sincerely,"));
    }
}
