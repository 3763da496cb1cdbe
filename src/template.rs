//! A letter template as prose and tags: handlebars compiles only the runs
//! of lines that hold `{{…}}` tags, and the prose between them is copied
//! as it is.
//!
//! A model letter is mostly prose. Handlebars' parser walks raw text one
//! character at a time and works out the line and column of each element
//! from the start of the template, so compiling prose costs far more than
//! the few tags in it; for one letter it was most of a compose.
//!
//! The split keeps handlebars' meaning exactly. Runs are whole lines,
//! newline included, so a tag standing alone on its line is seen with the
//! same line around it as in the whole template; a run ends only where every
//! tag and block it opened is closed. A template that uses anything whose
//! effect can reach past its own line (`~` whitespace control, `\{{`
//! escapes, raw blocks, partials, decorators), or that handlebars would
//! refuse, is compiled whole, so its output and its errors are handlebars'
//! own.

mod direct;

use std::ops::Range;

use handlebars::{
    Context, Handlebars, RenderContext, RenderError, RenderErrorReason, Renderable, TemplateError,
};

/// The helpers handlebars provides: a bare `{{len}}` calls one, and their
/// arguments are the variables.
pub const BUILTIN_HELPERS: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "log", "eq", "ne", "gt", "gte", "lt", "lte", "and",
    "or", "not", "len",
];

/// A registry as letters need it: strict (a missing variable is an error,
/// never a blank), nothing escaped (letters are plain text, so runs are
/// written directly, see [`direct`]), and no indenting of partials.
pub fn letter_registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(handlebars::no_escape);
    registry.set_prevent_indent(true);
    registry
}

/// A template compiled into `registry`: its prose as text, its runs of tags
/// as handlebars templates.
#[derive(Debug)]
pub struct Template {
    pieces: Vec<Piece>,
    /// The length of the prose: most of a letter.
    prose_len: usize,
    /// The registry writes values as they are (no escaping), so the runs
    /// that are plain enough are written directly ([`direct`]).
    direct: bool,
}

#[derive(Debug)]
enum Piece {
    Prose(String),
    Tags {
        name: String,
        /// As handlebars parsed it: rendered without looking it up by name.
        parsed: Box<handlebars::Template>,
        first_line: usize,
    },
}

/// An error and where it is in the whole template (1-based).
#[derive(Debug)]
pub struct Located<E> {
    pub error: E,
    pub line: usize,
    pub column: usize,
}

impl Template {
    /// Compiles `text` into `registry` under names that start with `name`.
    pub fn compile(
        registry: &mut Handlebars<'_>,
        name: &str,
        text: &str,
    ) -> Result<Template, Located<TemplateError>> {
        let whole = || {
            vec![Run {
                span: 0..text.len(),
                first_line: 1,
                tags: true,
            }]
        };
        let (mut pieces, mut prose_len) = (Vec::new(), 0);
        for (i, run) in split(text).unwrap_or_else(whole).into_iter().enumerate() {
            let part = &text[run.span];
            if !run.tags {
                prose_len += part.len();
                pieces.push(Piece::Prose(part.to_string()));
                continue;
            }
            let name = format!("{name}#{i}");
            registry
                .register_template_string(&name, part)
                .map_err(|error| {
                    let (line, column) = error.pos().unwrap_or((1, 1));
                    Located {
                        error,
                        line: line + run.first_line - 1,
                        column,
                    }
                })?;
            let parsed = registry
                .get_template(&name)
                .cloned()
                .expect("a template registered just now is there");
            pieces.push(Piece::Tags {
                name,
                parsed: Box::new(parsed),
                first_line: run.first_line,
            });
        }
        // Letters are plain text, their registry set not to escape; any
        // other is left to handlebars throughout.
        let probe = "<a href=\"x\">&'`=</a>";
        let direct = registry.get_escape_fn()(probe) == probe;
        Ok(Template {
            pieces,
            prose_len,
            direct,
        })
    }

