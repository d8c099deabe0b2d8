#!/usr/bin/env python3
"""Convert the Verdragenbank markdown of the UNCTAD Final Act (Geneva, 1964) to a plenary `.decl`.

Usage (from the root of the project):

    python3 tests/corpus/import/unctad_1964.py \\
        /work/shared/corpus/08_unctad_final_act_geneva_1964.txt \\
        > tests/corpus/08_unctad_final_act_geneva_1964.decl

The script reads one corpus file (line 1 `Source: URL`, then the repository's markdown file byte
for byte) and writes the declaration to standard output; what it could not place is reported on
standard error. Python 3, standard library only.

It is the starting point of a future `plenary import` command, so it is in two parts:

1. General rules, meant for any markdown text of the Dutch treaty database (Verdragenbank,
   `statengeneraal/laws-markdown`) and similar markdown:
   - the corpus `Source:` line, `<meta>` lines and the database's own `##` record title (the
     Dutch title of the record) are left out; the first `####` line is the document's title and
     becomes the header's `title:`;
   - HTML entities and markdown backslash escapes are undone; what plenary would read as a mark
     (`\\*`, `\\[`, `\\{`, `\\<`, `\\\\`, a `#`, `-` or `•` at the start of a paragraph, a `(a)` that
     does not start a sub-paragraph) is escaped again the plenary way;
   - runs of spaces are collapsed; each source block (text between blank lines, or a heading
     line) is one block of the `.decl`, its lines joined with a space;
   - `<sup>` footnotes: `<sup> 1) text </sup>` (a footnote text whose marker the database lost)
     becomes a marker `[^n]` where the text stands, and a footnote block `[^n]: text` after the
     paragraph; when such a text opens the first block after a heading, or is the whole block, the
     marker goes at the end of that heading (or of the paragraph before). `<sup>*</sup>` (a marker
     alone) and a trailing `*` after a heading's or paragraph's last word (`*Principle One**`,
     `development*`) are markers whose text is a later block starting with `<sup>*</sup> ...` or
     `* ...`; a marker printed inline as "Name 6)," is the marker of the footnote text "6) ..." of
     the same paragraph. Footnotes are numbered [^1], [^2], ... in order (the printed marks `1)`,
     `*`, `1` restart on every printed page);
   - a vote note of the form "The Conference adopted this Principle without dissent." that runs
     on into the text in one block is cut after its first sentence;
   - headings: a `###` label (SECTION, Annex, ANNEX, APPENDIX) and the `####` title under it, and
     a `####` line naming a PART, are `##` headings; every other heading is `###` (plenary has two
     levels);
   - sub-paragraphs `(a)`, `(i)`, `(1)` are indented by depth, which is worked out from the
     sequence of the markers ((i) after (h) is a letter, (i) after (b) starts a deeper level);
   - paragraphs numbered `N.` and `IV.` are numbered paragraphs; items marked `*a.*`, `a.`,
     `(1).`, and numbers without a full stop (`14 Developed`), are plain paragraphs with a note;
   - tables: separator rows are dropped; a table whose cells are numbered (`1. Afghanistan`) is a
     numbered list in columns and is written column by column as numbered paragraphs; a one-column
     table is a bulleted list; any other table has one paragraph per row, its cells separated by
     a space; a table right after a footnote text (a roll-call vote) belongs to that footnote and
     its rows are lines of the footnote;
   - a paragraph that opens a quotation with “ and does not close it, followed by a paragraph that
     opens with “ too, is a quotation over several paragraphs: it gets a note;
   - a construct the language lacks gets a `// construct needed:` note on the spot; one that
     recurs all through the text (italic item letters, tables, the votes in footnotes) gets it
     at its first place only, saying so;
   - lines are wrapped at 100 characters, never so that a line starts with a mark (a marked fact
     `{...}` is kept on one line); headings stay on one line.

2. Rules for this text only (`SPECIFIC` below, each with its reason): the header's facts
   (with `numbering: per section`, which gives about 50 false gaps where `continuous` gives over
   400 false repeats), the next meeting and the closing; the marked facts; the numbered captions
   of Annex A.II.1 (headings in the source, paragraph numbers in the document); the paragraph
   numbers "(31)" to "(51)" of the First Part (escaped, not sub-paragraphs); the heading FINAL
   CLAUSES at the top level; the member annex restated from the list in paragraph 13; the end of
   the Polish footnote 2); and the notes on the spot (real defects, and constructs the language
   lacks), keyed by the start of the converted block they stand above.

Hand corrections: none. tests/corpus/08_unctad_final_act_geneva_1964.decl is this script's
output unchanged; what would otherwise have been corrected by hand is a rule of `SPECIFIC`.
Messages on standard error: the sub-paragraphs (c) and (d) of New Zealand's observation, which
follow a quotation that plenary reads as a paragraph of its own, and the marker of Special
Principle Three, which has no footnote text in the source; both are expected and have notes.
"""

