//! A learned sequence tagger: which words of a sentence are a person, a place or an
//! organisation.
//!
//! Hand rules judge a word by a few cues and miss names no cue stands beside; a structured
//! perceptron weighs hundreds of small signals at once (the word, its affixes, its
//! neighbours, the postposition after it, script and case, and what the gazetteer and the
//! rules said about it) and picks the best tags for the whole sentence with Viterbi. It was
//! trained on annotated Hindi news (`examples/train_ner.rs`, data and licences in
//! `assets/ner-model.LICENSE.md`); the model ships inside the binary and is decoded once.
//!
//! The tagger decides what is a name. The gazetteer still gives known names their
//! canonical form and id, and `merge` still joins aliases.

mod companies;
mod decode;
mod english;
mod eponyms;
mod features;
mod fullnames;
mod highways;
mod initials;
mod orgs;
mod people;
mod sites;
mod towns;
pub mod train;
mod venues;
mod villages;
mod weights;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use weights::WordCache;
pub use weights::{Model, ModelError};

use super::gazetteer::Matcher;
use super::model::EntityKind;
use super::rules;
use super::scan::{Cand, Scan, Source};
use super::tokens::Gap;
use super::words::{
    COMMON, CUE, EPITHET, FACILITY, GIVEN, HONORIFIC, NOT_NAME, ORG_HEAD, PROGRAMME, SAID, STOP,
    SURNAME, VISIT,
};
use crate::text::date_words::english_calendar_word;
use decode::{spans, viterbi};
use features::{DEMONYM, gazetteer_codes, sentence_sums, words};

static MODEL_FILE: &[u8] = include_bytes!("../../../../assets/ner-model.bin");

/// The bytes of `assets/ner-model.bin` as embedded (for measuring how long decoding takes).
pub fn model_file() -> &'static [u8] {
    MODEL_FILE
}

/// The model shipped in `assets/ner-model.bin`, decoded on first use.
///
/// # Panics
/// If the embedded file is not a model (a build made with a broken asset).
pub fn model() -> &'static Model {
    MODEL.get_or_init(|| Model::from_bytes(MODEL_FILE).expect("assets/ner-model.bin is a model"))
}

static MODEL: OnceLock<Model> = OnceLock::new();

/// Makes `model` the one [`model`] returns, instead of the embedded file, if no extraction
/// has run yet (false otherwise). For scoring a freshly trained model without rebuilding
/// (`examples/entities_eval.rs` reads `KHABAR_NER_MODEL`); khabar itself never calls it.
pub fn install(model: Model) -> bool {
    MODEL.set(model).is_ok()
}

/// What the gazetteer said before the rules changed anything: per word a feature code, and
/// the known names (demonyms aside).
pub(super) struct Gazetteer {
    pub codes: Vec<u8>,
    known: Vec<Cand>,
}

/// Scans `text` as the tagger expects: gazetteer hits, then the rules. Also returns the
/// gazetteer's own verdict from before the rules.
pub(super) fn prepare<'a>(matcher: &Matcher, text: &'a str) -> (Scan<'a>, Gazetteer) {
    let mut scan = Scan::new(matcher, text);
    let gaz = Gazetteer {
        codes: gazetteer_codes(&scan),
        known: scan.found().filter(|c| !c.is_demonym()).collect(),
    };
    rules::apply(&mut scan);
    (scan, gaz)
}

/// Sentences as ranges of word indices. A sentence ends at `।`, `?`, `!`, a line break, or a
/// full stop that is not an abbreviation's or an initial's, with or without a space after it.
pub(super) fn sentences(scan: &Scan) -> Vec<Range<usize>> {
    split(scan, true)
}

/// Sentences as the shipped model was trained on them: a full stop after an initial that
/// is also a function word (`एन. के. सिन्हा`) still ends one there. Training keeps this
/// split so that a rebuild gives the committed file byte for byte; a model trained on the
/// split [`sentences`] makes scored within a shuffle's noise of it (IL-NER dev overlap F1
/// all .822 against .823, `HiNER` dev .915 against .916) but lost two test sentences.
pub(super) fn training_sentences(scan: &Scan) -> Vec<Range<usize>> {
    split(scan, false)
}

