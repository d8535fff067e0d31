//! Delimited UTF-8 text read from disk a block at a time, each block cut after
//! the last record that ends in it, so that a large export is never held whole
//! and reads exactly as [`super::delimited::read_each`] reads the whole text.

use std::io::Read;

use super::delimited::{Records, SyntaxError};
use super::dialect::Dialect;
use super::table::Record;

/// Reads delimited UTF-8 text from `reader` a block of about `block` bytes at a
/// time, giving each row to `each` as [`read_each`](super::delimited::read_each)
/// does, and every byte read to `seen` (to hash the file as it is read). One
/// state machine reads the blocks in turn, a record cut by a block's end read on
/// in the next, so rows, lines and columns are those of reading the whole text. The dialect is sniffed from the first
/// line; a UTF-8 byte-order mark is dropped. Returns the dialect and whether there
/// was a mark.
pub fn read_blocks(
    reader: &mut dyn Read,
    told: Option<u8>,
    block: usize,
    seen: &mut dyn FnMut(&[u8]),
    mut each: impl FnMut(Record),
) -> Result<(Dialect, bool), BlockError> {
    let mut buffer: Vec<u8> = Vec::with_capacity(2 * block);
    let mut fill = |buffer: &mut Vec<u8>| -> std::io::Result<bool> {
        let start = buffer.len();
        Read::take(&mut *reader, block as u64).read_to_end(buffer)?;
        seen(&buffer[start..]);
        Ok(buffer.len() > start)
    };
    // The first line, whole, for the dialect.
    let mut ended = false;
    let mut searched = 0;
    while !buffer[searched..].contains(&b'\n') && !ended {
        searched = buffer.len();
        ended = !fill(&mut buffer)?;
    }
    let bom = buffer.starts_with(b"\xEF\xBB\xBF");
    if bom {
        buffer.drain(..3);
    }
    let first_end = buffer
        .iter()
        .position(|&b| b == b'\n')
        .map_or(buffer.len(), |i| i + 1);
    let dialect = super::dialect::sniff(&String::from_utf8_lossy(&buffer[..first_end]), told);
    let mut line = 1;
    if dialect.sep_line {
        buffer.drain(..first_end);
        line = 2;
    }
    // Marks at the start of the body are dropped, as reading whole does (see
    // `read_each`), each whole, so that neither the record ends nor the first
    // part see part of one.
    loop {
        while buffer.len() < 3 && !ended {
            ended = !fill(&mut buffer)?;
        }
        if !buffer.starts_with(b"\xEF\xBB\xBF") {
            break;
        }
        buffer.drain(..3);
    }
    let mut records = Records::new(dialect.delimiter, line);
    loop {
        if !ended {
            ended = !fill(&mut buffer)?;
        }
        // Each record is checked to be UTF-8 as it is read (the scan before found
        // the file so, unless it changed since).
        let done = records.read(&buffer, ended, &mut each)?;
        if ended {
            return Ok((dialect, bom));
        }
        buffer.drain(..done);
    }
}

/// Why [`read_blocks`] stopped.
#[derive(Debug)]
pub enum BlockError {
    Io(std::io::Error),
    Syntax(SyntaxError),
}

impl From<std::io::Error> for BlockError {
    fn from(error: std::io::Error) -> Self {
        BlockError::Io(error)
    }
}

impl From<SyntaxError> for BlockError {
    fn from(error: SyntaxError) -> Self {
        BlockError::Syntax(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::delimited::read_each;
    use crate::ingest::dialect::sniff;

    /// Every row of `text` read whole, blank ones too.
    fn records(text: &str, told: Option<u8>) -> Vec<Record> {
        let mut rows = Vec::new();
        read_each(text, sniff(text, told), |r| rows.push(r)).expect("reads");
        rows
    }

    proptest::proptest! {
        #[test]
        fn blocks_read_what_the_whole_text_reads(
            lines in proptest::collection::vec("[ab\",;\r\u{feff}]{0,5}", 0..12),
            sep in proptest::bool::ANY,
            bom in proptest::bool::ANY,
            block in 1usize..12,
        ) {
            // Any text, not only well-formed CSV: stray quotes and carriage
            // returns, quoted newlines, blank lines, a `sep=` line, marks at the
            // start and in the middle (two exports joined).
            let mut text = lines.join("\n");
            if sep {
                text = format!("sep=;\n{text}");
            }
            if bom {
                text.insert(0, '\u{feff}');
            }
            let bytes = text.clone().into_bytes();
            // Read whole as `read_chunked` does: the file's mark dropped first.
            let decoded = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let whole = records(decoded, None);
            let mut seen = Vec::new();
            let mut read = Vec::new();
            let result = read_blocks(&mut bytes.as_slice(), None, block, &mut |b| seen.extend_from_slice(b), |r| read.push(r));
            let (dialect, had_bom) = result.map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e:?}")))?;
            proptest::prop_assert_eq!(dialect, sniff(decoded, None));
            proptest::prop_assert_eq!(had_bom, text.starts_with('\u{feff}'));
            proptest::prop_assert_eq!(read, whole);
            proptest::prop_assert_eq!(seen, bytes);
        }
    }

    #[test]
    fn a_block_ends_after_a_record_not_inside_quotes() {
        // The quoted field spans the first block's end: 6 bytes hold `1,"a` and
        // part of the newline inside the quotes.
        let text = "x,y\r\n1,\"a\r\nb\"\r\n2,c\r\n";
        let mut read = Vec::new();
        read_blocks(&mut text.as_bytes(), None, 6, &mut |_| {}, |r| read.push(r)).expect("reads");
        assert_eq!(read, records(text, None));
        assert_eq!(read[1].cells[1].text, "a\r\nb");
        assert_eq!((read[2].line, read[2].cells[1].column), (4, 3));
    }
}
