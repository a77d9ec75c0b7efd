"""Fixed, colour-blind-safe colours per character.

Okabe-Ito first (yellow moved last: too pale on white), then Paul Tol's muted set. The k-th
character of `data.cast_order` gets PALETTE[k]; past the palette everyone is grey. Because the
order depends only on the whole story, a character keeps its colour under every filter and view.
"""
from __future__ import annotations

PALETTE = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",   # Okabe-Ito
    "#882255", "#44AA99", "#999933", "#332288", "#CC6677", "#117733", "#AA4499",   # Tol muted
    "#DDCC77", "#88CCEE", "#F0E442",
]
OTHER = "#8C8C8C"      # characters past the palette, and events without characters


def character_colors(names: list[str]) -> dict[str, str]:
    return {n: PALETTE[i] if i < len(PALETTE) else OTHER for i, n in enumerate(names)}
