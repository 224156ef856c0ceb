"""A real PostgreSQL server for tests, started in a temp directory.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
Each test gets a fresh database; the server lives for the whole pytest session.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg


def pg_bin() -> Path | None:
    for pattern in ("/usr/lib/postgresql/*/bin",):
        found = sorted(glob.glob(pattern))
        if found:
            return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@dataclass
class PostgresServer:
    port: int
    directory: Path
    bin: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def start(self) -> None:
        log = open(self.directory / "server.log", "ab")  # noqa: SIM115 (kept open for the server)
        self.process = subprocess.Popen(
            _as_postgres([str(self.bin / "postgres"), "-D", str(self.directory / "data"),
                          "-p", str(self.port), "-k", str(self.directory),
                          "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                          "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                          "-c", "max_connections=200"]),
            stdout=log, stderr=log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                psycopg.connect(self.admin_dsn, connect_timeout=1).close()
                return
            except psycopg.OperationalError:
                if self.process.poll() is not None:
                    raise RuntimeError((self.directory / "server.log").read_text()) from None
                time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not start in 30 s")

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as in a real database restart."""
        if self.process is not None and self.process.poll() is None:
            subprocess.run(_as_postgres([str(self.bin / "pg_ctl"), "-D",
                                         str(self.directory / "data"), "-m", "fast", "-w",
                                         "stop"]), capture_output=True, timeout=60)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None


def start_postgres() -> Iterator[PostgresServer]:
    binary = pg_bin()
    if binary is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    directory = Path(tempfile.mkdtemp(prefix="aftercare-pg-"))
    os.chmod(directory, 0o777)
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres")
    subprocess.run(_as_postgres([str(binary / "initdb"), "-D", str(directory / "data"),
                                 "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                 "--no-sync"]),
                   check=True, capture_output=True)
    from tests.helpers import free_port

    server = PostgresServer(port=free_port(), directory=directory, bin=binary)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
