//! Turning a file's bytes into text without losing the link to its byte offsets.
//!
//! Invalid UTF-8 is replaced by U+FFFD (three bytes for each bad sequence), which shifts
//! every later offset; the [`OffsetMap`] remembers each replacement so spans found in the
//! text can be reported as offsets into the file as the contract requires.

use std::borrow::Cow;

/// Where decoding changed lengths: `(text offset after the replacement, file offset there)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OffsetMap {
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The file offset of a text offset.
    pub fn to_file(&self, text_offset: usize) -> usize {
        let i = self.points.partition_point(|&(t, _)| t <= text_offset);
        match i.checked_sub(1) {
            Some(j) => {
                let (t, f) = self.points[j];
                f + (text_offset - t)
            }
            None => text_offset,
        }
    }

    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }
}

/// The decoded text, the offset of the first invalid byte (if any) and the offset map.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<usize>, OffsetMap) {
    let mut map = OffsetMap::default();
    let mut first_bad = None;
    let mut out: Option<String> = None;
    let mut rest = bytes;
    let mut file_pos = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                return match out {
                    Some(mut o) => {
                        o.push_str(s);
                        (Cow::Owned(o), first_bad, map)
                    }
                    None => (Cow::Borrowed(s), None, map),
                };
            }
            Err(e) => {
                let good = e.valid_up_to();
                let bad = e.error_len().unwrap_or(rest.len() - good);
                first_bad.get_or_insert(file_pos + good);
                let o = out.get_or_insert_with(|| String::with_capacity(bytes.len() + 16));
                // Valid by construction: from_utf8 checked these bytes.
                o.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                o.push('\u{fffd}');
                file_pos += good + bad;
                map.points.push((o.len(), file_pos));
                rest = &rest[good + bad..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_is_borrowed_and_unmapped() {
        let (t, bad, map) = decode("क ख".as_bytes());
        assert!(matches!(t, Cow::Borrowed("क ख")));
        assert_eq!(bad, None);
        assert!(map.is_identity());
    }

    #[test]
    fn bad_bytes_are_replaced_and_offsets_map_back() {
        let mut bytes = b"ab".to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice("क".as_bytes());
        bytes.extend_from_slice(&[0xe0, 0xa4]); // truncated sequence
        bytes.extend_from_slice(b"z");
        let (t, bad, map) = decode(&bytes);
        assert_eq!(t, "ab\u{fffd}क\u{fffd}z");
        assert_eq!(bad, Some(2));
        let k = t.find('क').unwrap();
        assert_eq!(&bytes[map.to_file(k)..map.to_file(k + 3)], "क".as_bytes());
        let z = t.find('z').unwrap();
        assert_eq!(bytes[map.to_file(z)], b'z');
    }
}
