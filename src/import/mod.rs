//! Reading an urgent-action document (text, Markdown or PDF) into a
//! [`Draft`]: every fact the document gives, copied as written, and a note
//! of every fact it lacks. `emit` turns a draft into an action file.
//!
//! Each layout family has its own reader; `sections` finds headings and
//! `facts` reads dates, languages, targets and letters for all of them.

pub mod current;
pub mod emit;
pub mod facts;
pub mod labelled;
pub mod older;
pub mod pdf;
pub mod sections;
pub mod text;

use chrono::NaiveDate;

use crate::action::MAX_FILE_BYTES;
use crate::error::{Error, Result};

/// The layout families `import` recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// URGENT ACTION, TAKE ACTION: …, a model letter, ADDITIONAL INFORMATION (2020s).
    Current,
    /// URGENT ACTION TITLE:, URGENT ACTION LETTER:, … (the 2017 template).
    Labelled,
    /// `UA: 229/10 Index: …`, PLEASE WRITE IMMEDIATELY …, bullet points (2009–2016).
    Older,
}

impl Layout {
    /// The layout in words, in the interface's language; the headings it
    /// is known by stay as documents write them.
    pub fn describe(self) -> String {
        match self {
            Layout::Current => crate::ui::tr!("import-layout-current"),
            Layout::Labelled => crate::ui::tr!("import-layout-labelled"),
            Layout::Older => crate::ui::tr!("import-layout-older"),
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
    pub fax: Option<String>,
    pub phone: Option<String>,
    pub salutation: Option<Salutation>,
}

/// The model letter: the salutation, the paragraphs between it and the
/// closing, and the closing's words. The signature is the writer's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letter {
    pub salutation: Option<String>,
    pub paragraphs: Vec<String>,
    pub closing: Option<String>,
}

/// A date as the document writes it, and as a date when it reads as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocDate {
    pub text: String,
    pub date: Option<NaiveDate>,
}

/// Everything read from a document. `None` or empty means the document
/// does not say; `emit` writes a placeholder for each required fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub layout: Layout,
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
    /// The preferred language as the document names it (`English`), and its tag.
    pub languages: Vec<(String, Option<String>)>,
    pub own_language_welcome: bool,
    pub previous_ua: Option<String>,
    pub targets: Vec<Contact>,
    pub copies: Vec<Contact>,
    pub copies_note: Option<String>,
    pub background: Vec<String>,
    pub letter: Option<Letter>,
    pub points: Vec<String>,
    /// Things worth telling the person who imports (a document cut short).
    pub notes: Vec<String>,
}

impl Draft {
    fn new(layout: Layout) -> Draft {
        Draft {
            layout,
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
            notes: Vec::new(),
        }
    }
}

/// Where a document's bytes came from, for messages.
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Reads a document: PDF when it starts like one, UTF-8 text otherwise.
pub fn read(source: &Source) -> Result<Draft> {
    let bad = |message: String| Error::File {
        path: source.name.to_string(),
        message,
    };
    if source.bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(bad(crate::ui::tr!(
            "import-too-large",
            size = MAX_FILE_BYTES / 1024
        )));
    }
    let is_pdf = pdf::is_pdf(source.bytes);
    let raw = if is_pdf {
        pdf::extract(source.bytes).map_err(bad)?
    } else {
        let text = std::str::from_utf8(source.bytes)
            .map_err(|e| bad(crate::ui::tr!("import-not-text", offset = e.valid_up_to())))?;
        if text.contains('\0') {
            return Err(bad(crate::ui::tr!("import-binary")));
        }
        text.to_string()
    };
    let lines = text::normalise(&raw, is_pdf);
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(bad(if is_pdf {
            crate::ui::tr!("import-no-text-layer")
        } else {
            crate::ui::tr!("import-empty")
        }));
    }
    parse(&lines).map_err(bad)
}

/// Reads clean lines with the first layout that recognises them.
pub fn parse(lines: &[String]) -> std::result::Result<Draft, String> {
    let found = sections::Sections::find(lines);
    let draft = if labelled::recognises(&found) {
        labelled::read(lines, &found)
    } else if current::recognises(&found) {
        current::read(lines, &found)
    } else if older::recognises(lines) {
        older::read(lines)
    } else if current::recognises_start(lines, &found) {
        // The current layout cut short before TAKE ACTION: what it has is
        // read, and the rest is left to fill in.
        current::read(lines, &found)
    } else {
        return Err(crate::ui::tr!(
            "import-no-layout",
            current = Layout::Current.describe(),
            labelled = Layout::Labelled.describe(),
            older = Layout::Older.describe(),
        ));
    };
    let mut draft = draft;
    facts::note_cut_short(&mut draft, lines);
    Ok(draft)
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
            Just("Dear Minister,".to_string()),
            Just("Yours sincerely,".to_string()),
            Just("Email: a@b.org".to_string()),
            Just("Salutation: Dear X/Estimado Y".to_string()),
            Just("- a point".to_string()),
            Just(String::new()),
            any::<String>(),
            "[ -~áé“”’*#\\[\\]()]{0,120}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Any text, PDF-like or not, is read without a panic, and whatever
        /// is read is written as YAML that parses back.
        #[test]
        fn any_text_reads_and_writes_valid_yaml(
            lines in prop::collection::vec(line(), 0..40),
            from_pdf in any::<bool>(),
        ) {
            let text = lines.join(if from_pdf { "\u{c}\n" } else { "\n" });
            let clean = text::normalise(&text, from_pdf);
            if let Ok(draft) = parse(&clean) {
                let emitted = emit::emit(&draft, "doc.txt", None);
                let parsed = serde_saphyr::from_str::<serde_json::Value>(&emitted.text);
                prop_assert!(parsed.is_ok(), "{}", emitted.text);
                prop_assert!(crate::commands::new::check_id(&emitted.id).is_ok(), "{}", emitted.id);
            }
        }
    }
}
