#!/usr/bin/env python3
"""Synthetic Hindi news corpus for khabar's benchmarks and scale tests.

Five real pages are too few to measure ingest or extraction throughput, and a
real crawl cannot be shipped, so this script recombines the paragraphs and
headlines of seeds/*.txt (read at run time) into as many articles as asked:
names swapped from an inline list, publication dates spread over 2015-2026 in
the byline forms the seeds use, and site chrome in a random subset of articles.
Standard library only; the same --seed gives byte-identical output.

  python3 bench/gen_corpus.py --out DIR --count N [--seed S] [--format txt|jsonl|both]
                              [--min-kb 3 --max-kb 8] | --size-mb M instead of --count
"""

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path

# Each person: full name, short name, Latin full, Latin short; extra spellings
# found in news copy follow and are read as the full name.
PEOPLE = [
    ("नरेंद्र मोदी", "मोदी", "Narendra Modi", "Modi"),
    ("व्लादिमीर पुतिन", "पुतिन", "Vladimir Putin", "Putin"),
    ("किम जोंग उन", "किम", "Kim Jong Un", "Kim", "किम जोंग-उन", "किम जोंग"),
    ("जो बाइडन", "बाइडन", "Joe Biden", "Biden"),
    ("डोनाल्ड ट्रंप", "ट्रंप", "Donald Trump", "Trump"),
    ("शी जिनपिंग", "जिनपिंग", "Xi Jinping", "Xi"),
    ("फुमियो किशिदा", "किशिदा", "Fumio Kishida", "Kishida"),
    ("वोलोदिमीर जेलेंस्की", "जेलेंस्की", "Volodymyr Zelensky", "Zelensky"),
    ("इमैनुएल मैक्रों", "मैक्रों", "Emmanuel Macron", "Macron"),
    ("ऋषि सुनक", "सुनक", "Rishi Sunak", "Sunak"),
    ("शहबाज शरीफ", "शरीफ", "Shehbaz Sharif", "Sharif"),
    ("बेंजामिन नेतन्याहू", "नेतन्याहू", "Benjamin Netanyahu", "Netanyahu"),
    ("यून सुक-योल", "यून", "Yoon Suk Yeol", "Yoon"),
    ("एंटोनियो गुटेरेस", "गुटेरेस", "Antonio Guterres", "Guterres"),
    ("सर्गेई लावरोव", "लावरोव", "Sergei Lavrov", "Lavrov", "सर्जई लावरोव"),
    ("दमित्री पेस्कोव", "पेस्कोव", "Dmitry Peskov", "Peskov"),
    ("चोए सोन हुई", "चोए", "Choe Son Hui", "Choe"),
    ("बोरिस येल्तसिन", "येल्तसिन", "Boris Yeltsin", "Yeltsin"),
    ("राहुल गांधी", "राहुल", "Rahul Gandhi", "Rahul"),
    ("अमित शाह", "शाह", "Amit Shah", "Shah"),
    ("एस जयशंकर", "जयशंकर", "S Jaishankar", "Jaishankar"),
    ("राजनाथ सिंह", "राजनाथ", "Rajnath Singh", "Rajnath"),
    ("मल्लिकार्जुन खड़गे", "खड़गे", "Mallikarjun Kharge", "Kharge"),
    ("शशि थरूर", "थरूर", "Shashi Tharoor", "Tharoor"),
    ("ममता बनर्जी", "ममता", "Mamata Banerjee", "Mamata"),
    ("अरविंद केजरीवाल", "केजरीवाल", "Arvind Kejriwal", "Kejriwal"),
    ("योगी आदित्यनाथ", "योगी", "Yogi Adityanath", "Yogi"),
    ("नीतीश कुमार", "नीतीश", "Nitish Kumar", "Nitish"),
]
# Country: name, adjective, Latin, extra spellings.
COUNTRIES = [
    ("भारत", "भारतीय", "India"), ("चीन", "चीनी", "China"), ("जापान", "जापानी", "Japan"),
    ("रूस", "रूसी", "Russia"), ("अमेरिका", "अमेरिकी", "America", "संयुक्त राज्य अमेरिका"),
    ("उत्तर कोरिया", "उत्तर कोरियाई", "North Korea"),
    ("दक्षिण कोरिया", "दक्षिण कोरियाई", "South Korea"),
    ("यूक्रेन", "यूक्रेनी", "Ukraine"), ("पाकिस्तान", "पाकिस्तानी", "Pakistan"),
    ("फ्रांस", "फ्रांसीसी", "France"), ("ब्रिटेन", "ब्रिटिश", "Britain"),
    ("जर्मनी", "जर्मन", "Germany"), ("इजराइल", "इजराइली", "Israel"), ("ईरान", "ईरानी", "Iran"),
    ("वियतनाम", "वियतनामी", "Vietnam"), ("नेपाल", "नेपाली", "Nepal"),
    ("बांग्लादेश", "बांग्लादेशी", "Bangladesh"), ("श्रीलंका", "श्रीलंकाई", "Sri Lanka"),
    ("ऑस्ट्रेलिया", "ऑस्ट्रेलियाई", "Australia"), ("कनाडा", "कनाडाई", "Canada"),
]
CITIES = [
    ("दिल्ली", "नई दिल्ली"), ("मुंबई",), ("कोलकाता",), ("चेन्नई",), ("बेंगलुरु",), ("हैदराबाद",),
    ("लखनऊ",), ("पटना",), ("जयपुर",), ("भोपाल",), ("अहमदाबाद",), ("पुणे",), ("वाराणसी",),
    ("श्रीनगर",), ("गुवाहाटी",), ("चंडीगढ़",), ("मास्को", "मॉस्को"), ("प्योंगयांग",), ("सियोल",),
    ("बीजिंग",), ("टोक्यो",), ("वाशिंगटन",), ("लंदन",), ("पेरिस",), ("कीव",), ("इस्लामाबाद",),
    ("काठमांडू",), ("ढाका",), ("व्लादिवोस्तोक",), ("न्यूयॉर्क",), ("जिनेवा",), ("दुबई",),
]
PARTIES = [
    ("भाजपा",), ("कांग्रेस",), ("आम आदमी पार्टी",), ("समाजवादी पार्टी",), ("तृणमूल कांग्रेस",),
    ("शिवसेना",), ("जदयू",), ("राजद",), ("बसपा",), ("द्रमुक",),
]
AGENCIES = [
    ("केसीएनए",), ("योनहाप",), ("रायटर", "रॉयटर्स"), ("एनएचके",), ("पीटीआई",), ("एएनआई",),
    ("आईएएनएस",), ("एएफपी",), ("सिन्हुआ",), ("तास",),
]
ORGS = [
    ("संयुक्त राष्ट्र",), ("नाटो",), ("विश्व बैंक",), ("अंतरराष्ट्रीय मुद्रा कोष",),
    ("विश्व स्वास्थ्य संगठन",), ("यूरोपीय संघ",), ("चुनाव आयोग",), ("सुप्रीम कोर्ट",),
    ("रिजर्व बैंक",), ("सीबीआई",), ("इसरो",), ("क्रेमलिन",), ("व्हाइट हाउस",), ("पेंटागन",),
]
WEEKDAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]
MONTHS_HI = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
             "अक्टूबर", "नवंबर", "दिसंबर"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
DAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# Sentences of our own, so that parties, agencies and Indian places turn up too;
# names in them are swapped like the seeds' and {DATE} becomes a past date.
FILLER = [
    "इस बीच भाजपा ने कांग्रेस पर निशाना साधते हुए कहा कि विपक्ष इस मुद्दे पर राजनीति कर रहा है।",
    "विदेश मंत्री एस जयशंकर ने दिल्ली में संवाददाताओं से कहा कि भारत हालात पर करीबी नजर रखे हुए है।",
    "समाचार एजेंसी पीटीआई के अनुसार, बैठक में दोनों देशों के वरिष्ठ अधिकारी भी मौजूद थे।",
    "संयुक्त राष्ट्र महासचिव एंटोनियो गुटेरेस ने सभी पक्षों से संयम बरतने की अपील की है।",
    "कांग्रेस नेता राहुल गांधी ने सरकार से इस मामले में संसद को विश्वास में लेने की मांग की।",
    "अधिकारियों ने बताया कि मुंबई और कोलकाता में भी सुरक्षा व्यवस्था कड़ी कर दी गई है।",
    "जानकारों का मानना है कि इस घटनाक्रम का असर चीन और जापान के रिश्तों पर भी पड़ सकता है।",
    "प्रधानमंत्री नरेंद्र मोदी ने सोमवार को इस विषय पर एक उच्चस्तरीय बैठक की अध्यक्षता की।",
    "रिजर्व बैंक के एक अधिकारी ने नाम न छापने की शर्त पर बताया कि स्थिति नियंत्रण में है।",
    "आम आदमी पार्टी के प्रवक्ता ने कहा कि पार्टी इस मुद्दे को हर मंच पर उठाएगी।",
    "एएनआई से बातचीत में अमित शाह ने कहा कि कानून अपना काम करेगा।",
    "विश्व बैंक की ताजा रिपोर्ट में कहा गया है कि क्षेत्र की अर्थव्यवस्था पर इसका असर दिखेगा।",
    "इससे पहले {DATE} को लखनऊ में हुई बैठक में भी यह मुद्दा उठा था।",
    "गौरतलब है कि {DATE} को दोनों नेताओं की पहली मुलाकात जिनेवा में हुई थी।",
    "चुनाव आयोग ने {DATE} को जारी अपने आदेश में सभी दलों से आचार संहिता का पालन करने को कहा था।",
    "सूत्रों के मुताबिक, शी जिनपिंग और जो बाइडन के बीच अगली वार्ता {DATE} को प्रस्तावित है।",
]
PORTALS = [  # invented: (Hindi name, Latin name, domain)
    ("खबर दर्पण", "Khabar Darpan", "khabar-darpan.example"),
    ("समाचार सेतु", "Samachar Setu", "samachar-setu.example"),
    ("सियासी संदेश", "Siyasi Sandesh", "siyasi-sandesh.example"),
    ("देश दुनिया लाइव", "Desh Duniya Live", "desh-duniya.example"),
    ("नव भारत संवाद", "Nav Bharat Samvad", "nbsamvad.example"),
]
EDITORS = (["Sonu", "Abhishek", "Priyanka", "Rajeev", "Neha", "Ankit", "Shalini", "Manish"],
           ["Gupta", "Sharma", "Singh", "Mishra", "Verma", "Pandey", "Tiwari", "Jha"])
