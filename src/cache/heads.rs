//! The heads section of the cache: for each article, what a `list` row shows and sorts
//! by (path, title, source, publication date), in checksummed chunks behind an offset
//! table, so a quick query reads and decodes only the chunks holding the articles it keeps
//! (see [`super::Quick`]).

use serde::{Deserialize, Serialize};

use crate::extract::dates::Published;

/// One article in the heads section: what a listed row shows and sorts by, nothing more
/// (the less there is, the less a query reads). The title is packed (see
/// [`super::compact`]); the rest is borrowed from the chunk it is read from, so only what
/// a row keeps is copied.
#[derive(Debug, Serialize, Deserialize)]
pub struct Head<'a> {
    #[serde(borrow, deserialize_with = "text")]
    pub key: &'a str,
    #[serde(serialize_with = "pack", deserialize_with = "unpack")]
    pub title: std::borrow::Cow<'a, str>,
    #[serde(borrow, deserialize_with = "some_text")]
    pub source: Option<&'a str>,
    pub published: Option<Published>,
    pub line: Option<usize>,
}

/// Text borrowed from a heads chunk, checked as UTF-8 by `simdutf8`: titles are Devanagari,
/// which the standard library's check walks byte by byte, and that check was an eighth of
/// a quick query.
fn text<'de: 'a, 'a, D: serde::Deserializer<'de>>(d: D) -> Result<&'a str, D::Error> {
    let bytes = <&'a [u8]>::deserialize(d)?;
    simdutf8::basic::from_utf8(bytes).map_err(|_| serde::de::Error::custom("not UTF-8"))
}

fn some_text<'de: 'a, 'a, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'a str>, D::Error> {
    Option::<&'a [u8]>::deserialize(d)?
        .map(|bytes| {
            simdutf8::basic::from_utf8(bytes).map_err(|_| serde::de::Error::custom("not UTF-8"))
        })
        .transpose()
}

fn pack<S: serde::Serializer>(title: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(&super::compact::pack(title))
}

fn unpack<'de, 'a, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<std::borrow::Cow<'a, str>, D::Error> {
    let bytes = <&[u8]>::deserialize(d)?;
    super::compact::unpack(bytes)
        .map(std::borrow::Cow::Owned)
        .ok_or_else(|| serde::de::Error::custom("not a packed title"))
}

/// Heads are checked and decoded in chunks of about this many bytes, on all cores.
const CHUNK: usize = 256 << 10;

