"""Triage speed: replies assessed per second in one process.

    .venv/bin/python bench/triage_speed.py [--rounds 20]

Texts are the dev set and the team's case files; the first round (cold caches: the
spelling lookups) and the rest are reported separately. Last, the slowest of some hostile
replies at the 1,600-character limit of a Twilio SMS (repeated greetings, numbers,
negations, emoji): no pattern may take quadratic time on what a patient can send.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scheduler.triage import assess
from scheduler.triage.evaluation import read_cases

SOURCES = [
    ROOT.parent / "shared" / "triage" / "dev.jsonl",
    *sorted((ROOT / "tests" / "triage" / "cases").glob("*.jsonl")),
]


SMS_LIMIT = 1600
HOSTILE = ["hi ", "hi, ", "hey hi hello ", "no ", "7 ", "8 or 9 ", "thanks ", "x ", "🙂",
           "Hi Sarah, ", "i am ", "not as ", ". ", "a", "chess *chest "]  # fmt: skip


# and one long run of blank space inside a reply (1,598 line breaks once took a minute)
HOSTILE_WHOLE = ["a" + "\n" * (SMS_LIMIT - 2) + "b", "pain 7" + " " * (SMS_LIMIT - 8) + "ok"]


def slowest_hostile_reply() -> tuple[float, str]:
    """(milliseconds, pattern) of the slowest hostile reply."""
    worst = (0.0, "")
    whole = [(text, text[:8]) for text in HOSTILE_WHOLE]
    for text, unit in [((u * (SMS_LIMIT // len(u) + 1))[:SMS_LIMIT], u) for u in HOSTILE] + whole:
        started = time.perf_counter()
        assess(text, "24h")
        worst = max(worst, ((time.perf_counter() - started) * 1000, unit))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    rows = [r for p in SOURCES if p.exists() for r in read_cases(p)]
    started = time.perf_counter()
    assess("warm up: load the lexicon and word list", "24h")
    print(
        f"first call (loads lexicon + English word list): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )
    for name, rounds in (("cold (first pass)", 1), ("warm", args.rounds)):
        started = time.perf_counter()
        for _ in range(rounds):
            for r in rows:
                assess(r["text"], r["checkin"])
        elapsed = time.perf_counter() - started
        print(
            f"{name}: {rounds * len(rows)} replies in {elapsed:.2f} s = "
            f"{rounds * len(rows) / elapsed:,.0f} replies/s"
        )
    ms, unit = slowest_hostile_reply()
    print(f"slowest hostile reply ({SMS_LIMIT} chars of {unit!r} repeated): {ms:.0f} ms")


if __name__ == "__main__":
    main()
