#!/usr/bin/env python3
"""The measurements of scripts/bench-compare (which builds the release binary first).

Each round runs every command once, one after another (hyperfine with one run per command),
so that a change in the machine's load falls on all of them alike; the table gives the median
of the rounds. Peak memory is read in one more round, by GNU time (package `time`). The results replace what stands between the "measured" markers of
docs/performance.md.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLENARY = ROOT / "target" / "release" / "plenary"
WORK = ROOT / "target" / "bench-compare"
EXAMPLE = ROOT / "examples" / "asem-sme-2007.decl"
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- measured:start -->", "<!-- measured:end -->"


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def prepare(write_typst: bool) -> None:
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    # The Markdown plenary prints, which Pandoc is given and the Typst files are written from.
    for lang in ["en", "zh"]:
        markdown = run(str(PLENARY), "build", str(EXAMPLE), "--to", "md", "--lang", lang, "-o", "-")
        (WORK / f"asem-sme-2007.{lang}.md").write_text(markdown, encoding="utf-8")
    if write_typst:
        typst_of = [sys.executable, str(ROOT / "benches" / "typst_of.py")]
        run(*typst_of, str(ROOT / "benches" / "asem-sme-2007.en.typ"), str(WORK / "asem-sme-2007.en.md"))
        run(*typst_of, str(ROOT / "benches" / "asem-sme-2007.typ"),
            str(WORK / "asem-sme-2007.en.md"), str(WORK / "asem-sme-2007.zh.md"))
    # Large inputs for the speed of `check`, and many small files.
    for paragraphs, name in [(1250, "1mb"), (12500, "10mb")]:
        text = run(sys.executable, str(ROOT / "benches" / "generate.py"), str(paragraphs))
        (WORK / f"{name}.decl").write_text(text, encoding="utf-8")
    many = WORK / "many"
    many.mkdir()
    minimal = (ROOT / "examples" / "minimal.decl").read_bytes()
    for n in range(1000):
        (many / f"draft-{n:04}.decl").write_bytes(minimal)


def commands() -> list[tuple[str, list[str]]]:
    p, w, b = str(PLENARY), str(WORK), str(ROOT / "benches")
    fonts = str(ROOT / "fonts")
    return [
        ("plenary: English to Markdown, HTML and PDF",
         [p, "build", str(EXAMPLE), "-o", f"{w}/en", "--lang", "en", "--to", "md,html,pdf"]),
        ("typst: English to PDF",
         ["typst", "compile", "--font-path", fonts, f"{b}/asem-sme-2007.en.typ", f"{w}/typst-en.pdf"]),
        ("plenary: English and Chinese to Markdown, HTML and PDF",
         [p, "build", str(EXAMPLE), "-o", f"{w}/both", "--to", "md,html,pdf"]),
        ("typst: English and Chinese to PDF",
         ["typst", "compile", "--font-path", fonts, f"{b}/asem-sme-2007.typ", f"{w}/typst-both.pdf"]),
        ("plenary: English to HTML",
         [p, "build", str(EXAMPLE), "-o", f"{w}/html", "--lang", "en", "--to", "html"]),
        ("pandoc: English Markdown to HTML",
         ["pandoc", "-s", f"{w}/asem-sme-2007.en.md", "-o", f"{w}/pandoc.html"]),
        ("plenary: check 1 MB", [p, "check", "--quiet", f"{w}/1mb.decl"]),
        ("plenary: check 10 MB", [p, "check", "--quiet", f"{w}/10mb.decl"]),
        ("plenary: check 1,000 small files", [p, "check", "--quiet", f"{w}/many"]),
    ]


def timed_rounds(rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name, _ in commands()}
    export = WORK / "round.json"
    for _ in range(rounds):
        args = ["hyperfine", "--shell=none", "--runs", "1", "--style", "none", "--export-json", str(export),
                "--ignore-failure"]
        for _, command in commands():
            args.append(" ".join(command))
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        results = json.loads(export.read_text())["results"]
        for (name, _), result in zip(commands(), results):
            times[name].append(result["times"][0])
    return times


def peak_memory() -> dict[str, float]:
    """The largest resident size of each command, in MB."""
    # Measured by GNU time, a small process of its own: the resident size a child of this
    # script reports starts from the script's own, which holds the large inputs.
    peaks = {}
    for name, command in commands():
        measured = subprocess.run(["/usr/bin/time", "-f", "%M", "--", *command],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peaks[name] = int(measured.stderr.strip().splitlines()[-1]) / 1024
    return peaks


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def versions() -> str:
    plenary = run("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD").strip()
    typst = run("typst", "--version").strip()
    pandoc = run("pandoc", "--version").splitlines()[0]
    hyperfine = run("hyperfine", "--version").strip()
    return f"plenary at {plenary}; {typst}; {pandoc}; {hyperfine}"


def table(times: dict[str, list[float]], peaks: dict[str, float], rounds: int) -> str:
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio_of = {
        "plenary: English to Markdown, HTML and PDF": "typst: English to PDF",
        "plenary: English and Chinese to Markdown, HTML and PDF": "typst: English and Chinese to PDF",
        "plenary: English to HTML": "pandoc: English Markdown to HTML",
    }
    lines = [
        f"Measured {datetime.date.today().isoformat()} by `scripts/bench-compare` on {machine()}.",
        f"{versions()}. Median of {rounds} rounds, each running every command once in turn.",
        "",
        "| command | median | peak memory | against |",
        "|---|---:|---:|---|",
    ]
    for name, _ in commands():
        against = ""
        if name in ratio_of:
            other = ratio_of[name]
            against = f"{median[other] / median[name]:.1f}x faster than {other.split(':')[0]}"
        lines.append(f"| {name} | {median[name] * 1000:.1f} ms | {peaks[name]:.0f} MB | {against} |")
    one, ten = median["plenary: check 1 MB"], median["plenary: check 10 MB"]
    size = (WORK / "10mb.decl").stat().st_size / 1e6
    lines += [
        "",
        f"`check` of the 10 MB file ({size:.1f} MB): {size / ten:.0f} MB/s; ten times the input took "
        f"{ten / one:.1f} times the time of the 1 MB file.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--write-typst", action="store_true")
    args = parser.parse_args()
    prepare(args.write_typst)
    # One round unmeasured first, so that every file is in the page cache.
    timed_rounds(1)
    times = timed_rounds(args.rounds)
    peaks = peak_memory()
    measured = table(times, peaks, args.rounds)
    print(measured)
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    DOC.write_text(f"{before}{START}\n{measured}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
