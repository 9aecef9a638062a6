"""Server memory and step latency with 1, 10 and 60 visitors at once on the service-housing form.
Prints a table; never a test.

    .venv/bin/python bench/bench_sessions.py [--sessions 1 10 60] [--think 1.0] [--seed 1] [--option KEY=VALUE]
                                             [--profile FILE]

--option passes a Streamlit option to the server (e.g. runner.postScriptGC=false); environment
variables reach it too (e.g. MALLOC_ARENA_MAX=2 before the command).

Each visitor is a websocket client speaking Streamlit's own protocol (BackMsg/ForwardMsg protobufs)
to a real `streamlit run` on a free 127.0.0.1 port. Like a browser it commits one answer at a time
(a rerun per widget), presses Continue, creates the PDF on the review page, waits for the receipt's
button (the receipt is made in the helper process; when many are queued the page polls for it) and
downloads the receipt, and runs the idle-watch fragment when the server asks for it. Between actions it waits a random think time (mean --think
seconds; people at the desk are slower, so this is a harsher load). A step's latency is the time
from sending the rerun to the server's script_finished: server time plus loopback.
Memory is the server's resident set (VmRSS, and the peak VmHWM) once every visitor has the filled
PDF on screen and is still connected; the receipt helper's is shown apart (a fixed cost, not per session). Each session count gets a fresh server.

A widget drawn by a fragment (the question page's questions) reruns that fragment only, as in the browser.
A second table gives the CPU seconds of the server, the receipt helper and this benchmark's own clients
(the browsers, which here share the server's two cores), and the server's CPU per step. --profile FILE
runs the last row's server under bench/profile_server.py and writes its cProfile statistics to FILE.
The machine's other load counts: a benchmark run beside browser tests is not a measurement (see uptime).

Goals (issue 11): <= 3 MiB more RSS per extra session; p95 step latency <= 300 ms at 60 sessions.
Loopback only, every wait has a timeout, and the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.definition.loader import load_form  # noqa: E402
from assistant.ui.handover import DOWNLOAD_KEY, file_in_page  # noqa: E402
from assistant.definition.model import Form  # noqa: E402
from tests.form_walks.aldreomsorg import PAGES  # noqa: E402
from tests.walks import REVIEW_STEP  # noqa: E402

FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")
WIDGETS = ("text_input", "text_area", "radio", "checkbox", "button", "download_button", "selectbox")
TIMEOUT = 120.0                       # seconds for any one server answer; nothing waits forever
GOAL_MIB_PER_SESSION, GOAL_P95_MS = 3.0, 300.0


class WalkError(RuntimeError):
    """The app did not do what a visitor expects (an error summary, an exception, a missing widget)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_hwm_mib(pid: int) -> tuple[float, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    kib = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines()
           if line.startswith(("VmRSS", "VmHWM"))}
    return kib["VmRSS"] / 1024, kib["VmHWM"] / 1024


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")     # utime + stime


