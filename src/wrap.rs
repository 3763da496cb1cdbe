//! Hard-wrapping a letter: every line is filled on its own, so paragraphs,
//! address blocks and signatures keep their shape. Words are never broken,
//! and emails and URLs are never split.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use textwrap::core::Word;
use textwrap::wrap_algorithms::Penalties;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// Wraps `text` to `width` columns; a width of 0 leaves it as it is.
pub fn wrap(text: &str, width: usize) -> String {
    if width == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let mut start = 0;
    // Each line's end, and the text's end: memchr finds them faster than
    // `split('\n')`, and a line is pushed as a slice, never copied apart.
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let line = &text[start..end];
        // No character is narrower than one byte is long... except
        // zero-width ones, which only make a line shorter still.
        if line.len() <= width {
            out.push_str(line);
        } else {
            CACHE.with_borrow_mut(|cache| cache.push_wrapped(line, width, &mut out));
        }
        if end < text.len() {
            out.push('\n');
        }
        start = end + 1;
    }
    out
}

thread_local! {
    /// Wrapped lines by their text: the model letter's paragraphs are the
    /// same in every letter of a batch, so each is wrapped once per thread.
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

#[derive(Default)]
struct Cache {
    width: usize,
    /// Fx hashing: a letter's lines are long, and SipHash over them would
    /// cost more than the lookup saves.
    lines: FxHashMap<String, String>,
}

impl Cache {
    const MAX_LINES: usize = 1024;

    /// Pushes `line`, wrapped, onto `out`: one lookup when it was wrapped
    /// before, and nothing allocated.
    fn push_wrapped(&mut self, line: &str, width: usize, out: &mut String) {
        if self.width != width || self.lines.len() >= Self::MAX_LINES {
            self.lines.clear();
            self.width = width;
        }
        if let Some(wrapped) = self.lines.get(line) {
            out.push_str(wrapped);
            return;
        }
        let wrapped = fill(line, width);
        out.push_str(&wrapped);
        self.lines.insert(line.to_string(), wrapped);
    }
}

fn fill(line: &str, width: usize) -> String {
    // Optimal fit balances lines, but by default it lets a line overflow by
    // a column rather than leave a short one; a prohibitive penalty keeps
    // every line that has room for a break within the width.
    let algorithm = WrapAlgorithm::OptimalFit(Penalties {
        overflow_penalty: 1 << 40,
        ..Penalties::new()
    });
    let options = Options::new(width)
        .word_separator(WordSeparator::Custom(find_words))
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(algorithm)
        .break_words(false);
    textwrap::wrap(line, &options).join("\n")
}

/// Splits at ASCII spaces only, so `a-b@c.org` and `https://x/y` stay whole;
/// inside a run of CJK text, which has no spaces, Unicode line-breaking rules
/// find the places where a line may break.
fn find_words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(
        WordSeparator::AsciiSpace
            .find_words(line)
            .flat_map(|word| -> Vec<Word<'_>> {
                if !word.word.chars().any(is_wide) {
                    return vec![word];
                }
                let mut parts: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties
                    .find_words(word.word)
                    .collect();
                if let Some(last) = parts.last_mut() {
                    last.whitespace = word.whitespace;
                }
                parts
            }),
    )
}

/// Characters of scripts written without spaces between words.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF       // Hangul Jamo
        | 0x2E80..=0x9FFF     // CJK radicals, kana, CJK ideographs
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFF00..=0xFFEF     // full-width forms
        | 0x20000..=0x3FFFF) // CJK extensions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_emails_and_urls_whole() {
        let text =
            "Write to john-doe@example-mail.org or see https://example.org/a/long/path-name now";
        let wrapped = wrap(text, 12);
        assert!(wrapped.lines().any(|l| l == "john-doe@example-mail.org"));
        assert!(
            wrapped
                .lines()
                .any(|l| l == "https://example.org/a/long/path-name")
        );
    }

    #[test]
    fn wraps_cjk_text_without_spaces() {
        let text = "人権のために手紙を書いてください。皆さんの声が大切です。";
        let wrapped = wrap(text, 20);
        assert!(wrapped.lines().count() > 1);
        assert!(
            wrapped
                .lines()
                .all(|l| textwrap::core::display_width(l) <= 20)
        );
        assert_eq!(wrapped.replace('\n', ""), text);
    }

    #[test]
    fn keeps_line_breaks_and_blank_lines() {
        let text = "Dear X,\n\nA B C D E F\n\nName\nCity, Country\n";
        assert_eq!(
            wrap(text, 5),
            "Dear\nX,\n\nA B C\nD E F\n\nName\nCity,\nCountry\n"
        );
    }

    #[test]
    fn no_line_overflows_when_it_could_break() {
        let text = format!("Yours, {}", "x".repeat(66));
        assert!(wrap(&text, 72).lines().all(|l| l.chars().count() <= 72));
        let text = format!("aa   {}", "b".repeat(37));
        assert!(wrap(&text, 41).lines().all(|l| l.chars().count() <= 41));
    }

    #[test]
    fn zero_width_leaves_text_alone() {
        let text = "a long line that would otherwise wrap";
        assert_eq!(wrap(text, 0), text);
    }
}
