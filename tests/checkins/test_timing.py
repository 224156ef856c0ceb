"""Due-time arithmetic: offsets, the send window's edges, DST days, expiry."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from scheduler.checkins.timing import in_window, next_window_start, plan_checkins, retry_delay

NY = ZoneInfo("America/New_York")
WINDOW = (time(8), time(20))


def ny(*args: int) -> datetime:
    return datetime(*args, tzinfo=NY)  # type: ignore[misc]


def plan(ended: datetime, offsets=(24, 48), expire_after=16):  # type: ignore[no-untyped-def]
    return plan_checkins(
        ended,
        offsets=tuple(timedelta(hours=h) for h in offsets),
        window=WINDOW,
        tz=NY,
        expire_after=timedelta(hours=expire_after),
    )


@pytest.mark.parametrize(
    ("ended", "due_24h"),
    [
        (ny(2026, 11, 24, 14, 30), ny(2026, 11, 25, 14, 30)),  # inside: unchanged
        (ny(2026, 11, 24, 8, 0), ny(2026, 11, 25, 8, 0)),  # exactly at the opening
        (ny(2026, 11, 24, 7, 59), ny(2026, 11, 25, 8, 0)),  # a minute early: to the opening
        (ny(2026, 11, 24, 19, 59), ny(2026, 11, 25, 19, 59)),  # last minute inside
        (ny(2026, 11, 24, 20, 0), ny(2026, 11, 26, 8, 0)),  # at the close: next morning
        (ny(2026, 11, 24, 23, 30), ny(2026, 11, 26, 8, 0)),  # late evening: next morning
        (ny(2026, 11, 24, 2, 0), ny(2026, 11, 25, 8, 0)),  # small hours: same-day opening
    ],
)
def test_24h_checkin_moves_into_the_send_window(ended: datetime, due_24h: datetime) -> None:
    assert plan(ended)[0].due_at == due_24h.astimezone(UTC)


def test_checkins_are_24h_and_48h_after_the_session() -> None:
    first, second = plan(ny(2026, 11, 24, 14, 30))
    assert (first.kind, second.kind) == ("24h", "48h")
    assert second.due_at - first.due_at == timedelta(hours=24)


def test_spring_forward_keeps_the_local_hour() -> None:
    # 2026-03-08: New York skips 02:00-03:00. A 24 h offset is 24 real hours, so a session
    # ending 10:00 on the 7th is due 11:00 local on the 8th; both inside the window.
    (first, _) = plan(ny(2026, 3, 7, 10, 0))
    assert first.due_at == datetime(2026, 3, 8, 15, 0, tzinfo=UTC)  # 11:00 EDT
    assert first.due_at.astimezone(NY).hour == 11


def test_window_opening_on_spring_forward_day_is_8am_local() -> None:
    # Due at 01:30 on the DST day (before the gap): moved to 08:00 EDT = 12:00 UTC.
    (first, _) = plan(ny(2026, 3, 7, 1, 30))
    assert first.due_at == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def test_window_opening_on_fall_back_day_is_8am_local() -> None:
    # 2026-11-01: New York repeats 01:00-02:00. 02:00 EDT + 24 h = 01:00 EST, before the
    # opening, so due at 08:00 EST = 13:00 UTC.
    (first, _) = plan(ny(2026, 10, 31, 2, 0))
    assert first.due_at == datetime(2026, 11, 1, 13, 0, tzinfo=UTC)


def test_window_close_on_fall_back_day_is_8pm_local() -> None:
    assert in_window(datetime(2026, 11, 2, 0, 59, tzinfo=UTC), WINDOW, NY)  # 19:59 EST
    assert not in_window(datetime(2026, 11, 2, 1, 0, tzinfo=UTC), WINDOW, NY)  # 20:00 EST


def test_gap_time_window_resolves_after_the_gap() -> None:
    window = (time(2, 30), time(20))  # 02:30 does not exist on 2026-03-08 in New York
    start = next_window_start(datetime(2026, 3, 8, 6, 0, tzinfo=UTC), window, NY)  # 01:00 EST
    assert start == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 03:30 EDT, first valid after


def test_first_checkin_expires_when_the_second_falls_due() -> None:
    first, second = plan(ny(2026, 11, 24, 14, 30), expire_after=48)
    assert first.expires_at == second.due_at


def test_checkin_expires_after_the_configured_lateness() -> None:
    first, second = plan(ny(2026, 11, 24, 14, 30), expire_after=16)
    assert first.expires_at == first.due_at + timedelta(hours=16)
    assert second.expires_at == second.due_at + timedelta(hours=16)


def test_naive_end_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        plan(datetime(2026, 11, 24, 14, 30))


@pytest.mark.parametrize(
    ("attempt", "rand", "expected"),
    [(1, 0.5, 15.0), (2, 0.5, 30.0), (3, 0.999, 119.88), (20, 1.0, 3600.0)],
)
def test_retry_delay_is_full_jitter_exponential_with_a_cap(
    attempt: int, rand: float, expected: float
) -> None:
    assert retry_delay(attempt, base_seconds=30, cap_seconds=3600, rand=rand) == pytest.approx(
        expected
    )


def test_a_whole_day_window_never_moves_a_due_time() -> None:
    from scheduler.config import parse_window

    whole_day = parse_window("00:00-24:00")
    late = datetime(2026, 11, 25, 4, 59, 59, tzinfo=UTC)  # 23:59:59 in New York
    assert next_window_start(late, whole_day, NY) == late


def test_spring_forward_does_not_put_the_day_after_text_off_by_a_day() -> None:
    # 2027-03-14: New York springs forward. A session ending Sat 19:30 EST is 24 elapsed
    # hours later at Sun 20:30 EDT, after the 20:00 close; the same wall time, Sun 19:30
    # EDT, is inside the window, so the check-in goes then (23 h on), not Mon 08:00 (36.5 h).
    first, second = plan(ny(2027, 3, 13, 19, 30))
    assert first.due_at.astimezone(NY).replace(tzinfo=None) == datetime(2027, 3, 14, 19, 30)
    assert second.due_at.astimezone(NY).replace(tzinfo=None) == datetime(2027, 3, 15, 19, 30)
    assert first.due_at - ny(2027, 3, 13, 19, 30) == timedelta(hours=23)


def test_a_session_after_the_close_still_waits_for_the_next_opening() -> None:
    # No DST change: 21:00 + 24 h is past the close on any reading, so 08:00 the day after.
    (first, _) = plan(ny(2026, 11, 24, 21, 0))
    assert first.due_at.astimezone(NY).replace(tzinfo=None) == datetime(2026, 11, 26, 8, 0)