class Server:
    """`streamlit run streamlit_app.py` on 127.0.0.1, with its own statistics file, stopped on exit."""

    def __init__(self, options: tuple[str, ...] = (), profile: str = "") -> None:
        self.port = free_port()
        self.profile = profile
        self._tmp = tempfile.TemporaryDirectory(prefix="bench-sessions-")
        env = {**os.environ, "BLANKETTGUIDEN_STATS": str(Path(self._tmp.name) / "statistics.sqlite")}
        if profile:
            env["PROF_OUT"] = profile
        launcher = [str(ROOT / "bench" / "profile_server.py")] if profile else ["-m", "streamlit"]
        self.process = subprocess.Popen(
            [sys.executable, *launcher, "run", "streamlit_app.py", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false",
             *(arg for option in options for arg in ("--" + option.split("=", 1)[0], option.split("=", 1)[1]))],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def wait_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("streamlit did not answer /_stcore/health")

    def memory_mib(self) -> tuple[float, float]:
        """(VmRSS, VmHWM) of the server process in MiB, from /proc."""
        return _rss_hwm_mib(self.process.pid)

    def _children(self) -> list[int]:
        children = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                children += (task / "children").read_text().split()
            except OSError:
                continue
        return [int(pid) for pid in children]

    def helper_mib(self) -> float:
        """VmRSS of the server's child processes (the receipt helper) in MiB."""
        total = 0.0
        for pid in self._children():
            try:
                total += _rss_hwm_mib(pid)[0]
            except (OSError, KeyError):
                continue
        return total

    def cpu_seconds(self) -> tuple[float, float]:
        """(server, its living children) CPU seconds (user + system) so far, from /proc/PID/stat."""
        helpers = 0.0
        for pid in self._children():
            try:
                helpers += _cpu_seconds(pid)
            except OSError:
                continue
        return _cpu_seconds(self.process.pid), helpers

    def __enter__(self) -> Server:
        self.wait_healthy()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.profile:                 # profile_server.py writes its profile and ends on SIGUSR1
            self.process.send_signal(signal.SIGUSR1)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                pass
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        self._tmp.cleanup()


@dataclass
class Session:
    """One browser tab's view of the app: the widgets and texts of the last run, the URL's query."""

    ws: Any
    http: str                                                   # http://127.0.0.1:port
    widgets: dict[str, Any] = field(default_factory=dict)      # user key -> widget proto (has .id)
    texts: list[str] = field(default_factory=list)              # markdown, html, headings and alerts
    query: str = ""
    fragments: dict[str, float] = field(default_factory=dict)   # fragment id -> run_every seconds
    downloads: dict[str, str] = field(default_factory=dict)     # download key -> the HTML holding the file
    widget_fragments: dict[str, str] = field(default_factory=dict)  # widget id -> the fragment drawing it
    running: bool = False                                        # a run has started and not yet finished
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    async def open(cls, url: str) -> Session:
        ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=64 * 2**20,
                                      open_timeout=TIMEOUT, origin=url.replace("ws://", "http://").split("/_")[0])
        return cls(ws, url.replace("ws://", "http://").split("/_")[0])

    async def rerun(self, *states: WidgetState, fragment: str = "") -> float:
        """Send a rerun (a widget change, a click or a fragment tick); seconds until it finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.widget_states.widgets.extend(states)
        if not fragment and states:   # like the browser: a widget drawn by a fragment reruns that fragment only
            fragment = self.widget_fragments.get(states[0].id, "")
        msg.rerun_script.fragment_id = fragment
        async with self.lock:
            start = time.perf_counter()
            await self.ws.send(msg.SerializeToString())
            await self._until_finished(fragment)
            return time.perf_counter() - start

    async def _until_finished(self, fragment: str) -> None:
        while not self._handle(ForwardMsg.FromString(await asyncio.wait_for(self.ws.recv(), TIMEOUT))):
            pass

    async def drain(self, seconds: float = 0.05) -> None:
        """Read what the server sent on its own (a whole-page run a fragment asked for), like a browser
        does, up to the end of that run."""
        async with self.lock:
            while True:
                try:
                    raw = await asyncio.wait_for(self.ws.recv(), seconds if not self.running else TIMEOUT)
                except asyncio.TimeoutError:
                    return
                self._handle(ForwardMsg.FromString(raw))

    def _handle(self, fm: Any) -> bool:
        """Take in one message; True when it ends the run."""
        kind = fm.WhichOneof("type")
        if kind == "new_session":
            self.running = True
        if kind == "new_session" and not fm.metadata.run.fragment_ids:    # a run of the whole page
            # Only the fragments this run draws tick on, as in the browser.
            self.widgets, self.texts, self.downloads, self.fragments = {}, [], {}, {}
            self.widget_fragments = {}
        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            self._element(fm.delta.new_element, fm.delta.fragment_id)
        elif kind == "page_info_changed":
            self.query = fm.page_info_changed.query_string
        elif kind == "auto_rerun":
            self.fragments[fm.auto_rerun.fragment_id] = fm.auto_rerun.interval
        elif kind == "script_finished":
            if fm.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise WalkError("the app did not compile")
            if fm.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                self.running = False
                return True
        return False

    def _element(self, element: Any, fragment: str) -> None:
        kind = element.WhichOneof("type")
        if kind in WIDGETS:
            proto = getattr(element, kind)
            self.widgets[proto.id.split("-", 2)[-1]] = proto
            if fragment:
                self.widget_fragments[proto.id] = fragment
        elif kind == "markdown":
            self.texts.append(element.markdown.body)
        elif kind == "html" and (key := DOWNLOAD_KEY.search(element.html.body)):
            self.downloads[key.group(1)] = element.html.body  # a file handed over in the page (handover.py)
        elif kind == "html" and not element.html.body.lstrip().startswith(("<style", "<script")):
            self.texts.append(element.html.body)             # the review page's answers
        elif kind == "heading":
            self.texts.append(element.heading.body)
        elif kind == "alert":
            self.texts.append(element.alert.body)
        elif kind == "exception":
            raise WalkError(f"the app raised {element.exception.type}")

    def widget(self, key: str) -> Any:
        if key not in self.widgets:
            raise WalkError(f"no widget {key!r} on this page")
        return self.widgets[key]

    def click(self, key: str) -> WidgetState:
        return WidgetState(id=self.widget(key).id, trigger_value=True)

    def answers(self, form: Form, field_id: str, value: Any) -> list[WidgetState]:
        """The widget changes a visitor makes for one answer (one per ticked box)."""
        f, key = form.field(field_id), f"q:{field_id}"
        if f.type == "multi":
            return [WidgetState(id=self.widget(f"{key}:{v}").id, bool_value=True) for v in value]
        if f.type == "confirm":
            return [WidgetState(id=self.widget(key).id, bool_value=bool(value))]
        if f.type in ("choice", "yesno"):
            values = [True, False] if f.type == "yesno" else [o.value for o in f.options]
            return [WidgetState(id=self.widget(key).id, string_value=self.widget(key).options[values.index(value)])]
        return [WidgetState(id=self.widget(key).id, string_value=str(value))]

    def download(self, key: str) -> bytes:
        """What a download button hands over: the file is in the page itself (assistant/ui/handover.py)."""
        pdf = file_in_page(self.downloads.get(key, ""), key)
        if pdf is None:
            raise WalkError(f"no download {key!r} on this page")
        return pdf

    def page_text(self) -> str:
        return "\n".join(self.texts)

    async def close(self) -> None:
        await self.ws.close()


@dataclass
class Visit:
    """What one simulated visitor measured."""

    steps: list[float] = field(default_factory=list)
    create: float = 0.0
    receipt: float = 0.0          # from the result page on screen to the receipt's button on it
    review: str = ""


async def walk(url: str, person: dict[str, str], think: float, rng: random.Random) -> tuple[Session, Visit]:
    """One visitor through the whole form to the filled PDF; the session stays open for measuring."""
    session = await Session.open(url)
    visit = Visit()
    ticker = asyncio.create_task(_fragment_ticker(session))

    async def act(*states: WidgetState) -> float:
        await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
        return await session.rerun(*states)

    try:
        await session.rerun()                                     # the page loads
        await act(session.click("start:aldreomsorg"))
        for step, (page_id, values) in enumerate(PAGES):      # the last page's button creates the form
            if page_id == REVIEW_STEP:
                visit.review = session.page_text()
            for field_id, value in values.items():
                for state in session.answers(FORM, field_id, person.get(field_id, value)):
                    visit.steps.append(await act(state))
            if step == len(PAGES) - 1:
                visit.create = await act(session.click("nav:create"))
                break
            visit.steps.append(await act(session.click("nav:next")))
            if "bg-error-summary" in session.page_text():
                raise WalkError(f"page {page_id}: {session.page_text()[:300]}")
        if "nav:create" in session.widgets or "result:finish" not in session.widgets:
            raise WalkError("creating the PDF did not reach the result page")
        shown = time.perf_counter()
        while True:                         # while the receipt is being made the page polls for it
            await session.drain()           # the run the page's poll started when the receipt was made
            async with session.lock:        # never look at a page half-way through a run
                if "result:receipt" in session.downloads:
                    break
                if "result:receipt-pending" not in session.widgets:
                    raise WalkError("no receipt button on the result page: " + session.page_text()[-300:])
                if time.perf_counter() - shown > TIMEOUT:
                    break                   # counted as TIMEOUT in the receipt column
            await asyncio.sleep(0.05)
        visit.receipt = time.perf_counter() - shown
        await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
        if "result:receipt" in session.downloads and not session.download("result:receipt").startswith(b"%PDF-"):
            raise WalkError("the receipt is not a PDF")
    except BaseException:
        ticker.cancel()
        await session.close()
        raise
    ticker.cancel()
    return session, visit


async def _fragment_ticker(session: Session) -> None:
    """Run the app's fragments (the idle watch) as often as the server asked, like the browser does."""
    next_run: dict[str, float] = {}
    while True:
        await asyncio.sleep(0.25)
        now = time.monotonic()
        for fragment_id, interval in list(session.fragments.items()):
            if now >= next_run.setdefault(fragment_id, now + interval):
                next_run[fragment_id] = now + interval
                await session.rerun(fragment=fragment_id)


