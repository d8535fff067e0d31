//! Reading a CSV export row by row, with every problem pinned to line and column.
//!
//! This module owns the header (known, required and extra columns), the shape of
//! each row, and turning a field index into the 1-based line and column where that
//! field starts in the file, so that readers can say exactly where a bad value is.
//! What the values mean is the caller's business.

use std::path::Path;

use csv::{ReaderBuilder, StringRecord};

use crate::error::{Diagnostic, Problems};

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
    text: &'a str,
    record: &'a StringRecord,
    header: &'a Header,
    /// Byte offset of the row in `text`, and its 1-based line.
    byte: usize,
    line: usize,
}

impl<'a> Row<'a> {
    /// The trimmed value of the layout's column `column` (its index in the layout),
    /// empty when the column is absent.
    pub fn get(&self, column: usize) -> &'a str {
        self.header.positions[column]
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// The trimmed value of a column by name, known or extra; `None` when the file
    /// has no such column.
    pub fn field(&self, name: &str) -> Option<&'a str> {
        let index = match self.header.names.iter().position(|n| *n == name) {
            Some(known) => self.header.positions[known]?,
            None => self.header.extra.iter().find(|(n, _)| n == name)?.1,
        };
        self.record.get(index).map(str::trim)
    }

    /// The extra columns' (name, trimmed value) pairs, in the file's order.
    pub fn extra(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.header
            .extra
            .iter()
            .map(|(name, index)| (name.as_str(), self.record.get(*index).map_or("", str::trim)))
    }

    pub fn line(&self) -> usize {
        self.line
    }

    /// A problem with the layout's column `column` in this row.
    pub fn problem(&self, column: usize, message: impl Into<String>) -> Diagnostic {
        let index = self.header.positions[column].unwrap_or(0);
        let (line, col) = field_start(self.text, self.byte, self.line, index);
        Diagnostic::at(self.path, line, col, message).with_code(crate::error::Code::CsvValue)
    }
}

/// Reads `text` (the contents of `path`), calling `each` for every data row with
/// `problems` for what it finds in the row. Problems
/// with the header or the shape of rows go to `problems`; returns the header, or
/// `None` when the file could not be read as the layout asks.
pub fn read_rows<'t>(
    path: &'t Path,
    text: &'t str,
    layout: Layout<'_>,
    problems: &mut Problems,
    mut each: impl FnMut(&Row<'_>, &mut Problems),
) -> Option<Header> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(record) => check_header(path, text, record, layout, problems)?,
        Err(error) => {
            problems.push(csv_error(path, &error));
            return None;
        }
    };
    let width = reader.headers().map_or(0, StringRecord::len);
    let mut record = StringRecord::new();
    // csv's own line numbers skip blank lines, so count newlines up to each row's
    // byte offset, carrying on from the previous row.
    let (mut counted_to, mut line) = (0, 1);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                problems.push(csv_error(path, &error));
                break;
            }
        }
        let position = record
            .position()
            .cloned()
            .unwrap_or_else(csv::Position::new);
        // csv reports a row as starting at the end of the previous line's terminator
        // (or at blank lines it skipped): step over those to the row's first byte.
        let mut byte = (position.byte() as usize).min(text.len());
        byte += text.as_bytes()[byte..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        line += text.as_bytes()[counted_to..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = byte;
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        if record.len() != width {
            problems.push(
                Diagnostic::at(
                    path,
                    line,
                    1,
                    format!(
                        "row has {} fields, expected {width} as in the header",
                        record.len()
                    ),
                )
                .with_code(crate::error::Code::CsvRowWidth),
            );
            continue;
        }
        let row = Row {
            path,
            text,
            record: &record,
            header: &header,
            byte,
            line,
        };
        each(&row, problems);
    }
    Some(header)
}

