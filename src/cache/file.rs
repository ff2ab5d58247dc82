//! The cache file itself: header, catalog, details (see [`super`]), written atomically and
//! read back defensively: any damage is an error message, never a panic or a wrong result.

use std::io::{Read, Seek, Write};

use rayon::prelude::*;
use std::os::unix::fs::FileExt;
use std::path::Path;

use super::quick::{self, Lookup, Quick};
use super::{Catalog, Doc, DocRec, FileStamp, Packed, Stamp};
use crate::index::Index;

const MAGIC: &[u8; 8] = b"KHABARC\x01";
const FORMAT: u32 = 12;

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

/// The header: where each section is and its checksum.
struct Header {
    /// (start, length, checksum) of the lookup, heads and catalog sections.
    sections: [(u64, u64, u64); 3],
    /// Where the details start, and their length.
    details: (u64, u64),
}

const LOOKUP: usize = 0;
const HEADS: usize = 1;
const CATALOG: usize = 2;

/// Opens the cache at `path` and reads its header: `Ok(None)` when there is none, `Err`
/// with the reason when it cannot be used.
fn header(path: &Path, fingerprint: u64) -> Result<Option<(std::fs::File, Header)>, String> {
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
    let mut rest = vec![0u8; vlen + 8 * 8];
    file.read_exact(&mut rest).map_err(truncated)?;
    if rest[..vlen] != *env!("CARGO_PKG_VERSION").as_bytes() {
        return Err("written by another version of khabar".to_owned());
    }
    let field = |i: usize| u64_at(&rest[vlen + 8 * i..vlen + 8 * (i + 1)]);
    if field(0) != fingerprint {
        return Err("computed with other word lists".to_owned());
    }
    let mut at = (16 + rest.len()) as u64;
    let mut sections = [(0, 0, 0); 3];
    for (i, s) in sections.iter_mut().enumerate() {
        let (len, sum) = (field(1 + 2 * i), field(2 + 2 * i));
        *s = (at, len, sum);
        at = at.checked_add(len).ok_or("bad length")?;
    }
    let details_len = field(7);
    if at.checked_add(details_len) != Some(size) {
        return Err("truncated cache file".to_owned());
    }
    Ok(Some((
        file,
        Header {
            sections,
            details: (at, details_len),
        },
    )))
}

/// One section's bytes, checked against its checksum.
fn section(file: &std::fs::File, (at, len, sum): (u64, u64, u64)) -> Result<Vec<u8>, String> {
    let mut buf = vec![0u8; usize::try_from(len).map_err(|_| "bad length")?];
    file.read_exact_at(&mut buf, at)
        .map_err(|_| "truncated cache file".to_owned())?;
    if xxhash_rust::xxh3::xxh3_64(&buf) != sum {
        return Err("checksum mismatch (damaged cache file)".to_owned());
    }
    Ok(buf)
}

/// Reads the header and catalog of the cache at `path`: `Ok(None)` when there is none,
/// `Err` with the reason when it cannot be used.
pub(super) fn open(path: &Path, fingerprint: u64) -> Result<Option<(Catalog, Details)>, String> {
    let Some((file, header)) = header(path, fingerprint)? else {
        return Ok(None);
    };
    let bytes = section(&file, header.sections[CATALOG])?;
    let unreadable = |e: postcard::Error| format!("unreadable cache ({e})");
    let parts: CatalogParts<'_> = postcard::from_bytes(&bytes).map_err(unreadable)?;
    let ((files, index), docs) = rayon::join(
        || {
            rayon::join(
                || postcard::from_bytes::<Vec<FileStamp>>(parts.files.0),
                || postcard::from_bytes::<Index>(parts.index.0),
            )
        },
        || {
            parts
                .docs
                .par_iter()
                .map(|p| postcard::from_bytes::<Vec<DocRec>>(p.0))
                .collect::<Result<Vec<_>, _>>()
        },
    );
    let mut catalog = Catalog {
        files: files.map_err(unreadable)?,
        docs: docs.map_err(unreadable)?.into_iter().flatten().collect(),
        index: index.map_err(unreadable)?,
    };
    let docs = catalog
        .docs
        .par_iter()
        .map(|d| crate::index::DocInfo {
            published: d.article.published.and_then(|p| p.date.to_naive()),
            title: d.article.title.clone(),
            source: d.article.source.clone(),
        })
        .collect();
    catalog.index.restore(docs);
    let details_len = header.details.1;
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
            base: header.details.0,
        },
    )))
}

