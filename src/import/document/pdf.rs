//! A PDF's text, with `pdf-extract` (on `lopdf`), in the reader process.
//! The glyphs it reports are set into lines here by their positions on the
//! page, and a gap clearly wider than the page's usual line spacing is a
//! blank line.
//!
//! Before any page is drawn, every compressed stream is measured as it
//! would inflate, with a cap: a stream that swells past
//! [`MAX_STREAM_BYTES`] (Flate inside Flate, a predictor row as wide as the
//! machine's memory), pages whose contents add up to more than
//! [`MAX_CONTENT_BYTES`] (one stream referenced a hundred thousand times),
//! or a ToUnicode map that spans more than [`MAX_CMAP_CODES`] codes is
//! refused. The reader process's own limits catch whatever this misses.

use std::collections::HashMap;
use std::io::Read;

use pdf_extract::{Document, Object, ObjectId};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::{DocLine, Role, Unreadable};

/// Whether the bytes start like a PDF (`%PDF-` within the first KiB, as
/// readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Largest number of pages read.
pub const MAX_PAGES: usize = 200;

/// Most bytes one stream may inflate to.
pub const MAX_STREAM_BYTES: usize = 16 << 20;

/// Most bytes of page contents, all pages together, counting a stream each
/// time a page uses it.
pub const MAX_CONTENT_BYTES: usize = 64 << 20;

/// Most character codes the ToUnicode maps of a file may cover.
pub const MAX_CMAP_CODES: u64 = 1 << 20;

/// Most filters a stream may chain.
const MAX_FILTERS: usize = 3;

/// The text of every page, as lines with their page numbers.
pub fn read(bytes: &[u8]) -> Result<Vec<DocLine>, Unreadable> {
    let mut doc = Document::load_mem(bytes).map_err(|e| describe(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Unreadable::Encrypted);
    }
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if pages.len() > MAX_PAGES {
        return Err(Unreadable::TooManyPages {
            pages: pages.len(),
            max: MAX_PAGES,
        });
    }
    measure(&doc, &pages)?;
    let mut out = Lines::default();
    for (n, _) in &pages {
        pdf_extract::output_doc_page(&doc, &mut out, *n).map_err(|e| describe(&e.to_string()))?;
    }
    Ok(out.lines)
}

/// Refuses a file whose streams would swell past the limits.
fn measure(doc: &Document, pages: &[(u32, ObjectId)]) -> Result<(), Unreadable> {
    let swells = |limit: usize| Unreadable::Swells {
        limit_mib: limit >> 20,
    };
    let mut sizes: HashMap<ObjectId, usize> = HashMap::new();
    let mut codes = 0u64;
    for (id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        let inflated = inflated_size(stream).ok_or_else(|| swells(MAX_STREAM_BYTES))?;
        sizes.insert(*id, inflated);
        if is_cmap(stream) {
            codes += cmap_codes(stream);
            if codes > MAX_CMAP_CODES {
                return Err(swells(MAX_STREAM_BYTES));
            }
        }
    }
    let mut total = 0usize;
    for (_, page) in pages {
        for content in doc.get_page_contents(*page) {
            total += sizes.get(&content).copied().unwrap_or(0);
            if total > MAX_CONTENT_BYTES {
                return Err(swells(MAX_CONTENT_BYTES));
            }
        }
    }
    Ok(())
}

/// How large a stream becomes once its filters are undone, or `None` when
/// it passes [`MAX_STREAM_BYTES`] (or chains too many filters).
fn inflated_size(stream: &pdf_extract::Stream) -> Option<usize> {
    let Ok(filters) = stream.filters() else {
        return Some(stream.content.len());
    };
    if filters.len() > MAX_FILTERS {
        return None;
    }
    if !predictor_fits(stream) {
        return None;
    }
    let mut data: Vec<u8> = stream.content.clone();
    for filter in filters {
        data = match filter {
            b"FlateDecode" | b"Fl" => inflate(&data)?,
            // Other filters either don't grow much (ASCII85, LZW within
            // bounds the process limit holds) or aren't undone for text.
            _ => return Some(data.len()),
        };
    }
    Some(data.len())
}

/// Inflates at most [`MAX_STREAM_BYTES`]; `None` past that. A damaged
/// stream inflates to what it gives.
fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut decoder = flate2::read::ZlibDecoder::new(data).take(MAX_STREAM_BYTES as u64 + 1);
    let _ = decoder.read_to_end(&mut out);
    (out.len() <= MAX_STREAM_BYTES).then_some(out)
}

/// A PNG predictor's row (`Columns` × `Colors` × `BitsPerComponent`) must
/// fit in a stream.
fn predictor_fits(stream: &pdf_extract::Stream) -> bool {
    let Ok(params) = stream.dict.get(b"DecodeParms").and_then(Object::as_dict) else {
        return true;
    };
    let number = |key: &[u8]| params.get(key).and_then(Object::as_i64).unwrap_or(1);
    let row = number(b"Columns")
        .max(1)
        .saturating_mul(number(b"Colors").max(1))
        .saturating_mul(number(b"BitsPerComponent").max(8))
        / 8;
    row <= MAX_STREAM_BYTES as i64
}

