"""Checks run off the GUI thread: one worker, newest snapshot wins, results tagged with their revision.

The editor sends a plain snapshot (a frozen CheckRequest plus PracticeContext) after each pause in
typing. While a check runs, newer snapshots replace any waiting one, so a fast typist never queues a
backlog. Each result carries the revision it was made for; the editor drops stale ones. Tests switch the
runner to synchronous mode, the same trick novelWriter uses for its thread pool.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from composer.checking import CheckRequest, Finding, PracticeContext

if TYPE_CHECKING:
    from composer.checking import Checker


class Speller(Protocol):
    """What the editor needs from the spelling checker (composer.checking.spelling.SpellingChecker)."""

    def findings(self, text: str, extra_words: frozenset[str] = ...) -> list[Finding]: ...

    def suggestions(self, word: str, max_distance: int = ...) -> list[str]: ...


@dataclass(frozen=True)
class CheckJob:
    revision: int
    request: CheckRequest
    context: PracticeContext


class Engines:
    """The compliance checker and the spelling dictionary, loaded once, off the GUI thread.

    The checker loads first (it is what the underlines need); spelling follows because its dictionary is
    the slow part (about 0.2 s and 38 MB).
    """

    def __init__(self) -> None:
        self._checker: Checker | None = None
        self._spelling: Speller | None = None
        self._checker_ready = threading.Event()
        self._spelling_ready = threading.Event()
        self.spelling_error = ""

    def load_all(self) -> None:
        """Load both engines in the calling thread (a worker in the app, the test thread in tests)."""
        self.load_checker()
        self.load_spelling()
        _keep_out_of_collections()

    def load_checker(self) -> Checker:
        if self._checker is None:
            # Imported here: loading the engine module compiles its patterns, which belongs off the GUI thread.
            from composer.checking import load_checker

            self._checker = load_checker()
            self._checker_ready.set()
        return self._checker

    def load_spelling(self) -> Speller | None:
        if not self._spelling_ready.is_set():
            try:
                from composer.checking.spelling import SpellingChecker

                self._spelling = SpellingChecker.load()
            except Exception as error:  # spelling is a help, never a reason the editor cannot work
                self.spelling_error = f"Spelling suggestions are unavailable ({type(error).__name__})."
            self._spelling_ready.set()
        return self._spelling

    def checker(self, timeout: float | None = None) -> Checker | None:
        self._checker_ready.wait(timeout)
        return self._checker

    @property
    def spelling(self) -> Speller | None:
        return self._spelling if self._spelling_ready.is_set() else None

    def run(self, job: CheckJob) -> list[Finding]:
        checker = self.checker(timeout=10)
        findings = checker.check(job.request, job.context) if checker is not None else []
        spelling = self.spelling
        if spelling is not None:
            findings = findings + spelling.findings(job.request.text, job.context.dictionary)
            findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def start_loading(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(BackgroundCall(self.load_all))


def _keep_out_of_collections() -> None:
    """Put everything loaded so far (compiled rules, lexicons, the spelling dictionary, the learned model:
    about a million objects that live as long as the app) out of the garbage collector's reach.

    Why: a full collection walks every tracked object while holding the interpreter lock, and with the
    engines loaded that took 50-130 ms, felt as a stall while typing. Frozen objects are never walked;
    the collector still runs for everything made later."""
    gc.freeze()


class BackgroundCall(QRunnable):
    """Run one plain function on a thread pool."""

    def __init__(self, function: Callable[[], object]) -> None:
        super().__init__()
        self._function = function

    def run(self) -> None:
        self._function()


class CheckRunner(QObject):
    """Runs :class:`CheckJob`s one at a time on a private single-thread pool."""

    finished = Signal(int, object)  # revision, list[Finding]

    def __init__(self, engines: Engines, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engines = engines
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._lock = threading.Lock()
        self._pending: CheckJob | None = None
        self._busy = False

    def submit(self, job: CheckJob) -> None:
        if self.synchronous:
            self.finished.emit(job.revision, self.engines.run(job))
            return
        with self._lock:
            self._pending = job
            if self._busy:
                return
            self._busy = True
        self._pool.start(BackgroundCall(self._drain))

    def _drain(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._busy = False
                    return
            try:
                findings = self.engines.run(job)
            except Exception:  # a checker bug must not kill the worker; never log the draft text
                findings = []
            try:
                self.finished.emit(job.revision, findings)
            except RuntimeError:  # the editor closed while this check ran: nobody is left to draw it
                return

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)
