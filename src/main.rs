//! The `khabar` binary: command-line parsing and glue between the library and the terminal.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// Extraction allocates and frees many small strings on every core; glibc's allocator
// spent a sixth of a cold load in malloc/free and returning memory to the kernel.
// mimalloc is built not to ask for transparent huge pages (`no_thp`): with them the kernel
// zeroed 2 MiB at each first touch of a region, before `main` too, a seventh of a 20,000-
// article `list`'s time, and the reader is no faster with them since it queries the
// database (warm start at 100,000 articles: first frame 36-37 ms either way, peak RSS 52-55
// MiB instead of 84-92; `bench/scale.sh`). They once drew a warm start's list in 109 ms
// instead of 176, when the whole corpus was loaded into memory.
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
