//! The stable code of each kind of problem, printed by `check --format json` for CI.
//!
//! A code names the kind of mistake, not its wording: messages may be improved, codes
//! stay. Add a variant for a new kind of problem; never reuse or rename one.

use std::fmt;

/// How serious a problem is: an error stops the build, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $text:literal, $doc:literal;)*) => {
        /// The kind of a [`crate::Diagnostic`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub enum Code {
            /// A problem not yet given a kind of its own.
            #[default]
            Other,
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order, with what it means.
            pub const ALL: &[(Code, &str)] = &[
                (Code::Other, "a problem not yet given a kind of its own"),
                $((Code::$variant, $doc),)*
            ];

            /// The stable text of the code, e.g. `E-CSV-DATE`.
            pub fn as_str(self) -> &'static str {
                match self {
                    Code::Other => "E-OTHER",
                    $(Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    FileMissing => "E-FILE-MISSING", "a file the project needs is not there";
    FileUnreadable => "E-FILE-UNREADABLE", "a file or folder cannot be read or written";
    FileEncoding => "E-FILE-ENCODING", "a file is not UTF-8 text";
    FolderName => "E-FILE-NAME", "a snapshot folder, meeting or page is misnamed";
    TomlSyntax => "E-TOML-SYNTAX", "a TOML file does not parse";
    TomlUnknownKey => "E-TOML-UNKNOWN-KEY", "a TOML key the format does not have (often a typo)";
    TomlValue => "E-TOML-VALUE", "a TOML value of the wrong type, or a missing key";
    ConfigPath => "E-CONFIG-PATH", "a sources path in pipepress.toml leaves the project folder";
    ConfigBrand => "E-CONFIG-BRAND", "a brand colour, font stack or logo in pipepress.toml is not usable";
    StrategyId => "E-STRATEGY-ID", "an id in strategy.toml is not a slug or is used twice";
    StrategyReference => "E-STRATEGY-REFERENCE", "strategy.toml names an id it does not define";
    StrategyAmount => "E-STRATEGY-AMOUNT", "strategy.toml has an amount that is not one";
    StrategyDate => "E-STRATEGY-DATE", "strategy.toml has a date that is not one";
    StrategyValue => "E-STRATEGY-VALUE", "strategy.toml has a value out of range or inconsistent";
    StrategyNoStages => "E-STRATEGY-NO-STAGES", "strategy.toml defines no pipeline stages";
    CsvSyntax => "E-CSV-SYNTAX", "a CSV file does not parse";
    CsvRowWidth => "E-CSV-ROW-WIDTH", "a CSV row has more or fewer fields than the header";
    CsvDuplicateColumn => "E-CSV-DUPLICATE-COLUMN", "a CSV header names a column twice";
    CsvUnknownColumn => "E-CSV-UNKNOWN-COLUMN", "a CSV header names a column the export does not have";
    CsvMissingColumn => "E-CSV-MISSING-COLUMN", "a CSV header lacks a required column";
    CsvEmpty => "E-CSV-EMPTY", "a required CSV field is empty";
    CsvDate => "E-CSV-DATE", "a CSV field is not a YYYY-MM-DD date";
    CsvReference => "E-CSV-REFERENCE", "a CSV field names a customer, stage, plan, segment or offer that does not exist";
    CsvValue => "E-CSV-VALUE", "a CSV field holds a value that is not allowed there";
    NoCustomers => "E-DATA-NO-CUSTOMERS", "the customers export holds no rows";
    ThemeUnknownFile => "E-THEME-UNKNOWN-FILE", "templates/ holds a file the theme does not have";
    ThemeUnknownWord => "E-THEME-UNKNOWN-WORD", "a translation table in templates/i18n/ names a word the theme does not have";
    Template => "E-TEMPLATE", "a template does not parse or render";
    SnapshotExists => "E-SNAPSHOT-EXISTS", "a different snapshot is already filed for the date";
    NotEmpty => "E-INIT-NOT-EMPTY", "init was pointed at a folder that holds files";
    Export => "E-EXPORT", "--single-file or --pdf could not be written (no Chromium, or it failed)";
    Figure => "E-FIGURE", "markdown names a live figure, chart, period or scope that does not exist";
    AudienceUnknown => "E-AUDIENCE-UNKNOWN", "--audience names a seller or team that strategy.toml does not have";
    AudienceName => "E-AUDIENCE-NAME", "a build for an audience would show a name it leaves out (from the project's own text)";
    DealDuplicate => "W-DEAL-DUPLICATE", "two deals share customer, value and close date: likely one deal entered twice";
    DealZeroValue => "W-DEAL-ZERO-VALUE", "a deal's value is zero";
    DealNoCustomer => "W-DEAL-NO-CUSTOMER", "a deal names no customer";
    DealNoOwner => "W-DEAL-NO-OWNER", "a deal names no owner: it counts in the totals but is on no seller's page";
    DealOwnerUnknown => "W-DEAL-OWNER-UNKNOWN", "a deal's owner is none of the sellers in strategy.toml: it counts in the totals but is on no seller's page";
    DealWonInFuture => "W-DEAL-WON-FUTURE", "a won deal closes after the as-of date";
    CustomerOwnerUnknown => "W-CUSTOMER-OWNER-UNKNOWN", "a customer's owner is none of the sellers in strategy.toml: the customer is no seller's prospect";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Code {
    /// `W-` codes are warnings; every other code is an error.
    pub fn severity(self) -> Severity {
        match self.as_str().starts_with("W-") {
            true => Severity::Warning,
            false => Severity::Error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for (code, meaning) in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(text.starts_with("E-") || text.starts_with("W-"), "{text}");
            assert!(
                text.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
                "{text}"
            );
            assert!(!meaning.is_empty());
        }
    }
}
