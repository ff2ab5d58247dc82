//! The time zone each entry's date was written in.
//!
//! `feed-rs` gives every date in UTC, which loses the publisher's zone: an entry published
//! at 01:15 in India (`+0530`) is 19:45 the day before in UTC, and its text's "आज" and
//! "16 जून" are the publisher's day. So the feed's own date fields are read again here, in
//! document order, for the offset they end with, and kept as written (a date `feed-rs`
//! cannot read, `12 मार्च 2025`, is read from that).

use chrono::FixedOffset;
use quick_xml::events::Event;

/// Date fields of an entry that say when it was published (RSS `pubDate`, Atom
/// `published`, Dublin Core `date`, `issued`), and those that say when it last changed
/// (Atom `updated`, `modified`): `feed-rs` takes the first kind, else the second.
const PUBLISHED: [&str; 4] = ["pubDate", "published", "date", "issued"];
const UPDATED: [&str; 2] = ["updated", "modified"];

/// An entry's date as the feed wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Written {
    /// The UTC offset it ends with (`None` without one, or with a zone named by letters).
    pub offset: Option<FixedOffset>,
    /// Its text, trimmed: what a date `feed-rs` cannot read is read from.
    pub text: String,
}

/// A date field of the open entry, once one was read.
type Found = Option<Written>;

/// For each entry of the feed `xml` (RSS `item`, Atom `entry`), in order, its date as
/// written (`None` when it has none). `None` for the whole feed when it is not well-formed
/// XML.
pub(super) fn entry_dates(xml: &str) -> Option<Vec<Option<Written>>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    // Within an entry: its published and updated offsets so far, and which field is open.
    let mut entry: Option<(Found, Found)> = None;
    let mut field: Option<bool> = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.into_inner();
                if name == "item" || name == "entry" {
                    entry = Some((None, None));
                } else if entry.is_some() {
                    field = if PUBLISHED.contains(&name) {
                        Some(true)
                    } else if UPDATED.contains(&name) {
                        Some(false)
                    } else {
                        None
                    };
                }
            }
            // A date in CDATA (`<pubDate><![CDATA[… +0530]]></pubDate>`) is a date too.
            Event::Text(t) => note(field, entry.as_mut(), &t.xml10_content()),
            Event::CData(t) => note(field, entry.as_mut(), &t.xml10_content()),
            // An empty `<item/>` is an entry too (`feed-rs` counts it), without a date.
            Event::Empty(e) => {
                let name = e.local_name();
                let name = name.into_inner();
                if entry.is_none() && (name == "item" || name == "entry") {
                    out.push(None);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.into_inner();
                if (name == "item" || name == "entry")
                    && let Some((p, u)) = entry.take()
                {
                    out.push(p.or(u));
                }
                field = None;
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

/// Notes the offset of `date` in the open entry's field, if it is a date field and the
/// first of its kind there.
fn note(field: Option<bool>, entry: Option<&mut (Found, Found)>, date: &str) {
    if let (Some(published), Some((p, u))) = (field, entry) {
        let slot = if published { p } else { u };
        if slot.is_none() {
            *slot = Some(Written {
                offset: offset_of(date),
                text: date.trim().to_owned(),
            });
        }
    }
}

/// The offset a date ends with: `+05:30` or `+0530` (RFC 3339, RFC 2822), `Z`, `GMT`, `UT`
/// or `UTC` for none; `None` for a date without one, or with a zone named by letters that
/// may mean several (`IST` is India's, Israel's and Ireland's).
fn offset_of(date: &str) -> Option<FixedOffset> {
    let date = date.trim();
    let last = date.rsplit(' ').next()?;
    if last.ends_with('Z') || ["GMT", "UT", "UTC"].contains(&last) {
        return FixedOffset::east_opt(0);
    }
    // The sign and four digits at the end, with or without a colon between hours and minutes.
    let tail: String = date
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect::<String>()
        .chars()
        .rev()
        .filter(char::is_ascii_digit)
        .collect();
    let sign_at = date.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':');
    let sign = match sign_at.chars().next_back()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    if tail.len() != 4 {
        return None;
    }
    let hours: i32 = tail[..2].parse().ok()?;
    let minutes: i32 = tail[2..].parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(h: f32) -> Option<FixedOffset> {
        FixedOffset::east_opt((h * 3600.0) as i32)
    }

    #[test]
    fn offsets_are_read_from_every_date_form() {
        assert_eq!(offset_of("Sun, 16 Jun 2024 01:15:00 +0530"), hours(5.5));
        assert_eq!(offset_of("2024-06-16T01:15:00+05:30"), hours(5.5));
        assert_eq!(offset_of("2024-06-16T01:15:00-04:00"), hours(-4.0));
        assert_eq!(offset_of("Sun, 16 Jun 2024 01:15:00 GMT"), hours(0.0));
        assert_eq!(offset_of("2024-06-16T01:15:00Z"), hours(0.0));
        assert_eq!(offset_of("Sun, 16 Jun 2024 01:15:00 IST"), None);
        assert_eq!(offset_of("2024-06-16"), None);
        assert_eq!(offset_of("कल शाम"), None);
    }

    /// The offsets of each entry's date, as before they were kept with their text.
    fn entry_offsets(xml: &str) -> Option<Vec<Option<FixedOffset>>> {
        entry_dates(xml).map(|d| d.into_iter().map(|w| w.and_then(|w| w.offset)).collect())
    }

    #[test]
    fn a_date_is_kept_as_written() {
        let rss = "<rss><channel><item><pubDate> 12 मार्च 2025 </pubDate></item></channel></rss>";
        let dates = entry_dates(rss).unwrap();
        assert_eq!(
            dates[0].as_ref().map(|w| w.text.as_str()),
            Some("12 मार्च 2025")
        );
    }

    #[test]
    fn each_entry_has_its_own_offset_in_document_order() {
        let rss = r"<rss><channel><pubDate>Sat, 15 Jun 2024 09:00:00 -0700</pubDate>
<item><title>a</title><pubDate>Sun, 16 Jun 2024 01:15:00 +0530</pubDate></item>
<item><title>b</title></item>
<item><title>c</title><dc:date>2024-06-16T08:00:00Z</dc:date></item>
</channel></rss>";
        assert_eq!(entry_offsets(rss), Some(vec![hours(5.5), None, hours(0.0)]));
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><updated>2024-06-16T00:00:00Z</updated>
<entry><updated>2024-06-17T10:00:00+01:00</updated><published>2024-06-16T10:00:00+05:45</published></entry>
</feed>"#;
        assert_eq!(entry_offsets(atom), Some(vec![hours(5.75)]));
        let cdata = "<rss><channel><item/><item><pubDate><![CDATA[Sun, 16 Jun 2024 01:15:00 +0530]]></pubDate></item></channel></rss>";
        assert_eq!(entry_offsets(cdata), Some(vec![None, hours(5.5)]));
        assert_eq!(entry_offsets("<rss><item></rss>"), None);
    }
}
