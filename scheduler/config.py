"""Settings: `config.toml` plus environment overrides for secrets, validated once at start.

`load_settings()` is called by `create_app`, the CLI and the worker; the result is passed
down. Nothing reads configuration at import time. A bad value raises `ConfigError` naming
the key, e.g. `checkins.send_window: expected HH:MM-HH:MM, got '8-20'`.
"""

from __future__ import annotations

import logging
import os
import secrets
import tomllib
from datetime import time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scheduler.durations import parse_duration
from scheduler.sessions.phones import to_e164

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config.toml"

# Environment variables that override config keys: secrets never need to live in a file.
ENV_OVERRIDES = {
    "TWILIO_AUTH_TOKEN": ("twilio", "auth_token"),
    "TWILIO_ACCOUNT_SID": ("twilio", "account_sid"),
    "AFTERCARE_SECRET_KEY": ("web", "secret_key"),
    "AFTERCARE_DATABASE_URL": ("database", "url"),
    "AFTERCARE_CLOCK_OFFSET": ("clock", "offset"),
}


# The development values config.toml ships with: public, so never good enough for Twilio.
SHIPPED_SECRETS = {"dev-auth-token-change-me", "dev-secret-key-change-me"}


class ConfigError(Exception):
    """The configuration cannot be used; the message names the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _e164(value: str) -> str:
    if not value:
        return value
    return to_e164(value, region="US")


class DatabaseSettings(_Section):
    url: str = "sqlite:///var/aftercare.db"


class SmsSettings(_Section):
    backend: Literal["console", "twilio"] = "console"
    from_number: str = ""
    messaging_service_sid: str = ""
    console_outbox: Path = Path("var/outbox.jsonl")
    max_per_second: float = Field(default=1.0, ge=0)  # 0: no pacing on our side
    max_attempts: int = Field(default=5, ge=1)
    retry_base_seconds: float = Field(default=30.0, gt=0)

    _phone = field_validator("from_number")(_e164)


class TwilioSettings(_Section):
    account_sid: str = ""
    auth_token: str = ""
    api_base_url: str = ""


class WebSettings(_Section):
    public_base_url: str = "http://127.0.0.1:8000"
    secret_key: str = ""
    trust_proxy: bool = False
    # The web process sends the texts its webhooks queue (answer, alert) itself. False:
    # `aftercare worker` processes send them, woken at once on PostgreSQL (LISTEN/NOTIFY).
    sends_replies: bool = True

    @field_validator("public_base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
        return value.rstrip("/")


class DispatchSettings(_Section):
    interval_seconds: float = Field(default=5.0, gt=0)
    batch_size: int = Field(default=100, ge=1)
    lease_seconds: float = Field(default=60.0, gt=0)


class CheckinSettings(_Section):
    offsets: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=48))
    send_window: tuple[time, time] = (time(8), time(20))
    reply_window: timedelta = timedelta(days=7)
    expire_after: timedelta = timedelta(hours=16)

    @field_validator("offsets", mode="before")
    @classmethod
    def _offsets(cls, value: Any) -> tuple[timedelta, ...]:
        if not isinstance(value, list | tuple) or not value:
            raise ValueError('expected a non-empty list like ["24h", "48h"]')
        offsets = tuple(sorted(parse_duration(v) for v in value))
        if len(set(offsets)) != len(offsets):
            raise ValueError("offsets must be distinct")
        return offsets

    @field_validator("reply_window", "expire_after", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> timedelta:
        return parse_duration(value)

    @field_validator("send_window", mode="before")
    @classmethod
    def _window(cls, value: Any) -> tuple[time, time]:
        return parse_window(value)


class ClinicSettings(_Section):
    name: str = "Aftercare Clinic"
    phone: str = ""
    timezone: str = "America/New_York"
    default_region: str = "US"
    on_call_phone: str = ""
    # Accept +1 555 numbers (reserved for fiction): demos and tests use them. Set false in
    # production so a typo'd 555 number is refused at registration.
    allow_test_numbers: bool = True

    _phones = field_validator("phone", "on_call_phone")(_e164)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("default_region")
    @classmethod
    def _region(cls, value: str) -> str:
        if value.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"unknown region code {value!r}")
        return value.upper()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class TriageSettings(_Section):
    pain_emergency_min: int = Field(default=9, ge=1, le=10)
    pain_complication_min: int = Field(default=7, ge=1, le=10)


class AlertSettings(_Section):
    escalate_after_minutes: int = Field(default=15, ge=1)


class ClockSettings(_Section):
    """A process may run ahead of the wall clock, to see tomorrow's check-ins go today
    (demos, staging, black-box checks). Console backend only: see check_consistency."""

    offset: timedelta = timedelta(0)

    @field_validator("offset", mode="before")
    @classmethod
    def _offset(cls, value: Any) -> timedelta:
        return timedelta(0) if value in ("", "0", 0) else parse_duration(value)


class Settings(_Section):
    """Everything Aftercare reads from configuration. Build directly in tests."""

    database: DatabaseSettings = DatabaseSettings()
    sms: SmsSettings = SmsSettings()
    twilio: TwilioSettings = TwilioSettings()
    web: WebSettings = WebSettings()
    dispatch: DispatchSettings = DispatchSettings()
    checkins: CheckinSettings = CheckinSettings()
    clinic: ClinicSettings = ClinicSettings()
    triage: TriageSettings = TriageSettings()
    alerts: AlertSettings = AlertSettings()
    clock: ClockSettings = ClockSettings()
    # The directory relative paths (SQLite file, outbox) are resolved against.
    base_dir: Path = PROJECT_ROOT


def parse_window(value: Any) -> tuple[time, time]:
    """'08:00-20:00' -> (08:00, 20:00); '00:00-24:00' is the whole day."""
    try:
        start_s, end_s = str(value).split("-")
        start = time.fromisoformat(start_s.strip())
        end = time.max if end_s.strip() == "24:00" else time.fromisoformat(end_s.strip())
    except ValueError as exc:
        raise ValueError(f"expected HH:MM-HH:MM, got {value!r}") from exc
    if end <= start:
        raise ValueError(f"the window must end after it starts, got {value!r}")
    return start, end


def config_path() -> Path:
    """AFTERCARE_CONFIG if set; else ./config.toml if present; else the project's own."""
    chosen = os.environ.get("AFTERCARE_CONFIG")
    if chosen:
        return Path(chosen).expanduser().resolve()
    here = Path.cwd() / "config.toml"
    return here.resolve() if here.exists() else DEFAULT_CONFIG


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read, override from the environment, validate. Raises ConfigError naming the key."""
    path = path or config_path()
    env = dict(os.environ) if env is None else env
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    for var, (section, key) in ENV_OVERRIDES.items():
        if var in env:  # set, even to "": TWILIO_AUTH_TOKEN="" means no token, not the file's
            raw.setdefault(section, {})[key] = env[var]
    raw["base_dir"] = path.parent
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(describe_errors(exc, path)) from exc
    check_consistency(settings)
    return with_local_defaults(settings)


def with_local_defaults(settings: Settings) -> Settings:
    """The embedded default may run without secrets: a session key made up for this
    process (logins last until it restarts) and, without an auth token, every webhook
    refused. Production (the twilio backend) must set both."""
    if settings.web.secret_key:
        if not settings.twilio.auth_token:
            log.warning("twilio.auth_token is not set: every webhook will be refused (403)")
        return settings
    log.warning("web.secret_key is not set: using a random key for this process only")
    web = settings.web.model_copy(update={"secret_key": secrets.token_urlsafe(32)})
    return with_local_defaults(settings.model_copy(update={"web": web}))


def describe_errors(exc: ValidationError, path: Path) -> str:
    lines = [f"{path}: invalid configuration"]
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        lines.append(f"  {key}: {msg}")
    return "\n".join(lines)


def check_consistency(settings: Settings) -> None:
    """Rules that span keys; each message still names the key to fix."""
    problems: list[str] = []
    if settings.sms.backend == "twilio":
        if not settings.web.secret_key:
            problems.append(
                "web.secret_key: required with sms.backend = 'twilio' (or set AFTERCARE_SECRET_KEY)"
            )
        if not settings.twilio.auth_token:
            problems.append(
                "twilio.auth_token: required to check webhook signatures (or set TWILIO_AUTH_TOKEN)"
            )
        for key, value in (
            ("web.secret_key", settings.web.secret_key),
            ("twilio.auth_token", settings.twilio.auth_token),
        ):
            if value in SHIPPED_SECRETS:
                problems.append(
                    f"{key}: still the development value shipped in config.toml; anyone could "
                    "forge a staff login or a webhook with it (set it, or its environment variable)"
                )
        if not settings.twilio.account_sid.startswith("AC"):
            problems.append("twilio.account_sid: required with sms.backend = 'twilio'")
        if not (settings.sms.from_number or settings.sms.messaging_service_sid):
            problems.append(
                "sms.from_number: required with sms.backend = 'twilio' "
                "(or sms.messaging_service_sid)"
            )
    if settings.clock.offset and settings.sms.backend != "console":
        problems.append(
            "clock.offset: only with sms.backend = 'console' (a clock that runs ahead "
            "would text real patients at the wrong time)"
        )
    if settings.triage.pain_complication_min > settings.triage.pain_emergency_min:
        problems.append("triage.pain_complication_min: must not exceed pain_emergency_min")
    if problems:
        raise ConfigError("invalid configuration\n  " + "\n  ".join(problems))


def resolve_path(settings: Settings, path: Path) -> Path:
    """A relative path in the config is relative to the config file's directory."""
    return path if path.is_absolute() else settings.base_dir / path


def resolve_database_url(settings: Settings) -> str:
    """Make a relative SQLite path absolute, so commands work from any directory."""
    url = settings.database.url
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        return prefix + str(resolve_path(settings, Path(url[len(prefix) :])))
    return url
