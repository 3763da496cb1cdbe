//! What the library sees of the feeds: each subscribed feed's installed
//! copy, in the order the feeds were added, and the id each of its actions
//! goes by. A feed never takes an id from elsewhere: when the built-in
//! actions, `--actions-dir`, the imported actions or an earlier feed have
//! it, the feed's action is `NAME/ID`.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};

use super::index::Item;
use super::store::{Installed, Subscriptions};
use crate::dates::format_date;
use crate::library::{Library, Provenance};
use crate::talk;

/// The subscribed feeds, read the first time they are asked for: an
/// action found elsewhere never reads them.
#[derive(Debug, Clone, Default)]
pub struct Feeds {
    /// `None` when the library has no feeds (tests, benchmarks).
    read: Option<Arc<OnceLock<Vec<Feed>>>>,
}

/// A subscribed feed and its installed copy, if `update` made one.
#[derive(Debug, Clone)]
pub struct Feed {
    pub name: String,
    pub copy: Option<Installed>,
}

/// One action of a feed and the id the library gives it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub copy: &'a Installed,
    pub item: &'a Item,
    /// Whether the bare id is this action's; if not, it is `NAME/ID`.
    pub bare: bool,
}

impl Entry<'_> {
    /// The id the action goes by: `ID`, or `NAME/ID`.
    pub fn id(&self) -> String {
        if self.bare {
            self.item.id.clone()
        } else {
            super::qualified(&self.copy.name, &self.item.id)
        }
    }
}

impl Feeds {
    /// The user's feeds, from `feeds.yaml` and the installed copies.
    pub fn of_user() -> Feeds {
        Feeds {
            read: Some(Arc::new(OnceLock::new())),
        }
    }

    /// Every subscribed feed, in order. A feeds file or copy that can't be
    /// read is left out with a warning: it must not stop a letter from
    /// another shelf.
    pub fn all(&self) -> &[Feed] {
        let Some(read) = &self.read else {
            return &[];
        };
        read.get_or_init(|| {
            let subs = Subscriptions::load().unwrap_or_else(|e| {
                talk::warn(crate::ui::tr!("feed-left-out", error = e.to_string()));
                Subscriptions::default()
            });
            subs.feeds
                .into_iter()
                .map(|sub| {
                    let copy = Installed::read(&sub.name).unwrap_or_else(|e| {
                        talk::warn(crate::ui::tr!("feed-left-out", error = e.to_string()));
                        None
                    });
                    Feed {
                        name: sub.name,
                        copy,
                    }
                })
                .collect()
        })
    }

    /// When feed `name` was last updated, if it ever was.
    pub fn checked(&self, name: &str) -> Option<DateTime<Utc>> {
        self.all()
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| Some(f.copy.as_ref()?.state.checked))
    }

    /// Every action of every feed, in feed order, with whether its bare id
    /// is its own: not `taken` by another shelf nor by an earlier feed.
    pub fn entries(&self, taken: &dyn Fn(&str) -> bool) -> Vec<Entry<'_>> {
        let mut claimed: HashSet<&str> = HashSet::new();
        let mut out = Vec::new();
        for copy in self.all().iter().filter_map(|f| f.copy.as_ref()) {
            for item in &copy.index.items {
                let bare = !taken(&item.id) && claimed.insert(&item.id);
                out.push(Entry { copy, item, bare });
            }
        }
        out
    }
}

/// After `list`'s table, on stderr: when each feed was last updated (with
/// a nudge to update after a week), and each feed action whose bare id
/// means another action.
pub fn say_notes(library: &Library) {
    let now = Utc::now();
    for feed in library.feeds().all() {
        let Some(copy) = &feed.copy else {
            talk::say(crate::ui::tr!(
                "feed-not-fetched",
                feed = feed.name.as_str()
            ));
            continue;
        };
        let checked = copy.state.checked;
        let days = (now - checked).num_days().max(0);
        let date = format_date(
            checked.with_timezone(&chrono::Local).date_naive(),
            &crate::ui::tr!("date-pattern"),
            crate::ui::lang(),
        );
        let said = crate::ui::tr!(
            "feed-updated",
            feed = feed.name.as_str(),
            date = date,
            days = days
        );
        if days >= STALE_DAYS {
            talk::say(crate::ui::tr!(
                "feed-stale",
                said = said,
                feed = feed.name.as_str()
            ));
        } else {
            talk::say(said);
        }
    }
    for entry in library.feed_entries().iter().filter(|e| !e.bare) {
        talk::say(crate::ui::tr!(
            "feed-id-taken",
            shown = entry.id(),
            id = entry.item.id.as_str()
        ));
    }
}

/// Days after which `list` suggests `appeal update`.
pub const STALE_DAYS: i64 = 7;

/// Where an action of `list --json` comes from.
#[derive(Debug, serde::Serialize)]
pub struct ListFields<'a> {
    /// `built-in`, `actions-dir`, `imported`, `file` or `feed`.
    pub from: &'static str,
    /// The feed's name.
    pub feed: Option<&'a str>,
    /// When the feed was last checked, RFC 3339.
    pub feed_updated: Option<String>,
    /// `active`, or `closed` by its feed.
    pub status: &'static str,
}

impl<'a> ListFields<'a> {
    pub fn of(provenance: &'a Provenance, library: &Library) -> ListFields<'a> {
        let feed = provenance.feed();
        let updated = feed.and_then(|f| library.feeds().checked(&f.feed));
        ListFields {
            from: provenance.key(),
            feed: feed.map(|f| f.feed.as_str()),
            feed_updated: updated.map(|t| t.to_rfc3339()),
            status: if feed.is_some_and(|f| f.closed) {
                "closed"
            } else {
                "active"
            },
        }
    }
}

/// `closed`, for `list`'s DEADLINE column, when the action's feed closed it.
pub fn closed_label(provenance: &Provenance) -> Option<String> {
    provenance
        .feed()
        .is_some_and(|f| f.closed)
        .then(|| crate::ui::tr!("feed-list-closed"))
}
