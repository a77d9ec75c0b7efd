#!/usr/bin/env python3
"""What one user waits for in Debian's Chromium, and the server's memory, on the bundled story.

  1. cold start: from spawning `streamlit run app.py` until the first Plotly chart (an svg) is drawn in the
     page (the server's health check answering, the page load, the pipeline run behind st.cache_data and
     the first render are all inside);
  2. warm page load, from navigation to the chart drawn, two ways: the same browser reopening the page in a
     new tab (HTTP cache warm: what a teacher reopening the page waits for), and a second visitor in a new
     browser context (server warm, but the page's JS fetched and compiled again);
  3. click -> redraw: the user's input event until the rerun finished and the chart stopped changing
     (stamped in the page, see load_test.py): --repeats filter changes in the sidebar (a character added,
     then removed again), horizontal-axis switches, lanes switches, and Next in the presentation; medians
     reported;
  4. server RSS (process tree): after start, after the first page, peak during the run (1 s samples).

Each action's time is also split: `server` = from the page's first request after the input until the last
answer arrived (the rerun on the server, network included); the rest is the browser (Plotly, React).

Targets (issue 10): click -> redraw median <= 300 ms for filter, axis and lanes changes alike, warm page
load -> chart <= 2 s, server RSS <= 300 MB. Results: bench/results/browser.json and a markdown table on
stdout.

    python bench/browser_bench.py                 # bundled story, 10 repeats
    python bench/browser_bench.py --repeats 20 --data tests/fixtures/sample --out /tmp/browser.json
    python bench/browser_bench.py --events 1000 --out bench/results/browser_1000.json   # a 1,000-event story
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from load_test import (CHROMIUM, CHROMIUM_ARGS, DONE_JS, INSTRUMENT_JS, QUIET_MS, RESULTS,  # noqa: E402
                       SelectorMissing, Student, git_commit, summary)
from server import RssSampler, StreamlitServer  # noqa: E402

TARGET_FILTER_MS = 300      # filter, axis and lanes changes alike
TARGET_WARM_MS = 2000
TARGET_RSS_MB = 300
CHART = ".js-plotly-plot .main-svg"


async def measure(srv: StreamlitServer, repeats: int, timeout: float) -> dict:
    from playwright.async_api import async_playwright

    lat: dict[str, list[float]] = {}
    errors: list[str] = []

    def record(kind: str, ms: float | None, err: str | None) -> None:
        if ms is not None:
            lat.setdefault(kind, []).append(ms)
        if err:
            errors.append(f"{kind}: {err}")

    out: dict = {}
    async with async_playwright() as p:
        # The browser is up before the server is spawned so that its own start-up is not counted.
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            out["chromium"] = browser.version
            first = Student(0, browser, srv.url, 0, timeout, record)
            first.ctx = await browser.new_context(viewport={"width": 1280, "height": 800})
            first.page = await first.ctx.new_page()
            first.page.on("pageerror", lambda exc: record("pageerror", None, str(exc)))
            await first.ctx.add_init_script(INSTRUMENT_JS)

            srv.start()
            out["health_s"] = round(srv.startup_s, 2)
            out["rss_started_mb"] = round(srv.rss_mb(), 1)
            with RssSampler(srv.pid, 1.0) as rss:
                await first.page.goto(srv.url, timeout=timeout * 1000)
                await first.page.wait_for_selector(CHART, timeout=timeout * 1000)
                out["cold_first_chart_s"] = round(time.monotonic() - srv.t_spawn, 2)
                out["rss_after_first_page_mb"] = round(srv.rss_mb(), 1)
                # A teacher reopening the page: a new tab of the same browser (the first visitor's context,
                # its HTTP cache and compiled-code cache warm from the first load), the first tab closed.
                reopen = []
                for _ in range(3):
                    await first.page.close()
                    first.page = await first.ctx.new_page()
                    t0 = time.monotonic()
                    await first.page.goto(srv.url, timeout=timeout * 1000)
                    await first.page.wait_for_function(DONE_JS, arg=[0, QUIET_MS], polling=50,
                                                       timeout=timeout * 1000)
                    await first.page.wait_for_selector(CHART, timeout=timeout * 1000)
                    reopen.append((time.monotonic() - t0) * 1000)
                out["warm_cache_page_loads_ms"] = [round(v, 1) for v in reopen]
                out["warm_cache_page_load_ms"] = round(statistics.median(reopen), 1)
                await first.close()

                # A second visitor: a new browser context, so an empty HTTP cache (the page's ~10 MB of JS
                # fetched and compiled again) but the server's caches warm.
                second = Student(1, browser, srv.url, 0, timeout, record)
                second.server_times = True
                out["warm_page_load_ms"] = round(await second.open(), 1)
                for _ in range(repeats):
                    await second.add_character()
                    await second.remove_character()
                for _ in range(repeats):
                    await second.pick_radio("x_mode", None, "x_axis")
                for _ in range(repeats):
                    await second.pick_radio("lanes", None, "lanes")
                await second.go("to_presentation", "to_presentation")
                for _ in range(repeats):
                    await second.next_slide()
                await second.close()
            out["rss_peak_mb"] = rss.peak_mb
            out["rss_end_mb"] = round(srv.rss_mb(), 1)
        finally:
            await browser.close()
    med = lambda v: round(statistics.median(v), 1) if v else None  # noqa: E731
    out["latency"] = {k: summary(v) | {"median_ms": med(v), "server_median_ms": med(lat.get(k + ":server", []))}
                      for k, v in lat.items() if not k.endswith(":server")}
    filt = lat.get("add_character", []) + lat.get("remove_character", [])
    filt_srv = lat.get("add_character:server", []) + lat.get("remove_character:server", [])
    out["filter_change"] = summary(filt) | {"median_ms": med(filt), "server_median_ms": med(filt_srv)}
    out["errors"] = errors
    return out


def report(res: dict) -> str:
    m, f, t = res["measures"], res["measures"]["filter_change"], res["targets"]
    rows = [("server spawn -> health ok", f"{m['health_s']} s", ""),
            ("server spawn -> first chart drawn (cold, pipeline included)", f"{m['cold_first_chart_s']} s", ""),
            ("second visitor, new browser context (server warm, HTTP cache cold): page load -> chart",
             f"{m['warm_page_load_ms']} ms", f"<= {TARGET_WARM_MS} ms: {'yes' if t['warm_page'] else 'NO'}"),
            ("same browser reopening the page (server and HTTP cache warm), median of 3",
             f"{m.get('warm_cache_page_load_ms')} ms ({m.get('warm_cache_page_loads_ms')})",
             f"<= {TARGET_WARM_MS} ms: {'yes' if t.get('warm_cache_page') else 'NO'}"),
            ("filter change (character add/remove) -> redraw, median (n)",
             f"{f['median_ms']} ms ({f['n']}); p95 {f['p95_ms']} ms; server {f.get('server_median_ms')} ms",
             f"<= {TARGET_FILTER_MS} ms: {'yes' if t['filter_median'] else 'NO'}"),
            ("server RSS started / after first page / peak",
             f"{m['rss_started_mb']} / {m['rss_after_first_page_mb']} / {m['rss_peak_mb']} MiB",
             f"<= {TARGET_RSS_MB} MiB: {'yes' if t['rss'] else 'NO'}"),
            ("errors", str(len(m["errors"])), "0")]
    out = ["| measure | value | target |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    out += ["", "| action | n | median ms | of which server, median ms | p95 ms | max ms |",
            "|---|---|---|---|---|---|"]
    out += [f"| {k} | {v['n']} | {v['median_ms']} | {v.get('server_median_ms')} | {v['p95_ms']} | {v['max_ms']} |"
            for k, v in sorted(m["latency"].items())]
    if m["errors"]:
        out += ["", "Errors:"] + [f"- {e}" for e in m["errors"][:20]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=10, help="measurements per kind of action")
    ap.add_argument("--timeout", type=float, default=120.0, help="one step may take this long, s")
    ap.add_argument("--data", help="folder for STORYLINE_DATA (default: the bundled story)")
    ap.add_argument("--events", type=int, help="a synthetic story of this many events (dashboard.data.synthetic)")
    ap.add_argument("--out", type=Path, default=RESULTS / "browser.json")
    args = ap.parse_args(argv)

    if args.events:   # the same synthetic story bench/dashboard_bench.py measures on the server side
        import tempfile
        from dashboard_bench import write_story
        args.data = tempfile.mkdtemp(prefix=f"storyline-{args.events}-")
        write_story(args.events, Path(args.data))
    env = {"STORYLINE_DATA": str(Path(args.data).resolve())} if args.data else {}
    srv = StreamlitServer(env=env)
    try:
        m = asyncio.run(asyncio.wait_for(measure(srv, args.repeats, args.timeout),
                                         args.timeout * (4 + args.repeats)))
    except SelectorMissing as exc:
        print(f"browser_bench: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"browser_bench: {exc}", file=sys.stderr)
        return 2
    finally:
        srv.stop()
    res = {"meta": {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": git_commit(),
                    "cpus": os.cpu_count(), "python": platform.python_version(), "chromium": m.pop("chromium"),
                    "data": args.data or "bundled story (data/seeds)", "repeats": args.repeats,
                    "loadavg_1min_end": round(os.getloadavg()[0], 2),   # other work on the machine: compare within a pair
                    "viewport": "1280x800"},
           "measures": m}
    med = m["filter_change"]["median_ms"]
    lat = m["latency"]
    res["targets"] = {"filter_median": med is not None and med <= TARGET_FILTER_MS,
                      "axis_median": lat.get("x_axis", {}).get("median_ms", 1e9) <= TARGET_FILTER_MS,
                      "lanes_median": lat.get("lanes", {}).get("median_ms", 1e9) <= TARGET_FILTER_MS,
                      "warm_page": m["warm_page_load_ms"] <= TARGET_WARM_MS,
                      "warm_cache_page": m["warm_cache_page_load_ms"] <= TARGET_WARM_MS,
                      "rss": m["rss_peak_mb"] <= TARGET_RSS_MB, "errors": not m["errors"]}
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