    /// Each run of tags as handlebars parsed it into `registry`, with the
    /// line of the whole template where it starts.
    pub fn parsed<'r>(
        &self,
        registry: &'r Handlebars<'_>,
    ) -> impl Iterator<Item = (usize, &'r handlebars::Template)> {
        self.pieces.iter().filter_map(move |piece| match piece {
            Piece::Tags {
                name, first_line, ..
            } => registry.get_template(name).map(|t| (*first_line, t)),
            Piece::Prose(_) => None,
        })
    }

    /// Renders the template, compiled into `registry`, with `context`.
    pub fn render(
        &self,
        registry: &Handlebars<'_>,
        context: &Context,
    ) -> Result<String, Located<RenderError>> {
        self.render_into(registry, context, Vec::new())
    }

    /// [`Template::render`], written into `out` (emptied first): a buffer
    /// given back by the letter before ([`spare`]), so that a batch's
    /// letters are not each a new allocation the size of a letter.
    pub fn render_into(
        &self,
        registry: &Handlebars<'_>,
        context: &Context,
        mut out: Vec<u8>,
    ) -> Result<String, Located<RenderError>> {
        // One buffer for the whole letter: handlebars writes each run's
        // output straight into it, where `render_with_context` would
        // allocate (8 KiB) and return a string per run.
        out.clear();
        // Text throughout, so the letter needs no checking at the end.
        let mut out = String::from_utf8(out).expect("an emptied buffer holds no bytes");
        out.reserve(self.prose_len + 256);
        let too_long = |first_line: usize| Located {
            error: RenderError::from(RenderErrorReason::Other(crate::ui::tr!(
                "template-too-long",
                max = MAX_LETTER_BYTES >> 10
            ))),
            line: first_line,
            column: 1,
        };
        // Made when a run first needs handlebars: most letters' runs don't.
        let mut render_context = None;
        for piece in &self.pieces {
            match piece {
                Piece::Prose(text) => {
                    if out.len() + text.len() > MAX_LETTER_BYTES {
                        return Err(too_long(1));
                    }
                    out.push_str(text)
                }
                // One render context for every run of the letter, as
                // handlebars would make for the whole template.
                Piece::Tags {
                    parsed, first_line, ..
                } => {
                    let start = out.len();
                    if self.direct
                        && direct::render(
                            &parsed.elements,
                            context.data(),
                            &mut out,
                            MAX_LETTER_BYTES,
                        )
                        .is_some()
                    {
                        continue;
                    }
                    // Handlebars renders the run from its start.
                    out.truncate(start);
                    parsed
                        .render(
                            registry,
                            context,
                            render_context.get_or_insert_with(|| RenderContext::new(None)),
                            &mut Capped(&mut out),
                        )
                        .map_err(|error| {
                            if out.len() >= MAX_LETTER_BYTES {
                                return too_long(*first_line);
                            }
                            Located {
                                line: error.line_no.unwrap_or(1) + first_line - 1,
                                column: error.column_no.unwrap_or(1),
                                error,
                            }
                        })?
                }
            }
        }
        Ok(out)
    }
}

/// The longest letter a template may write. Output past it stops the
/// rendering as it is written, so no template can spend time or memory on
/// a letter no one would send.
pub const MAX_LETTER_BYTES: usize = 64 * 1024;

thread_local! {
    /// A letter's buffer, given back once its bytes are copied elsewhere.
    static SPARE: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Keeps `buffer` for this thread's next letter ([`spare`]); one the size
/// of a letter at most, so that what is kept stays small.
pub fn give_back(buffer: Vec<u8>) {
    if buffer.capacity() <= 2 * MAX_LETTER_BYTES {
        SPARE.set(buffer);
    }
}

/// The buffer last given back on this thread, or a new one.
pub fn spare() -> Vec<u8> {
    SPARE.take()
}

/// A letter's buffer that refuses to grow past [`MAX_LETTER_BYTES`].
struct Capped<'a>(&'a mut String);

impl handlebars::Output for Capped<'_> {
    fn write(&mut self, seg: &str) -> std::io::Result<()> {
        if self.0.len() + seg.len() > MAX_LETTER_BYTES {
            // Filled to the cap, which tells this error from handlebars' own.
            let short = MAX_LETTER_BYTES.saturating_sub(self.0.len());
            self.0.extend(std::iter::repeat_n(' ', short));
            return Err(std::io::Error::other("the letter is too long"));
        }
        self.0.push_str(seg);
        Ok(())
    }
}

/// The template's runs of whole lines, in order: the 1-based line where
/// each starts, its text, and whether it holds tags. Each run of tags is a
/// template of its own, every block it opens closed in it. `None` when the
/// template must be read whole: it uses whitespace control (`~`), escapes,
/// raw blocks, partials or decorators, or leaves a tag or block open, or
/// closes one never opened.
pub fn runs(template: &str) -> Option<Vec<(usize, &str, bool)>> {
    Some(
        split(template)?
            .into_iter()
            .map(|r| (r.first_line, &template[r.span], r.tags))
            .collect(),
    )
}

/// A run of whole lines of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    /// Byte range in the template.
    span: Range<usize>,
    /// 1-based line of the template where the run starts.
    first_line: usize,
    /// Whether the run holds tags (and so needs handlebars).
    tags: bool,
}

