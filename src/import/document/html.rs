//! A web page's text: a saved page, a CMS export, an HTML e-mail. Parsed
//! by html5ever (through scraper), the way browsers parse, and walked
//! without recursion, so that no nesting can exhaust the stack.
//!
//! Paragraphs, line breaks, list items, table cells and headings become
//! lines; entities are decoded; link texts stay. Scripts, styles and
//! embedded frames are not text. Navigation, headers and footers of the
//! site, forms and buttons are kept as lines of their own kind, so that
//! the import can say it left them out.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{DocLine, Role, Unreadable};

/// Whether the start of a file is HTML: it opens like a page, or holds
/// several tags of HTML's own elements.
pub fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let lower = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    const TAGS: &[&str] = &[
        "<p>", "<p ", "</p>", "<div", "</div>", "<br", "<h1", "<h2", "<h3", "<li", "</li>",
        "<table", "<span", "</span>", "<a href", "</a>", "<b>", "</b>", "<strong", "<em>", "<ul",
        "<ol",
    ];
    let count: usize = TAGS.iter().map(|t| lower.matches(t).count()).sum();
    (lower.starts_with('<') && count >= 2) || count >= 6
}

/// How deep elements may nest. The parser's work grows with the square of
/// the nesting, and no page a person reads nests this deep.
pub const MAX_NESTING: usize = 3_000;

/// The lines of a page's text.
pub fn read(bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let text = decode(bytes);
    if nesting(&text) > MAX_NESTING {
        return Err(Unreadable::TooDeep { max: MAX_NESTING });
    }
    let page = Html::parse_document(&text);
    let mut out = Writer::default();
    // The open elements, innermost last; and the element whose content is
    // being skipped, if any, with whether it was opened (its text replaced).
    let mut open: Vec<Open> = Vec::new();
    let mut skip: Option<(ego_tree::NodeId, bool)> = None;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e) if SKIPPED.contains(&e.name()) => skip = Some((node.id(), false)),
                Node::Element(e) => {
                    let navigation =
                        open.last().is_some_and(|o| o.navigation) || is_navigation(e, &open);
                    out.open(e.name(), navigation, &mut open);
                    if let Some(address) = cloudflare_email(e) {
                        // The address the page hid, decoded; its children
                        // say only "[email protected]".
                        out.text(&address);
                        skip = Some((node.id(), true));
                    }
                }
                Node::Text(t) => {
                    let pre = open.iter().any(|o| o.name == "pre");
                    out.text_node(t, pre);
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if let Some((id, opened)) = skip {
                    if id != node.id() {
                        continue;
                    }
                    skip = None;
                    if !opened {
                        continue;
                    }
                }
                if let Node::Element(e) = node.value() {
                    out.close(e.name(), &mut open);
                }
            }
        }
        if out.too_big() {
            return Err(Unreadable::TooMuchText);
        }
    }
    out.flush();
    Ok(out.lines)
}

/// Elements whose content is not text to read.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "img", "input", "select", "textarea", "meta", "link",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "hr",
    "center",
    "title",
    "caption",
    "details",
    "summary",
    "button",
    "label",
    "option",
    "legend",
    "menu",
];

/// Blocks after which a blank line separates what follows.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "pre",
    "address",
    "form",
    "hr",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
];

