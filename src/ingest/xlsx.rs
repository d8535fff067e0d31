//! An Excel workbook's sheet into a [`Table`], through calamine.
//!
//! The first sheet, or the one a source names. Cells keep their row and column
//! (column numbers count cells, as Excel's A, B, C do). Dates come as Excel serial
//! days and are written as ISO dates; whole numbers lose Excel's `.0`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::date::from_excel_serial;
use super::table::{Cell, Record, Table};

/// Reads `sheet` (default the first) of the workbook in `bytes`; the sheet's name
/// with the table, or why it could not be read.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<(String, Table), String> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("cannot read as an xlsx workbook: {e}"))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                format!(
                    "the workbook has no sheet \"{wanted}\", expected one of {}",
                    names
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| "the workbook has no sheet, expected one".to_string())?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| format!("cannot read sheet \"{name}\": {e}"))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let hidden = super::hidden::hidden_columns(bytes, &name);
    let mut table = Table::default();
    for (r, row) in range.rows().enumerate() {
        let line = first_row as usize + r + 1;
        let cells = row
            .iter()
            .enumerate()
            .map(|(c, data)| Cell::new(text(data), line, first_column as usize + c + 1))
            .collect();
        let record = Record { line, cells };
        match &table.header {
            None if record.is_blank() => {}
            None => table.header = Some(record),
            Some(_) => table.rows.push(record),
        }
    }
    table.hidden = (0..range.width())
        .filter(|c| hidden.contains(&(first_column as usize + c + 1)))
        .collect();
    Ok((name, table))
}

fn text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Excel stores every number as a double; a whole one reads as an integer and
        // any other with the shortest text that gives it back.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            from_excel_serial(d.as_f64()).map_or_else(|| d.as_f64().to_string(), |d| d.to_string())
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    /// A workbook with a first sheet, then "Deals": id, a hidden "Checksum", name
    /// and a date cell in B..E from row 2 (A and row 1 left empty).
    fn workbook() -> Vec<u8> {
        let mut book = Workbook::new();
        book.add_worksheet().set_name("Cover").expect("name");
        let sheet = book.add_worksheet();
        sheet.set_name("Deals").expect("name");
        for (c, h) in ["id", "Checksum", "name", "created"].iter().enumerate() {
            sheet.write_string(1, c as u16 + 1, *h).expect("header");
        }
        sheet.set_column_hidden(2).expect("hide");
        sheet.write_number(2, 1, 7.0).expect("id");
        sheet.write_string(2, 2, "x9").expect("checksum");
        sheet.write_string(2, 3, "Åre AB").expect("name");
        let date = ExcelDateTime::from_ymd(2026, 3, 31).expect("date");
        let format = Format::new().set_num_format("yyyy-mm-dd");
        sheet
            .write_datetime_with_format(2, 4, &date, &format)
            .expect("created");
        book.save_to_buffer().expect("workbook")
    }

    #[test]
    fn reads_a_named_sheet_with_places_dates_and_hidden_columns() {
        let bytes = workbook();
        let (name, table) = read(&bytes, Some("Deals")).expect("reads");
        assert_eq!(name, "Deals");
        let header = table.header.expect("header");
        let titles: Vec<&str> = header.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(titles, ["id", "Checksum", "name", "created"]);
        // Row 2, column B in Excel terms.
        assert_eq!((header.line, header.cells[0].column), (2, 2));
        let row: Vec<&str> = table.rows[0]
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(row, ["7", "x9", "Åre AB", "2026-03-31"]);
        assert_eq!(table.hidden, [1]);
        let error = read(&bytes, Some("Nope")).expect_err("no such sheet");
        assert_eq!(
            error,
            "the workbook has no sheet \"Nope\", expected one of \"Cover\", \"Deals\""
        );
    }
}
