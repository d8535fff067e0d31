//! Exports as they come, into plain tables: the reading half of the pipeline's
//! first stage.
//!
//! [`read`] turns a file's bytes into a [`Source`]: the encoding detected and
//! decoded (`decode`), the dialect sniffed (`dialect`) and the rows split with each
//! cell's place (`delimited`), or an xlsx sheet read (`xlsx`); then blank rows and
//! report footers are set aside with a note. [`read_chunked_from`] reads a UTF-8
//! export from disk in blocks cut at record ends (`blocks`), never held whole.
//! [`mapping::map`] later puts the
//! CRM's columns and labels onto the canonical ones, reading amounts (`number`) and
//! dates (`date`) in the source's forms. Presets (`preset`) and a source's own
//! overrides (`settings`) say how. Nothing here judges a value: that is the model's.

pub mod blocks;
pub mod date;
pub mod decode;
pub mod delimited;
pub mod dialect;
mod hidden;
pub mod mapping;
pub mod number;
pub mod preset;
pub mod settings;
pub mod table;
mod values;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::error::{Code, Diagnostic, Problems};

pub use settings::Settings;
pub use table::{Cell, Record, Table};
pub use values::status_text;

/// Which canonical table a source fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Deals,
    Customers,
}

/// A read export: its path in the project, its table, and what reading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub table: Table,
    pub read: ReadInfo,
}

/// How a source was read, for `pipepress check`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadInfo {
    /// "csv" or "xlsx".
    pub format: &'static str,
    /// "utf-8 with BOM", "windows-1252"; empty for xlsx.
    pub encoding: String,
    /// "delimiter \";\", CRLF"; for xlsx, the sheet read.
    pub dialect: String,
    /// Lines set aside as not data.
    pub notes: Vec<Note>,
}

/// Something reading set aside, at a line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

/// Whether the export at `path` is a workbook (read as xlsx, whatever its bytes).
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Reads an export's bytes. Problems (an unreadable workbook, broken quoting) go to
/// `problems`, and no source comes back.
pub fn read(
    path: &Path,
    bytes: &[u8],
    settings: &Settings,
    problems: &mut Problems,
) -> Option<Source> {
    let mut whole = None;
    let read = read_chunked(path, bytes, settings, usize::MAX, problems, |source| {
        whole = Some(source);
    })?;
    whole.map(|source| Source { read, ..source })
}

/// Reads an export's bytes as [`read`] does, handing its rows on in tables of about
/// `rows` rows, each with the header, so that a large export is never held whole.
/// Returns how the export was read, with notes on every row set aside; `None` when
/// it could not be read (`problems` says why; rows before a syntax error may have
/// been handed on).
pub fn read_chunked(
    path: &Path,
    bytes: &[u8],
    settings: &Settings,
    rows: usize,
    problems: &mut Problems,
    each: impl FnMut(Source),
) -> Option<ReadInfo> {
    if is_xlsx(path) {
        return match xlsx::read(bytes, settings.sheet.as_deref()) {
            Ok((sheet, table)) => {
                let read = ReadInfo {
                    format: "xlsx",
                    dialect: format!("sheet \"{sheet}\""),
                    ..ReadInfo::default()
                };
                let mut chunks = Chunks::new(path, rows, read, each);
                chunks.header = table.header;
                chunks.pending = table.rows;
                chunks.hidden = table.hidden;
                Some(chunks.finish())
            }
            Err(message) => {
                problems.push(Diagnostic::file(path, message).with_code(Code::FileUnreadable));
                None
            }
        };
    }
    let (text, detected, replaced) = decode::decode(bytes, settings.encoding);
    if replaced {
        problems.push(Diagnostic::file(path, format!("holds bytes that are not {}, expected text in one encoding (set encoding = \"windows-1252\" or \"utf-8\" for this source)", detected.encoding.name())).with_code(Code::FileEncoding));
        return None;
    }
    let dialect = dialect::sniff(&text, settings.delimiter);
    let read = ReadInfo {
        format: "csv",
        encoding: detected.describe(),
        dialect: dialect.describe(),
        notes: Vec::new(),
    };
    let mut chunks = Chunks::new(path, rows, read, each);
    match delimited::read_each(&text, dialect, |record| chunks.push(record)) {
        Ok(()) => Some(chunks.finish()),
        Err(error) => {
            problems.push(
                Diagnostic::at(path, error.line, 1, error.message).with_code(Code::CsvSyntax),
            );
            None
        }
    }
}

