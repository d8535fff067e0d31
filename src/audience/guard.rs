//! The last check of a build for an audience: no output file holds a name the
//! audience excludes, nor a pseudonym's mark.
//!
//! Every file is searched as written and with HTML entities decoded, ignoring case,
//! for whole-word occurrences (one Aho-Corasick pass, so a million names cost no
//! more than a few). Names shorter than four characters are not searched: they are
//! left out all the same, but would match ordinary words. A name found is reported
//! as a problem with the page it is on; since the model the pages were made from
//! holds no such name, it came from text the project wrote itself.

use aho_corasick::AhoCorasick;

use super::{Excluded, MARK, What};
use crate::error::{Code, Diagnostic, Error};
use crate::render::OutputFile;

const SHORTEST: usize = 4;

/// Fails when any of `files` shows a name in `excluded` or a pseudonym.
pub fn guard(files: &[OutputFile], excluded: &Excluded) -> Result<(), Error> {
    if excluded.audience.is_empty() {
        // The whole company's build: nothing is left out.
        return Ok(());
    }
    let marked: Vec<&str> = files
        .iter()
        .filter(|f| f.path.contains(MARK) || f.bytes.windows(3).any(|w| w == MARK_UTF8))
        .map(|f| f.path.as_str())
        .collect();
    if !marked.is_empty() {
        return Err(Error::Internal(format!(
            "the {} build would show a deal, customer or seller it leaves out in {}; nothing was written (please report this)",
            excluded.audience,
            marked.join(", ").replace(MARK, "")
        )));
    }
    let names: Vec<(What, String)> = excluded
        .names
        .iter()
        .map(|(what, name)| (*what, name.trim().to_lowercase()))
        .filter(|(_, name)| name.chars().count() >= SHORTEST)
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    let finder = AhoCorasick::new(names.iter().map(|(_, n)| n))
        .map_err(|e| Error::Internal(format!("searching the output for names: {e}")))?;
    let mut problems = Vec::new();
    for file in files {
        let text = String::from_utf8_lossy(&file.bytes);
        let mut found = std::collections::BTreeSet::new();
        let decoded = decode_entities(&text);
        for haystack in [text.to_lowercase(), decoded.to_lowercase()] {
            for hit in finder.find_overlapping_iter(&haystack) {
                if whole_word(&haystack, hit.start(), hit.end()) {
                    found.insert(hit.pattern().as_usize());
                }
            }
        }
        for n in found {
            let (what, _) = names[n];
            let name = excluded
                .names
                .iter()
                .find(|(w, original)| *w == what && original.trim().to_lowercase() == names[n].1)
                .map_or(names[n].1.as_str(), |(_, original)| original.trim());
            problems.push(leak(&file.path, what, name, excluded));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.sort();
        Err(Error::Invalid(problems))
    }
}

/// `names` less those that occur, as whole words, inside a name the build does
/// show (an excluded deal titled "Service" when a shown one is "Berg – Service", a
/// customer named like the company itself): those cannot be told apart in the
/// output.
pub(super) fn not_inside<'a>(
    names: Vec<(What, String)>,
    shown: impl Iterator<Item = &'a str>,
) -> Vec<(What, String)> {
    let Ok(finder) = AhoCorasick::new(names.iter().map(|(_, n)| n.to_lowercase())) else {
        return names;
    };
    let mut inside = vec![false; names.len()];
    for text in shown {
        let text = text.to_lowercase();
        for hit in finder.find_overlapping_iter(&text) {
            if whole_word(&text, hit.start(), hit.end()) {
                inside[hit.pattern().as_usize()] = true;
            }
        }
    }
    names
        .into_iter()
        .zip(inside)
        .filter(|(_, inside)| !inside)
        .map(|(name, _)| name)
        .collect()
}

const MARK_UTF8: &[u8] = "\u{E000}".as_bytes();

fn leak(path: &str, what: What, name: &str, excluded: &Excluded) -> Diagnostic {
    let allow = if excluded.configurable {
        format!(
            ", or let the board see {} names with `[audience.board] names = [\"{}\"]` in pipepress.toml",
            what.word(),
            what.config_name()
        )
    } else {
        String::new()
    };
    Diagnostic::file(
        path,
        format!(
            "the {} build would show the {} \"{name}\", which this audience leaves out; it comes from text in the project (strategy.toml or content/): reword it{allow}; nothing was written",
            excluded.audience,
            what.word(),
        ),
    )
    .with_code(Code::AudienceName)
}

/// Whether `text[start..end]` is neither preceded nor followed by a letter or digit.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// `text` with the HTML character references templates and sanitisers write
/// (`&amp;`, `&#39;`, `&#x2F;`, ...) turned back into characters.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn excluded(names: &[(What, &str)]) -> Excluded {
        Excluded {
            audience: "board".into(),
            configurable: true,
            names: names.iter().map(|(w, n)| (*w, (*n).to_string())).collect(),
        }
    }

    #[test]
    fn decodes_the_entities_templates_write() {
        assert_eq!(
            decode_entities("Berg &amp; Son&#39;s &#x2F; &lt;b&gt; &unknown; & x"),
            "Berg & Son's / <b> &unknown; & x"
        );
    }

    #[test]
    fn finds_escaped_names_in_any_case_as_whole_words() {
        let names = excluded(&[(What::Customer, "Berg & Son AB"), (What::Seller, "Ann Ek")]);
        let files = [
            file("a.html", "<td>BERG &amp; SON AB</td>"),
            file("b.html", "Joann Ekström is not Ann Ek's colleague"),
            file("c.json", "\"Annika Ekberg\""),
        ];
        let Err(Error::Invalid(problems)) = guard(&files, &names) else {
            panic!("expected the names to be found");
        };
        let found: Vec<String> = problems
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p.path.display(),
                    p.message.split(',').next().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "a.html the board build would show the customer \"Berg & Son AB\"",
                "b.html the board build would show the seller \"Ann Ek\"",
            ]
        );
    }

    #[test]
    fn short_names_are_not_searched_and_a_mark_is_an_internal_error() {
        let names = excluded(&[(What::Seller, "Bo")]);
        assert!(guard(&[file("a.html", "Bo Bo")], &names).is_ok());
        let marked = file("a.html", &format!("x{MARK}deal-1{MARK}"));
        assert!(matches!(guard(&[marked], &names), Err(Error::Internal(_))));
    }
}
