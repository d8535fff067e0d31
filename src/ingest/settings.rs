//! A source's settings in `pipepress.toml`: its preset, overrides and dialect.

use std::collections::BTreeMap;

use super::date::DateFormat;
use super::decode::Encoding;
use super::number::NumberStyle;
use super::preset::PresetName;

/// How to read one source (deals with their snapshots, or customers).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub preset: PresetName,
    /// Canonical field -> the header in the file, overriding the preset's.
    pub columns: BTreeMap<String, String>,
    /// The CRM's stage label -> a strategy stage id, or `won` / `lost` for a label
    /// that closes the deal.
    pub stages: BTreeMap<String, String>,
    /// The CRM's status word -> `open`, `won` or `lost`.
    pub status: BTreeMap<String, String>,
    /// The CRM's owner name -> a seller id.
    pub owners: BTreeMap<String, String>,
    pub delimiter: Option<u8>,
    pub encoding: Option<Encoding>,
    pub date_format: Option<DateFormat>,
    pub numbers: Option<NumberStyle>,
    /// The xlsx sheet to read; default the first.
    pub sheet: Option<String>,
}

impl Settings {
    /// The date form dates are read in besides ISO.
    pub fn date_format(&self) -> DateFormat {
        self.date_format.unwrap_or(self.preset.preset().date_format)
    }
}

/// Finds `key` in a label map without regard to case or surrounding spaces.
pub fn lookup<'m>(map: &'m BTreeMap<String, String>, key: &str) -> Option<&'m str> {
    if map.is_empty() {
        return None;
    }
    let key = key.trim().to_lowercase();
    map.iter()
        .find(|(k, _)| k.trim().to_lowercase() == key)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_without_regard_to_case_or_spaces() {
        let map: BTreeMap<String, String> =
            [("Offert skickad".to_string(), "proposal".to_string())].into();
        assert_eq!(lookup(&map, " offert SKICKAD "), Some("proposal"));
        assert_eq!(lookup(&map, "Offert"), None);
    }
}