/// Reads a delimited export that is UTF-8 throughout (the caller has made sure,
/// with [`decode::Utf8Scan`]) from `reader`, as [`read_chunked`] reads its bytes,
/// but a block at a time: the file is never held whole. Every byte read goes to
/// `seen`, to hash the file in the same pass.
pub fn read_chunked_from(
    path: &Path,
    reader: &mut dyn std::io::Read,
    settings: &Settings,
    rows: usize,
    problems: &mut Problems,
    seen: &mut dyn FnMut(&[u8]),
    each: impl FnMut(Source),
) -> Option<ReadInfo> {
    const BLOCK: usize = 4 << 20;
    // The encoding and dialect are known once the first line is read; the tables
    // handed on carry the format only, the ReadInfo returned all of it.
    let read = ReadInfo {
        format: "csv",
        ..ReadInfo::default()
    };
    let mut chunks = Chunks::new(path, rows, read, each);
    let result = blocks::read_blocks(reader, settings.delimiter, BLOCK, seen, |record| {
        chunks.push(record)
    });
    match result {
        Ok((dialect, bom)) => {
            chunks.read.encoding = decode::Detected {
                encoding: decode::Encoding::Utf8,
                bom,
            }
            .describe();
            chunks.read.dialect = dialect.describe();
            Some(chunks.finish())
        }
        Err(blocks::BlockError::Syntax(error)) => {
            problems.push(
                Diagnostic::at(path, error.line, 1, error.message).with_code(Code::CsvSyntax),
            );
            None
        }
        Err(blocks::BlockError::Io(error)) => {
            problems.push(
                Diagnostic::file(path, format!("cannot read: {error}"))
                    .with_code(Code::FileUnreadable),
            );
            None
        }
    }
}

/// Rows gathered into tables of about `rows`, blank rows and a report footer set
/// aside on the way.
struct Chunks<'a, F> {
    path: &'a Path,
    rows: usize,
    read: ReadInfo,
    header: Option<Record>,
    pending: Vec<Record>,
    hidden: Vec<usize>,
    /// The lines of blank rows set aside so far.
    blank: Vec<usize>,
    each: F,
}

impl<'a, F: FnMut(Source)> Chunks<'a, F> {
    fn new(path: &'a Path, rows: usize, read: ReadInfo, each: F) -> Self {
        Chunks {
            path,
            rows,
            read,
            header: None,
            pending: Vec::new(),
            hidden: Vec::new(),
            blank: Vec::new(),
            each,
        }
    }

    /// The next row of the file: the first that is not blank is the header.
    fn push(&mut self, record: Record) {
        if self.header.is_none() {
            if !record.is_blank() {
                self.header = Some(record);
            }
            return;
        }
        self.pending.push(record);
        if self.pending.len() >= self.rows {
            self.hand_on();
        }
    }

    /// Hands on the rows gathered, all but the last data row and what follows it:
    /// those may turn out to be a report footer, known only at the end. (Should a
    /// file hold no data rows for twice a chunk, they go on regardless.)
    fn hand_on(&mut self) {
        let width = self.header.as_ref().map_or(0, |h| h.cells.len());
        let keep_from = match self.pending.iter().rposition(|r| r.filled() > 1) {
            Some(last_data) if width > 2 => last_data,
            None if width > 2 && self.pending.len() < self.rows.saturating_mul(2) => 0,
            _ => self.pending.len(),
        };
        if keep_from == 0 {
            return;
        }
        let kept = self.pending.split_off(keep_from);
        let mut rows = std::mem::replace(&mut self.pending, kept);
        self.blank.extend(drop_blank(&mut rows));
        if !rows.is_empty() {
            let table = Table {
                header: self.header.clone(),
                rows,
                hidden: self.hidden.clone(),
            };
            (self.each)(Source {
                path: self.path.to_path_buf(),
                table,
                read: self.read.clone(),
            });
        }
    }

    /// Hands on the last rows (the header alone, for a file without data) and says
    /// how the file was read, with a note on each kind of row set aside.
    fn finish(mut self) -> ReadInfo {
        let mut table = Table {
            header: self.header.take(),
            rows: std::mem::take(&mut self.pending),
            hidden: std::mem::take(&mut self.hidden),
        };
        let mut notes: Vec<Note> = footer(&mut table).into_iter().collect();
        self.blank.extend(drop_blank(&mut table.rows));
        if let Some(&first) = self.blank.first() {
            let lines: Vec<String> = self.blank.iter().map(ToString::to_string).collect();
            notes.push(Note {
                line: first,
                message: format!(
                    "{} blank rows skipped (lines {})",
                    self.blank.len(),
                    lines.join(", ")
                ),
            });
        }
        self.read.notes = notes;
        (self.each)(Source {
            path: self.path.to_path_buf(),
            table,
            read: self.read.clone(),
        });
        self.read
    }
}

