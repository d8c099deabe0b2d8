//! ## What it finds
//!
//! Two declarations of consecutive meetings of a series, given in the same run, whose hosts do
//! not follow the rotation the earlier one states: `rotation: China, EU, Netherlands` with China
//! hosting the first meeting, and the second hosted by Belgium. Only a rotation through a list
//! of hosts is compared; one alternating between groups of the annex is not. When the earlier
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

use crate::analysis::collection::{same_host, Group};
use crate::analysis::series::same_name;
use crate::ast::Rotation;
use crate::check::across::{named, Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};

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
        let (Some(rotation), Some(host), Some((edition, _))) = (&d.rotation, &d.host, d.edition)
        else {
            continue;
        };
        let Rotation::Sequence(hosts) = &rotation.value else {
            continue;
        };
        let Some(position) = hosts.iter().position(|h| same_name(&h.value, &host.value)) else {
            continue;
        };
        let expected = &hosts[(position + 1) % hosts.len()];
        let Some(later) = edition.checked_add(1).and_then(|n| group.of_edition(n)) else {
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
        let expected_id = later
            .registry
            .lookup_in(&expected.value, later.declaration.period)
            .map(|f| f.entity.id.as_str());
        if same_host(
            &expected.value,
            expected_id,
            &next_host.value,
            later.declaration.host_id.as_deref(),
        ) {
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
            .primary(next_host.span, format!("expected {}", expected.value))
            .elsewhere(
                &d.file,
                format!("the declaration of {}", d.name()),
                expected.span,
                "next in the rotation",
            )
            .help(format!(
                "correct the host, or say in a `//` note why {} did not host",
                expected.value
            )),
        });
    }
}
