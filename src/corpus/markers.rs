//! The table of site-chrome and byline markers (`assets/markers.toml`) and matching lines against it.
//!
//! Chrome differs from site to site but follows a few shapes (banners, "read also" links,
//! tag lines, related-headline lists, footers), so it is described as data rather than
//! code, and no rule ever looks at a file name.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::article::ChromeKind;

const BUILTIN: &str = include_str!("../../assets/markers.toml");

/// How far a chrome rule reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extent {
    /// Only the matching line.
    #[default]
    Line,
    /// The line and the short headline-like lines after it.
    Rest,
}

/// Where a chrome line names the publisher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceCapture {
    Between,
    BeforeBar,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub kind: ChromeKind,
    #[serde(default)]
    exact: Vec<String>,
    #[serde(default)]
    prefix: Vec<String>,
    #[serde(default)]
    suffix: Vec<String>,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    pub extent: Extent,
    #[serde(default)]
    source: Option<SourceCapture>,
}

/// Words that mark and split byline lines.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BylineCues {
    pub cues: Vec<String>,
    pub date_cues: Vec<String>,
    pub editor_cues: Vec<String>,
    pub lead_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    chrome: Vec<Rule>,
    pub byline: BylineCues,
    /// First characters (folded) of every exact and prefix marker, and a matcher for the
    /// `contains` markers: together they turn most lines away before any folding, which
    /// keeps ingest fast (most lines are article text).
    #[serde(skip)]
    first_chars: Vec<char>,
    #[serde(skip)]
    containing: Option<AhoCorasick>,
}

/// A line recognised as chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: ChromeKind,
    pub extent: Extent,
    /// The publisher the line names, if the rule captures one.
    pub source: Option<String>,
}

/// Lines longer than this are article text, never chrome: keeps matching cheap on huge files.
const MAX_CHROME_LINE: usize = 400;

fn fold(s: &str) -> String {
    s.nfc().flat_map(char::to_lowercase).collect()
}

impl Markers {
    /// Parses a marker table; strings are folded once here so matching only folds the line.
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        let mut markers: Self = toml::from_str(text)?;
        for rule in &mut markers.chrome {
            for list in [
                &mut rule.exact,
                &mut rule.prefix,
                &mut rule.suffix,
                &mut rule.contains,
            ] {
                for s in list.iter_mut() {
                    *s = fold(s.trim());
                }
            }
            for s in &mut rule.exact {
                *s = trim_colon(s).to_owned();
            }
        }
        let starts = markers
            .chrome
            .iter()
            .flat_map(|r| r.exact.iter().chain(&r.prefix));
        markers.first_chars = starts.filter_map(|s| s.chars().next()).collect();
        markers.first_chars.sort_unstable();
        markers.first_chars.dedup();
        let needles: Vec<&String> = markers.chrome.iter().flat_map(|r| &r.contains).collect();
        markers.containing = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(needles)
            .ok();
        Ok(markers)
    }

    /// The table shipped in the binary.
    pub fn builtin() -> &'static Self {
        static MARKERS: OnceLock<Markers> = OnceLock::new();
        MARKERS.get_or_init(|| Self::from_toml(BUILTIN).expect("assets/markers.toml is valid"))
    }

    /// The chrome rule `line` (already trimmed) matches, if any.
    pub fn classify(&self, line: &str) -> Option<Hit> {
        if line.is_empty() || line.len() > MAX_CHROME_LINE {
            return None;
        }
        let could_start = line
            .chars()
            .next()
            .and_then(first_folded)
            .is_some_and(|c| self.first_chars.binary_search(&c).is_ok());
        // The needles are in NFC; a line that is not (a precomposed `फ़`, U+095E, which NFC
        // splits) is matched in NFC too.
        let could_contain = self.containing.as_ref().is_some_and(|ac| {
            ac.is_match(line)
                || unicode_normalization::is_nfc_quick(line.chars())
                    != unicode_normalization::IsNormalized::Yes
                    && ac.is_match(&line.nfc().collect::<String>())
        });
        if !could_start && !could_contain {
            return None;
        }
        let folded = fold(line);
        let bare = trim_colon(&folded);
        self.chrome.iter().find_map(|rule| {
            let exact = rule.exact.iter().any(|e| e == bare);
            let affix = rule
                .prefix
                .iter()
                .find(|p| folded.starts_with(p.as_str()))
                .and_then(|p| {
                    if rule.suffix.is_empty() {
                        return Some((p.len(), 0));
                    }
                    let s = rule.suffix.iter().find(|s| folded.ends_with(s.as_str()))?;
                    (p.len() + s.len() <= folded.len()).then_some((p.len(), s.len()))
                });
            let contains = rule.contains.iter().any(|c| folded.contains(c.as_str()));
            if !(exact || affix.is_some() || contains) {
                return None;
            }
            let source = match rule.source {
                // Folding may change byte lengths, so capture from the original by chars.
                Some(SourceCapture::Between) => {
                    affix.and_then(|(p, s)| between(line, &folded, p, s))
                }
                Some(SourceCapture::BeforeBar) => line
                    .split_once('|')
                    .map(|(before, _)| before.trim().to_owned()),
                None => None,
            }
            .filter(|s| !s.is_empty());
            Some(Hit {
                kind: rule.kind,
                extent: rule.extent,
                source,
            })
        })
    }
}

