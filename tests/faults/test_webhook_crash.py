"""SIGKILL `aftercare serve` while it handles a stream of patient replies, on a real
PostgreSQL, then let Twilio retry every one: each reply is stored once, flagged once,
answered once and alerted once — none lost, none doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from scheduler.config import load_settings
from scheduler.messaging.fake_phone import post_inbound_sms
from tests.cli_helpers import AFTERCARE, run, write_config
from tests.helpers import free_port, wait_until
from tests.pg import PostgresServer

PATIENTS = 12
# Per patient: one reply of each kind; the emergency and the complication are flagged.
REPLIES = {
    "normal": "Bit sore where the needles went but fine otherwise",
    "complication": "There's a big bruise and the area is swollen",
    "emergency": "I have chest pain and can't catch my breath",
}


def phone(i: int) -> str:
    return f"+1555{7300000 + i:07d}"


def replies() -> list[tuple[str, str, str]]:
    """(MessageSid, from, body) for every reply Twilio will deliver."""
    return [
        (f"SM{i:02d}{kind[:4]}{'0' * 24}", phone(i), body)
        for i in range(PATIENTS)
        for kind, body in REPLIES.items()
    ]


def serve(config: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
    proc = subprocess.Popen(
        [AFTERCARE, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def up() -> bool:
        assert proc.poll() is None, "aftercare serve exited"
        try:
            return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(up, timeout=30)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise


def setup(tmp_path: Path, postgres: PostgresServer, port: int) -> tuple[Path, str]:
    url = postgres.url(postgres.create_database())
    config = write_config(tmp_path, port=port, database={"url": url})
    run(
        config,
        "user",
        "add",
        "drlin",
        "--role",
        "practitioner",
        "--phone",
        "+15550100001",
        "--password-stdin",
        stdin="correct-horse\n",
    )
    ended = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    lines = ["patient_name,phone,sms_consent,practitioner,ended_at,treated_area"]
    lines += [f"P {i},{phone(i)},yes,drlin,{ended}," for i in range(PATIENTS)]
    (tmp_path / "s.csv").write_text("\n".join(lines) + "\n")
    run(config, "import", str(tmp_path / "s.csv"))
    return config, url


def deliver(
    config: Path,
    base_url: str,
    batch: list[tuple[str, str, str]],
    *,
    after_each: Callable[[int], None] = lambda answered: None,
) -> dict[str, int]:
    """Post the replies as Twilio would, four at a time; the status each got, or 0 when
    the connection died. `after_each` sees how many have been answered so far."""
    settings = load_settings(config)
    answers: dict[str, int] = {}
    lock = threading.Lock()
    queue = list(batch)

    def post_until_done() -> None:
        while True:
            with lock:
                if not queue:
                    return
                sid, sender, body = queue.pop(0)
            try:
                status = post_inbound_sms(
                    settings, from_number=sender, body=body, base_url=base_url, sid=sid
                )
            except OSError:
                status = 0
            with lock:
                answers[sid] = status
                answered = sum(1 for s in answers.values() if s == 200)
            after_each(answered)

    threads = [threading.Thread(target=post_until_done) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return answers


def counts(url: str) -> dict[str, Counter[str]]:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        inbound = Counter(r[0] for r in conn.execute("SELECT sid FROM inbound_message"))
        flags = Counter(
            r[0]
            for r in conn.execute(
                "SELECT i.sid FROM flag f JOIN inbound_message i ON i.id = f.inbound_id"
            )
        )
        texts = Counter(
            f"{r[0]}:{r[1]}"
            for r in conn.execute(
                "SELECT purpose, \"to\" FROM outbound_message WHERE purpose <> 'checkin'"
            )
        )
    return {"inbound": inbound, "flags": flags, "texts": texts}


@pytest.mark.timeout(240)
def test_a_web_process_killed_mid_webhook_loses_and_doubles_nothing_after_twilios_retry(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    port = free_port()
    config, url = setup(tmp_path, postgres, port)
    base = f"http://127.0.0.1:{port}"
    everything = replies()
    proc = serve(config, port)

    def kill_a_third_of_the_way(answered: int) -> None:
        if answered >= len(everything) // 3 and proc.poll() is None:
            proc.send_signal(signal.SIGKILL)  # three more requests are in flight

    first = deliver(config, base, everything, after_each=kill_a_third_of_the_way)
    assert proc.wait(10) == -signal.SIGKILL
    assert 200 in first.values() and 0 in first.values()  # some handled, some cut off

    # Twilio retries what did not get a 2xx; retry *everything* (a 200 may be lost too).
    proc = serve(config, port)
    try:
        retried = deliver(config, base, everything)
        assert set(retried.values()) == {200}
        wait_until(lambda: sum(counts(url)["texts"].values()) >= PATIENTS * 5, timeout=30)
    finally:
        stop(proc)

    seen = counts(url)
    assert seen["inbound"] == Counter({sid: 1 for sid, _, _ in everything})
    flagged = [sid for sid, _, body in everything if body != REPLIES["normal"]]
    assert seen["flags"] == Counter({sid: 1 for sid in flagged})
    # Every patient: three answers (one per reply) and the practitioner two alerts each.
    for i in range(PATIENTS):
        assert seen["texts"][f"auto_reply:{phone(i)}"] == 3, seen["texts"]
    assert seen["texts"]["alert:+15550100001"] == 2 * PATIENTS
