#!/usr/bin/env python3
"""Classroom load test: N browser sessions (default 30) use ONE dashboard server at the same time.

One Debian Chromium (never `playwright install`), one browser context per student. Each student opens the
app, then loops for --seconds: add a character in the sidebar multiselect, search, switch the horizontal
axis, remove the character, clear the search, open the presentation, press Next a few times, back to the
timeline, with --think seconds (uniform 0.5x-1.5x) between actions.

Latency of an action = from the user's input event (pointerdown/keydown, stamped in the page) until Streamlit
finished the rerun it caused (stApp's data-test-script-state back to "notRunning", or - for reruns too fast
for that attribute to ever show "running" - the last websocket message answering the request) and the Plotly
chart stopped changing, all stamped in the page (MutationObserver, WebSocket wrapper); so it is what the student sees, not
Playwright's polling. Errors: exceptions in the page or in Playwright, timeouts, Streamlit exception
elements ([data-testid="stException"]), lost websocket. Server RSS (process tree) sampled every second.

    python bench/load_test.py                       # 30 sessions x 60 s -> bench/results/load.json
    python bench/load_test.py --sessions 5 --seconds 20 --think 0 --out /tmp/load.json
    python bench/load_test.py --mode ws --think realistic   # 3 s between actions (stress = 1 s, the default)
    python bench/load_test.py --mode follow         # a teacher presenting, 30 viewers following (follow_load.py)

Targets: p95 <= 1 s, peak server RSS <= 1 GB, 0 errors. Exit status 0 even when a target is missed (the
JSON says so); 2 when the run itself could not happen (server or browser did not start, selector missing).
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))
from server import RssSampler, StreamlitServer, tree_cpu_s  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
QUIET_MS = 200          # the chart must be still this long before an action counts as finished
TARGET_P95_MS = 1000
TARGET_RSS_MB = 1024

# Stamps, in the page's own clock, the user's input and the end of every Streamlit run and chart redraw.
INSTRUMENT_JS = r"""
(() => {
  if (window.__bench) return;
  const B = window.__bench = {state: 'initial', runsDone: 0, tDone: 0, tChart: 0, tInput: 0, tMark: 0,
                              armed: false, conn: '', everConnected: false, disconnects: 0,
                              sends: 0, sendsAtMark: 0, tSend: 0, tSend0: 0, tRecv: 0};
  B.mark = () => { B.armed = true; B.tMark = performance.now(); B.tInput = 0; B.sendsAtMark = B.sends;
                   B.tSend0 = 0; return B.runsDone; };
  // A rerun of a few ms can finish before React ever renders script-state "running" (the two updates are
  // batched), so the attribute alone misses fast reruns: also stamp the websocket traffic. A request sent
  // after mark() and an answer received after it count as a run; its last message is its end.
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(...a) { super(...a); this.addEventListener('message', () => { B.tRecv = performance.now(); }); }
    send(d) { B.sends++; B.tSend = performance.now(); if (!B.tSend0 && B.sends > B.sendsAtMark) B.tSend0 = B.tSend;
              return super.send(d); }
  };
  const onInput = () => { if (B.armed) { B.armed = false; B.tInput = performance.now(); } };
  window.addEventListener('pointerdown', onInput, true);
  window.addEventListener('keydown', onInput, true);
  const obs = new MutationObserver(muts => {
    const t = performance.now();
    let chart = false;
    for (const m of muts) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (!el) continue;
      if (m.type === 'attributes' && m.attributeName === 'data-test-script-state') {
        const s = el.getAttribute('data-test-script-state');
        if (s === 'notRunning' && B.state !== 'notRunning') { B.runsDone++; B.tDone = t; }
        B.state = s;
      } else if (m.type === 'attributes' && m.attributeName === 'data-test-connection-state') {
        const c = el.getAttribute('data-test-connection-state');
        if (c === 'CONNECTED') B.everConnected = true;
        else if (B.everConnected && B.conn === 'CONNECTED') B.disconnects++;
        B.conn = c;
      } else if (!chart && el.closest && el.closest('.js-plotly-plot') && !el.closest('.hoverlayer')) {
        chart = true;
      }
    }
    if (chart) B.tChart = t;
  });
  obs.observe(document, {subtree: true, childList: true, attributes: true});
})();
"""

# Resolves when the run counter passed `n`, the script is idle and the chart has been still QUIET ms.
DONE_JS = r"""
([n, quiet]) => {
  const B = window.__bench, t = performance.now();
  if (!B) return false;
  const ran = B.runsDone > n || (B.sends > B.sendsAtMark && B.tRecv > B.tSend);
  if (!ran || B.state !== 'notRunning' || t - Math.max(B.tDone, B.tChart, B.tRecv) < quiet) return false;
  const start = B.tInput || B.tMark;
  const end = Math.max(B.runsDone > n ? B.tDone : 0, B.tChart > start ? B.tChart : 0,
                       B.tRecv > start ? B.tRecv : 0);
  // the server's share: the first request after the input until the last answer (network included)
  const server = B.tSend0 && B.tRecv > B.tSend0 ? B.tRecv - B.tSend0 : null;
  return {ms: end - start, server_ms: server, chart: !!document.querySelector('.js-plotly-plot .main-svg'),
          exceptions: document.querySelectorAll('[data-testid="stException"]').length,
          disconnects: B.disconnects, viaInput: !!B.tInput};
}
"""


NOTES: Counter = Counter()  # things a real user would trip over, reported next to the errors


class SelectorMissing(RuntimeError):
    """A control the test drives is not on the page: the app's widgets changed."""


