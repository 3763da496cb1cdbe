//! Reading single facts out of a document's lines: labelled lines
//! (`Email:`, `Fax:`), email addresses and telephone numbers, dates after
//! a phrase, languages named in a sentence, UA numbers, the title's
//! spelling, and whether a line is in capitals. Each fact is copied as the
//! document writes it; what cannot be read is left out, never guessed.
//! Dates are read by `dates::read`, addresses checked by `email`, language
//! names looked up in `lang`: this module only finds where they stand.

use std::sync::LazyLock;

use super::DocDate;
use super::cues::fold;
use crate::dates::read::DateReader;

/// What a labelled line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Email,
    Fax,
    Phone,
    Salutation,
    /// Twitter, Facebook, a website: not a way to send a letter.
    Social,
    Postage,
    Address,
}

/// Labels as documents write them, folded, with the colon.
const LABELS: &[(&str, Label)] = &[
    ("email address", Label::Email),
    ("e-mail address", Label::Email),
    ("email addresses", Label::Email),
    ("via email", Label::Email),
    ("via e-mail", Label::Email),
    ("emails", Label::Email),
    ("e-mails", Label::Email),
    ("email", Label::Email),
    ("e-mail", Label::Email),
    ("mail", Label::Email),
    ("correo electrónico", Label::Email),
    ("correo-e", Label::Email),
    ("correo", Label::Email),
    ("courriel", Label::Email),
    ("mél", Label::Email),
    ("fax number", Label::Fax),
    ("fax", Label::Fax),
    ("télécopie", Label::Fax),
    ("telefax", Label::Fax),
    ("tel.", Label::Phone),
    ("tel", Label::Phone),
    ("tél.", Label::Phone),
    ("tél", Label::Phone),
    ("phone number", Label::Phone),
    ("phone", Label::Phone),
    ("telephone", Label::Phone),
    ("téléphone", Label::Phone),
    ("teléfono", Label::Phone),
    ("salutation", Label::Salutation),
    ("salutations", Label::Salutation),
    ("saludo", Label::Salutation),
    ("tratamiento", Label::Salutation),
    ("formule d'appel", Label::Salutation),
    ("twitter", Label::Social),
    ("x", Label::Social),
    ("facebook", Label::Social),
    ("instagram", Label::Social),
    ("website", Label::Social),
    ("web", Label::Social),
    ("site web", Label::Social),
    ("site", Label::Social),
    ("port", Label::Postage),
    ("postage", Label::Postage),
    ("franqueo", Label::Postage),
    ("address", Label::Address),
    ("dirección", Label::Address),
    ("adresse", Label::Address),
];

/// `Email: a@x`, `Fax : …`: the label and the value after it.
pub fn label(line: &str) -> Option<(Label, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = fold(name);
    if name.chars().count() > 24 {
        return None;
    }
    let found = LABELS.iter().find(|(l, _)| *l == name)?.1;
    Some((found, value.trim()))
}

/// Where labels stand inside one line that holds a whole contact
/// (`H.E. … New York, NY 10017 Phone: 212 687-2020 Fax: … Email: …`): the
/// text before the first label, and each labelled piece.
pub fn split_at_labels(line: &str) -> (String, Vec<(Label, String)>) {
    let lower = line.to_lowercase();
    // Byte offsets of labels that start a word, in order.
    let mut starts: Vec<(usize, usize, Label)> = Vec::new();
    for (name, kind) in LABELS {
        if name.len() < 3 {
            continue;
        }
        for (at, _) in lower.match_indices(name) {
            let before = lower[..at].chars().next_back();
            let after = &lower[at + name.len()..];
            let colon = after.trim_start_matches(' ');
            if before.is_none_or(|c| !c.is_alphanumeric()) && colon.starts_with(':') {
                let end = at + name.len() + (after.len() - colon.len()) + 1;
                starts.push((at, end, *kind));
            }
        }
    }
    starts.sort_by_key(|s| (s.0, usize::MAX - s.1));
    // Of labels at the same place (`email address`, `email`), the longest.
    starts.dedup_by_key(|s| s.0);
    let mut kept: Vec<(usize, usize, Label)> = Vec::new();
    for s in starts {
        if kept.last().is_none_or(|k| s.0 >= k.1) {
            kept.push(s);
        }
    }
    let head = kept.first().map_or(line, |k| &line[..k.0]);
    let pieces = kept
        .iter()
        .enumerate()
        .map(|(i, (_, end, kind))| {
            let stop = kept.get(i + 1).map_or(line.len(), |n| n.0);
            (*kind, line[*end..stop].trim().to_string())
        })
        .collect();
    (head.trim().to_string(), pieces)
}

