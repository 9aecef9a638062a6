"""Receipts (and the Swedish summaries of errands without a paper form) rendered in a helper process.

A WeasyPrint render is 0.2–0.3 s of pure Python. In the web server it would hold the GIL and stall
every other visitor's step while it runs; in a helper process it uses the machine's other core and
the server only waits on a pipe. The helper is started with "spawn" (forking a threaded server is
unsafe), loads the fonts once and then serves every receipt. Answers go to it and the PDF comes back
through pipes: nothing is written to disk. A helper that dies is replaced on the next receipt.

Python never zeroes the memory of a string it frees, so a helper that has made someone's receipt may
still hold their name and answers in freed memory. `restart()` (called when a visit is erased) hands
new work to a fresh helper at once and lets the old one end as soon as the jobs it already has are
done: nothing of the erased visitor lives on in a process that keeps running.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.i18n.translator import SOURCE_LANGUAGE, Translator
from assistant.definition.model import Form
from assistant.speech.synthesis import SpeechFailed, first_and_rest, speak, warm_up as warm_up_speech

WAIT_SECONDS = 60.0
HELPER_NICENESS = 10


class ReceiptFailed(RuntimeError):
    """The receipt could not be made. It never carries the cause: that may quote the visitor's answers."""


def _render(form: Form, answers: dict[str, Any], lang: str, today: date, summary: bool, large: bool = False) -> bytes:
    from assistant.paper.receipt import render_receipt     # in the helper only: see _helper_start
    return render_receipt(form, answers, Translator.for_code(lang), today, summary=summary, large=large)


def _sheet(form: Form, answers: dict[str, Any], page: str, lang: str, today: date, expires: date,
           parts: list[bytes]) -> bytes:
    from assistant.resume.handover import sheet_here
    return sheet_here(form, answers, page, lang, today, expires, parts)


def _ready() -> bool:
    return True


def _helper_start() -> None:
    """Runs first in the helper: give way to the web server when both want the CPU (a visitor's step
    matters more than a receipt a second sooner), end together with the server even when the server is
    killed (nothing would close the helper's pipes then), and load the fonts. WeasyPrint is imported here,
    not at the top: the web server that starts the helper never loads it (0.8 s and its memory)."""
    from assistant.paper.receipt import warm_up
    os.nice(HELPER_NICENESS)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="end-with-server", daemon=True).start()
    warm_up()


def _end_with(server_sentinel: int) -> None:
    multiprocessing.connection.wait([server_sentinel])
    os._exit(0)


def _new_pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_helper_start)


@dataclass
class ReceiptJob:
    """One visitor's receipt being made in `lang`; `forget()` drops it when the visit is erased."""

    lang: str
    future: Future[bytes] | None

    def result(self, timeout: float = WAIT_SECONDS) -> bytes:
        future = self.future
        if future is None:
            raise ReceiptFailed("the visit was erased")
        try:
            return future.result(timeout)
        except Exception:  # noqa: BLE001 - the cause may quote answers: say only that it failed
            raise ReceiptFailed("the receipt could not be made") from None

    def ready(self, timeout: float = 0) -> bool:
        """Whether the helper has answered (with the PDF or a failure), waiting at most `timeout` s.
        The wait is on a lock, so other visitors' steps run meanwhile."""
        future = self.future
        return future is None or not wait([future], timeout).not_done

    def forget(self) -> None:
        if self.future is not None:
            self.future.cancel()
        self.future = None


@dataclass
class SpeechJob:
    """A reading being made in the helper, in two parts: the first text alone, so that the page can play
    it at once, and the rest (empty when there is none), made right after it."""

    first_part: Future[bytes]
    rest_part: Future[bytes] | None

    def first(self, timeout: float = WAIT_SECONDS) -> bytes:
        return _spoken(self.first_part, timeout)

    def rest(self, timeout: float = WAIT_SECONDS) -> bytes:
        return b"" if self.rest_part is None else _spoken(self.rest_part, timeout)


