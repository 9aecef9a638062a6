"""The receipt helper process: it makes the same receipt as the engine, says nothing of a failure's
cause (that may quote answers), forgets an erased visit's receipt, and is replaced when it dies."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

from assistant.paper.documents import swedish_summary
from assistant.wizard.flow import default_answers
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from assistant.paper.receipt import render_receipt
from assistant.paper.receipt_worker import HELPER_NICENESS, ReceiptFailed, ReceiptRenderer
from tests.test_receipt import FORM, answers, shows, text_of
from tests.form_walks.forskola import PAGES as FORSKOLA
from tests.testdata import TODAY
from tests.walks import walk_answers

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def renderer():
    r = ReceiptRenderer()
    yield r
    r.shutdown()


def descendants(pid: int) -> set[int]:
    """Every living process below `pid` (children of all its threads, and theirs), from /proc."""
    found, todo = set(), [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = {int(c) for c in (task / "children").read_text().split()}
            except OSError:             # the thread ended meanwhile
                continue
            todo += list(children - found)
            found |= children
    return {p for p in found if alive(p)}


def alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def helpers_of(pid: int) -> set[int]:
    """The receipt helpers below `pid`: processes multiprocessing spawned (not its resource tracker)."""
    pids = set()
    for p in descendants(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes():
                pids.add(p)
        except OSError:                 # it ended meanwhile
            continue
    return pids


def wait_until(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_the_helper_makes_the_receipt_the_engine_makes(renderer, lang):
    job = renderer.submit(FORM, answers(), lang, TODAY)
    made = text_of(job.result())
    assert made == text_of(render_receipt(FORM, answers(), Translator.for_code(lang), TODAY))
    assert shows(made, Translator.for_code(lang)("Kvitto")) and shows(made, "Åsa")
    assert job.ready() and job.lang == lang


def test_a_failure_says_nothing_of_its_cause(renderer):
    secret = "Hemligsson"
    job = renderer.submit(FORM, answers(**{"sokande.efternamn": secret}), "sv", f"not a date {secret}")
    with pytest.raises(ReceiptFailed) as caught:
        job.result()
    assert job.ready()
    told = "".join(traceback.format_exception(caught.value))
    assert secret not in told and "RemoteTraceback" not in told
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_an_erased_visit_has_no_receipt(renderer):
    job = renderer.submit(FORM, answers(), "sv", TODAY)
    job.forget()
    assert job.future is None and job.ready()
    with pytest.raises(ReceiptFailed):
        job.result()


def test_a_helper_that_dies_is_replaced():
    renderer = ReceiptRenderer()
    me, before = os.getpid(), helpers_of(os.getpid())
    try:
        renderer.start()
        wait_until(lambda: helpers_of(me) - before)
        (helper,) = helpers_of(me) - before
        os.kill(helper, signal.SIGKILL)
        wait_until(lambda: helper not in helpers_of(me))
        first = renderer.submit(FORM, answers(), "sv", TODAY)
        assert first.ready(30), "a receipt sent to the dead helper is answered (made or failed), it does not hang"
        second = renderer.submit(FORM, answers(), "sv", TODAY)
        assert shows(text_of(second.result()), "Åsa")
    finally:
        renderer.shutdown()
    assert not (helpers_of(me) - before), "shutdown leaves no helper behind"


SERVER_STAND_IN = """
import time
from assistant.paper.receipt_worker import ReceiptRenderer
renderer = ReceiptRenderer()
renderer.start()
print("started", flush=True)
time.sleep(600)
"""


def test_the_helper_ends_when_the_server_is_killed():
    """A killed server (SIGKILL: no clean-up runs) must not leave a helper holding answers in memory."""
    server = subprocess.Popen([sys.executable, "-c", SERVER_STAND_IN], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().strip() == "started"
        wait_until(lambda: helpers_of(server.pid))
        helpers = descendants(server.pid)
        assert helpers_of(server.pid), "the helper was started"
    finally:
        server.kill()
        server.wait(10)
    wait_until(lambda: not any(alive(p) for p in helpers), 15)
    assert not [p for p in helpers if alive(p)], "the helper (and multiprocessing's tracker) ended with the server"


def test_the_helper_makes_the_swedish_summary_the_engine_makes(renderer):
    forskola = load_form(ROOT / "forms" / "forskola" / "form.yaml")
    answers = {**default_answers(forskola, TODAY), **walk_answers(FORSKOLA)}
    made = text_of(renderer.swedish_summary(forskola, answers, TODAY))
    assert made == text_of(swedish_summary(forskola, answers, TODAY))
    assert shows(made, "Sammanfattning att ta med")


def test_the_helper_gives_way_to_the_web_server():
    renderer = ReceiptRenderer()
    me, before = os.getpid(), helpers_of(os.getpid())
    try:
        renderer.start()
        renderer.submit(FORM, answers(), "sv", TODAY).result()
        (helper,) = helpers_of(me) - before
        nice = int(Path(f"/proc/{helper}/stat").read_text().rsplit(")", 1)[1].split()[16])
        assert nice == os.getpriority(os.PRIO_PROCESS, 0) + HELPER_NICENESS
    finally:
        renderer.shutdown()