fn split(scan: &Scan, initials: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..scan.tokens.len().saturating_sub(1) {
        if ends_sentence(scan, i, initials) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < scan.tokens.len() {
        out.push(start..scan.tokens.len());
    }
    out
}

/// Whether a sentence ends after word `i` (not the last word): a danda, a question or a
/// line break, or a full stop that is no initial's or title's (`डॉ. सिंह` runs on).
pub(super) fn ends_sentence(scan: &Scan, i: usize, initials: bool) -> bool {
    let gap = scan.gap_after(i);
    if gap.contains(['।', '॥', '|', '?', '!', '\n']) {
        return true;
    }
    // `डॉ. सिंह` runs on, but `कहा.वह` (a verb or function word before the dot) ends.
    // Initials (`एन. के. सिन्हा`) run on, though `के` is a postposition.
    gap.contains('.')
        && !(initials && initials::is_initial(scan, i))
        && (scan.tokens[i + 1].gap == Gap::Break || scan.tokens[i].is(STOP | SAID))
}

/// Replaces the candidates of `scan` by the tagger's names. A name that overlaps a
/// gazetteer name of its kind takes the gazetteer's words (the gazetteer knows where
/// `किम जोंग उन` ends even where `उन` alone is a pronoun), and a name that matches a
/// gazetteer or rule candidate word for word keeps that candidate, and so its canonical
/// name. Demonyms the tagger leaves alone stay, for [`super::find_demonyms`].
pub(super) fn retag(scan: &mut Scan, before: &Gazetteer, model: &Model) {
    let gaz = &before.codes;
    let mut names = tag(scan, gaz, model);
    // A sentence of one word (a headline: `घोटाला`, `चक्रवात`) is a topic: no name unless
    // a list knows it.
    let mut one_word = vec![false; scan.tokens.len()];
    for r in sentences(scan).into_iter().filter(|r| r.len() == 1) {
        one_word[r.start] = true;
    }
    names.retain(|&(f, l, _)| {
        !(f == l && gaz[f] == 0 && one_word[f] && !towns::town_dateline(scan, gaz, f))
    });
    // The rules know contexts where a gazetteer word is no name (`ऑपरेशन गंगा`, `इसके
    // पूर्व`, a web address); a name made only of words they struck stays struck.
    names.retain(|&(f, l, _)| {
        !(f..=l).all(|t| gaz[t] != 0 && gaz[t] != DEMONYM && scan.cover[t].is_none())
    });
    names = names
        .into_iter()
        .flat_map(|n| split_known(&before.known, n))
        .flat_map(|n| split_destination(scan, &before.known, n))
        .collect();
    for name in &mut names {
        *name = shrink_to_known_place(scan, widen_to_known(scan, *name));
        *name = drop_descriptor(scan, &before.known, *name);
        *name = with_word_given_name(scan, *name);
    }
    companies::join(scan, gaz, &mut names);
    venues::join(scan, gaz, &mut names);
    venues::road_apart(scan, &mut names);
    venues::named_after_person(scan, gaz, &mut names);
    venues::people_ending_in_sites(scan, &mut names);
    venues::settlements(scan, gaz, &mut names);
    villages::after_word(scan, gaz, &mut names);
    villages::of_heads(scan, gaz, &mut names);
    villages::suffixed(scan, gaz, &mut names);
    villages::prefixed(scan, gaz, &mut names);
    sites::local(scan, gaz, &mut names);
    venues::residences(scan, gaz, &mut names);
    venues::unnamed_airports(scan, gaz, &mut names);
    towns::police_stations(scan, gaz, &mut names);
    towns::within_places(scan, gaz, &mut names);
    towns::datelines(scan, gaz, &mut names);
    towns::capitals(scan, gaz, &mut names);
    towns::listed_with_places(scan, gaz, &mut names);
    highways::numbered(scan, &mut names);
    orgs::spelled_out(scan, gaz, &mut names);
    orgs::police(scan, &mut names);
    orgs::named_after_place(scan, &mut names);
    orgs::tied_to_place(scan, gaz, &mut names);
    orgs::place_starts_body(scan, gaz, &mut names);
    orgs::campuses(scan, gaz, &mut names);
    orgs::clubs(scan, gaz, &mut names);
    orgs::teams(scan, gaz, &mut names);
    orgs::ombudsmen(scan, gaz, &mut names);
    orgs::indian_arms(scan, &mut names);
    orgs::state_bodies(scan, &mut names);
    orgs::national_words(scan, &mut names);
    english::of_bodies(scan, gaz, &mut names);
    eponyms::institutions(scan, &mut names);
    eponyms::described_institutions(scan, gaz, &mut names);
    eponyms::memorials(scan, &mut names);
    eponyms::titled_bodies(scan, gaz, &mut names);
    // `कैरल जॉर्डन … जॉर्डन ने कहा`: a lone place that is a word of a person's full name in
    // the same passage is that person, unless it stands with another place (`अयोध्या प्रसाद
    // … समर्थन में अयोध्या और फ़ैज़ाबाद से` is the town) or where something happens (`में`).
    let person_words: Vec<&str> = names
        .iter()
        .filter(|n| n.2 == EntityKind::Person && n.1 > n.0)
        .flat_map(|&(f, l, _)| (f..=l).map(|t| scan.text(t)))
        .collect();
    let place_at = |t: usize, first: bool| {
        names
            .iter()
            .any(|n| n.2 == EntityKind::Place && if first { n.0 == t } else { n.1 == t })
    };
    let joins = |t: usize| matches!(scan.text(t), "और" | "व" | "तथा");
    let town = |t: usize| {
        let next = scan.tokens.get(t + 1).map(|_| scan.text(t + 1));
        matches!(next, Some("में" | "तक"))
            || (scan.gap_after(t).trim() == "," && place_at(t + 1, true))
            || (next.is_some() && joins(t + 1) && place_at(t + 2, true))
            || (t >= 2 && joins(t - 1) && place_at(t - 2, false))
            || (t >= 1 && scan.gap_after(t - 1).trim() == "," && place_at(t - 1, false))
    };
    let to_people: Vec<usize> = (0..names.len())
        .filter(|&i| {
            let n = names[i];
            n.2 == EntityKind::Place
                && n.0 == n.1
                && person_words.contains(&scan.text(n.0))
                && !town(n.0)
        })
        .collect();
    for i in to_people {
        names[i].2 = EntityKind::Person;
    }
    // `डीसीपी X ने`: a designation alone is no body, whatever its letters look like; and
    // a person made only of a designation (`हेड कांस्टेबल ने बताया`, `एसएचओ ने`) is no one
    // named.
    names.retain(|&(f, l, k)| match k {
        EntityKind::Organization => {
            !(f == l && (super::words::local_title(scan.tokens[f].hash) || unit(scan, f)))
        }
        // `विजय हजारे ट्रॉफी`: a tournament named after someone is no person.
        EntityKind::Person => {
            let titles_only = (f..=l).all(|t| designation(scan, t));
            !(titles_only || counted(scan, gaz, f, l) || l > f && ends_no_person(scan, l))
        }
        EntityKind::Place => !everyday_place(scan, gaz, f, l),
    });
    fullnames::across_middle_name(scan, gaz, &mut names);
    fullnames::before_surnames(scan, gaz, &mut names);
    fullnames::with_surname_after(scan, &mut names);
    fullnames::after_middle_name(scan, gaz, &mut names);
    fullnames::across_bhai(scan, gaz, &mut names);
    fullnames::after_country(scan, gaz, &mut names);
    fullnames::nicknames(scan, gaz, &mut names);
    fullnames::before_womans_ending(scan, gaz, &mut names);
    people::before_middle_name(scan, gaz, &mut names);
    people::through_middle_name(scan, gaz, &mut names);
    people::listed_between_people(scan, gaz, &mut names);
    people::whole_list_item(scan, gaz, &mut names);
    people::womans_name_after_cue(scan, gaz, &mut names);
    people::before_age(scan, gaz, &mut names);
    people::before_sport(scan, gaz, &mut names);
    people::after_alias(scan, gaz, &mut names);
    people::before_known_surname(scan, gaz, &mut names);
    people::first_name_again(scan, gaz, &mut names);
    let mut keep = vec![false; scan.cands.len()];
    let mut fresh = Vec::new();
    for &(first, last, kind) in &names {
        let same = (first..=last).filter_map(|t| scan.cover[t]).find(|&c| {
            scan.cands[c].is_some_and(|c| {
                c.first == first
                    && c.last == last
                    && (c.kind == kind
                        || matches!(c.source, Source::Known { .. })
                            // A person named like a place is judged by context.
                            && !(kind == EntityKind::Person && c.kind == EntityKind::Place))
            })
        });
        match same {
            Some(c) => keep[c] = true,
            None => fresh.push((first, last, kind)),
        }
    }
    let untouched = |c: Cand| !names.iter().any(|&(f, l, _)| f <= c.last && c.first <= l);
    for (idx, &kept) in keep.iter().enumerate() {
        let Some(c) = scan.cands[idx] else { continue };
        let stays = kept
            || untouched(c)
                && match c.source {
                    // A demonym is no entity; it stays for [`super::find_demonyms`].
                    Source::Known { demonym: true, .. } => true,
                    // A known person or place is kept where the tagger saw nothing (it
                    // measured neutral on both dev sets); a lone known organisation only
                    // in Latin letters (`KCNA`), as IL-NER leaves many bare bodies untagged.
                    // So is one in brackets after the organisation it abbreviates
                    // (`प्रवर्तन निदेशालय (ईडी) की`).
                    Source::Known { .. } => known_stays(scan, &names, c),
                    // `( जीएसवीपी )` after a name the tagger kept is that name's short form;
                    // so it is after an organisation the tagger found with other bounds than
                    // the rules (`सरकारी कंपनी कोसी खनिज लिमिटेड (केकेएल)`, trimmed).
                    // (`j` comes before `idx`: its fate is decided.) After a body a list
                    // knows, a bracketed word must look like its short name to the tagger
                    // too, as a known acronym must: `शिवसेना (शिंदे)` names a faction.
                    Source::AliasOf(j) => match scan.cands[j] {
                        Some(k) if matches!(k.source, Source::Known { .. }) => {
                            known_stays(scan, &names, c)
                        }
                        Some(_) => true,
                        None => abbreviates(scan, &names, c.first),
                    },
                    // A full name the rules found (a byline, `X Y ने कहा`) where the
                    // tagger saw nothing, and so is a Latin acronym (`NHAI`).
                    Source::Rule => match c.kind {
                        EntityKind::Person => c.last > c.first && !ends_no_person(scan, c.last),
                        EntityKind::Organization => {
                            scan.tokens[c.first..=c.last].iter().all(|t| t.latin)
                        }
                        EntityKind::Place => venues::landmark(scan, c.first, c.last),
                    },
                };
        if !stays {
            scan.remove(idx);
        } else if let Source::AliasOf(j) = c.source
            && scan.cands[j].is_none()
            && let Some(alias) = &mut scan.cands[idx]
        {
            // The name the rules tied it to is gone, so an organisation the tagger found
            // ends before its bracket (`सेंट्रल बैंक ऑफ़ नाइजीरिया (सीबीएन)` was Nigeria's).
            alias.kind = EntityKind::Organization;
        }
    }
    for (first, last, kind) in fresh {
        // A known name the rules had taken into a longer one is known again.
        match before
            .known
            .iter()
            .find(|c| (c.first, c.last, c.kind) == (first, last, kind))
        {
            Some(c) => scan.add(c.start..c.end, kind, c.source),
            None => scan.add_tokens(first, last, kind),
        }
    }
}

/// `वरिष्ठ`, `हड़ताल`, `व्यापार` read as a place: an everyday word alone that no list holds
/// as a place is none (trials 74 and 76: four such, all at or near a sentence's start).
fn everyday_place(scan: &Scan, gaz: &[u8], first: usize, last: usize) -> bool {
    first == last && gaz[first] == 0 && scan.tokens[first].is(COMMON)
}

/// `13.4 टीएमसी पानी`: an acronym between a number and what it measures is a unit
/// (thousand million cubic feet), not the body that shares its letters.
fn unit(scan: &Scan, t: usize) -> bool {
    t > 0
        && joined(scan, t)
        && scan.text(t - 1).bytes().all(|b| b.is_ascii_digit())
        && (rules::letter_count(scan.text(t)) >= 2 || scan.tokens[t].latin)
        // Bodies are counted too (`4 टीएमसी विधायक`, `3 सीआरपीएफ कंपनियां`: the review):
        // only what is then measured says a unit.
        && t + 1 < scan.tokens.len()
        && joined(scan, t + 1)
        && matches!(scan.text(t + 1), "पानी" | "जल" | "बिजली" | "डेटा" | "गैस")
}

/// Whether word `t` is a designation or a word that ranks one (`हेड`, `सीनियर`, `उप`): a
/// person's name made only of these names no one.
fn designation(scan: &Scan, t: usize) -> bool {
    let word = scan.tokens[t];
    word.is(CUE | HONORIFIC)
        || super::words::local_title(word.hash)
        || police_beat(scan, t)
        || matches!(
            scan.text(t),
            "हेड" | "सीनियर"
                | "जूनियर"
                | "चीफ"
                | "सहायक"
                | "वरिष्ठ"
                | "उप"
                | "अतिरिक्त"
                | "मुख्य"
        )
}

/// Whether word `t` is the beat after a police rank or a post (`एसपी सिटी X`, `एएसपी देहात
/// X`): part of the title, no part of the name after it. Only there: `सिटी` is a word of
/// clubs' and towns' names (`मैनचेस्टर सिटी`, `स्मार्ट सिटी`).
fn police_beat(scan: &Scan, t: usize) -> bool {
    t > 0
        && matches!(scan.text(t), "सिटी" | "देहात")
        && (scan.tokens[t - 1].is(CUE) || super::words::local_title(scan.tokens[t - 1].hash))
}

/// `कुल 72 खिलाड़ी बिके`: a word of no list alone after a count of people (a number, then a
/// designation) is what they did, no one's name; a designation names someone only alone
/// (trial 69). A given name or a surname there is still a name (`दो खिलाड़ी राहुल और …`).
fn counted(scan: &Scan, gaz: &[u8], first: usize, last: usize) -> bool {
    first == last
        && first >= 2
        && gaz[first] == 0
        && scan.tokens[first].class & (GIVEN | SURNAME) == 0
        && scan.tokens[first - 1].is(CUE)
        && joined(scan, first)
        && joined(scan, first - 1)
        && scan.text(first - 2).bytes().all(|b| b.is_ascii_digit())
}

/// Whether a known name (or the short name of one) the tagger saw nothing at stays: a
/// person or a place, a body of two words or more or in Latin letters (`KCNA`), or one in
/// brackets after the organisation it abbreviates; IL-NER leaves many bare bodies untagged.
fn known_stays(scan: &Scan, names: &[Name], c: Cand) -> bool {
    c.kind != EntityKind::Organization
        || c.last > c.first
        || scan.tokens[c.first..=c.last].iter().all(|t| t.latin)
        || abbreviates(scan, names, c.first)
}

/// Whether word `t` is an acronym in brackets right after an organisation, found by the
/// tagger or by the gazetteer (`प्रवर्तन निदेशालय (ईडी)`).
fn abbreviates(scan: &Scan, names: &[Name], t: usize) -> bool {
    let Some(before) = t.checked_sub(1) else {
        return false;
    };
    let org_before = names
        .iter()
        .any(|n| n.2 == EntityKind::Organization && n.1 == before)
        || scan
            .covering(before)
            .is_some_and(|p| p.kind == EntityKind::Organization && p.last == before);
    org_before && rules::bracketed_short_name(scan, before) == Some(t)
}

/// `भाजपा-आरएसएस`, `पुतिन प्योंगयांग`: a name made of two or more known names back to back
/// is those names, each of its own kind.
fn split_known(known: &[Cand], name: Name) -> Vec<Name> {
    let (first, last, _) = name;
    let mut parts = Vec::new();
    let mut t = first;
    while t <= last {
        match known.iter().find(|c| c.first == t) {
            Some(c) if c.last <= last => {
                parts.push((c.first, c.last, c.kind));
                t = c.last + 1;
            }
            _ => return vec![name],
        }
    }
    if parts.len() > 1 { parts } else { vec![name] }
}

/// `सुनीता जापान पहुंचीं` (a headline: no full stop ends the sentence, and the tagger
/// runs the name on): a person whose last words are a known place, followed by a verb of
/// going or by `के दौरे`, is someone and where they went. A known person's full name stays
/// whole, and so does a name the place ends in any other context (`ब्रूस इंग्लैंड ने`).
fn split_destination(scan: &Scan, known: &[Cand], name: Name) -> Vec<Name> {
    let (first, last, kind) = name;
    let whole = vec![name];
    if kind != EntityKind::Person
        || last == first
        || known
            .iter()
            .any(|c| c.kind == kind && c.first <= first && c.last >= last)
    {
        return whole;
    }
    let Some(place) = known.iter().find(|c| {
        c.kind == EntityKind::Place && !c.is_demonym() && c.last == last && c.first > first
    }) else {
        return whole;
    };
    let next = |t: usize| scan.tokens.get(t).filter(|tok| tok.gap == Gap::Space);
    let going = next(last + 1).is_some_and(|t| {
        super::words::goes(t.hash) || t.is(STOP) && next(last + 2).is_some_and(|v| v.is(VISIT))
    });
    if !going {
        return whole;
    }
    vec![
        (first, place.first - 1, kind),
        (place.first, last, EntityKind::Place),
    ]
}

/// `North Korea Visit`: a place that holds a known place and more words is that place,
/// unless the rules read the longer phrase as one name (`पूर्वी यूक्रेन`).
fn shrink_to_known_place(scan: &Scan, name: Name) -> Name {
    let (first, last, kind) = name;
    if kind != EntityKind::Place {
        return name;
    }
    let mut known = None;
    for t in first..=last {
        if let Some(c) = scan.covering(t) {
            if c.first == first && c.last == last {
                return name;
            }
            if c.kind == kind && !c.is_demonym() && matches!(c.source, Source::Known { .. }) {
                known = known.or(Some((c.first.max(first), c.last.min(last), kind)));
            }
        }
    }
    known.unwrap_or(name)
}

/// `विकास चौहान ने`: the tagger takes the surname alone when the given name is an everyday
/// word (`विकास`, development); the word right before a person's family name is the
/// person's (see [`super::words::also_a_name`]).
fn with_word_given_name(scan: &Scan, name: Name) -> Name {
    let (first, last, kind) = name;
    let before = first.wrapping_sub(1);
    let takes = kind == EntityKind::Person
        && first > 0
        && scan.tokens[first].gap == Gap::Space
        && scan.gap_after(before).trim().is_empty()
        && scan.tokens[first].is(super::words::SURNAME)
        && scan
            .covering(before)
            .is_none_or(|c| c.kind == EntityKind::Person)
        && super::words::also_a_name(scan.tokens[before].hash);
    if takes { (before, last, kind) } else { name }
}

/// `केसीएनए समाचार एजेंसी`: a known organisation followed only by ordinary words saying
/// what kind of body it is (news agency, party) is that organisation, by its known name.
fn drop_descriptor(scan: &Scan, known: &[Cand], name: Name) -> Name {
    let (first, last, kind) = name;
    if kind != EntityKind::Organization {
        return name;
    }
    known
        .iter()
        .find(|c| c.kind == kind && c.first == first && c.last < last)
        .filter(|c| (c.last + 1..=last).all(|t| scan.tokens[t].is(COMMON)))
        .map_or(name, |c| (c.first, c.last, kind))
}

/// `name` grown to cover the gazetteer name of its kind it overlaps, if that name
/// sticks out of it on one side.
fn widen_to_known(scan: &Scan, name: Name) -> Name {
    let (first, last, kind) = name;
    let mut out = name;
    for t in [first, last] {
        let Some(c) = scan.covering(t) else { continue };
        if c.kind != kind || c.is_demonym() {
            continue;
        }
        if matches!(c.source, Source::Known { .. }) {
            out.0 = out.0.min(c.first);
            out.1 = out.1.max(c.last);
        } else if c.last > c.first
            && (c.first < first && last > c.last || c.last > last && first < c.first)
        {
            // The rules and the tagger disagree on both ends (`Karan Mehta` against
            // `Mehta Updated`): the rules' full name, found from its cue, wins.
            return (c.first, c.last, kind);
        }
    }
    out
}

type Name = (usize, usize, EntityKind);

/// Sorts `names` by position and, from the left, replaces each pair of neighbours that
/// `join` makes one name with that name (which may then join the next).
fn merge_neighbours(names: &mut Vec<Name>, mut join: impl FnMut(Name, Name) -> Option<Name>) {
    names.sort_by_key(|&(f, l, _)| (f, l));
    let mut i = 1;
    while i < names.len() {
        match join(names[i - 1], names[i]) {
            Some(joined) => {
                names[i - 1] = joined;
                names.remove(i);
            }
            None => i += 1,
        }
    }
}

/// Whether a name ending in word `t` can be no person's: an event's or a prize's word
/// (`विजय हजारे ट्रॉफी`, after `चयनकर्ता`: the review), a forum's or a channel's
/// (`जन नाट्य मंच`, `स्टार स्पोर्ट्स चैनल`).
fn ends_no_person(scan: &Scan, t: usize) -> bool {
    super::words::event(scan.tokens[t].hash) || matches!(scan.text(t), "मंच" | "चैनल")
}

/// The original text between word `t - 1` and word `t`, trimmed: folding reads a hyphen
/// or a dash as a space, and the original tells them apart (`आगरा-लखनऊ`, `एनएच-44`).
fn original_gap<'s>(scan: &'s Scan, t: usize) -> &'s str {
    let folded = scan.tokens[t - 1].end..scan.tokens[t].start;
    scan.original[scan.original(folded)].trim()
}

