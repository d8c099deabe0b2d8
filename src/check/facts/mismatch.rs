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
use crate::analysis::members::AnnexInfo;
use crate::ast::{FactKey, Inline, MeetingFact};
use crate::check::facts::{compare, read_count, read_member_names, Reading, Tongue};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::numbers::{join_words, read_approximate_count};
use crate::registry::{fold, Entity};
use crate::source::Spanned;

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
            year: cx.analysis.series.this_year.map(|(year, _)| year),
        };
        info.version.for_each_inline(&mut |inline| {
            let Inline::Fact { text, key, .. } = inline else {
                return;
            };
            if key.value == FactKey::Members
                && read_count(&text.value, tongue.language).is_none()
                && read_approximate_count(&text.value, tongue.language).is_none()
            {
                if let Some(names) = read_member_names(&text.value, cx.registry) {
                    // The list that stands in for the annex is not compared with itself.
                    let annex = cx
                        .analysis
                        .annex_of(info.index)
                        .or(cx.analysis.annex_of(0))
                        .filter(|a| !(a.annex.from_prose && a.annex.span == text.span));
                    if let Some(diagnostic) = names_differ(text, &names, annex) {
                        out.push(diagnostic);
                    }
                    return;
                }
            }
            let Data::Stated {
                value,
                span,
                derived,
            } = cx.analysis.fact(info.index, &key.value)
            else {
                return;
            };
            let prose = key.value == FactKey::Members
                && cx
                    .analysis
                    .annex_of(info.index)
                    .or(cx.analysis.annex_of(0))
                    .is_some_and(|a| a.annex.from_prose);
            let what = if prose {
                "the number of members the text names".to_string()
            } else {
                describe(&key.value)
            };
            let words = text.value.as_str();
            // A translation's series, place and theme are its own, in its own language: they are
            // compared as written, not through the names of other languages.
            let own = matches!(
                key.value,
                FactKey::Meeting(MeetingFact::Series | MeetingFact::Place | MeetingFact::Theme)
            );
            let tongue = Tongue {
                translated: tongue.translated && !own,
                ..tongue
            };
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

/// Members named in the prose, against the member annex: the names it lacks and the members it
/// lists that the prose does not name. A name is the annex's when it is the same member of the
/// registry, or the same words.
fn names_differ(
    text: &Spanned<String>,
    names: &[(String, Option<&Entity>)],
    annex: Option<&AnnexInfo>,
) -> Option<Diagnostic> {
    let annex = annex.filter(|a| a.complete)?;
    let in_annex = |(name, entity): &(String, Option<&Entity>)| {
        annex.listed.iter().any(|listed| {
            entity.is_some_and(|e| listed.id() == Some(e.id.as_str()))
                || fold(&listed.member.name) == fold(name)
        })
    };
    let not_listed: Vec<&str> = names
        .iter()
        .filter(|n| !in_annex(n))
        .map(|(name, _)| name.as_str())
        .collect();
    let not_named: Vec<&str> = annex
        .listed
        .iter()
        .filter(|listed| {
            !names.iter().any(|(name, entity)| {
                entity.is_some_and(|e| listed.id() == Some(e.id.as_str()))
                    || fold(&listed.member.name) == fold(name)
            })
        })
        .map(|listed| listed.member.name.as_str())
        .collect();
    if not_listed.is_empty() && not_named.is_empty() {
        return None;
    }
    // Members named only in the prose: a later list is compared with the first, which stands in
    // for the annex.
    let (first, lists, label, help) = if annex.annex.from_prose {
        (
            "the first list of members",
            "names",
            "the first list of members",
            "name the same members in both lists, or correct the list that is wrong",
        )
    } else {
        (
            "the annex",
            "lists",
            "the member annex",
            "name in the text the members the annex lists, or correct the annex",
        )
    };
    let mut parts = Vec::new();
    if !not_named.is_empty() {
        parts.push(format!(
            "it does not name {}",
            join_words(&not_named, "and")
        ));
    }
    if !not_listed.is_empty() {
        parts.push(format!(
            "{first} does not {} {}",
            lists.trim_end_matches('s'),
            join_words(&not_listed, "or")
        ));
    }
    Some(
        Diagnostic::error(
            CHECK.code,
            format!(
                "the text names {} members, and {first} {lists} {}: {}",
                names.len(),
                annex.listed.len(),
                parts.join("; ")
            ),
        )
        .primary(text.span, format!("names {} members", names.len()))
        .secondary(annex.annex.title.span, label)
        .help(help),
    )
}
