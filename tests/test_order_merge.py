"""Story order merged from every document's telling by the dated events each states (pipeline/order.py).

Each row: events as (doc, position, date, precision[, date_from, date_to]) in the fused telling sequence;
events told by several documents list several (doc, position) pairs. The expected story order is by label.
"""
import pytest

from pipeline import order
from pipeline.model import Event, Source, Story


def ev(label, tellings, date=None, prec="unknown", lo=None, hi=None):
    e = Event(title=label, date=date, date_precision=prec, date_from=lo, date_to=hi,
              sources=[Source(doc=d, lang="en", start=k * 10, end=k * 10 + 9, text=label, sent=k)
                       for d, k in tellings])
    e.extra["date_approx"] = prec in ("unknown", "interval")
    return e


ROWS = [
    # a summary's last step is not told before the detailed telling's first steps of the same day
    ("summary interleaved with a detailed telling",
     [ev("leaves", [("a", 0), ("b", 0)], "1960-05-02", "day"), ev("reaches cairo", [("a", 1)]),
      ev("sells car", [("b", 1)]), ev("sails", [("b", 2)]), ev("crosses desert", [("b", 3)])],
     ["leaves", "sells car", "reaches cairo", "sails", "crosses desert"]),
    # a document that goes back for good (a later date, then earlier ones) tells what leads up to them
    ("flashback the document never returns from",
     [ev("moves to turin", [("a", 0)], "1950-01-01", "year"), ev("father a smith", [("a", 1)]),
      ev("born", [("a", 2)], "1931-01-01", "year"), ev("first school", [("a", 3)], "1935-01-01", "year")],
     ["father a smith", "born", "first school", "moves to turin"]),
    # a look-back the document returns from leaves the events after the frame date in the frame
    ("look-back the document returns from",
     [ev("moves to turin", [("a", 0)], "1950-01-01", "year"), ev("opens a shop", [("a", 1)]),
      ev("born", [("a", 2)], "1931-01-01", "year"), ev("marries", [("a", 3)], "1952-01-01", "year")],
     ["born", "moves to turin", "opens a shop", "marries"]),
    # a document that states no date is merged by the events it shares with a dated one
    ("undated document merged by a shared event",
     [ev("founded", [("a", 0)], "1900-01-01", "year"), ev("flood", [("a", 1), ("b", 1)], "1910-01-01", "year"),
      ev("rebuilt", [("a", 2)], "1920-01-01", "year"), ev("rains", [("b", 0)]), ev("cleanup", [("b", 2)])],
     ["founded", "rains", "flood", "cleanup", "rebuilt"]),
    # an interval event sorts inside its bounds, by its telling between the dated events of its document
    ("interval between its document's dates, not at its lower bound",
     [ev("opens bakery", [("a", 0)], "1920-01-01", "year"), ev("fire", [("a", 1)], "1931-01-01", "year"),
      ev("opens bakery es", [("b", 0)], "1920-01-01", "year"),
      ev("hires brother", [("b", 1)], "1920-01-01", "interval", "1920", "1931"),
      ev("new oven", [("b", 2)], "1920-01-01", "interval", "1920", "1931"),
      ev("moves", [("c", 0)], "1921-01-01", "year"), ev("fire es", [("b", 3)], "1931-01-01", "year")],
     ["opens bakery", "opens bakery es", "moves", "hires brother", "new oven", "fire", "fire es"]),
    # the interval's bounds are the event's own evidence: neighbours from a document out of order never
    # take it outside them
    ("bounds win over a document told out of order",
     [ev("inquiry", [("a", 0)], "2008-01-01", "year"), ev("digging", [("a", 1)], "2008-01-01", "interval", "2008"),
      ev("born", [("a", 2)], "1898-06-05", "day")],
     ["born", "inquiry", "digging"]),
    # an undated opening (the setup of a plot) stays before the first date its document states
    ("undated opening before the first date",
     [ev("shy boy", [("a", 0)]), ev("father runs mine", [("a", 1)]),
      ev("satellite", [("a", 2)], "1957-10-01", "month"), ev("prize", [("a", 3)], "1958-01-01", "year"),
      ev("other doc 1957", [("b", 0)], "1957-01-01", "year")],
     ["other doc 1957", "shy boy", "father runs mine", "satellite", "prize"]),
    # known only to happen up to a date (pluperfect): just ahead of it
    ("up to a date: ahead of it",
     [ev("found dead", [("a", 0)], "1952-11-03", "day"), ev("arrest", [("a", 1)], "1952-11-07", "day"),
      ev("had poisoned", [("a", 2)], None, "interval", None, "1952-11-07"),
      ev("christmas arrest", [("a", 3)], "1952-12-24", "day")],
     ["found dead", "had poisoned", "arrest", "christmas arrest"]),
    # an upper bound stands for the dated event that closes the interval: the event stays before its start
    ("upper bound at year grain keeps the event before that year's dated event",
     [ev("moves", [("a", 0)], "1935-01-01", "year"),
      ev("enrols", [("a", 1)], "1935-01-01", "interval", "1935", "1936"),
      ev("expelled", [("a", 2)], "1938-01-01", "year"), ev("graduates", [("b", 0)], "1936-01-01", "year")],
     ["moves", "enrols", "graduates", "expelled"]),
    # "in 1961" told in the autumn of 1961 (from the autumn up to 1961): a lower bound inside the upper
    # bound's period wins, so the event sits after a summer date of that year, not on 1 January
    ("lower bound inside the upper bound's year wins",
     [ev("spring", [("a", 0)], "1961-03-01", "season"),
      ev("summer", [("a", 1)], "1961-06-01", "season"),
      ev("arrives in the autumn", [("a", 2)], "1961-09-01", "interval", "1961-09", "1961")],
     ["spring", "summer", "arrives in the autumn"]),
    # "in A.D. 79" (a year) told after "24 August 79" (a day, from another document): the year holds the day,
    # so it says only "some time in 79", and the admiral's death is not put on 1 January, before the eruption
    ("a coarse date holding a finer one is placed by its telling",
     [ev("eruption", [("a", 0), ("b", 0)], "0079-08-24", "day"),
      ev("fleet sails", [("a", 1)], "0079-01-01", "interval", "0079"),
      ev("admiral dies", [("a", 2)], "0079-01-01", "year"),
      ev("nephew writes", [("a", 3)], "0079-01-01", "interval", "0079")],
     ["eruption", "fleet sails", "admiral dies", "nephew writes"]),
    # told first in its document, the year is still where the telling starts: at the start of that year
    ("a coarse date told first stays at its start",
     [ev("joins caravan", [("a", 0)], "1927-01-01", "year"),
      ev("sandstorm", [("a", 1)], "1927-01-01", "interval", "1927", "1927-03-09"),
      ev("reaches the city", [("a", 2)], "1927-03-09", "day")],
     ["joins caravan", "sandstorm", "reaches the city"]),
    # after a frame ("In May 1998 ... Ten years earlier, in the summer of 1988 ... On 3 August 1988 ..."), the
    # summer is told before the finer dates of that summer: it still opens it
    ("a coarse date told before the finer ones of its period opens it, even after a frame",
     [ev("letter arrives", [("a", 0)], "1998-05-01", "month"),
      ev("students at the observatory", [("a", 1)], "1988-06-01", "season"),
      ev("finds the comet", [("a", 2)], "1988-08-03", "day"),
      ev("leaves for london", [("a", 3)], "1988-08-21", "day"),
      ev("opens the letter", [("a", 4)], "1998-05-10", "day")],
     ["students at the observatory", "finds the comet", "leaves for london", "letter arrives", "opens the letter"]),
    # a document that goes back for good ("... fusilado en 1936." then "Era hijo de ... [from his birth].
    # Su madre le enseñó a leer. ... En 1908 ...") tells what leads up to the earlier date from the earliest
    # date its events are known to follow, in telling order: not all just before the earlier date
    ("going back for good, from the earliest bound told there",
     [ev("born", [("b", 0)], "1898-06-05", "day"), ev("shot", [("a", 0)], "1936-01-01", "year"),
      ev("son of a farmer", [("a", 1)], "1898-06-05", "interval", "1898-06-05", "1909"),
      ev("mother teaches him to read", [("a", 2)]),
      ev("studies in almeria", [("a", 3)], "1908-01-01", "year"),
      ev("moves to the city", [("b", 1)], "1907-01-01", "year")],
     ["born", "son of a farmer", "mother teaches him to read", "moves to the city", "studies in almeria", "shot"]),
    # "the ghetto life" is told after the armbands, which the other document tells between two dates; placed
    # from one side only ("from September 1939", nothing dated after it), it follows them, not the invasion
    ("an event placed from one side waits for its neighbours placed from both",
     [ev("invasion", [("a", 0), ("b", 0)], "1939-09-01", "day"),
      ev("armbands", [("a", 1), ("b", 1)], "1939-09-01", "interval", "1939-09"),
      ev("ghetto", [("b", 2)], "1940-11-01", "month"),
      ev("hunger in the ghetto", [("a", 2)], "1939-09-01", "interval", "1939-09")],
     ["invasion", "armbands", "hunger in the ghetto", "ghetto"]),
    # told forward, an event is not before the one its document tells ahead of it, even when only that
    # one's own bound ("from November 1940", stated by another document) moved it on
    ("an event follows the one told before it that its own bound moved on",
     [ev("invasion", [("b", 0)], "1939-09-01", "day"), ev("restrictions", [("b", 1)]),
      ev("ghetto", [("a", 0)], "1940-11-01", "month"),
      ev("life in the ghetto", [("a", 1), ("b", 2)], "1940-11-01", "interval", "1940-11"),
      ev("deported", [("b", 3)])],
     ["invasion", "restrictions", "ghetto", "life in the ghetto", "deported"]),
]


