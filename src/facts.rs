//! The facts a translated paragraph must keep from its source paragraph:
//! every number, date, email address and URL. Pure text in, a list of what
//! the translation lacks out; `appeal check` reports it.
//!
//! Numbers are compared by value, whatever their digit grouping (`120,000`,
//! `120.000`, `120 000`) or decimal mark (`1.5`, `1,5`). Dates are compared
//! once read as dates, in each text's own language (`16 March`,
//! `16 de marzo`, `16 mars`, `March 16`, `1er mai 2025`, `2025-03-16`), and
//! the numbers a date is written with count as the date, not as numbers.
//! Month names are those letters write dates with (CLDR's, through
//! `dates`), so every language they know is read, not only en, es and fr.
//! Emails and URLs are found by `linkify`, and the digits inside them are
//! part of the address, not numbers.
//!
//! Each fact must appear at least once: a translation may name a date once
//! where its source repeats it.

use std::collections::HashMap;

use chrono::NaiveDate;
use linkify::{LinkFinder, LinkKind};

/// A fact of the source paragraph that its translation lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A number, as the source writes it: `17`, `120,000`.
    Number(String),
    Date(TextDate),
    Email(String),
    Url(String),
}

/// A date as a text gives it: a day of a month with or without its year
/// (`16 March`, `16 March 2025`), or a month of a year (`March 2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

impl TextDate {
    /// Whether `other` says this date: every part this one gives is the
    /// same there. `16 March` is said by `16 de marzo de 2025`; `16 March
    /// 2025` is not said by `16 de marzo`, which lacks the year.
    fn said_by(&self, other: &TextDate) -> bool {
        self.month == other.month
            && self.day.is_none_or(|d| other.day == Some(d))
            && self.year.is_none_or(|y| other.year == Some(y))
    }

    fn is_valid(&self) -> bool {
        // 2000 is a leap year: a date with no year may be 29 February.
        let year = self.year.unwrap_or(2000);
        NaiveDate::from_ymd_opt(year, self.month, self.day.unwrap_or(1)).is_some()
    }
}

/// What `source` (in `source_lang`) states that `translation` (in
/// `translation_lang`) does not, each fact once, in the source's order.
pub fn missing(
    source: &str,
    source_lang: &str,
    translation: &str,
    translation_lang: &str,
) -> Vec<Missing> {
    let kept = read(translation, translation_lang);
    let mut out: Vec<Missing> = Vec::new();
    for fact in read(source, source_lang) {
        if kept.iter().any(|k| fact.said_by(k)) {
            continue;
        }
        let m = fact.into_missing();
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

/// One fact found in a text.
#[derive(Debug, Clone, PartialEq)]
enum Fact {
    /// `value` is the number with no grouping and `.` as the decimal mark.
    Number {
        value: String,
        written: String,
    },
    Date(TextDate),
    Email(String),
    Url(String),
}

impl Fact {
    fn said_by(&self, other: &Fact) -> bool {
        match (self, other) {
            (Fact::Number { value: a, .. }, Fact::Number { value: b, .. }) => a == b,
            (Fact::Date(a), Fact::Date(b)) => a.said_by(b),
            (Fact::Email(a), Fact::Email(b)) => a.eq_ignore_ascii_case(b),
            (Fact::Url(a), Fact::Url(b)) => a == b,
            _ => false,
        }
    }

    fn into_missing(self) -> Missing {
        match self {
            Fact::Number { written, .. } => Missing::Number(written),
            Fact::Date(d) => Missing::Date(d),
            Fact::Email(e) => Missing::Email(e),
            Fact::Url(u) => Missing::Url(u),
        }
    }
}

/// Every fact of `text`, in order.
fn read(text: &str, lang: &str) -> Vec<Fact> {
    let months = month_names(lang);
    let mut facts = Vec::new();
    for span in LinkFinder::new().spans(text) {
        match span.kind() {
            Some(LinkKind::Email) => facts.push(Fact::Email(span.as_str().to_string())),
            Some(LinkKind::Url) => facts.push(Fact::Url(span.as_str().to_string())),
            // Each stretch between links is read on its own, so that no
            // date or number runs across an address.
            _ => read_prose(span.as_str(), &months, &mut facts),
        }
    }
    facts
}

/// A date found in a text, and the bytes it takes there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub date: TextDate,
    pub at: std::ops::Range<usize>,
}

impl FoundDate {
    /// The date, when the text gives its day, month and year.
    pub fn whole(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.date.year?, self.date.month, self.date.day?)
    }
}

