//! Exact money: an amount in minor units (öre, cent) held in an `i64`.
//!
//! This module owns parsing money from canonical text and formatting it for people
//! and for JSON. It must never go through `f64` for arithmetic: sums are integer
//! sums, so every total equals the sum of its parts to the öre.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use serde::Serialize;

/// An amount in minor units (1/100 of the currency unit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_minor(minor: i64) -> Money {
        Money(minor)
    }

    pub const fn from_major(major: i64) -> Money {
        Money(major * 100)
    }

    pub const fn minor(self) -> i64 {
        self.0
    }

    /// Parses the canonical form: optional `-`, digits, optionally `.` and one or two
    /// decimals. No thousands separators, no currency: exports in other shapes are the
    /// CRM readers' business.
    pub fn parse(text: &str) -> Option<Money> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !is_digits(whole) || !is_digits(fraction) || fraction.len() > 2 {
            return None;
        }
        if digits.contains('.') && fraction.is_empty() {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let mut cents: i64 = fraction.parse().unwrap_or(0);
        if fraction.len() == 1 {
            cents *= 10;
        }
        let minor = whole.checked_mul(100)?.checked_add(cents)?;
        Some(Money(if negative { -minor } else { minor }))
    }

    /// `self × percent / 100`, rounded half away from zero to the minor unit. Weighted
    /// pipeline is rounded per deal so that every breakdown of it still sums exactly.
    pub fn percent(self, percent: u8) -> Money {
        let product = i128::from(self.0) * i128::from(percent);
        let rounded = if product >= 0 {
            (product + 50) / 100
        } else {
            (product - 50) / 100
        };
        Money(rounded as i64)
    }

    /// The ratio `self / other` for display (coverage, attainment); `None` when the
    /// divisor is not positive.
    pub fn ratio(self, other: Money) -> Option<f64> {
        (other.0 > 0).then(|| self.0 as f64 / other.0 as f64)
    }

    /// Mean of `count` amounts summing to `self`, rounded half away from zero.
    pub fn mean(self, count: u64) -> Option<Money> {
        if count == 0 {
            return None;
        }
        let count = i128::from(count);
        let total = i128::from(self.0);
        let rounded = if total >= 0 {
            (2 * total + count) / (2 * count)
        } else {
            (2 * total - count) / (2 * count)
        };
        Some(Money(rounded as i64))
    }

    /// The amount in major units as a JSON number. `minor / 100.0` is the double
    /// nearest the exact decimal, and serde_json prints the shortest text that reads
    /// back as that double, which is the decimal itself for any amount below about
    /// 10^13 major units: exact to the öre.
    pub fn as_major_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Canonical text with two decimals, e.g. `-1234.50`.
    pub fn canonical(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// A fixed exchange rate: base units per unit of another currency, exact to six
/// decimals (`11.50` is 11 500 000 millionths).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate {
    millionths: i64,
}

impl Rate {
    const SCALE: i64 = 1_000_000;

    /// Parses a positive decimal with at most six decimals: `"11.50"`, `"0.0925"`.
    pub fn parse(text: &str) -> Option<Rate> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 6 {
            return None;
        }
        if text.ends_with('.') {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let padded = format!("{fraction:0<6}");
        let fraction: i64 = padded.parse().ok()?;
        let millionths = whole.checked_mul(Self::SCALE)?.checked_add(fraction)?;
        (millionths > 0).then_some(Rate { millionths })
    }

    /// `amount` in the base currency: amount × rate, rounded half away from zero to
    /// the öre. Each deal is converted on its own, so sums of converted deals add up.
    pub fn convert(self, amount: Money) -> Money {
        let product = i128::from(amount.0) * i128::from(self.millionths);
        let scale = i128::from(Self::SCALE);
        let rounded = (product.abs() + scale / 2) / scale * product.signum();
        Money(i64::try_from(rounded).unwrap_or(if product < 0 { i64::MIN } else { i64::MAX }))
    }
}

