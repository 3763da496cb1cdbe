//! Tables for people: left-aligned columns two spaces apart, each sized to
//! its widest cell, and fitted to the terminal's width so that no row
//! wraps: the column of free text (a title, a path) gives way first, then
//! the widest of the others, their cells shortened with "…". (`--json` is
//! for the full text.)

use console::{Alignment, measure_text_width, pad_str, truncate_str};

/// The space between two columns.
const GAP: usize = 2;

/// No column is made narrower than this to fit, so that each still says
/// something; a terminal too narrow for every column at this width wraps.
const NARROWEST: usize = 5;

/// How narrow the column that gives way first becomes before the others
/// give way too.
const FIRST_FLOOR: usize = 24;

/// The table, a line per row after the header; no line is wider than
/// `width` columns, when a width is given, as far as [`NARROWEST`] allows.
/// Column `first` (the title) is shortened first.
pub fn format<const N: usize>(
    header: [&str; N],
    rows: &[[String; N]],
    width: Option<usize>,
    first: usize,
) -> String {
    let mut widths = header.map(measure_text_width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(measure_text_width(cell));
        }
    }
    if let Some(width) = width {
        fit(&mut widths, width, first);
    }
    let line = |cells: [&str; N]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad_str(&truncate_str(c, w, "…"), w, Alignment::Left, None).into_owned())
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    for row in rows {
        out.push_str(&line(row.each_ref().map(String::as_str)));
    }
    out
}

/// Narrows column `first` down to [`FIRST_FLOOR`], then the widest column,
/// a column at a time, until the row fits in `width`, or every column is
/// as narrow as it may be.
fn fit(widths: &mut [usize], width: usize, first: usize) {
    let total: usize = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
    let mut excess = total.saturating_sub(width);
    if let Some(w) = widths.get_mut(first) {
        let given = excess.min(w.saturating_sub(FIRST_FLOOR));
        *w -= given;
        excess -= given;
    }
    while excess > 0 {
        let Some(widest) = widths
            .iter_mut()
            .filter(|w| **w > NARROWEST)
            .reduce(|a, b| if *b > *a { b } else { a })
        else {
            break;
        };
        *widest -= 1;
        excess -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<[String; 3]> {
        vec![
            [
                "cecot".into(),
                "Liberen a los migrantes venezolanos recluidos en el CECOT".into(),
                "es, en".into(),
            ],
            ["open".into(), "Short".into(), "français".into()],
        ]
    }

    #[test]
    fn without_a_width_nothing_is_shortened() {
        let table = format(["id", "title", "languages"], &rows(), None, 1);
        assert!(table.contains("recluidos en el CECOT"), "{table}");
        assert!(!table.contains('…'));
    }

    #[test]
    fn the_title_gives_way_first_with_an_ellipsis() {
        let table = format(["id", "title", "languages"], &rows(), Some(45), 1);
        for line in table.lines() {
            assert!(measure_text_width(line) <= 45, "{line:?}");
        }
        assert!(table.contains("Liberen a los migrantes ve…  "), "{table}");
        assert!(table.contains("français"), "{table}");
        assert!(table.contains("Short"), "{table}");
    }

    #[test]
    fn wide_characters_are_measured_by_the_columns_they_take() {
        let rows = vec![["王".repeat(30), "x".into()]];
        let table = format(["名", "y"], &rows, Some(20), 0);
        for line in table.lines() {
            assert!(measure_text_width(line) <= 20, "{line:?}");
        }
        assert!(table.contains('…'));
    }

    #[test]
    fn past_the_titles_floor_the_widest_other_column_gives_way() {
        let rows = vec![["a".repeat(10), "t".repeat(60), "l".repeat(60)]];
        let table = format(["id", "title", "languages"], &rows, Some(80), 1);
        let line = table.lines().nth(1).unwrap();
        assert_eq!(measure_text_width(line), 80, "{line:?}");
        assert!(
            line.contains(&format!("{}…  ", "t".repeat(FIRST_FLOOR - 1))),
            "{line}"
        );
        assert!(line.starts_with(&"a".repeat(10)), "{line}");
        assert!(line.ends_with(&format!("  {}…", "l".repeat(41))), "{line}");
    }
}