AUTHORS = (["मनाली", "अंकित", "प्रिया", "रोहित", "स्नेहा", "विवेक", "अंजलि", "सौरभ"],
           ["रस्तोगी", "शर्मा", "सिंह", "मिश्रा", "वर्मा", "पांडेय", "तिवारी", "त्रिपाठी"])
CATEGORIES = ["भारत", "विश्व", "राजनीति", "कारोबार"]
STYLES = ["jagran", "gmt", "lokmat", "dateline", "none"]
STYLE_WEIGHTS = [25, 20, 20, 20, 15]
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2026, 12, 31)


def name_table():
    """Entries per kind, each a dict form -> text with every form of its kind filled in,
    and the surface strings to look for in the seeds, each with (kind, index, form)."""
    kinds = {"person": [], "country": [], "city": [], "party": [], "agency": [], "org": []}
    surfaces = {}
    for row in PEOPLE:
        forms = {"full": row[0], "short": row[1], "latin": row[2], "latin_short": row[3]}
        add_entry(kinds["person"], surfaces, "person", forms, row[4:])
    for row in COUNTRIES:
        forms = {"full": row[0], "adj": row[1], "latin": row[2]}
        add_entry(kinds["country"], surfaces, "country", forms, row[3:])
    for kind, rows in (("city", CITIES), ("party", PARTIES), ("agency", AGENCIES), ("org", ORGS)):
        for row in rows:
            add_entry(kinds[kind], surfaces, kind, {"full": row[0]}, row[1:])
    for i, day in enumerate(WEEKDAYS):
        surfaces[day] = ("weekday", i, "full")
    return kinds, surfaces


