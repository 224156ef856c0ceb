"""Durations as people write them in config: "24h", "90m", "7d", "1d12h"."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

_PART = re.compile(r"(\d+)\s*([dhms])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


def parse_duration(value: Any) -> timedelta:
    """Parse "48h" / "1d12h" / "30m" into a timedelta; raise ValueError otherwise."""
    if isinstance(value, timedelta):
        return value
    text = str(value).strip().lower()
    parts = _PART.findall(text)
    if not parts or _PART.sub("", text).strip():
        raise ValueError(f"expected a duration like '24h', '90m' or '7d', got {value!r}")
    total = timedelta()
    for amount, unit in parts:
        total += timedelta(**{_UNITS[unit]: int(amount)})
    if total <= timedelta(0):
        raise ValueError(f"duration must be positive, got {value!r}")
    return total


def format_duration(delta: timedelta) -> str:
    """The inverse for whole hours/minutes: 24h, 90m."""
    seconds = int(delta.total_seconds())
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return f"{seconds // 60}m"
