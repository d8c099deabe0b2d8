//! Syntax errors in the drafter's words.
//!
//! pest reports the rules it expected where it stopped. Drafters never see those names: each
//! rule is described here in plain words (the match is exhaustive, so a new rule cannot be
//! added without saying how to describe it), and the common situations get a message and a help
//! line of their own.

use pest::error::{ErrorVariant, InputLocation};

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// The file does not start with a header.
pub fn missing_header(at: usize) -> Diagnostic {
    Diagnostic::error(
        "syntax::missing-header",
        "the declaration does not start with its header",
    )
    .primary(Span::point(at), "the header should come first")
    .help("start the file with the header, one fact per line, then a blank line: `title: ...`, `place: ...`, `adopted: YYYY-MM-DD`")
}

/// A line in a block of fields (the header, `next meeting:`, `closing:`, a version's header)
/// that is not `field: value`.
pub fn not_a_field(line: Span, block: &str) -> Diagnostic {
    Diagnostic::error(
        "syntax::expected-field",
        format!("this line in the {block} is not a field"),
    )
    .primary(line, "expected `field: value`")
    .help(if block == "header" {
        "each line of the header is `field: value`, for example `place: Beijing, China`; leave a blank line between the header and the text"
    } else {
        "each line of this block is `field: value`; leave a blank line after the block before the text"
    })
}

/// A line in a member list that is not `- Member name`.
pub fn not_a_member(line: Span) -> Diagnostic {
    Diagnostic::error(
        "syntax::expected-member",
        "this line in the member list is not a member",
    )
    .primary(line, "expected `- Member name`")
    .help("list one member per line after a dash, such as `- Austria`; leave a blank line between the annex and anything after it")
}

/// Text that follows a block of fields without the blank line that ends the block.
pub fn missing_blank_line(text_start: Span, block: &str) -> Diagnostic {
    Diagnostic::error(
        "syntax::missing-blank-line",
        format!("the {block} runs into the text: a blank line is missing after it"),
    )
    .primary(text_start, "the text starts here")
    .help(format!(
        "leave a blank line between the {block} and the text that follows it"
    ))
}

/// A numbered paragraph that begins on a line of the paragraph before it.
pub fn paragraph_runs_on(
    number_line: Span,
    number: u32,
    previous: u32,
    terminator: char,
) -> Diagnostic {
    let mark = if terminator == '.' {
        "full stop".to_string()
    } else {
        format!("`{terminator}`")
    };
    Diagnostic::error(
        "syntax::missing-blank-line",
        format!("paragraph {number} starts inside paragraph {previous}: a blank line is missing before it"),
    )
    .primary(number_line, format!("paragraph {number} starts here"))
    .help(format!(
        "leave a blank line between paragraph {previous} and paragraph {number}; if the line belongs to paragraph {previous}, write a backslash before its {mark}: `{number}\\{terminator}`"
    ))
}

/// A `version:` line whose language is missing or not a language tag.
pub fn expected_language(at: Span) -> Diagnostic {
    Diagnostic::error(
        "syntax::expected-language",
        "`version:` must name the language of the version",
    )
    .primary(at, "expected a language tag")
    .help("write the language tag after `version:`, for example `version: zh` or `version: fr`")
}

/// A footnote text `[^1]:` with nothing after the colon.
pub fn empty_footnote(at: Span) -> Diagnostic {
    Diagnostic::error("syntax::empty-footnote", "this footnote has no text")
        .primary(at, "expected the footnote's text")
        .help("write the text of the footnote after the colon: `[^1]: See the annex.`")
}

/// A line starting with `#` that is not `## Heading` or `### Sub-heading`.
pub fn invalid_heading(line: Span) -> Diagnostic {
    Diagnostic::error("syntax::invalid-heading", "this is not a heading")
        .primary(line, "a heading is `## Heading text`")
        .help("write `## ` (two number signs and a space) before a heading, `### ` to `###### ` before deeper ones, `# ` before a division such as an annex; the title goes in the header as `title: ...`; to start a paragraph with #, write `\\#`")
}

/// A block whose marks nest deeper than any text needs (thousands of unclosed `*` or `"`):
/// reading it would take the parser past its stack.
pub fn too_complex(block: Span) -> Diagnostic {
    Diagnostic::error("syntax::too-complex", "this block is too complex to read")
        .primary(block, "")
        .help("this block nests marks too deeply; look for many unclosed `*`, `\"` or `{`")
}

/// Turns a pest error on one block into a diagnostic on the file.
pub fn describe(error: pest::error::Error<Rule>, base: usize, block: &str) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(at) => at,
        InputLocation::Span((at, _)) => at,
    };
    let positives = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => {
            return too_complex(Span::new(base, base + block.len()));
        }
    };
    let found = found(block, at);
    let span = Span::new(base + at, base + at + found.1);
    let line_start = block[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = block[line_start..].lines().next().unwrap_or_default();
    let first_line = block.lines().next().unwrap_or_default();
    let has = |rule: Rule| positives.contains(&rule);

    let line_span = Span::new(base + line_start, base + line_start + line.len());
    if has(Rule::field) || (has(Rule::comment) && !has(Rule::member)) {
        let in_header = !["next meeting", "closing", "version"]
            .iter()
            .any(|k| first_line.starts_with(k));
        return not_a_field(line_span, if in_header { "header" } else { "block" });
    }
    if has(Rule::member) {
        return not_a_member(line_span);
    }
    if has(Rule::language_tag) {
        return expected_language(span);
    }
    if has(Rule::inline) && first_line.starts_with("[^") {
        return empty_footnote(span);
    }
    if first_line.starts_with('#') {
        return invalid_heading(Span::new(base, base + first_line.len()));
    }

    let mut expected: Vec<&str> = positives.iter().filter_map(|r| words(*r)).collect();
    expected.dedup();
    let expected = match expected.as_slice() {
        [] => "something else".to_string(),
        list => crate::numbers::join_words(list, "or"),
    };
    Diagnostic::error(
        "syntax::unexpected",
        format!("expected {expected}, found {}", found.0),
    )
    .primary(span, format!("expected {expected}"))
    .help("check the marks at this place against docs/language.md; to write a mark as text, put a backslash before it")
}