def add_entry(entries, surfaces, kind, forms, aliases):
    idx = len(entries)
    entries.append(forms)
    for form, text in forms.items():
        surfaces.setdefault(text, (kind, idx, form))
    for alias in aliases:
        surfaces.setdefault(alias, (kind, idx, "full"))


KINDS, SURFACES = name_table()
# Longest first so that उत्तर कोरियाई wins over उत्तर कोरिया and रूसी over रूस; the
# look-arounds keep names from matching inside longer words (प्राचीन, बादशाह).
NAME_RE = re.compile(
    r"(?<![\u0900-\u097FA-Za-z])(?:"
    + "|".join(re.escape(s) for s in sorted(SURFACES, key=len, reverse=True))
    + r"|\{DATE\})(?![\u0900-\u097FA-Za-z])"
)


def compile_template(text):
    """Split text once into literal pieces and name slots so that rendering an
    article is a join, not a regex pass: that is what makes 100,000 articles cheap."""
    parts, pos = [], 0
    for m in NAME_RE.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        parts.append(("date", 0, "") if m.group() == "{DATE}" else SURFACES[m.group()])
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return tuple(parts)


CHROME_RE = re.compile(r"^(Move to Jagran APP|Open in App|लाइव न्यूज़|Hero Image|Tags:|टॅग्स|"
                       r"Similar News|संबंधित खबरें|ठळक मुद्दे)|अधिक खबरें|Portal|की रिपोर्ट$")
RELATED_RE = re.compile(r"^(Similar News|संबंधित खबरें)|अधिक खबरें")
BYLINE_RE = re.compile(r"^(By |Update:|Updated:)")
READ_ALSO_RE = re.compile(r"^यह भी पढ़ें\S*\s*")
CATEGORY_RE = re.compile("^(?:" + "|".join(CATEGORIES) + r")(?=\S)")
DATELINE_RE = re.compile(r"^(?:[A-Za-z][A-Za-z .'-]{0,60}:|[^\s।:,]+(?:, [^\s।:,\d]+)?"
                         r"(?:, \d{1,2} [^\s।]+)? ?[।:])\s+")
END_PUNCT = ("।", "?", "!", "”", '"', "…", ".")


def read_seeds(folder):
    """Headlines, paragraphs and sentences from the seed pages, chrome and bylines dropped."""
    headlines, paragraphs = [], []
    for path in sorted(Path(folder).glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        # A long line with no end punctuation was hard-wrapped mid-word (seed 001).
        joined = []
        for ln in lines:
            if joined and len(joined[-1]) > 130 and not joined[-1].endswith(END_PUNCT) and ln:
                joined[-1] += ln
            else:
                joined.append(ln)
        related = caption = False
        for ln in joined:
            if not ln:
                continue
            if READ_ALSO_RE.match(ln):
                headlines.append(READ_ALSO_RE.sub("", ln))
            elif RELATED_RE.search(ln):
                related = True
            elif ln.startswith("Hero Image"):
                caption = True
            elif CHROME_RE.search(ln) or BYLINE_RE.match(ln):
                pass
            elif caption or related or len(ln) < 130 and "।" not in ln:
                headlines.append(CATEGORY_RE.sub("", ln).rstrip("।").strip())
                caption = False
            elif len(ln) >= 60:
                paragraphs.append(DATELINE_RE.sub("", ln, count=1))
    headlines = list(dict.fromkeys(h for h in headlines if h))
    paragraphs = list(dict.fromkeys(paragraphs))
    if not headlines or not paragraphs:
        sys.exit(f"no usable seed articles in {folder}")
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[।?!])\s+", p)
                 if len(s) >= 40 and not any(q in s for q in "“”\"")]
    sentences += FILLER
    return ([compile_template(h) for h in headlines], [compile_template(p) for p in paragraphs],
            [compile_template(s) for s in sentences], [compile_template(s) for s in FILLER])