/// The template's runs of prose and of tags, in order; `None` when it
/// must be compiled whole.
fn split(template: &str) -> Option<Vec<Run>> {
    if ["\\{{", "{{{{", "{{~", "~}}"]
        .iter()
        .any(|s| template.contains(s))
    {
        return None;
    }
    let tags = scan(template)?;
    let mut runs: Vec<Run> = Vec::new();
    let mut next_tag = tags.iter().peekable();
    let mut depth = 0;
    let (mut start, mut first_line, mut has_tags) = (0, 1, false);
    // Where the last tag seen ends: past the line's end, it runs on.
    let mut tag_end = 0;
    let mut line_start = 0;
    for (i, text) in template.split_inclusive('\n').enumerate() {
        let end = line_start + text.len();
        while let Some(tag) = next_tag.next_if(|t| t.span.start < end) {
            has_tags = true;
            depth += tag.depth_change;
            if depth < 0 {
                return None;
            }
            tag_end = tag.span.end;
        }
        line_start = end;
        if depth == 0 && tag_end <= end {
            push(&mut runs, start..end, first_line, has_tags);
            (start, first_line, has_tags) = (end, i + 2, false);
        }
    }
    (depth == 0).then_some(runs)
}

/// Longest run of tag lines joined into one: handlebars' parser takes time
/// in the square of what it parses at once, so many short runs are faster
/// than one long one.
const JOIN_UP_TO: usize = 2048;

/// Adds a run, joined to the one before when both are prose, or both tags
/// and short.
fn push(runs: &mut Vec<Run>, span: Range<usize>, first_line: usize, tags: bool) {
    match runs.last_mut() {
        Some(last) if last.tags == tags && (!tags || span.end - last.span.start <= JOIN_UP_TO) => {
            last.span.end = span.end
        }
        _ => runs.push(Run {
            span,
            first_line,
            tags,
        }),
    }
}

/// One `{{…}}` tag: where it is, and how it changes the depth of blocks.
struct Tag {
    span: Range<usize>,
    depth_change: i32,
}

/// Every tag in `template`; `None` for one left open, a block closed by
/// another name than it was opened with, or one that is not simply a value,
/// a block's start, `else` or a block's end.
fn scan(template: &str) -> Option<Vec<Tag>> {
    let bytes = template.as_bytes();
    let mut tags = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    let mut from = 0;
    while let Some(found) = template[from..].find("{{") {
        let start = from + found;
        let inner = &template[start + 2..];
        let end = if let Some(comment) = inner.strip_prefix("!--") {
            start + 5 + comment.find("--}}")? + 4
        } else if inner.starts_with('!') {
            start + 2 + inner.find("}}")? + 2
        } else {
            let mut i = start + 2;
            loop {
                match bytes.get(i)? {
                    quote @ (b'"' | b'\'') => {
                        i += 1 + template[i + 1..].find(*quote as char)?;
                    }
                    b'}' if bytes.get(i + 1) == Some(&b'}') => break i + 2,
                    _ => {}
                }
                i += 1;
            }
        };
        // `{{{value}}}` ends with a third brace.
        let end = if bytes[start + 2] == b'{' {
            (bytes.get(end) == Some(&b'}')).then_some(end + 1)?
        } else {
            end
        };
        let body = template[start + 2..end].trim_matches(['{', '}']).trim();
        let depth_change = match body.as_bytes() {
            [b'!', ..] => 0,
            // Escapes in strings and `[…]` segments can hide braces: not
            // worth reading exactly, since compiling whole is always right.
            _ if body.contains(['\\', '[']) => return None,
            [b'#', b'>' | b'*', ..] | [b'>' | b'*', ..] => return None,
            [b'#', ..] => 1,
            [b'^'] => 0,
            [b'^', ..] => 1,
            [b'/', ..] => -1,
            _ => 0,
        };
        match depth_change {
            1 => open.push(block_name(body)),
            -1 if open.pop() != Some(block_name(body)) => return None,
            _ => {}
        }
        tags.push(Tag {
            span: start..end,
            depth_change,
        });
        from = end;
    }
    Some(tags)
}

