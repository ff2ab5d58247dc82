//! Finding an article's parts in plain text: title, byline, publication date, dateline,
//! body paragraphs and site chrome.
//!
//! Scraped news pages put these in roughly the same places whatever the site: banners
//! first, then the headline, a byline with the date near the top, paragraphs one per
//! line, and tag lines or related headlines at the end. Everything is found by line
//! shape and by the marker table, never by file name, and everything is one pass over
//! the lines so a huge file costs linear time.

use crate::extract::dates::{self, Published};
use crate::span::Span;

use super::article::Chrome;
use super::markers::{Extent, Markers};

/// A headline is a short line; a long first line is a paragraph and the title is cut
/// from it.
const MAX_TITLE_CHARS: usize = 250;
/// Lines after a related-headlines marker longer than this are article text again.
const MAX_HEADLINE_CHARS: usize = 200;
/// Bylines are short, and stand near the top.
const MAX_BYLINE_CHARS: usize = 250;
const BYLINE_WINDOW_LINES: usize = 12;
/// A dateline (`प्योंगयांग, 14 सितंबर ।`, `रायटर, सियोल।`) is a short lead-in.
const MAX_DATELINE_BYTES: usize = 90;
const DATELINE_WINDOW_PARAGRAPHS: usize = 3;

/// The parts found in one text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub title: String,
    pub title_span: Option<Span>,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub byline_span: Option<Span>,
    pub dateline: Option<String>,
    pub published: Option<Published>,
    pub paragraphs: Vec<Span>,
    pub chrome: Vec<Chrome>,
}

/// Non-empty lines of `text` as trimmed spans.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let line_start = start;
        start += raw.len();
        let trimmed_front = raw.trim_start_matches(is_blank);
        let lead = raw.len() - trimmed_front.len();
        let trimmed = trimmed_front.trim_end_matches(is_blank);
        (!trimmed.is_empty())
            .then(|| Span::new(line_start + lead, line_start + lead + trimmed.len()))
    })
}

/// Whitespace plus the invisible characters scrapers leave at line ends (BOM, zero-width space).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Splits `text` into its parts.
pub fn parse(text: &str, markers: &Markers) -> Parts {
    // Sized once from the line count: grown by doubling, each list of a long article of
    // short lines left its earlier copies with the allocator (extract --json on 10 MB of
    // short lines peaked at 108 MiB, 92 sized once).
    let line_count = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut parts = Parts {
        chrome: Vec::with_capacity(line_count),
        ..Parts::default()
    };
    let mut content: Vec<Span> = Vec::with_capacity(line_count);
    let mut iter = lines(text).peekable();
    while let Some(line) = iter.next() {
        let Some(hit) = markers.classify(line.of(text)) else {
            content.push(line);
            continue;
        };
        let mut span = line;
        if hit.extent == Extent::Rest {
            while let Some(next) =
                iter.next_if(|l| l.of(text).chars().count() <= MAX_HEADLINE_CHARS)
            {
                span.end = next.end;
            }
        }
        if parts.source.is_none() {
            parts.source = hit.source;
        }
        parts.chrome.push(Chrome {
            span,
            kind: hit.kind,
        });
    }

    parts.paragraphs.reserve_exact(content.len());
    let mut body = content.into_iter().enumerate().peekable();
    // A byline or a page's date line above the headline (`Wed, 05 Jun 2024 10:00 +0530`)
    // dates the article; the headline is the line after it.
    while let Some((_, line)) = body.next_if(|(i, l)| {
        let s = l.of(text);
        *i < BYLINE_WINDOW_LINES && (is_byline(s, markers) || is_date_line(s))
    }) {
        if parts.byline_span.is_none() {
            take_byline(&mut parts, line.of(text), line, markers);
        } else {
            // A second one (`Updated: …` over `Published: …`) stays text.
            parts.paragraphs.push(line);
        }
    }
    if let Some((_, first)) = body.next_if(|(_, l)| !is_byline(l.of(text), markers)) {
        let line = first.of(text);
        // A text of one line (a JSON record with no title) is a story, not a headline
        // alone: its title is cut from it, and it stays the body.
        if line.chars().count() <= MAX_TITLE_CHARS && body.peek().is_some() {
            line.clone_into(&mut parts.title);
            parts.title_span = Some(first);
        } else {
            parts.title = cut_title(line);
            parts.paragraphs.push(first);
        }
    }
    for (index, line) in body {
        let s = line.of(text);
        // A byline, or a page's date line under the headline (`Wed, 05 Jun 2024 10:00
        // +0530`, `3 जनवरी 2024 10:00 AM`), near the top dates the article.
        if parts.byline_span.is_none()
            && index < BYLINE_WINDOW_LINES
            && (is_byline(s, markers) || is_stamp(s))
        {
            take_byline(&mut parts, s, line, markers);
        } else {
            parts.paragraphs.push(line);
        }
    }

    for para in parts.paragraphs.iter().take(DATELINE_WINDOW_PARAGRAPHS) {
        if let Some((place, date)) = dateline(para.of(text)) {
            parts.dateline = Some(place);
            if parts.published.is_none() {
                parts.published = date;
            }
            break;
        }
    }
    parts
}

