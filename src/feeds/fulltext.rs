//! Article text from HTML: feed content and summaries through `dom_query`'s formatted
//! text, and whole article pages through `dom_smoothie` (a port of Firefox's Readability),
//! which keeps the story and drops menus, share bars and related-headline lists. What chrome
//! survives inside the story (an app banner, a "यह भी पढ़ें" link) is found later by the
//! same markers as for files.

use dom_smoothie::{Config, Readability, TextMode};

/// Below this many letters (spaces not counted) a feed's summary (`description`) is taken
/// to be only a summary, and its page is fetched for the full story.
pub const SUMMARY_CHARS: usize = 600;
/// The same for an entry's content (`content:encoded`, Atom `content`), which feeds fill
/// with the story itself when they carry it: only a very short one is a teaser.
pub const TEASER_CHARS: usize = 300;

/// Plain text of an HTML fragment: one paragraph per block, blank lines between them,
/// spaces inside lines folded.
pub fn html_to_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return tidy(html);
    }
    let doc = dom_query::Document::fragment(html);
    // Code and styling are no part of the story, and their text would read as if it were.
    doc.select("script, style, noscript, template").remove();
    tidy(&doc.formatted_text())
}

/// Whether `text` is short enough to be only a summary of its story; `from_content` says
/// it came from the entry's content rather than its summary.
pub fn is_summary(text: &str, from_content: bool) -> bool {
    let limit = if from_content {
        TEASER_CHARS
    } else {
        SUMMARY_CHARS
    };
    text.chars()
        .filter(|c| !c.is_whitespace())
        .take(limit)
        .count()
        < limit
}

/// The main text of an article page and its byline, if Readability finds a story in it.
/// `title` is the entry's: a page's own `<title>` often differs from its headline (a
/// site's name after it, or none), so the headline above the story is told by either.
pub fn readable(html: &str, url: &str, title: &str) -> Option<(String, Option<String>)> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: 50_000,
        ..Config::default()
    };
    let doc = dom_query::Document::from(html);
    without_comments(&doc);
    let mut reader = Readability::with_document(doc, Some(url), Some(config)).ok()?;
    let article = reader.parse().ok()?;
    let text = without_heading(&tidy(&article.text_content), &[&article.title, title]);
    (!text.is_empty()).then_some((text, article.byline.as_deref().and_then(byline)))
}

/// The writer's name from a page's byline line: the first part (between `|` or `·`) with
/// no digits (the update time often comes before or after), without a label before a
/// colon (`लेखक: सुनील शर्मा | अपडेटेड: 07 जून` is `सुनील शर्मा`; trial 51 kept the whole
/// line) or an English `By`.
fn byline(line: &str) -> Option<String> {
    line.split(['|', '·']).find_map(|part| {
        let part = part.trim();
        let named = match part.split_once(':') {
            Some((label, rest)) if label.split_whitespace().count() <= 2 => rest.trim(),
            _ => part,
        };
        let named = named
            .strip_prefix("By ")
            .or_else(|| named.strip_prefix("by "))
            .unwrap_or(named)
            .trim();
        (!named.is_empty() && !named.chars().any(|c| c.is_ascii_digit())).then(|| named.to_owned())
    })
}

/// Whether a class or id token names readers' comments (`comments`, `comment-list`,
/// `commentlist`, Disqus's and Vuukle's widgets); not `commentary` (an opinion piece),
/// `no-comments`, `has-comments` or `comments-count`.
fn names_comments(token: &str) -> bool {
    let t = token.to_ascii_lowercase();
    let part = |rest: &str| {
        matches!(
            rest,
            "list"
                | "area"
                | "section"
                | "thread"
                | "wrap"
                | "wrapper"
                | "container"
                | "box"
                | "block"
                | "widget"
        )
    };
    matches!(
        t.as_str(),
        "comments" | "comment" | "commentlist" | "disqus_thread" | "user-comments"
    ) || t
        .strip_prefix("comments-")
        .or_else(|| t.strip_prefix("comment-"))
        .is_some_and(part)
        || t.contains("vuukle")
}

