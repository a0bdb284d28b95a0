"""Turn one matched pattern into a TIMEX3 type, value, granularity and modifier.

Each grammar pattern resolves through the function of the same name in one of the resolver
modules; without an anchor, values keep X placeholders (``XXXX-WXX-5``, ``XXXX-10``) so the
mention itself stays reliable.
"""

from __future__ import annotations

from dateline.timex import clock, dates, durations, relative
from dateline.timex.context import Context, Handler, Resolution
from dateline.timex.grammar import PATTERNS

__all__ = ["HANDLERS", "Context", "Resolution"]


def _handler(name: str) -> Handler:
    for module in (dates, relative, durations, clock):
        if hasattr(module, name):
            return getattr(module, name)  # type: ignore[no-any-return]
    raise LookupError(f"no resolver for grammar pattern {name!r}")


HANDLERS: dict[str, Handler] = {
    name: _handler(name) for name, _ in PATTERNS if not name.startswith("block")
}
