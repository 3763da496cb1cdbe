//! Properties that hold for any input: loading, cleaning, rendering,
//! reading batch files, naming files and wrapping never panic, never lose
//! what was typed and never let text escape where it belongs.

mod common;

use std::sync::LazyLock;

use appeal::Action;
use appeal::Library;
use appeal::Renderer;
use appeal::Template;
use appeal::file_name as sanitize;
use appeal::wrap;
use appeal::{RowsFormat as Format, read_rows as open};
use appeal::{Signer, clean_line, clean_note};
use chrono::NaiveDate;
use common::{Sandbox, cecot_yaml, exit, stderr_of, stdout_of};
use proptest::prelude::*;

/// The shipped action with its translations, loaded once for every case.
static CECOT: LazyLock<Action> =
    LazyLock::new(|| Library::default().load("cecot").expect("cecot loads"));
static CECOT_TEXT: LazyLock<String> = LazyLock::new(cecot_yaml);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date")
}

/// Characters that can hide or reorder text: what the README says is refused.
fn hides_text(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text that mixes any characters with the pieces most likely to break
/// something: template syntax, controls, bidi overrides, line breaks,
/// markup and path pieces.
fn tricky_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Zé王 ]{1,6}",
        2 => any::<char>().prop_map(String::from),
        1 => prop::sample::select(vec![
            "{{name}}", "{{note}}", "{{{note}}}", "{{#if note}}", "{{/if}}", "{{", "}}",
            "{{> x}}", "{{!-- c --}}", "\\{{name}}", "{{@root}}", "{{lookup . 'a'}}",
            "\u{202E}", "\u{2066}", "\u{200F}", "\u{0}", "\u{7}", "\u{1b}[31m", "\u{85}",
            "\n", "\r\n", "\r", "\t", " ", "  ", "&<>\"'", "..", "/", "\\", "-", ".",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|v| v.concat())
}

// (a) Any text as an action file is an action or an error, never a panic.
proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_an_action_file_is_ok_or_an_error(text in any::<String>()) {
        let _ = Action::parse("prop", "prop.yaml", &text);
    }

    #[test]
    fn any_bytes_as_an_action_file_are_ok_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Action::parse("prop", "prop.yaml", &text);
    }

    #[test]
    fn yaml_shaped_text_is_ok_or_an_error_with_a_place(
        lines in prop::collection::vec(
            prop_oneof![
                Just("a: b".to_string()),
                Just("- x".to_string()),
                Just("  - &a [*a, *a]".to_string()),
                Just("k: &x {a: *x}".to_string()),
                Just("? [a]".to_string()),
                Just("!!binary aGk=".to_string()),
                Just("---".to_string()),
                Just("...".to_string()),
                Just("deadline: 2025-02-30".to_string()),
                Just("letters: {en: {subject: s, body: '{{'}}".to_string()),
                "[ \\[\\]{}:,&*!|>'\"#%@`a-z0-9-]{0,20}",
            ],
            0..24,
        )
    ) {
        let text = lines.join("\n");
        if let Err(e) = Action::parse("prop", "prop.yaml", &text) {
            let message = e.to_string();
            prop_assert!(message.starts_with("prop.yaml"), "{message}");
        }
    }
}

// (a) continued: the real action, cut and spliced at random places.
proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_mangled_cecot_action_is_ok_or_an_error(
        cut in any::<prop::sample::Index>(),
        len in 0usize..200,
        insert in tricky_text(6),
    ) {
        let text: &str = &CECOT_TEXT;
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mangled = format!("{}{insert}{}", &text[..at], &text[end..]);
        if let Ok(action) = Action::parse("cecot", "cecot.yaml", &mangled) {
            // What loads must also compile and render, or fail with an
            // error, not a panic.
            let renderer = Renderer::new(&action, today());
            for lang in action.letters.keys() {
                let _ = renderer.render(lang, &Signer::sample());
            }
        }
    }
}

