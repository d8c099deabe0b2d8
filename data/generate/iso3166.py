#!/usr/bin/env python3
"""Generates data/iso3166.json, the ISO 3166-1 countries and territories and the former ones of
ISO 3166-3, from Debian's iso-codes.

The registry of members (data/registry.toml) is written by hand for the states' dates, former
names and the forums; this file adds every other state and territory, with its codes and its
names in English and in Chinese, so that a declaration naming Kenya or Brazil is understood, and
every country name withdrawn from ISO 3166-1 since 1974 (ISO 3166-3: Czechoslovakia, Zaire,
Upper Volta), with the day its code was withdrawn and the code it was changed to. The output is
committed, so that building plenary never needs iso-codes.

Usage, from the repository's root, with the iso-codes package installed
(`apt-get install iso-codes`):

    python3 data/generate/iso3166.py > data/iso3166.json

Python 3 standard library only. iso-codes is LGPL-2.1-or-later; see docs/registry.md.
"""

import gettext
import json
import os
import sys

ISO_CODES = os.environ.get("ISO_CODES", "/usr/share/iso-codes/json/iso_3166-1.json")
ISO_CODES_FORMER = os.environ.get(
    "ISO_CODES_FORMER", "/usr/share/iso-codes/json/iso_3166-3.json"
)
CHINESE = os.environ.get("ISO_CODES_ZH", "/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo")
VERSION_FILE = os.environ.get("ISO_CODES_VERSION", "/usr/share/doc/iso-codes/changelog.Debian.gz")


def uninvert(name):
    """ISO writes some names inverted for sorting ("Korea, Republic of", "Virgin Islands,
    British"); a declaration writes them in reading order ("Republic of Korea", "British Virgin
    Islands"). A comma followed by a list ("Bonaire, Sint Eustatius and Saba") or an apposition
    ("Taiwan, Province of China") is not an inversion and stays."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    words = tail.split()
    if words[-1] in ("of", "the") or len(words) == 1:
        # "Congo, The Democratic Republic of the" reads "Democratic Republic of the Congo".
        if tail.startswith("The "):
            tail = tail[len("The ") :]
        return f"{tail} {head}"
    return name


def former_names(name):
    """The names of an ISO 3166-3 entry in reading order. "Zaire, Republic of" reads "Republic
    of Zaire"; "USSR, Union of Soviet Socialist Republics" is two names, the short one and the
    formal one."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    words = tail.split()
    if words[-1] in ("of", "the") or len(words) == 1:
        # "France, Metropolitan" reads "Metropolitan France".
        return [uninvert(name)]
    return [head, tail]


def withdrawn(date):
    """The day an ISO 3166-3 code was withdrawn, as the first day the country no longer had it:
    a date as given, or for a year alone ("1977") the first day of the next year, the first day
    that is certainly after it."""
    if len(date) == 4:
        return f"{int(date) + 1}-01-01"
    return date


def quote(text):
    return json.dumps(text, ensure_ascii=False)


def unique(names):
    seen = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def iso_codes_version():
    """The version of iso-codes the data comes from, for the file's header."""
    try:
        import gzip

        with gzip.open(VERSION_FILE, "rt", encoding="utf-8") as changelog:
            first = changelog.readline()
        return first.split("(", 1)[1].split(")", 1)[0]
    except (OSError, IndexError):
        return "unknown"


def main():
    with open(ISO_CODES, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    with open(CHINESE, "rb") as f:
        chinese = gettext.GNUTranslations(f)

    def zh(english):
        # gettext returns the English text itself when it has no translation.
        translated = chinese.gettext(english) if english else ""
        return translated if translated != english else ""

    entries = []
    for country in sorted(countries, key=lambda c: c["alpha_2"]):
        name = country["name"]
        official = country.get("official_name", "")
        common = country.get("common_name", "")
        en = unique([uninvert(name), official])
        aliases = unique([n for n in [common, name] if n not in en])
        zh_names = unique([zh(name), zh(official)])
        zh_aliases = [n for n in unique([zh(common)]) if n not in zh_names]
        entry = {
            "id": country["alpha_2"],
            "alpha3": country["alpha_3"],
            "numeric": country["numeric"],
            "en": en,
            "zh": zh_names,
            "aliases": aliases + zh_aliases,
        }
        entries.append(json.dumps(entry, ensure_ascii=False))
    with open(ISO_CODES_FORMER, encoding="utf-8") as f:
        withdrawn_countries = json.load(f)["3166-3"]
    current = {c["alpha_2"] for c in countries}
    former = []
    for country in sorted(withdrawn_countries, key=lambda c: c["alpha_4"]):
        # The last two letters of the alpha-4 code are the code the country was changed to
        # (ISO 3166-3, clause 4): "HH" where there is no single one, "XX" or "AA" for others.
        successor = country["alpha_4"][2:]
        entry = {
            "id": country["alpha_4"],
            "alpha3": country["alpha_3"],
            "numeric": country.get("numeric"),
            "en": former_names(country["name"]),
            "to": withdrawn(country["withdrawal_date"]),
            "successor": successor if successor in current else None,
        }
        former.append(json.dumps(entry, ensure_ascii=False))
    # JSON rather than TOML: the registry reads this file on every run of plenary, and JSON is
    # read several times faster. One country a line keeps the differences readable.
    about = {
        "generated_by": "data/generate/iso3166.py; do not edit",
        "source": f"Debian iso-codes {iso_codes_version()}: iso_3166-1.json, iso_3166-3.json and the zh_CN translation",
        "licence": "LGPL-2.1-or-later, as iso-codes; see docs/registry.md",
        "names": "en: the ISO short name in reading order and the official name; "
        "aliases: the common name and the inverted ISO form; zh: the zh_CN translations; "
        "former: ISO 3166-3, each with the day its code was withdrawn (to) and the code it was "
        "changed to (successor)",
    }
    out = sys.stdout
    out.write("{\n")
    for key, value in about.items():
        out.write(f"  {quote(key)}: {quote(value)},\n")
    out.write('  "countries": [\n    ')
    out.write(",\n    ".join(entries))
    out.write('\n  ],\n  "former": [\n    ')
    out.write(",\n    ".join(former))
    out.write("\n  ]\n}\n")

if __name__ == "__main__":
    main()
