//! Writing a [`Draft`] as an action file, laid out and commented like the
//! shipped ones: block scalars for prose, one fact per line, and a
//! `[PLACEHOLDER: …]` for every required fact the document lacks.
//!
//! The file is written by hand for readability, then parsed back and
//! compared with the data it was meant to hold. Should quoting ever go
//! wrong, the plain serialiser's output (correct, uncommented) is used.

use serde_json::{Map, Value};

use super::facts::{self, slug};
use super::{Contact, Draft, Layout, Salutation, placeholder};

/// The id and text of an action file made from a draft.
#[derive(Debug, Clone)]
pub struct Emitted {
    pub id: String,
    pub text: String,
    /// The language key of the model letter.
    pub letter_lang: String,
}

/// How a string is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Plain when that is safe, else double-quoted.
    Inline,
    /// `>-`, folded at about 78 columns: one long paragraph.
    Folded,
    /// `|`: lines and blank lines kept, as in a letter.
    Literal,
}

#[derive(Debug, Clone)]
enum Node {
    Str(String, Style),
    Bool(bool),
    List(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    value: Node,
    comment: Option<String>,
    blank_before: bool,
}

fn entry(key: &str, value: Node) -> Entry {
    Entry {
        key: key.to_string(),
        value,
        comment: None,
        blank_before: false,
    }
}

fn text(s: impl Into<String>) -> Node {
    Node::Str(s.into(), Style::Inline)
}

/// Prose: folded when it is one paragraph, literal when it has several.
fn prose(s: impl Into<String>) -> Node {
    let s: String = s.into();
    if s.contains('\n') {
        let mut s = s;
        s.push('\n');
        Node::Str(s, Style::Literal)
    } else if s.chars().count() > 60 {
        Node::Str(s, Style::Folded)
    } else {
        Node::Str(s, Style::Inline)
    }
}

/// The action file for a draft. `source` names the document in the
/// file's first comment.
pub fn emit(draft: &Draft, source: &str, id: Option<&str>) -> Emitted {
    let id = id.map(str::to_string).unwrap_or_else(|| {
        [draft.title.as_deref(), draft.reference.as_deref()]
            .into_iter()
            .flatten()
            .map(slug)
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "imported".to_string())
    });
    let (root, letter_lang) = build(draft);
    let mut out = String::new();
    let title = draft.title.as_deref().unwrap_or("(untitled)");
    out.push_str(&comment_lines(
        &format!(
            "Urgent action: {}. Imported by `appeal import` from {} ({}). \
             Every fact below is copied from the document; what it lacks is a \
             [PLACEHOLDER] line to fill in, and `appeal check` lists them.",
            title.trim_end_matches('.'),
            source,
            layout_name(draft.layout),
        ),
        0,
    ));
    render_map(&root, 0, &mut out);
    let text = if round_trips(&out, &root) {
        out
    } else {
        let value = to_value(&Node::Map(root));
        let plain = serde_saphyr::to_string(&value).unwrap_or_default();
        format!("# Urgent action imported by `appeal import` from {source}.\n{plain}")
    };
    Emitted {
        id,
        text,
        letter_lang,
    }
}

fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::Current => "current layout",
        Layout::Labelled => "labelled 2017 template",
        Layout::Older => "older layout, no model letter",
    }
}

