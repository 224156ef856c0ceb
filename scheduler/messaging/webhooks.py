"""Twilio's webhooks: inbound texts and delivery status. Signed, or refused with 403.

Plain ASGI in front of the staff app, not FastAPI routes: Twilio is a machine posting a
signed form, and the staff app's cookie sessions, routing and dependency solving cost
about 1.5 ms of a webhook's 7 ms of CPU (`bench/webhook_latency.py`, serve's CPU per
request). Everything else is handed on to the app unchanged.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.dbtypes import storable
from scheduler.messaging.delivery import record_delivery_status
from scheduler.messaging.inbound import InboundResult, identify_sender, receive_sms
from scheduler.messaging.outbox import announce_queued
from scheduler.messaging.signature import is_valid_signature, public_url
from scheduler.metrics import WEBHOOK_LATENCY

log = logging.getLogger(__name__)
INBOUND_PATH = "/webhooks/twilio/sms"
STATUS_PATH = "/webhooks/twilio/status"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'


class TwilioWebhooks:
    """Answers POSTs to the two webhook paths; passes every other request to `app`."""

    def __init__(self, app: ASGIApp, *, ctx: AppContext) -> None:
        self.app, self.ctx = app, ctx
        self.handlers = {INBOUND_PATH: self.inbound_sms, STATUS_PATH: self.delivery_status}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        handler = self.handlers.get(scope["path"]) if scope["type"] == "http" else None
        if handler is None:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request = Request(scope, receive)
        if request.method != "POST":
            response: Response = JSONResponse({"error": "POST only"}, 405, {"Allow": "POST"})
        elif (params := await self.signed_form(request)) is None:
            client = request.client.host if request.client else "?"
            log.warning(
                "refused a %s post with an invalid Twilio signature from %s", scope["path"], client
            )
            response = JSONResponse({"error": "invalid Twilio signature"}, 403)
        else:
            await handler(request, params)
            WEBHOOK_LATENCY.observe(time.perf_counter() - started)
            response = Response(EMPTY_TWIML, media_type="application/xml")
        await response(scope, receive, send)

    async def signed_form(self, request: Request) -> dict[str, str] | None:
        """The POSTed fields, if Twilio signed them. Twilio posts url-encoded forms: parsed
        with the standard library, a fraction of the cost of the general form parser."""
        body = (await request.body()).decode("utf-8", errors="replace")
        params = dict(parse_qsl(body, keep_blank_values=True))
        url = public_url(request, self.ctx.settings)
        signature = request.headers.get("X-Twilio-Signature", "")
        if not is_valid_signature(url, params, signature, self.ctx.settings.twilio.auth_token):
            return None
        # checked as sent, stored as the database can hold it
        return {key: storable(value) for key, value in params.items()}

    async def inbound_sms(self, _request: Request, params: dict[str, str]) -> None:
        """Store, triage and answer a patient's text; answers go out after we reply to
        Twilio, from the outbox sender this bell wakes."""
        result = await run_in_threadpool(handle_inbound, self.ctx, params)
        if result.queued and self.ctx.settings.web.sends_replies:
            self.ctx.outbox_bell.set()

    async def delivery_status(self, request: Request, params: dict[str, str]) -> None:
        m = request.query_params.get("m", "")
        await run_in_threadpool(handle_status, self.ctx, params, int(m) if m.isdigit() else None)


def handle_inbound(ctx: AppContext, params: dict[str, str]) -> InboundResult:
    """Who wrote, then store and answer, in one transaction. (Looking the sender up in a
    read transaction of its own measured slower: one more transaction per webhook costs
    more than the shorter write lock saves.)"""
    now = ctx.clock.now()
    with session_scope(ctx.engine) as db:
        sender = identify_sender(db, params, settings=ctx.settings, now=now)
        result = receive_sms(
            db,
            params,
            sender=sender,
            settings=ctx.settings,
            texts=ctx.texts,
            thresholds=ctx.pain_thresholds,
            now=now,
        )
        if result.queued and not ctx.settings.web.sends_replies:
            announce_queued(db)  # the workers send them
        return result


def handle_status(ctx: AppContext, params: dict[str, str], message_id: int | None) -> None:
    with session_scope(ctx.engine) as db:
        record_delivery_status(db, params, now=ctx.clock.now(), message_id=message_id)
