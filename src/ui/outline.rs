//! The outline of a message file, read in one pass before fluent-syntax
//! parses it: where each message starts, and how deep placeables and calls
//! nest. fluent-syntax recurses on both (`{ { {` and `F(F(F(`), so a
//! stranger's file nested a hundred thousand deep would overflow the stack;
//! and a message's line is read here, not searched for.
//!
//! The pass follows the parser's grammar only as far as depth needs: text,
//! where `{` opens a placeable; expressions, where string literals are
//! skipped (`{ "{" }` opens one placeable, not two) and `(` opens a call;
//! and the variants of a select, text again, which a `}` at the start of a
//! line closes. A line that starts `id =`, `-id =` or `#` puts the parser
//! back at the top of the file, whatever came before (inside anything else
//! it is a syntax error, and the parser starts again there), so the count
//! starts again there too: a broken entry can't carry a wrong count into
//! the next one.

/// How deep placeables and calls may nest in a message file. appeal's own
/// messages nest 2 deep at most (a placeable in a variant of a select).
pub const MAX_DEPTH: usize = 16;

/// Where a message starts: its id, 1-based line and byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start<'a> {
    pub id: &'a str,
    pub line: usize,
    pub at: usize,
}

/// A file nested deeper than [`MAX_DEPTH`], at this 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Inside `{ … }`: an expression.
    Placeable,
    /// Inside a call's `( … )`: expressions.
    Call,
    /// The variants of a select (`{ $n -> … }`): text.
    Select,
}

/// Every message's start, in file order, unless the file nests deeper than
/// [`MAX_DEPTH`]. Linear in the file's length, whatever it holds.
pub fn outline(text: &str) -> Result<Vec<Start<'_>>, TooDeep> {
    walk(text, MAX_DEPTH).map(|(starts, _)| starts)
}

/// The pass of [`outline`], refusing nesting past `max`; with the deepest
/// nesting met.
fn walk(text: &str, max: usize) -> Result<(Vec<Start<'_>>, usize), TooDeep> {
    let b = text.as_bytes();
    let mut deepest = 0;
    let mut stack: Vec<Frame> = Vec::new();
    let mut starts = Vec::new();
    let (mut i, mut line, mut line_start) = (0, 1, true);
    while i < b.len() {
        if std::mem::take(&mut line_start) {
            if let Some((id_end, equals)) = entry_start(b, i) {
                stack.clear();
                if b[i] != b'-' {
                    starts.push(Start {
                        id: &text[i..id_end],
                        line,
                        at: i,
                    });
                }
                i = equals + 1;
                continue;
            }
            if b[i] == b'#' {
                stack.clear();
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
        }
        let top = stack.last().copied();
        let expression = matches!(top, Some(Frame::Placeable | Frame::Call));
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = true;
            }
            b'"' if expression => {
                i = string_end(b, i + 1);
                continue;
            }
            b'{' => stack.push(Frame::Placeable),
            b'(' if expression => stack.push(Frame::Call),
            b')' if top == Some(Frame::Call) => {
                stack.pop();
            }
            b'}' if matches!(top, Some(Frame::Placeable | Frame::Select)) => {
                stack.pop();
            }
            b'-' if top == Some(Frame::Placeable) && b.get(i + 1) == Some(&b'>') => {
                *stack.last_mut().expect("a placeable is open") = Frame::Select;
                i += 1;
            }
            _ => {}
        }
        if stack.len() > max {
            return Err(TooDeep { line });
        }
        deepest = deepest.max(stack.len());
        i += 1;
    }
    Ok((starts, deepest))
}

/// `id =` or `-id =` at `i`: the end of the id and where the `=` is.
fn entry_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let first = usize::from(b[i] == b'-');
    let id = i + first;
    if !b.get(id)?.is_ascii_alphabetic() {
        return None;
    }
    let end = id
        + b[id..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_')))
            .unwrap_or(b.len() - id);
    let equals = end + b[end..].iter().position(|&c| c != b' ')?;
    (b[equals] == b'=').then_some((end, equals))
}

/// Where a string literal that starts at `i` (after its `"`) ends: after
/// its closing `"`, or at the line break that leaves it unclosed (never
/// past it, so the next line is read for what it is).
fn string_end(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => return i + 1,
            b'\n' => return i,
            b'\\' if b.get(i + 1).is_some_and(|&n| n != b'\n') => i += 2,
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(text: &str) -> usize {
        walk(text, usize::MAX).unwrap().1
    }

    #[test]
    fn each_message_is_found_with_its_line() {
        let text = "# a = comment\nhello = Hi\n-brand = Appeal\n\nbye=Bye { $n ->\n    [one] one\n   *[other] many\n}\n  indented = text\n.attr = x\n";
        let starts = outline(text).unwrap();
        let got: Vec<_> = starts.iter().map(|s| (s.id, s.line)).collect();
        assert_eq!(got, [("hello", 2), ("bye", 5)]);
        assert_eq!(&text[starts[1].at..starts[1].at + 3], "bye");
        assert_eq!(depth(text), 1, "one select");
    }

    #[test]
    fn nesting_is_counted_as_the_parser_recurses() {
        let deep = |open: &str, close: &str, n: usize| {
            format!("m = {}{}\n", open.repeat(n), close.repeat(n))
        };
        assert!(outline(&deep("{", "}", MAX_DEPTH)).is_ok());
        assert_eq!(
            outline(&deep("{", "}", MAX_DEPTH + 1)),
            Err(TooDeep { line: 1 })
        );
        assert!(outline(&deep("{ F(", ")}", MAX_DEPTH / 2)).is_ok());
        assert!(outline(&deep("{ F(", ")}", MAX_DEPTH / 2 + 1)).is_err());
        // Nothing in a string literal opens or closes, and a string's `}`
        // or `)` can't hide the nesting that follows it.
        assert!(outline("m = { \"{{{{{{{{{{{{{{{{{{{{\" }\n").is_ok());
        assert!(outline(&deep("{ F(\"})\", ", ")}", MAX_DEPTH)).is_err());
        // Text in a variant is text: its quotes hide nothing.
        let select = format!(
            "m = {{ $n ->\n   *[o] \" {}\n}}\n",
            "{".repeat(MAX_DEPTH + 1)
        );
        assert!(outline(&select).is_err());
        // Neither do parentheses in text close anything.
        let mut nested = String::from("m = ");
        for _ in 0..=MAX_DEPTH {
            nested.push_str("{ $n ->\n *[o] ) ");
        }
        assert!(outline(&nested).is_err());
    }

    #[test]
    fn an_entry_at_the_start_of_a_line_starts_the_count_again() {
        // An unclosed placeable is a syntax error the parser recovers from
        // at the next entry: so does the count.
        let text = "a = { \"\n".repeat(MAX_DEPTH * 2);
        assert!(outline(&text).is_ok());
        // An id at the start of a line inside a placeable is an expression,
        // not an entry, unless `=` follows it.
        let calls = format!("m = {{\n{}", "F(\n".repeat(MAX_DEPTH + 1));
        assert!(outline(&calls).is_err());
    }

    #[test]
    fn the_shipped_files_are_well_within_the_limit() {
        for (lang, files) in &crate::ui::LANGUAGES {
            for (name, text) in files {
                let starts = outline(text).unwrap_or_else(|e| panic!("{lang}/{name}: {e:?}"));
                assert!(!starts.is_empty(), "{lang}/{name}");
                assert!(depth(text) < 3, "{lang}/{name}");
            }
        }
    }
}
