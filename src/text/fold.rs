//! Folding away spelling variation, so differently spelled forms of one word compare equal.
//!
//! Hindi news spells the same name several ways: with or without nukta (`ज़`/`ज`), with
//! chandrabindu or anusvara, with a nasal half-letter or an anusvara (`सितम्बर`/`सितंबर`),
//! with `ॉ` or `ा` in loanwords (`मॉस्को`/`मास्को`), with stray ZWJ/ZWNJ, with a hyphen or a
//! space (`किम जोंग-उन`/`किम जोंग उन`), and Latin names in any case. [`fold`] maps all of
//! these to one form. Matching runs on folded text; [`Folded`] maps positions in the
//! folded text back to byte offsets in the original, so results can point at the original.

use std::ops::Range;

const NUKTA: char = '\u{93c}';
const VIRAMA: char = '\u{94d}';
const ANUSVARA: char = '\u{902}';

/// `text` with spelling variants folded away (see the module docs).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, |_, _| {});
    out
}

/// A folded text plus the way back to the original's byte offsets.
///
/// Most characters fold to themselves, so folded and original offsets move in step; only
/// where they stop doing so (a dropped nukta, a Devanagari digit that became ASCII, a
/// collapsed space) is a mark kept. A per-byte table took four bytes for every byte of
/// text, more than the text itself, for every paragraph an article has.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// `(folded offset, original offset)` at each folded character whose source does not
    /// start where the offsets in step from the mark before would put it, and at the end.
    /// A folded character maps to where the characters it came from start in the
    /// original; the end of the text to the original's length. A folded range ends in the
    /// original where the next folded character's source starts, so dropped marks (nukta,
    /// ZWJ) and collapsed spaces stay with what they followed.
    marks: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `text`, remembering where the folded characters came from.
    ///
    /// # Panics
    /// If `text` is 4 GiB or longer.
    pub fn new(text: &str) -> Self {
        assert!(
            u32::try_from(text.len()).is_ok(),
            "text too long to fold with offsets"
        );
        let mut folded = String::with_capacity(text.len());
        let mut marks: Vec<(u32, u32)> = vec![(0, 0)];
        let mut at = 0usize;
        let mark = |marks: &mut Vec<(u32, u32)>, at: usize, source: usize| {
            let &(f0, o0) = marks.last().expect("the first mark is never removed");
            if o0 as usize + (at - f0 as usize) != source {
                if f0 as usize == at {
                    marks.pop();
                }
                marks.push((at as u32, source as u32));
            }
        };
        fold_into(text, &mut folded, |added, source| {
            if added > 0 {
                mark(&mut marks, at, source.start);
                at += added;
            }
        });
        mark(&mut marks, at, text.len());
        marks.shrink_to_fit();
        Self {
            text: folded,
            marks,
        }
    }

    /// The original offset of folded offset `at` (rounded down to a character start).
    fn origin(&self, mut at: usize) -> usize {
        while at < self.text.len() && !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let i = self.marks.partition_point(|&(f, _)| f as usize <= at) - 1;
        let (f0, o0) = self.marks[i];
        o0 as usize + (at - f0 as usize)
    }

    /// The original byte range that the folded range `start..end` came from.
    ///
    /// # Panics
    /// If the range is empty or out of bounds.
    pub fn original(&self, folded: Range<usize>) -> Range<usize> {
        assert!(
            folded.start < folded.end && folded.end <= self.text.len(),
            "empty or out-of-bounds folded range"
        );
        self.origin(folded.start)..self.origin(folded.end)
    }
}

/// Folds one character; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Most Devanagari letters and signs stay as they are; skip the case tables for them.
        '\u{905}'..='\u{90c}'
        | '\u{90e}'..='\u{910}'
        | '\u{912}'..='\u{928}'
        | '\u{92a}'..='\u{930}'
        | '\u{932}'..='\u{933}'
        | '\u{935}'..='\u{93b}'
        | '\u{93d}'..='\u{944}'
        | '\u{946}'..='\u{948}'
        | '\u{94a}'..='\u{957}' => c,
        NUKTA | '\u{200c}' | '\u{200d}' | '\u{ad}' | '\u{feff}' => return None,
        '\u{958}' => 'क',
        '\u{959}' => 'ख',
        '\u{95a}' => 'ग',
        '\u{95b}' => 'ज',
        '\u{95c}' => 'ड',
        '\u{95d}' => 'ढ',
        '\u{95e}' => 'फ',
        '\u{95f}' => 'य',
        '\u{929}' => 'न',
        '\u{931}' => 'र',
        '\u{934}' => 'ळ',
        // Chandrabindu and anusvara are spelling variants of one nasal.
        '\u{901}' => ANUSVARA,
        // `ॉ`/`ऑ` mark an English "o" that many writers spell `ा`/`आ`.
        '\u{949}' => 'ा',
        '\u{911}' => 'आ',
        // Candra e (`टॅग्स`) is a loanword spelling of `े`.
        '\u{945}' => 'े',
        '\u{90d}' => 'ए',
        // Devanagari digits are the same numbers as ASCII digits (२०२४ = 2024).
        '\u{966}'..='\u{96f}' => char::from(b'0' + (c as u32 - 0x966) as u8),
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => ' ',
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c if c.is_whitespace() && c != '\n' => ' ',
        c if !c.is_ascii() && c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    })
}

