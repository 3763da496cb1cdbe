//! The interface's language: every message, label and phrase appeal shows
//! a person comes from Project Fluent files embedded in the binary (a
//! folder per language, `en/`, `es/`, `fr/`, with a file per area of the
//! interface), in the language negotiated once at start:
//! `--ui-lang`, then `APPEAL_UI_LANG`, then the config's `ui_lang`, then the
//! locale variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), then English.
//! A letter's language is its own choice: a Spanish interface can write an
//! English letter.

use std::sync::{Mutex, OnceLock, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

pub mod message;
mod outline;

pub(crate) use message::msg;
pub use message::{Arg, Message};

/// One language's message files: each file's name and text.
pub type Files = [(&'static str, &'static str); FILES];

/// A language's message files, embedded from its folder.
macro_rules! files {
    ($lang:literal) => {
        (
            $lang,
            [
                (
                    "interface.ftl",
                    include_str!(concat!($lang, "/interface.ftl")),
                ),
                ("prompts.ftl", include_str!(concat!($lang, "/prompts.ftl"))),
                (
                    "commands.ftl",
                    include_str!(concat!($lang, "/commands.ftl")),
                ),
                ("errors.ftl", include_str!(concat!($lang, "/errors.ftl"))),
                ("check.ftl", include_str!(concat!($lang, "/check.ftl"))),
                ("feeds.ftl", include_str!(concat!($lang, "/feeds.ftl"))),
            ],
        )
    };
}

/// The interface languages, English first: the source the others follow.
pub const LANGUAGES: [(&str, Files); 3] = [files!("en"), files!("es"), files!("fr")];

/// The negotiated language; English until `init` says otherwise.
static LANG: OnceLock<&'static str> = OnceLock::new();

/// Each message file whole, parsed the first time a message of it that
/// uses another message is shown (see [`bundle_with`]; so a message may
/// use only messages of its own file). By language, then file, as in
/// `LANGUAGES`.
type Bundle = FluentBundle<FluentResource>;
static BUNDLES: [[OnceLock<Bundle>; FILES]; LANGUAGES.len()] =
    [const { [const { OnceLock::new() }; FILES] }; LANGUAGES.len()];

/// How many message files each language has.
const FILES: usize = 6;

/// Chooses the interface language. Called once, before anything is said;
/// later calls change nothing. `configured` reads the config's `ui_lang`,
/// only when the flag and the environment leave the language open.
pub fn init(flag: Option<&str>, configured: &dyn Fn() -> Option<String>) {
    LANG.get_or_init(|| negotiate(flag, configured, &|name| std::env::var(name).ok()));
}

/// The interface language in use.
pub fn lang() -> &'static str {
    LANG.get().copied().unwrap_or("en")
}

/// A bundle that holds the message `id` of language `lang`, if it has one.
///
/// Each message is parsed on its own, the first time it is shown, into a
/// bundle of its own, kept for the rest of the run: a run that says one
/// thing parses that message, not the file around it (a tenth of a
/// millisecond for the largest file). A message that uses another message
/// or a term gets its whole file's bundle instead, where those are.
fn bundle_with(lang: &str, id: &str) -> Option<&'static Bundle> {
    let l = LANGUAGES.iter().position(|(l, _)| *l == lang)?;
    let mut found = FOUND[l]
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(&bundle) = found.get(id) {
        return bundle;
    }
    let bundle = LANGUAGES[l]
        .1
        .iter()
        .enumerate()
        .find_map(|(f, (_, text))| Some((f, entry(text, id)?)))
        .map(|(f, entry)| message_bundle(l, f, entry));
    found.insert(id.to_string(), bundle);
    bundle
}