// (b) What a writer types is refused, or appears in the letter exactly as typed.
proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn typed_text_is_refused_or_rendered_verbatim(
        name in tricky_text(8),
        note in tricky_text(16),
        city in tricky_text(4),
        country in tricky_text(4),
    ) {
        let cleaned = [
            ("name", clean_line("--name", &name), &name),
            ("city", clean_line("--city", &city), &city),
            ("country", clean_line("--country", &country), &country),
        ];
        let mut refused = false;
        for (what, result, raw) in &cleaned {
            match result {
                Ok(value) => {
                    prop_assert_eq!(value.as_str(), raw.trim(), "{} is only trimmed", what);
                    prop_assert!(!value.chars().any(hides_text), "{what} kept a hiding character: {value:?}");
                }
                Err(e) => {
                    refused = true;
                    prop_assert!(raw.trim().chars().any(hides_text), "{what} {raw:?} refused without cause: {e}");
                    prop_assert!(e.to_string().contains("contains"), "{e}");
                }
            }
        }
        let note = match clean_note("--note", &note) {
            Ok(clean) => {
                prop_assert!(
                    !clean.chars().any(|c| hides_text(c) && c != '\n' && c != '\t'),
                    "note kept a hiding character: {clean:?}"
                );
                prop_assert!(!clean.contains("\r\n"), "line endings are normalised: {clean:?}");
                Some(clean)
            }
            Err(e) => {
                prop_assert!(
                    note.chars().any(|c| hides_text(c) && c != '\n' && c != '\t'),
                    "note {note:?} refused without cause: {e}"
                );
                None
            }
        };
        let (Some(note), false) = (note, refused) else {
            return Ok(());
        };
        let value = |i: usize| cleaned[i].1.as_ref().expect("not refused").clone();
        let signer = Signer {
            name: value(0),
            city: value(1),
            country: value(2),
            note,
            ..Signer::default()
        };
        let renderer = Renderer::new(&CECOT, today());
        for lang in CECOT.letters.keys() {
            let letter = renderer.render(lang, &signer).expect("a clean signer renders");
            let body = wrap(&letter.body, 0);
            prop_assert!(body.contains(&signer.name), "[{lang}] name {:?} missing from:\n{body}", signer.name);
            if !signer.note.is_empty() {
                let paragraph = format!("\n\n{}\n\n", signer.note);
                prop_assert!(body.contains(&paragraph), "[{lang}] note {:?} is not its own paragraph in:\n{body}", signer.note);
            }
            let place = signer.place();
            if !place.is_empty() {
                prop_assert!(body.contains(&format!("\n{place}\n")), "[{lang}] place {place:?} missing from:\n{body}");
            }
        }
    }

    #[test]
    fn template_syntax_in_typed_text_stays_literal(
        before in "[a-zA-Z ]{0,5}",
        tag in prop::sample::select(vec![
            "{{name}}", "{{note}}", "{{{target.email}}}", "{{#if note}}x{{/if}}",
            "{{#each target.address}}{{this}}{{/each}}", "{{> letter}}", "{{lookup target 'name'}}",
            "{{date}}", "{{", "}}", "{{!comment}}", "{{@root.target.email}}",
        ]),
        after in "[a-zA-Z ]{0,5}",
    ) {
        let typed = format!("{before}{tag}{after}");
        let name = clean_line("--name", &typed).expect("no hiding characters");
        let note = clean_note("--note", &typed).expect("no hiding characters");
        let signer = Signer { name: name.clone(), note: note.clone(), ..Signer::default() };
        let renderer = Renderer::new(&CECOT, today());
        let letter = renderer.render("en", &signer).expect("renders");
        prop_assert!(letter.body.contains(&name), "{name:?} in:\n{}", letter.body);
        if !note.is_empty() {
            prop_assert!(letter.body.contains(&format!("\n\n{note}\n\n")), "{note:?} in:\n{}", letter.body);
        }
        prop_assert!(!letter.body.contains("dhssecretary@") || typed.contains("dhssecretary@"),
            "typed text was compiled as a template:\n{}", letter.body);
    }
}

// (c) Any bytes as a batch file are rows or row errors, never a panic or an endless loop.
proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_batch_file_are_rows_or_errors(
        header in prop_oneof![Just(Vec::new()), Just(b"name,note,city\n".to_vec())],
        bytes in prop::collection::vec(
            prop_oneof![
                4 => any::<u8>(),
                1 => prop::sample::select(b",\"\n\r{}[]:\\".to_vec()),
            ],
            0..512,
        ),
    ) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("rows");
        let mut content = header;
        content.extend_from_slice(&bytes);
        std::fs::write(&path, &content).expect("write rows");
        for format in [Format::Csv, Format::Jsonl] {
            let Ok(rows) = open(&path, format) else { continue };
            let mut last = 0;
            for (i, row) in rows.enumerate() {
                prop_assert!(i <= content.len() + 1, "{format:?}: more rows than bytes: an endless loop?");
                let number = match row {
                    Ok(row) => row.number,
                    Err(e) => {
                        prop_assert!(!e.message.is_empty(), "{format:?}: a row error says why");
                        e.number
                    }
                };
                prop_assert!(number > last, "{format:?}: row numbers go up ({number} after {last})");
                last = number;
            }
        }
    }

    #[test]
    fn jsonl_rows_of_any_text_values_read_back_exactly(
        values in prop::collection::vec(any::<String>(), 1..5),
    ) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("rows.jsonl");
        let lines: Vec<String> = values
            .iter()
            .map(|v| serde_json::json!({ "name": v }).to_string())
            .collect();
        std::fs::write(&path, lines.join("\n")).expect("write rows");
        let rows: Vec<_> = open(&path, Format::Jsonl).expect("opens").collect();
        prop_assert_eq!(rows.len(), values.len());
        for (row, value) in rows.iter().zip(&values) {
            let row = row.as_ref().expect("a JSON object of text is a row");
            prop_assert_eq!(row.fields().collect::<Vec<_>>(), vec![("name", value.as_str())]);
        }
    }
}

