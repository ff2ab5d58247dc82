//! The best tag sequence for a sentence (Viterbi), shared by training and reading.
//!
//! Tags are BIO over three kinds: `O`, then `B`/`I` for person, place and organisation.
//! An `I` tag may only follow a `B` or `I` of its own kind, so every decoded span is well
//! formed.

use super::super::model::EntityKind;

/// Number of tags.
pub const TAGS: usize = 7;
pub const O: u8 = 0;

pub fn begin(kind: EntityKind) -> u8 {
    1 + 2 * kind_index(kind)
}

fn kind_index(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
    }
}

pub fn kind_of(tag: u8) -> Option<EntityKind> {
    match tag {
        1 | 2 => Some(EntityKind::Person),
        3 | 4 => Some(EntityKind::Place),
        5 | 6 => Some(EntityKind::Organization),
        _ => None,
    }
}

pub fn is_inside(tag: u8) -> bool {
    tag != O && tag.is_multiple_of(2)
}

/// Whether `tag` may follow `prev` (`None`: the sentence start).
pub fn allowed(prev: Option<u8>, tag: u8) -> bool {
    !is_inside(tag) || prev.is_some_and(|p| p != O && kind_of(p) == kind_of(tag))
}

/// Scores of every tag for every word (`emit[i * TAGS + tag]`), transitions
/// (`trans[(prev + 1) * TAGS + tag]`, row 0 the sentence start): the best tags into `out`.
pub fn viterbi(emit: &[f32], trans: &[f32], n: usize, back: &mut Vec<u8>, out: &mut Vec<u8>) {
    out.clear();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * TAGS, 0);
    // Forbidden moves get -inf once here, so the inner loop has no branch on them.
    let mut moves = [[f32::NEG_INFINITY; TAGS]; TAGS];
    for (p, row) in moves.iter_mut().enumerate() {
        for (t, m) in row.iter_mut().enumerate() {
            if allowed(Some(p as u8), t as u8) {
                *m = trans[(p + 1) * TAGS + t];
            }
        }
    }
    let mut best = [f32::NEG_INFINITY; TAGS];
    for (t, b) in best.iter_mut().enumerate() {
        if allowed(None, t as u8) {
            *b = emit[t] + trans[t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; TAGS];
        for (t, slot) in next.iter_mut().enumerate() {
            let mut arg = 0u8;
            let mut top = f32::NEG_INFINITY;
            for (p, &score) in best.iter().enumerate() {
                let s = score + moves[p][t];
                if s > top {
                    top = s;
                    arg = p as u8;
                }
            }
            *slot = top + emit[i * TAGS + t];
            back[i * TAGS + t] = arg;
        }
        best = next;
    }
    let mut tag = (0..TAGS)
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .unwrap_or(0) as u8;
    out.resize(n, O);
    for i in (0..n).rev() {
        out[i] = tag;
        tag = back[i * TAGS + usize::from(tag)];
    }
}

/// The spans of a tag sequence as `(first, last, kind)`, word indices.
pub fn spans(tags: &[u8]) -> impl Iterator<Item = (usize, usize, EntityKind)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < tags.len() {
            let start = i;
            i += 1;
            if let Some(kind) = kind_of(tags[start]) {
                while i < tags.len() && is_inside(tags[i]) && kind_of(tags[i]) == Some(kind) {
                    i += 1;
                }
                return Some((start, i - 1, kind));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_never_start_a_span() {
        // Emissions favour I-PER everywhere; the best legal path starts with B-PER.
        let mut emit = vec![0.0; 3 * TAGS];
        for i in 0..3 {
            emit[i * TAGS + 2] = 5.0;
            emit[i * TAGS + 1] = 1.0;
        }
        let trans = vec![0.0; (TAGS + 1) * TAGS];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&emit, &trans, 3, &mut back, &mut out);
        assert_eq!(out, [1, 2, 2]);
        assert_eq!(
            spans(&out).collect::<Vec<_>>(),
            [(0, 2, EntityKind::Person)]
        );
    }
}
