//! The presets: how each CRM names its columns and closed stages.
//!
//! A preset is a table from each canonical field to the headers a CRM writes for
//! it, in English and in Swedish (HubSpot and Pipedrive translate headers into the
//! user's language). Headers match without regard to case or surrounding spaces.
//! A source may override any column, stage, status or owner in `pipepress.toml`.

use super::date::DateFormat;
use crate::model::Status;

/// A CRM's export shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PresetName {
    /// pipepress's own canonical columns (the default).
    #[default]
    Pipepress,
    Hubspot,
    Salesforce,
    Pipedrive,
    Dynamics,
}

impl PresetName {
    pub const ALL: [PresetName; 5] = [
        PresetName::Pipepress,
        PresetName::Hubspot,
        PresetName::Salesforce,
        PresetName::Pipedrive,
        PresetName::Dynamics,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PresetName::Pipepress => "pipepress",
            PresetName::Hubspot => "hubspot",
            PresetName::Salesforce => "salesforce",
            PresetName::Pipedrive => "pipedrive",
            PresetName::Dynamics => "dynamics",
        }
    }

    pub fn preset(self) -> &'static Preset {
        match self {
            PresetName::Pipepress => &PIPEPRESS,
            PresetName::Hubspot => &HUBSPOT,
            PresetName::Salesforce => &SALESFORCE,
            PresetName::Pipedrive => &PIPEDRIVE,
            PresetName::Dynamics => &DYNAMICS,
        }
    }
}

/// Canonical field -> the headers a CRM writes for it.
pub type Columns = &'static [(&'static str, &'static [&'static str])];

/// How one CRM exports deals and customers.
#[derive(Debug)]
pub struct Preset {
    pub deals: Columns,
    pub customers: Columns,
    /// Stage labels that mean the deal is closed (the CRM keeps no status column
    /// and drops the stage the deal closed from).
    pub closed_stages: &'static [(&'static str, Status)],
    /// The date form the CRM writes besides ISO.
    pub date_format: DateFormat,
    /// Whether columns the preset does not know are errors (pipepress's own format:
    /// most often a misspelt column) or ignored (a CRM exports dozens).
    pub strict: bool,
}

/// The extra canonical deal field a single "close date" column fills: the expected
/// close of an open deal, the closed date of a won or lost one (HubSpot, Salesforce).
pub const CLOSE_DATE: &str = "close_date";

const CLOSED_EN: &[(&str, Status)] = &[("Closed Won", Status::Won), ("Closed Lost", Status::Lost)];

pub static PIPEPRESS: Preset = Preset {
    deals: &[
        ("id", &["id"]),
        ("name", &["name", "namn", "affär", "affärsnamn"]),
        (
            "customer_id",
            &["customer_id", "kund-id", "kund_id", "kund"],
        ),
        ("owner", &["owner", "säljare", "ägare"]),
        ("stage", &["stage", "steg", "fas"]),
        ("status", &["status"]),
        ("value", &["value", "värde", "belopp"]),
        ("currency", &["currency", "valuta"]),
        ("probability", &["probability", "sannolikhet"]),
        ("created", &["created", "skapad"]),
        (
            "expected_close",
            &["expected_close", "förväntat avslut", "förväntad stängning"],
        ),
        ("closed", &["closed", "avslutad", "stängd"]),
        ("next_activity", &["next_activity", "nästa aktivitet"]),
        ("last_activity", &["last_activity", "senaste aktivitet"]),
        (
            "lost_reason",
            &["lost_reason", "förlustorsak", "orsak till förlust"],
        ),
        ("plan", &["plan"]),
        ("segment", &["segment"]),
        ("offer", &["offer", "erbjudande"]),
        (
            "forecast_category",
            &["forecast_category", "prognoskategori"],
        ),
    ],
    customers: &[
        ("id", &["id"]),
        ("name", &["name", "namn", "företag"]),
        ("industry", &["industry", "bransch"]),
        ("employees", &["employees", "anställda", "antal anställda"]),
        ("region", &["region", "län"]),
        ("owner", &["owner", "ansvarig", "ägare"]),
    ],
    closed_stages: &[],
    date_format: DateFormat::Iso,
    strict: true,
};