/// How deep a page's elements nest at most, counted from its tags in one
/// pass (an upper bound: elements whose end tag may be left out, such as
/// `p` and `li`, and void ones, such as `br`, don't count).
fn nesting(text: &str) -> usize {
    const FLAT: &[&str] = &[
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "br", "img", "hr", "input", "meta",
        "link", "wbr", "area", "base", "col", "embed", "param", "source", "track",
    ];
    let bytes = text.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found + 1;
        at = start;
        let closing = bytes.get(start) == Some(&b'/');
        let name_at = start + usize::from(closing);
        let len = bytes[name_at..]
            .iter()
            .take(12)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 {
            continue;
        }
        let name = text[name_at..name_at + len].to_ascii_lowercase();
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Site furniture: its text is kept as navigation.
fn is_navigation(e: &scraper::node::Element, open: &[Open]) -> bool {
    let name = e.name();
    let in_content = open.iter().any(|o| o.name == "article" || o.name == "main");
    if matches!(name, "nav" | "aside" | "form" | "button" | "menu")
        || (matches!(name, "header" | "footer") && !in_content)
    {
        return true;
    }
    if let Some(role) = e.attr("role")
        && matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "search" | "menu" | "menubar"
        )
    {
        return true;
    }
    let marks = [e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")];
    const WORDS: &[&str] = &[
        "nav",
        "menu",
        "breadcrumb",
        "footer",
        "sidebar",
        "share",
        "social",
        "cookie",
        "skip-link",
        "site-header",
    ];
    marks.iter().any(|m| {
        m.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .any(|w| WORDS.contains(&w.to_ascii_lowercase().as_str()))
            || WORDS
                .iter()
                .filter(|w| w.contains('-'))
                .any(|w| m.to_ascii_lowercase().contains(*w))
    })
}

/// An address a page hid from robots the Cloudflare way
/// (`data-cfemail="…"`, or a link to `/cdn-cgi/l/email-protection#…`):
/// hex bytes, the first the key the others are XORed with.
fn cloudflare_email(e: &scraper::node::Element) -> Option<String> {
    let hex = e.attr("data-cfemail").or_else(|| {
        e.attr("href")?
            .split_once("/cdn-cgi/l/email-protection#")
            .map(|(_, h)| h)
    })?;
    let bytes: Option<Vec<u8>> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let bytes = bytes?;
    let (key, rest) = bytes.split_first()?;
    let address: Vec<u8> = rest.iter().map(|b| b ^ key).collect();
    let address = String::from_utf8(address).ok()?;
    crate::email::is_address(&address).then_some(address)
}

/// An open element, as the writer needs it.
struct Open {
    name: String,
    navigation: bool,
    /// A numbered list's next number.
    number: Option<usize>,
}

/// Builds lines from the walk.
#[derive(Default)]
struct Writer {
    lines: Vec<DocLine>,
    line: String,
    role: Role,
    bytes: usize,
}

impl Writer {
    fn open(&mut self, name: &str, navigation: bool, open: &mut Vec<Open>) {
        if name == "br" || BLOCKS.contains(&name) {
            self.flush();
        }
        let mut role = if navigation {
            Role::Navigation
        } else {
            match name {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
                "title" => Role::Title,
                "li" => Role::Item,
                _ => open
                    .iter()
                    .rev()
                    .find_map(|o| o.navigation.then_some(Role::Navigation))
                    .unwrap_or(self.role_inside(open)),
            }
        };
        if name == "li" {
            let marker = match open
                .iter_mut()
                .rev()
                .find(|o| o.name == "ul" || o.name == "ol")
            {
                Some(list) if list.name == "ol" => {
                    let n = list.number.unwrap_or(1);
                    list.number = Some(n + 1);
                    format!("{n}. ")
                }
                _ => "- ".to_string(),
            };
            self.line.push_str(&marker);
            if navigation {
                role = Role::Navigation;
            }
        }
        self.role = role;
        open.push(Open {
            name: name.to_string(),
            navigation,
            number: (name == "ol").then_some(1),
        });
    }

    /// The role of text in the open elements: the innermost heading or item.
    fn role_inside(&self, open: &[Open]) -> Role {
        open.iter()
            .rev()
            .find_map(|o| match o.name.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Role::Heading),
                "li" => Some(Role::Item),
                "title" => Some(Role::Title),
                _ => None,
            })
            .unwrap_or(Role::Text)
    }

    fn close(&mut self, name: &str, open: &mut Vec<Open>) {
        // Close up to the element (html5ever keeps the tree well formed,
        // so it is the innermost).
        if let Some(at) = open.iter().rposition(|o| o.name == name) {
            open.truncate(at);
        }
        if BLOCKS.contains(&name) {
            self.flush();
            if PARAGRAPHS.contains(&name) {
                self.blank();
            }
        }
        self.role = open
            .last()
            .filter(|o| o.navigation)
            .map_or_else(|| self.role_inside(open), |_| Role::Navigation);
    }

    /// A text node: runs of white space are one space, except in `<pre>`.
    fn text_node(&mut self, text: &str, pre: bool) {
        if pre {
            for (i, piece) in text.split('\n').enumerate() {
                if i > 0 {
                    self.flush();
                }
                self.line.push_str(piece);
            }
            return;
        }
        for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            let space = i > 0 || text.starts_with(|c: char| c.is_ascii_whitespace());
            if space && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
    }

    fn text(&mut self, text: &str) {
        if !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
        self.line.push_str(text);
    }

    fn flush(&mut self) {
        let text = self.line.trim();
        if !text.is_empty() && !matches!(text, "-" | "- ") {
            self.bytes += text.len();
            self.lines.push(DocLine::new(text, self.role, 1));
        }
        self.line.clear();
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.lines.push(DocLine::new("", Role::Text, 1));
        }
    }

    fn too_big(&self) -> bool {
        self.bytes + self.line.len() > super::MAX_TEXT_BYTES
    }
}

