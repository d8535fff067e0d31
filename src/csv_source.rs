//! Reading an export's table row by row, with every problem pinned to line and column.
//!
//! This module owns the header (known, required and extra columns) and the shape of
//! each row; each cell carries the line and column where it stood in the file (see
//! `ingest`), so that readers can say exactly where a bad value is. What the values
//! mean is the caller's business.

use std::path::Path;

use crate::error::{Diagnostic, Problems};
use crate::ingest::table::trim;
use crate::ingest::{Record, Table};

/// A column the reader knows.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

/// What a file's header must hold.
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    pub columns: &'a [Column],
    /// Whether columns outside `columns` are kept (customer fields) or an error.
    pub extra_allowed: bool,
    /// Shown in messages: "the deals export".
    pub what: &'a str,
}

/// The header of a read file: where each known column is, and the extra ones.
#[derive(Debug)]
pub struct Header {
    /// The layout's column names, in the layout's order.
    names: Vec<&'static str>,
    /// For each of the layout's columns, its index in the file.
    positions: Vec<Option<usize>>,
    /// Extra columns: (name, index in the file).
    pub extra: Vec<(String, usize)>,
}

/// One data row.
pub struct Row<'a> {
    path: &'a Path,
    record: &'a Record,
    header: &'a Header,
}

impl<'a> Row<'a> {
    /// The trimmed value of the layout's column `column` (its index in the layout),
    /// empty when the column is absent.
    pub fn get(&self, column: usize) -> &'a str {
        self.header.positions[column]
            .and_then(|i| self.record.cells.get(i))
            .map_or("", |c| trim(&c.text))
    }

    /// The layout's column `column` as the file wrote it, before mapping made it
    /// canonical: what messages quote.
    pub fn written(&self, column: usize) -> &'a str {
        self.header.positions[column]
            .and_then(|i| self.record.cells.get(i))
            .map_or("", |c| trim(c.written()))
    }

    /// The trimmed value of a column by name, known or extra; `None` when the file
    /// has no such column.
    pub fn field(&self, name: &str) -> Option<&'a str> {
        let index = match self.header.names.iter().position(|n| *n == name) {
            Some(known) => self.header.positions[known]?,
            None => self.header.extra.iter().find(|(n, _)| n == name)?.1,
        };
        self.record.cells.get(index).map(|c| trim(&c.text))
    }

    /// The extra columns' (name, trimmed value) pairs, in the file's order.
    pub fn extra(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.header.extra.iter().map(|(name, index)| {
            let value = self.record.cells.get(*index).map_or("", |c| trim(&c.text));
            (name.as_str(), value)
        })
    }

    pub fn line(&self) -> usize {
        self.record.line
    }

    /// A problem with the layout's column `column` in this row.
    pub fn problem(&self, column: usize, message: impl Into<String>) -> Diagnostic {
        let cell = self.header.positions[column].and_then(|i| self.record.cells.get(i));
        let (line, col) = cell.map_or((self.record.line, 1), |c| (c.line, c.column));
        Diagnostic::at(self.path, line, col, message).with_code(crate::error::Code::CsvValue)
    }
}

