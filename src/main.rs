//! The `khabar` binary: command-line parsing and glue between the library and the terminal.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// Extraction allocates and frees many small strings on every core; glibc's allocator
// spent a sixth of a cold load in malloc/free and returning memory to the kernel.
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