/// Removes readers' comments from a page. Readability drops them only when it finds a
/// story long enough without them: around a short story it keeps them (trial 51: a
/// comment's commenter, a politician it named and a city came out as the story's people
/// and place). A container that holds the headline, or more than half the page's
/// paragraph text, is the story's own whatever its name, and stays.
fn without_comments(doc: &dom_query::Document) {
    let page = doc.select("p").text().len();
    for node in doc.select("[class], [id]").nodes() {
        let named = ["class", "id"]
            .iter()
            .filter_map(|a| node.attr(a))
            .any(|v| v.split_whitespace().any(names_comments));
        if !named || node.is("html, body, main") {
            continue;
        }
        let inside = dom_query::Selection::from(*node);
        if inside.select("h1").exists() || inside.select("p").text().len() * 2 > page {
            continue;
        }
        node.remove_from_parent();
    }
}

/// The story without what a page puts above it inside the article: the headline again
/// (the entry has it as its title; `titles` are the ways it may be spelt) and the `<time>`
/// line (the entry has its date).
fn without_heading(text: &str, titles: &[&str]) -> String {
    let titles: Vec<String> = titles
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    let mut paragraphs = text.split("\n\n").peekable();
    for _ in 0..3 {
        match paragraphs.peek() {
            Some(p) if titles.iter().any(|t| t == p) || crate::corpus::is_date_line(p) => {
                paragraphs.next();
            }
            _ => break,
        }
    }
    paragraphs.collect::<Vec<_>>().join("\n\n")
}

