"""Run the real `aftercare` command in a subprocess against a config file in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

AFTERCARE = str(Path(sys.executable).parent / "aftercare")


def write_config(directory: Path, *, port: int = 8000, **overrides: dict[str, Any]) -> Path:
    """A config like the shipped one, with relative paths (resolved against its folder)."""
    sections: dict[str, dict[str, Any]] = {
        "database": {"url": "sqlite:///var/aftercare.db"},
        "sms": {"backend": "console", "from_number": "+15550000000",
                "console_outbox": "var/outbox.jsonl"},
        "twilio": {"auth_token": "cli-test-token"},
        "web": {"public_base_url": f"http://127.0.0.1:{port}", "secret_key": "cli-test-secret"},
        "dispatch": {"interval_seconds": 1},
        "clinic": {"name": "Test Clinic", "phone": "+15550000001",
                   "timezone": "America/New_York"},
    }
    for name, values in overrides.items():
        sections.setdefault(name, {}).update(values)
    lines = []
    for name, values in sections.items():
        lines.append(f"[{name}]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    path = directory / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def run(config: Path, *args: str, stdin: str | None = None, cwd: Path | None = None,
        check: bool = True, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AFTERCARE_CONFIG": str(config), **(env or {})}
    result = subprocess.run([AFTERCARE, *args], input=stdin, capture_output=True, text=True,
                            env=env, cwd=cwd or config.parent.parent, timeout=120)
    if check and result.returncode != 0:
        pytest.fail(f"aftercare {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result
