//! A CRM's columns and labels onto the canonical ones.
//!
//! [`map`] turns a read [`Source`] into a table with the canonical header (`id`,
//! `name`, `owner`, ...) and canonical values: amounts as `1250000.00`, dates as
//! ISO, stage labels as strategy stage ids, owners as seller ids, customers as
//! customer ids, and a status for every deal. Each cell keeps the place it had in
//! the file. A value that cannot be read is passed on as written, so the model's
//! reader reports it once, at its place, with the form it expected.

use std::collections::HashMap;

use super::number::{self, NumberStyle};
use super::preset::CLOSE_DATE;
use super::settings::Settings;
use super::table::{Cell, Record, Table};
use super::values::{Field, canonical, stage_of, status_of, status_text};
use super::{Kind, Source};
use crate::error::{Code, Diagnostic, Problems};
use crate::model::Status;
use crate::strategy::Strategy;
use rustc_hash::FxHashMap;

/// What the canonical values are looked up in.
pub struct Lookups<'a> {
    pub strategy: &'a Strategy,
    /// Customer id, and lowercased name, -> id.
    pub customers: Option<&'a HashMap<String, String>>,
}

/// The mapping that was used, for `pipepress check`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Used {
    /// (canonical field, the file's header), in the file's order.
    pub columns: Vec<(String, String)>,
    /// Headers no field took, left out.
    pub ignored: Vec<String>,
}