// (d) No file name made from any text escapes, hides or overflows.
proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn sanitized_names_are_safe(raw in prop_oneof![
        any::<String>(),
        tricky_text(24),
        "[./\\\\a-]{0,12}(\\.[a-z]{1,4})?",
        "(é|王|a|\\.){150,260}\\.txt",
    ]) {
        let name = sanitize(&raw);
        prop_assert!(!name.is_empty(), "{raw:?} gave an empty name");
        prop_assert!(name != "." && name != "..", "{raw:?} gave {name:?}");
        prop_assert!(!name.starts_with('.'), "{raw:?} gave a hidden name {name:?}");
        prop_assert!(name.len() <= 200, "{raw:?} gave {} bytes", name.len());
        prop_assert!(
            !name.chars().any(|c| c == '/' || c == '\\' || c == '\0' || c.is_control()),
            "{raw:?} gave {name:?}"
        );
        prop_assert!(
            !name.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{raw:?} kept a bidi control in {name:?}"
        );
        prop_assert!(
            appeal::text::first_refused(&name, appeal::text::Shape::Identifier).is_none(),
            "{raw:?} gave {name:?}, which the rule for identifiers refuses"
        );
    }
}

/// Words without whitespace, of letters, digits, punctuation, accents,
/// emoji, emails and URLs; no scripts written without spaces.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9éüñ,.;'’-]{1,12}",
        1 => "[a-z]{1,30}",
        1 => "[a-z-]{1,10}@[a-z-]{1,10}\\.org",
        1 => "https://example\\.org/[a-z/-]{1,60}",
        1 => Just("🙂🙂".to_string()),
    ]
}

/// Lines of words separated by runs of ASCII spaces, and some blank lines.
fn prose() -> impl Strategy<Value = String> {
    let line =
        (" {0,2}", prop::collection::vec((word(), " {1,3}"), 0..30)).prop_map(|(indent, words)| {
            let mut line = indent;
            for (w, gap) in words {
                line.push_str(&w);
                line.push_str(&gap);
            }
            line
        });
    prop::collection::vec(line, 1..6).prop_map(|lines| lines.join("\n"))
}

// (e) Wrapping keeps every word, in order, and stays within the width
// except for a word longer than the width itself.
proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn wrapping_keeps_words_and_width(text in prose(), width in 10usize..100) {
        let wrapped = wrap(&text, width);
        let before: Vec<&str> = text.split_whitespace().collect();
        let after: Vec<&str> = wrapped.split_whitespace().collect();
        prop_assert_eq!(&after, &before, "words lost or reordered at width {}", width);
        prop_assert!(
            wrapped.lines().count() >= text.lines().count(),
            "line breaks were lost at width {width}"
        );
        for line in wrapped.lines() {
            let columns = textwrap::core::display_width(line);
            prop_assert!(
                columns <= width || line.split_whitespace().count() == 1,
                "a line of {columns} columns at width {width} has several words: {line:?}\nfrom {text:?}"
            );
        }
    }

    #[test]
    fn wrapping_any_text_keeps_every_character(text in any::<String>(), width in 10usize..100) {
        let wrapped = wrap(&text, width);
        let strip = |s: &str| s.chars().filter(|c| *c != ' ' && *c != '\n').collect::<String>();
        prop_assert_eq!(strip(&wrapped), strip(&text));
    }
}