/// Nasal half-letters written where an anusvara could stand (`म्ब` for `ंब`).
fn is_nasal(c: char) -> bool {
    matches!(c, 'ङ' | 'ञ' | 'ण' | 'न' | 'म')
}

/// Consonants before which a nasal half-letter is interchangeable with an anusvara.
fn takes_anusvara(c: char) -> bool {
    matches!(c, '\u{915}'..='\u{927}' | '\u{92a}'..='\u{92d}' | 'स' | 'श' | '\u{958}'..='\u{95e}')
        && !matches!(c, 'ङ' | 'ञ' | 'ण')
}

/// Whether Devanagari character `0x900 + i` folds to itself whatever surrounds it: most
/// letters and signs. A nasal letter does not (before a virama it may become an
/// anusvara), nor those [`fold_char`] maps to another.
const KEEPS: [bool; 128] = {
    let mut keeps = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = 0x900 + i as u32;
        keeps[i] = matches!(
            c,
            0x905..=0x90c
                | 0x90e..=0x910
                | 0x912..=0x928
                | 0x92a..=0x930
                | 0x932..=0x933
                | 0x935..=0x93b
                | 0x93d..=0x944
                | 0x946..=0x948
                | 0x94a..=0x957
        ) && !matches!(c, 0x919 | 0x91e | 0x923 | 0x928 | 0x92e);
        i += 1;
    }
    keeps
};

/// Where the run of bytes from `at` that fold to themselves ends: ASCII other than
/// capitals, hyphens and spaces (runs of spaces collapse: a space only after a
/// character of the run), and the Devanagari of
/// [`KEEPS`], read from the bytes without decoding characters. That is most of any Hindi
/// text, and folding is a tenth of extraction.
fn same_run_end(bytes: &[u8], mut at: usize) -> usize {
    let start = at;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            // A space after a character of the run stays (the folded text ends in that
            // character, not a space); one at the run's start may be collapsed.
            let kept_space = b == b' ' && at > start && bytes[at - 1] != b' ';
            if !kept_space && (b.is_ascii_uppercase() || matches!(b, b'-' | b'\t' | b'\r' | b' ')) {
                break;
            }
            at += 1;
        } else if b == 0xe0
            && let Some(&[b1, b2]) = bytes.get(at + 1..at + 3)
            && matches!(b1, 0xa4 | 0xa5)
            && KEEPS[usize::from(b1 - 0xa4) << 6 | usize::from(b2 & 0x3f)]
        {
            at += 3;
        } else {
            break;
        }
    }
    at
}

/// Folds `text` into `out`, telling `emit` how many bytes each source range produced (a
/// run that folds to itself comes as one range, as many bytes out as in).
fn fold_into(text: &str, out: &mut String, mut emit: impl FnMut(usize, Range<usize>)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let end = same_run_end(bytes, i);
        if end > i {
            out.push_str(&text[i..end]);
            emit(end - i, i..end);
            i = end;
            continue;
        }
        let c = text[i..].chars().next().expect("i is a character boundary");
        let next = i + c.len_utf8();
        // A nasal half-letter before a stop becomes an anusvara: `न्द` and `ंद` meet.
        if is_nasal(c) && text[next..].starts_with(VIRAMA) {
            let after = next + VIRAMA.len_utf8();
            let mut rest = text[after..]
                .chars()
                .filter(|&n| n != '\u{200c}' && n != '\u{200d}');
            if rest.next().is_some_and(takes_anusvara) && !prev_is_consonantless(out) {
                out.push(ANUSVARA);
                emit(ANUSVARA.len_utf8(), i..after);
                i = after;
                continue;
            }
        }
        i = next;
        let Some(f) = fold_char(c) else {
            emit(0, i - c.len_utf8()..i);
            continue;
        };
        // Runs of spaces (and hyphens, which fold to spaces) collapse into one.
        if f == ' ' && out.ends_with(' ') {
            emit(0, i - c.len_utf8()..i);
            continue;
        }
        out.push(f);
        emit(f.len_utf8(), i - c.len_utf8()..i);
    }
}

