//! File names for batch letters: rendered from `--name-template`, then
//! cleaned so that no name escapes the output folder, hides itself, or
//! collides with another letter of the same run.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};

use handlebars::Handlebars;

use crate::answers::Signer;
use crate::text::Shape;

/// The default `--name-template`.
pub const DEFAULT_TEMPLATE: &str = "{{row}}-{{name}}-{{lang}}.txt";

/// Longest file name written, in bytes (most file systems allow 255).
const MAX_NAME_BYTES: usize = 200;

/// Names reserved by Windows, refused there whatever their extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Turns any text into a single, safe file name, every part of which
/// passes the rule for identifiers (`crate::text`): invisible characters
/// (zero-width spaces and joiners, direction marks) go; path separators,
/// control, bidi and tag characters, and runs of spaces become `-`; `..` and leading or
/// trailing dots go, so nothing is hidden or climbs out; reserved device
/// names get a `_`; an empty name becomes `letter`; very long names are cut
/// at a character boundary. A short extension (`.txt`) is kept apart.
pub fn sanitize(raw: &str) -> String {
    let (stem, ext) = match raw.rsplit_once('.') {
        Some((stem, ext))
            if (1..=10).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (stem, Some(ext))
        }
        _ => (raw, None),
    };
    let mut stem = clean(stem);
    if stem.is_empty() {
        stem = "letter".to_string();
    }
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&stem)) {
        stem.insert(0, '_');
    }
    let room = MAX_NAME_BYTES - ext.map_or(0, |e| e.len() + 1);
    if stem.len() > room {
        let mut cut = room;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
    }
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        // Invisible: nothing is seen of it, so nothing takes its place.
        if crate::text::is_default_ignorable(c) {
            continue;
        }
        let bad = crate::text::refuses(Shape::Identifier, c)
            || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
        if bad {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c);
        }
    }
    // Segments that are only dots (the `..` of `../../x`) go entirely.
    let mut out = out
        .split('-')
        .filter(|part| part.is_empty() || !part.chars().all(|c| c == '.'))
        .collect::<Vec<_>>()
        .join("-");
    while out.contains("..") {
        out = out.replace("..", ".");
    }
    out.trim_matches(|c: char| c == '.' || c == '-').to_string()
}

/// File names from `--name-template`, rendered for each letter and then
/// sanitised. The template sees `row`, `name`, `lang`, `city`, `country`
/// and the batch file's other columns, as data: never compiled.
pub struct Namer {
    registry: Handlebars<'static>,
    /// Whether every name starts with its row's number and a dash.
    by_row: bool,
}

impl Namer {
    /// Compiles the template; a syntax error names the flag.
    pub fn new(template: &str) -> Result<Namer, String> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(handlebars::no_escape);
        registry
            .register_template_string("name", template)
            .map_err(|e| format!("--name-template: {}", crate::letter::syntax_message(&e)))?;
        Ok(Namer {
            registry,
            by_row: template.starts_with("{{row}}-"),
        })
    }

    /// What keeps this template's names apart in one run.
    pub fn names(&self) -> Names {
        Names {
            by_row: self.by_row,
            ..Names::default()
        }
    }

    /// The file name for the letter of row `row`, signed by `signer` in `lang`.
    pub fn name(&self, row: usize, signer: &Signer, lang: &str) -> Result<String, String> {
        let mut data: BTreeMap<&str, &str> = signer
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let row = row.to_string();
        data.insert("row", &row);
        data.insert("lang", lang);
        for (key, value) in [
            ("name", &signer.name),
            ("city", &signer.city),
            ("country", &signer.country),
        ] {
            data.insert(key, value);
        }
        self.registry
            .render("name", &data)
            .map(|raw| sanitize(&raw))
            .map_err(|e| format!("--name-template: {}", crate::letter::render_message(&e)))
    }
}

/// Hands out names, adding `-2`, `-3`, … before the extension when a name
/// was already given in this run. Only hashes are kept.
///
/// When every name starts with its row's number and a dash (the default
/// template, `{{row}}-…`), names of different rows can't meet, so only the
/// current row's names are kept (a row has several letters with
/// `--target all`): memory stays the same for a million rows as for ten.
#[derive(Default)]
pub struct Names {
    given: HashSet<u64>,
    by_row: bool,
    row: usize,
}

