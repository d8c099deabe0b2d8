#!/usr/bin/env python3
"""Writes a Typst document of a declaration from the Markdown plenary prints of it, for the
comparison of scripts/bench-compare: the same words, headings, numbered paragraphs, footnotes
and member lists, set in the same fonts on A4 and justified, so that `typst compile` does the
work a PDF of the declaration needs and no more.

Usage: typst_of.py OUT.typ VERSION.md [VERSION.md ...]   (one Markdown file per language
version; each starts on a new page). The .typ files in benches/ were written by it; run
scripts/bench-compare --write-typst to write them again.
"""

import re
import sys

SPECIAL = re.compile(r'([\\#*_`$@<>\[\]~"])')


def typst_text(text: str) -> str:
    """Markdown inline text to Typst markup: Markdown escapes undone, Typst's own escaped,
    `*emphasis*` kept as emphasis."""
    text = re.sub(r"\\(.)", r"\1", text)
    parts = re.split(r"(\*[^*]+\*)", text)
    out = []
    for part in parts:
        if part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append("_" + SPECIAL.sub(r"\\\1", part[1:-1]) + "_")
        else:
            out.append(SPECIAL.sub(r"\\\1", part))
    return "".join(out)


def version(markdown: str, language: str) -> str:
    notes = dict(re.findall(r"^\[\^([^\]]+)\]: (.*)$", markdown, re.M))
    body = re.sub(r"^\[\^[^\]]+\]: .*$", "", markdown, flags=re.M)
    out = [f'#set text(lang: "{language}")']
    for block in re.split(r"\n\s*\n", body.strip()):
        block = " ".join(line.strip() for line in block.splitlines()) if not block.lstrip().startswith("- ") else block
        if not block.strip():
            continue
        if block.startswith("# "):
            out.append(f"#align(center, text(size: 16pt, weight: \"bold\")[{typst_text(block[2:])}])")
        elif block.startswith("## "):
            out.append(f"== {typst_text(block[3:])}")
        elif block.startswith("### "):
            out.append(f"=== {typst_text(block[4:])}")
        elif block.startswith("*") and block.endswith("*"):
            out.append(f"#align(center, emph[{typst_text(block[1:-1])}])")
        elif block.lstrip().startswith("- "):
            out.append("\n".join(f"- {typst_text(line.strip()[2:])}" for line in block.splitlines()))
        else:
            text = typst_text(block)
            for name, note in notes.items():
                marker = typst_text(f"[^{name}]")
                text = text.replace(marker, f"#footnote[{typst_text(note)}]")
            out.append(text)
    return "\n\n".join(out)


def main() -> None:
    target, sources = sys.argv[1], sys.argv[2:]
    head = [
        '#set page(paper: "a4", margin: (x: 2.5cm, y: 2.5cm), numbering: "1")',
        '#set text(font: ("Caladea", "Noto Serif CJK SC"), size: 11pt)',
        "#set par(justify: true)",
        "#set heading(numbering: none)",
    ]
    versions = []
    for source in sources:
        language = "zh" if ".zh." in source else "en"
        with open(source, encoding="utf-8") as f:
            versions.append(version(f.read(), language))
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(head) + "\n\n" + "\n\n#pagebreak()\n\n".join(versions) + "\n")


if __name__ == "__main__":
    main()