/// Every date in `text`, with the month names of any of `langs` (full or
/// abbreviated, `Dec.` included), in order.
pub fn find_dates(text: &str, langs: &[&str]) -> Vec<FoundDate> {
    let mut months: HashMap<String, u32> = HashMap::new();
    for lang in langs {
        months.extend(month_names(lang));
        months.extend(short_month_names(lang));
    }
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match date_at(&tokens, i, &months) {
            Some((date, next)) => {
                let end = tokens[next - 1].end;
                // `Dec.`: the abbreviation's dot is part of the date.
                out.push(FoundDate {
                    date,
                    at: tokens[i].start..end,
                });
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The abbreviated month names of `lang`, lower-cased and without dots
/// (`dec`, `dic`, `déc`), of three letters or more.
fn short_month_names(lang: &str) -> HashMap<String, u32> {
    (1..=12)
        .zip(crate::dates::short_month_names(lang))
        .map(|(m, name)| (name.trim_end_matches('.').to_lowercase(), m))
        .filter(|(name, _)| name.chars().count() >= 3)
        .collect()
}

/// The full month names of `lang`, lower-cased, as its dates write them
/// (English for a language CLDR doesn't name months for).
fn month_names(lang: &str) -> HashMap<String, u32> {
    (1..=12)
        .zip(crate::dates::month_names(lang))
        .map(|(m, name)| (name.to_lowercase(), m))
        .collect()
}

fn read_prose(text: &str, months: &HashMap<String, u32>, facts: &mut Vec<Fact>) {
    let tokens = tokenize(text);
    let mut i = 0;
    while i < tokens.len() {
        if let Some((date, next)) = date_at(&tokens, i, months) {
            facts.push(Fact::Date(date));
            i = next;
            continue;
        }
        if let Kind::Number { value, .. } = &tokens[i].kind {
            facts.push(Fact::Number {
                value: value.clone(),
                written: text[tokens[i].start..tokens[i].end].to_string(),
            });
        }
        i += 1;
    }
}

#[derive(Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

#[derive(Debug, PartialEq)]
enum Kind {
    /// `plain` when written with digits only, as a day or a year is.
    Number { value: String, plain: bool },
    /// Lower-cased letters: `marzo`, `er` (of `1er`), `º`.
    Word(String),
    /// Any other character but a space.
    Mark(char),
}

impl Token {
    fn plain_number(&self) -> Option<&str> {
        match &self.kind {
            Kind::Number { value, plain: true } => Some(value),
            _ => None,
        }
    }

    fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let (value, plain, end) = read_number(text, start);
            while chars.peek().is_some_and(|&(at, _)| at < end) {
                chars.next();
            }
            tokens.push(Token {
                kind: Kind::Number { value, plain },
                start,
                end,
            });
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(at, c)) = chars.peek() {
                if !c.is_alphabetic() {
                    break;
                }
                end = at + c.len_utf8();
                chars.next();
            }
            tokens.push(Token {
                kind: Kind::Word(text[start..end].to_lowercase()),
                start,
                end,
            });
        } else {
            chars.next();
            if !c.is_whitespace() {
                tokens.push(Token {
                    kind: Kind::Mark(c),
                    start,
                    end: start + c.len_utf8(),
                });
            }
        }
    }
    tokens
}

/// Separators between groups of three digits: `120,000` (en), `120.000`
/// (es), `120 000` with a space, a no-break space, a narrow no-break space
/// or a thin space (fr), `120'000` (de-CH).
const GROUP_SEPARATORS: [char; 8] = [
    ',', '.', ' ', '\u{A0}', '\u{202F}', '\u{2009}', '\'', '\u{2019}',
];

