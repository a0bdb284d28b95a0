"""Build dateline's world-knowledge table (`src/dateline/data/world.tsv.gz`) from snapshots.

Run by hand, never at dateline run time:

    python tools/build_world.py MIRRORS [--out src/dateline/data/world.tsv.gz]

MIRRORS is a folder holding bare git copies of the source repositories, one per folder named
`owner+name/repo` (the layout the project's snapshot fetcher leaves). Every row of the table
says which Wikidata item it states (`qid`), which file of which repository at which commit it
was read from (`source`), under which licence (`licence`) and how recent that copy is
(`as_of`), so a row can be checked against its source and the table rebuilt from newer copies.

Sources (all Wikidata, CC0 1.0, or public domain):

- `every-politician-scrapers/<country>` repositories: `html/holders21.csv`, the holders of a
  country's offices since 2000 as Wikidata lists them, with day-precision terms;
  `meta.json` names the country.
- `every-politician-scrapers/world`: the same file for international offices (the UN
  Secretary-General).
- `every-politician-scrapers/world-leaders-2021`: `data/wikidata.csv` in every committed
  version, the heads of state and government of every country (terms to the year), for the
  countries without a cabinet repository above (Germany among them).
- `unitedstates/congress-legislators`: `executive.yaml`, every US president and vice
  president with exact terms, dedicated to the public domain (CC0).
- `DinisSousa2003/Historical-Events-Search-Engine`: `retrieved_queries/historicEvents.json`,
  a Wikidata query's result (items that are historical events, with their point in time);
  events since 1990 are kept.

The office a row names is kept as Wikidata labels it; `kind` sorts it into the offices the
date stage reads titles for (head of state, head of government, vice president, defence,
foreign affairs, finance, central bank, UN). Offices of other kinds are left out.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path

import yaml

WIKIDATA_LICENCE = "CC0-1.0 (Wikidata)"
PUBLIC_DOMAIN = "CC0-1.0"
# The earliest year the table covers: the issue asks for office holders from 1990 on.
FIRST_YEAR = 1990
COLUMNS = ("id", "type", "name", "aliases", "qid", "office", "kind", "country", "start", "end",
           "as_of", "source", "licence")  # fmt: skip

# Office labels (as Wikidata words them, country left out) sorted into kinds. A label any
# of `_NOT_THE_OFFICE` matches is a deputy, junior or regional post, never the office itself.
_HEAD_OF_STATE = frozenset(
    {"president", "federal president", "monarch", "king", "queen", "emperor", "emir", "sultan"}
)
_VICE_PRESIDENT = re.compile(r"vice[- ]president(?: of the united states)?")
_NOT_THE_OFFICE = re.compile(
    r"\b(?:vice|deputy|assistant|associate|under|acting|shadow|special|principal|chief of"
    r"|head of|spokes|advis|envoy|representative|ambassador|governor of (?!the|bank)"
    r"|minister of state|parliamentary|lieutenant|regional|provinc|state council(?:or|lor)"
    r"|materiel|science|personnel|equipment|space|lord of the treasury|first lord"
    r"|commercial|economic secretary|exchequer secretary|financial secretary"
    r"|permanent secretary|chief secretary|treasury board|state treasury|of the senate"
    r"|chamber|assembly|congress|court|council of europe|province|region|prefecture"
    r"|oblast|krai|okrug|district|city|county|territor|security council|national security)"
)
_KINDS = (
    (
        "head_of_government",
        re.compile(
            r"prime minister|chancellor of germany|federal chancellor|^premier of the state"
            r"|taoiseach|president of the government|chairman of the council of ministers"
        ),
    ),
    (
        "central_bank",
        re.compile(
            r"^(?:governor|president|chair(?:man)?)\b.*\b(?:bank|banque|banca|federal reserve)"
        ),
    ),
    (
        "defence",
        re.compile(r"^(?:federal )?(?:minister|secretary)\b.*\b(?:defen[cs]e|armed forces)\b"),
    ),
    (
        "foreign",
        re.compile(
            r"^(?:federal )?(?:minister|secretary)\b.*\b(?:foreign affairs|external affairs"
            r"|external relations|international relations|foreign and commonwealth)"
            r"|^secretary of state$"
        ),
    ),
    (
        "finance",
        re.compile(
            r"^(?:federal )?(?:minister|secretary)\b.*\b(?:financ|treasury)"
            r"|^minister of (?:the )?economy$|^chancellor of the exchequer$|^treasurer$"
        ),
    ),
    ("un", re.compile(r"^secretary-general of the united nations$")),
)
# Event labels of one word ("Brexit" aside, mostly a bare place or a name) are left out.
_EVENT_MIN_WORDS = 2


@dataclass(frozen=True)
class Row:
    id: str
    type: str
    name: str
    aliases: str  # other names the holder goes by, "|" between them
    qid: str
    office: str
    kind: str
    country: str
    start: str
    end: str
    as_of: str
    source: str
    licence: str


class Mirror:
    """A bare git copy of one repository, read without a work tree."""

    def __init__(self, root: Path, repo: str) -> None:
        self.repo = repo
        self.git = root / repo.replace("/", "+", 1) / "repo"
        if not self.git.is_dir():
            raise SystemExit(f"{self.git}: no copy of {repo} (fetch it first)")

    def _run(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.git), *args], capture_output=True,
                              text=True, check=False)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"{self.repo}: git {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def head(self) -> str:
        return self._run("rev-parse", "--short=10", "HEAD").strip()

    def has(self, path: str, rev: str = "HEAD") -> bool:
        done = subprocess.run(["git", "-C", str(self.git), "cat-file", "-e", f"{rev}:{path}"],
                              capture_output=True, check=False)  # fmt: skip
        return done.returncode == 0

    def read(self, path: str, rev: str = "HEAD") -> str:
        return self._run("show", f"{rev}:{path}")

    def changed(self, path: str) -> str:
        """The day `path` last changed: how recent the copy's knowledge is."""
        return self._run("log", "-1", "--format=%ad", "--date=short", "--", path).strip()

    def newest(self, path: str) -> tuple[str, str]:
        """The newest commit on any branch that has `path`, and its day."""
        found = self._run("log", "--all", "-1", "--format=%h %ad", "--date=short", "--", path)
        rev, day = found.split()
        return rev, day

    def versions(self, path: str) -> list[str]:
        return self._run("log", "--format=%h", "--", path).split()

    def source(self, path: str, rev: str | None = None) -> str:
        return f"{self.repo}@{rev or self.head()}:{path}"