impl fmt::Display for Rate {
    /// The rate with the decimals it needs, at least two: `11.50`, `0.0925`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.millionths / Self::SCALE;
        let fraction = format!("{:06}", self.millionths % Self::SCALE);
        let fraction = fraction.trim_end_matches('0');
        write!(f, "{whole}.{fraction:0<2}")
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_major_f64())
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_convert_exactly_per_deal() {
        let rate = Rate::parse("11.50").expect("a rate");
        assert_eq!(rate.to_string(), "11.50");
        // 42 000.00 EUR × 11.50 = 483 000.00 SEK.
        assert_eq!(
            rate.convert(Money::from_major(42_000)),
            Money::from_major(483_000)
        );
        // 0.05 EUR × 11.50 = 0.575 SEK, rounded half up to 0.58.
        assert_eq!(rate.convert(Money::from_minor(5)), Money::from_minor(58));
        let small = Rate::parse("0.0925").expect("a rate");
        assert_eq!(small.to_string(), "0.0925");
        // 100.00 × 0.0925 = 9.25.
        assert_eq!(
            small.convert(Money::from_major(100)),
            Money::from_minor(925)
        );
        for bad in ["", "0", "-1", "1.", "1.2345678", "1,5", "abc"] {
            assert_eq!(Rate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_canonical_forms() {
        assert_eq!(Money::parse("0"), Some(Money(0)));
        assert_eq!(Money::parse("125000"), Some(Money(12_500_000)));
        assert_eq!(Money::parse("84500.5"), Some(Money(8_450_050)));
        assert_eq!(Money::parse("84500.05"), Some(Money(8_450_005)));
        assert_eq!(Money::parse("-12.30"), Some(Money(-1_230)));
    }

    #[test]
    fn rejects_other_forms() {
        for bad in [
            "", "-", "1,5", "1 000", "12.", ".5", "1.234", "12,5O", "1e5", "+3", "SEK 5",
        ] {
            assert_eq!(Money::parse(bad), None, "{bad:?} should not parse");
        }
        assert_eq!(Money::parse("999999999999999999999"), None);
    }

    #[test]
    fn percent_rounds_half_away_from_zero_per_amount() {
        // 100.01 kr × 35 % = 35.0035 kr → 35.00 kr (3500 öre)
        assert_eq!(Money(10_001).percent(35), Money(3_500));
        // 0.10 kr × 25 % = 0.025 kr = 2.5 öre → 3 öre
        assert_eq!(Money(10).percent(25), Money(3));
        assert_eq!(Money(-10).percent(25), Money(-3));
        assert_eq!(Money(12_345).percent(100), Money(12_345));
        assert_eq!(Money(12_345).percent(0), Money(0));
    }

    #[test]
    fn mean_rounds_to_the_ore() {
        // (100.00 + 100.00 + 100.01) / 3 = 100.0033… → 100.00
        assert_eq!(Money(30_001).mean(3), Some(Money(10_000)));
        // 0.05 / 2 = 0.025 → 0.03
        assert_eq!(Money(5).mean(2), Some(Money(3)));
        assert_eq!(Money(5).mean(0), None);
    }

    #[test]
    fn json_is_exact_to_the_ore() {
        for minor in [0, 1, 5, 10, 99, 12_345, 8_450_050, 123_456_789_012, -1_230] {
            let json = serde_json::to_string(&Money(minor)).expect("serialises");
            let back: f64 = json.parse().expect("a number");
            assert_eq!((back * 100.0).round() as i64, minor, "{json}");
            assert!(
                json.split('.').nth(1).is_none_or(|d| d.len() <= 2),
                "{json}"
            );
        }
    }

    proptest::proptest! {
        /// The one rounding rule: per amount, half away from zero, so a weighted
        /// amount is never more than half an öre from the exact product.
        #[test]
        fn percent_is_within_half_an_ore(minor in -1_000_000_000_000i64..1_000_000_000_000, p in 0u8..=100) {
            let exact = i128::from(minor) * i128::from(p);
            let rounded = i128::from(Money(minor).percent(p).0) * 100;
            proptest::prop_assert!((rounded - exact).abs() <= 50);
        }

        /// Canonical text reads back as the same amount: no öre lost either way.
        #[test]
        fn canonical_text_round_trips(minor in -1_000_000_000_000_000i64..1_000_000_000_000_000) {
            proptest::prop_assert_eq!(Money::parse(&Money(minor).canonical()), Some(Money(minor)));
        }
    }

    #[test]
    fn canonical_text() {
        assert_eq!(Money(-1_230).canonical(), "-12.30");
        assert_eq!(Money(5).canonical(), "0.05");
        assert_eq!(Money(12_500_000).canonical(), "125000.00");
    }
}
