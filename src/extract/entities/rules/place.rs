//! Rules for places: place words, named sites, datelines, visits.

use super::{name_like, name_run};
use crate::extract::entities::model::EntityKind;
use crate::extract::entities::scan::Scan;
use crate::extract::entities::tokens::Gap;
use crate::extract::entities::words::{COMMON, CUE, HONORIFIC, PLURAL, STOP, VISIT};

/// `सिंध प्रांत`, `पुणे जिले`: the place is the word(s) before the head.
pub(super) fn place_head(scan: &mut Scan, i: usize) {
    if i == 0 || scan.tokens[i].gap != Gap::Space {
        return;
    }
    let mut first = i;
    while first > 0
        && i - first < 2
        && (first == i || scan.tokens[first].gap == Gap::Space)
        && name_like(scan, first - 1)
    {
        first -= 1;
    }
    if first < i
        && (first == 0 || scan.tokens[first].gap == Gap::Break || scan.tokens[first - 1].is(STOP))
    {
        scan.add_tokens(first, i - 1, EntityKind::Place);
    }
}

/// `प्योंगयांग, 14 सितंबर ।`, `मास्को।`, `रायटर, सियोल।`: a place at a paragraph's start.
pub(super) fn dateline(scan: &mut Scan) {
    if scan.tokens.is_empty() {
        return;
    }
    let mut s = 0;
    if let Some(c) = scan.covering(0)
        && c.kind == EntityKind::Organization
    {
        // An agency credit before the place.
        if !scan.gap_after(c.last).contains(',') {
            return;
        }
        s = c.last + 1;
    }
    if s >= scan.tokens.len() || scan.covering(s).is_some() {
        return;
    }
    let n = name_run(scan, s).min(2);
    if n == 0 {
        return;
    }
    let last = s + n - 1;
    let gap = scan.gap_after(last);
    let next_is_number = scan.tokens.get(last + 1).is_some_and(|t| {
        let text = &scan.folded.text[t.start..t.end];
        text.bytes().all(|b| b.is_ascii_digit())
            || text.chars().all(|c| ('\u{966}'..='\u{96f}').contains(&c))
    });
    let dated = gap.contains(',') && (next_is_number || gap.contains('('));
    // A colon is left out: `विश्वपाकिस्तान:` in glued section labels is not a dateline.
    let ended = gap.trim_start().starts_with('।') && !gap.contains('\n');
    if dated || (ended && scan.tokens.len() > last + 1) {
        scan.add_tokens(s, last, EntityKind::Place);
    }
}

/// `X का दौरा करेंगे`, `X की यात्रा कर`: the place visited.
pub(super) fn visit(scan: &mut Scan) {
    let n = scan.tokens.len();
    for i in 0..n.saturating_sub(3) {
        if !scan.tokens[i + 2].is(VISIT) {
            continue;
        }
        let (p, noun, verb) = (scan.text(i + 1), scan.text(i + 2), scan.text(i + 3));
        let cue = (p == "का" && noun.starts_with("दौर")) || (p == "की" && noun == "यात्रा");
        if !cue || !verb.starts_with("कर") || scan.covering(i).is_some() || !name_like(scan, i)
        {
            continue;
        }
        let first = if i > 0 && scan.tokens[i].gap == Gap::Space && name_like(scan, i - 1) {
            i - 1
        } else {
            i
        };
        scan.add_tokens(first, i, EntityKind::Place);
    }
}

/// `वोस्तोचनी स्पेसपोर्ट`, `वोस्तोचन अंतरिक्ष बंदरगाह`: a named site, its head word included.
/// At least one word before the head must be a name (not a common word).
pub(super) fn facility(scan: &mut Scan, i: usize) {
    let mut first = i;
    let mut named = false;
    while first > 0 && i - first < 3 && scan.tokens[first].gap == Gap::Space {
        let k = first - 1;
        let t = scan.tokens[k];
        if scan.covering(k).is_some() || t.is(STOP | CUE | HONORIFIC | PLURAL) {
            break;
        }
        if name_like(scan, k) {
            named = true;
        } else if !t.is(COMMON) {
            break;
        }
        first = k;
    }
    // The words must start with the name: `नए हवाई अड्डे` is no name; `इस बार नीलगढ़ पैलेस`
    // is `नीलगढ़ पैलेस`.
    while first < i && !name_like(scan, first) && scan.tokens[first].is(COMMON) {
        first += 1;
    }
    if named && name_like(scan, first) {
        scan.add_tokens(first, i, EntityKind::Place);
    }
}
