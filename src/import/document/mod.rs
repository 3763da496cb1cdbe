//! A document's text as read: the bytes of a PDF, a web page, a Word or
//! OpenDocument file, a saved e-mail, Markdown or plain text, turned into
//! lines, each with what its source made of it (a heading, a list item,
//! site navigation) and its page.
//!
//! Plain text is read here. Every other format goes through a parser that
//! is not appeal's own (pdf-extract, html5ever, zip, quick-xml,
//! mail-parser), so it is read in a child process with hard limits on
//! memory, time and output (`sandbox`): a stranger's file that makes a
//! parser crash, loop or swell ends that child, never appeal.

pub mod docx;
pub mod html;
pub mod mail;
pub mod odt;
pub mod pdf;
pub mod sandbox;
pub mod zipped;

use serde::{Deserialize, Serialize};

use crate::action::MAX_FILE_BYTES;

/// What a document is, told by its content (a name's extension only
/// decides between Markdown and plain text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Text,
    Markdown,
    Html,
    Docx,
    Odt,
    Email,
    Pdf,
}

impl Kind {
    /// The word a report and the sandbox's command line use.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Markdown => "markdown",
            Kind::Html => "html",
            Kind::Docx => "docx",
            Kind::Odt => "odt",
            Kind::Email => "email",
            Kind::Pdf => "pdf",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        [
            Kind::Text,
            Kind::Markdown,
            Kind::Html,
            Kind::Docx,
            Kind::Odt,
            Kind::Email,
            Kind::Pdf,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }

    /// The kind in words, in the interface's language: `PDF`, `web page`.
    pub fn describe(self) -> String {
        match self {
            Kind::Text | Kind::Markdown => crate::ui::tr!("import-format-text"),
            Kind::Html => crate::ui::tr!("import-format-html"),
            Kind::Docx => crate::ui::tr!("import-format-docx"),
            Kind::Odt => crate::ui::tr!("import-format-odt"),
            Kind::Email => crate::ui::tr!("import-format-email"),
            Kind::Pdf => crate::ui::tr!("import-format-pdf"),
        }
    }

    /// Whether the format's text comes hard-wrapped at a page's width, so
    /// that lines are joined back into paragraphs.
    pub fn is_paged(self) -> bool {
        self == Kind::Pdf
    }

    /// Whether appeal reads it itself; the others are read in the sandbox.
    fn read_here(self) -> bool {
        matches!(self, Kind::Text | Kind::Markdown)
    }
}

/// What a line was in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Text,
    /// A heading of the page (`<h2>`, a Word heading style).
    Heading,
    /// The page's or message's own title (`<title>`, `Subject:`).
    Title,
    /// Site navigation, menus, forms, buttons, footers; an e-mail's headers.
    Navigation,
    /// A list item; its text starts with `- ` or its number.
    Item,
}

/// One line of a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocLine {
    pub text: String,
    #[serde(default)]
    pub role: Role,
    /// The page it is on, from 1 (documents without pages are one page).
    #[serde(default = "first_page")]
    pub page: u32,
}

fn first_page() -> u32 {
    1
}

impl DocLine {
    pub fn new(text: impl Into<String>, role: Role, page: u32) -> DocLine {
        DocLine {
            text: text.into(),
            role,
            page,
        }
    }
}

/// A document as read: its kind and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    pub lines: Vec<DocLine>,
}

/// Most text a document may give, in bytes, and most lines.
pub const MAX_TEXT_BYTES: usize = 4 << 20;
pub const MAX_LINES: usize = 200_000;

/// Why a document can't be read. Data, so that the command says it in the
/// interface's language and the sandbox can send it back as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "why")]
pub enum Unreadable {
    Empty,
    TooLarge,
    Binary,
    NotText {
        offset: usize,
    },
    /// A zip archive that is neither a Word nor an OpenDocument text.
    OtherArchive,
    Encrypted,
    /// The format's parser refused it; `detail` is its words, cleaned.
    Damaged {
        detail: String,
    },
    NoTextLayer,
    TooManyPages {
        pages: usize,
        max: usize,
    },
    /// A part of the file inflates past the limit (a decompression bomb).
    Swells {
        limit_mib: usize,
    },
    TooMuchText,
    /// A page whose elements nest deeper than any page a person reads.
    TooDeep {
        max: usize,
    },
    /// The reader process was stopped: it ran out of time or memory, or
    /// crashed. Nothing it did reaches appeal.
    Unsafe {
        cause: Cause,
    },
    /// `appeal-reader`, which reads the formats appeal doesn't parse
    /// itself, is not installed beside `appeal`: it should be at `path`.
    NoReader {
        path: String,
    },
}

/// Why the reader process was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    Time,
    Memory,
    Crash,
    Start,
}