class Names:
    """One article's consistent swap: each seed name maps to one other name of its
    kind for the whole article, and weekdays fall just before the publication date."""

    def __init__(self, rng, published):
        self.rng, self.published = rng, published
        self.map, self.used, self.order = {}, set(), []

    def render(self, template):
        return "".join(p if p.__class__ is str else self.slot(p) for p in template)

    def slot(self, part):
        kind, idx, form = part
        if kind == "date":
            return self.past_date()
        key = (kind, idx)
        target = self.map.get(key)
        if target is None:
            target = self.pick(kind)
            self.map[key] = target
        if kind == "weekday":
            return target
        entry = KINDS[kind][target]
        return entry.get(form) or entry["full"]

    def pick(self, kind):
        rng = self.rng
        if kind == "weekday":
            if self.published is None:
                return rng.choice(WEEKDAYS)
            return WEEKDAYS[(self.published - dt.timedelta(days=rng.randrange(5))).weekday()]
        n = len(KINDS[kind])
        for _ in range(6):
            target = rng.randrange(n)
            if (kind, target) not in self.used:
                break
        self.used.add((kind, target))
        if kind in ("person", "country", "org", "party"):
            self.order.append(KINDS[kind][target]["full"])
        return target

    def past_date(self):
        anchor = self.published or random_day(self.rng)
        day = anchor - dt.timedelta(days=self.rng.randrange(15, 1500))
        if self.rng.random() < 0.3:
            return f"{MONTHS_HI[day.month - 1]} {day.year}"
        return f"{day.day} {MONTHS_HI[day.month - 1]} {day.year}"


def random_day(rng):
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def byline(rng, style, when, city):
    """The date line in one of the forms the seeds use; `when` is a datetime."""
    d = when.date()
    if style == "jagran":
        editor = f"{rng.choice(EDITORS[0])} {rng.choice(EDITORS[1])}"
        hour12 = when.hour % 12 or 12
        return (f"By Agency Edited By: {editor} Updated: {DAYS_EN[d.weekday()]}, {d.day:02d} "
                f"{MONTHS_EN[d.month - 1][:3]} {d.year} {hour12:02d}:{when.minute:02d} "
                f"{'PM' if when.hour >= 12 else 'AM'} (IST)")
    if style == "gmt":
        return f"Update: {d.isoformat()} {when.hour:02d}:{when.minute:02d} GMT"
    if style == "lokmat":
        author = f"{rng.choice(AUTHORS[0])} {rng.choice(AUTHORS[1])}"
        return (f"By {author} | Updated: {MONTHS_EN[d.month - 1]} {d.day}, {d.year} "
                f"{when.hour:02d}:{when.minute:02d} IST")
    return f"{city}, {d.day} {MONTHS_HI[d.month - 1]} ।"


