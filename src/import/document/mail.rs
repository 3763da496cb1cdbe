//! A saved e-mail (`.eml`, RFC 5322 with MIME parts), read by mail-parser:
//! its subject as the message's title, its sender and date as headers,
//! and its text: the plain-text part where there is one (the sender's own
//! words), else the HTML part, read as a web page.

use mail_parser::{MessageParser, PartType};

use super::{DocLine, Role, Unreadable};

/// Whether the start of a file is a message's header: its first lines
/// are `Name: value` fields, among them one every message has.
pub fn looks_like_email(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let mut known = 0;
    for line in text.lines().take(40) {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        let name = name.to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "from"
                | "to"
                | "subject"
                | "date"
                | "message-id"
                | "mime-version"
                | "received"
                | "return-path"
                | "content-type"
        ) {
            known += 1;
        }
    }
    known >= 2
}

pub fn read(bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| Unreadable::damaged("not a message"))?;
    let mut lines = Vec::new();
    if let Some(subject) = message.subject() {
        lines.push(DocLine::new(subject, Role::Title, 1));
    }
    if let Some(from) = message.from().and_then(|a| a.first()) {
        let who = [from.name(), from.address()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(DocLine::new(format!("From: {who}"), Role::Navigation, 1));
    }
    if let Some(date) = message.date() {
        lines.push(DocLine::new(
            format!("Date: {}", date.to_rfc3339()),
            Role::Navigation,
            1,
        ));
    }
    lines.push(DocLine::new("", Role::Text, 1));
    let plain = message.text_part(0).and_then(|p| match &p.body {
        PartType::Text(text) => Some(text.as_ref()),
        _ => None,
    });
    match plain {
        Some(text) => lines.extend(super::split_lines(text)),
        None => {
            let html = message.body_html(0).unwrap_or_default();
            lines.extend(super::html::read(html.as_bytes())?);
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_gives_its_subject_and_its_text() {
        let raw = "From: Ana <ana@example.org>\r\nTo: group@example.org\r\n\
                   Subject: =?UTF-8?Q?Acci=C3=B3n_urgente?=\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\n\
                   Content-Type: text/plain; charset=utf-8\r\n\r\nDear Minister,\r\n\r\nRelease them.\r\n";
        assert!(looks_like_email(raw.as_bytes()));
        let lines: Vec<(String, Role)> = read(raw.as_bytes())
            .unwrap()
            .into_iter()
            .map(|l| (l.text, l.role))
            .collect();
        assert_eq!(lines[0], ("Acción urgente".to_string(), Role::Title));
        assert_eq!(lines[1].1, Role::Navigation);
        assert!(lines.iter().any(|(t, _)| t == "Release them."));
    }
}
