//! HTTP for feeds and article pages, with nothing the network sends trusted: only `http`
//! and `https` URLs, a connection and a total timeout, at most five redirects, a cap on
//! every body (after gzip is undone, so a small compressed bomb cannot fill memory), a
//! User-Agent naming khabar, conditional GET for feeds, and one connection per host at a
//! time however many feeds are fetched at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ureq::http::Uri;

use super::FeedError;

/// The largest feed document read.
pub const FEED_CAP: u64 = 10 << 20;
/// The largest article page read.
pub const PAGE_CAP: u64 = 5 << 20;
const USER_AGENT: &str = concat!(
    "khabar/",
    env!("CARGO_PKG_VERSION"),
    " (terminal reader of Hindi news)"
);

/// Refuses anything but an absolute `http://` or `https://` URL with a host.
pub fn check_url(url: &str) -> Result<(), FeedError> {
    let bad = || FeedError::BadUrl {
        url: url.to_owned(),
    };
    let uri: Uri = url.parse().map_err(|e: ureq::http::uri::InvalidUri| {
        // An http(s) URL written wrong is said so, not "not an http(s) URL" (trial 56).
        let lower = url.trim().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let reason = if host_of(url.trim()).is_none() {
                "it names no host".to_owned()
            } else {
                url::Url::parse(url.trim())
                    .err()
                    .map_or_else(|| e.to_string(), |e| e.to_string())
            };
            FeedError::Malformed {
                url: url.to_owned(),
                reason,
            }
        } else {
            bad()
        }
    })?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if !scheme_ok {
        return Err(bad());
    }
    if uri.host().is_none_or(str::is_empty) {
        // `http://:80/f.xml`: http it is; what is wrong is the host (trial 58).
        return Err(FeedError::Malformed {
            url: url.to_owned(),
            reason: "it names no host".into(),
        });
    }
    Ok(())
}

/// The seconds a `Retry-After` header asks to wait (a number, or an HTTP date after
/// `now`), at most a day: a server's own word, not a reason to drop a feed for weeks.
pub fn retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<u64> {
    let value = value.trim();
    let seconds = if let Ok(s) = value.parse::<u64>() {
        s
    } else {
        let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
        u64::try_from((at.with_timezone(&chrono::Utc) - now).num_seconds()).ok()?
    };
    (seconds > 0).then_some(seconds.min(24 * 3600))
}

/// The host of an http(s) URL.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    Some(host).filter(|h| !h.is_empty())
}

/// Query keys that only say where a click came from (`utm_source`, BBC's `at_medium`,
/// `fbclid`…): a feed whose links rotate them gives the same story a new link each time.
fn tracking(key: &str) -> bool {
    const KEYS: [&str; 11] = [
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "ocid",
        "cmpid", "_ga",
    ];
    let key = key.to_ascii_lowercase();
    key.starts_with("utm_") || key.starts_with("at_") || KEYS.contains(&key.as_str())
}

/// Whether two links name the same page: equal, or equal once their tracking query
/// keys are dropped (the other keys keep their order: `?id=2` is not `?id=3`).
pub fn same_link(a: &str, b: &str) -> bool {
    a == b || bare_link(a) == bare_link(b)
}

/// A link without its tracking query keys (`utm_*`, `fbclid`, ...), normalised as a URL;
/// one that is no URL as it is.
pub fn bare_link(link: &str) -> String {
    let Ok(mut url) = url::Url::parse(link) else {
        return link.to_owned();
    };
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !tracking(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.into()
}

/// What a server said last time, to ask "only if changed".
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// A fetched body.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, for the charset.
    pub content_type: Option<String>,
    /// The URL after redirects, to resolve relative links against.
    pub final_url: String,
    pub validators: Validators,
}

/// Redirects followed before a fetch gives up.
const MAX_REDIRECTS: usize = 5;

/// What one request gave: the answer, or where to ask next.
enum Hop {
    Done(Option<Fetched>),
    Redirect(String),
}