# Each control: how to find it, most specific first (widget key, then data-testid + position).
CONTROLS: dict[str, list[str]] = {
    "characters": [".st-key-f_chars", "[data-testid='stSidebar'] [data-testid='stMultiSelect'] >> nth=0"],
    "search": [".st-key-f_q input", "[data-testid='stSidebar'] [data-testid='stTextInput'] input >> nth=0"],
    "to_presentation": ["[data-testid='stTopNavLink'] >> nth=1"],   # the pages' navigation, in the header
    "exit": [".st-key-exit button"],                                  # the presentation hides the header
    "x_mode": [".st-key-x_mode", "[data-testid='stMain'] [data-testid='stRadio'] >> nth=0"],
    "lanes": [".st-key-lanes", "[data-testid='stMain'] [data-testid='stRadio'] >> nth=1"],
    "next": [".st-key-next button", "[data-testid='stMain'] [data-testid='stButton'] button >> nth=1"],
    "prev": [".st-key-prev button", "[data-testid='stMain'] [data-testid='stButton'] button >> nth=0"],
}


async def control(page, name: str):
    for sel in CONTROLS[name]:
        loc = page.locator(sel)
        if await loc.count():
            return loc.first
    raise SelectorMissing(f"control '{name}' not found on the page (tried: {' | '.join(CONTROLS[name])}); "
                          "the widgets in app.py or views/ changed - update CONTROLS in bench/load_test.py")


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, -(-len(s) * q // 100) - 1))
    return round(s[int(k)], 1)


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": pct(values, 50), "p95_ms": pct(values, 95),
            "max_ms": round(max(values), 1) if values else None,
            "mean_ms": round(sum(values) / len(values), 1) if values else None}


# ---------------------------------------------------------------- one student

