"""Reply triage: `assess(text, checkin)` labels a patient's reply and explains why.

Pure: no I/O (the packaged lexicon is read once), no clock, no database. Follows
shared/triage/RUBRIC.md; terms live in lexicon.toml, thresholds come from the caller.
"""

from __future__ import annotations

from functools import lru_cache

from .engine import Triage
from .lexicon import Lexicon, build_lexicon, load_lexicon
from .model import LABELS, Assessment, Finding, PainThresholds, severity

__all__ = [
    "LABELS",
    "Assessment",
    "Finding",
    "Lexicon",
    "PainThresholds",
    "Triage",
    "assess",
    "build_lexicon",
    "load_lexicon",
    "severity",
]


@lru_cache(maxsize=1)
def _default_engine() -> Triage:
    return Triage()


def assess(
    text: str, checkin: str = "24h", *, thresholds: PainThresholds | None = None, sent: str = ""
) -> Assessment:
    """Label one reply: emergency, complication, review, normal or opt_out, with findings.
    `sent` is the text the reply answers, if known (a copy quoted back is not read)."""
    return _default_engine().assess(text, checkin, thresholds=thresholds, sent=sent)
