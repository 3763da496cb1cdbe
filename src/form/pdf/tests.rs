//! The PDF form's tests: the layout's rules, and what poppler reads back.

use super::geometry::*;
use super::lines::*;
use super::pagination::*;
use super::shaping::*;
use super::*;
use std::io::Write;
use std::process::Command;

/// Runs a poppler tool on `pdf` (options, the file, then `after`);
/// fails, saying what to install, when the tool is missing.
fn poppler(tool: &str, options: &[&str], pdf: &[u8], after: &[&str]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("a temporary file can be made");
    file.write_all(pdf)
        .expect("the PDF can be written to a temporary file");
    let output = Command::new(tool)
        .args(options)
        .arg(file.path())
        .args(after)
        .output()
        .unwrap_or_else(|e| {
            panic!("could not run `{tool}` ({e}): install poppler-utils (apt-get install -y poppler-utils)")
        });
    assert!(
        output.status.success(),
        "{tool} failed on the PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

fn pdftotext(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf, &["-"])
}

/// A field of `pdfinfo`'s report: `Pages`, `Page size`.
fn pdfinfo(pdf: &[u8], field: &str) -> String {
    let report = poppler("pdfinfo", &[], pdf, &[]);
    report
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("pdfinfo reports no {field}:\n{report}"))
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

const WORDS: &[&str] = &[
    "détention",
    "arbitraire",
    "family",
    "office",
    "final",
    "Ελευθερία",
    "свобода",
    "lawyers",
    "Ñandú",
    "conditions",
    "Straße",
    "detainees",
    "urgently",
    "release",
    "prompt",
    "access",
    "medical",
    "care",
    "Президент",
    "δικαιοσύνη",
];

/// A letter long enough for two A4 pages.
fn long_body() -> String {
    let mut body = String::from("29 November 2026\n\nDear Minister,\n\n");
    for p in 0..6 {
        let words: Vec<&str> = (0..70)
            .map(|i| WORDS[(i * 7 + p * 3) % WORDS.len()])
            .collect();
        body.push_str(&words.join(" "));
        body.push_str(".\n\n");
    }
    body.push_str("Yours sincerely,\n\nZoë Παπαδοπούλου-Иванова\nLyon, France\n");
    body
}

/// Where each of `needles` is in `haystack`'s words, in order; panics
/// naming the first one missing.
fn assert_in_order(haystack: &str, needles: &[&str]) {
    let words: Vec<&str> = haystack.split_whitespace().collect();
    let mut at = 0;
    for needle in needles {
        match words[at..].iter().position(|w| w == needle) {
            Some(found) => at += found + 1,
            None => {
                panic!("`{needle}` is missing or out of order after word {at} in:\n{haystack}")
            }
        }
    }
}

#[test]
fn text_comes_out_in_reading_order_across_two_pages() {
    let sender = strings(&["Zoë Παπαδοπούλου-Иванова", "Lyon, France"]);
    let recipient = strings(&[
        "Kristi Noem",
        "Secretary of Homeland Security",
        "2707 Martin Luther King Jr Ave SE, Washington, DC 20528",
    ]);
    let body = long_body();
    let page = Page {
        sender: &sender,
        recipient: &recipient,
        body: &body,
    };
    let pdf = render(&page, Paper::A4).expect("the letter renders");
    assert_eq!(pdfinfo(&pdf, "Pages"), "2");

    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    for line in sender.iter().chain(&recipient) {
        match flat[at..].find(line.as_str()) {
            Some(found) => at += found + line.len(),
            None => panic!("`{line}` is missing or out of order in:\n{text}"),
        }
    }
    let after_head = &flat[at..];
    assert_in_order(after_head, &body.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn paper_sizes_set_the_media_box() {
    let sender = strings(&["A. Writer"]);
    let page = Page {
        sender: &sender,
        recipient: &[],
        body: "Hello.",
    };
    let sizes = [
        (Paper::A4, "595 x 842 pts (A4)", "/MediaBox [0 0 595 842]"),
        (
            Paper::Letter,
            "612 x 792 pts (letter)",
            "/MediaBox [0 0 612 792]",
        ),
    ];
    for (paper, size, media_box) in sizes {
        let pdf = render(&page, paper).expect("the page renders");
        assert_eq!(pdfinfo(&pdf, "Page size"), size, "{paper:?}");
        assert_eq!(pdfinfo(&pdf, "Pages"), "1", "{paper:?}");
        let bytes = String::from_utf8_lossy(&pdf);
        assert!(
            bytes.contains(media_box),
            "{paper:?}: no {media_box} in the PDF"
        );
    }
}

#[test]
fn keeps_hard_line_breaks() {
    let body = "Dear Sir,\n\nYours sincerely,\nZoë Dupont\nLyon, France";
    let page = Page {
        sender: &[],
        recipient: &[],
        body,
    };
    let text = pdftotext(&render(&page, Paper::Letter).expect("the page renders"));
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "Dear Sir,",
            "Yours sincerely,",
            "Zoë Dupont",
            "Lyon, France"
        ]
    );
}

#[test]
fn wraps_between_words_within_the_width() {
    let faces = Faces::primary().expect("the embedded font loads");
    let text = long_body().replace('\n', " ");
    let width = 200.0;
    let lines = faces.wrap(&text, width);
    assert!(lines.len() > 20);
    for line in &lines {
        assert!(
            faces.width(&line.text, SIZE) <= width + 0.01,
            "too wide: {}",
            line.text
        );
    }
    let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.text.split(' ')).collect();
    assert_eq!(rejoined, text.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn no_break_spaces_hold_words_together() {
    let words: Vec<&str> = words("10\u{A0}000 people, M.\u{202F}Dupont").collect();
    assert_eq!(words, ["10\u{A0}000", "people,", "M.\u{202F}Dupont"]);
}

#[test]
fn a_date_with_no_break_spaces_stays_on_one_line() {
    let faces = Faces::primary().expect("the embedded font loads");
    let date = "16\u{A0}mars\u{A0}2025";
    let text = format!("Depuis le {date}, les personnes expulsées attendent.");
    // Every width from the date's own up to the whole sentence's.
    let narrowest = faces.width(date, SIZE);
    for step in 0..40 {
        let width = narrowest + 6.0 * step as f32;
        let lines = faces.wrap(&text, width);
        assert!(
            lines.iter().any(|l| l.text.contains(date)),
            "the date broke at {width} pt: {lines:?}"
        );
    }
}

#[test]
fn lines_are_evened_out_as_textwrap_evens_text() {
    // Greedy filling gives `nnn nn` / `nn` / `nnnnn`; the optimal fit, as
    // `.txt` letters have it, leaves the gaps more even.
    let faces = Faces::primary().expect("the embedded font loads");
    let width = faces.width("nnn nn", SIZE) + 0.01;
    let lines: Vec<String> = faces
        .wrap("nnn nn nn nnnnn", width)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(lines, ["nnn", "nn nn", "nnnnn"]);
}

#[test]
fn splits_only_words_wider_than_the_line() {
    let faces = Faces::primary().expect("the embedded font loads");
    let long = "https://www.example.org/a/very/long/path/that/does/not/fit/on/one/line/at/all";
    let lines = faces.wrap(&format!("see {long} now"), 150.0);
    assert_eq!(lines[0].text, "see");
    assert_eq!(lines.last().map(|l| l.text.as_str()), Some("now"));
    let pieces: String = lines[1..lines.len() - 1]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(pieces, long);
    assert!(lines.iter().all(|l| faces.width(&l.text, SIZE) <= 150.0));
}

#[test]
fn right_to_left_lines_are_marked_and_render() {
    let faces = Faces::primary().expect("the embedded font loads");
    assert!(faces.wrap("שלום עולם", 300.0)[0].rtl);
    assert!(faces.wrap("مرحبا بالعالم", 300.0)[0].rtl);
    assert!(!faces.wrap("Dear Sir, שלום", 300.0)[0].rtl);
    let page = Page {
        sender: &strings(&["דוד כהן"]),
        recipient: &strings(&["السيد الوزير", "Ministry of Justice"]),
        body: "Dear Minister,\n\nمرحبا بالعالم and שלום.\n",
    };
    let text = pdftotext(&render(&page, Paper::A4).expect("the page renders"));
    assert!(text.contains("Ministry of Justice"), "{text}");
}

#[test]
fn each_run_has_one_script() {
    let faces = Faces::primary().expect("the embedded font loads");
    let text = "Hebrew עברית, Arabic العربية.";
    let runs: Vec<&str> = faces
        .face_runs(text)
        .into_iter()
        .map(|(_, r)| &text[r])
        .collect();
    assert_eq!(runs, ["Hebrew ", "עברית, ", "Arabic ", "العربية."]);
}

#[test]
fn characters_no_font_has_do_not_fail() {
    let page = Page {
        sender: &strings(&["王小明"]),
        recipient: &strings(&["金正恩", "\u{1F600} \u{10FFFD}"]),
        body: "Dear 先生,\n\n\u{0}Greetings\u{7} ✊🏽 from 東京.\n",
    };
    let pdf = render(&page, Paper::A4).expect("unknown characters still render");
    assert!(pdftotext(&pdf).contains("Greetings"));
}

#[test]
fn a_one_line_paragraph_moves_on_with_what_follows() {
    let line = |t: &str| Line {
        text: t.to_string(),
        rtl: false,
    };
    let blocks = vec![
        Block::Paragraph(vec![line("a"), line("b")]),
        Block::Space(Room::Gap),
        Block::Paragraph(vec![line("Yours sincerely,")]),
        Block::Space(Room::Signature),
        Block::Paragraph(vec![line("Zoë"), line("Lyon")]),
    ];
    let pages = paginate(&blocks, 4.0 * LEADING + GAP, 20.0 * LEADING, SPACINGS[0]);
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1][0], Row::Line(&line("Yours sincerely,")));
    assert_eq!(pages[1][1], Row::Space(SIGNATURE));
}

