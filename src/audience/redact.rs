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

/// Whether the table stays. A table whose rows are single deals, customers or
/// sellers (a mark in a row's first cell) goes whole. Otherwise a column marked in
/// every row that has a value in it (not empty, not "—") is an attribute of the
/// row (a deal's customer or owner) and goes alone, and a row marked anywhere else
/// is about one of them (a seller's target) and goes alone.
fn table(table: &mut Table) -> bool {
    if marked(&table.caption)
        || table.note.as_deref().is_some_and(marked)
        || table
            .rows
            .iter()
            .chain(table.foot.iter())
            .any(|r| r.first().is_some_and(cell_marked))
        || table.csv.as_ref().is_some_and(|csv| {
            csv.rows
                .iter()
                .any(|r| r.first().is_some_and(|c| marked(c)))
        })
    {
        return false;
    }
    let had_rows = !table.rows.is_empty();
    let drop = attribute_columns(table.columns.len(), &table.rows, cell_marked, |c: &Cell| {
        blank(&c.text)
    });
    retain_columns(&mut table.columns, &drop);
    for row in table.rows.iter_mut().chain(table.foot.iter_mut()) {
        retain_columns(row, &drop);
    }
    table.rows.retain(|r| !r.iter().any(cell_marked));
    if table
        .foot
        .as_ref()
        .is_some_and(|r| r.iter().any(cell_marked))
    {
        table.foot = None;
    }
    if let Some(csv) = &mut table.csv {
        let drop = attribute_columns(
            csv.header.len(),
            &csv.rows,
            |t: &compact_str::CompactString| marked(t),
            |t: &compact_str::CompactString| blank(t),
        );
        retain_columns(&mut csv.header, &drop);
        for row in &mut csv.rows {
            retain_columns(row, &drop);
        }
        csv.rows.retain(|r| !r.iter().any(|t| marked(t)));
    }
    for cell in table.rows.iter_mut().flatten() {
        if cell.href.as_deref().is_some_and(left_out) {
            cell.href = None;
        }
    }
    !had_rows || !table.rows.is_empty()
}

/// Whether a cell says nothing: empty, or the dash of a missing value.
fn blank(text: &str) -> bool {
    matches!(text.trim(), "" | "—")
}

/// For each of `width` columns: whether it has a mark, and a mark in every row
/// that is not blank there.
fn attribute_columns<T>(
    width: usize,
    rows: &[Vec<T>],
    is_marked: impl Fn(&T) -> bool,
    is_blank: impl Fn(&T) -> bool,
) -> Vec<bool> {
    (0..width)
        .map(|c| {
            let cells = || rows.iter().filter_map(|r| r.get(c));
            cells().any(&is_marked) && cells().all(|t| is_marked(t) || is_blank(t))
        })
        .collect()
}

fn retain_columns<T>(row: &mut Vec<T>, drop: &[bool]) {
    let mut c = 0;
    row.retain(|_| {
        c += 1;
        !drop.get(c - 1).copied().unwrap_or(false)
    });
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