class Student:
    def __init__(self, idx: int, browser, url: str, think: float, action_timeout: float, record,
                 open_timeout: float | None = None):
        self.idx, self.browser, self.url = idx, browser, url
        self.open_timeout = open_timeout or action_timeout
        self.think, self.action_timeout = think, action_timeout
        self.rng = random.Random(idx)
        self.record = record  # record(kind, ms | None, error | None)
        self.page = None
        self.ctx = None
        self.current = "open"  # the action in progress: recorded websocket frames are tagged with it
        self.server_times = False  # also record(kind + ":server", ms): the server's share of each action

    async def open(self) -> float:
        self.ctx = await self.browser.new_context(viewport=VIEWPORT)
        await self.ctx.add_init_script(INSTRUMENT_JS)
        self.page = await self.ctx.new_page()
        self.page.on("pageerror", lambda exc: self.record("pageerror", None, f"page error: {exc}"))
        t0 = time.monotonic()
        await self.page.goto(self.url, timeout=self.open_timeout * 1000)
        await self.page.wait_for_function(DONE_JS, arg=[0, QUIET_MS], polling=50, timeout=self.open_timeout * 1000)
        await self.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=self.open_timeout * 1000)
        return (time.monotonic() - t0) * 1000

    async def close(self) -> None:
        if self.ctx is not None:
            try:
                await self.ctx.close()
            except Exception:
                pass

    async def timed(self, kind: str, trigger) -> None:
        """Arm the in-page clock, run `trigger` (the one input that causes a rerun), wait for the rerun."""
        page = self.page
        self.current = kind
        before = await page.evaluate("() => window.__bench.mark()")
        await trigger()
        try:
            handle = await page.wait_for_function(DONE_JS, arg=[before, QUIET_MS], polling=50,
                                                  timeout=self.action_timeout * 1000)
        except Exception as exc:
            raise RuntimeError(f"{kind}: no finished rerun within {self.action_timeout:.0f} s "
                               f"({type(exc).__name__})") from exc
        res = await handle.json_value()
        err = None
        if res["exceptions"]:
            err = f"{res['exceptions']} Streamlit exception element(s) on the page after {kind}"
        elif res["disconnects"]:
            err = "websocket to the server was lost"
        self.record(kind, res["ms"], err)
        if self.server_times and res.get("server_ms") is not None:
            self.record(kind + ":server", res["server_ms"], None)

    # -- the actions; each leaves the page in a state the next one expects
    async def sidebar(self) -> None:
        """Open the sidebar when the app collapsed it (it does for the presentation), as a user would."""
        expand = self.page.locator("[data-testid='stExpandSidebarButton']")
        if await expand.count() and await expand.first.is_visible():
            NOTES["sidebar collapsed when the filters were needed; pressed the expand button"] += 1
            await expand.first.click()
            box = await control(self.page, "characters")
            await box.locator("input").first.wait_for(state="visible", timeout=self.action_timeout * 1000)
            await self.page.wait_for_timeout(400)  # the slide-in animation

    async def add_character(self) -> None:
        await self.sidebar()
        box = await control(self.page, "characters")
        await box.locator("input").first.click()
        opts = self.page.locator("[role='listbox'] [role='option']:not([data-key='__select_all__'])")
        await opts.first.wait_for(timeout=self.action_timeout * 1000)
        n = await opts.count()
        target = opts.nth(self.rng.randrange(min(n, 6)))  # the main cast: a student picks a main character
        await self.timed("add_character", target.click)
        await self.page.keyboard.press("Escape")

    async def remove_character(self) -> None:
        await self.sidebar()
        box = await control(self.page, "characters")
        chip = box.locator("button[aria-label^='Remove']")
        if not await chip.count():
            return await self.add_character()
        await self.timed("remove_character", chip.first.click)

    async def search(self, text: str, kind: str) -> None:
        await self.sidebar()
        box = await control(self.page, "search")
        await box.fill(text)
        await self.timed(kind, lambda: box.press("Enter"))

    async def pick_radio(self, name: str, index: int | None, kind: str) -> None:
        radio = await control(self.page, name)
        options = radio.locator("[data-testid='stRadioOption']")
        n = await options.count()
        if n < 2:
            raise SelectorMissing(f"control '{name}' has {n} options, expected >= 2")
        checked = await radio.evaluate(
            "el => Array.from(el.querySelectorAll('input[type=radio]')).findIndex(i => i.checked)")
        if index is None:
            index = (checked + 1) % n  # the next mode: always a change, so always a rerun
        if index == checked:
            return
        target = options.nth(index)
        await target.scroll_into_view_if_needed()
        reachable = await target.evaluate("""el => { const r = el.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return !!hit && el.contains(hit); }""")
        if not reachable:
            # Something (e.g. the fixed header when the sidebar is collapsed) covers the option, so a
            # mouse user could not click it. Count it and use the keyboard, as such a user would have to.
            NOTES[f"'{name}' option {index} covered for the mouse; used the keyboard"] += 1
            key = "ArrowLeft" if index < checked else "ArrowRight"
            await radio.locator("input[type=radio]").nth(checked).focus()
            for _ in range(abs(index - checked) - 1):
                await self.page.keyboard.press(key)
            await self.timed(kind, lambda: self.page.keyboard.press(key))
            return
        await self.timed(kind, target.click)

    async def go(self, name: str, kind: str) -> None:
        """Another page: a click on its link in the navigation (or on Exit, out of the presentation)."""
        link = await control(self.page, name)
        await self.timed(kind, link.click)

    async def next_slide(self) -> None:
        button = await control(self.page, "next")
        if await button.is_disabled():  # last slide: go back instead
            button = await control(self.page, "prev")
        await self.timed("next", button.click)

    async def cycle(self, deadline: float) -> None:
        plan = [lambda: self.add_character(),
                lambda: self.search("e", "search"),
                lambda: self.pick_radio("x_mode", None, "x_axis"),
                lambda: self.remove_character(),
                lambda: self.search("", "search_clear"),
                lambda: self.go("to_presentation", "to_presentation"),
                lambda: self.next_slide(), lambda: self.next_slide(), lambda: self.next_slide(),
                lambda: self.go("exit", "to_timeline")]
        for step in plan:
            if time.monotonic() >= deadline:
                return
            await step()
            if self.think:
                await asyncio.sleep(self.think * self.rng.uniform(0.5, 1.5))

    async def try_open(self, load_times: list[float]) -> bool:
        try:
            load_times.append(await self.open())
            return True
        except Exception as exc:
            self.record("open", None, f"open: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
            await self.close()
            return False

    async def run(self, deadline: float) -> None:
        errors_in_a_row = 0
        try:
            while time.monotonic() < deadline:
                try:
                    await self.cycle(deadline)
                    errors_in_a_row = 0
                except SelectorMissing:
                    raise
                except Exception as exc:
                    self.record("action", None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                    errors_in_a_row += 1
                    if errors_in_a_row >= 3:
                        return
                    try:  # start over from a fresh page, as a student would press reload
                        await self.page.goto(self.url, timeout=self.action_timeout * 1000)
                        await self.page.wait_for_function(DONE_JS, arg=[0, QUIET_MS], polling=50,
                                                          timeout=self.action_timeout * 1000)
                    except Exception:
                        return
        finally:
            await self.close()


# ---------------------------------------------------------------- the run

async def drive(url: str, sessions: int, seconds: float, think: float, action_timeout: float,
                stagger: float, warm: bool = True, rss_now=lambda: 0.0, server_pid: int | None = None,
                open_timeout: float = 240.0) -> dict:
    from playwright.async_api import async_playwright

    latencies: dict[str, list[float]] = {}
    errors: Counter = Counter()
    load_times: list[float] = []

    def record(kind: str, ms: float | None, err: str | None) -> None:
        if ms is not None:
            latencies.setdefault(kind, []).append(ms)
        if err:
            errors[err] += 1

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            warm_ms, rss_warm = None, None
            if warm:  # the first visitor pays for the pipeline run (st.cache_data); the class comes after
                w = Student(-1, browser, url, 0, max(action_timeout, 120), record)
                try:
                    warm_ms = round(await w.open(), 1)
                finally:
                    await w.close()
                rss_warm = round(rss_now(), 1)
            # Phase 1: every student opens the page (--stagger apart); page loads are reported on their own.
            students = [Student(i, browser, url, think, action_timeout, record, open_timeout)
                        for i in range(sessions)]
            t_open = time.monotonic()

            async def open_one(s: Student, delay: float) -> bool:
                await asyncio.sleep(delay)
                return await s.try_open(load_times)

            opened = await asyncio.gather(*(open_one(s, i * stagger) for i, s in enumerate(students)))
            open_wall = time.monotonic() - t_open
            # Phase 2: all who got in work together for `seconds`.
            t0 = time.monotonic()
            deadline = t0 + seconds
            cpu0 = tree_cpu_s(server_pid) if server_pid else 0.0
            await asyncio.gather(*(s.run(deadline) for s, ok in zip(students, opened) if ok))
            wall = time.monotonic() - t0
            server_cpu = (tree_cpu_s(server_pid) - cpu0) if server_pid else None
            version = browser.version
        finally:
            await browser.close()
    return {"latencies": latencies, "errors": errors, "load_times": load_times, "wall_s": wall,
            "chromium": version, "warm_ms": warm_ms, "rss_warm_mb": rss_warm,
            "open_wall_s": open_wall, "opened": sum(opened), "server_cpu_s": server_cpu}


# ---------------------------------------------------------------- protocol replay (--mode ws)
# 30 Chromium frontends on 2 cores measure mostly the browsers. In a classroom every student renders on
# their own machine, so this mode records the websocket messages one real browser sends for one cycle of
# actions, then replays them from N light clients (`websockets`, no rendering) against the same server:
# latency = rerun request sent -> script_finished received, i.e. the server's share under load.

async def record_frames(url: str, action_timeout: float) -> list[tuple[str, bytes]]:
    from playwright.async_api import async_playwright
    from streamlit.proto.BackMsg_pb2 import BackMsg

    frames: list[tuple[str, bytes]] = []
    problems: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            s = Student(0, browser, url, 0, action_timeout,
                        lambda kind, ms, err: problems.append(err) if err else None, max(action_timeout, 120))

            def on_ws(ws) -> None:
                def sent(payload) -> None:
                    data = payload if isinstance(payload, bytes) else payload.encode()
                    msg = BackMsg()
                    msg.ParseFromString(data)
                    if msg.WhichOneof("type") == "rerun_script":
                        frames.append((s.current, data))
                ws.on("framesent", sent)

            s.ctx = await browser.new_context(viewport=VIEWPORT)
            await s.ctx.add_init_script(INSTRUMENT_JS)
            s.page = await s.ctx.new_page()
            s.page.on("websocket", on_ws)
            s.page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            await s.page.goto(url, timeout=s.open_timeout * 1000)
            await s.page.wait_for_function(DONE_JS, arg=[0, QUIET_MS], polling=50, timeout=s.open_timeout * 1000)
            await s.cycle(time.monotonic() + 10 * action_timeout)
            await s.close()
        finally:
            await browser.close()
    if problems:
        raise RuntimeError(f"recording the actions failed: {problems[:3]}")
    if not frames or frames[0][0] != "open":
        raise RuntimeError("no rerun request recorded for the first page load")
    return frames


class WsStudent:
    def __init__(self, idx: int, ws_url: str, frames: list[tuple[str, bytes]], think: float,
                 action_timeout: float, record):
        self.idx, self.ws_url, self.frames = idx, ws_url, frames
        self.think, self.action_timeout, self.record = think, action_timeout, record
        self.rng = random.Random(idx)
        self.conn = None

    async def rerun(self, kind: str, data: bytes, record: bool = True) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        t0 = time.monotonic()
        await self.conn.send(data)
        exceptions = 0
        while True:
            raw = await asyncio.wait_for(self.conn.recv(), self.action_timeout)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind_ = msg.WhichOneof("type")
            if kind_ == "delta" and msg.delta.WhichOneof("type") == "new_element" \
                    and msg.delta.new_element.WhichOneof("type") == "exception":
                exceptions += 1
            elif kind_ == "script_finished":
                status = msg.script_finished
                break
        ms = (time.monotonic() - t0) * 1000
        err = None
        if exceptions:
            err = f"{exceptions} Streamlit exception element(s) after {kind}"
        elif status not in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
            err = f"script finished with status {ForwardMsg.ScriptFinishedStatus.Name(status)} after {kind}"
        self.record(kind, ms if record else None, err)

    async def open(self) -> float:
        from websockets.asyncio.client import connect  # comes with streamlit (through uvicorn)
        t0 = time.monotonic()
        self.conn = await asyncio.wait_for(connect(self.ws_url, max_size=None, compression=None),
                                           self.action_timeout)
        await self.rerun("open", self.frames[0][1], record=False)  # counted as page load, not an action
        return (time.monotonic() - t0) * 1000

    async def try_open(self, load_times: list[float]) -> bool:
        try:
            load_times.append(await self.open())
            return True
        except Exception as exc:
            self.record("open", None, f"open: {type(exc).__name__}: {exc}"[:200])
            return False

    async def run(self, deadline: float) -> None:
        try:
            while time.monotonic() < deadline:
                for kind, data in self.frames[1:]:
                    if time.monotonic() >= deadline:
                        return
                    await self.rerun(kind, data)
                    if self.think:
                        await asyncio.sleep(self.think * self.rng.uniform(0.5, 1.5))
        except Exception as exc:
            self.record("action", None, f"{type(exc).__name__}: {exc}"[:200])
        finally:
            if self.conn is not None:
                await self.conn.close()


async def drive_ws(url: str, sessions: int, seconds: float, think: float, action_timeout: float,
                   stagger: float, warm: bool = True, rss_now=lambda: 0.0, server_pid: int | None = None,
                   open_timeout: float = 240.0) -> dict:
    latencies: dict[str, list[float]] = {}
    errors: Counter = Counter()
    load_times: list[float] = []

    def record(kind: str, ms: float | None, err: str | None) -> None:
        if ms is not None:
            latencies.setdefault(kind, []).append(ms)
        if err:
            errors[err] += 1

    t_rec = time.monotonic()
    frames = await record_frames(url, action_timeout)  # this first visit also warms the cache
    warm_ms = round((time.monotonic() - t_rec) * 1000, 1)
    rss_warm = round(rss_now(), 1)
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    students = [WsStudent(i, ws_url, frames, think, open_timeout, record) for i in range(sessions)]
    t_open = time.monotonic()

    async def open_one(s: WsStudent, delay: float) -> bool:
        await asyncio.sleep(delay)
        return await s.try_open(load_times)

    opened = await asyncio.gather(*(open_one(s, i * stagger) for i, s in enumerate(students)))
    open_wall = time.monotonic() - t_open
    for s in students:
        s.action_timeout = action_timeout
    t0 = time.monotonic()
    cpu0 = tree_cpu_s(server_pid) if server_pid else 0.0
    await asyncio.gather(*(s.run(t0 + seconds) for s, ok in zip(students, opened) if ok))
    wall = time.monotonic() - t0
    server_cpu = (tree_cpu_s(server_pid) - cpu0) if server_pid else None
    return {"latencies": latencies, "errors": errors, "load_times": load_times, "wall_s": wall,
            "chromium": None, "warm_ms": warm_ms, "rss_warm_mb": rss_warm, "open_wall_s": open_wall,
            "opened": sum(opened), "server_cpu_s": server_cpu,
            "recorded_actions": [k for k, _ in frames]}


# A student reads the redrawn chart before the next click: 1 s (the default) is a stress level,
# 3 s a realistic class following the teacher, 0 hammers the server.
THINK_PRESETS = {"hammer": 0.0, "stress": 1.0, "realistic": 3.0}


def think_seconds(value: str) -> float:
    """--think: a number of seconds or a THINK_PRESETS name."""
    if value in THINK_PRESETS:
        return THINK_PRESETS[value]
    try:
        secs = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not seconds nor one of {', '.join(THINK_PRESETS)}: {value!r}")
    if secs < 0:
        raise argparse.ArgumentTypeError("think time must be >= 0")
    return secs


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=5).stdout.strip() or None
    except OSError:
        return None


def report(res: dict) -> str:
    a, s = res["actions"], res["server"]
    rows = [("mode", res["meta"]["mode"], ""),
            ("sessions x seconds", f"{res['meta']['sessions']} x {res['meta']['seconds']:.0f} s "
                                   f"(think {res['meta']['think_s']} s)", ""),
            ("actions measured", str(a["n"]), ""),
            ("action latency p50 / p95 / max", f"{a['p50_ms']} / {a['p95_ms']} / {a['max_ms']} ms",
             f"p95 <= {TARGET_P95_MS} ms: {'yes' if res['targets']['p95'] else 'NO'}"),
            ("page load p50 / p95 / max (students opening together)",
             f"{res['page_load']['p50_ms']} / {res['page_load']['p95_ms']} / {res['page_load']['max_ms']} ms; "
             f"{res['page_load']['opened']} of {res['meta']['sessions']} opened", ""),
            ("server RSS peak (idle before)", f"{s['rss_peak_mb']} MiB ({s['rss_idle_mb']} MiB)",
             f"<= {TARGET_RSS_MB} MiB: {'yes' if res['targets']['rss'] else 'NO'}"),
            ("server CPU during the action phase", f"{s['cpu_s_during_actions']} s in {res['meta']['wall_s']} s", ""),
            ("load average at start / end (whole machine)",
             f"{res['meta']['loadavg_start'][0]} / {res['meta']['loadavg_end'][0]}", ""),
            ("errors", str(res["errors"]["count"]), f"0: {'yes' if res['targets']['errors'] else 'NO'}")]
    out = ["| measure | value | target |", "|---|---|---|"] + [f"| {a_} | {b} | {c} |" for a_, b, c in rows]
    out += ["", "| action | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    out += [f"| {k} | {v['n']} | {v['p50_ms']} | {v['p95_ms']} | {v['max_ms']} |" for k, v in a["by_kind"].items()]
    if res.get("notes"):
        out += ["", "Notes (usability, not errors):"] + [f"- {n} x {e}" for e, n in res["notes"].items()]
    if res["errors"]["examples"]:
        out += ["", "Errors:"] + [f"- {n} x {e}" for e, n in res["errors"]["examples"].items()]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", choices=["browser", "ws", "follow"], default="browser",
                    help="browser: one Chromium context per student (what they see, but the browsers "
                         "share this machine's CPUs); ws: replay one browser's recorded websocket "
                         "messages from light clients (the server's share); follow: one teacher presenting, "
                         "--sessions viewers following (bench/follow_load.py)")
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=60.0, help="how long every session keeps acting")
    ap.add_argument("--think", type=think_seconds, default=1.0,
                    help="mean pause between a student's actions: seconds, or a preset "
                         f"({', '.join(f'{k}={v:g}' for k, v in THINK_PRESETS.items())}); default 1 s")
    ap.add_argument("--stagger", type=float, default=0.0, help="delay between students opening the page, s")
    ap.add_argument("--open-timeout", type=float, default=240.0,
                    help="opening the page may take this long, s (all students open at once)")
    ap.add_argument("--action-timeout", type=float, default=60.0, help="one action may take this long, s")
    ap.add_argument("--no-warm", action="store_true",
                    help="don't open the app once before the students (then they pay the first pipeline run)")
    ap.add_argument("--data", help="folder for STORYLINE_DATA (default: the bundled story)")
    ap.add_argument("--out", type=Path, default=RESULTS / "load.json")
    args = ap.parse_args(argv)
    if args.mode == "follow":  # its own scenario and report (a presenter, followers): bench/follow_load.py
        from follow_load import main as follow_main
        out = args.out if args.out != RESULTS / "load.json" else RESULTS / "load_follow.json"
        return follow_main(["--viewers", str(args.sessions), "--seconds", str(args.seconds), "--out", str(out)])

    # Bounded no matter what: the browser work is cancelled at seconds + slack, and a watchdog ends the
    # process (the server is in its own group and is stopped by the finally below or by the watchdog).
    hard_timeout = (args.seconds + args.stagger * args.sessions + 2 * args.open_timeout
                    + 2 * args.action_timeout + 60)
    load0 = [round(x, 2) for x in os.getloadavg()]  # other work on the machine skews every number
    env = {"STORYLINE_DATA": str(Path(args.data).resolve())} if args.data else {}
    srv = StreamlitServer(env=env)

    def watchdog() -> None:
        print(f"load_test: hard timeout {hard_timeout + 60:.0f} s reached, stopping", file=sys.stderr)
        srv.stop()
        os._exit(3)

    dog = threading.Timer(hard_timeout + 60, watchdog)
    dog.daemon = True
    dog.start()
    try:
        with srv:
            idle = round(srv.rss_mb(), 1)
            with RssSampler(srv.pid, 1.0) as rss:
                try:
                    run = asyncio.run(asyncio.wait_for(
                        (drive_ws if args.mode == "ws" else drive)(srv.url, args.sessions, args.seconds, args.think, args.action_timeout,
                              args.stagger, not args.no_warm, srv.rss_mb, srv.pid, args.open_timeout),
                        hard_timeout))
                except SelectorMissing as exc:
                    print(f"load_test: {exc}", file=sys.stderr)
                    return 2
                except (asyncio.TimeoutError, TimeoutError):
                    print(f"load_test: the run did not finish within the hard timeout {hard_timeout:.0f} s",
                          file=sys.stderr)
                    return 2
                except Exception as exc:  # e.g. recording in --mode ws failed: say what, server still stopped
                    print(f"load_test: the run failed: {type(exc).__name__}: {str(exc)[:2000]}", file=sys.stderr)
                    return 2
            startup = srv.startup_s
    except RuntimeError as exc:
        print(f"load_test: could not start the dashboard: {exc}", file=sys.stderr)
        return 2
    finally:
        dog.cancel()

    all_ms = [ms for v in run["latencies"].values() for ms in v]
    errors: Counter = run["errors"]
    res = {
        "meta": {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": git_commit(),
                 "cpus": os.cpu_count(), "python": platform.python_version(), "chromium": run["chromium"],
                 "mode": args.mode, "sessions": args.sessions, "seconds": args.seconds, "think_s": args.think,
                 "stagger_s": args.stagger, "data": args.data or "bundled story (data/seeds)",
                 "wall_s": round(run["wall_s"], 1), "quiet_ms": QUIET_MS,
                 "loadavg_start": load0, "loadavg_end": [round(x, 2) for x in os.getloadavg()],
                 "latency": ("input event -> rerun finished and chart still for quiet_ms (end = last change)"
                             if args.mode == "browser" else
                             "rerun request sent on the websocket -> script_finished received"),
                 "recorded_actions": run.get("recorded_actions")},
        "server": {"url": srv.url, "startup_s": round(startup or 0, 2), "rss_idle_mb": idle, "rss_after_warmup_mb": run["rss_warm_mb"],
                   "warmup_page_ms": run["warm_ms"], "rss_peak_mb": rss.peak_mb,
                   "cpu_s_during_actions": round(run["server_cpu_s"], 1) if run["server_cpu_s"] is not None else None,
                   "rss_samples_mb": [mb for _, mb in rss.samples]},
        "page_load": {**summary(run["load_times"]), "opened": run["opened"],
                      "all_opened_after_s": round(run["open_wall_s"], 1)},
        "actions": {**summary(all_ms), "by_kind": {k: summary(v) for k, v in sorted(run["latencies"].items())}},
        "errors": {"count": sum(errors.values()), "examples": dict(errors.most_common(20))},
        "notes": dict(NOTES),
    }
    res["targets"] = {"p95": res["actions"]["p95_ms"] is not None and res["actions"]["p95_ms"] <= TARGET_P95_MS,
                      "rss": rss.peak_mb <= TARGET_RSS_MB, "errors": res["errors"]["count"] == 0}
    res["pass"] = all(res["targets"].values())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(res, indent=1), encoding="utf-8")
    os.replace(tmp, args.out)
    print(report(res))
    print(f"\n-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