/// The line `span` (`s`) as the article's byline: who wrote it and when.
fn take_byline(parts: &mut Parts, s: &str, span: Span, markers: &Markers) {
    parts.byline_span = Some(span);
    parts.byline = is_byline(s, markers)
        .then(|| byline_name(s, markers))
        .flatten();
    parts.published = dates::parse_published(s).map(|(_, p)| p);
}

/// A line that is only a date and time (`Tue, 04 Jun 2024 08:30:00 +0530`), with at most
/// a weekday or a word such as "Updated" beside it.
pub(crate) fn is_date_line(line: &str) -> bool {
    line.len() <= 80
        && dates::parse_published(line).is_some_and(|(span, _)| {
            let rest = format!("{}{}", &line[..span.start], &line[span.end..]);
            rest.chars().filter(|c| c.is_alphabetic()).count() <= 12
        })
}

/// A date line under the headline: with a year and a time, as a page stamps its story.
/// A dateline (`पटना, 4 जून (भाषा)`) or a timeline's entry (`19 अप्रैल 2024: पहला चरण`)
/// under the headline is the story's first line.
fn is_stamp(line: &str) -> bool {
    is_date_line(line)
        && dateline(line).is_none()
        && dates::parse_published(line)
            .is_some_and(|(_, p)| p.time.is_some() && p.date.to_naive().is_some())
}

/// A byline cue starts the line, or (one ending in `:`) stands in it; Latin letters in
/// any case (`Published on:` as `Published On:`).
fn is_byline(line: &str, markers: &Markers) -> bool {
    if line.chars().count() > MAX_BYLINE_CHARS {
        return false;
    }
    let starts = |cue: &str| {
        line.get(..cue.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(cue))
    };
    // A cue that ends in `:` ends at one of the line's colons: only those are tried (not
    // every character's position, a tenth of a cold import's structure reading).
    let holds = |cue: &str| {
        cue.ends_with(':')
            && line.match_indices(':').any(|(at, _)| {
                let end = at + 1;
                end.checked_sub(cue.len())
                    .and_then(|start| line.get(start..end))
                    .is_some_and(|w| w.eq_ignore_ascii_case(cue))
            })
    };
    markers
        .byline
        .cues
        .iter()
        .any(|cue| starts(cue) || holds(cue))
}

