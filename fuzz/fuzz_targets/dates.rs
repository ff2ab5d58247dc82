//! See [`khabar_fuzz::dates_props`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::dates_props(data));
