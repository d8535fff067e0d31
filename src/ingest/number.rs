//! Amounts and probabilities as people and CRMs write them.
//!
//! English `1,250,000.00`, Swedish `1 250 000,00` (grouped by a space, a no-break
//! space or a narrow no-break space), a currency before or after (`60 000 kr`,
//! `42 000 EUR`, `SEK 1,250`, `€5`), the typographic minus U+2212, and percentages
//! (`25 %`, `0.35`). A lone separator followed by exactly three digits (`1,250`) is
//! ambiguous; the source's [`NumberStyle`] settles it.

use crate::money::Money;

/// Which reading a source's ambiguous numbers get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberStyle {
    /// `,` groups thousands, `.` is the decimal point.
    #[default]
    En,
    /// `,` is the decimal comma; spaces group thousands.
    Sv,
}

/// An amount read from a cell, with the currency written beside it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub money: Money,
    pub currency: Option<String>,
}

/// A decimal number: `digits × 10^-scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decimal {
    digits: i128,
    scale: u32,
}

const GROUPING_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Reads an amount; `None` when `text` is not one (or has more than two decimals).
pub fn parse_amount(text: &str, style: NumberStyle) -> Option<Amount> {
    let text = text.trim().replace('\u{2212}', "-");
    let (number, currency) = split_currency(&text)?;
    let mut decimal = parse_decimal(number, style)?;
    // Trailing zeros beyond the öre do not count: "1,250" in Swedish is 1.25.
    while decimal.scale > 2 && decimal.digits % 10 == 0 {
        decimal.digits /= 10;
        decimal.scale -= 1;
    }
    if decimal.scale > 2 {
        return None;
    }
    let minor = decimal.digits.checked_mul(10i128.pow(2 - decimal.scale))?;
    Some(Amount {
        money: Money::from_minor(i64::try_from(minor).ok()?),
        currency,
    })
}

/// Reads a win probability as whole percent: `35`, `35 %`, `35%` or the fraction
/// `0.35`. A number with decimals from 0 to 1 without `%` is a fraction; any other is
/// percent. `None` when it is not a whole percent from 0 to 100.
pub fn parse_percent(text: &str, style: NumberStyle) -> Option<u8> {
    let text = text.trim();
    let (number, percent_sign) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let decimal = parse_decimal(number, style)?;
    let unit = 10i128.pow(decimal.scale);
    let hundredths_fraction = !percent_sign && decimal.scale > 0 && decimal.digits <= unit;
    let (numerator, denominator) = match hundredths_fraction {
        true => (decimal.digits * 100, unit),
        false => (decimal.digits, unit),
    };
    if numerator % denominator != 0 {
        return None;
    }
    u8::try_from(numerator / denominator)
        .ok()
        .filter(|p| *p <= 100)
}

/// The number and the currency code written before or after it. `kr` is SEK; the
/// symbols €, $ and £ are EUR, USD and GBP. Anything else that is not a three-letter
/// code makes the text not an amount.
fn split_currency(text: &str) -> Option<(&str, Option<String>)> {
    let is_number = |c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | ',' | '.');
    let start = text.find(is_number)?;
    let end = text.rfind(is_number)? + 1;
    let before = text[..start].trim();
    let after = text[end..].trim();
    let currency = match (before, after) {
        ("", "") => None,
        (code, "") | ("", code) => Some(currency_code(code)?),
        _ => return None,
    };
    // "-€5" and "€-5" both hold the sign; the sign before a symbol stays with it.
    Some((&text[start..end], currency))
}

fn currency_code(text: &str) -> Option<String> {
    let text = text.trim_end_matches('.');
    match text {
        "kr" | "Kr" | "SEK" => Some("SEK".into()),
        "€" => Some("EUR".into()),
        "$" => Some("USD".into()),
        "£" => Some("GBP".into()),
        code if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(code.to_ascii_uppercase())
        }
        _ => None,
    }
}

fn parse_decimal(text: &str, style: NumberStyle) -> Option<Decimal> {
    let text = text.trim().replace('\u{2212}', "-");
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    let body: String = body
        .chars()
        .filter(|c| !GROUPING_SPACES.contains(c))
        .collect();
    let (whole, fraction) = split_separators(&body, style)?;
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 9 {
        return None;
    }
    let digits: i128 = format!("{whole}{fraction}").parse().ok()?;
    Some(Decimal {
        digits: if negative { -digits } else { digits },
        scale: u32::try_from(fraction.len()).ok()?,
    })
}