/// The writer (and editor) a byline names: `By Agency Edited By: Sonu Gupta Updated: …`
/// gives `Agency, edited by Sonu Gupta`; a line with only a date gives `None`.
fn byline_name(line: &str, markers: &Markers) -> Option<String> {
    let cues = &markers.byline;
    let cut = cues
        .date_cues
        .iter()
        .filter_map(|c| line.find(c.as_str()))
        .min()
        .unwrap_or(line.len());
    let names = line[..cut].trim();
    let (writer, editor) = match cues
        .editor_cues
        .iter()
        .find_map(|c| names.split_once(c.as_str()))
    {
        Some((w, e)) => (w, Some(e.trim())),
        None => (names, None),
    };
    let mut writer = writer.trim();
    for lead in &cues.lead_words {
        if let Some(rest) = writer.strip_prefix(lead.as_str()) {
            writer = rest.trim_start();
            break;
        }
    }
    let writer = writer.trim_matches(|c: char| c == '|' || c == ',' || c.is_whitespace());
    match (writer.is_empty(), editor.filter(|e| !e.is_empty())) {
        (false, Some(e)) => Some(format!("{writer}, edited by {e}")),
        (false, None) => Some(writer.to_owned()),
        (true, Some(e)) => Some(format!("edited by {e}")),
        (true, None) => None,
    }
}

/// Words that show a short lead-in is a sentence, not a dateline.
const NOT_PLACE: &[&str] = &[
    "ने",
    "की",
    "के",
    "का",
    "को",
    "में",
    "से",
    "है",
    "हैं",
    "था",
    "थे",
    "थी",
    "कहा",
    "बताया",
    "और",
    "कि",
    "यह",
    "वह",
    "ये",
    "वे",
    "पर",
    "भी",
    "तो",
    // A page's date stamp and labels, not places (`बुधवार, 5 जून 2024`, `अपडेटेड, 5 जून`,
    // `वीडियो | 5 मई 2024`).
    "सोमवार",
    "मंगलवार",
    "बुधवार",
    "गुरुवार",
    "बृहस्पतिवार",
    "शुक्रवार",
    "शनिवार",
    "रविवार",
    "अपडेट",
    "अपडेटेड",
    "प्रकाशित",
    "वीडियो",
    "फोटो",
    "फ़ोटो",
    "लाइव",
    "ब्रेकिंग",
];

/// A dateline at the start of a paragraph: place, optional agency and optional date,
/// closed by `।` or `:`. Returns the place and the date it carried.
pub(super) fn dateline(para: &str) -> Option<(String, Option<Published>)> {
    let window = &para[..floor_boundary(para, MAX_DATELINE_BYTES)];
    // `लखनऊ, 3 मई (वार्ता) …`: an agency's bracket after a date closes the lead-in too.
    let agency = window.find(')').filter(|&i| {
        let before = &window[..i];
        before.contains('(') && before.contains(',') && before.chars().any(char::is_numeric)
    });
    let end = match (window.find(['।', ':', '|']), agency) {
        (Some(stop), Some(close)) => stop.min(close + 1),
        // `इंदौर, 7 अगस्त 2023` on a line of its own: no stop, and nothing after it.
        (stop, close) => stop
            .or(close.map(|c| c + 1))
            .or((window.len() == para.len()).then_some(para.len()))?,
    };
    let lead = window[..end].trim();
    let rest = &para[end..];
    // `:` must be followed by a space so `Visit:` style headlines inside text do not count,
    // and a dateline introduces text: a paragraph that is one short sentence is not one,
    // unless it is a place and a date alone (`शिलांग, 25 मार्च।` on a line of its own).
    let after = rest.chars().next().map_or("", |c| &rest[c.len_utf8()..]);
    let alone = after.trim().is_empty();
    if lead.is_empty() || (rest.starts_with(':') && !after.starts_with(' ')) {
        return None;
    }
    let pieces: Vec<&str> = lead.split(',').map(str::trim).collect();
    let (date, names): (Vec<&str>, Vec<&str>) =
        pieces.iter().partition(|p| p.chars().any(char::is_numeric));
    if names.is_empty() || names.len() > 2 || date.len() > 1 {
        return None;
    }
    let published = date
        .first()
        .and_then(|d| {
            // A paragraph of its own must be a place and a date and nothing else
            // (`चुनाव 2024, नतीजे` is a headline), or an agency in brackets.
            let bare = d.split('(').next().unwrap_or(d).trim_end();
            dates::parse_published(d).filter(|(span, _)| !alone || span.len() == bare.len())
        })
        .or_else(|| date.is_empty().then(|| piped_date(rest)).flatten())
        .map(|(_, p)| p);
    if alone && published.is_none() {
        return None;
    }
    let place = names.last()?;
    // `श्रीहरिकोटा (आंध्र प्रदेश)`: the state in brackets after the town; `देहरादून/गोपेश्वर`:
    // a story filed from two places names the first (two trials: both gave no dateline).
    // Only with a date after it: `सीमा (बदला हुआ नाम), 19 साल की है` is no dateline.
    let place = match place.split_once('(') {
        Some((town, _)) if place.ends_with(')') && published.is_some() => town.trim(),
        _ => *place,
    };
    let place = &place.split('/').next().unwrap_or(place).trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    // A lead in Latin letters before a Hindi story is most often an English headline
    // kicker (`Xi Japan Visit:`, `Mamata-Tharoor Talks:`), not a place: one of one or two
    // words and no hyphen is taken (`New Delhi:`), as in the datelines of English papers.
    let latin = place.chars().any(|c| c.is_ascii_alphabetic());
    let kicker = latin
        && (place.contains('-')
            || words
                .iter()
                .any(|w| KICKER_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w))));
    let plausible = (1..=if latin { 2 } else { 3 }).contains(&words.len())
        && !kicker
        && words.iter().all(|w| {
            !NOT_PLACE.contains(w)
                && !crate::text::date_words::english_calendar_word(w)
                && w.chars().all(is_name_char)
        });
    plausible.then(|| ((*place).to_owned(), published))
}

