#!/usr/bin/env python3
"""Build the name and common-word lexicons the PHI detectors use.

Reproducible: run ``python tools/build_name_lexicon.py --names-src DIR --faker-wheel WHEEL`` where DIR holds
the files of the ``names`` PyPI package (0.3.0, MIT; its data are the U.S. Census Bureau's 1990
name-frequency files, a U.S. government work in the public domain; ``pip download --no-deps names==0.3.0``
and unpack it) and WHEEL is the ``faker`` 40.40.0 wheel (MIT; ``pip download --no-deps faker==40.40.0``),
whose person providers list the given names of many countries: the names U.S. patients from those
communities carry (Kofi, Adaeze, Aarav, Aoife) that a 1990 census list lacks.
The common-word list comes from pyspellchecker's English frequency dictionary (MIT), which is a runtime
dependency anyway. Outputs (resources/dictionaries/):

- given-names.txt: census given names (male + female), the given names of faker's locales in
  ``WORLD_LOCALES`` written in Latin letters (those that are English or Spanish words in pyspellchecker's
  dictionaries left out: "lavender", "durante"), plus given-names-extra.txt (hand-written, modern and
  multicultural names), lower case, one a line.
- surnames.txt: the most frequent census surnames (default 20,000), lower case.
- common-words.txt: the most frequent English words (default 12,000), lower case: a word here is not
  taken for a name unless a stronger cue (a greeting, a title) says it is one.
- english-words.txt: the next most frequent English words, up to rank 30,000 by default, that are neither
  given names nor surnames: words such as "negotiator" or "lifeguard" that are not names at all, so a
  lower-case word after an age ("a 6-year-old negotiator") is not guessed to be one. The learned span model
  reads only common-words.txt, so this list can grow without retraining it.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import sys
import unicodedata
from pathlib import Path

import spellchecker

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "dictionaries"
#: faker locales whose given names U.S. patients carry: English-speaking countries, Latin America and
#: Spain, Brazil, West and East Africa, South Asia, North Africa, Vietnam, Italy, France and Poland.
WORLD_LOCALES = ("en_GB", "en_IE", "en_NZ", "en_IN", "en_PK", "en_KE", "yo_NG", "ig_NG", "ha_NG", "tw_GH",
                 "es_MX", "es_CO", "es_ES", "es_AR", "pt_BR", "fr_FR", "it_IT", "pl_PL", "vi_VN", "fr_DZ")


def _plain(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def world_names(wheel: Path, words: set[str]) -> set[str]:
    """Given names of ``WORLD_LOCALES`` from the faker wheel (imported from the zip, nothing installed):
    Latin letters only, three letters or more, and none that is a word of ``words``."""
    sys.path.insert(0, str(wheel))
    found: set[str] = set()
    for locale in WORLD_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            for name in getattr(provider, attribute, None) or ():
                plain = _plain(name)
                if plain.isascii() and plain.isalpha() and len(plain) >= 3:
                    found.add(name.lower())
    return {name for name in found if name not in words and _plain(name) not in words}


def word_frequencies(language: str) -> dict[str, int]:
    """pyspellchecker's word-frequency list for ``language`` (read once, used for both the names filter and the
    common words)."""
    path = Path(spellchecker.__file__).parent / "resources" / f"{language}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        frequencies: dict[str, int] = json.load(handle)
    return frequencies


def census(path: Path, limit: int | None = None) -> list[str]:
    words = []
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            words.append(line.split()[0].lower())
    return words[:limit] if limit else words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--names-src", type=Path, required=True, help="folder with dist.*.first/last")
    parser.add_argument("--faker-wheel", type=Path, required=True, help="faker-40.40.0-py3-none-any.whl")
    parser.add_argument("--surnames", type=int, default=20000)
    parser.add_argument("--common", type=int, default=12000)
    parser.add_argument("--english", type=int, default=30000)
    args = parser.parse_args()

    src = args.names_src
    census_given = set(census(src / "dist.male.first")) | set(census(src / "dist.female.first"))
    frequencies = {language: word_frequencies(language) for language in ("en", "es")}
    words = set(frequencies["en"]) | set(frequencies["es"])
    given = census_given | world_names(args.faker_wheel, words - census_given)
    extra = OUT / "given-names-extra.txt"
    for line in extra.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            given.add(line)
    (OUT / "given-names.txt").write_text("\n".join(sorted(given)) + "\n", encoding="utf-8")
    surnames = census(src / "dist.all.last", args.surnames)
    (OUT / "surnames.txt").write_text("\n".join(sorted(set(surnames))) + "\n", encoding="utf-8")

    ranked = sorted(frequencies["en"].items(), key=lambda item: (-item[1], item[0]))
    words_by_rank = [w for w, _ in ranked if w.isalpha()]
    common = words_by_rank[: args.common]
    (OUT / "common-words.txt").write_text("\n".join(sorted(common)) + "\n", encoding="utf-8")
    english = sorted(set(words_by_rank[: args.english]) - set(common) - given - set(surnames))
    (OUT / "english-words.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    print(f"given names {len(given)}, surnames {len(set(surnames))}, common words {len(common)}, "
          f"other English words {len(english)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
