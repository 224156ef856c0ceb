"""Twilio's webhook signature: HMAC-SHA1 over the public URL and the sorted POST fields."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from twilio.request_validator import RequestValidator

from scheduler.config import Settings


def public_url(request: Request, settings: Settings) -> str:
    """The URL Twilio called, as Twilio saw it.

    Behind a TLS-terminating proxy the app sees http://internal-host; Twilio signed
    https://public-host. We trust X-Forwarded-Proto/Host only when told the proxy is ours:
    otherwise anyone could choose the URL their forged signature is checked against.
    """
    path_qs = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if settings.web.trust_proxy:
        proto = request.headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip()
        host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
        return f"{proto}://{host.split(',')[0].strip()}{path_qs}"
    return settings.web.public_base_url + path_qs


def is_valid_signature(
    url: str, params: Mapping[str, str], signature: str, auth_token: str
) -> bool:
    if not signature or not auth_token:
        return False
    return bool(RequestValidator(auth_token).validate(url, dict(params), signature))


def sign(url: str, params: Mapping[str, str], auth_token: str) -> str:
    """What Twilio would put in X-Twilio-Signature (used by `aftercare reply` and tests)."""
    return str(RequestValidator(auth_token).compute_signature(url, dict(params)))
