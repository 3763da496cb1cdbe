//! `appeal list`: every action with its deadline, its languages and when
//! the writer last wrote for it.

use chrono::NaiveDate;
use serde::Serialize;

use super::{print, print_json, table};
use crate::action::Action;
use crate::config::Remembered;
use crate::deadline::{days_left, shown, today};
use crate::error::{Error, Result};
use crate::feed::shelf::ListFields;
use crate::history;
use crate::lang;
use crate::library::{Library, Provenance};

/// The letter language the writer has set (`APPEAL_LANG`, else the
/// remembered one), in which titles are shown where translated.
fn writers_language() -> Option<String> {
    std::env::var("APPEAL_LANG")
        .ok()
        .filter(|l| !l.is_empty())
        .or_else(|| Remembered::load().ok().and_then(|r| r.lang))
        .and_then(|l| lang::normalize(&l))
}

/// The title in the writer's language where a translation gives it, and
/// whether it is in the source's language instead.
fn title<'a>(action: &'a Action, lang: Option<&str>) -> (&'a str, bool) {
    let Some(lang) = lang else {
        return (&action.title, false);
    };
    let chosen = action.choose_letter(lang).chosen;
    let shown = action.translated(&chosen).title;
    let source = &action.source_language;
    let in_source = if chosen == *source {
        !lang::fallbacks(lang).any(|l| l == source)
    } else {
        !shown.translated
    };
    (shown.text, in_source)
}

/// What `list` shows of one action: kept instead of the whole action, so
/// that a folder of large files is read one file at a time.
struct Row {
    id: String,
    /// The title in the writer's language, and whether it is the source's.
    title: (String, bool),
    /// The title in the interface's language, for the table.
    shown_title: (String, bool),
    deadline: Option<NaiveDate>,
    preferred_language: Option<String>,
    source_language: String,
    languages: Vec<String>,
    origin: String,
    /// Where the library found it: a feed's actions say which, and closed.
    provenance: Provenance,
    /// It is in one of the user's folders, in place of a built-in action of
    /// the same id (an import, or a file someone left there).
    shadows_built_in: bool,
}

impl Row {
    fn of(action: &Action, lang: Option<&str>, table_lang: &str) -> Row {
        let owned = |(t, in_source): (&str, bool)| (t.to_string(), in_source);
        Row {
            id: action.id.clone(),
            title: owned(title(action, lang)),
            shown_title: owned(title(action, Some(lang.unwrap_or(table_lang)))),
            deadline: action.deadline,
            preferred_language: action.preferred_language.clone(),
            source_language: action.source_language.clone(),
            languages: action.languages().iter().map(|l| l.to_string()).collect(),
            origin: action.origin.clone(),
            provenance: action.provenance.clone(),
            shadows_built_in: matches!(
                action.provenance,
                Provenance::ActionsDir | Provenance::Imported
            ) && crate::library::is_built_in(&action.id),
        }
    }

    fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.deadline.map(|d| days_left(d, today))
    }
}

/// `open`: only the actions whose deadline has not passed. A file that
/// cannot be loaded is named on stderr, once, and the others are listed.
pub fn run(library: &Library, json: bool, open: bool) -> Result<()> {
    let today = today()?;
    let lang = writers_language();
    // A person reads titles in the interface's language when no letter
    // language is set; scripts (`--json`) only when one is.
    let table_lang = crate::ui::lang();
    let last_written = history::last_dates();
    let mut rows = Vec::new();
    let mut broken = 0;
    for loaded in library.load_each() {
        match loaded {
            Ok(action) if open && (action.has_passed(today) || crate::feed::closed(&action)) => {}
            Ok(action) => rows.push(Row::of(&action, lang.as_deref(), table_lang)),
            Err(e) => {
                crate::talk::say(&e);
                broken += 1;
            }
        }
    }
    if json {
        let list: Vec<RowJson> = rows
            .iter()
            .map(|r| RowJson {
                id: &r.id,
                title: &r.title.0,
                title_in_source_language: r.title.1,
                deadline: r.deadline.map(|d| d.to_string()),
                days_left: r.days_left(today),
                deadline_passed: r.days_left(today).is_some_and(|n| n < 0),
                preferred_language: r.preferred_language.as_deref(),
                languages: &r.languages,
                language_names: r.languages.iter().map(|l| lang::autonym(l)).collect(),
                source: &r.origin,
                last_written: last_written.get(&r.id).map(|d| d.to_string()),
                from: ListFields::of(&r.provenance, library),
                shadows: r.shadows_built_in.then_some("built-in"),
            })
            .collect();
        print_json(&list)?;
    } else {
        let table: Vec<[String; 6]> = rows
            .iter()
            .map(|r| table_row(r, today, last_written.get(&r.id)))
            .collect();
        let header = [
            "list-id",
            "list-title",
            "list-deadline",
            "list-languages",
            "feed-list-from",
            "list-last-written",
        ]
        .map(|id| crate::ui::text(id, &[]));
        let header = header.each_ref().map(String::as_str);
        let width = crate::terminal::table_width();
        print(&table::format(header, &table, width, TITLE))?;
        crate::feed::shelf::say_notes(library);
    }
    match broken {
        0 => Ok(()),
        n => Err(Error::Unreadable(n)),
    }
}

/// An action as `list --json` gives it.
#[derive(Serialize)]
struct RowJson<'a> {
    id: &'a str,
    /// In the writer's language where translated (not the interface's).
    title: &'a str,
    title_in_source_language: bool,
    deadline: Option<String>,
    days_left: Option<i64>,
    deadline_passed: bool,
    preferred_language: Option<&'a str>,
    languages: &'a [String],
    language_names: Vec<Option<String>>,
    source: &'a str,
    last_written: Option<String>,
    #[serde(flatten)]
    from: ListFields<'a>,
    /// `built-in` when it stands in place of a built-in action of its id.
    shadows: Option<&'static str>,
}

/// The table's column that gives way first.
const TITLE: usize = 1;

/// One row of the table: the title marked when untranslated, the
/// deadline with the days left, the languages by their own names.
fn table_row(r: &Row, today: NaiveDate, last: Option<&NaiveDate>) -> [String; 6] {
    let (title, in_source) = &r.shown_title;
    let title = if *in_source {
        crate::ui::tr!(
            "list-not-translated",
            title = title.as_str(),
            lang = r.source_language.as_str()
        )
    } else {
        title.clone()
    };
    let deadline = match crate::feed::shelf::closed_label(&r.provenance) {
        Some(closed) => match r.deadline {
            Some(d) => format!("{} ({closed})", d.format("%Y-%m-%d")),
            None => closed,
        },
        None => shown(r.deadline, today),
    };
    [
        r.id.clone(),
        title,
        deadline,
        r.languages
            .iter()
            .map(|l| lang::display(l))
            .collect::<Vec<_>>()
            .join(", "),
        if r.shadows_built_in {
            crate::ui::tr!("list-shadows", from = r.provenance.label())
        } else {
            r.provenance.label()
        },
        last.map_or_else(|| "-".to_string(), |d| d.format("%Y-%m-%d").to_string()),
    ]
}