/// The page's text: in the encoding its BOM or its `<meta>` names, else
/// UTF-8 when it is valid, else Windows-1252 (as browsers assume).
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, skip)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[skip..])
            .0
            .into_owned();
    }
    if let Some(encoding) = declared_charset(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The charset a page declares in its first KiB: `<meta charset="…">` or
/// `content="text/html; charset=…"`.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(bytes: &[u8]) -> Vec<String> {
        read(bytes).unwrap().into_iter().map(|l| l.text).collect()
    }

    fn lines(html: &str) -> Vec<(String, Role)> {
        read(html.as_bytes())
            .unwrap()
            .into_iter()
            .map(|l| (l.text, l.role))
            .collect()
    }

    #[test]
    fn paragraphs_breaks_items_and_entities() {
        let got = lines(
            "<html><head><title>UA 12/24 - Amnesty</title><style>p{}</style></head><body>\
             <nav><a href='/'>Home</a> <a href='/act'>Act</a></nav>\
             <h2>Free Ana &amp; Luis</h2>\
             <p>Dear&nbsp;Minister,<br>I am <b>writing</b> to you.</p>\
             <ul><li>Release them</li><li>Protect them</li></ul>\
             <ol><li>One</li><li>Two</li></ol>\
             <script>alert(1)</script><form><button>Send</button></form>\
             </body></html>",
        );
        let text: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            text,
            [
                "UA 12/24 - Amnesty",
                "",
                "Home Act",
                "",
                "Free Ana & Luis",
                "",
                "Dear\u{a0}Minister,",
                "I am writing to you.",
                "",
                "- Release them",
                "- Protect them",
                "",
                "1. One",
                "2. Two",
                "",
                "Send",
                ""
            ]
        );
        assert_eq!(got[0].1, Role::Title);
        assert_eq!(got[2].1, Role::Navigation);
        assert_eq!(got[4].1, Role::Heading);
        assert_eq!(got[9].1, Role::Item);
        assert_eq!(got[15].1, Role::Navigation);
    }

    #[test]
    fn a_hidden_address_is_decoded() {
        // "a@b.org" XOR 0x42, after the key byte 0x42.
        let key = 0x42u8;
        let hex: String = std::iter::once(key)
            .chain(b"a@b.org".iter().map(|b| b ^ key))
            .map(|b| format!("{b:02x}"))
            .collect();
        let page = format!(
            "<p>Email: <a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" \
             data-cfemail=\"{hex}\">[email&#160;protected]</a> today</p>"
        );
        assert_eq!(lines(&page)[0].0, "Email: a@b.org today");
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion_and_bounded() {
        let page = format!("{}text{}", "<div>".repeat(2_000), "</div>".repeat(2_000));
        assert!(lines(&page).iter().any(|(t, _)| t == "text"));
        let page = format!("{}text", "<div>".repeat(100_000));
        assert_eq!(
            read(page.as_bytes()),
            Err(Unreadable::TooDeep { max: MAX_NESTING })
        );
        let flat = format!("<body>{}</body>", "<p>para".repeat(50_000));
        assert_eq!(nesting(&flat), 1);
    }

    #[test]
    fn pages_are_recognised_by_their_content() {
        assert!(looks_like_html(b"\n<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<div class=x><p>Dear Minister,</p></div>"));
        assert!(!looks_like_html(b"Dear Minister, 3 < 4 and 5 > 2."));
        assert!(!looks_like_html(b"A line with <br> once."));
    }

    #[test]
    fn a_declared_charset_is_honoured() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".to_vec();
        page.extend([0xE9]);
        page.extend(b"</p></body></html>");
        assert_eq!(lines_of(&page), ["Café", ""]);
    }
}
