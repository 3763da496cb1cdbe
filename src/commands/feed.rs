//! `appeal feed`: follow a section's feed (`add`, `list`, `remove`), or
//! publish one (`keygen`, `publish`).

use std::io::{self, BufRead, IsTerminal, Read};

use chrono::TimeDelta;
use serde::Serialize;

use super::{print, print_json, table};
use crate::cli::FeedCommand;
use crate::error::{Error, Result};
use crate::feed::fetch::Source;
use crate::feed::publish::{Publish, keygen, public_key_id, publish, read_secret_key};
use crate::feed::store::{Installed, Subscription, Subscriptions, copies_dir};
use crate::feed::verify::{key_id, parse_key};
use crate::talk;

pub fn run(command: &FeedCommand) -> Result<()> {
    match command {
        FeedCommand::Add {
            name,
            source,
            keys,
            force,
        } => add(name, source, keys, *force),
        FeedCommand::List { json } => list(*json),
        FeedCommand::Remove { name } => remove(name),
        FeedCommand::Keygen {
            out,
            no_password,
            force,
        } => {
            let password = match no_password {
                true => None,
                false => Some(password(true)?),
            };
            let id = keygen(out, password, *force)?;
            talk::say(crate::ui::tr!(
                "feed-keygen-wrote",
                folder = out.display().to_string(),
                id = id
            ));
            Ok(())
        }
        FeedCommand::Publish {
            dir,
            key,
            out,
            expires,
            title,
            close,
            reopen,
            force,
        } => {
            let secret = read_secret_key(key, || password(false))?;
            let opts = Publish {
                dir,
                out,
                expires: *expires,
                title: title.as_deref(),
                close,
                reopen,
                force: *force,
            };
            let done = publish(&opts, &secret)?;
            talk::say(crate::ui::tr!(
                "feed-published",
                count = done.actions,
                closed = done.closed,
                out = out.display().to_string(),
                sequence = done.sequence,
                expires = done.expires.format("%Y-%m-%d").to_string(),
                id = public_key_id(&secret)
            ));
            Ok(())
        }
    }
}

/// `30d`, `12h`, `2w`: how long a published index holds.
pub fn parse_expiry(text: &str) -> std::result::Result<TimeDelta, String> {
    let bad = || crate::ui::tr!("feed-bad-expiry", value = text);
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let n: i64 = number.parse().map_err(|_| bad())?;
    let delta = match unit {
        "h" => TimeDelta::try_hours(n),
        "d" => TimeDelta::try_days(n),
        "w" => TimeDelta::try_weeks(n),
        _ => None,
    };
    delta.filter(|d| *d > TimeDelta::zero()).ok_or_else(bad)
}

/// A key's password: asked at a terminal (twice for a new key), or else
/// the first line of stdin, so that a script can publish.
fn password(new: bool) -> Result<String> {
    let typed = if io::stdin().is_terminal() && io::stderr().is_terminal() {
        let confirm = new.then(|| {
            (
                crate::ui::tr!("feed-password-again"),
                crate::ui::tr!("feed-password-mismatch"),
            )
        });
        crate::prompt::Terminal::new().password(&crate::ui::tr!("feed-password"), confirm)?
    } else {
        let mut line = String::new();
        io::stdin()
            .lock()
            .take(4096)
            .read_line(&mut line)
            .map_err(|e| Error::Io {
                doing: crate::ui::tr!("feed-doing-password"),
                message: e.to_string(),
            })?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    if typed.is_empty() {
        return Err(Error::Usage(crate::ui::msg!("feed-password-empty")));
    }
    Ok(typed)
}

fn add(name: &str, source: &str, keys: &[String], force: bool) -> Result<()> {
    crate::feed::check_name(name)?;
    let parsed = Source::parse(source)
        .map_err(|m| Error::Usage(crate::ui::Message::Verbatim(format!("{source}: {m}"))))?;
    let mut pinned: Vec<String> = Vec::new();
    for key in keys {
        let key = parse_key(key)?;
        if !pinned.contains(&key) {
            pinned.push(key);
        }
    }
    let mut subs = Subscriptions::load()?;
    let sub = Subscription {
        name: name.to_string(),
        source: parsed.to_text(),
        keys: pinned,
    };
    match subs.feeds.iter().position(|f| f.name == name) {
        Some(_) if !force => {
            return Err(Error::Usage(crate::ui::msg!("feed-exists", name = name)));
        }
        Some(at) => subs.feeds[at] = sub.clone(),
        None => subs.feeds.push(sub.clone()),
    }
    subs.save()?;
    if let Source::Folder(folder) = &parsed
        && !folder.is_dir()
    {
        talk::warn(crate::ui::tr!(
            "feed-folder-missing",
            folder = folder.display().to_string()
        ));
    }
    let ids: Vec<String> = sub.keys.iter().map(|k| key_id(k)).collect();
    talk::say(crate::ui::tr!(
        "feed-added",
        name = name,
        source = sub.source.as_str(),
        keys = ids.join(", ")
    ));
    Ok(())
}

/// A subscription as `feed list --json` gives it: what its installed copy
/// holds, or `null`s before the first update.
#[derive(Serialize)]
struct FeedJson<'a> {
    name: &'a str,
    source: &'a str,
    keys: Vec<KeyJson<'a>>,
    sequence: Option<u64>,
    updated: Option<String>,
    installed: Option<String>,
    actions: Option<usize>,
}

