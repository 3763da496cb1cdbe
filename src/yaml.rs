//! Reading YAML: with limits that stop alias bombs and deep nesting, with
//! errors that name the field, and with the place of every field, taken
//! from the YAML parser's own spans, for messages about a file that parsed.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::action::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use crate::ui::Message;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_documents: 1,
            max_reader_input_bytes: Some(MAX_FILE_BYTES as usize),
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 10_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 100,
        },
    }
}

thread_local! {
    /// The last error a deserialiser of ours raised, as data: the YAML
    /// crate carries an error's text only.
    static RAISED: std::cell::RefCell<Option<Message>> = const { std::cell::RefCell::new(None) };
}

/// An error for a deserialiser to raise, such as "not a date". The YAML
/// crate gets its text; `parse_yaml` takes the message back as data, so
/// that it can be put in words in another language (`check --json`).
pub fn custom<E: de::Error>(message: Message) -> E {
    let text = message.to_string();
    RAISED.with(|raised| *raised.borrow_mut() = Some(message));
    E::custom(text)
}

/// Deserialises YAML with limits that stop alias bombs and deep nesting.
/// Errors read `path:line:column: field `target.email`: message`.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(origin: &str, text: &str) -> Result<T> {
    let options = options();
    RAISED.with(|raised| raised.borrow_mut().take());
    let mut track = serde_path_to_error::Track::new();
    let parsed = serde_saphyr::with_deserializer_from_str_with_options(text, options, |de| {
        T::deserialize(serde_path_to_error::Deserializer::new(de, &mut track))
    });
    parsed.map_err(|e| {
        use serde_saphyr::MessageFormatter;
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        let message: String = serde_saphyr::DefaultMessageFormatter
            .format_message(e.without_snippet())
            .chars()
            .flat_map(|c| {
                // Show control characters, never print them.
                let shown: Vec<char> = if c.is_control() {
                    c.escape_default().collect()
                } else {
                    vec![c]
                };
                shown
            })
            .collect();
        let field = track.path().to_string();
        // Ours, when the error the crate reports is the one we raised (an
        // untagged enum may have raised others on the way, and dropped them).
        let raised = RAISED
            .with(|raised| raised.borrow_mut().take())
            .filter(|raised| message.contains(&raised.to_string()));
        let message: Message = raised.unwrap_or_else(|| message.into());
        // Told by the error's kind, never by its words.
        let message = match e.without_snippet() {
            serde_saphyr::Error::SerdeMissingField { field: name, .. } => {
                let full = if field == "." {
                    name.to_string()
                } else {
                    format!("{field}.{name}")
                };
                crate::ui::msg!("yaml-missing-field", field = full)
            }
            serde_saphyr::Error::SerdeUnknownField { expected, .. } => crate::ui::msg!(
                "yaml-unknown-field",
                field = field,
                expected = expected.join(", ")
            ),
            _ if field != "." && !field.is_empty() => {
                crate::ui::msg!("yaml-field", field = field, message = message)
            }
            _ => message,
        };
        Error::Yaml {
            path: origin.to_string(),
            line,
            column,
            message,
        }
    })
}

/// Where each field of a YAML document is: a tree of the document's
/// mappings and lists, each node with the line and column where its value
/// starts (for a block scalar, `body: |`, the line after the key), and for
/// a mapping's entries the line of the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spans {
    pub line: usize,
    pub column: usize,
    kids: Kids,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kids {
    /// Each entry: its key, the key's line, its value.
    Map(Vec<(String, usize, Spans)>),
    List(Vec<Spans>),
    Scalar,
}

impl Spans {
    /// The spans of `text`; `None` when it is not YAML at all (its error is
    /// reported by parsing it for real).
    pub fn of(text: &str) -> Option<Spans> {
        serde_saphyr::from_str_with_options(text, options()).ok()
    }

