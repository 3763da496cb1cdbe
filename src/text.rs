//! Characters that can hide text or change how it reads, and the one rule
//! every text from outside passes: an action file, a translation, a batch
//! column, the config, typed input. Every place that refuses or removes
//! such characters (typed answers, action files, file names, the PDF's
//! text, what is printed) asks this module, so that they all mean the same
//! set.
//!
//! The rule, after any escapes are decoded:
//! - no C0 or C1 control character, except a line break (and a tab) in
//!   text of several lines;
//! - no bidi embedding, override or isolate, and no tag character;
//! - line and paragraph separators (U+2028, U+2029) count as line breaks;
//! - default-ignorable characters (zero-width space and joiners, LRM/RLM)
//!   are kept in prose, since Arabic, Hebrew, Persian, Indic and Thai text
//!   needs them, and refused in identifiers: email addresses, ids, file
//!   names.

use std::borrow::Cow;

/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069): they can make a line read differently from what it says.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Control characters (C0 and C1, line breaks included) and bidi controls.
pub fn hides_text(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Tag characters (U+E0000–U+E007F): invisible, and able to carry a
/// hidden message.
pub fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

/// Default-ignorable characters a script may need: zero-width space and
/// joiners, the left-to-right and right-to-left marks, word joiner, BOM.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// What a text is, for the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Several lines of prose: line breaks and tabs allowed.
    Prose,
    /// One line of prose: a name, a title.
    Line,
    /// An email address, an id, a file name: nothing invisible at all.
    Identifier,
}

/// A character the rule refuses, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Byte offset in the text.
    pub at: usize,
    pub c: char,
}

impl Refused {
    /// What the character is, in words: `a control character (U+001B)`.
    pub fn what(&self) -> String {
        let code = format!("U+{:04X}", self.c as u32);
        if self.c == '\n' || self.c == '\r' {
            crate::ui::tr!("text-line-break", code = code)
        } else if self.c.is_control() {
            crate::ui::tr!("text-control", code = code)
        } else if is_bidi_control(self.c) {
            crate::ui::tr!("text-bidi", code = code)
        } else if is_tag(self.c) {
            crate::ui::tr!("text-tag", code = code)
        } else if matches!(self.c, '\u{2028}' | '\u{2029}') {
            crate::ui::tr!("text-separator", code = code)
        } else {
            crate::ui::tr!("text-invisible", code = code)
        }
    }
}

/// The first character of `text` the rule refuses for a text of `shape`.
/// Line and paragraph separators are refused only in one-line text and
/// identifiers; `separators_as_breaks` turns them into line breaks first.
pub fn first_refused(text: &str, shape: Shape) -> Option<Refused> {
    // Printable ASCII holds nothing to refuse (but a space in an
    // identifier), nor do line breaks and tabs in prose: most of an action
    // and of a batch's cells, skipped sixteen bytes at a time where it can
    // be and a byte at a time around the rest. Only the characters between
    // those runs (an accent, a dash) are decoded and looked up.
    let lowest = if shape == Shape::Identifier {
        0x21
    } else {
        0x20
    };
    let harmless = |b: u8| {
        (lowest..0x7f).contains(&b) || (shape == Shape::Prose && (b == b'\n' || b == b'\t'))
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        at += printable_prefix(&bytes[at..], lowest);
        let end = bytes.len().min(at + CHUNK);
        let Some(skipped) = bytes[at..end].iter().position(|&b| !harmless(b)) else {
            at = end;
            continue;
        };
        // `at` is on a character boundary: it moved over ASCII bytes and
        // whole characters only.
        at += skipped;
        let c = text[at..].chars().next()?;
        if refuses(shape, c) {
            return Some(Refused { at, c });
        }
        at += c.len_utf8();
    }
    None
}

/// How many bytes [`first_refused`] looks at together.
const CHUNK: usize = 16;

/// The length of the whole chunks at the start of `bytes` that hold only
/// printable ASCII from `lowest` on: each chunk tested without branches,
/// which the compiler does in a few vector instructions.
fn printable_prefix(bytes: &[u8], lowest: u8) -> usize {
    let span = 0x7f - lowest;
    bytes
        .chunks_exact(CHUNK)
        .take_while(|chunk| {
            (chunk.iter()).fold(true, |all, &b| all & (b.wrapping_sub(lowest) < span))
        })
        .count()
        * CHUNK
}

/// Whether the rule refuses `c` in a text of `shape`: [`first_refused`], a
/// character at a time, for what mends a text rather than refusing it (a
/// file name made from a batch row).
pub fn refuses(shape: Shape, c: char) -> bool {
    let multi_line = shape == Shape::Prose;
    match c {
        '\n' | '\t' | '\u{2028}' | '\u{2029}' => !multi_line,
        c if c.is_control() || is_bidi_control(c) || is_tag(c) => true,
        c => shape == Shape::Identifier && (is_default_ignorable(c) || c.is_whitespace()),
    }
}

