//! Reading an urgent-action document into a [`Draft`]: every fact the
//! document gives, copied as written, the lines each came from, every line
//! that went into no fact with the reason, and a note of what the document
//! lacks. `emit` turns a draft into an action file, `report` into the
//! account `appeal import --json` prints.
//!
//! The way in: `document` turns bytes (PDF, web page, Word or OpenDocument
//! file, e-mail, Markdown, text) into lines, reading foreign formats in a
//! sandboxed process; `lines` cleans and rejoins them; `reader` finds the
//! parts by their shape, with the headings of the layout families
//! (`cues`) as hints, not gates; `letter`, `contacts` and `fields` read the
//! letter, the contact blocks and single facts.

pub mod contacts;
pub mod cues;
pub mod document;
pub mod emit;
pub mod fields;
pub mod letter;
pub mod lines;
pub mod reader;
pub mod report;

use chrono::NaiveDate;

use document::{Document, Kind, Unreadable};
use lines::Reason;

/// The shape a document was read as: one of the layout families whose
/// headings it has, or a shape of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// URGENT ACTION, TAKE ACTION: …, a model letter, ADDITIONAL INFORMATION (2020s).
    Current,
    /// URGENT ACTION TITLE:, URGENT ACTION LETTER:, … (the 2017 template).
    Labelled,
    /// `UA: 229/10 Index: …`, PLEASE WRITE IMMEDIATELY …, bullet points (2009–2016).
    Older,
    /// A model letter with the addresses it goes to, in no family's layout.
    ModelLetter,
    /// A page asking to write, with addresses or points but no model letter.
    Appeal,
}

impl Shape {
    /// The shape in words, in the interface's language.
    pub fn describe(self) -> String {
        match self {
            Shape::Current => crate::ui::tr!("import-layout-current"),
            Shape::Labelled => crate::ui::tr!("import-layout-labelled"),
            Shape::Older => crate::ui::tr!("import-layout-older"),
            Shape::ModelLetter => crate::ui::tr!("import-shape-letter"),
            Shape::Appeal => crate::ui::tr!("import-shape-appeal"),
        }
    }

    /// In English, for the action file's comment and the report.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Current => "current layout",
            Shape::Labelled => "labelled 2017 template",
            Shape::Older => "older layout",
            Shape::ModelLetter => "model letter",
            Shape::Appeal => "appeal without a model letter",
        }
    }
}

/// A salutation: one text, or one per language (a bilingual
/// `Dear Minister/Estimado Señor Ministro` split in two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Salutation {
    One(String),
    ByLanguage(Vec<(String, String)>),
}

/// A target or a copy recipient, as the document gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub honorific: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub address: Vec<String>,
    pub emails: Vec<String>,
    pub fax: Vec<String>,
    pub phone: Vec<String>,
    pub salutation: Option<Salutation>,
}

/// The model letter: the salutation, the paragraphs between it and the
/// closing (word for word, a writer's fill-ins made template tags or
/// markers), the closing's words, and the language it is written in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letter {
    pub salutation: Option<String>,
    pub paragraphs: Vec<String>,
    pub closing: Option<String>,
    pub lang: String,
    /// The subject line a letter without a salutation opens with (`Re: …`).
    pub subject: Option<String>,
}

/// A date as the document writes it, and as a date when it reads as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocDate {
    pub text: String,
    pub date: Option<NaiveDate>,
}

/// A line of the document that went into no field, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The document line, from 1.
    pub line: usize,
    pub text: String,
    pub reason: Reason,
}

/// Everything read from a document. `None` or empty means the document
/// does not say; `emit` writes a placeholder for each required fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: Kind,
    pub shape: Shape,
    pub title: Option<String>,
    /// The title was in capitals and was written in the document's own
    /// spelling of its words.
    pub title_recased: bool,
    pub summary: Option<String>,
    pub people: Option<String>,
    /// `UA 60/16`, `Further information on UA: 3/13`, with the index number.
    pub reference: Option<String>,
    pub issued: Option<DocDate>,
    pub deadline: Option<DocDate>,
    pub deadline_advice: Option<String>,
    /// The languages the document asks letters in, as it names them
    /// (`English`), with their tags; the first is the target's preference.
    pub languages: Vec<(String, Option<String>)>,
    pub own_language_welcome: bool,
    pub previous_ua: Option<String>,
    pub targets: Vec<Contact>,
    pub copies: Vec<Contact>,
    pub copies_note: Option<String>,
    pub background: Vec<String>,
    pub letter: Option<Letter>,
    pub points: Vec<String>,
    /// The language the document is written in, where its words tell.
    pub language: Option<String>,
    /// Where each field came from: its name (`title`, `targets[0]`) and
    /// the document lines, as `(from, to)` ranges.
    pub origins: Vec<(String, Vec<(usize, usize)>)>,
    pub left_out: Vec<LeftOut>,
    /// How many document lines there are.
    pub line_count: usize,
    /// Things worth telling the person who imports (a document cut short).
    pub notes: Vec<String>,
}

