//! The lossless syntax tree: every byte of the file is in exactly one leaf, so that printing the
//! leaves in order gives the file back, and a formatter or a language server can work on the
//! drafter's text as written (quote styles, bullets, full-width colons, blank lines, notes).
//!
//! The tree is built from pest's pairs, read first into a [`Read`] (which may cross threads, so
//! that the blocks of a large file are read on all cores) and then added by [`TreeBuilder`]:
//! each pair becomes a node of the kind of its grammar rule, and every gap between a pair's children (the literal marks of the grammar,
//! spaces, line endings, blank lines between blocks) becomes a token of its own. A pair with no
//! pairs inside (an atomic rule such as `text` or `field_key`) is a leaf holding its text. The syntax tree
//! the checks read (`ast`) is lowered from this tree, never from pest directly.
//!
//! The nodes are stored flat, in preorder, each with the size of its subtree: a tree of a 10 MB
//! file is one allocation, children are found by skipping subtrees, and "which node is at this
//! offset" is one descent from the root.

use pest::iterators::Pair;

use super::Rule;
use crate::source::Span;

/// What a node of the tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxKind {
    /// The whole file.
    Document,
    /// A node read by the grammar rule of that name (`grammar/plenary.pest`).
    Rule(Rule),
    /// A block the grammar could not read, kept whole.
    Unread,
    /// Spaces and tabs (and the no-break space after a paragraph number).
    Whitespace,
    /// One line ending, `\n` or `\r\n`, or a lone `\r`.
    Newline,
    /// Marks the grammar matches without a rule of their own: `:`, `**`, `(`, `{#`, `- `.
    Mark,
}

impl SyntaxKind {
    /// Whether the kind is layout rather than words or marks: a formatter may change it.
    pub fn is_trivia(self) -> bool {
        matches!(self, SyntaxKind::Whitespace | SyntaxKind::Newline)
    }

    /// The name shown by `plenary tree --cst`: the grammar rule's name for a rule node.
    pub fn name(self) -> String {
        match self {
            SyntaxKind::Rule(rule) => format!("{rule:?}"),
            other => format!("{other:?}"),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct RawNode {
    kind: SyntaxKind,
    start: u32,
    end: u32,
    /// The number of nodes in this node's subtree, itself included.
    size: u32,
}

/// A lossless syntax tree of a text (a whole file, or a fragment of one read on its own).
#[derive(Debug, Clone)]
pub struct SyntaxTree {
    text: String,
    /// The offset of `text` in the file: spans are the file's.
    base: usize,
    nodes: Vec<RawNode>,
}

impl SyntaxTree {
    /// The root node.
    pub fn root(&self) -> SyntaxNode<'_> {
        SyntaxNode {
            tree: self,
            index: 0,
        }
    }

    /// The text the tree stands for, put back together from its leaves.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.text.len());
        for leaf in self.root().leaves() {
            text.push_str(leaf.text());
        }
        text
    }

    /// The deepest node whose span holds `offset` (a leaf, unless the offset is the end of the
    /// file), with its ancestors: the root first.
    pub fn path_at(&self, offset: usize) -> Vec<SyntaxNode<'_>> {
        let mut path = vec![self.root()];
        let mut node = self.root();
        'descend: loop {
            for child in node.children() {
                let span = child.span();
                let holds = (span.start as usize) <= offset && offset < span.end as usize;
                if holds {
                    path.push(child);
                    node = child;
                    continue 'descend;
                }
            }
            return path;
        }
    }

    /// The deepest node at `offset`: what a language server's hover or go-to-definition starts
    /// from.
    pub fn node_at(&self, offset: usize) -> SyntaxNode<'_> {
        *self
            .path_at(offset)
            .last()
            .expect("the path holds the root")
    }

    /// The whole tree as an indented outline, one node per line with its span and, for a leaf,
    /// its text: what `plenary tree --cst` prints.
    pub fn outline(&self) -> String {
        let mut out = String::new();
        let mut open: Vec<usize> = Vec::new();
        for index in 0..self.nodes.len() {
            while open.last().is_some_and(|&end| end <= index) {
                open.pop();
            }
            let node = SyntaxNode { tree: self, index };
            let span = node.span();
            out.push_str(&"  ".repeat(open.len()));
            out.push_str(&format!(
                "{} {}..{}",
                node.kind().name(),
                span.start,
                span.end
            ));
            if node.is_leaf() {
                out.push_str(&format!(" {:?}", node.text()));
            }
            out.push('\n');
            open.push(index + self.nodes[index].size as usize);
        }
        out
    }
}