/// The addresses in `a@x.org, b@y.org or c@z.org`, with `(a)` or `[at]`
/// written for `@` read as `@`. The second value is whether the text
/// holds an address a web page hid (`[email protected]`).
pub fn emails(value: &str) -> (Vec<String>, bool) {
    let hidden = value.contains("[email protected]") || value.contains("[email\u{a0}protected]");
    let value = value
        .replace("[email protected]", " ")
        .replace("(a)", "@")
        .replace("(at)", "@")
        .replace("[at]", "@");
    let found = value
        .split(|c: char| c == ',' || c == ';' || c == '/' || c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| "()<>.\"'".contains(c)))
        .map(|w| w.strip_prefix("mailto:").unwrap_or(w))
        .filter(|w| crate::email::is_address(w))
        .map(str::to_string)
        .collect();
    (found, hidden)
}

/// The telephone or fax numbers in a value: `212 687-2020 I 212 867 7086`
/// (a `|` read as `I`), `+52 55 1234 5678 / 5679`.
pub fn phones(value: &str) -> Vec<String> {
    value
        .split([';', '|'])
        .flat_map(|p| p.split(" I "))
        .flat_map(|p| p.split(" or "))
        .flat_map(|p| p.split(" / "))
        .map(|p| {
            let p = p.trim().trim_end_matches(['.', ',']).trim();
            p.strip_suffix(" I").unwrap_or(p).trim()
        })
        .filter(|p| crate::action::is_phone(p))
        .map(str::to_string)
        .collect()
}

/// The languages dates in documents are read in: those of the interface,
/// and those urgent actions are often written to.
const DATE_LANGUAGES: &[&str] = &["en", "es", "fr", "pt", "nl", "de", "it"];

/// The reader of dates in documents, built once.
fn dates() -> &'static DateReader {
    static READER: LazyLock<DateReader> =
        LazyLock::new(|| DateReader::with_abbreviations(DATE_LANGUAGES));
    &READER
}

/// The first date in `text`, whole or not; `None` when there is none.
pub fn first_date(text: &str) -> Option<DocDate> {
    let found = dates().dates(text).into_iter().next()?;
    Some(DocDate {
        text: text[found.at.clone()].to_string(),
        date: found.whole(),
    })
}

/// The date a phrase ending at byte `after` of `text` introduces: one
/// that starts within a few words after it.
pub fn date_after(text: &str, after: usize) -> Option<DocDate> {
    // A date a few words on: reading no further keeps each phrase's cost
    // bounded, however long the line.
    let mut end = (after + 80).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let rest = &text[after..end];
    let found = dates().dates(rest).into_iter().next()?;
    let between = &rest[..found.at.start];
    if between.split_whitespace().count() > 3 || between.contains(['.', ';']) {
        return None;
    }
    Some(DocDate {
        text: rest[found.at.clone()].to_string(),
        date: found.whole(),
    })
}

/// A date written alone: the line is little more than the date.
pub fn is_date_line(t: &str) -> bool {
    first_date(t).is_some_and(|d| d.text.len() + 6 >= t.trim().len())
}

/// `Apeldoorn, April 2020.`: a place and a date above a letter.
pub fn is_place_and_date(t: &str) -> bool {
    let Some(d) = first_date(t) else {
        return false;
    };
    let (place, _) = t.split_once(&d.text).unwrap_or((t, ""));
    let place = place.trim().trim_end_matches(',').trim();
    t.chars().count() <= 60
        && place.split_whitespace().count() <= 4
        && place.chars().next().is_some_and(char::is_uppercase)
        && !place.contains(':')
}

/// The tag of a language named in English, Spanish or French, or in
/// itself (`Portuguese`, `portugués`, `anglais`, `Deutsch`), from CLDR's
/// names (see `lang::from_name`).
pub fn language_tag(name: &str) -> Option<String> {
    let name = name.trim();
    let name = ["en ", "in ", "el ", "le "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    crate::lang::from_name(name)
}

/// Words that say one's own language is welcome.
const OWN_LANGUAGE: &[&str] = &[
    "own language",
    "propio idioma",
    "propia lengua",
    "su idioma",
    "propre langue",
    "votre langue",
];

/// Languages named in `English, Portuguese or your own language`: each
/// name with its tag, and whether one's own language is welcome.
pub fn languages(text: &str) -> (Vec<(String, Option<String>)>, bool) {
    let mut own = false;
    let mut found = Vec::new();
    let text = text.trim().trim_end_matches([':', '.', '!']);
    for part in text.split([',', '/', ';']) {
        for part in split_words(part, &[" or ", " and ", " o ", " y ", " ou ", " et "]) {
            let part = part.trim();
            let f = fold(part);
            if f.is_empty() {
                continue;
            }
            if OWN_LANGUAGE.iter().any(|o| f.contains(o)) {
                own = true;
                continue;
            }
            let name = ["or ", "o ", "ou ", "in ", "en ", "dans "]
                .iter()
                .find_map(|p| part.strip_prefix(p))
                .unwrap_or(part)
                .trim();
            if name.split_whitespace().count() > 3 {
                continue;
            }
            found.push((name.to_string(), language_tag(name)));
        }
    }
    (found, own)
}

fn split_words<'a>(text: &'a str, words: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![text];
    for w in words {
        parts = parts.into_iter().flat_map(|p| p.split(w)).collect();
    }
    parts
}