/// The bundle for one message's `entry` (its text in file `f` of language
/// `l`): the entry alone, or the whole file when the entry refers to
/// anything outside itself.
fn message_bundle(l: usize, f: usize, entry: &'static str) -> &'static Bundle {
    let resource = FluentResource::try_new(entry.to_string()).unwrap_or_else(|(r, _)| r);
    let stands_alone = resource.entries().all(|e| match e {
        ast::Entry::Message(m) => {
            let mut uses = Uses::default();
            m.value.iter().for_each(|p| pattern_uses(p, &mut uses));
            m.attributes
                .iter()
                .for_each(|a| pattern_uses(&a.value, &mut uses));
            uses.references.is_empty()
        }
        _ => false,
    });
    if !stands_alone {
        return BUNDLES[l][f].get_or_init(|| {
            new_bundle(
                l,
                FluentResource::try_new(LANGUAGES[l].1[f].1.to_string()).unwrap_or_else(|(r, _)| r),
            )
        });
    }
    // Kept until the run ends, like the messages of a file: there are as
    // many as there are messages, a few hundred.
    Box::leak(Box::new(new_bundle(l, resource)))
}

/// A bundle of language `l` holding `resource`.
fn new_bundle(l: usize, resource: FluentResource) -> Bundle {
    let tag: LanguageIdentifier = LANGUAGES[l]
        .0
        .parse()
        .expect("the shipped languages are tags");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Isolation marks are bidi controls: a terminal gets none.
    bundle.set_use_isolating(false);
    // A shipped file is checked by `appeal check` and the tests.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The bundle that holds each message asked for so far, by language: a
/// message is looked up once, however often it is said (`check` may say
/// the same thing for each of ninety thousand messages).
static FOUND: [OnceLock<Mutex<Found>>; LANGUAGES.len()] =
    [const { OnceLock::new() }; LANGUAGES.len()];

/// For each id, its bundle, or none when the language lacks it.
type Found = FxHashMap<String, Option<&'static Bundle>>;

/// The entry that defines the message `id` in a message file's text, found
/// without parsing the file: from the line that starts `id =` to the next
/// line that starts an entry or a comment, with a letter, `-` or `#` in
/// the first column (in Fluent's syntax a message's text goes on in
/// indented lines, and its `[variants]`, `.attributes` and closing `}` may
/// start anywhere).
fn entry(text: &'static str, id: &str) -> Option<&'static str> {
    let (at, _) = text.match_indices(id).find(|&(at, _)| {
        (at == 0 || text.as_bytes()[at - 1] == b'\n')
            && text[at + id.len()..]
                .trim_start_matches(' ')
                .starts_with('=')
    })?;
    let rest = &text[at..];
    let end = memchr::memchr_iter(b'\n', rest.as_bytes())
        .find(|&nl| {
            rest.as_bytes()
                .get(nl + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'#'))
        })
        .map_or(rest.len(), |nl| nl + 1);
    Some(&rest[..end])
}

/// The first supported language among the sources, in order: `--ui-lang`,
/// `APPEAL_UI_LANG`, the config's `ui_lang`, then the locale variables.
/// A source is read only when those before it gave none.
pub fn negotiate(
    flag: Option<&str>,
    configured: &dyn Fn() -> Option<String>,
    env: &dyn Fn(&str) -> Option<String>,
) -> &'static str {
    let from_env = |name: &str| env(name).filter(|v| !v.is_empty());
    // LANGUAGE is a list, `es_MX:fr`; the others hold one locale.
    let language = || {
        from_env("LANGUAGE")
            .map(|list| list.split(':').map(str::to_string).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let locale = || {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(&from_env)
    };
    flag.map(str::to_string)
        .into_iter()
        .chain(std::iter::once_with(|| from_env("APPEAL_UI_LANG")).flatten())
        .chain(std::iter::once_with(configured).flatten())
        .chain(std::iter::once_with(language).flatten())
        .chain(std::iter::once_with(locale).flatten())
        .find_map(|wanted| supported(&wanted))
        .unwrap_or("en")
}

/// `es_MX.UTF-8@euro` → `es`, when appeal speaks it.
fn supported(locale: &str) -> Option<&'static str> {
    let tag = locale
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-");
    let language = tag.split('-').next()?.to_ascii_lowercase();
    LANGUAGES.iter().map(|(l, _)| *l).find(|l| *l == language)
}

/// The message `id` in the interface language, with `args`; English when
/// the language lacks it; the id itself if English does too.
pub fn text(id: &str, args: &[(&str, FluentValue)]) -> String {
    text_in(lang(), id, args)
}

/// The message `id` in language `lang`, else in English.
pub fn text_in(lang: &str, id: &str, args: &[(&str, FluentValue)]) -> String {
    let args = fluent_args(args);
    [lang, "en"]
        .into_iter()
        .find_map(|lang| format(bundle_with(lang, id)?, id, &args))
        .unwrap_or_else(|| id.to_string())
}

/// The message `id` in English, whatever the interface speaks: for output
/// that scripts read, such as `check --json`.
pub fn english(id: &str, args: &[(&str, FluentValue)]) -> String {
    bundle_with("en", id)
        .and_then(|bundle| format(bundle, id, &fluent_args(args)))
        .unwrap_or_else(|| id.to_string())
}

fn fluent_args<'a>(args: &[(&str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name.to_string(), value.clone());
    }
    fluent_args
}

