//! Turns the English word lists of `data/spelling/` into the set the spelling check reads
//! (`src/spelling.rs`): an `fst` map from each word to the spellings that accept it, written to
//! `OUT_DIR` and included in the binary, so that a run of `plenary check` looks words up with
//! no parsing at all.
//!
//! Also writes the registry of `data/registry.toml` as JSON to `OUT_DIR`, which the binary
//! includes: reading the TOML took 2.6 ms of every run, the same data as JSON a fraction of it.
//! The TOML stays the file people edit, and its own errors are reported here, at build time.

use std::collections::BTreeMap;
use std::path::Path;

/// The lists, with the spellings that accept their words: American (1), British (2), both (3).
/// `words.txt` is the project's own list, kept by hand, of words the dictionaries lack.
const LISTS: [(&str, u64); 4] = [
    ("en.txt", 3),
    ("en-us.txt", 1),
    ("en-gb.txt", 2),
    ("words.txt", 3),
];

fn main() {
    spelling();
    registry();
}

fn registry() {
    let path = Path::new("data/registry.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::to_string(&value).expect("a TOML value is JSON");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("registry.json");
    std::fs::write(&out, json).expect("OUT_DIR is writable");
}

fn spelling() {
    let dir = Path::new("data/spelling");
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    for (name, spellings) in LISTS {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or("").trim();
            if !word.is_empty() {
                *words.entry(word.to_string()).or_default() |= spellings;
            }
        }
    }
    let mut map = fst::MapBuilder::memory();
    for (word, spellings) in &words {
        map.insert(word, *spellings).expect("the words are sorted");
    }
    let bytes = map.into_inner().expect("an fst in memory");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("en.fst");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}
