//! What an email address is: the one check that action files, the
//! importer's documents and the fact check all ask.

/// A deliberately loose check: one `@`, something before it, a dot after it,
/// no spaces or control characters. Enough to catch a name or a URL typed in the wrong field.
pub fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(|c: char| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
        // One address, never a list or a link's parameters: `x,spy@evil`
        // would be two recipients in a mailto: link.
        && !s.contains([',', ';', '?', '&', '<', '>', '"', '(', ')', '[', ']', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_addresses_and_refuses_others() {
        assert!(is_address("dhssecretary@hq.dhs.gov"));
        for bad in [
            "",
            "noem",
            "@x.org",
            "a@b",
            "a b@c.org",
            "a@.org",
            "a@b@c.org",
            "x,spy@evil.org",
            "a@b.org?cc=spy@evil.org",
            "a\u{1}@b.org",
        ] {
            assert!(!is_address(bad), "{bad}");
        }
    }
}
