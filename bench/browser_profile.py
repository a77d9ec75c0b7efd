#!/usr/bin/env python3
"""Where the browser's time goes on one click: a CPU profile of the page (Chromium's sampling profiler
over the DevTools protocol) around each action of bench/browser_bench.py, summed by script.

For each action it prints the wall time (the same in-page clock as browser_bench.py), the JS self time
in the Plotly chunk of Streamlit's bundle, in the rest of Streamlit's JS (React, protobuf, widgets), and
the top functions; and, after the action, the size of the chart in the page (SVG nodes, traces, height).
No target: this is for finding the cost, browser_bench.py is the measure.

    python bench/browser_profile.py --events 1000            # -> bench/results/browser_profile.json
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from load_test import CHROMIUM, CHROMIUM_ARGS, DONE_JS, INSTRUMENT_JS, QUIET_MS, RESULTS, Student  # noqa: E402
from server import StreamlitServer  # noqa: E402

CHART_SIZE_JS = r"""() => {
  const g = document.querySelector('.js-plotly-plot');
  if (!g) return null;
  return {svg_nodes: g.querySelectorAll('*').length, points: g.querySelectorAll('.point').length,
          text_nodes: g.querySelectorAll('text').length, traces: (g.data || []).length,
          height: Math.round(g.getBoundingClientRect().height), width: Math.round(g.getBoundingClientRect().width),
          gl: g.querySelectorAll('canvas').length};
}"""


def summarise(profile: dict, top: int = 12) -> dict:
    nodes = {n["id"]: n for n in profile["nodes"]}
    dt = profile.get("timeDeltas", [])
    self_us: Counter = Counter()
    for sid, d in zip(profile.get("samples", []), dt):
        self_us[sid] += d
    by_script: Counter = Counter()
    by_fn: Counter = Counter()
    for nid, us in self_us.items():
        cf = nodes[nid]["callFrame"]
        url = cf.get("url", "")
        name = cf.get("functionName") or "(anonymous)"
        if "PlotlyChart" in url:
            script = "plotly"
        elif url:
            script = "streamlit"
        elif name in ("(idle)", "(program)", "(garbage collector)"):
            script = name
        else:
            script = "native/other"
        by_script[script] += us
        by_fn[f"{script}:{name}"] += us
    ms = lambda c: {k: round(v / 1000, 1) for k, v in c.most_common(top)}  # noqa: E731
    return {"by_script_ms": ms(by_script), "top_functions_ms": ms(by_fn)}


async def run(url: str, repeats: int, timeout: float, viewport: dict) -> list[dict]:
    from playwright.async_api import async_playwright
    out: list[dict] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            lat: list[tuple[str, float]] = []
            s = Student(0, browser, url, 0, timeout, lambda k, ms, err: lat.append((k, ms)))
            s.ctx = await browser.new_context(viewport=viewport)
            await s.ctx.add_init_script(INSTRUMENT_JS)
            s.page = await s.ctx.new_page()
            cdp = await s.ctx.new_cdp_session(s.page)
            await cdp.send("Profiler.enable")
            await cdp.send("Profiler.setSamplingInterval", {"interval": 500})
            await cdp.send("Profiler.start")
            await s.page.goto(url, timeout=timeout * 1000)
            await s.page.wait_for_function(DONE_JS, arg=[0, QUIET_MS], polling=50, timeout=timeout * 1000)
            await s.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=timeout * 1000)
            prof = (await cdp.send("Profiler.stop"))["profile"]
            out.append({"action": "first page", **summarise(prof), "chart": await s.page.evaluate(CHART_SIZE_JS)})
            plan = [("add_character", s.add_character), ("remove_character", s.remove_character),
                    ("x_axis", lambda: s.pick_radio("x_mode", None, "x_axis")),
                    ("lanes", lambda: s.pick_radio("lanes", None, "lanes"))]
            for kind, act in plan:
                for _ in range(repeats):
                    await cdp.send("Profiler.start")
                    n0 = len(lat)
                    await act()
                    prof = (await cdp.send("Profiler.stop"))["profile"]
                    ms = next((m for k, m in lat[n0:] if k == kind), None)
                    out.append({"action": kind, "wall_ms": round(ms, 1) if ms else None, **summarise(prof),
                                "chart": await s.page.evaluate(CHART_SIZE_JS)})
        finally:
            await browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=800)
    ap.add_argument("--out", type=Path, default=RESULTS / "browser_profile.json")
    args = ap.parse_args(argv)
    from dashboard_bench import write_story
    folder = Path(tempfile.mkdtemp(prefix=f"storyline-{args.events}-"))
    write_story(args.events, folder)
    with StreamlitServer(env={"STORYLINE_DATA": str(folder)}) as srv:
        res = asyncio.run(run(srv.url, args.repeats, args.timeout, {"width": args.width, "height": args.height}))
    for r in res:
        print(f"{r['action']:>16} {r.get('wall_ms', '')!s:>8} ms  {r['by_script_ms']}  chart={r['chart']}")
        print(" " * 18 + ", ".join(f"{k} {v}" for k, v in list(r["top_functions_ms"].items())[:8]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"events": args.events, "viewport": f"{args.width}x{args.height}",
                                    "runs": res}, indent=1), encoding="utf-8")
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
