//! Text from a PDF, read in-process with `pdf-extract` (on `lopdf`): it
//! decodes fonts and content streams, and the glyphs it reports are set
//! into lines and paragraphs here, by their positions on the page.
//!
//! A PDF is untrusted input and the extractor can panic or loop on broken
//! files: it runs on its own thread, any panic is caught and reported as an
//! error, and a file that takes longer than [`TIME_LIMIT`] is given up on.
//! Pages are returned separated by form feeds, so that running headers and
//! page numbers can be told from the text.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

/// How long extraction may take before the file is given up on.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Whether the bytes start like a PDF (`%PDF-` within the first KiB, as
/// readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Largest number of pages read.
pub const MAX_PAGES: usize = 200;

/// The text of every page, pages separated by form feeds.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let owned = bytes.to_vec();
    let (send, receive) = mpsc::channel();
    let previous = std::panic::take_hook();
    // A panic inside the extractor is reported as an error below; its
    // default message would only confuse.
    std::panic::set_hook(Box::new(|_| {}));
    let spawned = std::thread::Builder::new()
        .name("pdf-text".into())
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| pages(&owned)));
            let _ = send.send(result);
        });
    let outcome = match spawned {
        Err(e) => Err(crate::ui::tr!(
            "import-pdf-start-failed",
            error = e.to_string()
        )),
        Ok(_) => match receive.recv_timeout(TIME_LIMIT) {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(crate::ui::tr!("import-pdf-damaged")),
            Err(_) => Err(crate::ui::tr!(
                "import-pdf-too-slow",
                seconds = TIME_LIMIT.as_secs()
            )),
        },
    };
    std::panic::set_hook(previous);
    outcome
}

fn pages(bytes: &[u8]) -> Result<String, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| describe(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(describe("encrypted"));
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.len() > MAX_PAGES {
        return Err(crate::ui::tr!(
            "import-pdf-too-many-pages",
            pages = numbers.len(),
            max = MAX_PAGES
        ));
    }
    let mut out = Lines::default();
    for n in numbers {
        pdf_extract::output_doc_page(&doc, &mut out, n).map_err(|e| describe(&e.to_string()))?;
    }
    Ok(out.pages.join("\u{c}"))
}

/// One line of text on a page: its baseline (from the top), size, text,
/// and where its last glyph ends.
struct Line {
    y: f64,
    size: f64,
    text: String,
    end: f64,
}

/// Collects glyphs into lines by their baselines, and lines into
/// paragraphs by the space between them: a gap clearly wider than the
/// page's usual line spacing is a paragraph break (a blank line).
#[derive(Default)]
struct Lines {
    pages: Vec<String>,
    lines: Vec<Line>,
    height: f64,
}

impl OutputDev for Lines {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.lines.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let lines = std::mem::take(&mut self.lines);
        let mut gaps: Vec<f64> = lines
            .windows(2)
            .map(|w| w[1].y - w[0].y)
            .filter(|g| *g > 0.0)
            .collect();
        gaps.sort_by(f64::total_cmp);
        let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let gap = line.y - lines[i - 1].y;
                text.push('\n');
                if usual > 0.0 && gap > usual * 1.35 {
                    text.push('\n');
                }
            }
            text.push_str(line.text.trim_end());
        }
        self.pages.push(text);
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        glyph: &str,
    ) -> Result<(), OutputError> {
        // Position from the top of the page; the size as the glyph is drawn.
        let (x, y) = (trm.m31, self.height - trm.m32);
        let sx = font_size * trm.m11 + font_size * trm.m21;
        let sy = font_size * trm.m12 + font_size * trm.m22;
        let size = (sx * sy).abs().sqrt().max(0.1);
        let new_line = self
            .lines
            .last()
            .is_none_or(|l| (y - l.y).abs() > size * 0.5 || x < l.end - size * 2.0);
        if new_line {
            self.lines.push(Line {
                y,
                size,
                text: String::new(),
                end: x,
            });
        }
        let line = self.lines.last_mut().expect("a line was just pushed");
        if !new_line
            && x > line.end + line.size.min(size) * 0.15
            && !line.text.ends_with(' ')
            && glyph != " "
        {
            line.text.push(' ');
        }
        line.text.push_str(glyph);
        line.end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The extractor's error in words a reader can act on.
fn describe(message: &str) -> String {
    let m = message.to_lowercase();
    if m.contains("decrypt") || m.contains("password") || m.contains("encrypt") {
        crate::ui::tr!("import-pdf-encrypted")
    } else {
        let shown: String = message
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(200)
            .collect();
        crate::ui::tr!("import-pdf-damaged-because", error = shown)
    }
}
