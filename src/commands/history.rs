//! `appeal history`: what was written, newest first; a stored letter again;
//! forgetting records.

use serde::Serialize;

use super::{print, print_json, table};
use crate::cli::HistoryArgs;
use crate::error::{Error, Result};
use crate::history::{self, History, Kind, Record, printable};
use crate::talk;

pub fn run(args: &HistoryArgs) -> Result<()> {
    if let Some(named) = &args.forget {
        return forget(args, named);
    }
    let history = History::open_existing()?;
    if let Some(n) = args.show {
        return show(history.as_ref(), n);
    }
    let records = match &history {
        Some(h) => h.list(args.action.as_deref())?,
        None => Vec::new(),
    };
    if args.json {
        let list: Vec<RecordJson> = records
            .iter()
            .map(|record| RecordJson {
                record,
                text_kept: record.text.is_some(),
            })
            .collect();
        return print_json(&list);
    }
    if records.is_empty() {
        talk::say(match history::path() {
            Some(p) => crate::ui::tr!("history-empty-at", path = p.display().to_string()),
            None => crate::ui::tr!("history-empty"),
        });
        return Ok(());
    }
    let rows: Vec<[String; 6]> = records.iter().map(row).collect();
    let header = [
        "history-date",
        "history-action",
        "history-to",
        "history-form",
        "history-where",
    ]
    .map(|id| crate::ui::text(id, &[]));
    let [date, action, to, form, place] = header.each_ref().map(String::as_str);
    let header = ["#", date, action, to, form, place];
    // The place (a path, or a batch's account) gives way first.
    let width = crate::terminal::table_width();
    print(&table::format(header, &rows, width, header.len() - 1))
}

/// A record as `history --json` gives it: the stored fields, and whether
/// the letter's text was kept (the text itself is for `--show`).
#[derive(Serialize)]
struct RecordJson<'a> {
    #[serde(flatten)]
    record: &'a Record,
    text_kept: bool,
}

fn row(r: &Record) -> [String; 6] {
    let place = match (r.kind, r.destination.as_str(), &r.path) {
        (Kind::Batch, _, path) => crate::ui::tr!(
            "history-batch",
            count = r.count.unwrap_or(0),
            input = r.input.as_deref().unwrap_or("?"),
            output = path.as_deref().unwrap_or("stdout"),
        ),
        (_, _, Some(path)) => path.clone(),
        (_, destination, None) => destination.to_string(),
    };
    [
        r.id.to_string(),
        r.date.format("%Y-%m-%d").to_string(),
        r.action.clone(),
        r.target.clone(),
        r.form.clone(),
        place,
    ]
    .map(|cell| printable(&cell).replace(['\n', '\t'], " "))
}

fn show(history: Option<&History>, n: i64) -> Result<()> {
    let record = match history {
        Some(h) => h.get(n)?,
        None => None,
    };
    let Some(record) = record else {
        return Err(Error::Usage(crate::ui::msg!(
            "history-no-record",
            number = n
        )));
    };
    let Some(text) = &record.text else {
        return Err(Error::Usage(match record.kind {
            Kind::Batch => crate::ui::msg!("history-no-letter-batch", number = n),
            Kind::Letter => crate::ui::msg!("history-no-letter-not-kept", number = n),
        }));
    };
    let mut text = printable(text);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    print(&text)
}

fn forget(args: &HistoryArgs, named: &str) -> Result<()> {
    let named = Some(named)
        .filter(|n| !n.is_empty())
        .or(args.action.as_deref());
    let action = match (named, args.all) {
        (None, true) => None,
        (Some(action), false) => Some(action),
        (Some(_), true) => {
            return Err(Error::Usage(crate::ui::msg!("history-forget-both")));
        }
        (None, false) => {
            return Err(Error::Usage(crate::ui::msg!("history-forget-what")));
        }
    };
    let Some(history) = History::open_existing()? else {
        talk::say(crate::ui::tr!("history-nothing-to-forget"));
        return Ok(());
    };
    let deleted = history.forget(action)?;
    talk::say(match action {
        Some(a) => crate::ui::tr!(
            "history-forgot-action",
            count = deleted,
            action = printable(a)
        ),
        None => crate::ui::tr!("history-forgot", count = deleted),
    });
    Ok(())
}
