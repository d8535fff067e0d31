//! The board's pages: whatever carries a pseudonym's [`MARK`] is about one deal,
//! customer or seller and is dropped before the page is rendered.
//!
//! A table whose rows are such things (a mark in any row's first cell, or in its
//! CSV) goes whole; a column that merely mentions one (a deal's owner) goes alone.
//! A chart goes with its table. KPIs, items, links and intros that carry a mark go;
//! so do links into the pages a board build does not have. metrics.json loses every
//! list entry and field that carries a mark.

use super::MARK;
use crate::render::view::{Cell, Chart, Kpi, Link, PageView, Section, Table};

/// The pages a board build leaves out, as site-relative path prefixes.
pub const LEFT_OUT: [&str; 3] = ["meeting/", "sellers/", "customers/"];

fn marked(text: &str) -> bool {
    text.contains(MARK)
}

fn left_out(href: &str) -> bool {
    marked(href) || LEFT_OUT.iter().any(|p| href.starts_with(p))
}

fn cell_marked(cell: &Cell) -> bool {
    marked(&cell.text) || cell.href.as_deref().is_some_and(marked)
}

/// Drops from `view` everything about one deal, customer or seller. A page whose
/// own title names one must not be built at all: that is reported as `Err`.
pub fn page(view: &mut PageView<'_>) -> Result<(), String> {
    if marked(&view.title) {
        return Err("a page about one deal, customer or seller".into());
    }
    if view.lead.as_deref().is_some_and(marked) {
        view.lead = None;
    }
    view.breadcrumbs
        .retain(|b| !marked(&b.text) && !left_out(&b.href));
    kpis(&mut view.kpis);
    for section in &mut view.sections {
        self::section(section);
    }
    view.sections
        .retain(|s| s.intro.is_some() || has_content(s));
    Ok(())
}

/// Whether a section shows anything beyond its heading and intro.
fn has_content(s: &Section) -> bool {
    s.html.is_some()
        || !s.kpis.is_empty()
        || !s.charts.is_empty()
        || !s.tables.is_empty()
        || !s.items.is_empty()
        || !s.links.is_empty()
}

fn section(section: &mut Section) {
    let had_content = has_content(section);
    redact_section(section);
    // A section whose lists all went (its intro would introduce nothing) goes too.
    if marked(&section.title) || (had_content && !has_content(section)) {
        *section = Section::default();
    }
}

fn redact_section(section: &mut Section) {
    if section.intro.as_deref().is_some_and(marked) {
        section.intro = None;
    }
    if section.html.as_deref().is_some_and(marked) {
        section.html = None;
    }
    kpis(&mut section.kpis);
    section.charts.retain_mut(chart);
    section.tables.retain_mut(table);
    section.items.retain(|i| {
        !(marked(&i.title)
            || i.tag.as_deref().is_some_and(marked)
            || marked(&i.html)
            || i.note.as_deref().is_some_and(marked))
    });
    section
        .links
        .retain(|l: &Link| !marked(&l.text) && !left_out(&l.href));
}

fn kpis(kpis: &mut Vec<Kpi>) {
    kpis.retain(|k| !marked(&k.label) && !marked(&k.value));
    for kpi in kpis {
        if kpi.detail.as_deref().is_some_and(marked) {
            kpi.detail = None;
        }
    }
}

fn chart(chart: &mut Chart) -> bool {
    !marked(&chart.svg) && table(&mut chart.table)
}

/// Whether the table stays; columns that mention one deal, customer or seller go.
fn table(table: &mut Table) -> bool {
    let rows = table.rows.iter().chain(table.foot.iter());
    if rows.clone().any(|r| r.first().is_some_and(cell_marked))
        || marked(&table.caption)
        || table.note.as_deref().is_some_and(marked)
    {
        return false;
    }
    if let Some(csv) = &table.csv
        && csv
            .rows
            .iter()
            .any(|r| r.first().is_some_and(|c| marked(c)))
    {
        return false;
    }
    let width = table.columns.len();
    let drop: Vec<bool> = (0..width)
        .map(|c| {
            marked(&table.columns[c].label)
                || table
                    .rows
                    .iter()
                    .chain(table.foot.iter())
                    .any(|r| r.get(c).is_some_and(cell_marked))
                || table
                    .csv
                    .as_ref()
                    .is_some_and(|csv| csv.rows.iter().any(|r| r.get(c).is_some_and(|t| marked(t))))
        })
        .collect();
    if drop.iter().any(|d| *d) {
        let keep = |c: usize| !drop.get(c).copied().unwrap_or(false);
        let mut c = 0;
        table.columns.retain(|_| {
            c += 1;
            keep(c - 1)
        });
        for row in table.rows.iter_mut().chain(table.foot.iter_mut()) {
            let mut c = 0;
            row.retain(|_| {
                c += 1;
                keep(c - 1)
            });
        }
        if let Some(csv) = &mut table.csv {
            for row in std::iter::once(&mut csv.header).chain(csv.rows.iter_mut()) {
                let mut c = 0;
                row.retain(|_| {
                    c += 1;
                    keep(c - 1)
                });
            }
        }
    }
    for cell in table.rows.iter_mut().flatten() {
        if cell.href.as_deref().is_some_and(left_out) {
            cell.href = None;
        }
    }
    true
}

/// The fields that say what a metrics.json entry is about.
const NAMING_FIELDS: [&str; 7] = [
    "id",
    "key",
    "name",
    "seller",
    "deal",
    "customer",
    "scope_name",
];

/// metrics.json for the board: every list entry about one deal, customer or seller
/// (a mark in a naming field) goes whole; any other field or key with a mark (a
/// plan's owner) goes alone.
pub fn json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            items.retain(|item| match item {
                Value::String(s) => !marked(s),
                Value::Object(fields) => !NAMING_FIELDS
                    .iter()
                    .any(|f| fields.get(*f).and_then(Value::as_str).is_some_and(marked)),
                _ => true,
            });
            items.iter_mut().for_each(json);
        }
        Value::Object(fields) => {
            fields.retain(|key, v| !marked(key) && !v.as_str().is_some_and(marked));
            fields.values_mut().for_each(json);
        }
        _ => {}
    }
}
