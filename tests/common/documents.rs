//! Documents made to crash, hang or swell a reader: the PDFs, pages and
//! texts `tests/hostile_documents.rs` imports, and the seeds of the import
//! fuzz targets (`cargo run --example hostile-documents -- DIR` writes
//! them). Made here, by generators, rather than kept as files.
#![allow(dead_code)]

use std::io::Write;

/// A PDF of the given objects, numbered from 1 (the first is the
/// catalogue), with a cross-reference table.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

pub fn obj(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

/// A stream object: its dictionary's entries and its bytes.
pub fn stream(dict: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", bytes.len()).into_bytes();
    out.extend(bytes);
    out.extend(b"\nendstream");
    out
}

pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// `n` zero bytes, deflated, without holding them.
pub fn deflated_zeros(n: usize) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..n / chunk.len() {
        e.write_all(&chunk).unwrap();
    }
    e.finish().unwrap()
}

/// A one-page PDF whose page has `contents` (a reference or an array)
/// and `resources`, with `more` objects from number 5 on.
pub fn page(contents: &str, resources: &str, more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj(&format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} /Resources << {resources} >> >>"
        )),
        obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ];
    objects.extend(more);
    pdf(&objects)
}

pub const FONT: &str = "/Font << /F1 4 0 R >>";

/// Each hostile PDF, by the name the tests give it.
pub fn pdfs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("recursion.pdf", recursion()),
        ("flate-flate.pdf", flate_flate()),
        ("references.pdf", references()),
        ("predictor.pdf", predictor()),
        ("bfrange.pdf", bfrange()),
        ("parent.pdf", own_parent()),
        ("heavy.pdf", heavy()),
    ]
}

/// A form XObject that draws itself: recursion without end in the extractor.
pub fn recursion() -> Vec<u8> {
    page(
        "5 0 R",
        "/XObject << /X0 6 0 R >>",
        vec![
            stream("", b"/X0 Do"),
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 6 0 R >> >>",
                b"/X0 Do",
            ),
        ],
    )
}

/// 256 MiB of zeros, deflated twice: a few hundred bytes.
pub fn flate_flate() -> Vec<u8> {
    let outer = deflate(&deflated_zeros(256 << 20));
    page(
        "5 0 R",
        FONT,
        vec![stream("/Filter [/FlateDecode /FlateDecode]", &outer)],
    )
}

/// One small content stream, drawn 100,000 times by one page.
pub fn references() -> Vec<u8> {
    let text = "BT /F1 12 Tf 72 720 Td (A line of text that repeats) Tj ET\n".repeat(20);
    let contents = format!("[{}]", "5 0 R ".repeat(100_000));
    page(
        &contents,
        FONT,
        vec![stream("/Filter /FlateDecode", &deflate(text.as_bytes()))],
    )
}

/// A PNG predictor whose row is as wide as memory.
pub fn predictor() -> Vec<u8> {
    page(
        "5 0 R",
        FONT,
        vec![stream(
            "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 4 /BitsPerComponent 16 /Columns 2000000000 >>",
            &deflate(&[2u8; 64]),
        )],
    )
}

/// A ToUnicode map of 6.5 million codes, in a kilobyte.
pub fn bfrange() -> Vec<u8> {
    let mut cmap = String::from("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
    for _ in 0..100 {
        cmap.push_str("1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    page(
        "5 0 R",
        "/Font << /F1 6 0 R >>",
        vec![
            stream("", b"BT /F1 12 Tf 72 720 Td <0041> Tj ET"),
            obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>"),
            stream("/Filter /FlateDecode", &deflate(cmap.as_bytes())),
        ],
    )
}

/// A page tree whose nodes are their own parents and children.
pub fn own_parent() -> Vec<u8> {
    pdf(&[
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 /Parent 2 0 R >>"),
        obj("<< /Type /Page /Parent 3 0 R /Kids [3 0 R] /MediaBox [0 0 595 842] >>"),
    ])
}

/// 200,000 text objects in capitals, in a small file.
pub fn heavy() -> Vec<u8> {
    let ops = "BT /F1 1 Tf 10 10 Td (URGENT ACTION TITLE: A) Tj ET\n".repeat(200_000);
    page(
        "5 0 R",
        FONT,
        vec![stream("/Filter /FlateDecode", &deflate(ops.as_bytes()))],
    )
}

/// The shapes of text that once made import quadratic, each a line (or
/// two) to repeat.
pub const SHAPES: &[&str] = &[
    "the community was not given any prior warning of the operation which involved\n",
    "URGENT ACTION COMMUNITY AT RISK OF FORCED EVICTION IN THE WEST OF THE CITY\n",
    "Dear Minister,\n",
    "URGENT ACTION TITLE: A TITLE\n",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
    "[a](http://example.org/a [b](c d [e](\n",
    "Pakistan : des chrétiens poursuivis\nEmail: info@example.org\n",
    "cc.\nMr. A Example, Minister of Justice – Email: a@example.org\n",
    "Email: a@example.org, b@example.org\nFax: +1 202 555 0100\n",
    "- a point to ask for, and another one after it\n",
    "until the deadline before the date by the time no later than ",
    "Yours sincerely,\n\n",
    "Monsieur le Ministre de l’Intérieur\nKhaled Nouri\n",
];

/// `line` repeated to just under `size` bytes.
pub fn repeated(line: &str, size: usize) -> String {
    let mut out = String::with_capacity(size);
    while out.len() + line.len() < size {
        out.push_str(line);
    }
    out
}
