from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.messaging.prism import PRISM, SPEC, start_prism


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    if not PRISM.exists():
        pytest.skip(f"Prism not installed at {PRISM} (`npm ci` installs it; .ci/run does)")
    if not SPEC.exists():
        pytest.skip(f"Twilio's API description not found at {SPEC}")
    yield from start_prism()
