//! Any answers for the shipped CECOT action: refused by the cleaning, or
//! rendered in every language with the name and the note kept verbatim,
//! and wrapped at any width without losing a character.
#![no_main]

use std::sync::LazyLock;

use appeal::Action;
use appeal::{Signer, clean_line, clean_note};
use appeal::Renderer;
use appeal::Library;
use appeal::wrap;
use libfuzzer_sys::fuzz_target;

static CECOT: LazyLock<Action> =
    LazyLock::new(|| Library::default().load("cecot").expect("cecot loads"));
static RENDERER: LazyLock<Renderer<'static>> = LazyLock::new(|| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date");
    Renderer::new(&CECOT, today)
});

fuzz_target!(|data: &[u8]| {
    // The first byte picks a wrapping width; 0xFF (never UTF-8) separates
    // the name, the note, the city and the country.
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let mut fields = rest.split(|b| *b == 0xFF).map(String::from_utf8_lossy);
    let mut next = || fields.next().unwrap_or_default();
    let (name, note, city, country) = (next(), next(), next(), next());
    let (Ok(name), Ok(note), Ok(city), Ok(country)) = (
        clean_line("--name", &name),
        clean_note("--note", &note),
        clean_line("--city", &city),
        clean_line("--country", &country),
    ) else {
        return;
    };
    let signer = Signer {
        name,
        note,
        city,
        country,
        ..Signer::default()
    };
    for lang in CECOT.letters.keys() {
        let letter = RENDERER
            .render(lang, &signer)
            .expect("a cleaned signer always renders");
        assert!(letter.body.contains(&signer.name), "name missing");
        if !signer.note.is_empty() {
            assert!(
                letter.body.contains(&format!("\n\n{}\n\n", signer.note)),
                "note is not its own paragraph"
            );
        }
        let wrapped = wrap(&letter.body, usize::from(width % 120));
        let strip = |s: &str| s.replace([' ', '\n'], "");
        assert_eq!(strip(&wrapped), strip(&letter.body), "wrapping lost text");
    }
});