/// Reads the number starting at byte `start` of `text`: its value with no
/// grouping and `.` as decimal mark, whether it is digits only, and where
/// it ends. A separator groups digits when the number opens with one to
/// three digits and every group after it has exactly three, all with the
/// same separator; so `2025 300` stays two numbers. After the groups, a `.`
/// or `,` other than the grouping one, followed by digits, is the decimal
/// mark: `120,000.5`, `120.000,5`, `1,5`. Hence `1,500` reads as 1500 in
/// every language, as an English or a Spanish reader would mostly mean.
fn read_number(text: &str, start: usize) -> (String, bool, usize) {
    let bytes = text.as_bytes();
    let digits_from = |at: usize| {
        bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let first = digits_from(start);
    let mut value = text[start..start + first].to_string();
    let mut end = start + first;
    let mut grouped_by: Option<char> = None;
    if first <= 3 {
        while let Some(sep) = text[end..].chars().next() {
            let after = end + sep.len_utf8();
            let same = grouped_by.is_none_or(|g| g == sep);
            if !GROUP_SEPARATORS.contains(&sep) || !same || digits_from(after) != 3 {
                break;
            }
            value.push_str(&text[after..after + 3]);
            grouped_by = Some(sep);
            end = after + 3;
        }
    }
    let mut plain = grouped_by.is_none();
    if let Some(mark @ ('.' | ',')) = text[end..].chars().next()
        && grouped_by != Some(mark)
    {
        let fraction = digits_from(end + 1);
        if fraction > 0 {
            value.push('.');
            value.push_str(&text[end + 1..end + 1 + fraction]);
            end += 1 + fraction;
            plain = false;
        }
    }
    (value, plain, end)
}

/// The date that starts at token `i`, if one does, and the token after it.
fn date_at(tokens: &[Token], i: usize, months: &HashMap<String, u32>) -> Option<(TextDate, usize)> {
    let date = iso_date_at(tokens, i)
        .or_else(|| day_month_at(tokens, i, months))
        .or_else(|| month_first_at(tokens, i, months))?;
    date.0.is_valid().then_some(date)
}

/// `2025-03-16`.
fn iso_date_at(tokens: &[Token], i: usize) -> Option<(TextDate, usize)> {
    let t = tokens.get(i..i + 5)?;
    let joined = t.windows(2).all(|w| w[0].end == w[1].start);
    let dashes = t[1].kind == Kind::Mark('-') && t[3].kind == Kind::Mark('-');
    let (y, m, d) = (
        t[0].plain_number()?,
        t[2].plain_number()?,
        t[4].plain_number()?,
    );
    if !joined || !dashes || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let date = TextDate {
        year: y.parse().ok(),
        month: m.parse().ok()?,
        day: d.parse().ok(),
    };
    Some((date, i + 5))
}

/// `16 March`, `16 March 2025`, `16th of March`, `16 de marzo de 2025`,
/// `1er mai 2025`, `1.º de mayo`.
fn day_month_at(
    tokens: &[Token],
    i: usize,
    months: &HashMap<String, u32>,
) -> Option<(TextDate, usize)> {
    let (day, next) = day_at(tokens, i)?;
    let (month, next) = month_at(tokens, connector(tokens, next), months)?;
    let (year, next) = year_after(tokens, next, next);
    let date = TextDate {
        year,
        month,
        day: Some(day),
    };
    Some((date, next))
}

/// `March 16`, `March 16, 2025`, `March 16th`, and `March 2025`,
/// `marzo de 2025`.
fn month_first_at(
    tokens: &[Token],
    i: usize,
    months: &HashMap<String, u32>,
) -> Option<(TextDate, usize)> {
    let (month, next) = month_at(tokens, i, months)?;
    if let Some((day, next)) = day_at(tokens, next) {
        let comma = usize::from(tokens.get(next).is_some_and(|t| t.kind == Kind::Mark(',')));
        let (year, next) = year_after(tokens, next + comma, next);
        let date = TextDate {
            year,
            month,
            day: Some(day),
        };
        return Some((date, next));
    }
    let (year, next) = year_at(tokens, connector(tokens, next))?;
    let date = TextDate {
        year: Some(year),
        month,
        day: None,
    };
    Some((date, next))
}

/// A day of the month, with the ordinal ending some languages write right
/// after it: `1st`, `16th`, `1er`, `1ᵉʳ`, `1º`, `1.º`, `1ro`.
fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    let digits = t.plain_number()?;
    let day: u32 = digits.parse().ok()?;
    if digits.len() > 2 || !(1..=31).contains(&day) {
        return None;
    }
    let joined = |at: usize| tokens.get(at).filter(|n| n.start == tokens[at - 1].end);
    let ordinal = |n: &Token| {
        matches!(
            n.word(),
            Some("st" | "nd" | "rd" | "th" | "er" | "ᵉʳ" | "o" | "ro" | "º")
        ) || n.kind == Kind::Mark('°')
    };
    let next = match joined(i + 1) {
        Some(n) if ordinal(n) => i + 2,
        Some(n) if n.kind == Kind::Mark('.') && joined(i + 2).is_some_and(ordinal) => i + 3,
        _ => i + 1,
    };
    Some((day, next))
}