/// The part of `line` between a prefix and suffix measured on its folded form: valid when
/// folding kept the character count (true for the Latin banners this is used on).
fn between(line: &str, folded: &str, prefix: usize, suffix: usize) -> Option<String> {
    let skip = folded[..prefix].chars().count();
    let keep = folded[prefix..folded.len() - suffix].chars().count();
    (folded.chars().count() == line.chars().count()).then(|| {
        line.chars()
            .skip(skip)
            .take(keep)
            .collect::<String>()
            .trim()
            .to_owned()
    })
}

/// The first character `c` becomes after [`fold`].
fn first_folded(c: char) -> Option<char> {
    let mut first = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    first.and_then(|d| d.to_lowercase().next())
}

fn trim_colon(s: &str) -> &str {
    s.trim_end_matches([':', 'ः', ' ', '\u{a0}']).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners_capture_the_publisher() {
        let m = Markers::builtin();
        let hit = m.classify("Move to Jagran APP").unwrap();
        assert_eq!(hit.kind, ChromeKind::Banner);
        assert_eq!(hit.source.as_deref(), Some("Jagran"));
        let hit = m.classify("Move to Amar Ujala App").unwrap();
        assert_eq!(hit.source.as_deref(), Some("Amar Ujala"));
    }

    #[test]
    fn exact_markers_ignore_case_and_trailing_colon() {
        let m = Markers::builtin();
        assert_eq!(m.classify("OPEN IN APP").unwrap().kind, ChromeKind::Banner);
        assert_eq!(m.classify("लाइव न्यूज़ :").unwrap().kind, ChromeKind::Banner);
        assert_eq!(m.classify("संबंधित खबरें").unwrap().extent, Extent::Rest);
        assert!(
            m.classify("Open in App now for the full story of the summit")
                .is_none()
        );
    }

    #[test]
    fn nukta_spelling_does_not_matter() {
        // पढ़ें with precomposed ढ़ (U+095D) and with ढ + nukta.
        let m = Markers::builtin();
        assert_eq!(
            m.classify("यह भी पढ़ेंः कुछ").unwrap().kind,
            ChromeKind::ReadAlso
        );
        assert_eq!(
            m.classify("यह भी पढ\u{93c}ें: कुछ").unwrap().kind,
            ChromeKind::ReadAlso
        );
    }

    #[test]
    fn footer_names_the_portal() {
        let hit = Markers::builtin()
            .classify("Dainik Khabar | News & information Portal")
            .unwrap();
        assert_eq!(hit.kind, ChromeKind::Footer);
        assert_eq!(hit.source.as_deref(), Some("Dainik Khabar"));
    }

    /// A site's promo line is chrome; a story's paragraph that opens with the site's name,
    /// or names it, is not.
    #[test]
    fn a_sites_promo_is_chrome() {
        let m = Markers::builtin();
        let promo = "(बीबीसी हिन्दी के एंड्रॉएड ऐप के लिए आप यहां क्लिक कर सकते हैं. आप हमें \
                     फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं.)";
        assert_eq!(m.classify(promo).unwrap().kind, ChromeKind::Footer);
        // Without the app's words, in a precomposed spelling (U+095E).
        let follow = "आप हमें \u{95e}ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं.";
        assert_eq!(m.classify(follow).unwrap().kind, ChromeKind::Footer);
        for line in [
            "(बीबीसी हिंदी के साथ बातचीत में उन्होंने कहा कि गांव में पानी नहीं है।)",
            "बीबीसी हिंदी के एक सवाल पर उन्होंने कहा कि वे चुनाव लड़ेंगे।",
        ] {
            assert!(m.classify(line).is_none(), "{line}");
        }
    }

    #[test]
    fn ordinary_text_is_not_chrome() {
        let m = Markers::builtin();
        for line in [
            "रूस के राष्ट्रपति ने कहा।",
            "Tagsore is a name",
            "Similar News about Putin today",
        ] {
            assert!(m.classify(line).is_none(), "{line}");
        }
    }
}