    /// The node at a field path such as `letters.es.body` or
    /// `targets[1].email` (list indices count from 0).
    pub fn at(&self, field: &str) -> Option<&Spans> {
        let mut node = self;
        for part in field.split('.').filter(|p| !p.is_empty()) {
            let (key, indices) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !key.is_empty() {
                node = node.child(key)?;
            }
            for index in indices.split('[').filter(|s| !s.is_empty()) {
                let index: usize = index.trim_end_matches(']').parse().ok()?;
                node = match &node.kids {
                    Kids::List(items) => items.get(index)?,
                    _ => return None,
                };
            }
        }
        Some(node)
    }

    /// The line of `field`'s key (of a list item, its value), or of the
    /// deepest field on the way to it: a field that is missing is reported
    /// where its parent is.
    pub fn line_of(&self, field: &str) -> usize {
        let mut path = field;
        loop {
            if let Some(line) = self.key_line(path) {
                return line;
            }
            match path.rfind(['.', '[']) {
                Some(i) => path = &path[..i],
                None => return 1,
            }
        }
    }

    /// The line of the key of `field`, when it ends with a key.
    fn key_line(&self, field: &str) -> Option<usize> {
        if field.ends_with(']') {
            return self.at(field).map(|n| n.line);
        }
        let (parent, key) = match field.rfind('.') {
            Some(i) => (self.at(&field[..i])?, &field[i + 1..]),
            None => (self, field),
        };
        match &parent.kids {
            Kids::Map(entries) => entries
                .iter()
                .find(|(k, ..)| k == key)
                .map(|(_, line, _)| *line),
            _ => None,
        }
    }

    fn child(&self, key: &str) -> Option<&Spans> {
        match &self.kids {
            Kids::Map(entries) => entries.iter().find(|(k, ..)| k == key).map(|(.., v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Spans {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let spanned = Spanned::<Kids>::deserialize(d)?;
        Ok(Spans {
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
            kids: spanned.value,
        })
    }
}

/// A mapping key of any scalar type (`en:`, `2026:`, `true:`, `~:`),
/// read as text by [`Key::text`].
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Key {
    Text(String),
    Signed(i64),
    Unsigned(u64),
    Float(f64),
    Bool(bool),
    Null(()),
}

impl Key {
    fn text(self) -> String {
        match self {
            Key::Text(text) => text,
            Key::Signed(n) => n.to_string(),
            Key::Unsigned(n) => n.to_string(),
            Key::Float(n) => n.to_string(),
            Key::Bool(b) => b.to_string(),
            Key::Null(()) => String::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Kids {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct KidsVisitor;
        impl<'de> Visitor<'de> for KidsVisitor {
            type Value = Kids;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Kids, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<Key>>()? {
                    let line = key.referenced.line() as usize;
                    entries.push((key.value.text(), line, map.next_value()?));
                }
                Ok(Kids::Map(entries))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Kids, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Kids::List(items))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<Kids, E> {
                Ok(Kids::Scalar)
            }
        }
        d.deserialize_any(KidsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_found_where_their_values_start() {
        let text = "title: x\ntarget:\n  name: a\n  address:\n    - x\n  email: e\nletters:\n  en:\n    subject: s\n    body: |\n      hi\n";
        let spans = Spans::of(text).unwrap();
        let line = |f: &str| spans.at(f).map(|n| n.line);
        assert_eq!(line("title"), Some(1));
        assert_eq!(line("target.email"), Some(6));
        assert_eq!(line("target.address[0]"), Some(5));
        assert_eq!(line("letters.en.subject"), Some(9));
        assert_eq!(
            line("letters.en.body"),
            Some(11),
            "a block starts below its key"
        );
        assert_eq!(line("letters.es.body"), None);
        assert_eq!(line("email"), None, "only top-level keys at depth 1");
        assert_eq!(
            spans.line_of("letters.es.body"),
            7,
            "the nearest key there is"
        );
        assert_eq!(
            spans.line_of("letters.en.body"),
            10,
            "a field's line is its key's"
        );
        assert_eq!(spans.line_of("target.address[0]"), 5);
    }
}
