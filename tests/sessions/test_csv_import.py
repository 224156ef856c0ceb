"""CSV import as one batch: per-line outcomes, twins, repeats, concurrent imports, and a
statement count that does not grow with the file."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import func, select

from scheduler.checkins.models import CheckIn
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.sessions.csv_import import ImportReport, import_sessions_csv
from scheduler.sessions.models import ConsentChange, Patient, TreatmentSession
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from scheduler.staff.models import AuditEntry
from tests.helpers import T0, add_practitioner, session_payload

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)

HEADER = "patient_name,phone,sms_consent,practitioner,ended_at,treated_area\n"


def rows(n: int, *, start: int = 0, practitioner: str = "drlin") -> str:
    ended = T0.isoformat()
    return "".join(
        f"P {i},+1555{7400000 + i:07d},yes,{practitioner},{ended},back\n"
        for i in range(start, start + n)
    )


def run_import(ctx: AppContext, text: str) -> ImportReport:
    with session_scope(ctx.engine) as db:
        return import_sessions_csv(db, text, settings=ctx.settings, now=T0, actor="test")


def count(ctx: AppContext, model: Any) -> int:
    with session_scope(ctx.engine) as db:
        return int(db.exec(select(func.count()).select_from(model)).one())


def test_every_good_row_is_registered_with_its_checkins_consent_and_audit(
    ctx: AppContext,
) -> None:
    report = run_import(ctx, HEADER + rows(25))
    assert report.errors == [] and len(set(report.registered)) == 25
    assert count(ctx, TreatmentSession) == 25 and count(ctx, Patient) == 25
    assert count(ctx, CheckIn) == 50 and count(ctx, ConsentChange) == 25
    with session_scope(ctx.engine) as db:
        audited = db.exec(
            select(AuditEntry.subject_id).where(AuditEntry.action == "session.registered")
        )
        assert sorted(audited) == sorted(report.registered)  # type: ignore[type-var]
    with session_scope(ctx.engine) as db:
        sessions = db.exec(select(TreatmentSession).order_by(TreatmentSession.id)).all()  # type: ignore[arg-type]
        names = [db.get(Patient, s.patient_id).name for s in sessions]  # type: ignore[union-attr]
    assert [s.id for s in sessions] == report.registered  # ids in file order
    assert names == [f"P {i}" for i in range(25)]


def test_bad_rows_twins_and_repeats_are_reported_by_line_and_store_nothing(
    ctx: AppContext,
) -> None:
    first = run_import(ctx, HEADER + rows(2))
    text = (
        HEADER
        + rows(1, start=5)  # line 2: new
        + "Bad,not-a-phone,yes,drlin,2026-11-24T14:30:00-05:00,\n"  # line 3
        + rows(1, start=5)  # line 4: the same session again in this file
        + rows(1, start=0)  # line 5: registered by the first import
        + rows(1, start=6, practitioner="nobody")  # line 6
    )
    report = run_import(ctx, text)
    assert len(report.registered) == 1
    lines = dict(report.errors)
    assert sorted(lines) == [3, 4, 5, 6]
    assert "patient.phone" in lines[3]
    assert f"already registered (session {report.registered[0]})" in lines[4]
    assert f"already registered (session {first.registered[0]})" in lines[5]
    assert "no active practitioner" in lines[6]
    assert count(ctx, TreatmentSession) == 3 and count(ctx, Patient) == 3


def test_a_returning_patient_keeps_one_record_and_their_opt_out(ctx: AppContext) -> None:
    run_import(ctx, HEADER + rows(1))
    with session_scope(ctx.engine) as db:
        patient = db.exec(select(Patient)).one()
        patient.opted_out_at = T0
        db.add(patient)
    later = (T0 - timedelta(hours=1)).isoformat()
    report = run_import(ctx, HEADER + f"p 0 Quinn,+15557400000,yes,drlin,{later},neck\n")
    assert report.errors == []
    with session_scope(ctx.engine) as db:
        patient = db.exec(select(Patient)).one()
        later_checkins = db.exec(
            select(CheckIn.status, CheckIn.reason).where(CheckIn.session_id == report.registered[0])
        ).all()
    assert (patient.name, patient.opted_out_at) == ("p 0 Quinn", T0)  # the fuller name
    assert later_checkins == [("cancelled", "opted_out")] * 2  # shown as they will (not) go
    assert count(ctx, ConsentChange) == 1  # no new consent from a registration


def test_someone_else_on_a_number_on_file_is_refused_and_renames_nobody(
    ctx: AppContext,
) -> None:
    run_import(ctx, HEADER + rows(1))  # "P 0" on +15557400000
    later = (T0 - timedelta(hours=1)).isoformat()
    report = run_import(
        ctx,
        HEADER
        + f"Bob Stone,+15557400000,yes,drlin,{later},neck\n"
        + f"Cy Ray,+15557400009,yes,drlin,{later},neck\n"
        + f"Di Ray,+15557400009,yes,drlin,{T0.isoformat()},neck\n",
    )
    lines = dict(report.errors)
    assert sorted(lines) == [2, 4]
    assert "on file for another patient (P.)" in lines[2]
    assert "on file for another patient (C.R.)" in lines[4]  # named by the row above
    with session_scope(ctx.engine) as db:
        names = {p.phone: p.name for p in db.exec(select(Patient))}
    assert names == {"+15557400000": "P 0", "+15557400009": "Cy Ray"}
    assert count(ctx, TreatmentSession) == 2


def test_a_batch_costs_the_same_statements_for_10_rows_as_for_400(ctx: AppContext) -> None:
    add_practitioner(ctx.engine, username="drmo", phone="+15550100002")
    statements: list[str] = []

    def note(*args: Any) -> None:
        statements.append(args[2])

    event.listen(ctx.engine, "before_cursor_execute", note)
    run_import(ctx, HEADER + rows(10))
    small, statements[:] = len(statements), []
    run_import(ctx, HEADER + rows(400, start=100))
    event.remove(ctx.engine, "before_cursor_execute", note)
    # PostgreSQL's psycopg may split a very large multi-row insert into pages.
    assert len(statements) <= small + 4, Counter(statements).most_common(3)


def test_one_session_alone_costs_six_statements_and_returns_what_it_stored(
    ctx: AppContext,
) -> None:
    """One lookup (practitioner, patient and staff phone together), then one insert each
    for the patient, their consent, the session, its check-ins and its audit entry; the
    session handed back is the row as stored, not read again."""
    statements: list[str] = []

    def note(*args: Any) -> None:
        statements.append(args[2].split(None, 1)[0].upper())

    data = parse_session(session_payload("+15557400001"))
    with session_scope(ctx.engine) as db:
        event.listen(ctx.engine, "before_cursor_execute", note)
        session = register_session(db, data, settings=ctx.settings, now=T0, source="api", actor="t")
        event.remove(ctx.engine, "before_cursor_execute", note)
    work = Counter(statements)
    work.pop("BEGIN", None)  # SQLite's BEGIN IMMEDIATE: the transaction, not its work
    assert work == {"SELECT": 1, "INSERT": 5}
    with session_scope(ctx.engine) as db:
        stored = db.get(TreatmentSession, session.id)
        assert stored is not None
        assert (stored.patient_id, stored.ended_at, stored.source) == (
            session.patient_id,
            session.ended_at,
            "api",
        )


@pytest.mark.parametrize("patients_known", [False, True])
def test_two_imports_of_one_file_at_once_register_each_session_once(
    ctx: AppContext, patients_known: bool
) -> None:
    if patients_known:  # then both imports race on the sessions themselves
        earlier = (T0 - timedelta(hours=3)).isoformat()
        run_import(ctx, HEADER + rows(60).replace(T0.isoformat(), earlier))
    text = HEADER + rows(60)
    reports: list[ImportReport] = []
    failures: list[BaseException] = []

    def go() -> None:
        try:
            reports.append(run_import(ctx, text))
        except BaseException as exc:  # noqa: BLE001 - surfaced by the assert below
            failures.append(exc)

    threads = [threading.Thread(target=go) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failures == []
    registered = [i for r in reports for i in r.registered]
    assert len(registered) == 60 and len(set(registered)) == 60
    assert sum(len(r.errors) for r in reports) == 60  # the other import's copies: 409s
    assert count(ctx, TreatmentSession) == 60 * (1 + patients_known)
    assert count(ctx, Patient) == 60 and count(ctx, ConsentChange) == 60