/// Whether word `t` stands right after the word before it, a space and nothing else
/// between (as words of one name do).
fn joined(scan: &Scan, t: usize) -> bool {
    t > 0
        && t < scan.tokens.len()
        && scan.tokens[t].gap == Gap::Space
        && scan.gap_after(t - 1).trim().is_empty()
}

/// The word after `t` when it follows straight on (a space, no line break), if any.
fn next_word<'a>(scan: &'a Scan, t: usize) -> Option<&'a str> {
    joined(scan, t + 1).then(|| scan.text(t + 1))
}

/// A word a rule looks for at every word, compared by its hash, which each word carries:
/// comparing text cost more (six rules asking every word took 2% of extraction).
pub(super) struct Trigger {
    /// The folded word.
    word: &'static str,
    hash: OnceLock<u64>,
}

impl Trigger {
    pub(super) const fn new(word: &'static str) -> Self {
        Self {
            word,
            hash: OnceLock::new(),
        }
    }

    /// Whether word `t` of `scan` is this word (false past the end).
    pub(super) fn at(&self, scan: &Scan, t: usize) -> bool {
        let hash = *self.hash.get_or_init(|| super::hash::word_hash(self.word));
        scan.tokens.get(t).is_some_and(|tok| tok.hash == hash)
    }
}

