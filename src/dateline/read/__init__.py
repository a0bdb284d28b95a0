"""Reading: files, folders and stdin to `Article`s (raw text + metadata) or `Failure`s."""

from dateline.read.reader import read_file, read_paths

__all__ = ["read_file", "read_paths"]
