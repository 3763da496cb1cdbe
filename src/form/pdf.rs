//! Printable letters as PDF: the writer's block top right, the recipient
//! where a window envelope shows it, then the letter wrapped to the page and
//! flowing onto further pages.
//!
//! Text is shaped (rustybuzz) and set in DejaVu Sans, which is embedded in the
//! binary and covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and
//! Arabic. Characters it lacks (Chinese, Japanese, Korean, …) are taken from a
//! system font when one is installed; lines read right to left where the
//! Unicode bidirectional algorithm says so.

use std::ops::Range;
use std::sync::Arc;

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

/// DejaVu Sans 2.37, from Debian's `fonts-dejavu-core`; its licence is
/// `fonts/DejaVuSans-LICENSE.txt`.
static DEJAVU_SANS: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");

/// Points in a millimetre.
const MM: f32 = 72.0 / 25.4;
/// Body text size, in points.
const SIZE: f32 = 11.0;
/// Distance between baselines, in points.
const LEADING: f32 = 13.5;
/// Room a blank line between paragraphs takes: less than a line, the way
/// word processors space paragraphs.
const GAP: f32 = 0.6 * LEADING;
/// Room between the closing and the writer's name, to sign by hand.
const SIGNATURE: f32 = 2.5 * LEADING;
/// Page numbers are set smaller than the letter.
const FOOTER_SIZE: f32 = 9.0;
/// Left, right and top margins.
const MARGIN: f32 = 25.0 * MM;
/// The bottom margin; page numbers sit in the middle of it.
const BOTTOM: f32 = 20.0 * MM;
/// How wide the recipient's lines may be: a window envelope's address field
/// (DIN 5008: 85 mm from 20 mm, so 80 mm from the 25 mm margin).
const ADDRESS_WIDTH: f32 = 80.0 * MM;
/// How wide the writer's lines may be before they wrap.
const SENDER_WIDTH: f32 = 90.0 * MM;

/// Paper sizes for printed letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    // ISO 216 A4, 210 × 297 mm.
    A4,
    // US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points, as PDF writers round them.
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.0, 842.0),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Top of the recipient's first line: inside the window of an envelope
    /// once the page is folded in three (a DL envelope and DIN 5008's
    /// address field for A4, a #10 envelope for Letter).
    fn address_top(self) -> f32 {
        match self {
            Paper::A4 => 52.0 * MM,
            Paper::Letter => 2.5 * 72.0,
        }
    }

    /// The highest the body may start: below the window, so that none of
    /// the letter shows through it.
    fn body_top(self) -> f32 {
        match self {
            Paper::A4 => 95.0 * MM,
            Paper::Letter => 3.75 * 72.0,
        }
    }
}

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

        let blocks = faces.blocks(&body, text_width);
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

/// A line as it is set: its text, and whether it reads right to left.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    rtl: bool,
}

/// The body, as a page sees it.
#[derive(Debug, PartialEq)]
enum Block {
    /// Room between paragraphs.
    Space(Room),
    /// A paragraph, wrapped to the text width.
    Paragraph(Vec<Line>),
}

/// The kinds of room between paragraphs, whose heights a [`Spacing`] sets.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Room {
    /// Between paragraphs.
    Gap,
    /// Between the closing and the writer's name, to sign by hand.
    Signature,
}

/// How high each kind of room is, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spacing {
    gap: f32,
    signature: f32,
}

impl Spacing {
    fn height(self, room: Room) -> f32 {
        match room {
            Room::Gap => self.gap,
            Room::Signature => self.signature,
        }
    }
}

/// The spacings a letter is set in, loosest first: a letter that runs onto
/// another page by only a little is set tighter, paragraph gaps first, then
/// the room to sign, so that it ends a page sooner.
const SPACINGS: [Spacing; 4] = [
    Spacing {
        gap: GAP,
        signature: SIGNATURE,
    },
    Spacing {
        gap: 0.4 * LEADING,
        signature: SIGNATURE,
    },
    Spacing {
        gap: 0.25 * LEADING,
        signature: SIGNATURE,
    },
    Spacing {
        gap: 0.25 * LEADING,
        signature: 2.0 * LEADING,
    },
];

/// What a page holds, top to bottom.
#[derive(Debug, PartialEq)]
enum Row<'l> {
    Line(&'l Line),
    Space(f32),
}

impl Row<'_> {
    fn height(&self) -> f32 {
        match self {
            Row::Line(_) => LEADING,
            Row::Space(height) => *height,
        }
    }
}

/// The body's pages in the loosest spacing that needs no more pages than
/// any other: see [`SPACINGS`].
fn fitted(blocks: &[Block], first: f32, rest: f32) -> Vec<Vec<Row<'_>>> {
    let loose = paginate(blocks, first, rest, SPACINGS[0]);
    if loose.len() == 1 {
        return loose;
    }
    SPACINGS[1..]
        .iter()
        .map(|&spacing| paginate(blocks, first, rest, spacing))
        .find(|pages| pages.len() < loose.len())
        .unwrap_or(loose)
}

