//! The letters of a letter-writing event, shared by `benches/book.rs` and
//! `examples/book.rs`: cecot's English letter, signed by `count` people,
//! each as it is printed.

use std::collections::BTreeMap;

use appeal::form::{self, Envelope, pdf::Paper};
use appeal::{Library, Renderer, Signer};
use chrono::NaiveDate;

pub fn letters(count: usize) -> Vec<form::Printed> {
    let action = Library::default().load("cecot").expect("cecot loads");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("a valid date");
    let renderer = Renderer::new(&action, today);
    (0..count)
        .map(|i| {
            let signer = Signer {
                name: format!("Signer {i} Núñez"),
                note: "I am writing because this matters to me. ".repeat(i % 12),
                city: "Quito".to_string(),
                country: "Ecuador".to_string(),
                extra: BTreeMap::new(),
            };
            let letter = renderer.render("en", &signer).expect("renders");
            let envelope = Envelope {
                target: &action.targets[0],
                copies: &action.copies,
                sender: signer.sender_block(),
                width: 0,
                paper: Paper::A4,
            };
            form::printed(&letter, &envelope)
        })
        .collect()
}
