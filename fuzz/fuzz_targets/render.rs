//! Any text that reads as a declaration prints as Markdown, HTML and JSON without a panic, in
//! every language version and side by side.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::render::{html, json, markdown, print::Print, Options};

fuzz_target!(|bytes: &[u8]| {
    plenary::check_bytes_then("fuzz.decl", bytes, &plenary::Config::default(), |_, analysis| {
        let Some(analysis) = analysis else { return };
        let mut languages = vec![None];
        languages.extend(analysis.versions.iter().filter_map(|info| {
            let header = info.version.header.as_ref()?;
            Some(Some(header.language.value.clone()))
        }));
        for language in languages {
            for parallel in [false, true] {
                let options = Options {
                    language: language.clone(),
                    parallel,
                    ..Options::default()
                };
                let Ok(print) = Print::new(analysis, &options) else { continue };
                for renderer in [markdown::markdown, html::html, json::json] {
                    let _ = renderer(&print, &options);
                }
            }
        }
    });
});
