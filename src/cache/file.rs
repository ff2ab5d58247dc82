//! The cache file itself: header, catalog, details (see [`super`]), written atomically and
//! read back defensively: any damage is an error message, never a panic or a wrong result.

use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;

use super::{Catalog, Doc, DocRec, FileStamp, Packed};
use crate::index::Index;

const MAGIC: &[u8; 8] = b"KHABARC\x01";
const FORMAT: u32 = 4;

/// The details section of an open cache file. The file stays open, so a cache rewritten by
/// another run (a new file renamed over this one) does not change what is read here.
#[derive(Debug)]
pub struct Details {
    file: std::fs::File,
    /// Where the section starts in the file.
    base: u64,
}

impl Details {
    /// The details at `at..at + len` of the section, if they are there and match their
    /// checksum.
    pub fn read(&self, at: u64, len: u32, hash: u64) -> Option<Vec<u8>> {
        let mut buf = vec![0; len as usize];
        self.file
            .read_exact_at(&mut buf, self.base.checked_add(at)?)
            .ok()?;
        (xxhash_rust::xxh3::xxh3_64(&buf) == hash).then_some(buf)
    }

    /// The details of a packed article, from memory or from this file.
    pub fn bytes_of<'a>(
        this: Option<&Self>,
        packed: &'a Packed,
    ) -> Option<std::borrow::Cow<'a, [u8]>> {
        match packed {
            Packed::Owned(b) => Some(std::borrow::Cow::Borrowed(b)),
            Packed::Stored { at, len, hash } => this?.read(*at, *len, *hash).map(Into::into),
        }
    }
}

/// Reads the header and catalog of the cache at `path`: `Ok(None)` when there is none,
/// `Err` with the reason when it cannot be used.
pub(super) fn open(path: &Path, fingerprint: u64) -> Result<Option<(Catalog, Details)>, String> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let size = file.metadata().map_err(|e| e.to_string())?.len();
    let truncated = |_| "truncated cache file".to_owned();
    let mut fixed = [0u8; 16];
    file.read_exact(&mut fixed).map_err(truncated)?;
    if fixed[..8] != *MAGIC {
        return Err("not a khabar cache file".to_owned());
    }
    let u32_at = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or_default());
    let u64_at = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
    let format = u32_at(&fixed[8..12]);
    let vlen = u32_at(&fixed[12..16]) as usize;
    if format != FORMAT || vlen > 64 {
        return Err("written by another version of khabar".to_owned());
    }
    let mut rest = vec![0u8; vlen + 8 * 4];
    file.read_exact(&mut rest).map_err(truncated)?;
    if rest[..vlen] != *env!("CARGO_PKG_VERSION").as_bytes() {
        return Err("written by another version of khabar".to_owned());
    }
    let field = |i: usize| u64_at(&rest[vlen + 8 * i..vlen + 8 * (i + 1)]);
    if field(0) != fingerprint {
        return Err("computed with other word lists".to_owned());
    }
    let (catalog_len, catalog_sum, details_len) = (field(1), field(2), field(3));
    let base = (16 + rest.len()) as u64;
    if base
        .checked_add(catalog_len)
        .and_then(|n| n.checked_add(details_len))
        != Some(size)
    {
        return Err("truncated cache file".to_owned());
    }
    let mut catalog = vec![0u8; usize::try_from(catalog_len).map_err(|_| "bad length")?];
    file.read_exact(&mut catalog).map_err(truncated)?;
    if xxhash_rust::xxh3::xxh3_64(&catalog) != catalog_sum {
        return Err("checksum mismatch (damaged cache file)".to_owned());
    }
    let mut catalog: Catalog =
        postcard::from_bytes(&catalog).map_err(|e| format!("unreadable cache ({e})"))?;
    catalog.index.restore();
    let consistent = catalog.index.len() == catalog.docs.len()
        && catalog.docs.iter().all(|d| {
            (d.file as usize) < catalog.files.len()
                && d.at
                    .checked_add(u64::from(d.len))
                    .is_some_and(|end| end <= details_len)
        });
    if !consistent {
        return Err("inconsistent cache catalog".to_owned());
    }
    Ok(Some((
        catalog,
        Details {
            file,
            base: base + catalog_len,
        },
    )))
}

