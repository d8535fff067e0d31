//! Markdown from a project never panics the renderer, and nothing executable
//! survives sanitising.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Every start tag's name and its attributes (name, value), read with quotes
/// respected. Text is escaped by the sanitiser, so a `<` followed by a letter
/// always starts a tag (and `href="javascript:` in text is only text).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'>' | b'/') {
            i += 1;
        }
        let name = html[start..i].to_string();
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let from = i;
            while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'>' | b'=') {
                i += 1;
            }
            let attribute = html[from..i].to_string();
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    i += 1;
                    let start = i;
                    while i < bytes.len() && bytes[i] != quote {
                        i += 1;
                    }
                    value = html[start..i.min(bytes.len())].to_string();
                    i += 1;
                } else {
                    let start = i;
                    while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'>') {
                        i += 1;
                    }
                    value = html[start..i].to_string();
                }
            }
            attributes.push((attribute, value));
        }
        found.push((name, attributes));
    }
    found
}

fuzz_target!(|text: &str| {
    for shift in [0, 2] {
        let html = pipepress::markdown::to_html(text, shift).to_ascii_lowercase();
        for (name, attributes) in tags(&html) {
            assert!(
                !["script", "iframe", "object", "embed", "style"].contains(&name.as_str()),
                "<{name}> survived"
            );
            assert!(
                !attributes.iter().any(|(a, _)| a.starts_with("on")),
                "an event handler survived on <{name}>"
            );
            assert!(
                !attributes
                    .iter()
                    .any(|(a, v)| a == "href" && v.trim_start().starts_with("javascript:")),
                "a javascript: link survived on <{name}>"
            );
        }
    }
});
