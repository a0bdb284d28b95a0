"""Run order for parallel runs: files holding a test marked `long` go out first.

`make test` spreads whole files over the cores (pytest-xdist, `--dist loadfile`, in
collection order). A file of many seconds started last would leave the other cores idle
while it ends, so the long files start first and the short ones fill in around them. The
Timeline17 gates are marked too: minutes each when ../shared/data is there, skipped at once
when it is not.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    long_files = {item.path for item in items if item.get_closest_marker("long")}
    items.sort(key=lambda item: item.path not in long_files)
