//! Any bytes as an action file: `Action::parse` returns an action or an
//! error, and an action that loads compiles and renders or fails cleanly.
#![no_main]

use appeal::Action;
use appeal::Signer;
use appeal::Renderer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(action) = Action::parse("fuzz", "fuzz.yaml", &text) else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date");
    let renderer = Renderer::new(&action, today);
    for lang in action.letters.keys() {
        let _ = renderer.render(lang, &Signer::sample());
    }
});
