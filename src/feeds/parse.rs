//! A fetched feed document as entries: RSS 2.0, RSS 1.0 and Atom through `feed-rs`, after
//! the bytes are made UTF-8. Hindi feeds often declare a charset they do not use (a
//! `windows-1252` declaration over UTF-8 Devanagari turns every letter into mojibake), so
//! bytes that are valid UTF-8 are read as UTF-8 whatever the declaration says, with a
//! warning; other bytes are decoded by the declared charset.

use chrono::{DateTime, FixedOffset, Local, Utc};

use super::FeedError;
use super::fulltext::html_to_text;

/// One entry of a feed, its text already plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The entry's id (`guid`, Atom `id`), or one made from its link and title.
    pub guid: String,
    pub link: Option<String>,
    pub title: String,
    /// With the offset the feed wrote it with, so that "today" in the text is the
    /// publisher's day; a date in UTC (`GMT`, `Z`) or with no offset is in the reader's
    /// local zone instead.
    pub published: Option<DateTime<FixedOffset>>,
    pub author: Option<String>,
    /// The content, or the summary when there is no content, as plain text.
    pub text: String,
    /// Whether `text` came from the entry's content (`content:encoded`, Atom `content`)
    /// rather than its summary (`description`, Atom `summary`).
    pub from_content: bool,
    /// A date the feed gave that lies ahead (more than a day after the fetch), set aside:
    /// a story dated 2099 would head a newest-first list for ever.
    pub ahead: Option<DateTime<FixedOffset>>,
    /// A date the feed wrote that could not be used (unreadable, or a placeholder such as
    /// 1970-01-01), as written: the warning quotes it.
    pub unusable: Option<String>,
}

/// A parsed feed.
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<Entry>,
    /// Things worth telling the user that lose nothing (a wrong charset, an undated entry).
    pub warnings: Vec<String>,
}

impl Entry {
    /// What to tell the user of an entry without a date (said when it is stored, not at
    /// every fetch that finds it unchanged).
    pub fn undated(&self, url: &str) -> Option<String> {
        let has = match (self.ahead, &self.unusable) {
            (Some(d), _) => format!("is dated ahead ({})", d.format("%Y-%m-%d")),
            (None, Some(w)) => format!(
                "has a date that is none or cannot be read ({})",
                crate::text::sanitize::quoted(w)
            ),
            (None, None) => "has no date".to_owned(),
        };
        // An untitled entry is named by the start of its text (trial 58: `entry ""`).
        let named = if self.title.is_empty() {
            &self.text
        } else {
            &self.title
        };
        let name: String = named.split_whitespace().collect::<Vec<_>>().join(" ");
        self.published.is_none().then(|| {
            format!(
                "{url}: entry \"{}\" {has}; dated from its byline or dateline if it has one (a date in a sentence is the story's, not its publication)",
                name.chars().take(60).collect::<String>()
            )
        })
    }
}

