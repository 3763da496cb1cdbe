//! Today's date and where an action's deadline stands relative to it.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// Today in local time, or `APPEAL_TODAY` (YYYY-MM-DD) for reproducible output.
pub fn today() -> Result<NaiveDate> {
    match std::env::var("APPEAL_TODAY") {
        Ok(s) if !s.is_empty() => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
            Error::Usage(crate::ui::msg!(
                "deadline-today-invalid",
                value = s.as_str(),
                error = e.to_string()
            ))
        }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Days from `today` to `deadline`: positive while there is time, 0 on the
/// day itself, negative once it has passed.
pub fn days_left(deadline: NaiveDate, today: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

/// `12 days left`, `last day`, `passed 3 days ago`.
pub fn describe(deadline: NaiveDate, today: NaiveDate) -> String {
    match days_left(deadline, today) {
        n if n >= 0 => crate::ui::tr!("deadline-left", days = n),
        n => crate::ui::tr!("deadline-passed", days = -n),
    }
}

/// A deadline as `list` and `show` print it: `2025-07-01 (passed 3 days
/// ago)`, or `no deadline`.
pub fn shown(deadline: Option<NaiveDate>, today: NaiveDate) -> String {
    match deadline {
        Some(d) => format!("{} ({})", d.format("%Y-%m-%d"), describe(d, today)),
        None => crate::ui::tr!("deadline-none"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_each_side_of_the_deadline() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let day = |m, dd| NaiveDate::from_ymd_opt(2025, m, dd).unwrap();
        assert_eq!(describe(d, day(6, 21)), "10 days left");
        assert_eq!(describe(d, day(6, 30)), "1 day left");
        assert_eq!(describe(d, day(7, 1)), "last day");
        assert_eq!(describe(d, day(7, 2)), "passed yesterday");
        assert_eq!(describe(d, day(7, 11)), "passed 10 days ago");
    }
}