#[derive(Serialize)]
struct KeyJson<'a> {
    key: &'a str,
    id: String,
}

fn list(json: bool) -> Result<()> {
    let subs = Subscriptions::load()?;
    let copies: Vec<Option<Installed>> = subs
        .feeds
        .iter()
        .map(|f| Installed::read(&f.name).unwrap_or(None))
        .collect();
    if json {
        let list: Vec<FeedJson> = subs
            .feeds
            .iter()
            .zip(&copies)
            .map(|(f, copy)| FeedJson {
                name: &f.name,
                source: &f.source,
                keys: f
                    .keys
                    .iter()
                    .map(|k| KeyJson {
                        key: k,
                        id: key_id(k),
                    })
                    .collect(),
                sequence: copy.as_ref().map(|c| c.state.sequence),
                updated: copy.as_ref().map(|c| c.state.checked.to_rfc3339()),
                installed: copy.as_ref().map(|c| c.state.installed.to_rfc3339()),
                actions: copy.as_ref().map(|c| c.index.items.len()),
            })
            .collect();
        return print_json(&list);
    }
    if subs.feeds.is_empty() {
        talk::say(crate::ui::tr!("feed-update-none"));
        return Ok(());
    }
    let never = crate::ui::tr!("feed-never");
    let rows: Vec<[String; 5]> = subs
        .feeds
        .iter()
        .zip(&copies)
        .map(|(f, copy)| {
            [
                f.name.clone(),
                f.source.clone(),
                f.keys
                    .iter()
                    .map(|k| key_id(k))
                    .collect::<Vec<_>>()
                    .join(", "),
                copy.as_ref().map_or(never.clone(), |c| {
                    c.state.checked.format("%Y-%m-%d %H:%M").to_string()
                }),
                copy.as_ref()
                    .map_or("-".to_string(), |c| c.index.items.len().to_string()),
            ]
        })
        .collect();
    let header = [
        "feed-list-name",
        "feed-list-source",
        "feed-list-keys",
        "feed-list-updated",
        "feed-list-actions",
    ]
    .map(|id| crate::ui::text(id, &[]));
    let header = header.each_ref().map(String::as_str);
    // The source (a URL or a folder) gives way first.
    let width = crate::terminal::table_width();
    print(&table::format(header, &rows, width, 1))
}

fn remove(name: &str) -> Result<()> {
    let mut subs = Subscriptions::load()?;
    subs.find(name)?;
    subs.feeds.retain(|f| f.name != name);
    subs.save()?;
    if let Some(root) = copies_dir() {
        let copy = root.join(name);
        if copy.exists() {
            std::fs::remove_dir_all(&copy).map_err(|e| Error::Io {
                doing: crate::ui::tr!("feed-doing-remove", folder = copy.display().to_string()),
                message: e.to_string(),
            })?;
        }
        let _ = std::fs::remove_file(root.join(format!(".{name}.lock")));
    }
    talk::say(crate::ui::tr!("feed-removed", name = name));
    Ok(())
}