/// Why an XML feed that does not parse is broken, when it is cut short (its elements not
/// all closed at the end: a download cut, a server that died mid-answer), which feed-rs
/// reports as "no root element" (trial 56).
fn cut_short(xml: &str) -> Option<String> {
    use quick_xml::events::Event;
    if !xml.trim_start().starts_with('<') {
        return None;
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut open, mut elements) = (0usize, 0usize);
    // Stopped inside a tag, a comment, CDATA or an entity: the parser's error is about
    // the markup, but the cause is the end.
    let mid_markup = !xml.trim_end().ends_with('>');
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => (open, elements) = (open + 1, elements + 1),
            Ok(Event::Empty(_)) => elements += 1,
            Ok(Event::End(_)) => open = open.saturating_sub(1),
            Ok(Event::Eof) if open > 0 => {
                return Some(format!(
                    "the XML ends with {open} element(s) still open (cut short?)"
                ));
            }
            Ok(Event::Eof) if elements == 0 => {
                return Some("the XML ends before its first element (cut short?)".into());
            }
            Err(_) if mid_markup => {
                return Some("the XML ends in the middle of its markup (cut short?)".into());
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// Parses the feed at `url` from its bytes and `Content-Type`.
pub fn parse(bytes: &[u8], content_type: Option<&str>, url: &str) -> Result<Parsed, FeedError> {
    let mut parsed = Parsed::default();
    let text = to_utf8(bytes, content_type, &mut parsed.warnings);
    // Named like every other message of a feed (trial 51).
    for w in &mut parsed.warnings {
        *w = format!("{url}: {w}");
    }
    let not_a_feed = |reason: String| FeedError::NotAFeed {
        url: url.to_owned(),
        reason,
    };
    if text.trim().is_empty() {
        // feed-rs says "no root element" (trial 56).
        return Err(not_a_feed("the server sent an empty answer".into()));
    }
    if looks_like_html(&text) {
        return Err(not_a_feed("the server sent an HTML page".into()));
    }
    if looks_binary(&text) {
        // Said as such, not as the JSON or XML error a parser meets in it (trial 51).
        return Err(not_a_feed("the server sent binary data, not text".into()));
    }
    let xml = declare_utf8(&text);
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        // An entry with neither link nor title got a random id, so every fetch stored it
        // anew: it is known by its text instead (below).
        .id_generator(|links, title, uri| {
            if links.is_empty() && title.is_none() {
                String::new()
            } else {
                feed_rs::parser::generate_id(links, title, uri)
            }
        })
        .build()
        .parse(xml.as_bytes())
        .map_err(|e| not_a_feed(cut_short(&xml).unwrap_or_else(|| e.to_string())))?;
    let written = super::zones::entry_dates(&xml).filter(|d| d.len() == feed.entries.len());
    let ahead_from = Utc::now() + chrono::Duration::days(1);
    for (i, e) in feed.entries.into_iter().enumerate() {
        let written = written.as_ref().and_then(|d| d[i].as_ref());
        let offset = written.and_then(|w| w.offset);
        // A CMS's "no date" (the Unix epoch, the year 1) dates nothing; a date `feed-rs`
        // cannot read (`12 मार्च 2025`), or misread so, is read as a page's date line is.
        let date = e
            .published
            .or(e.updated)
            .map(|d| in_zone(d, offset))
            .filter(|d| !is_placeholder(d))
            .or_else(|| written.and_then(|w| read_written(&w.text)))
            .filter(|d| !is_placeholder(d));
        let unusable = written
            .filter(|_| date.is_none())
            .map(|w| w.text.chars().take(40).collect::<String>());
        let ahead = date.filter(|d| *d > ahead_from);
        let title = e
            .title
            .map(|t| html_to_text(&t.content))
            .unwrap_or_default();
        let content = e
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty());
        let from_content = content.is_some();
        let html = content
            .or_else(|| e.summary.map(|s| s.content))
            .unwrap_or_default();
        let entry = Entry {
            link: e
                .links
                .into_iter()
                .map(|l| l.href)
                .find(|h| super::net::check_url(h).is_ok()),
            published: date.filter(|_| ahead.is_none()),
            ahead,
            author: e
                .authors
                .into_iter()
                .filter_map(|p| p.name)
                .find_map(|n| author_name(&n)),
            text: html_to_text(&html),
            from_content,
            guid: if e.id.is_empty() {
                format!("text {:016x}", xxhash_rust::xxh3::xxh3_64(html.as_bytes()))
            } else {
                e.id
            },
            title: title.trim().to_owned(),
            unusable,
        };
        if entry.title.is_empty() && entry.text.is_empty() {
            parsed.warnings.push(format!(
                "{url}: an entry with neither title nor text; skipped"
            ));
            continue;
        }
        parsed.entries.push(entry);
    }
    Ok(parsed)
}

/// A date as written in a feed that `feed-rs` cannot read (`12 मार्च 2025`, `12/03/2025`,
/// day first as Indian sites write it), read as a page's date line is: at its time if
/// written (else at the start of its day), in its zone if written and not UTC's (else in
/// the local zone, as [`in_zone`] puts a feed's UTC dates).
fn read_written(text: &str) -> Option<DateTime<FixedOffset>> {
    if !crate::corpus::is_date_line(text) {
        return None;
    }
    let (_, published) = crate::extract::dates::parse_published(text)?;
    let day = published.date.to_naive()?;
    let (h, m) = published.time.unwrap_or((0, 0));
    let at = day.and_hms_opt(u32::from(h), u32::from(m), 0)?;
    let zone = published
        .utc_offset_minutes
        .and_then(|o| FixedOffset::east_opt(o * 60));
    match zone {
        Some(zone) if zone.local_minus_utc() != 0 => at.and_local_timezone(zone).single(),
        Some(utc) => at
            .and_local_timezone(utc)
            .single()
            .map(|d| in_zone(d.to_utc(), None)),
        // A start of day the local clock skips (a daylight saving change) is an hour on.
        None => [at, at + chrono::Duration::hours(1)]
            .into_iter()
            .find_map(|t| t.and_local_timezone(Local).earliest())
            .map(|d| d.fixed_offset()),
    }
}

/// A date a CMS writes for "none": the Unix epoch (in whatever zone it is written) or
/// anything before it; no news feed dates a story so.
fn is_placeholder(date: &DateTime<FixedOffset>) -> bool {
    let first_day = chrono::NaiveDate::from_ymd_opt(1970, 1, 2)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    date.naive_utc() < first_day
}

/// `date` with the offset its feed wrote, else (none, or UTC's) in the local zone.
fn in_zone(date: DateTime<Utc>, offset: Option<FixedOffset>) -> DateTime<FixedOffset> {
    match offset.filter(|o| o.local_minus_utc() != 0) {
        Some(o) => date.with_timezone(&o),
        None => date.with_timezone(&Local).fixed_offset(),
    }
}

/// The name in an author field: RSS often gives `mail@example.org (नाम)`.
fn author_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let name = match raw.split_once('(') {
        Some((before, after))
            if after.ends_with(')') && (before.trim().is_empty() || before.contains('@')) =>
        {
            after.trim_end_matches(')')
        }
        _ => raw,
    };
    let name = name.trim();
    (!name.is_empty() && !name.contains('@')).then(|| name.to_owned())
}

