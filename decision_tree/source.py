"""Read a tree file as text, and count positions in it the way an editor does.

A tree file is read only when it is an ordinary file: never through a symbolic link, which could
publish or quote any file the build machine can read, and never from a folder, pipe or device, which
could block. Its bytes must be UTF-8 text; UTF-16, UTF-32 and binary files are recognised and
reported once, at 1:1, rather than as hundreds of stray characters.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import re
import stat
from pathlib import Path

from .diagnostics import Diagnostic, Pos

# A line ends at LF, CRLF or a lone CR (old Mac files), in YAML as in every editor.
_BREAK = re.compile(r"\r\n?|\n")


class Lines:
    """Turn offsets in a text into line and column positions, and back."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        self.length = len(text)

    def pos(self, offset: int) -> Pos:
        """Return the position of the character at ``offset`` (or just after the text)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return Pos(index + 1, offset - self.starts[index] + 1)

    def offset(self, pos: Pos) -> int:
        """Return the offset of a position given by YAML (line and column from 1)."""
        line = min(max(pos.line, 1), len(self.starts))
        return min(self.starts[line - 1] + max(pos.col, 1) - 1, self.length)

    def end(self) -> Pos:
        """Return the position just after the last character."""
        return self.pos(self.length)


# --- which files are read ----------------------------------------------------------------------------

_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_LINK = (
    "this tree file is a symbolic link, so what it points to is not read",
    "replace the link with the tree file itself; trees are read only from files of their own",
)


def _not_ordinary(mode: int) -> tuple[str, str] | None:
    """Return (message, hint) when a file's mode is not that of an ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return _LINK
    if stat.S_ISDIR(mode):
        return (
            "this is a folder, not a tree file",
            "rename the folder so that its name does not end in .yml, or move it out of this folder",
        )
    return (
        "this is not an ordinary file (it is a pipe, socket or device), so it is not read",
        "a tree file is a plain text file: replace this with one",
    )


def linked_folder(name: str) -> Diagnostic:
    """Report a folder of tree files that is a symbolic link: its trees would come from elsewhere."""
    return Diagnostic(
        name,
        Pos(1, 1),
        "DT009",
        "this folder of trees is a symbolic link to another folder, so its trees are not read",
        "keep the tree files in a real folder, not a link to one",
    )


def read(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Return the text of a tree file, or None and the one reason it cannot be read.

    The file is opened without following a symbolic link and checked once open, so a link swapped
    in between the two steps is refused too.
    """
    try:
        refused = _not_ordinary(os.lstat(path).st_mode)
        if refused is None:
            fd = os.open(path, _OPEN)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link that appeared after lstat
            return None, [Diagnostic(name, Pos(1, 1), "DT009", *_LINK)]
        return None, [Diagnostic(name, Pos(1, 1), "DT001", f"the file cannot be read ({error.strerror})")]
    if refused is not None:
        return None, [Diagnostic(name, Pos(1, 1), "DT009", *refused)]
    with os.fdopen(fd, "rb") as file:
        refused = _not_ordinary(os.fstat(fd).st_mode)
        if refused is not None:
            return None, [Diagnostic(name, Pos(1, 1), "DT009", *refused)]
        data = file.read()
    return decode(data, name)


# --- which bytes are text ----------------------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_SAVE_AS_UTF8 = "save the file with the UTF-8 encoding in your editor"
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
]
_WIDE = [("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16")]
_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel document)"),
    (b"\x1f\x8b", "a gzip archive"),
]
_SAMPLE = 8192
# C0 controls other than tab, line feed and carriage return: never in text an editor saves.
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def decode(data: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Return bytes as text, or None and one DT001 saying what they are instead."""

    def refuse(pos: Pos, message: str, hint: str = _SAVE_AS_UTF8) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(name, pos, "DT001", message, hint)]

    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    else:
        kind = _not_utf8(data)
        if kind in ("UTF-16", "UTF-32"):
            return refuse(Pos(1, 1), f"the file is not UTF-8 text: it is saved as {kind}")
        if kind is not None:
            return refuse(
                Pos(1, 1),
                f"the file is not text: it is {kind}",
                "a tree file is plain text saved as UTF-8: check that this is the file you meant",
            )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8")  # the bytes before the first bad one are good
        return refuse(Lines(before).end(), f"the file is not UTF-8 text (byte 0x{data[error.start]:02X} here)")
    controls = len(_BINARY.findall(text, 0, _SAMPLE))
    if controls > 8 and controls * 20 > min(len(text), _SAMPLE):
        return refuse(
            Pos(1, 1),
            "the file is not text: it is binary data",
            "a tree file is plain text saved as UTF-8: check that this is the file you meant",
        )
    return text, []


def _not_utf8(data: bytes) -> str | None:
    """Name what bytes are when they are plainly not UTF-8 text: UTF-16, UTF-32 or a binary format."""
    for bom, kind in _BOMS:
        if data.startswith(bom):
            return kind
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:_SAMPLE]
    zeros = sample.count(0)
    if zeros < 2:  # a stray NUL in UTF-8 text is reported where it is (DT002)
        return None
    for codec, kind in _WIDE:  # without a byte order mark: ASCII characters have 0 bytes beside them
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        # A tree has "key: value" lines; read with the wrong width, text has no ":" and controls galore.
        if ":" in text and len(_BINARY.findall(text)) * 100 <= len(text):
            return kind
    return "binary data" if zeros * 4 >= len(sample) else None