/// What stands at an offset, for a message: a quoted character or word, or the end.
fn found(block: &str, at: usize) -> (String, usize) {
    let rest = &block[at.min(block.len())..];
    match rest.chars().next() {
        None => ("the end of the block".to_string(), 0),
        Some('\n' | '\r') => ("the end of the line".to_string(), 0),
        Some(c) if c.is_alphanumeric() => {
            let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            (format!("`{word}`"), word.len())
        }
        Some(c) => (format!("`{c}`"), c.len_utf8()),
    }
}

/// A grammar rule in a drafter's words; `None` for rules a drafter never needs to hear of.
fn words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "the end of the block",
        Rule::comment | Rule::comment_block | Rule::line_comment => "a `//` note",
        Rule::comment_text => "the words of a note",
        Rule::field => "a field `name: value`",
        Rule::field_key => "the name of a field",
        Rule::field_value => "the value of the field",
        Rule::invalid_line => "a line",
        Rule::header | Rule::header_block => "the header",
        Rule::meeting | Rule::meeting_keyword => "`next meeting:`",
        Rule::closing => "`closing:`",
        Rule::signatures | Rule::signatures_keyword => "`signed:`",
        Rule::signatory | Rule::signatory_line => "a signatory `- ...`",
        Rule::version => "`version:`",
        Rule::language_tag | Rule::version_language | Rule::language_value => {
            "a language tag such as `zh`"
        }
        Rule::heading => "a heading `## ...`",
        Rule::heading_marker => "`##`",
        Rule::numbered_paragraph => "a numbered paragraph",
        Rule::paragraph_number
        | Rule::damaged_number
        | Rule::misread_digits
        | Rule::misread_letter
        | Rule::spaced_digits
        | Rule::fullwidth_digits
        | Rule::damaged_terminator
        | Rule::lone_digits => "a paragraph number such as `7.`",
        Rule::arabic_number | Rule::count => "a number",
        Rule::roman_number => "a Roman numeral",
        Rule::paragraph | Rule::block_entry => "a paragraph",
        Rule::subparagraph_block | Rule::subparagraph => "a sub-paragraph `(a) ...`",
        Rule::indent => return None,
        Rule::subparagraph_marker | Rule::marker_label => "a sub-paragraph marker such as `(a)`",
        Rule::footnote => "a footnote text `[^1]: ...`",
        Rule::footnote_id => "the name of a footnote",
        Rule::annex | Rule::annex_keyword => "`annex:`",
        Rule::annex_title => "the title of the annex",
        Rule::group => "`group:`",
        Rule::group_name => "the name of the group",
        Rule::stated_count => "a count in parentheses such as `(45)`",
        Rule::members | Rule::member | Rule::member_list | Rule::member_block => {
            "a member `- Name`"
        }
        Rule::bullet | Rule::bullet_list | Rule::bullet_mark => "a bulleted item `- ...`",
        Rule::bullet_start => return None,
        Rule::member_name => "the name of the member",
        Rule::inline | Rule::text | Rule::text_char => "text",
        Rule::soft_break => "the next line",
        Rule::escape | Rule::escaped_char => "an escaped mark",
        Rule::lone_char | Rule::garbled_dash | Rule::text_stop => return None,
        Rule::strong => "`**`",
        Rule::emphasis => "`*`",
        Rule::quote => "a quotation mark",
        Rule::stray_close_quote | Rule::unclosed => return None,
        Rule::footnote_ref => "a footnote marker `[^1]`",
        Rule::link => "a link `[words](address)`",
        Rule::link_text => "the words of the link",
        Rule::link_target => "the address of the link",
        Rule::autolink | Rule::url => "a web address",
        Rule::label => "a label `{#name}`",
        Rule::reference => "a reference `{@name}`",
        Rule::label_name => "the name of a label",
        Rule::fact => "a marked fact `{words = fact}`",
        Rule::fact_text => "the words of the fact",
        Rule::fact_key => "the name of a fact, such as `members`",
        Rule::unknown_brace | Rule::brace_content => return None,
        Rule::block_start
        | Rule::keyword_start
        | Rule::WS
        | Rule::NBSP
        | Rule::nl
        | Rule::line_end
        | Rule::fields
        | Rule::paragraph_body
        | Rule::inline_item
        | Rule::subparagraph_start
        | Rule::first_subparagraph => return None,
        Rule::date | Rule::date_value => "a date `YYYY-MM-DD`",
        Rule::date_range_value => "dates `YYYY-MM-DD to YYYY-MM-DD`",
        Rule::year | Rule::year_value | Rule::timing | Rule::year_span => "a year",
        Rule::periodicity_value
        | Rule::annual
        | Rule::biennial
        | Rule::triennial
        | Rule::every_n_years
        | Rule::at_most => "a periodicity",
        Rule::rotation_value | Rule::alternate | Rule::sequence => "a rotation rule",
        Rule::name_list | Rule::list_name => "names separated by `;`",
        Rule::languages_value => "language tags",
        Rule::numbering_value | Rule::continuous | Rule::per_section => "a numbering rule",
        Rule::status_value | Rule::draft | Rule::adopted_text => "`draft` or `adopted`",
    })
}
