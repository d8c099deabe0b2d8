//! Formatting any text either refuses it for its syntax errors or gives a text that means the
//! same (the formatter checks that itself) and that formatting leaves as it is.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::format::{format, Options, Refusal};
use plenary::Source;

fuzz_target!(|bytes: &[u8]| {
    let (source, error) = Source::decode("fuzz.decl", bytes);
    if error.is_some() {
        return;
    }
    for width in [100, 0] {
        let options = Options { width };
        match format(&source, &options) {
            Ok(formatted) => {
                let again = format(&Source::new("fuzz.decl", formatted.as_str()), &options)
                    .unwrap_or_else(|refusal| panic!("the formatted text is refused: {refusal:?}"));
                assert_eq!(again, formatted, "formatting twice changed the text");
            }
            Err(Refusal::Syntax(_)) => {}
            Err(Refusal::WouldChangeText { formatted }) => {
                panic!("the formatter would change the text:\n{formatted}")
            }
        }
    }
});
