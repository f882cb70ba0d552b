"""The editors' guide shows what the checker really says: every example is held to the program.

How docs/editors.md is read (a new example must follow these rules, or this test fails and says why):

- **An error example** is a line ``error DTnnn: message`` in a ```text block, optionally followed by
  ``    hint: ...`` and optionally starting with ``file:line:col: ``. Some fixture must give a problem
  with exactly that code, message and hint (no hint line: the problem has none). With a position, the
  line, column and kind of file (``.yml`` or ``.keys``) must match too; the folder and tree name are the
  reader's (``docs/trees/need-mlops.yml``), not the fixture's. Fixtures are the broken trees of
  tests/fixtures/broken/ (checked against tests/fixtures/) and the guide's own trees in
  tests/fixtures/guide/trees/ (checked against tests/fixtures/guide/, which stands for docs/).
- **A broken YAML example** is a ```yaml block followed, with nothing but blank lines between, by an
  error example. Its lines, after removing their common indentation, must be consecutive lines of the
  fixture that gives that problem (all indented by the same amount there), and the problem's line must
  be one of them. In a YAML example, ``→`` followed by a space stands for a tab.
- **Every other YAML example** shows correct usage. A whole tree (a block with a ``title:`` line at
  the top level) must be, character for character, a tree in tests/fixtures/guide/trees/ that the
  checker passes. A part of a tree must read as YAML on its own and be consecutive lines (indented
  alike) of such a passing tree: there it is completed into a real tree.
- **A path list example** (a ```text block of routes joined by ``→``) lists routes of the guide's
  sample tree, tests/fixtures/guide/trees/need-mlops.yml (the block under "What a tree file looks like").
- **A console example** (```console) runs each ``$ python -m decision_tree ...`` command in a project
  whose docs/ folder is tests/fixtures/guide/, and its output must be the lines shown, in order; a line
  ``...`` stands for one or more lines left out.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from decision_tree.check import check_files
from decision_tree.diagnostics import Diagnostic
from decision_tree.load import parse as parse_yaml
from decision_tree.paths import manifest_text
from devtools.project import ROOT

GUIDE_PATH = ROOT / "docs" / "editors.md"
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = FIXTURES / "broken"
GUIDE_DOCS = FIXTURES / "guide"  # stands for docs/: its trees/ holds the guide's examples
SAMPLE_TREE = GUIDE_DOCS / "trees" / "need-mlops.yml"

FENCE = re.compile(r"^(?P<indent> *)```(?P<kind>\w*)\n(?P<body>.*?)^(?P=indent)```$", re.M | re.S)
ERROR = re.compile(
    r"^(?:(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): )?error (?P<code>DT\d{3}): (?P<message>.*)"
    r"(?:\n    hint: (?P<hint>.*))?$",
    re.M,
)
TAB = "→ "


@dataclass(frozen=True)
class Block:
    kind: str  # the fence's info string: yaml, text, console
    body: str  # without the fence's own indentation
    line: int  # where the block starts in the guide
    end: int  # offset just after the closing fence


@dataclass(frozen=True)
class Found:
    fixture: Path
    diagnostic: Diagnostic


def blocks(guide: str) -> list[Block]:
    """Return every fenced block of the guide, in order."""
    found = []
    for match in FENCE.finditer(guide):
        indent = len(match["indent"])
        body = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
        found.append(Block(match["kind"], body, guide.count("\n", 0, match.start()) + 1, match.end()))
    return found


GUIDE = GUIDE_PATH.read_text(encoding="utf-8")
BLOCKS = blocks(GUIDE)


def _followed_by(block: Block) -> Block | None:
    """Return the block right after this one if only blank lines lie between."""
    later = [b for b in BLOCKS if b.line > block.line]
    if not later:
        return None
    between = GUIDE[block.end : GUIDE.index("```", block.end + 1)]
    return later[0] if not between.strip() else None


def _examples() -> list[tuple[Block, re.Match]]:
    return [(b, m) for b in BLOCKS if b.kind == "text" for m in ERROR.finditer(b.body)]


def _yaml_lines(body: str) -> list[str]:
    return textwrap.dedent(body.replace(TAB, "\t")).rstrip("\n").split("\n")


def _within(lines: list[str], fixture: Path) -> list[int]:
    """Return the 1-based first lines at which ``lines`` appear in the fixture, indented alike."""
    text = fixture.read_text(encoding="utf-8").split("\n")
    starts = []
    for first in range(len(text) - len(lines) + 1):
        head = text[first]
        if not head.endswith(lines[0]):
            continue
        indent = head[: len(head) - len(lines[0])]
        if indent.strip(" "):
            continue
        if all(text[first + k] == (indent + line if line else line.rstrip()) for k, line in enumerate(lines)):
            starts.append(first + 1)
    return starts


def _fixture_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml"))


def _diagnose(folder: Path, docs: Path) -> list[Found]:
    found = []
    for fixture in _fixture_files(folder):
        found += [Found(fixture, d) for d in check_files([fixture], docs=docs).diagnostics]
    return found


@pytest.fixture(scope="module")
def diagnosed() -> list[Found]:
    return _diagnose(BROKEN, FIXTURES) + _diagnose(GUIDE_DOCS / "trees", GUIDE_DOCS)


def _passing() -> list[Path]:
    return [f for f in _fixture_files(GUIDE_DOCS / "trees") if check_files([f], docs=GUIDE_DOCS).ok]


def _matches(example: re.Match, found: Found) -> bool:
    d = found.diagnostic
    if (d.code, d.message, d.hint) != (example["code"], example["message"], example["hint"]):
        return False
    if example["path"] is None:
        return True
    return (d.pos.line, d.pos.col, Path(d.path).suffix) == (
        int(example["line"]),
        int(example["col"]),
        Path(example["path"]).suffix,
    )


def _producers(example: re.Match, diagnosed: list[Found]) -> list[Found]:
    return [f for f in diagnosed if _matches(example, f)]


# --- the guide has examples of each kind, so the rules below are about something -----------------------


def test_the_guide_has_examples_of_each_kind():
    kinds = {b.kind for b in BLOCKS}
    assert {"yaml", "text", "console"} <= kinds
    assert len(_examples()) >= 30
    assert all(b.kind in {"yaml", "text", "console"} for b in BLOCKS), "a block with no kind is not checked"


# --- error examples: the checker says exactly this ------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "example"), _examples(), ids=lambda v: f"line{v.line}" if isinstance(v, Block) else v["code"]
)
def test_each_error_example_is_what_the_checker_says(block, example, diagnosed):
    producers = _producers(example, diagnosed)
    near = [f"{f.fixture.name}: {f.diagnostic.format()}" for f in diagnosed if f.diagnostic.code == example["code"]]
    assert producers, (
        f"docs/editors.md line {block.line}: no fixture gives\n{example[0]}\nThe checker says, for {example['code']}:\n"
        + "\n".join(near)
        + "\nCorrect the example, or add a tree to tests/fixtures/guide/trees/ that gives exactly this."
    )


def _broken_yaml() -> list[tuple[Block, Block]]:
    pairs = []
    for block in BLOCKS:
        after = _followed_by(block) if block.kind == "yaml" else None
        if after is not None and after.kind == "text" and ERROR.search(after.body):
            pairs.append((block, after))
    return pairs


@pytest.mark.parametrize(("block", "error"), _broken_yaml(), ids=lambda b: f"line{b.line}")
def test_each_broken_yaml_example_is_what_gives_its_error(block, error, diagnosed):
    lines = _yaml_lines(block.body)
    for example in ERROR.finditer(error.body):
        places = []
        for found in _producers(example, diagnosed):
            for first in _within(lines, found.fixture):
                places.append((found, first))
                if first <= found.diagnostic.pos.line < first + len(lines):
                    break
            else:
                continue
            break
        else:
            pytest.fail(
                f"docs/editors.md line {block.line}: these lines are not, as shown, where a fixture gives "
                f"{example['code']}: {example['message']}\n"
                + "\n".join(lines)
                + (f"\n(found elsewhere in {[(f.fixture.name, n) for f, n in places]})" if places else "")
            )


# --- examples of correct usage: complete them into a tree, and the checker passes it ----------------------


def _good_yaml() -> list[Block]:
    broken = {b.line for b, _ in _broken_yaml()}
    return [b for b in BLOCKS if b.kind == "yaml" and b.line not in broken]


def _whole_tree(lines: list[str]) -> bool:
    return any(line.startswith("title:") for line in lines)


@pytest.mark.parametrize("block", _good_yaml(), ids=lambda b: f"line{b.line}")
def test_each_correct_yaml_example_passes_the_check_in_a_tree(block):
    lines = _yaml_lines(block.body)
    passing = _passing()
    if _whole_tree(lines):
        same = [f for f in passing if f.read_text(encoding="utf-8") == "\n".join(lines) + "\n"]
        assert same, f"docs/editors.md line {block.line}: no passing tree in tests/fixtures/guide/trees/ is this tree"
        return
    top, problems = parse_yaml("\n".join(lines) + "\n", "example")
    assert top is not None and not problems, [d.format() for d in problems]
    holders = [f.name for f in passing if _within(lines, f)]
    assert holders, (
        f"docs/editors.md line {block.line}: no passing tree in tests/fixtures/guide/trees/ holds these lines:\n"
        + "\n".join(lines)
    )


def test_the_sample_tree_is_the_first_example_and_passes():
    first = next(b for b in BLOCKS if b.kind == "yaml")
    assert first.body == SAMPLE_TREE.read_text(encoding="utf-8")
    assert check_files([SAMPLE_TREE], docs=GUIDE_DOCS).ok


def test_the_path_list_example_lists_routes_of_the_sample_tree():
    tree = check_files([SAMPLE_TREE], docs=GUIDE_DOCS).trees["need-mlops"]
    routes = set(manifest_text(tree).splitlines())
    lists = [b for b in BLOCKS if b.kind == "text" and " → " in b.body and not ERROR.search(b.body)]
    listed = [line for b in lists for line in b.body.splitlines() if line.strip()]
    assert listed
    assert [line for line in listed if line not in routes] == []


# --- console examples: the command's real output --------------------------------------------------------


def _consoles() -> list[tuple[Block, str, list[str]]]:
    runs = []
    for block in (b for b in BLOCKS if b.kind == "console"):
        command, shown = None, []
        for line in block.body.rstrip("\n").split("\n") + ["$ "]:
            if line.startswith("$ "):
                if command:
                    runs.append((block, command, shown))
                command, shown = line[2:], []
            else:
                shown.append(line)
    return runs


def shown_in(shown: list[str], output: list[str]) -> bool:
    """Return whether ``output`` is ``shown``, where a line ``...`` stands for one or more lines."""
    if not shown:
        return not output
    if shown[0].strip() == "...":
        return any(shown_in(shown[1:], output[skip:]) for skip in range(1, len(output) + 1))
    return bool(output) and output[0] == shown[0] and shown_in(shown[1:], output[1:])


def test_the_elision_rule_itself():
    assert shown_in(["a", "...", "d"], ["a", "b", "c", "d"])
    assert not shown_in(["a", "...", "d"], ["a", "d"])  # ... leaves out at least one line
    assert not shown_in(["a", "d"], ["a", "b", "d"])
    assert not shown_in(["a", "..."], ["b", "c"])


@pytest.mark.parametrize(("block", "command", "shown"), _consoles(), ids=lambda v: v if isinstance(v, str) else "")
def test_each_console_example_is_the_real_output(block, command, shown, tmp_path):
    words = shlex.split(command)
    assert words[:3] == ["python", "-m", "decision_tree"], f"line {block.line}: only python -m decision_tree is run"
    shutil.copytree(GUIDE_DOCS, tmp_path / "docs")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, *words[1:]], cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8"
    )
    output = (done.stdout + done.stderr).rstrip("\n").split("\n")
    assert shown_in(shown, output), f"docs/editors.md line {block.line}: {command} prints\n" + "\n".join(output)
