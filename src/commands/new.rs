//! `appeal new`: a commented skeleton action for an author to fill in.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::talk;

const SKELETON: &str = include_str!("../skeleton.yaml");

/// Writes `DIR/ID.yaml` from the skeleton; never over an existing file without `force`.
pub fn run(id: &str, dir: &Path, force: bool) -> Result<()> {
    check_id(id)?;
    let path: PathBuf = dir.join(format!("{id}.yaml"));
    let text = SKELETON.replace("{id}", id);
    crate::fs::write_new(&path, text.as_bytes(), force)?;
    talk::say(crate::ui::tr!(
        "new-wrote",
        path = path.display().to_string()
    ));
    Ok(())
}

/// An action id becomes a file name: lower-case letters, digits, `-`, `_`.
pub fn check_id(id: &str) -> Result<()> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Err(Error::Usage(crate::ui::msg!("new-bad-id", id = id)));
    }
    Ok(())
}
