"""A corpus's per-article passes on this machine's other cores.

On one machine the cross-document stages read the spooled pile in passes (`model.each`),
and each pass ran in this one process while the others sat idle: at 10k articles those
passes were half of "choosing dates and entries". `InForks` is the `Mapper` that spreads a
pass over forked processes: each inherits the corpus as it is (spool, marks, the articles
it replaced) and the pass itself, so nothing is pickled on the way out, loads its run of the
view's articles and sends back only what the pass keeps of each; the answers come back in
view order, so the pass gives exactly what it gives here. Workers die with the run
(`pool.die_with_parent`) and live only for the pass.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

from dateline.batch.pool import die_with_parent
from dateline.batch.spool import Corpus

# Articles a worker loads per call: enough that sending one call's answers costs little
# beside loading them, few enough that both workers stay busy to the end of a pass.
RUN = 256

# The pass the forked workers run: set by the parent just before it forks them.
_pass: tuple[Corpus, Callable[..., Any], Sequence[Any] | None] | None = None


class InForks:
    """A `Mapper`: each pass of a view of at least `LEAST` articles on `workers` forked
    processes, a smaller one here (forking costs more than it saves)."""

    LEAST = 4 * RUN

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def __call__(
        self, corpus: Corpus, find: Callable[..., Any], extra: Sequence[Any] | None
    ) -> list[Any]:
        here = corpus.here()
        if self.workers <= 1 or len(corpus) < self.LEAST:
            return here.each(find, extra)
        global _pass
        _pass = (here, find, extra)
        # Frozen, the parent's objects are not walked by a worker's collector, so not copied
        # into it page by page.
        gc.freeze()
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(self.workers, die_with_parent, (os.getpid(),)) as pool:
                runs = [
                    (start, min(len(corpus), start + RUN)) for start in range(0, len(corpus), RUN)
                ]
                found: list[Any] = []
                for answers in pool.imap(_run, runs):
                    found.extend(answers)
                return found
        finally:
            gc.unfreeze()
            _pass = None


def _run(span: tuple[int, int]) -> list[Any]:
    """In a worker: the pass over the view's articles `span` covers."""
    assert _pass is not None
    corpus, find, extra = _pass
    start, end = span
    return corpus[start:end].each(find, None if extra is None else extra[start:end])
