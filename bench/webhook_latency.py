"""Webhook latency at a fixed request rate: signed inbound-SMS posts, open loop (sent on
schedule whatever the answers), against `aftercare serve` as a real process.

    .venv/bin/python bench/webhook_latency.py [--rate 100] [--seconds 20]
        [--backends sqlite,postgresql] [--web-processes 1]

Half the replies are from registered patients (triage, flags, answers queued), half from
unknown numbers. Latency is measured by the client from the moment a request was due to
its full response (a client running late counts against the server); the serve processes'
CPU time per request (from /proc) is what sets the rate one can take. The client is one
asyncio loop writing prebuilt HTTP/1.1 requests: its own CPU per request is printed too,
and must stay small beside the server's on a machine they share.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from _setup import ROOT

sys.path.insert(0, str(ROOT))

import httpx

from bench.dispatch import database
from scheduler.config import load_settings
from scheduler.messaging.fake_phone import inbound_params
from scheduler.messaging.signature import sign
from tests.cli_helpers import AFTERCARE, run, write_config
from tests.helpers import free_port, wait_until

REPLIES = [
    "feeling fine thanks",
    "bit sore today",
    "dizzy and a sharp pain",
    "is it ok to go for a run?",
    "my chest feels tight",
    "tiny bruise, all good",
]


def serve(config: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
    proc = subprocess.Popen(
        [AFTERCARE, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(lambda: up(f"http://127.0.0.1:{port}"), timeout=30)
    return proc


def start_worker(config: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
    return subprocess.Popen(
        [AFTERCARE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def sent_texts(config: Path) -> int:
    outbox = config.parent / "var" / "outbox.jsonl"
    return len(outbox.read_text().splitlines()) if outbox.exists() else 0


def up(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def register_patients(config: Path, count: int) -> list[str]:
    run(
        config,
        "user",
        "add",
        "drbench",
        "--role",
        "practitioner",
        "--phone",
        "+15550100001",
        "--password-stdin",
        stdin="bench-password\n",
    )
    ended = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    lines = ["patient_name,phone,sms_consent,practitioner,ended_at,treated_area"]
    phones = [f"+1555{6000000 + i:07d}" for i in range(count)]
    lines += [f"P {i},{p},yes,drbench,{ended},back" for i, p in enumerate(phones)]
    csv_file = config.parent / "patients.csv"
    csv_file.write_text("\n".join(lines) + "\n")
    run(config, "import", str(csv_file))
    return phones


def signed_requests(config: Path, phones: list[str], count: int) -> list[bytes]:
    """Every request as the bytes that go on the wire, signed before the clock starts: the
    client shares the machine's two cores with the server, so it does as little as it can
    while timed."""
    settings = load_settings(config)
    signed_url = settings.web.public_base_url + "/webhooks/twilio/sms"
    made = []
    for i in range(count):
        sender = phones[i % len(phones)] if i % 2 == 0 else f"+1555{7000000 + i:07d}"
        params = inbound_params(settings, from_number=sender, body=REPLIES[i % len(REPLIES)])
        signature = sign(signed_url, params, settings.twilio.auth_token)
        body = urlencode(params).encode()
        head = (
            "POST /webhooks/twilio/sms HTTP/1.1\r\nHost: aftercare\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"X-Twilio-Signature: {signature}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        made.append(head.encode() + body)
    return made


class Connections:
    """Keep-alive connections to one server, opened before the clock starts; a request
    finding none idle opens another (as a proxy in front of the server would)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def open(self, count: int) -> None:
        for _ in range(count):
            self.idle.append(await asyncio.open_connection("127.0.0.1", self.port))

    async def post(self, raw: bytes) -> int:
        if self.idle:
            try:
                return await self._exchange(*self.idle.pop(), raw)
            except (asyncio.IncompleteReadError, ConnectionError):
                pass  # closed by the server while idle (keep-alive timeout): not read, resend
        return await self._exchange(*await self._connect(), raw)

    async def _exchange(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes
    ) -> int:
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.lower().split(b"\r\n")
            if line.startswith(b"content-length:")
        )
        await reader.readexactly(length)
        self.idle.append((reader, writer))
        return status

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        return await asyncio.open_connection("127.0.0.1", self.port)

    def close(self) -> None:
        for _reader, writer in self.idle:
            writer.close()


