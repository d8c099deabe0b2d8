//! ## What it finds
//!
//! A language version whose member annex does not list the same members as the original's.
//! Names are matched through the registry of members, which knows each member's name in each
//! language: 越南 in the Chinese annex is Viet Nam in the English one.
//!
//! A misspelt name is matched to the member it most likely means. A member of the forum missing
//! from the original's annex, or one the original lists though not a member then, is reported
//! by the forum checks of the original rather than as a difference of the versions.
//!
//! ## Why it matters
//!
//! Every language version of a declaration is equally authentic. A member listed in one and
//! missing from another makes the versions say different things about who adopted the text.
//!
//! ## Example
//!
//! ```text
//! annex: List of ASEM Members (45)
//! - Viet Nam
//! ...
//! version: zh
//! ...
//! annex: 亚欧会议成员名单 (45)
//! - 老挝
//! ```
//!
//! ## How to fix
//!
//! Add the member that is missing to the version that lacks it, or remove the one listed by
//! mistake, so that every version lists the same members.

use crate::analysis::members::{AnnexInfo, Listed};
use crate::check::members::fitting_forum;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::member-mismatch",
    default_severity: Severity::Error,
    summary: "a language version's annex lists other members than the original's",
    source_file: include_str!("member_mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(original) = cx.analysis.annex_of(0) else {
        return;
    };
    let (original_annex, original_language) = (original.annex, original.language);
    // The member checks of the original's annex against the forum name a member missing from
    // it, or listed in it though not a member then: the versions' difference is that slip.
    let forum = fitting_forum(cx).filter(|_| original.complete);
    let missing_from_forum = |id: &str| forum.is_some_and(|f| f.members.contains(id));
    let outside_forum = |id: &str| forum.is_some_and(|f| !f.members.contains(id));
    for version in cx.analysis.translations() {
        // A version without an annex is a matter of the versions' structure, not of members.
        let Some(info) = cx.analysis.annex_of(version.index) else {
            continue;
        };
        let (annex, language) = (info.annex, info.language);
        // Names the registry does not know cannot be matched; `members::unknown` reports them.
        for missing in not_in(original, info) {
            let entity = missing.found.expect("known").entity;
            if outside_forum(&entity.id) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the {language} annex does not list {} ({}), which the {original_language} annex lists",
                        entity.preferred(language),
                        missing.member.name
                    ),
                )
                .primary(annex.title.span, format!("no {} in this annex", entity.preferred(language)))
                .secondary(missing.member.span, format!("listed in the {original_language} annex"))
                .help(format!(
                    "add `- {}` to the {language} annex, or remove `{}` from the {original_language} one",
                    entity.preferred(language),
                    missing.member.name
                )),
            );
        }
        for extra in not_in(info, original) {
            let entity = extra.found.expect("known").entity;
            if missing_from_forum(&entity.id) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the {language} annex lists {} ({}), which the {original_language} annex does not",
                        extra.member.name,
                        entity.preferred(original_language)
                    ),
                )
                .primary(extra.member.span, format!("not in the {original_language} annex"))
                .secondary(original_annex.title.span, format!("the {original_language} annex"))
                .help(format!(
                    "remove `{}` from the {language} annex, or add `- {}` to the {original_language} one",
                    extra.member.name,
                    entity.preferred(original_language)
                )),
            );
        }
    }
}

/// The members `these` lists by a name the registry knows, that `those` does not list (by any
/// name, or by a misspelling that most likely means them).
fn not_in<'i, 'a>(these: &'i AnnexInfo<'a>, those: &AnnexInfo<'a>) -> Vec<&'i Listed<'a>> {
    these
        .listed
        .iter()
        .filter(|listed| {
            listed
                .found
                .is_some_and(|found| !those.lists(&found.entity.id))
        })
        .collect()
}
