//! `pipepress.toml`: site settings and where the project's data lives.
//!
//! Parsed into raw serde structs that deny unknown keys, then resolved into
//! [`Config`] with defaults filled in. Paths stay relative to the project folder;
//! reading them is `load`'s job.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::brand::{Brand, RawBrand};
use crate::error::{Diagnostic, Problems};
use crate::toml_source;

pub const FILE_NAME: &str = "pipepress.toml";
pub const DEFAULT_DEALS: &str = "data/deals.csv";
pub const DEFAULT_CUSTOMERS: &str = "data/customers.csv";
pub const DEFAULT_SNAPSHOTS: &str = "data/snapshots";

/// The language of the site's numbers, dates and money.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Sv,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Sv => "sv",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub title: String,
    pub company: String,
    pub language: Language,
    pub deals_file: PathBuf,
    pub customers_file: PathBuf,
    pub snapshots_dir: PathBuf,
    /// `[brand]`: logo, colours and fonts (all optional).
    pub brand: Brand,
    /// `[audience.board] names`: which names a board build may show.
    pub board_names: BoardNames,
}

/// The kinds of name a board build (`--audience board`) may show; none by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BoardNames {
    pub sellers: bool,
    pub customers: bool,
    pub deals: bool,
}

/// One entry of `[audience.board] names`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum NameKind {
    Sellers,
    Customers,
    Deals,
}