/// Whether `text` is binary data read as text: a NUL, or control characters (other than
/// line ends and tabs) in more than one in twenty of its first 4,096 characters.
fn looks_binary(text: &str) -> bool {
    let head = text.chars().take(4096);
    let (mut controls, mut all) = (0usize, 0usize);
    for c in head {
        if c == '\0' {
            return true;
        }
        all += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            controls += 1;
        }
    }
    controls * 20 > all
}

/// The bytes as UTF-8 text, by BOM, then by validity, then by the declared charset.
fn to_utf8(bytes: &[u8], content_type: Option<&str>, warnings: &mut Vec<String>) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let declared = declared_charset(bytes, content_type);
    let label_is_utf8 = |l: &str| {
        encoding_rs::Encoding::for_label(l.as_bytes())
            .is_none_or(|e| e == encoding_rs::UTF_8 || l.eq_ignore_ascii_case("us-ascii"))
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(label) = declared.filter(|l| !label_is_utf8(l))
            && !text.is_ascii()
        {
            warnings.push(format!(
                "declares charset {label} but is UTF-8; read as UTF-8"
            ));
        }
        return text.to_owned();
    }
    let mut encoding = declared
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::WINDOWS_1252);
    // Said to be UTF-8 with not one UTF-8 letter beyond ASCII: a one-byte charset (a
    // Latin-1 feed served as UTF-8), read as browsers read those. Bytes that break an
    // otherwise UTF-8 feed stay replaced: its Devanagari is kept.
    if encoding == encoding_rs::UTF_8
        && !String::from_utf8_lossy(bytes)
            .chars()
            .any(|c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER)
    {
        warnings.push("declares charset UTF-8 but is not; read as windows-1252".into());
        encoding = encoding_rs::WINDOWS_1252;
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors || encoding == encoding_rs::UTF_8 {
        warnings.push("invalid characters replaced with U+FFFD".into());
    }
    text.into_owned()
}

