//! The dialect of a delimited text export: its delimiter and line endings.
//!
//! Swedish Excel writes `;` (the comma is the decimal separator), CRMs write `,`,
//! "Unicode text" is tab-separated, and Excel may open the file with a `sep=;` line
//! naming the delimiter. Detection looks at the first line only; a source can name
//! its delimiter instead.

/// How a delimited file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
    /// The file opens with Excel's `sep=X` line (not data, not the header).
    pub sep_line: bool,
    pub crlf: bool,
}

impl Dialect {
    /// "`;`-delimited, CRLF, with a sep= line".
    pub fn describe(self) -> String {
        let delimiter = match self.delimiter {
            b'\t' => "tab".to_string(),
            d => format!("\"{}\"", d as char),
        };
        let endings = if self.crlf { "CRLF" } else { "LF" };
        let sep = if self.sep_line { ", sep= line" } else { "" };
        format!("delimiter {delimiter}, {endings}{sep}")
    }
}

/// The delimiters detection chooses among, in the order ties are broken.
const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// Parses a delimiter as written in `pipepress.toml`: one character, or "tab".
pub fn parse_delimiter(text: &str) -> Option<u8> {
    match text {
        "tab" | "\t" => Some(b'\t'),
        "," | ";" | "|" => text.bytes().next(),
        _ => None,
    }
}

/// The dialect of `text`; `told` is the delimiter the source names, if any.
pub fn sniff(text: &str, told: Option<u8>) -> Dialect {
    let first = text.split('\n').next().unwrap_or("");
    let crlf = first.ends_with('\r');
    let trimmed = first.trim_end_matches('\r').trim_matches('"');
    let sep = trimmed
        .strip_prefix("sep=")
        .or_else(|| trimmed.strip_prefix("SEP="))
        .and_then(|rest| match rest.as_bytes() {
            [d] => Some(*d),
            _ => None,
        });
    if let Some(delimiter) = sep {
        return Dialect {
            delimiter: told.unwrap_or(delimiter),
            sep_line: true,
            crlf,
        };
    }
    let delimiter = told.unwrap_or_else(|| {
        let counts = CANDIDATES.map(|d| count_outside_quotes(first, d));
        let best = counts.iter().copied().max().unwrap_or(0);
        CANDIDATES[counts.iter().position(|&c| c == best).unwrap_or(0)]
    });
    Dialect {
        delimiter,
        sep_line: false,
        crlf,
    }
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            d if d == delimiter && !quoted => count += 1,
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_delimiter_of_the_header() {
        assert_eq!(sniff("id,name\n1,a\n", None).delimiter, b',');
        assert_eq!(sniff("id;name;\"a,b,c\"\r\n", None).delimiter, b';');
        assert_eq!(sniff("id\tname\n", None).delimiter, b'\t');
        // One column: nothing to count, the comma.
        assert_eq!(sniff("id\n1\n", None).delimiter, b',');
    }

    #[test]
    fn reads_excels_sep_line_and_line_endings() {
        let dialect = sniff("sep=;\r\nid;name\r\n", None);
        assert_eq!(
            dialect,
            Dialect {
                delimiter: b';',
                sep_line: true,
                crlf: true
            }
        );
        assert_eq!(dialect.describe(), "delimiter \";\", CRLF, sep= line");
        assert_eq!(sniff("\"sep=,\"\nid,name\n", None).delimiter, b',');
    }

    #[test]
    fn a_named_delimiter_wins() {
        assert_eq!(sniff("a,b;c;d\n", Some(b',')).delimiter, b',');
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter("::"), None);
    }
}