@pytest.mark.parametrize("name,events,want", ROWS, ids=[r[0] for r in ROWS])
def test_story_order_merges_the_tellings_by_their_dates(name, events, want):
    out = order.run(Story(events=events)).events
    assert [e.title for e in out] == want


def _paragraphs(events, paras):
    """A story whose sentences (one per event, doc/position as in `ev`) sit in the paragraphs given."""
    from pipeline.model import Sentence
    story = Story(events=events)
    for e in events:
        for s in e.sources:
            story.sentences.append(Sentence(doc=s.doc, lang="en", idx=s.sent, cstart=s.start, cend=s.end,
                                            start=s.start, end=s.end, text=s.text, para=paras[(s.doc, s.sent)]))
    return story


def test_an_undated_blurb_does_not_pull_the_ending_early():
    # "He escapes the round-up, hides in the ruins, an officer helps him survive. It is an adaptation of his
    # memoirs." as the opening paragraph, then "In September 1939 the radio is bombed ..." told from the
    # beginning: the blurb ran ahead
    note = ev("an adaptation of his memoirs", [("a", 2)])
    note.kind = "production"
    events = [ev("hides in the ruins", [("a", 0)]), ev("officer helps him", [("a", 1)]), note,
              ev("radio bombed", [("a", 3)], "1939-09-01", "day"),
              ev("ghetto", [("a", 4)], "1940-11-01", "month"),
              ev("saved from the train", [("a", 5)], "1940-11-01", "interval", "1940-11")]
    story = _paragraphs(events, {("a", 0): 0, ("a", 1): 0, ("a", 2): 0, ("a", 3): 1, ("a", 4): 1, ("a", 5): 1})
    out = [e.title for e in order.run(story).events if e.kind == "story"]
    assert out == ["radio bombed", "ghetto", "saved from the train", "hides in the ruins", "officer helps him"]


def test_an_undated_setup_paragraph_keeps_its_place():
    # "Homer is a shy boy. His father runs the mine." then "In October 1957 ...": the setup, not a blurb
    events = [ev("shy boy", [("a", 0)]), ev("father runs the mine", [("a", 1)]),
              ev("satellite", [("a", 2)], "1957-10-01", "month"), ev("prize", [("a", 3)], "1958-01-01", "year")]
    story = _paragraphs(events, {("a", 0): 0, ("a", 1): 0, ("a", 2): 1, ("a", 3): 1})
    assert [e.title for e in order.run(story).events] == ["shy boy", "father runs the mine", "satellite", "prize"]


def test_a_dated_opening_paragraph_is_no_summary():
    # "Al día siguiente del funeral ..." in the opening paragraph states a time: the telling orders it
    events = [ev("storm", [("a", 0)]), ev("argue on the pier", [("a", 1)], "1987-03-01", "interval", "1987-03"),
              ev("final scene", [("a", 2)], "1987-04-20", "day")]
    story = _paragraphs(events, {("a", 0): 0, ("a", 1): 0, ("a", 2): 1})
    assert [e.title for e in order.run(story).events] == ["storm", "argue on the pier", "final scene"]
