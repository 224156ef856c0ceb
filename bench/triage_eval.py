"""Triage accuracy: confusion matrix, per-label precision and recall, and every miss.

.venv/bin/python bench/triage_eval.py                  # dev set + tests/triage/cases
.venv/bin/python bench/triage_eval.py FILE.jsonl ...   # any labelled files
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scheduler.triage.evaluation import evaluate, read_cases

DEV = ROOT.parent / "shared" / "triage" / "dev.jsonl"
CASES = sorted((ROOT / "tests" / "triage" / "cases").glob("*.jsonl"))


def main(argv: list[str]) -> None:
    groups = (
        {Path(a).name: [Path(a)] for a in argv}
        if argv
        else {
            "shared/triage/dev.jsonl": [DEV] if DEV.exists() else [],
            "tests/triage/cases/*.jsonl": CASES,
        }
    )
    for name, paths in groups.items():
        if not paths:
            print(f"== {name}: not found\n")
            continue
        rows = [row for p in paths for row in read_cases(p)]
        print(f"== {name} ({len(rows)} replies)")
        print(evaluate(rows).report())
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
