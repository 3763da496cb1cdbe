//! Writing a [`Draft`] as an action file, laid out and commented like the
//! shipped ones: block scalars for prose, one fact per line, and a
//! `[PLACEHOLDER: …]` for every required fact the document lacks.
//!
//! The file is written by hand for readability, then parsed back and
//! compared with the data it was meant to hold. Should quoting ever go
//! wrong, the plain serialiser's output (correct, uncommented) is used.

use serde_json::{Map, Value};

use super::fields::slug;
use super::{Contact, Draft, Salutation, placeholder};

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
            draft.shape.name(),
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

/// The file's fields, in the order the shipped actions use, and the
/// model letter's language.
fn build(d: &Draft) -> (Vec<Entry>, String) {
    let mut root = about(d);
    root.push(deadline(d));
    if let Some(advice) = &d.deadline_advice {
        root.push(entry("deadline_advice", prose(advice.clone())));
    }
    let letter_lang = language_entries(d, &mut root);
    if let Some(p) = &d.previous_ua {
        root.push(entry("previous_ua", text(p.clone())));
    }
    recipients(d, &mut root);
    root.extend(points(d));
    root.push(background(d));
    root.push(letters(d, &letter_lang));
    (root, letter_lang)
}

/// What the action is about: its title, summary, people, reference and
/// date of issue.
fn about(d: &Draft) -> Vec<Entry> {
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
    let summary = d
        .summary
        .clone()
        .unwrap_or_else(|| placeholder("summary, one paragraph"));
    let people = d
        .people
        .clone()
        .unwrap_or_else(|| placeholder("the people at risk, and their pronouns"));
    let mut out = vec![
        title,
        entry("summary", prose(summary)),
        entry("people", text(people)),
    ];
    if let Some(r) = &d.reference {
        out.push(entry("reference", text(r.clone())));
    }
    if let Some(issued) = &d.issued {
        out.push(match issued.date {
            Some(date) => entry("issued", text(date.to_string())),
            None => {
                let mut e = entry(
                    "issued",
                    text(placeholder("publication date as YYYY-MM-DD")),
                );
                e.comment = Some(format!("The document says: {}", issued.text));
                e
            }
        });
    }
    out
}

/// The languages to write in, added to `root`: the preferred one (or,
/// when none is stated, that none is marked), those also accepted, and
/// whether one's own is welcome. Returns the model letter's language.
fn language_entries(d: &Draft, root: &mut Vec<Entry>) -> String {
    let (preferred, accepted, note) = languages(d);
    let letter_lang = letter_language(d, preferred.as_deref());
    let own = entry("own_language_welcome", Node::Bool(d.own_language_welcome));
    let own = match preferred {
        Some(tag) => {
            let mut pref = entry("preferred_language", text(tag));
            pref.comment = note;
            root.push(pref);
            Some(own)
        }
        None => {
            // No language stated: none is marked, and none is made up.
            let mut own = own;
            own.comment = Some("The document names no language to write in.".to_string());
            root.push(own);
            None
        }
    };
    if !accepted.is_empty() {
        root.push(entry(
            "accepted_languages",
            Node::List(accepted.into_iter().map(text).collect()),
        ));
    }
    root.extend(own);
    letter_lang
}

/// What the document asks for, when it asks for anything.
fn points(d: &Draft) -> Option<Entry> {
    if d.points.is_empty() {
        return None;
    }
    let mut p = entry(
        "points",
        Node::List(d.points.iter().map(|p| text(p.clone())).collect()),
    );
    p.blank_before = true;
    p.comment = Some("What the document asks for, one point a line.".to_string());
    Some(p)
}

/// The background, paragraph by paragraph, or a placeholder.
fn background(d: &Draft) -> Entry {
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
    b
}

/// The deadline: a date, or a placeholder (which reads as no deadline)
/// with what the document says.
fn deadline(d: &Draft) -> Entry {
    match &d.deadline {
        Some(dl) => match dl.date {
            Some(date) => entry("deadline", text(date.to_string())),
            None => entry(
                "deadline",
                text(placeholder(&format!(
                    "deadline as YYYY-MM-DD; the document says “{}”",
                    dl.text
                ))),
            ),
        },
        None => entry(
            "deadline",
            text(placeholder(
                "deadline as YYYY-MM-DD; the document gives none",
            )),
        ),
    }
}