class Generator:
    """Articles from the seed pools; every random choice goes through one `rng`."""

    def __init__(self, seeds, rng, min_bytes, max_bytes):
        self.headlines, self.paragraphs, self.sentences, self.filler = read_seeds(seeds)
        # Subheads like "वैश्विक हलचल" are too short to stand as a page's title.
        self.titles = [h for h in self.headlines
                       if sum(len(p) for p in h if p.__class__ is str) >= 25]
        self.rng, self.min_bytes, self.max_bytes = rng, min_bytes, max_bytes

    def fresh(self, pool, seen):
        """A template from `pool` not yet used in this article, if a few tries find one."""
        for _ in range(4):
            i = self.rng.randrange(len(pool))
            if (id(pool), i) not in seen:
                break
        seen.add((id(pool), i))
        return pool[i]

    def paragraph(self, names, seen):
        rng = self.rng
        if rng.random() < 0.35:
            picks = [self.fresh(self.sentences, seen) for _ in range(rng.randint(2, 5))]
            return " ".join(names.render(s) for s in picks)
        text = names.render(self.fresh(self.paragraphs, seen))
        if rng.random() < 0.3:
            text += " " + names.render(self.fresh(self.filler, seen))
        return text

    def related(self, lokmat):
        """Other stories' headlines, each with its own names."""
        rng, out = self.rng, []
        for _ in range(rng.randint(3, 5)):
            names = Names(rng, None)
            head = names.render(rng.choice(self.titles))
            out.append(rng.choice(CATEGORIES) + head if lokmat else head)
        return out

    def article(self, number):
        """One article as (file text, JSONL record)."""
        rng = self.rng
        style = rng.choices(STYLES, STYLE_WEIGHTS)[0]
        when = None
        if style != "none":
            when = dt.datetime.combine(random_day(rng),
                                       dt.time(rng.randrange(24), rng.randrange(60)))
        published = when.date() if when else None
        names = Names(rng, published)
        portal = rng.choice(PORTALS)
        lokmat = style == "lokmat" or (style == "none" and rng.random() < 0.3)
        city = KINDS["city"][rng.randrange(len(KINDS["city"]))]["full"]
        head, title_at = self.head(names, style, lokmat, when, city)
        if style == "dateline":
            lead = byline(rng, style, when, city) + " "
        else:
            agency = KINDS["agency"][rng.randrange(len(KINDS["agency"]))]["full"]
            lead = rng.choice([f"{agency}, {city}। ", f"{city}: ", f"{city}। ", ""])
        # Tags name the article's people and places, known only once the body is written.
        want_tags = rng.random() < 0.4
        tail = self.tail(lokmat, portal)
        sep = "\n" if style == "dateline" else "\n\n"
        gap = len(sep)
        # Chrome may take at most half of a small --max-kb, or no body would fit.
        while tail and text_bytes(head + tail, gap) > self.max_bytes // 2:
            tail.pop()
        if text_bytes(head + tail, gap) > self.max_bytes // 2:
            head = [b for i, b in enumerate(head) if i == title_at or BYLINE_RE.match(b)]
            title_at = 0
        body, size = self.body(names, lead, gap, text_bytes(head + tail, gap))
        if want_tags:
            tags = tag_line(names.order, lokmat, min(250, self.max_bytes - size - gap))
            if tags:
                tail.insert(0, tags)
        blocks = head + body + tail
        section = rng.choice(["world", "india", "politics"])
        folder = published.year if published else "news"
        record = {
            "title": head[title_at],
            "body": sep.join(blocks[:title_at] + blocks[title_at + 1:]) + "\n",
            "published": published.isoformat() if published else None,
            "source": portal[1],
            "url": f"https://www.{portal[2]}/{section}/{folder}/"
                   f"{number:08d}-{rng.getrandbits(32):08x}.html",
        }
        return sep.join(blocks) + "\n", record

    def head(self, names, style, lokmat, when, city):
        """Blocks before the body, and where the title stands among them."""
        rng, head = self.rng, []
        if rng.random() < 0.4:
            head.append("लाइव न्यूज़ :" if lokmat else
                        rng.choice(["Move to Jagran APP", "Open in App"]))
        title_at = len(head)
        head.append(names.render(rng.choice(self.titles)))
        if style in ("jagran", "gmt", "lokmat"):
            if rng.random() < 0.7:
                head.append(names.render(rng.choice(self.sentences)))
            head.append(byline(rng, style, when, city))
            if lokmat and rng.random() < 0.5:
                head.append("Open in App")
            if lokmat and rng.random() < 0.4:
                points = [names.render(rng.choice(self.sentences)).rstrip("।") for _ in range(3)]
                head.append("ठळक मुद्दे " + "".join(points) + "।")
            if rng.random() < 0.4:
                caption = names.render(rng.choice(self.titles)).rstrip("।…?.")
                head.append("Hero Image\n" + caption + "।")
        return head, title_at

    def tail(self, lokmat, portal):
        rng, tail = self.rng, []
        if rng.random() < 0.4:
            tail.append(("संबंधित खबरें" if lokmat else "Similar News"))
            tail.extend(self.related(lokmat))
        if rng.random() < 0.25:
            tail.append(f"{portal[0]} की रिपोर्ट")
        if rng.random() < 0.3:
            tail.append(f"{portal[1]} | News & information Portal Latest News & Information Portal")
        return tail

    def body(self, names, lead, gap, size):
        """Paragraphs, with the odd subhead or "यह भी पढ़ेंः" line, until the article
        (`size` bytes of chrome so far) reaches a random length within the bounds."""
        rng, body, seen = self.rng, [], set()
        target = rng.randint(self.min_bytes, self.max_bytes)
        while size < target:
            new = []
            if body and rng.random() < 0.15:
                new.append(names.render(self.fresh(self.headlines, seen)) if rng.random() < 0.6
                           else "यह भी पढ़ेंः " + Names(rng, None).render(rng.choice(self.titles)))
            text = ("" if body else lead) + self.paragraph(names, seen)
            room = self.max_bytes - size - sum(len(b.encode()) + gap for b in new) - gap
            if len(text.encode()) > room:
                text = fit(text, room)
                if not text:
                    break
            new.append(text)
            body.extend(new)
            size += sum(len(b.encode()) + gap for b in new)
        return body, size


