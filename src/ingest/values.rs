//! One value of a deals export in its canonical form: a stage label as a strategy
//! stage id (and the status a closing label gives), a status word, an owner as a
//! seller id, a customer as its id, amounts, percentages and dates as pipepress
//! writes them. `None` leaves a value as written, for the reader to report.

use super::mapping::Lookups;
use super::number::{self, NumberStyle};
use super::preset::{self, CLOSE_DATE};
use super::settings::{Settings, lookup};
use crate::model::Status;
use crate::strategy::Strategy;

pub fn status_text(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::Won => "won",
        Status::Lost => "lost",
    }
}

pub fn status_of(text: &str, settings: &Settings) -> Option<Status> {
    let text = lookup(&settings.status, text).unwrap_or(text);
    preset::status_word(text)
}

/// The strategy stage id a label maps to, and the status it closes the deal with.
/// A closing label (HubSpot's "Closed Won") puts the deal in the last stage: the
/// export no longer says which stage it closed from.
pub fn stage_of(
    text: &str,
    settings: &Settings,
    strategy: Option<&Strategy>,
) -> (Option<String>, Option<Status>) {
    let target = lookup(&settings.stages, text)
        .map(str::to_string)
        .or_else(|| {
            let preset = settings.preset.preset();
            preset
                .closed_stages
                .iter()
                .find(|(label, _)| label.to_lowercase() == text.trim().to_lowercase())
                .map(|(_, status)| status_text(*status).to_string())
        });
    let Some(strategy) = strategy else {
        return (target, None);
    };
    let last = strategy.stages.last().map(|s| s.id.clone());
    // pipepress's own format names stages by id; a CRM's by its label.
    let by_name = !settings.preset.preset().strict;
    match target.as_deref() {
        Some("won") if strategy.stage_index("won").is_none() => (last, Some(Status::Won)),
        Some("lost") if strategy.stage_index("lost").is_none() => (last, Some(Status::Lost)),
        Some(id) => (Some(id.to_string()), None),
        None => {
            let wanted = text.trim().to_lowercase();
            let found = strategy
                .stages
                .iter()
                .find(|s| s.id == text.trim() || (by_name && s.name.to_lowercase() == wanted))
                .map(|s| s.id.clone());
            (found, None)
        }
    }
}

/// What a column of a deals export holds, as far as making it canonical goes:
/// found once from the header, not for every cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Probability,
    Currency,
    Date,
    Stage,
    Owner,
    Customer,
    ForecastCategory,
    /// A column left as written.
    Other,
}

impl Field {
    /// The kind of the canonical column `name`.
    pub fn of(name: &str) -> Field {
        match name {
            "value" => Field::Value,
            "probability" => Field::Probability,
            "currency" => Field::Currency,
            "created" | "expected_close" | "closed" | "next_activity" | "last_activity"
            | CLOSE_DATE => Field::Date,
            "stage" => Field::Stage,
            "owner" => Field::Owner,
            "customer_id" => Field::Customer,
            "forecast_category" => Field::ForecastCategory,
            _ => Field::Other,
        }
    }
}

/// Whether `text` is a whole percent from 0 to 100 written as [`canonical`] would
/// write it: digits without a leading zero.
fn is_canonical_percent(text: &str) -> bool {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = text.len() > 1 && text.starts_with('0');
    digits && !leading_zero && text.parse::<u8>().is_ok_and(|p| p <= 100)
}

/// The canonical text of one value, or `None` to leave it as written.
pub fn canonical(
    field: Field,
    text: &str,
    settings: &Settings,
    style: NumberStyle,
    lookups: Option<&Lookups<'_>>,
    stage_id: Option<&str>,
) -> Option<String> {
    let trimmed = super::table::trim(text);
    if trimmed.is_empty() {
        return None;
    }
    // pipepress's own format names sellers and customers by id; a CRM by name.
    let by_name = !settings.preset.preset().strict;
    match field {
        // A plain amount (`61907`, `125000.5`) is read as written; a point is a
        // decimal point only in English style.
        Field::Value
            if crate::money::Money::parse(trimmed).is_some()
                && (style == NumberStyle::En || !trimmed.contains('.')) =>
        {
            None
        }
        Field::Value => number::parse_amount(trimmed, style).map(|a| a.money.canonical()),
        // A whole percent as pipepress writes it (`35`) is canonical already.
        Field::Probability if is_canonical_percent(trimmed) => None,
        Field::Probability => number::parse_percent(trimmed, style).map(|p| p.to_string()),
        // A code as pipepress writes it (`SEK`) is canonical already.
        Field::Currency
            if trimmed.len() == 3 && trimmed.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            None
        }
        Field::Currency => preset::currency_code(trimmed),
        // An ISO date is already canonical (most exports write them so).
        Field::Date if crate::period::parse_iso_date(trimmed).is_some() => None,
        Field::Date => {
            super::date::parse_date(trimmed, settings.date_format()).map(|d| d.to_string())
        }
        Field::Stage => stage_id.filter(|id| *id != trimmed).map(str::to_string),
        Field::Owner => {
            let named = lookup(&settings.owners, trimmed);
            let strategy = lookups?.strategy;
            if named.is_none() && strategy.seller_index(trimmed).is_some() {
                return None;
            }
            let wanted = named.unwrap_or(trimmed).to_lowercase();
            strategy
                .sellers
                .iter()
                .find(|s| {
                    s.id == named.unwrap_or(trimmed)
                        || (by_name && s.name.to_lowercase() == wanted)
                        || (by_name
                            && s.email
                                .as_deref()
                                .is_some_and(|e| e.to_lowercase() == wanted))
                })
                .map(|s| s.id.clone())
                .or_else(|| named.map(str::to_string))
        }
        Field::Customer if by_name => lookups?.customers?.get(&trimmed.to_lowercase()).cloned(),
        // A category as pipepress writes it is canonical already.
        Field::ForecastCategory
            if matches!(trimmed, "pipeline" | "best_case" | "commit" | "closed") =>
        {
            None
        }
        Field::ForecastCategory => match trimmed.to_lowercase().replace([' ', '-'], "_").as_str() {
            "omitted" => Some(String::new()),
            other => Some(other.to_string()),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn canonical_percents() {
        for text in ["0", "7", "35", "100"] {
            assert!(is_canonical_percent(text), "{text}");
        }
        for text in [
            "", "035", "00", "101", "255", "256", "35 %", "0.35", "-1", "+5",
        ] {
            assert!(!is_canonical_percent(text), "{text}");
        }
    }

    proptest! {
        /// The shortcut passes exactly the texts the full reading writes back as they are.
        #[test]
        fn the_percent_shortcut_agrees_with_the_full_reading(text in "[0-9]{1,4}|[0-9 .,%+-]{1,6}") {
            for style in [NumberStyle::En, NumberStyle::Sv] {
                let full = number::parse_percent(&text, style).map(|p| p.to_string());
                prop_assert_eq!(is_canonical_percent(&text), full.as_deref() == Some(text.as_str()));
            }
        }
    }
}
