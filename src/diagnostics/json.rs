//! The JSON form of a check, for CI: one document, stable field names (see README).

use serde::Serialize;

use crate::error::Diagnostic;

#[derive(Serialize)]
struct Report<'a> {
    /// Bumped only when a field changes meaning or goes away.
    version: u32,
    ok: bool,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Entry<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sources: &'a [SourceEntry<'a>],
}

/// One export as read, for `sources`.
#[derive(Serialize)]
pub struct SourceEntry<'a> {
    what: &'a str,
    file: String,
    format: &'a str,
    encoding: &'a str,
    dialect: &'a str,
    preset: &'a str,
    rows: usize,
    columns: std::collections::BTreeMap<&'a str, &'a str>,
    ignored: &'a [String],
    notes: Vec<Note<'a>>,
}

#[derive(Serialize)]
struct Note<'a> {
    line: usize,
    message: &'a str,
}

/// `sources` of the report: how each export was read.
pub fn sources(sources: &[crate::model::SourceReport]) -> Vec<SourceEntry<'_>> {
    sources
        .iter()
        .map(|s| SourceEntry {
            what: &s.what,
            file: s.path.to_string_lossy().replace('\\', "/"),
            format: s.read.format,
            encoding: &s.read.encoding,
            dialect: &s.read.dialect,
            preset: s.preset,
            rows: s.rows,
            columns: s
                .mapping
                .columns
                .iter()
                .map(|(f, h)| (f.as_str(), h.as_str()))
                .collect(),
            ignored: &s.mapping.ignored,
            notes: s
                .read
                .notes
                .iter()
                .map(|n| Note {
                    line: n.line,
                    message: &n.message,
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct Entry<'a> {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
}

/// `problems` as the JSON document `pipepress check --format json` prints.
pub fn to_json(problems: &[Diagnostic]) -> String {
    to_json_with(problems, &[])
}

/// [`to_json`], with how each export was read.
pub fn to_json_with(problems: &[Diagnostic], sources: &[SourceEntry<'_>]) -> String {
    let diagnostics: Vec<Entry<'_>> = problems
        .iter()
        .map(|d| Entry {
            file: d.path.to_string_lossy().replace('\\', "/"),
            line: d.location.map(|(line, _)| line),
            column: d.location.map(|(_, column)| column),
            severity: d.severity().as_str(),
            code: d.code.as_str(),
            message: &d.message,
        })
        .collect();
    let warnings = problems
        .iter()
        .filter(|d| d.severity() == crate::error::Severity::Warning)
        .count();
    let report = Report {
        version: 1,
        ok: warnings == problems.len(),
        errors: problems.len() - warnings,
        warnings,
        diagnostics,
        sources,
    };
    let mut json = serde_json::to_string_pretty(&report).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Code;

    #[test]
    fn a_problem_has_every_field() {
        let problems = [
            Diagnostic::at("data/deals.csv", 3, 40, "bad \"date\"").with_code(Code::CsvDate),
            Diagnostic::file("strategy.toml", "missing").with_code(Code::FileMissing),
        ];
        let value: serde_json::Value =
            serde_json::from_str(&to_json(&problems)).expect("valid JSON");
        assert_eq!(value["ok"], false);
        assert_eq!(value["errors"], 2);
        assert_eq!(value["diagnostics"][0]["code"], "E-CSV-DATE");
        assert_eq!(value["diagnostics"][0]["line"], 3);
        assert_eq!(value["diagnostics"][0]["column"], 40);
        assert_eq!(value["diagnostics"][0]["message"], "bad \"date\"");
        assert_eq!(value["diagnostics"][1]["line"], serde_json::Value::Null);
        assert_eq!(value["diagnostics"][1]["severity"], "error");
    }
}
