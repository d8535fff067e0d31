//! A read export as plain cells, each remembering where it stood in the file.
//!
//! Every reader (CSV of any dialect, xlsx) produces a [`Table`]; mapping and the
//! model's readers work on it and point at a cell's 1-based line and column when a
//! value is wrong, whatever the file's format was.

use compact_str::CompactString;

/// [`str::trim`], quicker where there is nothing to trim (nearly every cell):
/// ends that are visible ASCII are not whitespace.
#[inline]
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// One field of the file. Its text is held inline when it is short (24 bytes or
/// less: ids, dates, amounts, stages), so that most cells of an export allocate
/// nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: CompactString,
    pub line: usize,
    pub column: usize,
    /// The text as the file wrote it, when mapping made `text` canonical.
    pub written: Option<CompactString>,
}

impl Cell {
    pub fn new(text: impl Into<CompactString>, line: usize, column: usize) -> Cell {
        Cell {
            text: text.into(),
            line,
            column,
            written: None,
        }
    }

    /// Replaces the text with its canonical form, remembering what was written.
    pub fn set(&mut self, canonical: String) {
        if canonical != self.text {
            let written = std::mem::replace(&mut self.text, canonical.into());
            self.written.get_or_insert(written);
        }
    }

    /// The text as the file wrote it.
    pub fn written(&self) -> &str {
        self.written.as_deref().unwrap_or(&self.text)
    }
}

/// One row of the file: its first line and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl Record {
    /// Whether every cell is empty or blank (a blank line, a formatted empty row).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| trim(&c.text).is_empty())
    }

    /// The number of cells holding something.
    pub fn filled(&self) -> usize {
        self.cells
            .iter()
            .filter(|c| !trim(&c.text).is_empty())
            .count()
    }
}

/// A header and the data rows under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub header: Option<Record>,
    pub rows: Vec<Record>,
    /// Indexes of the header's hidden columns (xlsx): left out unless mapped.
    pub hidden: Vec<usize>,
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn trims_as_str_trim_does(text in "[ \t\u{a0}\u{3000}a-zÅ.,-]{0,8}") {
            proptest::prop_assert_eq!(super::trim(&text), text.trim());
        }
    }
}
