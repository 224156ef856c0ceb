"""Admin pages: logins and API tokens. Only role admin gets here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import col, select

from scheduler.audit import record_action
from scheduler.deps import Ctx, Db
from scheduler.errors import AftercareError, Forbidden, NotFound
from scheduler.staff.accounts import create_api_token, create_user, set_active
from scheduler.staff.models import ApiToken, Role, User
from scheduler.staff.pages import render
from scheduler.staff.web import Csrf, Form, StaffUser

router = APIRouter(prefix="/staff/admin", tags=["admin"], include_in_schema=False)


def require_admin(user: User) -> None:
    if user.role != Role.admin:
        raise Forbidden("only an admin can manage logins and tokens")


def admin_page(
    request: Request, db: Db, user: User, status_code: int = 200, **extra: Any
) -> HTMLResponse:
    users = db.exec(select(User).order_by(col(User.username))).all()
    tokens = db.exec(select(ApiToken).order_by(col(ApiToken.created_at).desc())).all()
    return render(
        request,
        "admin.html",
        user,
        status_code=status_code,
        users=users,
        tokens=tokens,
        roles=list(Role.__members__),
        **extra,
    )


@router.get("")
def admin_home(request: Request, db: Db, user: StaffUser) -> HTMLResponse:
    require_admin(user)
    return admin_page(request, db, user, errors={}, values={})


@router.post("/users")
def add_user(
    request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf, form: Form
) -> Response:
    require_admin(user)
    try:
        create_user(
            db,
            username=form.get("username", ""),
            password=form.get("password", ""),
            role=form.get("role", ""),
            phone=form.get("phone") or None,
            region=ctx.settings.clinic.default_region,
            now=ctx.clock.now(),
            actor=user.username,
        )
    except AftercareError as exc:
        errors = getattr(exc, "errors", {"username": exc.message})
        db.rollback()
        return admin_page(
            request, db, user, status_code=exc.status_code, errors=errors, values=form
        )
    return RedirectResponse("/staff/admin", 303)


@router.post("/users/{username}/active")
def toggle_user(
    username: str, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf, form: Form
) -> RedirectResponse:
    require_admin(user)
    if username == user.username:
        raise Forbidden("you cannot disable your own login")
    set_active(db, username, form.get("active") == "yes", now=ctx.clock.now(), actor=user.username)
    return RedirectResponse("/staff/admin", 303)


@router.post("/tokens")
def add_token(
    request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf, form: Form
) -> HTMLResponse:
    require_admin(user)
    token = create_api_token(
        db, name=str(form.get("name", "")), now=ctx.clock.now(), actor=user.username
    )
    return admin_page(request, db, user, errors={}, values={}, new_token=token)


@router.post("/tokens/{token_id}/revoke")
def revoke_token(
    token_id: int, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf
) -> RedirectResponse:
    require_admin(user)
    record = db.get(ApiToken, token_id)
    if record is None:
        raise NotFound(f"no token {token_id}")
    if record.revoked_at is None:
        record.revoked_at = ctx.clock.now()
        db.add(record)
        record_action(
            db,
            actor=user.username,
            action="token.revoked",
            subject_type="token",
            subject_id=record.id,
            now=ctx.clock.now(),
            detail=record.name,
        )
    return RedirectResponse("/staff/admin", 303)
