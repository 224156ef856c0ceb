"""The SMS gateway interface: what the rest of Aftercare needs from an SMS provider.

Two implementations: `TwilioGateway` (twilio's REST `Client`) and `ConsoleGateway`
(appends to a JSON-lines outbox, for the embedded default and demos).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class SentSms:
    """What the provider told us about an accepted message."""

    sid: str
    status: str  # Twilio's MessageStatus at acceptance, e.g. "queued"


@dataclass(frozen=True)
class OutgoingSms:
    """One text to send. `status_callback` is the URL the provider reports delivery to."""

    to: str
    body: str
    status_callback: str | None = None


class SmsError(Exception):
    """A send failed. `code` is the provider's error code when it gave one."""

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class SmsRejected(SmsError):
    """Permanent: resending the same message will fail again (bad number, opted out, config)."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        opted_out: bool = False,
        configuration: bool = False,
    ) -> None:
        super().__init__(message, code=code)
        self.opted_out = opted_out  # 21610: the recipient replied STOP to the provider
        self.configuration = configuration  # 20003, 21408, 21606: our account, not the patient


class SmsTransientError(SmsError):
    """Temporary: the same message may go through later (429, 5xx, timeouts).

    `maybe_accepted`: the request may have reached the provider (a timeout after sending),
    so the text must be looked up with `find_accepted` before it is sent again.
    """

    def __init__(
        self, message: str, *, code: int | None = None, maybe_accepted: bool = False
    ) -> None:
        super().__init__(message, code=code)
        self.maybe_accepted = maybe_accepted


class SmsGateway(Protocol):
    """Sends texts and answers what it accepted; raises SmsRejected or SmsTransientError,
    never a provider exception."""

    def send(self, sms: OutgoingSms) -> SentSms: ...

    def find_accepted(self, to: str, body: str, *, since: datetime) -> list[SentSms]:
        """Texts with exactly this body the provider accepted for `to` at or after
        `since`, newest first: how a send whose outcome we never recorded is settled."""
        ...

    def fetch_status(self, sid: str) -> tuple[str, int | None]:
        """The provider's delivery status of one text and its error code, if any: for
        texts whose status callback never came."""
        ...
