//! Shows articles in a bordered middle pane between two other bordered panes, laid out by
//! khabar's wrapper and painter, so the layout can be checked in a real terminal (and by
//! `tests/layout_tmux.rs` in tmux).
//!
//! `cargo run --example pane_demo -- [--width-model NAME|auto] [FILES or FOLDERS]`
//! Keys: j/k or arrows scroll, space/Page Down and Page Up by a page, n/p or Tab switch
//! article, Ctrl-L redraws everything, q or Esc quits.

#[path = "support/panes.rs"]
mod panes;

use std::io;

use clap::Parser;
use khabar::text::width::WidthModel;
use khabar::tui::probe_width_model;
use panes::{Doc, Mode, View, load_docs, max_scroll, render};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

#[derive(Parser)]
struct Args {
    /// per-code-point, cluster-capped, one-cell, mode-2027 (or a terminal name), or auto
    /// to ask the terminal.
    #[arg(long, default_value = "auto")]
    width_model: String,
    /// khabar (changed rows rewritten whole), khabar-cells (plain cell diff), khabar-pane
    /// (whole pane rewritten), or stock / stock-repaint for ratatui's own Paragraph and List.
    #[arg(long, default_value = "khabar")]
    renderer: String,
    /// Article files or folders of .txt files.
    #[arg(default_value = "seeds")]
    paths: Vec<String>,
}

fn main() -> io::Result<()> {
    let args = Args::parse();
    let chosen = match args.width_model.as_str() {
        "auto" => None,
        name => Some(
            name.parse::<WidthModel>()
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?,
        ),
    };
    let docs = load_docs(&args.paths)?;
    if docs.is_empty() {
        return Err(io::Error::new(io::ErrorKind::NotFound, "no articles found"));
    }
    let mut terminal = ratatui::init();
    let result = (|| {
        let (model, how) = if let Some(m) = chosen {
            (m, "option".to_owned())
        } else {
            let outcome = probe_width_model(&mut io::stdout())?;
            let answers: Vec<String> = outcome.advances.iter().map(u16::to_string).collect();
            let how = if outcome.matched { "probe" } else { "fallback" };
            (outcome.model, format!("{how} {}", answers.join(",")))
        };
        terminal.clear()?;
        let mode = match args.renderer.as_str() {
            "stock" => Mode::Stock,
            "stock-repaint" => Mode::StockRepaint,
            "khabar-cells" => Mode::KhabarCellDiff(model),
            "khabar-pane" => Mode::KhabarPaneRepaint(model),
            _ => Mode::Khabar(model),
        };
        run(&mut terminal, &docs, mode, model, &how)
    })();
    ratatui::restore();
    result
}

fn run(
    terminal: &mut ratatui::DefaultTerminal,
    docs: &[Doc],
    mode: Mode,
    model: WidthModel,
    how: &str,
) -> io::Result<()> {
    let mut view = View::default();
    loop {
        let size = terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        let limit = max_scroll(&docs[view.doc], area, model);
        view.scroll = view.scroll.min(limit);
        view.status = format!(
            "model:\n{model}\n({how})\nscroll {}/{limit}\n\nj/k scroll\nn/p article\nq quit",
            view.scroll
        );
        terminal.draw(|f| render(f.buffer_mut(), docs, &view, mode))?;
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let page = usize::from(size.height.saturating_sub(3).max(1));
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => return Ok(()),
            KeyCode::Char('l') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                terminal.clear()?;
            }
            KeyCode::Char('j') | KeyCode::Down => view.scroll += 1,
            KeyCode::Char('k') | KeyCode::Up => view.scroll = view.scroll.saturating_sub(1),
            KeyCode::Char(' ') | KeyCode::PageDown => view.scroll += page,
            KeyCode::PageUp => view.scroll = view.scroll.saturating_sub(page),
            KeyCode::Char('n') | KeyCode::Tab | KeyCode::Right => {
                view.doc = (view.doc + 1) % docs.len();
                view.scroll = 0;
            }
            KeyCode::Char('p') | KeyCode::BackTab | KeyCode::Left => {
                view.doc = (view.doc + docs.len() - 1) % docs.len();
                view.scroll = 0;
            }
            _ => {}
        }
    }
}
