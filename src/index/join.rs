//! Putting a short list in front of a long one without holding the long one twice.
//!
//! `front.extend(back)` grows `front`'s buffer to the length of both and copies `back`
//! into it, so for a moment both copies of the long list are held: the reader's million
//! list entries arriving after a first page of 200 held 200 MB more at the peak of a warm
//! start. When `back` is the longer, its own buffer is kept instead: grown by exactly the
//! few items of `front` (which the allocator mostly does in place, in the slack of a large
//! block) and those moved to its start.

/// `front` followed by `back`, in `front`'s place.
pub fn append<T>(front: &mut Vec<T>, mut back: Vec<T>) {
    // The front has room (reserved for both), or is the longer: no grown copy.
    if front.len() >= back.len() || front.capacity() - front.len() >= back.len() {
        front.append(&mut back);
        return;
    }
    // Exact: the growth `splice` would make is amortised, to twice the length.
    back.reserve_exact(front.len());
    back.splice(0..0, front.drain(..));
    *front = back;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn is_front_then_back(front in prop::collection::vec(any::<u8>(), 0..50),
                              back in prop::collection::vec(any::<u8>(), 0..50)) {
            let mut joined = front.clone();
            append(&mut joined, back.clone());
            prop_assert_eq!(joined, [front, back].concat());
        }
    }

    /// The longer list's buffer is the one kept: a copy of it would be held twice.
    #[test]
    fn the_longer_list_keeps_its_buffer() {
        let mut back: Vec<u64> = Vec::with_capacity(1000);
        back.extend(0..900);
        let buffer = back.as_ptr();
        let mut front = vec![7, 8];
        append(&mut front, back);
        assert_eq!(front.as_ptr(), buffer);
        assert_eq!(&front[..3], &[7, 8, 0]);
        assert_eq!(front.len(), 902);
    }

    /// A front with room reserved for both keeps its buffer, even when the back is longer
    /// (a list read in halves into a first part with room for the whole).
    #[test]
    fn a_front_with_room_keeps_its_buffer() {
        let mut front: Vec<u64> = Vec::with_capacity(2000);
        front.extend(0..900);
        let buffer = front.as_ptr();
        append(&mut front, (900..1900).collect());
        assert_eq!(front.as_ptr(), buffer);
        assert!(front.iter().copied().eq(0..1900));
    }
}