def text_bytes(blocks, gap):
    """UTF-8 length of `blocks` joined by a separator of `gap` bytes, plus the final newline."""
    return sum(len(b.encode()) + gap for b in blocks) - gap + 1


def tag_line(names, lokmat, room):
    """A Tags line of the article's names that fits in `room` bytes (the seeds show
    both "टॅग्स :" with names run together and an empty "Tags:")."""
    label, glue = ("टॅग्स :", "") if lokmat else ("Tags: ", ", ")
    line = label
    if len(line.encode()) > room:
        return None
    for i, name in enumerate(names[:6]):
        longer = line + (glue if i else "") + name
        if len(longer.encode()) > room:
            break
        line = longer
    return line


def fit(text, room):
    """The longest run of whole sentences of `text` that fits in `room` bytes."""
    out, used = [], 0
    for s in re.split(r"(?<=[।?!])\s+", text):
        n = len(s.encode()) + (1 if out else 0)
        if used + n > room:
            break
        out.append(s)
        used += n
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="output folder")
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--count", type=int, help="number of articles")
    size.add_argument("--size-mb", type=float,
                      help="generate until the articles total this many MiB")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["txt", "jsonl", "both"], default="txt")
    ap.add_argument("--min-kb", type=float, default=3)
    ap.add_argument("--max-kb", type=float, default=8)
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parent.parent / "seeds",
                    help="folder of seed articles (default: seeds/ of the repository)")
    ap.add_argument("--force", action="store_true", help="write into a non-empty --out")
    args = ap.parse_args()
    if args.min_kb <= 0 or args.max_kb < args.min_kb:
        ap.error("need 0 < --min-kb <= --max-kb")
    if args.out.exists() and any(args.out.iterdir()) and not args.force:
        ap.error(f"{args.out} is not empty (old files would mix in); use --force")

    start = time.perf_counter()
    gen = Generator(args.seeds, random.Random(args.seed),
                    int(args.min_kb * 1024), int(args.max_kb * 1024))
    want_txt, want_jsonl = args.format in ("txt", "both"), args.format in ("jsonl", "both")
    limit = args.count if args.count is not None else float("inf")
    budget = args.size_mb * 1024 * 1024 if args.size_mb is not None else float("inf")
    args.out.mkdir(parents=True, exist_ok=True)
    files = articles = article_bytes = written = 0
    jsonl = None
    while articles < limit and article_bytes < budget:
        text, record = gen.article(articles)
        data = text.encode()
        article_bytes += len(data)
        if want_txt:
            folder = args.out / f"{articles // 1000:03d}"
            if articles % 1000 == 0:
                folder.mkdir(exist_ok=True)
            (folder / f"{articles:06d}.txt").write_bytes(data)
            files += 1
            written += len(data)
        if want_jsonl:
            if articles % 10000 == 0:
                if jsonl:
                    jsonl.close()
                jsonl = open(args.out / f"corpus-{articles // 10000:03d}.jsonl", "wb")
                files += 1
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode()
            jsonl.write(line)
            written += len(line)
        articles += 1
    if jsonl:
        jsonl.close()
    print(f"gen_corpus: {files} files, {articles} articles, {article_bytes / 2**20:.1f} MiB of "
          f"article text, {written / 2**20:.1f} MiB written to {args.out}, "
          f"{time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
