//! The deals export in the shape a CRM writes it (`--shape`), for the benchmark
//! and for trying presets at scale: the same deals as the canonical export, with
//! that CRM's headers, stage labels, status convention, number and date forms,
//! owners and customers by name, and its quirks (Salesforce's report footer).
//!
//! The canonical columns a CRM has no place for (plan, offer, segment, forecast
//! category, next activity in some) are left out, as the CRM's own export would.

use chrono::NaiveDate;

use crate::catalog::STAGES;

/// The canonical row, column by column (see `state::DEAL_COLUMNS`).
const ID: usize = 0;
const NAME: usize = 1;
const STAGE: usize = 4;
const STATUS: usize = 5;
const VALUE: usize = 6;
const CURRENCY: usize = 7;
const PROBABILITY: usize = 8;
const CREATED: usize = 9;
const EXPECTED_CLOSE: usize = 10;
const CLOSED: usize = 11;
const NEXT_ACTIVITY: usize = 12;
const LAST_ACTIVITY: usize = 13;
const LOST_REASON: usize = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// pipepress's own columns (docs/FORMAT.md).
    Pipepress,
    /// A HubSpot deals export from a Swedish-language portal.
    Hubspot,
    /// A Salesforce opportunity report from a US-locale org.
    Salesforce,
    /// A Pipedrive deals export: a status column, closed deals keep their stage.
    Pipedrive,
}

impl Shape {
    pub fn parse(text: &str) -> Option<Shape> {
        match text {
            "pipepress" => Some(Shape::Pipepress),
            "hubspot" => Some(Shape::Hubspot),
            "salesforce" => Some(Shape::Salesforce),
            "pipedrive" => Some(Shape::Pipedrive),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Shape::Pipepress => "pipepress",
            Shape::Hubspot => "hubspot",
            Shape::Salesforce => "salesforce",
            Shape::Pipedrive => "pipedrive",
        }
    }

    /// The CRM's label for each of the generator's stages, in `STAGES` order.
    fn stage_labels(self) -> [&'static str; 6] {
        match self {
            Shape::Pipepress => ["", "", "", "", "", ""],
            Shape::Hubspot => [
                "Kvalificerad",
                "Behovsanalys",
                "Lösningsförslag",
                "Offert skickad",
                "Förhandling",
                "Muntligt ja",
            ],
            Shape::Salesforce => [
                "Prospecting",
                "Needs Analysis",
                "Id. Decision Makers",
                "Proposal/Price Quote",
                "Negotiation/Review",
                "Verbal Commit",
            ],
            Shape::Pipedrive => [
                "Qualified",
                "Contact Made",
                "Demo Scheduled",
                "Proposal Made",
                "Negotiations Started",
                "Verbal Yes",
            ],
        }
    }

