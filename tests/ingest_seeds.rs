//! Ingest on the five sample articles: title, source, byline, publication date, dateline
//! and site chrome, with expectations written from reading each file by hand.

use khabar::corpus::{self, Article, ChromeKind};

fn seed(prefix: &str) -> Article {
    corpus::seeds()
        .into_iter()
        .find(|a| a.path.contains(prefix))
        .expect("seed exists")
}

fn chrome(article: &Article) -> Vec<(ChromeKind, &str)> {
    article
        .chrome
        .iter()
        .map(|c| (c.kind, c.span.of(&article.text)))
        .collect()
}

fn published(article: &Article) -> Option<String> {
    article.published.and_then(|p| p.value())
}

/// No content region (what extraction reads) may overlap chrome.
#[track_caller]
fn assert_chrome_excluded(article: &Article) {
    for region in article.content_regions() {
        assert!(
            !article.in_chrome(region),
            "{}: region {:?} is chrome",
            article.path,
            region.of(&article.text)
        );
    }
}

#[test]
fn jagran_article() {
    let a = seed("000_");
    assert!(
        a.title
            .starts_with("Vladimir Putin North Korea Visit: उत्तर कोरिया की यात्रा करेंगे")
    );
    assert!(a.title.ends_with("किम जोंग उन से करेंगे मुलाकात"));
    assert_eq!(a.source.as_deref(), Some("Jagran"));
    assert_eq!(a.byline.as_deref(), Some("Agency, edited by Sonu Gupta"));
    assert_eq!(published(&a).as_deref(), Some("2024-01-21"));
    let p = a.published.unwrap();
    assert_eq!(p.time, Some((18, 51)));
    assert_eq!(p.utc_offset_minutes, Some(330));
    assert_eq!(a.dateline.as_deref(), Some("सियोल"));
    let c = chrome(&a);
    assert_eq!(c[0], (ChromeKind::Banner, "Move to Jagran APP"));
    assert_eq!(c[1], (ChromeKind::Image, "Hero Image"));
    assert_eq!(c[2].0, ChromeKind::ReadAlso);
    assert!(
        c[2].1
            .starts_with("यह भी पढ़ेंः\u{a0}North Korea ने किया बैलिस्टिक मिसाइल का परीक्षण")
    );
    assert_eq!(c.len(), 3);
    // The summary, the caption and eleven paragraphs and headings in all; the last one is
    // the closing paragraph about western concern.
    assert!(
        a.paragraph_texts()
            .last()
            .unwrap()
            .starts_with("मालूम हो कि हाल ही के वर्षों में")
    );
    assert!(
        !a.paragraph_texts()
            .any(|p| p.contains("Hero Image") || p.contains("यह भी पढ़ें"))
    );
    assert_chrome_excluded(&a);
}

#[test]
fn siyasi_miyar_article() {
    let a = seed("001_");
    assert_eq!(a.title, "पुतिन ने किम जोंग उन का निमंत्रण का स्वीकारा…");
    assert_eq!(a.source.as_deref(), Some("Siyasi Miyar"));
    assert_eq!(a.byline, None);
    // The dateline gives day and month but no year.
    assert_eq!(published(&a).as_deref(), Some("XXXX-09-14"));
    assert_eq!(a.dateline.as_deref(), Some("प्योंगयांग"));
    assert_eq!(
        chrome(&a),
        [(
            ChromeKind::Footer,
            "Siyasi Miyar | News & information Portal Latest News & Information Portal"
        )]
    );
    // Each line of this scrape is a paragraph, the broken "वास्त|विक" line included.
    assert_eq!(a.paragraphs.len(), 16);
    assert!(
        a.paragraph_texts()
            .any(|p| p.starts_with("विक अंतरराष्ट्रीय न्याय"))
    );
    assert_chrome_excluded(&a);
}

#[test]
fn update_line_article() {
    let a = seed("002_");
    assert!(
        a.title
            .starts_with("Vladimir Putin North Korea Visit: 24 साल बाद North Korea पहुंचे पुतिन")
    );
    assert_eq!(a.source, None);
    assert_eq!(a.byline, None);
    assert_eq!(published(&a).as_deref(), Some("2024-06-19"));
    let p = a.published.unwrap();
    assert_eq!((p.time, p.utc_offset_minutes), (Some((7, 5)), Some(0)));
    assert_eq!(
        a.byline_span.map(|s| s.of(&a.text)),
        Some("Update: 2024-06-19 07:05 GMT")
    );
    let kinds: Vec<ChromeKind> = a.chrome.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChromeKind::Tags, ChromeKind::Related]);
    assert_eq!(chrome(&a)[1].1, "Similar News");
    assert!(
        a.paragraph_texts()
            .last()
            .unwrap()
            .starts_with("दक्षिण कोरिया ने भी पुतिन")
    );
    assert_chrome_excluded(&a);
}