/// Splits `body` (no spaces, no sign) into the whole digits, with grouping removed,
/// and the fraction's digits.
fn split_separators(body: &str, style: NumberStyle) -> Option<(String, String)> {
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    let decimal = match (commas, points) {
        (0, 0) => None,
        // Both: the last one is the decimal separator, the other groups.
        (_, _) if commas > 0 && points > 0 => {
            let last = body.rfind([',', '.'])?;
            Some(body.as_bytes()[last] as char)
        }
        // Several of one kind only group: 1,250,000 or 1.250.000.
        (c, 0) if c > 1 => None,
        (0, p) if p > 1 => None,
        (1, 0) => match (style, digits_after(body, ',')) {
            (NumberStyle::En, 3) => None,
            _ => Some(','),
        },
        _ => match (style, digits_after(body, '.')) {
            (NumberStyle::Sv, 3) => None,
            _ => Some('.'),
        },
    };
    let (whole, fraction) = match decimal {
        Some(separator) => {
            let (w, f) = body.rsplit_once(separator)?;
            (w, f)
        }
        None => (body, ""),
    };
    let group = match decimal {
        Some(',') => '.',
        Some(_) => ',',
        None if points > 0 => '.',
        None => ',',
    };
    check_grouping(whole, group)?;
    Some((whole.replace(group, ""), fraction.to_string()))
}

/// Grouped digits come in threes after the first group: `1,250,000`, not `12,50,0`.
fn check_grouping(whole: &str, group: char) -> Option<()> {
    let mut groups = whole.split(group);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let ok = rest.is_empty()
        || (!first.is_empty() && first.len() <= 3 && rest.iter().all(|g| g.len() == 3));
    ok.then_some(())
}

fn digits_after(body: &str, separator: char) -> usize {
    body.rsplit_once(separator).map_or(0, |(_, f)| f.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;
    use crate::locale::Locale;
    use proptest::prelude::*;

    fn amount(text: &str, style: NumberStyle) -> Option<(i64, Option<&'static str>)> {
        parse_amount(text, style).map(|a| {
            let code = a.currency.map(|c| &*c.leak());
            (a.money.minor(), code)
        })
    }

    #[test]
    fn english_and_swedish_forms() {
        use NumberStyle::{En, Sv};
        // 1 250 000.00 is 125 000 000 öre, whichever way it is written.
        for (text, style) in [
            ("1,250,000.00", En),
            ("1 250 000,00", Sv),
            ("1\u{a0}250\u{a0}000,00", En),
            ("1\u{202f}250\u{202f}000", Sv),
            ("1.250.000,00", Sv),
            ("1250000", En),
        ] {
            assert_eq!(amount(text, style), Some((125_000_000, None)), "{text}");
        }
        assert_eq!(amount("60 000 kr", Sv), Some((6_000_000, Some("SEK"))));
        assert_eq!(amount("42 000 EUR", Sv), Some((4_200_000, Some("EUR"))));
        assert_eq!(amount("SEK 1,250.50", En), Some((125_050, Some("SEK"))));
        assert_eq!(amount("€5", En), Some((500, Some("EUR"))));
        assert_eq!(amount("\u{2212}1 250,5", Sv), Some((-125_050, None)));
    }

    #[test]
    fn a_lone_separator_follows_the_style() {
        // "1,250": 1250 in English, 1.25 in Swedish; "12,5" is 12.5 in both.
        assert_eq!(amount("1,250", NumberStyle::En), Some((125_000, None)));
        assert_eq!(amount("1,250", NumberStyle::Sv), Some((125, None)));
        assert_eq!(amount("12,5", NumberStyle::En), Some((1250, None)));
        assert_eq!(amount("1.250", NumberStyle::Sv), Some((125_000, None)));
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for text in [
            "",
            "12,5O",
            "1,25,000",
            "1.2.3,4,5",
            "abc",
            "12.345",
            "5 kr 3",
            "1 2x",
        ] {
            assert_eq!(amount(text, NumberStyle::En), None, "{text}");
        }
    }

    #[test]
    fn probabilities_as_percent_or_fraction() {
        use NumberStyle::{En, Sv};
        assert_eq!(parse_percent("35", En), Some(35));
        assert_eq!(parse_percent("35 %", Sv), Some(35));
        assert_eq!(parse_percent("35%", En), Some(35));
        assert_eq!(parse_percent("0.35", En), Some(35));
        assert_eq!(parse_percent("0,35", Sv), Some(35));
        assert_eq!(parse_percent("1.0", En), Some(100));
        assert_eq!(parse_percent("1", En), Some(1));
        assert_eq!(parse_percent("35.5", En), None);
        assert_eq!(parse_percent("120", En), None);
        assert_eq!(parse_percent("-5", En), None);
    }

    proptest! {
        #[test]
        fn formatted_money_reads_back(minor in -1_000_000_000_000i64..1_000_000_000_000) {
            let money = Money::from_minor(minor);
            for (language, style) in [(Language::Sv, NumberStyle::Sv), (Language::En, NumberStyle::En)] {
                let locale = Locale::new(language, "SEK");
                let read = parse_amount(&locale.money(money), style);
                prop_assert_eq!(read, Some(Amount { money, currency: Some("SEK".into()) }));
                prop_assert_eq!(parse_amount(&locale.amount(money), style).map(|a| a.money), Some(money));
            }
        }
    }
}
