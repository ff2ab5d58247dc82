//! See [`khabar_fuzz::wrap_props`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::wrap_props(data));
