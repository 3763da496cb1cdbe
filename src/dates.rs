//! Dates in a letter's language: strftime patterns with month and day names
//! from CLDR, one token of appeal's own for languages that write the first
//! of a month as an ordinal, and month names read back; [`read`] reads
//! dates written in prose.

#[rustfmt::skip]
mod names;
pub mod read;

use std::borrow::Cow;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

pub use names::CLDR_VERSION;
use names::{LOCALES, NAMES, Names, STARTS, TEXT};

/// The `{{date}}` pattern when a letter gives none.
pub const DEFAULT_DATE_FORMAT: &str = "%-d %B %Y";

/// Formats a date with month and day names in the letter's language, from
/// CLDR (`de-AT` has its own, `fr-BE` takes `fr`'s; a language CLDR
/// doesn't name months for, English). Besides strftime, `format` may hold `{day:TEXT}` (see
/// [`first_day`]). A pattern that cannot write a date (see
/// [`date_format_error`]) gives [`DEFAULT_DATE_FORMAT`] rather than a
/// failed letter.
pub fn format_date(date: NaiveDate, format: &str, lang: &str) -> String {
    let names = names_for(lang);
    let format = first_day(format, date.day());
    let mut out = String::new();
    match write!(out, "{}", date.format(&localize(&format, date, names))) {
        Ok(()) => out,
        Err(_) => date
            .format(&localize(DEFAULT_DATE_FORMAT, date, names))
            .to_string(),
    }
}

/// The twelve month names of `lang` as a date writes them (`%B`:
/// `noviembre`), January first; English for a language CLDR doesn't name
/// months for.
pub fn month_names(lang: &str) -> [&'static str; 12] {
    names_for(lang).months.map(text)
}

/// The twelve abbreviated month names of `lang` as a date writes them
/// (`%b`: `nov.`), January first.
pub fn short_month_names(lang: &str) -> [&'static str; 12] {
    names_for(lang).months_short.map(text)
}

/// The month `word` names in `lang`, 1 to 12: the full name or the
/// abbreviation, as a date writes it or standing alone (`noviembre`,
/// `nov`, `Nov.`, `de gener` or `gener` in Catalan), whatever its case and
/// with or without an abbreviation's full stop. English for a language
/// CLDR doesn't name months for.
pub fn month_number(lang: &str, word: &str) -> Option<u32> {
    let bare = |w: &str| w.trim().trim_end_matches('.').to_lowercase();
    let word = bare(word);
    if word.is_empty() {
        return None;
    }
    let names = names_for(lang);
    [
        &names.months,
        &names.months_short,
        &names.standalone_months,
        &names.standalone_months_short,
    ]
    .into_iter()
    .find_map(|forms| forms.iter().position(|&id| bare(text(id)) == word))
    .and_then(|at| u32::try_from(at + 1).ok())
}

/// The names for `lang`: its most specific locale CLDR names months for
/// (`sr-Latn-BA`, then `sr-Latn`, then `sr`), or English.
fn names_for(lang: &str) -> &'static Names {
    let tag = crate::lang::normalize(lang).unwrap_or_default();
    crate::lang::fallbacks(&tag)
        .chain(["en"])
        .find_map(|t| LOCALES.binary_search_by(|&(id, _)| text(id).cmp(t)).ok())
        .and_then(|at| NAMES.get(usize::from(LOCALES[at].1)))
        // Never taken: English is in the tables (see the tests).
        .unwrap_or(&NAMES[0])
}

/// Name number `id` of the names' text.
fn text(id: u16) -> &'static str {
    let at = usize::from(id);
    match (STARTS.get(at), STARTS.get(at + 1)) {
        (Some(&start), Some(&end)) => TEXT.get(start as usize..end as usize).unwrap_or_default(),
        _ => "",
    }
}

