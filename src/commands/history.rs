//! `appeal history`: what was written, newest first; a stored letter again;
//! forgetting records.

use serde_json::Value;

use super::list::format_table;
use super::{print, print_json};
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
        let list: Vec<Value> = records.iter().map(to_json).collect();
        return print_json(&Value::Array(list));
    }
    if records.is_empty() {
        let place = history::path().map_or_else(String::new, |p| format!(" in {}", p.display()));
        talk::say(format_args!("no letters recorded yet{place}"));
        return Ok(());
    }
    let rows: Vec<[String; 6]> = records.iter().map(row).collect();
    print(&format_table(
        ["#", "DATE", "ACTION", "TO", "FORM", "WHERE"],
        &rows,
    ))
}

/// A record as `history --json` gives it: the stored fields, and whether
/// the letter's text was kept (the text itself is for `--show`).
fn to_json(record: &Record) -> Value {
    let mut value = serde_json::to_value(record).expect("a record always serialises");
    if let Value::Object(map) = &mut value {
        map.insert("text_kept".to_string(), Value::Bool(record.text.is_some()));
    }
    value
}

fn row(r: &Record) -> [String; 6] {
    let place = match (r.kind, r.destination.as_str(), &r.path) {
        (Kind::Batch, _, path) => format!(
            "{} letters from {} to {}",
            r.count.unwrap_or(0),
            r.input.as_deref().unwrap_or("?"),
            path.as_deref().unwrap_or("stdout")
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
        return Err(Error::Usage(format!(
            "there is no record {n} in the history (see `appeal history`)"
        )));
    };
    let Some(text) = &record.text else {
        let why = match record.kind {
            Kind::Batch => "a batch run keeps no letters",
            Kind::Letter => "its text was not kept (`history: text: false` in the config)",
        };
        return Err(Error::Usage(format!(
            "record {n} has no letter to show: {why}"
        )));
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
            return Err(Error::Usage(
                "--forget takes an action or --all, not both".to_string(),
            ));
        }
        (None, false) => {
            return Err(Error::Usage(
                "--forget needs an action (appeal history --forget cecot) or --all".to_string(),
            ));
        }
    };
    let Some(history) = History::open_existing()? else {
        talk::say("the history is empty: nothing to forget");
        return Ok(());
    };
    let deleted = history.forget(action)?;
    let what = match action {
        Some(a) => format!(" for `{}`", printable(a)),
        None => String::new(),
    };
    talk::say(format_args!(
        "forgot {deleted} record{}{what}",
        if deleted == 1 { "" } else { "s" }
    ));
    Ok(())
}
