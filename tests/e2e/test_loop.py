"""The whole loop over real HTTP: register -> 24 h check-in -> reply -> flag -> alert,
then 48 h; and a restart in the middle."""

from __future__ import annotations

import json

import pytest

from scheduler.checkins.dispatch import run_once
from scheduler.clock import ManualClock
from scheduler.context import AppContext
from tests.helpers import T0, FakeGateway, LiveServer, hours, session_payload, wait_until

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)

PATIENT = "+15551234567"
PRACTITIONER = "+15550100001"


def test_whole_loop_with_the_clock_moved_24h_and_48h(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    clock = ctx.clock
    assert isinstance(clock, ManualClock)
    auth = {"Authorization": f"Bearer {token}"}
    with server.client(headers=auth) as api:
        created = api.post("/api/sessions", json=session_payload(PATIENT, ended_at=T0.isoformat()))
        assert created.status_code == 201, created.text
        session_id = created.json()["id"]
        assert [c["kind"] for c in created.json()["checkins"]] == ["24h", "48h"]

        clock.advance(hours(24))
        run_once(ctx, now=clock.now())
        assert len(gateway.to(PATIENT)) == 1
        checkins = api.get(f"/api/sessions/{session_id}").json()["checkins"]
        assert checkins[0]["status"] == "sent" and checkins[0]["delivery"] == "queued"

        reply = server.text_in(PATIENT, "sharp shooting pain down my leg and a bit dizzy")
        assert reply.status_code == 200 and "<Response" in reply.text
        wait_until(lambda: len(gateway.to(PRACTITIONER)) == 1)
        alert = gateway.to(PRACTITIONER)[0]
        assert "A.Q." in alert and "/staff/flags/" in alert
        assert "leg" not in alert and "dizzy" not in alert and "back" not in alert  # no diagnosis
        wait_until(lambda: len(gateway.to(PATIENT)) == 2)
        assert "will call you today" in gateway.to(PATIENT)[1]

        flags = api.get("/api/flags", params={"status": "open"}).json()
        assert [f["label"] for f in flags] == ["complication"]
        assert flags[0]["patient"] == {"name": "Ada Quinn", "phone": PATIENT}
        assert flags[0]["session_id"] == session_id and flags[0]["findings"]

        clock.advance(hours(24))
        run_once(ctx, now=clock.now())
        assert len(gateway.to(PATIENT)) == 3
        server.text_in(PATIENT, "had chest tightness last night, gone now")
        wait_until(lambda: len(gateway.to(PRACTITIONER)) == 2)
        wait_until(
            lambda: any("emergency" in b.lower() or "911" in b for b in gateway.to(PATIENT)[3:])
        )
        flags = api.get("/api/flags?status=open").json()
        assert [f["label"] for f in flags] == ["emergency", "complication"]  # most severe first


def test_a_checkin_due_while_the_service_was_down_goes_out_on_start(
    ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    first = LiveServer(ctx).start()
    with first.client(headers={"Authorization": f"Bearer {token}"}) as api:
        assert (
            api.post(
                "/api/sessions", json=session_payload(PATIENT, ended_at=T0.isoformat())
            ).status_code
            == 201
        )
    first.stop()
    assert isinstance(ctx.clock, ManualClock)
    ctx.clock.advance(hours(25))  # the 24 h check-in fell due an hour ago, while down
    second = LiveServer(ctx, run_scheduler=True).start()  # the scheduler ticks at once on start
    try:
        wait_until(lambda: len(gateway.to(PATIENT)) == 1)
    finally:
        second.stop()


def test_the_console_outbox_gets_one_json_line_per_text(ctx: AppContext, tmp_path, token) -> None:  # type: ignore[no-untyped-def]
    from scheduler.context import make_gateway

    ctx.gateway = make_gateway(ctx.settings)
    live = LiveServer(ctx).start()
    try:
        with live.client(headers={"Authorization": f"Bearer {token}"}) as api:
            api.post("/api/sessions", json=session_payload(PATIENT, ended_at=T0.isoformat()))
        run_once(ctx, now=T0 + hours(24))
    finally:
        live.stop()
    lines = (tmp_path / "outbox.jsonl").read_text().splitlines()
    record = json.loads(lines[0])
    assert set(record) == {"to", "from", "body", "sid", "sent_at"}
    assert record["to"] == PATIENT and record["from"] == "+15550000000"
