"""Twilio's webhooks: inbound texts and delivery status. Signed, or refused with 403."""

from __future__ import annotations

import time
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.deps import Ctx
from scheduler.errors import Forbidden
from scheduler.messaging.delivery import record_delivery_status
from scheduler.messaging.inbound import InboundResult, identify_sender, receive_sms
from scheduler.messaging.signature import is_valid_signature, public_url
from scheduler.metrics import WEBHOOK_LATENCY

router = APIRouter(prefix="/webhooks/twilio", tags=["webhooks"])

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'


async def signed_form(request: Request, ctx: AppContext) -> dict[str, str]:
    """The POSTed fields, if Twilio signed them. Twilio posts url-encoded forms: parsed with
    the standard library, a fraction of the cost of the general form parser."""
    body = (await request.body()).decode("utf-8", errors="replace")
    params = dict(parse_qsl(body, keep_blank_values=True))
    url = public_url(request, ctx.settings)
    signature = request.headers.get("X-Twilio-Signature", "")
    if not is_valid_signature(url, params, signature, ctx.settings.twilio.auth_token):
        raise Forbidden("invalid Twilio signature")
    return params


@router.post("/sms")
async def inbound_sms(request: Request, ctx: Ctx) -> Response:
    """Store, triage and answer a patient's text; answers go out after we reply to Twilio."""
    started = time.perf_counter()
    params = await signed_form(request, ctx)
    result = await run_in_threadpool(handle_inbound, ctx, params)
    WEBHOOK_LATENCY.observe(time.perf_counter() - started)
    if result.queued:
        ctx.outbox_bell.set()  # the alert and the answer go now, after we answer Twilio
    return Response(EMPTY_TWIML, media_type="application/xml")


def handle_inbound(ctx: AppContext, params: dict[str, str]) -> InboundResult:
    """Who wrote, then store and answer, in one transaction. (Looking the sender up in a
    read transaction of its own measured slower: one more transaction per webhook costs
    more than the shorter write lock saves.)"""
    now = ctx.clock.now()
    with session_scope(ctx.engine) as db:
        sender = identify_sender(db, params, settings=ctx.settings, now=now)
        return receive_sms(
            db,
            params,
            sender=sender,
            settings=ctx.settings,
            texts=ctx.texts,
            thresholds=ctx.pain_thresholds,
            now=now,
        )


@router.post("/status")
async def delivery_status(request: Request, ctx: Ctx) -> Response:
    params = await signed_form(request, ctx)
    m = request.query_params.get("m", "")
    await run_in_threadpool(handle_status, ctx, params, int(m) if m.isdigit() else None)
    return Response(EMPTY_TWIML, media_type="application/xml")


def handle_status(ctx: AppContext, params: dict[str, str], message_id: int | None) -> None:
    with session_scope(ctx.engine) as db:
        record_delivery_status(db, params, now=ctx.clock.now(), message_id=message_id)