/// The file's fields, in the order the shipped actions use, and the
/// model letter's language.
fn build(d: &Draft) -> (Vec<Entry>, String) {
    let mut root = Vec::new();
    let mut title = entry(
        "title",
        text(d.title.clone().unwrap_or_else(|| placeholder("title"))),
    );
    if d.title_recased {
        title.comment = Some(
            "The document writes the title in capitals; here each word is spelt as the document spells it elsewhere."
                .to_string(),
        );
    }
    root.push(title);
    root.push(entry(
        "summary",
        prose(
            d.summary
                .clone()
                .unwrap_or_else(|| placeholder("summary, one paragraph")),
        ),
    ));
    root.push(entry(
        "people",
        text(
            d.people
                .clone()
                .unwrap_or_else(|| placeholder("the people at risk, and their pronouns")),
        ),
    ));
    if let Some(r) = &d.reference {
        root.push(entry("reference", text(r.clone())));
    }
    if let Some(issued) = &d.issued {
        match issued.date {
            Some(date) => root.push(entry("issued", text(date.to_string()))),
            None => {
                let mut e = entry(
                    "issued",
                    text(placeholder("publication date as YYYY-MM-DD")),
                );
                e.comment = Some(format!("The document says: {}", issued.text));
                root.push(e);
            }
        }
    }
    let deadline = match &d.deadline {
        Some(dl) => match dl.date {
            Some(date) => text(date.to_string()),
            None => text(placeholder(&format!(
                "deadline as YYYY-MM-DD; the document says “{}”",
                dl.text
            ))),
        },
        None => text(placeholder(
            "deadline as YYYY-MM-DD; the document gives none",
        )),
    };
    root.push(entry("deadline", deadline));
    if let Some(advice) = &d.deadline_advice {
        root.push(entry("deadline_advice", prose(advice.clone())));
    }
    let (preferred, accepted, letter_lang, note) = languages(d);
    let mut pref = entry("preferred_language", text(preferred));
    pref.comment = note;
    root.push(pref);
    if !accepted.is_empty() {
        root.push(entry(
            "accepted_languages",
            Node::List(accepted.into_iter().map(text).collect()),
        ));
    }
    root.push(entry(
        "own_language_welcome",
        Node::Bool(d.own_language_welcome),
    ));
    if let Some(p) = &d.previous_ua {
        root.push(entry("previous_ua", text(p.clone())));
    }

    let targets: Vec<Node> = if d.targets.is_empty() {
        vec![contact(&Contact::default(), true)]
    } else {
        d.targets.iter().map(|c| contact(c, true)).collect()
    };
    let mut t = entry("targets", Node::List(targets));
    t.blank_before = true;
    if d.targets.is_empty() {
        t.comment = Some("The document names no one to write to.".to_string());
    }
    root.push(t);
    if !d.copies.is_empty() {
        let mut c = entry(
            "copies",
            Node::List(d.copies.iter().map(|c| contact(c, false)).collect()),
        );
        c.blank_before = true;
        root.push(c);
    }
    if let Some(note) = &d.copies_note {
        root.push(entry("copies_note", prose(note.clone())));
    }
    if !d.points.is_empty() {
        let mut p = entry(
            "points",
            Node::List(d.points.iter().map(|p| text(p.clone())).collect()),
        );
        p.blank_before = true;
        p.comment = Some("What the document asks for, one point a line.".to_string());
        root.push(p);
    }
    let background = if d.background.is_empty() {
        placeholder("background: the document has none")
    } else {
        d.background.join("\n\n")
    };
    let mut b = entry(
        "background",
        Node::Str(format!("{background}\n"), Style::Literal),
    );
    b.blank_before = true;
    root.push(b);

    let subject = d.title.clone().unwrap_or_else(|| placeholder("subject"));
    let mut subject = entry("subject", text(subject));
    subject.comment = Some("The document gives no subject line: its title stands in.".to_string());
    let mut letter = vec![subject, entry("body", Node::Str(body(d), Style::Literal))];
    if d.letter.is_none() {
        letter[1].comment = Some(if d.points.is_empty() {
            "The document has no model letter.".to_string()
        } else {
            "The document has no model letter, only the points above: write in your own words."
                .to_string()
        });
    }
    let mut l = entry(
        "letters",
        Node::Map(vec![entry(&letter_lang, Node::Map(letter))]),
    );
    l.blank_before = true;
    root.push(l);
    (root, letter_lang)
}

/// The preferred language's tag, the other languages named, the model
/// letter's language, and a comment when the document prefers a language
/// its letter is not in.
fn languages(d: &Draft) -> (String, Vec<String>, String, Option<String>) {
    let named: Vec<(String, Option<String>)> = d.languages.clone();
    let letter_lang = d
        .letter
        .as_ref()
        .and_then(|l| l.salutation.as_deref())
        .and_then(facts::salutation_language);
    let Some(first) = named.first() else {
        let tag = placeholder("language tag of the preferred language, e.g. en");
        let note = Some("The document names no language to write in.".to_string());
        // The model letter's own language is known from its salutation.
        let letter = letter_lang.map_or_else(|| tag.clone(), str::to_string);
        return (tag, Vec::new(), letter, note);
    };
    let tag_of = |(name, tag): &(String, Option<String>)| {
        tag.clone()
            .unwrap_or_else(|| placeholder(&format!("language tag for “{name}”")))
    };
    // The letter's own language leads when the document names it.
    let lead = letter_lang
        .and_then(|l| named.iter().position(|(_, t)| t.as_deref() == Some(l)))
        .unwrap_or(0);
    let preferred = tag_of(&named[lead]);
    // A letter in a language the document does not name keeps its own
    // language: `check` then says the preferred language has no letter.
    let letter = match letter_lang {
        Some(l) if named[lead].1.as_deref() != Some(l) => l.to_string(),
        _ => preferred.clone(),
    };
    let note = if letter != preferred {
        Some(format!(
            "The document prefers {}; its model letter is in another language ({letter}).",
            first.0
        ))
    } else {
        (lead != 0).then(|| {
            format!(
                "The document prefers {}; its model letter is in {}, which it also accepts.",
                first.0, named[lead].0
            )
        })
    };
    let accepted = named
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != lead)
        .map(|(_, n)| tag_of(n))
        .collect();
    (preferred, accepted, letter, note)
}

