//! The theme's words: one translation table per language.
//!
//! Every word a page shows that does not come from the project's own files is looked
//! up here by key: templates call `{{ t(k="nav.pipeline") }}`, Rust calls
//! [`Words::get`] (through `Ctx::t`). The tables are part of the theme
//! (`themes/default/i18n/en.toml` and `sv.toml`): sections of string keys, flattened
//! to `section.key`. A project overrides single words in `templates/i18n/<lang>.toml`;
//! a key the built-in table does not have is an error there, so a typo never goes
//! unnoticed. Both built-in tables hold the same keys, and every key the templates and
//! the Rust code use exists in them (tested), so a missing word is a failing test, not
//! a page that quietly falls back to English.
//!
//! A value may hold named placeholders, `{name}`, filled by [`Words::fill`] or by
//! the template function's other arguments (`t(k="footer.as_of", date=site.as_of)`).

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::config::Language;
use crate::error::{Code, Diagnostic, Problems};
use crate::load::SourceText;
use crate::toml_source;

/// The theme file that holds `language`'s table.
pub fn table_name(language: Language) -> String {
    format!("i18n/{}.toml", language.code())
}

/// One language's words, by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    map: BTreeMap<String, String>,
}

impl Words {
    /// The built-in table of `language`, with the project's override of it (if any)
    /// applied; problems in the override go to `problems`.
    pub fn new(
        language: Language,
        overrides: &[(String, SourceText)],
        problems: &mut Problems,
    ) -> Words {
        let name = table_name(language);
        let builtin = crate::theme::file(&name).unwrap_or_default();
        let mut map = BTreeMap::new();
        let mut builtin_problems = Problems::default();
        flatten(
            Path::new(&name),
            builtin,
            &mut map,
            None,
            &mut builtin_problems,
        );
        debug_assert!(builtin_problems.is_empty(), "the built-in {name} is valid");
        // Every override of a table is checked, the other language's too, so a
        // broken file is reported before the day the site switches language.
        for (file, source) in overrides {
            let Some(code) = file
                .strip_prefix("i18n/")
                .and_then(|f| f.strip_suffix(".toml"))
            else {
                continue;
            };
            let known: BTreeMap<String, String> = if code == language.code() {
                map.clone()
            } else {
                let mut other = BTreeMap::new();
                flatten(
                    Path::new(file),
                    crate::theme::file(file).unwrap_or_default(),
                    &mut other,
                    None,
                    &mut Problems::default(),
                );
                other
            };
            let mut replaced = BTreeMap::new();
            flatten(
                &source.path,
                &source.text,
                &mut replaced,
                Some(&known),
                problems,
            );
            if code == language.code() {
                map.extend(replaced);
            }
        }
        Words { map }
    }

    /// The built-in table of `language` alone.
    pub fn builtin(language: Language) -> Words {
        Words::new(language, &[], &mut Problems::default())
    }

    /// The built-in English table, read once: the words of `check`'s warnings.
    pub fn english() -> &'static Words {
        static ENGLISH: std::sync::LazyLock<Words> =
            std::sync::LazyLock::new(|| Words::builtin(Language::En));
        &ENGLISH
    }

    /// The word for `key`. Every key used exists in both tables (tested); a key
    /// that does not shows itself, so the gap is visible rather than hidden.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The word for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// Whether the table has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

/// `text` with each `{name}` replaced by its value; unknown names stay as written.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads a table's text into `map` as `section.key` → word. With `known`, a key that
/// is not in it is a problem (an override may only replace words).
fn flatten(
    path: &Path,
    text: &str,
    map: &mut BTreeMap<String, String>,
    known: Option<&BTreeMap<String, String>>,
    problems: &mut Problems,
) {
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => {
            problems.push(toml_source::diagnostic(path, text, &error).with_code(Code::TomlSyntax));
            return;
        }
    };
    let mut pending: Vec<(String, &DeTable<'_>)> = vec![(String::new(), document.get_ref())];
    while let Some((prefix, table)) = pending.pop() {
        for (key, value) in table {
            let full = if prefix.is_empty() {
                key.get_ref().to_string()
            } else {
                format!("{prefix}.{}", key.get_ref())
            };
            match value.get_ref() {
                DeValue::Table(inner) => pending.push((full, inner)),
                DeValue::String(word) => {
                    if known.is_some_and(|k| !k.contains_key(&full)) {
                        problems.push(
                            at(
                                path,
                                text,
                                key,
                                format!(
                                    "the theme has no word \"{full}\" to translate, expected a key of the built-in table (see `pipepress init --theme`)"
                                ),
                            )
                            .with_code(Code::ThemeUnknownWord),
                        );
                    } else {
                        map.insert(full, word.to_string());
                    }
                }
                _ => problems.push(
                    at(
                        path,
                        text,
                        value,
                        format!("\"{full}\" is not text, expected a quoted word or phrase"),
                    )
                    .with_code(Code::TomlValue),
                ),
            }
        }
    }
}

