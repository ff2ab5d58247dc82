//! Lists: unknown names standing as items of a list next to a person or place.

use super::{closes_phrase, name_run};
use crate::extract::entities::model::EntityKind;
use crate::extract::entities::scan::Scan;
use crate::extract::entities::tokens::Gap;

/// Words that join the items of a list.
const AND: &[&str] = &["और", "तथा", "एवं", "व"];

/// What stands before token `i` in a list: `Some(k)` with `k` the last word of the item
/// before (`… , X` or `… और X`), `None` if `i` does not follow a separator.
fn item_before(scan: &Scan, i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    if scan.tokens[i].gap == Gap::Space {
        // `A और B`, also `A , और B`.
        let k = i - 1;
        let joined = k > 0
            && AND.contains(&scan.text(k))
            && (scan.tokens[k].gap == Gap::Space || scan.gap_after(k - 1).trim() == ",");
        return joined.then(|| k - 1);
    }
    (scan.gap_after(i - 1).trim() == ",").then(|| i - 1)
}

/// The first word of the item after token `i` in a list, if a separator follows `i`.
fn item_after(scan: &Scan, i: usize) -> Option<usize> {
    let next = i + 1;
    let t = scan.tokens.get(next)?;
    if t.gap == Gap::Space {
        let after = scan.tokens.get(next + 1)?;
        return (AND.contains(&scan.text(next)) && after.gap == Gap::Space).then_some(next + 1);
    }
    if scan.gap_after(i).trim() != "," {
        return None;
    }
    // `A , और B`: the item after the comma starts after the conjunction.
    match scan.tokens.get(next + 1) {
        Some(after) if AND.contains(&scan.text(next)) && after.gap == Gap::Space => Some(next + 1),
        _ => Some(next),
    }
}

/// `विनोद कुमार शुक्ल , रघुवीर साही और केदार नाथ`, `पुणे , सतारा और कोल्हापुर`: unknown
/// names in a list next to a person (or a place) are people (or places) too. An item must
/// be name-like words (at most `longest`) standing alone between separators (commas,
/// `और`), or closing the list before a case marker or punctuation.
///
/// A list grows one item per pass in each direction, up to `passes` items away from a
/// name found otherwise. Lists of topics (`डाटा एनालिटिक्स , कृत्रिम मेधा … और भारत`) end
/// with a place more often than lists of words end with a person, so places take fewer.
pub(super) fn lists(scan: &mut Scan, kind: EntityKind, longest: usize, passes: usize) {
    // Only the words beside a name of the kind can be items: look there, not everywhere.
    let mut anchors: Vec<(usize, usize)> = scan
        .cands
        .iter()
        .flatten()
        .filter(|c| c.kind == kind && !c.is_demonym())
        .map(|c| (c.first, c.last))
        .collect();
    for _ in 0..passes {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &(first, last) in &anchors {
            if let Some(item) = item_after(scan, last).and_then(|k| item_from(scan, k, longest)) {
                found.push(item);
            }
            if let Some(item) = item_before(scan, first).and_then(|k| item_to(scan, k, longest)) {
                found.push(item);
            }
        }
        found.sort_unstable();
        found.dedup();
        // Two anchors may offer overlapping items; the first added wins.
        found.retain(|&(first, last)| (first..=last).all(|t| scan.covering(t).is_none()));
        if found.is_empty() {
            break;
        }
        for &(first, last) in &found {
            if (first..=last).all(|t| scan.covering(t).is_none()) {
                scan.add_tokens(first, last, kind);
            }
        }
        anchors = found;
    }
}

/// The item starting at token `first` (which follows a separator): name-like words up to
/// the next separator, or to a case marker or punctuation that ends the list.
fn item_from(scan: &Scan, first: usize, longest: usize) -> Option<(usize, usize)> {
    let n = name_run(scan, first).min(longest);
    if n == 0 {
        return None;
    }
    let last = first + n - 1;
    (item_after(scan, last).is_some() || closes_phrase(scan, last + 1)).then_some((first, last))
}

/// The item ending at token `last` (which a separator follows): name-like words back to the
/// separator before them or the start of the phrase.
fn item_to(scan: &Scan, last: usize, longest: usize) -> Option<(usize, usize)> {
    let mut first = last + 1;
    while first > 0
        && last + 1 - first < longest
        && (first == last + 1 || scan.tokens[first].gap == Gap::Space)
    {
        first -= 1;
    }
    // The longest name-like run that ends exactly at `last`.
    (first..=last)
        .find(|&f| name_run(scan, f).min(longest) == last + 1 - f)
        .filter(|&f| item_before(scan, f).is_some() || f == 0 || scan.tokens[f].gap != Gap::Space)
        .map(|f| (f, last))
}
