"""CLI: python -m pipeline [PATH ...] [--out DIR] [--export timelinejs,sheets,html,png,csv,json] [--character NAME]"""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from . import DATA_DIR, PipelineError, run, write_outputs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline",
                                 description="Extract a dated, ordered timeline from story texts (en/es/it).")
    ap.add_argument("paths", nargs="*", help=".txt files or folders (default: the bundled story in data/seeds)")
    ap.add_argument("--out", default=str(DATA_DIR / "processed"),
                    help="output folder for events.json, characters.json, events.csv (default: data/processed)")
    ap.add_argument("--lang", action="append", default=[], metavar="DOC=LANG",
                    help="force a document's language, e.g. --lang 000_review=es (repeatable)")
    ap.add_argument("--doc-date", action="append", default=[], metavar="DOC=YYYY-MM-DD",
                    help="the date a document was written, e.g. --doc-date 000_news=2009-06-05: its 'today', "
                         "'last week', 'Friday' are dated from it (repeatable)")
    ap.add_argument("--export", action="append", default=[], metavar="LIST",
                    help="also write exports, comma-separated: timelinejs (timelinejs.json), sheets "
                         "(timelinejs.csv), html (timeline.html), png (timeline.png), csv, json")
    ap.add_argument("--character", action="append", default=[], metavar="NAME",
                    help="exports keep only events with this character (name or alias, any case; repeatable)")
    ap.add_argument("--title", default=None, help="title of the exported timeline (default: the input folder name)")
    ap.add_argument("--ui-lang", default="en", choices=("en", "es", "it"),
                    help="language of the words exports add (dates, legends, 'date unknown'); default en")
    ap.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    args = ap.parse_args(argv)

    exports = [k.strip().lower() for item in args.export for k in item.split(",") if k.strip()]
    if exports:
        from dashboard.export import EXPORTS  # imported lazily: plotly is not needed otherwise
        unknown = [k for k in exports if k not in EXPORTS]
        if unknown:
            print(f"error: unknown export {', '.join(map(repr, unknown))}; choose from {', '.join(EXPORTS)}",
                  file=sys.stderr)
            return 2
    if args.character and not exports:
        print("error: --character only filters exports; add --export ...", file=sys.stderr)
        return 2

    override = {}
    for item in args.lang:
        doc, _, lang = item.partition("=")
        if lang not in ("en", "es", "it"):
            print(f"error: --lang expects DOC=en|es|it, got {item!r}", file=sys.stderr)
            return 2
        override[doc] = lang
    doc_dates = {}
    for item in args.doc_date:
        doc, _, day = item.partition("=")
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            print(f"error: --doc-date expects DOC=YYYY-MM-DD, got {item!r}", file=sys.stderr)
            return 2
        doc_dates[doc] = day
    try:
        story = run(args.paths or None, lang_override=override, doc_dates=doc_dates)
        paths = write_outputs(story, args.out)
        if exports:
            code, written = _exports(story, args, exports)
            if code:
                return code
            paths += [p for p in written if p not in paths]
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write output: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug still gets one line, never a traceback
        print(f"error: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    if not args.quiet:
        for m in story.messages:
            print(m, file=sys.stderr)
        n_story = sum(e.kind == "story" for e in story.events)
        print(f"{len(story.docs)} documents, {len(story.events)} events ({n_story} story), "
              f"{sum(not c.is_group for c in story.characters.values())} characters -> "
              + ", ".join(str(p) for p in paths))
    return 0


def _exports(story, args, exports: list[str]):
    """(exit code, paths written) for --export/--character."""
    from pathlib import Path

    from dashboard.export import ExportError, filter_by_character, write_exports

    from . import frames
    events_df, cast_df = frames(story)
    if args.character:
        events_df = filter_by_character(events_df, cast_df, args.character)
        if events_df.empty:
            known = ", ".join(cast_df["name"].head(15)) or "none found"
            print(f"error: no event has the character {' or '.join(map(repr, args.character))} "
                  f"(characters: {known})", file=sys.stderr)
            return 2, []
    # events.csv/events.json are already written unfiltered by write_outputs
    kinds = [k for k in exports if args.character or k not in ("csv", "json")]
    first = Path(args.paths[0]).resolve() if args.paths else None
    title = args.title or (first.stem if first and first.is_file() else first.name if first else "Story timeline")
    try:
        return 0, write_exports(events_df, cast_df, args.out, kinds, title=title, lang=args.ui_lang)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1, []


if __name__ == "__main__":
    sys.exit(main())
