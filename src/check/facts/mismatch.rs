//! ## What it finds
//!
//! A marked fact `{words = key}` whose words do not agree with the data the key names:
//! `{44 = members}` when the annex states 45, `{third = next edition}` when the next meeting is
//! the second, `{30-31 October 2008 = dates}` when the header has 2007.
//!
//! Numbers, ordinals, years and dates are read, in English and in Chinese (`首届`, `第二`,
//! `2007年10月30~31日`), and compared as values. Text facts (`series`, `theme`, `place`,
//! `host`, `forum`) are compared ignoring case and spacing; a `place` may be named by one of its
//! parts (`Beijing` for `Beijing, China`, `北京` for `中国 北京`), and a `host` by the annex
//! group it belongs to (`Europe` for `Germany`). A `host` is also the same member named in any
//! language or spelling the registry of members knows: `{中国 = host}` agrees with `host:
//! China`, `{Viet Nam = next host}` with `host: Vietnam`. A translation's `series`, `place` and
//! `theme` are those under its `version:` line; group names in a translation are read through a
//! small table of names (`欧洲` is Europe), and a name in another language that neither the table
//! nor the registry has is not checked.
//!
//! ## Why it matters
//!
//! The prose repeats the facts of the header, the annex and the next meeting. When one of them
//! changes in negotiation, the copy in the prose is the one forgotten, and the declaration
//! contradicts itself.
//!
//! ## Example
//!
//! ```text
//! Ministers noted that the {second = next edition} Meeting will be held in
//! {Europe = next host} in {2010 = next year}.
//! ```
//!
//! with `year: 2009` under `next meeting:`.
//!
//! ## How to fix
//!
//! Correct the words, or correct the data if the words are right; they must say the same.

use crate::analysis::facts::{describe, verb, Data};
use crate::ast::Inline;
use crate::check::facts::{compare, Reading, Tongue};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "facts::mismatch",
    default_severity: Severity::Error,
    summary: "a marked fact whose words disagree with its data",
    source_file: include_str!("mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        let tongue = Tongue {
            language: info.meta.language,
            translated: info.index > 0,
        };
        info.version.for_each_inline(&mut |inline| {
            let Inline::Fact { text, key, .. } = inline else {
                return;
            };
            let Data::Stated {
                value,
                span,
                derived,
            } = cx.analysis.fact(info.index, &key.value)
            else {
                return;
            };
            let what = describe(&key.value);
            let words = text.value.as_str();
            let reading = compare(words, &value, tongue, cx.registry);
            // Words that say what another fact gives (the members the annex lists, the host the
            // rotation gives) agree with the text; the check of that fact reports the
            // disagreement, and tells which of the two to correct.
            if matches!(reading, Reading::Disagrees(_))
                && derived.iter().any(|d| {
                    matches!(
                        compare(words, &d.value, tongue, cx.registry),
                        Reading::Agrees
                    )
                })
            {
                return;
            }
            let mut diagnostic = match reading {
                Reading::Agrees | Reading::Unchecked => return,
                Reading::Disagrees(said) => Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the text says {said}, but {what} {} {}",
                        verb(&key.value),
                        value.show()
                    ),
                )
                .primary(text.span, format!("says {said}"))
                .secondary(span, format!("states {}", value.show()))
                .help(format!(
                    "make the words say {}, or correct the data if the words are right",
                    value.show()
                )),
                Reading::Unreadable(kind) => Diagnostic::error(
                    CHECK.code,
                    format!("the words `{words}` do not read as {what}"),
                )
                .primary(text.span, format!("expected {kind}"))
                .secondary(span, format!("states {}", value.show()))
                .help(format!(
                    "write the fact as {kind} (here {}), or mark only the words that state it",
                    value.show()
                )),
            };
            for d in &derived {
                diagnostic = diagnostic.note(format!("{} {}", d.source, d.value.show()));
            }
            out.push(diagnostic);
        });
    }
}
