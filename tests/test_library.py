"""The front door: `dateline.timeline`, `dateline.Store`, `dateline.tag`, and the docs that show
them, run as written."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

import dateline
from dateline import Article, InputError, StoreError
from dateline.model import Timeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))
REPORT = (
    "LINDMARK, March 3, 2006 - Rescue teams reached the last cut-off villages on Friday, "
    "four days after the earthquake, officials said. Roads to the valley were cleared of "
    "rubble overnight and the first lorries of food and tents arrived at dawn."
)
OTHER = (
    "The harbour board approved the new crane contract on June 9, 2007, after a two-year "
    "dispute with the dock workers' union over safety checks."
)


def _wire(outlet: str) -> Article:
    return Article.from_raw(f"{outlet}.txt", f"{outlet}\n\n{REPORT}", outlet=outlet)


@pytest.fixture(scope="module")
def sample_timeline() -> Timeline:
    return dateline.timeline(SAMPLE)


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


def _run_in(folder: Path, blocks: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    shutil.copytree(SAMPLE, folder / "articles")
    monkeypatch.chdir(folder)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "example", "exec"), namespace)
    return namespace


def test_the_readme_example_builds_a_timeline_from_a_folder(tmp_path, monkeypatch, capsys):
    (block,) = _python_blocks(ROOT / "README.md")
    assert len(block.strip().splitlines()) == 3
    namespace = _run_in(tmp_path, [block], monkeypatch)
    timeline = namespace["timeline"]
    assert isinstance(timeline, Timeline) and len(timeline.entries) > 10
    assert capsys.readouterr().out.startswith("# Timeline")


def test_every_example_of_the_python_api_page_runs(tmp_path, monkeypatch, capsys):
    blocks = _python_blocks(ROOT / "docs" / "python-api.md")
    assert len(blocks) >= 5
    namespace = _run_in(tmp_path, blocks, monkeypatch)
    printed = capsys.readouterr().out
    assert "1 ('Harbour Times', 'Northern Ledger')" in printed
    assert (
        (tmp_path / "timeline.html")
        .read_text(encoding="utf-8")
        .lower()
        .startswith("<!doctype html>")
    )
    assert (tmp_path / "news.db").exists()
    quake = namespace["quake"]
    assert isinstance(quake, Timeline) and quake.entries
    assert "Friday DATE 2004-01-23" in printed


def test_the_one_shot_path_marks_wire_copies_before_selecting():
    copies = [_wire("Northern Ledger"), _wire("Harbour Times")]
    wire = dateline.timeline(copies)
    (original,) = wire.documents
    assert set(original.outlets) == {"Northern Ledger", "Harbour Times"}
    assert dateline.timeline(copies[::-1]).documents == wire.documents
    (entry,) = [e for e in wire.entries if e.date == "2006-03-03"]
    assert {c.document for c in entry.sources} == {original.id}


def test_paths_and_articles_mix(tmp_path):
    (tmp_path / "crane.txt").write_text(OTHER, encoding="utf-8")
    mixed = dateline.timeline([tmp_path / "crane.txt", _wire("Northern Ledger")])
    assert {e.date for e in mixed.entries} >= {"2006-03-03", "2007-06-09"}


def test_already_processed_articles_are_not_processed_again(sample_timeline):
    again = dateline.timeline(list(sample_timeline.documents))
    assert again.entries == sample_timeline.entries


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(InputError, match="saved-articels: no such file or folder"):
        dateline.timeline(tmp_path / "saved-articels")


@pytest.mark.parametrize("bad", ["2004-13", "yesterday", "04-03-2004", "２００４"])
def test_a_bad_date_says_which_dates_are_accepted(bad):
    with pytest.raises(ValueError, match="use YYYY, YYYY-MM or YYYY-MM-DD"):
        dateline.timeline([], date_from=bad)


def test_date_window_and_counts_are_the_cli_options(sample_timeline):
    processed = list(sample_timeline.documents)
    narrow = dateline.timeline(processed, date_from="2004-01", date_to="2004-06", dates=3)
    assert narrow.entries
    assert all("2004-01" <= e.date[:7] <= "2004-06" for e in narrow.entries)
    assert len({e.date for e in narrow.entries}) <= 3


def test_every_format_renders(sample_timeline):
    assert json.loads(sample_timeline.to_json())["version"] == 1
    assert sample_timeline.to_markdown().startswith("# Timeline")
    assert sample_timeline.to_html().lower().startswith("<!doctype html>")
    assert "date" in sample_timeline.to_csv().splitlines()[0].split(",")
    assert "events" in json.loads(sample_timeline.to_timelinejs())
    assert sample_timeline.to_text() == sample_timeline.render("text")
    assert sample_timeline.to_svg().lstrip().startswith("<?xml")
    assert sample_timeline.to_png().startswith(b"\x89PNG")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("library") / "news.db"
    with dateline.Store(path) as store:
        result = store.add(SAMPLE)
    assert result.added.added == 29 and not result.failures
    return path


def test_the_store_gives_the_one_shot_entries(sample_store, sample_timeline):
    with dateline.Store(sample_store) as store:
        assert store.timeline().entries == sample_timeline.entries
        again = store.add(SAMPLE)
        assert again.added.added == 0
        assert len(store.documents()) == 30


def test_pages_of_documents_are_counted_after_the_users_deletions(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLE, folder)
    with dateline.Store(tmp_path / "pages.db") as store:
        store.add(folder)
        every = [a.id for a in store.documents()]
        store.curate(dateline.Curation("delete", every[1]))
        store.curate(dateline.Curation("delete", every[4]))
        kept = [i for i in every if i not in {every[1], every[4]}]
        pages = [[a.id for a in store.documents(limit=3, offset=n)] for n in range(0, 30, 3)]
        assert [i for page in pages for i in page] == kept
        assert all(len(page) == 3 for page in pages[: len(kept) // 3])
        assert [a.id for a in store.documents(offset=25)] == kept[25:]


def test_a_store_honours_the_configured_path(tmp_path):
    settings = dateline.Settings().with_overrides("store", path=tmp_path / "configured.db")
    with dateline.Store(settings=settings) as store:
        store.add(_wire("Northern Ledger"))
    assert (tmp_path / "configured.db").exists()


def test_reading_a_missing_store_never_creates_it(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        dateline.Store(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_store_stories_number_the_story_option(sample_store):
    with dateline.Store(sample_store) as store:
        stories = store.stories()
        assert [s.id for s in stories] == list(range(1, len(stories) + 1))
        second = store.timeline(story=2)
        members = set(stories[1].article_ids)
        assert second.entries
        assert all(c.document in members for e in second.entries for c in e.sources)


def test_tag_takes_a_date_or_an_iso_string():
    (mention,) = dateline.tag("The ferry sank on Friday.", "2004-01-26")
    assert (mention.text, mention.value) == ("Friday", "2004-01-23")
    (unanchored,) = dateline.tag("The ferry sank on Friday.")
    assert unanchored.value.startswith("XXXX")


def test_the_package_is_typed():
    assert (Path(dateline.__file__).parent / "py.typed").exists()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"py.typed"' in pyproject
