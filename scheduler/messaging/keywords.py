"""Carrier keywords, as whole messages, case-insensitive (Twilio's standard sets).

Opt-out wording beyond the keywords ("stop texting me") is recognised by triage, which
also decides whether a symptom report outranks it.
"""

from __future__ import annotations

import re
from enum import StrEnum

STOP_WORDS = frozenset(
    {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out"}
)
START_WORDS = frozenset({"start", "unstop", "yes"})
HELP_WORDS = frozenset({"help", "info"})


class Keyword(StrEnum):
    stop = "stop"
    start = "start"
    help = "help"


def normalise(text: str) -> str:
    """'  Stop! ' -> 'stop': the keyword must be the whole message, punctuation aside."""
    return re.sub(r"[^\w ]+", "", text).strip().lower()


def keyword_of(text: str) -> Keyword | None:
    word = normalise(text)
    if word in STOP_WORDS:
        return Keyword.stop
    if word in START_WORDS:
        return Keyword.start
    if word in HELP_WORDS:
        return Keyword.help
    return None
