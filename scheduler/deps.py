"""FastAPI dependencies shared by every router: the context, a DB session, the caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from scheduler.context import AppContext
from scheduler.errors import AftercareError
from scheduler.staff.accounts import check_api_token
from scheduler.staff.models import ApiToken


class Unauthorized(AftercareError):
    status_code = 401


def get_context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_context)]


def get_db(ctx: Ctx) -> Iterator[Session]:
    """The request's unit of work: committed if the route returns, rolled back if it raises.
    Committed before the response is sent (scope="function" below): a 201 is never
    answered for a registration whose commit then fails."""
    with Session(ctx.engine, expire_on_commit=False) as db:
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise


# FastAPI's default ("request") would run the commit after the response has gone.
Db = Annotated[Session, Depends(get_db, scope="function")]


def require_api_token(request: Request, db: Db, ctx: Ctx) -> ApiToken:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("a bearer token is required (aftercare token create)")
    record = check_api_token(db, token.strip(), now=ctx.clock.now())
    if record is None:
        raise Unauthorized("unknown or revoked token")
    return record


ApiCaller = Annotated[ApiToken, Depends(require_api_token)]