/// `पटना | 18 मार्च 2025`, `शिलांग: 25 मार्च।`: a pipe or a colon parts the place from a
/// date that is all there is before the full stop; `नई दिल्ली | 5 मार्च को सरकार ने …`
/// opens a story about that day, and a date later in the sentence is the story's.
fn piped_date(rest: &str) -> Option<(Span, Published)> {
    let after = rest.strip_prefix(['|', ':'])?.trim_start();
    let segment = after[..after.find(['।', '|', '\n']).unwrap_or(after.len())].trim_end();
    dates::parse_published(segment).filter(|(span, _)| span.start == 0 && span.end == segment.len())
}

/// Words of English headline kickers (`Breaking News:`, `Video:`, `Modi Visit:`), which
/// no place name is made of.
const KICKER_WORDS: &[&str] = &[
    "alert",
    "breaking",
    "exclusive",
    "live",
    "news",
    "photos",
    "report",
    "talks",
    "update",
    "updates",
    "video",
    "visit",
    "watch",
];

/// Devanagari vowel signs and virama are not alphabetic to Rust, but belong inside a name.
fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{0900}'..='\u{097f}').contains(&c) || c == '-'
}

/// A title cut from a long first line: up to the first sentence end or ~100 characters
/// at a word boundary.
fn cut_title(line: &str) -> String {
    let sentence = line
        .split(['।', '.', '?', '!'])
        .next()
        .unwrap_or(line)
        .trim();
    if sentence.chars().count() <= 120 {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() > 100 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // A first word of more than 100 letters (a line with no spaces): its first
        // clusters, never a cut inside one (trial 53: the title was `…` alone).
        use unicode_segmentation::UnicodeSegmentation;
        let mut letters = 0;
        for cluster in sentence.graphemes(true) {
            letters += cluster.chars().count();
            if letters > 100 {
                break;
            }
            out.push_str(cluster);
        }
    }
    out.push('…');
    out
}

