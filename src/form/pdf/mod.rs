//! Printable letters as PDF: the writer's block top right, the recipient
//! where a window envelope shows it, then the letter wrapped to the page and
//! flowing onto further pages.
//!
//! Text is shaped (rustybuzz) and set in DejaVu Sans, which is embedded in the
//! binary and covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and
//! Arabic. Characters it lacks (Chinese, Japanese, Korean, …) are taken from a
//! system font when one is installed; lines read right to left where the
//! Unicode bidirectional algorithm says so.
//!
//! The modules, from the page down: `geometry` (paper and margins),
//! `pagination` (the body flowing onto pages), `lines` (breaking text
//! into lines over measured widths) and `shaping` (glyphs and fonts).

mod geometry;
mod lines;
mod pagination;
mod shaping;

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use unicode_bidi::Level;

pub use geometry::Paper;
use geometry::{ADDRESS_WIDTH, BOTTOM, FOOTER_SIZE, LEADING, MARGIN, SENDER_WIDTH, SIZE};
use lines::Line;
use pagination::{Row, blocks, fitted};
use shaping::{Faces, system_fonts};

/// What goes on the page, top to bottom.
pub struct Page<'a> {
    /// The writer's block, top right: name, then "City, Country" if given.
    pub sender: &'a [String],
    /// The recipient's postal block, left, below the sender: full name, title,
    /// organisation, address lines.
    pub recipient: &'a [String],
    /// The letter itself as plain text (it starts with the date line and the
    /// salutation; paragraphs are separated by blank lines; single newlines
    /// are hard line breaks to keep, e.g. in the signature).
    pub body: &'a str,
}

/// Renders the page(s) as PDF bytes; long letters flow onto further pages.
pub fn render(page: &Page, paper: Paper) -> Result<Vec<u8>, String> {
    let mut book = Book::new(paper, false)?;
    book.add(page)?;
    book.finish()
}

/// Many letters in one PDF, for a letter-writing event: each letter starts
/// on a new sheet, and with `duplex` on an odd page, so that no sheet
/// printed on both sides holds two letters.
///
/// krilla cannot stream: the document lives in memory until `finish`, which
/// returns the whole file. Each page is kept as its compressed content
/// stream, and the fonts are subset and embedded once, at the end. Memory
/// therefore grows with the letters, by about 7 KB a letter: the peak
/// resident memory of `examples/book.rs` (cecot letters of one or two
/// pages, A4, duplex) was 16 MB for 200 letters and 28 MB for 2,000 (9 MB
/// for one), with a PDF of 3.1 KB a letter. A caller that must bound
/// memory for larger runs can start a new book, and a new file, every few
/// thousand letters.
pub struct Book {
    document: Document,
    settings: PageSettings,
    paper: Paper,
    duplex: bool,
    /// Pages so far, blank ones included.
    pages: usize,
    /// Letters so far.
    letters: usize,
}

impl Book {
    pub fn new(paper: Paper, duplex: bool) -> Result<Book, String> {
        let (width, height) = paper.size();
        let settings = PageSettings::from_wh(width, height).ok_or_else(|| {
            crate::ui::tr!(
                "form-page-size",
                width = width.to_string(),
                height = height.to_string()
            )
        })?;
        let mut document = Document::new();
        document
            .set_metadata(Metadata::new().creator(format!("appeal {}", env!("CARGO_PKG_VERSION"))));
        Ok(Book {
            document,
            settings,
            paper,
            duplex,
            pages: 0,
            letters: 0,
        })
    }

    /// How many letters the book holds.
    pub fn letters(&self) -> usize {
        self.letters
    }

