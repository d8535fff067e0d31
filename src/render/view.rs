//! The building blocks every page is made of, as plain serialisable views.
//!
//! Pages are assembled in Rust from these blocks with every value already formatted
//! (templates only place strings), then handed to the theme's templates. Strings are
//! escaped by the templates; only `Chart::svg` and `Section::html`, produced by the
//! chart and markdown modules, are marked safe there.

use compact_str::CompactString;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub title: String,
    pub company: String,
    pub lang: &'static str,
    pub as_of: String,
    pub version: &'static str,
    /// "Amounts in SEK at fixed rates: 1 EUR = 11.50 SEK"; empty without other
    /// currencies.
    pub rates: String,
    /// Whether the site has a `data-quality/` page.
    pub data_quality: bool,
    /// The `[brand]` logo's path from the site root (`assets/logo.svg`).
    pub logo: Option<String>,
    pub provenance: Provenance,
    /// Who the build is for, shown on every page; `None` for the whole company.
    pub audience: Option<crate::audience::Label>,
    /// A board build: the navigation leaves out the pages it does not have.
    pub aggregates_only: bool,
}

/// Where a build's figures come from: shown in the report's footer.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// `SOURCE_DATE_EPOCH` as a UTC time, else the as-of date.
    pub built: String,
    pub files: Vec<crate::load::InputFile>,
}

/// One page: its place in the site, its title and its sections.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    pub site: &'a Site,
    /// Relative path from this page to the site root: "", "../" or "../../".
    pub root: String,
    /// The navigation entry to highlight.
    pub active: &'static str,
    pub title: String,
    pub lead: Option<String>,
    pub breadcrumbs: Vec<Link>,
    pub kpis: Vec<Kpi>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// Good, warning or bad: drives the colour of a KPI or a cell.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Good,
    Warn,
    Bad,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kpi {
    pub label: String,
    pub value: String,
    pub detail: Option<String>,
    pub tone: Option<Tone>,
}

impl Kpi {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Kpi {
        Kpi {
            label: label.into(),
            value: value.into(),
            detail: None,
            tone: None,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Kpi {
        self.detail = Some(detail.into());
        self
    }

    pub fn tone(mut self, tone: Option<Tone>) -> Kpi {
        self.tone = tone;
        self
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
    pub numeric: bool,
    pub tone: Option<Tone>,
    /// Never broken across lines: a date (`2026-11-15` would break at a hyphen)
    /// or a code (`W-DEAL-DUPLICATE`). The theme's class for it is `date`.
    pub date: bool,
}

impl Cell {
    pub fn date(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            date: true,
            ..Cell::default()
        }
    }

    /// A code or an identifier, kept on one line as a date is.
    pub fn code(text: impl Into<String>) -> Cell {
        Cell::date(text)
    }

    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn number(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            numeric: true,
            ..Cell::default()
        }
    }

    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            href: Some(href.into()),
            ..Cell::default()
        }
    }

    pub fn tone(mut self, tone: Option<Tone>) -> Cell {
        self.tone = tone;
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: String,
    pub numeric: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub foot: Option<Vec<Cell>>,
    /// Shown instead of an empty table; when a page leaves it blank, rendering
    /// gives it the site's words for "nothing to show".
    pub empty: String,
    /// A note under the table (e.g. "showing 50 of 312").
    pub note: Option<String>,
    /// Where the full list can be downloaded as CSV (set when the page is rendered).
    pub download: Option<String>,
    /// The full list behind the table, for its CSV download.
    #[serde(skip)]
    pub csv: Option<Csv>,
}

/// A table's full content as plain text cells, for a CSV download. A list can be
/// every open deal: its cells (ids, dates, amounts) are held inline when short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<CompactString>>,
}

impl Csv {
    /// A download with `header` and `rows` of text.
    pub fn new(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Csv {
        Csv {
            header: header.iter().map(|h| (*h).to_string()).collect(),
            rows: rows
                .into_iter()
                .map(|row| row.into_iter().map(CompactString::from).collect())
                .collect(),
        }
    }
}

impl Table {
    /// A table with columns named by `(label, numeric)`.
    pub fn new(caption: impl Into<String>, columns: &[(&str, bool)]) -> Table {
        Table {
            caption: caption.into(),
            columns: columns
                .iter()
                .map(|(label, numeric)| Column {
                    label: (*label).into(),
                    numeric: *numeric,
                })
                .collect(),
            rows: Vec::new(),
            foot: None,
            empty: String::new(),
            note: None,
            download: None,
            csv: None,
        }
    }

    pub fn empty_text(mut self, text: impl Into<String>) -> Table {
        self.empty = text.into();
        self
    }
}

/// A chart and the table of the numbers it draws.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub svg: String,
    pub table: Table,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Section {
    /// The anchor: `#by-stage`.
    pub id: String,
    pub title: String,
    /// Plain text under the heading.
    pub intro: Option<String>,
    /// Sanitised HTML (rendered markdown).
    pub html: Option<String>,
    pub kpis: Vec<Kpi>,
    pub charts: Vec<Chart>,
    pub tables: Vec<Table>,
    /// Titled blocks of rendered markdown (a segment's why, an offer's value).
    pub items: Vec<Item>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub title: String,
    pub tag: Option<String>,
    /// Sanitised HTML.
    pub html: String,
    /// Plain text under the block.
    pub note: Option<String>,
}

impl Section {
    pub fn new(id: &str, title: impl Into<String>) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            ..Section::default()
        }
    }

    pub fn intro(mut self, text: impl Into<String>) -> Section {
        self.intro = Some(text.into());
        self
    }

    pub fn html(mut self, html: String) -> Section {
        self.html = Some(html);
        self
    }

    pub fn kpis(mut self, kpis: Vec<Kpi>) -> Section {
        self.kpis = kpis;
        self
    }

    pub fn chart(mut self, chart: Chart) -> Section {
        self.charts.push(chart);
        self
    }

    pub fn table(mut self, table: Table) -> Section {
        self.tables.push(table);
        self
    }

    pub fn items(mut self, items: Vec<Item>) -> Section {
        self.items = items;
        self
    }

    pub fn links(mut self, links: Vec<Link>) -> Section {
        self.links = links;
        self
    }
}
