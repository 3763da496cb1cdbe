//! Email drafts: an RFC 5322 message addressed to the action's target, with
//! `X-Unsent: 1` so that Outlook and Thunderbird open it ready to send.

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;

use crate::action::{Recipient, Target};
use crate::letter::Letter;

/// The letter as an `.eml` message: To every address of the target, Cc
/// every address of the copies. mail-builder chooses the transfer
/// encoding (quoted-printable or base64) for non-ASCII text and long lines.
pub fn message(letter: &Letter, target: &Target, copies: &[Recipient]) -> std::io::Result<Vec<u8>> {
    let mut message = MessageBuilder::new();
    let to = addresses(std::slice::from_ref(target));
    if !to.is_empty() {
        message = message.to(to);
    }
    let cc = addresses(copies);
    if !cc.is_empty() {
        message = message.cc(cc);
    }
    message
        .message_id(message_id())
        .subject(letter.subject.as_str())
        .header("X-Unsent", Raw::new("1"))
        .text_body(letter.body.as_str())
        .write_to_vec()
}

/// Each email address of each recipient, with the recipient's name.
fn addresses(recipients: &[Recipient]) -> Vec<Address<'static>> {
    recipients
        .iter()
        .flat_map(|r| {
            let name = r.full_name();
            r.email
                .iter()
                .map(move |e| Address::new_address(Some(name.clone()), e.clone()))
        })
        .collect()
}

/// A Message-ID that says nothing about the machine: mail-builder's own
/// carries the host name. Random, from the standard library's hasher keys.
fn message_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let random = |n: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(n);
        h.finish()
    };
    format!("{:016x}{:016x}@appeal.invalid", random(1), random(2))
}
