//! Presenting problems to people and to CI: the text form, with the offending line
//! and a caret under the column, and the JSON form of `pipepress check --format json`.
//!
//! It reads source files only to quote a line, never judges them, and never prints:
//! the caller decides where the text goes and whether it is coloured.

mod code;

pub use code::{Code, Severity};
mod json;
mod text;

pub use json::{SourceEntry, sources, to_json, to_json_with};
pub use text::{Colour, render_text, sources_text};
