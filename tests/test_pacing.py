"""Send pacing: slots are spaced 1/rate apart across every sender sharing the database."""

from __future__ import annotations

import threading

import pytest

from scheduler.context import AppContext
from scheduler.messaging.pacing import SendPacer

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


class FakeWall:
    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def test_slots_are_spaced_at_the_configured_rate(ctx: AppContext) -> None:
    wall = FakeWall()
    pacer = SendPacer(ctx.engine, per_second=2, wall=wall, sleep=wall.sleep)
    slots = [pacer.reserve() for _ in range(4)]
    assert [s - wall.now for s in slots] == [0.0, 0.5, 1.0, 1.5]


def test_a_sender_waits_for_its_turn(ctx: AppContext) -> None:
    wall = FakeWall()
    pacer = SendPacer(ctx.engine, per_second=1, wall=wall, sleep=wall.sleep)
    for _ in range(3):
        pacer.wait_turn()
    assert wall.slept == [1.0, 2.0]


def test_an_idle_pacer_does_not_bank_slots(ctx: AppContext) -> None:
    wall = FakeWall()
    pacer = SendPacer(ctx.engine, per_second=1, wall=wall, sleep=wall.sleep)
    pacer.reserve()
    wall.now += 60  # a quiet minute does not allow a burst of 60 afterwards
    assert pacer.reserve() == wall.now
    assert pacer.reserve() == wall.now + 1


def test_concurrent_senders_never_share_a_slot(ctx: AppContext) -> None:
    wall = FakeWall()
    slots: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        pacer = SendPacer(ctx.engine, per_second=10, wall=wall, sleep=wall.sleep)
        for _ in range(10):
            slot = pacer.reserve()
            with lock:
                slots.append(slot)

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(round(s, 6) for s in slots)) == 40
    assert max(slots) - min(slots) == pytest.approx(3.9)


def test_a_paced_claim_fits_inside_its_lease(ctx: AppContext) -> None:
    from scheduler.messaging.outbox import claim_limit

    paced = ctx.settings.model_copy(
        update={"sms": ctx.settings.sms.model_copy(update={"max_per_second": 1.0})}
    )
    assert claim_limit(paced) == 30  # 60 s lease, 1 text/s: half the lease's worth
    assert claim_limit(ctx.settings) == ctx.settings.dispatch.batch_size  # unpaced