/// Where a UA number is in a line: `UA 229/10`, `UA: 3/13`, `UA 103.22`,
/// `Urgent Action 83.21`, `AU 12/24`. Returns the byte range from the
/// start of `UA` (or `Urgent Action`) to the end of the number.
pub fn ua_number(line: &str) -> Option<std::ops::Range<usize>> {
    for key in ["UA", "AU", "Urgent Action", "URGENT ACTION"] {
        let mut from = 0;
        while let Some(found) = line[from..].find(key) {
            let at = from + found;
            from = at + key.len();
            let before = line[..at].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &line[at + key.len()..];
            let trimmed = rest.trim_start_matches([':', ' ']);
            let digits = trimmed
                .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
                .unwrap_or(trimmed.len());
            let number = trimmed[..digits].trim_end_matches('.');
            let Some((a, b)) = number.split_once(['/', '.']) else {
                continue;
            };
            let ok =
                |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
            if ok(a) && ok(b) && number.matches(['/', '.']).count() == 1 {
                let end = at + key.len() + (rest.len() - trimmed.len()) + number.len();
                return Some(at..end);
            }
        }
    }
    None
}

/// `MDE 23/001/2015`, `AMR 37/6674/2017`: an index number.
pub fn index_number(t: &str) -> Option<&str> {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let (a, b) = (
            w[0].trim_start_matches('('),
            w[1].trim_end_matches([')', ',', '.']),
        );
        let code = a.len() == 3 && a.chars().all(|c| c.is_ascii_uppercase());
        let number =
            b.matches('/').count() == 2 && b.chars().all(|c| c.is_ascii_digit() || c == '/');
        (code && number).then(|| {
            let start = t.find(a).unwrap_or(0);
            &t[start..start + a.len() + 1 + b.len()]
        })
    })
}

/// An all-capitals title in the document's own spelling of each word: the
/// form the word most often takes elsewhere, outside lines in capitals.
/// The first word starts with a capital. `None` when the title is not in
/// capitals.
pub fn recase_title<'a>(title: &str, lines: impl Iterator<Item = &'a str>) -> Option<String> {
    if !is_capitals(title) {
        return None;
    }
    let mut counts: std::collections::HashMap<String, Vec<(String, usize)>> =
        std::collections::HashMap::new();
    for line in lines.filter(|l| !is_capitals(l)) {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            if word.is_empty() {
                continue;
            }
            let forms = counts.entry(word.to_lowercase()).or_default();
            match forms.iter().position(|(f, _)| f == word) {
                Some(at) => forms[at].1 += 1,
                None if forms.len() < 8 => forms.push((word.to_string(), 1)),
                None => {}
            }
        }
    }
    let mut out = String::with_capacity(title.len());
    let mut word = String::new();
    let mut first = true;
    let mut flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let form = counts
            .get(&word.to_lowercase())
            .and_then(|forms| forms.iter().max_by_key(|(_, n)| *n))
            .map(|(f, _)| f.clone())
            .unwrap_or_else(|| word.to_lowercase());
        if first {
            let mut chars = form.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
            first = false;
        } else {
            out.push_str(&form);
        }
        word.clear();
    };
    for c in title.trim().chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    Some(out)
}

