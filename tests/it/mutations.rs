//! Mutation tests: each example is perturbed in one place, the way a draft goes wrong in
//! negotiation, and the perturbation must be reported with the expected code, and with nothing
//! else: one slip, one error.
//!
//! Every mutation replaces one exact piece of an example's text, which must occur exactly once,
//! so that a change to an example cannot silently turn a mutation into a no-op. To add one, add
//! a row to [`MUTATIONS`].

use std::path::Path;

/// One perturbation of one example.
struct Mutation {
    /// The example's file name in `examples/`.
    example: &'static str,
    /// What the perturbation does, in a drafter's words.
    what: &'static str,
    /// The exact text to replace; it must occur once in the example.
    from: &'static str,
    to: &'static str,
    /// The one code that must be reported for the perturbed text: one slip, one error.
    code: &'static str,
}

const ASEM: &str = "asem-sme-2007.decl";
const APEC: &str = "apec-smemm-2014.decl";
const WORLD: &str = "world-sme-2018.decl";

const MUTATIONS: &[Mutation] = &[
    // Facts the prose states without marks.
    Mutation {
        example: ASEM,
        what: "say in the prose, unmarked, that the series meets every year",
        from: "Ministerial Meeting be held biennially",
        to: "Ministerial Meeting be held annually",
        code: "facts::prose-differs",
    },
    Mutation {
        example: APEC,
        what: "put another year in the title",
        from: "title: 2014 APEC",
        to: "title: 2015 APEC",
        code: "facts::prose-differs",
    },
    // The meeting series.
    Mutation {
        example: ASEM,
        what: "change the next year",
        from: "year: 2009",
        to: "year: 2010",
        code: "series::next-year",
    },
    Mutation {
        example: WORLD,
        what: "change the next year of an annual series",
        from: "year: 2019",
        to: "year: 2021",
        code: "series::next-year",
    },
    Mutation {
        example: ASEM,
        what: "move the next host to the same group",
        from: "host: Europe",
        to: "host: Asia",
        code: "series::next-host-breaks-rotation",
    },
    Mutation {
        example: ASEM,
        what: "move the next host to a member of the same group",
        from: "host: Europe",
        to: "host: Japan",
        code: "series::next-host-breaks-rotation",
    },
    Mutation {
        example: APEC,
        what: "skip a host of the sequence",
        from: "host: Philippines",
        to: "host: Peru",
        code: "series::next-host-breaks-rotation",
    },
    Mutation {
        example: ASEM,
        what: "misspell a rotation group",
        from: "rotation: alternate Asia; Europe",
        to: "rotation: alternate Asia; Europa",
        code: "series::unknown-rotation-group",
    },
    Mutation {
        example: ASEM,
        what: "misspell the next host",
        from: "host: Europe",
        to: "host: Europa",
        code: "series::unknown-next-host",
    },
    Mutation {
        example: APEC,
        what: "change the next edition",
        from: "edition: 22nd",
        to: "edition: 23rd",
        code: "series::next-edition",
    },
    Mutation {
        example: APEC,
        what: "put the next meeting before this one",
        from: "dates: 2015-09-21 to 2015-09-25",
        to: "dates: 2014-09-01 to 2014-09-03",
        code: "series::next-meeting-not-after",
    },
    Mutation {
        example: APEC,
        what: "state a next year that is not the year of the next dates",
        from: "dates: 2015-09-21 to 2015-09-25",
        to: "year: 2016\ndates: 2015-09-21 to 2015-09-25",
        code: "series::next-year-and-dates-differ",
    },
    // Numbering.
    Mutation {
        example: ASEM,
        what: "skip a paragraph number",
        from: "\n16. Ministers noted",
        to: "\n17. Ministers noted",
        code: "numbering::skipped-number",
    },
    Mutation {
        example: ASEM,
        what: "repeat a paragraph number",
        from: "\n16. Ministers noted",
        to: "\n15. Ministers noted",
        code: "numbering::repeated-number",
    },
    Mutation {
        example: APEC,
        what: "skip the number of the last paragraph",
        from: "\n31. The {22nd",
        to: "\n32. The {22nd",
        code: "numbering::skipped-number",
    },
    Mutation {
        example: WORLD,
        what: "mistype a Roman part number",
        from: "III. **New course",
        to: "IV. **New course",
        code: "numbering::number-out-of-order",
    },
    Mutation {
        example: ASEM,
        what: "repeat a Chinese paragraph number",
        from: "\n9、部长们鼓励",
        to: "\n8、部长们鼓励",
        code: "numbering::repeated-number",
    },
    // Language versions.
    Mutation {
        example: ASEM,
        what: "drop a Chinese paragraph",
        from: "8、部长们鼓励中小企业在其生产经营活动中关注环境保护,履行社会责任,改善工作环境,维护职工权益。\n\n",
        to: "",
        code: "versions::paragraph-missing",
    },
    Mutation {
        example: ASEM,
        what: "drop a Chinese heading",
        from: "## 相关行动\n\n",
        to: "",
        code: "versions::section-missing",
    },
    Mutation {
        example: ASEM,
        what: "drop the Chinese footnote text",
        from: "[^1]: {@members}\n\nannex: 亚欧会议成员名单",
        to: "annex: 亚欧会议成员名单",
        code: "references::undefined-footnote",
    },
    Mutation {
        example: ASEM,
        what: "unmark a fact in the Chinese version",
        from: "{欧洲 = next host}",
        to: "欧洲",
        code: "versions::marked-facts-differ",
    },
    Mutation {
        example: ASEM,
        what: "list a language without its version",
        from: "languages: en, zh",
        to: "languages: en, zh, fr",
        code: "versions::languages-differ",
    },
    // References and footnotes.
    Mutation {
        example: ASEM,
        what: "use a label twice",
        from: "\n15. Ministers agreed to set up",
        to: "\n15. {#members} Ministers agreed to set up",
        code: "references::duplicate-label",
    },
    Mutation {
        example: ASEM,
        what: "break a reference",
        from: "in {2009 = next year}.\n\n[^1]: {@members}",
        to: "in {2009 = next year}.\n\n[^1]: {@member}",
        code: "references::unresolved",
    },
    Mutation {
        example: ASEM,
        what: "drop the footnote text of the original",
        from: "in {2009 = next year}.\n\n[^1]: {@members}\n",
        to: "in {2009 = next year}.\n",
        code: "references::undefined-footnote",
    },
    // Marked facts.
    Mutation {
        example: ASEM,
        what: "change a marked fact",
        from: "{45 = members} ASEM",
        to: "{44 = members} ASEM",
        code: "facts::mismatch",
    },
    Mutation {
        example: ASEM,
        what: "change the marked dates",
        from: "{October 30-31, 2007 = dates}",
        to: "{October 30-31, 2008 = dates}",
        code: "facts::mismatch",
    },
    Mutation {
        example: ASEM,
        what: "change a Chinese ordinal",
        from: "{第二 = next edition}",
        to: "{第三 = next edition}",
        code: "facts::mismatch",
    },
    Mutation {
        example: ASEM,
        what: "change the Chinese dates",
        from: "{2007年10月30~31日 = dates}",
        to: "{2007年10月29~31日 = dates}",
        code: "facts::mismatch",
    },
    Mutation {
        example: ASEM,
        what: "name the other group in Chinese",
        from: "{欧洲 = next host}",
        to: "{亚洲 = next host}",
        code: "facts::mismatch",
    },
    Mutation {
        example: APEC,
        what: "change a marked edition",
        from: "{21st = edition}",
        to: "{20th = edition}",
        code: "facts::mismatch",
    },
    Mutation {
        example: WORLD,
        what: "change the date in prose",
        from: "{the 23rd day of June 2018 = dates}",
        to: "{the 22nd day of June 2018 = dates}",
        code: "facts::mismatch",
    },
    Mutation {
        example: WORLD,
        what: "mark the next meeting's host that is not stated",
        from: "We are looking forward to our reunion in the next year.",
        to: "We are looking forward to our reunion in {Paris = next host}.",
        code: "facts::no-data",
    },
    // Dates.
    Mutation {
        example: ASEM,
        what: "change the adoption date",
        from: "adopted: 2007-10-31",
        to: "adopted: 2007-10-29",
        code: "dates::adopted-outside-meeting",
    },
    Mutation {
        example: WORLD,
        what: "change the adoption date to a month later",
        from: "adopted: 2018-06-24",
        to: "adopted: 2018-07-24",
        code: "dates::adopted-outside-meeting",
    },
    Mutation {
        example: WORLD,
        what: "date the closing on another day",
        from: "date: 2018-06-24",
        to: "date: 2018-06-25",
        code: "dates::closing-date-differs",
    },
    Mutation {
        example: WORLD,
        what: "give the closing another place",
        from: "closing:\n",
        to: "closing:\nplace: Shanghai\n",
        code: "dates::closing-place-differs",
    },
    // The member annex.
    Mutation {
        example: ASEM,
        what: "drop a member",
        from: "- Viet Nam\n",
        to: "",
        code: "members::missing-forum-member",
    },
    Mutation {
        example: ASEM,
        what: "drop a member from the Chinese annex",
        from: "- 越南\n",
        to: "",
        code: "versions::member-mismatch",
    },
    Mutation {
        example: ASEM,
        what: "list a member again under an informal name",
        from: "- Viet Nam\n",
        to: "- Viet Nam\n- Vietnam\n",
        code: "members::duplicate-under-another-name",
    },
    Mutation {
        example: ASEM,
        what: "list a member under an informal name",
        from: "- Viet Nam\n",
        to: "- Vietnam\n",
        code: "members::non-standard-spelling",
    },
    Mutation {
        example: ASEM,
        what: "list a member twice",
        from: "- Viet Nam\n",
        to: "- Viet Nam\n- Viet Nam\n",
        code: "members::duplicate",
    },
    Mutation {
        example: ASEM,
        what: "change the stated total",
        from: "List of ASEM Members (45)",
        to: "List of ASEM Members (46)",
        code: "members::count-mismatch",
    },
    Mutation {
        example: ASEM,
        what: "change a group's stated count",
        from: "group: Asia (16)",
        to: "group: Asia (17)",
        code: "members::group-count-mismatch",
    },
    Mutation {
        example: ASEM,
        what: "list a member that joined the forum later",
        from: "- Viet Nam\n",
        to: "- Viet Nam\n- Russia\n",
        code: "members::not-in-forum",
    },
    Mutation {
        example: ASEM,
        what: "misspell a member",
        from: "- Viet Nam\n",
        to: "- Viet Namm\n",
        code: "members::misspelt",
    },
    // The words themselves.
    Mutation {
        example: ASEM,
        what: "misspell a word as the NDRC release did",
        from: "encouraged financial institutions",
        to: "encouraged finacial institutions",
        code: "text::misspelt-word",
    },
];

