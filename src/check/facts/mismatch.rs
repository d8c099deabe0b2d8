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

use crate::ast::Inline;
use crate::check::facts::{compare, data, describe, verb, Data, Reading};
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "facts::mismatch",
    default_severity: Severity::Error,
    summary: "a marked fact whose words disagree with its data",
    source_file: include_str!("mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (index, version) in cx.document.versions.iter().enumerate() {
        let language = version
            .header
            .as_ref()
            .filter(|_| index > 0)
            .map(|h| h.language.value.as_str());
        version.for_each_inline(&mut |inline| {
            let Inline::Fact { text, key, .. } = inline else {
                return;
            };
            let Data::Stated { value, span } = data(cx.document, index, &key.value) else {
                return;
            };
            let what = describe(&key.value);
            let words = text.value.as_str();
            let diagnostic = match compare(words, &value, language, cx.registry) {
                Reading::Agrees | Reading::Unchecked => return,
                Reading::Disagrees(said) => Diagnostic::error(
                    RULE.code,
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
                    RULE.code,
                    format!("the words `{words}` do not read as {what}"),
                )
                .primary(text.span, format!("expected {kind}"))
                .secondary(span, format!("states {}", value.show()))
                .help(format!(
                    "write the fact as {kind} (here {}), or mark only the words that state it",
                    value.show()
                )),
            };
            out.push(diagnostic);
        });
    }
}