#[test]
fn lokmat_style_article_with_related_headlines() {
    let a = seed("003_");
    assert!(a.title.starts_with("पुतिन ने किम जोंग उन को लिखा पत्र"));
    assert_eq!(a.source, None);
    assert_eq!(a.byline.as_deref(), Some("मनाली रस्तोगी"));
    assert_eq!(published(&a).as_deref(), Some("2022-08-15"));
    let p = a.published.unwrap();
    assert_eq!((p.time, p.utc_offset_minutes), (Some((7, 40)), Some(330)));
    assert_eq!(a.dateline.as_deref(), Some("सियोल"));
    let c = chrome(&a);
    let kinds: Vec<ChromeKind> = c.iter().map(|c| c.0).collect();
    assert_eq!(
        kinds,
        [
            ChromeKind::Banner,
            ChromeKind::Banner,
            ChromeKind::Tags,
            ChromeKind::Banner,
            ChromeKind::Related
        ]
    );
    // The scrape keeps a no-break space before the colon.
    assert_eq!(c[0].1, "लाइव न्यूज़\u{a0}:");
    assert!(c[2].1.starts_with("टॅग्स :व्लादिमीर पुतिन"));
    // The related list runs from its heading to the end of the page, with the politicians
    // named only there.
    let related = c[4].1;
    assert!(related.starts_with("संबंधित खबरें"));
    assert!(related.ends_with("चिंताजनक आंकड़ें सामने आए"));
    for name in ["शशि थरूर", "राहुल गांधी", "खड़गे", "मोदी"]
    {
        assert!(related.contains(name));
        assert!(
            !a.content_regions()
                .iter()
                .any(|r| r.of(&a.text).contains(name)),
            "{name} outside chrome"
        );
    }
    assert_chrome_excluded(&a);
}

#[test]
fn article_without_date_or_source() {
    let a = seed("004_");
    assert_eq!(
        a.title,
        "रूसी राष्ट्रपति पुतिन अगले सप्ताह उत्तर कोरिया का दौरा करेंगे"
    );
    assert_eq!(
        (a.source.as_deref(), a.byline.as_deref(), published(&a)),
        (None, None, None)
    );
    assert_eq!(a.dateline.as_deref(), Some("मास्को"));
    assert!(a.chrome.is_empty());
    assert_eq!(a.paragraphs.len(), 5);
}

#[test]
fn embedded_seeds_match_the_seed_folder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = corpus::load(&[dir]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let embedded = corpus::seeds();
    assert_eq!(loaded.articles.len(), 5);
    for (a, b) in loaded.articles.iter().zip(&embedded) {
        assert_eq!(a.text, b.text);
        assert!(a.path.ends_with(b.path.trim_start_matches("seeds/")));
    }
}

/// A page's date line above the story (`Wed, 05 Jun 2024 10:00 +0530`) is no dateline:
/// its weekday was taken for the place the story was filed from, and listed as a place.
#[test]
fn an_english_date_line_names_no_place() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Wed, 05 Jun 2024 10:00:00 +0530\n\nदिल्ली में सभा हुई और लोग आए।";
    let txt = dir.path().join("a.txt");
    std::fs::write(&txt, format!("दिल्ली में बैठक\n\n{body}")).unwrap();
    let jsonl = dir.path().join("b.jsonl");
    let record = serde_json::json!({ "title": "दिल्ली में बैठक", "body": body });
    std::fs::write(&jsonl, format!("{record}\n")).unwrap();
    // A date line that runs into the story, as a dateline does (`नई दिल्ली, 5 जून ।`).
    let run_on = dir.path().join("c.jsonl");
    let record = serde_json::json!({
        "title": "दिल्ली में बैठक",
        "body": "Wed, 05 Jun 2024 । दिल्ली में सभा हुई और लोग आए।",
    });
    std::fs::write(&run_on, format!("{record}\n")).unwrap();
    for file in [txt, jsonl, run_on] {
        let mut problems = Vec::new();
        let article = khabar::corpus::read_file(&file, &mut problems).remove(0);
        assert_eq!(article.dateline, None, "{}", file.display());
        let found = khabar::extract::analyse(&article).entities;
        let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["दिल्ली"], "{}", file.display());
    }
}