/// The targets, the copies and the copies note.
fn recipients(d: &Draft, root: &mut Vec<Entry>) {
    let opens_with_salutation = body(d).contains("{{target.salutation}}");
    let targets: Vec<Node> = if d.targets.is_empty() {
        vec![contact(&Contact::default(), true, opens_with_salutation)]
    } else {
        d.targets
            .iter()
            .map(|c| contact(c, true, opens_with_salutation))
            .collect()
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
            Node::List(d.copies.iter().map(|c| contact(c, false, false)).collect()),
        );
        c.blank_before = true;
        root.push(c);
    }
    if let Some(note) = &d.copies_note {
        root.push(entry("copies_note", prose(note.clone())));
    }
}

/// The `letters` map: one letter, in its own language.
fn letters(d: &Draft, lang: &str) -> Entry {
    let (subject, why) = match (d.letter.as_ref().and_then(|l| l.subject.clone()), &d.title) {
        (Some(s), _) => (s, None),
        (None, Some(title)) => (
            title.clone(),
            Some("The document gives no subject line: its title stands in."),
        ),
        (None, None) => (placeholder("subject"), None),
    };
    let mut subject = entry("subject", text(subject));
    subject.comment = why.map(str::to_string);
    let mut letter = vec![subject, entry("body", Node::Str(body(d), Style::Literal))];
    if d.letter.is_none() {
        letter[1].comment = Some(if d.points.is_empty() {
            "The document has no model letter.".to_string()
        } else {
            "The document has no model letter, only the points above: write in your own words."
                .to_string()
        });
    }
    let mut l = entry("letters", Node::Map(vec![entry(lang, Node::Map(letter))]));
    l.blank_before = true;
    l
}

/// The target's preferred language (the first the document names), the
/// others it accepts, and a note when its model letter is in none of them.
fn languages(d: &Draft) -> (Option<String>, Vec<String>, Option<String>) {
    let named = &d.languages;
    let Some(first) = named.first() else {
        return (None, Vec::new(), None);
    };
    let tag_of = |(name, tag): &(String, Option<String>)| {
        tag.clone()
            .unwrap_or_else(|| placeholder(&format!("language tag for “{name}”")))
    };
    let preferred = tag_of(first);
    let accepted: Vec<String> = named[1..].iter().map(tag_of).collect();
    let note = d.letter.as_ref().and_then(|l| {
        (first.1.as_deref() != Some(l.lang.as_str())).then(|| {
            format!(
                "The target prefers {}; the document's model letter is in another language ({}), kept as it is.",
                first.0, l.lang
            )
        })
    });
    (Some(preferred), accepted, note)
}

/// The language the model letter is in: its own, or for a document with
/// none, the preferred language, else the document's, else English.
fn letter_language(d: &Draft, preferred: Option<&str>) -> String {
    match &d.letter {
        Some(l) => l.lang.clone(),
        None => preferred
            .filter(|p| !p.starts_with('['))
            .or(d.language.as_deref())
            .unwrap_or("en")
            .to_string(),
    }
}

fn contact(c: &Contact, target: bool, needs_salutation: bool) -> Node {
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
    // A recipient reached by email or fax needs no postal address; one
    // with no way to reach it gets a placeholder to fill.
    if !c.address.is_empty() {
        let lines = c.address.iter().map(|l| text(l.clone())).collect();
        m.push(entry("address", Node::List(lines)));
    } else if c.emails.is_empty() && c.fax.is_empty() {
        let missing = placeholder(&format!(
            "{who}'s postal address, email or fax; the document gives none"
        ));
        m.push(entry("address", Node::List(vec![text(missing)])));
    }
    for (key, list) in [("email", &c.emails), ("fax", &c.fax), ("phone", &c.phone)] {
        match list.as_slice() {
            [] => {}
            [one] => m.push(entry(key, text(one.clone()))),
            many => m.push(entry(
                key,
                Node::List(many.iter().map(|e| text(e.clone())).collect()),
            )),
        }
    }
    match &c.salutation {
        Some(Salutation::One(s)) => m.push(entry("salutation", text(s.clone()))),
        Some(Salutation::ByLanguage(by)) => m.push(entry(
            "salutation",
            Node::Map(by.iter().map(|(l, s)| entry(l, text(s.clone()))).collect()),
        )),
        None if target && needs_salutation => m.push(entry(
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
            Salutation::ByLanguage(by) => by
                .iter()
                .find(|(l, _)| l == lang)
                .or(by.first())
                .map(|(_, s)| s.as_str()),
        })
        .collect()
}

/// Whether the letter opens with its targets' own salutation (in its
/// language, or as the document wrote it, `Dear Minister/Señor Ministro`),
/// and the punctuation after it.
fn greeted_with<'a>(d: &Draft, salutation: &'a str) -> Option<&'a str> {
    let lang = d.letter.as_ref().map_or("", |l| l.lang.as_str());
    let mut forms: Vec<String> = salutations(d, lang).iter().map(|s| s.to_string()).collect();
    forms.extend(d.targets.iter().filter_map(|t| {
        match t.salutation.as_ref()? {
            Salutation::ByLanguage(by) => Some(
                by.iter()
                    .map(|(_, s)| s.as_str())
                    .collect::<Vec<_>>()
                    .join("/"),
            ),
            Salutation::One(_) => None,
        }
    }));
    forms.iter().find_map(|k| {
        salutation
            .strip_prefix(k.as_str())
            .filter(|rest| rest.chars().all(|c| ",:;.!".contains(c)))
    })
}