/// A character map: a stream whose dictionary says `/Type /CMap`, or whose
/// text holds `beginbfrange`.
fn is_cmap(stream: &pdf_extract::Stream) -> bool {
    stream
        .dict
        .get(b"Type")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"CMap")
        || plain(stream).windows(12).any(|w| w == b"beginbfrange")
}

fn plain(stream: &pdf_extract::Stream) -> Vec<u8> {
    match stream.filters() {
        Ok(f) if !f.is_empty() => inflate(&stream.content).unwrap_or_default(),
        _ => stream.content.clone(),
    }
}

/// How many codes the `bfrange` entries of a map span: `<0000> <FFFF>`
/// is 65,536 of them, each one a table entry once parsed.
fn cmap_codes(stream: &pdf_extract::Stream) -> u64 {
    let text = plain(stream);
    let text = String::from_utf8_lossy(&text);
    let mut total = 0u64;
    for section in text.split("beginbfrange").skip(1) {
        let body = section.split("endbfrange").next().unwrap_or("");
        let hex: Vec<u64> = body
            .split(['<', '>'])
            .skip(1)
            .step_by(2)
            .filter_map(|h| u64::from_str_radix(h.trim(), 16).ok())
            .collect();
        // Each entry is `<lo> <hi> <dst>` or `<lo> <hi> [ … ]`.
        let mut at = 0;
        while at + 1 < hex.len() {
            total = total.saturating_add(hex[at + 1].saturating_sub(hex[at]) + 1);
            at += 3;
        }
    }
    total
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
/// paragraphs by the space between them.
#[derive(Default)]
struct Lines {
    lines: Vec<DocLine>,
    page: Vec<Line>,
    number: u32,
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
        self.page.clear();
        self.number += 1;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let lines = std::mem::take(&mut self.page);
        let mut gaps: Vec<f64> = lines
            .windows(2)
            .map(|w| w[1].y - w[0].y)
            .filter(|g| *g > 0.0)
            .collect();
        gaps.sort_by(f64::total_cmp);
        // The page's line spacing: the lower quartile of the gaps, so that
        // a page of many short paragraphs still shows its paragraph gaps;
        // gaps under half the median (superscripts, accents) don't count.
        let median = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
        gaps.retain(|g| *g >= median * 0.5);
        let usual = gaps.get(gaps.len() / 4).copied().unwrap_or(0.0);

        for (i, line) in lines.iter().enumerate() {
            // A paragraph gap: appeal's own letters set one of a quarter
            // line at the tightest, which this still sees.
            if i > 0 && usual > 0.0 && line.y - lines[i - 1].y > usual * 1.18 {
                self.lines.push(DocLine::new("", Role::Text, self.number));
            }
            self.lines
                .push(DocLine::new(line.text.trim_end(), Role::Text, self.number));
        }
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
            .page
            .last()
            .is_none_or(|l| (y - l.y).abs() > size * 0.5 || x < l.end - size * 2.0);
        if new_line {
            self.page.push(Line {
                y,
                size,
                text: String::new(),
                end: x,
            });
        }
        let line = self.page.last_mut().expect("a line was just pushed");
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

/// The extractor's error as a reason a reader can act on.
fn describe(message: &str) -> Unreadable {
    let m = message.to_lowercase();
    if m.contains("decrypt") || m.contains("password") || m.contains("encrypt") {
        Unreadable::Encrypted
    } else {
        Unreadable::damaged(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bfrange_is_counted_by_the_codes_it_spans() {
        let cmap = b"1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n\
                     2 beginbfrange\n<20> <21> [<0041> <0042>]\n<30> <30> <0030>\nendbfrange";
        let stream = pdf_extract::Stream::new(pdf_extract::Dictionary::new(), cmap.to_vec());
        assert!(is_cmap(&stream));
        assert_eq!(cmap_codes(&stream), 65_536 + 2 + 1);
    }

    #[test]
    fn a_flate_bomb_is_refused_before_it_inflates() {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..20 {
            encoder.write_all(&zeros).unwrap();
        }
        let bomb = encoder.finish().unwrap();
        let mut dict = pdf_extract::Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let stream = pdf_extract::Stream::new(dict, bomb);
        assert_eq!(inflated_size(&stream), None, "20 MiB is past the cap");
        let mut dict = pdf_extract::Dictionary::new();
        dict.set(
            "DecodeParms",
            Object::Dictionary(pdf_extract::Dictionary::from_iter([(
                "Columns",
                Object::Integer(1 << 40),
            )])),
        );
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        assert!(!predictor_fits(&pdf_extract::Stream::new(dict, Vec::new())));
    }
}