/// A node of a [`SyntaxTree`]: a view that knows its place, cheap to copy.
#[derive(Clone, Copy)]
pub struct SyntaxNode<'t> {
    tree: &'t SyntaxTree,
    index: usize,
}

impl std::fmt::Debug for SyntaxNode<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.kind().name(), self.text())
    }
}

impl PartialEq for SyntaxNode<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.index == other.index
    }
}

impl<'t> SyntaxNode<'t> {
    fn raw(self) -> RawNode {
        self.tree.nodes[self.index]
    }

    pub fn kind(self) -> SyntaxKind {
        self.raw().kind
    }

    /// The grammar rule that read the node; `None` for tokens, unread blocks and the root.
    pub fn rule(self) -> Option<Rule> {
        match self.kind() {
            SyntaxKind::Rule(rule) => Some(rule),
            _ => None,
        }
    }

    /// The grammar rule of a node that [`Self::inner`] yields. Tokens, unread blocks and the
    /// root have none; asking them is a mistake of the caller, not of the input.
    pub fn as_rule(self) -> Rule {
        match self.kind() {
            SyntaxKind::Rule(rule) => rule,
            kind => unreachable!("a {kind:?} node has no rule"),
        }
    }

    /// Where the node stands in the file.
    pub fn span(self) -> Span {
        let raw = self.raw();
        Span::new(raw.start as usize, raw.end as usize)
    }

    /// The node's text, trivia included.
    pub fn text(self) -> &'t str {
        let raw = self.raw();
        let base = self.tree.base;
        &self.tree.text[raw.start as usize - base..raw.end as usize - base]
    }

    pub fn is_leaf(self) -> bool {
        self.raw().size == 1
    }

    /// Every child, tokens included, in order.
    pub fn children(self) -> Children<'t> {
        let raw = self.raw();
        Children {
            tree: self.tree,
            next: self.index + 1,
            end: self.index + raw.size as usize,
        }
    }

    /// The children read by grammar rules, in order: what pest's `into_inner` gives.
    pub fn inner(self) -> impl Iterator<Item = SyntaxNode<'t>> + Clone {
        self.children().filter(|child| child.rule().is_some())
    }

    /// The first child read by `rule`, if any.
    pub fn child(self, rule: Rule) -> Option<SyntaxNode<'t>> {
        self.inner().find(|child| child.rule() == Some(rule))
    }

    /// Every leaf below the node, in order; the node itself if it is a leaf.
    pub fn leaves(self) -> impl Iterator<Item = SyntaxNode<'t>> {
        let tree = self.tree;
        let end = self.index + self.raw().size as usize;
        (self.index..end)
            .map(move |index| SyntaxNode { tree, index })
            .filter(|node| node.is_leaf())
    }

    /// Every node of the subtree, in preorder, the node itself first.
    pub fn descendants(self) -> impl Iterator<Item = SyntaxNode<'t>> {
        let tree = self.tree;
        let end = self.index + self.raw().size as usize;
        (self.index..end).map(move |index| SyntaxNode { tree, index })
    }
}

/// The children of a node.
#[derive(Clone)]
pub struct Children<'t> {
    tree: &'t SyntaxTree,
    next: usize,
    end: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = SyntaxNode<'t>;

    fn next(&mut self) -> Option<SyntaxNode<'t>> {
        if self.next >= self.end {
            return None;
        }
        let node = SyntaxNode {
            tree: self.tree,
            index: self.next,
        };
        self.next += node.raw().size as usize;
        Some(node)
    }
}

/// What the grammar read of a text with one rule: its pairs in preorder, each with the size of
/// its subtree and its span in the text read. Unlike pest's pairs it owns its data and may be
/// sent to another thread.
#[derive(Debug)]
pub struct Read {
    pairs: Vec<ReadPair>,
    /// How deep the rules nest, the outermost counted as 1.
    pub deepest: usize,
}

#[derive(Debug, Clone, Copy)]
struct ReadPair {
    rule: Rule,
    start: u32,
    end: u32,
    size: u32,
}

/// What [`read`] returns: the pairs, none, or the grammar's error.
pub type ReadResult = Result<Option<Read>, Box<pest::error::Error<Rule>>>;

