//! Periods: fiscal years and quarters under a configurable fiscal-year start, and
//! calendar months and ISO weeks.
//!
//! A fiscal year is named by the calendar year it starts in: with the year starting
//! in July, fiscal 2026 runs from 2026-07-01 to 2027-06-30. Months and weeks do not
//! depend on the fiscal year: `2026-03` is March 2026 and `2026-W07` the seventh
//! ISO week of 2026 (Monday to Sunday). This module owns that arithmetic and nothing
//! else; which period a page shows is the caller's choice.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

/// A fiscal year or one of its quarters, a calendar month or an ISO week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    /// Calendar year and month 1-12.
    Month(i32, u8),
    /// ISO week-numbering year and week 1-53.
    Week(i32, u8),
}

impl Period {
    /// Parses `YYYY`, `YYYY-Qn` (n from 1 to 4), `YYYY-MM` (a calendar month) or
    /// `YYYY-Wnn` (an ISO week, two digits, that exists in that ISO year).
    pub fn parse(text: &str) -> Option<Period> {
        let digits = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let Some((year, rest)) = text.split_once('-') else {
            return digits(text, 4).map(|y| Period::Year(y as i32));
        };
        let year = digits(year, 4)? as i32;
        if let Some(quarter) = rest.strip_prefix('Q') {
            let quarter = digits(quarter, 1).filter(|q| (1..=4).contains(q))?;
            return Some(Period::Quarter(year, quarter as u8));
        }
        if let Some(week) = rest.strip_prefix('W') {
            let week = digits(week, 2)?;
            NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
            return Some(Period::Week(year, week as u8));
        }
        let month = digits(rest, 2).filter(|m| (1..=12).contains(m))?;
        Some(Period::Month(year, month as u8))
    }

    /// The fiscal year of a year or quarter; for a month its calendar year, for a
    /// week its ISO year.
    pub fn fiscal_year(self) -> i32 {
        match self {
            Period::Year(year)
            | Period::Quarter(year, _)
            | Period::Month(year, _)
            | Period::Week(year, _) => year,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(year) => write!(f, "{year:04}"),
            Period::Quarter(year, quarter) => write!(f, "{year:04}-Q{quarter}"),
            Period::Month(year, month) => write!(f, "{year:04}-{month:02}"),
            Period::Week(year, week) => write!(f, "{year:04}-W{week:02}"),
        }
    }
}

/// An inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Days from start to end, both counted.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// The company's fiscal calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalCalendar {
    start_month: u32,
}

impl FiscalCalendar {
    /// `start_month` is 1 (January) to 12; `None` outside that range.
    pub fn new(start_month: u32) -> Option<FiscalCalendar> {
        (1..=12)
            .contains(&start_month)
            .then_some(FiscalCalendar { start_month })
    }

    pub fn start_month(self) -> u32 {
        self.start_month
    }

    /// The fiscal year containing `date`.
    pub fn year_of(self, date: NaiveDate) -> Period {
        let year = if date.month() >= self.start_month {
            date.year()
        } else {
            date.year() - 1
        };
        Period::Year(year)
    }

    /// The fiscal quarter containing `date`.
    pub fn quarter_of(self, date: NaiveDate) -> Period {
        let year = self.year_of(date).fiscal_year();
        let months_in = (date.month() + 12 - self.start_month) % 12;
        Period::Quarter(year, (months_in / 3 + 1) as u8)
    }

    /// The dates a period covers; `None` only for years chrono cannot represent.
    pub fn range(self, period: Period) -> Option<DateRange> {
        match period {
            Period::Month(year, month) => {
                let start = NaiveDate::from_ymd_opt(year, u32::from(month), 1)?;
                let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
                return Some(DateRange { start, end });
            }
            Period::Week(year, week) => {
                let start =
                    NaiveDate::from_isoywd_opt(year, u32::from(week), chrono::Weekday::Mon)?;
                let end = start.checked_add_days(chrono::Days::new(6))?;
                return Some(DateRange { start, end });
            }
            Period::Year(_) | Period::Quarter(..) => {}
        }
        let year_start = NaiveDate::from_ymd_opt(period.fiscal_year(), self.start_month, 1)?;
        let (first_month, months) = match period {
            Period::Quarter(_, quarter) => (3 * (u32::from(quarter).max(1) - 1), 3),
            _ => (0, 12),
        };
        let start = year_start.checked_add_months(Months::new(first_month))?;
        let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
        Some(DateRange { start, end })
    }

    /// The period's name for people: `2026` or `2025/26` for a year that does not
    /// start in January; `Q3 2026` for a quarter; `2026-03` for a month and
    /// `2026-W07` for a week, as they are written.
    pub fn label(self, period: Period) -> String {
        let year = match period.fiscal_year() {
            y if self.start_month == 1 => y.to_string(),
            y => format!("{y}/{:02}", (y + 1).rem_euclid(100)),
        };
        match period {
            Period::Year(_) => year,
            Period::Quarter(_, quarter) => format!("Q{quarter} {year}"),
            Period::Month(..) | Period::Week(..) => period.to_string(),
        }
    }
}

