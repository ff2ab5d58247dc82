//! A romanised skeleton of Devanagari text, so a Latin query finds Devanagari words
//! (`nasa` finds नासा, `putin` finds पुतिन) as entity filters already do through their
//! Latin forms. The letters come from `assets/romanise.toml`; Latin queries are read
//! into the same spelling (`aa` = `a`, `w` = `v`, `z` = `j`). It matches names spelled as
//! they sound, dropping the inherent vowel where Hindi usually does (`राजधानी` reads
//! `rajdhani`); it cannot match English spellings far from the Hindi (`delhi` for दिल्ली,
//! read `dilli`; `beijing` for बीजिंग, read `bijing`; `trump` for ट्रंप, read `tranp`).

use std::collections::HashMap;
use std::sync::OnceLock;

const VIRAMA: char = '\u{94d}';

struct Table {
    consonants: HashMap<char, String>,
    vowels: HashMap<char, String>,
    /// Latin spellings to rewrite, longest first.
    latin: Vec<(String, String)>,
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
        let chars = |m: HashMap<String, String>| {
            m.into_iter()
                .filter_map(|(k, v)| Some((k.chars().next()?, v)))
                .collect()
        };
        let mut latin: Vec<(String, String)> = file.latin.into_iter().collect();
        latin.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Table {
            consonants: chars(file.consonants),
            vowels: chars(file.vowels),
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
    while let Some(c) = chars.next() {
        if let Some(latin) = t.consonants.get(&c) {
            sounds.push((latin, Sound::Consonant));
            // The inherent vowel, unless a sign, a virama or the end of the word follows.
            let spoken = match chars.peek().copied() {
                Some(n) if n == VIRAMA || is_sign(n) => false,
                // Another letter of the word, or the anusvara (`कं` = `kan`).
                Some(n) => t.consonants.contains_key(&n) || t.vowels.contains_key(&n),
                None => false,
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
        } else if let Some(latin) = t.vowels.get(&c) {
            sounds.push((latin, Sound::Vowel));
        } else if c != VIRAMA {
            // The end of a word: its sounds are final.
            out.push_str(&romanised(&sounds));
            sounds.clear();
            out.push(c);
        }
    }
    out.push_str(&romanised(&sounds));
    latin_skeleton_in_place(out)
}

/// The sounds of one word as text, with the inherent vowel dropped where Hindi drops it:
/// between a vowel and consonant before, and a consonant and vowel after (`राजधानी` is
/// `rajdhani`, `प्योंगयांग` is `pyongyang`, `कमल` stays `kamal`).
fn romanised(sounds: &[(&str, Sound)]) -> String {
    let mut out = String::new();
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
    out
}

/// A vowel sign (not an independent vowel): these follow a consonant.
fn is_sign(c: char) -> bool {
    matches!(c, '\u{93e}'..='\u{94c}' | '\u{962}' | '\u{963}')
}

/// `query` (Latin, any case) in the spelling [`romanise`] writes.
pub fn latin_skeleton(query: &str) -> String {
    latin_skeleton_in_place(query.to_lowercase())
}

fn latin_skeleton_in_place(mut s: String) -> String {
    for (from, to) in &table().latin {
        if s.contains(from.as_str()) {
            s = s.replace(from.as_str(), to);
        }
    }
    s
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
        ] {
            assert!(both(d, l), "{l} in {d}: {}", romanise(&fold(d)));
        }
    }

    #[test]
    fn different_names_do_not_match() {
        for (d, l) in [("नासा", "nisa"), ("पुतिन", "patna"), ("मोदी", "madi")]
        {
            assert!(!both(d, l), "{l} in {d}: {}", romanise(&fold(d)));
        }
    }
}