#[test]
fn the_closing_leaves_room_to_sign() {
    let faces = Faces::primary().expect("the embedded font loads");
    let blocks = blocks(
        &faces,
        "\n\nDear Sir,\n\nText.\n\nYours sincerely,\n\nZoë\nLyon\n\n",
        400.0,
    );
    let spaces: Vec<Room> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Space(room) => Some(*room),
            Block::Paragraph(_) => None,
        })
        .collect();
    assert_eq!(spaces, [Room::Gap, Room::Gap, Room::Signature]);
    assert_eq!(blocks.len(), 7);
}

#[test]
fn paragraphs_leave_two_lines_on_each_page() {
    assert_eq!(lines_here(5, 10), 5);
    assert_eq!(lines_here(5, 4), 3);
    assert_eq!(lines_here(5, 1), 0);
    assert_eq!(lines_here(3, 2), 0);
    assert_eq!(lines_here(2, 1), 0);
    assert_eq!(lines_here(1, 0), 0);
}

#[test]
fn an_empty_letter_is_one_page() {
    let page = Page {
        sender: &[],
        recipient: &[],
        body: "",
    };
    let pdf = render(&page, Paper::A4).expect("an empty page renders");
    assert_eq!(pdfinfo(&pdf, "Pages"), "1");
}
fn line(t: &str) -> Line {
    Line {
        text: t.to_string(),
        rtl: false,
    }
}

