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
