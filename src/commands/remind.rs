//! `appeal remind`: an iCalendar event on an action's deadline, with alarms
//! 7 days and 1 day before, to import into any calendar.

use chrono::{Duration, NaiveDate};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use super::print;
use crate::action::Action;
use crate::dates::format_date;
use crate::deadline::today;
use crate::error::{Error, Result};
use crate::fs::Output;
use crate::library::Library;
use crate::talk;

/// How long before the deadline each alarm rings.
pub const ALARM_DAYS: [i64; 2] = [7, 1];

/// `action`: one action, or `all`: every open one.
pub fn run(
    library: &Library,
    action: Option<&str>,
    all: bool,
    output: &Output,
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
            return Err(Error::Usage(crate::ui::msg!("remind-none-open")));
        }
        open
    } else {
        let spec = action.expect("clap requires an action unless --all");
        let a = library.load(spec)?;
        if let Some(item) = a.provenance.feed().filter(|f| f.closed) {
            return Err(Error::Usage(crate::ui::msg!(
                "feed-remind-closed",
                id = a.id.as_str(),
                feed = item.feed.as_str()
            )));
        }
        let Some(deadline) = a.deadline else {
            return Err(Error::Usage(crate::ui::msg!(
                "remind-no-deadline",
                id = a.id.as_str()
            )));
        };
        if a.has_passed(today) {
            let date = format_date(deadline, &crate::ui::tr!("date-pattern"), crate::ui::lang());
            return Err(Error::Usage(crate::ui::msg!(
                "remind-passed",
                id = a.id.as_str(),
                date = date
            )));
        }
        vec![a]
    };
    let text = calendar(&actions).to_string();
    match output {
        Output::File(path) => {
            crate::fs::write_new(path, text.as_bytes(), force)?;
            talk::say(crate::ui::tr!(
                "remind-wrote",
                path = path.display().to_string(),
                count = actions.len()
            ));
            Ok(())
        }
        Output::Stdout => print(&text),
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
    let uid = one_line(&format!("{}-{}", action.id, deadline));
    let mut event = Event::new();
    event
        // The same action and deadline keep the same UID, so importing the
        // file again updates the event instead of adding a second one.
        .uid(&format!("{uid}@appeal"))
        .summary(&one_line(&action.title))
        .description(&text(&description))
        .starts(deadline)
        .ends(next_day(deadline));
    for days in ALARM_DAYS {
        let when = if days == 1 {
            "tomorrow".to_string()
        } else {
            format!("in {days} days")
        };
        let mut alarm = Alarm::display(
            &one_line(&format!("{}: the deadline is {when}", action.title)),
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

/// `value` fit for an iCalendar TEXT value: icalendar escapes `\n`, `,`,
/// `;` and `\`, but writes a CR as it is, and a reader that splits lines
/// on CR would take what follows for a line of its own (`BEGIN:VEVENT`).
/// So a CR, with or without its LF, becomes a line break, which is
/// escaped; any other control character, which RFC 5545 allows in no text
/// value, goes.
fn text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// As [`text`], for a value of one line (a summary, a UID): line breaks
/// become spaces.
fn one_line(value: &str) -> String {
    text(value).replace('\n', " ")
}

/// An all-day event ends, exclusively, the next day (RFC 5545 3.6.1).
fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_break_a_line_of_the_calendar() {
        let yaml = include_str!("../../actions/cecot.yaml");
        let mut action = Action::parse("x\rBEGIN:VEVENT\r\nUID:evil", "cecot.yaml", yaml).unwrap();
        action.title = "Free them\rEND:VEVENT\rBEGIN:VEVENT\nSUMMARY:forged\u{1b}[2J".to_string();
        let ics = calendar(&[action]).to_string();
        let bytes = ics.as_bytes();
        for (at, _) in ics.match_indices('\r') {
            assert_eq!(
                bytes.get(at + 1),
                Some(&b'\n'),
                "a bare CR at {at}:\n{ics:?}"
            );
        }
        for (at, _) in ics.match_indices('\n') {
            assert_eq!(bytes[at - 1], b'\r', "a bare LF at {at}:\n{ics:?}");
        }
        assert!(!ics.contains('\u{1b}'));
        // Split on CR, on LF, or on both: one event, whatever the reader.
        for lines in [
            ics.split('\r').collect::<Vec<_>>(),
            ics.split('\n').collect(),
            ics.split("\r\n").collect(),
        ] {
            let begins = lines
                .iter()
                .filter(|l| {
                    l.trim_start_matches(['\r', '\n'])
                        .starts_with("BEGIN:VEVENT")
                })
                .count();
            assert_eq!(begins, 1, "{ics}");
        }
    }
}