impl Config {
    /// The settings of a project whose `pipepress.toml` names no sources (and, when it
    /// cannot be read, the paths to look for the data in all the same).
    pub fn defaults() -> Config {
        Config {
            title: String::new(),
            company: String::new(),
            language: Language::En,
            deals_file: DEFAULT_DEALS.into(),
            customers_file: DEFAULT_CUSTOMERS.into(),
            snapshots_dir: DEFAULT_SNAPSHOTS.into(),
            brand: Brand::default(),
            board_names: BoardNames::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: RawSite,
    #[serde(default)]
    sources: RawSources,
    #[serde(default)]
    brand: RawBrand,
    #[serde(default)]
    audience: RawAudience,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAudience {
    #[serde(default)]
    board: RawBoard,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawBoard {
    #[serde(default)]
    names: Vec<NameKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: String,
    company: String,
    #[serde(default)]
    language: Language,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSources {
    deals: Option<RawFileSource>,
    customers: Option<RawFileSource>,
    snapshots: Option<RawDirSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFileSource {
    file: PathBuf,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDirSource {
    dir: PathBuf,
}

/// Reads `pipepress.toml`'s text; problems go to `problems`.
pub fn parse(path: &Path, text: &str, problems: &mut Problems) -> Option<Config> {
    let raw: RawConfig = toml_source::parse(path, text, problems)?;
    let sources = raw.sources;
    let defaults = Config::defaults();
    let config = Config {
        title: raw.site.title,
        company: raw.site.company,
        language: raw.site.language,
        deals_file: sources.deals.map_or(defaults.deals_file, |s| s.file),
        customers_file: sources
            .customers
            .map_or(defaults.customers_file, |s| s.file),
        snapshots_dir: sources.snapshots.map_or(defaults.snapshots_dir, |s| s.dir),
        brand: raw.brand.check(path, text, problems),
        board_names: BoardNames {
            sellers: raw.audience.board.names.contains(&NameKind::Sellers),
            customers: raw.audience.board.names.contains(&NameKind::Customers),
            deals: raw.audience.board.names.contains(&NameKind::Deals),
        },
    };
    for (name, file) in [
        ("deals", &config.deals_file),
        ("customers", &config.customers_file),
        ("snapshots", &config.snapshots_dir),
    ] {
        if file.is_absolute()
            || file
                .components()
                .any(|c| c == std::path::Component::ParentDir)
        {
            problems.push(Diagnostic::file(
                path,
                format!(
                    "[sources.{name}] \"{}\" leaves the project folder, expected a relative path inside it such as \"data/...\"",
                    file.display()
                ),
            ).with_code(crate::error::Code::ConfigPath));
        }
    }
    Some(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn parse_text(text: &str) -> Result<Config, Vec<String>> {
        let mut problems = Problems::default();
        let config = parse(Path::new("pipepress.toml"), text, &mut problems);
        match problems.into_result(config) {
            Ok(config) => Ok(config.expect("a config when no problems")),
            Err(Error::Invalid(list)) => Err(list.iter().map(ToString::to_string).collect()),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn fills_in_defaults() {
        let config = parse_text("[site]\ntitle = \"T\"\ncompany = \"C AB\"\n").expect("valid");
        assert_eq!(config.language, Language::En);
        assert_eq!(config.deals_file, PathBuf::from("data/deals.csv"));
        assert_eq!(config.customers_file, PathBuf::from("data/customers.csv"));
        assert_eq!(config.snapshots_dir, PathBuf::from("data/snapshots"));
    }

    #[test]
    fn board_names_are_opt_in() {
        let text = "[site]\ntitle = \"T\"\ncompany = \"C\"\n[audience.board]\nnames = [\"sellers\", \"deals\"]\n";
        let config = parse_text(text).expect("valid");
        assert_eq!(
            config.board_names,
            BoardNames {
                sellers: true,
                customers: false,
                deals: true
            }
        );
        let text =
            "[site]\ntitle = \"T\"\ncompany = \"C\"\n[audience.board]\nnames = [\"people\"]\n";
        let problems = parse_text(text).expect_err("invalid");
        assert_eq!(
            problems,
            [
                "pipepress.toml:5:10: unknown variant `people`, expected one of `sellers`, `customers`, `deals`"
            ]
        );
    }

    #[test]
    fn sources_stay_inside_the_project() {
        let text =
            "[site]\ntitle = \"T\"\ncompany = \"C\"\n[sources.snapshots]\ndir = \"../elsewhere\"\n";
        let problems = parse_text(text).expect_err("invalid");
        assert_eq!(
            problems,
            [
                "pipepress.toml: [sources.snapshots] \"../elsewhere\" leaves the project folder, expected a relative path inside it such as \"data/...\""
            ]
        );
    }

    #[test]
    fn brand_problems_are_located() {
        // Line 5 is `primary = "#12345g"`: the value's opening quote is column 11
        // (7 letters, " = ", then the quote). Line 6 `accent = "blue"`: column 10.
        // Lines 7 `logo = "../x.svg"` and 8 `font = "Arial; x"`: column 8.
        let text = "[site]\ntitle = \"T\"\ncompany = \"C\"\n[brand]\nprimary = \"#12345g\"\naccent = \"blue\"\nlogo = \"../x.svg\"\nfont = \"Arial; x\"\n";
        let problems = parse_text(text).expect_err("invalid");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("pipepress.toml:5:11: [brand] primary = \"#12345g\" is not a colour, expected a hex colour"), "{}", problems[0]);
        assert!(
            problems[1]
                .starts_with("pipepress.toml:6:10: [brand] accent = \"blue\" is not a colour"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].starts_with(
                "pipepress.toml:7:8: [brand] logo = \"../x.svg\" leaves the project folder"
            ),
            "{}",
            problems[2]
        );
        assert!(
            problems[3]
                .starts_with("pipepress.toml:8:8: [brand] font = \"Arial; x\" is not a font stack"),
            "{}",
            problems[3]
        );
    }

    #[test]
    fn brand_values_are_checked_and_kept() {
        let text = "[site]\ntitle = \"T\"\ncompany = \"C\"\n[brand]\nprimary = \"#ABC\"\nlogo = \"brand/logo.svg\"\nheading_font = \"Georgia, serif\"\n";
        let config = parse_text(text).expect("valid");
        assert_eq!(config.brand.primary.as_deref(), Some("#aabbcc"));
        assert_eq!(config.brand.logo, Some(PathBuf::from("brand/logo.svg")));
        assert_eq!(config.brand.heading_font.as_deref(), Some("Georgia, serif"));
        assert_eq!(
            config.brand.logo_asset().as_deref(),
            Some("assets/logo.svg")
        );
    }

    #[test]
    fn rejects_unknown_keys_and_languages() {
        let text = "[site]\ntitle = \"T\"\ncompany = \"C\"\nlanguage = \"de\"\ncolour = \"red\"\n";
        let problems = parse_text(text).expect_err("invalid");
        assert_eq!(
            problems,
            [
                "pipepress.toml:4:12: unknown variant `de`, expected `en` or `sv`",
                "pipepress.toml:5:1: unknown field `colour`, expected one of `title`, `company`, `language`",
            ]
        );
    }
}
