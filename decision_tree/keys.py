"""The keys a tree has published in links, kept so that no link a reader was sent ever breaks.

A shared link names steps and answers by key: ``#need-mlops=live:yes,incidents:leadership``, the
anchor ``#need-mlops--incidents``, the result page ``/tools/need-mlops/hire-now/``. Each tree has a
record beside it (``need-mlops.keys``), one key per line, that only ever grows: every question and
outcome id, and every ``question:answer-key``, the site has published. The check holds the tree to it:

- a question or outcome id in the record must still exist, or be named in ``aliases:``;
- an answer key must still belong to an answer of that question (or of the question its id now
  points to): as its key, in the answer's own ``aliases:`` list, or as a retired step id whose alias
  is its key (keys are often the id of the step an answer leads to), as the player reads links.

An editor who rewords a label, moves an answer or splits a question gets a positioned error at the
record's line, with the fix, instead of a silently broken link. An answer with no equivalent any more
is retired on purpose by writing ``retired`` after its line: a link with it then stops at that
question and tells the reader which answer was dropped (the player does that for any unknown key).
``./scripts/update-paths`` adds the current keys to the record (it never removes one).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from .contract import HASH
from .diagnostics import Diagnostic, Pos, quote, quote_id
from .model import Tree, did_you_mean, slug

RECORD_SUFFIX = ".keys"
RETIRED = "retired"
PAIR = HASH["pair"]  # question:answer-key, as in a link
HEADER = (
    "# Every step and answer key {tree} has published in a link, one per line: question, outcome, or\n"
    "# question:answer. Keep every line: a line the tree no longer answers fails the check (write\n"
    "# 'retired' after an answer's line to drop it on purpose). ./scripts/update-paths adds new keys.\n"
)


def record_path(tree_file: Path) -> Path:
    return tree_file.with_suffix(RECORD_SUFFIX)


def current_keys(tree: Tree) -> list[str]:
    """Return every key the tree publishes now: its question ids, outcome ids and question:answer keys."""
    keys = list(tree.questions) + list(tree.outcomes)
    keys += [f"{q.id}{PAIR}{a.key}" for q in tree.questions.values() for a in q.answers]
    return keys


class Recorded(NamedTuple):
    key: str
    pos: Pos
    retired: bool = False
    mark: str = ""  # what follows the key on its line: "retired", or words the record does not read


def read_record(text: str) -> list[Recorded]:
    """Return each key in a record with its position; comments and blank lines are skipped."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if words and not words[0].startswith("#"):
            retired = words[1:] == [RETIRED] and PAIR in words[0]  # only an answer can be retired
            column = len(line) - len(line.lstrip()) + 1
            found.append(Recorded(words[0], Pos(number, column), retired, " ".join(words[1:])))
    return found


def record_text(tree: Tree, recorded: Iterable[Recorded]) -> str:
    """Return the record with the tree's current keys added: old keys and retirements kept, sorted."""
    retired = {r.key for r in recorded if r.retired}
    keys = sorted({r.key for r in recorded} | set(current_keys(tree)))
    lines = [f"{key} {RETIRED}" if key in retired else key for key in keys]
    return HEADER.format(tree=tree.id) + "".join(f"{line}\n" for line in lines)


def unrecorded(tree: Tree, recorded: Iterable[Recorded]) -> list[str]:
    """Return the tree's current keys that the record does not hold yet."""
    known = {r.key for r in recorded}
    return [key for key in current_keys(tree) if key not in known]


def broken_keys(tree: Tree, record: list[Recorded], path: str) -> list[Diagnostic]:
    """Return a DT040 for each recorded key the tree no longer resolves, at the record's line."""
    problems = []
    for key, pos, retired, mark in record:
        if retired:
            continue
        problem = _resolve(tree, key)
        if problem is not None:
            message, hint = problem
            if mark == RETIRED:  # on a question's or an outcome's line: links with it must still land
                hint = f"only an answer can be retired, not a question or an outcome; {hint}"
            elif mark:
                hint = (
                    f"{mark!r} after the key is not read (the only word the record reads there is '{RETIRED}'); {hint}"
                )
            problems.append(Diagnostic(path, pos, "DT040", message, hint))
    return problems


def _resolve(tree: Tree, key: str) -> tuple[str, str] | None:
    """Return (message, hint) if a published key no longer leads anywhere, else None."""
    step, _, answer_key = key.partition(PAIR)
    current = tree.resolve(step)
    if current is None:
        guess = did_you_mean(step, [*tree.questions, *tree.outcomes])
        return (
            f"links published with the step {quote_id(step)} no longer lead anywhere: the tree has no "
            "question or outcome with that id",
            f"under aliases:, add the line {step}: {guess or 'new-id'}, naming the question or outcome "
            "that took its place",
        )
    if not answer_key:
        return None
    question = tree.questions.get(current)
    if question is None:
        return (
            f"links published with an answer to {quote_id(step)} no longer work: it now names the outcome "
            f"{quote_id(current)}, not a question",
            f"point the alias {quote_id(step)} at the question that asks this now",
        )
    renamed = tree.aliases.get(answer_key)  # a key that was a step's id follows that step's alias, as links do
    if any(answer_key in (a.key, *a.aliases) or renamed == a.key for a in question.answers):
        return None
    by_name = {slug(a.label): a for a in question.answers} | {a.key: a for a in question.answers}
    guess = did_you_mean(answer_key, by_name)
    near = by_name.get(guess) if guess else None
    where = f"question {quote_id(current)}" + (f" (was {quote_id(step)})" if current != step else "")
    return (
        f"links published with the answer {quote_id(answer_key)} to {where} no longer work: no answer "
        "of that question has this key now",
        f"add aliases: [{answer_key}] to the answer that means the same now"
        + (f", perhaps {quote(near.label)} (line {near.pos.line})" if near else "")
        + f"; if none does, write '{RETIRED}' after this line to drop the answer from old links",
    )