/// Whether the folded text so far ends where a nasal could not be an anusvara (start of a
/// word): an anusvara needs a syllable to sit on.
fn prev_is_consonantless(out: &str) -> bool {
    !out.chars()
        .next_back()
        .is_some_and(|p| matches!(p, '\u{900}'..='\u{97f}') && p != VIRAMA)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_spellings_meet() {
        assert_eq!(fold("मॉस्को"), fold("मास्को"));
        assert_eq!(fold("सितम्बर"), fold("सितंबर"));
        assert_eq!(fold("हिन्दी"), fold("हिंदी"));
        assert_eq!(fold("न्यूज़"), fold("न्यूज"));
        assert_eq!(fold("न्यूज\u{95b}"), fold("न्यूजज"));
        assert_eq!(fold("पहुँचे"), fold("पहुंचे"));
        assert_eq!(fold("किम जोंग-उन"), fold("किम जोंग उन"));
        assert_eq!(fold("North  Korea"), "north korea");
        assert_eq!(fold("क\u{200d}ष"), fold("कष"));
    }

    #[test]
    fn distinct_words_stay_distinct() {
        assert_eq!(fold("अन्य"), "अन्य");
        assert_ne!(fold("काम"), fold("कम"));
        // A nasal at a word's start has nothing to sit on.
        assert_eq!(fold("न्यूज"), "न्यूज");
        assert_eq!(fold("अन्न"), "अन्न");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "मॉस्को  में सितम्बर, North-Korea";
        let f = Folded::new(text);
        for needle in ["मास्को", "सितंबर", "north korea", "में"] {
            let at = f.text.find(needle).unwrap();
            let back = f.original(at..at + needle.len());
            assert_eq!(
                fold(&text[back.clone()]),
                needle,
                "{needle} came back as {:?}",
                &text[back]
            );
        }
        let at = f.text.find("सितंबर").unwrap();
        assert_eq!(&text[f.original(at..at + "सितंबर".len())], "सितम्बर");
    }

    #[test]
    fn every_folded_character_maps_to_its_source() {
        // The mapping the per-byte table gave, rebuilt naively, for texts where offsets
        // move in step and where they do not.
        for text in [
            "",
            "abc",
            "\u{200d}\u{200d}क",
            "न्यूज़ २०२४  में—North-Korea ज़रूर हिन्दी ǅ Ⱥ \u{200c}",
            "१२३४५६७८९०",
            "क\u{93c}\u{93c}\u{93c}ख",
        ] {
            let f = Folded::new(text);
            let mut table = Vec::new();
            let mut out = String::new();
            fold_into(text, &mut out, |added, source| {
                // A run of characters that fold to themselves comes as one range.
                if added == source.len() {
                    table.extend(source);
                } else {
                    table.extend(std::iter::repeat_n(source.start, added));
                }
            });
            table.push(text.len());
            assert_eq!(f.text, out);
            for (i, _) in f.text.char_indices() {
                let end = f.text[i..].chars().next().map_or(0, char::len_utf8) + i;
                assert_eq!(f.original(i..end), table[i]..table[end], "{text:?} at {i}");
            }
        }
        assert!(Folded::new("सितंबर North").marks.len() <= 2);
    }

    #[test]
    fn the_fast_run_keeps_only_what_fold_char_keeps() {
        for (i, &keeps) in KEEPS.iter().enumerate() {
            let c = char::from_u32(0x900 + i as u32).expect("a Devanagari character");
            let itself = fold_char(c) == Some(c) && !is_nasal(c);
            assert!(!keeps || itself, "{c:?} is in the run but folds otherwise");
        }
        // Each kind of character the run stops at, inside a run, folds as it does alone.
        for c in [
            'न', '\u{95b}', '\u{93c}', 'ँ', '५', 'A', '-', ' ', '\u{200d}', 'ॉ',
        ] {
            let text = format!("कमल{c}{c}पथ");
            let alone: String = ["कमल", &fold(&format!("{c}{c}")), "पथ"].concat();
            assert_eq!(fold(&text), alone, "{c:?}");
        }
    }

    #[test]
    fn dropped_marks_stay_with_their_letter() {
        let text = "न्यूज़ ";
        let f = Folded::new(text);
        assert_eq!(f.text, "न्यूज ");
        assert_eq!(&text[f.original(0.."न्यूज".len())], "न्यूज़");
    }
}