/// Reads `text` with one rule of the grammar: `Ok(None)` when the rule matched nothing to pair.
pub fn read(rule: Rule, text: &str) -> ReadResult {
    use pest::Parser;
    let Some(pair) = super::PlenaryParser::parse(rule, text)
        .map_err(Box::new)?
        .next()
    else {
        return Ok(None);
    };
    Ok(Some(Read::from_pair(pair)))
}

impl Read {
    /// Copies out a pair and every pair inside it, with an explicit stack rather than
    /// recursion: nesting depth is the drafter's to choose.
    fn from_pair(pair: Pair<'_, Rule>) -> Read {
        let mut pairs = Vec::new();
        let mut deepest = 0;
        let mut stack: Vec<(usize, pest::iterators::Pairs<'_, Rule>)> = Vec::new();
        let mut next = Some(pair);
        loop {
            if let Some(pair) = next.take() {
                let span = pair.as_span();
                stack.push((pairs.len(), pair.clone().into_inner()));
                deepest = deepest.max(stack.len());
                pairs.push(ReadPair {
                    rule: pair.as_rule(),
                    start: span.start() as u32,
                    end: span.end() as u32,
                    size: 0,
                });
            }
            let Some((index, children)) = stack.last_mut() else {
                break;
            };
            match children.next() {
                Some(child) => next = Some(child),
                None => {
                    pairs[*index].size = (pairs.len() - *index) as u32;
                    stack.pop();
                }
            }
        }
        Read { pairs, deepest }
    }
}

/// Builds a tree block by block: the root's children are the blocks of the file (entry-rule
/// nodes and unread blocks) and the blank lines between them.
pub struct TreeBuilder {
    tree: SyntaxTree,
    /// The end of what the tree holds so far.
    at: usize,
}

impl TreeBuilder {
    /// A builder for `text`, which stands at `base` in the file.
    pub fn new(text: &str, base: usize) -> TreeBuilder {
        let root = RawNode {
            kind: SyntaxKind::Document,
            start: base as u32,
            end: (base + text.len()) as u32,
            size: 0,
        };
        TreeBuilder {
            tree: SyntaxTree {
                text: text.to_string(),
                base,
                nodes: vec![root],
            },
            at: base,
        }
    }

    /// Adds what the grammar read of the text at `offset` in the file, with everything between
    /// the last block and it as tokens. Returns the index of its outermost node, for
    /// [`Self::node`].
    pub fn read(&mut self, read: &Read, offset: usize) -> usize {
        let mut first = self.tree.nodes.len();
        // The nodes still open: each one's index in the tree, end in the file, and the index in
        // `read` past its subtree.
        let mut open: Vec<(usize, usize, usize)> = Vec::new();
        for (i, pair) in read.pairs.iter().enumerate() {
            while let Some(&(index, end, past)) = open.last() {
                if past > i {
                    break;
                }
                open.pop();
                self.close_rule(index, end);
            }
            let (start, end) = (offset + pair.start as usize, offset + pair.end as usize);
            self.gap_to(start);
            if i == 0 {
                first = self.tree.nodes.len();
            }
            open.push((self.tree.nodes.len(), end, i + pair.size as usize));
            self.tree.nodes.push(RawNode {
                kind: SyntaxKind::Rule(pair.rule),
                start: start as u32,
                end: end as u32,
                size: 0,
            });
        }
        while let Some((index, end, _)) = open.pop() {
            self.close_rule(index, end);
        }
        first
    }

    /// Closes the node of a rule that ends at `end`. A rule without rules inside (an atomic
    /// one, such as `text`) is a leaf: its text is one token. Around the rules inside one, the
    /// gaps are tokens.
    fn close_rule(&mut self, index: usize, end: usize) {
        if self.tree.nodes.len() > index + 1 {
            self.gap_to(end);
        }
        self.close(index);
    }

    /// Adds a block the grammar could not read, `start..end` in the file.
    pub fn unread(&mut self, start: usize, end: usize) -> usize {
        self.gap_to(start);
        let index = self.tree.nodes.len();
        self.tree.nodes.push(RawNode {
            kind: SyntaxKind::Unread,
            start: start as u32,
            end: end as u32,
            size: 0,
        });
        self.tokens(start, end);
        self.close(index);
        index
    }

