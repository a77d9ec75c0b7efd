"""CLI over the story library, the same store the dashboard uses (dashboard.store through dashboard.library):

    python -m dashboard.library_cli list
    python -m dashboard.library_cli add "Title" a.txt b.txt [--lang b.txt=es]
    python -m dashboard.library_cli edits SLUG          # the edit log: seq, when, who, operation
    python -m dashboard.library_cli undo SLUG           # the teacher's own last edit
    python -m dashboard.library_cli delete SLUG

The library folder is --root, else $STORYLINE_LIBRARY, else data/library/. The CLI acts as the teacher
(whoever runs it owns the machine). An old folder library is imported on first use, as in the app.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from . import curate, library


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dashboard.library_cli", description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=os.environ.get("STORYLINE_LIBRARY") or None,
                    help="the library folder (default: $STORYLINE_LIBRARY, else data/library)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list", help="every story: slug, title, languages, documents, edits")
    add = sub.add_parser("add", help="store a new story from .txt files and run the pipeline on it")
    add.add_argument("title")
    add.add_argument("files", nargs="+", type=Path)
    add.add_argument("--lang", action="append", default=[], metavar="FILE=LANG", help="force a document's language")
    for name, what in (("edits", "print the story's edit log"), ("undo", "undo the teacher's last edit"),
                       ("delete", "delete a story and everything stored with it")):
        sub.add_parser(name, help=what).add_argument("slug")
    args = ap.parse_args(argv)
    try:
        return _run(args)
    except (library.LibraryError, PermissionError, ValueError) as exc:   # EditsError is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _run(args) -> int:
    root = args.root
    if args.cmd == "list":
        for m in library.list_stories(root):
            n = len(library.load_edits(m["slug"], root))
            langs = ", ".join(m.get("languages") or []) or "-"
            print(f"{m['slug']}\t{m['title']}\t{langs}\t{len(m.get('files') or [])} document(s)\t{n} edit(s)"
                  + ("\t(built-in)" if m["builtin"] else ""))
    elif args.cmd == "add":
        override = {}
        for item in args.lang:
            name, _, lang = item.partition("=")
            if lang not in library.LANGS:
                print(f"error: --lang expects FILE=en|es|it, got {item!r}", file=sys.stderr)
                return 2
            override[Path(name).name] = lang
        files = {p.name: p.read_bytes() for p in args.files}
        print(curate.create_story(args.title, files, root, lang_override=override))
    elif args.cmd == "edits":
        for r in library.store(root).log(library._check_slug(args.slug)):
            undone = f"\tundoes #{r['undoes']}" if r["undoes"] is not None else ""
            print(f"#{r['seq']}\t{r['at']}\t{r['who']}\t{json.dumps(r['op'], ensure_ascii=False)}{undone}")
    elif args.cmd == "undo":
        op = library.undo_edit(args.slug, root)
        print(f"undone: {json.dumps(op, ensure_ascii=False)}" if op else "nothing of the teacher's to undo")
    elif args.cmd == "delete":
        library.delete_story(args.slug, root)
        print(f"deleted {args.slug}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
