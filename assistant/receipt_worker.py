"""Receipts (and the Swedish summaries of errands without a paper form) rendered in a helper process.

A WeasyPrint render is 0.2–0.3 s of pure Python. In the web server it would hold the GIL and stall
every other visitor's step while it runs; in a helper process it uses the machine's other core and
the server only waits on a pipe. The helper is started with "spawn" (forking a threaded server is
unsafe), loads the fonts once and then serves every receipt. Answers go to it and the PDF comes back
through pipes: nothing is written to disk. A helper that dies is replaced on the next receipt.
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

from assistant.i18n import SOURCE_LANGUAGE, Translator
from assistant.model import Form
from assistant.receipt import render_receipt, warm_up
from assistant.speech.synthesis import SpeechFailed, speak

WAIT_SECONDS = 60.0
HELPER_NICENESS = 10


class ReceiptFailed(RuntimeError):
    """The receipt could not be made. It never carries the cause: that may quote the visitor's answers."""


def _render(form: Form, answers: dict[str, Any], lang: str, today: date, summary: bool, large: bool = False) -> bytes:
    return render_receipt(form, answers, Translator.for_code(lang), today, summary=summary, large=large)


def _ready() -> bool:
    return True


def _helper_start() -> None:
    """Runs first in the helper: give way to the web server when both want the CPU (a visitor's step
    matters more than a receipt a second sooner), end together with the server even when the server is
    killed (nothing would close the helper's pipes then), and load the fonts."""
    os.nice(HELPER_NICENESS)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="end-with-server", daemon=True).start()
    warm_up()


def _end_with(server_sentinel: int) -> None:
    multiprocessing.connection.wait([server_sentinel])
    os._exit(0)


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


class ReceiptRenderer:
    """The helper process (one: the server keeps the other core busy), started on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self, broken: ProcessPoolExecutor | None = None) -> ProcessPoolExecutor:
        """The running helper; a new one if `broken` (whose helper died) is still the current one."""
        with self._lock:
            if broken is not None and self._pool is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_helper_start)
            return self._pool

    def start(self) -> None:
        """Start the helper and load its fonts now, before the first visitor needs a receipt (once)."""
        if self._pool is None:
            self._executor().submit(_ready)

    def submit(self, form: Form, answers: Mapping[str, Any], lang: str, today: date, *,
               summary: bool = False, large: bool = False) -> ReceiptJob:
        args = (_render, form, dict(answers), lang, today, summary, large)
        pool = self._executor()
        try:
            future = pool.submit(*args)
        except BrokenProcessPool:
            future = self._executor(broken=pool).submit(*args)
        return ReceiptJob(lang, future)

    def swedish_summary(self, form: Form, answers: Mapping[str, Any], today: date) -> bytes:
        """The Swedish summary of an errand without a paper form (build_documents' `make_summary`)."""
        return self.submit(form, answers, SOURCE_LANGUAGE, today, summary=True).result()

    def speech(self, texts: list[str], lang: str, slow: bool = False, swedish: list[str] | None = None) -> bytes:
        """The texts read aloud (assistant/speech) as a WAV, made in the helper: espeak-ng never runs in the
        server. Raises SpeechFailed, without the cause (the texts may quote answers)."""
        args = (speak, list(texts), lang, slow, list(swedish or ()))
        pool = self._executor()
        try:
            try:
                future = pool.submit(*args)
            except BrokenProcessPool:
                future = self._executor(broken=pool).submit(*args)
            return future.result(WAIT_SECONDS)
        except Exception:  # noqa: BLE001 - the cause may quote answers: say only that it failed
            raise SpeechFailed("nothing could be read aloud") from None

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
