"""The `aftercare` command line, run as a real process."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli_helpers import run, write_config


@pytest.fixture
def config(tmp_path: Path) -> Path:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    path = write_config(clinic)
    run(path, "db", "upgrade")
    run(
        path,
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
    return path


def test_db_upgrade_puts_the_database_beside_the_config_from_any_directory(
    config: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run(config, "db", "upgrade", cwd=elsewhere)
    assert result.stdout.strip() == "database is up to date (revision 0007)"
    assert (config.parent / "var" / "aftercare.db").exists()
    assert not (elsewhere / "var").exists()


def test_db_upgrade_says_what_it_applied(tmp_path: Path) -> None:
    result = run(write_config(tmp_path), "db", "upgrade")
    assert result.stdout.strip() == "database upgraded from revision none to 0007"


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"checkins": {"send_window": "8-20"}}, "checkins.send_window"),
        ({"checkins": {"offsets": ["soon"]}}, "checkins.offsets"),
        ({"clinic": {"timezone": "Mars/Olympus"}}, "clinic.timezone"),
        ({"dispatch": {"interval_seconds": -1}}, "dispatch.interval_seconds"),
        ({"sms": {"backend": "pigeon"}}, "sms.backend"),
        ({"sms": {"backend": "twilio"}}, "twilio.account_sid"),
        ({"sms": {"from_number": "555"}}, "sms.from_number"),
        (
            {
                "sms": {"backend": "twilio"},
                "twilio": {"account_sid": "AC" + "0" * 32},
                "web": {"secret_key": ""},
            },
            "web.secret_key",
        ),
        ({"clinic": {"colour": "blue"}}, "clinic.colour"),
        (
            {
                "sms": {"backend": "twilio"},
                "twilio": {"account_sid": "AC" + "0" * 32,
                           "auth_token": "dev-auth-token-change-me"},
            },
            "twilio.auth_token: still the development value",
        ),
        (
            {
                "sms": {"backend": "twilio"},
                "twilio": {"account_sid": "AC" + "0" * 32},
                "web": {"secret_key": "dev-secret-key-change-me"},
            },
            "web.secret_key: still the development value",
        ),
        ({"sms": {"backend": "twilio"}, "clock": {"offset": "1d"}}, "clock.offset"),
        ({"clock": {"offset": "tomorrow"}}, "clock.offset"),
    ],
)
def test_a_bad_config_value_stops_start_up_naming_the_key(
    tmp_path: Path, overrides: dict[str, dict[str, object]], key: str
) -> None:
    path = write_config(tmp_path, **overrides)
    result = run(path, "db", "upgrade", check=False)
    assert result.returncode == 2
    assert key in result.stderr


def test_the_embedded_default_starts_without_secrets(tmp_path: Path) -> None:
    from scheduler.config import load_settings

    settings = load_settings(
        write_config(tmp_path, web={"secret_key": ""}, twilio={"auth_token": ""}), env={}
    )
    assert len(settings.web.secret_key) > 20  # made up for this process


def test_secrets_come_from_the_environment(tmp_path: Path) -> None:
    from scheduler.config import load_settings

    settings = load_settings(
        write_config(tmp_path), env={"TWILIO_AUTH_TOKEN": "from-env", "AFTERCARE_SECRET_KEY": "k2"}
    )
    assert settings.twilio.auth_token == "from-env" and settings.web.secret_key == "k2"


def test_an_empty_secret_in_the_environment_overrides_the_file(tmp_path: Path) -> None:
    from scheduler.config import ConfigError, load_settings

    path = write_config(
        tmp_path, sms={"backend": "twilio"}, twilio={"account_sid": "AC" + "0" * 32}
    )
    with pytest.raises(ConfigError, match="twilio.auth_token: required"):
        load_settings(path, env={"TWILIO_AUTH_TOKEN": ""})


def test_demo_refuses_a_clinic_database_before_creating_any_login(tmp_path: Path) -> None:
    path = write_config(tmp_path, clinic={"allow_test_numbers": False})
    run(path, "db", "upgrade")
    result = run(path, "demo", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinic.allow_test_numbers = true" in result.stderr
    with sqlite3.connect(tmp_path / "var" / "aftercare.db") as db:
        assert db.execute("select count(*) from app_user").fetchone() == (0,)


def test_reply_refuses_a_sender_that_is_no_phone_number(config: Path) -> None:
    for bad in ("", "12"):
        result = run(config, "reply", "--from", bad, "hello", check=False)
        assert result.returncode == 1 and result.stderr.startswith("--from: ")


def test_a_practitioners_alert_phone_can_be_changed_and_must_be_a_phone(config: Path) -> None:
    changed = run(config, "user", "set-phone", "drlin", "--phone", "(202) 555-0143")
    assert changed.stdout.strip() == "alerts for drlin go to +12025550143"
    bad = run(config, "user", "set-phone", "drlin", "--phone", "12", check=False)
    assert bad.returncode == 1 and bad.stderr.startswith("phone: ")
    with sqlite3.connect(config.parent / "var" / "aftercare.db") as db:
        assert db.execute("select phone from app_user").fetchone() == ("+12025550143",)


def test_csv_import_refuses_a_row_with_too_many_fields_and_a_file_not_in_utf8(
    config: Path,
) -> None:
    csv_file = config.parent / "sessions.csv"
    csv_file.write_text(
        "patient_name,phone,sms_consent,practitioner,ended_at,treated_area\n"
        f"Smith, John,+15551234567,yes,drlin,{recent(2)},back\n"
        f'"Roe, Jane",+15551234568,yes,drlin,{recent(2)},back\n'
    )
    result = run(config, "import", str(csv_file), check=False)
    assert f"{csv_file}:2: 7 fields for 6 columns" in result.stderr
    assert "registered 1 session(s); 1 row(s) rejected" in result.stdout
    csv_file.write_bytes("patient_name\nJos\xe9\n".encode("cp1252"))
    result = run(config, "import", str(csv_file), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{csv_file}:2: not UTF-8 text; save the file as 'CSV UTF-8' and import it again"
    )


def test_token_create_prints_a_token(config: Path) -> None:
    token = run(config, "token", "create", "--name", "frontdesk").stdout.strip()
    assert token.startswith("act_") and len(token) > 30


def test_token_create_with_an_empty_name_says_so_without_a_traceback(config: Path) -> None:
    result = run(config, "token", "create", "--name", " ", check=False)
    assert (result.returncode, result.stderr.strip()) == (1, "name: required")


def test_user_add_refuses_a_bad_phone(config: Path) -> None:
    result = run(
        config,
        "user",
        "add",
        "drx",
        "--role",
        "practitioner",
        "--phone",
        "12",
        "--password-stdin",
        stdin="correct-horse\n",
        check=False,
    )
    assert result.returncode == 1 and "phone" in result.stderr


def test_triage_prints_the_assessment_as_json(config: Path) -> None:
    out = run(config, "triage", "--checkin", "48h", "I have a fever of 101").stdout
    body = json.loads(out)
    assert body["label"] == "emergency"
    assert {"label", "phrase", "rule"} <= set(body["findings"][0])


def recent(hours_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours_ago)).isoformat()


def test_register_reports_each_bad_field(config: Path) -> None:
    result = run(
        config,
        "register",
        "--name",
        "Ada",
        "--phone",
        "12",
        "--practitioner",
        "nobody",
        "--ended-at",
        recent(1),
        "--consent",
        check=False,
    )
    assert result.returncode == 1
    assert "patient.phone" in result.stderr and "practitioner" in result.stderr
    ok = run(
        config,
        "register",
        "--name",
        "Ada",
        "--phone",
        "+15551234567",
        "--practitioner",
        "drlin",
        "--ended-at",
        recent(1),
        "--consent",
    )
    assert "registered session" in ok.stdout


def test_a_clock_offset_runs_the_process_ahead_of_the_wall_clock(config: Path) -> None:
    tomorrow = (datetime.now(UTC) + timedelta(hours=29)).isoformat()
    args = ("register", "--name", "Ada", "--phone", "+15551234567", "--practitioner", "drlin",
            "--ended-at", tomorrow, "--consent")
    today = run(config, *args, check=False)
    assert today.returncode == 1 and "ended_at: lies in the future" in today.stderr
    ahead = run(config, *args, env={"AFTERCARE_CLOCK_OFFSET": "30h"})
    assert "registered session" in ahead.stdout


def test_csv_import_reports_bad_rows_by_line_and_stores_none_of_them(config: Path) -> None:
    csv_file = config.parent / "sessions.csv"
    csv_file.write_text(
        "patient_name,phone,sms_consent,practitioner,ended_at,treated_area\n"
        f"Ada Quinn,+15551234567,yes,drlin,{recent(2)},back\n"
        f"Bob Stone,not-a-phone,yes,drlin,{recent(2)},neck\n"
        f"Cy Young,+15551234568,no,drlin,{recent(2)},knee\n"
        f"Di Prince,+15551234569,yes,drlin,{recent(3)},hip\n"
    )
    result = run(config, "import", str(csv_file), check=False)
    assert result.returncode == 1
    assert ":3:" in result.stderr and "patient.phone" in result.stderr
    assert ":4:" in result.stderr and "sms_consent" in result.stderr
    assert "registered 2 session(s)" in result.stdout
    db = sqlite3.connect(config.parent / "var" / "aftercare.db")
    names = {row[0] for row in db.execute("SELECT name FROM patient")}
    assert names == {"Ada Quinn", "Di Prince"}