    /// The node at `index`, as added by [`Self::pair`].
    pub fn node(&self, index: usize) -> SyntaxNode<'_> {
        SyntaxNode {
            tree: &self.tree,
            index,
        }
    }

    /// Cuts the node at `index` (the last block added) at `offset`: what follows is read as a
    /// block of its own, as when a header runs into the text without a blank line.
    pub fn truncate(&mut self, index: usize, offset: usize) {
        let first_after = (index..self.tree.nodes.len())
            .find(|&i| self.tree.nodes[i].start as usize >= offset)
            .unwrap_or(self.tree.nodes.len());
        self.tree.nodes.truncate(first_after);
        let len = self.tree.nodes.len();
        for (i, node) in self.tree.nodes.iter_mut().enumerate().skip(index) {
            node.end = node.end.min(offset as u32);
            node.size = node.size.min((len - i) as u32);
        }
        self.at = offset;
    }

    /// The finished tree: whatever follows the last block (its line ending, blank lines) as
    /// tokens.
    pub fn finish(mut self) -> SyntaxTree {
        let end = self.tree.base + self.tree.text.len();
        self.gap_to(end);
        self.close(0);
        self.tree
    }

    fn close(&mut self, index: usize) {
        self.tree.nodes[index].size = (self.tree.nodes.len() - index) as u32;
        self.at = self.at.max(self.tree.nodes[index].end as usize);
    }

    /// Tokens for the text between what the tree holds and `offset`.
    fn gap_to(&mut self, offset: usize) {
        if offset > self.at {
            self.tokens(self.at, offset);
        }
        self.at = self.at.max(offset);
    }

    /// Cuts `start..end` into tokens: runs of spaces, line endings, and runs of anything else.
    fn tokens(&mut self, start: usize, end: usize) {
        let base = self.tree.base;
        let text = &self.tree.text[start - base..end - base];
        let mut from = 0;
        while from < text.len() {
            let rest = &text[from..];
            let (kind, len) = if rest.starts_with("\r\n") {
                (SyntaxKind::Newline, 2)
            } else if rest.starts_with(['\n', '\r']) {
                (SyntaxKind::Newline, 1)
            } else if rest.starts_with([' ', '\t', '\u{a0}']) {
                let len = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
                (SyntaxKind::Whitespace, len)
            } else {
                let len = rest
                    .find([' ', '\t', '\u{a0}', '\r', '\n'])
                    .unwrap_or(rest.len());
                (SyntaxKind::Mark, len)
            };
            self.tree.nodes.push(RawNode {
                kind,
                start: (start + from) as u32,
                end: (start + from + len) as u32,
                size: 1,
            });
            from += len;
        }
    }
}

/// Reads a fragment with one rule of the grammar, as a tree of its own whose spans are the
/// file's (`offset` is where the fragment stands): field values and the words of unread blocks
/// are read so.
pub fn fragment(rule: Rule, text: &str, offset: usize) -> Option<SyntaxTree> {
    let read = read(rule, text).ok()??;
    let mut builder = TreeBuilder::new(text, offset);
    builder.read(&read, offset);
    Some(builder.finish())
}

impl SyntaxTree {
    /// The node a fragment rule read: the root's first rule child.
    pub fn first(&self) -> Option<SyntaxNode<'_>> {
        self.root().inner().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_tree_holds_every_byte() {
        let text = "1. Ministers *met*  in “Beijing”\n";
        let tree = fragment(Rule::block_entry, text, 10).unwrap();
        assert_eq!(tree.text(), text);
        assert_eq!(tree.root().span(), Span::new(10, 10 + text.len()));
        let leaf = tree.node_at(10 + 14);
        assert_eq!(leaf.text(), "met");
        let path = tree.path_at(10 + 14);
        assert!(path.iter().any(|n| n.rule() == Some(Rule::emphasis)));
    }

    #[test]
    fn truncating_a_block_keeps_what_stands_before_the_cut() {
        let text = "title: A\nhost: B\n";
        let mut builder = TreeBuilder::new(text, 0);
        let read = read(Rule::header_block, text).unwrap().unwrap();
        let index = builder.read(&read, 0);
        builder.truncate(index, 9);
        let tree = builder.finish();
        assert_eq!(tree.text(), text);
        let blocks: Vec<_> = tree.root().children().map(|n| n.text()).collect();
        assert_eq!(blocks[0], "title: A\n");
    }
}