fn month_at(tokens: &[Token], i: usize, months: &HashMap<String, u32>) -> Option<(u32, usize)> {
    let word = tokens.get(i)?.word()?;
    let month = months.get(word)?;
    // An abbreviation's dot: `Dec. 10`.
    let dot = word.chars().count() <= 4
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Mark('.') && t.start == tokens[i].end);
    Some((*month, i + 1 + usize::from(dot)))
}

/// The year that may close a date at token `i` (after `de` or `of`, if
/// either), and the token after the date: after the year, or `end`.
fn year_after(tokens: &[Token], i: usize, end: usize) -> (Option<i32>, usize) {
    match year_at(tokens, connector(tokens, i)) {
        Some((year, after)) => (Some(year), after),
        None => (None, end),
    }
}

fn year_at(tokens: &[Token], i: usize) -> Option<(i32, usize)> {
    let digits = tokens.get(i)?.plain_number()?;
    if digits.len() != 4 {
        return None;
    }
    Some((digits.parse().ok()?, i + 1))
}

/// Skips the word that joins a date's parts: `de marzo de 2025`, `del
/// 2025`, `16th of March`.
fn connector(tokens: &[Token], i: usize) -> usize {
    match tokens.get(i).and_then(Token::word) {
        Some("de" | "del" | "of") => i + 1,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(n: &str) -> Missing {
        Missing::Number(n.to_string())
    }

    fn date(year: Option<i32>, month: u32, day: Option<u32>) -> Missing {
        Missing::Date(TextDate { year, month, day })
    }

    #[test]
    fn a_number_turned_round_is_caught() {
        let en = "On 30 March, an additional 17 individuals were deported.";
        let es = "El 30 de marzo, otras 71 personas fueron deportadas.";
        assert_eq!(missing(en, "en", es, "es"), [number("17")]);
        let right = "El 30 de marzo, otras 17 personas fueron deportadas.";
        assert_eq!(missing(en, "en", right, "es"), []);
    }

    #[test]
    fn a_dropped_email_or_url_is_caught() {
        let en = "Write to dhssecretary@hq.dhs.gov or see https://www.amnesty.org/en/documents/amr51/9206/2025/en/.";
        let fr = "Écrivez à l’adresse indiquée ou voyez https://www.amnesty.org/en/documents/amr51/9206/2025/en/.";
        assert_eq!(
            missing(en, "en", fr, "fr"),
            [Missing::Email("dhssecretary@hq.dhs.gov".to_string())]
        );
        let es = "Escriba a DHSSecretary@hq.dhs.gov.";
        assert_eq!(
            missing(en, "en", es, "es"),
            [Missing::Url(
                "https://www.amnesty.org/en/documents/amr51/9206/2025/en/".to_string()
            )],
            "the email matches whatever its case; the URL's digits are not numbers"
        );
    }

    #[test]
    fn dates_are_compared_as_dates_across_languages() {
        let en = "On 16 March, and on March 16, and on 15 March 2025.";
        let es = "El 16 de marzo de 2025 y el 15 de marzo de 2025.";
        let fr = "Le 16 mars, puis le 15 mars 2025.";
        assert_eq!(missing(en, "en", es, "es"), []);
        assert_eq!(missing(en, "en", fr, "fr"), []);
        assert_eq!(missing(fr, "fr", en, "en"), []);
        assert_eq!(
            missing("Le 1er mai 2025.", "fr", "On 1 May 2025.", "en"),
            []
        );
        assert_eq!(
            missing("On May 1st, 2025.", "en", "El 1.º de mayo de 2025.", "es"),
            []
        );
        assert_eq!(
            missing("On 2025-05-01.", "en", "Le 1er mai 2025.", "fr"),
            []
        );
        assert_eq!(
            missing("In March 2025.", "en", "En marzo de 2025.", "es"),
            []
        );
    }

    #[test]
    fn a_wrong_or_shortened_date_is_the_date_missing_not_its_numbers() {
        let en = "On 16 March 2025, 238 people were expelled.";
        let es = "El 17 de marzo de 2025 se expulsó a 238 personas.";
        assert_eq!(missing(en, "en", es, "es"), [date(Some(2025), 3, Some(16))]);
        let no_year = "El 16 de marzo se expulsó a 238 personas.";
        assert_eq!(
            missing(en, "en", no_year, "es"),
            [date(Some(2025), 3, Some(16))]
        );
        let fr = "Le 16 avril 2025, 238 personnes ont été expulsées.";
        assert_eq!(missing(en, "en", fr, "fr"), [date(Some(2025), 3, Some(16))]);
    }

    #[test]
    fn grouping_and_decimal_marks_do_not_change_a_number() {
        let en = "Over 120,000 people, 1.5 million, 50 USC 21.";
        for (text, lang) in [
            ("Más de 120.000 personas, 1,5 millones, 50 USC 21.", "es"),
            ("Más de 120 000 personas, 1,5 millones, 50 USC 21.", "es"),
            (
                "Plus de 120\u{A0}000 personnes, 1,5 million, 50 USC 21.",
                "fr",
            ),
            (
                "Plus de 120\u{202F}000 personnes, 1,5 million, 50 USC 21.",
                "fr",
            ),
            ("Über 120'000 Personen, 1,5 Millionen, 50 USC 21.", "de"),
        ] {
            assert_eq!(missing(en, "en", text, lang), [], "{text}");
        }
        let wrong = "Más de 12.000 personas, 15 millones, 50 USC 12.";
        assert_eq!(
            missing(en, "en", wrong, "es"),
            [number("120,000"), number("1.5"), number("21")]
        );
    }

    #[test]
    fn digits_read_as_groups_only_in_groups_of_three() {
        let values = |text| -> Vec<String> {
            read(text, "en")
                .into_iter()
                .filter_map(|f| match f {
                    Fact::Number { value, .. } => Some(value),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(values("In 2025 300 died"), ["2025", "300"]);
        assert_eq!(values("1,2345 and 12,34"), ["1.2345", "12.34"]);
        assert_eq!(
            values("1,000,000.25 or 1.000.000,25"),
            ["1000000.25", "1000000.25"]
        );
        assert_eq!(values("items 3, 500 and 7."), ["3", "500", "7"]);
    }

    #[test]
    fn an_impossible_date_stays_numbers() {
        assert_eq!(
            missing("On 31 February, 4 people.", "en", "4 personas.", "es"),
            [number("31")]
        );
    }

    #[derive(serde::Deserialize)]
    struct Source {
        summary: String,
        background: String,
        letters: HashMap<String, Letter>,
    }

    #[derive(serde::Deserialize)]
    struct Letter {
        body: String,
    }

    #[derive(serde::Deserialize)]
    struct Translation {
        summary: String,
        background: String,
        body: String,
    }

    fn paragraphs(text: &str) -> Vec<&str> {
        text.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// Every fact of `source`'s paragraphs, paragraph by paragraph.
    fn check(source: &str, translation: &str, lang: &str) -> Vec<(usize, Vec<Missing>)> {
        let (s, t) = (paragraphs(source), paragraphs(translation));
        assert_eq!(s.len(), t.len(), "paragraphs of the {lang} translation");
        s.iter()
            .zip(&t)
            .enumerate()
            .map(|(i, (s, t))| (i + 1, missing(s, "en", t, lang)))
            .filter(|(_, m)| !m.is_empty())
            .collect()
    }

    #[test]
    fn cecots_translations_keep_every_fact() {
        let source: Source = serde_saphyr::from_str(include_str!("../actions/cecot.yaml")).unwrap();
        let en = &source.letters["en"].body;
        for (lang, text) in [
            ("es", include_str!("../actions/cecot.es.yaml")),
            ("fr", include_str!("../actions/cecot.fr.yaml")),
        ] {
            let t: Translation = serde_saphyr::from_str(text).unwrap();
            assert_eq!(
                check(&source.summary, &t.summary, lang),
                [],
                "{lang} summary"
            );
            assert_eq!(
                check(&source.background, &t.background, lang),
                [],
                "{lang} background"
            );
            assert_eq!(check(en, &t.body, lang), [], "{lang} letter");
        }
        // The check is not vacuous: the background has facts to keep.
        let facts = read(&source.background, "en");
        assert!(facts.contains(&Fact::Date(TextDate {
            year: Some(2025),
            month: 3,
            day: Some(15)
        })));
        assert!(
            facts
                .iter()
                .any(|f| matches!(f, Fact::Number { value, .. } if value == "120000"))
        );
    }

    #[test]
    fn cecots_spanish_background_with_17_turned_to_71_is_caught() {
        let source: Source = serde_saphyr::from_str(include_str!("../actions/cecot.yaml")).unwrap();
        let es: Translation =
            serde_saphyr::from_str(include_str!("../actions/cecot.es.yaml")).unwrap();
        assert!(es.background.contains("otras 17 personas"));
        let wrong = es
            .background
            .replace("otras 17 personas", "otras 71 personas");
        assert_eq!(
            check(&source.background, &wrong, "es"),
            [(3, vec![number("17")])]
        );
    }
}
