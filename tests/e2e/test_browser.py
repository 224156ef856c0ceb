"""The staff pages in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scheduler.context import AppContext
from tests.helpers import LiveServer, add_practitioner, session_payload

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The README screenshot: AFTERCARE_SCREENSHOT=docs/flagged-list.png pytest tests/e2e
SCREENSHOT = Path(os.environ.get("AFTERCARE_SCREENSHOT", "var/flagged-list.png")).resolve()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (.ci/run installs it)"
)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server: LiveServer, ctx: AppContext):  # type: ignore[no-untyped-def]
    add_practitioner(ctx.engine, "frontdesk", None, role="staff")
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, username: str = "frontdesk") -> None:  # type: ignore[no-untyped-def]
    page.goto("/staff/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "correct-horse")
    page.click("button:has-text('Log in')")
    page.wait_for_url("**/staff/")


def register_and_reply(server: LiveServer, token: str, phone: str, name: str, text: str) -> None:
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        payload = session_payload(phone)
        payload["patient"]["name"] = name
        assert api.post("/api/sessions", json=payload).status_code == 201
    assert server.text_in(phone, text).status_code == 200


def test_live_list_acknowledge_and_resolve(page, server: LiveServer, token: str) -> None:  # type: ignore[no-untyped-def]
    register_and_reply(
        server, token, "+15551234501", "Bea Complication", "there's a big bruise and some swelling"
    )
    log_in(page)
    assert page.locator("tr.complication").count() == 1
    # A new emergency arrives while the page is open: it shows up without a reload.
    register_and_reply(
        server,
        token,
        "+15551234502",
        "Cal Emergency",
        "<b>chest pain</b> and I can't breathe properly",
    )
    page.locator("tr.emergency").wait_for(timeout=6_000)
    assert page.locator("[role=alert]").first.inner_text().startswith("1 emergency")
    assert page.title().startswith("(1) EMERGENCY")
    rows = page.locator("table.flags tbody tr")
    assert "Cal Emergency" in rows.nth(0).inner_text()  # most severe first
    assert page.locator("tr.emergency blockquote b").count() == 0  # markup stays text
    assert "<b>chest pain</b>" in page.locator("tr.emergency blockquote").inner_text()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    page.locator("tr.emergency button:has-text('Acknowledge')").click()
    page.wait_for_load_state()
    assert "by frontdesk" in page.locator("tr.emergency").inner_text()
    page.locator("tr.emergency input[name=note]").fill("called, sent to ER")
    page.locator("tr.emergency button:has-text('Resolve')").click()
    page.wait_for_load_state()
    assert page.locator("tr.emergency").count() == 0
    assert page.locator("tr.complication").count() == 1


def test_registration_form_and_csv_upload(
    page,
    server: LiveServer,
    ctx: AppContext,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    log_in(page)
    page.click("text=Register session")
    page.fill("#patient_name", "Dee Form")
    page.fill("#phone", "12")
    page.fill("#ended_at", "2026-11-24T14:30")  # the picker: clinic time
    page.click("button:has-text('Register')")
    assert "not a" in page.locator("#err-phone").inner_text()
    assert page.locator("#phone").get_attribute("aria-invalid") == "true"
    page.fill("#phone", "+15551234599")
    page.check("input[name=sms_consent]")
    page.click("button:has-text('Register')")
    page.wait_for_url("**/staff/patients/*")
    assert "Session registered" in page.content()

    csv_file = tmp_path / "sessions.csv"
    csv_file.write_text(
        "patient_name,phone,sms_consent,practitioner,ended_at,treated_area\n"
        "Eli Csv,+15551234598,yes,drlin,2026-11-24T13:00:00-05:00,neck\n"
        "Bad Row,+15551234597,maybe,drlin,2026-11-24T13:00:00-05:00,neck\n"
    )
    page.click("text=Register session")
    page.set_input_files("#file", str(csv_file))
    page.click("button:has-text('Import')")
    status = page.locator("[role=status]").inner_text()
    assert "1 session(s) registered" in status and "line 3" in status


def test_keyboard_only_login(page, server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto("/staff/login")
    for _ in range(5):  # Tab reaches the username field within a few presses
        if page.evaluate("document.activeElement.id") == "username":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "username"
    page.keyboard.type("frontdesk")
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/")
    assert page.locator("h1").inner_text() == "Flagged patients"


def test_pages_fit_a_phone_screen(
    browser,
    server: LiveServer,
    ctx: AppContext,  # type: ignore[no-untyped-def]
    token: str,
) -> None:
    add_practitioner(ctx.engine, "frontdesk", None, role="staff")
    register_and_reply(server, token, "+15551234503", "Fay Phone", "x" * 400 + " dizzy")
    context = browser.new_context(base_url=server.url, viewport={"width": 375, "height": 700})
    page = context.new_page()
    log_in(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375
