"""CLI: python -m pipeline [PATH ...] [--out DIR]"""
from __future__ import annotations

import argparse
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
    ap.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    args = ap.parse_args(argv)

    override = {}
    for item in args.lang:
        doc, _, lang = item.partition("=")
        if lang not in ("en", "es", "it"):
            print(f"error: --lang expects DOC=en|es|it, got {item!r}", file=sys.stderr)
            return 2
        override[doc] = lang
    try:
        story = run(args.paths or None, lang_override=override)
        paths = write_outputs(story, args.out)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write output: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        for m in story.messages:
            print(m, file=sys.stderr)
        n_story = sum(e.kind == "story" for e in story.events)
        print(f"{len(story.docs)} documents, {len(story.events)} events ({n_story} story), "
              f"{sum(not c.is_group for c in story.characters.values())} characters -> "
              + ", ".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
