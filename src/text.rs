//! Characters that can hide text or change how it reads. Every place that
//! refuses or removes them (typed answers, action files, file names, the
//! PDF's text) asks this module, so that they all mean the same set.

/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069): they can make a line read differently from what it says.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Control characters (C0 and C1, line breaks included) and bidi controls.
pub fn hides_text(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
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
    fn lines_and_columns_count_characters() {
        assert_eq!(line_and_column("a: b\r\nc: dé\u{202E}x", 12), (2, 6));
        assert_eq!(line_and_column("x", 0), (1, 1));
    }
}