/// Removes a report footer, with a note: after a blank line, rows with at most one
/// cell filled (Salesforce's "Confidential Information", copyright and "Generated
/// By" lines).
fn footer(table: &mut Table) -> Option<Note> {
    let width = table.header.as_ref().map_or(0, |h| h.cells.len());
    if width <= 2 {
        return None;
    }
    let last_data = table.rows.iter().rposition(|r| r.filled() > 1);
    let footer_start = last_data.map_or(0, |i| i + 1);
    // The line after the last data row ends (it may span lines).
    let data_end = match last_data {
        Some(i) => {
            table.rows[i]
                .cells
                .iter()
                .map(|c| c.line)
                .max()
                .unwrap_or(0)
                + 1
        }
        None => table.header.as_ref().map_or(1, |h| h.line + 1),
    };
    let footer = &table.rows[footer_start..];
    let after_gap = footer
        .first()
        .is_some_and(|r| r.is_blank() || r.line > data_end);
    if !after_gap || footer.iter().all(Record::is_blank) {
        return None;
    }
    let lines: Vec<String> = footer
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.text.trim())
                .collect::<Vec<_>>()
                .join(" ")
                .trim()
                .to_string()
        })
        .collect();
    let note = Note {
        line: footer[0].line,
        message: format!(
            "a report footer of {} lines, not deals: {}",
            lines.len(),
            lines.join(" / ")
        ),
    };
    table.rows.truncate(footer_start);
    Some(note)
}

/// Removes blank rows (blank lines, formatted but empty spreadsheet rows), giving
/// their lines.
fn drop_blank(rows: &mut Vec<Record>) -> Vec<usize> {
    let blank = rows
        .iter()
        .filter(|r| r.is_blank())
        .map(|r| r.line)
        .collect();
    rows.retain(|r| !r.is_blank());
    blank
}

/// A source read from text with default settings: for tests that build exports in
/// code.
#[cfg(test)]
pub(crate) fn from_text(path: &str, text: &str) -> Option<Source> {
    let mut problems = Problems::default();
    read(
        Path::new(path),
        text.as_bytes(),
        &Settings::default(),
        &mut problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Source {
        let mut problems = Problems::default();
        let source = read(
            Path::new("t.csv"),
            text.as_bytes(),
            &Settings::default(),
            &mut problems,
        );
        assert!(problems.is_empty());
        source.expect("reads")
    }

    #[test]
    fn sets_a_salesforce_footer_aside() {
        let text = "\"Stage\",\"Amount\",\"Owner\"\n\"Proposal\",\"1,000\",\"Anna\"\n\n\"Confidential Information - Do Not Distribute\"\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n";
        let source = read_text(text);
        assert_eq!(source.table.rows.len(), 1);
        assert_eq!(source.read.notes.len(), 1);
        assert_eq!(source.read.notes[0].line, 4);
        assert!(
            source.read.notes[0]
                .message
                .starts_with("a report footer of 2 lines")
        );
    }

    #[test]
    fn chunks_hold_the_rows_and_notes_of_the_whole() {
        // Data rows at lines 2, 4, 5 (over two lines), 8 and 9; rows of empty cells
        // at lines 3 and 7; after the blank line 10, a footer of two lines.
        let text = "a,b,c\n1,x,y\n,,\n2,x,y\n3,\"two\nlines\",y\n,,\n4,x,y\n5,x,y\n\nConfidential\nGenerated By\n";
        let whole = read_text(text);
        let lines = |table: &Table| -> Vec<usize> { table.rows.iter().map(|r| r.line).collect() };
        assert_eq!(lines(&whole.table), [2, 4, 5, 8, 9]);
        for size in 1..=6 {
            let mut problems = Problems::default();
            let mut seen = Vec::new();
            let read = read_chunked(
                Path::new("t.csv"),
                text.as_bytes(),
                &Settings::default(),
                size,
                &mut problems,
                |chunk| {
                    assert_eq!(chunk.table.header, whole.table.header);
                    seen.extend(lines(&chunk.table));
                },
            )
            .expect("reads");
            assert_eq!(seen, lines(&whole.table), "chunks of {size}");
            assert_eq!(read, whole.read, "chunks of {size}");
        }
        assert_eq!(
            whole.read.notes[0].message,
            "a report footer of 2 lines, not deals: Confidential / Generated By"
        );
        assert_eq!(
            whole.read.notes[1].message,
            "2 blank rows skipped (lines 3, 7)"
        );
    }

    #[test]
    fn notes_blank_rows() {
        let source = read_text("a;b\n1;2\n;\n3;4\n");
        assert_eq!(source.table.rows.len(), 2);
        assert_eq!(
            source.read.notes[0].message,
            "1 blank rows skipped (lines 3)"
        );
        assert_eq!(source.read.encoding, "utf-8");
        assert_eq!(source.read.dialect, "delimiter \";\", LF");
    }
}