import html
import re
import sys
import textwrap

WIDTH = 100

# --------------------------------------------------------------------------------------------
# Output model

class Out:
    """The blocks of the .decl, in order."""

    def __init__(self):
        self.blocks = []  # each: list of lines (without trailing blank)
        self.once = set()

    def add(self, lines):
        if lines:
            self.blocks.append(lines)

    def note(self, text, once=None):
        """A `//` note, wrapped, as a block of its own attached to the next block. A note of a
        kind given as `once` is written at its first place only."""
        if once is not None:
            if once in self.once:
                return
            self.once.add(once)
        self.blocks.append(("NOTE", comment_lines(text)))

    def render(self):
        out = []
        pending_notes = []
        for b in self.blocks:
            if isinstance(b, tuple) and b[0] == "NOTE":
                pending_notes.extend(b[1])
                continue
            out.append("\n".join(pending_notes + b))
            pending_notes = []
        if pending_notes:
            out.append("\n".join(pending_notes))
        return "\n\n".join(out) + "\n"


def comment_lines(text):
    return ["// " + l for l in textwrap.wrap(text, WIDTH - 3, break_long_words=False,
                                             break_on_hyphens=False)]


# --------------------------------------------------------------------------------------------
# Inline text

MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'<])")
# Characters after a backslash that plenary would read as a mark: these stay escaped.
PLENARY_MARKS = set("*[{<\\\"“”")


def undo_markdown(text):
    """HTML entities and markdown escapes to the characters they stand for; a character that is a
    mark in plenary too keeps its backslash."""
    text = html.unescape(text)

    def repl(m):
        c = m.group(1)
        return "\\" + c if c in PLENARY_MARKS else c

    return MD_ESCAPE.sub(repl, text)


def squash(text):
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


SUB_START = re.compile(r"^\s*\(([a-z]{1,6}|\d{1,3})\)(\s|$)")
DANGER = [
    SUB_START,
    re.compile(r"^\s*[-•–]\s"),
    re.compile(r"^\s*//"),
    re.compile(r"^#"),
    re.compile(r"^\[\^[\w-]+\][:：]"),
    re.compile(r"^(annex|group|version|next meeting|closing)\s*:"),
]


def dangerous(line):
    return any(p.search(line) for p in DANGER)


def wrap(text, first_prefix="", indent=""):
    """Wrap a paragraph so that no continuation line starts with a mark."""
    # Keep marked facts {words = fact} on one line.
    protected = re.sub(r"\{[^{}]*\}", lambda m: m.group(0).replace(" ", "\x00"), text)
    width = WIDTH - len(indent)
    lines = textwrap.wrap(first_prefix + protected, width, break_long_words=False,
                          break_on_hyphens=False)
    if not lines:
        lines = [first_prefix.rstrip()]
    # Move words back when a continuation line would start with a mark.
    i = 1
    while i < len(lines):
        if dangerous(lines[i]):
            prev = lines[i - 1].rsplit(" ", 1)
            if len(prev) == 2:
                lines[i - 1] = prev[0]
                lines[i] = prev[1] + " " + lines[i]
                continue
        i += 1
    return [indent + l.replace("\x00", " ") for l in lines]


# --------------------------------------------------------------------------------------------
# Footnotes

SUP = re.compile(r"<sup>(.*?)</sup>", re.S)
MARK_ONLY = re.compile(r"^\s*(\*|\d+\)?)\s*$")
MARK_TEXT = re.compile(r"^\s*(\*|\d+\)?)\s+(.*\S)\s*$", re.S)


class Footnotes:
    def __init__(self):
        self.count = 0
        self.texts = {}       # id -> list of lines (first is the text, then table rows)
        self.pending = {}     # printed mark -> ids of markers waiting for their text
        self.unresolved = []  # ids whose text never came

    def new(self):
        self.count += 1
        return str(self.count)

    def marker_waiting(self, mark):
        fid = self.new()
        self.pending.setdefault(mark, []).append(fid)
        return fid

    def text_for_mark(self, mark):
        """The id a footnote text with this printed mark belongs to, if a marker waits for it
        (the latest one)."""
        ids = self.pending.get(mark)
        if not ids:
            return None
        fid = ids.pop()
        if not ids:
            del self.pending[mark]
        return fid

    def expire(self):
        """Markers still waiting at a heading never get their text."""
        for mark, ids in self.pending.items():
            for fid in ids:
                self.unresolved.append((fid, mark))
        self.pending = {}


FN = Footnotes()


def ref(fid):
    return "[^%s]" % fid


# --------------------------------------------------------------------------------------------
# Reading the source

