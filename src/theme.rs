//! The default theme, embedded in the binary, and the project's overrides.
//!
//! One table (the `themes/default/` folder, embedded whole) drives everything: which
//! templates are registered, which names a project's `templates/` folder may
//! override, and which static files are copied into the site. A project file wins
//! over the built-in one of the same name; a broken override fails the build.

use std::sync::Arc;

use include_dir::{Dir, include_dir};

use crate::config::Language;

use crate::error::{Diagnostic, Error};
use crate::load::SourceText;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The built-in text of a theme file, by its path inside the theme.
pub fn file(name: &str) -> Option<&'static str> {
    DEFAULT.get_file(name).and_then(|f| f.contents_utf8())
}

/// Every file of the default theme, sorted by name.
pub fn names() -> Vec<&'static str> {
    let mut names = Vec::new();
    let mut stack = vec![&DEFAULT];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            if let Some(sub) = entry.as_dir() {
                stack.push(sub);
            } else if let Some(path) = entry.path().to_str() {
                names.push(path);
            }
        }
    }
    names.sort_unstable();
    names
}

/// The theme a site is rendered with: templates ready to render, static files to copy.
pub struct Theme {
    pub tera: tera::Tera,
    /// Non-template files (`style.css`): (name, text), copied under `assets/`.
    pub assets: Vec<(String, String)>,
    /// The site language's words (`i18n/<lang>.toml` with the project's overrides).
    pub words: Arc<crate::i18n::Words>,
}

/// Theme files that are neither templates nor assets: the translation tables.
fn is_table(name: &str) -> bool {
    name.starts_with("i18n/")
}

impl Theme {
    /// The default theme with `overrides` ((theme file name, source)) applied, in
    /// `language`.
    pub fn new(overrides: &[(String, SourceText)], language: Language) -> Result<Theme, Error> {
        let mut problems = crate::error::Problems::default();
        let words = Arc::new(crate::i18n::Words::new(language, overrides, &mut problems));
        problems.into_result(())?;
        let text_of = |name: &str| -> (String, Option<&SourceText>) {
            match overrides.iter().find(|(n, _)| n == name) {
                Some((_, source)) => (source.text.clone(), Some(source)),
                None => (file(name).unwrap_or_default().to_string(), None),
            }
        };
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        let table = Arc::clone(&words);
        tera.register_function("t", move |kwargs: tera::Kwargs, _: &tera::State| {
            translate(&table, &kwargs)
        });
        let mut assets = Vec::new();
        let mut templates = Vec::new();
        for name in names() {
            let (text, source) = text_of(name);
            if is_table(name) {
                continue;
            } else if name.ends_with(".html") {
                templates.push((name, text, source));
            } else {
                assets.push((name.to_string(), text));
            }
        }
        if let Err(error) =
            tera.add_raw_templates(templates.iter().map(|(n, t, _)| (*n, t.as_str())))
        {
            // Blame the override the message names, else the first override (the
            // built-in theme is tested, so a failure comes from the project).
            let message = full_message(&error);
            let (name, source) = templates
                .iter()
                .filter(|(_, _, source)| source.is_some())
                .find(|(name, _, _)| message.contains(*name))
                .or_else(|| templates.iter().find(|(_, _, source)| source.is_some()))
                .map_or(("theme", None), |(name, _, source)| (*name, *source));
            return Err(Error::Invalid(vec![template_problem(
                name, source, &message,
            )]));
        }
        Ok(Theme {
            tera,
            assets,
            words,
        })
    }
}

/// The template function `t(k="key", name=value, ...)`: the word for `k`, its
/// `{name}` placeholders filled from the other arguments. An unknown key fails the
/// render, naming it.
fn translate(words: &crate::i18n::Words, kwargs: &tera::Kwargs) -> tera::TeraResult<String> {
    let key: String = kwargs.must_get("k")?;
    if !words.has(&key) {
        return Err(tera::Error::message(format!(
            "the theme has no word \"{key}\" in its translation table"
        )));
    }
    let args: Vec<(String, String)> = kwargs
        .iter()
        .filter(|(name, _)| name.as_str() != Some("k"))
        .map(|(name, value)| {
            (
                name.as_str().unwrap_or_default().to_string(),
                value.to_string(),
            )
        })
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    Ok(words.fill(&key, &args))
}

fn full_message(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tera writes its position as `--> name:line:column` followed by a drawing of the
/// line; keep the message before it and turn the position into the diagnostic's.
fn template_problem(name: &str, source: Option<&SourceText>, message: &str) -> Diagnostic {
    let marker = format!("--> {name}:");
    let (text, location) = match message.split_once(&marker) {
        Some((before, after)) => {
            let mut numbers = after
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            let line = numbers.next().and_then(|n| n.parse().ok());
            let column = numbers.next().and_then(|n| n.parse().ok());
            (
                before.trim().trim_start_matches("error:").trim(),
                line.zip(column),
            )
        }
        None => (message, None),
    };
    let path = match source {
        Some(source) => source.path.clone(),
        None => format!("(built-in theme) {name}").into(),
    };
    Diagnostic::new(path, location, format!("template error: {text}"))
        .with_code(crate::error::Code::Template)
}
