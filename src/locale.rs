//! Numbers, money, percentages and dates as people read them, in Swedish or English.
//!
//! All formatting for pages happens here, in Rust, so templates only place strings.
//! Money on pages is exact: whole amounts print without decimals and amounts with
//! öre print both decimals, so the parts of any table add up to its total as shown.

use chrono::{Datelike, NaiveDate};

use crate::config::Language;
use crate::money::Money;

/// Formats for one site.
#[derive(Debug, Clone)]
pub struct Locale {
    pub language: Language,
    pub currency: String,
}

const NBSP: char = '\u{a0}';

/// Month names as Swedish writes them (lower case) and English (capitalised).
const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
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

impl Locale {
    pub fn new(language: Language, currency: &str) -> Locale {
        Locale {
            language,
            currency: currency.to_string(),
        }
    }

    fn group_separator(&self) -> char {
        match self.language {
            Language::Sv => NBSP,
            Language::En => ',',
        }
    }

    fn decimal_separator(&self) -> char {
        match self.language {
            Language::Sv => ',',
            Language::En => '.',
        }
    }

    /// A whole number with thousands grouped: `1 250 000` or `1,250,000`.
    pub fn integer(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('−');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.group_separator());
            }
            out.push(c);
        }
        out
    }

    /// An exact amount without the currency: `1 250 000` or `1 250 000,50`.
    pub fn amount(&self, money: Money) -> String {
        let minor = money.minor();
        let whole = self.integer(minor / 100);
        let whole = if minor < 0 && minor > -100 {
            format!("−{whole}")
        } else {
            whole
        };
        match (minor % 100).unsigned_abs() {
            0 => whole,
            cents => format!("{whole}{}{cents:02}", self.decimal_separator()),
        }
    }

    /// An exact amount with the currency: `1 250 000 kr` / `SEK 1,250,000`.
    pub fn money(&self, money: Money) -> String {
        let amount = self.amount(money);
        match (self.language, self.currency.as_str()) {
            (Language::Sv, "SEK") => format!("{amount}{NBSP}kr"),
            (Language::Sv, code) => format!("{amount}{NBSP}{code}"),
            (Language::En, code) => format!("{code}{NBSP}{amount}"),
        }
    }

    /// A short amount for chart axes and tiles: `12,5 Mkr`, `SEK 12.5M`, `850 tkr`.
    pub fn money_short(&self, money: Money) -> String {
        let major = money.minor() as f64 / 100.0;
        let (scaled, suffix_sv, suffix_en) = match major.abs() {
            m if m >= 1e9 => (major / 1e9, "mdkr", "bn"),
            m if m >= 1e6 => (major / 1e6, "Mkr", "M"),
            m if m >= 1e3 => (major / 1e3, "tkr", "k"),
            _ => (major, "kr", ""),
        };
        let digits = if scaled.abs() >= 100.0 || scaled.fract() == 0.0 {
            0
        } else {
            1
        };
        let number =
            format!("{scaled:.digits$}").replace('.', &self.decimal_separator().to_string());
        let number = number.replace('-', "−");
        match (self.language, self.currency.as_str()) {
            (Language::Sv, "SEK") => format!("{number}{NBSP}{suffix_sv}"),
            (Language::Sv, code) => format!("{number}{}{NBSP}{code}", suffix_en),
            (Language::En, code) => format!("{code}{NBSP}{number}{suffix_en}"),
        }
    }

    /// A ratio as a percentage with one decimal: `45,0 %` / `45.0%`.
    pub fn percent(&self, ratio: f64) -> String {
        let number = self.decimal(ratio * 100.0, 1);
        match self.language {
            Language::Sv => format!("{number}{NBSP}%"),
            Language::En => format!("{number}%"),
        }
    }

    /// A ratio like coverage: `2,5×`.
    pub fn times(&self, ratio: f64) -> String {
        format!("{}×", self.decimal(ratio, 1))
    }

    /// A number with fixed decimals and the language's separators.
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole: i64 = whole.parse().unwrap_or(0);
        let negative = value < 0.0 && text.starts_with('-');
        let mut out = self.integer(whole.abs());
        if negative {
            out.insert(0, '−');
        }
        if !fraction.is_empty() {
            out.push(self.decimal_separator());
            out.push_str(fraction);
        }
        out
    }

    /// Days: `101 days` / `101 d`, rounding means to whole days. Swedish uses the
    /// abbreviation, which also reads right among English labels.
    pub fn days(&self, days: f64) -> String {
        let n = days.round() as i64;
        match (self.language, n) {
            (Language::Sv, n) => format!("{}{NBSP}d", self.integer(n)),
            (Language::En, 1) => "1 day".into(),
            (Language::En, n) => format!("{} days", self.integer(n)),
        }
    }

    /// Dates are ISO 8601 in both languages (the Swedish standard form too).
    pub fn date(&self, date: NaiveDate) -> String {
        // chrono's `Display` of a date is `%Y-%m-%d`, written without a format parser.
        date.to_string()
    }

    fn month_name(&self, date: NaiveDate) -> &'static str {
        let names = match self.language {
            Language::Sv => &MONTHS_SV,
            Language::En => &MONTHS_EN,
        };
        names[date.month0() as usize]
    }

    /// A month and year in full: `november 2026` / `November 2026`.
    pub fn month_year(&self, date: NaiveDate) -> String {
        format!("{} {}", self.month_name(date), date.year())
    }

    /// A month and year, short, for chart axes: `jan 2026` / `Jan 2026`. The
    /// Swedish form has no full stop, as Swedish writes the short month names.
    pub fn month_short(&self, date: NaiveDate) -> String {
        let short: String = self.month_name(date).chars().take(3).collect();
        format!("{short} {}", date.year())
    }

    /// An ISO week: `v. 47` / `W47`, with its ISO year when asked for:
    /// `v. 47 2026` / `W47 2026`.
    pub fn week(&self, date: NaiveDate, with_year: bool) -> String {
        let week = date.iso_week();
        let label = match self.language {
            Language::Sv => format!("v.{NBSP}{}", week.week()),
            Language::En => format!("W{:02}", week.week()),
        };
        if with_year {
            format!("{label} {}", week.year())
        } else {
            label
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv() -> Locale {
        Locale::new(Language::Sv, "SEK")
    }

    fn en() -> Locale {
        Locale::new(Language::En, "SEK")
    }

    #[test]
    fn exact_money_in_both_languages() {
        let m = Money::from_minor(125_000_050);
        assert_eq!(sv().money(m), "1\u{a0}250\u{a0}000,50\u{a0}kr");
        assert_eq!(en().money(m), "SEK\u{a0}1,250,000.50");
        assert_eq!(sv().money(Money::from_major(1_000)), "1\u{a0}000\u{a0}kr");
        assert_eq!(sv().money(Money::from_minor(5)), "0,05\u{a0}kr");
        assert_eq!(sv().money(Money::from_minor(-5)), "−0,05\u{a0}kr");
        assert_eq!(
            en().money(Money::from_minor(-123_456)),
            "SEK\u{a0}−1,234.56"
        );
    }

    #[test]
    fn dates_are_iso_with_four_digit_years_in_both_languages() {
        let date = NaiveDate::from_ymd_opt(987, 3, 5).expect("date");
        assert_eq!(sv().date(date), "0987-03-05");
        assert_eq!(en().date(date), "0987-03-05");
        let date = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        assert_eq!(sv().date(date), "2026-12-31");
    }

    #[test]
    fn short_money_for_axes() {
        assert_eq!(
            sv().money_short(Money::from_major(12_500_000)),
            "12,5\u{a0}Mkr"
        );
        assert_eq!(
            en().money_short(Money::from_major(12_500_000)),
            "SEK\u{a0}12.5M"
        );
        assert_eq!(sv().money_short(Money::from_major(850_000)), "850\u{a0}tkr");
        assert_eq!(sv().money_short(Money::ZERO), "0\u{a0}kr");
    }

    #[test]
    fn months_and_weeks_in_words() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        assert_eq!(sv().month_year(d), "november 2026");
        assert_eq!(en().month_year(d), "November 2026");
        assert_eq!(sv().month_short(d), "nov 2026");
        assert_eq!(en().month_short(d), "Nov 2026");
        let may = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        assert_eq!(sv().month_short(may), "maj 2026");
        // 2026-11-20 is a Friday in ISO week 47; 2027-01-01 a Friday in week 53 of 2026.
        assert_eq!(sv().week(d, false), "v.\u{a0}47");
        assert_eq!(en().week(d, false), "W47");
        let new_year = NaiveDate::from_ymd_opt(2027, 1, 1).expect("date");
        assert_eq!(sv().week(new_year, true), "v.\u{a0}53 2026");
        assert_eq!(en().week(new_year, true), "W53 2026");
        assert_eq!(sv().date(d), "2026-11-20");
    }

    #[test]
    fn percentages_ratios_and_days() {
        assert_eq!(sv().percent(0.45), "45,0\u{a0}%");
        assert_eq!(en().percent(2.0 / 3.0), "66.7%");
        assert_eq!(sv().times(2.54), "2,5×");
        assert_eq!(en().days(101.4), "101 days");
        assert_eq!(sv().days(1.0), "1\u{a0}d");
        assert_eq!(en().days(1.0), "1 day");
        assert_eq!(en().decimal(-1234.56, 1), "−1,234.6");
    }
}
