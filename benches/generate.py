#!/usr/bin/env python3
"""Writes a large, valid bilingual declaration for the benchmarks.

It repeats the numbered paragraphs of the ASEM 2007 example, in English and in Chinese, until the
text has the number of paragraphs asked for, renumbering them so that the file still checks
clean: the benchmarks then time the real work of a clean file, not the reporting of errors.
"""

import re
import sys
from pathlib import Path

def main() -> None:
    paragraphs = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    example = (Path(__file__).resolve().parent.parent / "examples" / "asem-sme-2007.decl").read_text()
    original, chinese = example.split("\nversion: zh\n", 1)

    def numbered(text: str, terminator: str) -> list[str]:
        pattern = re.compile(r"^\d+" + re.escape(terminator) + r"\s*(.*?)(?=\n\n|\Z)", re.S | re.M)
        return [m.group(1) for m in pattern.finditer(text)]

    english = numbered(original.split("[^1]:")[0], ".")
    chinese_paragraphs = numbered(chinese.split("[^1]:")[0], "、")

    def body(paragraph_texts: list[str], terminator: str, heading: str) -> str:
        out = []
        for n in range(1, paragraphs + 1):
            if (n - 1) % 50 == 0:
                out.append(f"## {heading} {(n - 1) // 50 + 1}\n")
            text = paragraph_texts[(n - 1) % len(paragraph_texts)]
            # Marked facts and labels would repeat; keep only their words.
            text = re.sub(r"\{([^{}=]+?)\s*=\s*[^{}]+\}", r"\1", text)
            text = re.sub(r"\{#[^}]+\}\s*", "", text)
            out.append(f"{n}{terminator} {text}\n")
        return "\n".join(out)

    header = "title: Benchmark Declaration\nlanguages: en, zh\nadopted: 2007-10-31\n\n"
    sys.stdout.write(header + body(english, ".", "Part"))
    sys.stdout.write("\nversion: zh\ntitle: 基准宣言\n\n" + body(chinese_paragraphs, "、", "部分"))

if __name__ == "__main__":
    main()
