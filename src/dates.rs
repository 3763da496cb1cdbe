//! Dates in a letter's language: strftime patterns with month and day names
//! from the locale data chrono carries, and one token of appeal's own for
//! languages that write the first of a month as an ordinal.

use std::borrow::Cow;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

/// The `{{date}}` pattern when a letter gives none.
pub const DEFAULT_DATE_FORMAT: &str = "%-d %B %Y";

/// Formats a date with month and day names in the letter's language, from
/// the locale data chrono carries (`es` → `es_ES`, `es-CL` → `es_CL`).
/// Besides strftime, `format` may hold `{day:TEXT}` (see [`first_day`]).
/// A pattern that cannot write a date (see [`date_format_error`]) gives
/// [`DEFAULT_DATE_FORMAT`] rather than a failed letter.
pub fn format_date(date: NaiveDate, format: &str, lang: &str) -> String {
    let locale = locale_for(lang);
    let format = first_day(format, date.day());
    let mut out = String::new();
    match write!(out, "{}", date.format_localized(&format, locale)) {
        Ok(()) => out,
        Err(_) => date
            .format_localized(DEFAULT_DATE_FORMAT, locale)
            .to_string(),
    }
}

/// Why `format` cannot write a date, if it cannot: a `%` strftime does not
/// know, or one that asks for a time (`%H`) or a time zone (`%z`). For the
/// loader and `check`, so that a bad `date_format` is reported with its
/// file and field, not met when a letter is written.
pub fn date_format_error(format: &str) -> Option<String> {
    let sample = NaiveDate::from_ymd_opt(2000, 1, 1).expect("1 January 2000 is a date");
    let mut out = String::new();
    write!(out, "{}", sample.format(&first_day(format, 1)))
        .err()
        .map(|_| crate::ui::tr!("action-bad-date-format", format = format))
}

/// The one token a `date_format` adds to strftime: `{day:TEXT}` is the day
/// of the month like `%-d`, except on the first, where it is TEXT, for the
/// languages that write the first as an ordinal (`{day:1er} %B %Y` gives
/// `1er mai 2025` but `2 mai 2025`). Braces are plain text to strftime, so
/// the token can never clash with one of its specifiers, present or future.
/// Returns a pure strftime pattern.
fn first_day(format: &str, day: u32) -> Cow<'_, str> {
    const TOKEN: &str = "{day:";
    if !format.contains(TOKEN) {
        return Cow::Borrowed(format);
    }
    let mut out = String::with_capacity(format.len());
    let mut rest = format;
    while let Some(at) = rest.find(TOKEN) {
        let after = &rest[at + TOKEN.len()..];
        let Some(end) = after.find('}') else {
            break;
        };
        out.push_str(&rest[..at]);
        if day == 1 {
            // TEXT is written as it is: a `%` in it is not a specifier.
            out.push_str(&after[..end].replace('%', "%%"));
        } else {
            out.push_str(&day.to_string());
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

pub(crate) fn locale_for(lang: &str) -> chrono::Locale {
    let mut parts = lang.split('-');
    let language = parts.next().unwrap_or("");
    let region = parts.find(|p| p.len() == 2);
    let candidates = [
        region.map(|r| format!("{language}_{r}")),
        Some(format!("{language}_{}", language.to_ascii_uppercase())),
        Some(language.to_string()),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|name| chrono::Locale::try_from(name.as_str()).ok())
        .unwrap_or(chrono::Locale::POSIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_use_the_letters_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(
            format_date(d, "%-d de %B de %Y", "es"),
            "28 de noviembre de 2026"
        );
        assert_eq!(format_date(d, "%-d %B %Y", "fr"), "28 novembre 2026");
        assert_eq!(
            format_date(d, DEFAULT_DATE_FORMAT, "en"),
            "28 November 2026"
        );
        assert_eq!(
            format_date(d, DEFAULT_DATE_FORMAT, "xx"),
            "28 November 2026"
        );
    }

    #[test]
    fn the_day_token_writes_the_first_as_an_ordinal() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 5, d).unwrap();
        let fr = "{day:1er} %B %Y";
        assert_eq!(format_date(day(1), fr, "fr"), "1er mai 2025");
        assert_eq!(format_date(day(2), fr, "fr"), "2 mai 2025");
        assert_eq!(format_date(day(31), fr, "fr"), "31 mai 2025");
        assert_eq!(
            format_date(day(1), "{day:1.º} de %B de %Y", "es"),
            "1.º de mayo de 2025"
        );
    }

    #[test]
    fn a_date_format_that_cannot_write_a_date_is_named_not_a_panic() {
        for bad in ["%Q %B", "%-d %B %Y %H:%M", "%z"] {
            assert!(date_format_error(bad).is_some(), "{bad}");
        }
        for good in ["%-d %B %Y", "{day:1er} %B %Y", "100%% %Y"] {
            assert_eq!(date_format_error(good), None, "{good}");
        }
        let d = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
        assert_eq!(format_date(d, "%Q %B", "fr"), "1 mai 2025");
    }

    #[test]
    fn the_day_token_leaves_strftime_alone() {
        assert!(matches!(first_day("%-d %B %Y", 1), Cow::Borrowed(_)));
        assert_eq!(first_day("{day:1%} %B", 1), "1%% %B");
        assert_eq!(first_day("{day:1er} {day:1er}", 9), "9 9");
        // An unclosed token is plain text, as strftime would print it.
        assert_eq!(first_day("{day:1er %B", 1), "{day:1er %B");
    }
}