def fire(ports: list[int], rate: int, requests: list[bytes]) -> list[float]:
    """Open loop: request i is due at i / rate seconds and its latency counts from then, so
    a late client cannot hide a slow server (no coordinated omission). Pairs of requests
    (a patient's, an unknown number's) go round robin to the servers, as a proxy in front
    of several web processes would share them. One asyncio loop and raw HTTP/1.1: the
    client spends a fraction of a millisecond per request, not the server's CPU."""
    return asyncio.run(_fire(ports, rate, requests))


async def _fire(ports: list[int], rate: int, requests: list[bytes]) -> list[float]:
    loop = asyncio.get_running_loop()
    servers = [Connections(port) for port in ports]
    for server in servers:
        await server.open(16)
    latencies: list[float] = []

    async def one(i: int, due: float) -> None:
        status = await servers[(i // 2) % len(servers)].post(requests[i])
        if status == 200:
            latencies.append((loop.time() - due) * 1000)

    start = loop.time() + 0.1
    tasks = []
    for i in range(len(requests)):
        due = start + i / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.gather(*tasks)
    for server in servers:
        server.close()
    return latencies


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; clock ticks of 1/100 s)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_side(url: str) -> str:
    metrics = httpx.get(url + "/metrics").text
    buckets = [
        ln for ln in metrics.splitlines() if ln.startswith("aftercare_webhook_seconds_bucket")
    ]
    return " ".join(b.split("le=")[1] for b in buckets)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--web-processes", type=int, default=1, help="aftercare serve processes, one per port"
    )
    parser.add_argument(
        "--workers-send",
        action="store_true",
        help="web.sends_replies = false and one `aftercare worker` sends (PostgreSQL)",
    )
    args = parser.parse_args()
    print(
        f"{'backend':<11} {'procs':>5} {'rate':>5} {'sent':>6} {'ok':>6} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'max ms':>8} {'serve CPU ms/req':>17} {'client CPU ms/req':>18}"
    )
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory() as tmp_s, database(backend, Path(tmp_s)) as url:
            port = free_port()
            # Answers are paced by Twilio's rate in production; here the console gateway
            # takes them as fast as they come, so pacing doesn't hide the webhook's cost.
            config = write_config(
                Path(tmp_s),
                port=port,
                sms={"max_per_second": 0},
                dispatch={"interval_seconds": 3600},
                web={"sends_replies": not args.workers_send},
            )
            if backend != "sqlite":
                text = config.read_text().replace(
                    'url = "sqlite:///var/aftercare.db"', f'url = "{url}"'
                )
                config.write_text(text)
            phones = register_patients(config, 200)
            requests = signed_requests(config, phones, args.rate * args.seconds)
            # One process per port, as production step 3 runs them (aftercare-web@PORT).
            ports = [port] + [free_port() for _ in range(args.web_processes - 1)]
            procs = [serve(config, p) for p in ports]
            workers = [start_worker(config)] if args.workers_send else []
            urls = [f"http://127.0.0.1:{p}" for p in ports]
            try:
                cpu_before = sum(cpu_seconds(proc.pid) for proc in procs)
                client_before = time.process_time()
                latencies = fire(ports, args.rate, requests)
                client_cpu = (time.process_time() - client_before) / len(requests)
                serve_cpu = sum(cpu_seconds(proc.pid) for proc in procs) - cpu_before
                cpu_per_request = serve_cpu / len(requests)
                for url in urls:
                    print(f"  server-side {url}:", server_side(url))
                if workers:
                    print("  texts sent by the worker:", sent_texts(config))
            finally:
                for proc in procs + workers:
                    proc.terminate()
                for proc in procs + workers:
                    proc.wait(15)
        ordered = sorted(latencies)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        print(
            f"{backend:<11} {args.web_processes:>5} {args.rate:>5} {args.rate * args.seconds:>6} "
            f"{len(ordered):>6} {statistics.median(ordered):>8.1f} {p99:>8.1f} {ordered[-1]:>8.1f} "
            f"{cpu_per_request * 1000:>17.1f} {client_cpu * 1000:>18.2f}"
        )


if __name__ == "__main__":
    main()
