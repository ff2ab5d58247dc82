//! A romanised skeleton of Devanagari text, so a Latin query finds Devanagari words
//! (`nasa` finds नासा, `putin` finds पुतिन) as entity filters already do through their
//! Latin forms. The letters come from `assets/romanise.toml`; Latin queries are read
//! into the same spelling (`aa` = `a`, `w` = `v`, `z` = `j`, and on both sides without
//! aspiration or doubled letters: `shubman gill` finds शुभमन गिल). It matches names spelled as
//! they sound, dropping the inherent vowel where Hindi usually does (`राजधानी` reads
//! `rajdhani`); it cannot match English spellings far from the Hindi (`delhi` for दिल्ली,
//! read `dilli`; `beijing` for बीजिंग, read `bijing`; `trump` for ट्रंप, read `tranp`).

use std::collections::HashMap;
use std::sync::OnceLock;

const VIRAMA: char = '\u{94d}';

struct Table {
    /// The Latin of each consonant and vowel, by its offset in the Devanagari block
    /// (U+0900 to U+097F): a look-up per character of every article read back, where a
    /// hashed map took most of the time.
    consonants: Vec<Option<Box<str>>>,
    vowels: Vec<Option<Box<str>>>,
    /// Latin spellings to rewrite, longest first.
    latin: Vec<(String, String)>,
}

/// Letters of the Devanagari block.
const BLOCK: u32 = 0x900;
const BLOCK_LEN: usize = 128;

/// `c`'s offset in the Devanagari block, if it is in it.
fn offset(c: char) -> Option<usize> {
    (c as u32)
        .checked_sub(BLOCK)
        .map(|i| i as usize)
        .filter(|&i| i < BLOCK_LEN)
}

impl Table {
    fn consonant(&self, c: char) -> Option<&str> {
        offset(c).and_then(|i| self.consonants[i].as_deref())
    }

    fn vowel(&self, c: char) -> Option<&str> {
        offset(c).and_then(|i| self.vowels[i].as_deref())
    }
}

#[derive(serde::Deserialize)]
struct File {
    consonants: HashMap<String, String>,
    vowels: HashMap<String, String>,
    latin: HashMap<String, String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: File = toml::from_str(include_str!("../../assets/romanise.toml"))
            .expect("assets/romanise.toml is valid");
        let by_offset = |m: HashMap<String, String>| {
            let mut out = vec![None; BLOCK_LEN];
            for (k, v) in m {
                let i = k
                    .chars()
                    .next()
                    .and_then(offset)
                    .expect("assets/romanise.toml names Devanagari letters only");
                out[i] = Some(v.into_boxed_str());
            }
            out
        };
        let mut latin: Vec<(String, String)> = file.latin.into_iter().collect();
        latin.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Table {
            consonants: by_offset(file.consonants),
            vowels: by_offset(file.vowels),
            latin,
        }
    })
}

/// What a piece of the romanised text is, for dropping unspoken inherent vowels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sound {
    Consonant,
    /// The inherent `a` of a consonant.
    Inherent,
    Vowel,
    Other,
}

/// The romanised skeleton of the Devanagari in `folded` (text already folded); other
/// characters are kept as they are.
pub fn romanise(folded: &str) -> String {
    let t = table();
    let mut out = String::with_capacity(folded.len() / 2);
    let mut sounds: Vec<(&str, Sound)> = Vec::new();
    let mut chars = folded.chars().peekable();
    let mut before = None;
    while let Some(c) = chars.next() {
        let conjunct = before == Some(VIRAMA);
        before = Some(c);
        if let Some(latin) = t.consonant(c) {
            sounds.push((latin, Sound::Consonant));
            // The inherent vowel, unless a sign, a virama or the end of the word follows;
            // at the end of a word it is spoken after a conjunct (`नरेंद्र` is narendra,
            // `मित्र` mitra), where a search typed as it is said has it.
            let spoken = match chars.peek().copied() {
                Some(n) if n == VIRAMA || is_sign(n) => false,
                // Another letter of the word, or the anusvara (`कं` = `kan`).
                Some(n) if t.consonant(n).is_some() || t.vowel(n).is_some() => true,
                _ => conjunct,
            };
            if spoken {
                sounds.push(("a", Sound::Inherent));
            }
        } else if c == 'ं' && matches!(chars.peek(), Some('प' | 'फ' | 'ब' | 'भ' | 'म'))
        {
            // Before a labial the anusvara is spoken and typed `m` (मुंबई, mumbai).
            sounds.push(("m", Sound::Other));
        } else if c == 'ं' {
            sounds.push(("n", Sound::Other));
        } else if let Some(latin) = t.vowel(c) {
            sounds.push((latin, Sound::Vowel));
        } else if c != VIRAMA {
            // The end of a word: its sounds are final.
            push_romanised(&mut out, &sounds);
            sounds.clear();
            out.push(c);
        }
    }
    push_romanised(&mut out, &sounds);
    latin_skeleton_in_place(out)
}

