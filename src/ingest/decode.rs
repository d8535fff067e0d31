//! Bytes into text: which encoding an export is in, and decoding it.
//!
//! Excel and the CRMs write UTF-8 with or without a byte-order mark, UTF-16 with a
//! mark ("Unicode text") and, from older Windows set-ups, Windows-1252. A file that
//! is valid UTF-8 is read as UTF-8; anything else without a mark is Windows-1252,
//! which decodes every byte, so decoding never fails.

use std::borrow::Cow;

use encoding_rs::{Encoding as Rs, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// An encoding a source can be in (and be told to be read as).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    fn rs(self) -> &'static Rs {
        match self {
            Encoding::Utf8 => UTF_8,
            Encoding::Utf16Le => UTF_16LE,
            Encoding::Utf16Be => UTF_16BE,
            Encoding::Windows1252 => WINDOWS_1252,
        }
    }
}

/// What was found: the encoding and whether a byte-order mark started the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: Encoding,
    pub bom: bool,
}

impl Detected {
    /// "utf-8 with BOM", "windows-1252".
    pub fn describe(self) -> String {
        match self.bom {
            true => format!("{} with BOM", self.encoding.name()),
            false => self.encoding.name().to_string(),
        }
    }
}

/// The encoding of `bytes`: from its byte-order mark, else UTF-8 when valid, else
/// Windows-1252.
pub fn detect(bytes: &[u8]) -> Detected {
    let from_bom = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some(Encoding::Utf8),
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        _ => None,
    };
    match from_bom {
        Some(encoding) => Detected {
            encoding,
            bom: true,
        },
        None if std::str::from_utf8(bytes).is_ok() => Detected {
            encoding: Encoding::Utf8,
            bom: false,
        },
        None => Detected {
            encoding: Encoding::Windows1252,
            bom: false,
        },
    }
}

/// Whether a file is UTF-8 throughout, and how many lines it has, found a block
/// at a time (a character may be split between two blocks).
#[derive(Debug)]
pub struct Utf8Scan {
    utf8: bool,
    /// The start of a character the last block ended in.
    pending: Vec<u8>,
    lines: usize,
}

impl Default for Utf8Scan {
    fn default() -> Self {
        Utf8Scan {
            utf8: true,
            pending: Vec::new(),
            lines: 0,
        }
    }
}

impl Utf8Scan {
    /// Takes the next block of the file.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.lines += bytes.iter().filter(|&&b| b == b'\n').count();
        if !self.utf8 {
            return;
        }
        if let Some(&lead) = self.pending.first() {
            let length = match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let take = (length - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.pending.len() < length {
                return;
            }
            self.utf8 = std::str::from_utf8(&self.pending).is_ok();
            self.pending.clear();
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => {}
            // The block ends inside a character: the next one completes it.
            Err(e) if e.error_len().is_none() => {
                self.pending.extend_from_slice(&bytes[e.valid_up_to()..]);
            }
            Err(_) => self.utf8 = false,
        }
    }

    /// The file's lines when it is UTF-8 throughout (a byte-order mark included).
    pub fn finish(self) -> Option<usize> {
        (self.utf8 && self.pending.is_empty()).then_some(self.lines)
    }
}

/// Decodes `bytes` in `told` when the source names an encoding, else in the one
/// detected. A byte-order mark is dropped; bytes that are not valid in the encoding
/// become U+FFFD, and the second value says whether any did.
/// Valid UTF-8 is borrowed, not copied.
pub fn decode(bytes: &[u8], told: Option<Encoding>) -> (Cow<'_, str>, Detected, bool) {
    let detected = detect(bytes);
    let detected = match told {
        Some(encoding) if encoding != detected.encoding => Detected {
            encoding,
            bom: false,
        },
        _ => detected,
    };
    let rs = detected.encoding.rs();
    // decode_with_bom_removal drops only the mark of that very encoding.
    let (text, had_errors) = rs.decode_with_bom_removal(bytes);
    (text, detected, had_errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_in_blocks_finds_what_detect_finds() {
        // "Åre\n€ 5\n" in UTF-8 (Å two bytes, € three), and in Windows-1252.
        let utf8 = "Åre\n€ 5\n".as_bytes();
        let cp1252: &[u8] = b"\xC5re\n\x80 5\n";
        for (bytes, want) in [
            (utf8, Some(2)),
            (cp1252, None),
            (b"\xE2\x82".as_slice(), None),
        ] {
            for block in 1..=bytes.len().max(1) {
                let mut scan = Utf8Scan::default();
                bytes.chunks(block).for_each(|b| scan.update(b));
                assert_eq!(scan.finish(), want, "{bytes:?} in blocks of {block}");
            }
            let utf8 = detect(bytes).encoding == Encoding::Utf8;
            assert_eq!(utf8, want.is_some());
        }
    }

    #[test]
    fn detects_marks_utf8_and_windows_1252() {
        assert_eq!(detect(b"\xEF\xBB\xBFid").describe(), "utf-8 with BOM");
        assert_eq!(detect("Åre".as_bytes()).describe(), "utf-8");
        assert_eq!(detect(b"\xC5re").describe(), "windows-1252");
        assert_eq!(detect(b"\xFF\xFEi\0d\0").describe(), "utf-16le with BOM");
        assert_eq!(detect(b"\xFE\xFF\0i\0d").describe(), "utf-16be with BOM");
    }

    #[test]
    fn decodes_each_to_the_same_text() {
        // "Åre 5 €": Å is 0xC5 and € is 0x80 in Windows-1252.
        let want = "Åre 5 €";
        assert_eq!(decode(b"\xC5re 5 \x80", None).0, want);
        assert_eq!(decode("\u{feff}Åre 5 €".as_bytes(), None).0, want);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(want.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16, None).0, want);
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(want.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&utf16be, None).0, want);
    }

    #[test]
    fn an_encoding_named_by_the_source_wins() {
        // Valid UTF-8 bytes read as Windows-1252 on request: "Ã…" for "Å".
        let (text, detected, _) = decode("Å".as_bytes(), Some(Encoding::Windows1252));
        assert_eq!(text, "Ã…");
        assert_eq!(detected.encoding, Encoding::Windows1252);
    }
}