/// `id` formatted by `bundle`; `None` when it lacks the message or
/// formatting it fails.
fn format(bundle: &Bundle, id: &str, args: &FluentArgs) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(args), &mut errors);
    errors.is_empty().then(|| out.into_owned())
}

/// `tr!("id")`, `tr!("id", name = value, …)`: a message in the interface
/// language. Values are text or numbers (numbers choose plural forms).
macro_rules! tr {
    ($id:literal) => {
        $crate::ui::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::ui::text(
            $id,
            &[$((stringify!($name), fluent_bundle::FluentValue::from($value))),+],
        )
    };
}
pub(crate) use tr;

/// A problem in an interface message file: its line, whether it is an
/// error, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub line: usize,
    pub error: bool,
    /// In English, for `check --json`.
    pub message: String,
    /// In the interface's language.
    pub shown: String,
}

impl FileProblem {
    /// The problem `id` of `check.ftl`, in English and in the interface's
    /// language.
    fn new(line: usize, error: bool, id: &str, args: &[(&str, FluentValue)]) -> FileProblem {
        FileProblem {
            line,
            error,
            message: english(id, args),
            shown: text(id, args),
        }
    }
}

/// One message of a file, as written.
struct Entry {
    id: String,
    line: usize,
    /// The variables it uses, sorted.
    vars: Vec<String>,
    /// The other messages and terms it uses: none may be, since each file
    /// is parsed on its own.
    references: Vec<String>,
    /// How many words of text it has, variables and selectors aside: a
    /// message of only variables and punctuation (`{ $question }:`) may
    /// well be the same in every language.
    words: usize,
    value: String,
    /// Marked the same as in English on purpose, by a comment just above
    /// it (`# Same as in English: …`): never warned of as untranslated.
    same_on_purpose: bool,
}

/// A message file's messages. Its outline comes first: a file nested too
/// deep is refused before fluent-syntax parses it, and each message's line
/// is read from the outline rather than searched for.
fn entries(text: &str) -> Result<Vec<Entry>, FileProblem> {
    let starts = outline::outline(text).map_err(|too_deep| {
        FileProblem::new(
            too_deep.line,
            true,
            "check-ftl-too-deep",
            &[("max", outline::MAX_DEPTH.into())],
        )
    })?;
    let resource = FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
        let at = errors.first().map_or(0, |e| e.pos.start);
        FileProblem::new(
            text[..at.min(text.len())].matches('\n').count() + 1,
            true,
            "check-ftl-not-fluent",
            &[(
                "error",
                errors
                    .first()
                    .map_or(String::new(), |e| e.to_string())
                    .into(),
            )],
        )
    })?;
    let mut starts = starts.into_iter().peekable();
    let mut out = Vec::new();
    for entry in resource.entries() {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name;
        // The file parsed, so its messages are the outline's, in order.
        while starts.next_if(|s| s.id != id).is_some() {}
        let (line, start) = starts.next().map_or((1, 0), |s| (s.line, s.at));
        out.push(entry_of(m, id, line, text, start));
    }
    Ok(out)
}

