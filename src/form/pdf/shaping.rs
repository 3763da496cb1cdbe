//! Shaping text into glyphs: DejaVu Sans, embedded, and the system fonts
//! found for what it lacks; runs of one face and one script, in visual
//! order, right to left where the Unicode bidirectional algorithm says so.

use std::ops::Range;
use std::sync::Arc;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

use super::geometry::SIZE;

/// DejaVu Sans 2.37, from Debian's `fonts-dejavu-core`; its licence is
/// `fonts/DejaVuSans-LICENSE.txt`.
static DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// A typeface: what shapes text, and what the PDF embeds.
pub(super) struct Face<'a> {
    pub(super) shaper: rustybuzz::Face<'a>,
    pub(super) font: Font,
}

impl<'a> Face<'a> {
    pub(super) fn new(bytes: &'a [u8], data: krilla::Data, index: u32) -> Option<Face<'a>> {
        Some(Face {
            shaper: rustybuzz::Face::from_slice(bytes, index)?,
            font: Font::new(data, index)?,
        })
    }

    pub(super) fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// A run of glyphs in one face and one direction, ready to draw.
pub(super) struct Run {
    pub(super) face: usize,
    pub(super) text: String,
    pub(super) glyphs: Vec<KrillaGlyph>,
    /// Advance in ems.
    pub(super) advance: f32,
}

/// The faces text is set in: DejaVu Sans first, then the system fonts found
/// for what it lacks.
pub(super) struct Faces<'a> {
    pub(super) list: Vec<Face<'a>>,
    /// The width of a column of text, in points: the mean advance of the
    /// lower-case Latin letters at the body's size.
    column: f32,
}

impl<'a> Faces<'a> {
    pub(super) fn primary() -> Result<Faces<'static>, String> {
        Faces::new(&[])
    }

    pub(super) fn new(system: &'a [SystemFont]) -> Result<Faces<'a>, String> {
        let dejavu = Face::new(DEJAVU_SANS, krilla::Data::from(DEJAVU_SANS), 0)
            .ok_or_else(|| crate::ui::tr!("form-font-unreadable"))?;
        let mut list = vec![dejavu];
        list.extend(
            system.iter().filter_map(|f| {
                Face::new(&f.bytes[..], krilla::Data::from(f.bytes.clone()), f.index)
            }),
        );
        let mut faces = Faces { list, column: 1.0 };
        let alphabet = "abcdefghijklmnopqrstuvwxyz";
        faces.column = faces.width(alphabet, SIZE) / alphabet.len() as f32;
        Ok(faces)
    }

    /// The width of a column of text, in points: what a line of text on a
    /// screen counts one character.
    pub(super) fn column(&self) -> f32 {
        self.column
    }

    /// The characters of `text` that no face has, each once.
    pub(super) fn missing(&self, text: impl Iterator<Item = char>) -> Vec<char> {
        let mut missing: Vec<char> = text
            .filter(|&c| !c.is_whitespace() && !is_invisible(c))
            .filter(|&c| !self.list.iter().any(|f| f.has(c)))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// How wide `text` is at `size`, in points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let level = ParagraphBidiInfo::new(text, None).paragraph_level;
        self.shape(text, level)
            .iter()
            .map(|r| r.advance)
            .sum::<f32>()
            * size
    }

    /// Shapes one line into runs in visual order, left to right.
    pub(super) fn shape(&self, text: &str, level: Level) -> Vec<Run> {
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
    pub(super) fn face_runs(&self, text: &str) -> Vec<(usize, Range<usize>)> {
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

    pub(super) fn shape_run(&self, face: usize, text: &str, rtl: bool) -> Run {
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

/// Whether `c` belongs with the character before it: an accent, a joiner,
/// a variation selector.
pub(super) fn joins_previous(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark || is_invisible(c)
}

/// Characters that take no room and need no glyph.
pub(super) fn is_invisible(c: char) -> bool {
    crate::text::is_bidi_control(c)
        || matches!(c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// A font file read from the system, for characters DejaVu Sans lacks.
pub(super) struct SystemFont {
    pub(super) bytes: Arc<Vec<u8>>,
    pub(super) index: u32,
}

/// Where systems keep fonts for the scripts DejaVu Sans lacks, most useful
/// first: CJK on Debian/Ubuntu, Fedora and Arch, then macOS and Windows, then
/// a few Noto fonts for Indic, Thai and Ethiopic scripts.
pub(super) const SYSTEM_FONTS: &[(&str, u32)] = &[
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
pub(super) fn system_fonts(missing: &mut Vec<char>) -> Vec<SystemFont> {
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
