"""POST /api/sessions over real HTTP: what is accepted, and every refusal names its field."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import func, select

from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.sessions.models import Patient, TreatmentSession
from tests.helpers import T0, LiveServer, session_payload

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def count_sessions(ctx: AppContext) -> int:
    with session_scope(ctx.engine) as db:
        return int(db.exec(select(func.count()).select_from(TreatmentSession)).one())


def post(server: LiveServer, token: str, payload: Any):  # type: ignore[no-untyped-def]
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        return c.post("/api/sessions", json=payload)


def test_a_session_is_registered_with_its_two_checkins(server: LiveServer, token: str) -> None:
    response = post(server, token, session_payload())
    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["id"], int)
    assert [c["kind"] for c in body["checkins"]] == ["24h", "48h"]
    # 14:30 EST + 24 h = 19:30 UTC next day, inside the 08:00-20:00 window.
    assert body["checkins"][0]["due_at"] == "2026-11-25T19:30:00+00:00"


def test_phone_is_stored_in_e164(server: LiveServer, token: str, ctx: AppContext) -> None:
    assert post(server, token, session_payload("(202) 555-0143")).status_code == 201
    with session_scope(ctx.engine) as db:
        assert db.exec(select(Patient.phone)).one() == "+12025550143"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"patient": {"name": "Ada", "phone": "12345", "sms_consent": True}}, "patient.phone"),
        # a fictional number's seven-digit local dialling: nothing to text
        ({"patient": {"name": "Ada", "phone": "5551235", "sms_consent": True}}, "patient.phone"),
        ({"patient": {"name": "Ada", "phone": "+1 555 0100", "sms_consent": True}},
         "patient.phone"),
        (
            {"patient": {"name": "Ada", "phone": "not a phone", "sms_consent": True}},
            "patient.phone",
        ),
        (
            {"patient": {"name": "Ada", "phone": "+15551234567", "sms_consent": False}},
            "patient.sms_consent",
        ),
        ({"patient": {"name": "", "phone": "+15551234567", "sms_consent": True}}, "patient.name"),
        ({"patient": {"phone": "+15551234567", "sms_consent": True}}, "patient.name"),
        ({"practitioner": "nobody"}, "practitioner"),
        ({"ended_at": "2026-11-24T14:30:00"}, "ended_at"),  # no time zone
        ({"ended_at": "yesterday"}, "ended_at"),
        ({"ended_at": "2026-11-24T20:06:00+00:00"}, "ended_at"),  # 6 min in the future
        ({"ended_at": "2026-11-10T14:30:00-05:00"}, "ended_at"),  # older than the reply window
        ({"ended_at": "2026-11-21T10:00:00-05:00"}, "ended_at"),  # every check-in expired
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_stores_nothing(
    server: LiveServer, token: str, ctx: AppContext, change: dict[str, Any], field: str
) -> None:
    response = post(server, token, {**session_payload(), **change})
    assert response.status_code == 422, response.text
    assert field in response.json()["errors"]
    assert count_sessions(ctx) == 0


def test_a_session_whose_checkins_have_all_expired_is_refused_with_the_reason(
    server: LiveServer, token: str
) -> None:
    response = post(server, token, session_payload(ended_at="2026-11-21T10:00:00-05:00"))
    assert response.status_code == 422
    assert response.json()["errors"]["ended_at"] == (
        "is too long ago: the last check-in (48h) could be sent only until Nov 24 02:00; "
        "nothing would be sent"
    )


def test_a_late_registration_shows_the_missed_checkin_cancelled_and_sends_the_other(
    server: LiveServer, token: str
) -> None:
    created = post(server, token, session_payload(ended_at="2026-11-22T14:30:00-05:00"))
    assert created.status_code == 201
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        checkins = c.get(f"/api/sessions/{created.json()['id']}").json()["checkins"]
    assert [(c["kind"], c["status"]) for c in checkins] == [
        ("24h", "cancelled"),
        ("48h", "pending"),
    ]


def test_all_bad_fields_are_reported_together(server: LiveServer, token: str) -> None:
    payload = session_payload("123", practitioner="nobody", ended_at="2026-11-24T14:30:00")
    errors = post(server, token, payload).json()["errors"]
    assert {"patient.phone", "practitioner", "ended_at"} <= set(errors)


def test_a_session_in_the_clock_skew_allowance_is_accepted(server: LiveServer, token: str) -> None:
    payload = session_payload(ended_at=(T0.replace(minute=4)).isoformat())
    assert post(server, token, payload).status_code == 201


def test_the_same_session_twice_is_a_409_with_the_existing_id(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    first = post(server, token, session_payload())
    again = post(server, token, session_payload("+1 555 123 4567"))  # same number, other format
    assert again.status_code == 409
    assert again.json()["session_id"] == first.json()["id"]
    assert count_sessions(ctx) == 1


def test_a_patient_on_a_staff_phone_is_a_422_and_a_login_on_a_patients_phone_too(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    refused = post(server, token, session_payload("+15550100001"))  # drlin's alert phone
    assert refused.status_code == 422
    assert "staff member's phone" in refused.json()["errors"]["patient.phone"]
    assert post(server, token, session_payload()).status_code == 201
    from scheduler.errors import Invalid
    from scheduler.staff.accounts import create_user

    with session_scope(ctx.engine) as db, pytest.raises(Invalid) as caught:
        create_user(db, username="drx", password="correct-horse", role="practitioner",
                    phone="+15551234567", region="US", now=T0)
    assert "patient's number" in caught.value.errors["phone"]


def test_a_nul_character_in_a_name_is_stored_not_a_500(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    payload = session_payload()
    payload["patient"] = {**payload["patient"], "name": "Nul\u0000Name"}
    assert post(server, token, payload).status_code == 201
    with session_scope(ctx.engine) as db:
        assert db.exec(select(Patient.name)).one() == "Nul\ufffdName"


def test_another_patient_on_a_number_on_file_is_a_422_naming_the_phone(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    assert post(server, token, session_payload()).status_code == 201  # Ada Quinn
    other = session_payload(ended_at="2026-11-24T13:00:00-05:00")
    other["patient"] = {**other["patient"], "name": "Bob Quinn"}
    refused = post(server, token, other)
    assert refused.status_code == 422
    assert "on file for another patient (A.Q.)" in refused.json()["errors"]["patient.phone"]
    same = session_payload(ended_at="2026-11-24T13:00:00-05:00")
    same["patient"] = {**same["patient"], "name": "ada quinn"}  # the same person, typed again
    assert post(server, token, same).status_code == 201
    with session_scope(ctx.engine) as db:
        assert db.exec(select(Patient.name)).all() == ["Ada Quinn"]
    assert count_sessions(ctx) == 2


def test_no_token_is_a_401_and_a_wrong_token_too(server: LiveServer) -> None:
    with server.client() as c:
        assert c.post("/api/sessions", json=session_payload()).status_code == 401
    assert post(server, "act_wrong", session_payload()).status_code == 401


def test_malformed_json_is_a_422(server: LiveServer, token: str) -> None:
    with server.client(
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    ) as c:
        assert c.post("/api/sessions", content=b"{not json").status_code == 422


def test_unknown_session_is_a_404(server: LiveServer, token: str) -> None:
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.get("/api/sessions/999").status_code == 404


def test_concurrent_registrations_all_succeed(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def register(i: int) -> int:
        return post(server, token, session_payload(f"+1555{7100000 + i:07d}")).status_code

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(register, range(24)))
    assert codes == [201] * 24
    assert count_sessions(ctx) == 24


def test_a_registration_whose_commit_fails_is_never_answered_201(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    """The unit of work commits before the answer goes: a client told 201 can rely on it."""
    from sqlalchemy import event
    from sqlmodel import Session

    def refuse(db: Session) -> None:
        raise RuntimeError("the database refused the commit")

    event.listen(Session, "before_commit", refuse)
    try:
        response = post(server, token, session_payload())
    finally:
        event.remove(Session, "before_commit", refuse)
    assert response.status_code == 500
    assert count_sessions(ctx) == 0


def post_batch(server: LiveServer, token: str | None, payload: Any):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with server.client(headers=headers) as c:
        return c.post("/api/sessions/batch", json=payload)


def test_a_batch_answers_each_item_and_stores_only_the_good_ones(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    existing = post(server, token, session_payload("+15551230000")).json()["id"]
    items = [
        session_payload("+15551230001"),
        session_payload("12345"),  # bad phone
        session_payload("+15551230000"),  # registered already
        {"patient": {"name": "No Phone", "sms_consent": True}},  # fails parsing
        session_payload("+15551230002"),
    ]
    response = post_batch(server, token, {"sessions": items})
    assert response.status_code == 200
    body = response.json()
    assert body["registered"] == 2
    statuses = [r["status"] for r in body["results"]]
    assert statuses == [201, 422, 409, 422, 201]
    assert "patient.phone" in body["results"][1]["errors"]
    assert body["results"][2]["session_id"] == existing
    assert "patient.phone" in body["results"][3]["errors"]
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        first = c.get(f"/api/sessions/{body['results'][0]['id']}").json()
    assert [ch["kind"] for ch in first["checkins"]] == ["24h", "48h"]
    assert count_sessions(ctx) == 3


@pytest.mark.parametrize("payload", [{}, {"sessions": []}, [session_payload()], {"sessions": "x"}])
def test_a_batch_must_be_a_list_of_sessions(
    server: LiveServer, token: str, payload: Any, ctx: AppContext
) -> None:
    response = post_batch(server, token, payload)
    assert response.status_code == 422
    assert "sessions" in response.json()["errors"]
    assert count_sessions(ctx) == 0


def test_a_batch_needs_a_token(server: LiveServer, ctx: AppContext) -> None:
    assert post_batch(server, None, {"sessions": [session_payload()]}).status_code == 401
    assert count_sessions(ctx) == 0
