//! The `khabar` binary: command-line parsing and glue between the library and the terminal.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// Extraction allocates and frees many small strings on every core; glibc's allocator
// spent a sixth of a cold load in malloc/free and returning memory to the kernel.
// Transparent huge pages stay on (mimalloc asks for them): without them (`no_thp`) a
// 10,000-article `list` took 3.1 ms instead of 3.5 (the kernel zeroes 2 MiB at each first
// touch of a region), but a warm start of 100,000 drew its list at 176 ms instead of 109.
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
