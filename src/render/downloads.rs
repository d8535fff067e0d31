//! CSV downloads of the lists on the pages, safe to open in a spreadsheet.
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) gets the standard neutralising prefix `'`, and
//! nothing else changes, so `+46 70 123 45 67` reads `'+46 70 123 45 67`. Plain
//! numbers are left alone: a negative amount stays a number.

use std::borrow::Cow;

use compact_str::CompactString;

use super::OutputFile;
use super::view::{Csv, PageView};

/// Writes each table with a CSV payload in `view` as a download beside the page and
/// points the table at it. Names derive from the page's path and the section, so
/// they are stable from build to build.
pub fn extract(page: &str, view: &mut PageView<'_>) -> Vec<OutputFile> {
    let stem = page
        .trim_end_matches("index.html")
        .trim_end_matches('/')
        .replace('/', "-");
    let stem = if stem.is_empty() {
        "index".to_string()
    } else {
        stem
    };
    let mut files = Vec::new();
    for section in &mut view.sections {
        let with_csv = section.tables.iter().filter(|t| t.csv.is_some()).count();
        for (n, table) in section
            .tables
            .iter_mut()
            .filter(|t| t.csv.is_some())
            .enumerate()
        {
            let Some(csv) = table.csv.take() else {
                continue;
            };
            let suffix = if with_csv > 1 {
                format!("-{}", n + 1)
            } else {
                String::new()
            };
            let path = format!("downloads/{stem}--{}{suffix}.csv", section.id);
            files.push(OutputFile {
                path: path.clone(),
                bytes: to_bytes(&csv),
            });
            table.download = Some(path);
        }
    }
    files
}

fn to_bytes(csv: &Csv) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |cells: &mut dyn Iterator<Item = &str>| {
        // Field by field, then an empty record to end the row (the csv crate's
        // way). Writing to a Vec cannot fail.
        for cell in cells {
            let _ = writer.write_field(neutralise(cell).as_bytes());
        }
        let _ = writer.write_record(std::iter::empty::<&[u8]>());
    };
    write(&mut csv.header.iter().map(String::as_str));
    for row in &csv.rows {
        write(&mut row.iter().map(CompactString::as_str));
    }
    // A UTF-8 byte order mark makes Excel read å, ä and ö right.
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(writer.into_inner().unwrap_or_default());
    bytes
}

/// The cell as a spreadsheet should see it: formulas defused, numbers kept.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let is_number = {
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().filter(|b| *b == b'.').count() <= 1
    };
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_number => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_values_kept() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+46 70 123 45 67"), "'+46 70 123 45 67");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("-1234.50"), "-1234.50");
        assert_eq!(neutralise("125000.00"), "125000.00");
        assert_eq!(neutralise("Kemi AB"), "Kemi AB");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn files_are_quoted_crlf_with_a_bom() {
        let csv = Csv {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["x, y".into(), "=1+1".into()]],
        };
        assert_eq!(
            String::from_utf8(to_bytes(&csv)).expect("utf-8"),
            "\u{feff}a,b\r\n\"x, y\",'=1+1\r\n"
        );
    }
}
