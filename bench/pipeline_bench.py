#!/usr/bin/env python3
"""Speed and memory of the whole pipeline against two baselines, on the seeds and generated corpora.

For each size (seeds, 10k, 100k, 1M words) and layout ("docs": documents of 2-5k words in en/es/it;
"single": one English document of the same size) a fresh subprocess measures, in that order:
  1. pipeline.run over the texts (wall time; peak RSS of the process right after it),
  2. baseline 2: a plain regex sentence split over the same texts,
  3. baseline 1: dateparser.search.search_dates(text, languages=[lang]) per document. When that would
     exceed the time budget it runs on a prefix sample (whole documents, or the first words of the single
     document) and the total is extrapolated linearly by words; the result says so.
Results: bench/results/pipeline.json and bench/results/pipeline.md (see bench/README.md).

    python bench/pipeline_bench.py                 # seeds, 10k, 100k, 1M (several minutes)
    python bench/pipeline_bench.py --quick         # seeds, 10k, 100k with small dateparser samples (< 2 min)
    python bench/pipeline_bench.py --sizes 10k,1M
"""
from __future__ import annotations

import argparse
import json
import math
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
SEEDS = ROOT / "data" / "seeds"
SIZES = {"seeds": 0, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
sys.path[:0] = [str(ROOT), str(HERE)]  # run as a script from anywhere: `pipeline` and `generate` importable


# ---------------------------------------------------------------- worker (one size, one layout, own process)

def _maxrss_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _texts(size: str, layout: str) -> tuple[dict[str, str], dict[str, str]]:
    """name -> text and name -> language of the texts to measure."""
    import generate
    if size == "seeds":
        texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
        return texts, {}  # languages: as the pipeline detects them
    words = SIZES[size]
    if layout == "single":
        docs = generate.corpus(words, seed=0, langs=("en",))
        return {"single_en": "\n\n".join(docs.values())}, {"single_en": "en"}
    texts = generate.corpus(words, seed=0)
    return texts, {name: name.rsplit("_", 1)[-1] for name in texts}


def _prefix(text: str, n_words: int) -> str:
    """The first ~n_words words of text, cut after a sentence end when there is one."""
    m = None
    for m in re.finditer(r"\S+", text):
        n_words -= 1
        if n_words <= 0:
            break
    if m is None or n_words > 0:
        return text
    cut = text.rfind(". ", 0, m.end())
    return text[: cut + 1] if cut > 0 else text[: m.end()]


def worker(size: str, layout: str, budget: float, sample_words: int, limit: float) -> dict:
    import pipeline
    from dateparser.search import search_dates

    texts, langs = _texts(size, layout)
    words = sum(len(t.split()) for t in texts.values())
    res: dict = {"size": size, "layout": layout, "words": words, "docs": len(texts)}
    for lang, warm in (("en", "On March 3, 1921 he left."), ("es", "El 9 de julio de 1816 se fue."),
                       ("it", "Il 2 giugno 1946 partì.")):
        search_dates(warm, languages=[lang])  # load each language's tables outside the timing
    rss0 = _maxrss_mb()

    # ingest caps the documents per run; past the cap, time consecutive batches and say so
    cap = int(getattr(pipeline.ingest, "MAX_FILES", 0) or 0)
    names = list(texts)
    batches = [names] if size == "seeds" or not cap or len(names) <= cap else \
        [names[i:i + cap] for i in range(0, len(names), cap)]
    if len(batches) > 1:
        res["pipeline_batches"] = len(batches)
        res["pipeline_note"] = f"{len(names)} documents > ingest.MAX_FILES={cap}: timed as {len(batches)} runs"
    # a time limit on the pipeline alone, so that the baselines are still measured when it is too slow;
    # the TimeoutError surfaces as PipelineError naming the stage that was running
    import signal

    def _too_slow(signum, frame):
        raise TimeoutError(f"pipeline exceeded the {limit:g} s limit")
    signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, limit)
    # steady state, for both sides: load lexicons, regexes, lingua and dateparser's language data once
    # before timing (the one-off start-up cost is reported apart)
    warm = {"w_en.txt": "On March 3, 1921, Anna met Tom Reed in Boston. The next day they left for York.",
            "w_es.txt": "El 9 de julio de 1816, Ana Ruiz conoció a Tomás en Tucumán. Al día siguiente se fue.",
            "w_it.txt": "Il 2 giugno 1946 Anna Neri incontrò Marco a Roma. Il giorno dopo partì per Milano."}
    t0 = time.perf_counter()
    pipeline.run(texts=warm)
    res["pipeline_start_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    for name, text in warm.items():
        search_dates(text, languages=[name[2:4]])
    res["dateparser_start_s"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    try:
        res["events"] = res["story_events"] = res["characters"] = 0
        stage_s: dict[str, float] = {}
        mark = [None, time.perf_counter()]  # (stage running, when it started)

        def progress(name: str, i: int, n: int) -> None:  # called as each stage starts
            now = time.perf_counter()
            if mark[0]:
                stage_s[mark[0]] = stage_s.get(mark[0], 0.0) + now - mark[1]
            mark[:] = [name, now]
        res["stage_s"] = stage_s
        for batch in batches:
            mark[:] = [None, time.perf_counter()]
            story = pipeline.run([SEEDS], progress=progress) if size == "seeds" else \
                pipeline.run(texts={n: texts[n] for n in batch}, progress=progress)
            progress("", 0, 0)  # closes the last stage
            res["events"] += len(story.events)
            res["story_events"] += sum(e.kind == "story" for e in story.events)
            res["characters"] += sum(not c.is_group for c in story.characters.values())
            if size == "seeds":
                langs = {d.doc: d.lang for d in story.docs}
            story = None
        res["pipeline_s"] = time.perf_counter() - t0
    except Exception as exc:  # a broken stage is a result too; the baselines still run
        res["pipeline_s"] = None
        res["pipeline_error"] = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    if "stage_s" in res:  # on a timeout, the stage that was running gets its time so far
        if res.get("pipeline_s") is None and mark[0]:
            res["stage_s"][mark[0]] = res["stage_s"].get(mark[0], 0.0) + time.perf_counter() - mark[1]
        res["stage_s"] = {k: round(v, 3) for k, v in res["stage_s"].items() if k}
    res["peak_rss_mb"] = round(_maxrss_mb(), 1)
    res["rss_before_mb"] = round(rss0, 1)
    story = None

    t0 = time.perf_counter()
    n_sent = sum(len(SENTENCE_END.split(t)) for t in texts.values())
    res["regex_s"] = time.perf_counter() - t0
    res["regex_sentences"] = n_sent

    # dateparser: whole documents in order until the sample or the time budget is used up
    done_words, found, t_dp = 0, 0, 0.0
    items = list(texts.items())
    if len(items) == 1 and words > sample_words:
        name, text = items[0]
        items = [(name, _prefix(text, sample_words))]
    for name, text in items:
        t0 = time.perf_counter()
        hits = search_dates(text, languages=[langs.get(name, "en")]) or []
        t_dp += time.perf_counter() - t0
        done_words += len(text.split())
        found += len(hits)
        if t_dp > budget or done_words >= sample_words:
            break
    res["dateparser_sample_words"] = done_words
    res["dateparser_extrapolated"] = done_words < words
    res["dateparser_s"] = t_dp * words / max(1, done_words)
    res["dateparser_dates_found_in_sample"] = found
    return res


# ---------------------------------------------------------------- driver

def run_worker(size: str, layout: str, budget: float, sample_words: int, limit: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", size, layout,
           "--budget", str(budget), "--sample", str(sample_words), "--limit", str(limit)]
    timeout = limit + 2 * budget + 300  # the limits inside the worker normally stop it long before
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"size": size, "layout": layout, "error": f"timed out after {timeout:.0f} s"}
    if p.returncode != 0 or not p.stdout.strip():
        return {"size": size, "layout": layout, "error": (p.stderr.strip().splitlines() or ["?"])[-1][:300]}
    res = json.loads(p.stdout.strip().splitlines()[-1])
    res["process_s"] = round(time.perf_counter() - t0, 2)
    return res


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(time) against log(words): 1.0 = linear growth."""
    pts = [(math.log(w), math.log(t)) for w, t in points if w and t and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / den, 3) if den else None


def derive(r: dict) -> dict:
    p, d, x, n = r.get("pipeline_s"), r.get("dateparser_s"), r.get("regex_s"), r.get("docs") or 1
    r["pipeline_ms_per_doc"] = round(1000 * p / n, 2) if p is not None else None
    r["dateparser_ms_per_doc"] = round(1000 * d / n, 2) if d is not None else None
    r["pipeline_words_per_s"] = round(r["words"] / p) if p else None
    r["pipeline_over_dateparser"] = round(p / d, 3) if p is not None and d else None
    r["pipeline_over_regex"] = round(p / x, 1) if p is not None and x else None
    for k in ("pipeline_s", "dateparser_s", "regex_s"):
        if r.get(k) is not None:
            r[k] = round(r[k], 4)
    return r


def markdown(results: list[dict], growth: dict, meta: dict) -> str:
    def f(v, suffix=""):
        return "-" if v is None else f"{v}{suffix}"
    lines = [f"# Pipeline benchmark ({meta['date']}, {meta['mode']})", "",
             f"Python {meta['python']}, {meta['cpus']} CPUs, commit {meta['commit']}. Times in seconds (wall).",
             "`*` = dateparser time extrapolated linearly from a sample (words in the sample column).", "",
             "| size | layout | words | docs | pipeline s | ms/doc | words/s | dateparser s | dp ms/doc | dp sample |"
             " regex s | pipeline/dateparser | pipeline/regex | peak RSS MB | events (story) | characters |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['size']} | {r['layout']} | error: {r['error']} |" + " |" * 13)
            continue
        star = "*" if r.get("dateparser_extrapolated") else ""
        pipe = f(r.get("pipeline_s")) if "pipeline_error" not in r else "error"
        pipe += " (batched)" if r.get("pipeline_batches") else ""
        lines.append(
            f"| {r['size']} | {r['layout']} | {r['words']} | {r['docs']} | {pipe} | {f(r['pipeline_ms_per_doc'])} | "
            f"{f(r['pipeline_words_per_s'])} | {f(r['dateparser_s'])}{star} | {f(r['dateparser_ms_per_doc'])} | "
            f"{r['dateparser_sample_words']} | {f(r['regex_s'])} | {f(r['pipeline_over_dateparser'])} | "
            f"{f(r['pipeline_over_regex'])} | {r['peak_rss_mb']} | {f(r.get('events'))} ({f(r.get('story_events'))}) | "
            f"{f(r.get('characters'))} |")
    stages = [st for r in results for st in (r.get("stage_s") or {})]
    stages = list(dict.fromkeys(stages))
    if stages:
        lines += ["", "Seconds per pipeline stage:", "", "| size | layout | " + " | ".join(stages) + " |",
                  "|---|---|" + "---:|" * len(stages)]
        for r in results:
            if r.get("stage_s"):
                lines.append(f"| {r['size']} | {r['layout']} | "
                             + " | ".join(f(r["stage_s"].get(st)) for st in stages) + " |")
    lines += ["", "Growth exponent (log-log slope of time against words over the generated sizes; 1.0 = linear):", ""]
    for k, v in growth.items():
        lines.append(f"- {k}: {f(v)}")
    errors = [f"- {r['size']}/{r['layout']}: {r['pipeline_error']}" for r in results if "pipeline_error" in r]
    if errors:
        lines += ["", "Pipeline errors:", "", *errors]
    notes = [f"- {r['size']}/{r['layout']}: {r['pipeline_note']}" for r in results if "pipeline_note" in r]
    if notes:
        lines += ["", "Notes:", "", *notes]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", help=f"comma-separated, from {', '.join(SIZES)} (default: all; --quick: seeds,10k,100k)")
    ap.add_argument("--quick", action="store_true", help="small dateparser samples, no 1M: finishes in < 2 minutes")
    ap.add_argument("--budget", type=float, help="seconds of dateparser per size before extrapolating "
                                                 "(default 120, --quick 10)")
    ap.add_argument("--sample", type=int, help="most words given to dateparser per size (default 100000, --quick 20000)")
    ap.add_argument("--limit", type=float, help="seconds the pipeline may take per size before it is "
                                                "stopped and reported as too slow (default 300, --quick 30)")
    ap.add_argument("--out", default=str(RESULTS), help="folder for pipeline.json and pipeline.md")
    ap.add_argument("--worker", nargs=2, metavar=("SIZE", "LAYOUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    budget = args.budget if args.budget is not None else (10.0 if args.quick else 120.0)
    sample = args.sample if args.sample is not None else (20_000 if args.quick else 100_000)
    limit = args.limit if args.limit is not None else (30.0 if args.quick else 300.0)
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], budget, sample, limit)))
        return 0

    sizes = (args.sizes.split(",") if args.sizes else (["seeds", "10k", "100k"] if args.quick else list(SIZES)))
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        print(f"error: unknown size {unknown}; choose from {list(SIZES)}", file=sys.stderr)
        return 2
    results = []
    for size in sizes:
        for layout in (["docs"] if size == "seeds" else ["docs", "single"]):
            r = run_worker(size, layout, budget, sample, limit)
            if "error" not in r:
                derive(r)
            results.append(r)
            print(f"{size:>5} {layout:6} " + ("error: " + r["error"] if "error" in r else
                  f"{r['words']:>8} words  pipeline {r['pipeline_s']} s  dateparser {r['dateparser_s']} s"
                  f"{'*' if r['dateparser_extrapolated'] else ''}  regex {r['regex_s']} s  "
                  f"peak {r['peak_rss_mb']} MB" + (f"  [{r['pipeline_error']}]" if "pipeline_error" in r else "")),
                  flush=True)
    growth = {}
    for layout in ("docs", "single"):
        gen = [r for r in results if r["layout"] == layout and r["size"] != "seeds" and "error" not in r]
        growth[f"pipeline/{layout}"] = slope([(r["words"], r["pipeline_s"]) for r in gen if r.get("pipeline_s")])
        growth[f"dateparser/{layout}"] = slope([(r["words"], r["dateparser_s"]) for r in gen])
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip() or "?"
    except OSError:
        commit = "?"
    meta = {"date": time.strftime("%Y-%m-%d %H:%M"), "mode": "quick" if args.quick else "full",
            "python": platform.python_version(), "cpus": __import__("os").cpu_count(), "commit": commit,
            "dateparser_budget_s": budget, "dateparser_sample_words": sample,
            "pipeline_limit_s": limit}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "pipeline.json").write_text(json.dumps({"meta": meta, "results": results, "growth_exponent": growth},
                                                  indent=1) + "\n", encoding="utf-8")
    (out / "pipeline.md").write_text(markdown(results, growth, meta), encoding="utf-8")
    print(f"growth exponents: {growth}\n-> {out / 'pipeline.json'}, {out / 'pipeline.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