def _spoken(future: Future[bytes], timeout: float) -> bytes:
    try:
        return future.result(timeout)
    except Exception:  # noqa: BLE001 - the cause may quote answers: say only that it failed
        raise SpeechFailed("nothing could be read aloud") from None


class ReceiptRenderer:
    """The helper process (one: the server keeps the other core busy), started on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._used = False            # the current helper has been given visitor data

    def _executor(self, broken: ProcessPoolExecutor | None = None) -> ProcessPoolExecutor:
        """The running helper; a new one if `broken` (whose helper died) is still the current one."""
        with self._lock:
            if broken is not None and self._pool is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            if self._pool is None:
                self._pool = _new_pool()
                self._used = False
            return self._pool

    def _for_visitor_data(self, broken: ProcessPoolExecutor | None = None) -> ProcessPoolExecutor:
        pool = self._executor(broken)
        self._used = True
        return pool

    def start(self) -> None:
        """Start the helper and load its fonts now, before the first visitor needs a receipt (once)."""
        if self._pool is None:
            self._executor().submit(_ready)
            self._executor().submit(warm_up_speech)

    def submit(self, form: Form, answers: Mapping[str, Any], lang: str, today: date, *,
               summary: bool = False, large: bool = False) -> ReceiptJob:
        return self._job(lang, (_render, form, dict(answers), lang, today, summary, large))

    def sheet(self, form: Form, answers: Mapping[str, Any], page: str, lang: str, today: date, expires: date,
              parts: list[bytes]) -> bytes:
        """The "fortsätt senare" sheet (make_sheet's `render`): a WeasyPrint render of 1–4 s that would
        stall every other visitor in the web server. ReceiptFailed if it cannot be made."""
        return self._job(lang, (_sheet, form, dict(answers), page, lang, today, expires, list(parts))).result()

    def _job(self, lang: str, args: tuple[Any, ...]) -> ReceiptJob:
        pool = self._for_visitor_data()
        try:
            future = pool.submit(*args)
        except BrokenProcessPool:
            future = self._for_visitor_data(broken=pool).submit(*args)
        return ReceiptJob(lang, future)

    def swedish_summary(self, form: Form, answers: Mapping[str, Any], today: date) -> bytes:
        """The Swedish summary of an errand without a paper form (build_documents' `make_summary`)."""
        return self.submit(form, answers, SOURCE_LANGUAGE, today, summary=True).result()

    def reading(self, texts: list[str], lang: str, slow: bool = False,
                swedish: list[str] | None = None) -> SpeechJob:
        """The texts read aloud (assistant/speech) as WAVs, made in the helper: espeak-ng never runs in the
        server. The parts' `first()` and `rest()` raise SpeechFailed, without the cause (the texts may quote
        answers)."""
        first, rest = first_and_rest(texts)
        parts = [(speak, first, lang, slow, [])]
        if rest or swedish:
            parts.append((speak, rest, lang, slow, list(swedish or ())))
        pool = self._for_visitor_data()
        try:
            try:
                futures = [pool.submit(*part) for part in parts]
            except BrokenProcessPool:
                pool = self._for_visitor_data(broken=pool)
                futures = [pool.submit(*part) for part in parts]
        except Exception:  # noqa: BLE001 - the cause may quote answers: say only that it failed
            raise SpeechFailed("nothing could be read aloud") from None
        return SpeechJob(futures[0], futures[1] if len(futures) > 1 else None)

    def restart(self) -> None:
        """A fresh helper for all new work, when a visit is erased. The old helper finishes the jobs other
        visitors are waiting for and then ends (its memory goes back to the system with it). A helper that
        was never given a visitor's data is kept: many erases at once start one helper, not many."""
        with self._lock:
            old, used = self._pool, self._used
            if old is None or not used:
                return
            new = self._pool = _new_pool()
            self._used = False
        new.submit(_ready)                   # start it and load its fonts now, not on the next receipt
        new.submit(warm_up_speech)
        old.shutdown(wait=False, cancel_futures=False)

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
