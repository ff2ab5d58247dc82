//! See [`khabar_fuzz::ingest_props`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::ingest_props(data));