fn read(example: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    std::fs::read_to_string(path).expect("the example exists")
}

/// The codes reported for a text.
fn codes(name: &str, text: &str) -> Vec<&'static str> {
    plenary::check_bytes(name, text.as_bytes())
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn every_mutation_is_reported_with_its_code() {
    let mut failures = Vec::new();
    for mutation in MUTATIONS {
        let original = read(mutation.example);
        let occurrences = original.matches(mutation.from).count();
        assert_eq!(
            occurrences, 1,
            "{} ({}): the text to replace must occur once, it occurs {occurrences} times: {:?}",
            mutation.example, mutation.what, mutation.from
        );
        let mutated = original.replacen(mutation.from, mutation.to, 1);
        let found = codes(mutation.example, &mutated);
        if found != [mutation.code] {
            failures.push(format!(
                "{} ({}): expected {} alone, found {:?}",
                mutation.example, mutation.what, mutation.code, found
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "mutations not reported:\n{}",
        failures.join("\n")
    );
}

/// A mutation proves something only if the example without it is clean.
#[test]
fn the_examples_are_clean_before_mutation() {
    let mut examples: Vec<&str> = MUTATIONS.iter().map(|m| m.example).collect();
    examples.dedup();
    for example in examples {
        let found = codes(example, &read(example));
        assert!(found.is_empty(), "{example}: {found:?}");
    }
}
