//! `appeal list`: every action with its deadline, its languages and when
//! the writer last wrote for it.

use console::{Alignment, measure_text_width, pad_str};
use serde_json::json;

use super::{print, print_json};
use crate::action::Action;
use crate::config::Remembered;
use crate::deadline::{days_left, describe, today};
use crate::error::{Error, Result};
use crate::history;
use crate::lang;
use crate::library::Library;

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
    let preferred = &action.preferred_language;
    let in_source = if chosen == *preferred {
        !lang::fallbacks(lang).any(|l| l == preferred)
    } else {
        !shown.translated
    };
    (shown.text, in_source)
}

/// `open`: only the actions whose deadline has not passed.
pub fn run(library: &Library, json: bool, open: bool) -> Result<()> {
    let today = today()?;
    let lang = writers_language();
    let last_written = history::last_dates();
    let mut rows = Vec::new();
    let mut broken = None;
    for loaded in library.load_all() {
        match loaded {
            Ok(action)
                if open
                    && (days_left(action.deadline, today) < 0 || crate::feed::closed(&action)) => {}
            Ok(action) => rows.push(action),
            Err(e) => {
                crate::talk::say(&e);
                broken = Some(e);
            }
        }
    }
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|a| {
                let (title, in_source) = title(a, lang.as_deref());
                let mut row = json!({
                    "id": a.id,
                    "title": title,
                    "title_in_source_language": in_source,
                    "deadline": a.deadline.to_string(),
                    "days_left": days_left(a.deadline, today),
                    "deadline_passed": days_left(a.deadline, today) < 0,
                    "preferred_language": a.preferred_language,
                    "languages": a.languages(),
                    "language_names": a.languages().iter().map(|l| lang::autonym(l)).collect::<Vec<_>>(),
                    "source": a.origin,
                    "last_written": last_written.get(&a.id).map(|d| d.to_string()),
                });
                crate::feed::shelf::add_list_fields(&mut row, a, library);
                row
            })
            .collect();
        print_json(&json!(list))?;
    } else {
        // A person reads titles in the interface's language when no letter
        // language is set; scripts (`--json`) only when one is.
        let lang = lang.unwrap_or_else(|| crate::ui::lang().to_string());
        let table: Vec<[String; 6]> = rows
            .iter()
            .map(|a| {
                let (title, in_source) = title(a, Some(&lang));
                let title = if in_source {
                    crate::ui::tr!(
                        "list-not-translated",
                        title = title,
                        lang = a.preferred_language.as_str()
                    )
                } else {
                    title.to_string()
                };
                [
                    a.id.clone(),
                    title,
                    format!(
                        "{} ({})",
                        a.deadline.format("%Y-%m-%d"),
                        crate::feed::shelf::closed_label(a)
                            .unwrap_or_else(|| describe(a.deadline, today))
                    ),
                    a.languages()
                        .iter()
                        .map(|l| lang::display(l))
                        .collect::<Vec<_>>()
                        .join(", "),
                    a.provenance.label(),
                    last_written
                        .get(&a.id)
                        .map_or_else(|| "-".to_string(), |d| d.format("%Y-%m-%d").to_string()),
                ]
            })
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
        print(&format_table(header.each_ref().map(String::as_str), &table))?;
        crate::feed::shelf::say_notes(library);
    }
    match broken {
        Some(e) => Err(Error::File {
            path: crate::ui::tr!("list-library"),
            message: crate::ui::tr!("list-load-failed", error = e.to_string()),
        }),
        None => Ok(()),
    }
}

/// Left-aligned columns, two spaces apart, sized to their widest cell.
pub(super) fn format_table<const N: usize>(header: [&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(measure_text_width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(measure_text_width(cell));
        }
    }
    let line = |cells: [&str; N]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad_str(c, w, Alignment::Left, None).into_owned())
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    for row in rows {
        out.push_str(&line(row.each_ref().map(String::as_str)));
    }
    out
}