#[test]
fn the_closing_takes_the_last_two_lines_along() {
    let text: Vec<Line> = (1..=5).map(|n| line(&format!("line {n}"))).collect();
    let blocks = vec![
        Block::Paragraph(text),
        Block::Space(Room::Gap),
        Block::Paragraph(vec![line("Yours sincerely,")]),
        Block::Space(Room::Signature),
        Block::Paragraph(vec![line("Zoë"), line("Lyon")]),
    ];
    // All five lines fit on the first page, but not the closing after them.
    let pages = paginate(&blocks, 6.0 * LEADING, 20.0 * LEADING, SPACINGS[0]);
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].len(), 3);
    assert_eq!(pages[1][0], Row::Line(&line("line 4")));
    assert_eq!(pages[1][1], Row::Line(&line("line 5")));
    assert_eq!(pages[1][3], Row::Line(&line("Yours sincerely,")));
}

#[test]
fn a_short_last_paragraph_moves_on_whole_with_the_closing() {
    let blocks = vec![
        Block::Paragraph(vec![line("a"), line("b"), line("c")]),
        Block::Space(Room::Gap),
        Block::Paragraph(vec![line("d"), line("e"), line("f")]),
        Block::Space(Room::Gap),
        Block::Paragraph(vec![line("Yours sincerely,")]),
        Block::Space(Room::Signature),
        Block::Paragraph(vec![line("Zoë")]),
    ];
    let pages = paginate(&blocks, 7.0 * LEADING + GAP, 20.0 * LEADING, SPACINGS[0]);
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1][0], Row::Line(&line("d")));
}

