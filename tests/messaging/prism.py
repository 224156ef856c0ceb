"""Prism serving Twilio's own OpenAPI description, as a local stand-in for api.twilio.com."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from twilio.http.response import Response

from scheduler.messaging.twilio import RedirectingHttpClient

ROOT = Path(__file__).resolve().parents[2]
# CI and dev machines clone the repo with shared/ beside it; the spec is read there, not copied.
SPEC = ROOT.parent / "shared" / "twilio" / "twilio_api_v2010_messages_errors.json"
PRISM = Path(os.environ.get("PRISM_BIN", ROOT / "node_modules" / ".bin" / "prism"))
ACCOUNT_SID = "AC" + "0" * 32


def free_port() -> int:
    """A loopback port nobody listens on (right now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_prism(log_path: Path) -> Iterator[str]:
    """Run Prism on a free port until the generator is closed; yields its base URL."""
    port = free_port()
    # Prism's log says why a request broke the spec (422) or why Prism would not start.
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(SPEC)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, proc, log_path)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def wait_for_port(port: int, proc: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"Prism did not start on port {port}:\n{tail}") from None
            time.sleep(0.05)


class PrismClient(RedirectingHttpClient):
    """The test transport: talks to Prism, asks it for a chosen example (`prefer`, e.g.
    "code=400, example=unsubscribed_21610"), records each POST's form fields in `sent`, and
    gives each created message a fresh sid (Prism answers every create with the same one;
    Twilio's are unique and Aftercare keys deliveries on them)."""

    def __init__(self, base_url: str, prefer: str | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.prefer = prefer
        self.sent: list[dict[str, Any]] = []
        self.session.trust_env = False  # an HTTP(S)_PROXY in CI must not catch loopback calls

    def request(
        self,
        method: str,
        url: str,
        params: Any = None,
        data: Any = None,
        headers: Any = None,
        auth: Any = None,
        timeout: Any = None,
        allow_redirects: bool = False,
    ) -> Response:
        headers = dict(headers or {})
        if self.prefer:
            headers["Prefer"] = self.prefer
        if method == "POST":
            self.sent.append(dict(data or {}))
        response = super().request(
            method, url, params, data, headers, auth, timeout, allow_redirects
        )
        if method == "POST" and response.status_code == 201:
            return with_body(response, sid="SM" + secrets.token_hex(16))
        if response.status_code == 422:
            # Put Prism's reasons where the test failure shows them: SmsRejected's message.
            violations = (response.headers or {}).get("sl-violations", "")
            return with_body(response, message=f"contract violation: {violations}")
        return response


def with_body(response: Response, **fields: Any) -> Response:
    """`response` with some top-level JSON fields replaced."""
    body = json.loads(response.text)
    body.update(fields)
    return Response(response.status_code, json.dumps(body), response.headers)
