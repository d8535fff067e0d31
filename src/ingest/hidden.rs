//! Which columns of an xlsx sheet are hidden. calamine reads values, not column
//! attributes, so this reads the sheet's XML in the workbook's zip for Excel's
//! `<col min=".." max=".." hidden="1"/>`. A workbook this cannot follow simply has
//! no hidden columns: hiding only ever removes unmapped columns.

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The 1-based numbers of the hidden columns of sheet `sheet`.
pub fn hidden_columns(bytes: &[u8], sheet: &str) -> BTreeSet<usize> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return BTreeSet::new();
    };
    let mut read = |name: &str| -> Option<String> {
        let mut text = String::new();
        archive.by_name(name).ok()?.read_to_string(&mut text).ok()?;
        Some(text)
    };
    let Some(workbook) = read("xl/workbook.xml") else {
        return BTreeSet::new();
    };
    let relation = elements(&workbook, b"sheet")
        .into_iter()
        .find(|attrs| value(attrs, b"name") == Some(sheet))
        .and_then(|attrs| value(&attrs, b"id").map(str::to_string));
    let Some(relation) = relation else {
        return BTreeSet::new();
    };
    let target = read("xl/_rels/workbook.xml.rels").and_then(|rels| {
        elements(&rels, b"Relationship")
            .into_iter()
            .find(|attrs| value(attrs, b"Id") == Some(relation.as_str()))
            .and_then(|attrs| value(&attrs, b"Target").map(str::to_string))
    });
    let Some(target) = target else {
        return BTreeSet::new();
    };
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    let Some(sheet_xml) = read(&path) else {
        return BTreeSet::new();
    };
    let mut hidden = BTreeSet::new();
    for attrs in elements(&sheet_xml, b"col") {
        if !matches!(value(&attrs, b"hidden"), Some("1" | "true")) {
            continue;
        }
        let number = |key: &[u8]| value(&attrs, key).and_then(|v| v.parse::<usize>().ok());
        if let (Some(min), Some(max)) = (number(b"min"), number(b"max")) {
            // Excel writes one range up to its last column (16384) for "all the rest".
            hidden.extend(min..=max.min(min + 16_384));
        }
    }
    hidden
}

type Attributes = Vec<(Vec<u8>, String)>;

fn value<'a>(attrs: &'a Attributes, key: &[u8]) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The attributes (by local name) of every element named `name` in `xml`.
fn elements(xml: &str, name: &[u8]) -> Vec<Attributes> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref().as_bytes() == name => {
                found.push(attributes(&e));
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    found
}

fn attributes(element: &BytesStart<'_>) -> Attributes {
    element
        .attributes()
        .filter_map(Result::ok)
        .map(|a| {
            let value = quick_xml::escape::unescape(&a.value)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned());
            (a.key.local_name().as_ref().as_bytes().to_vec(), value)
        })
        .collect()
}
