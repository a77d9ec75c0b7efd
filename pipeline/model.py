"""Records passed between pipeline stages.

Every stage reads and extends one `Story`. Offsets named `start`/`end` are always
character offsets into the ORIGINAL decoded file text (`Document.raw`); offsets into
the cleaned text are named `cstart`/`cend`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence


@dataclass
class Document:
    doc: str                 # file stem, the document id
    path: str
    raw: str                 # decoded original text; source offsets point here
    encoding: str            # which encoding was assumed ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")
    clean: str = ""          # entities unescaped, missing spaces after full stops inserted
    offmap: Sequence[int] = field(default_factory=list)  # clean index -> raw index, len(clean)+1 entries (an array("i"))
    lang: str = "en"         # "en" | "es" | "it"

    def to_raw(self, cstart: int, cend: int) -> tuple[int, int]:
        """Map a [cstart, cend) span of the clean text to the original text."""
        if not self.offmap:
            return cstart, cend
        s = self.offmap[max(0, min(cstart, len(self.offmap) - 1))]
        e = self.offmap[max(0, min(cend, len(self.offmap) - 1))]
        return s, max(s, e)


@dataclass
class Sentence:
    doc: str
    lang: str
    idx: int                 # position in its document, 0-based
    cstart: int              # span in Document.clean
    cend: int
    start: int               # span in Document.raw
    end: int
    text: str                # the clean text of the sentence
    para: int = 0            # paragraph number in its document
    clauses: list["Clause"] = field(default_factory=list)


@dataclass
class Clause:
    cstart: int
    cend: int
    start: int
    end: int
    text: str


@dataclass
class TimeExpr:
    doc: str
    sent: int                # Sentence.idx
    cstart: int
    cend: int
    text: str                # surface form as in the clean text
    kind: str                # "date" | "month" | "season" | "year" | "decade" | "underspecified" | "relative"
    #                          | "ordinal" | "age" | "weekday" | "deictic" | "ago" | "ref" | "quarter" | "century"
    #                          | "clock" | "tod" | "duration" | "set"
    value: str | None = None       # ISO "YYYY-MM-DD" (first day of the period) once known
    precision: str = "unknown"     # day|month|season|year|decade|relative|unknown
    # relative expressions: a constraint on a neighbour, not a made-up date
    direction: str | None = None   # "after" | "before" | "same" (same day/night/moment)
    amount: int | None = None
    unit: str | None = None        # "day" | "week" | "month" | "year" | "moment"
    anchor: str | None = None      # free text of an explicit anchor ("the wedding"), else None = previous event
    # underspecified: which parts were given ("month" for "In October")
    month: int | None = None
    day: int | None = None
    year: int | None = None
    season: str | None = None
    resolved_from: str | None = None  # text of the earlier expression the value was inherited from
    # TimeML: the span leaves the preposition out ("in 1957" -> "1957"); `lead` keeps it, pstart/pend
    # bound the whole phrase with lead and relative tail ("in 1957", "three days later") for stages
    # that cut opening time phrases out of headlines
    lead: str = ""
    pstart: int = -1
    pend: int = -1
    type: str = "DATE"             # TimeML type: DATE | TIME | DURATION | SET (durations/sets never date an event)
    timeml: str | None = None      # TimeML value: "2009-10-04", "2009-W41", "2009-Q3", "P3D", "PRESENT_REF", "XXXX-WXX-5"
    mod: str | None = None         # TimeML mod: START | MID | END | APPROX | MORE_THAN | LESS_THAN ...
    range: str | None = None       # "start" | "end": the two ends of one interval ("between April and June")

    @property
    def phrase_start(self) -> int:
        return self.pstart if self.pstart >= 0 else self.cstart

    @property
    def phrase_end(self) -> int:
        return self.pend if self.pend >= 0 else self.cend


@dataclass
class Mention:
    doc: str
    sent: int
    cstart: int
    cend: int
    text: str
    char_id: str             # key into Story.characters (may be a group: Character.is_group)


@dataclass
class Character:
    id: str
    name: str                # canonical, the fullest form
    aliases: list[str] = field(default_factory=list)
    actor: str | None = None
    mentions: int = 0
    docs: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # for groups: ids of member characters
    is_group: bool = False
    evidence: list[str] = field(default_factory=list)  # why it is a person: "given name", "subject of 'decides'"


@dataclass
class Source:
    doc: str
    lang: str
    start: int
    end: int
    text: str
    sent: int = 0            # Sentence.idx
    order_in_doc: int = 0    # telling position inside its document


@dataclass
class Event:
    id: str = ""
    title: str = ""
    summary: str = ""
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str = ""
    # an event whose own words state no date: the interval the story's stated dates around it allow,
    # ISO at the grain of each bound ("1957-10", "1922", "1912-04-14"), None = open; `date` is then
    # date_from's first day (for sorting) and date_precision "interval"
    date_from: str | None = None
    date_to: str | None = None
    order: int = 0
    kind: str = "story"
    category: str = "other"
    characters: list[str] = field(default_factory=list)   # canonical names
    places: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    lang: str = "en"
    # working data for fuse/order (not exported)
    timex: list[TimeExpr] = field(default_factory=list)
    rel: TimeExpr | None = None
    told: float = 0.0        # telling order of the first telling (doc order + position)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Story:
    inputs: list[str] = field(default_factory=list)              # paths given by the user
    texts: dict[str, str] = field(default_factory=dict)          # or in-memory documents: name -> text
    lang_override: dict[str, str] = field(default_factory=dict)  # doc stem -> forced language
    doc_dates: dict[str, str] = field(default_factory=dict)      # doc stem -> "YYYY-MM-DD" (given, or its dateline's)
    docs: list[Document] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    timex: list[TimeExpr] = field(default_factory=list)
    characters: dict[str, Character] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    non_characters: dict[str, str] = field(default_factory=dict)  # name -> actor|commentator|place|org|vehicle|title|thing
    non_character_reasons: dict[str, str] = field(default_factory=dict)  # name -> why it is not in the cast
    place_mentions: list[Mention] = field(default_factory=list)  # char_id holds the canonical place name
    # doc -> (cstart, cend) of actors credited right after their part on a page that lost the brackets ("Private
    # Tom Reyes Sam Hale"): read as if they were in brackets
    credit_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)            # notes for the user (encoding assumed, ...)

    def doc(self, name: str) -> Document:
        for d in self.docs:
            if d.doc == name:
                return d
        raise KeyError(name)

    def sentences_of(self, doc: str) -> list[Sentence]:
        return [s for s in self.sentences if s.doc == doc]