/// `format` with the names of `date`'s month and weekday written in for
/// `%B`, `%b` (`%h`), `%A` and `%a`, so that chrono writes the rest. Every
/// other specifier, a padded one such as `%-B` included, is left for
/// chrono to write or refuse, as it was with chrono's own names.
fn localize<'a>(format: &'a str, date: NaiveDate, names: &Names) -> Cow<'a, str> {
    if !format.contains('%') {
        return Cow::Borrowed(format);
    }
    let month = date.month0() as usize;
    let weekday = date.weekday().num_days_from_sunday() as usize;
    let mut out = String::with_capacity(format.len() + 16);
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let spec = &rest[at + 1..];
        let first = spec.chars().next();
        let name = match first {
            Some('B') => Some(names.months[month]),
            Some('b' | 'h') => Some(names.months_short[month]),
            Some('A') => Some(names.weekdays[weekday]),
            Some('a') => Some(names.weekdays_short[weekday]),
            _ => None,
        };
        if let Some(id) = name {
            out.push_str(&text(id).replace('%', "%%"));
            rest = &spec[1..];
            continue;
        }
        // `%%` stays as it is; a padding flag goes with what follows it.
        let mut taken = first.map_or(0, char::len_utf8);
        if matches!(first, Some('-' | '_' | '0')) {
            taken += spec[taken..].chars().next().map_or(0, char::len_utf8);
        }
        out.push('%');
        out.push_str(&spec[..taken]);
        rest = &spec[taken..];
    }
    out.push_str(rest);
    Cow::Owned(out)
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
    fn month_and_day_names_come_from_cldr_in_each_form() {
        // Saturday 28 November 2026.
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let all = "%B|%b|%h|%A|%a";
        assert_eq!(format_date(d, all, "es"), "noviembre|nov|nov|sábado|sáb");
        assert_eq!(format_date(d, all, "fr"), "novembre|nov.|nov.|samedi|sam.");
        assert_eq!(format_date(d, all, "es-CL"), format_date(d, all, "es"));
        let january = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(format_date(january, "%B", "de"), "Januar");
        assert_eq!(format_date(january, "%B", "de-AT"), "Jänner");
        assert_eq!(format_date(d, "%B", "sr"), "новембар");
        assert_eq!(format_date(d, "%B", "sr-Latn"), "novembar");
        assert_eq!(format_date(d, "%B", "sr-Latn-BA"), "novembar");
        assert_eq!(format_date(d, "%-d %B %Y", "ja"), "28 11月 2026");
    }

    #[test]
    fn english_names_are_chronos_own() {
        let mut d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        for _ in 0..365 {
            for lang in ["en", "xx", ""] {
                assert_eq!(
                    format_date(d, "%B %b %h %A %a", lang),
                    d.format("%B %b %h %A %a").to_string()
                );
            }
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn only_the_name_specifiers_are_written_in() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(format_date(d, "100%% %B", "fr"), "100% novembre");
        assert_eq!(format_date(d, "%%B %%a", "fr"), "%B %a");
        assert_eq!(format_date(d, "%e/%m/%y %B", "fr"), "28/11/26 novembre");
        // A padded name is refused, as chrono refuses it, so the default.
        assert!(date_format_error("%-B").is_some());
        assert_eq!(format_date(d, "%-B", "fr"), "28 novembre 2026");
        assert_eq!(format_date(d, "%_a %B", "fr"), "28 novembre 2026");
        assert_eq!(format_date(d, "%", "fr"), "28 novembre 2026");
        assert_eq!(format_date(d, "sans date", "fr"), "sans date");
    }

    #[test]
    fn month_names_are_read_back_in_every_form() {
        assert_eq!(month_number("es", "noviembre"), Some(11));
        assert_eq!(month_number("es", "NOVIEMBRE"), Some(11));
        assert_eq!(month_number("es", "sept"), Some(9));
        assert_eq!(month_number("es", "Sept."), Some(9));
        assert_eq!(month_number("fr", "janv."), Some(1));
        assert_eq!(month_number("fr", "janv"), Some(1));
        assert_eq!(month_number("fr", "Août"), Some(8));
        assert_eq!(month_number("ca", "de gener"), Some(1));
        assert_eq!(month_number("ca", "gener"), Some(1));
        assert_eq!(month_number("de-AT", "Jänner"), Some(1));
        assert_eq!(month_number("en", "Sep"), Some(9));
        assert_eq!(month_number("xx", "March"), Some(3));
        assert_eq!(month_number("es", "November"), None);
        assert_eq!(month_number("es", ""), None);
        assert_eq!(month_number("es", "."), None);
        assert_eq!(month_names("es")[10], "noviembre");
        assert_eq!(month_names("en")[0], "January");
    }

    #[test]
    fn english_is_in_the_tables() {
        assert!(std::ptr::eq(names_for("en"), names_for("qq")));
        assert_eq!(text(names_for("en").months[0]), "January");
        assert!(CLDR_VERSION.split('.').all(|n| n.parse::<u32>().is_ok()));
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
