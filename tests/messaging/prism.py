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
SPEC = ROOT.parent / "shared" / "twilio" / "twilio_api_v2010_messages_errors.json"
PRISM = Path(os.environ.get("PRISM_BIN", ROOT / "node_modules" / ".bin" / "prism"))
ACCOUNT_SID = "AC" + "0" * 32


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_prism() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(SPEC)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Prism did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


class PrismClient(RedirectingHttpClient):
    """Talks to Prism; asks it for a chosen example; gives each created message a fresh sid
    (Prism answers every create with the same example sid; Twilio's are unique)."""

    def __init__(self, base_url: str, prefer: str | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.prefer = prefer
        self.sent: list[dict[str, Any]] = []

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
            body = json.loads(response.text)
            body["sid"] = "SM" + secrets.token_hex(16)
            return Response(response.status_code, json.dumps(body), response.headers)
        return response
