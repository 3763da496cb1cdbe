//! Minisign keys and signatures. A member pins a feed's public keys when
//! subscribing; an index is accepted only with a signature by one of them,
//! checked on its exact bytes before anything reads them.
//!
//! Verification is `minisign-verify`'s (no dependencies, a few hundred
//! lines to audit); the `minisign` crate, which `publish` needs to sign,
//! only names the key that made a signature in messages.

use std::path::Path;

use crate::error::{Error, Result};

/// The minisign public key in `KEY`: a key itself (`RW…`), or the path of
/// a `.pub` file as `minisign -G` writes it. Returns the key as pinned, in
/// base64.
pub fn parse_key(arg: &str) -> Result<String> {
    let arg = arg.trim();
    if minisign_verify::PublicKey::from_base64(arg).is_ok() {
        return Ok(arg.to_string());
    }
    let path = Path::new(arg);
    let bad = |message: String| {
        Error::Usage(crate::ui::Message::Verbatim(format!(
            "--key {arg}: {message}"
        )))
    };
    if !path.is_file() {
        return Err(bad(crate::ui::tr!("feed-key-not-key")));
    }
    let text = crate::library::read_limited(path)?;
    // `minisign.pub`: an untrusted comment, then the key.
    text.lines()
        .map(str::trim)
        .find(|line| minisign_verify::PublicKey::from_base64(line).is_ok())
        .map(str::to_string)
        .ok_or_else(|| bad(crate::ui::tr!("feed-key-file-no-key")))
}

/// A key's id as minisign prints it (`minisign public key 3F7C…`).
pub fn key_id(key: &str) -> String {
    minisign::PublicKey::from_base64(key)
        .map(|k| keynum_hex(k.keynum()))
        .unwrap_or_else(|_| "?".to_string())
}

fn keynum_hex(keynum: &[u8]) -> String {
    let mut bytes = [0u8; 8];
    let n = keynum.len().min(8);
    bytes[..n].copy_from_slice(&keynum[..n]);
    format!("{:016X}", u64::from_le_bytes(bytes))
}

/// Why a signature was refused: a sentence in the interface's language.
pub type Refusal = String;

/// Checks `signature` (the text of `index.json.minisig`) over the exact
/// bytes of `index` with each pinned key. Legacy and prehashed signatures
/// are both accepted, as `minisign -V` accepts them.
pub fn verify(index: &[u8], signature: &[u8], keys: &[String]) -> Result<(), Refusal> {
    let text =
        std::str::from_utf8(signature).map_err(|_| crate::ui::tr!("feed-signature-unreadable"))?;
    let decoded = minisign_verify::Signature::decode(text)
        .map_err(|_| crate::ui::tr!("feed-signature-unreadable"))?;
    let mut signed_by_pinned = false;
    for key in keys {
        let Ok(public) = minisign_verify::PublicKey::from_base64(key) else {
            continue;
        };
        match public.verify(index, &decoded, true) {
            Ok(()) => return Ok(()),
            Err(minisign_verify::Error::UnexpectedKeyId) => {}
            Err(_) => signed_by_pinned = true,
        }
    }
    if signed_by_pinned {
        return Err(crate::ui::tr!("feed-signature-bad"));
    }
    let signer = minisign::SignatureBox::from_string(text)
        .map(|b| keynum_hex(b.keynum()))
        .unwrap_or_else(|_| "?".to_string());
    let pinned: Vec<String> = keys.iter().map(|k| key_id(k)).collect();
    Err(crate::ui::tr!(
        "feed-signature-not-pinned",
        signer = signer,
        pinned = pinned.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keypair() -> (String, minisign::SecretKey) {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        (pair.pk.to_base64(), pair.sk)
    }

    fn sign(sk: &minisign::SecretKey, data: &[u8]) -> Vec<u8> {
        minisign::sign(None, sk, data, None, None)
            .unwrap()
            .to_string()
            .into_bytes()
    }

    #[test]
    fn only_a_pinned_key_over_the_exact_bytes_is_accepted() {
        let (pk, sk) = keypair();
        let (other, other_sk) = keypair();
        let sig = sign(&sk, b"{\"a\": 1}");
        assert_eq!(
            verify(b"{\"a\": 1}", &sig, &[other.clone(), pk.clone()]),
            Ok(())
        );
        let changed = verify(b"{\"a\": 2}", &sig, std::slice::from_ref(&pk)).unwrap_err();
        assert_eq!(changed, crate::ui::tr!("feed-signature-bad"));
        let unpinned = verify(
            b"{\"a\": 1}",
            &sign(&other_sk, b"{\"a\": 1}"),
            std::slice::from_ref(&pk),
        );
        let message = unpinned.unwrap_err();
        assert!(message.contains(&key_id(&other)), "{message}");
        assert!(message.contains(&key_id(&pk)), "{message}");
        assert_eq!(
            verify(b"x", b"not a signature", &[pk]).unwrap_err(),
            crate::ui::tr!("feed-signature-unreadable")
        );
    }

    #[test]
    fn a_key_is_read_from_its_line_or_from_a_pub_file() {
        let (pk, _) = keypair();
        assert_eq!(parse_key(&format!(" {pk} ")).unwrap(), pk);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("minisign.pub");
        std::fs::write(
            &file,
            format!("untrusted comment: minisign public key\n{pk}\n"),
        )
        .unwrap();
        assert_eq!(parse_key(file.to_str().unwrap()).unwrap(), pk);
        assert!(parse_key("RWnotakey").is_err());
        assert_eq!(key_id(&pk).len(), 16);
    }
}