/// Writes the sounds of one word to `out` as text, with the inherent vowel dropped where
/// Hindi drops it: between a vowel and consonant before, and a consonant and vowel after
/// (`राजधानी` is `rajdhani`, `प्योंगयांग` is `pyongyang`, `कमल` stays `kamal`).
fn push_romanised(out: &mut String, sounds: &[(&str, Sound)]) {
    let spoken = |s: Sound| matches!(s, Sound::Vowel | Sound::Inherent);
    for (i, &(text, sound)) in sounds.iter().enumerate() {
        let kind = |j: usize| sounds.get(j).map(|s| s.1);
        let silent = sound == Sound::Inherent
            && i >= 2
            && kind(i - 1) == Some(Sound::Consonant)
            && matches!(
                kind(i - 2),
                Some(Sound::Vowel | Sound::Inherent | Sound::Other)
            )
            && kind(i + 1) == Some(Sound::Consonant)
            && kind(i + 2).is_some_and(spoken);
        if !silent {
            out.push_str(text);
        }
    }
}

/// A vowel sign (not an independent vowel): these follow a consonant.
fn is_sign(c: char) -> bool {
    matches!(c, '\u{93e}'..='\u{94c}' | '\u{962}' | '\u{963}')
}

/// `query` (Latin, any case) in the spelling [`romanise`] writes.
pub fn latin_skeleton(query: &str) -> String {
    latin_skeleton_in_place(query.to_lowercase())
}

/// Applies the Latin rewrites: the spellings until none applies, then doubled letters
/// made single once. A rewrite can make a double (`haqqani`: `q` to `k` makes the `kk`
/// that becomes `k`, as हक्कानी's does); halving a run only once keeps a query such as
/// `zzzz` from shrinking to the single letter `j`, which every text holds.
fn latin_skeleton_in_place(mut s: String) -> String {
    let rules = &table().latin;
    let is_double = |from: &str| {
        let b = from.as_bytes();
        b.len() == 2 && b[0] == b[1]
    };
    // No rule undoes another, so this ends; the bound is a guard.
    for _ in 0..4 {
        let mut changed = false;
        for (from, to) in rules.iter().filter(|(from, _)| !is_double(from)) {
            if s.contains(from.as_str()) {
                s = s.replace(from.as_str(), to);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (from, to) in rules.iter().filter(|(from, _)| is_double(from)) {
        if s.contains(from.as_str()) {
            s = s.replace(from.as_str(), to);
        }
    }
    s
}

/// The key a Latin name is looked up by among romanised names ([`name_key`]): its
/// skeleton, for a folded name in Latin letters alone; `None` for one with Devanagari.
pub fn latin_name_key(folded: &str) -> Option<String> {
    let latin = folded.bytes().any(|b| b.is_ascii_alphabetic());
    (latin && !has_devanagari(folded)).then(|| latin_skeleton(folded))
}

/// A folded Devanagari name romanised, as an alias a Latin name finds it by (`nitish`
/// finds `नीतीश`, a given name that was never written in Latin letters); `None` for a
/// name with Latin letters.
pub fn name_key(folded: &str) -> Option<String> {
    let devanagari = has_devanagari(folded) && !folded.bytes().any(|b| b.is_ascii_alphabetic());
    devanagari
        .then(|| romanise(folded))
        .filter(|r| !r.trim().is_empty())
}

fn has_devanagari(s: &str) -> bool {
    s.chars().any(|c| offset(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    fn both(devanagari: &str, latin: &str) -> bool {
        romanise(&fold(devanagari)).contains(&latin_skeleton(latin))
    }

    #[test]
    fn latin_names_find_devanagari() {
        for (d, l) in [
            ("नासा", "nasa"),
            ("नासा", "NASA"),
            ("पुतिन", "putin"),
            ("मोदी", "modi"),
            ("मुंबई", "mumbai"),
            ("कमल", "kamal"),
            ("ज़ोर", "zor"),
            ("फ़ोन", "fon"),
            ("प्योंगयांग", "pyongyang"),
            // A conjunct at the end of a word keeps its vowel, as it is said and typed.
            ("नरेंद्र मोदी", "narendra modi"),
            ("मित्र", "mitra"),
            ("राज्य", "rajya"),
            // Aspiration and doubled letters, often not written in Latin.
            ("शुभमन गिल", "shubman gill"),
            ("शुभमन गिल", "Shubhman Gil"),
            ("भारत", "bharat"),
            ("फ़ोन", "phon"),
            // A rewrite makes a double another drops (`q` is `k`).
            ("हक्कानी", "haqqani"),
            ("पिज़्ज़ा", "pizza"),
            ("इफ़्फ़त", "iffat"),
        ] {
            assert!(both(d, l), "{l} in {d}: {}", romanise(&fold(d)));
        }
        // A run of one letter is halved once, never brought down to a single letter.
        assert_eq!(latin_skeleton("zzzz"), "jj");
    }

    #[test]
    fn a_final_vowel_is_spoken_only_after_a_conjunct() {
        assert_eq!(romanise(&fold("नरेंद्र")), "narendra");
        assert_eq!(romanise(&fold("कमल")), "kamal");
        assert_eq!(romanise(&fold("राम")), "ram");
    }

    #[test]
    fn different_names_do_not_match() {
        for (d, l) in [("नासा", "nisa"), ("पुतिन", "patna"), ("मोदी", "madi")]
        {
            assert!(!both(d, l), "{l} in {d}: {}", romanise(&fold(d)));
        }
    }
}
