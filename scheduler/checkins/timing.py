"""Due-time arithmetic for check-ins. Pure: every input is an argument.

A check-in is due at `ended_at + offset`, moved forward into the clinic's send window
(local wall-clock time in the clinic's zone, so DST shifts move the UTC instant, not the
local hour). It expires at `due + expire_after`, and never later than the next check-in's
due time: when both are overdue, only the later one is worth sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from scheduler.durations import format_duration


@dataclass(frozen=True)
class PlannedCheckIn:
    kind: str
    due_at: datetime
    expires_at: datetime


def local_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock `at` on `day` in `tz`.

    fold=0 (PEP 495) takes the first of a repeated wall time (fall back) and, for a wall
    time skipped by a spring-forward, the instant an hour later, after the gap: a window
    then never opens before its wall time.
    """
    return datetime.combine(day, at).replace(tzinfo=tz, fold=0).astimezone(UTC)


def in_window(instant: datetime, window: tuple[time, time], tz: ZoneInfo) -> bool:
    """Whether `instant` falls inside [start, end) of the window, in local time."""
    local = instant.astimezone(tz)
    start = local_instant(local.date(), window[0], tz)
    end = local_instant(local.date(), window[1], tz)
    return start <= instant < end


def next_window_start(instant: datetime, window: tuple[time, time], tz: ZoneInfo) -> datetime:
    """`instant` itself if it is inside the window, else the next opening."""
    if in_window(instant, window, tz):
        return instant.astimezone(UTC)
    local_day = instant.astimezone(tz).date()
    today_start = local_instant(local_day, window[0], tz)
    if instant < today_start:
        return today_start
    return local_instant(local_day + timedelta(days=1), window[0], tz)


def due_after(
    ended_at: datetime, offset: timedelta, window: tuple[time, time], tz: ZoneInfo
) -> datetime:
    """When the check-in `offset` after `ended_at` goes: `offset` of elapsed time (UTC
    arithmetic, also across a DST change), moved into the window.

    One exception: when a DST change pushes the elapsed time past the window's close but
    the same wall time `offset` later is still inside it, the wall time wins. A session
    ending Sat 19:30 before spring-forward is 24 h later at Sun 20:30, after an 8 pm close:
    its "day after" text would wait for Monday 08:00, 36.5 h on, instead of going at Sun
    19:30, 23 h on."""
    elapsed = ended_at.astimezone(UTC) + offset
    due = next_window_start(elapsed, window, tz)
    if due == elapsed:
        return due
    wall = ended_at.astimezone(tz).replace(tzinfo=None) + offset
    same_wall_time = local_instant(wall.date(), wall.time(), tz)
    if same_wall_time < due and in_window(same_wall_time, window, tz):
        return same_wall_time
    return due


def plan_checkins(
    ended_at: datetime,
    *,
    offsets: tuple[timedelta, ...],
    window: tuple[time, time],
    tz: ZoneInfo,
    expire_after: timedelta,
) -> list[PlannedCheckIn]:
    """One check-in per offset, in offset order, each inside the send window."""
    if ended_at.tzinfo is None:
        raise ValueError("ended_at must be time-zone aware")
    dues = [due_after(ended_at, off, window, tz) for off in sorted(offsets)]
    planned = []
    for i, (offset, due) in enumerate(zip(sorted(offsets), dues, strict=True)):
        expires = due + expire_after
        if i + 1 < len(dues):
            expires = min(expires, dues[i + 1])
        planned.append(PlannedCheckIn(format_duration(offset), due, max(expires, due)))
    return planned


def retry_delay(attempt: int, *, base_seconds: float, cap_seconds: float, rand: float) -> float:
    """Full-jitter exponential backoff: uniform in [0, min(cap, base * 2**attempt)).

    `rand` in [0, 1) is passed in so the arithmetic stays pure and testable.
    """
    return rand * min(cap_seconds, base_seconds * (2 ** max(attempt - 1, 0)))
