//! Any text parses without a panic, and the syntax tree gives back every byte of it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::{syntax, Source};

fuzz_target!(|bytes: &[u8]| {
    let (source, error) = Source::decode("fuzz.decl", bytes);
    if error.is_some() {
        return;
    }
    let parsed = syntax::parse(&source);
    assert_eq!(parsed.tree.text(), source.text(), "the syntax tree lost text");
});
