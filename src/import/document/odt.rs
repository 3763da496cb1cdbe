//! An OpenDocument text's text (`content.xml` of an `.odt`): paragraphs
//! and headings as lines, line breaks, tabs and runs of spaces kept, list
//! items marked. Annotations and notes are not the document's text.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::docx::Paragraphs;
use super::zipped::{attribute, part, reference, text};
use super::{DocLine, Role, Unreadable};

pub fn read(bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let xml = part(bytes, "content.xml")?;
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut out = Paragraphs::default();
    let mut depth = 0usize;
    let mut items = 0usize;
    let mut skipped = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Unreadable::damaged(e.to_string()))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"office:annotation" | b"text:note" => skipped += 1,
                _ if skipped > 0 => {}
                b"text:list-item" => items += 1,
                name @ (b"text:p" | b"text:h") => {
                    depth += 1;
                    if depth == 1 {
                        out.start();
                        out.role = if name == b"text:h" {
                            Role::Heading
                        } else if items > 0 {
                            Role::Item
                        } else {
                            Role::Text
                        };
                    }
                }
                _ => {}
            },
            Event::Empty(e) if skipped == 0 => match e.name().as_ref() {
                b"text:p" | b"text:h" if depth == 0 => {
                    out.start();
                    out.end();
                }
                b"text:line-break" => out.line_break(),
                b"text:tab" => out.push(" "),
                b"text:s" => {
                    let n: usize = attribute(&e, b"text:c")
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(1);
                    out.push(&" ".repeat(n.min(8)));
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"office:annotation" | b"text:note" => skipped = skipped.saturating_sub(1),
                _ if skipped > 0 => {}
                b"text:list-item" => items = items.saturating_sub(1),
                b"text:p" | b"text:h" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        out.end();
                    }
                }
                _ => {}
            },
            Event::Text(t) if depth > 0 && skipped == 0 => out.push(&text(&t)?),
            Event::GeneralRef(r) if depth > 0 && skipped == 0 => {
                if let Some(c) = reference(&r) {
                    out.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if out.bytes > super::MAX_TEXT_BYTES {
            return Err(Unreadable::TooMuchText);
        }
        buf.clear();
    }
    Ok(out.lines)
}