/// Which block is the closing ("Yours sincerely,"): a one-line paragraph,
/// room, then a short last block, the writer's name.
fn closing_at(blocks: &[Block]) -> Option<usize> {
    match blocks {
        [
            ..,
            Block::Paragraph(closing),
            Block::Space(_),
            Block::Paragraph(name),
        ] if closing.len() == 1 && name.len() <= 3 => Some(blocks.len() - 3),
        _ => None,
    }
}

/// Which rows of the body go on which page, given the height (in points)
/// the body has on the first page and on the others. A page never starts
/// with space; a paragraph leaves at least two lines on each page it spans,
/// or moves on whole; a one-line paragraph (a salutation, "Yours
/// sincerely,") goes to the next page rather than end a page alone; and the
/// closing and the signature take at least the last two lines of the
/// paragraph before them along, never standing alone at the top of a page.
fn paginate(blocks: &[Block], first: f32, rest: f32, spacing: Spacing) -> Vec<Vec<Row<'_>>> {
    // Every page after the first holds at least a line, so the loop ends.
    let rest = rest.max(LEADING);
    // The paragraph that ends the letter before its closing, and the
    // height that must follow it on its page: room, closing, room, name.
    let last = closing_at(blocks).and_then(|closing| {
        let before = closing.checked_sub(2)?;
        matches!(
            (&blocks[before], &blocks[before + 1]),
            (Block::Paragraph(_), Block::Space(_))
        )
        .then(|| (before, height(&blocks[before + 1..], spacing)))
    });
    let mut pages: Vec<Vec<Row>> = vec![Vec::new()];
    let room = |pages: &[Vec<Row>]| {
        let capacity = if pages.len() == 1 { first } else { rest };
        capacity
            - pages
                .last()
                .map_or(0.0, |p| p.iter().map(Row::height).sum())
    };
    for (index, block) in blocks.iter().enumerate() {
        let lines = match block {
            Block::Space(kind) => {
                let height = spacing.height(*kind);
                let room = room(&pages);
                if let Some(page) = pages.last_mut()
                    && !page.is_empty()
                    && room >= height
                {
                    page.push(Row::Space(height));
                }
                continue;
            }
            Block::Paragraph(lines) => lines,
        };
        let mut left = &lines[..];
        while !left.is_empty() {
            let room = room(&pages);
            let fit = (room / LEADING + 1e-3).max(0.0) as usize;
            let empty = pages.last().is_none_or(|p| p.is_empty());
            let mut take = lines_here(left.len(), fit);
            if let Some((before, tail)) = last
                && index == before
                && take == left.len()
                && LEADING * take as f32 + tail > room + 1e-3
            {
                // The closing would not follow on this page: two lines or
                // more go on with it.
                take = lines_here(left.len(), left.len().saturating_sub(2));
            }
            if take == 0 && empty {
                take = left.len().min(fit);
            }
            if lines.len() == 1
                && !empty
                && room + 1e-3 < LEADING + kept_with(&blocks[index + 1..], spacing)
            {
                take = 0;
            }
            if take == 0 {
                pages.push(Vec::new());
                continue;
            }
            if let Some(page) = pages.last_mut() {
                page.extend(left[..take].iter().map(Row::Line));
            }
            left = &left[take..];
        }
    }
    if pages.len() > 1 && pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

/// How high `blocks` are, set one after the other.
fn height(blocks: &[Block], spacing: Spacing) -> f32 {
    blocks
        .iter()
        .map(|b| match b {
            Block::Space(kind) => spacing.height(*kind),
            Block::Paragraph(lines) => LEADING * lines.len() as f32,
        })
        .sum()
}

/// How many of a paragraph's `left` lines to set where `fit` lines fit: all
/// if they do; else at least two here and two on the next page, or none.
fn lines_here(left: usize, fit: usize) -> usize {
    if left <= fit {
        return left;
    }
    let take = fit.min(left.saturating_sub(2));
    if take < 2 { 0 } else { take }
}

/// The height that must follow a one-line paragraph on its page: the space
/// after it and the first two lines of the next paragraph.
fn kept_with(after: &[Block], spacing: Spacing) -> f32 {
    let mut height = 0.0;
    for block in after {
        match block {
            Block::Space(kind) => height += spacing.height(*kind),
            Block::Paragraph(lines) => return height + LEADING * lines.len().min(2) as f32,
        }
    }
    0.0
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
    Center,
}

/// A typeface: what shapes text, and what the PDF embeds.
struct Face<'a> {
    shaper: rustybuzz::Face<'a>,
    font: Font,
}

