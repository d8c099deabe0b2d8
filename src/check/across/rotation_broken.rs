//! ## What it finds
//!
//! Two declarations of consecutive meetings of a series, given in the same run, whose hosts do
//! not follow the rotation the earlier one states: `rotation: China, EU, Netherlands` with China
//! hosting the first meeting, and the second hosted by Belgium; or `rotation: alternate Asia;
//! Europe` with China, of the group Asia of the annex, hosting the first, and Japan the second.
//! A host that the earlier declaration's annex lists in no group is not compared. When the earlier
//! declaration's `next meeting:` block names the host, the later declaration is compared with
//! that block instead (`across::next-meeting-differs-from-its-declaration`).
//!
//! ## Why it matters
//!
//! The rotation says whose turn it is. A meeting hosted out of turn is a slip in a host, or a
//! change of the rotation that the series' texts should record.
//!
//! ## Example
//!
//! ```text
//! // asem-sme-2007.decl
//! edition: first
//! host: China
//! rotation: China, Netherlands, Thailand
//!
//! // asem-sme-2009.decl
//! edition: second
//! host: Belgium
//! ```
//!
//! ## How to fix
//!
//! Correct the host that is wrong, or say in a `//` note why the turn changed.

use crate::analysis::collection::{same_host, Declaration, Group, Member};
use crate::analysis::series::same_name;
use crate::ast::Rotation;
use crate::check::across::{named, Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::fold;
use crate::source::Spanned;

pub const CHECK: Across = Across {
    code: "across::rotation-broken",
    default_severity: Severity::Warning,
    summary: "a meeting hosted out of the turn the previous meeting's rotation gives",
    source_file: include_str!("rotation_broken.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    for earlier in &group.members {
        let d = earlier.declaration;
        let (Some(rotation), Some(host)) = (&d.rotation, &d.host) else {
            continue;
        };
        let Some(later) = group.next_after(*earlier) else {
            continue;
        };
        // A next meeting announced with its host is compared with the later declaration by
        // `across::next-meeting-differs-from-its-declaration`.
        if group
            .announced(*earlier, later)
            .is_some_and(|s| s.host.is_some())
        {
            continue;
        }
        let Some(next_host) = &later.declaration.host else {
            continue;
        };
        let Some((expected, kept)) = turn(d, &rotation.value, host, later) else {
            continue;
        };
        if kept {
            continue;
        }
        out.push(Placed {
            file: later.index,
            diagnostic: Diagnostic::warning(
                CHECK.code,
                format!(
                    "this meeting is hosted by {}, but by the rotation of {} the turn after {} is {}'s",
                    next_host.value,
                    named(d),
                    host.value,
                    expected.value
                ),
            )
            .primary(
                next_host.span,
                match &rotation.value {
                    Rotation::Sequence(_) => format!("expected {}", expected.value),
                    Rotation::Alternate(_) => format!("expected a member of {}", expected.value),
                },
            )
            .elsewhere(
                &d.file,
                format!("the declaration of {}", d.name()),
                expected.span,
                "next in the rotation",
            )
            .help(format!(
                "correct the host, or say in a `//` note why the turn was not {}'s",
                expected.value
            )),
        });
    }
}

/// The host or group whose turn the rotation gives after the earlier meeting's host, and whether
/// the later meeting's host is it; `None` when the turn cannot be worked out (a host in none of
/// the groups of the earlier declaration's annex, or not in the sequence).
fn turn<'a>(
    earlier: &'a Declaration,
    rotation: &'a Rotation,
    host: &Spanned<String>,
    later: Member,
) -> Option<(&'a Spanned<String>, bool)> {
    let next_host = later.declaration.host.as_ref()?;
    match rotation {
        Rotation::Sequence(hosts) => {
            let position = hosts
                .iter()
                .position(|h| same_name(&h.value, &host.value))?;
            let expected = &hosts[(position + 1) % hosts.len()];
            let expected_id = later
                .registry
                .lookup_in(&expected.value, later.declaration.period)
                .map(|f| f.entity.id.as_str());
            let kept = same_host(
                &expected.value,
                expected_id,
                &next_host.value,
                later.declaration.host_id.as_deref(),
            );
            Some((expected, kept))
        }
        Rotation::Alternate(groups) => {
            let group_of =
                |name: &str, id: Option<&str>| earlier.groups.iter().find(|g| g.lists(name, id));
            let this = group_of(&host.value, earlier.host_id.as_deref())?;
            let position = groups.iter().position(|g| fold(&g.value) == this.name)?;
            let expected = &groups[(position + 1) % groups.len()];
            let next = group_of(&next_host.value, later.declaration.host_id.as_deref())?;
            Some((expected, next.name == fold(&expected.value)))
        }
    }
}
