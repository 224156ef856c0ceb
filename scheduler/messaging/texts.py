"""The texts Aftercare sends, rendered from templates/sms/*.j2. Pure given the templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


class SmsTexts:
    """Renders one SMS template; whitespace is collapsed so a template can wrap lines."""

    def __init__(self, templates_dir: Path = TEMPLATES_DIR) -> None:
        self.env = Environment(
            loader=FileSystemLoader(templates_dir / "sms"),
            undefined=StrictUndefined,  # a missing variable is a bug, not an empty string
            autoescape=False,  # SMS is plain text
            keep_trailing_newline=False,
        )

    def render(self, name: str, **context: Any) -> str:
        text = self.env.get_template(f"{name}.j2").render(**context)
        return " ".join(text.split())

    def render_checkin(self, kind: str, **context: Any) -> str:
        """checkin_<kind>.j2 when the clinic wrote one for that offset, else checkin.j2."""
        try:
            return self.render(f"checkin_{kind}", kind=kind, **context)
        except TemplateNotFound:
            return self.render("checkin", kind=kind, **context)


TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "rev"}


def name_parts(full_name: str) -> list[str]:
    """The name's words in speaking order, titles left out: "Smith, John" (a records
    system's export) is John Smith, "Dr. Jane Roe" is Jane Roe."""
    family, comma, given = full_name.partition(",")
    spoken = f"{given} {family}" if comma and given.strip() else full_name
    words = [w.strip(".,;:") for w in spoken.split()]
    return [w for w in words if w and w.lower() not in TITLES]


def first_name(full_name: str) -> str:
    """What a text calls the patient: "Hi Jane," (empty when the name gives nothing)."""
    parts = name_parts(full_name)
    return parts[0] if parts else ""


def initials(full_name: str) -> str:
    """'Ada Lovelace' -> 'A.L.': enough for a practitioner, little for anyone else."""
    return "".join(p[0].upper() + "." for p in name_parts(full_name) if p[:1].isalpha()) or "?"
