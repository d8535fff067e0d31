//! Delimited text (CSV, `;`-separated, tab-separated) into a [`Table`].
//!
//! The csv crate's state machine (`csv_core`) does the quoting (quoted newlines,
//! delimiters and doubled quotes inside fields); this module adds where each field
//! starts, as 1-based line and column in characters, so problems point at the
//! cell. `Records` reads a body given in parts (blocks read from disk) as it
//! reads it whole.

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
    // The state machine would drop a mark at the start of the body itself, but
    // the row after it would seem to start there: marks there are dropped here (all of
    // them: a tool may add one to a file that has one), and places stay true.
    let body = body.trim_start_matches('\u{feff}');
    Records::new(dialect.delimiter, line).read(body.as_bytes(), true, &mut each)?;
    Ok(())
}

/// A record that is not UTF-8 though the whole text was found so before.
const NOT_UTF8: &str = "cannot read as delimited text: holds bytes that are not UTF-8 (the file changed while it was read?)";

/// The records of a file's body, read by the csv crate's state machine from a
/// buffer that is given more of the body, call after call, each byte read once.
/// A record cut by the end of the buffer is read on when the rest comes.
pub(super) struct Records {
    core: csv_core::Reader,
    delimiter: u8,
    /// The fields' text of the record being read, and where each field ends.
    output: Vec<u8>,
    ends: Vec<usize>,
    written: usize,
    fields: usize,
    /// The buffer's first byte not in a record handed on: where the record being
    /// read starts (with the ends of lines before it).
    start: usize,
    /// The buffer's bytes given to the state machine.
    fed: usize,
    /// The line at the buffer's byte `counted_to`.
    line: usize,
    counted_to: usize,
}

impl Records {
    /// Records of a body whose first byte is on `line`.
    pub(super) fn new(delimiter: u8, line: usize) -> Self {
        Records {
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            output: vec![0; 4096],
            ends: vec![0; 64],
            written: 0,
            fields: 0,
            start: 0,
            fed: 0,
            line,
            counted_to: 0,
        }
    }

    /// Reads the records of `buffer` (the body's bytes from the first not handed
    /// on before) to `each`, the last one too when `ended` (nothing follows).
    /// Returns how many of the buffer's first bytes are done with: the caller
    /// takes them out before the next call and keeps the rest, the start of a
    /// record still being read.
    pub(super) fn read(
        &mut self,
        buffer: &[u8],
        ended: bool,
        each: &mut impl FnMut(Record),
    ) -> Result<usize, SyntaxError> {
        use csv_core::ReadRecordResult as Read;
        loop {
            let input = &buffer[self.fed..];
            // The state machine takes no input for the end of the file.
            if input.is_empty() && !ended {
                return Ok(self.done(buffer));
            }
            let (result, read, written, fields) = self.core.read_record(
                input,
                &mut self.output[self.written..],
                &mut self.ends[self.fields..],
            );
            self.fed += read;
            self.written += written;
            self.fields += fields;
            match result {
                // The rest of the record is in what comes next.
                Read::InputEmpty if !ended => return Ok(self.done(buffer)),
                // On to the end of the file.
                Read::InputEmpty if !input.is_empty() => {}
                Read::InputEmpty | Read::End => return Ok(buffer.len()),
                Read::OutputFull => {
                    let room = self.output.len();
                    self.output.resize(2 * room, 0);
                }
                Read::OutputEndsFull => {
                    let room = self.ends.len();
                    self.ends.resize(2 * room, 0);
                }
                Read::Record => {
                    // Ended by the end of a line, or by the end of the file.
                    let terminated = !input.is_empty();
                    each(self.record(buffer, terminated)?);
                    self.start = self.fed;
                    self.written = 0;
                    self.fields = 0;
                }
            }
        }
    }

    /// The buffer's first bytes, those before the record being read: counted, and
    /// taken out of the places kept.
    fn done(&mut self, buffer: &[u8]) -> usize {
        let done = self.start;
        self.count_lines(buffer, done);
        self.start -= done;
        self.fed -= done;
        self.counted_to -= done;
        done
    }

