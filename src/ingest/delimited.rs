//! Delimited text (CSV, `;`-separated, tab-separated) into a [`Table`].
//!
//! The csv crate does the quoting (quoted newlines, delimiters and doubled quotes
//! inside fields); this module adds where each field starts, as 1-based line and
//! column in characters, so problems point at the cell.

use csv::{ByteRecord, ReaderBuilder};

use super::dialect::Dialect;
use super::table::{Cell, Record, Table};

/// A file that cannot be read as delimited text: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

/// Reads `text` in `dialect`: the first non-blank row is the header.
pub fn read(text: &str, dialect: Dialect) -> Result<Table, SyntaxError> {
    let mut table = Table::default();
    read_each(text, dialect, |record| match &table.header {
        None if record.is_blank() => {}
        None => table.header = Some(record),
        Some(_) => table.rows.push(record),
    })?;
    Ok(table)
}

/// Reads `text` in `dialect`, giving each row (blank ones too) to `each` in the
/// file's order, so that a large file need not be held as one table.
pub fn read_each(
    text: &str,
    dialect: Dialect,
    mut each: impl FnMut(Record),
) -> Result<(), SyntaxError> {
    let (body, line) = match dialect.sep_line {
        true => (text.split_once('\n').map_or("", |(_, rest)| rest), 2),
        false => (text, 1),
    };
    // The csv crate would drop a mark at the start of the body itself, but count
    // the row after it as starting there: marks there are dropped here (all of
    // them: a tool may add one to a file that has one), and places stay true.
    let body = body.trim_start_matches('\u{feff}');
    read_part(body.as_bytes(), dialect.delimiter, line, &mut each)
}

/// A record that is not UTF-8 though the whole text was found so before.
const NOT_UTF8: &str = "cannot read as delimited text: holds bytes that are not UTF-8 (the file changed while it was read?)";

/// Reads one part of a file's body: whole records, the first starting on `line`.
pub(super) fn read_part(
    body: &[u8],
    delimiter: u8,
    mut line: usize,
    each: &mut impl FnMut(Record),
) -> Result<(), SyntaxError> {
    let first_line = line;
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut record = ByteRecord::new();
    let mut counted_to = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let at = error
                    .position()
                    .map_or(line, |p| p.line() as usize + first_line - 1);
                return Err(SyntaxError {
                    line: at,
                    message: format!("cannot read as delimited text: {error}"),
                });
            }
        }
        let position = record
            .position()
            .cloned()
            .unwrap_or_else(csv::Position::new);
        // csv reports a row as starting at the end of the previous line's terminator
        // (or at blank lines it skipped): step over those to the row's first byte.
        let mut byte = (position.byte() as usize).min(body.len());
        byte += body[byte..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        line += body[counted_to..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = byte;
        // The text was found to be UTF-8 before (decoded whole, or scanned): one
        // check of the record's fields together guards a file changed since, and
        // each field is a slice of it, cut at character boundaries.
        let not_utf8 = || SyntaxError {
            line,
            message: NOT_UTF8.into(),
        };
        let fields = std::str::from_utf8(record.as_slice()).map_err(|_| not_utf8())?;
        let field = |i: usize| record.range(i).and_then(|r| fields.get(r));
        let mut cells = Vec::with_capacity(record.len());
        if written_plain(body, byte, &record) {
            // Its bytes are its fields joined by the delimiter: each field starts
            // its characters and a delimiter after the one before.
            let mut column = 1;
            for i in 0..record.len() {
                let text = field(i).ok_or_else(not_utf8)?;
                cells.push(Cell::new(text, line, column));
                column += match text.is_ascii() {
                    true => text.len(),
                    false => text.chars().count(),
                } + 1;
            }
        } else {
            let starts = field_starts(body, byte, line, record.len(), delimiter);
            for (i, (line, column)) in starts.into_iter().enumerate() {
                cells.push(Cell::new(field(i).ok_or_else(not_utf8)?, line, column));
            }
        }
        each(Record { line, cells });
    }
    Ok(())
}

/// Whether the file wrote the record starting at byte `start` without quotes
/// (nearly every row), so that its fields' places follow from their lengths.
fn written_plain(body: &[u8], start: usize, record: &ByteRecord) -> bool {
    let length = record.as_slice().len() + record.len().saturating_sub(1);
    let Some(raw) = body.get(start..start + length) else {
        return false;
    };
    let ends_there = matches!(body.get(start + length), None | Some(b'\r' | b'\n'));
    ends_there && !raw.contains(&b'"')
}

