#!/usr/bin/env python3
"""Build the name and common-word lexicons the PHI detectors use.

Reproducible: run ``python tools/build_name_lexicon.py --names-src DIR`` where DIR holds the files of the
``names`` PyPI package (0.3.0, MIT; its data are the U.S. Census Bureau's 1990 name-frequency files,
a U.S. government work in the public domain). ``pip download --no-deps names==0.3.0`` and unpack it.
The common-word list comes from pyspellchecker's English frequency dictionary (MIT), which is a runtime
dependency anyway. Outputs (resources/dictionaries/):

- given-names.txt: census given names (male + female) plus given-names-extra.txt (hand-written, modern
  and multicultural names the 1990 census lists lack), lower case, one a line.
- surnames.txt: the most frequent census surnames (default 20,000), lower case.
- common-words.txt: the most frequent English words (default 12,000), lower case: a word here is not
  taken for a name unless a stronger cue (a greeting, a title) says it is one.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import spellchecker

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "dictionaries"


def census(path: Path, limit: int | None = None) -> list[str]:
    words = []
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            words.append(line.split()[0].lower())
    return words[:limit] if limit else words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--names-src", type=Path, required=True, help="folder with dist.*.first/last")
    parser.add_argument("--surnames", type=int, default=20000)
    parser.add_argument("--common", type=int, default=12000)
    args = parser.parse_args()

    src = args.names_src
    given = set(census(src / "dist.male.first")) | set(census(src / "dist.female.first"))
    extra = OUT / "given-names-extra.txt"
    for line in extra.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            given.add(line)
    (OUT / "given-names.txt").write_text("\n".join(sorted(given)) + "\n", encoding="utf-8")
    surnames = census(src / "dist.all.last", args.surnames)
    (OUT / "surnames.txt").write_text("\n".join(sorted(set(surnames))) + "\n", encoding="utf-8")

    freq_path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(freq_path, "rt", encoding="utf-8") as handle:
        frequencies: dict[str, int] = json.load(handle)
    ranked = sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))
    common = [w for w, _ in ranked if w.isalpha()][: args.common]
    (OUT / "common-words.txt").write_text("\n".join(sorted(common)) + "\n", encoding="utf-8")
    print(f"given names {len(given)}, surnames {len(set(surnames))}, common words {len(common)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
