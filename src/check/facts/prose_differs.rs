//! ## What it finds
//!
//! Words of the prose, not marked as a fact, that plenary recognises as a fact the header, the
//! annex or the next meeting states, and that say something else: "44 ASEM members" when the
//! annex lists 45 (and states 45), "The Third ASEM SMEs Ministerial Meeting was held in
//! Beijing" in a text whose header has `edition: first` (and whose next meeting is the second),
//! "will be held in Europe in 2010" when the next meeting's `year` is 2009, "2015 APEC Small
//! and Medium Enterprises Ministerial Meeting" in the title of the meeting of 2014.
//!
//! Only phrases that leave no doubt are read: a number directly before `members`,
//! `economies`, `countries`, `governments` or `States` that counts the whole membership (`the
//! 21 APEC economies`, `our three countries`, `from 45 ASEM members`, `45个亚欧会议成员`; not
//! `the 10 ASEAN members`, `across 9 APEC economies` or `the six States members of the
//! Community`); an ordinal directly before the series' name (an edition of the next meeting or
//! of one on the record agrees); the year after `will be held`, `meet again` and the like, and
//! the member or group named there as the next meeting's host (`will be held in Europe`,
//! `将于2009年在欧洲举行`); a day written with its weekday in a sentence that names the series
//! and says it was held (`The First ASEM SMEs Ministerial Meeting was held on Monday, 5
//! November 2007`), which must be one of the meeting's days; the year beside the forum's or the
//! series' name in the title, and a state named as the title's place (`Malaysia Declaration`
//! for a meeting in Beijing, China); how often the series is held (`the ... Meeting be held
//! biennially`, `每两年召开一次...`). `plenary check --verbose` lists every phrase recognised and
//! what it was compared with.
//!
//! ## Why it matters
//!
//! A fact the prose repeats without a mark is the copy nobody remembers to change: the annex
//! gains a member in the last round of negotiation and the first paragraph still greets 44.
//!
//! ## Example
//!
//! ```text
//! SMEs Ministers and their representatives from 44 ASEM members gathered in Beijing.
//! ```
//!
//! with `annex: List of ASEM Members (45)`.
//!
//! ## How to fix
//!
//! Correct the words, or the data if the words are right. If the words state another fact than
//! the one plenary read, mark them with the fact they state (`{44 = group Europe}`); if they
//! state no fact plenary knows, mark them `{... = none}`, and they are left as written.

use crate::analysis::facts::{describe, verb};
use crate::analysis::found::{FoundKind, Verdict};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "facts::prose-differs",
    default_severity: Severity::Error,
    summary: "words of the prose, read as a fact without a mark, that disagree with its data",
    source_file: include_str!("prose_differs.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &cx.analysis.found {
        let (
            FoundKind::Fact(key),
            Verdict::Disagrees {
                said,
                value,
                stated,
            },
        ) = (&found.kind, &found.verdict)
        else {
            continue;
        };
        let what = describe(key);
        let (words, value_words) = (found.words.as_str(), found.value.as_str());
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "the text says {said}, but {what} {} {}",
                    verb(key),
                    value.show()
                ),
            )
            .primary(found.span, format!("read as {what}: says {said}"))
            .secondary(*stated, format!("states {}", value.show()))
            .help(format!(
                "make the words say {}; if they state another fact, mark it \
                 (`{{{value_words} = ...}}`), or write `{{{words} = none}}` if they state no fact",
                value.show()
            )),
        );
    }
}
