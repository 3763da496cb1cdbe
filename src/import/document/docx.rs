//! A Word document's text (`word/document.xml` of a `.docx`): each
//! paragraph a line, line breaks kept, list paragraphs marked as items and
//! heading styles as headings. Deleted revisions, field codes and the
//! fallback copies of text boxes are not text.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::zipped::{attribute, part, reference, text};
use super::{DocLine, Role, Unreadable};

pub fn read(bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let xml = part(bytes, "word/document.xml")?;
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut out = Paragraphs::default();
    // Inside `w:t` (text to read), and inside something not to read.
    let mut in_text = false;
    let mut skipped = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Unreadable::damaged(e.to_string()))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"mc:Fallback" | b"w:del" | b"w:instrText" | b"w:delText" => skipped += 1,
                _ if skipped > 0 => {}
                b"w:p" => out.start(),
                b"w:t" => in_text = true,
                b"w:numPr" => out.role = Role::Item,
                _ => {}
            },
            Event::Empty(e) if skipped == 0 => match e.name().as_ref() {
                b"w:p" => {
                    out.start();
                    out.end();
                }
                b"w:tab" => out.push(" "),
                b"w:br" | b"w:cr" => out.line_break(),
                b"w:numPr" => out.role = Role::Item,
                b"w:pStyle" => {
                    let style = attribute(&e, b"w:val").unwrap_or_default().to_lowercase();
                    if style.starts_with("heading") || style == "title" {
                        out.role = Role::Heading;
                    } else if style.contains("list") {
                        out.role = Role::Item;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"mc:Fallback" | b"w:del" | b"w:instrText" | b"w:delText" => {
                    skipped = skipped.saturating_sub(1)
                }
                _ if skipped > 0 => {}
                b"w:p" => out.end(),
                b"w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text && skipped == 0 => out.push(&text(&t)?),
            Event::GeneralRef(r) if in_text && skipped == 0 => {
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

/// Paragraphs as they are read: each one's lines, then a line break.
#[derive(Default)]
pub(super) struct Paragraphs {
    pub lines: Vec<DocLine>,
    line: String,
    pub role: Role,
    /// Whether the paragraph has had a line already (a `w:br`).
    broken: bool,
    pub bytes: usize,
}

impl Paragraphs {
    pub fn start(&mut self) {
        self.line.clear();
        self.role = Role::Text;
        self.broken = false;
    }

    pub fn push(&mut self, text: &str) {
        self.bytes += text.len();
        self.line.push_str(text);
    }

    pub fn line_break(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.emit(line);
        self.broken = true;
    }

    /// The paragraph's last line; an empty paragraph is a blank line.
    pub fn end(&mut self) {
        let line = std::mem::take(&mut self.line);
        if !line.trim().is_empty() || !self.broken {
            self.emit(line);
        }
    }

    fn emit(&mut self, line: String) {
        let mut text = line.trim_end().to_string();
        if self.role == Role::Item && !text.trim().is_empty() && !text.starts_with("- ") {
            text.insert_str(0, "- ");
        }
        self.lines.push(DocLine::new(text, self.role, 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `.docx` holding `body` as its document's body.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        write!(
            zip,
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body>{body}</w:body></w:document>"
        )
        .unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn paragraphs_breaks_and_items() {
        let doc = docx(
            "<w:p><w:r><w:t>His Excellency</w:t><w:t xml:space=\"preserve\"> Peter</w:t></w:r></w:p>\
             <w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two &amp; more</w:t></w:r></w:p>\
             <w:p/>\
             <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Release them</w:t></w:r></w:p>\
             <w:p><w:r><w:delText>gone</w:delText><w:t>Kept</w:t></w:r></w:p>",
        );
        let lines: Vec<String> = read(&doc).unwrap().into_iter().map(|l| l.text).collect();
        assert_eq!(
            lines,
            [
                "His Excellency Peter",
                "Line one",
                "Line two & more",
                "",
                "- Release them",
                "Kept"
            ]
        );
    }
}
