"""Link-preview cards (decision_tree/cards.py): the size scrapers expect, the same bytes every time,
hostile or long text drawn without breaking the card, and a card drawn only when its text changes."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib

import pytest

from decision_tree import cards
from decision_tree.cards import HEIGHT, TEXT_WIDTH, WIDTH, Card, CardCache, card_key, clean, draw, wrap
from devtools.project import ROOT

RESULT = Card(
    site="The MLOps hiring guide",
    title="Hire MLOps now",
    kicker="Do you need MLOps now?",
    summary="Production machine learning has outgrown informal arrangements; define the role and start the search.",
)
HOSTILE = Card(
    site="Site \"'<b>&amp;",
    title="</title><script>alert('x')</script> 🚀 Ünïcode & co \u202eevil\u202c שלום عربي " + "W" * 300,
    kicker="<!-- \x00\x1b\r\n tool -->",
    summary="\"'><img src=x onerror=alert(3)> 😀 👩‍💻 ❤️ 🇬🇧 \u2028\u2029\ud800 " + "long words " * 400,
)


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Return a PNG's chunks (type, body), checking the signature and every CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc
        chunks.append((kind, body))
        at += 12 + length
    return chunks


def png_size(data: bytes) -> tuple[int, int]:
    kind, body = png_chunks(data)[0]
    assert kind == b"IHDR"
    return struct.unpack(">II", body[:8])


def test_a_card_is_a_1200_by_630_png_with_no_metadata():
    data = draw(RESULT)
    assert png_size(data) == (WIDTH, HEIGHT) == (1200, 630)
    # No tIME, tEXt, iTXt, zTXt or pHYs chunk: nothing but the picture, so nothing varies between builds.
    kinds = [kind for kind, _ in png_chunks(data)]
    assert kinds[:2] == [b"IHDR", b"PLTE"] and kinds[-1] == b"IEND" and set(kinds[2:-1]) == {b"IDAT"}
    assert len(data) < 100_000  # scrapers fetch it on every share: small


def test_the_same_card_gives_the_same_bytes_in_another_process():
    here = draw(RESULT)
    assert draw(RESULT) == here
    code = (
        "import sys; from decision_tree.cards import Card, draw; "
        f"sys.stdout.buffer.write(draw(Card(*{RESULT.site, RESULT.title, RESULT.kicker, RESULT.summary!r})))"
    )
    there = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True).stdout
    assert there == here


def test_each_field_changes_the_card_and_its_name():
    variants = [
        RESULT,
        Card(RESULT.site, RESULT.title + "!", RESULT.kicker, RESULT.summary),
        Card(RESULT.site, RESULT.title, RESULT.kicker + "!", RESULT.summary),
        Card(RESULT.site, RESULT.title, RESULT.kicker, RESULT.summary + "!"),
        Card(RESULT.site + "!", RESULT.title, RESULT.kicker, RESULT.summary),
    ]
    assert len({draw(card) for card in variants}) == len(variants)
    assert len({card_key(card) for card in variants}) == len(variants)


@pytest.mark.parametrize(
    "card",
    [
        HOSTILE,
        Card("", ""),
        Card("🚀🚀", "🚀🔥🧭", "😀", "שלום עולם"),  # nothing the font has: an empty card, not an error
        Card("s", "x" * 100_000, "k" * 10_000, " " * 10_000),
        Card("s", "\x00" * 50, "\ufeff", "\U0010fffd\ue000"),
    ],
    ids=["hostile", "empty", "no-glyphs", "huge", "controls"],
)
def test_hostile_or_huge_text_still_gives_a_card(card):
    data = draw(card)
    assert png_size(data) == (WIDTH, HEIGHT)
    assert draw(card) == data


def test_text_is_drawn_as_typed_and_what_the_font_lacks_is_left_out():
    assert clean("<script>alert('x')</script> & \"q\"", True, 400) == "<script>alert('x')</script> & \"q\""
    assert clean("Ünïcode naïve café", False, 400) == "Ünïcode naïve café"
    assert clean("go 🚀 now\u200b", True, 400) == "go now"  # no emoji in Inter, no box for it either
    assert clean("one\ntwo\r\n\tthree\x00four", False, 400) == "one two three four"
    assert clean("Cafe\u0301", False, 400) == "Café"  # composed before it is measured
    assert clean("x" * 500, True, 400) == "x" * 400


def test_long_text_wraps_within_the_card_and_ends_with_an_ellipsis():
    font = cards._font(True, cards.TITLE_SIZES[-1])
    lines, cut = wrap("a deliberately long title " * 20, font, TEXT_WIDTH, 3)
    assert cut and len(lines) == 3 and lines[-1].endswith("\u2026")
    assert all(font.getlength(line) <= TEXT_WIDTH for line in lines)
    lines, cut = wrap("W" * 200, font, TEXT_WIDTH, 2)  # one word wider than the card: broken between letters
    assert cut and len(lines) == 2 and all(font.getlength(line) <= TEXT_WIDTH for line in lines)
    assert wrap("Short", font, TEXT_WIDTH, 3) == (["Short"], False)
    assert wrap("", font, TEXT_WIDTH, 3) == ([], False)


def test_a_name_for_any_text():
    assert card_key(HOSTILE) != card_key(Card("a", "b"))  # a lone surrogate or NUL does not stop it


def test_a_card_is_drawn_once_and_found_by_later_builds(tmp_path, monkeypatch):
    drawn = []
    real_draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda card: drawn.append(card) or real_draw(card))
    first = CardCache(tmp_path / "cache")
    path = first.path(RESULT)
    assert path.read_bytes() == real_draw(RESULT) and path.name == f"{card_key(RESULT)}.png"
    assert path.stat().st_mode & 0o044 == 0o044  # readable by the web server, as the site's other files
    written = path.stat().st_mtime_ns
    assert first.path(RESULT) == path  # the same build, the same text
    second = CardCache(tmp_path / "cache")  # the next build, or serve's next rebuild
    assert second.path(RESULT) == path
    assert (first.drawn, second.drawn, len(drawn)) == (1, 0, 1)
    assert path.stat().st_mtime_ns == written
    changed = Card(RESULT.site, "Hire MLOps soon", RESULT.kicker, RESULT.summary)
    assert second.path(changed) != path and second.drawn == 1 and drawn == [RESULT, changed]
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted([path.name, f"{card_key(changed)}.png"])


def test_a_new_drawing_renames_every_card(monkeypatch):
    before = card_key(RESULT)
    cards.fingerprint.cache_clear()
    monkeypatch.setattr(cards, "VERSION", cards.VERSION + "-next")
    try:
        assert card_key(RESULT) != before  # a new drawing: every card is drawn again
    finally:
        cards.fingerprint.cache_clear()
    monkeypatch.undo()
    assert card_key(RESULT) == before