fn contact(c: &Contact, target: bool) -> Node {
    let mut m = Vec::new();
    if let Some(h) = &c.honorific {
        m.push(entry("honorific", text(h.clone())));
    }
    let who = if target { "target" } else { "copy recipient" };
    m.push(entry(
        "name",
        text(
            c.name
                .clone()
                .unwrap_or_else(|| placeholder(&format!("{who}'s name"))),
        ),
    ));
    match &c.title {
        Some(t) => m.push(entry("title", text(t.clone()))),
        None if target => m.push(entry("title", text(placeholder("target's title")))),
        None => {}
    }
    if let Some(o) = &c.organisation {
        m.push(entry("organisation", text(o.clone())));
    }
    let address: Vec<Node> = if c.address.is_empty() {
        vec![text(placeholder(&format!("{who}'s postal address")))]
    } else {
        c.address.iter().map(|l| text(l.clone())).collect()
    };
    m.push(entry("address", Node::List(address)));
    // A target reached by fax or phone needs no email: only one with no way
    // to write to it but the post gets a placeholder to fill.
    match c.emails.as_slice() {
        [] if target && c.fax.is_none() && c.phone.is_none() => m.push(entry(
            "email",
            text(placeholder(
                "target's email address; the document gives none",
            )),
        )),
        [] => {}
        [one] => m.push(entry("email", text(one.clone()))),
        many => m.push(entry(
            "email",
            Node::List(many.iter().map(|e| text(e.clone())).collect()),
        )),
    }
    if let Some(f) = &c.fax {
        m.push(entry("fax", text(f.clone())));
    }
    if let Some(p) = &c.phone {
        m.push(entry("phone", text(p.clone())));
    }
    match &c.salutation {
        Some(Salutation::One(s)) => m.push(entry("salutation", text(s.clone()))),
        Some(Salutation::ByLanguage(by)) => m.push(entry(
            "salutation",
            Node::Map(by.iter().map(|(l, s)| entry(l, text(s.clone()))).collect()),
        )),
        None if target => m.push(entry(
            "salutation",
            text(placeholder("salutation, e.g. Dear Minister,")),
        )),
        None => {}
    }
    Node::Map(m)
}

/// The salutations the targets have in a language.
fn salutations<'a>(d: &'a Draft, lang: &str) -> Vec<&'a str> {
    d.targets
        .iter()
        .filter_map(|t| match t.salutation.as_ref()? {
            Salutation::One(s) => Some(s.as_str()),
            Salutation::ByLanguage(by) => {
                by.iter().find(|(l, _)| l == lang).map(|(_, s)| s.as_str())
            }
        })
        .collect()
}