/// Words that name a law (folded): a body's name before one is the law's (`कमीशन ऑफ
/// इंक्वायरी एक्ट`, `… लोकायुक्त अधिनियम`), no body.
pub(super) fn law_word(text: &str) -> bool {
    matches!(text, "एक्ट" | "अधिनियम" | "कानून")
}

/// Whether one of `names` covers word `t`.
fn covers(names: &[Name], t: usize) -> bool {
    names.iter().any(|&(f, l, _)| f <= t && t <= l)
}

/// English words news sites put after a name in a headline's tag (`Modi Visit:`,
/// `Rahul Gandhi Live Updates:`): never the end of a person's name.
const HEADLINE_TAGS: [&str; 18] = [
    "visit",
    "visits",
    "talks",
    "meet",
    "meeting",
    "live",
    "update",
    "updates",
    "news",
    "rally",
    "speech",
    "summit",
    "interview",
    "video",
    "photos",
    "statement",
    "exclusive",
    "controversy",
];

/// The tagger's names in `scan`, as `(first, last, kind)` word indices, tidied.
fn tag(scan: &Scan, gaz: &[u8], model: &Model) -> Vec<(usize, usize, EntityKind)> {
    thread_local! {
        static CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
    }
    let ws = words(scan, gaz);
    let (mut sums, mut emit) = (Vec::new(), Vec::new());
    let (mut back, mut tags) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for range in sentences(scan) {
        CACHE.with_borrow_mut(|cache| sentence_sums(&ws, range.clone(), model, cache, &mut sums));
        emit.clear();
        emit.extend(sums.iter().flat_map(|s| model.scaled(s)));
        viterbi(&emit, &model.trans, range.len(), &mut back, &mut tags);
        for (a, b, kind) in spans(&tags) {
            let first = range.start + a;
            let last = orgs::before_listing(scan, first, range.start + b, kind);
            let parts = split_listed(scan, gaz, first, last, kind);
            out.extend(
                parts
                    .filter_map(|(f, l)| tidy(scan, gaz, f, l, kind))
                    .map(|name| orgs::conjoined(scan, gaz, &range, name)),
            );
        }
    }
    initials::with_initials(scan, gaz, out)
}