def person(i: int) -> dict[str, str]:
    """Visitor i's own, invented name."""
    return {"sokande.fornamn": f"Besökare{i:02d}", "sokande.efternamn": f"Provsson{i:02d}"}


async def run_visitors(url: str, count: int, think: float, seed: int) -> tuple[list[Session], list[Visit]]:
    rngs = [random.Random(seed * 1000 + i) for i in range(count)]
    results = await asyncio.gather(*(walk(url, person(i), think, rngs[i]) for i in range(count)))
    return [s for s, _ in results], [v for _, v in results]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Row:
    sessions: int
    idle_mib: float
    rss_mib: float
    peak_mib: float
    steps: list[float]
    creates: list[float]
    receipts: list[float]
    helper_mib: float
    seconds: float          # wall time of the visits
    server_cpu: float       # CPU seconds the server used meanwhile
    helper_cpu: float       # the receipt helper's (a helper that ended is not counted)
    client_cpu: float       # this benchmark's own websocket clients: the browsers, on the same cores


async def measure(count: int, think: float, seed: int, options: tuple[str, ...], profile: str = "") -> Row:
    with Server(options, profile) as server:
        idle, _ = server.memory_mib()
        server_before, helper_before = server.cpu_seconds()
        client_before, started = time.process_time(), time.monotonic()
        sessions, visits = await run_visitors(server.url, count, think, seed)
        seconds, client = time.monotonic() - started, time.process_time() - client_before
        server_cpu, helper_cpu = server.cpu_seconds()
        await asyncio.sleep(2)                       # let the last runs' garbage go before reading memory
        rss, peak = server.memory_mib()
        helper = server.helper_mib()
        for session in sessions:
            await session.close()
    return Row(count, idle, rss, peak, [s for v in visits for s in v.steps], [v.create for v in visits],
               [v.receipt for v in visits], helper, seconds, server_cpu - server_before,
               helper_cpu - helper_before, client)


