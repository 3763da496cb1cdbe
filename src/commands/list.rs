//! `appeal list`: every action with its deadline and languages.

use console::{Alignment, measure_text_width, pad_str};
use serde_json::json;

use super::{print, print_json};
use crate::action::Action;
use crate::config::Remembered;
use crate::deadline::{days_left, describe, today};
use crate::error::{Error, Result};
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

pub fn run(library: &Library, json: bool) -> Result<()> {
    let today = today()?;
    let lang = writers_language();
    let mut rows = Vec::new();
    let mut broken = None;
    for loaded in library.load_all() {
        match loaded {
            Ok(action) => rows.push(action),
            Err(e) => {
                eprintln!("appeal: {e}");
                broken = Some(e);
            }
        }
    }
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|a| {
                let (title, in_source) = title(a, lang.as_deref());
                json!({
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
                })
            })
            .collect();
        print_json(&json!(list))?;
    } else {
        let table: Vec<[String; 4]> = rows
            .iter()
            .map(|a| {
                let (title, in_source) = title(a, lang.as_deref());
                let title = if in_source {
                    format!("{title} ({}, not translated)", a.preferred_language)
                } else {
                    title.to_string()
                };
                [
                    a.id.clone(),
                    title,
                    format!(
                        "{} ({})",
                        a.deadline.format("%Y-%m-%d"),
                        describe(a.deadline, today)
                    ),
                    a.languages()
                        .iter()
                        .map(|l| lang::display(l))
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            })
            .collect();
        print(&format_table(
            ["ID", "TITLE", "DEADLINE", "LANGUAGES"],
            &table,
        ))?;
    }
    match broken {
        Some(e) => Err(Error::File {
            path: "action library".into(),
            message: format!("an action could not be loaded (last error: {e})"),
        }),
        None => Ok(()),
    }
}

/// Left-aligned columns, two spaces apart, sized to their widest cell.
fn format_table(header: [&str; 4], rows: &[[String; 4]]) -> String {
    let mut widths = header.map(measure_text_width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(measure_text_width(cell));
        }
    }
    let line = |cells: [&str; 4]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad_str(c, w, Alignment::Left, None).into_owned())
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    for row in rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    out
}
