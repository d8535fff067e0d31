//! Reading a TOML file into a raw serde struct, reporting every unknown key.
//!
//! The raw structs deny unknown fields, so a typo is an error. serde stops at the
//! first one, so this module removes each reported key from the parsed document and
//! tries again, until the file parses or fails for another reason: the user sees all
//! misspelt keys in one run, each with the list of keys that were expected there.
//! It knows nothing of what the structs mean.

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{Code, Diagnostic, Problems, line_column};

/// Parses `text` (the contents of `path`) into `T`, pushing every problem found.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str, problems: &mut Problems) -> Option<T> {
    let mut document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => {
            problems.push(diagnostic(path, text, &error).with_code(Code::TomlSyntax));
            return None;
        }
    };
    // Each pass removes one key, so this ends after at most one pass per key.
    loop {
        let attempt = T::deserialize(toml::Deserializer::from(document.clone()));
        match attempt {
            Ok(value) => return Some(value),
            Err(error) => {
                problems.push(diagnostic(path, text, &error));
                let removed = error.message().starts_with("unknown field")
                    && error
                        .span()
                        .is_some_and(|span| remove_key(document.get_mut(), span.start));
                if !removed {
                    return None;
                }
            }
        }
    }
}

/// A diagnostic for a TOML error at its span (or the whole file when it has none).
pub fn diagnostic(path: &Path, text: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim_end().replace('\n', " ");
    let code = if message.starts_with("unknown field") {
        Code::TomlUnknownKey
    } else {
        Code::TomlValue
    };
    match error.span() {
        Some(span) => {
            let (line, column) = line_column(text, span.start);
            Diagnostic::at(path, line, column, message).with_code(code)
        }
        None => Diagnostic::file(path, message).with_code(code),
    }
}

/// A diagnostic pointing at a spanned value.
pub fn at<T>(
    path: &Path,
    text: &str,
    value: &Spanned<T>,
    message: impl Into<String>,
) -> Diagnostic {
    let (line, column) = line_column(text, value.span().start);
    Diagnostic::at(path, line, column, message)
}

/// Removes the key whose span starts at `start` anywhere in `table`; true if found.
fn remove_key(table: &mut DeTable<'_>, start: usize) -> bool {
    let found = table.keys().find(|key| key.span().start == start).cloned();
    if let Some(key) = found {
        table.remove(&key);
        return true;
    }
    table
        .iter_mut()
        .any(|(_, value)| remove_in_value(value.get_mut(), start))
}

fn remove_in_value(value: &mut DeValue<'_>, start: usize) -> bool {
    match value {
        DeValue::Table(table) => remove_key(table, start),
        DeValue::Array(items) => items
            .iter_mut()
            .any(|item| remove_in_value(item.get_mut(), start)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Raw {
        name: String,
        #[serde(default)]
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: String,
    }

    fn run(text: &str) -> (Option<Raw>, Vec<String>) {
        let mut problems = Problems::default();
        let value = parse::<Raw>(Path::new("s.toml"), text, &mut problems);
        let list = match problems.into_result(()) {
            Ok(()) => Vec::new(),
            Err(Error::Invalid(list)) => list.iter().map(ToString::to_string).collect(),
            Err(other) => panic!("{other}"),
        };
        (value, list)
    }

    #[test]
    fn reports_every_unknown_key_with_its_place() {
        let text = "name = \"a\"\ncolour = 1\n\n[[items]]\nid = \"x\"\nidd = \"y\"\n";
        let (value, problems) = run(text);
        // The rest of the file is still read, so later checks can go on.
        let value = value.expect("read once the unknown keys are set aside");
        assert_eq!(value.items, [Item { id: "x".into() }]);
        assert_eq!(
            problems,
            [
                "s.toml:2:1: unknown field `colour`, expected `name` or `items`",
                "s.toml:6:1: unknown field `idd`, expected `id`",
            ]
        );
    }

    #[test]
    fn parses_a_valid_file() {
        let (value, problems) = run("name = \"a\"\n[[items]]\nid = \"x\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        let value = value.expect("parsed");
        assert_eq!(value.items, [Item { id: "x".into() }]);
    }

    #[test]
    fn reports_syntax_errors_at_their_place() {
        let (value, problems) = run("name = \"a\"\nitems = [\n");
        assert_eq!(value, None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("s.toml:2:"), "{problems:?}");
    }
}