    /// Sets one letter on pages of its own, after a blank page when duplex
    /// printing would otherwise put it on the back of the last letter.
    pub fn add(&mut self, page: &Page) -> Result<(), String> {
        let sender = clean_lines(page.sender);
        let recipient = clean_lines(page.recipient);
        let body = clean(page.body);

        let mut missing = Faces::primary()?.missing(
            sender
                .iter()
                .chain(&recipient)
                .flat_map(|l| l.chars())
                .chain(body.chars()),
        );
        let system_fonts = system_fonts(&mut missing);
        let faces = Faces::new(&system_fonts)?;

        let (width, height) = self.paper.size();
        let text_width = width - 2.0 * MARGIN;

        // The head of the first page: where each line of the sender and the
        // recipient goes, and where the body can start.
        let sender_lines = faces.set_lines(&sender, SENDER_WIDTH);
        let sender_bottom = MARGIN + LEADING * sender_lines.len() as f32;
        let recipient_top = self.paper.address_top().max(sender_bottom + LEADING);
        let recipient_lines = faces.set_lines(&recipient, ADDRESS_WIDTH);
        let recipient_bottom = recipient_top + LEADING * recipient_lines.len() as f32;
        let body_top = self.paper.body_top().max(recipient_bottom + 2.0 * LEADING);

        let blocks = blocks(&faces, &body, text_width);
        let pages = fitted(
            &blocks,
            height - BOTTOM - body_top,
            height - MARGIN - BOTTOM,
        );

        if self.duplex && self.pages % 2 == 1 {
            self.document
                .start_page_with(self.settings.clone())
                .finish();
            self.pages += 1;
        }
        let count = pages.len();
        for (number, rows) in pages.iter().enumerate() {
            let mut pdf_page = self.document.start_page_with(self.settings.clone());
            let mut sheet = Sheet {
                surface: pdf_page.surface(),
                faces: &faces,
                left: MARGIN,
                right: width - MARGIN,
            };
            let mut top = MARGIN;
            if number == 0 {
                for line in &sender_lines {
                    sheet.line(line, SIZE, Align::Right, top);
                    top += LEADING;
                }
                top = recipient_top;
                for line in &recipient_lines {
                    sheet.line(line, SIZE, Align::Left, top);
                    top += LEADING;
                }
                top = body_top;
            }
            for row in rows {
                if let Row::Line(line) = row {
                    let align = if line.rtl { Align::Right } else { Align::Left };
                    sheet.line(line, SIZE, align, top);
                }
                top += row.height();
            }
            if count > 1 {
                let folio = Line {
                    text: format!("{} / {count}", number + 1),
                    rtl: false,
                };
                sheet.line(
                    &folio,
                    FOOTER_SIZE,
                    Align::Center,
                    height - BOTTOM / 2.0 - FOOTER_SIZE,
                );
            }
            sheet.finish();
            pdf_page.finish();
            self.pages += 1;
        }
        self.letters += 1;
        Ok(())
    }

    /// The PDF's bytes. A book with no letter is one blank page.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.document.finish().map_err(|e| match e {
            krilla::error::KrillaError::Font(_, reason) => {
                crate::ui::tr!("form-font", reason = reason)
            }
            other => crate::ui::tr!("form-pdf-failed", error = format!("{other:?}")),
        })
    }
}

/// Text as it can be set: no control characters but line breaks, tabs as spaces.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The non-empty lines of a block, cleaned.
fn clean_lines(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| l.lines())
        .map(|l| clean(l).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
    Center,
}

/// A page being drawn, and the edges of its text.
struct Sheet<'s, 'f> {
    surface: Surface<'s>,
    faces: &'f Faces<'f>,
    left: f32,
    right: f32,
}

impl Sheet<'_, '_> {
    fn finish(self) {
        self.surface.finish();
    }

    /// Draws one line whose line box starts `top` points from the top of the page.
    fn line(&mut self, line: &Line, size: f32, align: Align, top: f32) {
        let level = if line.rtl { Level::rtl() } else { Level::ltr() };
        let runs = self.faces.shape(&line.text, level);
        let width = runs.iter().map(|r| r.advance).sum::<f32>() * size;
        let mut x = match align {
            Align::Left => self.left,
            Align::Right => self.right - width,
            Align::Center => (self.left + self.right - width) / 2.0,
        };
        let baseline = top + size;
        for run in runs {
            let font = self.faces.list[run.face].font.clone();
            let origin = Point::from_xy(x, baseline);
            self.surface
                .draw_glyphs(origin, &run.glyphs, font, &run.text, size, false);
            x += run.advance * size;
        }
    }
}

#[cfg(test)]
mod tests;
