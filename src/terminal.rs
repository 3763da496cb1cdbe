//! How wide the terminal is: asked in one place, for tables and for text
//! wrapped to the screen.

use std::io::IsTerminal;

/// The columns of the terminal stdout is, when it is one.
pub fn stdout_columns() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
}

/// The width a table must fit on stdout: `COLUMNS` when it is set (a
/// number above 0), else the terminal's; none when stdout is a pipe or a
/// file, whose reader takes whole lines.
pub fn table_width() -> Option<usize> {
    table_width_of(std::env::var("COLUMNS").ok().as_deref(), stdout_columns)
}

fn table_width_of(
    columns: Option<&str>,
    terminal: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_and_nonsense_in_it_is_ignored() {
        assert_eq!(table_width_of(Some("120"), || Some(80)), Some(120));
        assert_eq!(table_width_of(Some("wide"), || Some(80)), Some(80));
        assert_eq!(table_width_of(Some("0"), || None), None);
        assert_eq!(table_width_of(None, || None), None);
    }
}