def read_source(path):
    raw = open(path, encoding="utf-8").read()
    lines = raw.split("\n")
    source_url = None
    if lines and lines[0].startswith("Source:"):
        source_url = lines[0][len("Source:"):].strip()
        lines = lines[1:]
        start = 2
    else:
        start = 1
    return source_url, lines, start


def blocks_of(lines, start):
    """Blocks: (kind, [lines], first line number). kind: heading, table, text."""
    blocks = []
    cur = []
    cur_kind = None
    cur_no = None

    def flush():
        nonlocal cur, cur_kind, cur_no
        if cur:
            blocks.append((cur_kind, cur, cur_no))
        cur, cur_kind, cur_no = [], None, None

    for no, line in enumerate(lines, start):
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            flush()
            blocks.append(("heading", [line], no))
            continue
        kind = "table" if line.lstrip().startswith("|") else "text"
        if cur and kind != cur_kind:
            flush()
        if not cur:
            cur_kind, cur_no = kind, no
        cur.append(line)
    flush()
    return blocks


# --------------------------------------------------------------------------------------------
# The parts of this text only

SPECIFIC = {
    "header": [
        "title: {title}",
        "series: United Nations Conference on Trade and Development",
        "place: Geneva",
        "dates: 1964-03-23 to 1964-06-16",
        "adopted: 1964-06-16",
        "languages: en",
        "numbering: per section",
    ],
    "next_meeting": ["next meeting:", "year: 1966"],
    # Top-level headings that are neither a label nor a part.
    "top_headings": ["FINAL CLAUSES"],
    "closing": ["closing:", "place: Geneva", "date: 1964-06-16"],
    # Marked facts: (a unique piece of converted text, its replacement).
    "facts": [
        ("*PREAMBLE* The United Nations Conference on Trade and Development has adopted",
         "*PREAMBLE* The {United Nations Conference on Trade and Development = series} has "
         "adopted"),
        ("the following one hundred and twenty States gathered in Geneva from 23 March to 16 June "
         "1964 to take part in the United Nations Conference on Trade and Development:",
         "the following {one hundred and twenty = members} States gathered in {Geneva = place} "
         "from {23 March to 16 June 1964 = dates} to take part in the "
         "{United Nations Conference on Trade and Development = series}:"),
        ("The next session of the Conference shall be held early in 1966;",
         "The next session of the Conference shall be held early in {1966 = next year};"),
        ("the very fact that 121 nations of the world have gathered",
         "the very fact that {121 = members} nations of the world have gathered"),
        ("DONE at Geneva, this sixteenth day of June, one thousand nine hundred and sixty four in",
         "DONE at {Geneva = place}, {this sixteenth day of June, one thousand nine hundred and "
         "sixty four = adopted} in"),
    ],
    # Headings of the source that are numbered paragraphs of the document: the captions of
    # Annex A.II.1, Part II, whose numbers run on in the paragraph "14 Developed countries ...".
    "numbered_captions": [
        "1. GENERAL PROVISIONS", "2. STANDSTILL", "3. REMOVAL OF OBSTACLES TO TRADE",
        "4. QUANTITATIVE RESTRICTIONS", "5. DOMESTIC POLICIES AFFECTING TRADE IN PRIMARY PRODUCTS",
        "6. TRANSITIONAL ARRANGEMENTS", "7. THE COUNTRIES WITH CENTRALLY-PLANNED ECONOMIES SHOULD:",
        "11. EXPORT SUBSIDIES", "12. MIXING REGULATIONS",
        "13. DISPOSAL OF AGRICULTURAL SURPLUSES, STOCKPILES AND OTHER GOVERNMENT HELD SURPLUS "
        "INVENTORIES",
    ],
    # The paragraph numbers (31) to (51) of the First Part, Section IV: paragraphs, not
    # sub-paragraphs (the observations of Cuba and Ethiopia cite "paragraphs 37, 41, 42").
    "parenthesized_numbers": (31, 51),
    # A footnote text block whose second footnote runs on into the text (the Polish table).
    "split_footnote": ("Total imports. ", "In addition to this it is estimated"),
    # Notes put right above the block whose converted text starts with the key.
    "notes": {
        "In addition to this it is estimated":
            "In the source this paragraph runs on after the text of the Polish footnote 2) "
            "(\"Total imports.\") in one block; it is the Polish note's own text, so the "
            "footnote ends before it.",
        "Developed countries should take steps to counter-balance":
            "In the source the vote note of Special Principle Six (\"The Conference adopted this "
            "Principle without dissent.\") and the principle's text are one block; the note is "
            "the footnote, the rest is the principle.",
        "(c) The delegation considers that if":
            "The quotation above belongs to sub-paragraph (b), as a second block of it; plenary "
            "reads it as a paragraph of its own, so (c) seems to start a new list (construct "
            "needed: a sub-paragraph of more than one block).",
        "1. The States participating in the Conference are determined":
            "The footnote markers of the First and Second Parts are lost in the source: the "
            "footnote texts stand inline in <sup> at the end of their paragraphs, where the "
            "markers are written here. Paragraph 1: \"is is essential\" (for \"it is\") is kept "
            "as printed.",
        "12. On 18 July 1963":
            "Paragraph 12: the spaces before \",\" after \"Developing Countries\" and before "
            "\".\" after \"declarations\" mark where the source's footnotes 3) and 4) (here the "
            "last two) were called; kept as printed.",
        "13. Aware of these high hopes":
            "construct needed: a member list written in the prose. The 120 States named here are "
            "restated as the member annex at the end of the file, so that plenary checks the "
            "count; the marker \"6)\" printed after \"Tanganyika\" is written as the marker of "
            "the source's footnote 6).",
        "\\(31) The development":
            "construct needed: a paragraph number in parentheses. Paragraphs (31) to (51) of "
            "the First Part are numbered \"(31)\" in the source; plenary reads \"(31)\" as a "
            "sub-paragraph, so the mark is escaped and they stand as unnumbered paragraphs "
            "(plenary then reports 30 to 52 as a gap).",
        "### *Special Principle Three*":
            "The asterisk of Special Principle Three calls no footnote: the Committee took no "
            "action on this principle and the source has no vote note for it (a mark without "
            "its footnote).",
        "### *General Principle Six*[^":
            "General Principle Six (Annex A.I.1): the source opens a quotation before \"all "
            "countries\" and never closes it; the same principle in the Second Part has no "
            "quotation mark (a real defect of the text).",
        "1. GENERAL PROVISIONS":
            "The numbers 1. to 13. of Annex A.II.1, Part II, are headings in the source "
            "(\"###1. GENERAL PROVISIONS\"); they are the document's paragraph numbers (the "
            "paragraph \"14\" follows them), so they are written as numbered paragraphs "
            "(construct needed: a numbered caption). After 7 the source goes on with 11: "
            "paragraphs 8 to 10 are not in the text.",
        "11. EXPORT SUBSIDIES":
            "Paragraphs 8 to 10 are missing before 11 (a real defect of the source text).",
        "14 Developed countries":
            "The number 14 is printed without its full stop (a real defect): plenary reads no "
            "number without it, so this is an unnumbered paragraph.",
        "2 The scheme should be provided":
            "The number 2 is printed without its full stop (a real defect): plenary reads no "
            "number without it, so this is an unnumbered paragraph.",
        "2 That only developing countries":
            "The number 2 is printed without its full stop (a real defect): plenary reads no "
            "number without it, so this is an unnumbered paragraph.",
        "*The Conference expresses interest* in the proposal of Senegal":
            "The quotation 'interest rebate fund” opens with a single mark and closes with a "
            "double one (a real defect: plenary reports the closing mark as stray).",
        "9.Union of Soviet Socialist Republics":
            "Item 9 is printed without a space after its full stop (\"9.Union\"); plenary reads "
            "no number there, so it is an unnumbered paragraph (a real defect of the text).",
        "13. Belgium":
            "Annex II lists Belgium twice (3 and 13); kept as printed (a real defect of the "
            "source text; construct needed: a list of States other than the member annex, which "
            "plenary would check for duplicates).",
        "I.":
            "A part number \"I.\" with nothing after it (its items follow as paragraphs); plenary "
            "reads it as an unnumbered paragraph.",
        "<<FINAL CLAUSES>>":
            "construct needed: a \"done at ...\" formula (place, date in words, \"in a single "
            "copy\", the authentic languages: Chinese, English, French, Russian and Spanish, "
            "while the source holds the English text only). The names the representatives "
            "\"subscribed below\" are not in the source.",
        "[Original: English] It is my conviction":
            "The message of the Minister of Japan counts \"121 nations\" gathered, against the "
            "120 States of paragraph 13 (a disagreement within the text, marked so that plenary "
            "reports it).",
        "The Committee took no action on a Principle concerning preferences":
            "The editors' square brackets are kept as printed.",
    },
}