def office_kind(label: str) -> str | None:
    """The kind of office `label` names, or None for one the table leaves out."""
    low = label.lower()
    if low in _HEAD_OF_STATE:
        return "head_of_state"
    if _VICE_PRESIDENT.fullmatch(low):
        return "vice_president"
    if _NOT_THE_OFFICE.search(low):
        return None
    return next((kind for kind, pattern in _KINDS if pattern.search(low)), None)


def _day(value: str) -> str:
    """A Wikidata-style time cut to what it states: `YYYY-MM-DD` or `YYYY`."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return value[:10]
    if re.fullmatch(r"\d{4}", value):
        return value
    return ""


def _in_range(end: str) -> bool:
    """A term still running, or ended from FIRST_YEAR on."""
    return not end or int(end[:4]) >= FIRST_YEAR


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def cabinet_rows(mirror: Mirror) -> Iterator[Row]:
    """Office holders of one country (or of the world repository) since 2000."""
    path = "html/holders21.csv"
    rev = mirror.head()
    country = ""
    if mirror.has("meta.json"):
        jurisdiction = json.loads(mirror.read("meta.json")).get("jurisdiction", {})
        country = re.sub(r"^the ", "", jurisdiction.get("name", ""))
    as_of = mirror.changed(path)
    for record in csv.DictReader(io.StringIO(mirror.read(path))):
        label = " ".join(record["position"].split())
        kind = office_kind(label)
        qid = record.get("personID", "").strip()
        start, end = _day(record.get("start", "")), _day(record.get("end", ""))
        if kind is None or not qid.startswith("Q") or not start or not _in_range(end):
            continue
        yield Row(f"{qid}/{_slug(country or 'world')}/{_slug(label)}/{start}", "office",
                  record["person"].strip(), "", qid, label, kind, country, start, end, as_of,
                  mirror.source(path, rev), WIKIDATA_LICENCE)  # fmt: skip


def leader_rows(mirror: Mirror, skip_countries: set[str]) -> Iterator[Row]:
    """Heads of state and government of every country, from each committed version."""
    path = "data/wikidata.csv"
    seen: set[tuple[str, str, str]] = set()
    for rev in mirror.versions(path):
        for record in csv.DictReader(io.StringIO(mirror.read(path, rev))):
            if "positionLabel" not in record:  # the first version named its columns otherwise
                continue
            country = record["country"].strip()
            label = record["positionLabel"].strip()
            # Every office on this list is a head of state or of government.
            kind = office_kind(label) or "head_of_state"
            qid, name = record["officeholder"].strip(), record["officeholderLabel"].strip()
            start, end = _day(record["start_year"]), _day(record["end_year"])
            key = (qid, record["position"], start)
            if (country in skip_countries or kind not in ("head_of_state", "head_of_government")
                    or name.startswith("Q") or not start or key in seen
                    or not _in_range(end)):  # fmt: skip
                continue
            seen.add(key)
            yield Row(f"{qid}/{record['position']}/{start}", "office", name, "", qid, label, kind,
                      country, start, end, mirror.changed(path), mirror.source(path, rev),
                      WIKIDATA_LICENCE)  # fmt: skip


def us_executive_rows(mirror: Mirror, qids: dict[str, str]) -> Iterator[Row]:
    """US presidents and vice presidents, every term since 1989; `qids` gives the Wikidata
    item of those the file names by other identifiers only."""
    path = "executive.yaml"
    rev = mirror.head()
    as_of = mirror.changed(path)
    offices = {
        "prez": ("President of the United States", "head_of_state"),
        "viceprez": ("Vice President of the United States", "vice_president"),
    }
    for person in yaml.safe_load(mirror.read(path)):
        name, aliases = _us_names(person["name"])
        ident = (person["id"].get("wikidata") or qids.get(name)
                 or f"govtrack:{person['id'].get('govtrack', '')}")  # fmt: skip
        for term in person["terms"]:
            office, kind = offices[term["type"]]
            start, end = str(term["start"]), str(term["end"])
            if int(end[:4]) < FIRST_YEAR:
                continue
            if end > as_of:
                end = ""  # a term still running when the copy was made: its end is not known
            yield Row(f"{ident}/us/{_slug(office)}/{start}", "office", name, aliases, ident, office,
                      kind, "United States of America", start, end, as_of,
                      mirror.source(path, rev), PUBLIC_DOMAIN)  # fmt: skip


def _us_names(parts: dict[str, str]) -> tuple[str, str]:
    """The name a US president goes by ("Bill Clinton") and the others news writes ("William
    J. Clinton", "George W. Bush")."""
    first, last = parts.get("nickname") or parts["first"], parts["last"]
    initials = " ".join(f"{word[0]}." for word in parts.get("middle", "").split())
    forms = {f"{parts['first']} {last}", f"{first} {initials} {last}",
             f"{parts['first']} {initials} {last}", parts.get("official_full", "")}  # fmt: skip
    name = f"{first} {last}"
    return name, "|".join(sorted(" ".join(f.split()) for f in forms if f and f != name))


def event_rows(mirror: Mirror) -> Iterator[Row]:
    """Dated historical events since 1990 from a Wikidata query's saved result."""
    path = "retrieved_queries/historicEvents.json"
    rev, as_of = mirror.newest(path)
    records = json.loads(mirror.read(path, rev))
    # A name an event before 1990 also bears ("Battle of Kyiv") would date its mentions to
    # the newer one: such names are left out.
    older = {_bare(r["label"]) for r in records if _day(r.get("date", ""))[:4] < str(FIRST_YEAR)}
    seen = set()
    for record in records:
        qid = record["event"].rsplit("/", 1)[-1]
        label = " ".join(record["label"].split())
        day = _day(record.get("date", ""))
        if (not day or int(day[:4]) < FIRST_YEAR or qid in seen or label.startswith("Q")
                or len(label.split()) < _EVENT_MIN_WORDS or _bare(label) in older):  # fmt: skip
            continue
        seen.add(qid)
        yield Row(f"{qid}/event", "event", label, "", qid, "", "event", "", day, "", as_of,
                  mirror.source(path, rev), WIKIDATA_LICENCE)  # fmt: skip


def _bare(label: str) -> str:
    """An event's name without a note in brackets, in lower case."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(label.split())).lower()


CABINETS = (
    "argentina-ministers", "australia-cabinet", "brazil-ministers", "canada-cabinet",
    "china-ministers", "egypt-ministers", "france-cabinet", "india-ministers",
    "indonesia-ministers", "iran-ministers", "iraq-ministers", "israel-ministers",
    "italy-ministers", "japan-ministers", "libya", "mexico-ministers", "pakistan-ministers",
    "russia-cabinet", "saudi-ministers", "south-africa-cabinet", "south-korea-ministers",
    "syria", "turkey-ministers", "ukraine-cabinet", "united-kingdom-cabinet", "us-cabinet",
    "world",
)  # fmt: skip


def build(root: Path) -> list[Row]:
    rows: list[Row] = []
    covered: set[str] = set()
    us_qids: dict[str, str] = {}
    for name in CABINETS:
        cabinet = list(cabinet_rows(Mirror(root, f"every-politician-scrapers/{name}")))
        covered.update(row.country for row in cabinet if row.country)
        if name == "us-cabinet":  # presidents and vice presidents come whole from the next
            executive = ("head_of_state", "vice_president")
            us_qids = {row.name: row.qid for row in cabinet if row.kind in executive}
            cabinet = [row for row in cabinet if row.kind not in executive]
        rows += cabinet
    rows += us_executive_rows(Mirror(root, "unitedstates/congress-legislators"), us_qids)
    covered |= {"United States of America", "United Kingdom"}
    rows += leader_rows(Mirror(root, "every-politician-scrapers/world-leaders-2021"), covered)
    rows += event_rows(Mirror(root, "DinisSousa2003/Historical-Events-Search-Engine"))
    unique = {row.id: row for row in rows}
    return sorted(unique.values(), key=lambda row: (row.type, row.country, row.kind, row.start))


def write(rows: list[Row], out: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        escapechar="\\")  # fmt: skip
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(field.replace("\t", " ") for field in astuple(row))
    # mtime=0: the same rows give the same bytes, so a rebuild without changes is no diff.
    out.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirrors", type=Path, help="folder of owner+name/repo git copies")
    parser.add_argument("--out", type=Path, default=Path("src/dateline/data/world.tsv.gz"))
    args = parser.parse_args(argv)
    rows = build(args.mirrors)
    write(rows, args.out)
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[row.kind] = kinds.get(row.kind, 0) + 1
    print(f"{args.out}: {len(rows)} rows, {args.out.stat().st_size} bytes; "
          + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
