"""After the erase no process that lives on holds the visitor's text (issue 11, point 7): a receipt is made for
a name invented for this run, the receipt helper's memory is read (/proc/PID/mem, every readable mapping) and
holds the name; after "Ja, radera" that helper has ended and the helper that serves on has never seen it."""
from __future__ import annotations

import random
import string
import time
from pathlib import Path

from tests.browser.test_print_route import erase
from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css
from tests.form_walks.aldreomsorg import WALK
from tests.walks import forward_key

HELPER_END_SECONDS = 60     # the old helper ends once the jobs it already has are done


def children(pid: int) -> set[int]:
    """Every process below `pid` (the receipt helper, multiprocessing's resource tracker, a pdftoppm)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = {int(k) for k in (task / "children").read_text().split()}
        except OSError:
            continue
        for kid in kids:
            found |= {kid} | children(kid)
    return found


def memory_holds(pid: int, needles: list[bytes]) -> bool:
    """Whether any readable mapping of process `pid` contains one of `needles` (False if it has ended)."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
        mem = open(f"/proc/{pid}/mem", "rb", buffering=0)
    except OSError:
        return False
    with mem:
        for line in maps:
            span, perms, *rest = line.split()
            if not perms.startswith("r") or (rest and rest[-1] in ("[vvar]", "[vsyscall]")):
                continue
            start, end = (int(x, 16) for x in span.split("-"))
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            if data and any(n in data for n in needles):
                return True
    return False


def encodings(text: str) -> list[bytes]:
    """How CPython and the PDF libraries may hold a string: UTF-8/ASCII, and 2 and 4 bytes a character."""
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-32-le")]


def test_no_process_that_lives_on_keeps_the_erased_visitors_name(app, page, artifacts):
    name = "Qv" + "".join(random.choice(string.ascii_lowercase) for _ in range(10))     # no one else's
    needles = encodings(name)
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.start()
    for i, (page_id, values) in enumerate(WALK.walk):
        visitor.fill({k: (name if k == "sokande.efternamn" else v) for k, v in values.items()})
        following = visitor.title_of(WALK.walk[i + 1][0]) if i + 1 < len(WALK.walk) else visitor.t("Blanketten är klar")
        visitor.press(forward_key(WALK.walk, i), following)
    page.locator(key_css("result:receipt") + " button:visible").wait_for()        # the helper has made it

    server = app.process.pid
    holding = {pid for pid in children(server) if memory_holds(pid, needles)}
    assert holding, "the control failed: no helper process held the name while its receipt was being made"

    erase(visitor)
    deadline = time.monotonic() + HELPER_END_SECONDS
    while holding & children(server) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not holding & children(server), "the helper that made the erased visitor's receipt still runs"
    still = {pid for pid in children(server) if memory_holds(pid, needles)}
    assert not still, f"processes {still} still hold the erased visitor's name"
    assert children(server), "no helper serves on"