#[test]
fn a_slight_overflow_is_set_tighter() {
    let mut blocks = Vec::new();
    for p in 0..8 {
        blocks.push(Block::Paragraph(vec![line(&format!("p{p}")), line("x")]));
        blocks.push(Block::Space(Room::Gap));
    }
    blocks.push(Block::Paragraph(vec![line("Yours sincerely,")]));
    blocks.push(Block::Space(Room::Signature));
    blocks.push(Block::Paragraph(vec![line("Zoë")]));
    let tight = SPACINGS[SPACINGS.len() - 1];
    let first = height(&blocks, tight);
    assert_eq!(
        paginate(&blocks, first, 40.0 * LEADING, SPACINGS[0]).len(),
        2
    );
    let pages = fitted(&blocks, first, 40.0 * LEADING);
    assert_eq!(pages.len(), 1);
    // Gaps give way before the room to sign does.
    let gaps = fitted(&blocks, height(&blocks, SPACINGS[2]), 40.0 * LEADING);
    assert_eq!(gaps.len(), 1);
    assert!(gaps[0].contains(&Row::Space(SIGNATURE)));
    // A letter far too long keeps its spacing.
    let far = fitted(&blocks, first / 2.0, 40.0 * LEADING);
    assert!(far[0].contains(&Row::Space(GAP)));
}

/// A letter body whose last paragraph has `words` words.
fn letter_with_note(words: usize, name: &str) -> String {
    let note: Vec<&str> = (0..words).map(|i| WORDS[i % WORDS.len()]).collect();
    format!(
        "29 November 2026\n\nDear Minister,\n\n{}\n\n{}.\n\nYours sincerely,\n\n{name}\nLyon, France\n",
        "I urge you to release them. ".repeat(20).trim_end(),
        note.join(" ")
    )
}

