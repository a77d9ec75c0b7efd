#!/usr/bin/env python3
"""Classroom "follow the teacher" load test: one presenter, N following viewers, ONE server on 127.0.0.1.

The teacher is a real Debian Chromium page (never `playwright install`): it enters the teacher key, opens the
presentation and presses Next every --every seconds (Prev once the last slide is reached). The viewers are
light websocket clients (`websockets`, no rendering, as in `load_test.py --mode ws`): one real browser viewer
is recorded once (page load, "Follow the teacher" switched on, the follow fragment's timed rerun), then N
clients replay that: page load, follow on, and the fragment's rerun every FOLLOW_EVERY s as the browser
would (st.fragment(run_every=...) is driven by the frontend's timer).

Latency = from the teacher's Next (just before the click is sent) to a viewer receiving the slide's
"### k / n" heading for that step. Errors: Streamlit exception elements, a run that did not finish
successfully, a lost websocket, a viewer that never showed a step before the teacher moved on. Server RSS
(process tree) sampled every second. Bounded: every wait has a timeout and a watchdog ends the process.

    python bench/follow_load.py                     # 30 viewers, 60 s, Next every 3 s -> bench/results/load_follow.json
    python bench/follow_load.py --viewers 5 --seconds 15 --out /tmp/follow.json

Targets: p95 <= 1.5 s, 0 errors.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import secrets
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))
from load_test import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, git_commit, summary  # noqa: E402
from server import RssSampler, StreamlitServer, tree_cpu_s  # noqa: E402

TARGET_P95_MS = 1500
FOLLOW_EVERY = 1.0          # must match views/roles.py's FOLLOW_EVERY: the browser reruns the fragment this often
SLIDE = re.compile(r"^### (\d+) / (\d+)$")


def rerun_frame(data: bytes, clear_cache: bool = True) -> bytes:
    """A recorded rerun request, without the recorder's cached-message hashes (a fresh client has none)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    msg = BackMsg()
    msg.ParseFromString(data)
    if clear_cache:
        del msg.rerun_script.cached_message_hashes[:]
    return msg.SerializeToString()


# ---------------------------------------------------------------- the teacher (a real browser)

class Teacher:
    def __init__(self, browser, url: str, key: str, timeout: float):
        self.browser, self.url, self.key, self.timeout = browser, url, key, timeout
        self.clicks: list[tuple[float, int]] = []     # (monotonic time of the click, step it leads to)
        self.page = None

    async def open(self) -> None:
        self.ctx = await self.browser.new_context(viewport=VIEWPORT)
        self.page = await self.ctx.new_page()
        await self.page.goto(self.url, timeout=self.timeout * 1000)
        field = self.page.get_by_label("Teacher key")
        await field.wait_for(timeout=self.timeout * 1000)
        await field.fill(self.key)
        await field.press("Enter")
        await self.page.get_by_text("Teacher: you can edit").wait_for(timeout=self.timeout * 1000)
        await self.page.get_by_text("Presentation", exact=True).first.click()
        await self.page.locator(".st-key-next button").wait_for(timeout=self.timeout * 1000)
        first = self.page.locator("h3").filter(has_text=re.compile(r"^(\d+ / \d+|\S+ · \d+)$")).first
        if "·" in await first.inner_text():   # the presentation opens on its title slide: step to event 1
            await self.page.locator(".st-key-next button").click(timeout=self.timeout * 1000)
            await self.page.locator("h3", has_text=re.compile(r"^1 / \d+$")).wait_for(timeout=self.timeout * 1000)
        self.n = int(SLIDE.match("### " + await self.slide()).group(2))
        self.step = 1

    async def slide(self) -> str:
        h = self.page.locator("h3").filter(has_text=re.compile(r"^\d+ / \d+$")).first
        return (await h.inner_text()).strip()

    async def step_once(self) -> None:
        forward = self.step < self.n
        button = self.page.locator(".st-key-next button" if forward else ".st-key-prev button")
        target = self.step + (1 if forward else -1)
        self.clicks.append((time.monotonic(), target))
        await button.click(timeout=self.timeout * 1000)
        self.step = target
        # the teacher's own page must show it before the next click (as a teacher would wait)
        await self.page.locator("h3", has_text=re.compile(rf"^{target} / \d+$")).wait_for(timeout=self.timeout * 1000)

    async def close(self) -> None:
        try:
            await self.ctx.close()
        except Exception:
            pass