/// The letter template: the date, the salutation, the letter's paragraphs
/// word for word, the note slot, the closing, and the signature.
fn body(d: &Draft) -> String {
    let lang = languages(d).2;
    let known = salutations(d, &lang);
    let every_target_greeted = !d.targets.is_empty()
        && d.targets.iter().all(|t| match &t.salutation {
            Some(Salutation::One(_)) => true,
            Some(Salutation::ByLanguage(by)) => by.iter().any(|(l, _)| *l == lang),
            None => false,
        });
    let mut out = String::from("{{date}}\n\n");
    let greeting = match d.letter.as_ref().and_then(|l| l.salutation.as_deref()) {
        Some(s) => match known.iter().find_map(|k| {
            s.strip_prefix(k)
                .filter(|rest| rest.chars().all(|c| ",:;.!".contains(c)))
        }) {
            Some(punctuation) => format!("{{{{target.salutation}}}}{punctuation}"),
            None => escape(s),
        },
        // `Dear Governor/Exmo. Sr. Governador` has no comma of its own.
        None if every_target_greeted => {
            let bare = known
                .iter()
                .all(|s| !s.ends_with([',', ':', '.', ';', '!']));
            format!("{{{{target.salutation}}}}{}", if bare { "," } else { "" })
        }
        None => placeholder("salutation, e.g. Dear Minister,"),
    };
    out.push_str(&greeting);
    out.push_str("\n\n");
    match &d.letter {
        Some(l) if !l.paragraphs.is_empty() => {
            for p in &l.paragraphs {
                out.push_str(&escape(p));
                out.push_str("\n\n");
            }
        }
        _ if !d.points.is_empty() => out.push_str(
            "[WRITE YOUR APPEAL: in your own words, asking for what the points of this action ask]\n\n",
        ),
        _ => {
            out.push_str(&placeholder("the letter; the document has no model letter"));
            out.push_str("\n\n");
        }
    }
    out.push_str("{{#if note}}\n{{note}}\n\n{{/if}}\n");
    let closing = d
        .letter
        .as_ref()
        .and_then(|l| l.closing.clone())
        .unwrap_or_else(|| "Yours sincerely,".to_string());
    out.push_str(&escape(&closing));
    out.push_str("\n\n{{name}}\n{{#if place}}\n{{place}}\n{{/if}}\n");
    out
}

/// Document text inside a template: `{{` would start a tag.
fn escape(s: &str) -> String {
    s.replace("{{", "\\{{")
}

// ---- Rendering ----------------------------------------------------------

fn comment_lines(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let wrapped = textwrap::wrap(text, 76usize.saturating_sub(indent + 2).max(20));
    wrapped
        .iter()
        .map(|l| {
            format!(
                "{pad}# {}\n",
                l.chars().filter(|c| !c.is_control()).collect::<String>()
            )
        })
        .collect()
}

fn render_map(entries: &[Entry], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for e in entries {
        if e.blank_before {
            out.push('\n');
        }
        if let Some(c) = &e.comment {
            out.push_str(&comment_lines(c, indent));
        }
        out.push_str(&pad);
        out.push_str(&scalar(&e.key));
        out.push(':');
        render_value(&e.value, indent, out);
    }
}

/// A value after `key:` (or `- `), from the rest of that line on.
fn render_value(value: &Node, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent + 2);
    match value {
        Node::Bool(b) => out.push_str(&format!(" {b}\n")),
        Node::Str(s, Style::Inline) => out.push_str(&format!(" {}\n", scalar(s))),
        Node::Str(s, Style::Folded) if foldable(s) => {
            out.push_str(" >-\n");
            for line in textwrap::wrap(
                s,
                textwrap::Options::new(78 - indent - 2)
                    .word_separator(textwrap::WordSeparator::AsciiSpace)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation)
                    .break_words(false),
            ) {
                out.push_str(&pad);
                out.push_str(&line);
                out.push('\n');
            }
        }
        Node::Str(s, Style::Literal) if literal_ok(s) => {
            out.push_str(if s.ends_with('\n') { " |\n" } else { " |-\n" });
            for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
                if !line.is_empty() {
                    out.push_str(&pad);
                    out.push_str(line);
                }
                out.push('\n');
            }
        }
        Node::Str(s, _) => out.push_str(&format!(" {}\n", quoted(s))),
        Node::List(items) => {
            out.push('\n');
            for item in items {
                match item {
                    Node::Map(entries) => {
                        let mut inner = String::new();
                        render_map(entries, indent + 4, &mut inner);
                        let inner = inner
                            .strip_prefix(&" ".repeat(indent + 4))
                            .unwrap_or(&inner);
                        out.push_str(&pad);
                        out.push_str("- ");
                        out.push_str(inner);
                    }
                    other => {
                        out.push_str(&pad);
                        out.push('-');
                        render_value(other, indent + 2, out);
                    }
                }
            }
        }
        Node::Map(entries) => {
            out.push('\n');
            render_map(entries, indent + 2, out);
        }
    }
}

/// One paragraph with single spaces: safe to fold at spaces.
fn foldable(s: &str) -> bool {
    !s.is_empty()
        && !s.contains("  ")
        && !s.starts_with([' ', '#'])
        && !s.ends_with(' ')
        && !s
            .chars()
            .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}')
}