/// The pages of a PDF as `pdftotext` reads them: a form feed ends each.
fn pages_of(pdf: &[u8]) -> Vec<String> {
    let text = pdftotext(pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn nonblank(page: &str) -> Vec<&str> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn a_long_note_takes_its_last_lines_to_the_signature_page() {
    let sender = strings(&["Zoë Dupont", "Lyon, France"]);
    let recipient = strings(&["Kristi Noem", "Secretary of Homeland Security"]);
    let mut checked = 0;
    for words in (200..520).step_by(10) {
        let body = letter_with_note(words, "Zoë Dupont");
        let page = Page {
            sender: &sender,
            recipient: &recipient,
            body: &body,
        };
        let pages = pages_of(&render(&page, Paper::A4).expect("the letter renders"));
        let Some(last) = pages.get(1) else { continue };
        let lines = nonblank(last);
        let Some(closing) = lines.iter().position(|l| *l == "Yours sincerely,") else {
            continue;
        };
        checked += 1;
        assert!(
            closing >= 2,
            "{words} words: the closing has {closing} line(s) of the letter above it:\n{last}"
        );
    }
    assert!(checked > 3, "only {checked} notes pushed the closing over");
}

#[test]
fn a_letter_slightly_too_long_fits_on_one_page() {
    let (width, height) = Paper::A4.size();
    let faces = Faces::primary().expect("the embedded font loads");
    let body_top = Paper::A4
        .body_top()
        .max(Paper::A4.address_top() + 2.0 * LEADING);
    let first = height - BOTTOM - body_top;
    let rest = height - MARGIN - BOTTOM;
    let mut fitted_one = 0;
    for words in (60..260).step_by(4) {
        let body = letter_with_note(words, "Zoë Dupont");
        let blocks = blocks(&faces, &body, width - 2.0 * MARGIN);
        if paginate(&blocks, first, rest, SPACINGS[0]).len() != 2
            || fitted(&blocks, first, rest).len() != 1
        {
            continue;
        }
        let page = Page {
            sender: &[],
            recipient: &[],
            body: &body,
        };
        let pdf = render(&page, Paper::A4).expect("the letter renders");
        assert_eq!(pdfinfo(&pdf, "Pages"), "1", "{words} words");
        assert!(pdftotext(&pdf).contains("Zoë Dupont"));
        fitted_one += 1;
    }
    assert!(fitted_one > 0, "no letter overflowed by a little");
}

/// `count` letters, every seventh one two pages long.
fn event(count: usize) -> Vec<(Vec<String>, String)> {
    (0..count)
        .map(|i| {
            let name = format!("Signer{i:03} Núñez");
            let words = if i % 7 == 3 { 500 } else { 40 };
            let body = letter_with_note(words, &name);
            (strings(&[&name, "Lyon, France"]), body)
        })
        .collect()
}

fn book(letters: &[(Vec<String>, String)], duplex: bool) -> Vec<u8> {
    let recipient = strings(&["Kristi Noem", "Secretary of Homeland Security"]);
    let mut book = Book::new(Paper::A4, duplex).expect("a book");
    for (sender, body) in letters {
        let page = Page {
            sender,
            recipient: &recipient,
            body,
        };
        book.add(&page).expect("the letter is set");
    }
    assert_eq!(book.letters(), letters.len());
    book.finish().expect("the book is written")
}

/// The page (from 0) on which each signer's letter starts: a page whose
/// first line is their name; every name is found once, as the first line.
fn starts(pages: &[String], letters: &[(Vec<String>, String)]) -> Vec<usize> {
    letters
        .iter()
        .map(|(sender, _)| {
            let name = &sender[0];
            let found: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, p)| nonblank(p).first() == Some(&name.as_str()))
                .map(|(n, _)| n)
                .collect();
            assert_eq!(found.len(), 1, "{name} heads pages {found:?}");
            let text = pages.concat();
            assert_eq!(
                text.matches(name.as_str()).count(),
                2,
                "{name}: sender and signature"
            );
            found[0]
        })
        .collect()
}

#[test]
fn a_book_starts_every_letter_on_a_new_page() {
    let letters = event(200);
    let pages = pages_of(&book(&letters, false));
    let starts = starts(&pages, &letters);
    assert_eq!(starts[0], 0);
    for (n, pair) in starts.windows(2).enumerate() {
        let length = if n % 7 == 3 { 2 } else { 1 };
        assert_eq!(pair[1] - pair[0], length, "letter {n}");
    }
    assert_eq!(pages.len(), 200 + 200 / 7 + 1);
}

#[test]
fn a_duplex_book_starts_every_letter_on_an_odd_page() {
    let letters = event(30);
    let pages = pages_of(&book(&letters, true));
    let starts = starts(&pages, &letters);
    assert!(starts.iter().all(|s| s % 2 == 0), "{starts:?}");
    // A blank page only after a letter of one page, and none at the end.
    assert_eq!(pages.len(), 2 * 30 - 1);
    for (n, pair) in starts.windows(2).enumerate() {
        let blank = &pages[pair[1] - 1];
        assert_eq!(nonblank(blank).is_empty(), n % 7 != 3, "after letter {n}");
    }
}