fn at<T>(path: &Path, text: &str, value: &Spanned<T>, message: String) -> Diagnostic {
    toml_source::at(path, text, value, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tables_have_the_same_keys() {
        let en = Words::builtin(Language::En);
        let sv = Words::builtin(Language::Sv);
        let only_en: Vec<&str> = en.keys().filter(|k| !sv.has(k)).collect();
        let only_sv: Vec<&str> = sv.keys().filter(|k| !en.has(k)).collect();
        assert!(only_en.is_empty(), "missing in sv.toml: {only_en:?}");
        assert!(only_sv.is_empty(), "missing in en.toml: {only_sv:?}");
        assert!(en.keys().count() > 50);
    }

    #[test]
    fn both_built_in_tables_parse_cleanly() {
        for language in [Language::En, Language::Sv] {
            let name = table_name(language);
            let mut problems = Problems::default();
            flatten(
                Path::new(&name),
                crate::theme::file(&name).unwrap_or_default(),
                &mut BTreeMap::new(),
                None,
                &mut problems,
            );
            assert!(problems.is_empty(), "{name}: {problems:?}");
        }
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        let en = Words::builtin(Language::En);
        let sv = Words::builtin(Language::Sv);
        let names = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            names.sort();
            names
        };
        for key in en.keys() {
            assert_eq!(
                names(en.get(key)),
                names(sv.get(key)),
                "placeholders of {key}"
            );
        }
    }

    /// Every `t("…")`/`tf("…"` in the Rust sources, every `"warning.…"` (the keys
    /// of data-quality findings), and every `t(k="…")` in the templates names a key
    /// of the tables.
    #[test]
    fn every_key_used_exists() {
        let en = Words::builtin(Language::En);
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = Vec::new();
        let mut stack = vec![root.join("src"), root.join("themes/default")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
                    continue;
                };
                let text = std::fs::read_to_string(&path).expect("source file");
                // What comes before a key, and the part of the key it holds.
                let patterns: &[(&str, &str)] = match ext {
                    "rs" if path.ends_with("i18n.rs") => &[],
                    "rs" => &[
                        (".t(\"", ""),
                        (".tf(\"", ""),
                        ("words.get(\"", ""),
                        ("words.fill(\"", ""),
                        ("\"warning.", "warning."),
                    ],
                    "html" => &[("t(k=\"", "")],
                    _ => &[],
                };
                for (pattern, start) in patterns {
                    for piece in text.split(pattern).skip(1) {
                        if let Some((key, _)) = piece.split_once('"') {
                            used.push((path.display().to_string(), format!("{start}{key}")));
                        }
                    }
                }
            }
        }
        assert!(used.len() > 50, "the scan finds the keys used");
        let missing: Vec<_> = used.iter().filter(|(_, k)| !en.has(k)).collect();
        assert!(
            missing.is_empty(),
            "keys used but not in the tables: {missing:?}"
        );
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "3"), ("total", "5")]),
            "3 of 5"
        );
        assert_eq!(fill("{x} {unknown} {", &[("x", "a")]), "a {unknown} {");
    }

    #[test]
    fn an_override_replaces_words_and_rejects_unknown_keys() {
        let source = SourceText {
            path: "templates/i18n/sv.toml".into(),
            text: "[nav]\npipeline = \"Affärer\"\nnope = \"x\"\n".into(),
        };
        let mut problems = Problems::default();
        let words = Words::new(
            Language::Sv,
            &[("i18n/sv.toml".into(), source)],
            &mut problems,
        );
        assert_eq!(words.get("nav.pipeline"), "Affärer");
        let Err(crate::Error::Invalid(problems)) = problems.into_result(()) else {
            panic!("the unknown key is a problem");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("nav.nope"));
        assert_eq!(problems[0].location, Some((3, 1)));
        assert_eq!(problems[0].code, Code::ThemeUnknownWord);
    }
}
