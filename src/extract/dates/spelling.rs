//! Spelling variants of the date words: Hindi text writes the same word with or without
//! nukta, with precomposed or combining nukta, with candrabindu or anusvara, and often
//! drops the anusvara of an oblique plural. The word list gives one spelling; the
//! lexicon is built with all of them.

/// The spellings a word is met in: with and without nukta, precomposed or not, and with
/// candrabindu or anusvara.
pub(super) fn variants(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let decomposed = decompose_nukta(&lower);
    let mut out = vec![
        lower.clone(),
        decomposed.clone(),
        compose_nukta(&decomposed),
        decomposed.replace('\u{093C}', ""),
        lower.replace('\u{0901}', "\u{0902}"),
        lower.replace('\u{0902}', "\u{0901}"),
    ];
    // The oblique plural is often typed without its anusvara: वर्षो for वर्षों.
    if let Some(stem) = lower.strip_suffix("ों") {
        out.push(format!("{stem}ो"));
    }
    // Loanwords are written with or without nukta whichever form the list gives
    // (हफ़्ते/हफ्ते, वक़्त/वक्त), as names are matched under folding.
    let with_nukta: Vec<String> = out.iter().flat_map(|w| add_nukta(w)).collect();
    out.extend(with_nukta);
    out.sort_unstable();
    out.dedup();
    out
}

/// `word` with a nukta added after some of its letters that take one, combining and
/// precomposed; at most the first [`MAX_NUKTA_PLACES`] such letters, to keep the list small.
fn add_nukta(word: &str) -> Vec<String> {
    let mut forms = vec![String::new()];
    let mut places = 0;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let pre = NUKTA_PAIRS
            .iter()
            .find(|(_, base)| *base == c)
            .map(|(p, _)| *p);
        match pre {
            Some(pre) if places < MAX_NUKTA_PLACES && chars.peek() != Some(&'\u{093C}') => {
                places += 1;
                let mut next = Vec::with_capacity(forms.len() * 3);
                for f in &forms {
                    next.push(format!("{f}{c}"));
                    next.push(format!("{f}{c}\u{093C}"));
                    next.push(format!("{f}{pre}"));
                }
                forms = next;
            }
            _ => forms.iter_mut().for_each(|f| f.push(c)),
        }
    }
    forms
}

const MAX_NUKTA_PLACES: usize = 2;

const NUKTA_PAIRS: [(char, char); 8] = [
    ('\u{0958}', 'क'),
    ('\u{0959}', 'ख'),
    ('\u{095A}', 'ग'),
    ('\u{095B}', 'ज'),
    ('\u{095C}', 'ड'),
    ('\u{095D}', 'ढ'),
    ('\u{095E}', 'फ'),
    ('\u{095F}', 'य'),
];

fn decompose_nukta(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 3);
    for c in s.chars() {
        match NUKTA_PAIRS.iter().find(|(pre, _)| *pre == c) {
            Some((_, base)) => {
                out.push(*base);
                out.push('\u{093C}');
            }
            None => out.push(c),
        }
    }
    out
}

fn compose_nukta(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let pre = NUKTA_PAIRS
            .iter()
            .find(|(_, base)| *base == c)
            .map(|(pre, _)| *pre);
        match pre {
            Some(pre) if chars.peek() == Some(&'\u{093C}') => {
                chars.next();
                out.push(pre);
            }
            _ => out.push(c),
        }
    }
    out
}
