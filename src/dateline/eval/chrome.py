"""Evaluate the chrome cleaner on an annotated folder of pages.

Format (see tests/clean/annotated/README.md): one page per `.txt` file, one line per page line;
a line starting with "~ " is chrome, "= " a header line (byline/date: must leave the body and
land in `Article.header`), "# " the headline (must leave the body); any other line is body.
Stripping the markers gives the cleaner's input. Subfolders are outlets: the repeated-line
pre-pass groups by folder, as it would for a real crawl.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.clean.lines import tidy
from dateline.errors import EvaluationError
from dateline.model import Article
from dateline.pipeline import process
from dateline.settings import CleanSettings, Settings

CHROME, HEADER, TITLE = "~ ", "= ", "# "


@dataclass
class _Page:
    path: Path
    body: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    title: str = ""
    raw: list[str] = field(default_factory=list)


def _parse(path: Path) -> _Page:
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read annotated page: {exc}") from None
    page = _Page(path)
    for line in content.splitlines():
        for marker, target in ((CHROME, page.chrome), (HEADER, page.header)):
            if line.startswith(marker):
                target.append(tidy(line[2:]))
                page.raw.append(line[2:])
                break
        else:
            if line.startswith(TITLE):
                page.title = page.title or tidy(line[2:])
                page.chrome.append(tidy(line[2:]))
                page.raw.append(line[2:])
            else:
                page.raw.append(line)
                if tidy(line):
                    page.body.append(tidy(line))
    return page


def _kept(line: str, paragraphs: set[str], merged: str, min_words: int = 4) -> bool:
    """Whether a page line survived: as a paragraph, or (long enough) inside a merged one.

    Only paragraphs that are not themselves page lines count as merged, so a pull quote is not
    "kept" just because the sentence it repeats is.
    """
    return line in paragraphs or (len(line.split()) >= min_words and f" {line} " in merged)


def _score(page: _Page, article: Article) -> dict[str, Any]:
    paragraphs = {tidy(p) for p in article.text.split("\n\n")}
    lines = set(page.body + page.chrome + page.header)
    merged = " " + " ".join(p for p in paragraphs if p not in lines) + " "
    header = {tidy(h) for h in article.header}
    marked = page.chrome + page.header
    kept_chrome = [c for c in marked if _kept(c, paragraphs, merged)]
    return {
        "document": str(page.path),
        "chrome_kept": kept_chrome,
        # Body lines may be hard-wrapped pieces of one paragraph: any length counts.
        "body_removed": [b for b in page.body if not _kept(b, paragraphs, merged, 1)],
        "removed": len(marked) - len(kept_chrome),
        "header_found": sum(h in header for h in page.header),
        "title_ok": not page.title or tidy(article.title) == page.title,
    }


def evaluate(folder: Path, settings: CleanSettings | None = None) -> dict[str, Any]:
    """Chrome removal and body retention rates over every annotated page under `folder`."""
    paths = sorted(folder.rglob("*.txt")) if folder.is_dir() else []
    if not paths:
        raise EvaluationError(f"{folder}: no annotated .txt pages found")
    pages = [_parse(path) for path in paths]
    articles = [Article.from_raw(str(page.path), "\n".join(page.raw)) for page in pages]
    run = Settings(clean=settings or CleanSettings())
    cleaned = process(articles, run, through="clean")  # the pre-pass and cleaner of a run
    results = [_score(page, article) for page, article in zip(pages, cleaned, strict=True)]
    chrome = sum(len(p.chrome) + len(p.header) for p in pages)
    body = sum(len(p.body) for p in pages)
    headers = sum(len(p.header) for p in pages)
    titled = [r for r, p in zip(results, pages, strict=True) if p.title]
    return {
        "documents": len(pages),
        "chrome_lines": chrome,
        "body_lines": body,
        "chrome_removed": sum(r["removed"] for r in results) / chrome if chrome else 1.0,
        "body_kept": 1 - sum(len(r["body_removed"]) for r in results) / body if body else 1.0,
        "header_found": sum(r["header_found"] for r in results) / headers if headers else 1.0,
        "title_found": sum(r["title_ok"] for r in titled) / len(titled) if titled else 1.0,
        "misses": [
            {k: r[k] for k in ("document", "chrome_kept", "body_removed")}
            for r in results
            if r["chrome_kept"] or r["body_removed"]
        ],
    }