/// The largest char boundary of `s` at or below `max`.
pub(crate) fn floor_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ChromeKind;

    fn parts(text: &str) -> Parts {
        parse(text, Markers::builtin())
    }

    #[test]
    fn lines_are_trimmed_spans() {
        let text = "  क ख \r\n\n\u{feff}ग\n";
        let got: Vec<&str> = lines(text).map(|s| s.of(text)).collect();
        assert_eq!(got, ["क ख", "ग"]);
    }

    #[test]
    fn banner_then_title_then_body() {
        let text = "Open in App\n\nबड़ी खबर: बारिश\n\nपहला पैराग्राफ।\nदूसरा पैराग्राफ।\n";
        let p = parts(text);
        assert_eq!(p.title, "बड़ी खबर: बारिश");
        assert_eq!(p.chrome.len(), 1);
        assert_eq!(p.chrome[0].kind, ChromeKind::Banner);
        let paras: Vec<&str> = p.paragraphs.iter().map(|s| s.of(text)).collect();
        assert_eq!(paras, ["पहला पैराग्राफ।", "दूसरा पैराग्राफ।"]);
    }

    #[test]
    fn related_list_runs_to_the_first_long_line() {
        let long = "लंबा पैराग्राफ ".repeat(30);
        let text = format!("शीर्षक\n\nपाठ।\n\nसंबंधित खबरें\n\nएक खबर\n\nदूसरी खबर\n\n{long}\n");
        let p = parts(&text);
        assert_eq!(p.chrome.len(), 1);
        let related = p.chrome[0].span.of(&text);
        assert!(
            related.starts_with("संबंधित खबरें") && related.ends_with("दूसरी खबर"),
            "{related}"
        );
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn byline_names_writer_and_editor() {
        let m = Markers::builtin();
        assert_eq!(
            byline_name(
                "By Agency Edited By: Sonu Gupta Updated: Sun, 21 Jan 2024",
                m
            )
            .as_deref(),
            Some("Agency, edited by Sonu Gupta")
        );
        assert_eq!(
            byline_name("By राम कुमार | Updated: August 15, 2022", m).as_deref(),
            Some("राम कुमार")
        );
        assert_eq!(byline_name("Update: 2024-06-19 07:05 GMT", m), None);
    }

    #[test]
    fn datelines() {
        // Each paragraph and the place its dateline names, if it has one.
        for (para, place) in [
            ("रायटर, सियोल। रूस के राष्ट्रपति", Some("सियोल")),
            ("मास्को। रूसी राष्ट्रपति", Some("मास्को")),
            ("नई दिल्ली: सरकार ने", Some("नई दिल्ली")),
            ("जम्मू-कश्मीर: सरकार ने", Some("जम्मू-कश्मीर")),
            ("New Delhi: सरकार ने", Some("New Delhi")),
            ("उन्होंने कहा: हम तैयार हैं", None),
            // A lone short sentence.
            ("पाठ।", None),
            ("इंदौर।", None),
            ("चुनाव 2024, नतीजे", None),
            // A page's date stamp or a label is no dateline (review).
            ("बुधवार, 5 जून 2024", None),
            ("अपडेटेड, 5 जून 2024", None),
            ("वीडियो | 5 मई 2024", None),
            ("नतीजे, चुनाव 2024", None),
            (
                "हालांकि, रूस और उत्तर कोरिया ने इन आरोपों को खारिज किया है।",
                None,
            ),
            // English headline kickers.
            ("Vladimir Putin North Korea Visit: रूस के", None),
            ("Xi Japan Visit: एयरपोर्ट पर पीएम ने", None),
            ("Mamata-Tharoor Talks: दोनों नेताओं ने", None),
            ("Breaking News: दोनों नेताओं ने", None),
            ("VIDEO: दोनों नेताओं ने", None),
            // The state in brackets, and two places (trials 59 and 60).
            ("कोवलम (केरल), 4 मई। समुद्र तट पर", Some("कोवलम")),
            ("लेह/कारगिल, 9 जून। बर्फ़बारी से", Some("लेह")),
            ("रोम / पेरिस, 2 जुलाई। दोनों देशों ने", Some("रोम")),
            ("सीमा (बदला हुआ नाम), 19 साल की है। वह पढ़ती है", None),
            ("उन्होंने (बयान में), 12 को कहा। फिर वे", None),
        ] {
            assert_eq!(dateline(para).map(|d| d.0).as_deref(), place, "{para}");
        }
        // An agency's bracket after the date ends it, with or without a `।`.
        for para in [
            "भोपाल, 3 मई (वार्ता) मध्य प्रदेश में बारिश हुई।",
            "भोपाल, 3 मई (वार्ता)। मध्य प्रदेश में बारिश हुई।",
        ] {
            let (place, date) = dateline(para).expect(para);
            assert_eq!(place, "भोपाल");
            assert_eq!(date.and_then(|d| d.value()).as_deref(), Some("XXXX-05-03"));
        }
        // A bracket in a sentence is no dateline.
        assert_eq!(dateline("मंत्री (भाजपा) ने कहा कि बारिश हुई।"), None);
        // A pipe between the place and the date; a date later in the sentence is the
        // story's.
        for (para, value) in [
            ("इंदौर | 7 अगस्त 2023। शहर में बारिश हुई।", Some("2023-08-07")),
            ("इंदौर | 7 अगस्त को शहर में बारिश हुई।", None),
            ("इंदौर | 7 अगस्त। शहर में बारिश हुई।", Some("XXXX-08-07")),
            ("इंदौर | शहर में 7 अगस्त को बारिश हुई।", None),
            // A place and a date alone make a paragraph of their own (trial 61).
            ("इंदौर, 7 अगस्त।", Some("XXXX-08-07")),
            ("इंदौर, 7 अगस्त 2023", Some("2023-08-07")),
            ("इंदौर: 7 अगस्त।", Some("XXXX-08-07")),
            ("इंदौर | 7 अगस्त", Some("XXXX-08-07")),
            ("इंदौर, 7 अगस्त (भाषा)", Some("XXXX-08-07")),
            ("इंदौर: 7 अगस्त को बारिश हुई। शहर में", None),
        ] {
            let (place, date) = dateline(para).expect(para);
            assert_eq!(place, "इंदौर");
            assert_eq!(date.and_then(|d| d.value()).as_deref(), value, "{para}");
        }
    }

    #[test]
    fn long_first_line_is_a_paragraph_with_a_cut_title() {
        use unicode_segmentation::UnicodeSegmentation;
        let first = format!("{}। बाकी", "शब्द ".repeat(80));
        let p = parts(&first);
        assert_eq!(p.title_span, None);
        assert_eq!(p.paragraphs.len(), 1);
        assert!(p.title.chars().count() <= 101, "{}", p.title);
        // A line with no spaces is cut between clusters, not left as `…` (trial 53).
        let glued = "क्षत्रिय".repeat(50);
        let p = parts(&glued);
        assert!(p.title.starts_with("क्षत्रियक्षत्रिय"), "{}", p.title);
        let kept = p.title.trim_end_matches('…');
        assert!(glued.starts_with(kept), "{}", p.title);
        assert!(
            glued.grapheme_indices(true).any(|(i, _)| i == kept.len()),
            "cut between clusters: {}",
            p.title
        );
        assert!(p.title.chars().count() <= 101, "{}", p.title);
    }

    /// A record without a title whose text is one line kept none of it as text: the line
    /// was all title.
    #[test]
    fn a_text_of_one_line_is_a_body_with_a_title_cut_from_it() {
        let p = parts("बिना नाम का लेख। नदी पर पुल बना।");
        assert_eq!(p.title, "बिना नाम का लेख");
        assert_eq!(p.title_span, None);
        assert_eq!(p.paragraphs.len(), 1);
        let two = parts("शीर्षक\n\nनदी पर पुल बना।");
        assert_eq!(two.title, "शीर्षक");
        assert_eq!(two.paragraphs.len(), 1);
    }

    /// A page's date line (or a byline) above the headline dates the article, and the
    /// headline after it is the title: the date line was the title, or the title empty.
    #[test]
    fn a_date_line_above_the_headline_is_not_the_title() {
        for text in [
            "Wed, 05 Jun 2024 10:00:00 +0530\n\nदिल्ली में बैठक\n\nदिल्ली में सभा हुई।",
            "Updated: Wed, 05 Jun 2024 10:00 AM\n\nThu, 06 Jun 2024\n\nदिल्ली में बैठक\n\nदिल्ली में सभा हुई।",
        ] {
            let p = parts(text);
            assert_eq!(p.title, "दिल्ली में बैठक", "{text}");
            assert_eq!(p.byline, None, "{text}");
            let day = p.published.and_then(|d| d.date.to_naive());
            assert_eq!(day.map(|d| d.to_string()).as_deref(), Some("2024-06-05"));
        }
    }

    /// A cue ending in `:` makes a byline anywhere in the line, in any letter case; one
    /// without makes it only at the start.
    #[test]
    fn byline_cues_inside_a_line_end_in_a_colon() {
        let markers = Markers::builtin();
        for (line, byline) in [
            ("PTI | updated: 14 Jun 2024", true),
            ("नई दिल्ली | अपडेटेड: 14 जून 2024", true),
            ("Published: 14 Jun 2024", true),
            ("By Ravi", true),
            ("the report, written by Ravi", false),
            ("Updated", false),
            (":::: Published", false),
            ("पटना: नदी पर नया पुल खुला", false),
        ] {
            assert_eq!(is_byline(line, markers), byline, "{line}");
        }
    }

    /// A byline cue in other letter case is one too.
    #[test]
    fn byline_cues_match_in_any_case() {
        let p = parts("नदी पर पुल\n\nPublished on: Jun 14, 2024\n\nपटना में नदी पर नया पुल खुला।");
        let got = p.published.and_then(|d| d.date.to_naive());
        assert_eq!(got.map(|d| d.to_string()).as_deref(), Some("2024-06-14"));
        assert_eq!(p.dateline, None);
    }

    /// The more common layout: headline, then the page's date line, then the story. The
    /// line dates the article (a dateline's year-less date does not win over it), and it
    /// is no paragraph of the story; a date line deep in the story stays text.
    #[test]
    fn a_date_line_under_the_headline_dates_the_article() {
        for (text, day) in [
            (
                "नदी पर पुल\n\nWed, 05 Jun 2024 10:00 +0530\n\nपटना, 4 जून। नदी पर पुल खुला।",
                "2024-06-05",
            ),
            (
                "नदी पर पुल\n\n3 जनवरी 2024 10:00 AM\n\nनदी पर पुल खुला।",
                "2024-01-03",
            ),
            (
                "नदी पर पुल\n\n2024-01-03T10:00:00+05:30\n\nनदी पर पुल खुला।",
                "2024-01-03",
            ),
        ] {
            let p = parts(text);
            assert_eq!(p.title, "नदी पर पुल", "{text}");
            let got = p.published.and_then(|d| d.date.to_naive());
            assert_eq!(got.map(|d| d.to_string()).as_deref(), Some(day), "{text}");
            let story: Vec<&str> = p.paragraphs.iter().map(|s| s.of(text)).collect();
            assert_eq!(story.len(), 1, "{story:?}");
        }
        // A dateline, or a timeline's first entry, under the headline stays the story's.
        for text in [
            "नदी पर पुल\n\nपटना, 4 जून (भाषा)\n\nनदी पर पुल खुला।",
            "चुनाव कार्यक्रम\n\n19 अप्रैल 2024: पहला चरण\n\n26 अप्रैल 2024: दूसरा चरण",
        ] {
            let p = parts(text);
            assert_eq!(p.paragraphs.len(), 2, "{text}: {p:?}");
            assert!(p.byline_span.is_none(), "{text}");
        }
        let deep = "नदी पर पुल\n\nपहला।\n\nदूसरा।\n\nतीसरा।\n\nचौथा।\n\nपांचवां।\n\nछठा।\n\n\
                    सातवां।\n\nआठवां।\n\nनौवां।\n\nदसवां।\n\nग्यारहवां।\n\nबारहवां।\n\n\
                    Wed, 05 Jun 2024 10:00 +0530\n\nअंत।";
        assert_eq!(parts(deep).published, None);
    }
}
