"""Send pacing shared by every process: at most `per_second` texts to the provider.

A US long code sends about one text a second; faster, carriers filter and Twilio queues.
Each send reserves the next free slot in a one-row table (row-locked on PostgreSQL, the
write lock on SQLite), so any number of workers together keep the rate. Pacing is about
real time at the provider, so it reads the wall clock, not the injected scheduling clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, select


class SendPace(SQLModel, table=True):
    __tablename__ = "send_pace"

    name: str = Field(primary_key=True, max_length=32)
    next_slot: float = 0.0  # Unix time of the next free slot


class SendPacer:
    def __init__(
        self,
        engine: Engine,
        *,
        per_second: float,
        wall: Callable[[], float] = time.time,
        sleep: Callable[[float], object] = time.sleep,
        name: str = "sms",
    ) -> None:
        self.engine, self.interval, self.name = engine, 1.0 / per_second, name
        self.wall, self.sleep = wall, sleep

    def reserve(self) -> float:
        """Claim the next slot; returns its Unix time (now, or later when busy)."""
        with Session(self.engine) as db:
            row = db.exec(
                select(SendPace).where(SendPace.name == self.name).with_for_update()
            ).first()
            if row is None:  # seeded by migration 0002; only a foreign name gets here
                row = SendPace(name=self.name)
            slot = max(row.next_slot, self.wall())
            row.next_slot = slot + self.interval
            db.add(row)
            db.commit()
        return slot

    def wait_turn(self) -> None:
        """Block until this process may hand the next text to the provider."""
        delay = self.reserve() - self.wall()
        if delay > 0:
            self.sleep(delay)
