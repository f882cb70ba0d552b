"""Link-preview cards: a 1200x630 PNG for a page, drawn from its text with the fonts in assets/fonts.

A card shows the site's name, a kicker (the tool a result belongs to, or the page's section), a
title and a summary. The same text always gives the same bytes: the layout is Pillow's basic one
(not Raqm, which depends on the system's libraries), lines are wrapped and cut with an ellipsis by
measured widths, and the PNG carries no time or other metadata. Cards are kept in a folder under a
name made from their text and everything else that decides their pixels (the fonts, this module's
``VERSION``, Pillow's, FreeType's and zlib's versions), so a card is drawn again only when one of
those changes. Text is data: characters the fonts lack are left out, control characters and line
breaks become spaces, and nothing in a title is interpreted.

Needs Pillow (the ``cards`` extra); importing this module does not, drawing does. No MkDocs here.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

FONTS = Path(__file__).parent / "assets" / "fonts"
REGULAR, BOLD = FONTS / "Inter-Regular.otf", FONTS / "Inter-Bold.otf"
WIDTH, HEIGHT = 1200, 630
VERSION = "1"  # change when the drawing changes: every card is drawn again

MARGIN = 80
TOP = 56  # the least room above and below the text
BAR = 16  # the accent bar's width, on the left
TEXT_WIDTH = WIDTH - 2 * MARGIN
BACKGROUND = (26, 35, 94)  # a deep indigo, near the site's primary colour
ACCENT = (255, 202, 40)  # amber: the kicker and the bar
SITE_COLOUR = (197, 202, 233)
TITLE_COLOUR = (255, 255, 255)
SUMMARY_COLOUR = (225, 228, 245)
COLOURS = (TITLE_COLOUR, ACCENT, SUMMARY_COLOUR, SITE_COLOUR)  # at most four: see draw
ELLIPSIS = "\u2026"
TITLE_SIZES = (66, 56)  # the larger if the title fits in its lines, else the smaller, cut
LIMITS = {"site": 200, "kicker": 200, "title": 400, "summary": 1000}  # characters read from each field


@dataclass(frozen=True)
class Card:
    """The text of one card; every field is plain text (never markup)."""

    site: str
    title: str
    kicker: str = ""
    summary: str = ""


class CardsUnavailable(RuntimeError):
    """Pillow is not installed: the cards cannot be drawn."""


def _pillow() -> Any:
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError as error:  # pragma: no cover - the cards extra is part of the locked install
        raise CardsUnavailable(
            "link-preview cards need Pillow: pip install 'decision-tree[cards]' (or the locked requirements)"
        ) from error
    return Image, ImageDraw, ImageFont


@cache
def fingerprint() -> str:
    """Return what, besides its text, decides a card's bytes: fonts, this drawing, the libraries.

    Reads the versions without importing PIL.Image (a tenth of a second): a build whose cards are
    all drawn already does not need it.
    """
    try:
        import PIL
        from PIL import _imaging, _imagingft
    except ImportError as error:
        raise CardsUnavailable(
            "link-preview cards need Pillow: pip install 'decision-tree[cards]' (or the locked requirements)"
        ) from error
    digest = hashlib.sha256(VERSION.encode())
    for font in (REGULAR, BOLD):
        digest.update(font.read_bytes())
    for part in (PIL.__version__, _imagingft.freetype2_version, _imaging.zlib_version):
        digest.update(f"\0{part}".encode())
    return digest.hexdigest()


def card_key(card: Card) -> str:
    """Return the card's name: a hash of its text and of everything else that decides its pixels."""
    text = json.dumps(asdict(card), sort_keys=True)  # ASCII: any text, lone surrogates too, has a name
    return hashlib.sha256(f"{fingerprint()}\0{text}".encode()).hexdigest()[:20]


@cache
def _font(bold: bool, size: int) -> Any:
    _image, _draw, ImageFont = _pillow()
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _missing_mask(bold: bool) -> tuple[tuple[int, int], bytes]:
    """Return what the font draws for a character it lacks (its .notdef glyph)."""
    mask = _font(bold, 40).getmask("\U0010fffd")
    return mask.size, bytes(mask)


@cache
def _has_glyph(bold: bool, char: str) -> bool:
    mask = _font(bold, 40).getmask(char)
    return (mask.size, bytes(mask)) != _missing_mask(bold)


def clean(text: str, bold: bool, limit: int) -> str:
    """Return ``text`` as one line the font can draw: composed, without controls or characters it lacks."""
    text = unicodedata.normalize("NFC", text[:limit])
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace() or category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category in ("Cf", "Cs", "Co", "Cn"):  # format, surrogate, private, unassigned: drawn as boxes
            continue
        elif _has_glyph(bold, char):
            kept.append(char)
    return " ".join("".join(kept).split())


