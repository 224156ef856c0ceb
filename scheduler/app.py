"""create_app(settings): the FastAPI app. Its lifespan owns the scheduler."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scheduler.clock import Clock
from scheduler.config import Settings, load_settings
from scheduler.context import AppContext, build_context
from scheduler.errors import AftercareError, Invalid
from scheduler.flags.routes import router as flags_api
from scheduler.health import router as health
from scheduler.jobs import start_scheduler
from scheduler.logs import setup_logging
from scheduler.messaging.gateway import SmsGateway
from scheduler.messaging.sender import OutboxSender
from scheduler.messaging.webhooks import TwilioWebhooks
from scheduler.metrics import router as metrics
from scheduler.sessions.routes import router as sessions_api
from scheduler.sessions.schemas import errors_by_field
from scheduler.staff.admin import router as staff_admin
from scheduler.staff.pages import router as staff_pages
from scheduler.staff.web import WEB_TEMPLATES, LoginRequired, LoginThrottle, make_templates

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
)


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    gateway: SmsGateway | None = None,
    context: AppContext | None = None,
    run_scheduler: bool = True,
) -> FastAPI:
    """The web app; with `run_scheduler`, the dispatcher runs in this process too."""
    ctx = context or build_context(settings, clock=clock, gateway=gateway)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ctx.stopping.clear()  # a context may serve again after a shutdown (tests, embedding)
        scheduler = start_scheduler(ctx) if run_scheduler else None
        app.state.scheduler = scheduler
        # With `web.sends_replies` off, workers send what the webhooks queue.
        sender = OutboxSender(ctx).start() if settings.web.sends_replies else None
        try:
            yield
        finally:
            ctx.stopping.set()  # senders hand back unsent claims instead of finishing them
            if sender is not None:
                sender.stop()
            if scheduler is not None:
                scheduler.shutdown(wait=True)

    app = FastAPI(title="Aftercare", lifespan=lifespan)
    app.state.ctx = ctx
    app.state.templates = make_templates()
    app.state.login_throttle = LoginThrottle()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.web.secret_key,
        session_cookie="aftercare",
        same_site="lax",
        https_only=settings.web.public_base_url.startswith("https://"),
        max_age=12 * 3600,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TwilioWebhooks, ctx=ctx)  # outermost: Twilio skips the staff app
    for router in (health, metrics, sessions_api, flags_api, staff_admin, staff_pages):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=WEB_TEMPLATES / "static"), name="static")
    install_error_handlers(app)
    app.get("/", include_in_schema=False)(lambda: RedirectResponse("/staff/", 307))
    return app


def app_from_config() -> FastAPI:
    """The app of one of several web processes (`aftercare serve --workers N`): built in
    the process itself from the configuration file, after the parent migrated the schema."""
    setup_logging()
    app = create_app(load_settings())
    settle_memory()
    return app


def settle_memory() -> None:
    """Load what every request needs now, then freeze the startup heap out of the garbage
    collector's sight: a full collection over it took ~50 ms, a pause in the webhook's
    tail latency whenever it ran."""
    from scheduler.triage import assess

    assess("warm up the triage lexicon", "24h")
    gc.collect()
    gc.freeze()


class SecurityHeaders:
    """Every response gets the CSP and friends; staff pages are never cached.

    Plain ASGI, not `BaseHTTPMiddleware`: that one runs each request through an extra
    task and stream, a cost every webhook would pay."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        staff = scope["path"].startswith("/staff")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, value)
                if staff:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, with_headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        if request.url.path.startswith("/staff/") and request.method == "GET":
            return RedirectResponse(f"/staff/login?next={request.url.path}", 303)
        return JSONResponse({"error": exc.message}, status_code=401)

    @app.exception_handler(AftercareError)
    async def expected(request: Request, exc: AftercareError) -> Response:
        if request.url.path.startswith("/staff/"):
            return error_page(request, exc)
        return JSONResponse(exc.to_json(), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = errors_by_field(exc, skip=("body", "query", "path"))  # type: ignore[arg-type]
        return JSONResponse({"error": "invalid input", "errors": errors}, status_code=422)


TITLES = {403: "Not allowed", 404: "Not found", 409: "Already done", 422: "Please check the form"}


def error_page(request: Request, exc: AftercareError) -> Response:
    """Staff see a page, not JSON, when something they asked for cannot be done."""
    from scheduler.staff.pages import render

    user = None
    return render(
        request,
        "error.html",
        user,
        status_code=exc.status_code,
        title=TITLES.get(exc.status_code, "Something went wrong"),
        # "name: required", not "invalid input": which field, and what it needs
        message="; ".join(f"{k}: {v}" for k, v in exc.errors.items())
        if isinstance(exc, Invalid) and exc.errors
        else exc.message,
    )
