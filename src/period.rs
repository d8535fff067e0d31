//! Fiscal periods: years and quarters under a configurable fiscal-year start.
//!
//! A fiscal year is named by the calendar year it starts in: with the year starting
//! in July, fiscal 2026 runs from 2026-07-01 to 2027-06-30. This module owns that
//! arithmetic and nothing else; which period a page shows is the caller's choice.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

/// A fiscal year or one of its quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
}

impl Period {
    /// Parses `YYYY` or `YYYY-Qn` (n from 1 to 4).
    pub fn parse(text: &str) -> Option<Period> {
        let year_of = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match text.split_once("-Q") {
            None => year_of(text).map(Period::Year),
            Some((year, quarter)) => {
                let quarter: u8 = match quarter {
                    "1" => 1,
                    "2" => 2,
                    "3" => 3,
                    "4" => 4,
                    _ => return None,
                };
                year_of(year).map(|y| Period::Quarter(y, quarter))
            }
        }
    }

    pub fn fiscal_year(self) -> i32 {
        match self {
            Period::Year(year) | Period::Quarter(year, _) => year,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(year) => write!(f, "{year:04}"),
            Period::Quarter(year, quarter) => write!(f, "{year:04}-Q{quarter}"),
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
        let year_start = NaiveDate::from_ymd_opt(period.fiscal_year(), self.start_month, 1)?;
        let (first_month, months) = match period {
            Period::Year(_) => (0, 12),
            Period::Quarter(_, quarter) => (3 * (u32::from(quarter) - 1), 3),
        };
        let start = year_start.checked_add_months(Months::new(first_month))?;
        let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
        Some(DateRange { start, end })
    }

    /// The period's name for people: `2026` or `2025/26` for a year that does not
    /// start in January; `Q3 2026` for a quarter.
    pub fn label(self, period: Period) -> String {
        let year = match period.fiscal_year() {
            y if self.start_month == 1 => y.to_string(),
            y => format!("{y}/{:02}", (y + 1).rem_euclid(100)),
        };
        match period {
            Period::Year(_) => year,
            Period::Quarter(_, quarter) => format!("Q{quarter} {year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "26", "2026-Q5", "2026-Q0", "2026Q1", "FY2026", "2026-q1", "",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
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
