//! Any action file that loads renders, in every language and to every
//! target, into a letter with no control character but line breaks and
//! tabs, no bidi control, and a bounded size: a loaded action can't smuggle
//! anything to a terminal or blow up a letter. Seeds: `actions/` and
//! `tests/fixtures/hostile/`.
#![no_main]

use appeal::{Action, Renderer, Signer};
use libfuzzer_sys::fuzz_target;

/// A letter is a few kilobytes; the template rules bound it far below this.
const MAX_LETTER_BYTES: usize = 4 << 20;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(action) = Action::parse("fuzz", "fuzz.yaml", text) else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date");
    let renderer = Renderer::new(&action, today);
    let signer = Signer::sample();
    for lang in action.letters.keys() {
        for target in 0..action.targets.len() {
            let Ok(letter) = renderer.render_for(lang, target, &signer) else {
                continue;
            };
            for part in [&letter.subject, &letter.body] {
                assert!(part.len() <= MAX_LETTER_BYTES, "a letter of {} bytes", part.len());
                let bad = part.chars().find(|&c| {
                    (c.is_control() && !matches!(c, '\n' | '\t'))
                        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                });
                assert_eq!(bad, None, "a control character reached the letter");
            }
        }
    }
});
