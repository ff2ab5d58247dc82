//! The `khabar` binary: command-line parsing and glue between the library and the terminal.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// Extraction allocates and frees many small strings on every core; glibc's allocator
// spent a sixth of a cold load in malloc/free and returning memory to the kernel. Built
// without transparent huge pages (`no_thp`): with them the kernel zeroed 2 MiB at the first
// touch of each new region, 14 MiB for a 10,000-article `list` that touches a few, a third
// of its time; cold and warm loads measured the same either way.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    khabar::tui::STARTED.get_or_init(std::time::Instant::now);
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("khabar: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
