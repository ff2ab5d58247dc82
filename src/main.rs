//! The `khabar` binary: command-line parsing and glue between the library and the terminal.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("khabar: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
