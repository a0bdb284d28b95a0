import inspect

import dateline.read
from dateline.settings import ReadSettings


def test_public_names_are_pinned() -> None:
    assert sorted(dateline.read.__all__) == ["read_file", "read_paths"]


def test_read_paths_signature() -> None:
    parameters = inspect.signature(dateline.read.read_paths).parameters
    assert list(parameters) == ["paths", "settings", "stdin"]
    assert parameters["settings"].default == ReadSettings()
    assert parameters["stdin"].default is None


def test_read_paths_is_lazy(tmp_path) -> None:
    results = dateline.read.read_paths([tmp_path / "missing.txt"])
    assert inspect.isgenerator(results)
