//! The account of an import that `appeal import --json` prints: the action
//! file written, the shape read, each field with the document lines it
//! came from, each placeholder left, and every non-empty line of the
//! document that went into no field, with its line number and reason.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Draft;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub document: Document<'a>,
    pub shape: &'static str,
    pub action: Action<'a>,
    pub fields: Vec<Field<'a>>,
    pub placeholders: Vec<Placeholder>,
    pub left_out: Vec<LeftOut<'a>>,
    pub notes: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    /// How many lines the document's text has, as read.
    pub lines: usize,
}

#[derive(Debug, Serialize)]
pub struct Action<'a> {
    pub id: &'a str,
    /// Where it was written; `null` when it went to stdout.
    pub path: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Field<'a> {
    pub field: &'a str,
    /// Document lines, as `[from, to]` ranges.
    pub lines: Vec<[usize; 2]>,
}

/// A marker to fill in, on its line of the action file.
#[derive(Debug, Serialize)]
pub struct Placeholder {
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct LeftOut<'a> {
    pub line: usize,
    pub text: &'a str,
    pub reason: &'static str,
}

impl<'a> Report<'a> {
    pub fn new(draft: &'a Draft, name: &'a str, action: Action<'a>, file: &str) -> Report<'a> {
        Report {
            document: Document {
                name,
                kind: draft.kind.name(),
                lines: draft.line_count,
            },
            shape: draft.shape.name(),
            action,
            fields: draft
                .origins
                .iter()
                .map(|(field, ranges)| Field {
                    field,
                    lines: ranges.iter().map(|&(a, b)| [a, b]).collect(),
                })
                .collect(),
            placeholders: placeholders(file),
            left_out: draft
                .left_out
                .iter()
                .map(|l| LeftOut {
                    line: l.line,
                    text: &l.text,
                    reason: l.reason.describe(),
                })
                .collect(),
            notes: &draft.notes,
        }
    }
}

/// The markers left to fill in an action file, with their lines, by the
/// rule `check` reports them by.
pub fn placeholders(file: &str) -> Vec<Placeholder> {
    file.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with('#'))
        .flat_map(|(i, l)| {
            crate::markers::bracket_markers(l)
                .into_iter()
                .map(move |m| Placeholder {
                    line: i + 1,
                    text: m.to_string(),
                })
        })
        .collect()
}

/// Every document line that a field took or that was left out.
pub fn covered(draft: &Draft) -> BTreeSet<usize> {
    let mut out: BTreeSet<usize> = draft.left_out.iter().map(|l| l.line).collect();
    for (_, ranges) in &draft.origins {
        for &(a, b) in ranges {
            out.extend(a..=b);
        }
    }
    out
}