impl Unreadable {
    /// In the interface's language, after the document's name.
    pub fn message(&self, kind: Option<Kind>) -> String {
        use crate::ui::tr;
        let format = kind.map_or_else(|| crate::ui::tr!("import-format-text"), Kind::describe);
        match self {
            Unreadable::Empty => tr!("import-empty"),
            Unreadable::TooLarge => tr!("import-too-large", size = MAX_FILE_BYTES / 1024),
            Unreadable::Binary => tr!("import-binary"),
            Unreadable::NotText { offset } => tr!("import-not-text", offset = *offset),
            Unreadable::OtherArchive => tr!("import-other-archive"),
            Unreadable::Encrypted => tr!("import-pdf-encrypted"),
            Unreadable::Damaged { detail } => {
                tr!(
                    "import-damaged",
                    format = format.as_str(),
                    error = detail.as_str()
                )
            }
            Unreadable::NoTextLayer => tr!("import-no-text-layer"),
            Unreadable::TooManyPages { pages, max } => {
                tr!("import-pdf-too-many-pages", pages = *pages, max = *max)
            }
            Unreadable::Swells { limit_mib } => {
                tr!("import-swells", format = format.as_str(), mib = *limit_mib)
            }
            Unreadable::TooMuchText => tr!("import-too-much-text", mib = MAX_TEXT_BYTES >> 20),
            Unreadable::TooDeep { max } => tr!("import-too-deep", max = *max),
            Unreadable::Unsafe { cause } => {
                let why = match cause {
                    Cause::Time => tr!(
                        "import-unsafe-time",
                        seconds = sandbox::TIME_LIMIT.as_secs()
                    ),
                    Cause::Memory => tr!("import-unsafe-memory", mib = sandbox::MEMORY_LIMIT >> 20),
                    Cause::Crash => tr!("import-unsafe-crash"),
                    Cause::Start => tr!("import-unsafe-start"),
                };
                tr!("import-unsafe", format = format.as_str(), why = why)
            }
            Unreadable::NoReader { path } => tr!(
                "import-no-reader",
                format = format.as_str(),
                reader = sandbox::READER,
                path = path.as_str()
            ),
        }
    }

    /// A parser's error text, safe to show: no control characters, short.
    pub fn damaged(detail: impl std::fmt::Display) -> Unreadable {
        let detail = detail
            .to_string()
            .chars()
            .map(|c| if crate::text::hides_text(c) { ' ' } else { c })
            .take(200)
            .collect();
        Unreadable::Damaged { detail }
    }
}

/// Reads a document's bytes into lines; `name` decides only between
/// Markdown and plain text.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, Unreadable> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge);
    }
    let kind = sniff(name, bytes)?;
    let lines = if kind.read_here() {
        text_lines(bytes)?
    } else {
        sandbox::read(kind, bytes)?
    };
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(match kind {
            Kind::Pdf => Unreadable::NoTextLayer,
            _ => Unreadable::Empty,
        });
    }
    Ok(Document { kind, lines })
}

/// What the bytes are, by their content.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Kind, Unreadable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unreadable::Empty);
    }
    if pdf::is_pdf(bytes) {
        return Ok(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes);
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // A page may be in another encoding than UTF-8: it says which.
    if html::looks_like_html(head) {
        return Ok(Kind::Html);
    }
    if mail::looks_like_email(head) {
        return Ok(Kind::Email);
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        Ok(Kind::Markdown)
    } else {
        Ok(Kind::Text)
    }
}

/// A Word or OpenDocument text, told by the names inside the archive.
fn zip_kind(bytes: &[u8]) -> Result<Kind, Unreadable> {
    // The central directory is read here only for its names; the sandbox
    // reads the document itself.
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Unreadable::damaged(e.to_string()))?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("word/document.xml") {
        Ok(Kind::Docx)
    } else if has("content.xml") {
        Ok(Kind::Odt)
    } else {
        Err(Unreadable::OtherArchive)
    }
}

/// Plain text or Markdown: UTF-8 (a UTF-8 BOM is dropped), lines split at
/// line breaks, pages at form feeds.
fn text_lines(bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| Unreadable::NotText {
        offset: e.valid_up_to(),
    })?;
    if text.contains('\0') {
        return Err(Unreadable::Binary);
    }
    Ok(split_lines(text))
}

/// Lines of a text: `\r\n`, `\r` and `\n` end a line; a form feed starts a
/// new page (a form feed inside a line also ends the line). A final line
/// break ends the last line.
pub fn split_lines(text: &str) -> Vec<DocLine> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let mut out = Vec::new();
    let mut page = 1;
    for line in text.split('\n') {
        let mut pieces = line.split('\u{c}');
        let first = pieces.next().unwrap_or("");
        // `\fText` at a line's start: the page turns before the line.
        let mut pending = Some(first);
        for piece in pieces {
            if let Some(p) = pending.take().filter(|p| !p.is_empty()) {
                out.push(DocLine::new(p, Role::Text, page));
            }
            page += 1;
            pending = Some(piece);
        }
        out.push(DocLine::new(pending.unwrap_or(""), Role::Text, page));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[DocLine]) -> Vec<(&str, u32)> {
        lines.iter().map(|l| (l.text.as_str(), l.page)).collect()
    }

    #[test]
    fn lines_and_pages_of_a_text() {
        assert_eq!(
            texts(&split_lines("a\r\nb\rc\n\u{c}d\ne\u{c}f\n")),
            [("a", 1), ("b", 1), ("c", 1), ("d", 2), ("e", 2), ("f", 3)]
        );
        assert_eq!(texts(&split_lines("one")), [("one", 1)]);
    }

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(sniff("x.txt", b"%PDF-1.4 ..."), Ok(Kind::Pdf));
        assert_eq!(
            sniff(
                "page.txt",
                b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"
            ),
            Ok(Kind::Html)
        );
        assert_eq!(
            sniff(
                "mail",
                b"From: a@example.org\nTo: b@example.org\nSubject: UA\n\nText"
            ),
            Ok(Kind::Email)
        );
        assert_eq!(sniff("ua.md", b"# URGENT ACTION"), Ok(Kind::Markdown));
        assert_eq!(sniff("ua.txt", b"URGENT ACTION"), Ok(Kind::Text));
        assert_eq!(sniff("ua.txt", b"  \n"), Err(Unreadable::Empty));
        assert!(matches!(
            sniff("x.zip", b"PK\x03\x04 not really"),
            Err(Unreadable::Damaged { .. })
        ));
    }
}
