//! See [`khabar_fuzz::entities_props`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::entities_props(data));
