//! The number, period and date parsers: never a panic, and what parses reads back
//! the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pipepress::money::Money;
use pipepress::period::{FiscalCalendar, Period};

fuzz_target!(|text: &str| {
    if let Some(money) = Money::parse(text) {
        assert_eq!(Money::parse(&money.canonical()), Some(money));
        let _ = money.percent(37);
    }
    if let Some(period) = Period::parse(text) {
        assert_eq!(Period::parse(&period.to_string()), Some(period));
        for month in [1, 7, 12] {
            let calendar = FiscalCalendar::new(month).expect("a month");
            if let Some(range) = calendar.range(period) {
                assert!(range.start <= range.end);
                // Years and quarters are fiscal; months and weeks are calendar periods.
                if matches!(period, Period::Year(_) | Period::Quarter(..)) {
                    assert_eq!(
                        calendar.year_of(range.start).fiscal_year(),
                        period.fiscal_year()
                    );
                }
            }
        }
    }
    let _ = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d");
    let (line, column) = pipepress::error::line_column(text, text.len() / 2);
    assert!(line >= 1 && column >= 1);
});