pub static HUBSPOT: Preset = Preset {
    deals: &[
        ("id", &["Record ID", "Deal ID", "Post-ID", "Affärs-ID"]),
        ("name", &["Deal Name", "Affärsnamn"]),
        (
            "customer_id",
            &[
                "Associated Company",
                "Associated Company (Primary)",
                "Associerat företag",
                "Associerat företag (primärt)",
            ],
        ),
        ("owner", &["Deal owner", "Affärsägare"]),
        ("stage", &["Deal Stage", "Affärsfas"]),
        ("value", &["Amount", "Belopp"]),
        (
            "currency",
            &[
                "Currency",
                "Deal currency code",
                "Valuta",
                "Valutakod för affär",
            ],
        ),
        (
            "probability",
            &["Deal probability", "Sannolikhet för affär"],
        ),
        ("created", &["Create Date", "Skapandedatum"]),
        (CLOSE_DATE, &["Close Date", "Stängningsdatum"]),
        (
            "next_activity",
            &["Next Activity Date", "Datum för nästa aktivitet"],
        ),
        (
            "last_activity",
            &["Last Activity Date", "Datum för senaste aktivitet"],
        ),
        (
            "lost_reason",
            &["Closed Lost Reason", "Orsak till förlorad affär"],
        ),
        (
            "forecast_category",
            &["Forecast category", "Prognoskategori"],
        ),
    ],
    customers: &[
        ("id", &["Record ID", "Company ID", "Post-ID"]),
        ("name", &["Company name", "Företagsnamn"]),
        ("industry", &["Industry", "Bransch"]),
        ("employees", &["Number of Employees", "Antal anställda"]),
        ("region", &["State/Region", "Delstat/region"]),
        ("owner", &["Company owner", "Företagsägare"]),
    ],
    closed_stages: &[
        ("Closed Won", Status::Won),
        ("Closed Lost", Status::Lost),
        ("Stängd vunnen", Status::Won),
        ("Stängd förlorad", Status::Lost),
    ],
    date_format: DateFormat::Iso,
    strict: false,
};

pub static SALESFORCE: Preset = Preset {
    deals: &[
        ("id", &["Opportunity ID"]),
        ("name", &["Opportunity Name"]),
        ("customer_id", &["Account Name"]),
        ("owner", &["Opportunity Owner"]),
        ("stage", &["Stage"]),
        ("value", &["Amount"]),
        ("currency", &["Opportunity Currency", "Amount Currency"]),
        ("probability", &["Probability (%)"]),
        ("created", &["Created Date"]),
        (CLOSE_DATE, &["Close Date"]),
        ("next_activity", &["Next Activity Date"]),
        ("last_activity", &["Last Activity"]),
        ("lost_reason", &["Loss Reason", "Closed Lost Reason"]),
        ("forecast_category", &["Forecast Category"]),
    ],
    customers: &[
        ("id", &["Account ID"]),
        ("name", &["Account Name"]),
        ("industry", &["Industry"]),
        ("employees", &["Employees"]),
        ("region", &["Billing State/Province"]),
        ("owner", &["Account Owner"]),
    ],
    closed_stages: CLOSED_EN,
    date_format: DateFormat::MonthDayYear,
    strict: false,
};

pub static PIPEDRIVE: Preset = Preset {
    deals: &[
        ("id", &["Deal - ID", "ID", "Affär - ID"]),
        ("name", &["Deal - Title", "Title", "Affär - Titel", "Titel"]),
        (
            "customer_id",
            &[
                "Deal - Organization",
                "Organization",
                "Affär - Organisation",
                "Organisation",
            ],
        ),
        (
            "owner",
            &["Deal - Owner", "Owner", "Affär - Ägare", "Ägare"],
        ),
        ("stage", &["Deal - Stage", "Stage", "Affär - Steg", "Steg"]),
        ("status", &["Deal - Status", "Status", "Affär - Status"]),
        (
            "value",
            &["Deal - Value", "Value", "Affär - Värde", "Värde"],
        ),
        (
            "currency",
            &["Deal - Currency", "Currency", "Affär - Valuta", "Valuta"],
        ),
        (
            "probability",
            &["Deal - Probability", "Probability", "Affär - Sannolikhet"],
        ),
        (
            "created",
            &[
                "Deal - Deal created",
                "Deal created",
                "Affär - Affär skapad",
                "Affär skapad",
            ],
        ),
        (
            "expected_close",
            &[
                "Deal - Expected close date",
                "Expected close date",
                "Affär - Förväntat slutdatum",
            ],
        ),
        (
            "closed",
            &[
                "Deal - Deal closed on",
                "Deal closed on",
                "Affär - Affär stängd den",
            ],
        ),
        (
            "next_activity",
            &[
                "Deal - Next activity date",
                "Next activity date",
                "Affär - Nästa aktivitetsdatum",
            ],
        ),
        (
            "last_activity",
            &[
                "Deal - Last activity date",
                "Last activity date",
                "Affär - Senaste aktivitetsdatum",
            ],
        ),
        (
            "lost_reason",
            &["Deal - Lost reason", "Lost reason", "Affär - Förlustorsak"],
        ),
    ],
    customers: &[
        ("id", &["Organization - ID", "Organisation - ID"]),
        ("name", &["Organization - Name", "Organisation - Namn"]),
        (
            "industry",
            &["Organization - Industry", "Organisation - Bransch"],
        ),
        (
            "employees",
            &[
                "Organization - Number of employees",
                "Organisation - Antal anställda",
            ],
        ),
        (
            "region",
            &["Organization - Region", "Organisation - Region"],
        ),
        ("owner", &["Organization - Owner", "Organisation - Ägare"]),
    ],
    closed_stages: &[],
    date_format: DateFormat::Iso,
    strict: false,
};

