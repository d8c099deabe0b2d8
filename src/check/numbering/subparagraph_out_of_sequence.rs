//! ## What it finds
//!
//! Sub-paragraph markers that do not run in sequence at their depth: `(a)` then `(c)`, `(i)`
//! then `(iii)`, `(1)` then `(1)`. The first marker of a list sets its kind: `(a)` letters,
//! `(i)` Roman numerals, `(1)` numerals, in capitals if it is written in capitals.
//!
//! ## Why it matters
//!
//! Sub-paragraphs are cited as "paragraph 5 (b)". A skipped or repeated marker makes such a
//! citation ambiguous, and it is the trace of an item deleted or inserted in negotiation.
//!
//! ## Example
//!
//! ```text
//! 5. Ministers agreed to:
//! (a) strengthen the exchange of best practices;
//! (c) support SMEs in access to finance.
//! ```
//!
//! ## How to fix
//!
//! Write the marker plenary expects (here `(b)`) and renumber the markers after it, or restore
//! the missing item.

use crate::ast::Subparagraph;
use crate::check::numbering::roman;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::numbers::parse_roman;

pub const CHECK: Check = Check {
    code: "numbering::subparagraph-out-of-sequence",
    default_severity: Severity::Error,
    summary: "sub-paragraph markers that do not run (a), (b), (c) at their depth",
    source_file: include_str!("subparagraph_out_of_sequence.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for version in &cx.document.versions {
        for block in version.blocks() {
            check_list(block.subparagraphs(), out);
        }
    }
}

/// How the markers of one list are counted.
#[derive(Clone, Copy)]
enum Kind {
    Letter,
    Roman,
    Numeral,
}

impl Kind {
    /// The kind a list takes from its first marker. `i` starts a Roman list: a list of
    /// letters starts at `a`.
    fn of(first: &str) -> Kind {
        let lower = first.to_lowercase();
        if first.bytes().all(|b| b.is_ascii_digit()) {
            Kind::Numeral
        } else if lower == "i" || (lower.len() > 1 && parse_roman(&first.to_uppercase()).is_some())
        {
            Kind::Roman
        } else {
            Kind::Letter
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Letter => "letters",
            Kind::Roman => "Roman numerals",
            Kind::Numeral => "numerals",
        }
    }

    /// The `position`th marker (from 1) of a list of this kind.
    fn marker(self, position: u32, upper: bool) -> String {
        let marker = match self {
            Kind::Numeral => position.to_string(),
            Kind::Roman => roman(position)
                .unwrap_or_else(|| position.to_string())
                .to_lowercase(),
            Kind::Letter => letters(position),
        };
        if upper {
            marker.to_uppercase()
        } else {
            marker
        }
    }
}

impl Kind {
    /// The position (from 1) a marker stands for in a list of this kind, if it reads as one.
    fn position(self, marker: &str) -> Option<u32> {
        let lower = marker.to_lowercase();
        match self {
            Kind::Numeral => lower.parse().ok(),
            Kind::Roman => parse_roman(&lower.to_uppercase()),
            Kind::Letter => {
                let first = lower.chars().next()?;
                let same = lower.chars().all(|c| c == first);
                (same && first.is_ascii_lowercase()).then(|| {
                    (first as u32 - u32::from(b'a') + 1)
                        .saturating_add(26u32.saturating_mul(lower.len() as u32 - 1))
                })
            }
        }
    }
}

/// `a` to `z`, then `aa`, `bb`, as legal texts continue.
fn letters(position: u32) -> String {
    let index = (position - 1) % 26;
    let times = (position - 1) / 26 + 1;
    let letter = char::from(b'a' + index as u8);
    std::iter::repeat_n(letter, times as usize).collect()
}

fn check_list(list: &[Subparagraph], out: &mut Vec<Diagnostic>) {
    let Some(first) = list.first() else {
        return;
    };
    let kind = Kind::of(&first.marker.value);
    let upper = first.marker.value.chars().any(|c| c.is_uppercase());
    let mut position = 1;
    for (index, subparagraph) in list.iter().enumerate() {
        let expected = kind.marker(position, upper);
        position = position.saturating_add(1);
        if subparagraph.marker.value != expected {
            // Count on from the marker as written, so that one slip is reported once and not
            // again at every marker after it.
            if let Some(written) = kind.position(&subparagraph.marker.value) {
                position = written.saturating_add(1);
            }
            let mut diagnostic = Diagnostic::error(
                CHECK.code,
                format!(
                    "sub-paragraph ({}) stands where ({expected}) is expected",
                    subparagraph.marker.value
                ),
            )
            .primary(
                subparagraph.marker.span,
                format!("({expected}) expected here"),
            );
            if index > 0 {
                diagnostic = diagnostic.secondary(list[index - 1].marker.span, "the one before");
            }
            out.push(diagnostic.help(format!(
                "the markers at this depth count in {}: write ({expected}) and renumber the ones after it",
                kind.name()
            )));
        }
        check_list(&subparagraph.children, out);
    }
}