    pub fn header(self) -> Vec<&'static str> {
        match self {
            Shape::Pipepress => crate::state::DEAL_COLUMNS.to_vec(),
            Shape::Hubspot => vec![
                "Post-ID",
                "Affärsnamn",
                "Affärsfas",
                "Belopp",
                "Valuta",
                "Stängningsdatum",
                "Skapandedatum",
                "Affärsägare",
                "Associerat företag",
                "Pipeline",
                "Sannolikhet för affär",
                "Orsak till förlorad affär",
                "Datum för nästa aktivitet",
                "Datum för senaste aktivitet",
            ],
            Shape::Salesforce => vec![
                "Opportunity Owner",
                "Account Name",
                "Opportunity Name",
                "Opportunity ID",
                "Stage",
                "Opportunity Currency",
                "Amount",
                "Probability (%)",
                "Created Date",
                "Close Date",
                "Next Activity Date",
                "Last Activity",
                "Loss Reason",
            ],
            Shape::Pipedrive => vec![
                "Deal - ID",
                "Deal - Title",
                "Deal - Organization",
                "Deal - Owner",
                "Deal - Stage",
                "Deal - Status",
                "Deal - Value",
                "Deal - Currency",
                "Deal - Deal created",
                "Deal - Expected close date",
                "Deal - Deal closed on",
                "Deal - Next activity date",
                "Deal - Last activity date",
                "Deal - Lost reason",
                "Deal - Pipeline",
            ],
        }
    }

    /// The canonical `row` as this CRM writes it, naming the owner and customer
    /// (CRMs export names, not pipepress's ids).
    pub fn row(self, owner: &str, customer: &str, row: [String; 18]) -> Vec<String> {
        if self == Shape::Pipepress {
            return row.into();
        }
        let stage = STAGES
            .iter()
            .position(|s| s.id == row[STAGE])
            .map_or("", |i| self.stage_labels()[i]);
        let (owner, customer) = (owner.to_string(), customer.to_string());
        // Every CRM states a deal's currency; the canonical export may leave it to
        // the base currency.
        let currency = if row[CURRENCY].is_empty() {
            "SEK"
        } else {
            &row[CURRENCY]
        };
        let status = row[STATUS].as_str();
        // HubSpot and Salesforce keep one close date: expected while open, the
        // closing day once closed.
        let close = if status == "open" {
            &row[EXPECTED_CLOSE]
        } else {
            &row[CLOSED]
        };
        match self {
            Shape::Pipepress => unreachable!("returned above"),
            Shape::Hubspot => vec![
                row[ID].clone(),
                row[NAME].clone(),
                match status {
                    "won" => "Stängd vunnen",
                    "lost" => "Stängd förlorad",
                    _ => stage,
                }
                .into(),
                row[VALUE].clone(),
                currency.into(),
                with_time(close, "00:00"),
                with_time(&row[CREATED], "09:00"),
                owner,
                customer,
                "Försäljning".into(),
                probability_fraction(&row[PROBABILITY]),
                row[LOST_REASON].clone(),
                with_time(&row[NEXT_ACTIVITY], "00:00"),
                with_time(&row[LAST_ACTIVITY], "00:00"),
            ],
            Shape::Salesforce => vec![
                owner,
                customer,
                row[NAME].clone(),
                row[ID].clone(),
                match status {
                    "won" => "Closed Won",
                    "lost" => "Closed Lost",
                    _ => stage,
                }
                .into(),
                currency.into(),
                us_amount(&row[VALUE]),
                row[PROBABILITY].clone(),
                us_date(&row[CREATED]),
                us_date(close),
                us_date(&row[NEXT_ACTIVITY]),
                us_date(&row[LAST_ACTIVITY]),
                row[LOST_REASON].clone(),
            ],
            Shape::Pipedrive => vec![
                row[ID].clone(),
                row[NAME].clone(),
                customer,
                owner,
                stage.into(),
                match status {
                    "won" => "Won",
                    "lost" => "Lost",
                    _ => "Open",
                }
                .into(),
                row[VALUE].clone(),
                currency.into(),
                with_time(&row[CREATED], "09:00:00"),
                row[EXPECTED_CLOSE].clone(),
                row[CLOSED].clone(),
                row[NEXT_ACTIVITY].clone(),
                row[LAST_ACTIVITY].clone(),
                row[LOST_REASON].clone(),
                "Sales".into(),
            ],
        }
    }

    /// Lines the CRM writes after the rows (Salesforce's report footer).
    pub fn footer(self) -> &'static [&'static str] {
        match self {
            Shape::Salesforce => &[
                "",
                "\"Nordvik Industriteknik AB\"",
                "\"Confidential Information - Do Not Distribute\"",
                "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"",
                "\"Generated By:  Anna Lind  11/15/2026 8:02 AM\"",
            ],
            _ => &[],
        }
    }

    /// `[sources.deals]` of pipepress.toml for this shape: the preset and the
    /// stage map from the CRM's labels.
    pub fn deals_source(self) -> String {
        let mut toml = "[sources.deals]\nfile = \"data/deals.csv\"\n".to_string();
        if self == Shape::Pipepress {
            return toml;
        }
        toml.push_str(&format!("preset = \"{}\"\nstages = {{ ", self.name()));
        let pairs: Vec<String> = STAGES
            .iter()
            .zip(self.stage_labels())
            .map(|(stage, label)| format!("\"{label}\" = \"{}\"", stage.id))
            .collect();
        toml.push_str(&pairs.join(", "));
        toml.push_str(" }\n");
        toml
    }
}

/// `2026-04-30` → `2026-04-30 09:00`; empty stays empty.
fn with_time(date: &str, time: &str) -> String {
    if date.is_empty() {
        String::new()
    } else {
        format!("{date} {time}")
    }
}

/// `50` → `0.5`: HubSpot writes probabilities as fractions.
fn probability_fraction(percent: &str) -> String {
    match percent.parse::<u32>() {
        Ok(p) if p % 10 == 0 => format!("{}", f64::from(p) / 100.0),
        Ok(p) => format!("0.{p:02}"),
        Err(_) => String::new(),
    }
}

/// `2026-01-15` → `1/15/2026`, as a US-locale Salesforce writes dates.
fn us_date(date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| d.format("%-m/%-d/%Y").to_string())
        .unwrap_or_default()
}

/// `1250000.5` → `1,250,000.50`, as Salesforce writes currency amounts.
fn us_amount(value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    let (whole, cents) = value.split_once('.').unwrap_or((value, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{cents:0<2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_as_the_crms_write_them() {
        assert_eq!(us_amount("1250000.5"), "1,250,000.50");
        assert_eq!(us_amount("42000"), "42,000.00");
        assert_eq!(us_amount("999"), "999.00");
        assert_eq!(us_date("2026-01-05"), "1/5/2026");
        assert_eq!(probability_fraction("50"), "0.5");
        assert_eq!(probability_fraction("35"), "0.35");
        assert_eq!(probability_fraction("5"), "0.05");
        assert_eq!(with_time("", "09:00"), "");
    }
}
