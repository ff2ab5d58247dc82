//! Every article's title in one buffer, packed.
//!
//! The list needs every title at hand: any page of it may be drawn, and it may be sorted
//! by title. Kept as one string each, a million Hindi titles were the reader's largest
//! holding (224 MB: a Devanagari letter is three bytes in UTF-8, and each string is an
//! allocation with its own header). Here a letter of the Devanagari block takes one byte
//! (ASCII keeps its own), so a title takes about two fifths of the room, and the titles
//! of a corpus are one allocation. A title is unpacked only to be drawn or compared.

use std::cmp::Ordering;
use std::fmt;

/// Marks a character outside ASCII and the Devanagari block: its UTF-8 bytes follow
/// (a NUL in a title is written the same way, so a NUL byte always starts one).
const ESCAPE: u8 = 0;
/// The first code point of the Devanagari block (U+0900 to U+097F), packed as 0x80.
const DEVANAGARI: u32 = 0x0900;

/// The titles of the articles numbered 0, 1, 2, ... (see [`Titles::get`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Titles {
    bytes: Vec<u8>,
    /// Where each title ends in `bytes` (each starts where the one before it ends).
    ends: Vec<usize>,
}

impl Titles {
    /// Adds the title of the next article.
    pub fn push(&mut self, title: &str) {
        for c in title.chars() {
            pack(c, &mut self.bytes);
        }
        self.ends.push(self.bytes.len());
    }

    /// The title of article `i` (empty past the last).
    pub fn get(&self, i: usize) -> Title<'_> {
        let Some(&end) = self.ends.get(i) else {
            return Title(&[]);
        };
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        Title(&self.bytes[start..end])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Room for `n` more titles of `bytes` packed bytes in all, taken at once (a list read
    /// in parts then joins without copying into grown buffers).
    pub fn reserve(&mut self, n: usize, bytes: usize) {
        self.ends.reserve(n);
        self.bytes.reserve(bytes);
    }

    /// Appends `other`'s titles after these (their numbers shift by `self.len()`); each
    /// buffer (bytes, ends) is kept from whichever side is the longer (see [`super::join`]).
    pub fn append(&mut self, mut other: Self) {
        let shift = self.bytes.len();
        other.ends.iter_mut().for_each(|e| *e += shift);
        super::join::append(&mut self.bytes, other.bytes);
        super::join::append(&mut self.ends, other.ends);
    }

    /// Only the titles `keep` says to, renumbered in order (titles past `keep` go).
    #[must_use]
    pub fn retain(&self, keep: &[bool]) -> Self {
        let mut kept = Self::default();
        for i in (0..self.len()).filter(|&i| keep.get(i) == Some(&true)) {
            kept.bytes.extend_from_slice(self.get(i).0);
            kept.ends.push(kept.bytes.len());
        }
        kept
    }
}

/// Appends `c` packed (see the module's doc).
fn pack(c: char, out: &mut Vec<u8>) {
    let code = u32::from(c);
    if code != u32::from(ESCAPE) && code < 0x80 {
        out.push(code as u8);
    } else if let Some(offset) = code.checked_sub(DEVANAGARI).filter(|o| *o < 0x80) {
        out.push(0x80 | offset as u8);
    } else {
        out.push(ESCAPE);
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// One packed title, borrowed from [`Titles`]: shown through `Display` (`to_string`),
/// compared as its text is (by code point, as `str` compares).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Title<'a>(&'a [u8]);

impl<'a> Title<'a> {
    /// Its characters, unpacked.
    pub fn chars(self) -> Chars<'a> {
        Chars(self.0)
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Title<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 64];
        let mut used = 0;
        // Written in pieces of whole characters rather than a character at a time.
        for c in self.chars() {
            if used + 4 > buf.len() {
                f.write_str(std::str::from_utf8(&buf[..used]).map_err(|_| fmt::Error)?)?;
                used = 0;
            }
            used += c.encode_utf8(&mut buf[used..]).len();
        }
        f.write_str(std::str::from_utf8(&buf[..used]).map_err(|_| fmt::Error)?)
    }
}

impl Ord for Title<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Packed bytes keep the order of ASCII and Devanagari, and an escaped character's
        // UTF-8 bytes keep theirs: only where an escape meets a packed letter (the same
        // bytes before them, so both are at a character's start) must the text be unpacked.
        let (a, b) = (self.0, other.0);
        match a.iter().zip(b).position(|(x, y)| x != y) {
            None => a.len().cmp(&b.len()),
            Some(i) if a[i] != ESCAPE && b[i] != ESCAPE => a[i].cmp(&b[i]),
            Some(_) => self.chars().cmp(other.chars()),
        }
    }
}

