//! Dates as exports write them.
//!
//! ISO dates and date-times (`2026-03-31`, `2026-03-31 14:05`, `2026-03-31T14:05:00Z`)
//! are read in every source; a source may name the form its CRM writes instead:
//! `M/D/YYYY` (Salesforce and HubSpot in a US locale), `D/M/YYYY`, `D.M.YYYY`, each
//! optionally followed by a time, which is dropped.

use chrono::NaiveDate;

/// A date form a source can name in `pipepress.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub enum DateFormat {
    #[serde(rename = "YYYY-MM-DD")]
    Iso,
    #[serde(rename = "M/D/YYYY")]
    MonthDayYear,
    #[serde(rename = "D/M/YYYY")]
    DayMonthYear,
    #[serde(rename = "D.M.YYYY")]
    DayMonthYearDots,
}

impl DateFormat {
    /// How the form is written, for messages: "M/D/YYYY (e.g. 3/31/2026)".
    pub fn example(self) -> &'static str {
        match self {
            DateFormat::Iso => "YYYY-MM-DD (e.g. 2026-03-31)",
            DateFormat::MonthDayYear => "M/D/YYYY (e.g. 3/31/2026)",
            DateFormat::DayMonthYear => "D/M/YYYY (e.g. 31/3/2026)",
            DateFormat::DayMonthYearDots => "D.M.YYYY (e.g. 31.3.2026)",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DateFormat::Iso => "YYYY-MM-DD",
            DateFormat::MonthDayYear => "M/D/YYYY",
            DateFormat::DayMonthYear => "D/M/YYYY",
            DateFormat::DayMonthYearDots => "D.M.YYYY",
        }
    }
}

/// Reads a date in the form `format`; ISO dates are always accepted too.
pub fn parse_date(text: &str, format: DateFormat) -> Option<NaiveDate> {
    let text = text.trim();
    let date_part = text.split([' ', 'T']).next().unwrap_or("");
    let time_part = text[date_part.len()..].trim_start_matches(['T', ' ']);
    if !time_part.is_empty() && !is_time(time_part) {
        return None;
    }
    iso(date_part).or_else(|| match format {
        DateFormat::Iso => None,
        DateFormat::MonthDayYear => numeric(date_part, '/').and_then(|(m, d, y)| ymd(y, m, d)),
        DateFormat::DayMonthYear => numeric(date_part, '/').and_then(|(d, m, y)| ymd(y, m, d)),
        DateFormat::DayMonthYearDots => numeric(date_part, '.').and_then(|(d, m, y)| ymd(y, m, d)),
    })
}

fn iso(text: &str) -> Option<NaiveDate> {
    crate::period::parse_iso_date(text)
}

fn numeric(text: &str, separator: char) -> Option<(u32, u32, i32)> {
    let mut parts = text.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !short(a) || !short(b) || c.len() != 4 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?))
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `14:05`, `14:05:00`, `2:05 PM`, `14:05:00.000Z`, `14:05:00+01:00`.
fn is_time(text: &str) -> bool {
    let text = text
        .trim_end_matches("AM")
        .trim_end_matches("PM")
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end()
        .trim_end_matches('Z');
    let text = match text.rfind(['+', '-']) {
        Some(i) if i > 0 => &text[..i],
        _ => text,
    };
    let mut parts = text.split(':');
    let hour = parts.next().unwrap_or("");
    let minute = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("00");
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let seconds = rest.split('.').next().unwrap_or("");
    parts.next().is_none() && digits(hour, 1..=2) && digits(minute, 2..=2) && digits(seconds, 2..=2)
}

/// The date of an Excel serial day number (1900 date system, as Excel counts it:
/// day 60 is the 29 February 1900 that never was, so serials from 61 on are one day
/// ahead). Fractions are times of day and are dropped.
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if days < 61 { days + 1 } else { days };
    base.checked_add_signed(chrono::Duration::days(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn iso_dates_and_date_times_everywhere() {
        for text in [
            "2026-03-31",
            "2026-03-31 14:05",
            "2026-03-31T14:05:00Z",
            "2026-03-31 14:05:00.000",
            "2026-03-31T14:05:00+02:00",
        ] {
            assert_eq!(
                parse_date(text, DateFormat::Iso),
                date(2026, 3, 31),
                "{text}"
            );
            assert_eq!(
                parse_date(text, DateFormat::MonthDayYear),
                date(2026, 3, 31),
                "{text}"
            );
        }
    }

    #[test]
    fn us_and_european_forms_when_named() {
        assert_eq!(
            parse_date("3/31/2026", DateFormat::MonthDayYear),
            date(2026, 3, 31)
        );
        assert_eq!(
            parse_date("3/1/2026 9:14 AM", DateFormat::MonthDayYear),
            date(2026, 3, 1)
        );
        assert_eq!(
            parse_date("3/1/2026", DateFormat::DayMonthYear),
            date(2026, 1, 3)
        );
        assert_eq!(
            parse_date("31.3.2026", DateFormat::DayMonthYearDots),
            date(2026, 3, 31)
        );
        assert_eq!(parse_date("3/31/2026", DateFormat::Iso), None);
        assert_eq!(parse_date("31/3/2026", DateFormat::MonthDayYear), None);
        assert_eq!(parse_date("2026-3-31", DateFormat::Iso), None);
        assert_eq!(parse_date("2026-03-31 noon", DateFormat::Iso), None);
    }

    #[test]
    fn excel_serials() {
        // 46112 is 2026-03-31: Excel's own =DATE(2026,3,31).
        assert_eq!(from_excel_serial(46112.0), date(2026, 3, 31));
        assert_eq!(from_excel_serial(46112.75), date(2026, 3, 31));
        assert_eq!(from_excel_serial(1.0), date(1900, 1, 1));
        assert_eq!(from_excel_serial(61.0), date(1900, 3, 1));
        assert_eq!(from_excel_serial(-3.0), None);
    }
}
