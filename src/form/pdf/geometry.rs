//! The page's geometry: paper sizes, margins, type sizes and the places
//! an envelope's window shows.

/// Points in a millimetre.
pub(super) const MM: f32 = 72.0 / 25.4;
/// Body text size, in points.
pub(super) const SIZE: f32 = 11.0;
/// Distance between baselines, in points.
pub(super) const LEADING: f32 = 13.5;
/// Room a blank line between paragraphs takes: less than a line, the way
/// word processors space paragraphs.
pub(super) const GAP: f32 = 0.6 * LEADING;
/// Room between the closing and the writer's name, to sign by hand.
pub(super) const SIGNATURE: f32 = 2.5 * LEADING;
/// Page numbers are set smaller than the letter.
pub(super) const FOOTER_SIZE: f32 = 9.0;
/// Left, right and top margins.
pub(super) const MARGIN: f32 = 25.0 * MM;
/// The bottom margin; page numbers sit in the middle of it.
pub(super) const BOTTOM: f32 = 20.0 * MM;
/// How wide the recipient's lines may be: a window envelope's address field
/// (DIN 5008: 85 mm from 20 mm, so 80 mm from the 25 mm margin).
pub(super) const ADDRESS_WIDTH: f32 = 80.0 * MM;
/// How wide the writer's lines may be before they wrap.
pub(super) const SENDER_WIDTH: f32 = 90.0 * MM;

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
    pub(super) fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.0, 842.0),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Top of the recipient's first line: inside the window of an envelope
    /// once the page is folded in three (a DL envelope and DIN 5008's
    /// address field for A4, a #10 envelope for Letter).
    pub(super) fn address_top(self) -> f32 {
        match self {
            Paper::A4 => 52.0 * MM,
            Paper::Letter => 2.5 * 72.0,
        }
    }

    /// The highest the body may start: below the window, so that none of
    /// the letter shows through it.
    pub(super) fn body_top(self) -> f32 {
        match self {
            Paper::A4 => 95.0 * MM,
            Paper::Letter => 3.75 * 72.0,
        }
    }
}