    /// Adds the lines that end in `buffer` before `to` (from where they were
    /// last counted).
    fn count_lines(&mut self, buffer: &[u8], to: usize) {
        self.line += buffer[self.counted_to..to]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.counted_to = to;
    }

    /// The record just read, `buffer[self.start..self.fed]`, as cells in place.
    fn record(&mut self, buffer: &[u8], terminated: bool) -> Result<Record, SyntaxError> {
        // The state machine steps over the end of the line before a record (and
        // blank lines): the record starts after them.
        let mut first = self.start;
        first += buffer[first..self.fed]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        self.count_lines(buffer, first);
        let line = self.line;
        // The text was found to be UTF-8 before (decoded whole, or scanned): one
        // check of the record's fields together guards a file changed since, and
        // each field is a slice of it, cut at character boundaries.
        let not_utf8 = || SyntaxError {
            line,
            message: NOT_UTF8.into(),
        };
        let fields = std::str::from_utf8(&self.output[..self.written]).map_err(|_| not_utf8())?;
        let ends = &self.ends[..self.fields];
        let field = |i: usize| {
            let from = i.checked_sub(1).map_or(0, |before| ends[before]);
            fields.get(from..ends[i]).ok_or_else(not_utf8)
        };
        // Written without quotes (nearly every row), the record's bytes are its
        // fields joined by the delimiter, and its end of line: quoting always
        // leaves out a quote or more.
        let raw = &buffer[first..self.fed - usize::from(terminated)];
        let mut cells = Vec::with_capacity(ends.len());
        if raw.len() == self.written + ends.len().saturating_sub(1) {
            // Each field starts its characters and a delimiter after the one before.
            let mut column = 1;
            for i in 0..ends.len() {
                let text = field(i)?;
                cells.push(Cell::new(text, line, column));
                column += match text.is_ascii() {
                    true => text.len(),
                    false => text.chars().count(),
                } + 1;
            }
        } else {
            let starts = field_starts(buffer, first, line, ends.len(), self.delimiter);
            for (i, (line, column)) in starts.into_iter().enumerate() {
                cells.push(Cell::new(field(i)?, line, column));
            }
        }
        Ok(Record { line, cells })
    }
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
            // Quote-free text: every row is placed by its fields' lengths.
            let mut read = Vec::new();
            Records::new(b';', 3).read(row.as_bytes(), true, &mut |r| read.push(r)).expect("reads");
            for record in read {
                let quick: Vec<(usize, usize)> = record.cells.iter().map(|c| (c.line, c.column)).collect();
                proptest::prop_assert_eq!(quick, field_starts(row.as_bytes(), 0, 3, record.cells.len(), b';'));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fields_are_those_the_csv_crate_reads(text in "[ab\",;\r\n\u{feff}]{0,40}") {
            // Any text, stray quotes and marks in mid-file too, against the csv
            // crate's own reader (which drops a mark at the start, as this does).
            let dialect = sniff(&text, Some(b','));
            let mut read = Vec::new();
            read_each(&text, dialect, |r| read.push(r.cells.iter().map(|c| c.text.to_string()).collect::<Vec<_>>())).expect("reads");
            let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let expected: Vec<Vec<String>> = reader.records().map(|r| r.expect("UTF-8").iter().map(str::to_string).collect()).collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_stop_the_read_at_their_line() {
        // A lone lead byte; then a character cut in two by the delimiter, whose
        // fields joined would be UTF-8 ("å" is C3 A5).
        for body in [&b"a,b\nc,\xC3\n"[..], b"a,b\n\xC3,\xA5\n"] {
            let mut read = Vec::new();
            let error = Records::new(b',', 1)
                .read(body, true, &mut |r| read.push(r))
                .expect_err("not UTF-8");
            assert_eq!(error.line, 2);
            assert!(error.message.contains("not UTF-8"), "{}", error.message);
            assert_eq!(read.len(), 1);
        }
    }
}