/// Checks the quick sections of the cache at `path` (see [`super::Quick`]), which opening
/// it for a load does not read, and returns the lookup section: `Err` with the reason when
/// they are damaged.
pub(super) fn check_quick(
    path: &Path,
    fingerprint: u64,
) -> Result<Option<Vec<(String, Stamp)>>, String> {
    let Some((file, header)) = header(path, fingerprint)? else {
        return Ok(None);
    };
    let lookup = section(&file, header.sections[LOOKUP])?;
    section(&file, header.sections[HEADS])?;
    postcard::from_bytes::<Lookup>(&lookup)
        .map(|l| Some(l.watched))
        .map_err(|e| format!("unreadable cache ({e})"))
}

/// Opens the cache at `path` for a quick query (see [`super::Quick`]): its lookup and
/// heads sections only. `None` when there is no usable cache.
pub fn open_quick(path: &Path, fingerprint: u64, roots: &[std::path::PathBuf]) -> Option<Quick> {
    let (file, header) = header(path, fingerprint).ok()??;
    let lookup = section(&file, header.sections[LOOKUP]).ok()?;
    let roots = roots
        .iter()
        .filter_map(|r| Some((r.clone(), std::path::absolute(r).ok()?)))
        .collect();
    Quick::new(lookup, file, header.sections[HEADS], roots)
}

/// Writes a corpus to the cache at `path` (atomically: a temporary file renamed over it).
/// `docs` and `index` number the same articles; their details come from memory or from
/// `old`, the cache they were loaded from. A corpus with an article from no file (standard
/// input) is not cached. Sections are streamed to the file, not built in memory first: for
/// a large corpus they are a hundred megabytes.
pub fn write(
    path: &Path,
    fingerprint: u64,
    files: &[FileStamp],
    docs: &[Doc],
    index: &Index,
    old: Option<&Details>,
    watched: &[(String, Stamp)],
) -> std::io::Result<()> {
    let known = |d: &Doc| d.file.is_some_and(|f| (f as usize) < files.len());
    if docs.len() != index.len() || !docs.iter().all(known) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("bin.tmp{}", std::process::id()));
    remove_abandoned(path);
    let written = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&u32::try_from(version.len()).unwrap_or(0).to_le_bytes())?;
        out.write_all(version)?;
        out.write_all(&fingerprint.to_le_bytes())?;
        // Section lengths and checksums, filled in once the sections are written.
        let table_at = out.stream_position()?;
        out.write_all(&[0; 8 * 7])?;
        let mut sums = Vec::new();
        let mut w = Hashing::new(&mut out);
        let mut postings = quick::Postings::default();
        let mut entities = Vec::new();
        let mut spans = Vec::new();
        for e in index.entity_table() {
            spans.push(postings.push(&e.docs));
            entities.push(EntityRef {
                id: &e.id,
                name: &e.name,
                kind: e.kind,
                forms: &e.forms,
                docs: &[],
            });
        }
        postcard::to_io(
            &LookupRef {
                watched,
                clean: files.iter().all(|f| f.clean),
                entities,
                spans,
                postings,
            },
            &mut w,
        )
        .map_err(std::io::Error::other)?;
        sums.push(w.finish());
        let mut w = Hashing::new(&mut out);
        super::heads::write(
            &mut w,
            docs.iter().map(|d| {
                let file = &files[d.file.unwrap_or_default() as usize];
                super::heads::Head {
                    key: &file.key,
                    title: d.article.title.as_str().into(),
                    source: d.article.source.as_deref(),
                    published: d.article.published,
                    line: d.article.line,
                }
            }),
        )?;
        sums.push(w.finish());
        let mut w = Hashing::new(&mut out);
        let details_len = docs.iter().map(|d| d.packed.len() as u64).sum::<u64>();
        // Parts encoded apart, so a load decodes them on all cores.
        let files_part = encode(files)?;
        let mut doc_parts = Vec::new();
        let mut at = 0u64;
        for chunk in docs.chunks(DOCS_PER_PART) {
            doc_parts.push(encode(&DocRecs { docs: chunk, at })?);
            at += chunk.iter().map(|d| d.packed.len() as u64).sum::<u64>();
        }
        let index_part = encode(index)?;
        postcard::to_io(
            &CatalogParts {
                files: Blob(&files_part),
                docs: doc_parts.iter().map(|p| Blob(p)).collect(),
                index: Blob(&index_part),
            },
            &mut w,
        )
        .map_err(std::io::Error::other)?;
        sums.push(w.finish());
        for d in docs {
            let bytes = Details::bytes_of(old, &d.packed).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "a cached article could not be read back",
                )
            })?;
            out.write_all(&bytes)?;
        }
        out.seek(std::io::SeekFrom::Start(table_at))?;
        for (len, sum) in sums {
            out.write_all(&len.to_le_bytes())?;
            out.write_all(&sum.to_le_bytes())?;
        }
        out.write_all(&details_len.to_le_bytes())?;
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

