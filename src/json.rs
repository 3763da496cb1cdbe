//! JSON as appeal writes it (`--json`, JSON Lines, a feed's index and
//! state): serde_json's, with every character that a terminal could act on
//! or that could make text read differently written as a `\u` escape.
//! serde_json escapes only C0 controls; a path or a stranger's text can
//! hold C1 controls, DEL, bidi controls and marks, tag characters,
//! invisible characters and line separators as well. The escapes decode to
//! the same text, so a script reads what it always read.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// `value` as indented JSON, without a final line break.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(128);
    let formatter = Escaping(PrettyFormatter::new());
    value
        .serialize(&mut Serializer::with_formatter(&mut out, formatter))
        .expect("JSON of appeal's own types and values always serialises");
    String::from_utf8(out).expect("JSON is written as UTF-8")
}

/// `value` as one line of JSON Lines, its line break included.
pub fn line<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    let formatter = Escaping(CompactFormatter);
    value
        .serialize(&mut Serializer::with_formatter(&mut out, formatter))
        .expect("JSON of appeal's own types and values always serialises");
    out.push(b'\n');
    out
}

/// Whether `c` is written as an escape inside a JSON string, beyond what
/// serde_json escapes already.
fn escaped(c: char) -> bool {
    c.is_control()
        || crate::text::is_bidi_control(c)
        || crate::text::is_tag(c)
        || crate::text::is_default_ignorable(c)
        || matches!(c, '\u{061C}' | '\u{2028}' | '\u{2029}')
}

/// A formatter that escapes as [`escaped`] says and otherwise lays JSON
/// out as the one it wraps.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|&(_, c)| escaped(c)) {
            writer.write_all(&fragment.as_bytes()[start..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_serde_json_leaves_raw_is_escaped_and_reads_back_the_same() {
        let text = "a\u{9b}b\u{7f}c\u{202E}d\u{200F}e\u{2028}f\u{E0041}g\u{1b}h";
        let value = json!({ "k\u{85}": text, "list": [text, "é 王"] });
        let compact = String::from_utf8(line(&value)).unwrap();
        assert_eq!(
            compact,
            "{\"k\\u0085\":\"a\\u009bb\\u007fc\\u202ed\\u200fe\\u2028f\\udb40\\udc41g\\u001bh\",\
             \"list\":[\"a\\u009bb\\u007fc\\u202ed\\u200fe\\u2028f\\udb40\\udc41g\\u001bh\",\"é 王\"]}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&compact).unwrap();
        assert_eq!(back, value);
        let indented = pretty(&value);
        assert!(
            indented.starts_with("{\n  \"k\\u0085\": \"a\\u009bb"),
            "{indented}"
        );
        assert!(
            !indented.chars().any(|c| c != '\n' && escaped(c)),
            "{indented}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&indented).unwrap(),
            value
        );
    }
}
