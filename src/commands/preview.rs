//! `appeal preview`: a translator's view of a letter, rendered with sample
//! answers that are visibly marked, optionally beside the source letter,
//! and rendered again whenever the files change.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use console::{Alignment, measure_text_width, pad_str};

use super::print;
use crate::answers::Signer;
use crate::deadline::today;
use crate::error::{Error, Result};
use crate::lang;
use crate::letter::Renderer;
use crate::library::{ActionFiles, Library};
use crate::talk;
use crate::wrap::wrap;

pub struct Options<'a> {
    pub spec: &'a str,
    pub lang: Option<&'a str>,
    pub side_by_side: bool,
    pub watch: bool,
    pub width: Option<usize>,
}

pub fn run(library: &Library, options: &Options) -> Result<()> {
    let width = options
        .width
        .unwrap_or_else(|| crate::terminal::stdout_columns().unwrap_or(80));
    if !options.watch {
        let files = library.files(options.spec)?;
        return print(&render(&files, options, width)?);
    }
    // Refuse at once what can't be watched: an action built into the binary.
    stamp(&library.files(options.spec)?)?;
    let mut seen = None;
    loop {
        let files = library.files(options.spec);
        let stamp = files.as_ref().ok().and_then(|f| stamp(f).ok());
        if seen.is_none() || stamp != seen {
            // Plain prompts: each version follows the last, nothing cleared.
            if crate::talk::plain() {
                if seen.is_some() {
                    print("\n")?;
                }
            } else {
                let _ = console::Term::stdout().clear_screen();
            }
            // A translator mid-edit often has a broken file: show the error
            // and keep watching.
            match files.and_then(|f| render(&f, options, width)) {
                Ok(text) => print(&text)?,
                Err(e) => talk::say(&e),
            }
            talk::line(crate::ui::tr!("preview-watching"));
            seen = stamp;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// When each file on disk was last changed; a change means render again.
fn stamp(files: &ActionFiles) -> std::result::Result<Vec<(PathBuf, Option<SystemTime>)>, Error> {
    let paths: Vec<PathBuf> = files.all().filter_map(|f| f.path.clone()).collect();
    if paths.is_empty() {
        return Err(Error::Usage(crate::ui::msg!(
            "preview-watch-embedded",
            id = files.id.as_str()
        )));
    }
    Ok(paths
        .into_iter()
        .map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok();
            (p, modified)
        })
        .collect())
}

fn render(files: &ActionFiles, options: &Options, width: usize) -> Result<String> {
    let action = files.parse()?;
    let today = today()?;
    let renderer = Renderer::new(&action, today);
    let requested = match options.lang.or(files.named_lang.as_deref()) {
        Some(l) => lang::normalize(l)
            .ok_or_else(|| Error::Usage(crate::ui::msg!("command-not-a-language-tag", tag = l)))?,
        None => action.default_language().to_string(),
    };
    let choice = action.choose_letter(&requested);
    if choice.is_fallback() {
        talk::say(crate::ui::tr!(
            "preview-fallback",
            requested = choice.requested.as_str(),
            chosen = choice.chosen.as_str(),
        ));
    }
    let sample = Signer::sample();
    let letter = renderer.render(&choice.chosen, &sample)?;
    if !options.side_by_side {
        return Ok(format!(
            "{} {}\n\n{}",
            crate::ui::tr!("show-subject"),
            letter.subject,
            wrap(&letter.body, width.min(80))
        ));
    }
    let source = renderer.render(&action.source_language, &sample)?;
    Ok(side_by_side(
        (&action.source_language, &source.subject, &source.body),
        (&choice.chosen, &letter.subject, &letter.body),
        width,
    ))
}

/// Two letters in columns, paragraph beside paragraph.
fn side_by_side(left: (&str, &str, &str), right: (&str, &str, &str), width: usize) -> String {
    const GAP: &str = " │ ";
    let column = (width.saturating_sub(GAP.len()) / 2).max(20);
    let paragraphs = |body: &str| -> Vec<String> {
        crate::paragraphs::split(body)
            .iter()
            .map(crate::paragraphs::Paragraph::text)
            .collect()
    };
    let subject = crate::ui::tr!("show-subject");
    let mut rows: Vec<(String, String)> = vec![
        (format!("[{}]", left.0), format!("[{}]", right.0)),
        (
            format!("{subject} {}", left.1),
            format!("{subject} {}", right.1),
        ),
    ];
    let (l, r) = (paragraphs(left.2), paragraphs(right.2));
    for i in 0..l.len().max(r.len()) {
        rows.push((
            l.get(i).cloned().unwrap_or_default(),
            r.get(i).cloned().unwrap_or_default(),
        ));
    }
    let mut out = String::new();
    for (i, (a, b)) in rows.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("{}{}\n", " ".repeat(column), GAP.trim_end()));
        }
        let a: Vec<String> = wrap(a, column).lines().map(str::to_string).collect();
        let b: Vec<String> = wrap(b, column).lines().map(str::to_string).collect();
        for j in 0..a.len().max(b.len()) {
            let left = a.get(j).map_or("", String::as_str);
            let right = b.get(j).map_or("", String::as_str);
            let padded = if measure_text_width(left) < column {
                pad_str(left, column, Alignment::Left, None).into_owned()
            } else {
                left.to_string()
            };
            out.push_str(format!("{padded}{GAP}{right}").trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_paragraph_by_paragraph() {
        let out = side_by_side(
            ("en", "Hello", "Dear X,\n\nOne two three four five six.\n"),
            (
                "es",
                "Hola",
                "Estimado X:\n\nUno dos tres cuatro cinco seis.\n",
            ),
            43,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], format!("{:<20} │ [es]", "[en]"));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Dear X,") && l.ends_with("│ Estimado X:"))
        );
        assert!(lines.iter().all(|l| measure_text_width(l) <= 43), "{out}");
    }
}