/// Counts and checksums what goes through it.
struct Hashing<W> {
    inner: W,
    len: u64,
    hash: xxhash_rust::xxh3::Xxh3,
}

impl<W: Write> Hashing<W> {
    fn new(inner: W) -> Self {
        Self {
            inner,
            len: 0,
            hash: xxhash_rust::xxh3::Xxh3::new(),
        }
    }

    /// Length and checksum of what was written.
    fn finish(&self) -> (u64, u64) {
        (self.len, self.hash.digest())
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The lookup section, borrowed.
#[derive(serde::Serialize)]
struct LookupRef<'a> {
    watched: &'a [(String, Stamp)],
    clean: bool,
    entities: Vec<EntityRef<'a>>,
    spans: Vec<(u32, u32)>,
    postings: quick::Postings,
}

/// [`crate::index::EntityInfo`] borrowed, its articles left out (they go in the postings).
#[derive(serde::Serialize)]
struct EntityRef<'a> {
    id: &'a str,
    name: &'a str,
    kind: crate::extract::entities::EntityKind,
    forms: &'a [String],
    docs: &'a [u32],
}

/// Articles per part of the catalog (parts are decoded in parallel).
const DOCS_PER_PART: usize = 8192;

fn encode<T: serde::Serialize + ?Sized>(value: &T) -> std::io::Result<Vec<u8>> {
    postcard::to_stdvec(value).map_err(std::io::Error::other)
}

/// Removes temporary files that writes of the cache at `path` left behind (a process
/// ended mid-write, by a second Ctrl-C or a kill): any older than a write ever takes.
fn remove_abandoned(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!("{name}.tmp");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(600));
        if old
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Bytes stored as one length-prefixed run, read back without copying.
struct Blob<'a>(&'a [u8]);

impl serde::Serialize for Blob<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Blob<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&'a [u8]>::deserialize(d).map(Blob)
    }
}

/// The catalog as stored: the file table, the article records in parts, the index.
#[derive(serde::Serialize, serde::Deserialize)]
struct CatalogParts<'a> {
    #[serde(borrow)]
    files: Blob<'a>,
    #[serde(borrow)]
    docs: Vec<Blob<'a>>,
    #[serde(borrow)]
    index: Blob<'a>,
}

/// The catalog's article records, made as they are written: each article's list entry
/// (its path is set again on loading, so none is stored), and where its details go (from
/// `at` on, for the first).
struct DocRecs<'a> {
    docs: &'a [Doc],
    at: u64,
}

impl serde::Serialize for DocRecs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut at = self.at;
        s.collect_seq(self.docs.iter().map(|d| {
            let (len, hash) = match &d.packed {
                Packed::Owned(b) => (b.len(), xxhash_rust::xxh3::xxh3_64(b)),
                Packed::Stored { len, hash, .. } => (*len as usize, *hash),
            };
            let rec = DocRecRef {
                article: ArticleNoPath(&d.article),
                id: d.id,
                file: d.file.unwrap_or_default(),
                at,
                len: u32::try_from(len).unwrap_or(u32::MAX),
                hash,
            };
            at += len as u64;
            rec
        }))
    }
}

/// [`DocRec`] borrowed.
#[derive(serde::Serialize)]
struct DocRecRef<'a> {
    article: ArticleNoPath<'a>,
    id: u64,
    file: u32,
    at: u64,
    len: u32,
    hash: u64,
}

/// A list entry serialised as [`crate::corpus::Article`] with an empty path.
struct ArticleNoPath<'a>(&'a crate::corpus::Article);

impl serde::Serialize for ArticleNoPath<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut entry = super::lite(self.0);
        entry.path.clear();
        entry.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abandoned_temporary_files_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("corpus-1.bin");
        let old = dir.path().join("corpus-1.bin.tmp111");
        let live = dir.path().join("corpus-1.bin.tmp222");
        let other = dir.path().join("corpus-2.bin.tmp333");
        for p in [&old, &live, &other] {
            std::fs::write(p, b"partial").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        remove_abandoned(&cache);
        assert!(!old.exists());
        assert!(live.exists(), "a write under way");
        assert!(other.exists(), "another corpus's cache");
    }
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
