#!/usr/bin/env python3
"""A site of Hindi feeds for bench/feeds.sh: turns a JSON Lines corpus (from gen_corpus.py)
into FEEDS RSS feeds of ENTRIES summary-only entries each, and one article page per entry
with the chrome news sites carry (menu, share bar, related headlines, footer). The feeds are
spread over several loopback addresses, as feeds are over several sites.

  python3 bench/feed_site.py CORPUS.jsonl OUT_DIR --feeds 20 --entries 50 --hosts 4 --port 8765
Prints one feed URL per line.
"""

import argparse
import html
import json
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta
from pathlib import Path

CHROME_TOP = """<header><nav class="menu"><ul><li><a href="/">होम</a></li><li><a href="/desh">देश</a></li>
<li><a href="/videsh">विदेश</a></li><li><a href="/khel">खेल</a></li></ul></nav></header>
<div class="share"><a href="/s/fb">फ़ेसबुक पर शेयर करें</a> <a href="/s/tw">ट्विटर</a> <a href="/s/wa">व्हाट्सऐप</a></div>"""
CHROME_BOTTOM = """<aside class="related"><h3>ये भी पढ़ें</h3><ul>{links}</ul></aside>
<footer><p>हमारा ऐप डाउनलोड करें</p><p>© समाचार डॉट कॉम. सर्वाधिकार सुरक्षित.</p></footer>"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--hosts", type=int, default=4)
    ap.add_argument("--port", type=int, default=8765)
    a = ap.parse_args()
    records = [json.loads(l) for l in open(a.corpus, encoding="utf-8") if l.strip()]
    need = a.feeds * a.entries
    if len(records) < need:
        raise SystemExit(f"{a.corpus}: {len(records)} records, {need} needed")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 6, 1, tzinfo=timezone.utc)
    for f in range(a.feeds):
        host = f"127.0.0.{1 + f % a.hosts}"
        base = f"http://{host}:{a.port}"
        items = []
        for e in range(a.entries):
            r = records[f * a.entries + e]
            title = html.escape(r["title"])
            body = r.get("body") or r.get("text") or ""
            paras = [p for p in body.split("\n") if p.strip()]
            summary = html.escape(paras[0][:200] if paras else title)
            page = f"page-{f}-{e}.html"
            related = "".join(
                f'<li><a href="/page-{f}-{(e + k) % a.entries}.html">{html.escape(records[f * a.entries + (e + k) % a.entries]["title"])}</a></li>'
                for k in range(1, 5))
            story = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
            (out / page).write_text(
                f'<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
                f'{CHROME_TOP}<main><article><h1>{title}</h1>{story}</article>'
                f'{CHROME_BOTTOM.format(links=related)}</main></body></html>', encoding="utf-8")
            when = format_datetime(start + timedelta(hours=f * a.entries + e))
            items.append(f"<item><guid>{base}/{page}</guid><title>{title}</title><link>{base}/{page}</link>"
                         f"<description>{summary}</description><pubDate>{when}</pubDate></item>")
        (out / f"feed-{f}.xml").write_text(
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>फ़ीड {f}</title>'
            f'<link>{base}/</link>{"".join(items)}</channel></rss>', encoding="utf-8")
        print(f"{base}/feed-{f}.xml")


if __name__ == "__main__":
    main()
