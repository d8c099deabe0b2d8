//! The hostile corpus: inputs no drafter writes but a tool, a slip or an attacker can, each
//! with what plenary must make of it. Every one is checked, and printed as Markdown, HTML and
//! JSON (and, where the case says so, as a PDF), in the test process: a panic, a stack
//! overflow or a stall fails the suite. Each case names the codes its check must report; a
//! case with none must check clean of errors. The inputs are made here, not stored: several
//! are megabytes.

use plenary::render::print::Print;
use plenary::render::{html, json, markdown, pdf, Options};

/// One hostile input and what it must give.
struct Case {
    name: &'static str,
    input: fn() -> Vec<u8>,
    /// Codes the check must report (each at least once).
    reports: &'static [&'static str],
    /// Whether the PDF is made too (the other formats always are).
    pdf: bool,
}

const HEAD: &str = "title: Joint Statement\nplace: Beijing, China\nadopted: 2007-10-31\n\n";

fn with_head(body: &str) -> Vec<u8> {
    format!("{HEAD}{body}").into_bytes()
}

fn numbered(count: usize, text: &str) -> String {
    (1..=count).map(|n| format!("{n}. {text}\n\n")).collect()
}

const CASES: &[Case] = &[
    // Sizes beyond any real declaration.
    Case {
        name: "a line of a megabyte",
        input: || with_head(&format!("1. {}.\n", "Ministers met again. ".repeat(50_000))),
        reports: &[],
        pdf: false,
    },
    Case {
        name: "100,000 paragraphs",
        input: || with_head(&numbered(100_000, "Ministers met.")),
        reports: &[],
        pdf: false,
    },
    Case {
        name: "a word of 80,000 letters",
        input: || with_head(&format!("1. {}.\n", "a".repeat(80_000))),
        reports: &[],
        pdf: true,
    },
    Case {
        name: "3,000 footnotes called from one paragraph",
        input: || {
            let calls: String = (1..=3000).map(|n| format!("[^{n}]")).collect();
            let notes: String = (1..=3000)
                .map(|n| format!("[^{n}]: Note {n}.\n\n"))
                .collect();
            with_head(&format!("1. Ministers met{calls}.\n\n{notes}"))
        },
        reports: &[],
        pdf: true,
    },
    Case {
        name: "a paragraph of 160,000 words",
        input: || {
            with_head(&format!(
                "1. {}.\n",
                "Ministers met and agreed. ".repeat(40_000)
            ))
        },
        reports: &[],
        pdf: true,
    },
    Case {
        name: "10,000 skipped paragraph numbers",
        input: || {
            let body: String = (0..10_000)
                .map(|n| format!("{}. Ministers met.\n\n", 2 * n + 1))
                .collect();
            with_head(&body)
        },
        reports: &["numbering::skipped-number"],
        pdf: false,
    },
    Case {
        name: "a letter under 65,537 accents",
        input: || with_head(&format!("1. a{}.\n", "\u{301}".repeat(65_537))),
        reports: &[],
        pdf: true,
    },
    Case {
        name: "10,000 marks nested",
        input: || with_head(&format!("1. {}x.\n", "*\"".repeat(10_000))),
        reports: &["syntax::too-complex"],
        pdf: false,
    },
    Case {
        name: "300 marks nested",
        input: || with_head(&format!("1. {}x.\n", "*\"".repeat(300))),
        reports: &["syntax::too-complex"],
        pdf: false,
    },
    Case {
        name: "4,000 unclosed quotation marks in a paragraph",
        input: || with_head(&format!("1. {}.\n", "“word ".repeat(4000))),
        reports: &["syntax::unclosed"],
        pdf: false,
    },
    Case {
        name: "8,000 stray closing quotation marks on one line",
        input: || with_head(&format!("1. {}.\n", "word” ".repeat(8000))),
        reports: &["syntax::stray-closing-quote"],
        pdf: false,
    },
    Case {
        name: "100,000 unclosed braces",
        input: || with_head(&format!("1. {}.\n", "{".repeat(100_000))),
        reports: &["syntax::unknown-brace"],
        pdf: false,
    },
    Case {
        name: "a heading of 100,000 number signs",
        input: || with_head(&format!("{} Heading\n\n1. Text.\n", "#".repeat(100_000))),
        reports: &["syntax::invalid-heading"],
        pdf: false,
    },
    Case {
        name: "10,000 headings",
        input: || {
            let body: String = (1..=10_000)
                .map(|n| format!("## Part {n}\n\n{n}. Ministers met.\n\n"))
                .collect();
            with_head(&body)
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "10,000 bullets",
        input: || {
            with_head(&format!(
                "1. Ministers agreed:\n{}",
                "- to meet;\n".repeat(10_000)
            ))
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "sub-paragraphs nested 200 deep",
        input: || {
            let mut body = String::from("1. Ministers agreed:\n");
            for depth in 0..200 {
                body.push_str(&format!("{}(a) to meet;\n", "  ".repeat(depth + 1)));
            }
            with_head(&body)
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "an annex of 2,000 members",
        input: || {
            let members: String = (1..=2000).map(|n| format!("- Member {n}\n")).collect();
            with_head(&format!(
                "1. Ministers met.\n\nannex: List of members (2000)\n{members}"
            ))
        },
        reports: &["members::unknown"],
        pdf: false,
    },
    Case {
        name: "1,000 groups of one member",
        input: || {
            let groups: String = (1..=1000)
                .map(|n| format!("group: Group {n} (1)\n- China\n\n"))
                .collect();
            with_head(&format!(
                "1. Ministers met.\n\nannex: List of members (1000)\n\n{groups}"
            ))
        },
        reports: &["members::duplicate"],
        pdf: false,
    },
    Case {
        name: "10,000 labels and references",
        input: || {
            let body: String = (1..=10_000)
                .map(|n| format!("{n}. {{#p{n}}} As {{@p{n}}} says.\n\n"))
                .collect();
            with_head(&body)
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "100 headings each referring to the next, the last to the first",
        input: || {
            let body: String = (1..=100)
                .map(|n| {
                    let next = n % 100 + 1;
                    format!("## Part {n}, before {{@h{next}}} {{#h{n}}}\n\n{n}. Ministers met.\n\n")
                })
                .collect();
            with_head(&body)
        },
        reports: &["references::heading-refers-to-itself"],
        pdf: false,
    },
    Case {
        name: "10,000 footnote texts no paragraph calls",
        input: || {
            let notes: String = (1..=10_000)
                .map(|n| format!("[^{n}]: Note {n}.\n\n"))
                .collect();
            with_head(&format!("1. Ministers met.\n\n{notes}"))
        },
        reports: &["references::unused-footnote"],
        pdf: false,
    },
    Case {
        name: "a title of a megabyte",
        input: || {
            format!(
                "title: {}\nplace: Beijing, China\nadopted: 2007-10-31\n\n1. Ministers met.\n",
                "Joint Statement ".repeat(65_000)
            )
            .into_bytes()
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "100,000 blank lines",
        input: || {
            with_head(&format!(
                "1. Ministers met.\n{}2. Ministers agreed.\n",
                "\n".repeat(100_000)
            ))
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "lines of spaces and tabs only",
        input: || {
            with_head(&format!(
                "1. Ministers met.\n{}\n2. Ministers agreed.\n",
                " \t \n".repeat(1000)
            ))
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "10,000 Chinese characters without a space",
        input: || {
            format!(
                "title: 联合声明\nplace: 北京\nadopted: 2007-10-31\nlanguages: zh\n\n1、{}。\n",
                "中小企业合作".repeat(1700)
            )
            .into_bytes()
        },
        reports: &[],
        pdf: true,
    },
    // Characters that print as nothing, or as something else.
    Case {
        name: "a zero-width space beside Chinese in the text",
        input: || with_head("1. Ministers\u{200B}met in 北京.\n"),
        reports: &["text::invisible-character"],
        pdf: true,
    },
    Case {
        name: "Hebrew beside Chinese",
        input: || with_head("1. Ministers read עברית beside 中文.\n"),
        reports: &[],
        pdf: true,
    },
    Case {
        name: "an emoji",
        input: || with_head("1. Ministers met \u{1F600}.\n"),
        reports: &[],
        pdf: true,
    },
    Case {
        name: "control characters in the text",
        input: || with_head("1. Ministers\u{7} met\u{1B} in Beijing.\n"),
        reports: &["text::invisible-character"],
        pdf: true,
    },
    Case {
        name: "a direction override in the text",
        input: || with_head("1. Ministers met in \u{202E}gnijieB.\n"),
        reports: &["text::invisible-character"],
        pdf: true,
    },
    Case {
        name: "a zero-width space in a member's name",
        input: || {
            with_head(
                "1. Ministers met.\n\nannex: List of members (2)\n- Viet Nam\n- Vi\u{200B}et Nam\n",
            )
        },
        reports: &["members::look-alike-name", "members::duplicate"],
        pdf: true,
    },
    Case {
        name: "a Cyrillic letter in a member's name",
        input: || {
            with_head("1. Ministers met.\n\nannex: List of members (2)\n- Chin\u{430}\n- China\n")
        },
        reports: &["members::look-alike-name", "members::duplicate"],
        pdf: true,
    },
    Case {
        name: "a Greek letter in a member's name",
        input: || with_head("1. Ministers met.\n\nannex: List of members (1)\n- \u{39F}man\n"),
        reports: &["members::look-alike-name"],
        pdf: false,
    },
    Case {
        name: "a direction override in a member's name",
        input: || with_head("1. Ministers met.\n\nannex: List of members (1)\n- \u{202E}anihC\n"),
        reports: &["members::look-alike-name"],
        pdf: false,
    },
    Case {
        name: "a soft hyphen in the host",
        input: || {
            "title: Joint Statement\nplace: Beijing, China\nhost: Chi\u{AD}na\nadopted: 2007-10-31\n\n1. Ministers met.\n"
                .as_bytes()
                .to_vec()
        },
        reports: &["members::look-alike-name"],
        pdf: false,
    },
    // Bytes that are not text, and files with nearly nothing in them.
    Case {
        name: "a NUL byte",
        input: || with_head("1. Ministers\0met.\n"),
        reports: &["input::nul-byte"],
        pdf: false,
    },
    Case {
        name: "bytes that are not UTF-8",
        input: || {
            let mut bytes = with_head("1. Ministers met in ");
            bytes.extend([0xC0, 0xFF, 0xFE]);
            bytes
        },
        reports: &["input::invalid-utf8"],
        pdf: false,
    },
    Case {
        name: "UTF-16 with its byte-order mark",
        input: || {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(HEAD.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        },
        reports: &["input::invalid-utf8"],
        pdf: false,
    },
    Case {
        name: "an empty file",
        input: Vec::new,
        reports: &["syntax::missing-header"],
        pdf: false,
    },
    Case {
        name: "a byte-order mark alone",
        input: || b"\xEF\xBB\xBF".to_vec(),
        reports: &["syntax::missing-header"],
        pdf: false,
    },
    Case {
        name: "a header and no text",
        input: || HEAD.as_bytes().to_vec(),
        reports: &[],
        pdf: true,
    },
    Case {
        name: "lines ended by carriage returns alone",
        input: || {
            with_head("1. Ministers met.\n\n2. Ministers agreed.\n")
                .iter()
                .map(|&b| if b == b'\n' { b'\r' } else { b })
                .collect()
        },
        reports: &["input::carriage-return"],
        pdf: false,
    },
    Case {
        name: "line endings of every kind mixed",
        input: || {
            with_head("1. Ministers met.\r\n\r2. Ministers agreed.\n\r\n3. Ministers left.\r")
        },
        reports: &["input::carriage-return"],
        pdf: false,
    },
    // Numbers and dates no text has.
    Case {
        name: "a paragraph number of 30 digits",
        input: || with_head("123456789012345678901234567890. Ministers met.\n"),
        reports: &["syntax::paragraph-number-too-large"],
        pdf: false,
    },
    Case {
        name: "a member count of 30 digits",
        input: || {
            with_head("1. Ministers met.\n\nannex: List of members (123456789012345678901234567890)\n- China\n")
        },
        reports: &["syntax::invalid-value"],
        pdf: false,
    },
    Case {
        name: "a date in the year 9999",
        input: || {
            b"title: Joint Statement\nplace: Beijing, China\nadopted: 9999-12-31\n\n1. Ministers met.\n".to_vec()
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "a date in the year 0",
        input: || {
            b"title: Joint Statement\nplace: Beijing, China\nadopted: 0000-01-01\n\n1. Ministers met.\n".to_vec()
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "the 30th of February",
        input: || {
            b"title: Joint Statement\nplace: Beijing, China\nadopted: 2007-02-30\n\n1. Ministers met.\n".to_vec()
        },
        reports: &["syntax::invalid-date"],
        pdf: false,
    },
    Case {
        name: "a next meeting in the year 99999",
        input: || {
            b"title: Joint Statement\nseries: ASEM SMEs Ministerial Meeting\nedition: 2\nplace: Beijing, China\nadopted: 2007-10-31\nperiodicity: every 2 years\n\n1. Ministers met.\n\nnext meeting:\nedition: 3\nyear: 99999\n"
                .to_vec()
        },
        reports: &["syntax::invalid-value"],
        pdf: false,
    },
    Case {
        name: "an edition of a million",
        input: || {
            b"title: Joint Statement\nseries: ASEM SMEs Ministerial Meeting\nedition: 1000000\nplace: Beijing, China\nadopted: 2007-10-31\n\n1. Ministers met.\n"
                .to_vec()
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "a Roman paragraph number of a thousand letters",
        input: || with_head(&format!("{}. Ministers met.\n", "M".repeat(1000))),
        reports: &["syntax::invalid-roman-numeral"],
        pdf: false,
    },
    Case {
        // Each paragraph's counterpart was searched among all the other version's (quadratic).
        name: "a translation of 10,000 paragraphs that lacks every other one",
        input: || {
            let original = numbered(10_000, "Ministers met.");
            let translation: String = (1..=10_000)
                .step_by(2)
                .map(|n| format!("{n}. 部长们举行了会议。\n\n"))
                .collect();
            format!("{HEAD}{original}version: zh\ntitle: 联合声明\n\n{translation}").into_bytes()
        },
        reports: &["versions::paragraph-missing"],
        pdf: false,
    },
    Case {
        name: "1,000 language versions",
        input: || {
            let versions: String = (0..1000)
                .map(|n| {
                    let tag: String = [n / 676, n / 26 % 26, n % 26]
                        .iter()
                        .map(|&i| char::from(b'a' + i as u8))
                        .collect();
                    format!("version: {tag}\ntitle: Statement {n}\n\n1. Ministers met.\n\n")
                })
                .collect();
            with_head(&format!("1. Ministers met.\n\n{versions}"))
        },
        reports: &[],
        pdf: false,
    },
    Case {
        name: "markup and scripts in every field",
        input: || include_bytes!("hostile.decl").to_vec(),
        reports: &["references::not-a-web-address"],
        pdf: true,
    },
    Case {
        name: "a marked fact of 100,000 words",
        input: || {
            with_head(&format!(
                "1. {{{} = members}} met.\n",
                "many ".repeat(100_000)
            ))
        },
        reports: &["facts::no-data"],
        pdf: false,
    },
    // Each placeholder once looked for the ends of its line anew: quadratic on one line.
    Case {
        name: "100,000 placeholders on one line",
        input: || with_head(&format!("1. {}.\n", "[[name]] ".repeat(100_000))),
        reports: &["text::unfilled-placeholder"],
        pdf: false,
    },
    // Found by the fuzzer: the span of a Chinese paragraph number begun on a line of the
    // paragraph before ended inside its `、`, and printing the diagnostic panicked.
    Case {
        name: "a Chinese paragraph begun on a line of the one before",
        input: || with_head("1、发展中小企业。2\n2、部长们同意:\n"),
        reports: &["syntax::missing-blank-line"],
        pdf: false,
    },
];

#[test]
fn the_hostile_corpus_has_at_least_fifty_inputs() {
    assert!(CASES.len() >= 50, "{} cases", CASES.len());
}

#[test]
fn every_hostile_input_is_checked_and_printed_or_refused_with_its_diagnostic() {
    let mut failures = Vec::new();
    for case in CASES {
        let started = std::time::Instant::now();
        let bytes = (case.input)();
        let name = format!("{}.decl", case.name);
        let (checked, printed) =
            plenary::check_bytes_then(&name, &bytes, &plenary::Config::default(), |_, analysis| {
                analysis.map(|analysis| print_every_format(analysis, case.pdf))
            });
        let mut codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
        codes.dedup();
        for code in case.reports {
            if !codes.contains(code) {
                failures.push(format!("{}: no `{code}` among {codes:?}", case.name));
            }
        }
        if case.reports.is_empty() && checked.error_count() > 0 {
            let errors: Vec<String> = checked
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .take(3)
                .map(|d| {
                    format!(
                        "{}: {}",
                        d.code,
                        d.message.chars().take(200).collect::<String>()
                    )
                })
                .collect();
            failures.push(format!(
                "{}: errors on an input that has none: {errors:?}",
                case.name
            ));
        }
        // Every diagnostic points inside the file, at whole characters.
        let text = checked.source.text();
        for diagnostic in &checked.diagnostics {
            for label in &diagnostic.labels {
                let span = label.span.range();
                if span.start > span.end
                    || span.end > text.len()
                    || !text.is_char_boundary(span.start)
                    || !text.is_char_boundary(span.end)
                {
                    failures.push(format!(
                        "{}: `{}` points at {span:?}",
                        case.name, diagnostic.code
                    ));
                }
            }
        }
        if let Some(Err(error)) = printed {
            failures.push(format!("{}: {error}", case.name));
        }
        // The diagnostics can be drawn for a terminal, however long the lines they point at.
        let drawn = plenary::diagnostic::render(
            &checked.diagnostics,
            &checked.source,
            plenary::diagnostic::Style {
                color: false,
                width: 100,
            },
        );
        if drawn.len() > 2_000_000 {
            failures.push(format!(
                "{}: {} bytes of diagnostics",
                case.name,
                drawn.len()
            ));
        }
        // Seen with `--nocapture`, to find a case that grew slow; no time is asserted.
        eprintln!("{:>8.2} s  {}", started.elapsed().as_secs_f64(), case.name);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Prints an analysed document in every format, the PDF when asked: the first failure, if any.
fn print_every_format(analysis: &plenary::Analysis, with_pdf: bool) -> Result<(), String> {
    let options = Options::default();
    let print = Print::new(analysis, &options).map_err(|e| e.to_string())?;
    for render in [markdown::markdown, html::html, json::json] {
        render(&print, &options).map_err(|e| e.to_string())?;
    }
    if with_pdf {
        pdf::render(&print, &options).map_err(|e| e.to_string())?;
    }
    Ok(())
}
