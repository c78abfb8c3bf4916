//! Calendar dates as briefings carry them: `YYYY-MM-DD`, checked for real.

use std::fmt;

use serde::Serialize;

/// A calendar day. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// `22 February 2021`, for people.
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month) - 1],
            self.year
        )
    }

    /// RFC 3339 midnight UTC, for Atom feeds and JSON-LD.
    pub fn rfc3339(&self) -> String {
        format!("{self}T00:00:00Z")
    }
}

/// Parses `YYYY-MM-DD` (a time part after `T` or a space is ignored).
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let day_part = text.split(['T', ' ']).next().unwrap_or(text);
    let invalid =
        || format!("`{text}` is not a valid date; write it as YYYY-MM-DD, e.g. 2021-02-22");
    let mut parts = day_part.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(invalid());
    }
    let year: u16 = y.parse().map_err(|_| invalid())?;
    let month: u8 = m.parse().map_err(|_| invalid())?;
    let day: u8 = d.parse().map_err(|_| invalid())?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(invalid());
    }
    Ok(Date { year, month, day })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(parse_date("2021-02-22").unwrap().to_string(), "2021-02-22");
        assert_eq!(
            parse_date("2020-02-29T10:00:00Z").unwrap().long(),
            "29 February 2020"
        );
        assert!(parse_date("2021-02-29").is_err());
        assert!(parse_date("2021-13-01").is_err());
        assert!(parse_date("22/02/2021").is_err());
        assert!(parse_date("2021-2-2").is_err());
    }
}
