//! ## What it finds
//!
//! A next host that the header's `rotation` does not allow.
//!
//! - `rotation: alternate Asia; Europe`: hosts take turns between the groups of the annex, in
//!   the order listed. This meeting's host is looked up in the annex (China is in the group
//!   Asia), and the next host, a group name or a member of a group, must be in the group that
//!   follows (Europe).
//! - `rotation: sequence China; Philippines; Peru`: hosts follow the list, starting again at
//!   its head after its end. The next host must be the name after this meeting's host.
//!
//! This meeting's host is looked up under any of its names ("Vietnam" finds "Viet Nam" in the
//! annex); a host the annex does not list at all is reported, since the turn cannot be worked
//! out without it.
//!
//! ## Why it matters
//!
//! The rotation is what the members agreed; a next host that breaks it contradicts another
//! paragraph of the same text, and usually means that a name was copied from an earlier
//! declaration.
//!
//! ## Example
//!
//! ```text
//! host: China
//! rotation: alternate Asia; Europe
//!
//! next meeting:
//! host: Japan
//! ```
//!
//! ## How to fix
//!
//! Name a next host that the rotation allows (plenary says which), or correct `rotation` if
//! the members agreed another order.

use crate::analysis::series::{same_name, Turn};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "series::next-host-breaks-rotation",
    default_severity: Severity::Error,
    summary: "a next host that the rotation does not allow",
    source_file: include_str!("next_host_breaks_rotation.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let header = &cx.document.header;
    let (Some(rotation), Some(host), Some(next)) = (
        header.rotation.as_ref(),
        header.host.as_ref(),
        cx.document
            .next_meeting
            .as_ref()
            .and_then(|n| n.host.as_ref()),
    ) else {
        return;
    };
    match &cx.analysis.series.turn {
        Turn::HostInNoGroup => out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "this meeting's host {} is in no group of the annex, so the rotation cannot tell whose turn is next",
                    host.value
                ),
            )
            .primary(host.span, "in no group of the annex")
            .secondary(rotation.span, "the rotation")
            .help("write the host as the annex lists it, or list it in the group it belongs to"),
        ),
        Turn::HostNotInSequence => out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "this meeting's host {} is not in the rotation sequence",
                    host.value
                ),
            )
            .primary(host.span, "not in the sequence")
            .secondary(rotation.span, "the sequence of hosts")
            .help("add the host to `rotation: sequence ...` in its turn, or correct the host's name"),
        ),
        Turn::Expected {
            host: expected,
            kept: false,
            groups: None,
        } => out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "the next host is {}, but the rotation sequence gives {} after {}",
                    next.value, expected.value, host.value
                ),
            )
            .primary(next.span, format!("expected {}", expected.value))
            .secondary(expected.span, format!("next after {} in the rotation", host.value))
            .help(format!(
                "write `host: {}` under `next meeting:`, or correct the sequence if the members agreed another order",
                expected.value
            )),
        ),
        Turn::Expected {
            host: expected,
            kept: false,
            groups: Some((this_group, next_group)),
        } => {
            let next_is = if same_name(next_group, &next.value) {
                format!("the next host is {}", next.value)
            } else {
                format!("the next host {} is in the group {next_group}", next.value)
            };
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "{next_is}, but the rotation alternates and this meeting's host {} is in {this_group}, so the next host must be in {}",
                        host.value, expected.value
                    ),
                )
                .primary(next.span, format!("expected {} or one of its members", expected.value))
                .secondary(host.span, format!("in {this_group}"))
                .secondary(rotation.span, "the rotation")
                .help(format!(
                    "write `host: {}` (or a member of {}) under `next meeting:`",
                    expected.value, expected.value
                )),
            );
        }
        _ => {}
    }
}