impl Names {
    /// A unique name for a letter of row `row`, from `name`.
    pub fn claim(&mut self, row: usize, name: &str) -> String {
        let mut name = name.to_string();
        if self.by_row {
            let prefix = format!("{row}-");
            // Sanitising keeps a leading number; this only makes sure.
            if !name.starts_with(&prefix) {
                name.insert_str(0, &prefix);
            }
            if row != self.row {
                self.given.clear();
                self.row = row;
            }
        }
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => name.split_at(i),
            _ => (name.as_str(), ""),
        };
        let mut candidate = name.clone();
        let mut n = 1;
        while !self.given.insert(hash(&candidate)) {
            n += 1;
            candidate = format!("{stem}-{n}{ext}");
        }
        candidate
    }
}

fn hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_escapes_its_folder() {
        assert_eq!(sanitize("../../etc/passwd"), "etc-passwd");
        assert_eq!(sanitize("/abs/path.txt"), "abs-path.txt");
        assert_eq!(sanitize("..\\..\\win.txt"), "win.txt");
        assert_eq!(sanitize(".."), "letter");
        assert_eq!(sanitize(".hidden.txt"), "hidden.txt");
        assert_eq!(sanitize("...txt"), "letter.txt");
        assert_eq!(sanitize("a/../b.txt"), "a-b.txt");
        assert_eq!(sanitize("4-../../evil-en.txt"), "4-evil-en.txt");
    }

    #[test]
    fn control_bidi_and_spaces_become_dashes() {
        assert_eq!(
            sanitize("1-Ana\u{7}\u{202E}Díaz  López-es.txt"),
            "1-Ana-Díaz-López-es.txt"
        );
        assert_eq!(sanitize("tab\there\nnewline"), "tab-here-newline");
    }

    #[test]
    fn every_part_of_a_name_passes_the_rule_for_identifiers() {
        assert_eq!(
            sanitize("1-Ana\u{200B}Díaz\u{200F}\u{2066}\u{E0041}es\u{2028}x.txt"),
            "1-AnaDíaz-es-x.txt"
        );
        for c in ('\u{0}'..='\u{3000}').chain('\u{E0000}'..='\u{E007F}') {
            let name = sanitize(&format!("a{c}b.txt"));
            assert!(
                crate::text::first_refused(&name, Shape::Identifier).is_none(),
                "U+{:04X} gave {name:?}",
                c as u32
            );
        }
    }

    #[test]
    fn reserved_device_names_are_prefixed() {
        assert_eq!(sanitize("CON.txt"), "_CON.txt");
        assert_eq!(sanitize("nul"), "_nul");
        assert_eq!(sanitize("console.txt"), "console.txt");
    }

    #[test]
    fn long_names_keep_their_extension_and_utf8() {
        let long = format!("{}.txt", "é".repeat(300));
        let short = sanitize(&long);
        assert!(short.len() <= MAX_NAME_BYTES);
        assert!(short.ends_with(".txt"));
    }

    #[test]
    fn empty_names_get_a_default() {
        assert_eq!(sanitize(""), "letter");
        assert_eq!(sanitize("///"), "letter");
        assert_eq!(sanitize(".txt"), "letter.txt");
    }

    #[test]
    fn duplicates_get_a_suffix_before_the_extension() {
        let mut names = Namer::new("{{name}}.txt").unwrap().names();
        assert_eq!(names.claim(1, "ana.txt"), "ana.txt");
        assert_eq!(names.claim(2, "ana.txt"), "ana-2.txt");
        assert_eq!(names.claim(3, "ana.txt"), "ana-3.txt");
        assert_eq!(names.claim(4, "ana-2.txt"), "ana-2-2.txt");
        assert_eq!(names.claim(5, "noext"), "noext");
        assert_eq!(names.claim(6, "noext"), "noext-2");
    }

    #[test]
    fn names_that_start_with_their_row_are_remembered_one_row_at_a_time() {
        let mut names = Namer::new(DEFAULT_TEMPLATE).unwrap().names();
        assert_eq!(names.claim(1, "1-ana-en.txt"), "1-ana-en.txt");
        assert_eq!(
            names.claim(1, "1-ana-en.txt"),
            "1-ana-en-2.txt",
            "two targets"
        );
        assert_eq!(names.claim(2, "2-ana-en.txt"), "2-ana-en.txt");
        assert_eq!(
            names.given.len(),
            1,
            "only the current row's names are kept"
        );
        assert_eq!(
            names.claim(3, "ana.txt"),
            "3-ana.txt",
            "a name keeps its row"
        );
    }
}
