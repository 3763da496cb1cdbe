//! A message as data: the id of an interface message and its arguments,
//! put into words only where it is shown, in the language needed there
//! (the interface's for people, English for `--json`). Errors and `check`
//! findings carry these, so nothing downstream holds, or matches, text
//! already rendered in one language.

use fluent_bundle::FluentValue;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A message of the interface's files, by id.
    Catalog {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Text from outside, the same in every language: a library's or the
    /// system's error, a name.
    Verbatim(String),
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A count, for Fluent's plural rules.
    Number(i64),
    /// A message inside a message, rendered in the same language.
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message::Catalog { id, args }
    }

    /// The message in language `lang` (falling back to English).
    pub fn render(&self, lang: &str) -> String {
        match self {
            Message::Verbatim(text) => text.clone(),
            Message::Catalog { id, args } => {
                let args: Vec<(&str, FluentValue)> = args
                    .iter()
                    .map(|(name, arg)| {
                        let value = match arg {
                            Arg::Text(text) => FluentValue::from(text.as_str()),
                            Arg::Number(n) => FluentValue::from(*n),
                            Arg::Message(inner) => FluentValue::from(inner.render(lang)),
                        };
                        (*name, value)
                    })
                    .collect();
                super::text_in(lang, id, &args)
            }
        }
    }

    /// The message in English, for output that scripts read.
    pub fn english(&self) -> String {
        self.render("en")
    }

    /// The message's id, when it is one of the interface's.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Message::Catalog { id, .. } => Some(id),
            Message::Verbatim(_) => None,
        }
    }
}

/// In the interface's language.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(super::lang()))
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Verbatim(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Verbatim(text.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<&Message> for Arg {
    fn from(message: &Message) -> Arg {
        Arg::Message(Box::new(message.clone()))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<&&str> for Arg {
    fn from(text: &&str) -> Arg {
        Arg::from(*text)
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as i64)
            }
        }
    )*};
}
numbers!(usize, u64, u32, u16, u8, i64, i32);

/// `msg!("id", name = value, …)`: a message as data, like `tr!` but not
/// yet in words.
macro_rules! msg {
    ($id:literal) => {
        $crate::ui::Message::new($id, Vec::new())
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::ui::Message::new(
            $id,
            vec![$((stringify!($name), $crate::ui::Arg::from($value))),+],
        )
    };
}
pub(crate) use msg;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_put_in_words_in_the_language_asked_and_so_is_one_inside_it() {
        let inner = msg!("yaml-missing-field", field = "title");
        let outer = msg!(
            "error-field",
            path = "a.yaml",
            field = "title",
            message = inner
        );
        let english = outer.english();
        assert!(
            english.contains("missing required field `title`"),
            "{english}"
        );
        let spanish = outer.render("es");
        assert!(
            spanish.contains("falta el campo obligatorio `title`"),
            "{spanish}"
        );
        assert_eq!(outer.id(), Some("error-field"));
    }

    #[test]
    fn text_from_outside_is_the_same_in_every_language() {
        let message = Message::from("No such file or directory");
        assert_eq!(message.render("fr"), message.english());
        assert_eq!(message.id(), None);
    }

    #[test]
    fn numbers_are_plural_rules_not_text() {
        let one = msg!("error-rows-failed", count = 1usize).english();
        let two = msg!("error-rows-failed", count = 2usize).english();
        assert!(one.starts_with("1 row of"), "{one}");
        assert!(two.starts_with("2 rows of"), "{two}");
    }
}
