"""Staff pages over real HTTP: login, the flagged list, acknowledge and resolve, escaping."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from scheduler.context import AppContext
from tests.helpers import T0, LiveServer, add_practitioner, csrf, login, session_payload

PATIENT = "+15551234567"


def flagged(server: LiveServer, token: str, body: str) -> None:
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        assert api.post("/api/sessions", json=session_payload(PATIENT)).status_code == 201
    assert server.text_in(PATIENT, body).status_code == 200


def test_staff_pages_need_a_login(server: LiveServer) -> None:
    with server.client() as c:
        response = c.get("/staff/")
        assert response.status_code == 303 and "/staff/login" in response.headers["location"]


def test_wrong_password_is_refused_and_repeated_failures_are_throttled(server: LiveServer) -> None:
    with server.client() as c:
        token = csrf(c.get("/staff/login").text)
        codes = [c.post("/staff/login", data={"username": "drlin", "password": "nope-nope",
                                              "csrf_token": token}).status_code for _ in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429


def test_one_account_locked_out_leaves_colleagues_at_the_same_address_free(
    server: LiveServer, ctx: AppContext
) -> None:
    add_practitioner(ctx.engine, username="drpark", phone="+15550100002")
    with server.client() as c:
        token = csrf(c.get("/staff/login").text)
        for _ in range(6):
            c.post("/staff/login", data={"username": "drlin", "password": "nope-nope",
                                         "csrf_token": token})
        colleague = c.post("/staff/login", data={"username": "drpark",
                                                 "password": "correct-horse",
                                                 "csrf_token": token})
    assert colleague.status_code == 303  # same address (127.0.0.1), other account


def test_guesses_sprayed_over_many_accounts_from_one_address_are_stopped(
    server: LiveServer,
) -> None:
    with server.client() as c:
        token = csrf(c.get("/staff/login").text)
        codes = [c.post("/staff/login", data={"username": f"user{n}", "password": "guess-123",
                                              "csrf_token": token}).status_code
                 for n in range(51)]
        real = c.post("/staff/login", data={"username": "drlin", "password": "correct-horse",
                                            "csrf_token": token})
    assert codes[:50] == [401] * 50 and codes[50] == 429
    assert real.status_code == 429  # the address is locked, whatever account it tries


def test_logging_out_or_a_new_password_ends_copies_of_the_session(
    server: LiveServer, ctx: AppContext
) -> None:
    from scheduler.db import session_scope
    from scheduler.staff.accounts import set_password

    with login(server) as c:
        copied = dict(c.cookies)
        page = c.get("/staff/").text
        c.post("/staff/logout", data={"csrf_token": csrf(page)})
    with server.client(cookies=copied) as stolen:
        assert stolen.get("/staff/").status_code == 303  # to the login form
    with login(server) as c:
        copied = dict(c.cookies)
        with session_scope(ctx.engine) as db:
            set_password(db, "drlin", "a-new-password", now=T0, actor="cli")
        assert c.get("/staff/", follow_redirects=False).status_code == 303
    with server.client(cookies=copied) as stolen:
        assert stolen.get("/staff/").status_code == 303


def test_login_form_without_csrf_token_is_refused(server: LiveServer) -> None:
    with server.client() as c:
        c.get("/staff/login")
        r = c.post("/staff/login", data={"username": "drlin", "password": "correct-horse"})
        assert r.status_code == 403


def test_flagged_list_shows_the_reply_highlighted_and_why(
    server: LiveServer, token: str
) -> None:
    flagged(server, token, "I fainted in the shower")
    with login(server) as c:
        page = c.get("/staff/").text
    assert "Ada Quinn" in page and "emergency" in page
    assert "with drlin" in page  # the practitioner and the session date
    assert "<mark" in page  # the matched phrase is highlighted
    assert "Acknowledge" in page and "Resolve" in page


def test_acknowledge_then_resolve_records_who_and_when(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    flagged(server, token, "really dizzy and the bruise is huge")
    with login(server) as c:
        page = c.get("/staff/").text
        flag_id = re.search(r'data-flag-id="(\d+)"', page).group(1)  # type: ignore[union-attr]
        c.post(f"/staff/flags/{flag_id}/acknowledge", data={"csrf_token": csrf(page)})
        detail = c.get(f"/staff/flags/{flag_id}").text
        assert "Acknowledged by drlin" in detail
        c.post(f"/staff/flags/{flag_id}/resolve",
               data={"csrf_token": csrf(detail), "note": "called, advised rest"})
        detail = c.get(f"/staff/flags/{flag_id}").text
        assert "Resolved by drlin" in detail and "called, advised rest" in detail
        assert "No open flags" in c.get("/staff/").text
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        assert api.get("/api/flags?status=resolved").json()[0]["resolved_by"] == "drlin"


def test_a_note_on_a_flag_resolved_meanwhile_is_handed_back_not_dropped(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    flagged(server, token, "really dizzy and the bruise is huge")
    add_practitioner(ctx.engine, "desk", "", role="staff")
    with login(server) as c, login(server, "desk") as desk:
        page = c.get("/staff/flags/1").text
        desk.post("/staff/flags/1/resolve", data={"csrf_token": csrf(desk.get("/staff/").text),
                                                 "note": "called by desk"})
        late = c.post("/staff/flags/1/resolve",
                      data={"csrf_token": csrf(page), "note": "my important note"})
        detail = c.get("/staff/flags/1").text
    assert late.status_code == 409
    assert "already resolved by desk" in late.text and "my important note" in late.text
    assert "called by desk" in detail


def test_actions_without_csrf_token_change_nothing(server: LiveServer, token: str) -> None:
    flagged(server, token, "sharp pain")
    with login(server) as c:
        page = c.get("/staff/").text
        flag_id = re.search(r'data-flag-id="(\d+)"', page).group(1)  # type: ignore[union-attr]
        assert c.post(f"/staff/flags/{flag_id}/acknowledge").status_code == 403
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        assert api.get("/api/flags?status=open").json()[0]["status"] == "open"


HOSTILE = [
    '<script>alert("x")</script> my chest hurts',
    '<img src=x onerror=alert(1)> sharp pain',
    '"><svg onload=alert(1)> dizzy',
    "dizzy " + "A" * 5000,  # one very long word
    "дуже болить 头晕 dizzy مرحبا \u202egnp.exe 😵‍💫 <svg/onload=alert(1)>",  # mixed scripts
]


@pytest.mark.parametrize("body", HOSTILE)
def test_patient_text_is_escaped_on_every_page(server: LiveServer, token: str,
                                               ctx: AppContext, body: str) -> None:
    flagged(server, token, body)
    with login(server) as c:
        pages = [c.get("/staff/").text, c.get("/staff/flags/1").text,
                 c.get("/staff/patients/1").text, c.get("/staff/flags/rows").text]
        csp = c.get("/staff/").headers["content-security-policy"]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg" not in html
    words = body.split()
    assert words[-1].replace("<", "&lt;").replace(">", "&gt;") in pages[0] or "&lt;" in pages[0]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_a_practitioner_sees_only_their_own_patients(server: LiveServer, token: str,
                                                     ctx: AppContext) -> None:
    flagged(server, token, "I passed out")
    add_practitioner(ctx.engine, "drkim", "+15550100002")
    with login(server, "drkim") as c:
        assert "No open flags" in c.get("/staff/").text
        assert c.get("/staff/flags/1").status_code == 404


def test_a_practitioner_cannot_mark_another_practitioners_messages_read(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    flagged(server, token, "is it ok to swim tomorrow?")  # drlin's patient: to review
    assert server.text_in("+12025550199", "hello who is this").status_code == 200
    add_practitioner(ctx.engine, "drkim", "+15550100002")
    with login(server, "drkim") as c:
        page = c.get("/staff/review").text
        codes = [c.post(f"/staff/inbound/{i}/reviewed", data={"csrf_token": csrf(page)},
                        follow_redirects=False).status_code for i in (1, 2)]
    assert codes == [404, 404]
    with login(server) as c:  # drlin still has the question to read
        page = c.get("/staff/review").text
        assert "swim tomorrow" in page
        marked = c.post("/staff/inbound/1/reviewed", data={"csrf_token": csrf(page)},
                        follow_redirects=False)
    assert marked.status_code == 303


def test_registration_form_shows_field_errors_and_registers(server: LiveServer) -> None:
    with login(server) as c:
        page = c.get("/staff/sessions/new").text
        bad = c.post("/staff/sessions/new", data={
            "csrf_token": csrf(page), "patient_name": "Ada", "phone": "12",
            "practitioner": "drlin", "ended_at": "2026-11-24T14:30:00-05:00"})
        assert bad.status_code == 422
        assert "not a phone number" in bad.text or "not a valid phone number" in bad.text
        assert "must agree" in bad.text
        long_area = c.post("/staff/sessions/new", data={
            "csrf_token": csrf(page), "patient_name": "Ada", "phone": PATIENT,
            "practitioner": "drlin", "ended_at": "2026-11-24T14:30:00-05:00",
            "sms_consent": "yes", "treated_area": "x" * 201})
        assert long_area.status_code == 422
        assert 'id="err-area">String should have at most 200 characters' in long_area.text
        good = c.post("/staff/sessions/new", data={
            "csrf_token": csrf(page), "patient_name": "Ada", "phone": PATIENT,
            "practitioner": "drlin", "ended_at": "2026-11-24T14:30:00-05:00",
            "sms_consent": "yes"})
        assert good.status_code == 200 and "Session registered" in good.text


def test_the_form_takes_the_clinics_wall_time_from_its_picker(
    server: LiveServer, token: str
) -> None:
    with login(server) as c:
        page = c.get("/staff/sessions/new").text
        assert 'type="datetime-local" value="2026-11-24T15:00"' in page  # now, in New York
        done = c.post("/staff/sessions/new", data={
            "csrf_token": csrf(page), "patient_name": "Ada", "phone": PATIENT,
            "practitioner": "drlin", "ended_at": "2026-11-24T14:30", "sms_consent": "yes"})
        session_id = re.search(r"registered=(\d+)", str(done.url)).group(1)  # type: ignore[union-attr]
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        checkins = api.get(f"/api/sessions/{session_id}").json()["checkins"]
    assert checkins[0]["due_at"] == "2026-11-25T19:30:00+00:00"  # 14:30 EST + 24 h


def test_staff_stop_texts_for_a_patient_and_cancel_a_mistaken_session(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        first = api.post("/api/sessions", json=session_payload(PATIENT)).json()["id"]
        other = api.post("/api/sessions", json=session_payload("+15551234599")).json()["id"]
    add_practitioner(ctx.engine, "drkim", "+15550100002")
    with login(server, "drkim") as kim:  # not her patients
        page = kim.get("/staff/").text
        assert kim.post(f"/staff/sessions/{first}/cancel",
                        data={"csrf_token": csrf(page)}).status_code == 404
    with login(server) as c:
        page = c.get("/staff/patients/1").text
        assert "Cancel its check-ins" in page
        c.post(f"/staff/sessions/{first}/cancel", data={"csrf_token": csrf(page)})
        page = c.get("/staff/patients/2").text
        c.post("/staff/patients/2/stop-texts", data={"csrf_token": csrf(page)})
        after = c.get("/staff/patients/2").text
    assert "opted out" in after and "cancelled (opted_out)" in after
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        mistaken = api.get(f"/api/sessions/{first}").json()["checkins"]
        stopped = api.get(f"/api/sessions/{other}").json()["checkins"]
    assert {c["status"] for c in mistaken} == {"cancelled"}
    assert {c["status"] for c in stopped} == {"cancelled"}


def test_csv_upload_reports_bad_rows_by_line(server: LiveServer) -> None:
    csv_text = (
        "patient_name,phone,sms_consent,practitioner,ended_at,treated_area\n"
        "Ada Quinn,+15551234567,yes,drlin,2026-11-24T14:30:00-05:00,back\n"
        "Bob Stone,12,yes,drlin,2026-11-24T14:30:00-05:00,neck\n"
    )
    with login(server) as c:
        page = c.get("/staff/sessions/new").text
        r = c.post("/staff/sessions/import", data={"csrf_token": csrf(page)},
                   files={"file": ("s.csv", csv_text, "text/csv")})
    assert "1 session(s) registered" in r.text and "line 3" in r.text


def test_admin_adds_a_login_and_revokes_a_token(server: LiveServer, ctx: AppContext) -> None:
    add_practitioner(ctx.engine, "boss", None, role="admin")
    with login(server, "boss") as c:
        page = c.get("/staff/admin").text
        bad = c.post("/staff/admin/users", data={"csrf_token": csrf(page), "username": "drnew",
                                                 "role": "practitioner", "password": "short"})
        assert bad.status_code == 422 and "at least 8 characters" in bad.text
        c.post("/staff/admin/users", data={"csrf_token": csrf(page), "username": "drnew",
                                           "role": "practitioner", "phone": "+15550100009",
                                           "password": "a-long-password"})
        unnamed = c.post("/staff/admin/tokens", data={"csrf_token": csrf(page), "name": " "})
        assert unnamed.status_code == 422 and "name: required" in unnamed.text
        assert "<title>Please check the form" in unnamed.text
        made = c.post("/staff/admin/tokens", data={"csrf_token": csrf(page), "name": "ehr"})
        token = re.search(r"<code>(act_[^<]+)</code>", made.text).group(1)  # type: ignore[union-attr]
        with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
            assert api.get("/api/flags").status_code == 200
            c.post("/staff/admin/tokens/1/revoke", data={"csrf_token": csrf(page)})
            assert api.get("/api/flags").status_code == 401
    with login(server, "drnew", "a-long-password") as c:
        assert c.get("/staff/admin").status_code == 403  # practitioners don't manage logins


def test_a_complication_left_open_overnight_is_marked_overdue(
    server: LiveServer, token: str, ctx: AppContext
) -> None:
    flagged(server, token, "the bruise is really big")
    with login(server) as c:
        assert "overdue" not in c.get("/staff/").text
        ctx.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]
        assert "badge overdue" in c.get("/staff/").text
