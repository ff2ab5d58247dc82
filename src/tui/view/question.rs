//! A question on the status bar (search, export, pipe, yes or no) fitted to its width.
//!
//! One line holds what is asked, what is typed with the cursor after it, the answers or
//! feedback, and help. On a narrow terminal the help goes first, then the answers take
//! their short form; what is asked is cut, and what is typed is shown by its end, so the
//! cursor and the answers stay in view (trial 53: at 40 columns `y/n` and the end of a
//! path being typed were cut off).

use super::filterbar::cut_to;
use crate::text::width::{WidthModel, clusters, display_cluster};

/// The cursor drawn after what is typed.
pub const CURSOR: &str = "▏";

/// The parts of a status-bar question, most needed last.
#[derive(Debug, Clone, Default)]
pub struct Question {
    /// What is asked (`/`, `export 12 article(s) to: `).
    pub ask: String,
    /// Whether a cut `ask` keeps its end (a path before `exists: replace it?`).
    pub ask_keeps_end: bool,
    /// What is typed so far, for a question typed into (the cursor follows it).
    pub typed: Option<String>,
    /// The answers or what the typing found (` y/n`, `  12 article(s) match`), longest
    /// form first; the shortest is kept whatever the width.
    pub answers: Vec<String>,
    /// Keys and notes, dropped first.
    pub help: String,
}

/// The fewest columns left for what is typed before the answers take a shorter form.
const TYPED_ROOM: usize = 12;

impl Question {
    /// The whole line, as a wide terminal shows it.
    pub fn whole(&self) -> String {
        let answers = self.answers.first().map_or("", String::as_str);
        [self.ask.as_str(), &self.typed_text(), answers, &self.help].concat()
    }

    fn typed_text(&self) -> String {
        self.typed
            .as_ref()
            .map_or_else(String::new, |t| [t.as_str(), CURSOR].concat())
    }

    /// The line in at most `width` columns.
    pub fn fitted(&self, width: usize, model: WidthModel) -> String {
        let whole = self.whole();
        if model.str_width(&whole) <= width {
            return whole;
        }
        if width == 0 {
            return String::new();
        }
        let typed = self.typed_text();
        let fixed = model.str_width(&self.ask) + model.str_width(&typed);
        let forms = if self.answers.is_empty() {
            vec![String::new()]
        } else {
            self.answers.clone()
        };
        // The longest answers that fit whole without the help, or that leave what is
        // typed room enough.
        let need = if self.typed.is_some() { TYPED_ROOM } else { 0 };
        let answers = forms
            .iter()
            .find(|a| {
                let w = model.str_width(a);
                fixed + w <= width || width.saturating_sub(w) >= need.max(1)
            })
            .unwrap_or_else(|| forms.last().expect("one form at least"));
        let room = width.saturating_sub(model.str_width(answers));
        let head = match &self.typed {
            _ if fixed <= room => [self.ask.as_str(), &typed].concat(),
            None => self.cut_ask(room, model),
            Some(text) => {
                // The end of what is typed and the cursor, after as much of the question
                // as leaves the typing two thirds of the room.
                let cursor = model.str_width(CURSOR);
                let ask = self.cut_ask(room / 3, model);
                let left = room.saturating_sub(model.str_width(&ask) + cursor);
                let end = keep_end(text, left, model);
                // One `…` between the two cuts, not two (trial 55: `export 5 ……name.md`).
                let ask = match ask.strip_suffix('…') {
                    Some(cut) if end.starts_with('…') => cut,
                    _ => ask.as_str(),
                };
                [ask, &end, CURSOR].concat()
            }
        };
        cut_to(&[head.as_str(), answers].concat(), width, model)
    }

    fn cut_ask(&self, cap: usize, model: WidthModel) -> String {
        if self.ask_keeps_end {
            keep_end(&self.ask, cap, model)
        } else if model.str_width(&self.ask) <= cap {
            self.ask.clone()
        } else if cap == 0 {
            String::new()
        } else {
            cut_to(&self.ask, cap, model)
        }
    }
}