/// Writes the heads section: the encoded heads; a chunk table (for each run of about
/// [`CHUNK`] bytes of whole heads: its first head, u32, and its xxh3, u64); where each head
/// starts (u32 each, and where the last ends); how many chunks and heads there are (u32
/// each); and the xxh3 of those tables and counts, so a reader finds everything from the
/// end and checks all it reads.
pub fn write<'a>(
    out: &mut impl std::io::Write,
    heads: impl Iterator<Item = Head<'a>>,
) -> std::io::Result<()> {
    let mut offsets = Vec::new();
    let mut chunks: Vec<(u32, u64)> = Vec::new();
    let mut chunk = xxhash_rust::xxh3::Xxh3::new();
    let (mut at, mut chunk_start) = (0u32, 0u32);
    let mut buf = Vec::new();
    for (i, h) in heads.enumerate() {
        if at - chunk_start >= CHUNK as u32 || i == 0 {
            if i > 0 {
                chunks.last_mut().expect("a chunk is open").1 = chunk.digest();
            }
            chunks.push((u32::try_from(i).map_err(std::io::Error::other)?, 0));
            chunk.reset();
            chunk_start = at;
        }
        offsets.push(at);
        buf.clear();
        buf = postcard::to_extend(&h, buf).map_err(std::io::Error::other)?;
        out.write_all(&buf)?;
        chunk.update(&buf);
        at = at
            .checked_add(u32::try_from(buf.len()).map_err(std::io::Error::other)?)
            .ok_or_else(|| std::io::Error::other("heads section over 4 GiB"))?;
    }
    if let Some(last) = chunks.last_mut() {
        last.1 = chunk.digest();
    }
    offsets.push(at);
    let mut tables = Vec::with_capacity(12 * chunks.len() + 4 * offsets.len() + 8);
    for (first, hash) in &chunks {
        tables.extend_from_slice(&first.to_le_bytes());
        tables.extend_from_slice(&hash.to_le_bytes());
    }
    for offset in &offsets {
        tables.extend_from_slice(&offset.to_le_bytes());
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
    tables.extend_from_slice(&count(chunks.len()));
    tables.extend_from_slice(&count(offsets.len() - 1));
    out.write_all(&tables)?;
    out.write_all(&xxhash_rust::xxh3::xxh3_64(&tables).to_le_bytes())
}

/// `make` applied to the heads of `docs` (ascending) in the heads section at `(at, len)`
/// of `file`, in runs (one per core; not joined
/// into one list, which would copy them all once more). Only the chunks holding them are
/// read, each into a small buffer (reading tens of megabytes into fresh memory cost more
/// in page faults than the reading), checked against its checksum and decoded, on all
/// cores.
pub(super) fn read<T: Send>(
    file: &std::fs::File,
    (at, len): (u64, u64),
    docs: &[u32],
    make: impl Fn(Head<'_>) -> T + Sync,
) -> Option<Vec<Vec<T>>> {
    use rayon::prelude::*;
    use std::os::unix::fs::FileExt;
    let len = usize::try_from(len).ok()?;
    let mut trailer = [0u8; 16];
    file.read_exact_at(&mut trailer, at + len.checked_sub(16)? as u64)
        .ok()?;
    let word = |b: &[u8], i: usize| {
        b.get(i..i + 4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap_or_default()) as usize)
    };
    let (n_chunks, n) = (word(&trailer, 0)?, word(&trailer, 4)?);
    let tables_len = n_chunks
        .checked_mul(12)?
        .checked_add(n.checked_add(1)?.checked_mul(4)?)?;
    let body_len = len.checked_sub(tables_len.checked_add(16)?)?;
    // The tables, the counts after them, and their checksum last.
    let mut tables = vec![0u8; tables_len + 16];
    file.read_exact_at(&mut tables, at + body_len as u64).ok()?;
    let (checked, sum) = tables.split_at(tables_len + 8);
    if xxhash_rust::xxh3::xxh3_64(checked) != u64::from_le_bytes(sum.try_into().ok()?) {
        return None;
    }
    let (chunk_table, offsets) = tables[..tables_len].split_at(12 * n_chunks);
    let chunk = |c: usize| -> Option<(usize, u64)> {
        let first = word(chunk_table, 12 * c)?;
        let hash = chunk_table.get(12 * c + 4..12 * c + 12)?;
        Some((first, u64::from_le_bytes(hash.try_into().ok()?)))
    };
    let offset = |i: usize| word(offsets, 4 * i);
    // The chunks to read (number, and the head after its last), each with the wanted docs
    // in it.
    let mut plan: Vec<(usize, usize, &[u32])> = Vec::new();
    let mut rest = docs;
    for c in 0..n_chunks {
        let end = if c + 1 < n_chunks { chunk(c + 1)?.0 } else { n };
        let k = rest.partition_point(|&d| (d as usize) < end);
        if k > 0 {
            plan.push((c, end, &rest[..k]));
            rest = &rest[k..];
        }
    }
    if !rest.is_empty() {
        return None;
    }
    // Reads chunk `c` into `buf` and appends the heads of `wanted` in it to `out`.
    let read =
        |buf: &mut Vec<u8>, &(c, last, wanted): &(usize, usize, &[u32]), out: &mut Vec<T>| {
            let (first, hash) = chunk(c)?;
            let (start, end) = (offset(first)?, offset(last)?);
            if start > end || end > body_len {
                return None;
            }
            buf.resize(end - start, 0);
            file.read_exact_at(buf, at + start as u64).ok()?;
            if xxhash_rust::xxh3::xxh3_64(buf) != hash {
                return None;
            }
            for &d in wanted {
                let (a, b) = (offset(d as usize)?, offset(d as usize + 1)?);
                let head = buf.get(a.checked_sub(start)?..b.checked_sub(start)?)?;
                out.push(make(postcard::from_bytes(head).ok()?));
            }
            Some(())
        };
    // One run of chunks per core, each with one buffer and one output sized up front:
    // memory touched for the first time is what a query spends most on.
    let run = |part: &[(usize, usize, &[u32])]| -> Option<Vec<T>> {
        let mut buf = Vec::with_capacity(CHUNK + CHUNK / 4);
        let mut out = Vec::with_capacity(part.iter().map(|p| p.2.len()).sum());
        for p in part {
            read(&mut buf, p, &mut out)?;
        }
        Some(out)
    };
    // Waking the thread pool costs more than a few chunks take to read.
    let cores = if plan.len() < 16 {
        1
    } else {
        rayon::current_num_threads()
    };
    if cores == 1 {
        return Some(vec![run(&plan)?]);
    }
    let parts: Vec<Option<Vec<T>>> = plan
        .par_chunks(plan.len().div_ceil(cores))
        .with_max_len(1)
        .map(run)
        .collect();
    parts.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A heads section of `n` articles with long titles (about 300 bytes each: `é` is
    /// outside the packed window, so it takes three), in a file.
    fn heads_file(n: usize) -> (std::fs::File, u64) {
        let titles: Vec<String> = (0..n).map(|i| format!("{i} {}", "é".repeat(100))).collect();
        let mut bytes = Vec::new();
        write(
            &mut bytes,
            titles.iter().map(|t| Head {
                key: "/k",
                title: t.into(),
                source: None,
                published: None,
                line: None,
            }),
        )
        .unwrap();
        let path = std::env::temp_dir().join(format!("khabar-heads-{}-{n}", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let file = std::fs::File::options()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        (file, bytes.len() as u64)
    }

    #[test]
    fn heads_read_on_all_cores_come_back_in_order() {
        // About 6 MiB of heads: enough chunks that they are read in one run per core.
        let n = 20_000;
        let (file, len) = heads_file(n);
        let wanted: Vec<u32> = (0..n as u32)
            .filter(|d| d % 7 == 3 || *d == 19_999)
            .collect();
        let title = |h: Head<'_>| h.title.split(' ').next().unwrap().parse::<u32>().unwrap();
        let runs = read(&file, (0, len), &wanted, title).unwrap();
        assert!(runs.len() > 1, "read on one core");
        assert_eq!(runs.concat(), wanted);
    }

    #[test]
    fn heads_are_found_across_chunks_and_damage_is_refused() {
        use std::os::unix::fs::FileExt;
        let n = 3000; // about 900 KiB of heads: four chunks
        let (file, len) = heads_file(n);
        let title = |h: Head<'_>| h.title.split(' ').next().unwrap().to_owned();
        let titles = read(&file, (0, len), &[0, 1, 1500, 2999], title)
            .unwrap()
            .concat();
        assert_eq!(titles, ["0", "1", "1500", "2999"]);
        assert!(
            read(&file, (0, len), &[3000], title).is_none(),
            "beyond the last head"
        );
        // Damage the middle of the section: a head there is refused, one at the start is not.
        let mut byte = [0u8];
        file.read_exact_at(&mut byte, len / 2).unwrap();
        file.write_all_at(&[byte[0] ^ 0x40], len / 2).unwrap();
        assert!(read(&file, (0, len), &[0], title).is_some());
        assert!(read(&file, (0, len), &[1500], title).is_none());
        // Damage in the offset tables (near the end) refuses every query.
        file.read_exact_at(&mut byte, len - 40).unwrap();
        file.write_all_at(&[byte[0] ^ 0x01], len - 40).unwrap();
        assert!(read(&file, (0, len), &[0], title).is_none());
    }
}
