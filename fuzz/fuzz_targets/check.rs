//! Any bytes check without a panic, and every diagnostic points inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let checked = plenary::check_bytes("fuzz.decl", bytes);
    let length = checked.source.text().len();
    for diagnostic in &checked.diagnostics {
        for label in &diagnostic.labels {
            let span = label.span.range();
            assert!(span.start <= span.end && span.end <= length, "{span:?} outside the file");
            assert!(checked.source.text().is_char_boundary(span.start));
            assert!(checked.source.text().is_char_boundary(span.end));
        }
    }
});