fn check_header(
    path: &Path,
    text: &str,
    record: &StringRecord,
    layout: Layout<'_>,
    problems: &mut Problems,
) -> Option<Header> {
    let mut positions = vec![None; layout.columns.len()];
    let mut extra = Vec::new();
    let mut ok = true;
    for (index, name) in record.iter().enumerate() {
        let name = name.trim();
        match layout.columns.iter().position(|c| c.name == name) {
            Some(known) if positions[known].is_some() => {
                let (line, column) = field_start(text, 0, 1, index);
                problems.push(
                    Diagnostic::at(
                        path,
                        line,
                        column,
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
                let (line, column) = field_start(text, 0, 1, index);
                let known: Vec<&str> = layout.columns.iter().map(|c| c.name).collect();
                problems.push(
                    Diagnostic::at(
                        path,
                        line,
                        column,
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
                    1,
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

fn csv_error(path: &Path, error: &csv::Error) -> Diagnostic {
    let line = error.position().map_or(1, |p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "text is not UTF-8, expected a UTF-8 file (save as \"CSV UTF-8\")".to_string()
        }
        _ => format!("cannot read as CSV: {error}"),
    };
    Diagnostic::at(path, line, 1, message).with_code(crate::error::Code::CsvSyntax)
}

/// The 1-based (line, column) where field `index` of the record starting at byte
/// `start` (on line `line`) begins. Walks the raw text honouring quotes, so commas
/// and newlines inside quoted fields are not counted.
pub fn field_start(text: &str, start: usize, line: usize, index: usize) -> (usize, usize) {
    let mut line = line;
    let mut column = 1;
    let mut field = 0;
    let mut in_quotes = false;
    for c in text.get(start..).unwrap_or("").chars() {
        if field == index {
            break;
        }
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => field += 1,
            '\n' if in_quotes => {
                line += 1;
                column = 0;
            }
            '\n' | '\r' => break,
            _ => {}
        }
        column += 1;
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

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

    fn messages(problems: Problems) -> Vec<String> {
        match problems.into_result(()) {
            Ok(()) => Vec::new(),
            Err(Error::Invalid(list)) => list.iter().map(ToString::to_string).collect(),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn field_start_honours_quotes_and_characters() {
        let text = "id,name,amount\n7,\"Åre, AB\",12x\n";
        let start = text.find('7').expect("row");
        assert_eq!(field_start(text, start, 2, 0), (2, 1));
        assert_eq!(field_start(text, start, 2, 1), (2, 3));
        // "Åre, AB" is 9 characters with its quotes: amount starts at column 13
        assert_eq!(field_start(text, start, 2, 2), (2, 13));
    }

    #[test]
    fn field_start_follows_quoted_newlines() {
        let text = "a,b,c\n1,\"two\nlines\",x\n";
        let start = text.find('1').expect("row");
        // `lines",` is 7 characters on line 3, so c starts at column 8
        assert_eq!(field_start(text, start, 2, 2), (3, 8));
    }

    #[test]
    fn line_numbers_count_lf_files() {
        let text = "id,amount\na,1\n\nb,2\n";
        let mut lines = Vec::new();
        let mut problems = Problems::default();
        read_rows(Path::new("t.csv"), text, LAYOUT, &mut problems, |row, _| {
            lines.push(row.line())
        });
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn reads_rows_in_any_column_order_with_a_bom() {
        let text = "\u{feff}amount,id\r\n5,a\r\n\r\n7,b\r\n";
        let mut seen = Vec::new();
        let mut problems = Problems::default();
        read_rows(Path::new("t.csv"), text, LAYOUT, &mut problems, |row, _| {
            seen.push((row.get(0).to_string(), row.get(1).to_string(), row.line()));
        });
        assert!(problems.is_empty());
        assert_eq!(
            seen,
            [("a".into(), "5".into(), 2), ("b".into(), "7".into(), 4)]
        );
    }

    #[test]
    fn reports_header_and_row_shape_problems() {
        let text = "amount,idd\n5,a\n";
        let mut problems = Problems::default();
        read_rows(Path::new("t.csv"), text, LAYOUT, &mut problems, |_, _| {});
        assert_eq!(
            messages(problems),
            [
                "t.csv:1:1: the header has no \"id\" column, expected it in the test export",
                "t.csv:1:8: unknown column \"idd\" in the test export, expected one of id, amount",
            ]
        );

        let text = "id,amount\na,1\nb\nc,3,4\n";
        let mut problems = Problems::default();
        let mut ids = Vec::new();
        read_rows(Path::new("t.csv"), text, LAYOUT, &mut problems, |row, _| {
            ids.push(row.get(0).to_string())
        });
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
        let text = "id,amount\nabc,12x\n";
        let mut problems = Problems::default();
        read_rows(Path::new("t.csv"), text, LAYOUT, &mut problems, |row, _| {
            problems_push(row)
        });
        fn problems_push(row: &Row<'_>) {
            assert_eq!(row.problem(1, "bad").to_string(), "t.csv:2:5: bad");
        }
    }
}