/// Text a `|` block holds exactly: no tabs, no trailing spaces, no
/// leading space on its first line.
fn literal_ok(s: &str) -> bool {
    !s.starts_with([' ', '\n'])
        && !s.ends_with("\n\n")
        && s.split('\n').all(|l| !l.ends_with(' '))
        && !s.chars().any(|c| {
            (c.is_control() && c != '\n') || c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}'
        })
}

/// A plain scalar when one reads back as the same string, else quoted.
fn scalar(s: &str) -> String {
    if plain_ok(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let reserved = matches!(
        s.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
    );
    let is_date = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10;
    let numeric = s.parse::<f64>().is_ok()
        || s.starts_with("0x")
        || s.starts_with("0o")
        || (!is_date
            && s.chars()
                .all(|c| c.is_ascii_digit() || ":-.+_ eE".contains(c)));
    !reserved
        && !numeric
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && first != ' '
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(|c| {
            c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' || c == '\u{FEFF}'
        })
}

fn to_value(node: &Node) -> Value {
    match node {
        Node::Str(s, _) => Value::String(s.clone()),
        Node::Bool(b) => Value::Bool(*b),
        Node::List(items) => Value::Array(items.iter().map(to_value).collect()),
        Node::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_value(&e.value)))
                .collect::<Map<String, Value>>(),
        ),
    }
}

/// Whether the written text parses back to exactly the data it was
/// written from.
fn round_trips(text: &str, root: &[Entry]) -> bool {
    let expected = to_value(&Node::Map(root.to_vec()));
    serde_saphyr::from_str::<Value>(text).is_ok_and(|v| v == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(s: &str, style: Style) {
        let root = vec![entry("v", Node::Str(s.to_string(), style))];
        let mut out = String::new();
        render_map(&root, 0, &mut out);
        assert!(round_trips(&out, &root), "{s:?} wrote {out}");
    }

    fn draft(languages: &[(&str, Option<&str>)], salutation: &str) -> Draft {
        let mut d = Draft::new(Layout::Current);
        d.languages = languages
            .iter()
            .map(|(n, t)| (n.to_string(), t.map(str::to_string)))
            .collect();
        d.letter = Some(super::super::Letter {
            salutation: Some(salutation.to_string()),
            paragraphs: vec!["One.".to_string()],
            closing: None,
        });
        d
    }

    #[test]
    fn the_letter_is_keyed_by_its_own_language() {
        // Named second: it leads, and the first is accepted.
        let (pref, accepted, letter, note) = languages(&draft(
            &[("Spanish", Some("es")), ("English", Some("en"))],
            "Dear X,",
        ));
        assert_eq!((pref.as_str(), letter.as_str()), ("en", "en"));
        assert_eq!(accepted, ["es"]);
        assert!(note.unwrap().contains("prefers Spanish"));
        // Not named at all: the document's preference stands, and the
        // letter keeps its language; nothing is relabelled.
        let (pref, accepted, letter, note) =
            languages(&draft(&[("Spanish", Some("es"))], "Dear X,"));
        assert_eq!((pref.as_str(), letter.as_str()), ("es", "en"));
        assert!(accepted.is_empty());
        assert!(note.is_some());
        // A salutation in no known language: the preferred one.
        let (pref, _, letter, _) = languages(&draft(&[("French", Some("fr"))], "Hello X,"));
        assert_eq!((pref.as_str(), letter.as_str()), ("fr", "fr"));
    }

    #[test]
    fn awkward_strings_read_back_as_written() {
        for s in [
            "plain words",
            "Dear Secretary Noem,",
            "yes",
            "2025-07-01",
            "2707",
            "+52 55 1234 5678",
            "a: b",
            "# not a comment",
            "- not a list",
            "'quoted'",
            "“curly” quotes",
            "trailing space ",
            "[PLACEHOLDER: x]",
            "tab\there",
            "Apostrophe’s",
            "@handle",
            "",
        ] {
            roundtrip(s, Style::Inline);
        }
        let long = "Following a presidential proclamation invoking the Alien Enemies Act by President Trump, 255 individuals have been illegally removed: # not a comment – really.";
        roundtrip(long, Style::Folded);
        roundtrip(
            "double  spaced text that is long enough to be folded at some point later on",
            Style::Folded,
        );
        roundtrip("One.\n\nTwo: three\n  indented\n", Style::Literal);
        roundtrip("No newline at the end", Style::Literal);
        roundtrip(" leading space\n", Style::Literal);
    }
}