/// Closings for a letter the document gives none of, by language.
fn closing_for(lang: &str) -> &'static str {
    match lang {
        "es" => "Atentamente,",
        "fr" => "Veuillez agréer l'expression de ma haute considération.",
        "pt" => "Atenciosamente,",
        _ => "Yours sincerely,",
    }
}

/// The letter template: the date, the salutation, the letter's paragraphs
/// word for word, the note slot, the closing, and the signature.
fn body(d: &Draft) -> String {
    let lang = match &d.letter {
        Some(l) => l.lang.clone(),
        None => letter_language(d, languages(d).0.as_deref()),
    };
    let known = salutations(d, &lang);
    let every_target_greeted = !d.targets.is_empty() && known.len() == d.targets.len();
    let mut out = String::from("{{date}}\n\n");
    let greeting = match &d.letter {
        Some(l) => l.salutation.as_deref().map(|s| match greeted_with(d, s) {
            Some(punctuation) => format!("{{{{target.salutation}}}}{punctuation}"),
            None => escape(s),
        }),
        // `Dear Governor/Exmo. Sr. Governador` has no comma of its own.
        None if every_target_greeted => {
            let bare = known
                .iter()
                .all(|s| !s.ends_with([',', ':', '.', ';', '!']));
            Some(format!(
                "{{{{target.salutation}}}}{}",
                if bare { "," } else { "" }
            ))
        }
        None => Some(placeholder("salutation, e.g. Dear Minister,")),
    };
    if let Some(greeting) = greeting {
        out.push_str(&greeting);
        out.push_str("\n\n");
    }
    match &d.letter {
        Some(l) if !l.paragraphs.is_empty() => {
            for p in &l.paragraphs {
                out.push_str(p);
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
        .map_or_else(|| closing_for(&lang).to_string(), |c| escape(&c));
    out.push_str(&closing);
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

    fn draft(languages: &[(&str, Option<&str>)], lang: &str) -> Draft {
        let mut d = Draft::new(crate::import::document::Kind::Text);
        d.languages = languages
            .iter()
            .map(|(n, t)| (n.to_string(), t.map(str::to_string)))
            .collect();
        d.letter = Some(super::super::Letter {
            salutation: Some("Dear X,".to_string()),
            paragraphs: vec!["One.".to_string()],
            lang: lang.to_string(),
            ..Default::default()
        });
        d
    }

    #[test]
    fn the_preferred_language_is_the_targets_and_the_letter_keeps_its_own() {
        // A Spanish-preferring target and an English letter: both as
        // the document says, with a note.
        let d = draft(&[("Spanish", Some("es")), ("English", Some("en"))], "en");
        let (pref, accepted, note) = languages(&d);
        assert_eq!(pref.as_deref(), Some("es"));
        assert_eq!(accepted, ["en"]);
        assert!(note.unwrap().contains("prefers Spanish"));
        assert_eq!(letter_language(&d, pref.as_deref()), "en");
        // No language stated: none is marked.
        let d = draft(&[], "fr");
        assert_eq!(languages(&d), (None, Vec::new(), None));
        assert!(
            !emit(&d, "doc.txt", None)
                .text
                .contains("preferred_language")
        );
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