/// The charset named by the `Content-Type` header, else by the XML declaration.
fn declared_charset<'a>(bytes: &'a [u8], content_type: Option<&'a str>) -> Option<&'a str> {
    let from_header = content_type.and_then(|ct| {
        ct.split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches('"'))
    });
    from_header.or_else(|| {
        let head = &bytes[..bytes.len().min(200)];
        let head = std::str::from_utf8(head).ok().or_else(|| {
            std::str::from_utf8(&head[..head.iter().rposition(u8::is_ascii).unwrap_or(0)]).ok()
        })?;
        let decl = head.strip_prefix("<?xml")?.split("?>").next()?;
        let after = decl
            .split("encoding")
            .nth(1)?
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        after[1..].split(quote).next()
    })
}

/// The document with its XML declaration saying UTF-8, which it now is.
fn declare_utf8(text: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("<?xml")
        && let Some(end) = rest.find("?>")
        && rest[..end].contains("encoding")
    {
        return format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
            &rest[end + 2..]
        )
        .into();
    }
    text.into()
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<head>")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0"><channel><title>समाचार</title>
<item><guid>a1</guid><title>दिल्ली में बारिश</title><link>http://127.0.0.1/a1</link>
<description><![CDATA[<p>राजधानी में <b>तेज़</b> बारिश हुई।</p><p>दूसरा &amp; अनुच्छेद</p>]]></description>
<pubDate>Tue, 18 Jun 2024 10:30:00 +0530</pubDate></item>
<item><title>बिना तारीख़</title><description>पाठ</description></item>
</channel></rss>"#;

    /// Trial 58: an untitled entry without a date was `entry ""`: it is named by its text.
    #[test]
    fn an_untitled_undated_entry_is_named_by_its_text() {
        let xml = "<rss version=\"2.0\"><channel><title>t</title>\
            <item><description>नगर निगम की सूचना</description></item></channel></rss>";
        let parsed = parse(xml.as_bytes(), None, "http://127.0.0.1/f.xml").unwrap();
        let said = parsed.entries[0].undated("feed").unwrap();
        assert!(said.contains("entry \"नगर निगम की सूचना\""), "{said}");
    }

    /// Trial 56: an empty answer and a feed cut short both said "no root element".
    #[test]
    fn an_empty_answer_and_a_feed_cut_short_say_so() {
        let said = |body: &str| {
            parse(body.as_bytes(), None, "http://127.0.0.1/f.xml")
                .unwrap_err()
                .to_string()
        };
        assert!(said("").contains("empty answer"), "{}", said(""));
        assert!(said(" \n").contains("empty answer"));
        let cut =
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>आधी";
        assert!(said(cut).contains("cut short"), "{}", said(cut));
        for cut in [
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><tit",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title><![CDATA[आधा",
            "<?xml version=\"1.0\"?>",
        ] {
            assert!(said(cut).contains("cut short"), "{cut}: {}", said(cut));
        }
    }

    /// Trial 56: an entry with neither link nor title got a random id, so every fetch
    /// stored it again; its id is now made from its text, the same at every parse.
    #[test]
    fn an_entry_with_no_link_or_title_has_the_same_id_at_every_parse() {
        let xml = "<rss version=\"2.0\"><channel><title>t</title>\
            <item><description>पहली सूचना</description></item>\
            <item><description>दूसरी सूचना</description></item></channel></rss>";
        let ids = || -> Vec<String> {
            let parsed = parse(xml.as_bytes(), None, "http://127.0.0.1/f.xml").unwrap();
            parsed.entries.into_iter().map(|e| e.guid).collect()
        };
        let first = ids();
        assert_eq!(first.len(), 2);
        assert_ne!(first[0], first[1]);
        assert_eq!(first, ids());
    }

    /// A Latin-1 feed served as UTF-8 reads as Latin-1 (trial 46: `Caf� na�ve`); a UTF-8
    /// feed with one bad byte keeps its Devanagari.
    #[test]
    fn a_feed_said_to_be_utf8_that_is_latin1() {
        let mut warnings = Vec::new();
        let latin1 = b"<rss><channel><title>Caf\xe9 na\xefve</title></channel></rss>";
        let text = to_utf8(
            latin1,
            Some("application/rss+xml; charset=utf-8"),
            &mut warnings,
        );
        assert!(text.contains("Café naïve"), "{text}");
        assert!(warnings[0].contains("windows-1252"), "{warnings:?}");
        let mut warnings = Vec::new();
        let mut broken = "<rss><title>ख़बर</title>".as_bytes().to_vec();
        broken.push(0xff);
        let text = to_utf8(&broken, Some("text/xml; charset=utf-8"), &mut warnings);
        assert!(text.contains("ख़बर</title>\u{fffd}"), "{text}");
        assert!(warnings[0].contains("U+FFFD"), "{warnings:?}");
    }

    /// A date `feed-rs` cannot read is read as a date line is; a CMS's placeholder for
    /// none dates nothing; either way the warning quotes what the feed wrote (trial 46:
    /// `12 मार्च 2025` was "no date", and 1970-01-01 a real one).
    #[test]
    fn dates_feeds_write_oddly() {
        let item = |date: &str| {
            format!(
                "<item><title>ख़बर</title><description>पाठ</description><pubDate>{date}</pubDate></item>"
            )
        };
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>t</title>{}{}{}{}</channel></rss>",
            item("12 मार्च 2025"),
            item("Thu, 01 Jan 1970 00:00:00 +0000"),
            item("Thu, 01 Jan 1970 05:30:00 +0530"),
            item("परसों किसी समय"),
        );
        let p = parse(rss.as_bytes(), None, "http://127.0.0.1/rss").unwrap();
        let days: Vec<Option<String>> = p
            .entries
            .iter()
            .map(|e| e.published.map(|d| d.format("%Y-%m-%d").to_string()))
            .collect();
        assert_eq!(days, [Some("2025-03-12".to_owned()), None, None, None]);
        assert_eq!(p.entries[0].undated("u"), None);
        let said = p.entries[1].undated("u").unwrap();
        assert!(said.contains("(\"Thu, 01 Jan 1970"), "{said}");
        let said = p.entries[3].undated("u").unwrap();
        assert!(
            said.contains("cannot be read (\"परसों किसी समय\")"),
            "{said}"
        );
    }

    #[test]
    fn utf8_under_a_wrong_declaration_is_read_as_utf8() {
        let p = parse(RSS.as_bytes(), None, "http://127.0.0.1/rss").unwrap();
        assert_eq!(p.entries.len(), 2);
        let e = &p.entries[0];
        assert_eq!(e.title, "दिल्ली में बारिश");
        assert_eq!(e.guid, "a1");
        assert!(
            e.text.contains("तेज़ बारिश") && e.text.contains("दूसरा & अनुच्छेद"),
            "{}",
            e.text
        );
        assert_eq!(e.link.as_deref(), Some("http://127.0.0.1/a1"));
        assert!(e.published.is_some());
        assert!(
            p.warnings.iter().any(|w| w.contains("windows-1252")),
            "{:?}",
            p.warnings
        );
        assert!(
            p.entries
                .iter()
                .any(|e| e.undated("u").is_some_and(|w| w.contains("no date"))),
            "{:?}",
            p.entries
        );
    }

    #[test]
    fn latin1_bytes_are_decoded_by_their_declaration() {
        let xml = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><item><guid>x</guid><title>caf\xe9</title><description>d</description></item></channel></rss>";
        let p = parse(xml, None, "http://h/f").unwrap();
        assert_eq!(p.entries[0].title, "café");
    }

    #[test]
    fn html_and_garbage_are_not_feeds() {
        let e = parse(
            b"<!DOCTYPE html><html><body>x</body></html>",
            None,
            "http://h/f",
        )
        .unwrap_err();
        assert!(e.to_string().contains("HTML page"), "{e}");
        assert!(parse(b"<rss><channel><item>", None, "http://h/f").is_err());
        // Random bytes are said to be binary, not a parser's JSON error (trial 51).
        let mut noise = Vec::new();
        let mut x: u32 = 7;
        for _ in 0..5000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            noise.push((x >> 16) as u8);
        }
        let e = parse(&noise, None, "http://h/garbage")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("http://h/garbage: not a feed: the server sent binary data"),
            "{e}"
        );
        // A feed with a stray control character is still read.
        let xml = "<rss version=\"2.0\"><channel><item><guid>g</guid><title>शीर्षक\u{1}</title><description>पाठ</description></item></channel></rss>";
        assert!(parse(xml.as_bytes(), None, "http://h/f").is_ok());
    }

    /// Trial 51: the charset warning named no feed, unlike every other message.
    #[test]
    fn a_charset_warning_names_the_feed() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><guid>g</guid><title>शीर्षक</title><description>पाठ</description></item></channel></rss>";
        let p = parse(xml.as_bytes(), None, "http://h/latin").unwrap();
        assert!(
            p.warnings
                .iter()
                .any(|w| w.starts_with("http://h/latin: declares charset ISO-8859-1")),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn atom_entries_parse() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2024-06-18T10:00:00Z</updated>
<entry><id>urn:e1</id><title>मुंबई</title><updated>2024-06-18T10:00:00Z</updated><author><name>संवाददाता</name></author><link href="http://127.0.0.1/e1"/><content type="html">&lt;p&gt;पूरा पाठ&lt;/p&gt;</content></entry></feed>"#;
        let p = parse(atom.as_bytes(), Some("application/atom+xml"), "http://h/f").unwrap();
        let e = &p.entries[0];
        assert_eq!(
            (e.guid.as_str(), e.author.as_deref(), e.text.as_str()),
            ("urn:e1", Some("संवाददाता"), "पूरा पाठ")
        );
    }

    /// A date ahead of the fetch (a feed's typo, 2099) is set aside and said, so the entry
    /// does not head a newest-first list for ever (trial 44).
    #[test]
    fn a_date_far_ahead_is_set_aside_and_said() {
        let rss = "<rss version=\"2.0\"><channel><title>t</title>\
            <item><guid>f</guid><title>भविष्य की ख़बर</title><description>पाठ</description>\
            <pubDate>Wed, 01 Jul 2099 10:00:00 +0530</pubDate></item>\
            <item><guid>n</guid><title>आज की ख़बर</title><description>पाठ</description>\
            <pubDate>Tue, 18 Jun 2024 10:30:00 +0530</pubDate></item></channel></rss>";
        let p = parse(rss.as_bytes(), None, "http://127.0.0.1/rss").unwrap();
        let (ahead, now) = (&p.entries[0], &p.entries[1]);
        assert!(ahead.published.is_none() && ahead.ahead.is_some());
        let said = ahead.undated("http://127.0.0.1/rss").unwrap();
        assert!(said.contains("dated ahead (2099-07-01)"), "{said}");
        assert!(now.published.is_some() && now.undated("u").is_none());
    }
}
