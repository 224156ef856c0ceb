"""JSON API for flags (bearer token)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from scheduler.deps import ApiCaller, Db
from scheduler.errors import Invalid
from scheduler.flags.models import FlagStatus
from scheduler.flags.service import flag_to_json, list_flags

router = APIRouter(prefix="/api", tags=["flags"])


@router.get("/flags")
def read_flags(db: Db, caller: ApiCaller, status: str = Query("open")) -> list[dict[str, Any]]:
    """Flags in one status (or "all"), most severe first, then oldest first."""
    if status == "all":
        statuses = tuple(FlagStatus)
    elif status in FlagStatus.__members__:
        statuses = (FlagStatus(status),)
    else:
        raise Invalid.field("status", f"one of {', '.join(FlagStatus.__members__)} or all")
    return [flag_to_json(*row) for row in list_flags(db, statuses=statuses)]