impl<'a> Face<'a> {
    fn new(bytes: &'a [u8], data: krilla::Data, index: u32) -> Option<Face<'a>> {
        Some(Face {
            shaper: rustybuzz::Face::from_slice(bytes, index)?,
            font: Font::new(data, index)?,
        })
    }

    fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// A run of glyphs in one face and one direction, ready to draw.
struct Run {
    face: usize,
    text: String,
    glyphs: Vec<KrillaGlyph>,
    /// Advance in ems.
    advance: f32,
}

/// The faces text is set in: DejaVu Sans first, then the system fonts found
/// for what it lacks.
struct Faces<'a> {
    list: Vec<Face<'a>>,
}

impl<'a> Faces<'a> {
    fn primary() -> Result<Faces<'static>, String> {
        Faces::new(&[])
    }

    fn new(system: &'a [SystemFont]) -> Result<Faces<'a>, String> {
        let dejavu = Face::new(DEJAVU_SANS, krilla::Data::from(DEJAVU_SANS), 0)
            .ok_or_else(|| crate::ui::tr!("form-font-unreadable"))?;
        let mut list = vec![dejavu];
        list.extend(
            system.iter().filter_map(|f| {
                Face::new(&f.bytes[..], krilla::Data::from(f.bytes.clone()), f.index)
            }),
        );
        Ok(Faces { list })
    }

    /// The characters of `text` that no face has, each once.
    fn missing(&self, text: impl Iterator<Item = char>) -> Vec<char> {
        let mut missing: Vec<char> = text
            .filter(|&c| !c.is_whitespace() && !is_invisible(c))
            .filter(|&c| !self.list.iter().any(|f| f.has(c)))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Lines of a block set one under the other, each wrapped to `width`.
    fn set_lines(&self, lines: &[String], width: f32) -> Vec<Line> {
        lines.iter().flat_map(|l| self.wrap(l, width)).collect()
    }

    /// The body's paragraphs and the blank lines between them.
    fn blocks(&self, body: &str, width: f32) -> Vec<Block> {
        let mut blocks = Vec::new();
        for line in body.trim_end().lines() {
            if line.trim().is_empty() {
                blocks.push(Block::Space(Room::Gap));
                continue;
            }
            let wrapped = self.wrap(line, width);
            match blocks.last_mut() {
                Some(Block::Paragraph(lines)) => lines.extend(wrapped),
                _ => blocks.push(Block::Paragraph(wrapped)),
            }
        }
        while let Some(Block::Space(_)) = blocks.first() {
            blocks.remove(0);
        }
        // A one-line closing, a blank line and a short block to end: the
        // writer's name under "Yours sincerely,", with room to sign between.
        if let Some(closing) = closing_at(&blocks) {
            blocks[closing + 1] = Block::Space(Room::Signature);
        }
        blocks
    }

    /// Breaks one line of text into lines no wider than `width` points,
    /// between words; a word is split only when it alone is wider.
    fn wrap(&self, text: &str, width: f32) -> Vec<Line> {
        let rtl = ParagraphBidiInfo::new(text, None).paragraph_level.is_rtl();
        let space = self.width(" ", SIZE);
        let mut lines = Vec::new();
        let mut current = String::new();
        let mut used = 0.0;
        for word in words(text) {
            let w = self.width(word, SIZE);
            if !current.is_empty() && used + space + w <= width {
                current.push(' ');
                current.push_str(word);
                used += space + w;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if w <= width {
                current.push_str(word);
                used = w;
            } else {
                let mut pieces = self.split_word(word, width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                used = self.width(&last, SIZE);
                current = last;
            }
        }
        if !current.is_empty() || lines.is_empty() {
            lines.push(current);
        }
        lines.into_iter().map(|text| Line { text, rtl }).collect()
    }

    /// A word wider than `width`, cut into pieces that fit, never inside a
    /// character and its accents.
    fn split_word(&self, word: &str, width: f32) -> Vec<String> {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        let mut used = 0.0;
        for cluster in clusters(word) {
            let w = self.width(cluster, SIZE);
            if !piece.is_empty() && used + w > width {
                pieces.push(std::mem::take(&mut piece));
                used = 0.0;
            }
            piece.push_str(cluster);
            used += w;
        }
        if !piece.is_empty() {
            pieces.push(piece);
        }
        pieces
    }

    /// How wide `text` is at `size`, in points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let level = ParagraphBidiInfo::new(text, None).paragraph_level;
        self.shape(text, level)
            .iter()
            .map(|r| r.advance)
            .sum::<f32>()
            * size
    }

    /// Shapes one line into runs in visual order, left to right.
    fn shape(&self, text: &str, level: Level) -> Vec<Run> {
        let bidi = ParagraphBidiInfo::new(text, Some(level));
        let (levels, visual) = bidi.visual_runs(0..text.len());
        let mut runs = Vec::new();
        for range in visual {
            let rtl = levels.get(range.start).is_some_and(|l| l.is_rtl());
            let mut pieces = self.face_runs(&text[range.clone()]);
            if rtl {
                pieces.reverse();
            }
            for (face, piece) in pieces {
                let start = range.start + piece.start;
                let end = range.start + piece.end;
                runs.push(self.shape_run(face, &text[start..end], rtl));
            }
        }
        runs
    }

    /// Cuts `text` where the face or the script changes, since a run is
    /// shaped in one face for one script: DejaVu Sans wherever it can;
    /// accents and joiners stay with their base, spaces, digits and
    /// punctuation with the script around them.
    fn face_runs(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let neutral = |s: Script| matches!(s, Script::Common | Script::Inherited | Script::Unknown);
        let mut runs: Vec<(usize, Script, Range<usize>)> = Vec::new();
        for (at, c) in text.char_indices() {
            let previous = runs.last().map(|r| r.0);
            let face = match previous {
                Some(p) if joins_previous(c) => p,
                Some(p) if c.is_whitespace() && self.list[p].has(c) => p,
                _ => self
                    .list
                    .iter()
                    .position(|f| f.has(c))
                    .or(previous)
                    .unwrap_or(0),
            };
            let script = c.script();
            let end = at + c.len_utf8();
            match runs.last_mut() {
                Some((f, s, range))
                    if *f == face && (neutral(script) || neutral(*s) || *s == script) =>
                {
                    if neutral(*s) {
                        *s = script;
                    }
                    range.end = end;
                }
                _ => runs.push((face, script, at..end)),
            }
        }
        runs.into_iter()
            .map(|(face, _, range)| (face, range))
            .collect()
    }

    fn shape_run(&self, face: usize, text: &str, rtl: bool) -> Run {
        let shaper = &self.list[face].shaper;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        let shaped = rustybuzz::shape(shaper, &[], buffer);
        let em = shaper.units_per_em() as f32;
        // A glyph stands for the text from its cluster to the next cluster.
        let mut starts: Vec<usize> = shaped
            .glyph_infos()
            .iter()
            .map(|g| g.cluster as usize)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let glyphs: Vec<KrillaGlyph> = shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let next = starts.partition_point(|&s| s <= start);
                let end = starts.get(next).copied().unwrap_or(text.len());
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / em,
                    pos.x_offset as f32 / em,
                    pos.y_offset as f32 / em,
                    pos.y_advance as f32 / em,
                    start..end,
                    None,
                )
            })
            .collect();
        let advance = shaped
            .glyph_positions()
            .iter()
            .map(|p| p.x_advance as f32)
            .sum::<f32>()
            / em;
        Run {
            face,
            text: text.to_string(),
            glyphs,
            advance,
        }
    }
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

/// The words of a line: what spaces separate, except no-break spaces.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}'))
        .filter(|w| !w.is_empty())
}

