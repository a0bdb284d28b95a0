from pathlib import Path

import pytest

from dateline.errors import SettingsError
from dateline.settings import Settings, load_settings


def test_defaults_without_config():
    assert load_settings(None) == Settings()


def test_config_sections_override_defaults(tmp_path):
    config = tmp_path / "s.toml"
    config.write_text('[read]\ntext_field = "body"\n[store]\npath = "x.db"\n')
    settings = load_settings(config)
    assert settings.read.text_field == "body"
    assert settings.store.path == Path("x.db")
    assert settings.read.title_field == "title"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[nope]\na = 1\n", r"unknown section \[nope\]"),
        ("[read]\ncolour = 1\n", "colour"),
        ("[read\n", "cannot read config"),
    ],
)
def test_bad_config_is_one_line_error_naming_the_file(tmp_path, content, message):
    config = tmp_path / "bad.toml"
    config.write_text(content)
    with pytest.raises(SettingsError, match=message) as info:
        load_settings(config)
    assert str(config) in str(info.value)
    assert "\n" not in str(info.value)


def test_overrides_ignore_none_and_keep_settings_frozen():
    settings = Settings()
    assert settings.with_overrides("select", dates=None) is settings
    changed = settings.with_overrides("select", dates=5)
    assert changed.select.dates == 5 and settings.select.dates is None
