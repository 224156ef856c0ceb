"""Jinja filters for staff pages. Patient text is escaped here, piece by piece."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from markupsafe import Markup, escape


def highlight(text: str, findings: list[dict[str, Any]]) -> Markup:
    """The reply, escaped, with each counted finding's phrase wrapped in <mark>."""
    spans = sorted(
        (int(f["span"][0]), int(f["span"][1]), str(f.get("label", "")))
        for f in findings
        if f.get("span") and f.get("counted", True) and f.get("label") != "normal"
    )
    out: list[str] = []
    pos = 0
    for start, end, label in spans:
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or stale span: leave that text plain
        out.append(str(escape(text[pos:start])))
        out.append(f'<mark class="{escape(label)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def waited(since: datetime, now: datetime) -> str:
    """'3 min', '2 h 5 min', '1 d 4 h': how long something has been waiting."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def local(instant: datetime | None, tz: Any, fmt: str = "%a %d %b %H:%M") -> str:
    return instant.astimezone(tz).strftime(fmt) if instant else ""


def why(findings: list[dict[str, Any]]) -> str:
    """'sharp pain → complication (sharp-pain); …' from the counted findings that matter."""
    serious = [
        f
        for f in findings
        if f.get("counted", True) and f.get("label") in ("emergency", "complication", "review")
    ]
    return "; ".join(
        f"{f.get('phrase', '')} → {f.get('label', '')} ({f.get('rule', '')})" for f in serious
    )


def overdue(flag: Any, now: datetime, tz: Any) -> bool:
    """A complication still unacknowledged from an earlier day: the practitioner was to call
    the same day, so it is called out at the top of the list."""
    if flag.label != "complication" or flag.status != "open":
        return False
    start_of_today = datetime.combine(now.astimezone(tz).date(), datetime.min.time(), tz)
    return bool(flag.created_at < start_of_today)


FILTERS = {"highlight": highlight, "waited": waited, "local": local, "why": why}
