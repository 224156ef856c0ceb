"""Operations: /healthz, /metrics, and logs that never carry a patient's words."""

from __future__ import annotations

import io
import json
import logging

import pytest

from scheduler.checkins.dispatch import run_once
from scheduler.context import AppContext
from scheduler.logs import JsonFormatter
from tests.helpers import T0, FakeGateway, LiveServer, hours, session_payload, wait_until

PATIENT = "+15551234567"
SECRET_WORDS = "my code word is Zebulon"


def test_healthz_reports_database_and_scheduler(server: LiveServer) -> None:
    with server.client() as c:
        body = c.get("/healthz").json()
    assert body["database"] == "ok" and body["scheduler"] == "off"


def test_metrics_count_texts_flags_and_webhook_latency(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        api.post("/api/sessions", json=session_payload(PATIENT, ended_at=T0.isoformat()))
    run_once(ctx, now=T0 + hours(24))
    ctx.clock.advance(hours(48.5))  # type: ignore[attr-defined]
    server.text_in(PATIENT, "I fainted")
    wait_until(lambda: len(gateway.to(PATIENT)) == 2)
    with server.client() as c:
        text = c.get("/metrics").text
    assert 'aftercare_texts_total{purpose="checkin",status="sent"} 1' in text
    assert 'aftercare_flags_total{label="emergency",status="open"} 1' in text
    assert 'aftercare_checkins{status="pending"} 1' in text
    assert "aftercare_dispatch_lag_seconds 0.000" not in text  # the 48 h one is overdue
    count = [ln for ln in text.splitlines() if ln.startswith("aftercare_webhook_seconds_count")]
    assert count and int(count[0].split()[1]) >= 1


def test_patient_text_never_reaches_the_logs_at_info(
    server: LiveServer,
    ctx: AppContext,
    gateway: FakeGateway,
    token: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        api.post("/api/sessions", json=session_payload(PATIENT))
    server.text_in(PATIENT, SECRET_WORDS + " and I have a fever")
    wait_until(lambda: len(gateway.to(PATIENT)) == 1)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Zebulon" not in logged and PATIENT not in logged
    assert any("flagged emergency" in r.getMessage() for r in caplog.records)


def test_json_formatter_writes_one_object_per_line() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("aftercare.test")
    logger.addHandler(handler)
    logger.warning("message %s failed", 7)
    logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["level"] == "warning" and entry["msg"] == "message 7 failed"