/// The HTTP client all fetches of one run share.
pub struct Net {
    agent: ureq::Agent,
    /// The most one fetch may take, its redirects included.
    timeout: Duration,
    hosts: Mutex<HashMap<String, Arc<Mutex<()>>>>,
}

impl Net {
    /// A client whose requests each end after `timeout` (connection included).
    pub fn new(timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(timeout.min(CONNECT_WAIT)))
            .timeout_global(Some(timeout))
            // Redirects are followed by `get`, which checks where each one leads.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .build();
        Self {
            agent: config.into(),
            timeout,
            hosts: Mutex::default(),
        }
    }

    /// The feed at `url`; `None` when the server says it has not changed since `known`.
    pub fn feed(&self, url: &str, known: &Validators) -> Result<Option<Fetched>, FeedError> {
        self.get(url, known, FEED_CAP)
    }

    /// The page at `url`.
    pub fn page(&self, url: &str) -> Result<Fetched, FeedError> {
        self.get(url, &Validators::default(), PAGE_CAP)?
            .ok_or_else(|| FeedError::Network {
                url: url.to_owned(),
                reason: "304 Not Modified without a conditional request".into(),
            })
    }

    /// Follows at most [`MAX_REDIRECTS`] redirects itself, each checked as the first URL
    /// is (ureq took `Location: javascript:…` for a path on the same host), all within one
    /// timeout.
    fn get(&self, url: &str, known: &Validators, cap: u64) -> Result<Option<Fetched>, FeedError> {
        check_url(url)?;
        // One request at a time per host, so a fetch of many feeds is polite to each site;
        // the time allowed starts once it is this fetch's turn.
        let host = self.host_lock(host_of(url).unwrap_or_default());
        let _turn = host
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let deadline = std::time::Instant::now() + self.timeout;
        let mut at = url.to_owned();
        for _ in 0..=MAX_REDIRECTS {
            match self.get_once(url, &at, known, cap, deadline)? {
                Hop::Done(fetched) => return Ok(fetched),
                Hop::Redirect(next) => {
                    check_url(&next).map_err(|_| FeedError::Network {
                        url: url.to_owned(),
                        reason: format!(
                            "redirected to {next}, which is not an http(s) URL; not followed"
                        ),
                    })?;
                    at = next;
                }
            }
        }
        Err(FeedError::Network {
            url: url.to_owned(),
            reason: "too many redirects".into(),
        })
    }

    /// One request for `at` (reached from `url`, which errors name).
    fn get_once(
        &self,
        url: &str,
        at: &str,
        known: &Validators,
        cap: u64,
        deadline: std::time::Instant,
    ) -> Result<Hop, FeedError> {
        let net_error = |e: ureq::Error| {
            let (url, reason) = (url.to_owned(), describe(&e, self.timeout));
            if matches!(e, ureq::Error::Timeout(_)) {
                FeedError::TimedOut { url, reason }
            } else {
                FeedError::Network { url, reason }
            }
        };
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(net_error(ureq::Error::Timeout(ureq::Timeout::Global)));
        }
        let mut request = self.agent.get(at).header("Accept-Language", "hi, en;q=0.5");
        if let Some(etag) = &known.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let request = request.config().timeout_global(Some(left)).build();
        let mut response = request.call().map_err(net_error)?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        if matches!(status, 301 | 302 | 303 | 307 | 308)
            && let Some(location) = header("location")
        {
            if location.trim().is_empty() {
                return Err(FeedError::Network {
                    url: url.to_owned(),
                    reason: format!("HTTP {status} redirect without a location"),
                });
            }
            let next = url::Url::parse(at)
                .and_then(|base| base.join(location.trim()))
                .map_err(|_| FeedError::Network {
                    url: url.to_owned(),
                    reason: format!(
                        "redirected to {}, which is not a URL",
                        crate::text::sanitize::quoted(&location)
                    ),
                })?;
            return Ok(Hop::Redirect(next.into()));
        }
        if status == 304 {
            return Ok(Hop::Done(None));
        }
        if !(200..300).contains(&status) {
            let retry_after = matches!(status, 429 | 503)
                .then(|| header("retry-after"))
                .flatten()
                .and_then(|v| retry_after(&v, chrono::Utc::now()));
            return Err(FeedError::Status {
                url: url.to_owned(),
                status,
                retry_after,
            });
        }
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = at.to_owned();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(cap)
            .read_to_vec()
            .map_err(net_error)?;
        Ok(Hop::Done(Some(Fetched {
            bytes,
            content_type,
            final_url,
            validators,
        })))
    }

    fn host_lock(&self, host: &str) -> Arc<Mutex<()>> {
        let mut hosts = self
            .hosts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        hosts.entry(host.to_owned()).or_default().clone()
    }
}