/// The names a span the tagger read as one lists: `व्लादिमीर पुतिन, किम जोंग उन` (a person's or
/// a place's name never holds a comma; none does in the annotated data), and two bodies a
/// conjunction joins (see [`orgs::joins_two`]).
fn split_listed<'s>(
    scan: &'s Scan,
    gaz: &'s [u8],
    first: usize,
    last: usize,
    kind: EntityKind,
) -> impl Iterator<Item = (usize, usize)> + 's {
    let mut start = first;
    (first..=last).filter_map(move |t| {
        if kind == EntityKind::Organization && orgs::joins_two(scan, gaz, start, t, last) {
            let part = (start, t - 1);
            start = t + 1;
            return Some(part);
        }
        let cut =
            t == last || kind != EntityKind::Organization && scan.gap_after(t).contains([',', '،']);
        let part = (start, t);
        if cut {
            start = t + 1;
        }
        cut.then_some(part)
    })
}

/// A name never starts with a title or ends with a function word (`अभियुक्त X` is `X`),
/// a person is never only function words or a verb, and an organisation is never only
/// ordinary words and a demonym (`कोरियाई सैनिकों`, soldiers, not a body).
fn tidy(
    scan: &Scan,
    gaz: &[u8],
    mut first: usize,
    mut last: usize,
    kind: EntityKind,
) -> Option<(usize, usize, EntityKind)> {
    let title = CUE | HONORIFIC | EPITHET;
    // `मुंबई लौटे शिंदे`: a verb of going is no part of a name; the person is after it.
    if kind == EntityKind::Person
        && let Some(verb) = (first..last)
            .rev()
            .find(|&t| super::words::goes(scan.tokens[t].hash))
    {
        first = verb + 1;
    }
    while first < last
        && (scan.tokens[first].is(STOP)
            || scan.text(first) == "by"
            || kind == EntityKind::Person
                && (scan.tokens[first].is(title)
                    || super::words::local_title(scan.tokens[first].hash)
                    || police_beat(scan, first)
                    || super::words::describes(scan.tokens[first].hash)
                    || people::role_before_name(scan, first, last)
                    // `फ़र्म ट्रैक्सन`: a body's generic word is no part of a name; the word
                    // after it alone is the body's (below).
                    || super::words::descriptor(scan.tokens[first].hash)
                    // `बनीं नीना गुप्ता`: a verb or a plural before the name.
                    || !scan.tokens[first].latin && rules::inflected(scan.text(first))))
    {
        first += 1;
    }
    // `नीलकंठ तिवारी जी`: the honorific after a name is no part of it, nor a headline's
    // `बोले` (said). (An ordinary word at the end is judged by the tagger: `गौतम गंभीर` is
    // a cricketer.)
    while kind == EntityKind::Person
        && first < last
        && (super::words::after_name(scan.tokens[last].hash)
            || super::words::spoke(scan.tokens[last].hash))
    {
        last -= 1;
    }
    // `आलमबाग निवासी रमेश`: a resident's word ends no one's name; one word of no given
    // names' list before it is where someone lives (see [`venues::residences`]).
    if kind == EntityKind::Person && first < last && scan.text(last) == "निवासी" {
        last -= 1;
        if first == last && !scan.tokens[first].is(GIVEN) {
            return None;
        }
    }
    // `आलमबाग निवासी अनुराग सिंह`, `रामधनी यादव निवासी पिपरा`: a person and where they live,
    // read as one name. The person is the longer side (after `निवासी` if both are as long:
    // news names the place first), or the side before after a word of kin.
    if kind == EntityKind::Person
        && let Some(k) = (first + 1..last).find(|&t| scan.text(t) == "निवासी")
    {
        // `पुत्र रामाधार निवासी गोपालपुर`: after a word of kin the name is the father's,
        // and where he lives comes after (a report's style; the review).
        let kin_before = first > 0 && venues::kin(scan.text(first - 1));
        if k - first > last - k || kin_before {
            last = k - 1;
        } else {
            first = k + 1;
        }
    }
    // A bracket ends a name: `प्राधिकरण ( जीएसवीपी )` is a name and its short form.
    if let Some(b) = (first..last).find(|&t| scan.gap_after(t).contains(['(', ')', '[', ']'])) {
        last = b;
    }
    // `सरकारी कंपनी इंडियन रेयर अर्थ्स लिमिटेड`, `उद्योग संगठन फिक्की`: a body's generic word
    // and ordinary words before it (only those: `ओरिएंटल इंश्योरेंस कंपनी लिमिटेड` is one
    // name) describe the body named after them, when that is a body's name too (a head word
    // at its end) or one word no list knows (`वित्तीय सेवा कंपनी मोतीलाल ओसवाल` stays whole:
    // cut, it would be a person's name).
    let head = |t: usize| {
        scan.tokens[t].is(STOP | COMMON | ORG_HEAD)
            || super::words::business(scan.tokens[t].hash).is_some()
    };
    if kind == EntityKind::Organization
        && let Some(k) = (first..last).find(|&t| super::words::descriptor(scan.tokens[t].hash))
        && (first..k).all(|t| scan.tokens[t].is(STOP | COMMON) || gaz[t] == DEMONYM)
        && (k + 1..=last).any(|t| !head(t))
        && (scan.tokens[last].is(ORG_HEAD)
            || super::words::business(scan.tokens[last].hash).is_some()
            || k + 1 == last && gaz[last] == 0)
    {
        first = k + 1;
    }
    while first < last && scan.tokens[last].is(STOP) {
        last -= 1;
    }
    // `Modi Visit North Korea: …`, an English tag before a Hindi headline: the name is
    // `Modi`, not `Modi Visit` (of either kind: `Russia Visit` is `Russia`).
    while kind != EntityKind::Organization
        && first < last
        && scan.tokens[last].latin
        && HEADLINE_TAGS.contains(&scan.text(last).to_ascii_lowercase().as_str())
    {
        last -= 1;
    }
    // `Wed` of a page's date line (`Wed, 05 Jun 2024`) is no name.
    let only_function = (first..=last).all(|t| {
        scan.tokens[t].is(STOP | SAID)
            || scan.tokens[t].latin && english_calendar_word(scan.text(t))
    });
    let only_title = kind == EntityKind::Person
        && (first..=last)
            .all(|t| scan.tokens[t].is(title) || super::words::describes(scan.tokens[t].hash));
    // `पुलिस उपायुक्त ( डीसीपी ) हेमंत तिवारी`: a designation's short form (or a word of
    // its beat) in brackets is no person (trial 65: `एसएचओ`, `एसीपी`, `मेला` in `पुलिस
    // अधीक्षक ( मेला )`). A name there is one: `पिता ( रामप्रसाद )` (the review).
    let short = |t: usize| {
        rules::letter_count(scan.text(t)) >= 2
            || super::words::local_title(scan.tokens[t].hash)
            || super::words::ordinary(scan.tokens[t].hash)
    };
    let designation_short = kind == EntityKind::Person
        && first == last
        && first > 0
        && scan.gap_after(first - 1).contains('(')
        && scan.gap_after(first).contains(')')
        && (scan.tokens[first - 1].is(CUE)
            || super::words::local_title(scan.tokens[first - 1].hash))
        && short(first);
    // Nor is a company's generic word with ordinary words before it (`जापानी कंपनी`, `दवा
    // कंपनी`), or a body's after a demonym alone (`अमेरिकी संगठन`): `खाद्य और कृषि संगठन`,
    // `भारतीय अंतरिक्ष शोध संगठन` are names of ordinary words.
    let company_word = |t: usize| {
        super::words::descriptor(scan.tokens[t].hash)
            && (!scan.tokens[t].is(ORG_HEAD) || scan.tokens[t].is(COMMON))
    };
    let described = |t: usize| {
        company_word(t)
            || super::words::descriptor(scan.tokens[t].hash)
                && t == first + 1
                && gaz[first] == DEMONYM
    };
    let generic = kind == EntityKind::Organization
        && (first..=last).all(|t| {
            let tok = scan.tokens[t];
            described(t)
                || (tok.is(STOP | COMMON) || gaz[t] == DEMONYM)
                    && !tok.is(ORG_HEAD | PROGRAMME | FACILITY)
        });
    // `कंपनी ज़ेप्टो ने`: one word no list knows, taken for a person, right after a body's
    // generic word is that body's name (not `कंपनी विनोद अग्रवाल के नाम पर`, a person's
    // full name, nor `शाखा सिकंदरपुर में`, a place).
    let kind = if kind == EntityKind::Person
        && first == last
        && first > 0
        && scan.tokens[first].gap == Gap::Space
        && super::words::descriptor(scan.tokens[first - 1].hash)
        && gaz[first] == 0
        && !scan.tokens[first].is(GIVEN | SURNAME)
    {
        EntityKind::Organization
    } else {
        kind
    };
    // `रामू ने श्यामू से कहा`: someone spoken to is a person, though `X से` is most often
    // a place (`दिल्ली से`); not when a list knows the place.
    let kind = if kind == EntityKind::Place
        && (first..=last).all(|t| gaz[t] == 0)
        && addressed(scan, last)
    {
        EntityKind::Person
    } else {
        kind
    };
    if generic && super::words::descriptor(scan.tokens[last].hash) {
        // `जापानी कंपनी सुजुकी का`: the body is the name after its description.
        return named_after(scan, gaz, last).map(|(f, l)| (f, l, EntityKind::Organization));
    }
    (!only_function && !only_title && !designation_short && !generic).then_some((first, last, kind))
}