/// Line and paragraph separators (U+2028, U+2029) as line breaks.
pub fn separators_as_breaks(text: &str) -> Cow<'_, str> {
    if text.contains(['\u{2028}', '\u{2029}']) {
        Cow::Owned(text.replace('\u{2028}', "\n").replace('\u{2029}', "\n\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` safe to print on a terminal: every control character but the
/// line break, every bidi control and tag character is shown as an escape
/// (`\e`, `\u{202E}`) instead of being sent to the terminal.
pub fn shown(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || is_bidi_control(c) || is_tag(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` with every character the rule refuses for `shape` shown as an
/// escape (`\u{200B}`), a plain space aside: for quoting a name that was
/// refused for what can't be seen in it.
pub fn escaped(text: &str, shape: Shape) -> Cow<'_, str> {
    let hidden = |c: char| c != ' ' && refuses(shape, c);
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            c if hidden(c) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The byte offset and character of the first bidi control in `text`.
/// Every bidi control is encoded as E2 80 AA..AE or E2 81 A6..A9, so only
/// the places where an E2 byte is are looked at, which is rarely.
pub fn find_bidi_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes)
        .find(|&at| {
            matches!(
                bytes.get(at + 1..at + 3),
                Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])
            )
        })
        .and_then(|at| Some((at, text[at..].chars().next()?)))
}

/// The 1-based line and column (in characters) of byte offset `at`.
pub fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_search_finds_exactly_the_bidi_controls() {
        for c in ('\u{2000}'..='\u{20FF}').chain(['“', '”', '–', '…']) {
            let text = format!("ab{c}");
            let found = find_bidi_control(&text);
            assert_eq!(found.is_some(), is_bidi_control(c), "{c:?}");
            if let Some((at, got)) = found {
                assert_eq!((at, got), (2, c));
            }
        }
    }

    #[test]
    fn the_rule_depends_on_the_shape_of_the_text() {
        let refused = |t: &str, s| first_refused(t, s).map(|r| r.c);
        assert_eq!(refused("a\nb\tc", Shape::Prose), None);
        assert_eq!(refused("a\nb", Shape::Line), Some('\n'));
        assert_eq!(refused("x\u{1b}[2J", Shape::Prose), Some('\u{1b}'));
        assert_eq!(
            refused("x\u{9b}", Shape::Prose),
            Some('\u{9b}'),
            "C1 controls"
        );
        assert_eq!(refused("x\u{202E}", Shape::Prose), Some('\u{202E}'));
        assert_eq!(refused("x\u{E0041}", Shape::Line), Some('\u{E0041}'));
        // A zero-width non-joiner belongs in Persian prose, not in an address.
        assert_eq!(refused("می\u{200C}خواهم", Shape::Line), None);
        assert_eq!(
            refused("a\u{200B}@b.org", Shape::Identifier),
            Some('\u{200B}')
        );
        assert_eq!(refused("a\u{2028}b", Shape::Prose), None);
        assert_eq!(separators_as_breaks("a\u{2028}b"), "a\nb");
    }

    /// [`first_refused`] finds the same first character, at the same place,
    /// as asking of every character, in every shape.
    fn finds_what_every_character_would(
        text: &str,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        for shape in [Shape::Prose, Shape::Line, Shape::Identifier] {
            let every = text.char_indices().find(|&(_, c)| refuses(shape, c));
            let found = first_refused(text, shape).map(|r| (r.at, r.c));
            proptest::prop_assert_eq!(found, every);
        }
        Ok(())
    }

    proptest::proptest! {
        /// The byte runs skipped find the same first character, at the same
        /// place, as asking of every character.
        #[test]
        fn skipping_printable_ascii_finds_what_every_character_would(
            text in "[a -~\n\t\u{0}-\u{1f}\u{7f}-\u{a0}é–\u{200B}\u{202E}\u{2028}\u{E0041}]{0,40}"
        ) {
            finds_what_every_character_would(&text)?;
        }

        /// The same, with runs of printable ASCII long enough to be
        /// skipped a chunk at a time, broken anywhere.
        #[test]
        fn skipping_chunks_finds_what_every_character_would(
            text in "([ -~]{0,40}[\n\t\u{0}-\u{1f}\u{7f}-\u{a0}é\u{200B}\u{202E}\u{2028}]){0,4}[ -~]{0,40}"
        ) {
            finds_what_every_character_would(&text)?;
        }
    }

    #[test]
    fn nothing_unsafe_is_shown_raw() {
        assert_eq!(shown("plain\nlines"), "plain\nlines");
        assert_eq!(shown("\u{1b}]0;x\u{7}"), "\\e]0;x\\u{7}");
        assert_eq!(shown("a\u{202E}b\u{9b}"), "a\\u{202E}b\\u{9B}");
    }

    #[test]
    fn a_refused_identifier_is_quoted_with_what_hides_in_it() {
        assert_eq!(
            escaped("ce\u{200B}cot", Shape::Identifier),
            "ce\\u{200B}cot"
        );
        assert_eq!(escaped("my action", Shape::Identifier), "my action");
        assert_eq!(escaped("x\u{1b}\r", Shape::Identifier), "x\\e\\u{D}");
        assert_eq!(escaped("ce\u{200B}cot", Shape::Line), "ce\u{200B}cot");
    }

    #[test]
    fn lines_and_columns_count_characters() {
        assert_eq!(line_and_column("a: b\r\nc: dé\u{202E}x", 12), (2, 6));
        assert_eq!(line_and_column("x", 0), (1, 1));
    }
}
