//! Signed action feeds: a section publishes a folder of action files with
//! an index signed by minisign, and each member's `appeal update` fetches
//! it, verifies it with a pinned key and installs it.
//!
//! `index` is the published format; `verify` the keys and the signature;
//! `fetch` reads a feed's files from the web or a folder, within limits of
//! size and time; `store` keeps the subscriptions and the installed copies;
//! `update` installs a new publication; `publish` makes one; `shelf` is
//! what the library sees of the installed feeds.

pub mod fetch;
pub mod index;
pub mod publish;
pub mod shelf;
pub mod store;
pub mod update;
pub mod verify;

use crate::error::{Error, Result};

/// Largest `index.json` read: a thousand actions take about 400 KiB.
pub const MAX_INDEX_BYTES: u64 = 1024 * 1024;

/// Largest `index.json.minisig` read; minisign writes about 300 bytes.
pub const MAX_SIGNATURE_BYTES: u64 = 8 * 1024;

/// Most actions one feed may hold.
pub const MAX_ITEMS: usize = 1000;

/// Most bytes of action files one feed may hold in all.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

/// Longest feed name and longest action id in a feed: file names stay well
/// under every file system's limit.
pub const MAX_NAME_LEN: usize = 64;
pub const MAX_ID_LEN: usize = 100;

/// What the library knows of an action that came from a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The feed's name, as subscribed (`lyon`).
    pub feed: String,
    /// The action's id in the feed (`cecot`, when the library calls it
    /// `lyon/cecot`).
    pub id: String,
    /// The feed says no more letters are wanted.
    pub closed: bool,
}

/// A feed's name: the id rule (lower-case letters, digits, `-`, `_`), at
/// most [`MAX_NAME_LEN`] characters, since it names a folder and is typed
/// before a `/` to reach the feed's actions.
pub fn check_name(name: &str) -> Result<()> {
    if name.len() > MAX_NAME_LEN || crate::commands::new::check_id(name).is_err() {
        return Err(Error::Usage(crate::ui::msg!(
            "feed-bad-name",
            name = name,
            max = MAX_NAME_LEN
        )));
    }
    Ok(())
}

/// Whether the action's feed has closed it: no more letters are wanted.
pub fn closed(action: &crate::action::Action) -> bool {
    action.provenance.feed().is_some_and(|item| item.closed)
}

/// Warns, as for a passed deadline, that the action's feed has closed it;
/// the letter is still written.
pub fn warn_if_closed(action: &crate::action::Action) {
    if let Some(item) = action.provenance.feed().filter(|item| item.closed) {
        crate::talk::warn(crate::ui::tr!(
            "feed-closed-warning",
            id = action.id.as_str(),
            feed = item.feed.as_str()
        ));
    }
}

/// `lyon/cecot`: how a feed's action is reached when its bare id means
/// another action.
pub fn qualified(feed: &str, id: &str) -> String {
    format!("{feed}/{id}")
}

/// `lyon/cecot` split into the feed's name and the action's id, when it
/// has that shape; a path such as `./cecot.yaml` has not.
pub fn split_qualified(spec: &str) -> Option<(&str, &str)> {
    let (feed, id) = spec.split_once('/')?;
    let valid = |s: &str| !s.is_empty() && crate::commands::new::check_id(s).is_ok();
    (valid(feed) && valid(id)).then_some((feed, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualified_id_is_a_feed_and_an_id_and_nothing_else() {
        assert_eq!(split_qualified("lyon/cecot"), Some(("lyon", "cecot")));
        assert_eq!(split_qualified("./cecot.yaml"), None);
        assert_eq!(split_qualified("actions/cecot.yaml"), None);
        assert_eq!(split_qualified("a/b/c"), None);
        assert_eq!(split_qualified("/cecot"), None);
        assert_eq!(split_qualified("cecot"), None);
    }

    #[test]
    fn feed_names_follow_the_id_rule_and_a_length() {
        assert!(check_name("lyon-2").is_ok());
        assert!(check_name("Lyon").is_err());
        assert!(check_name("a/b").is_err());
        assert!(check_name(&"a".repeat(MAX_NAME_LEN + 1)).is_err());
    }
}