/// The canonical table of `source` and how it was mapped. The source's cells are
/// moved into it, not copied.
pub fn map(
    source: Source,
    kind: Kind,
    settings: &Settings,
    lookups: Option<&Lookups<'_>>,
    problems: &mut Problems,
) -> (Table, Used) {
    let Source {
        path, table: read, ..
    } = source;
    let Some(header) = &read.header else {
        return (read, Used::default());
    };
    let preset = settings.preset.preset();
    let known = match kind {
        Kind::Deals => preset.deals,
        Kind::Customers => preset.customers,
    };
    let mut used = Used::default();
    // For each column of the file: the canonical name it gets, or None (left out).
    let mut names: Vec<Option<String>> = Vec::with_capacity(header.cells.len());
    for (index, cell) in header.cells.iter().enumerate() {
        let title = cell.text.trim();
        let hidden = read.hidden.contains(&index);
        let from_settings = settings
            .columns
            .iter()
            .find(|(_, h)| h.trim().to_lowercase() == title.to_lowercase())
            .map(|(f, _)| f.clone());
        let from_preset = || {
            known
                .iter()
                .find(|(_, headers)| {
                    headers
                        .iter()
                        .any(|h| h.to_lowercase() == title.to_lowercase())
                })
                .map(|(f, _)| (*f).to_string())
        };
        let overridden = |field: &str| settings.columns.contains_key(field);
        let name = match from_settings.or_else(|| from_preset().filter(|f| !overridden(f))) {
            Some(field) => {
                used.columns.push((field.clone(), title.to_string()));
                Some(field)
            }
            // A hidden spreadsheet column is left out unless mapped.
            None if hidden => {
                used.ignored.push(format!("{title} (hidden)"));
                None
            }
            // pipepress's own format keeps the column so the reader can say it is
            // unknown; customers keep every column for segment rules to use.
            None if preset.strict || kind == Kind::Customers => Some(title.to_string()),
            None => {
                used.ignored.push(title.to_string());
                None
            }
        };
        names.push(name);
    }
    // A field taken by two columns keeps the first: a CRM may write both
    // "Deal - Title" and "Title".
    let mut seen = std::collections::HashSet::new();
    for name in &mut names {
        if let Some(n) = name
            && !seen.insert(n.clone())
            && known.iter().any(|(f, _)| f == n)
            && !preset.strict
        {
            *name = None;
        }
    }
    for (field, wanted) in &settings.columns {
        if !used.columns.iter().any(|(f, _)| f == field) {
            let found: Vec<&str> = header.cells.iter().map(|c| c.text.trim()).collect();
            problems.push(
                Diagnostic::file(
                    &path,
                    format!(
                        "[sources] columns: {field} = \"{wanted}\" is not in the header, expected one of {}",
                        found.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with_code(Code::CsvMissingColumn),
            );
        }
    }
    let table = match kind {
        Kind::Customers => rename(read, &names),
        Kind::Deals => deals(read, &names, settings, lookups),
    };
    (table, used)
}

/// The table with the header renamed and unmapped columns left out.
/// A row as wide as the header; others stay as written, for the reader to report.
fn rename(table: Table, names: &[Option<String>]) -> Table {
    let all_kept = names.iter().all(Option::is_some);
    let keep = |record: Record, header: bool| {
        if record.cells.len() != names.len() || (all_kept && !header) {
            return record;
        }
        let cells = record
            .cells
            .into_iter()
            .zip(names)
            .filter_map(|(cell, name)| {
                let name = name.as_ref()?;
                Some(match header {
                    true => Cell::new(name.clone(), cell.line, cell.column),
                    false => cell,
                })
            })
            .collect();
        Record {
            line: record.line,
            cells,
        }
    };
    Table {
        header: table.header.map(|h| keep(h, true)),
        rows: table.rows.into_iter().map(|r| keep(r, false)).collect(),
        hidden: Vec::new(),
    }
}

fn deals(
    table: Table,
    names: &[Option<String>],
    settings: &Settings,
    lookups: Option<&Lookups<'_>>,
) -> Table {
    let renamed = rename(table, names);
    let Some(header) = &renamed.header else {
        return renamed;
    };
    let position = |field: &str| header.cells.iter().position(|c| c.text == field);
    let (status_at, value_at, currency_at) =
        (position("status"), position("value"), position("currency"));
    let has_status = status_at.is_some();
    let stage_at = position("stage");
    let close_at = position(CLOSE_DATE);
    let mut out_header = header.clone();
    let line = header.line;
    let derived_status = !has_status && stage_at.is_some() && !settings.preset.preset().strict;
    if derived_status {
        out_header.cells.push(Cell::new("status", line, 1));
    }
    // A currency written only beside the amount ("42 000 EUR") gets a column.
    let derived_currency = currency_at.is_none() && value_at.is_some();
    if derived_currency {
        out_header.cells.push(Cell::new("currency", line, 1));
    }
    let split_close = close_at.is_some();
    let (expected_at, closed_at) = (position("expected_close"), position("closed"));
    if split_close {
        for (field, at) in [("expected_close", expected_at), ("closed", closed_at)] {
            if at.is_none() {
                out_header.cells.push(Cell::new(field, line, 1));
            }
        }
    }
    let style = settings.numbers.unwrap_or(NumberStyle::En);
    let mut rows = Vec::with_capacity(renamed.rows.len());
    let mut stages: FxHashMap<String, (Option<String>, Option<Status>)> = FxHashMap::default();
    let width = header.cells.len();
    let fields: Vec<Field> = header.cells.iter().map(|c| Field::of(&c.text)).collect();
    // Each row's cells are moved, not copied: a cell keeps what the file wrote
    // (`Cell::written`) when it is made canonical, so the raw amount is still there.
    for record in renamed.rows {
        if record.cells.len() != width {
            rows.push(record);
            continue;
        }
        let line = record.line;
        let mut cells = record.cells;
        let mut status = status_at.and_then(|i| status_of(&cells[i].text, settings));
        let stage_place = stage_at.map(|i| (cells[i].line, cells[i].column));
        let mut stage_id = None;
        if let Some(i) = stage_at {
            // A file has a few stage labels and many rows: each label is looked up once.
            let label = cells[i].text.as_str();
            if !stages.contains_key(label) {
                let found = stage_of(label, settings, lookups.map(|l| l.strategy));
                stages.insert(label.to_string(), found);
            }
            let (id, closes) = &stages[label];
            let closes = *closes;
            stage_id = id.as_deref();
            if status.is_none() && !has_status {
                status = Some(closes.unwrap_or(Status::Open));
            }
        }
        for (cell, &field) in cells.iter_mut().zip(&fields) {
            if let Some(text) = canonical(field, &cell.text, settings, style, lookups, stage_id) {
                cell.set(text);
            }
        }
        if let (Some(i), Some(status)) = (status_at, status)
            && cells[i].text != status_text(status)
        {
            cells[i].set(status_text(status).into());
        }
        // Also in the file: a currency written with the amount ("42 000 EUR").
        if let (Some(value), Some(currency)) = (value_at, currency_at)
            && cells[currency].text.trim().is_empty()
            && let Some(code) =
                number::parse_amount(cells[value].written(), style).and_then(|a| a.currency)
        {
            cells[currency].text = code.into();
        }
        if derived_status {
            let at = stage_place.unwrap_or((line, 1));
            let text = status.map_or("", status_text);
            cells.push(Cell::new(text, at.0, at.1));
        }
        if derived_currency {
            let value = &cells[value_at.unwrap_or(0)];
            let code = number::parse_amount(value.written(), style).and_then(|a| a.currency);
            let (at_line, at_column) = (value.line, value.column);
            cells.push(Cell::new(code.unwrap_or_default(), at_line, at_column));
        }
        if split_close {
            let close = cells[close_at.unwrap_or(0)].clone();
            let closed = status.is_some_and(|s| s != Status::Open);
            for (at, wanted) in [(expected_at, !closed), (closed_at, closed)] {
                match at {
                    Some(i) if wanted && cells[i].text.trim().is_empty() => {
                        cells[i].text = close.text.clone();
                    }
                    Some(_) => {}
                    None => {
                        let text = if wanted {
                            close.text.clone()
                        } else {
                            compact_str::CompactString::default()
                        };
                        cells.push(Cell::new(text, close.line, close.column));
                    }
                }
            }
        }
        rows.push(Record { line, cells });
    }
    let full = out_header.cells.len();
    let drop_close = |record: &mut Record| {
        if let Some(i) = close_at
            && record.cells.len() == full
        {
            record.cells.remove(i);
        }
    };
    let mut table = Table {
        header: Some(out_header),
        rows,
        hidden: Vec::new(),
    };
    if let Some(h) = table.header.as_mut() {
        drop_close(h);
    }
    table.rows.iter_mut().for_each(drop_close);
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ReadInfo, Source};

    fn source(text: &str, hidden: Vec<usize>) -> Source {
        let mut source = crate::ingest::from_text("t.csv", text).expect("readable");
        source.table.hidden = hidden;
        source.read = ReadInfo::default();
        source
    }

    fn header(table: &Table) -> Vec<String> {
        let header = table.header.as_ref().expect("header");
        header.cells.iter().map(|c| c.text.to_string()).collect()
    }

    #[test]
    fn hidden_columns_go_unless_mapped() {
        // pipepress's own preset: "checksum" is unknown and hidden, "id" known and
        // hidden: the first is left out, the second kept.
        let source = source("id,checksum,name\n1,x,A\n", vec![0, 1]);
        let mut problems = Problems::default();
        let (table, used) = map(
            source,
            Kind::Customers,
            &Settings::default(),
            None,
            &mut problems,
        );
        assert_eq!(header(&table), ["id", "name"]);
        assert_eq!(used.ignored, ["checksum (hidden)"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn columns_named_in_the_settings_win_and_must_exist() {
        let source = source("Kundnummer,Företag,Region\n7,Åre AB,Jämtland\n", Vec::new());
        let mut settings = Settings::default();
        settings.columns.insert("id".into(), "Kundnummer".into());
        settings.columns.insert("industry".into(), "Bransch".into());
        let mut problems = Problems::default();
        let (table, _) = map(source, Kind::Customers, &settings, None, &mut problems);
        // "Företag" is a Swedish header of pipepress's own preset for name, and
        // headers match without regard to case: "Region" is region.
        assert_eq!(header(&table), ["id", "name", "region"]);
        let Err(crate::error::Error::Invalid(list)) = problems.into_result(()) else {
            panic!("a missing column is a problem");
        };
        assert_eq!(
            list[0].to_string(),
            "t.csv: [sources] columns: industry = \"Bransch\" is not in the header, expected one of \"Kundnummer\", \"Företag\", \"Region\""
        );
    }
}
