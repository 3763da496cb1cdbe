//! Breaking text into lines as wide as the page allows: textwrap's optimal
//! fit over the widths the shaped glyphs really take, as `.txt` letters
//! are wrapped with it over columns, so that a letter breaks alike on
//! paper and on screen. A no-break space never breaks (a French date
//! stays on one line); a word is split only when it alone is wider than
//! the line, and never inside a character and its accents.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_bidi::ParagraphBidiInfo;

use super::geometry::SIZE;
use super::shaping::{Faces, joins_previous};

/// textwrap's penalties for `.txt` letters, but that a line never runs
/// past the margin: in whole columns of text an overflow costs 2,500 a
/// column, but measured widths overflow by a fraction of one, which would
/// come cheap.
const PENALTIES: Penalties = Penalties {
    overflow_penalty: u32::MAX as usize,
    ..Penalties::new()
};

/// A line as it is set: its text, and whether it reads right to left.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) rtl: bool,
}

/// A word, or a piece of a word too wide for a line, with its measured
/// width and the width of the space after it, in columns (see
/// [`Faces::column`]): textwrap's penalties are weighed in columns of
/// text, so a PDF line and a `.txt` line are judged on one scale.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    width: f64,
    space: f64,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width
    }

    fn whitespace_width(&self) -> f64 {
        self.space
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

impl Faces<'_> {
    /// Lines of a block set one under the other, each wrapped to `width`.
    pub(super) fn set_lines(&self, lines: &[String], width: f32) -> Vec<Line> {
        lines.iter().flat_map(|l| self.wrap(l, width)).collect()
    }

    /// Breaks one line of text into lines no wider than `width` points,
    /// between words, where textwrap's optimal fit finds the most even
    /// lines.
    pub(super) fn wrap(&self, text: &str, width: f32) -> Vec<Line> {
        let rtl = ParagraphBidiInfo::new(text, None).paragraph_level.is_rtl();
        let column = f64::from(self.column());
        let space = f64::from(self.width(" ", SIZE)) / column;
        let mut pieces = Vec::new();
        for word in words(text) {
            let measured = self.width(word, SIZE);
            let parts = if measured <= width {
                vec![(word, measured)]
            } else {
                self.split_word(word, width)
            };
            let last = parts.len().saturating_sub(1);
            pieces.extend(parts.into_iter().enumerate().map(|(i, (text, w))| Piece {
                text,
                width: f64::from(w) / column,
                // The pieces of a split word join with nothing between them.
                space: if i == last { space } else { 0.0 },
            }));
        }
        let widths = [f64::from(width) / column];
        let broken = match wrap_optimal_fit(&pieces, &widths, &PENALTIES) {
            Ok(lines) => lines,
            // Only widths near f64's limits overflow the costs.
            Err(_) => wrap_first_fit(&pieces, &widths),
        };
        let mut lines: Vec<Line> = broken
            .into_iter()
            .map(|line| Line {
                text: joined(line),
                rtl,
            })
            .collect();
        if lines.is_empty() {
            lines.push(Line {
                text: String::new(),
                rtl,
            });
        }
        lines
    }

    /// A word wider than `width`, cut into pieces that fit, each with its
    /// width in points.
    fn split_word<'w>(&self, word: &'w str, width: f32) -> Vec<(&'w str, f32)> {
        let mut pieces = Vec::new();
        let (mut start, mut at, mut used) = (0, 0, 0.0);
        for cluster in clusters(word) {
            let w = self.width(cluster, SIZE);
            if at > start && used + w > width {
                pieces.push((&word[start..at], used));
                (start, used) = (at, 0.0);
            }
            at += cluster.len();
            used += w;
        }
        if at > start {
            pieces.push((&word[start..at], used));
        }
        pieces
    }
}

/// A line's pieces as one text: a space after each whole word.
fn joined(line: &[Piece]) -> String {
    let mut text = String::new();
    for (i, piece) in line.iter().enumerate() {
        if i > 0 && line[i - 1].space > 0.0 {
            text.push(' ');
        }
        text.push_str(piece.text);
    }
    text
}

/// The words of a line: what spaces separate, except no-break spaces.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
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