def top_notes(source_url, corpus_name, dropped):
    return [
        "Source: %s, from" % corpus_name,
        source_url or "(no Source line)",
        "(the Dutch treaty database, Verdragenbank, record BWBV0004605).",
        "Written by tests/corpus/import/unctad_1964.py from the corpus file; see its docstring "
        "for the rules. Left out: the Source line, the HTML <meta> line and the database's Dutch "
        "title of the record (\"%s\", not a word of the English document). The \"####\" title "
        "line is the header's title." % dropped,
        "The text: the whole Final Act as the source has it: the First Part (Sections I to IV), "
        "the Second Part (Sections I to VII), Annex A (the recommendations, with the votes), "
        "Annex B (observations of delegations), Annex C (messages and communications) and the "
        "final clauses. The English text only: the database gives no other language version.",
        "construct needed: more than two levels of headings (Part, Section or Annex, sub-part, "
        "principle or country). SECTION and Annex labels and their titles are \"##\", every "
        "other heading \"###\".",
        "construct needed: paragraph numbers that restart in each part and each annex (the First "
        "Part runs 1 to 53 across its sections, the Second Part 1 to 31 across its sections, "
        "each recommendation of Annex A has its own numbers). `numbering: per section` restarts "
        "at every heading, sub-headings included (\"General Principle One\", \"A\"), so plenary "
        "reports a gap wherever numbers run on across a heading (about 50 places); "
        "`continuous` would report every restart instead (over 400).",
        "The facts: the meeting is the United Nations Conference on Trade and Development, at "
        "Geneva from 23 March to 16 June 1964 (paragraph 13); the Final Act is done at Geneva "
        "on 16 June 1964 (final clauses). The Conference is \"to be convened at intervals of not "
        "more than three years\" (Second Part, paragraph 25 (a); Annex A.V.1, paragraph 2): a "
        "maximum interval, which `periodicity:` cannot state, so it is not stated; \"the next "
        "session of the Conference shall be held early in 1966\" (Annex A.V.1, paragraph 32 (b)) "
        "is the next meeting. The text names no edition (\"first\") and no host.",
    ]