pub static DYNAMICS: Preset = Preset {
    deals: &[
        ("id", &["(Do Not Modify) Opportunity", "Opportunity ID"]),
        ("name", &["Topic", "Ämne"]),
        (
            "customer_id",
            &["Potential Customer", "Account", "Potentiell kund", "Konto"],
        ),
        ("owner", &["Owner", "Ägare"]),
        (
            "stage",
            &[
                "Pipeline Phase",
                "Sales Stage",
                "Pipelinefas",
                "Försäljningsfas",
            ],
        ),
        ("status", &["Status"]),
        ("value", &["Est. Revenue", "Beräknad intäkt"]),
        ("currency", &["Currency", "Valuta"]),
        ("probability", &["Probability", "Sannolikhet"]),
        ("created", &["Created On", "Skapad den"]),
        ("expected_close", &["Est. Close Date", "Beräknat slutdatum"]),
        ("closed", &["Actual Close Date", "Faktiskt slutdatum"]),
        ("last_activity", &["Last Activity Date"]),
    ],
    customers: &[
        ("id", &["(Do Not Modify) Account", "Account Number"]),
        ("name", &["Account Name", "Kontonamn"]),
        ("industry", &["Industry", "Bransch"]),
        ("employees", &["Number of Employees", "Antal anställda"]),
        ("region", &["Address 1: State/Province", "Adress 1: Län"]),
        ("owner", &["Owner", "Ägare"]),
    ],
    closed_stages: &[],
    date_format: DateFormat::MonthDayYear,
    strict: false,
};

/// Status words as CRMs write them, in English and Swedish.
pub fn status_word(text: &str) -> Option<Status> {
    let word = |text: &str| match text {
        "open" | "öppen" | "öppet" | "in progress" | "pågående" => Some(Status::Open),
        "won" | "vunnen" | "vunnet" | "closed won" => Some(Status::Won),
        "lost" | "förlorad" | "förlorat" | "closed lost" => Some(Status::Lost),
        _ => None,
    };
    // Most exports write the word in lower case already.
    let text = text.trim();
    word(text).or_else(|| word(&text.to_lowercase()))
}

/// Currency names as Dynamics writes them, and the Swedish `kr`.
pub fn currency_code(text: &str) -> Option<String> {
    let code = match text.trim().to_lowercase().as_str() {
        "" => return None,
        "kr" | "swedish krona" | "svensk krona" | "svenska kronor" => "SEK",
        "euro" => "EUR",
        "us dollar" => "USD",
        "norwegian krone" | "norsk krone" => "NOK",
        "danish krone" | "dansk krone" => "DKK",
        "pound sterling" | "british pound" => "GBP",
        other if other.len() == 3 && other.bytes().all(|b| b.is_ascii_alphabetic()) => {
            return Some(other.to_ascii_uppercase());
        }
        _ => return None,
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_names_the_required_deal_fields_once() {
        for name in PresetName::ALL {
            let preset = name.preset();
            for field in ["id", "name", "owner", "stage", "created"] {
                let found = preset.deals.iter().filter(|(f, _)| *f == field).count();
                assert_eq!(found, 1, "{} {field}", name.as_str());
            }
            for field in ["id", "name"] {
                assert!(preset.customers.iter().any(|(f, _)| *f == field));
            }
        }
    }

    #[test]
    fn words_and_currency_names() {
        assert_eq!(status_word(" Vunnen "), Some(Status::Won));
        assert_eq!(status_word("Deleted"), None);
        assert_eq!(currency_code("Swedish Krona").as_deref(), Some("SEK"));
        assert_eq!(currency_code("eur").as_deref(), Some("EUR"));
        assert_eq!(currency_code("Euros"), None);
    }
}
