"""Articles kept on disk, with only their offsets in memory, read back one at a time.

A processed article is about 30 KB of Python objects (sentences, time mentions, events) but
13 KB pickled: a pile of them held in memory is what made a 100k run peak at 6.9 GB. The
one-machine runner writes each article here as it leaves the per-document stages, and the
cross-document stages read the pile through a `Corpus`, a lazy `Sequence[Article]`: a pass
loads one article at a time, so memory holds what the stage keeps, not the pile.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol, overload

import numpy as np

from dateline.errors import DatelineError
from dateline.model import Article, PublicationDate

# Duplicate marks a corpus applies as it loads: (duplicate_of, outlets), as `mark_duplicates`
# sets them; outlets None leaves the article's own (a copy's).
Mark = tuple[str | None, tuple[str, ...] | None]


class Mapper(Protocol):
    """Where a corpus's per-article passes run when not here (`Corpus.each`): called with
    the view (its spool positions, marks and replacements) and the pass."""

    def __call__(
        self, corpus: Corpus, find: Callable[..., Any], extra: Sequence[Any] | None
    ) -> list[Any]: ...


class Spool:
    """An append-only store of pickled articles; `load(n)` reads the n-th back.

    A small pile stays in memory; past `IN_MEMORY` bytes it moves to a temporary file made
    in `folder`, else in `$TMPDIR` (Python's `tempfile` rules), unlinked when made, so it goes
    when the spool does, however the run ends. Reads use `os.pread`, so any number of passes
    may read at once.
    """

    # Bytes kept in memory before the spool moves to disk: a pile of a thousand articles never
    # touches the disk, and two spools (raw and processed) stay small beside the rest of a run
    # (64 MB added 90 MB to the peak of a 10k run: its raw spool stayed in memory).
    IN_MEMORY = 16 * 2**20

    def __init__(self, folder: str | None = None) -> None:
        self._folder = folder
        self._memory: bytearray | None = bytearray()
        self._file: IO[bytes] | None = None
        self._starts: list[int] = [0]

    def __len__(self) -> int:
        return len(self._starts) - 1

    def append(self, article: Article) -> int:
        return self.append_pickled(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))

    def append_pickled(self, blob: bytes) -> int:
        """Add one article already pickled (by a worker process); its position."""
        end = self._starts[-1]
        if self._memory is not None and end + len(blob) > self.IN_MEMORY:
            self._to_disk()
        if self._memory is not None:
            self._memory += blob
        else:
            self._write(blob, end)
        self._starts.append(end + len(blob))
        return len(self._starts) - 2

    def load(self, position: int) -> Article:
        start, end = self._starts[position], self._starts[position + 1]
        if self._memory is not None:
            blob: bytes | bytearray = self._memory[start:end]
        else:
            assert self._file is not None
            blob = os.pread(self._file.fileno(), end - start, start)
        article = pickle.loads(blob)
        assert isinstance(article, Article)
        return article

    def close(self) -> None:
        self._memory = None
        if self._file is not None:
            self._file.close()

    def _to_disk(self) -> None:
        try:
            # Held open for the spool's life, closed by `close` or when the spool goes.
            self._file = tempfile.TemporaryFile(dir=self._folder, prefix="dateline-spool-")  # noqa: SIM115
        except OSError as exc:
            raise self._error(exc) from None
        assert self._memory is not None
        memory, self._memory = self._memory, None
        self._write(memoryview(memory), 0)

    def _write(self, blob: bytes | memoryview, at: int) -> None:
        assert self._file is not None
        try:
            written = os.pwrite(self._file.fileno(), blob, at)
            while written < len(blob):
                written += os.pwrite(self._file.fileno(), blob[written:], at + written)
        except OSError as exc:
            raise self._error(exc) from None

    def _error(self, exc: OSError) -> DatelineError:
        where = self._folder or tempfile.gettempdir()
        reason = (
            "the disk is full"
            if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
            else (exc.strerror or str(exc))
        )
        return DatelineError(
            f"{where}: cannot spool the pile to disk: {reason}; free some "
            "space there or set TMPDIR to a larger disk, and run again"
        )

    def corpus(self, columns: Columns | None = None, mapper: Mapper | None = None) -> Corpus:
        """Every article spooled so far, in the order written; `columns`, when the writer
        kept them, answer `headers` from memory; `mapper`, when the articles are also held
        elsewhere (a cluster's workers), runs the per-article passes there."""
        return Corpus(self, np.arange(len(self), dtype=np.int64), columns=columns, mapper=mapper)


@dataclass
class Columns:
    """The small fields of every spooled article, by position: what passes that need no
    text read (which articles are copies, undated, in which language), and the answers of
    the passes `answered` as each article left the per-document stages, one list per pass."""

    ids: list[str] = field(default_factory=list)
    published: list[PublicationDate | None] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    answered: tuple[Callable[[Article], Any], ...] = ()
    answers: list[list[Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.answers = [[] for _ in self.answered]

    def add(
        self,
        article_id: str,
        published: PublicationDate | None,
        language: str,
        answers: Sequence[Any] = (),
    ) -> None:
        self.ids.append(article_id)
        self.published.append(published)
        self.languages.append(sys.intern(language))
        for column, answer in zip(self.answers, answers, strict=True):
            column.append(answer)


class Corpus(Sequence[Article]):
    """A lazy, read-only sequence of spooled articles: a selection of positions, the
    duplicate marks to apply as each loads, and whole articles that replace spooled ones
    (those the corpus dated); `subset` and slicing give narrower views without loading."""

    def __init__(
        self,
        spool: Spool,
        positions: np.ndarray,
        marks: Mapping[int, Mark] | None = None,
        replaced: Mapping[int, Article] | None = None,
        columns: Columns | None = None,
        mapper: Mapper | None = None,
    ) -> None:
        self.spool = spool
        self.positions = positions
        self.marks: Mapping[int, Mark] = marks or {}
        self.replaced: Mapping[int, Article] = replaced or {}
        self.columns = columns
        self.mapper = mapper

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Corpus: ...

    def __getitem__(self, index: int | slice) -> Article | Corpus:
        if isinstance(index, slice):
            return self._view(self.positions[index])
        return self._load(int(self.positions[index]))

    def __iter__(self) -> Iterator[Article]:
        for position in self.positions:
            yield self._load(int(position))

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence holding the same articles in the same order (a list, a
        tuple, another corpus), as a list of them would be."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def subset(self, indices: Iterable[int]) -> Corpus:
        """The articles at `indices` of this view, in the order given."""
        return self._view(self.positions[np.fromiter(indices, dtype=np.int64)])

    def with_marks(self, marks: Mapping[int, Mark]) -> Corpus:
        """This view with duplicate marks keyed by position in `self` (as `mark_duplicates`
        would return the articles at those indices)."""
        by_position = {int(self.positions[i]): mark for i, mark in marks.items()}
        return Corpus(
            self.spool, self.positions, by_position, self.replaced, self.columns, self.mapper
        )

    def with_replaced(self, articles: Mapping[int, Article]) -> Corpus:
        """This view with the articles at these indices replaced by the ones given."""
        by_position = {**self.replaced, **{int(self.positions[i]): a for i, a in articles.items()}}
        return Corpus(
            self.spool, self.positions, self.marks, by_position, self.columns, self.mapper
        )

    def headers(self) -> Sequence[Article]:
        """This view's articles with only their id, language, publication date and
        `duplicate_of` filled, from the columns in memory: a pass that needs no more reads
        no text (`model.headers`)."""
        if self.columns is None:
            return self
        return _Headers(self)

    def each(self, find: Callable[..., Any], extra: Sequence[Any] | None = None) -> list[Any]:
        """`model.each` of this view: from the columns when the pass was answered as each
        article was processed, else on the mapper's workers when there is one, else here."""
        if extra is None and self.columns is not None and find in self.columns.answered:
            column = self.columns.answers[self.columns.answered.index(find)]
            return [
                find(self.replaced[p]) if p in self.replaced else column[p]
                for p in self.positions.tolist()
            ]
        if self.mapper is not None and len(self):
            return self.mapper(self, find, extra)
        if extra is None:
            return [find(article) for article in self]
        return [find(article, more) for article, more in zip(self, extra, strict=True)]

    def here(self) -> Corpus:
        """This view with its passes run here: what outlives the workers (a timeline's
        documents, written after the cluster is gone)."""
        return Corpus(self.spool, self.positions, self.marks, self.replaced, self.columns)

    def _view(self, positions: np.ndarray) -> Corpus:
        return Corpus(self.spool, positions, self.marks, self.replaced, self.columns, self.mapper)

    def _load(self, position: int) -> Article:
        found = self.replaced.get(position)
        if found is not None:
            return found
        return marked(self.spool.load(position), self.marks.get(position))


def marked(article: Article, mark: Mark | None) -> Article:
    """`article` with its duplicate mark applied, as a corpus loads it (a worker too)."""
    if mark is None:
        return article
    duplicate_of, outlets = mark
    # Most marks change nothing (an original with its own outlets): a copy made at each load
    # cost a tenth of a pass over the spool.
    if duplicate_of == article.duplicate_of and outlets in (None, article.outlets):
        return article
    return dataclasses.replace(
        article,
        duplicate_of=duplicate_of,
        outlets=article.outlets if outlets is None else outlets,
    )


class _Headers(Sequence[Article]):
    """`Corpus.headers`: small articles made from the columns as they are asked for."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def __len__(self) -> int:
        return len(self.corpus)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...

    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        if isinstance(index, slice):
            return _Headers(self.corpus[index])
        return self._header(int(self.corpus.positions[index]))

    def __iter__(self) -> Iterator[Article]:
        for position in self.corpus.positions:
            yield self._header(int(position))

    def _header(self, position: int) -> Article:
        corpus = self.corpus
        found = corpus.replaced.get(position)
        if found is not None:
            return found
        columns = corpus.columns
        assert columns is not None
        mark = corpus.marks.get(position)
        return Article(
            id=columns.ids[position],
            source="",
            raw_text="",
            language=columns.languages[position],
            published=columns.published[position],
            duplicate_of=mark[0] if mark is not None else None,
        )
