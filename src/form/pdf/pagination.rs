//! Letting a letter's body flow onto pages: paragraphs and the room
//! between them, two lines of a paragraph kept on each page, the closing
//! kept with the signature, and a slight overflow set tighter rather than
//! spilt onto a page of its own.

use super::geometry::{GAP, LEADING, SIGNATURE};
use super::lines::Line;
use super::shaping::Faces;

/// The body's paragraphs and the blank lines between them.
pub(super) fn blocks(faces: &Faces, body: &str, width: f32) -> Vec<Block> {
    let mut blocks = Vec::new();
    for line in body.trim_end().lines() {
        if line.trim().is_empty() {
            blocks.push(Block::Space(Room::Gap));
            continue;
        }
        let wrapped = faces.wrap(line, width);
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

/// The body, as a page sees it.
#[derive(Debug, PartialEq)]
pub(super) enum Block {
    /// Room between paragraphs.
    Space(Room),
    /// A paragraph, wrapped to the text width.
    Paragraph(Vec<Line>),
}

/// The kinds of room between paragraphs, whose heights a [`Spacing`] sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Room {
    /// Between paragraphs.
    Gap,
    /// Between the closing and the writer's name, to sign by hand.
    Signature,
}

/// How high each kind of room is, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spacing {
    gap: f32,
    signature: f32,
}

impl Spacing {
    pub(super) fn height(self, room: Room) -> f32 {
        match room {
            Room::Gap => self.gap,
            Room::Signature => self.signature,
        }
    }
}

/// The spacings a letter is set in, loosest first: a letter that runs onto
/// another page by only a little is set tighter, paragraph gaps first, then
/// the room to sign, so that it ends a page sooner.
pub(super) const SPACINGS: [Spacing; 4] = [
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
pub(super) enum Row<'l> {
    Line(&'l Line),
    Space(f32),
}

impl Row<'_> {
    pub(super) fn height(&self) -> f32 {
        match self {
            Row::Line(_) => LEADING,
            Row::Space(height) => *height,
        }
    }
}

/// The body's pages in the loosest spacing that needs no more pages than
/// any other: see [`SPACINGS`].
pub(super) fn fitted(blocks: &[Block], first: f32, rest: f32) -> Vec<Vec<Row<'_>>> {
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
pub(super) fn closing_at(blocks: &[Block]) -> Option<usize> {
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
pub(super) fn paginate(
    blocks: &[Block],
    first: f32,
    rest: f32,
    spacing: Spacing,
) -> Vec<Vec<Row<'_>>> {
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
pub(super) fn height(blocks: &[Block], spacing: Spacing) -> f32 {
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
pub(super) fn lines_here(left: usize, fit: usize) -> usize {
    if left <= fit {
        return left;
    }
    let take = fit.min(left.saturating_sub(2));
    if take < 2 { 0 } else { take }
}

/// The height that must follow a one-line paragraph on its page: the space
/// after it and the first two lines of the next paragraph.
pub(super) fn kept_with(after: &[Block], spacing: Spacing) -> f32 {
    let mut height = 0.0;
    for block in after {
        match block {
            Block::Space(kind) => height += spacing.height(*kind),
            Block::Paragraph(lines) => return height + LEADING * lines.len().min(2) as f32,
        }
    }
    0.0
}
