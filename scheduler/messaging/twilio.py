"""TwilioGateway: the real SmsGateway, through twilio's REST `Client`.

Twilio's exceptions become ours: `SmsRejected` when sending the same text again cannot
work (a bad or opted-out number, our account's configuration), `SmsTransientError` when
it may (429, 5xx, timeouts, connection errors). twilio-python never retries 429/5xx
itself; the outbox does, with backoff.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from scheduler.messaging.console import mask_phone
from scheduler.messaging.gateway import (
    OutgoingSms,
    SentSms,
    SmsError,
    SmsRejected,
    SmsTransientError,
)

log = logging.getLogger(__name__)

OPTED_OUT = 21610
CONFIGURATION = frozenset({20003, 21408, 21606})  # credentials, region, sender capability
RATE_LIMITED = 20429  # Twilio's code for HTTP 429: the request was not processed
LOOKUP_PAGE, LOOKUP_LIMIT = 50, 200  # texts to one number looked through, per page / at most


class RedirectingHttpClient(TwilioHttpClient):
    """Sends every Twilio REST call to `base_url` (a mock in tests), keeping path and query."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base = urlsplit(base_url)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        parts = urlsplit(url)
        url = urlunsplit((self.base.scheme, self.base.netloc, parts.path, parts.query, ""))
        return super().request(method, url, *args, **kwargs)


class TwilioGateway:
    """SmsGateway over Twilio's Messages API; raises only SmsRejected / SmsTransientError."""

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str | None = None,
        messaging_service_sid: str | None = None,
        api_base_url: str | None = None,
        http_client: HttpClient | None = None,
        timeout: float = 10.0,
    ) -> None:
        # An injected http_client is the whole transport (tests add Prism's Prefer header
        # with one); api_base_url and timeout only shape the default transport.
        if not (from_number or messaging_service_sid):
            raise ValueError("TwilioGateway needs from_number or messaging_service_sid")
        if http_client is None:
            http_client = (
                RedirectingHttpClient(api_base_url, timeout=timeout)
                if api_base_url
                else TwilioHttpClient(timeout=timeout)
            )
        self.client = Client(account_sid, auth_token, http_client=http_client)
        # A Messaging Service picks the sender itself (pools, geo-match), so it wins.
        self.sender: dict[str, str] = (
            {"messaging_service_sid": messaging_service_sid}
            if messaging_service_sid
            else {"from_": from_number or ""}
        )

    def send(self, sms: OutgoingSms) -> SentSms:
        """Hand one text to Twilio; its sid and status at acceptance (usually "queued")."""
        extra = {"status_callback": sms.status_callback} if sms.status_callback else {}
        try:
            message = self.client.messages.create(to=sms.to, body=sms.body, **self.sender, **extra)
        except (TwilioException, requests.RequestException) as exc:
            raise to_sms_error(exc, to=sms.to) from exc
        return SentSms(sid=str(message.sid), status=str(message.status or "queued"))

    def find_accepted(self, to: str, body: str, *, since: datetime) -> list[SentSms]:
        """Twilio's outbound messages to `to` with this body, created at or after `since`.

        Twilio lists newest first, so reading stops at the first older message; a patient
        gets a handful of texts a day, so this is one page.
        """
        found: list[SentSms] = []
        try:
            for message in self.client.messages.stream(
                to=to, limit=LOOKUP_LIMIT, page_size=LOOKUP_PAGE
            ):
                created = message.date_created
                if created is not None and created < since:
                    break
                if str(message.direction or "").startswith("outbound") and message.body == body:
                    found.append(SentSms(sid=str(message.sid), status=str(message.status)))
        except (TwilioException, requests.RequestException) as exc:
            raise to_sms_error(exc, to=to) from exc
        return found

    def fetch_status(self, sid: str) -> tuple[str, int | None]:
        """Twilio's current MessageStatus and error code, for reconciling lost callbacks."""
        try:
            message = self.client.messages(sid).fetch()
        except (TwilioException, requests.RequestException) as exc:
            raise to_sms_error(exc, to=None) from exc
        code = message.error_code
        return str(message.status), int(code) if code is not None else None


def to_sms_error(exc: Exception, *, to: str | None) -> SmsError:
    """Our exception for one of twilio's or requests' exceptions."""
    if isinstance(exc, requests.Timeout) and not isinstance(exc, requests.ConnectTimeout):
        # The request may have reached Twilio: it is looked up before any resend.
        return SmsTransientError(
            "Twilio did not answer in time (the text may have been accepted)",
            maybe_accepted=True,
        )
    if isinstance(exc, requests.RequestException):  # refused, reset, DNS: nothing was sent
        return SmsTransientError(f"could not reach Twilio: {type(exc).__name__}")
    if isinstance(exc, TwilioRestException):
        return classify(exc.status, exc.code, scrub(exc.msg, to))
    if isinstance(exc, TwilioServiceException):  # RFC 9457 bodies; a sibling, not a subclass
        return classify(exc.status, exc.code, scrub(f"{exc.title}: {exc.detail or ''}", to))
    return SmsTransientError(f"unexpected answer from Twilio: {exc}")


def classify(status: int, code: int | None, message: str) -> SmsRejected | SmsTransientError:
    """Permanent or transient, from Twilio's HTTP status and error code."""
    code = code or status  # twilio sets code to the HTTP status when the body has none
    if status == 429 or code == RATE_LIMITED or status >= 500:
        return SmsTransientError(f"Twilio {status}/{code}: {message}", code=code)
    if code in CONFIGURATION:
        # Every text fails until someone fixes the account: the outbox logs it at ERROR.
        return SmsRejected(
            f"Twilio configuration error {code}: {message}", code=code, configuration=True
        )
    if status == 422:  # Twilio answers 400; a 422 comes from a mock checking Twilio's spec
        log.error("request broke Twilio's API description (a bug in Aftercare): %s", message)
        return SmsRejected(f"request rejected as invalid by the API (422): {message}", code=code)
    return SmsRejected(f"Twilio {status}/{code}: {message}", code=code, opted_out=code == OPTED_OUT)


def scrub(message: str, to: str | None) -> str:
    """Twilio's messages quote the number (21211); keep full numbers out of logs and errors."""
    return message.replace(to, mask_phone(to)) if to else message