/// A date written exactly `YYYY-MM-DD`, the one form pipepress's own files use.
///
/// The same answer as chrono's `parse_from_str(text, "%Y-%m-%d")` restricted to ten
/// characters, without interpreting a format string per call: deal files hold
/// several dates per row and millions of rows.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_exactly_as_chrono_does() {
        assert_eq!(parse_iso_date("2026-03-31"), Some(date(2026, 3, 31)));
        assert_eq!(parse_iso_date("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(parse_iso_date("0001-01-01"), Some(date(1, 1, 1)));
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "2026-1-01",
            "2026-01-1 ",
            "2026/01/01",
            "+2026-01-0",
            "2026-01-01T",
            "",
            "２０２６-01-01",
            "20260101",
            "2026-0a-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
            let chrono = NaiveDate::parse_from_str(bad, "%Y-%m-%d")
                .ok()
                .filter(|_| bad.len() == 10);
            assert_eq!(chrono, None, "{bad:?} is not a date to chrono either");
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn parses_years_and_quarters() {
        assert_eq!(Period::parse("2026"), Some(Period::Year(2026)));
        assert_eq!(Period::parse("2026-Q4"), Some(Period::Quarter(2026, 4)));
        // Found by fuzzing: a year before 1000 must print back as it parses.
        assert_eq!(
            Period::parse("0222").map(|p| p.to_string()).as_deref(),
            Some("0222")
        );
        for bad in [
            "26", "2026-Q5", "2026-Q0", "2026Q1", "FY2026", "2026-q1", "", "2026-13", "2026-00",
            "2026-3", "2026-W7", "2026-W00", "2026-W54", "2026-w07", "2026-M03", "2026-Q1x",
            // 2026 has 53 ISO weeks, 2027 only 52.
            "2027-W53",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_and_iso_weeks() {
        assert_eq!(Period::parse("2026-03"), Some(Period::Month(2026, 3)));
        assert_eq!(Period::parse("2026-W07"), Some(Period::Week(2026, 7)));
        assert_eq!(Period::parse("2026-W53"), Some(Period::Week(2026, 53)));
        for text in ["2026-03", "2026-W07", "0999-W01"] {
            assert_eq!(
                Period::parse(text).map(|p| p.to_string()).as_deref(),
                Some(text)
            );
        }
        // Months and weeks ignore the fiscal year's start.
        let cal = FiscalCalendar::new(7).expect("valid");
        let feb = cal.range(Period::Month(2028, 2)).expect("range");
        assert_eq!((feb.start, feb.end), (date(2028, 2, 1), date(2028, 2, 29)));
        // ISO week 1 of 2026 starts on Monday 2025-12-29 (2026-01-01 is a Thursday);
        // week 7 is six weeks later: 2026-02-09 to 2026-02-15.
        let w1 = cal.range(Period::Week(2026, 1)).expect("range");
        assert_eq!((w1.start, w1.end), (date(2025, 12, 29), date(2026, 1, 4)));
        let w7 = cal.range(Period::Week(2026, 7)).expect("range");
        assert_eq!((w7.start, w7.end), (date(2026, 2, 9), date(2026, 2, 15)));
        assert_eq!(cal.label(Period::Week(2026, 7)), "2026-W07");
        assert_eq!(cal.label(Period::Month(2026, 3)), "2026-03");
    }

    #[test]
    fn calendar_year_fiscal_year() {
        let cal = FiscalCalendar::new(1).expect("valid");
        assert_eq!(cal.year_of(date(2026, 11, 15)), Period::Year(2026));
        assert_eq!(cal.quarter_of(date(2026, 11, 15)), Period::Quarter(2026, 4));
        assert_eq!(cal.quarter_of(date(2026, 3, 31)), Period::Quarter(2026, 1));
        let q4 = cal.range(Period::Quarter(2026, 4)).expect("range");
        assert_eq!((q4.start, q4.end), (date(2026, 10, 1), date(2026, 12, 31)));
        assert_eq!(q4.days(), 92);
    }

    #[test]
    fn fiscal_year_starting_in_july() {
        let cal = FiscalCalendar::new(7).expect("valid");
        // 2026-03-10 lies in the year that started 2025-07-01, in its third quarter
        // (Jan-Mar).
        assert_eq!(cal.year_of(date(2026, 3, 10)), Period::Year(2025));
        assert_eq!(cal.quarter_of(date(2026, 3, 10)), Period::Quarter(2025, 3));
        assert_eq!(cal.quarter_of(date(2026, 7, 1)), Period::Quarter(2026, 1));
        let year = cal.range(Period::Year(2025)).expect("range");
        assert_eq!(
            (year.start, year.end),
            (date(2025, 7, 1), date(2026, 6, 30))
        );
        assert_eq!(cal.label(Period::Year(2025)), "2025/26");
        assert_eq!(cal.label(Period::Quarter(2025, 3)), "Q3 2025/26");
        assert_eq!(FiscalCalendar::new(13), None);
        assert_eq!(FiscalCalendar::new(0), None);
    }
}