# ---------------------------------------------------------------- recording one following viewer

async def record_viewer(browser, url: str, timeout: float) -> dict[str, bytes]:
    from streamlit.proto.BackMsg_pb2 import BackMsg
    frames: list[tuple[str, bytes]] = []
    state = {"phase": "open"}
    ctx = await browser.new_context(viewport=VIEWPORT)
    page = await ctx.new_page()

    def on_ws(ws) -> None:
        def sent(payload) -> None:
            data = payload if isinstance(payload, bytes) else payload.encode()
            msg = BackMsg()
            msg.ParseFromString(data)
            if msg.WhichOneof("type") == "rerun_script":
                frames.append(("fragment" if msg.rerun_script.fragment_id else state["phase"], data))
        ws.on("framesent", sent)

    page.on("websocket", on_ws)
    try:
        await page.goto(url, timeout=timeout * 1000)
        await page.locator(".st-key-follow label").first.wait_for(timeout=timeout * 1000)
        await page.wait_for_timeout(500)
        state["phase"] = "follow_on"
        await page.locator(".st-key-follow label").first.click()
        await page.get_by_text("Following the teacher's slide").wait_for(timeout=timeout * 1000)
        state["phase"] = "after"
        await page.wait_for_timeout(int(FOLLOW_EVERY * 2500))   # a few timed fragment reruns
    finally:
        await ctx.close()
    out = {}
    for kind in ("open", "follow_on", "fragment"):
        got = [d for k, d in frames if k == kind]
        if not got:
            raise RuntimeError(f"recording the viewer: no '{kind}' rerun request seen "
                               f"(recorded: {[k for k, _ in frames]})")
        out[kind] = rerun_frame(got[0] if kind == "open" else got[-1])
    return out


# ---------------------------------------------------------------- a following viewer (websocket only)

class Viewer:
    def __init__(self, idx: int, ws_url: str, frames: dict[str, bytes], timeout: float, on_slide, on_error):
        self.idx, self.ws_url, self.frames, self.timeout = idx, ws_url, frames, timeout
        self.on_slide, self.on_error = on_slide, on_error
        self.conn = None
        self.shown = None
        self.seen: list[tuple[float, int]] = []

    async def _run_until_finished(self, data: bytes) -> None:
        await self.conn.send(data)
        while not await self._read_one():
            pass

    async def _read_one(self) -> bool:
        """Read one message; True when it ended a script run."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        raw = await asyncio.wait_for(self.conn.recv(), self.timeout)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            which = el.WhichOneof("type")
            if which == "exception":
                self.on_error(f"Streamlit exception element: {el.exception.message[:120]}")
            elif which == "markdown":
                m = SLIDE.match(el.markdown.body)
                if m and int(m.group(1)) != self.shown:
                    self.shown = int(m.group(1))
                    self.seen.append((time.monotonic(), self.shown))
                    self.on_slide(self, self.shown)
        elif kind == "script_finished":
            ok = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                  ForwardMsg.FINISHED_EARLY_FOR_RERUN)
            if msg.script_finished not in ok:
                self.on_error("script finished with status "
                              + ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished))
            return True
        return False

    async def open(self) -> None:
        from websockets.asyncio.client import connect  # comes with streamlit (through uvicorn)
        self.conn = await asyncio.wait_for(connect(self.ws_url, max_size=None, compression=None), self.timeout)
        await self._run_until_finished(self.frames["open"])
        await self._run_until_finished(self.frames["follow_on"])

    async def follow(self, deadline: float) -> None:
        """Read everything the server sends while sending the fragment's timed rerun, until `deadline`."""
        async def reader():
            while True:
                await self._read_one()

        async def ticker():
            # each browser's timer started when its student switched following on: random phases
            await asyncio.sleep(random.Random(self.idx).uniform(0, FOLLOW_EVERY))
            while time.monotonic() < deadline:
                await asyncio.sleep(FOLLOW_EVERY)
                await self.conn.send(self.frames["fragment"])

        read = asyncio.create_task(reader())
        try:
            await ticker()
            await asyncio.sleep(2.0)  # the last step's reruns
        finally:
            read.cancel()
            try:
                await read
            except (asyncio.CancelledError, Exception) as exc:  # noqa: BLE001
                if not isinstance(exc, asyncio.CancelledError):
                    self.on_error(f"viewer {self.idx}: {type(exc).__name__}: {exc}"[:200])
            await self.conn.close()