/// Pieces of a word that must stay together: a character with the accents
/// and joiners that follow it.
fn clusters(word: &str) -> impl Iterator<Item = &str> {
    let mut starts: Vec<usize> = Vec::new();
    let mut after_joiner = false;
    for (at, c) in word.char_indices() {
        if starts.is_empty() || !(joins_previous(c) || after_joiner) {
            starts.push(at);
        }
        after_joiner = c == '\u{200D}';
    }
    let ends: Vec<usize> = starts.iter().skip(1).copied().chain([word.len()]).collect();
    starts.into_iter().zip(ends).map(move |(s, e)| &word[s..e])
}

/// Whether `c` belongs with the character before it: an accent, a joiner,
/// a variation selector.
fn joins_previous(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark || is_invisible(c)
}

/// Characters that take no room and need no glyph.
fn is_invisible(c: char) -> bool {
    crate::text::is_bidi_control(c)
        || matches!(c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// A font file read from the system, for characters DejaVu Sans lacks.
struct SystemFont {
    bytes: Arc<Vec<u8>>,
    index: u32,
}

/// Where systems keep fonts for the scripts DejaVu Sans lacks, most useful
/// first: CJK on Debian/Ubuntu, Fedora and Arch, then macOS and Windows, then
/// a few Noto fonts for Indic, Thai and Ethiopic scripts.
const SYSTEM_FONTS: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 0),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        0,
    ),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
    ),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    ("/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", 0),
    ("/System/Library/Fonts/AppleSDGothicNeo.ttc", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\YuGothM.ttc", 0),
    ("C:\\Windows\\Fonts\\malgun.ttf", 0),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
    ("C:\\Windows\\Fonts\\Nirmala.ttf", 0),
    ("C:\\Windows\\Fonts\\LeelawUI.ttf", 0),
    ("C:\\Windows\\Fonts\\ebrima.ttf", 0),
    (
        "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
        0,
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
        0,
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf",
        0,
    ),
    ("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", 0),
    (
        "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf",
        0,
    ),
];

