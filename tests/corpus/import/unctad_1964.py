#!/usr/bin/env python3
"""Convert the Verdragenbank markdown of the UNCTAD Final Act (Geneva, 1964) to a plenary `.decl`.

Usage (from the root of the project):

    python3 tests/corpus/import/unctad_1964.py \\
        CORPUS/08_unctad_final_act_geneva_1964.txt \\
        > tests/corpus/08_unctad_final_act_geneva_1964.decl

where CORPUS is the folder of the corpus texts. The committed `.decl` was written by this script
and then corrected by hand: the `//` notes on the defects the checks find and the header's
`periodicity:` were added since, so a fresh run gives a starting point, not that file.

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
   - headings: a `####` line naming a PART and the `###` labels `Annex A`, `ANNEX B`, `ANNEX C`
     start divisions (`#`); a `###` label (SECTION, Annex A.I.1, APPENDIX, I, A) and the `####`
     title under it are two headings of the same level; the level of every heading is worked out
     from where it stands (see `Levels` below: a SECTION or a recommendation is `##`, the parts,
     sub-parts and principles within it one level deeper each);
   - sub-paragraphs `(a)`, `(i)`, `(1)` are indented by depth, which is worked out from the
     sequence of the markers ((i) after (h) is a letter, (i) after (b) starts a deeper level);
   - paragraphs numbered `N.` and `IV.` are numbered paragraphs, and so is a block that starts
     with a number in parentheses going on from the paragraph before (`(31)` after 30), written as
     printed; numbers written wrong (`14 Developed`, `9.Union`) are kept as printed, with a note
     naming the diagnostic; items marked `*a.*`, `a.`, `(1).` are plain paragraphs with a note;
   - tables: separator rows are dropped; a table whose cells are numbered (`1. Afghanistan`) is a
     numbered list in columns and is written column by column as numbered paragraphs; any other
     table is a bulleted list, one item a row, its cells separated by a space; a table right after
     a footnote text (a roll-call vote) belongs to that footnote and its rows are lines of the
     footnote (a footnote holds no list);
   - a list whose items the source gives as short blocks of their own, without marks, after a
     paragraph that leads into it with a colon (two items or more of at most 60 characters that
     start with no number, marker or emphasis), is a bulleted list;
   - a paragraph that opens a quotation with “ and does not close it, followed by a paragraph that
     opens with “ too, is a quotation over several paragraphs: it gets a note;
   - a construct the language lacks gets a `// construct needed:` note on the spot; one that
     recurs all through the text (italic item letters, tables, the votes in footnotes) gets it
     at its first place only, saying so;
   - lines are wrapped at 100 characters, never so that a line starts with a mark (a marked fact
     `{...}` may be wrapped); headings stay on one line.

2. Rules for this text only (`SPECIFIC` below, each with its reason): the header's facts (the
   default numbering, which lets numbers start again at 1 after any heading; `authentic:` from
   the final clauses), the next meeting (`year: early 1966`) and the closing; the marked facts
   (the authentic languages among them); the numbered captions of Annex A.II.1 (headings in the
   source, paragraph numbers in the document); the member list of paragraph 13, written as a
   `members:` list where it stands (the lead-in stays the paragraph, the footnote marker printed
   after "Tanganyika" goes to its end); the heading FINAL CLAUSES as a division; the levels of
   the headings of Annex B within a country; the end of the Polish footnote 2); the source
   blocks that run several blocks into one (paragraphs 8 to 10 of Annex A.II.1, paragraph 2 of
   Annex A.II.6, the Netherlands' lists); and the notes on the spot (real defects, with the code
   of the diagnostic they justify, and constructs the language lacks), keyed by the start of the
   converted block they stand above (or a heading's text, or words anywhere in the block).

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
    width = WIDTH - len(indent)
    lines = textwrap.wrap(first_prefix + text, width, break_long_words=False,
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
    return [indent + l for l in lines]


def bullet(text):
    """An item of a bulleted list: `- ` and the text, its further lines indented by two."""
    lines = wrap(text, "", "  ")
    return ["- " + lines[0][2:]] + lines[1:]


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
        # The final clauses: "in the Chinese, English, French, Russian and Spanish languages".
        "authentic: zh, en, fr, ru, es",
    ],
    # "The next session of the Conference shall be held early in 1966" (Annex A.V.1, 32 (b)).
    "next_meeting": ["next meeting:", "year: early 1966"],
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
        ("in the Chinese, English, French, Russian and Spanish languages.",
         "in the {Chinese, English, French, Russian and Spanish = languages} languages."),
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
    # The paragraph whose list of States is the member list: its lead-in ends at the first ":".
    "members_paragraph": "13. Aware of these high hopes",
    # A footnote text block whose second footnote runs on into the text (the Polish table).
    "split_footnote": ("Total imports. ", "In addition to this it is estimated"),
    # Source blocks that run several blocks into one (the database lost the breaks): (the start
    # of the block, the words that start each further block). Paragraphs 8 to 10 of Annex
    # A.II.1 run on after 7 (b), paragraph 2 of Annex A.II.6 after paragraph 1, and the last
    # item of each list of the Netherlands' observations (Annex B) into the sentence after it.
    "split_blocks": [
        ("*b.* Take duly into consideration the trade needs",
         ["8. In all matters", "9. The centrally-planned", "10. The centrally-planned"]),
        ("<sup> * The Conference adopted this Recommendation without dissent. </sup> 1. *The "
         "Conference recommends* that, in the review of the present experimental World Food",
         ["2. The foregoing should not"]),
        ("Annex A.V. 3 Regarding the following", ["Regarding the following"]),
        ("Annex A.VI.3 Regarding the Recommendation", ["Regarding the Recommendation"]),
    ],
    # Heading levels in Annex B that are not 3 (the countries are 2), by country: (a pattern of
    # the heading, its level). Japan's committees hold its recommendations, the United Kingdom's
    # committees stand under "B. TEXTS RELATING TO PARTICULAR RECOMMENDATIONS", France lists
    # annexes under its observations on the Third Committee, the USSR's principles stand under
    # its numbered reservations.
    "annex_b_levels": {
        "*FRANCE*": [(r"^Annexe?s? A\.", 4)],
        "*JAPAN*": [(r"^\*Recommendation in Annex", 4), (r"^\*Paragraphs 9, 10 and 11\*$", 5)],
        "*UNION OF SOVIET SOCIALIST REPUBLICS*": [(r"^\*\d\. ", 4),
                                                  (r"^\*(General|Special) Principle", 5)],
        "*UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND*": [(r"COMMITTEE$", 4),
                                                                    (r"^\*Annex A\.", 5)],
    },
    # Notes put right above the block whose converted text starts with the key; a key that
    # starts with "<h>" is a heading's text, one that starts with "~" is found anywhere in the
    # block's text.
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
            "numbering::subparagraph-out-of-sequence: the quotation above belongs to "
            "sub-paragraph (b), as a second block of it; the file has it as a paragraph of its "
            "own, so (c) stands where (a) is expected (construct needed: a sub-paragraph of "
            "more than one block).",
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
            "Paragraph 13 names the 120 States after its lead-in; they are the `members:` list "
            "below, one name per line, so the commas between the names and the \" .\" after the "
            "last one are not written. The marker \"6)\" printed after \"Tanganyika\" calls "
            "the source's footnote 6) (here the second marker): a member's line cannot carry a "
            "footnote marker (construct needed), so it is written at the end of the lead-in, "
            "after the marker of footnote 5).",
        "(31) The development":
            "Paragraphs (31) to (51) of the First Part are numbered \"(31)\" in the source and "
            "go on from paragraph 30; written as printed.",
        "<h>*Special Principle Three*":
            "references::undefined-footnote: the asterisk of Special Principle Three calls no "
            "footnote: the Committee took no action on this principle and the source has no "
            "vote note for it (a mark without its footnote, a real defect of the source).",
        "~trade between “all countries, whether at similar levels":
            "syntax::unclosed: General Principle Six (Annex A.I.1): the source opens a quotation "
            "before \"all countries\" and never closes it; the same principle in the Second "
            "Part has no quotation mark (a real defect of the text).",
        "1. GENERAL PROVISIONS":
            "The numbers 1. to 13. of Annex A.II.1, Part II, are headings in the source "
            "(\"###1. GENERAL PROVISIONS\"); they are the document's paragraph numbers (the "
            "paragraph \"14\" follows them), so they are written as numbered paragraphs "
            "(construct needed: a numbered caption).",
        "8. In all matters":
            "Paragraphs 8 to 10 run on after 7 (b) in one block in the source (the breaks are "
            "lost); they are written as the paragraphs they are.",
        "2. The foregoing should not":
            "Paragraph 2 runs on after paragraph 1 in one block in the source (the break is "
            "lost); it is written as the paragraph it is.",
        "14 Developed countries":
            "numbering::damaged-number: the number 14 is printed without its full stop (a real "
            "defect of the source).",
        "2 The scheme should be provided":
            "numbering::damaged-number: the number 2 is printed without its full stop (a real "
            "defect of the source).",
        "2 That only developing countries":
            "numbering::damaged-number: the number 2 is printed without its full stop (a real "
            "defect of the source).",
        "*The Conference expresses interest* in the proposal of Senegal":
            "syntax::stray-closing-quote: the quotation 'interest rebate fund” opens with a "
            "single mark and closes with a double one (a real defect of the source).",
        "9.Union of Soviet Socialist Republics":
            "numbering::damaged-number: item 9 is printed without a space after its full stop "
            "(\"9.Union\"), a real defect of the text.",
        "Annex A.II. 9":
            "The Netherlands' two lists: their items are blocks of their own in the source, and "
            "the last item of each runs on into the sentence after it (\"Annex A.V. 3 Regarding "
            "the following ...\", \"Annex A.VI.3 Regarding the Recommendation ...\"); the break "
            "lost there is restored.",
        "13. Belgium":
            "Annex II lists Belgium twice (3 and 13); kept as printed (a real defect of the "
            "source text; construct needed: a list of States other than the member list, which "
            "plenary would check for duplicates).",
        "<<FINAL CLAUSES>>":
            "The final clauses: the place, the date in words and the authentic languages are "
            "marked (the header's `authentic:`: the Chinese, English, French, Russian and "
            "Spanish texts are authentic, the file holds the English one). \"In a single copy\" "
            "is not a fact the language states. The names the representatives \"subscribed "
            "below\" are not in the source, so the file has no `signed:` block.",
        "[Original: English] It is my conviction":
            "facts::mismatch: the message of the Minister of Japan counts \"121 nations\" "
            "gathered, against the 120 States of paragraph 13 (a disagreement within the text, "
            "marked so that plenary reports it).",
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
        "The divisions (\"#\"): the Second Part, Annex A, Annex B, Annex C and the final "
        "clauses; the First Part is the text before them (the source gives it no heading). "
        "Headings: a SECTION, a recommendation of Annex A (\"Annex A.I.1\"), a country of Annex B "
        "and a message of Annex C are \"##\", a label and its title (\"SECTION I\", "
        "\"BACKGROUND\") two headings of the same level; the parts, sub-parts and principles "
        "within them go deeper.",
        "Paragraph numbers run on across the sections of a part (the First Part runs 1 to 53, the "
        "Second Part 1 to 31) and start again at 1 in each division and each recommendation, "
        "which the default numbering allows after any heading.",
        "The facts: the meeting is the United Nations Conference on Trade and Development, at "
        "Geneva from 23 March to 16 June 1964 (paragraph 13); the Final Act is done at Geneva "
        "on 16 June 1964 (final clauses). The Conference is \"to be convened at intervals of not "
        "more than three years\" (Second Part, paragraph 25 (a); Annex A.V.1, paragraph 2): a "
        "maximum interval, which `periodicity:` cannot state, so it is not stated; \"the next "
        "session of the Conference shall be held early in 1966\" (Annex A.V.1, paragraph 32 (b)) "
        "is the next meeting (`year: early 1966`). The text names no edition (\"first\") and no "
        "host. The final clauses name the authentic languages (`authentic:`); the file holds "
        "the English text.",
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
        self.last_number = None        # the last Arabic paragraph number written
        self.lead_in = False           # the last paragraph written ends with a colon
        self.list_open = False         # a bulleted list is being written


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


def list_item(text):
    """The text of a block that reads as an item of a list without marks, or None: a short
    block that starts with no number, marker, quotation or emphasis and leads into nothing."""
    t = squash(text)
    if not t or len(t) > 60 or "<sup>" in t or t.endswith(":"):
        return None
    if re.match(r"^(\d+|[IVXL]+)[.)]|^[(*“\"\[<#\\]", t):
        return None
    return t


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


ROMAN_LABEL = re.compile(r"^(I|II|III|Ill|IV|V|VI|VII)\.?$")
LETTER_LABEL = re.compile(r"^[A-F]$")
COUNTRY = re.compile(r"^\*[A-Z][A-Z ,]+\*$")


class Levels:
    """The level of each heading (1 for a division, 2 to 6 for headings), worked out from the
    source's marks (a `###` label, the `####` title under it) and from where it stands:

    - divisions: a `####` line naming a PART, the `###` labels of Annex A, B and C, and the
      `####` FINAL CLAUSES;
    - the `####` title right under a label has the label's level (2 under a division's label);
    - level 2: a SECTION, a recommendation of Annex A (`Annex A.I.1`), a country of Annex B (and
      its contents, the Joint Declaration, the index), a message of Annex C, the part `II` of
      Annex C;
    - in a recommendation (or an `APPENDIX` or `Annex I` of one, a level deeper): a Roman label
      (`I`, `II.`) one level below it, a letter label (`A`) one below the Roman label if there
      is one, a grouping (`GENERAL PRINCIPLES`, `*Special Principles*`) one below it with its
      principles one further, any other heading one below the innermost label;
    - in Annex B, the headings within a country are 3, or as `annex_b_levels` says; in Annex C,
      the heading right under the part `II` is its title, the headings after it are 3.
    """

    def __init__(self):
        self.division = None   # None (the First Part), "part", "A", "B", "C", "final"
        self.label = None      # the level of the label heading just written, for its title
        self.container = 2     # the level of the current recommendation, appendix or annex
        self.roman = None
        self.letter = None
        self.group = None
        self.country = None

    def _in_recommendation(self):
        self.roman = self.letter = self.group = None

    def level(self, marks, text):
        """The level of a heading of `marks` source marks and text `text` (without markers)."""
        label = self.label
        self.label = None
        if label is not None and (marks == 4 or self.division == "C"):
            return label
        if (marks == 4 and re.search(r"\bPART\b", text)) or (marks == 4 and text == "FINAL CLAUSES"):
            self.division = "part" if "PART" in text else "final"
            return 1
        m = re.match(r"^(Annex|ANNEX) ([ABC])$", text)
        if marks == 3 and m:
            self.division = m.group(2)
            self.label = 2
            return 1
        if self.division == "B":
            return self._annex_b(marks, text)
        if self.division == "C":
            if marks == 4:
                self.container = 2
                return 2
            if ROMAN_LABEL.match(text):
                self.label = 2
                return 2
            return 3
        if marks == 3 and re.match(r"^SECTION\b", text):
            self.label = 2
            return 2
        if marks == 3 and re.match(r"^Annex A\.\S+$", text):
            self.container = 2
            self._in_recommendation()
            self.label = 2
            return 2
        if marks == 3 and (text == "APPENDIX" or re.match(r"^Annex [IVX]+$", text)):
            self.container = 3
            self._in_recommendation()
            self.label = 3
            return 3
        if self.division != "A":
            return 3
        if marks == 3 and ROMAN_LABEL.match(text):
            self.roman = self.container + 1
            self.letter = None
            self.label = self.roman
            return self.roman
        if marks == 3 and LETTER_LABEL.match(text):
            self.letter = (self.roman or self.container) + 1
            self.label = self.letter
            return self.letter
        if text in ("GENERAL PRINCIPLES", "*Special Principles*"):
            self.group = self.container + 1
            return self.group
        if self.group is not None and "Principle" in text:
            return self.group + 1
        return (self.letter or self.roman or self.container) + 1

    def _annex_b(self, marks, text):
        if COUNTRY.match(text) or text == "CONTENTS" or text.startswith("JOINT DECLARATION") \
                or text == "*Index to observations received*":
            self.country = text
            return 2
        for pattern, level in SPECIFIC["annex_b_levels"].get(self.country, []):
            if re.search(pattern, text):
                return level
        return 3


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
            if key in used_notes:
                continue
            if text.startswith(key) or (key.startswith("~") and key[1:] in text):
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
        if kind == "text":
            joined = " ".join(l.strip() for l in blines)
            for start_of, further in SPECIFIC["split_blocks"]:
                if squash(undo_markdown(joined)).startswith(start_of):
                    for second in further:
                        k = joined.index(second)
                        cleaned.append((kind, [joined[:k].rstrip()], no))
                        joined = joined[k:]
                    blines = [joined]
                    break
        cleaned.append((kind, blines, no))
    blocks = cleaned

    levels = Levels()

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
            if htext in SPECIFIC["numbered_captions"]:
                note_for(htext)
                state.out.add(wrap(htext))
                state.in_paragraph = True
                state.sub_stack = []
                state.after_heading = False
                prev_kind = "para"
                i += 1
                continue
            bare = re.sub(r"\[\^\d+\]", "", htext)
            level = levels.level(marks, bare)
            note_for("<h>" + bare)
            state.out.add([("#" * level) + " " + htext])
            state.lead_in = state.list_open = False
            write_footnotes(state, after)
            state.after_heading = True
            state.in_paragraph = False
            state.sub_stack = []
            state.a_run = False
            prev_kind = "heading"
            i += 1
            continue

        if kind == "table":
            state.lead_in = False
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
                                "construct needed: a table or a list in a footnote (the "
                                "roll-call vote); its rows For, Against and Abstentions are "
                                "lines of the footnote, here and in every vote below.")))
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
                state.out.note("The table of one column is a list: written as a bulleted list.")
                state.out.add(sum((bullet(r[0]) for r in rows if r and r[0]), []))
            else:
                state.out.note("construct needed: a table (%d columns); written as a bulleted "
                               "list, one item a row, its cells separated by a space (so in "
                               "every such table below)." % ncols, once="table-%d" % ncols)
                state.out.add(sum((bullet(" ".join(c for c in r if c)) for r in rows
                                   if any(r)), []))
            state.list_open = False
            prev_kind = "list"
            i += 1
            continue

        # A text block.
        levels.label = None
        raw = " ".join(l.strip() for l in blines)
        text = undo_markdown(raw)

        # An item of a list whose items the source gives as blocks of their own, with no mark:
        # short blocks after a paragraph that leads into them with a colon.
        if state.lead_in or state.list_open:
            here = list_item(text)
            if here and (state.list_open or (nxt and nxt[0] == "text"
                                             and list_item(undo_markdown(" ".join(nxt[1]))))):
                if state.list_open:
                    state.out.blocks[-1].extend(bullet(here))
                else:
                    note_for(here)
                    state.out.add(bullet(here))
                state.list_open = True
                state.lead_in = False
                prev_kind = "list"
                i += 1
                continue
        state.list_open = False
        state.lead_in = False

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
        mnum = re.match(r"^(\d+)\.\s", text)
        if mnum:
            state.last_number = int(mnum.group(1))
        if mparen and state.last_number is not None and \
                int(mparen.group(1)) == state.last_number + 1:
            # A paragraph numbered in parentheses, "(31)", going on from the paragraph before.
            state.last_number += 1
            note_for(text)
            state.out.add(wrap(text))
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
                               "with “ and only the last closes it, as printed.")
            state.quote_run = text.startswith("“") or (text.count("“") > text.count("”"))
            if text.startswith("DONE at") or "DONE at" in text:
                state.out.note(notes["<<FINAL CLAUSES>>"])
            members = None
            if text.startswith(SPECIFIC["members_paragraph"]):
                # The lead-in, then the States as the member list; the markers in the list go
                # to the end of the lead-in.
                lead, names = text.split(":", 1)
                markers = re.findall(r"\[\^\d+\]", names)
                names = re.sub(r"\[\^\d+\]", "", names).strip().rstrip(" .")
                members = [squash(n) for n in names.split(",") if squash(n)]
                text = lead + ":" + "".join(markers)
            note_for(text)
            state.out.add(wrap(text))
            if members:
                state.out.add(["members: (%d)" % len(members)] + ["- " + n for n in members])
            state.in_paragraph = True
            state.sub_stack = []
            prev_kind = "para"
            state.lead_in = re.sub(r"\[\^\d+\]", "", text).rstrip().endswith(":")
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
