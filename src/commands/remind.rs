//! `appeal remind`: an iCalendar event on an action's deadline, with alarms
//! 7 days and 1 day before, to import into any calendar.

use std::io;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use super::print;
use crate::action::Action;
use crate::dates::format_date;
use crate::deadline::today;
use crate::destination::file::write_atomic;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::talk;

/// How long before the deadline each alarm rings.
pub const ALARM_DAYS: [i64; 2] = [7, 1];

/// `action`: one action, or `all`: every open one. `output`: a file, or
/// stdout when none or `-`.
pub fn run(
    library: &Library,
    action: Option<&str>,
    all: bool,
    output: Option<&Path>,
    force: bool,
) -> Result<()> {
    let today = today()?;
    let actions = if all {
        let mut open = Vec::new();
        for loaded in library.load_each() {
            match loaded {
                Ok(a) if a.provenance.feed().is_some_and(|f| f.closed) => {}
                Ok(a) if a.days_left(today).is_some_and(|n| n >= 0) => open.push(a),
                Ok(_) => {}
                Err(e) => talk::warn(crate::ui::tr!("remind-skipped", error = e.to_string())),
            }
        }
        if open.is_empty() {
            return Err(Error::Usage(crate::ui::tr!("remind-none-open")));
        }
        open
    } else {
        let spec = action.expect("clap requires an action unless --all");
        let a = library.load(spec)?;
        if let Some(item) = a.provenance.feed().filter(|f| f.closed) {
            return Err(Error::Usage(crate::ui::tr!(
                "feed-remind-closed",
                id = a.id.as_str(),
                feed = item.feed.as_str()
            )));
        }
        let Some(deadline) = a.deadline else {
            return Err(Error::Usage(crate::ui::tr!(
                "remind-no-deadline",
                id = a.id.as_str()
            )));
        };
        if a.has_passed(today) {
            let date = format_date(deadline, &crate::ui::tr!("date-pattern"), crate::ui::lang());
            return Err(Error::Usage(crate::ui::tr!(
                "remind-passed",
                id = a.id.as_str(),
                date = date
            )));
        }
        vec![a]
    };
    let text = calendar(&actions).to_string();
    match output {
        Some(path) if path.as_os_str() != "-" => {
            write_atomic(path, text.as_bytes(), force).map_err(|e| Error::File {
                path: path.display().to_string(),
                message: if e.kind() == io::ErrorKind::AlreadyExists {
                    crate::ui::tr!("command-exists")
                } else {
                    crate::ui::tr!("remind-write-failed", error = e.to_string())
                },
            })?;
            talk::say(crate::ui::tr!(
                "remind-wrote",
                path = path.display().to_string(),
                count = actions.len()
            ));
            Ok(())
        }
        _ => print(&text),
    }
}

/// A calendar with one all-day event per action, on its deadline.
pub fn calendar(actions: &[Action]) -> Calendar {
    let mut calendar = Calendar::new();
    calendar.name("appeal: urgent action deadlines");
    for action in actions {
        if let Some(deadline) = action.deadline {
            calendar.push(event(action, deadline));
        }
    }
    calendar.done()
}

fn event(action: &Action, deadline: NaiveDate) -> Event {
    let whom: Vec<String> = action
        .targets
        .iter()
        .map(|t| {
            let what: Vec<&str> = [Some(t.title.as_str()), t.organisation.as_deref()]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            format!("{} ({})", t.full_name(), what.join(", "))
        })
        .collect();
    let description = format!(
        "Write to {} before the deadline, {}.\n\nTo write the letter, run: appeal compose {}",
        whom.join("; "),
        format_date(deadline, "%-d %B %Y", "en"),
        action.id,
    );
    let uid = format!("{}-{}", action.id, deadline);
    let mut event = Event::new();
    event
        // The same action and deadline keep the same UID, so importing the
        // file again updates the event instead of adding a second one.
        .uid(&format!("{uid}@appeal"))
        .summary(&action.title)
        .description(&description)
        .starts(deadline)
        .ends(next_day(deadline));
    for days in ALARM_DAYS {
        let when = if days == 1 {
            "tomorrow".to_string()
        } else {
            format!("in {days} days")
        };
        let mut alarm = Alarm::display(
            &format!("{}: the deadline is {when}", action.title),
            Trigger::before_start(Duration::days(days)),
        );
        // `-P7D` reads better than the crate's `-PT604800S`, and a fixed UID
        // keeps the file the same from one run to the next.
        alarm
            .add_property("TRIGGER", format!("-P{days}D"))
            .add_property("UID", format!("{uid}-{days}d@appeal"));
        event.alarm(alarm);
    }
    event.done()
}

/// An all-day event ends, exclusively, the next day (RFC 5545 3.6.1).
fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}
