"""The staff site's plumbing: who is logged in, CSRF tokens, login throttling, rendering."""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlmodel import Session
from starlette.datastructures import UploadFile

from scheduler.dbtypes import storable
from scheduler.deps import Db
from scheduler.errors import AftercareError, Forbidden
from scheduler.staff.models import User

WEB_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates" / "web"


class LoginRequired(AftercareError):
    """Raised on a staff page without a session; the app redirects to the login form."""

    status_code = 401


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(WEB_TEMPLATES))  # autoescape on for .html
    from scheduler.staff import render  # filters live beside the pages that use them

    templates.env.filters.update(render.FILTERS)
    templates.env.globals["overdue"] = render.overdue
    return templates


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def check_csrf(request: Request) -> None:
    form = await request.form()
    sent = str(form.get("csrf_token", ""))
    expected = request.session.get("csrf", "")
    if not expected or not secrets.compare_digest(sent, str(expected)):
        raise Forbidden("the form expired; reload the page and try again")


def current_user(request: Request, db: Db) -> User:
    user_id = request.session.get("user_id")
    user = db.get(User, user_id) if user_id else None
    if user is None or not user.active or request.session.get("epoch") != user.session_epoch:
        request.session.pop("user_id", None)
        raise LoginRequired("login required")
    return user


async def form_fields(request: Request) -> dict[str, str]:
    """The posted form's text fields, read before the route runs.

    Routes that touch the database are plain `def` (FastAPI runs them in a thread): a
    database call inside an `async def` blocks the event loop, and on SQLite a request
    waiting for the write lock there would starve the commit of the request holding it.
    """
    form = await request.form()
    return {k: storable(v) for k, v in form.items() if isinstance(v, str)}


async def uploaded_file(request: Request) -> bytes:
    form = await request.form()
    upload = form.get("file")
    return await upload.read() if isinstance(upload, UploadFile) else b""


StaffUser = Annotated[User, Depends(current_user)]
Csrf = Annotated[None, Depends(check_csrf)]
Form = Annotated[dict[str, str], Depends(form_fields)]
Upload = Annotated[bytes, Depends(uploaded_file)]


def page_context(request: Request, user: User | None, **extra: Any) -> dict[str, Any]:
    return {"request": request, "user": user, "csrf_token": csrf_token(request), **extra}


class LoginThrottle:
    """Failed logins are counted per account and per address over `window` seconds.

    An account locks after `per_account` failures: guessing one password stays slow. An
    address locks only after `per_address`: a clinic's staff share one address behind
    its router, so one person mistyping must not lock everyone else out, while spraying
    guesses over many accounts from one place is still stopped. In memory, per process;
    a multi-worker deployment multiplies the allowance by the number of web processes.
    """

    def __init__(
        self, per_account: int = 5, per_address: int = 50, window: float = 900.0
    ) -> None:
        self.per_account, self.per_address, self.window = per_account, per_address, window
        self._fails: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    @staticmethod
    def keys(username: str, address: str) -> tuple[str, str]:
        return f"user:{username.lower()}", f"addr:{address}"

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails[key]
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def blocked(self, account: str, address: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return (
                len(self._recent(account, now)) >= self.per_account
                or len(self._recent(address, now)) >= self.per_address
            )

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def succeeded(self, account: str) -> None:
        """A right password clears the account's count, not the address's: one good login
        must not reset a spray from the same place."""
        with self._lock:
            self._fails.pop(account, None)


def login_user(request: Request, user: User) -> None:
    request.session.clear()  # a fresh session on login: no fixation
    request.session["user_id"] = user.id
    request.session["epoch"] = user.session_epoch
    csrf_token(request)


def db_user(db: Session, request: Request) -> User | None:
    user_id = request.session.get("user_id")
    return db.get(User, user_id) if user_id else None