# ---------------------------------------------------------------- the run

async def drive(url: str, key: str, viewers: int, seconds: float, every: float, timeout: float,
                rss_now=lambda: 0.0, server_pid: int | None = None) -> dict:
    from playwright.async_api import async_playwright
    errors: Counter = Counter()
    latencies: list[float] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            t_warm = time.monotonic()
            teacher = Teacher(browser, url, key, timeout)
            await teacher.open()                       # the first visit also runs the pipeline once
            warm_s = time.monotonic() - t_warm
            frames = await record_viewer(browser, url, timeout)
            ws_url = url.replace("http://", "ws://") + "/_stcore/stream"

            def on_slide(v: Viewer, step: int) -> None:
                now = time.monotonic()
                clicks = [t for t, s in teacher.clicks if s == step and t <= now]
                if clicks:
                    latencies.append((now - clicks[-1]) * 1000)

            def on_error(err: str) -> None:
                errors[err] += 1

            crowd = [Viewer(i, ws_url, frames, timeout, on_slide, on_error) for i in range(viewers)]
            t_open = time.monotonic()
            opened = await asyncio.gather(*(v.open() for v in crowd), return_exceptions=True)
            for v, res in zip(crowd, opened):
                if isinstance(res, BaseException):
                    errors[f"viewer could not open: {type(res).__name__}: {res}"[:200]] += 1
            crowd = [v for v, res in zip(crowd, opened) if not isinstance(res, BaseException)]
            open_s = time.monotonic() - t_open
            rss_open = rss_now()
            t0 = time.monotonic()
            deadline = t0 + seconds
            cpu0 = tree_cpu_s(server_pid) if server_pid else 0.0

            async def present() -> None:
                while time.monotonic() + every < deadline:
                    t_next = time.monotonic() + every
                    try:
                        await teacher.step_once()
                    except Exception as exc:  # noqa: BLE001
                        errors[f"teacher: {type(exc).__name__}: {str(exc).splitlines()[0][:150]}"] += 1
                    await asyncio.sleep(max(0.0, t_next - time.monotonic()))

            await asyncio.gather(present(), *(v.follow(deadline) for v in crowd))
            wall = time.monotonic() - t0
            server_cpu = (tree_cpu_s(server_pid) - cpu0) if server_pid else None
            await teacher.close()
        finally:
            await browser.close()
    # a viewer that never showed a step the teacher stayed on is an error (it fell behind or stopped)
    steps = [s for _, s in teacher.clicks]
    missed = 0
    for v in crowd:
        shown = {s for _, s in v.seen}
        missed += sum(1 for s in steps if s not in shown)
    if missed:
        errors["a viewer never showed a slide the teacher presented"] += missed
    return {"latencies": latencies, "errors": errors, "clicks": len(teacher.clicks), "viewers": len(crowd),
            "wall_s": wall, "warm_s": warm_s, "open_s": open_s, "rss_open_mb": rss_open,
            "server_cpu_s": server_cpu, "slides": teacher.n,
            "expected_observations": len(teacher.clicks) * len(crowd)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--viewers", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--every", type=float, default=3.0, help="the teacher presses Next this often, s")
    ap.add_argument("--timeout", type=float, default=120.0, help="any single wait may take this long, s")
    ap.add_argument("--out", type=Path, default=RESULTS / "load_follow.json")
    args = ap.parse_args(argv)

    key = secrets.token_urlsafe(12)          # a fresh key; never printed
    lib = tempfile.mkdtemp(prefix="storyline-follow-")
    srv = StreamlitServer(env={"STORYLINE_LIBRARY": lib, "STORYLINE_TEACHER_KEY": key, "STORYLINE_DATA": ""})
    hard = args.seconds + 4 * args.timeout + 60

    def watchdog() -> None:
        print(f"follow_load: hard timeout {hard:.0f} s reached, stopping", file=sys.stderr)
        srv.stop()
        os._exit(3)

    dog = threading.Timer(hard, watchdog)
    dog.daemon = True
    dog.start()
    load0 = [round(x, 2) for x in os.getloadavg()]
    try:
        with srv:
            idle = round(srv.rss_mb(), 1)
            with RssSampler(srv.pid, 1.0) as rss:
                try:
                    run = asyncio.run(asyncio.wait_for(
                        drive(srv.url, key, args.viewers, args.seconds, args.every, args.timeout,
                              srv.rss_mb, srv.pid), hard - 30))
                except Exception as exc:  # noqa: BLE001 (say what failed; the server is still stopped)
                    print(f"follow_load: the run failed: {type(exc).__name__}: {str(exc)[:1500]}", file=sys.stderr)
                    print(srv.log_tail(1500), file=sys.stderr)
                    return 2
    except RuntimeError as exc:
        print(f"follow_load: could not start the dashboard: {exc}", file=sys.stderr)
        return 2
    finally:
        dog.cancel()

    lat = summary(run["latencies"])
    errors = run["errors"]
    res = {
        "meta": {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": git_commit(),
                 "cpus": os.cpu_count(), "viewers": args.viewers, "seconds": args.seconds, "every_s": args.every,
                 "follow_every_s": FOLLOW_EVERY, "wall_s": round(run["wall_s"], 1), "slides": run["slides"],
                 "teacher_nexts": run["clicks"], "viewers_following": run["viewers"],
                 "loadavg_start": load0, "loadavg_end": [round(x, 2) for x in os.getloadavg()],
                 "latency": "teacher's Next click sent -> a viewer receives that slide's '### k / n' heading",
                 "story": "the built-in story (data/seeds), a fresh library in a temporary folder"},
        "follow": {**lat, "expected": run["expected_observations"]},
        "server": {"rss_idle_mb": idle, "rss_after_open_mb": round(run["rss_open_mb"], 1),
                   "rss_peak_mb": rss.peak_mb, "first_visit_s": round(run["warm_s"], 1),
                   "viewers_open_s": round(run["open_s"], 1),
                   "cpu_s_during_run": round(run["server_cpu_s"], 1) if run["server_cpu_s"] is not None else None,
                   "rss_samples_mb": [mb for _, mb in rss.samples]},
        "errors": {"count": sum(errors.values()), "examples": dict(errors.most_common(20))},
    }
    res["targets"] = {"p95": lat["p95_ms"] is not None and lat["p95_ms"] <= TARGET_P95_MS,
                      "errors": res["errors"]["count"] == 0}
    res["pass"] = all(res["targets"].values())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(res, indent=1), encoding="utf-8")
    os.replace(tmp, args.out)
    print(f"| measure | value | target |\n|---|---|---|\n"
          f"| viewers x seconds | {run['viewers']} x {args.seconds:.0f} s, Next every {args.every:g} s "
          f"({run['clicks']} Nexts) | |\n"
          f"| Next -> viewer shows it p50 / p95 / max | {lat['p50_ms']} / {lat['p95_ms']} / {lat['max_ms']} ms "
          f"({lat['n']} of {run['expected_observations']}) | p95 <= {TARGET_P95_MS} ms: "
          f"{'yes' if res['targets']['p95'] else 'NO'} |\n"
          f"| server RSS peak (idle) | {rss.peak_mb} MiB ({idle} MiB) | |\n"
          f"| errors | {res['errors']['count']} | 0: {'yes' if res['targets']['errors'] else 'NO'} |")
    for e, n in res["errors"]["examples"].items():
        print(f"- {n} x {e}")
    print(f"\n-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