/// The name of one or two words no list knows right after word `at` (a body's generic
/// word), ended by a case marker, a punctuation mark or the text's end.
fn named_after(scan: &Scan, gaz: &[u8], at: usize) -> Option<(usize, usize)> {
    let name_like = |t: usize| {
        let tok = scan.tokens[t];
        tok.gap == Gap::Space
            && gaz[t] == 0
            && !tok.is(NOT_NAME | ORG_HEAD | SAID)
            && !scan.text(t).chars().any(char::is_numeric)
            && (tok.latin || !rules::inflected(scan.text(t)))
    };
    let ends = |t: usize| {
        t + 1 >= scan.tokens.len()
            || !scan.gap_after(t).trim().is_empty()
            || matches!(
                scan.text(t + 1),
                "ने" | "को" | "की" | "के" | "का" | "से" | "पर" | "में" | "और"
            )
    };
    let mut last = at;
    while last < at + 2
        && last + 1 < scan.tokens.len()
        && scan.gap_after(last).trim().is_empty()
        && name_like(last + 1)
    {
        last += 1;
        if ends(last) {
            return Some((at + 1, last));
        }
    }
    None
}

/// Whether the words after `last` are `से कहा` (or `पूछा`): said to the name before.
fn addressed(scan: &Scan, last: usize) -> bool {
    let word = |t: usize| (t < scan.tokens.len()).then(|| scan.text(t));
    word(last + 1) == Some("से")
        && matches!(
            word(last + 2),
            Some(
                "कहा"
                    | "कहे"
                    | "कहें"
                    | "कहते"
                    | "कहती"
                    | "पूछा"
                    | "पूछे"
                    | "पूछें"
            )
        )
}

