//! OPML, the format feed readers exchange subscriptions in: `feeds import FILE.opml` and
//! `feeds export`.

use std::fmt::Write as _;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Feed, FeedError};

/// Every `<outline xmlUrl=…>` of an OPML document, with the outline's `title` or `text` as
/// its name (empty when it has neither: the subscription names it as `feeds add` does) and
/// the enclosing outlines' names as tags (the way readers file feeds in
/// folders). Outlines whose URL is not http(s), and outlines with no URL that are no
/// folder either (no outline inside), are skipped and said in the second list.
pub fn parse(xml: &str, path: &str) -> Result<(Vec<Feed>, Vec<String>), FeedError> {
    let mut reader = Reader::from_str(xml);
    let mut folders: Vec<Option<String>> = Vec::new();
    let (mut feeds, mut skipped) = (Vec::new(), Vec::new());
    // A file that is not OPML (trial 51: a line of text imported "0 feed(s)" and ended 0)
    // is refused by its first element.
    let not_opml = |reason: String| FeedError::Syntax {
        path: path.to_owned(),
        reason: format!("not an OPML file: {reason}"),
    };
    let mut rooted = false;
    loop {
        let event = reader.read_event().map_err(|e| FeedError::Syntax {
            path: path.to_owned(),
            reason: format!("bad XML at byte {}: {e}", reader.error_position()),
        })?;
        let (element, is_empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
                continue;
            }
            Event::Eof if !rooted => return Err(not_opml("no XML element in it".to_owned())),
            Event::Eof => break,
            _ => continue,
        };
        if !rooted {
            rooted = true;
            if element.local_name().as_ref() != "opml" {
                let name = crate::text::sanitize::quoted(element.local_name().as_ref());
                return Err(not_opml(format!("its first element is {name}, not opml")));
            }
        }
        if element.local_name().as_ref() != "outline" {
            continue;
        }
        let mut url = None;
        let mut name = None;
        let mut categories: Vec<String> = Vec::new();
        for attr in element.attributes().flatten() {
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.trim().to_owned())
                .unwrap_or_default();
            match attr.key.local_name().as_ref() {
                "xmlUrl" | "xmlurl" => url = Some(value),
                "title" => name = Some(value),
                "text" if name.is_none() => name = Some(value),
                // Where `feeds export` (and some readers) put tags.
                "category" => categories.extend(
                    value
                        .split(',')
                        .map(|c| c.trim().trim_start_matches('/').to_owned())
                        .filter(|c| !c.is_empty()),
                ),
                _ => {}
            }
        }
        if let Some(url) = url.filter(|u| !u.is_empty()) {
            if super::net::check_url(&url).is_err() {
                skipped.push(format!("{url}: not an http(s) URL; skipped"));
            } else {
                let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
                for c in categories {
                    if !tags.contains(&c) {
                        tags.push(c);
                    }
                }
                let name = name.unwrap_or_default();
                feeds.push(Feed { url, name, tags });
            }
            if !is_empty {
                folders.push(None);
            }
        } else if !is_empty {
            folders.push(name.filter(|n| !n.is_empty()));
        } else {
            let name = crate::text::sanitize::quoted(&name.unwrap_or_default());
            skipped.push(format!("outline {name} has no xmlUrl; skipped"));
        }
    }
    Ok((feeds, skipped))
}

/// An OPML 2.0 document listing `feeds`, each tag as a folder attribute (`category`).
pub fn export(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>khabar subscriptions</title></head>\n  <body>\n",
    );
    for f in feeds {
        let category = if f.tags.is_empty() {
            String::new()
        } else {
            format!(" category=\"{}\"", escape(&f.tags.join(",")))
        };
        let _ = writeln!(
            out,
            "    <outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"{2}/>",
            escape(&f.name),
            escape(&f.url),
            category
        );
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// `s` as an attribute value. Control characters come from the feeds and the user, and
/// go to a terminal when the export is printed: those XML allows are written as character
/// references (tab, line ends, DEL and the C1 controls, whose raw bytes a terminal may
/// act on), the rest, which no XML 1.0 document may hold, as U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in quick_xml::escape::escape(s).chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{7f}'..='\u{9f}' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c if c < ' ' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Control characters never reach the file (or a terminal it is printed to) raw, and
    /// the export stays well-formed XML that reads back.
    #[test]
    fn control_characters_are_written_as_references_or_replaced() {
        let feed = Feed {
            name: "नाम\u{1b}]0;X\u{7}\r\u{9b}2J".to_owned(),
            url: "https://example.org/rss".to_owned(),
            tags: vec!["ख़बर\u{1b}[31m".to_owned()],
        };
        let xml = export(std::slice::from_ref(&feed));
        assert!(!xml.chars().any(|c| c.is_control() && c != '\n'), "{xml:?}");
        assert!(xml.contains("&#13;&#155;2J"), "{xml}");
        let (back, _) = parse(&xml, "export").unwrap();
        assert_eq!(back[0].name, "नाम\u{fffd}]0;X\u{fffd}\r\u{9b}2J");
        assert_eq!(back[0].tags, vec!["ख़बर\u{fffd}[31m".to_owned()]);
    }

    #[test]
    fn folders_become_tags_and_export_reads_back() {
        let xml = r#"<?xml version="1.0"?><opml version="1.0"><body>
            <outline text="दुनिया">
              <outline text="बीबीसी &amp; साथी" xmlUrl="https://example.org/rss?a=1&amp;b=2"/>
            </outline>
            <outline title="Local" xmlUrl="http://127.0.0.1/feed.xml"></outline>
            <outline text="bad" xmlUrl="file:///etc/passwd"/>
            <outline text="no link"/>
        </body></opml>"#;
        let (feeds, skipped) = parse(xml, "x.opml").unwrap();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name, "बीबीसी & साथी");
        assert_eq!(feeds[0].url, "https://example.org/rss?a=1&b=2");
        assert_eq!(feeds[0].tags, vec!["दुनिया".to_owned()]);
        assert!(feeds[1].tags.is_empty());
        assert_eq!(
            skipped,
            [
                "file:///etc/passwd: not an http(s) URL; skipped",
                "outline \"no link\" has no xmlUrl; skipped"
            ]
        );
        let (again, _) = parse(&export(&feeds), "export").unwrap();
        assert_eq!(
            again, feeds,
            "names, URLs and tags survive export and import"
        );
    }

    /// Trial 51: a file that is not OPML imported "0 feed(s)" and ended well.
    #[test]
    fn a_file_that_is_not_opml_is_refused() {
        for (text, why) in [
            ("not xml", "no XML element in it"),
            ("", "no XML element in it"),
            (
                "<rss><channel><title>x</title></channel></rss>",
                "its first element is \"rss\", not opml",
            ),
        ] {
            let e = parse(text, "subs.opml").unwrap_err().to_string();
            assert!(
                e.contains("subs.opml") && e.contains(&format!("not an OPML file: {why}")),
                "{text}: {e}"
            );
        }
    }

    #[test]
    fn broken_xml_names_the_file() {
        let e = parse(
            "<opml><body><outline text=\"x\" xmlUrl=\"http://a/b\"></body>",
            "subs.opml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("subs.opml: bad XML"), "{e}");
    }
}