// The real binary: a typed name is in the letter, or refused with exit 3.
/// Templates made of prose, line breaks and every kind of tag, mostly well
/// formed (blocks nest and close), sometimes not: what splitting a template
/// into prose and tags must not change.
fn template_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => prop::sample::select(vec![
            "Dear ", "prose", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", ",", "é王",
        ]),
        4 => prop::sample::select(vec![
            "{{name}}", "{{note}}", "{{{note}}}", "{{&note}}", "{{target.name}}", "{{this}}",
            "{{!-- a\ncomment --}}", "{{! note }}", "{{lookup target \"name\"}}", "{{name\n}}",
        ]),
        1 => prop::sample::select(vec![
            "{{~name}}", "{{name~}}", "\\{{name}}", "{{missing}}", "{{", "}}", "{{> part}}",
            "{{{{raw}}}}", "{{{{/raw}}}}", "{{[name]}}", "{{#if \"}}\"}}", "{{/if}}", "{{else}}",
            "{{#if note}}",
        ]),
    ]
    .prop_map(str::to_string);
    leaf.prop_recursive(4, 64, 8, |inner| {
        let blocks = prop::sample::select(vec![
            ("{{#if note}}", "{{/if}}"),
            ("{{#unless city}}", "{{/unless}}"),
            ("{{^note}}", "{{/note}}"),
            ("{{#each list}}", "{{/each}}"),
            ("{{#with target}}", "{{/with}}"),
            ("{{#if (eq lang \"es\")}}", "{{/if}}"),
        ]);
        let breaks = prop::sample::select(vec!["", "\n", "  \n", "\n\n"]);
        let body = || prop::collection::vec(inner.clone(), 0..6).prop_map(|v| v.concat());
        let else_ = prop::option::of((
            prop::sample::select(vec!["{{else}}", "{{^}}", "{{else if city}}"]),
            body(),
        ));
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..8).prop_map(|v| v.concat()),
            (blocks, breaks.clone(), body(), else_, breaks).prop_map(
                |((open, close), gap, body, else_, end)| {
                    let else_ = else_.map(|(tag, body)| format!("{gap}{tag}{gap}{body}"));
                    format!(
                        "{open}{gap}{body}{}{gap}{close}{end}",
                        else_.unwrap_or_default()
                    )
                }
            ),
        ]
    })
}

fn registry() -> handlebars::Handlebars<'static> {
    appeal::letter_registry()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn a_template_split_into_prose_and_tags_renders_as_it_does_whole(
        text in template_text(),
        note in prop::sample::select(vec!["", "a note", "<&>"]),
    ) {
        let context = handlebars::Context::wraps(serde_json::json!({
            "name": "Ana", "note": note, "city": "", "lang": "es",
            "list": ["x", "y"], "target": {"name": "Bukele"},
        })).expect("a JSON object is a context");
        let mut whole = registry();
        let whole = whole
            .register_template_string("t", &text)
            .map_err(|e| e.pos())
            .and_then(|()| whole.render_with_context("t", &context).map_err(|e| e.line_no.zip(e.column_no)));
        let mut split = registry();
        let split = Template::compile(&mut split, "t", &text)
            .map_err(|e| Some((e.line, e.column)))
            .and_then(|t| t.render(&split, &context).map_err(|e| Some((e.line, e.column))));
        match (&whole, &split) {
            (Ok(w), Ok(s)) => prop_assert_eq!(w, s, "{:?}", text),
            // An error is reported at the same place either way.
            (Err(w), Err(s)) => prop_assert_eq!(w.unwrap_or((1, 1)), s.unwrap_or((1, 1)), "{:?}", text),
            _ => prop_assert!(false, "{text:?}: whole {whole:?}, split {split:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn the_binary_prints_a_name_verbatim_or_refuses_it(
        // NUL can't be passed in an argument at all.
        name in tricky_text(6).prop_filter("no NUL", |n| !n.contains('\0') && !n.trim().is_empty()),
    ) {
        let sb = Sandbox::new();
        let out = sb
            .compose()
            .args(["--width", "0"])
            .arg(format!("--name={name}"))
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .expect("appeal runs");
        let stderr = stderr_of(&out);
        match out.status.code() {
            Some(exit::OK) => {
                let stdout = stdout_of(&out);
                prop_assert!(
                    stdout.trim_end().ends_with(name.trim()),
                    "{name:?} is not the signature of:\n{stdout}"
                );
            }
            Some(exit::BAD_INPUT) => {
                prop_assert!(name.chars().any(hides_text), "{name:?} refused without cause: {stderr}");
                prop_assert!(stderr.contains("--name: contains"), "{name:?}: unclear message: {stderr}");
                prop_assert!(out.stdout.is_empty(), "a refused name printed a letter");
            }
            other => prop_assert!(false, "{name:?}: exit {other:?}: {stderr}"),
        }
    }
}
