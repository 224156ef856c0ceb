"""TwilioGateway: the real SmsGateway, through twilio's REST `Client`.

Twilio's exceptions become ours: `SmsRejected` when sending the same text again cannot
work (a bad or opted-out number, our account's configuration), `SmsTransientError` when
it may (429, 5xx, timeouts, connection errors). twilio-python never retries 429/5xx
itself; the outbox does, with backoff.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from scheduler.messaging.console import mask_phone
from scheduler.messaging.gateway import OutgoingSms, SentSms, SmsRejected, SmsTransientError

log = logging.getLogger(__name__)

OPTED_OUT = 21610
CONFIGURATION = frozenset({20003, 21408, 21606})  # credentials, region, sender capability
RATE_LIMITED = frozenset({429, 20429})


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
    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str | None = None,
        messaging_service_sid: str | None = None,
        api_base_url: str | None = None,
        http_client: TwilioHttpClient | None = None,
        timeout: float = 10.0,
    ) -> None:
        if not (from_number or messaging_service_sid):
            raise ValueError("TwilioGateway needs from_number or messaging_service_sid")
        if http_client is None:
            http_client = (
                RedirectingHttpClient(api_base_url, timeout=timeout)
                if api_base_url
                else TwilioHttpClient(timeout=timeout)
            )
        self.client = Client(account_sid, auth_token, http_client=http_client)
        self.sender: dict[str, str] = (
            {"messaging_service_sid": messaging_service_sid}
            if messaging_service_sid
            else {"from_": from_number or ""}
        )

    def send(self, sms: OutgoingSms) -> SentSms:
        extra = {"status_callback": sms.status_callback} if sms.status_callback else {}
        try:
            message = self.client.messages.create(to=sms.to, body=sms.body, **self.sender, **extra)
        except TwilioRestException as exc:
            raise classify(exc.status, exc.code, exc.msg, sms.to) from exc
        except TwilioException as exc:  # TwilioServiceException (RFC 9457) and the rest
            status = int(getattr(exc, "status", 0) or 0)
            code = getattr(exc, "code", None)
            raise classify(
                status, code if isinstance(code, int) else None, str(exc), sms.to
            ) from exc
        except requests.RequestException as exc:  # timeout, refused, reset: may retry
            raise SmsTransientError(f"could not reach Twilio: {type(exc).__name__}") from exc
        return SentSms(sid=str(message.sid), status=str(message.status or "queued"))

    def fetch_status(self, sid: str) -> tuple[str, int | None]:
        """Twilio's current MessageStatus and error code, for reconciling lost callbacks."""
        message = self.client.messages(sid).fetch()
        code = message.error_code
        return str(message.status), int(code) if code is not None else None


def classify(
    status: int, code: int | None, message: str, to: str
) -> SmsRejected | SmsTransientError:
    """Permanent or transient, from Twilio's HTTP status and error code."""
    if status in RATE_LIMITED or code in RATE_LIMITED or status >= 500:
        return SmsTransientError(f"Twilio {status}/{code}: {message}", code=code or status)
    if code in CONFIGURATION:
        log.error(
            "Twilio configuration error %s (%s): fix the account or sender, not the "
            "patient; texts fail until then",
            code,
            message,
        )
        return SmsRejected(
            f"Twilio configuration error {code}: {message}", code=code, configuration=True
        )
    if status == 422:  # only a mock answers this: our request broke Twilio's API contract
        return SmsRejected(
            f"request rejected as invalid by the API (422): {message}", code=code or status
        )
    log.warning("Twilio refused a text to %s: %s %s", mask_phone(to), code, message)
    return SmsRejected(
        f"Twilio {status}/{code}: {message}", code=code or status, opted_out=code == OPTED_OUT
    )
