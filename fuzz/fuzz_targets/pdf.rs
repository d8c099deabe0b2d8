//! Any text that reads as a declaration lays out and writes as a PDF without a panic, alone
//! and side by side.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::render::{pdf, print::Print, Options};

fuzz_target!(|bytes: &[u8]| {
    plenary::check_bytes_then("fuzz.decl", bytes, &plenary::Config::default(), |_, analysis| {
        let Some(analysis) = analysis else { return };
        for parallel in [false, true] {
            let options = Options {
                parallel,
                ..Options::default()
            };
            let Ok(print) = Print::new(analysis, &options) else { continue };
            let _ = pdf::render(&print, &options);
        }
    });
});