/// Reads the system fonts that have some of the `missing` characters, until
/// none is left or the list runs out; what no font has is set as DejaVu
/// Sans's "missing glyph" box.
fn system_fonts(missing: &mut Vec<char>) -> Vec<SystemFont> {
    let mut found = Vec::new();
    for &(path, index) in SYSTEM_FONTS {
        if missing.is_empty() {
            break;
        }
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let before = missing.len();
        if let Some(face) = rustybuzz::Face::from_slice(&bytes, index) {
            missing.retain(|&c| face.glyph_index(c).is_none());
        }
        if missing.len() < before {
            found.push(SystemFont {
                bytes: Arc::new(bytes),
                index,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::process::Command;

    /// Runs a poppler tool on `pdf` (options, the file, then `after`);
    /// fails, saying what to install, when the tool is missing.
    fn poppler(tool: &str, options: &[&str], pdf: &[u8], after: &[&str]) -> String {
        let mut file = tempfile::Builder::new()
            .suffix(".pdf")
            .tempfile()
            .expect("a temporary file can be made");
        file.write_all(pdf)
            .expect("the PDF can be written to a temporary file");
        let output = Command::new(tool)
            .args(options)
            .arg(file.path())
            .args(after)
            .output()
            .unwrap_or_else(|e| {
                panic!("could not run `{tool}` ({e}): install poppler-utils (apt-get install -y poppler-utils)")
            });
        assert!(
            output.status.success(),
            "{tool} failed on the PDF: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("poppler writes UTF-8")
    }

    fn pdftotext(pdf: &[u8]) -> String {
        poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf, &["-"])
    }

    /// A field of `pdfinfo`'s report: `Pages`, `Page size`.
    fn pdfinfo(pdf: &[u8], field: &str) -> String {
        let report = poppler("pdfinfo", &[], pdf, &[]);
        report
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("pdfinfo reports no {field}:\n{report}"))
    }

    fn strings(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    const WORDS: &[&str] = &[
        "détention",
        "arbitraire",
        "family",
        "office",
        "final",
        "Ελευθερία",
        "свобода",
        "lawyers",
        "Ñandú",
        "conditions",
        "Straße",
        "detainees",
        "urgently",
        "release",
        "prompt",
        "access",
        "medical",
        "care",
        "Президент",
        "δικαιοσύνη",
    ];

    /// A letter long enough for two A4 pages.
    fn long_body() -> String {
        let mut body = String::from("29 November 2026\n\nDear Minister,\n\n");
        for p in 0..6 {
            let words: Vec<&str> = (0..70)
                .map(|i| WORDS[(i * 7 + p * 3) % WORDS.len()])
                .collect();
            body.push_str(&words.join(" "));
            body.push_str(".\n\n");
        }
        body.push_str("Yours sincerely,\n\nZoë Παπαδοπούλου-Иванова\nLyon, France\n");
        body
    }

    /// Where each of `needles` is in `haystack`'s words, in order; panics
    /// naming the first one missing.
    fn assert_in_order(haystack: &str, needles: &[&str]) {
        let words: Vec<&str> = haystack.split_whitespace().collect();
        let mut at = 0;
        for needle in needles {
            match words[at..].iter().position(|w| w == needle) {
                Some(found) => at += found + 1,
                None => {
                    panic!("`{needle}` is missing or out of order after word {at} in:\n{haystack}")
                }
            }
        }
    }

    #[test]
    fn text_comes_out_in_reading_order_across_two_pages() {
        let sender = strings(&["Zoë Παπαδοπούλου-Иванова", "Lyon, France"]);
        let recipient = strings(&[
            "Kristi Noem",
            "Secretary of Homeland Security",
            "2707 Martin Luther King Jr Ave SE, Washington, DC 20528",
        ]);
        let body = long_body();
        let page = Page {
            sender: &sender,
            recipient: &recipient,
            body: &body,
        };
        let pdf = render(&page, Paper::A4).expect("the letter renders");
        assert_eq!(pdfinfo(&pdf, "Pages"), "2");

        let text = pdftotext(&pdf);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut at = 0;
        for line in sender.iter().chain(&recipient) {
            match flat[at..].find(line.as_str()) {
                Some(found) => at += found + line.len(),
                None => panic!("`{line}` is missing or out of order in:\n{text}"),
            }
        }
        let after_head = &flat[at..];
        assert_in_order(after_head, &body.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn paper_sizes_set_the_media_box() {
        let sender = strings(&["A. Writer"]);
        let page = Page {
            sender: &sender,
            recipient: &[],
            body: "Hello.",
        };
        let sizes = [
            (Paper::A4, "595 x 842 pts (A4)", "/MediaBox [0 0 595 842]"),
            (
                Paper::Letter,
                "612 x 792 pts (letter)",
                "/MediaBox [0 0 612 792]",
            ),
        ];
        for (paper, size, media_box) in sizes {
            let pdf = render(&page, paper).expect("the page renders");
            assert_eq!(pdfinfo(&pdf, "Page size"), size, "{paper:?}");
            assert_eq!(pdfinfo(&pdf, "Pages"), "1", "{paper:?}");
            let bytes = String::from_utf8_lossy(&pdf);
            assert!(
                bytes.contains(media_box),
                "{paper:?}: no {media_box} in the PDF"
            );
        }
    }

    #[test]
    fn keeps_hard_line_breaks() {
        let body = "Dear Sir,\n\nYours sincerely,\nZoë Dupont\nLyon, France";
        let page = Page {
            sender: &[],
            recipient: &[],
            body,
        };
        let text = pdftotext(&render(&page, Paper::Letter).expect("the page renders"));
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "Dear Sir,",
                "Yours sincerely,",
                "Zoë Dupont",
                "Lyon, France"
            ]
        );
    }

    #[test]
    fn wraps_between_words_within_the_width() {
        let faces = Faces::primary().expect("the embedded font loads");
        let text = long_body().replace('\n', " ");
        let width = 200.0;
        let lines = faces.wrap(&text, width);
        assert!(lines.len() > 20);
        for line in &lines {
            assert!(
                faces.width(&line.text, SIZE) <= width + 0.01,
                "too wide: {}",
                line.text
            );
        }
        let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.text.split(' ')).collect();
        assert_eq!(rejoined, text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn no_break_spaces_hold_words_together() {
        let words: Vec<&str> = words("10\u{A0}000 people, M.\u{202F}Dupont").collect();
        assert_eq!(words, ["10\u{A0}000", "people,", "M.\u{202F}Dupont"]);
    }

    #[test]
    fn splits_only_words_wider_than_the_line() {
        let faces = Faces::primary().expect("the embedded font loads");
        let long = "https://www.example.org/a/very/long/path/that/does/not/fit/on/one/line/at/all";
        let lines = faces.wrap(&format!("see {long} now"), 150.0);
        assert_eq!(lines[0].text, "see");
        assert_eq!(lines.last().map(|l| l.text.as_str()), Some("now"));
        let pieces: String = lines[1..lines.len() - 1]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(pieces, long);
        assert!(lines.iter().all(|l| faces.width(&l.text, SIZE) <= 150.0));
    }

    #[test]
    fn right_to_left_lines_are_marked_and_render() {
        let faces = Faces::primary().expect("the embedded font loads");
        assert!(faces.wrap("שלום עולם", 300.0)[0].rtl);
        assert!(faces.wrap("مرحبا بالعالم", 300.0)[0].rtl);
        assert!(!faces.wrap("Dear Sir, שלום", 300.0)[0].rtl);
        let page = Page {
            sender: &strings(&["דוד כהן"]),
            recipient: &strings(&["السيد الوزير", "Ministry of Justice"]),
            body: "Dear Minister,\n\nمرحبا بالعالم and שלום.\n",
        };
        let text = pdftotext(&render(&page, Paper::A4).expect("the page renders"));
        assert!(text.contains("Ministry of Justice"), "{text}");
    }

    #[test]
    fn each_run_has_one_script() {
        let faces = Faces::primary().expect("the embedded font loads");
        let text = "Hebrew עברית, Arabic العربية.";
        let runs: Vec<&str> = faces
            .face_runs(text)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(runs, ["Hebrew ", "עברית, ", "Arabic ", "العربية."]);
    }

    #[test]
    fn characters_no_font_has_do_not_fail() {
        let page = Page {
            sender: &strings(&["王小明"]),
            recipient: &strings(&["金正恩", "\u{1F600} \u{10FFFD}"]),
            body: "Dear 先生,\n\n\u{0}Greetings\u{7} ✊🏽 from 東京.\n",
        };
        let pdf = render(&page, Paper::A4).expect("unknown characters still render");
        assert!(pdftotext(&pdf).contains("Greetings"));
    }

    #[test]
    fn a_one_line_paragraph_moves_on_with_what_follows() {
        let line = |t: &str| Line {
            text: t.to_string(),
            rtl: false,
        };
        let blocks = vec![
            Block::Paragraph(vec![line("a"), line("b")]),
            Block::Space(Room::Gap),
            Block::Paragraph(vec![line("Yours sincerely,")]),
            Block::Space(Room::Signature),
            Block::Paragraph(vec![line("Zoë"), line("Lyon")]),
        ];
        let pages = paginate(&blocks, 4.0 * LEADING + GAP, 20.0 * LEADING, SPACINGS[0]);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1][0], Row::Line(&line("Yours sincerely,")));
        assert_eq!(pages[1][1], Row::Space(SIGNATURE));
    }

    #[test]
    fn the_closing_leaves_room_to_sign() {
        let faces = Faces::primary().expect("the embedded font loads");
        let blocks = faces.blocks(
            "\n\nDear Sir,\n\nText.\n\nYours sincerely,\n\nZoë\nLyon\n\n",
            400.0,
        );
        let spaces: Vec<Room> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Space(room) => Some(*room),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(spaces, [Room::Gap, Room::Gap, Room::Signature]);
        assert_eq!(blocks.len(), 7);
    }

    #[test]
    fn paragraphs_leave_two_lines_on_each_page() {
        assert_eq!(lines_here(5, 10), 5);
        assert_eq!(lines_here(5, 4), 3);
        assert_eq!(lines_here(5, 1), 0);
        assert_eq!(lines_here(3, 2), 0);
        assert_eq!(lines_here(2, 1), 0);
        assert_eq!(lines_here(1, 0), 0);
    }

    #[test]
    fn an_empty_letter_is_one_page() {
        let page = Page {
            sender: &[],
            recipient: &[],
            body: "",
        };
        let pdf = render(&page, Paper::A4).expect("an empty page renders");
        assert_eq!(pdfinfo(&pdf, "Pages"), "1");
    }
    fn line(t: &str) -> Line {
        Line {
            text: t.to_string(),
            rtl: false,
        }
    }

    #[test]
    fn the_closing_takes_the_last_two_lines_along() {
        let text: Vec<Line> = (1..=5).map(|n| line(&format!("line {n}"))).collect();
        let blocks = vec![
            Block::Paragraph(text),
            Block::Space(Room::Gap),
            Block::Paragraph(vec![line("Yours sincerely,")]),
            Block::Space(Room::Signature),
            Block::Paragraph(vec![line("Zoë"), line("Lyon")]),
        ];
        // All five lines fit on the first page, but not the closing after them.
        let pages = paginate(&blocks, 6.0 * LEADING, 20.0 * LEADING, SPACINGS[0]);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 3);
        assert_eq!(pages[1][0], Row::Line(&line("line 4")));
        assert_eq!(pages[1][1], Row::Line(&line("line 5")));
        assert_eq!(pages[1][3], Row::Line(&line("Yours sincerely,")));
    }

    #[test]
    fn a_short_last_paragraph_moves_on_whole_with_the_closing() {
        let blocks = vec![
            Block::Paragraph(vec![line("a"), line("b"), line("c")]),
            Block::Space(Room::Gap),
            Block::Paragraph(vec![line("d"), line("e"), line("f")]),
            Block::Space(Room::Gap),
            Block::Paragraph(vec![line("Yours sincerely,")]),
            Block::Space(Room::Signature),
            Block::Paragraph(vec![line("Zoë")]),
        ];
        let pages = paginate(&blocks, 7.0 * LEADING + GAP, 20.0 * LEADING, SPACINGS[0]);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1][0], Row::Line(&line("d")));
    }

    #[test]
    fn a_slight_overflow_is_set_tighter() {
        let mut blocks = Vec::new();
        for p in 0..8 {
            blocks.push(Block::Paragraph(vec![line(&format!("p{p}")), line("x")]));
            blocks.push(Block::Space(Room::Gap));
        }
        blocks.push(Block::Paragraph(vec![line("Yours sincerely,")]));
        blocks.push(Block::Space(Room::Signature));
        blocks.push(Block::Paragraph(vec![line("Zoë")]));
        let tight = SPACINGS[SPACINGS.len() - 1];
        let first = height(&blocks, tight);
        assert_eq!(
            paginate(&blocks, first, 40.0 * LEADING, SPACINGS[0]).len(),
            2
        );
        let pages = fitted(&blocks, first, 40.0 * LEADING);
        assert_eq!(pages.len(), 1);
        // Gaps give way before the room to sign does.
        let gaps = fitted(&blocks, height(&blocks, SPACINGS[2]), 40.0 * LEADING);
        assert_eq!(gaps.len(), 1);
        assert!(gaps[0].contains(&Row::Space(SIGNATURE)));
        // A letter far too long keeps its spacing.
        let far = fitted(&blocks, first / 2.0, 40.0 * LEADING);
        assert!(far[0].contains(&Row::Space(GAP)));
    }

    /// A letter body whose last paragraph has `words` words.
    fn letter_with_note(words: usize, name: &str) -> String {
        let note: Vec<&str> = (0..words).map(|i| WORDS[i % WORDS.len()]).collect();
        format!(
            "29 November 2026\n\nDear Minister,\n\n{}\n\n{}.\n\nYours sincerely,\n\n{name}\nLyon, France\n",
            "I urge you to release them. ".repeat(20).trim_end(),
            note.join(" ")
        )
    }

    /// The pages of a PDF as `pdftotext` reads them: a form feed ends each.
    fn pages_of(pdf: &[u8]) -> Vec<String> {
        let text = pdftotext(pdf);
        let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
        if pages.last().is_some_and(|p| p.trim().is_empty()) {
            pages.pop();
        }
        pages
    }

    fn nonblank(page: &str) -> Vec<&str> {
        page.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn a_long_note_takes_its_last_lines_to_the_signature_page() {
        let sender = strings(&["Zoë Dupont", "Lyon, France"]);
        let recipient = strings(&["Kristi Noem", "Secretary of Homeland Security"]);
        let mut checked = 0;
        for words in (200..520).step_by(10) {
            let body = letter_with_note(words, "Zoë Dupont");
            let page = Page {
                sender: &sender,
                recipient: &recipient,
                body: &body,
            };
            let pages = pages_of(&render(&page, Paper::A4).expect("the letter renders"));
            let Some(last) = pages.get(1) else { continue };
            let lines = nonblank(last);
            let Some(closing) = lines.iter().position(|l| *l == "Yours sincerely,") else {
                continue;
            };
            checked += 1;
            assert!(
                closing >= 2,
                "{words} words: the closing has {closing} line(s) of the letter above it:\n{last}"
            );
        }
        assert!(checked > 3, "only {checked} notes pushed the closing over");
    }

    #[test]
    fn a_letter_slightly_too_long_fits_on_one_page() {
        let (width, height) = Paper::A4.size();
        let faces = Faces::primary().expect("the embedded font loads");
        let body_top = Paper::A4
            .body_top()
            .max(Paper::A4.address_top() + 2.0 * LEADING);
        let first = height - BOTTOM - body_top;
        let rest = height - MARGIN - BOTTOM;
        let mut fitted_one = 0;
        for words in (60..260).step_by(4) {
            let body = letter_with_note(words, "Zoë Dupont");
            let blocks = faces.blocks(&body, width - 2.0 * MARGIN);
            if paginate(&blocks, first, rest, SPACINGS[0]).len() != 2
                || fitted(&blocks, first, rest).len() != 1
            {
                continue;
            }
            let page = Page {
                sender: &[],
                recipient: &[],
                body: &body,
            };
            let pdf = render(&page, Paper::A4).expect("the letter renders");
            assert_eq!(pdfinfo(&pdf, "Pages"), "1", "{words} words");
            assert!(pdftotext(&pdf).contains("Zoë Dupont"));
            fitted_one += 1;
        }
        assert!(fitted_one > 0, "no letter overflowed by a little");
    }

    /// `count` letters, every seventh one two pages long.
    fn event(count: usize) -> Vec<(Vec<String>, String)> {
        (0..count)
            .map(|i| {
                let name = format!("Signer{i:03} Núñez");
                let words = if i % 7 == 3 { 500 } else { 40 };
                let body = letter_with_note(words, &name);
                (strings(&[&name, "Lyon, France"]), body)
            })
            .collect()
    }

    fn book(letters: &[(Vec<String>, String)], duplex: bool) -> Vec<u8> {
        let recipient = strings(&["Kristi Noem", "Secretary of Homeland Security"]);
        let mut book = Book::new(Paper::A4, duplex).expect("a book");
        for (sender, body) in letters {
            let page = Page {
                sender,
                recipient: &recipient,
                body,
            };
            book.add(&page).expect("the letter is set");
        }
        assert_eq!(book.letters(), letters.len());
        book.finish().expect("the book is written")
    }

    /// The page (from 0) on which each signer's letter starts: a page whose
    /// first line is their name; every name is found once, as the first line.
    fn starts(pages: &[String], letters: &[(Vec<String>, String)]) -> Vec<usize> {
        letters
            .iter()
            .map(|(sender, _)| {
                let name = &sender[0];
                let found: Vec<usize> = pages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| nonblank(p).first() == Some(&name.as_str()))
                    .map(|(n, _)| n)
                    .collect();
                assert_eq!(found.len(), 1, "{name} heads pages {found:?}");
                let text = pages.concat();
                assert_eq!(
                    text.matches(name.as_str()).count(),
                    2,
                    "{name}: sender and signature"
                );
                found[0]
            })
            .collect()
    }

    #[test]
    fn a_book_starts_every_letter_on_a_new_page() {
        let letters = event(200);
        let pages = pages_of(&book(&letters, false));
        let starts = starts(&pages, &letters);
        assert_eq!(starts[0], 0);
        for (n, pair) in starts.windows(2).enumerate() {
            let length = if n % 7 == 3 { 2 } else { 1 };
            assert_eq!(pair[1] - pair[0], length, "letter {n}");
        }
        assert_eq!(pages.len(), 200 + 200 / 7 + 1);
    }

    #[test]
    fn a_duplex_book_starts_every_letter_on_an_odd_page() {
        let letters = event(30);
        let pages = pages_of(&book(&letters, true));
        let starts = starts(&pages, &letters);
        assert!(starts.iter().all(|s| s % 2 == 0), "{starts:?}");
        // A blank page only after a letter of one page, and none at the end.
        assert_eq!(pages.len(), 2 * 30 - 1);
        for (n, pair) in starts.windows(2).enumerate() {
            let blank = &pages[pair[1] - 1];
            assert_eq!(nonblank(blank).is_empty(), n % 7 != 3, "after letter {n}");
        }
    }
}