/// What the whole tagger finds in `text`: each name's kind and folded words (for tests).
#[cfg(test)]
fn found_in(text: &str) -> Vec<(EntityKind, String)> {
    let (mut scan, gaz) = prepare(super::gazetteer::matcher(), text);
    retag(&mut scan, &gaz, model());
    scan.found()
        .map(|c| {
            let words: Vec<&str> = (c.first..=c.last).map(|t| scan.text(t)).collect();
            (c.kind, words.join(" "))
        })
        .collect()
}

/// The places the whole tagger finds in `text`, folded (for tests).
#[cfg(test)]
fn places_in(text: &str) -> Vec<String> {
    found_in(text)
        .into_iter()
        .filter(|(k, _)| *k == EntityKind::Place)
        .map(|(_, n)| n)
        .collect()
}

/// The first word of `scan` that is `word` once folded (for tests that name words).
#[cfg(test)]
fn word_at(scan: &Scan, word: &str) -> usize {
    let folded = crate::text::fold::fold(word);
    (0..scan.tokens.len())
        .find(|&t| scan.text(t) == folded)
        .unwrap_or_else(|| panic!("no word {word:?}"))
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::matcher;
    use super::*;

    fn words_of(scan: &Scan, (f, l): (usize, usize)) -> String {
        (f..=l).map(|t| scan.text(t)).collect::<Vec<_>>().join(" ")
    }

    /// An everyday word alone is no place; a place a list holds, or a word of no list, may be.
    #[test]
    fn an_everyday_word_alone_is_no_place() {
        let (scan, gaz) = prepare(matcher(), "वरिष्ठ मंडल प्रबंधक ने दिल्ली और कोंडागुडा का दौरा किया");
        let at = |w: &str| word_at(&scan, w);
        assert!(everyday_place(&scan, &gaz.codes, at("वरिष्ठ"), at("वरिष्ठ")));
        assert!(!everyday_place(&scan, &gaz.codes, at("दिल्ली"), at("दिल्ली")));
        assert!(!everyday_place(
            &scan,
            &gaz.codes,
            at("कोंडागुडा"),
            at("कोंडागुडा")
        ));
        assert!(!everyday_place(&scan, &gaz.codes, at("वरिष्ठ"), at("मंडल")));
    }

    /// An acronym right after a number is a unit (a volume of water), not the party that
    /// shares its letters; the party named alone stays.
    #[test]
    fn an_acronym_after_a_number_is_a_unit() {
        let found = found_in(
            "कर्नाटक को 13.4 टीएमसी पानी मिलेगा। बैठक में टीएमसी के नेता पहुंचे। 4 टीएमसी \
             विधायक आए।",
        );
        let bodies = found
            .iter()
            .filter(|(k, _)| *k == EntityKind::Organization)
            .count();
        assert_eq!(bodies, 2, "{found:?}");
    }

    /// A name ending in an event's, a prize's, a forum's or a channel's word is no
    /// person's, whoever it is named after; a name ending in a surname may be.
    #[test]
    fn a_tournament_named_after_someone_is_no_person() {
        let (scan, _) = prepare(
            matcher(),
            "विजय हजारे ट्रॉफी, जन नाट्य मंच, स्टार स्पोर्ट्स चैनल, विजय हजारे",
        );
        let at = |t: &str| word_at(&scan, t);
        assert!(ends_no_person(&scan, at("ट्रॉफी")));
        assert!(ends_no_person(&scan, at("मंच")));
        assert!(ends_no_person(&scan, at("चैनल")));
        assert!(!ends_no_person(&scan, at("हजारे")));
        // Through the whole tagger: after a designation the tournament is no one.
        let (mut scan, gaz) = prepare(matcher(), "चयनकर्ता रणजी ट्रॉफी के मैच देखेंगे।");
        retag(&mut scan, &gaz, model());
        assert!(
            scan.found().all(|c| c.kind != EntityKind::Person),
            "{:?}",
            scan.found().collect::<Vec<_>>()
        );
    }

    /// A word of no list alone after a number and a designation is no one; a given name
    /// there, or a word after a designation with no number before it, may be.
    #[test]
    fn a_word_after_a_count_of_people_is_no_name() {
        let (scan, gaz) = prepare(matcher(), "कुल 40 खिलाड़ी बिके, 2 खिलाड़ी राहुल और खिलाड़ी बिके");
        let at = |t: &str| word_at(&scan, t);
        let sold = at("बिके");
        assert!(counted(&scan, &gaz.codes, sold, sold));
        assert!(!counted(&scan, &gaz.codes, at("राहुल"), at("राहुल")));
        assert!(!counted(&scan, &gaz.codes, sold + 6, sold + 6));
    }

    /// A person's span loses a body's generic word before the name (the word after it alone
    /// is then the body) and a word of one who does (`रहनेवाली`, a resident).
    #[test]
    fn a_person_span_sheds_a_generic_word_and_a_participle() {
        let (scan, gaz) = prepare(matcher(), "फ़र्म ट्रैक्सन ने कहा। गांव की रहनेवाली सुषमा के पिता");
        let at = |t: &str| word_at(&scan, t);
        let firm = at("फ़र्म");
        assert_eq!(
            tidy(&scan, &gaz.codes, firm, firm + 1, EntityKind::Person),
            Some((firm + 1, firm + 1, EntityKind::Organization))
        );
        let she = at("सुषमा");
        assert_eq!(
            tidy(&scan, &gaz.codes, she - 1, she, EntityKind::Person),
            Some((she, she, EntityKind::Person))
        );
    }

    /// After a designation, a name of two words closes before a pronoun that opens what is
    /// said of the one named, as before a case marker; not before a verb.
    #[test]
    fn a_name_after_a_designation_ends_before_a_pronoun() {
        let (scan, _) = prepare(
            matcher(),
            "मृतक की पत्नी कमलिया बाईजा अपने बयान पर क़ायम रहीं। अभिनेत्री निमिषा सजयनी उनकी \
             पत्नी बनी हैं। अधिकारी फाइल खोलकर बैठे। पत्नी रोते बिलखते अपने घर गई। कप्तान \
             आर्मबैंड पहनकर अपनी टीम के साथ उतरे।",
        );
        let at = |t: &str| word_at(&scan, t);
        let person = |t: usize| scan.covering(t).map(|c| (c.first, c.last, c.kind));
        let wife = at("कमलिया");
        assert_eq!(person(wife), Some((wife, wife + 1, EntityKind::Person)));
        let actor = at("निमिषा");
        assert_eq!(person(actor), Some((actor, actor + 1, EntityKind::Person)));
        assert_eq!(person(at("फाइल")), None);
        assert_eq!(person(at("रोते")), None);
        assert_eq!(person(at("आर्मबैंड")), None);
    }

    #[test]
    fn a_span_across_a_comma_is_two_names_unless_an_organisation() {
        let (scan, gaz) = prepare(matcher(), "मिलेंगे रमेश चंद्र, सुनीता राव और");
        let people: Vec<String> = split_listed(&scan, &gaz.codes, 1, 4, EntityKind::Person)
            .map(|p| words_of(&scan, p))
            .collect();
        assert_eq!(people, ["रमेश चंद्र", "सुनीता राव"]);
        assert_eq!(
            split_listed(&scan, &gaz.codes, 1, 4, EntityKind::Organization).count(),
            1
        );
    }

    /// Two bodies joined by a conjunction are two organisations: each side ends in a head
    /// word, or the second is a known place and its head. Fields sharing one head stay one.
    #[test]
    fn two_bodies_joined_by_a_conjunction_are_two() {
        let parts = |text: &str| -> Vec<String> {
            let (scan, gaz) = prepare(matcher(), text);
            let last = scan.tokens.len() - 2;
            split_listed(&scan, &gaz.codes, 1, last, EntityKind::Organization)
                .map(|p| words_of(&scan, p))
                .collect()
        };
        assert_eq!(
            parts("वहां नागपुर तकनीकी संस्थान और पुणे विधि महाविद्यालय में"),
            ["नागपुर तकनीकी संस्थान", "पुणे विधि महाविद्यालय"]
        );
        assert_eq!(
            parts("वहां सोमैया विद्या विहार और कानपुर विश्वविद्यालय में"),
            ["सोमैया विद्या विहार", "कानपुर विश्वविद्यालय"]
        );
        // Fields of one body's name.
        assert_eq!(
            parts("वहां विज्ञान और प्रौद्योगिकी मंत्रालय में"),
            ["विज्ञान और प्रौद्योगिकी मंत्रालय"]
        );
        assert_eq!(
            parts("वहां राष्ट्रीय कृषि और ग्रामीण विकास बैंक में"),
            ["राष्ट्रीय कृषि और ग्रामीण विकास बैंक"]
        );
        // Nor is an institute's second body of ordinary words (`… संस्थान एवं अनुसंधान
        // केंद्र`, institute and research centre).
        assert_eq!(
            parts("वहां शांति कैंसर संस्थान एवं अनुसंधान केंद्र में"),
            ["शांति कैंसर संस्थान एवं अनुसंधान केंद्र"]
        );
        // A one-word first part (`जम्मू और कश्मीर बैंक`) may be a field.
        assert_eq!(parts("वहां जम्मू और कश्मीर बैंक में"), ["जम्मू और कश्मीर बैंक"]);
    }

    #[test]
    fn ordinary_words_after_a_demonym_are_no_organisation() {
        let (scan, gaz) = prepare(matcher(), "सीमा पर चीनी सैनिकों ने और चीनी सेना ने");
        let org = EntityKind::Organization;
        assert_eq!(tidy(&scan, &gaz.codes, 2, 3, org), None);
        assert_eq!(tidy(&scan, &gaz.codes, 6, 7, org), Some((6, 7, org)));
    }
}
