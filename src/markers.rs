//! Markers an author leaves to fill in: `[PLACEHOLDER: …]`, `[TITLE]`,
//! `TODO`. `check` reports every one; the loader reads a field that holds
//! nothing but a marker as a fact not yet known.

/// `[TITLE]`, `[TARGET NAME: e.g. …]`: an upper-case label in brackets.
pub fn bracket_markers(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let marker = &rest[open..open + close + 1];
        if is_label(&marker[1..marker.len() - 1]) {
            out.push(marker);
        }
        rest = &rest[open + close + 1..];
    }
    out
}

/// Whether the text in brackets is a marker's label: upper-case words
/// before any `:`.
fn is_label(inside: &str) -> bool {
    let label = inside.split(':').next().unwrap_or("");
    let mut chars = label.chars();
    let starts_upper = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next().is_some_and(|c| c.is_ascii_uppercase());
    starts_upper
        && label
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " _-/'.".contains(c))
}

/// Whether a value is nothing but one marker (`"[PLACEHOLDER: deadline]"`):
/// a fact the file does not know yet.
pub fn is_only_marker(value: &str) -> bool {
    let t = value.trim();
    t.starts_with('[')
        && t.ends_with(']')
        && !t[1..t.len() - 1].contains(['[', ']'])
        && is_label(&t[1..t.len() - 1])
}

/// Where the word `TODO` starts in a line, if it is there as a word.
pub fn todo_marker(line: &str) -> Option<usize> {
    line.match_indices("TODO").map(|(i, _)| i).find(|&i| {
        let before = line[..i].chars().next_back();
        let after = line[i + 4..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_markers_are_upper_case_labels() {
        assert_eq!(
            bracket_markers("title: [TITLE] and [TARGET NAME: e.g. Ana] not [sic] or [1]"),
            ["[TITLE]", "[TARGET NAME: e.g. Ana]"]
        );
        assert!(bracket_markers("[invoked](#) the Act").is_empty());
    }

    #[test]
    fn a_value_of_one_marker_is_not_yet_known() {
        assert!(is_only_marker("[PLACEHOLDER: the deadline, as YYYY-MM-DD]"));
        assert!(is_only_marker(" [TODO] "));
        assert!(!is_only_marker("2025-07-01"));
        assert!(!is_only_marker("[PLACEHOLDER] and [TITLE]"));
        assert!(!is_only_marker("[sic]"));
    }
}
