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

/// Parses `YYYY-MM-DD`, optionally followed (after `T` or a space) by a
/// time of day `HH:MM`, `HH:MM:SS` or with fractions, and a zone (`Z`,
/// `+HH:MM`), which is checked and then ignored.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let (day_part, time) = match text.find(['T', 't', ' ']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
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
    if !(1..=12).contains(&month) {
        return Err(format!(
            "`{text}` is not a valid date: there is no month {month}"
        ));
    }
    let last = days_in_month(year, month);
    if day == 0 || day > last {
        return Err(format!(
            "`{text}` is not a valid date: {} {year} has {last} days",
            MONTHS[usize::from(month) - 1]
        ));
    }
    if time.is_some_and(|time| !is_time_of_day(time.trim())) {
        return Err(format!(
            "`{text}` has something after the date that is not a time of day; write the date as YYYY-MM-DD, e.g. 2021-02-22"
        ));
    }
    Ok(Date { year, month, day })
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, then nothing, `Z` or `±HH:MM`.
fn is_time_of_day(time: &str) -> bool {
    let two_digits = |s: &str, max: u8| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u8>().is_ok_and(|n| n <= max)
    };
    let (clock, zone) = match time.find(['Z', 'z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => (time, ""),
    };
    let clock = clock.trim_end();
    let (clock, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
    let fields: Vec<&str> = clock.split(':').collect();
    let clock_ok = matches!(fields.len(), 2 | 3)
        && two_digits(fields[0], 23)
        && fields[1..].iter().all(|f| two_digits(f, 59))
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit());
    let zone_ok = match zone {
        "" | "Z" | "z" => true,
        _ => zone[1..]
            .split_once(':')
            .is_some_and(|(h, m)| two_digits(h, 23) && two_digits(m, 59)),
    };
    clock_ok && zone_ok
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
        assert!(parse_date("2021-02-22 10:30").is_ok());
        assert!(parse_date("2021-02-22T10:30:00.5+02:00").is_ok());
        assert!(parse_date("2021-02-22 not a time at all").is_err());
        assert!(parse_date("2021-02-22T99:00").is_err());
        let february = parse_date("2025-02-30").unwrap_err();
        assert!(february.contains("February 2025 has 28 days"), "{february}");
        assert!(!february.contains("write it as"), "{february}");
    }
}