/// The helper a block tag opens or closes: `if` for `#if note` and `/if`.
fn block_name(body: &str) -> &str {
    body.trim_start_matches(['#', '^', '/'])
        .split_whitespace()
        .next()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs as (first line, tags?, text).
    fn runs(template: &str) -> Option<Vec<(usize, bool, &str)>> {
        Some(
            split(template)?
                .into_iter()
                .map(|r| (r.first_line, r.tags, &template[r.span]))
                .collect(),
        )
    }

    #[test]
    fn a_buffer_given_back_holds_nothing_of_the_letter_before() {
        let mut registry = Handlebars::new();
        let template =
            Template::compile(&mut registry, "t", "Dear {{name}},\n\nPlease act.\n").unwrap();
        let context = Context::wraps(serde_json::json!({ "name": "Ana" })).unwrap();
        let fresh = template.render(&registry, &context).unwrap();
        give_back(b"the letter before, longer than this one".repeat(100));
        let reused = template.render_into(&registry, &context, spare()).unwrap();
        assert_eq!(reused, fresh);
        assert!(reused.capacity() >= 3900, "the spare buffer was used");
        // Nothing huge is kept for the next letter.
        give_back(Vec::with_capacity(4 * MAX_LETTER_BYTES));
        assert_eq!(spare().capacity(), 0);
    }

    #[test]
    fn a_letter_longer_than_the_cap_stops_as_it_is_written() {
        let mut registry = Handlebars::new();
        let line = "x".repeat(2000);
        let text = format!("{{{{#each list}}}}{line}{{{{/each}}}}\n");
        let template = Template::compile(&mut registry, "t", &text).unwrap();
        let list: Vec<u32> = (0..50).collect();
        let context = Context::wraps(serde_json::json!({ "list": list })).unwrap();
        let err = template.render(&registry, &context).unwrap_err();
        assert!(
            err.error.to_string().contains("longer than 64 KiB"),
            "{}",
            err.error
        );
        let short = Context::wraps(serde_json::json!({ "list": [1, 2] })).unwrap();
        assert_eq!(template.render(&registry, &short).unwrap().len(), 4001);
    }

    #[test]
    fn prose_and_tags_alternate_by_whole_lines() {
        let t = "{{date}}\n\nDear {{target.name}},\n\nPlain prose.\nMore prose.\n{{#if note}}\n\n{{note}}\n{{/if}}\nYours,\n{{name}}";
        assert_eq!(
            runs(t).unwrap(),
            [
                (1, true, "{{date}}\n"),
                (2, false, "\n"),
                (3, true, "Dear {{target.name}},\n"),
                (4, false, "\nPlain prose.\nMore prose.\n"),
                (7, true, "{{#if note}}\n\n{{note}}\n{{/if}}\n"),
                (11, false, "Yours,\n"),
                (12, true, "{{name}}"),
            ]
        );
    }

    #[test]
    fn a_template_without_tags_is_one_run_of_prose() {
        assert_eq!(runs("Hello.\n").unwrap(), [(1, false, "Hello.\n")]);
        assert_eq!(runs("").unwrap(), []);
    }

    #[test]
    fn a_tag_or_comment_across_lines_keeps_its_lines_together() {
        let t = "A\n{{!-- a\ncomment }} --}}\nB\n{{name\n}} and {{{note}}}\nC\n";
        assert_eq!(
            runs(t).unwrap(),
            [
                (1, false, "A\n"),
                (2, true, "{{!-- a\ncomment }} --}}\n"),
                (4, false, "B\n"),
                (5, true, "{{name\n}} and {{{note}}}\n"),
                (7, false, "C\n"),
            ]
        );
    }

    #[test]
    fn quoted_braces_do_not_end_a_tag() {
        let t = "{{#if (eq lang \"}}\")}}\nX\n{{else}}\nY\n{{/if}}\nZ\n";
        let r = runs(t).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1], (6, false, "Z\n"));
    }

    #[test]
    fn inverse_blocks_nest_and_a_lone_caret_is_else() {
        let t = "{{^note}}\nnone\n{{^}}\nsome\n{{/note}}\nend\n";
        assert_eq!(runs(t).unwrap()[1], (6, false, "end\n"));
    }

    #[test]
    fn what_reaches_past_a_line_is_compiled_whole() {
        for t in [
            "A\n{{~name}}\n",
            "{{name~}}\nB\n",
            "\\{{name}}\n",
            "{{{{raw}}}}\n{{x}}\n{{{{/raw}}}}\n",
            "{{> partial}}\n",
            "{{#> layout}}\n{{/layout}}\n",
            "{{#*inline \"x\"}}\n{{/inline}}\n",
            "{{#if a}}\nunclosed\n",
            "{{/if}}\n",
            "{{#each list}}{{/if}}\n\n{{Dear {{/each}}",
            "{{name\n",
            "{{!-- open\n",
        ] {
            assert_eq!(runs(t), None, "{t:?}");
        }
    }
}
