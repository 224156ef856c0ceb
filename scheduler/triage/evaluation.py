"""Measuring triage on labelled replies: the numbers bench/triage_eval.py prints and the
test suite holds the engine to. Pure: rows in, figures out."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import FINDING_LABELS, LABELS, PainThresholds, severity

FLAGGED = ("emergency", "complication")


@dataclass
class Evaluation:
    total: int = 0
    correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (expected, got)
    misses: list[tuple[dict[str, Any], str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def count(self, expected: str | None = None, got: str | None = None) -> int:
        return sum(
            n
            for (e, g), n in self.confusion.items()
            if (expected is None or e == expected) and (got is None or g == got)
        )

    def missed_emergencies(self) -> int:
        return self.count("emergency") - self.confusion[("emergency", "emergency")]

    def under_triaged(self) -> int:
        """Complications or emergencies labelled below complication."""
        return sum(n for (e, g), n in self.confusion.items() if e in FLAGGED and g not in FLAGGED)

    def over_flag_rate(self) -> float:
        """Share of the other replies that were flagged anyway."""
        others = sum(n for (e, _), n in self.confusion.items() if e not in FLAGGED)
        flagged = sum(
            n for (e, g), n in self.confusion.items() if e not in FLAGGED and g in FLAGGED
        )
        return flagged / others if others else 0.0

    def precision_recall(self, label: str) -> tuple[float, float]:
        tp = self.confusion[(label, label)]
        got, expected = self.count(got=label), self.count(expected=label)
        return (tp / got if got else 1.0, tp / expected if expected else 1.0)

    def report(self) -> str:
        lines = [
            f"{self.correct}/{self.total} exact ({self.accuracy:.1%}); "
            f"missed emergencies {self.missed_emergencies()}; "
            f"flagged cases below complication {self.under_triaged()}; "
            f"other replies flagged {self.over_flag_rate():.1%}",
            "",
            "expected \\ got " + " ".join(f"{g[:8]:>9}" for g in LABELS),
        ]
        for e in LABELS:
            lines.append(f"{e:<14} " + " ".join(f"{self.confusion[(e, g)]:>9}" for g in LABELS))
        lines.append("")
        for label in LABELS:
            p, r = self.precision_recall(label)
            lines.append(f"{label:<13} precision {p:6.1%}  recall {r:6.1%}")
        if self.misses:
            lines += ["", "misses:"]
            lines += [
                f"  [{row.get('id', '?')}] {row['checkin']} expected {row['label']}, "
                f"got {got}: {row['text']}"
                for row, got in self.misses
            ]
        return "\n".join(lines)


def read_cases(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def evaluate(rows: list[dict[str, Any]], thresholds: PainThresholds | None = None) -> Evaluation:
    from . import assess

    result = Evaluation()
    for row in rows:
        got = assess(row["text"], row["checkin"], thresholds=thresholds).label
        result.total += 1
        result.confusion[(row["label"], got)] += 1
        if got == row["label"]:
            result.correct += 1
        else:
            result.misses.append((row, got))
    result.misses.sort(key=lambda m: (severity(m[0]["label"]), m[0].get("id", "")))
    return result


__all__ = ["FINDING_LABELS", "Evaluation", "evaluate", "read_cases"]
