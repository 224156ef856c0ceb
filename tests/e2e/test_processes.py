"""The real processes: `aftercare serve`, `aftercare reply` and `aftercare demo`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.cli_helpers import AFTERCARE, run, write_config
from tests.helpers import free_port, wait_until
from tests.pg import PostgresServer


def add_practitioner(config: Path) -> None:
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


def register_patient(
    config: Path, phone: str = "+15551234567", *, ended_ago: timedelta = timedelta(hours=2)
) -> None:
    ended = (datetime.now(UTC) - ended_ago).isoformat()
    run(
        config,
        "register",
        "--name",
        "Ada Quinn",
        "--phone",
        phone,
        "--practitioner",
        "drlin",
        "--ended-at",
        ended,
        "--consent",
    )


@contextmanager
def serving(config: Path, port: int, *options: str) -> Iterator[subprocess.Popen[bytes]]:
    """`aftercare serve` with `options`, up (healthz answers) for the block, then SIGTERM."""
    env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
    proc = subprocess.Popen(
        [AFTERCARE, "serve", "--port", str(port), *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(url + "/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            return False

    try:
        wait_until(up, timeout=30)
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`aftercare serve` on a free port with its own config; yields (config, base URL)."""
    port = free_port()
    config = write_config(tmp_path, port=port)
    add_practitioner(config)
    with serving(config, port):
        yield config, f"http://127.0.0.1:{port}"


def outbox(config: Path) -> list[dict[str, str]]:
    path = config.parent / "var" / "outbox.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_reply_command_drives_the_running_service(served: tuple[Path, str]) -> None:
    config, url = served
    register_patient(config)
    result = run(config, "reply", "--from", "+15551234567", "my chest feels tight")
    assert "200" in result.stdout
    wait_until(lambda: len(outbox(config)) == 2, timeout=15)
    to = {line["to"]: line["body"] for line in outbox(config)}
    assert "/staff/flags/1" in to["+15550100001"]
    assert "911" in to["+15551234567"]
    token = run(config, "token", "create", "--name", "t").stdout.strip()
    flags = httpx.get(
        url + "/api/flags?status=open", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert [f["label"] for f in flags] == ["emergency"]


def test_demo_runs_the_whole_cycle_against_the_running_service(served: tuple[Path, str]) -> None:
    config, url = served
    result = run(config, "demo")
    assert "open flag(s)" in result.stdout and "/staff/" in result.stdout
    token = run(config, "token", "create", "--name", "t").stdout.strip()
    flags = httpx.get(
        url + "/api/flags?status=open", headers={"Authorization": f"Bearer {token}"}
    ).json()
    labels = [f["label"] for f in flags]
    assert labels[0] == "emergency" and "complication" in labels
    # Answers go out paced at sms.max_per_second (1/s by default), after the demo returns.
    wait_until(lambda: any("no more check-in texts" in line["body"] for line in outbox(config)),
               timeout=60)


def test_demo_without_a_running_service_starts_one_for_the_replies(tmp_path: Path) -> None:
    config = write_config(tmp_path, port=free_port())
    result = run(config, "demo")
    assert "open flag(s)" in result.stdout
    assert "done in" in result.stdout


def test_a_worker_process_sends_due_checkins(tmp_path: Path) -> None:
    config = write_config(tmp_path, port=free_port(), checkins={"send_window": "00:00-24:00"})
    add_practitioner(config)
    register_patient(config, ended_ago=timedelta(hours=24, minutes=1))
    env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
    worker = subprocess.Popen(
        [AFTERCARE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_until(lambda: len(outbox(config)) == 1, timeout=30)
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(15) == 0  # a clean stop on SIGTERM
    assert "a day after" in outbox(config)[0]["body"]


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in found.read_text().split()] if found.exists() else []


def test_serve_with_several_web_processes_answers_every_text_and_stops_them_all(
    tmp_path: Path,
) -> None:
    port = free_port()
    config = write_config(tmp_path, port=port)
    add_practitioner(config)
    phones = [f"+1555123450{i}" for i in range(6)]
    for phone in phones:
        register_patient(config, phone)
    with serving(config, port, "--workers", "2") as proc:
        web = [
            pid
            for pid in children(proc.pid)
            if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()  # not its tracker
        ]
        assert len(web) == 2
        for phone in phones:  # a new connection each: the kernel spreads them
            assert "200" in run(config, "reply", "--from", phone, "dizzy and sweaty").stdout
        wait_until(lambda: len(outbox(config)) == 2 * len(phones), timeout=30)
    assert proc.returncode == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in web)  # none left behind
    answered = [line["to"] for line in outbox(config)]
    assert sorted(p for p in answered if p != "+15550100001") == sorted(phones)  # once each


def test_workers_send_what_the_web_process_queues_the_moment_it_is_announced(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    """`web.sends_replies = false` on PostgreSQL: the web process only commits and
    announces; a worker sends the answer and the alert. Ticks an hour apart: only the
    announcement can get them out within seconds."""
    port = free_port()
    config = write_config(
        tmp_path,
        port=port,
        database={"url": postgres.url(postgres.create_database())},
        web={"sends_replies": False},
        dispatch={"interval_seconds": 3600},
    )
    add_practitioner(config)
    register_patient(config)
    env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
    worker = subprocess.Popen(
        [AFTERCARE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        with serving(config, port):
            assert "200" in run(config, "reply", "--from", "+15551234567", "I fainted").stdout
            wait_until(lambda: len(outbox(config)) == 2, timeout=10)
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(15) == 0
    assert {line["to"] for line in outbox(config)} == {"+15551234567", "+15550100001"}
