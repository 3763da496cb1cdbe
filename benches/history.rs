//! What the history adds to one `compose`: opening the database (creating
//! it, or checking its schema), looking up the action's last letter,
//! inserting one record and closing it, as `history::mention_earlier` and
//! `history::record_letter` do.
//!
//!   cargo bench --bench history
//!
//! (a) a letter into a fresh database, created for it (a writer's first
//! letter); (b) a letter into a database that already holds 10,000 records,
//! with the look-up `compose` makes before writing ("You wrote to … on …");
//! (c) that look-up alone (open, find the action's last record, close), as
//! when the letter is not recorded.

use std::hint::black_box;
use std::path::Path;

use appeal::history::{History, Kind, Record, sha256_hex};
use chrono::{NaiveDate, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

/// A record the size of a real letter, text included.
fn record(n: usize) -> Record {
    let text = "I am writing to urge you to return those who were removed. ".repeat(40);
    Record {
        id: 0,
        kind: Kind::Letter,
        at: Utc::now(),
        date: NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date"),
        action: format!("action-{}", n % 50),
        title: "Stop illegal expulsions to El Salvador".to_string(),
        target: "Kristi Noem".to_string(),
        lang: Some("en".to_string()),
        form: "txt".to_string(),
        destination: "file".to_string(),
        path: Some(format!("/home/ana/letters/letter-{n}.txt")),
        sha256: Some(sha256_hex(text.as_bytes())),
        text: Some(text),
        count: None,
        input: None,
    }
}

/// What one compose pays: open, (look up,) insert, close.
fn record_once(path: &Path, r: &Record, look_up: bool) {
    let history = History::open_at(path).expect("the history opens");
    if look_up {
        black_box(history.last(&r.action).expect("the look-up works"));
    }
    black_box(history.record(r).expect("the record is stored"));
}

fn benches(c: &mut Criterion) {
    let r = record(0);
    c.bench_function("record a letter: fresh database", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("a temporary folder"),
            |dir| {
                record_once(&dir.path().join("history.sqlite"), &r, false);
                dir
            },
            BatchSize::PerIteration,
        )
    });

    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("history.sqlite");
    {
        let history = History::open_at(&path).expect("the history opens");
        for n in 0..10_000 {
            history.record(&record(n)).expect("the record is stored");
        }
    }
    c.bench_function("look up and record a letter: 10,000 records already", |b| {
        b.iter(|| record_once(&path, &r, true))
    });
    c.bench_function("last letter for an action: 10,000 records", |b| {
        b.iter(|| {
            let history = History::open_at(&path).expect("the history opens");
            black_box(history.last("action-7").expect("the look-up works"))
        })
    });
}

criterion_group! {
    name = history;
    config = Criterion::default().sample_size(50);
    targets = benches
}
criterion_main!(history);