impl PartialOrd for Title<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The characters of a [`Title`].
#[derive(Debug, Clone)]
pub struct Chars<'a>(&'a [u8]);

impl Iterator for Chars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let (&first, rest) = self.0.split_first()?;
        if first == ESCAPE {
            // The UTF-8 bytes of one character, as `pack` wrote them.
            let len = match rest.first() {
                Some(&b) if b < 0x80 => 1,
                Some(&b) if b < 0xE0 => 2,
                Some(&b) if b < 0xF0 => 3,
                _ => 4,
            }
            .min(rest.len());
            let c = std::str::from_utf8(&rest[..len])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            self.0 = &rest[len..];
            return Some(c);
        }
        self.0 = rest;
        Some(if first < 0x80 {
            char::from(first)
        } else {
            char::from_u32(DEVANAGARI + u32::from(first & 0x7F))
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(titles: &[&str]) -> Titles {
        let mut t = Titles::default();
        for s in titles {
            t.push(s);
        }
        t
    }

    #[test]
    fn titles_come_back_as_they_went_in() {
        let all = [
            "मोदी ने कहा: ‘सब ठीक’",
            "",
            "Plain ASCII, 2024",
            "नुक़्ता, ज़\u{200D}, ॐ ।॥ and é, 中文, 😀",
            "a\0b\u{7F}\u{80}\u{8FF}\u{900}\u{97F}\u{980}",
        ];
        let t = packed(&all);
        assert_eq!(t.len(), all.len());
        for (i, s) in all.iter().enumerate() {
            assert_eq!(t.get(i).to_string(), *s, "title {i}");
            assert_eq!(t.get(i).chars().collect::<String>(), *s);
        }
        assert!(t.get(all.len()).is_empty());
    }

    #[test]
    fn devanagari_takes_a_byte_a_letter() {
        let title = "भारत में चुनाव";
        let t = packed(&[title]);
        assert_eq!(t.bytes.len(), title.chars().count());
        assert!(t.bytes.len() * 2 < title.len());
    }

    #[test]
    fn titles_compare_as_their_text_does() {
        let all = [
            "अ",
            "a",
            "é",
            "क",
            "Z",
            "",
            "\u{97F}",
            "\u{980}",
            "अब",
            "\0",
            "😀",
            "‘अ’",
            "‘क’",
            "अ‘",
            "अé",
            "अ\0",
            "\0a",
            "\0\0",
            "ée",
            "éa",
            "\u{7F}",
            "\u{80}",
            "\u{FF}",
        ];
        let t = packed(&all);
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert_eq!(t.get(i).cmp(&t.get(j)), a.cmp(b), "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn appended_and_retained_titles_keep_their_order() {
        let mut t = packed(&["एक", "two"]);
        t.append(packed(&["तीन", "", "five"]));
        let shown = |t: &Titles| {
            (0..t.len())
                .map(|i| t.get(i).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(&t), ["एक", "two", "तीन", "", "five"]);
        let kept = t.retain(&[false, true, true, false, true]);
        assert_eq!(shown(&kept), ["two", "तीन", "five"]);
        assert_eq!(shown(&t.retain(&[true])), ["एक"], "titles past `keep` go");
    }
}
