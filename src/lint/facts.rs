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
//! Emails and URLs are found by `linkify` (an email being what
//! [`crate::email`] accepts), and the digits inside them are part of the
//! address, not numbers. Dates and numbers are read by
//! [`crate::dates::read`].
//!
//! Each fact must appear at least once: a translation may name a date once
//! where its source repeats it.

use linkify::{LinkFinder, LinkKind};

pub use crate::dates::read::TextDate;
use crate::dates::read::{DateReader, Figure};

/// A fact of the source paragraph that its translation lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A number, as the source writes it: `17`, `120,000`.
    Number(String),
    Date(TextDate),
    Email(String),
    Url(String),
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
    let dates = DateReader::new(&[lang]);
    let mut facts = Vec::new();
    for span in LinkFinder::new().spans(text) {
        match span.kind() {
            Some(LinkKind::Email) if crate::email::is_address(span.as_str()) => {
                facts.push(Fact::Email(span.as_str().to_string()))
            }
            Some(LinkKind::Url) => facts.push(Fact::Url(span.as_str().to_string())),
            // Each stretch between links is read on its own, so that no
            // date or number runs across an address.
            _ => read_prose(span.as_str(), &dates, &mut facts),
        }
    }
    facts
}

/// The dates and numbers of a stretch of prose.
fn read_prose(text: &str, dates: &DateReader, facts: &mut Vec<Fact>) {
    for figure in dates.figures(text) {
        facts.push(match figure {
            Figure::Date(d) => Fact::Date(d.date),
            Figure::Number { value, at } => Fact::Number {
                value,
                written: text[at].to_string(),
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

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

    fn paragraphs(text: &str) -> Vec<String> {
        crate::paragraphs::split(text)
            .iter()
            .map(crate::paragraphs::Paragraph::text)
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
        let source: Source =
            serde_saphyr::from_str(include_str!("../../actions/cecot.yaml")).unwrap();
        let en = &source.letters["en"].body;
        for (lang, text) in [
            ("es", include_str!("../../actions/cecot.es.yaml")),
            ("fr", include_str!("../../actions/cecot.fr.yaml")),
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
        let source: Source =
            serde_saphyr::from_str(include_str!("../../actions/cecot.yaml")).unwrap();
        let es: Translation =
            serde_saphyr::from_str(include_str!("../../actions/cecot.es.yaml")).unwrap();
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
