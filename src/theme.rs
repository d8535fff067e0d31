//! The default theme, embedded in the binary, and the project's overrides.
//!
//! One table (the `themes/default/` folder, embedded whole) drives everything: which
//! templates are registered, which names a project's `templates/` folder may
//! override, and what `init --theme` would copy out. A project file wins over the
//! built-in one of the same name.

use include_dir::{Dir, include_dir};

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