/// Paragraphs separated by one blank line, each line's runs of spaces folded to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_and_time_above_a_story_are_not_its_text() {
        let text = "बारिश का कहर\n\nTue, 04 Jun 2024 08:30:00 +0530\n\nशहर में बारिश हुई।\n\n4 जून 2024 को फिर होगी।";
        assert_eq!(
            without_heading(text, &["बारिश  का कहर"]),
            "शहर में बारिश हुई।\n\n4 जून 2024 को फिर होगी।"
        );
        assert_eq!(without_heading("शहर में बारिश हुई।", &[""]), "शहर में बारिश हुई।");
    }

    /// A page whose `<title>` is not its headline (a site's name after it): the headline
    /// is known by the entry's title, and the `<time>` line under it goes too (trial 46:
    /// the reader showed the headline twice).
    #[test]
    fn the_headline_is_known_by_the_entrys_title_too() {
        let story = "<p>मुंबई, 11 मार्च। शहर में मंगलवार को भारी बारिश हुई, जिससे लोकल ट्रेनें देर से चलीं और कई इलाक़ों में पानी भर गया। नगर निगम ने लोगों से घरों में रहने को कहा है।</p>".repeat(4);
        let headline = "मुंबई में भारी बारिश, लोकल ट्रेनें प्रभावित";
        let html = format!(
            "<html><head><title>ताज़ा ख़बरें | समाचार</title></head><body><article><h1>{headline}</h1>\
             <time>11 मार्च 2025</time>{story}</article></body></html>"
        );
        let (text, _) = readable(&html, "http://127.0.0.1/article/2.html", headline).unwrap();
        assert!(text.starts_with("मुंबई, 11 मार्च।"), "{text}");
    }

    #[test]
    fn blocks_become_paragraphs() {
        let t = html_to_text("<p>पहला   अनुच्छेद</p><div>दूसरा<br>तीसरा</div>&amp;");
        assert_eq!(t, "पहला अनुच्छेद\n\nदूसरा\n\nतीसरा\n\n&");
    }

    #[test]
    fn scripts_and_styles_are_not_text() {
        let t = html_to_text(
            "<p>मुंबई में भारी बारिश। <script>alert(1)</script></p><style>p { color: red }</style>\
             <noscript>जावास्क्रिप्ट चालू करें</noscript><p>दूसरा</p>",
        );
        assert_eq!(t, "मुंबई में भारी बारिश।\n\nदूसरा");
    }

    #[test]
    fn a_byline_is_the_writers_name() {
        for (line, name) in [
            (
                "लेखक: सुनील शर्मा | अपडेटेड: 07 जून 2024, 11:20 AM IST",
                Some("सुनील शर्मा"),
            ),
            ("By Asha Rao · June 7", Some("Asha Rao")),
            ("मनाली रस्तोगी", Some("मनाली रस्तोगी")),
            (" | ", None),
            ("Updated: 11:20 AM | By Asha Rao", Some("Asha Rao")),
        ] {
            assert_eq!(byline(line).as_deref(), name, "{line}");
        }
    }

    #[test]
    fn only_comment_containers_are_named_comments() {
        for t in [
            "comments",
            "Comments",
            "comment-list",
            "comments-area",
            "commentlist",
            "disqus_thread",
            "vuukle-comments",
        ] {
            assert!(names_comments(t), "{t}");
        }
        for t in [
            "commentary",
            "no-comments",
            "has-comments",
            "comments-count",
            "story",
        ] {
            assert!(!names_comments(t), "{t}");
        }
    }

    /// Trial 51: readers' comments under a short story were kept as its text.
    #[test]
    fn readers_comments_are_not_the_story() {
        let trending =
            "<li><a href='/t'>राजधानी में आज बड़ी रैली, कई नेता पहुंचे और सड़कों पर भारी भीड़ रही</a></li>"
                .repeat(12);
        let html = format!(
            "<html><head><title>किसान | साइट</title></head><body><div class='menu'><a href='/'>होम</a> | <a href='/d'>देश</a></div>\
             <div class='wrap'><div class='left'><h1>किसान</h1><div class='byline'>संवाददाता | 7 जून 2024</div>\
             <div class='content'><p>भोपाल में किसानों के लिए नई योजना की घोषणा हुई, जिसका लाभ प्रदेश के लाखों किसानों को मिलेगा।</p>\
             <p>योजना अगले महीने से लागू होगी और इसके लिए पंजीकरण गांवों में किया जाएगा।</p>\
             <div class='also'><strong>यह भी पढ़ें:</strong> <a href='/y'>दूसरी ख़बर</a></div><p>अधिकारियों ने कहा कि आवेदन ऑनलाइन भी किए जा सकेंगे।</p></div>\
             <div class='share'>शेयर करें: फ़ेसबुक ट्विटर</div>\
             <div class='comments'><h3>टिप्पणियाँ</h3><p>एक पाठक: बहुत अच्छी ख़बर, पटना में भी ऐसा होना चाहिए।</p>\
             <p>दूसरा पाठक: सही कदम।</p></div></div><div class='right'><h3>ट्रेंडिंग</h3><ul>{trending}</ul></div></div>\
             <footer>© साइट। सर्वाधिकार सुरक्षित।</footer></body></html>"
        );
        let html = html.as_str();
        let (text, _) = readable(html, "http://127.0.0.1/k", "किसान").unwrap();
        assert!(
            text.contains("नई योजना") && text.contains("पंजीकरण"),
            "{text}"
        );
        assert!(
            !text.contains("पटना") && !text.contains("टिप्पणियाँ") && !text.contains("सही कदम"),
            "{text}"
        );
    }

    #[test]
    fn readability_keeps_the_story_and_drops_the_menu() {
        use std::fmt::Write as _;
        let mut story = String::new();
        for i in 0..8 {
            let _ = write!(
                story,
                "<p>यह समाचार का {i}वां अनुच्छेद है, जिसमें मुंबई की बारिश और शहर के लोगों की परेशानियों का लंबा वर्णन किया गया है ताकि पाठ पूरा हो।</p>"
            );
        }
        let html = format!(
            "<html><head><title>बारिश</title></head><body><nav><ul><li><a href='/'>होम</a></li><li><a href='/x'>देश</a></li></ul></nav>\
             <article><h1>बारिश</h1>{story}</article><footer><a href='/s'>शेयर करें</a> कॉपीराइट</footer></body></html>"
        );
        let (text, _) = readable(&html, "http://127.0.0.1/a", "बारिश").unwrap();
        assert!(
            text.contains("0वां अनुच्छेद") && text.contains("7वां अनुच्छेद"),
            "{text}"
        );
        assert!(
            !text.contains("होम") && !text.contains("कॉपीराइट"),
            "{text}"
        );
        assert!(!is_summary(&text, false));
        assert!(is_summary("छोटा सार", true));
    }
}
