"""What triage returns: an Assessment made of Findings, each explaining itself."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

# Most severe first. The label of a reply is the most severe counted finding.
LABELS = ("emergency", "complication", "review", "normal", "opt_out")
FINDING_LABELS = ("emergency", "complication", "review", "normal")


def severity(label: str) -> int:
    """0 for emergency ... 4 for opt_out; unknown labels sort last."""
    return LABELS.index(label) if label in LABELS else len(LABELS)


def most_severe(labels: list[str]) -> str | None:
    return min(labels, key=severity) if labels else None


@dataclass(frozen=True)
class PainThresholds:
    """Pain scores at or above `emergency_min` are emergencies; at or above
    `complication_min`, complications (config.toml [triage])."""

    emergency_min: int = 9
    complication_min: int = 7

    def label_for(self, score: float) -> tuple[str, str]:
        # A half point between two bands counts as the higher one, as a range does
        # ("6.5" is read like "6-7"): the safer reading.
        score = math.ceil(score)
        if score >= self.emergency_min:
            return "emergency", f"pain-score>={self.emergency_min}"
        if score >= self.complication_min:
            return "complication", f"pain-score>={self.complication_min}"
        return "normal", f"pain-score<{self.complication_min}"


@dataclass(frozen=True)
class Finding:
    """One thing the reply says. `counted` is False when it was discounted, and `rule` then
    says why (negated, hypothetical, someone-else); `phrase` is the patient's own words."""

    label: str
    phrase: str
    span: tuple[int, int]
    rule: str
    counted: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "phrase": self.phrase,
            "rule": self.rule,
            "span": list(self.span),
            "counted": self.counted,
        }


@dataclass(frozen=True)
class Assessment:
    label: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    opt_out_requested: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "findings": [f.to_dict() for f in self.findings],
            "opt_out_requested": self.opt_out_requested,
        }
