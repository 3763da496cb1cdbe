//! Email drafts: an RFC 5322 message addressed to the action's target, with
//! `X-Unsent: 1` so that Outlook and Thunderbird open it ready to send.

use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;

use crate::action::Target;
use crate::letter::Letter;

/// The letter as an `.eml` message. mail-builder chooses the transfer
/// encoding (quoted-printable or base64) for non-ASCII text and long lines.
pub fn message(letter: &Letter, target: &Target) -> std::io::Result<Vec<u8>> {
    MessageBuilder::new()
        .to((target.full_name(), target.email.clone()))
        .subject(letter.subject.as_str())
        .header("X-Unsent", Raw::new("1"))
        .text_body(letter.body.as_str())
        .write_to_vec()
}