/// The longest wait for a connection (a feed's whole timeout, if shorter).
const CONNECT_WAIT: Duration = Duration::from_secs(10);

/// A short reason a person can act on; a timeout says how long was waited (`timeout`, the
/// setting, or the shorter wait for a connection) and where to change it.
fn describe(e: &ureq::Error, timeout: Duration) -> String {
    match e {
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => format!(
            "no connection within {} s",
            timeout.min(CONNECT_WAIT).as_secs()
        ),
        ureq::Error::Timeout(_) => format!(
            "timed out after {} s (timeout_seconds in feeds.toml)",
            timeout.as_secs()
        ),
        ureq::Error::TooManyRedirects => "too many redirects".into(),
        ureq::Error::BodyExceedsLimit(n) => format!("larger than {} MiB; not read", n >> 20),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Io(io) => format!("connection error: {io}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Retry-After` in seconds or as an HTTP date; nothing for a date passed or junk;
    /// at most a day.
    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(retry_after("120", now), Some(120));
        assert_eq!(retry_after("Sun, 06 Dec 2026 10:05:00 GMT", now), Some(300));
        assert_eq!(retry_after("Sun, 06 Dec 2026 09:05:00 GMT", now), None);
        assert_eq!(retry_after("soon", now), None);
        assert_eq!(retry_after("9999999", now), Some(24 * 3600));
    }

    /// Trial 56: an http URL written wrong said "not an http(s) URL".
    #[test]
    fn an_http_url_written_wrong_says_what_is_wrong() {
        let said = |u: &str| check_url(u).unwrap_err().to_string();
        assert!(
            said("http://[::1:8792/y.xml").contains("not a valid URL"),
            "{}",
            said("http://[::1:8792/y.xml")
        );
        assert!(said("ftp://example.com/f").contains("not an http(s) URL"));
        assert!(said("http://:80/f.xml").contains("not a valid URL: it names no host"));
    }

    #[test]
    fn links_that_differ_only_by_tracking_keys_are_one_link() {
        let page = "https://www.example.org/news/a-1";
        assert!(same_link(
            page,
            &format!("{page}?utm_source=rss&at_medium=RSS")
        ));
        assert!(same_link(
            &format!("{page}?id=2&utm_campaign=x"),
            &format!("{page}?fbclid=abc&id=2")
        ));
        assert!(!same_link(&format!("{page}?id=2"), &format!("{page}?id=3")));
        assert!(!same_link(
            page,
            "https://www.example.org/news/a-2?utm_source=rss"
        ));
        assert!(!same_link("not a url", "not a url either"));
    }

    #[test]
    fn only_http_urls_with_hosts_pass() {
        assert!(check_url("https://example.org/rss.xml").is_ok());
        assert!(check_url("http://127.0.0.1:8080/a").is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://x/y",
            "javascript:alert(1)",
            "/rss.xml",
            "http://",
            "",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
        assert_eq!(
            host_of("https://user@www.example.org:8/x?y"),
            Some("www.example.org:8")
        );
    }
}
