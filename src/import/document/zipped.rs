//! What Word and OpenDocument files share: a zip archive holding an XML
//! part, read with a cap on what it inflates to, and XML text read with
//! quick-xml, entities and character references resolved.

use std::io::Read;

use quick_xml::events::{BytesRef, BytesText};

use super::Unreadable;

/// Most bytes the document's XML part may inflate to.
pub const MAX_PART_BYTES: usize = 32 << 20;

/// The XML part `name` of the archive, inflated up to the cap.
pub fn part(bytes: &[u8], name: &str) -> Result<Vec<u8>, Unreadable> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Unreadable::damaged(e.to_string()))?;
    let entry = archive
        .by_name(name)
        .map_err(|e| Unreadable::damaged(e.to_string()))?;
    let swells = || Unreadable::Swells {
        limit_mib: MAX_PART_BYTES >> 20,
    };
    if entry.size() > MAX_PART_BYTES as u64 {
        return Err(swells());
    }
    let mut out = Vec::new();
    entry
        .take(MAX_PART_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| Unreadable::damaged(e.to_string()))?;
    if out.len() > MAX_PART_BYTES {
        return Err(swells());
    }
    Ok(out)
}

/// The text of a text event.
pub fn text(t: &BytesText) -> Result<String, Unreadable> {
    t.xml10_content()
        .map(|c| c.into_owned())
        .map_err(|e| Unreadable::damaged(e.to_string()))
}

/// The character an entity reference stands for: `&amp;`, `&#233;`.
pub fn reference(r: &BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.decode().ok()?.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The value of attribute `key` of an element, if it has one.
pub fn attribute(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.try_get_attribute(key).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}
