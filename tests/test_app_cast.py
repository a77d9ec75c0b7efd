"""Cast view: who is who, and who shares events with whom."""
from __future__ import annotations

from conftest import show


def test_cast_table_lists_actors_and_event_counts(app, chart, sample_events):
    show(app, "Cast")
    table = app.dataframe[0].value
    marta = table[table["Character"] == "Marta Bellini"].iloc[0]
    assert marta["Actor"] == "Ana Ruiz"
    assert marta["Events"] == sum("Marta Bellini" in e["characters"] for e in sample_events if e["kind"] == "story")
    assert list(table["Character"])[0] == "Marta Bellini"   # most mentioned first
    heat = chart.figure(app)
    assert heat["data"][0]["type"] == "heatmap"
    # the table and the heatmap agree: a character's diagonal cell is their number of events
    names, z = heat["data"][0]["y"], heat["data"][0]["z"]
    if isinstance(z, dict):             # plotly's typed-array JSON: {"dtype", "bdata", "shape"}
        import base64
        import numpy as np
        shape = [int(x) for x in str(z["shape"]).split(",")]
        z = np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"]).reshape(shape).tolist()
    for who, n in zip(table["Character"], table["Events"]):
        if who in names:
            assert z[names.index(who)][names.index(who)] == n


def test_the_cast_table_speaks_the_interface_language(sample_dir, make_app):
    at = make_app(ui="es")
    show(at, "Cast")
    assert not at.exception, at.exception
    table = at.dataframe(key="cast_table").value
    assert list(table.columns)[:4] == ["Personaje", "Actor", "Eventos", "Menciones"]
    assert "Character" not in table.columns and "Why" not in table.columns
    left = at.dataframe[1].value           # the names left out of the cast
    assert list(left.columns) == ["Nombre", "Tipo", "Por qué"]