/// Writes a corpus to the cache at `path` (atomically: a temporary file renamed over it).
/// `docs` and `index` number the same articles; their details come from memory or from
/// `old`, the cache they were loaded from. A corpus with an article from no file (standard
/// input) is not cached.
pub fn write(
    path: &Path,
    fingerprint: u64,
    files: &[FileStamp],
    docs: &[Doc],
    index: &Index,
    old: Option<&Details>,
) -> std::io::Result<()> {
    if docs.len() != index.len() || docs.iter().any(|d| d.file.is_none()) {
        return Ok(());
    }
    let mut at = 0u64;
    let mut recs = Vec::with_capacity(docs.len());
    for d in docs {
        let hash = match &d.packed {
            Packed::Owned(b) => xxhash_rust::xxh3::xxh3_64(b),
            Packed::Stored { hash, .. } => *hash,
        };
        let len = u32::try_from(d.packed.len()).map_err(std::io::Error::other)?;
        let mut article = d.article.clone();
        article.path.clear();
        recs.push(DocRec {
            article,
            id: d.id,
            file: d.file.unwrap_or_default(),
            at,
            len,
            hash,
        });
        at += u64::from(len);
    }
    let catalog = postcard::to_stdvec(&CatalogRef {
        files,
        docs: &recs,
        index,
    })
    .map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("bin.tmp{}", std::process::id()));
    let written = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&u32::try_from(version.len()).unwrap_or(0).to_le_bytes())?;
        out.write_all(version)?;
        out.write_all(&fingerprint.to_le_bytes())?;
        out.write_all(&(catalog.len() as u64).to_le_bytes())?;
        out.write_all(&xxhash_rust::xxh3::xxh3_64(&catalog).to_le_bytes())?;
        out.write_all(&at.to_le_bytes())?;
        out.write_all(&catalog)?;
        for d in docs {
            let bytes = Details::bytes_of(old, &d.packed)
                .ok_or_else(|| std::io::Error::other("a cached article could not be read back"))?;
            out.write_all(&bytes)?;
        }
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()
    })();
    match written {
        Ok(()) => std::fs::rename(&tmp, path),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// [`Catalog`] borrowed, for writing without copying.
#[derive(serde::Serialize)]
struct CatalogRef<'a> {
    files: &'a [FileStamp],
    docs: &'a [DocRec],
    index: &'a Index,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::{Cache, Snapshot};

    fn one_article_cache(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
        let text = std::path::Path::new(dir).join("a.txt");
        std::fs::write(&text, "शीर्षक\n\nमोदी ने दिल्ली में सोमवार को कहा।\n").unwrap();
        let cache = dir.join("c.bin");
        let (c, note) = Cache::open(cache.clone(), 7);
        assert!(note.is_none());
        let mut snapshot = Snapshot::default();
        snapshot.add(c.process(&text));
        c.save(&snapshot).unwrap();
        (text, cache)
    }

    #[test]
    fn details_round_trip_and_damage_is_refused() {
        let dir = std::env::temp_dir().join(format!("khabar-cache-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (text, path) = one_article_cache(&dir);
        let (mut cache, note) = Cache::open(path.clone(), 7);
        assert!(note.is_none());
        let (warm, rest) = cache.warm(std::slice::from_ref(&text));
        assert!(rest.is_empty(), "an unchanged file is not read again");
        assert_eq!(warm.docs.len(), 1);
        let details = warm.details.clone().unwrap();
        let bytes = Details::bytes_of(Some(&details), &warm.docs[0].packed).unwrap();
        let (article, analysis) = crate::cache::unpack(&bytes).unwrap();
        assert_eq!(article.title, "शीर्षक");
        assert!(analysis.entities.iter().any(|e| e.name == "दिल्ली"));
        // Another fingerprint (word lists) or version refuses the whole file.
        assert!(
            Cache::open(path.clone(), 8)
                .1
                .unwrap()
                .contains("other word lists")
        );
        // A damaged detail byte fails that detail's checksum only.
        let mut raw = std::fs::read(&path).unwrap();
        let last = raw.len() - 3;
        raw[last] ^= 0x55;
        std::fs::write(&path, &raw).unwrap();
        let (mut cache, note) = Cache::open(path.clone(), 7);
        assert!(note.is_none());
        let (warm, _) = cache.warm(std::slice::from_ref(&text));
        assert!(Details::bytes_of(warm.details.as_deref(), &warm.docs[0].packed).is_none());
        // Truncation is caught at open.
        std::fs::write(&path, &raw[..raw.len() - 1]).unwrap();
        assert!(Cache::open(path, 7).1.unwrap().contains("truncated"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