# --------------------------------------------------------------------------------------------
# Conversion

class State:
    def __init__(self):
        self.out = Out()
        self.after_heading = False     # the last block written was a heading
        self.sub_stack = []            # sub-paragraph levels of the current paragraph
        self.in_paragraph = False      # a paragraph is open for sub-paragraphs
        self.last_footnote = None      # id of the footnote just written (for a table after it)
        self.a_run = False             # inside a run of *a.* items
        self.quote_run = False
        self.members = []


def roman_value(s):
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    if not s or any(c not in vals for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    # Only canonical forms.
    def to_roman(n):
        out = ""
        for val, sym in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                         (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                         (4, "iv"), (1, "i")]:
            while n >= val:
                out += sym
                n -= val
        return out
    return total if to_roman(total) == s else None


def marker_readings(label):
    """The ways a sub-paragraph marker can count: [(kind, value)]."""
    r = []
    if label.isdigit():
        r.append(("digit", int(label)))
    if len(label) == 1 and label.isalpha():
        r.append(("letter", ord(label) - ord("a") + 1))
    rv = roman_value(label)
    if rv is not None:
        r.append(("roman", rv))
    return r


def sub_depth(state, label, where=0):
    readings = marker_readings(label)
    stack = state.sub_stack
    # Continue a level, deepest first.
    for d in range(len(stack) - 1, -1, -1):
        kind, value = stack[d]
        for k, v in readings:
            if k == kind and v == value + 1:
                del stack[d + 1:]
                stack[d] = (k, v)
                return d
    # Start a new, deeper level.
    for k, v in readings:
        if v == 1:
            stack.append((k, v))
            return len(stack) - 1
    # Out of sequence in the source: stay at the deepest level of a matching kind.
    for d in range(len(stack) - 1, -1, -1):
        for k, v in readings:
            if k == stack[d][0]:
                del stack[d + 1:]
                stack[d] = (k, v)
                return d
    print("warning: sub-paragraph (%s) at line %d out of sequence" % (label, where),
          file=sys.stderr)
    return max(len(stack) - 1, 0)


def apply_facts(text):
    for old, new in SPECIFIC["facts"]:
        if old in text:
            text = text.replace(old, new, 1)
    return text


def escape_start(text):
    """Escape a mark at the start of a paragraph that the source does not mean as plenary's."""
    if re.match(r"^#", text):
        return "\\" + text
    if re.match(r"^[-•–]\s", text):
        return "\\" + text
    if re.match(r"^(annex|group|version|next meeting|closing)\s*:", text):
        return text.replace(":", "\\:", 1)
    if re.match(r"^\[\^", text):
        return "\\" + text
    return text


def convert_sups(state, text, block_starts_after_heading):
    """Replace <sup> parts of a text block: returns (text, footnote ids to write after it,
    ids whose marker goes on the heading before)."""
    after = []
    on_heading = []
    pieces = []
    pos = 0
    for m in SUP.finditer(text):
        before = text[pos:m.start()]
        pieces.append(before)
        inner = squash(m.group(1))
        pos = m.end()
        only = MARK_ONLY.match(inner)
        if only:
            mark = only.group(1)
            fid = FN.marker_waiting(mark)
            # A marker sticks to the word (or marker) before it.
            pieces = ["".join(pieces).rstrip(), ref(fid)]
            continue
        mt = MARK_TEXT.match(inner)
        if not mt:
            print("warning: unreadable <sup>: %r" % inner[:60], file=sys.stderr)
            pieces.append(inner)
            continue
        mark, body = mt.group(1), mt.group(2)
        # A text whose marker is lost: a marker `<sup>*</sup>` never waits for it.
        fid = FN.new()
        FN.texts[fid] = [body]
        after.append(fid)
        so_far = squash("".join(pieces))
        # A marker printed inline as "Name 6),": it is this footnote's marker.
        inline = None
        if mark.endswith(")"):
            pat = re.compile(r"(?<=\w) %s(?=,)" % re.escape(mark))
            found = list(pat.finditer("".join(pieces)))
            if len(found) == 1:
                inline = found[0]
        if inline is not None:
            joined = "".join(pieces)
            pieces = [joined[:inline.start()] + ref(fid) + joined[inline.end():]]
        elif not so_far and block_starts_after_heading:
            on_heading.append(fid)
        elif not so_far and not text[pos:].strip() and state.out.blocks:
            on_heading.append(fid)  # a block of footnote text only: call it from the block before
        else:
            pieces = ["".join(pieces).rstrip(), ref(fid)]
    pieces.append(text[pos:])
    return squash("".join(pieces)), after, on_heading


def attach_to_previous(state, fids):
    """Put footnote markers at the end of the last heading or paragraph written."""
    for i in range(len(state.out.blocks) - 1, -1, -1):
        b = state.out.blocks[i]
        if isinstance(b, tuple):
            continue
        if b[0].startswith("[^"):
            continue
        b[-1] = b[-1] + "".join(ref(f) for f in fids)
        return
    print("warning: no block to call footnotes %s" % fids, file=sys.stderr)


def footnote_block(fid):
    lines = FN.texts.get(fid, [])
    first = True
    out = []
    for l in lines:
        if first:
            out.extend(wrap(l, "[^%s]: " % fid))
            first = False
        else:
            out.extend(wrap(l))
    return out


def write_footnotes(state, fids):
    for fid in fids:
        state.out.add(footnote_block(fid))
        state.last_footnote = fid


LABEL = re.compile(r"^(SECTION|Annex|ANNEX|APPENDIX)\b")


def convert(path, corpus_name):
    source_url, lines, start = read_source(path)
    blocks = blocks_of(lines, start)
    state = State()
    title = None
    dropped = None
    notes = SPECIFIC["notes"]
    used_notes = set()

    def note_for(text):
        for key, note in notes.items():
            if key.startswith("<<"):
                continue
            if text.startswith(key) and key not in used_notes:
                if key == "I." and text.strip() != "I.":
                    continue
                used_notes.add(key)
                state.out.note(note)
                return

    # Drop the front matter of the database.
    cleaned = []
    for kind, blines, no in blocks:
        first = blines[0]
        if kind == "text" and first.lstrip().startswith("<meta"):
            continue
        if kind == "heading":
            marks = len(first) - len(first.lstrip("#"))
            htext = squash(undo_markdown(first.lstrip("#")))
            if marks == 2 and dropped is None:
                dropped = htext
                continue
            if marks == 4 and title is None:
                title = htext
                continue
        cleaned.append((kind, blines, no))
    blocks = cleaned

    pn_lo, pn_hi = SPECIFIC["parenthesized_numbers"]
    in_first_part = True

    i = 0
    prev_kind = None
    while i < len(blocks):
        kind, blines, no = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None

        if kind == "heading":
            FN.expire()
            line = blines[0]
            marks = len(line) - len(line.lstrip("#"))
            raw = undo_markdown(line.lstrip("#"))
            htext, after, _ = convert_sups(state, raw, False)
            # "*Principle One**": emphasis and a trailing footnote marker.
            m = re.match(r"^\*(.+?)\*\*$", htext)
            if m:
                fid = FN.marker_waiting("*")
                htext = "*%s*%s" % (m.group(1).strip(), ref(fid))
            else:
                htext = re.sub(r"^\*\s*(.+?)\s*\*$", r"*\1*", htext)
            if "SECOND PART" in htext:
                in_first_part = False
            if htext in SPECIFIC["numbered_captions"]:
                note_for(htext)
                state.out.add(wrap(htext))
                state.in_paragraph = True
                state.sub_stack = []
                state.after_heading = False
                prev_kind = "para"
                i += 1
                continue
            is_label = bool(LABEL.match(htext)) and marks == 3
            is_title = (marks == 4 and prev_kind == "label")
            is_part = marks == 4 and (re.search(r"\bPART\b", htext) is not None
                                      or htext in SPECIFIC["top_headings"])
            level = 2 if (is_label or is_title or is_part) else 3
            note_for(("#" * level) + " " + htext)
            state.out.add([("#" * level) + " " + htext])
            write_footnotes(state, after)
            state.after_heading = True
            state.in_paragraph = False
            state.sub_stack = []
            state.a_run = False
            prev_kind = "label" if is_label else "heading"
            i += 1
            continue

        if kind == "table":
            rows = []
            for l in blines:
                cells = [squash(undo_markdown(c)) for c in l.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    continue
                rows.append(["" if re.fullmatch(r"-{3,}", c) else c for c in cells])
            # Footnote markers inside cells.
            conv_rows = []
            for r in rows:
                conv_rows.append([convert_sups(state, c, False)[0] for c in r])
            rows = conv_rows
            ncols = max(len(r) for r in rows) if rows else 0
            cells_all = [c for r in rows for c in r if c]
            if prev_kind == "footnote" and state.last_footnote is not None:
                # The roll-call vote of a footnote: its rows are lines of the footnote.
                fid = state.last_footnote
                FN.texts[fid].extend(" ".join(c for c in r if c) for r in rows)
                # Rewrite the footnote block, the last block written.
                for j in range(len(state.out.blocks) - 1, -1, -1):
                    b = state.out.blocks[j]
                    if not isinstance(b, tuple) and b[0].startswith("[^%s]:" % fid):
                        state.out.blocks[j] = footnote_block(fid)
                        if "table-in-footnote" not in state.out.once:
                            state.out.once.add("table-in-footnote")
                            state.out.blocks.insert(j, ("NOTE", comment_lines(
                                "construct needed: a table in a footnote (the roll-call vote); "
                                "its rows For, Against and Abstentions are lines of the "
                                "footnote, here and in every vote below.")))
                        break
                prev_kind = "footnote"
                i += 1
                continue
            if cells_all and all(re.match(r"^\d+\.\s*\S", c) for c in cells_all):
                state.out.note(
                    "construct needed: a table; this numbered list is printed in %d columns, "
                    "written here column by column as numbered paragraphs." % ncols)
                cols = [[r[k] for r in rows if k < len(r) and r[k]] for k in range(ncols)]
                for col in cols:
                    for c in col:
                        c = re.sub(r"^(\d+)\.\s+", r"\1. ", c)
                        note_for(c)
                        state.out.add(wrap(c))
                state.in_paragraph = True
                state.sub_stack = []
                prev_kind = "para"
                i += 1
                continue
            if ncols == 1:
                state.out.note("construct needed: a table (one column), written as a bulleted "
                               "list.")
                state.out.add(sum((wrap(r[0], "- ", "") for r in rows if r and r[0]), []))
                prev_kind = "para"
                i += 1
                continue
            state.out.note("construct needed: a table (%d columns); each row is a paragraph, "
                           "its cells separated by a space (so in every such table below)."
                           % ncols, once="table-%d" % ncols)
            for r in rows:
                t = " ".join(c for c in r if c)
                if t:
                    state.out.add(wrap(escape_start(t)))
            state.in_paragraph = True
            state.sub_stack = []
            prev_kind = "para"
            i += 1
            continue

        # A text block.
        raw = " ".join(l.strip() for l in blines)
        text = undo_markdown(raw)

        # A footnote text for a waiting marker: "* text", "<sup>*</sup> text", "<sup>1)</sup> t".
        fn_match = None
        m = re.match(r"^\*\s+(.*)$", squash(text))
        if m and "*" in FN.pending:
            fn_match = [("*", m.group(1))]
        else:
            m = re.match(r"^\s*<sup>\s*(\*|\d+\)?)\s*</sup>", text)
            if m and m.group(1) in FN.pending:
                parts = re.split(r"<sup>\s*(\*|\d+\)?)\s*</sup>", text)
                fn_match = []
                for k in range(1, len(parts), 2):
                    fn_match.append((parts[k], squash(parts[k + 1])))
        if fn_match:
            fids = []
            rest = None
            for mark, body in fn_match:
                fid = FN.text_for_mark(mark)
                if fid is None:
                    print("warning: footnote text %r without marker" % mark, file=sys.stderr)
                    fid = FN.new()
                # A vote note that runs on into the text: cut after its first sentence.
                vm = re.match(r"^(The Conference (?:adopted|approved) this \w+ "
                              r"(?:without dissent|by [^.]*)\.)\s+(\S.*)$", body)
                if vm and not body.endswith(":-") and not body.endswith(":"):
                    body, rest = vm.group(1), vm.group(2)
                a, b = SPECIFIC["split_footnote"]
                if body.startswith(a) and b in body:
                    body, rest = body[:body.index(b)].strip(), body[body.index(b):]
                FN.texts[fid] = [body]
                fids.append(fid)
            write_footnotes(state, fids)
            prev_kind = "footnote"
            if rest:
                note_for(rest)
                state.out.add(wrap(rest))
                state.in_paragraph = True
                state.sub_stack = []
                prev_kind = "para"
            i += 1
            continue

        text, after, on_heading = convert_sups(state, text, state.after_heading)
        if on_heading:
            attach_to_previous(state, on_heading)
        if not text:
            # A block of footnote text only.
            write_footnotes(state, after)
            prev_kind = "footnote"
            i += 1
            continue

        # A trailing lone "*" after the last word: a footnote marker whose text follows.
        if text.count("*") % 2 == 1 and re.search(r"\w\*$", text):
            fid = FN.marker_waiting("*")
            text = text[:-1] + ref(fid)

        text = apply_facts(text)
        state.after_heading = False

        msub = SUB_START.match(text)
        mparen = re.match(r"^\((\d+)\)\s", text)
        if mparen and in_first_part and pn_lo <= int(mparen.group(1)) <= pn_hi:
            t = "\\" + text
            note_for(t)
            state.out.add(wrap(t))
            state.in_paragraph = True
            state.sub_stack = []
            prev_kind = "para"
        elif msub and state.in_paragraph:
            depth = sub_depth(state, msub.group(1), no)
            note_for(text)
            state.out.add(wrap(text, "", "    " * depth))
            prev_kind = "sub"
        else:
            if msub:
                print("warning: sub-paragraph without a paragraph at line %d" % no,
                      file=sys.stderr)
                text = "\\" + text
            a_item = re.match(r"^(\*[a-z]\*?\.\*?|[a-z]\. |\(\d+\)\.)", text)
            if a_item and not state.a_run:
                form = a_item.group(1).strip()
                if form.startswith("*"):
                    form = "*a.*"
                kind, how = (("italic", "a letter and a full stop, in italics")
                             if form.startswith("*") else
                             ("paren", "a number in parentheses and a full stop")
                             if form.startswith("(") else
                             ("plain", "a letter and a full stop"))
                state.out.note(
                    "construct needed: items marked \"%s\" (%s); they are written as unnumbered "
                    "paragraphs, here and wherever the text marks items so." % (form, how),
                    once="items-" + kind)
            state.a_run = bool(a_item)
            text = escape_start(text)
            # A quotation over several paragraphs.
            if text.count("“") > text.count("”") and nxt and nxt[0] == "text" and \
                    nxt[1][0].lstrip().startswith("“") and not state.quote_run:
                state.out.note("A quotation over several paragraphs: each paragraph opens "
                               "with “ and only the last closes it, as printed (construct "
                               "needed: a quotation that runs over paragraphs).")
            state.quote_run = text.startswith("“") or (text.count("“") > text.count("”"))
            if text.startswith("DONE at") or "DONE at" in text:
                state.out.note(notes["<<FINAL CLAUSES>>"])
            note_for(text)
            state.out.add(wrap(text))
            state.in_paragraph = True
            state.sub_stack = []
            prev_kind = "para"
            if text.startswith("13. Aware of these high hopes"):
                names = text.split(":", 1)[1]
                names = re.sub(r"\[\^\d+\]", "", names)
                names = names.rstrip(" .")
                state.members = [squash(n) for n in names.split(",") if squash(n)]
        if text.count("*") % 2 == 1:
            print("warning: odd asterisks at line %d" % no, file=sys.stderr)
        write_footnotes(state, after)
        i += 1

    FN.expire()
    for fid, mark in FN.unresolved:
        print("warning: footnote marker [^%s] (%s) has no text" % (fid, mark), file=sys.stderr)

    # Assemble the file.
    header = [l.format(title=title) for l in SPECIFIC["header"]]
    out = ["\n".join(header)]
    out.append("\n".join(sum((comment_lines(n) if k != 1 else ["// " + n]
                              for k, n in enumerate(top_notes(source_url, corpus_name,
                                                              dropped))), [])))
    out.append("\n".join(SPECIFIC["next_meeting"]))
    body = state.out.render()
    out.append(body.rstrip("\n"))
    out.append("\n".join(SPECIFIC["closing"]))
    if state.members:
        annex = comment_lines(
            "The member annex restates the list of paragraph 13 (construct needed: a member list "
            "in the prose; the annex is the only place the language lets a list of members be "
            "checked). Its title is taken from paragraph 1 (\"The States participating in the "
            "Conference\"). The names are as paragraph 13 prints them.")
        annex.append("annex: The States participating in the Conference (%d)"
                     % len(state.members))
        annex.extend("- " + n for n in state.members)
        out.append("\n".join(annex))
    return "\n\n".join(out) + "\n"


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    name = path.rsplit("/", 1)[-1]
    sys.stdout.write(convert(path, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
