//! Devanagari text in about a third of its UTF-8 size, for the cache's heads section: a
//! quick `list` reads every head of a popular name, and titles (Devanagari, three bytes a
//! letter in UTF-8) are most of those bytes. Each character of the Devanagari block takes
//! one byte, 0x80 + its offset in the block; ASCII stays as it is; anything else is 0x01
//! followed by its UTF-8 bytes (0x01 itself included). The idea is SCSU's (Unicode
//! Technical Standard #6) with a single fixed window.

/// The first character of the window (the Devanagari block, U+0900..U+097F).
const WINDOW: u32 = 0x900;
/// The byte that says a UTF-8 character follows as it is.
const QUOTE: u8 = 0x01;

/// `text`, packed.
pub fn pack(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 2 + 8);
    for c in text.chars() {
        let u = c as u32;
        if u < 0x80 && u != u32::from(QUOTE) {
            out.push(u as u8);
        } else if (WINDOW..WINDOW + 0x80).contains(&u) {
            out.push(0x80 + (u - WINDOW) as u8);
        } else {
            out.push(QUOTE);
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// The text [`pack`] made `bytes` from; `None` if `bytes` is not such a packing.
pub fn unpack(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() * 3);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == QUOTE {
            let lead = *bytes.get(i + 1)?;
            let width = match lead {
                0x00..=0x7f => 1,
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return None,
            };
            let quoted = bytes.get(i + 1..i + 1 + width)?;
            out.push_str(std::str::from_utf8(quoted).ok()?);
            i += 1 + width;
        } else if b < 0x80 {
            out.push(char::from(b));
            i += 1;
        } else {
            out.push(char::from_u32(WINDOW + u32::from(b - 0x80))?);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_text_comes_back(s in "\\PC{0,60}|[\\x00-\\x{7f}\\x{900}-\\x{97f}“”—₹😀]{0,60}") {
            proptest::prop_assert_eq!(unpack(&pack(&s)), Some(s));
        }

        #[test]
        fn any_bytes_unpack_to_text_or_none(bytes in proptest::collection::vec(proptest::prop_oneof![proptest::strategy::Just(QUOTE), 0xc0u8.., 0u8..], 0..40)) {
            // An independent reading: a quote byte must be followed by exactly one whole
            // UTF-8 character (UTF-8 is prefix-free, so at most one width fits).
            let mut i = 0;
            let mut chars = 0;
            let mut valid = true;
            while i < bytes.len() {
                if bytes[i] == QUOTE {
                    let rest = &bytes[i + 1..];
                    let width = (1..=rest.len().min(4))
                        .find(|&w| std::str::from_utf8(&rest[..w]).is_ok_and(|t| t.chars().count() == 1));
                    let Some(w) = width else {
                        valid = false;
                        break;
                    };
                    i += 1 + w;
                } else {
                    i += 1;
                }
                chars += 1;
            }
            match unpack(&bytes) {
                Some(text) => {
                    proptest::prop_assert!(valid);
                    proptest::prop_assert_eq!(text.chars().count(), chars);
                }
                None => proptest::prop_assert!(!valid),
            }
        }
    }

    #[test]
    fn devanagari_takes_a_byte_a_letter() {
        let title = "पुतिन ने किम जोंग उन को लिखा पत्र";
        let packed = pack(title);
        assert_eq!(packed.len(), title.chars().count());
        assert!(packed.len() * 2 < title.len());
        let mixed = "“मोदी” — Modi \u{1} ₹";
        assert_eq!(unpack(&pack(mixed)).as_deref(), Some(mixed));
    }

    #[test]
    fn broken_packings_are_refused() {
        assert_eq!(unpack(&[QUOTE]), None);
        assert_eq!(unpack(&[QUOTE, 0xe0, 0xa4]), None);
        assert_eq!(unpack(&[QUOTE, 0xff]), None);
    }
}