/// One parsed message, which starts at byte `start` of the file `text`.
fn entry_of(m: &ast::Message<&str>, id: &str, line: usize, text: &str, start: usize) -> Entry {
    let (before, from) = text.split_at(start);
    let body: String = from
        .lines()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.starts_with(' '))
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n");
    let mut uses = Uses::default();
    let mut prose = String::new();
    if let Some(pattern) = &m.value {
        pattern_uses(pattern, &mut uses);
        pattern_text(pattern, &mut prose);
    }
    let words = prose
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let Uses {
        mut vars,
        references,
    } = uses;
    vars.sort();
    vars.dedup();
    let value = body
        .split_once('=')
        .map_or("", |(_, v)| v)
        .trim()
        .to_string();
    Entry {
        id: id.to_string(),
        line,
        vars,
        references,
        words,
        value,
        same_on_purpose: marked_same(before),
    }
}

/// Whether the line just above a message, `before` being the file up to
/// it, is a comment that says the message is the same as in English on
/// purpose (Spanish writes "fax" and "faxes" too).
fn marked_same(before: &str) -> bool {
    let above = before.strip_suffix('\n').unwrap_or(before);
    let above = above.strip_suffix('\r').unwrap_or(above);
    above.rsplit('\n').next().is_some_and(|line| {
        line.strip_prefix('#').is_some_and(|comment| {
            (comment.trim_start().to_lowercase()).starts_with("same as in english")
        })
    })
}

/// The shipped translations' files, as `appeal check` names them.
pub fn shipped() -> impl Iterator<Item = (String, &'static str)> {
    LANGUAGES[1..].iter().flat_map(|(lang, files)| {
        files
            .iter()
            .map(move |(name, text)| (format!("src/ui/{lang}/{name}"), *text))
    })
}

/// A message's own text, in every variant, each piece apart.
fn pattern_text(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                out.push(' ');
                out.push_str(value);
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => variants.iter().for_each(|v| pattern_text(&v.value, out)),
            ast::PatternElement::Placeable { .. } => out.push(' '),
        }
    }
}

/// What a message uses besides its own text.
#[derive(Default)]
struct Uses {
    vars: Vec<String>,
    references: Vec<String>,
}

/// The variables and other messages a message uses, wherever they stand: in text, in a
/// selector, in any variant, or as a function's argument.
fn pattern_uses(pattern: &ast::Pattern<&str>, out: &mut Uses) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_uses(expression, out);
        }
    }
}

fn expression_uses(expression: &ast::Expression<&str>, out: &mut Uses) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_uses(selector, out);
            for variant in variants {
                pattern_uses(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_uses(inline, out),
    }
}

fn inline_uses(inline: &ast::InlineExpression<&str>, out: &mut Uses) {
    use ast::InlineExpression as I;
    let arguments = match inline {
        I::VariableReference { id } => {
            out.vars.push(id.name.to_string());
            None
        }
        I::Placeable { expression } => {
            expression_uses(expression, out);
            None
        }
        I::MessageReference { id, .. } => {
            out.references.push(id.name.to_string());
            None
        }
        I::TermReference { id, arguments, .. } => {
            out.references.push(format!("-{}", id.name));
            arguments.as_ref()
        }
        I::FunctionReference { arguments, .. } => Some(arguments),
        I::StringLiteral { .. } | I::NumberLiteral { .. } => None,
    };
    for argument in arguments.into_iter().flat_map(|a| {
        a.positional
            .iter()
            .chain(a.named.iter().map(|named| &named.value))
    }) {
        inline_uses(argument, out);
    }
}

