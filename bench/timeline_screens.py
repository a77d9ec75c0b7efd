#!/usr/bin/env python3
"""Screenshots of the Timeline view at projector sizes, with what a class at the back would check.

For each viewport (default 1280x720 and 1920x1080) it opens the dashboard (Debian chromium), waits for
the chart, saves the window as PNG, and measures in the page: how many headlines are fully inside the
window and their smallest font size, the chart's width against the width the rows were laid out for,
whether any two headlines' boxes overlap or a headline runs past the chart, and the contrast of the
source context text in the details. Then it clicks a dot and checks that its details are in view.

    python bench/timeline_screens.py                       # bundled story -> out/screens/
    python bench/timeline_screens.py --events 1000 --sizes 1280x720
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from load_test import CHROMIUM, CHROMIUM_ARGS, DONE_JS, INSTRUMENT_JS, QUIET_MS  # noqa: E402
from server import StreamlitServer  # noqa: E402

OUT = HERE.parent / "out" / "screens"

MEASURE_JS = r"""() => {
  const g = document.querySelector('.js-plotly-plot');
  if (!g) return null;
  const vh = window.innerHeight, vw = window.innerWidth, gr = g.getBoundingClientRect();
  const heads = [...g.querySelectorAll('.scatterlayer .trace text')].filter(t => {
    const tr = t.closest('.trace'); return tr && getComputedStyle(tr).opacity !== '0' && t.textContent.trim();
  });
  const boxes = heads.map(t => t.getBoundingClientRect());
  let overlaps = 0, past = 0;
  for (let i = 0; i < boxes.length; i++) {
    if (boxes[i].right > gr.right + 1) past++;
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
    }
  }
  const inView = boxes.filter(b => b.top >= 0 && b.bottom <= vh && b.left >= 0 && b.right <= vw);
  const sizes = heads.map(t => parseFloat(getComputedStyle(t).fontSize));
  // text colour as seen: its alpha and every ancestor's opacity blended over the background behind it
  const rgba = c => { const v = c.match(/[\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const lum = v => { const w = v.slice(0, 3).map(x => { x = x / 255;
      return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
      return 0.2126 * w[0] + 0.7152 * w[1] + 0.0722 * w[2]; };
  const bg = el => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) return c; } return [255, 255, 255, 1]; };
  const q = document.querySelector('.st-key-details blockquote p') || document.querySelector('.st-key-details blockquote');
  let contrast = null;
  if (q) { const fg = rgba(getComputedStyle(q).color), back = bg(q);
           let alpha = fg[3]; for (let el = q; el; el = el.parentElement) alpha *= +getComputedStyle(el).opacity;
           const seen = [0, 1, 2].map(i => fg[i] * alpha + back[i] * (1 - alpha));
           const a = lum(seen), b = lum(back);
           contrast = Math.round((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) * 100) / 100; }
  const meta = (g.layout && g.layout.meta) || {};
  return {chart_width: Math.round(gr.width), laid_out_for: meta.width_px || null, pages: (meta.pages || []).length,
          text_items: heads.length, text_in_view: inView.length, min_font_px: sizes.length ? Math.min(...sizes) : null,
          overlapping_pairs: overlaps, past_right_edge: past, context_contrast: contrast};
}"""


async def shoot(url: str, sizes: list[tuple[int, int]], out: Path, tag: str, timeout: float) -> list[dict]:
    from playwright.async_api import async_playwright
    res = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for w, h in sizes:
                ctx = await browser.new_context(viewport={"width": w, "height": h})
                await ctx.add_init_script(INSTRUMENT_JS)
                page = await ctx.new_page()
                await page.goto(url, timeout=timeout * 1000)
                await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=timeout * 1000)
                await page.wait_for_function(DONE_JS, arg=[0, 600], polling=100, timeout=timeout * 1000)
                shot = out / f"timeline_{tag}_{w}x{h}.png"
                await page.screenshot(path=str(shot))
                m = await page.evaluate(MEASURE_JS)
                # the rows scrolled to the top of the window: how many 16 px+ headlines a class sees at once
                await page.evaluate("() => document.querySelector('.js-plotly-plot .nsewdrag')"
                                    ".scrollIntoView({block: 'start'})")
                await page.wait_for_timeout(300)
                m["headlines_16px_in_view_scrolled"] = await page.evaluate("""() => [...document.querySelectorAll(
                    '.js-plotly-plot .scatterlayer .trace text')].filter(t => {
                      const b = t.getBoundingClientRect(); return parseFloat(getComputedStyle(t).fontSize) >= 16
                        && t.textContent.trim() && b.top >= 0 && b.bottom <= innerHeight; }).length""")
                await page.screenshot(path=str(out / f"timeline_{tag}_{w}x{h}_rows.png"))
                # click the first dot of the second row: its details must come into view
                dots = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
                n = await dots.count()
                if n > 3:
                    before = await page.evaluate("() => window.__bench.mark()")
                    await dots.nth(3).click(force=True)
                    await page.wait_for_function(DONE_JS, arg=[before, QUIET_MS], polling=100, timeout=timeout * 1000)
                    await page.wait_for_timeout(800)
                    m["details_in_view_after_click"] = await page.evaluate("""() => {
                        const d = document.querySelector('.st-key-details'); if (!d) return null;
                        const r = d.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }""")
                    await page.screenshot(path=str(out / f"timeline_{tag}_{w}x{h}_clicked.png"))
                    m["context_contrast"] = (await page.evaluate(MEASURE_JS))["context_contrast"]
                res.append({"viewport": f"{w}x{h}", "png": str(shot), **m})
                await ctx.close()
        finally:
            await browser.close()
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, help="a synthetic story of this many events")
    ap.add_argument("--data", help="folder for STORYLINE_DATA (default: the bundled story)")
    ap.add_argument("--sizes", default="1280x720,1920x1080")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args(argv)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    env, tag = {}, "bundled"
    if args.events:
        from dashboard_bench import write_story
        folder = Path(tempfile.mkdtemp(prefix=f"storyline-{args.events}-"))
        write_story(args.events, folder)
        env, tag = {"STORYLINE_DATA": str(folder)}, f"{args.events}"
    elif args.data:
        env, tag = {"STORYLINE_DATA": str(Path(args.data).resolve())}, Path(args.data).name
    args.out.mkdir(parents=True, exist_ok=True)
    with StreamlitServer(env=env) as srv:
        res = asyncio.run(shoot(srv.url, sizes, args.out, tag, args.timeout))
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
