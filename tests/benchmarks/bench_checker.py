#!/usr/bin/env python3
"""Benchmark the checker and print figures (not part of the default test run).

    .venv/bin/python tests/benchmarks/bench_checker.py

Targets (issue "The compliance checker"): a 280-character post <= 0.3 ms median, a 3,000-character draft
<= 3 ms median, batch >= 1 MB/s on one core, engine load <= 300 ms and <= 60 MB added; the spelling
dictionary loads separately.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

POST = (
    "Flu shots are here! 💉 Join us for a walk-in clinic on Saturday, October 11, 9 a.m. to 1 p.m. at "
    "120 Oak Street. The CDC recommends a yearly flu vaccine for everyone 6 months and older. Hi Ronald, "
    "your results are in; call (555) 384-2290. Use code FLU10 for 10% off!"
)[:280]
PARAGRAPHS = [
    "March is National Colorectal Cancer Awareness Month. The USPSTF recommends screening for adults ages "
    "45 to 75, and options range from at-home stool tests to colonoscopy. ",
    "Thank you, Margaret! We're so glad your hip is healing after your fall on March 3rd. See you at your "
    "follow-up! ",
    "Our favorite supplement, ImmunaMax Elderberry Gummies, is clinically proven to cut your flu risk in "
    "half! Grab a bottle at our front desk. ",
    "Influenza typically presents w/ abrupt-onset fever, myalgias & malaise vs. rhinovirus URI w/ gradual "
    "rhinorrhea. ",
    "Please welcome Jenna Cole, our new nurse practitioner! Call (555) 201-3300 to schedule with her. ",
]


def draft(length: int) -> str:
    text = ""
    index = 0
    while len(text) < length:
        text += PARAGRAPHS[index % len(PARAGRAPHS)]
        index += 1
    return text[:length]


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    from composer.checking import CheckRequest, PracticeContext, load_checker

    checker = load_checker()
    load_ms = (time.perf_counter() - started) * 1000
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    context = PracticeContext.from_json(
        {
            "practice": {"name": "Riverbend Family Medicine", "phone": "(555) 201-3300", "fax": "(555) 201-3301",
                         "email": "hello@riverbendfm.example", "website": "riverbendfm.example",
                         "address": "120 Oak Street, Springfield, IL 62704"},
            "staff": ["Dr. Anika Patel", "Dr. Marcus Reed", "Jenna Cole", "Luis Ortega"],
            "personal_owner": "Dr. Anika Patel",
        }
    )
    post = CheckRequest(text=POST, platform="x")
    reply = CheckRequest(text=POST, kind="reply", in_reply_to="Still waiting on my results.")
    long = CheckRequest(text=draft(3000))
    for _ in range(50):
        checker.check(post, context)
        checker.check(long, context)
    post_ms = median_ms(lambda: checker.check(post, context), 2000)
    reply_ms = median_ms(lambda: checker.check(reply, context), 2000)
    long_ms = median_ms(lambda: checker.check(long, context), 300)

    batch = [CheckRequest(text=draft(200 + (i * 37) % 2800), kind="reply" if i % 3 else "post") for i in range(400)]
    chars = sum(len(r.text.encode("utf-8")) for r in batch)
    started = time.perf_counter()
    for request in batch:
        checker.check(request, context)
    mb_s = chars / 1e6 / (time.perf_counter() - started)

    started = time.perf_counter()
    from composer.checking.spelling import SpellingChecker

    speller = SpellingChecker.load()
    spell_ms = (time.perf_counter() - started) * 1000
    spell_check_ms = median_ms(lambda: speller.findings(POST), 200)

    print(f"post (280 chars) median:      {post_ms:.3f} ms   (target <= 0.3)")
    print(f"reply (280 chars) median:     {reply_ms:.3f} ms")
    print(f"draft (3,000 chars) median:   {long_ms:.3f} ms   (target <= 3)")
    print(f"batch throughput:             {mb_s:.2f} MB/s  (target >= 1)")
    print(f"engine load:                  {load_ms:.0f} ms, {current / 1e6:.1f} MB added  (target <= 300 ms, <= 60 MB)")
    print(f"spelling dictionary load:     {spell_ms:.0f} ms; spelling check of a post {spell_check_ms:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