impl Draft {
    pub fn new(kind: Kind) -> Draft {
        Draft {
            kind,
            shape: Shape::Appeal,
            title: None,
            title_recased: false,
            summary: None,
            people: None,
            reference: None,
            issued: None,
            deadline: None,
            deadline_advice: None,
            languages: Vec::new(),
            own_language_welcome: false,
            previous_ua: None,
            targets: Vec::new(),
            copies: Vec::new(),
            copies_note: None,
            background: Vec::new(),
            letter: None,
            points: Vec::new(),
            language: None,
            origins: Vec::new(),
            left_out: Vec::new(),
            line_count: 0,
            notes: Vec::new(),
        }
    }
}

/// Why a document gives no action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Unreadable(Kind, Unreadable),
    /// Readable, but with no letter, no official and no points.
    NoAction,
}

impl Refusal {
    /// In the interface's language, after the document's name.
    pub fn message(&self) -> String {
        match self {
            Refusal::Unreadable(kind, why) => why.message(Some(*kind)),
            Refusal::NoAction => crate::ui::tr!("import-no-action"),
        }
    }
}

/// Reads a document's bytes; `name` is its file name (or `<stdin>`).
pub fn read(name: &str, bytes: &[u8]) -> Result<(Document, Draft), Refusal> {
    let kind = document::sniff(name, bytes).unwrap_or(Kind::Text);
    let doc = document::read(name, bytes).map_err(|why| Refusal::Unreadable(kind, why))?;
    let draft = reader::read(&doc)?;
    Ok((doc, draft))
}

/// A fact the document lacks.
pub fn placeholder(what: &str) -> String {
    // A `]` inside would end the marker early.
    format!("[PLACEHOLDER: {}]", what.replace(']', ")"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Lines that look like parts of urgent actions, and anything at all.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("URGENT ACTION".to_string()),
            Just("TAKE ACTION: WRITE AN APPEAL".to_string()),
            Just("URGENT ACTION TITLE: A TITLE".to_string()),
            Just("URGENT ACTION LETTER:".to_string()),
            Just("APPEAL DEADLINE NOTICE: 3 May 2017".to_string()),
            Just("UA: 1/10 Index: AMR 1/2/2010 X Date: 1 May 2010".to_string()),
            Just("PLEASE WRITE IMMEDIATELY in English or your own language:".to_string()),
            Just("PLEASE SEND APPEALS BEFORE 1 JUNE 2010 TO:".to_string()),
            Just("And copies to:".to_string()),
            Just("cc.".to_string()),
            Just("Dear Minister,".to_string()),
            Just("Estimado señor:".to_string()),
            Just("Yours sincerely,".to_string()),
            Just("Email: a@b.org".to_string()),
            Just("Fax: +1 202 555 0100".to_string()),
            Just("Salutation: Dear X/Estimado Y".to_string()),
            Just("His Excellency Peter Example".to_string()),
            Just("Minister of Justice".to_string()),
            Just("- a point".to_string()),
            Just("[NOMBRE]".to_string()),
            Just(String::new()),
            any::<String>(),
            "[ -~áé“”’*#\\[\\]()]{0,120}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text, PDF-like or not, is read without a panic; whatever is
        /// read is written as YAML that parses back; and every non-empty
        /// line is in a field or left out with a reason.
        #[test]
        fn any_text_reads_and_writes_valid_yaml(
            lines in prop::collection::vec(line(), 0..40),
            from_pdf in any::<bool>(),
        ) {
            let text = lines.join(if from_pdf { "\u{c}\n" } else { "\n" });
            let doc = Document {
                kind: if from_pdf { Kind::Pdf } else { Kind::Text },
                lines: document::split_lines(&text),
            };
            if let Ok(draft) = reader::read(&doc) {
                let emitted = emit::emit(&draft, "doc.txt", None);
                let parsed = serde_saphyr::from_str::<serde_json::Value>(&emitted.text);
                prop_assert!(parsed.is_ok(), "{}", emitted.text);
                prop_assert!(crate::commands::new::check_id(&emitted.id).is_ok(), "{}", emitted.id);
                let covered = report::covered(&draft);
                for (i, l) in doc.lines.iter().enumerate() {
                    if !l.text.trim().is_empty() {
                        prop_assert!(covered.contains(&(i + 1)), "line {} {:?} is in no field and not left out", i + 1, l.text);
                    }
                }
            }
        }
    }
}