/// Checks a translation of the interface against the English messages: a
/// message missing or using other variables is an error; one left as in
/// English is a warning. `path` names the file: it is held to the English
/// file of the same name (`es/prompts.ftl` to `en/prompts.ftl`), or to
/// every English message when no English file has its name.
pub fn check_file(path: &str, text: &str) -> Vec<FileProblem> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let source: String = match LANGUAGES[0].1.iter().find(|(n, _)| *n == name) {
        Some((_, text)) => text.to_string(),
        None => LANGUAGES[0]
            .1
            .iter()
            .map(|(_, text)| *text)
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let english = entries(&source).expect("the English messages parse");
    let theirs = match entries(text) {
        Ok(theirs) => theirs,
        Err(problem) => return vec![problem],
    };
    // Each id's first message, found at once however long the file is.
    let mut by_id: std::collections::HashMap<&str, &Entry> =
        std::collections::HashMap::with_capacity(theirs.len());
    for entry in theirs.iter().rev() {
        by_id.insert(&entry.id, entry);
    }
    let mut problems: Vec<FileProblem> = theirs
        .iter()
        .filter(|entry| !entry.references.is_empty())
        .map(|entry| {
            FileProblem::new(
                entry.line,
                true,
                "check-ftl-reference",
                &[
                    ("id", entry.id.as_str().into()),
                    ("references", entry.references.join(", ").into()),
                ],
            )
        })
        .collect();
    for Entry {
        id,
        vars,
        value,
        words,
        ..
    } in &english
    {
        let Some(theirs) = by_id.get(id.as_str()) else {
            problems.push(FileProblem::new(
                1,
                true,
                "check-ftl-missing",
                &[
                    ("id", id.as_str().into()),
                    ("english", value.as_str().into()),
                ],
            ));
            continue;
        };
        if theirs.vars != *vars {
            problems.push(FileProblem::new(
                theirs.line,
                true,
                "check-ftl-variables",
                &[
                    ("id", id.as_str().into()),
                    ("theirs", theirs.vars.join(", ").into()),
                    ("english", vars.join(", ").into()),
                ],
            ));
        }
        if theirs.value == *value && *words > 1 && !theirs.same_on_purpose {
            problems.push(FileProblem::new(
                theirs.line,
                false,
                "check-ftl-untranslated",
                &[("id", id.as_str().into())],
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::env_of;

    #[test]
    fn the_language_comes_from_the_first_source_that_names_one_appeal_speaks() {
        assert_eq!(
            negotiate(None, &|| None, &env_of(&[("LANG", "es_MX.UTF-8")])),
            "es"
        );
        assert_eq!(
            negotiate(
                None,
                &|| None,
                &env_of(&[("LANGUAGE", "de:fr_CA"), ("LANG", "es_ES")])
            ),
            "fr"
        );
        assert_eq!(
            negotiate(
                None,
                &|| Some("fr".into()),
                &env_of(&[("LANG", "es_ES.UTF-8")])
            ),
            "fr"
        );
        assert_eq!(
            negotiate(
                None,
                &|| Some("fr".into()),
                &env_of(&[("APPEAL_UI_LANG", "es")])
            ),
            "es",
            "the environment variable before the config"
        );
        assert_eq!(
            negotiate(Some("en"), &|| None, &env_of(&[("APPEAL_UI_LANG", "es")])),
            "en"
        );
        // The config is read only when the flag and the environment leave
        // the language open.
        let unread = || -> Option<String> { panic!("the config was read") };
        assert_eq!(negotiate(Some("fr"), &unread, &env_of(&[])), "fr");
        assert_eq!(
            negotiate(None, &unread, &env_of(&[("APPEAL_UI_LANG", "es")])),
            "es"
        );
        assert_eq!(
            negotiate(None, &|| None, &env_of(&[("LANG", "C.UTF-8")])),
            "en"
        );
        assert_eq!(negotiate(None, &|| None, &env_of(&[])), "en");
    }

    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        for (path, text) in shipped() {
            let errors: Vec<_> = check_file(&path, text)
                .into_iter()
                .filter(|p| p.error)
                .collect();
            assert!(errors.is_empty(), "{path}: {errors:?}");
        }
        let closing = check_file(
            "es/interface.ftl",
            "deadline-passed = { $days ->\n    [one] venció ayer\n   *[other] venció\n} hace { $dias } días\n",
        );
        assert!(
            closing
                .iter()
                .any(|p| p.message.starts_with("`deadline-passed` uses {days, dias}")),
            "a variable after a closing brace at the line's start counts: {closing:?}"
        );
        let reference = check_file("es/interface.ftl", "show-email = { show-fax } { -brand }\n");
        assert!(
            reference
                .iter()
                .any(|p| p.error && p.message.contains("show-fax, -brand")),
            "{reference:?}"
        );
        let words = |text: &str| entries(text).unwrap()[0].words;
        assert_eq!(words("a = { $question } [{ $default }]:\n"), 0);
        assert_eq!(
            words("a = { $days ->\n    [one] 1 day left\n   *[other] more\n}\n"),
            3
        );
        assert_eq!(words("a = Print it here\n"), 3);
        let faxes =
            "import-faxes = { $count ->\n    [one] 1 fax\n   *[other] { $count } faxes\n}\n";
        let untranslated = |text: &str| {
            check_file("es/commands.ftl", text).iter().any(|p| {
                p.message
                    .starts_with("`import-faxes` is the same as in English")
            })
        };
        assert!(untranslated(faxes));
        assert!(!untranslated(&format!(
            "# Same as in English: fax, faxes.\n{faxes}"
        )));
        assert!(untranslated(&format!("# Same as in English\n\n{faxes}")));
        assert!(untranslated(&format!(
            "# not the same as in English\n{faxes}"
        )));
        let missing = check_file("es/interface.ftl", "show-email = Correo:\n");
        assert!(
            missing
                .iter()
                .any(|p| p.message.starts_with("`show-deadline` is missing"))
        );
    }

    #[test]
    fn a_message_is_cut_from_its_file_without_parsing_and_says_the_same() {
        let text = "# show-email = not this\nshow-emailed = nor this\n\
            show-email = Email:\n    { $n ->\n\n        [one] one\n*[other] many\n}\n\
            # a comment\nnext = x\n";
        assert_eq!(
            entry(text, "show-email"),
            Some("show-email = Email:\n    { $n ->\n\n        [one] one\n*[other] many\n}\n")
        );
        assert_eq!(entry(text, "next"), Some("next = x\n"));
        assert_eq!(entry(text, "show-mail"), None);
        assert_eq!(entry("# show-email = a comment\n", "show-email"), None);
        // Every shipped message, cut from its file, says what the whole
        // file's bundle says, with text and with numbers of each plural form.
        for (l, (lang, files)) in LANGUAGES.iter().enumerate() {
            for (f, (name, text)) in files.iter().enumerate() {
                let whole = new_bundle(l, FluentResource::try_new(text.to_string()).unwrap());
                for e in entries(text).expect("the shipped files parse") {
                    assert_eq!(
                        e.references,
                        Vec::<String>::new(),
                        "{lang}/{name}: {}",
                        e.id
                    );
                    let alone = bundle_with(lang, &e.id).expect("found");
                    assert!(
                        !std::ptr::eq(alone, BUNDLES[l][f].get().unwrap_or(&whole)),
                        "{lang}/{name}: {} {:?}",
                        e.id,
                        entry(text, &e.id)
                    );
                    for value in [FluentValue::from("x"), 1.into(), 2.into(), 5.into()] {
                        let args: Vec<_> =
                            e.vars.iter().map(|v| (v.as_str(), value.clone())).collect();
                        let args = fluent_args(&args);
                        assert_eq!(
                            format(alone, &e.id, &args),
                            format(&whole, &e.id, &args),
                            "{lang}/{name}: {}",
                            e.id
                        );
                        assert!(
                            format(alone, &e.id, &args).is_some(),
                            "{lang}/{name}: {}",
                            e.id
                        );
                    }
                }
                // No shipped message needed its whole file.
                assert!(BUNDLES[l][f].get().is_none(), "{lang}/{name}");
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let es = bundle_with("es", "deadline-left").expect("Spanish has deadline-left");
        let say = |days: i64| {
            let mut args = FluentArgs::new();
            args.set("days", days);
            format(es, "deadline-left", &args).expect("it formats")
        };
        assert_eq!(say(1), "queda 1 día");
        assert_eq!(say(5), "quedan 5 días");
        assert_eq!(say(0), "último día");
    }
}
