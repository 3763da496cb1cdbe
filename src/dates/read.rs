//! Dates as prose writes them, in any language CLDR names months for:
//! `16 March`, `16 de marzo de 2025`, `1er mai 2025`, `March 16, 2025`,
//! `Dec. 10`, `March 2025`, `2025-03-16`. One reader serves the importer
//! (the dates of a document) and the fact check (the dates a translation
//! must keep).
//!
//! A date is written with numbers, so the reader reads numbers on the way:
//! whatever their digit grouping (`120,000`, `120.000`, `120 000`) or
//! decimal mark (`1.5`, `1,5`). It hands out the numbers outside dates
//! too, in the text's order, for a reader that wants both.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

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
    pub fn said_by(&self, other: &TextDate) -> bool {
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

/// A date found in a text, and the bytes it takes there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub date: TextDate,
    pub at: Range<usize>,
}

impl FoundDate {
    /// The date, when the text gives its day, month and year.
    pub fn whole(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.date.year?, self.date.month, self.date.day?)
    }
}

/// What the reader finds, in the text's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    Date(FoundDate),
    /// A number outside any date: `value` has no grouping and `.` as the
    /// decimal mark (`120000`, `1.5`).
    Number {
        value: String,
        at: Range<usize>,
    },
}

/// Reads dates with the month names of some languages.
#[derive(Debug, Clone)]
pub struct DateReader {
    months: HashMap<String, u32>,
}

impl DateReader {
    /// A reader of dates whose months are written in full, as a letter in
    /// one of `langs` writes them (English for a language CLDR doesn't
    /// name months for).
    pub fn new(langs: &[&str]) -> Self {
        let mut months = HashMap::new();
        for lang in langs {
            months.extend(month_names(lang));
        }
        DateReader { months }
    }

    /// A reader of dates whose months are written in full or abbreviated
    /// (`Dec.`, `dic`, `déc.`), in any of `langs`.
    pub fn with_abbreviations(langs: &[&str]) -> Self {
        let mut reader = DateReader::new(langs);
        for lang in langs {
            reader.months.extend(short_month_names(lang));
        }
        reader
    }

    /// Every date in `text`, in order.
    pub fn dates(&self, text: &str) -> Vec<FoundDate> {
        self.figures(text)
            .into_iter()
            .filter_map(|f| match f {
                Figure::Date(d) => Some(d),
                Figure::Number { .. } => None,
            })
            .collect()
    }

    /// Every date of `text` and every number outside them, in order. The
    /// numbers a date is written with belong to the date.
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        let tokens = tokenize(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((date, next)) = date_at(&tokens, i, &self.months) {
                // `Dec.`: the abbreviation's dot is part of the date.
                let at = tokens[i].start..tokens[next - 1].end;
                out.push(Figure::Date(FoundDate { date, at }));
                i = next;
                continue;
            }
            if let Kind::Number { value, .. } = &tokens[i].kind {
                let at = tokens[i].start..tokens[i].end;
                out.push(Figure::Number {
                    value: value.clone(),
                    at,
                });
            }
            i += 1;
        }
        out
    }
}

/// The abbreviated month names of `lang`, lower-cased and without dots
/// (`dec`, `dic`, `déc`), of three letters or more.
fn short_month_names(lang: &str) -> HashMap<String, u32> {
    (1..=12)
        .zip(super::short_month_names(lang))
        .map(|(m, name)| (name.trim_end_matches('.').to_lowercase(), m))
        .filter(|(name, _)| name.chars().count() >= 3)
        .collect()
}

/// The full month names of `lang`, lower-cased, as its dates write them.
fn month_names(lang: &str) -> HashMap<String, u32> {
    (1..=12)
        .zip(super::month_names(lang))
        .map(|(m, name)| (name.to_lowercase(), m))
        .collect()
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

    fn read(text: &str, langs: &[&str]) -> Vec<(Option<i32>, u32, Option<u32>)> {
        DateReader::with_abbreviations(langs)
            .dates(text)
            .into_iter()
            .map(|d| (d.date.year, d.date.month, d.date.day))
            .collect()
    }

    #[test]
    fn reads_dates_as_each_language_writes_them() {
        assert_eq!(
            read("On 16 March 2025.", &["en"]),
            [(Some(2025), 3, Some(16))]
        );
        assert_eq!(
            read("El 1.º de mayo de 2025.", &["es"]),
            [(Some(2025), 5, Some(1))]
        );
        assert_eq!(
            read("Le 1er mai 2025.", &["fr"]),
            [(Some(2025), 5, Some(1))]
        );
        assert_eq!(
            read("Le 16\u{a0}mars\u{a0}2025.", &["fr"]),
            [(Some(2025), 3, Some(16))]
        );
        assert_eq!(
            read("On Dec. 10, 2024.", &["en"]),
            [(Some(2024), 12, Some(10))]
        );
        assert_eq!(read("En marzo de 2025.", &["es"]), [(Some(2025), 3, None)]);
        assert_eq!(read("On 2025-03-16.", &["en"]), [(Some(2025), 3, Some(16))]);
    }

    #[test]
    fn abbreviations_are_read_only_when_asked() {
        let text = "On Dec. 10, 2024.";
        assert_eq!(DateReader::new(&["en"]).dates(text), []);
        let found = DateReader::with_abbreviations(&["en"]).dates(text);
        assert_eq!(&text[found[0].at.clone()], "Dec. 10, 2024");
    }

    #[test]
    fn numbers_outside_dates_come_in_order_and_an_impossible_date_stays_numbers() {
        let figures =
            DateReader::new(&["en"]).figures("On 31 February, 4 people; on 1 May, 1,500.");
        let shown: Vec<String> = figures
            .iter()
            .map(|f| match f {
                Figure::Date(d) => format!("date {}", d.date.month),
                Figure::Number { value, .. } => value.clone(),
            })
            .collect();
        assert_eq!(shown, ["31", "4", "date 5", "1500"]);
    }
}