/// Reads the rows of `table` (read from `path`), calling `each` for every data row
/// with `problems` for what it finds in the row. Problems with the header or the
/// shape of rows go to `problems`; returns the header, or `None` when the table
/// could not be read as the layout asks.
pub fn read_rows(
    path: &Path,
    table: &Table,
    layout: Layout<'_>,
    problems: &mut Problems,
    each: impl FnMut(&Row<'_>, &mut Problems),
) -> Option<Header> {
    read_rows_of(path, table, layout, true, problems, each)
}

/// [`read_rows`] for one of the tables a large export is read in: each has the
/// same header, whose problems are reported with the first (`first`) only.
pub fn read_rows_of(
    path: &Path,
    table: &Table,
    layout: Layout<'_>,
    first: bool,
    problems: &mut Problems,
    mut each: impl FnMut(&Row<'_>, &mut Problems),
) -> Option<Header> {
    let mut repeated = Problems::default();
    let header_problems = match first {
        true => &mut *problems,
        false => &mut repeated,
    };
    let Some(header_record) = &table.header else {
        header_problems.push(
            Diagnostic::at(
                path,
                1,
                1,
                format!(
                    "the file is empty, expected a header row naming the columns of {}",
                    layout.what
                ),
            )
            .with_code(crate::error::Code::CsvMissingColumn),
        );
        return None;
    };
    let header = check_header(path, header_record, layout, header_problems)?;
    let width = header_record.cells.len();
    for record in &table.rows {
        if record.cells.len() != width {
            problems.push(
                Diagnostic::at(
                    path,
                    record.line,
                    1,
                    format!(
                        "row has {} fields, expected {width} as in the header",
                        record.cells.len()
                    ),
                )
                .with_code(crate::error::Code::CsvRowWidth),
            );
            continue;
        }
        let row = Row {
            path,
            record,
            header: &header,
        };
        each(&row, problems);
    }
    Some(header)
}

fn check_header(
    path: &Path,
    record: &Record,
    layout: Layout<'_>,
    problems: &mut Problems,
) -> Option<Header> {
    let mut positions = vec![None; layout.columns.len()];
    let mut extra = Vec::new();
    let mut ok = true;
    for (index, cell) in record.cells.iter().enumerate() {
        let name = cell.text.trim();
        match layout.columns.iter().position(|c| c.name == name) {
            Some(known) if positions[known].is_some() => {
                problems.push(
                    Diagnostic::at(
                        path,
                        cell.line,
                        cell.column,
                        format!("column \"{name}\" appears twice, expected each column once"),
                    )
                    .with_code(crate::error::Code::CsvDuplicateColumn),
                );
                ok = false;
            }
            Some(known) => positions[known] = Some(index),
            None if layout.extra_allowed && !name.is_empty() => {
                extra.push((name.to_string(), index))
            }
            None => {
                let known: Vec<&str> = layout.columns.iter().map(|c| c.name).collect();
                problems.push(
                    Diagnostic::at(
                        path,
                        cell.line,
                        cell.column,
                        format!(
                            "unknown column \"{name}\" in {}, expected one of {}",
                            layout.what,
                            known.join(", ")
                        ),
                    )
                    .with_code(crate::error::Code::CsvUnknownColumn),
                );
                ok = false;
            }
        }
    }
    for (column, position) in layout.columns.iter().zip(&positions) {
        if column.required && position.is_none() {
            problems.push(
                Diagnostic::at(
                    path,
                    record.line,
                    1,
                    format!(
                        "the header has no \"{}\" column, expected it in {}",
                        column.name, layout.what
                    ),
                )
                .with_code(crate::error::Code::CsvMissingColumn),
            );
            ok = false;
        }
    }
    let names = layout.columns.iter().map(|c| c.name).collect();
    ok.then_some(Header {
        names,
        positions,
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ingest::{Settings, read};

    const LAYOUT: Layout<'static> = Layout {
        columns: &[
            Column {
                name: "id",
                required: true,
            },
            Column {
                name: "amount",
                required: false,
            },
        ],
        extra_allowed: false,
        what: "the test export",
    };

    fn table(text: &str) -> Table {
        let mut problems = Problems::default();
        let source = read(
            Path::new("t.csv"),
            text.as_bytes(),
            &Settings::default(),
            &mut problems,
        );
        source.expect("readable").table
    }

    fn messages(problems: Problems) -> Vec<String> {
        match problems.into_result(()) {
            Ok(()) => Vec::new(),
            Err(Error::Invalid(list)) => list.iter().map(ToString::to_string).collect(),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn line_numbers_count_lf_files() {
        let mut lines = Vec::new();
        let mut problems = Problems::default();
        let table = table("id,amount\na,1\n\nb,2\n");
        read_rows(
            Path::new("t.csv"),
            &table,
            LAYOUT,
            &mut problems,
            |row, _| lines.push(row.line()),
        );
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn reads_rows_in_any_column_order_with_a_bom() {
        let table = table("\u{feff}amount,id\r\n5,a\r\n\r\n7,b\r\n");
        let mut seen = Vec::new();
        let mut problems = Problems::default();
        read_rows(
            Path::new("t.csv"),
            &table,
            LAYOUT,
            &mut problems,
            |row, _| {
                seen.push((row.get(0).to_string(), row.get(1).to_string(), row.line()));
            },
        );
        assert!(problems.is_empty());
        assert_eq!(
            seen,
            [("a".into(), "5".into(), 2), ("b".into(), "7".into(), 4)]
        );
    }

    #[test]
    fn reports_header_and_row_shape_problems() {
        let mut problems = Problems::default();
        read_rows(
            Path::new("t.csv"),
            &table("amount,idd\n5,a\n"),
            LAYOUT,
            &mut problems,
            |_, _| {},
        );
        assert_eq!(
            messages(problems),
            [
                "t.csv:1:1: the header has no \"id\" column, expected it in the test export",
                "t.csv:1:8: unknown column \"idd\" in the test export, expected one of id, amount",
            ]
        );

        let mut problems = Problems::default();
        let mut ids = Vec::new();
        let table = table("id,amount\na,1\nb\nc,3,4\n");
        read_rows(
            Path::new("t.csv"),
            &table,
            LAYOUT,
            &mut problems,
            |row, _| ids.push(row.get(0).to_string()),
        );
        assert_eq!(ids, ["a"]);
        assert_eq!(
            messages(problems),
            [
                "t.csv:3:1: row has 1 fields, expected 2 as in the header",
                "t.csv:4:1: row has 3 fields, expected 2 as in the header"
            ]
        );
    }

    #[test]
    fn row_problems_point_at_the_field() {
        let mut problems = Problems::default();
        read_rows(
            Path::new("t.csv"),
            &table("id;amount\nabc;12x\n"),
            LAYOUT,
            &mut problems,
            |row, _| {
                assert_eq!(row.problem(1, "bad").to_string(), "t.csv:2:5: bad");
            },
        );
    }
}