def wrap(text: str, font: Any, width: int, lines: int) -> tuple[list[str], bool]:
    """Return ``text`` in at most ``lines`` lines no wider than ``width``, and whether it was cut.

    Words break at spaces; a word wider than a line breaks between characters. A cut text ends
    with an ellipsis that still fits its line.
    """
    out: list[str] = []
    words = text.split(" ") if text else []
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            index += 1
            continue
        if current:
            out.append(current)
            current = ""
        else:  # a single word wider than the line: as many characters as fit
            cut = max(1, _fitting(word, font, width))
            out.append(word[:cut])
            words[index] = word[cut:]
        if len(out) == lines:
            break
    else:
        if current:
            out.append(current)
        return out, False
    last = out[-1]
    while last and font.getlength(last.rstrip() + ELLIPSIS) > width:
        last = last[:-1]
    out[-1] = last.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS
    return out, True


def _fitting(word: str, font: Any, width: int) -> int:
    """Return how many leading characters of ``word`` fit in ``width``."""
    low, high = 0, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def layout(card: Card) -> list[tuple[str, Any, tuple[int, int, int], int]]:
    """Return the card's lines, top to bottom: (text, font, colour, height of the line)."""
    site = clean(card.site, False, LIMITS["site"])
    title = clean(card.title, True, LIMITS["title"])
    kicker = clean(card.kicker, True, LIMITS["kicker"])
    summary = clean(card.summary, False, LIMITS["summary"])
    lines: list[tuple[str, Any, tuple[int, int, int], int]] = []
    if site and site != title:  # the home page's title is the site's name: said once
        font = _font(False, 32)
        lines.append((wrap(site, font, TEXT_WIDTH, 1)[0][0], font, SITE_COLOUR, 56))
    if kicker:
        font = _font(True, 30)
        lines.append((wrap(kicker, font, TEXT_WIDTH, 1)[0][0], font, ACCENT, 62))
    if title:
        for size in TITLE_SIZES:
            font = _font(True, size)
            title_lines, cut = wrap(title, font, TEXT_WIDTH, 3 if summary else 4)
            if not cut:
                break
        lines += [(line, font, TITLE_COLOUR, round(size * 1.2)) for line in title_lines]
    if summary:
        used = sum(height for *_rest, height in lines)
        room = (HEIGHT - 2 * TOP - used - 24) // 46
        font = _font(False, 34)
        summary_lines = wrap(summary, font, TEXT_WIDTH, room)[0] if room > 0 else []
        if summary_lines and lines:
            text, font_before, colour, height = lines[-1]
            lines[-1] = (text, font_before, colour, height + 24)  # a gap between title and summary
        lines += [(line, font, SUMMARY_COLOUR, 46) for line in summary_lines]
    return lines


def _palette() -> list[int]:
    """Return 256 colours: for each of the four text colours, 64 steps from the background to it."""
    palette: list[int] = []
    for colour in COLOURS:
        for step in range(64):
            palette += [round(b + (c - b) * step / 63) for b, c in zip(BACKGROUND, colour, strict=True)]
    return palette


def draw(card: Card) -> bytes:
    """Return the card as PNG bytes; the same card always gives the same bytes.

    The text is drawn once, white on black, as coverage; each line's band then becomes indexes into
    its colour's 64 steps (a palette PNG: a third of the bytes to compress, and a smaller file).
    """
    Image, ImageDraw, _font_module = _pillow()
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(mask)
    lines = layout(card)
    y = max(TOP, (HEIGHT - sum(height for *_rest, height in lines)) // 2)  # the block, centred
    bands = []
    for text, font, colour, height in lines:
        pen.text((MARGIN, y), text, font=font, fill=255)
        bands.append((y, y + height, COLOURS.index(colour)))
        y += height
    card_image = mask.point([value >> 2 for value in range(256)])  # colour 0's steps
    for top, bottom, shade in bands:
        if shade:
            box = (0, max(0, top), WIDTH, min(HEIGHT, bottom))
            card_image.paste(mask.crop(box).point([64 * shade + (value >> 2) for value in range(256)]), box)
    card_image.paste(64 * COLOURS.index(ACCENT) + 63, (0, 0, BAR, HEIGHT))
    card_image = Image.frombytes("P", (WIDTH, HEIGHT), card_image.tobytes())  # the same bytes, as indexes
    card_image.putpalette(_palette())
    out = io.BytesIO()
    card_image.save(out, format="PNG", compress_level=6)  # no pnginfo: no time, no software name
    return out.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class CardCache:
    """Cards by name, drawn once and kept in ``folder`` (created when needed) for later builds.

    ``drawn`` counts the cards this cache has drawn, not found: a rebuild that changes no text draws none.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.drawn = 0

    def path(self, card: Card) -> Path:
        """Return the file holding the card, drawing it first if no earlier build did."""
        name = card_key(card)
        path = self.folder / f"{name}.png"
        if path.is_file():
            return path
        data = draw(card)
        self.drawn += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o666 & ~_umask())  # readable as a file written plainly is (mkstemp's is 0600)
            os.replace(temporary, path)  # whole or absent, if two builds draw the same card at once
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path