def table(rows: list[Row]) -> str:
    base = rows[0]
    lines = [f"{'sessions':>8} {'idle MiB':>9} {'RSS MiB':>8} {'peak MiB':>9} {'MiB/extra':>10} "
             f"{'steps':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'create p50':>11} {'create p95':>11} "
             f"{'receipt p50':>12} {'receipt p95':>12} {'helper MiB':>11}"]
    for row in rows:
        extra = (row.rss_mib - base.rss_mib) / (row.sessions - base.sessions) if row.sessions > base.sessions else None
        lines.append(
            f"{row.sessions:>8} {row.idle_mib:>9.1f} {row.rss_mib:>8.1f} {row.peak_mib:>9.1f} "
            f"{'—' if extra is None else f'{extra:.2f}':>10} {len(row.steps):>6} "
            f"{percentile(row.steps, 50) * 1000:>7.0f} {percentile(row.steps, 95) * 1000:>7.0f} "
            f"{max(row.steps) * 1000:>7.0f} {percentile(row.creates, 50) * 1000:>9.0f} ms "
            f"{percentile(row.creates, 95) * 1000:>8.0f} ms {percentile(row.receipts, 50) * 1000:>9.0f} ms "
            f"{percentile(row.receipts, 95) * 1000:>9.0f} ms {row.helper_mib:>11.1f}")
    lines.append("")
    lines.append(f"{'sessions':>8} {'wall s':>7} {'server CPU s':>13} {'helper CPU s':>13} {'clients CPU s':>14}"
                 f" {'server CPU ms/step':>19}")
    for row in rows:
        lines.append(f"{row.sessions:>8} {row.seconds:>7.1f} {row.server_cpu:>13.1f} {row.helper_cpu:>13.1f} "
                     f"{row.client_cpu:>14.1f} {row.server_cpu / len(row.steps) * 1000:>19.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 60])
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a visitor's actions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="a Streamlit option for the server, e.g. runner.postScriptGC=false (repeatable)")
    parser.add_argument("--profile", default="", metavar="FILE",
                        help="run the server under bench/profile_server.py and write its cProfile stats to FILE "
                             "(the last session count's server)")
    args = parser.parse_args()
    rows = []
    for count in sorted(args.sessions):
        print(f"{count} visitor(s) …", file=sys.stderr, flush=True)
        profile = args.profile if count == max(args.sessions) else ""
        rows.append(asyncio.run(measure(count, args.think, args.seed, tuple(args.option), profile)))
    print(f"Service-housing form, {os.cpu_count()} cores, think time {args.think} s (±50 %), a fresh server each row"
          + (f", options: {' '.join(args.option)}." if args.option else "."))
    print(table(rows))
    last = rows[-1]
    if len(rows) > 1:
        per_extra = (last.rss_mib - rows[0].rss_mib) / (last.sessions - rows[0].sessions)
        print(f"Goal ≤ {GOAL_MIB_PER_SESSION} MiB per extra session: {per_extra:.2f} MiB "
              f"({'met' if per_extra <= GOAL_MIB_PER_SESSION else 'NOT met'}).")
    p95 = percentile(last.steps, 95) * 1000
    print(f"Goal p95 ≤ {GOAL_P95_MS:.0f} ms at {last.sessions} sessions: {p95:.0f} ms "
          f"({'met' if p95 <= GOAL_P95_MS else 'NOT met'}).")


if __name__ == "__main__":
    main()
