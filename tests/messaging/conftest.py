from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.messaging.prism import PRISM, SPEC, start_prism


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of one Prism mocking Twilio's Messages API, shared by the whole run."""
    if not PRISM.exists():
        pytest.skip(f"Prism not installed at {PRISM} (`npm ci` at the repo root; .ci/run does)")
    if not SPEC.exists():
        pytest.skip(f"Twilio's API description not found at {SPEC} (shared/ beside the repo)")
    yield from start_prism(tmp_path_factory.mktemp("prism") / "prism.log")
