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
    let is_kind = |scan: &Scan, k: usize| {
        scan.covering(k)
            .is_some_and(|c| c.kind == kind && !c.is_demonym())
    };
    for _ in 0..passes {
        let mut found = Vec::new();
        let mut i = 0;
        while i < scan.tokens.len() {
            let n = name_run(scan, i).min(longest);
            if n == 0 {
                i += 1;
                continue;
            }
            let last = i + n - 1;
            let before = item_before(scan, i);
            let after = item_after(scan, last);
            // The item is all of the words between its separators.
            let alone_before = before.is_some() || i == 0 || scan.tokens[i].gap != Gap::Space;
            let alone_after = after.is_some() || closes_phrase(scan, last + 1);
            let next_to_kind =
                before.is_some_and(|k| is_kind(scan, k)) || after.is_some_and(|k| is_kind(scan, k));
            if alone_before && alone_after && next_to_kind {
                found.push((i, last));
            }
            i = last + 1;
        }
        if found.is_empty() {
            break;
        }
        for (first, last) in found {
            scan.add_tokens(first, last, kind);
        }
    }
}