/// A shouted line in sentence case, its words unchanged but for their
/// case: `ALSO SEND COPIES TO …` is `Also send copies to …`.
pub fn sentence_case(line: &str) -> String {
    let lower = line.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
        if out.len() > 120 {
            break;
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > 60 {
        let cut = out[..60].rfind('-').unwrap_or(60);
        out.truncate(cut);
    }
    out
}

/// The last `n` characters of a text.
pub fn tail(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    let skip = count.saturating_sub(n);
    s.char_indices().nth(skip).map_or(s, |(i, _)| &s[i..])
}

/// A line written all in capitals, with at least two letters: a heading.
pub fn is_capitals(t: &str) -> bool {
    let mut letters = 0;
    for c in t.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// A date read from a labelled value, as a [`DocDate`].
pub fn date_of(text: &str) -> DocDate {
    first_date(text).unwrap_or_else(|| DocDate {
        text: text.trim().to_string(),
        date: None,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn labels_in_english_spanish_and_french() {
        assert_eq!(label("Email: a@b.org"), Some((Label::Email, "a@b.org")));
        assert_eq!(label("E-mail : x"), Some((Label::Email, "x")));
        assert_eq!(label("Via email: x"), Some((Label::Email, "x")));
        assert_eq!(
            label("Fax :      031 350 17 99"),
            Some((Label::Fax, "031 350 17 99"))
        );
        assert_eq!(label("Correo electrónico: x"), Some((Label::Email, "x")));
        assert_eq!(
            label("Salutation: Dear Minister"),
            Some((Label::Salutation, "Dear Minister"))
        );
        assert_eq!(label("The minister said: no"), None);
    }

    #[test]
    fn a_contact_on_one_line_is_split_at_its_labels() {
        let (head, pieces) = split_at_labels(
            "H.E. Majid Takht Ravanchi Permanent Mission 622 Third Avenue, New York, NY 10017 \
             Phone: 212 687-2020 I Fax: 212 867 7086 Email: [email protected] , [email protected] \
             Twitter: @Iran_UN Salutation: Dear Ambassador",
        );
        assert_eq!(
            head,
            "H.E. Majid Takht Ravanchi Permanent Mission 622 Third Avenue, New York, NY 10017"
        );
        let kinds: Vec<Label> = pieces.iter().map(|p| p.0).collect();
        assert_eq!(
            kinds,
            [
                Label::Phone,
                Label::Fax,
                Label::Email,
                Label::Social,
                Label::Salutation
            ]
        );
        assert_eq!(phones(&pieces[0].1), ["212 687-2020"]);
        assert_eq!(pieces[4].1, "Dear Ambassador");
        assert_eq!(emails(&pieces[2].1), (vec![], true));
    }

    #[test]
    fn emails_written_with_a_for_at() {
        assert_eq!(
            emails("info(a)pmo.gov.pk / secretary(a)cabinet.gov.pk").0,
            ["info@pmo.gov.pk", "secretary@cabinet.gov.pk"]
        );
        assert_eq!(
            emails("a@x.org, b@y.org or <c@z.org>.").0,
            ["a@x.org", "b@y.org", "c@z.org"]
        );
    }

    #[test]
    fn dates_after_a_phrase() {
        let text = "PLEASE SEND APPEALS BEFORE 10 DECEMBER 2010 TO:";
        let d = date_after(text, "PLEASE SEND APPEALS BEFORE".len()).unwrap();
        assert_eq!(d.text, "10 DECEMBER 2010");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2010, 12, 10));
        let fr = "Délai d'envoi: 15 décembre 2019 !";
        assert_eq!(
            date_after(fr, 14).unwrap().date,
            NaiveDate::from_ymd_opt(2019, 12, 15)
        );
        let us = "This Urgent Action expires on June 1 2023.";
        let at = "This Urgent Action expires on".len();
        assert_eq!(
            date_after(us, at).unwrap().date,
            NaiveDate::from_ymd_opt(2023, 6, 1)
        );
        let es = "antes del 15 de mayo de 2024";
        assert_eq!(
            date_after(es, 9).unwrap().date,
            NaiveDate::from_ymd_opt(2024, 5, 15)
        );
        assert!(date_after("until the authorities act. On 3 May 2020 they did.", 5).is_none());
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
        let (langs, own) = languages("en español o en su propio idioma");
        assert_eq!(langs, [("español".to_string(), Some("es".to_string()))]);
        assert!(own);
        let (langs, _) = languages("Martian");
        assert_eq!(langs, [("Martian".to_string(), None)]);
    }

    #[test]
    fn ua_numbers_are_found() {
        let at = |l: &str| ua_number(l).map(|r| l[r].to_string());
        assert_eq!(
            at("UA: 229/10 Index: AMR 19/015/2010").as_deref(),
            Some("UA: 229/10")
        );
        assert_eq!(at("6th Update UA 3/13").as_deref(), Some("UA 3/13"));
        assert_eq!(
            at("Urgent Action 83.21.").as_deref(),
            Some("Urgent Action 83.21")
        );
        assert_eq!(at("(Iran: UA 83.21)").as_deref(), Some("UA 83.21"));
        assert_eq!(at("UAE 3/13"), None);
        assert_eq!(
            index_number("Index: AMR 19/015/2010 Brazil"),
            Some("AMR 19/015/2010")
        );
    }

    #[test]
    fn titles_take_the_documents_spelling() {
        let doc = [
            "They were sent to El Salvador and the CECOT.",
            "to stop them",
        ];
        assert_eq!(
            recase_title("STOP ILLEGAL EXPULSIONS TO EL SALVADOR", doc.into_iter()).as_deref(),
            Some("Stop illegal expulsions to El Salvador")
        );
        assert_eq!(recase_title("Already cased", doc.into_iter()), None);
        assert_eq!(
            slug("Brasil: São Paulo’s families"),
            "brasil-sao-paulos-families"
        );
    }
}
