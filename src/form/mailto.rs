//! `mailto:` links: the target's address, the subject and the letter,
//! percent-encoded, with CRLF line breaks as RFC 6068 asks.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::action::{Recipient, Target};
use crate::letter::Letter;

/// Beyond this length many mail clients cut the link, or refuse it.
pub const SAFE_LENGTH: usize = 2000;

/// RFC 3986's unreserved characters stay as they are; everything else,
/// `+` and `&` included, is encoded.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// In the address, `@` stays too.
const ADDRESS: &AsciiSet = &QUERY.remove(b'@');

/// To every address of the target, Cc every address of the copies
/// (RFC 6068 separates addresses with commas).
pub fn url(letter: &Letter, target: &Target, copies: &[Recipient]) -> String {
    let body = letter.body.replace("\r\n", "\n").replace('\n', "\r\n");
    let list = |emails: &mut dyn Iterator<Item = &String>| {
        emails
            .map(|e| utf8_percent_encode(e, ADDRESS).to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let cc = list(&mut copies.iter().flat_map(|c| &c.email));
    let cc = if cc.is_empty() {
        String::new()
    } else {
        format!("cc={cc}&")
    };
    format!(
        "mailto:{}?{cc}subject={}&body={}",
        list(&mut target.email.iter()),
        utf8_percent_encode(&letter.subject, QUERY),
        utf8_percent_encode(&body, QUERY),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_characters_and_crlf() {
        let action = crate::library::Library::default().load("cecot").unwrap();
        let mut target = action.target().clone();
        let letter = Letter {
            lang: "en".into(),
            subject: "A & B = C?".into(),
            body: "Line one\nLine 2 + ü".into(),
        };
        assert_eq!(
            url(&letter, &target, &[]),
            "mailto:dhssecretary@hq.dhs.gov?subject=A%20%26%20B%20%3D%20C%3F&body=Line%20one%0D%0ALine%202%20%2B%20%C3%BC"
        );
        target.email.push("b+c@x.org".into());
        let mut copy = target.clone();
        copy.email = vec!["d@y.org".into(), "e@z.org".into()];
        assert!(url(&letter, &target, &[copy]).starts_with(
            "mailto:dhssecretary@hq.dhs.gov,b%2Bc@x.org?cc=d@y.org,e@z.org&subject=A%20"
        ),);
    }
}
