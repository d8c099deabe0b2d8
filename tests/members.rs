//! The member checks on the real ASEM declaration of 2007: each kind of slip a drafter can make
//! in its annex is reported with the code of the check made for it.

use std::collections::BTreeSet;

const ASEM_2007: &str = include_str!("../examples/asem-sme-2007.decl");

/// The codes of the diagnostics of a text, without repeats.
fn codes(text: &str) -> BTreeSet<&'static str> {
    plenary::check_bytes("asem-sme-2007.decl", text.as_bytes())
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

/// The text with the first occurrence of `from` replaced by `to`; the line must be there.
fn edit(from: &str, to: &str) -> String {
    assert!(ASEM_2007.contains(from), "the example has `{from}`");
    ASEM_2007.replacen(from, to, 1)
}

#[test]
fn the_example_is_clean() {
    assert_eq!(codes(ASEM_2007), BTreeSet::new());
}

#[test]
fn dropping_a_member_is_reported() {
    let codes = codes(&edit("- Viet Nam\n", ""));
    for code in [
        "members::count-mismatch",
        "members::group-count-mismatch",
        "members::missing-forum-member",
        "versions::member-mismatch",
    ] {
        assert!(codes.contains(code), "{code} in {codes:?}");
    }
}

#[test]
fn a_member_listed_again_under_an_informal_name_is_reported() {
    let codes = codes(&edit("- Viet Nam\n", "- Viet Nam\n- Vietnam\n"));
    for code in [
        "members::count-mismatch",
        "members::duplicate-under-another-name",
        "members::non-standard-spelling",
    ] {
        assert!(codes.contains(code), "{code} in {codes:?}");
    }
}

#[test]
fn a_wrong_stated_total_is_reported() {
    let codes = codes(&edit(
        "List of ASEM Members (45)",
        "List of ASEM Members (46)",
    ));
    assert_eq!(
        codes,
        BTreeSet::from(["members::count-mismatch", "members::forum-count-mismatch"])
    );
}

#[test]
fn a_member_that_joined_later_is_reported() {
    let codes = codes(&edit("- Viet Nam\n", "- Viet Nam\n- Russia\n"));
    assert!(codes.contains("members::not-in-forum"), "{codes:?}");
}

#[test]
fn a_member_missing_from_the_chinese_annex_is_reported() {
    let codes = codes(&edit("- 越南\n", ""));
    assert!(codes.contains("versions::member-mismatch"), "{codes:?}");
    assert!(codes.contains("members::count-mismatch"), "{codes:?}");
}