/// The end of `text` in at most `cap` columns: whole clusters, after `…` when cut.
pub(super) fn keep_end(text: &str, cap: usize, model: WidthModel) -> String {
    if model.str_width(text) <= cap {
        return text.to_owned();
    }
    if cap == 0 {
        return String::new();
    }
    let all: Vec<(usize, &str)> = clusters(text).collect();
    let mut used = model.str_width("…");
    let mut from = text.len();
    for &(at, g) in all.iter().rev() {
        let w = model.cluster_width(&display_cluster(g, model));
        if used + w > cap {
            break;
        }
        used += w;
        from = at;
    }
    ["…", &text[from..]].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: WidthModel = WidthModel::PerCodePoint;

    fn search(query: &str) -> Question {
        Question {
            ask: "/".into(),
            typed: Some(query.into()),
            answers: vec!["  6000 article(s) match".into(), "  6000".into()],
            help: " · Enter keep · Esc cancel".into(),
            ..Question::default()
        }
    }

    #[test]
    fn a_wide_line_is_whole() {
        let q = search("पुतिन");
        assert_eq!(
            q.fitted(120, MODEL),
            "/पुतिन▏  6000 article(s) match · Enter keep · Esc cancel"
        );
    }

    #[test]
    fn the_help_goes_first_then_the_long_answers() {
        let q = search("पुतिन");
        assert_eq!(q.fitted(40, MODEL), "/पुतिन▏  6000 article(s) match");
        let long = search("राष्ट्रपति व्लादिमीर पुतिन ने कहा कि दोनों देश साझा प्रयासों");
        for width in [60, 40, 30, 20] {
            let line = long.fitted(width, MODEL);
            assert!(MODEL.str_width(&line) <= width, "{width}: {line}");
            // The end of the typing, the cursor and the count stay.
            assert!(line.contains("प्रयासों▏  6000"), "{width}: {line}");
            assert!(line.starts_with("/…"), "{width}: {line}");
        }
    }

    #[test]
    fn no_width_is_passed() {
        let questions = [
            search("राष्ट्रपति व्लादिमीर पुतिन"),
            Question {
                ask: "/tmp/a/b/c.md exists: replace it?".into(),
                ask_keeps_end: true,
                answers: vec![" y/n".into()],
                ..Question::default()
            },
        ];
        for q in &questions {
            for width in 0..80 {
                let line = q.fitted(width, MODEL);
                assert!(MODEL.str_width(&line) <= width, "{width}: {line}");
            }
        }
    }

    #[test]
    fn a_yes_or_no_keeps_its_answers() {
        let q = Question {
            ask: "mark all 6000 article(s) in this list read?".into(),
            answers: vec![" y/n".into()],
            ..Question::default()
        };
        for width in [40, 20, 8] {
            let line = q.fitted(width, MODEL);
            assert!(line.ends_with("… y/n"), "{width}: {line}");
            assert!(MODEL.str_width(&line) <= width, "{width}: {line}");
        }
        let replace = Question {
            ask: "/tmp/a/very/long/path/list.md exists: replace it?".into(),
            ask_keeps_end: true,
            answers: vec![" y/n".into()],
            ..Question::default()
        };
        let line = replace.fitted(40, MODEL);
        assert!(line.starts_with('…'), "{line}");
        assert!(line.ends_with("/list.md exists: replace it? y/n"), "{line}");
        assert_eq!(MODEL.str_width(&line), 40, "{line}");
    }

    #[test]
    fn a_long_path_shows_its_end_and_the_question_its_start() {
        let q = Question {
            ask: "export 6000 article(s) to: ".into(),
            typed: Some("/tmp/trial53/export/a/very/long/path/name/list.md".into()),
            help: "  .md Markdown, else JSON Lines".into(),
            ..Question::default()
        };
        let line = q.fitted(40, MODEL);
        assert!(MODEL.str_width(&line) <= 40, "{line}");
        assert!(line.starts_with("export"), "{line}");
        assert!(line.ends_with("name/list.md▏"), "{line}");
        assert_eq!(line.matches('…').count(), 1, "{line}");
    }
}
