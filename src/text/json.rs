//! JSON for the terminal as much as for programs: `khabar list --json` (and the reader's
//! export) is read with `jq` on a terminal, where a C1 control (U+009B is CSI) or a bidi override from an article
//! acts as raw as ESC would. `serde_json` escapes only C0 controls; this writer also
//! writes DEL, C1, the bidi controls and marks and U+2028/U+2029 as `\uXXXX`, which every JSON
//! reader decodes back to the same text.

use std::io::{self, Write};

use serde::Serialize;

/// `value` as one line of JSON (no line end), every character a terminal would act on
/// escaped.
pub fn to_line(value: &impl Serialize) -> io::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    // Valid UTF-8: serde_json writes strings whole or escaped.
    String::from_utf8(out).map_err(io::Error::other)
}

/// Writes `value` as one line of JSON, every character a terminal would act on escaped.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Escaping);
    // `serde_json` gives back an I/O error as it was (a closed pipe stays `BrokenPipe`).
    value.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// `serde_json`'s compact output, with more characters escaped.
struct Escaping;

impl serde_json::ser::Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if escaped(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Characters left raw by `serde_json` that a terminal acts on or that reorder the line.
const fn escaped(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_read_back_the_same() {
        let text = "क\u{1b}[2Jख\u{9b}1;2H\u{7f}\u{202e}ग\u{2066}\u{2028}घ “उद्धरण”";
        let mut out = Vec::new();
        write_line(&mut out, &serde_json::json!({ "title": text })).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(line.ends_with('\n'));
        assert!(
            !line
                .trim_end()
                .chars()
                .any(|c| c.is_control() || escaped(c)),
            "{line:?}"
        );
        assert!(line.contains("\\u009b") && line.contains("\\u202e") && line.contains("“उद्धरण”"));
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["title"], text);
    }
}
