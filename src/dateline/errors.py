"""dateline's exceptions: one hierarchy, so callers can catch exactly what they mean.

    DatelineError                 anything dateline raises on purpose
    ├── InputError                a file or record cannot be read (names the file and why)
    ├── StoreError                the store cannot be opened, migrated or written
    ├── SettingsError             a config file or option value is invalid
    └── EvaluationError           an evaluation data set is missing or malformed

Every message is one line naming the file (or setting) and the problem; the CLI prints it as is.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class InputError(DatelineError):
    """A file or record that cannot be read."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(DatelineError):
    """The store cannot be opened, migrated or written."""


class SettingsError(DatelineError):
    """A config file or option value is invalid."""


class EvaluationError(DatelineError):
    """An evaluation data set is missing or malformed."""