/// The 1-based (line, column) of each of the `count` fields of the record starting
/// at byte `start` (on line `line`). Walks the raw text honouring quotes, so
/// delimiters and newlines inside quoted fields are not counted.
pub fn field_starts(
    text: &[u8],
    start: usize,
    line: usize,
    count: usize,
    delimiter: u8,
) -> Vec<(usize, usize)> {
    // Where in a field the walk is, as the csv crate reads it: a quote opens a
    // quoted field only at the field's start; in one, a doubled quote is a quote
    // and a single one closes it (what follows is read as written).
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        Start,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut starts = Vec::with_capacity(count);
    let (mut line, mut column) = (line, 1);
    let mut at = At::Start;
    starts.push((line, column));
    // Bytes, not chars: what is looked for is ASCII, and a column is counted at
    // the first byte of each character (continuation bytes are 0b10xx_xxxx).
    for &b in text.get(start..).unwrap_or(&[]) {
        if starts.len() >= count {
            break;
        }
        if b & 0xC0 == 0x80 {
            continue;
        }
        column += 1;
        at = match (at, b) {
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, b'\n') => {
                line += 1;
                column = 1;
                At::Quoted
            }
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') | (At::Start, b'"') => At::Quoted,
            (_, b) if b == delimiter => {
                starts.push((line, column));
                At::Start
            }
            (_, b'\n' | b'\r') => break,
            _ => At::Plain,
        };
    }
    // A short walk (never expected) still gives every field a place.
    while starts.len() < count {
        starts.push((line, column));
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::dialect::sniff;

    fn places(table: &Table) -> Vec<Vec<(String, usize, usize)>> {
        table
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| (c.text.to_string(), c.line, c.column))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fields_know_their_line_and_column() {
        let text = "id,name,amount\n7,\"Åre, AB\",12x\n";
        let table = read(text, sniff(text, None)).expect("reads");
        // "Åre, AB" is 9 characters with its quotes: amount starts at column 13.
        assert_eq!(
            places(&table),
            [[
                ("7".into(), 2, 1),
                ("Åre, AB".into(), 2, 3),
                ("12x".into(), 2, 13)
            ]]
        );
    }

    #[test]
    fn quoted_newlines_and_blank_lines_keep_lines_true() {
        let text = "a;b;c\r\n\r\n1;\"two\r\nlines\";x\r\n2;\"say \"\"hi\"\"\";y\r\n";
        let table = read(text, sniff(text, None)).expect("reads");
        // Line 2 is blank; `lines";` is 7 characters on line 4, so c starts at
        // column 8.
        assert_eq!(places(&table)[0][2], ("x".into(), 4, 8));
        assert_eq!(places(&table)[0][1].0, "two\r\nlines");
        assert_eq!(places(&table)[1][1], ("say \"hi\"".into(), 5, 3));
    }

    #[test]
    fn the_sep_line_is_not_the_header() {
        let text = "sep=;\nid;name\n1;a\n";
        let table = read(text, sniff(text, None)).expect("reads");
        let header = table.header.clone().expect("header");
        assert_eq!(header.line, 2);
        assert_eq!(header.cells[1].text, "name");
        assert_eq!(places(&table), [[("1".into(), 3, 1), ("a".into(), 3, 3)]]);
    }

    /// The character at 1-based (line, column) of `text`, if any.
    fn at(text: &str, line: usize, column: usize) -> Option<char> {
        text.split('\n').nth(line - 1)?.chars().nth(column - 1)
    }

    proptest::proptest! {
        #[test]
        fn what_a_csv_writer_writes_reads_back_in_place(
            delimiter in proptest::sample::select(vec![b',', b';', b'\t']),
            width in 1usize..4,
            cells in proptest::collection::vec("[a-zA-Zåö0-9 ,;\"\n\t]{0,6}", 1..16),
        ) {
            let rows: Vec<Vec<String>> = cells.chunks(width).filter(|r| r.len() == width).map(<[String]>::to_vec).collect();
            let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
            let header: Vec<String> = (0..width).map(|i| format!("h{i}")).collect();
            writer.write_record(&header).expect("header");
            for row in &rows {
                writer.write_record(row).expect("row");
            }
            let text = String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8");
            let table = read(&text, super::super::dialect::sniff(&text, Some(delimiter))).expect("reads");
            let read_rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.cells.iter().map(|c| c.text.to_string()).collect()).collect();
            proptest::prop_assert_eq!(&read_rows, &rows);
            for record in &table.rows {
                for cell in &record.cells {
                    let found = at(&text, cell.line, cell.column);
                    let ok = match cell.text.chars().next() {
                        Some(first) => found == Some('"') || found == Some(first),
                        None => found.is_none_or(|c| c == '"' || c == delimiter as char || c == '\n'),
                    };
                    proptest::prop_assert!(ok, "{:?} at {}:{} found {:?}", cell.text, cell.line, cell.column, found);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn places_of_unquoted_rows_are_those_the_walk_finds(row in "[a-zåö€ ;,\t]{0,24}") {
            let mut read = Vec::new();
            read_part(row.as_bytes(), b';', 3, &mut |r| read.push(r)).expect("reads");
            for record in read {
                proptest::prop_assert!(written_plain(row.as_bytes(), 0, &ByteRecord::from(record.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>())));
                let quick: Vec<(usize, usize)> = record.cells.iter().map(|c| (c.line, c.column)).collect();
                proptest::prop_assert_eq!(quick, field_starts(row.as_bytes(), 0, 3, record.cells.len(), b';'));
            }
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_stop_the_read_at_their_line() {
        // A lone lead byte; then a character cut in two by the delimiter, whose
        // fields joined would be UTF-8 ("å" is C3 A5).
        for body in [&b"a,b\nc,\xC3\n"[..], b"a,b\n\xC3,\xA5\n"] {
            let mut read = Vec::new();
            let error = read_part(body, b',', 1, &mut |r| read.push(r)).expect_err("not UTF-8");
            assert_eq!(error.line, 2);
            assert!(error.message.contains("not UTF-8"), "{}", error.message);
            assert_eq!(read.len(), 1);
        }
    }
}
