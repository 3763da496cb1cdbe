//! `appeal update [NAME]`: fetch every feed (or one), verify and install
//! it, and say what changed: new, updated, closed and removed actions, and
//! further information on an action already written for.

use std::collections::HashMap;
use std::time::Duration;

use chrono::NaiveDate;

use super::print;
use crate::dates::format_date;
use crate::error::{Error, Result, exit};
use crate::feed::qualified;
use crate::feed::store::{Installed, Subscription, Subscriptions};
use crate::feed::update::{Changes, Outcome, update};
use crate::library::Library;
use crate::talk;

/// `name`: one feed, or all. `timeout` bounds each download, in seconds.
pub fn run(library: &Library, name: Option<&str>, timeout: u64) -> Result<()> {
    let timeout = Duration::from_secs(timeout);
    let subs = Subscriptions::load()?;
    let chosen: Vec<&Subscription> = match name {
        Some(name) => vec![subs.find(name)?],
        None => subs.feeds.iter().collect(),
    };
    if chosen.is_empty() {
        talk::say(crate::ui::tr!("feed-update-none"));
        return Ok(());
    }
    let mut failed: Vec<Error> = Vec::new();
    for sub in &chosen {
        let kept = Installed::read(&sub.name).ok().flatten();
        match update(sub, timeout) {
            Ok(Outcome::Unchanged { sequence }) => {
                let feed = sub.name.as_str();
                let line =
                    crate::ui::tr!("feed-update-unchanged", feed = feed, sequence = sequence);
                print(&format!("{line}\n"))?;
            }
            Ok(Outcome::Installed(changes)) => {
                // The ids as the library now gives them, with the new copy.
                let fresh = Library::new(library.user_dir().map(Into::into));
                print(&Report::new(&fresh).describe(&sub.name, &changes))?;
            }
            Err(e) => {
                talk::say(&e);
                talk::say(match &kept {
                    Some(copy) => crate::ui::tr!(
                        "feed-update-kept",
                        feed = sub.name.as_str(),
                        sequence = copy.state.sequence,
                        date = copy.state.installed.format("%Y-%m-%d").to_string()
                    ),
                    None => crate::ui::tr!("feed-update-nothing", feed = sub.name.as_str()),
                });
                failed.push(e);
            }
        }
    }
    if failed.is_empty() {
        return Ok(());
    }
    // Each was reported as it happened; with several feeds, a count.
    let error = Error::FeedsFailed {
        count: failed.len(),
        refused: failed.iter().any(|e| e.exit_code() == exit::BAD_INPUT),
    };
    if chosen.len() > 1 {
        talk::say(&error);
    }
    Err(error)
}

/// What the library and the history say of the feeds' actions, to report
/// changes with.
struct Report {
    /// `(feed, id in the feed)` → the id the library gives the action.
    ids: HashMap<(String, String), (String, bool)>,
    written: HashMap<String, NaiveDate>,
}

impl Report {
    fn new(library: &Library) -> Report {
        let ids = library
            .feed_entries()
            .into_iter()
            .map(|e| ((e.copy.name.clone(), e.item.id.clone()), (e.id(), e.bare)))
            .collect();
        Report {
            ids,
            written: crate::history::last_dates(),
        }
    }

    /// The id the library gives action `id` of `feed`, and whether it is
    /// the bare id.
    fn id(&self, feed: &str, id: &str) -> (String, bool) {
        self.ids
            .get(&(feed.to_string(), id.to_string()))
            .cloned()
            .unwrap_or_else(|| (qualified(feed, id), false))
    }

    /// The lines `update` prints for a feed that changed.
    fn describe(&self, feed: &str, changes: &Changes) -> String {
        let mut out = match changes.previous {
            Some(previous) => crate::ui::tr!(
                "feed-update-installed-was",
                feed = feed,
                sequence = changes.sequence,
                previous = previous
            ),
            None => crate::ui::tr!(
                "feed-update-installed",
                feed = feed,
                sequence = changes.sequence
            ),
        };
        out.push('\n');
        let lists = [
            ("feed-update-new", &changes.new),
            ("feed-update-updated", &changes.updated),
            ("feed-update-closed", &changes.closed),
        ];
        for (label, ids) in lists {
            for id in ids {
                let shown = self.id(feed, id).0;
                out.push_str(&format!(
                    "  {}\n",
                    crate::ui::text(label, &[("id", shown.into())])
                ));
            }
        }
        for id in &changes.removed {
            let line = crate::ui::tr!("feed-update-removed", id = qualified(feed, id));
            out.push_str(&format!("  {line}\n"));
        }
        for (id, earlier) in &changes.supersedes {
            let (earlier_shown, _) = self.id(feed, earlier);
            let wrote = [
                earlier_shown.clone(),
                earlier.clone(),
                qualified(feed, earlier),
            ]
            .into_iter()
            .find_map(|k| self.written.get(&k).copied());
            if let Some(date) = wrote {
                let date = format_date(date, &crate::ui::tr!("date-pattern"), crate::ui::lang());
                let line = crate::ui::tr!(
                    "feed-update-further",
                    id = self.id(feed, id).0,
                    earlier = earlier_shown,
                    date = date
                );
                out.push_str(&format!("  {line}\n"));
            }
        }
        for id in changes.new.iter() {
            let (shown, bare) = self.id(feed, id);
            if !bare {
                let line = crate::ui::tr!("feed-id-taken", shown = shown, id = id.as_str());
                out.push_str(&format!("  {line}\n"));
            }
        }
        out
    }
}
