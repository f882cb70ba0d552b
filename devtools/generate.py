"""Generate large valid trees as YAML text, for the benchmark and the tests."""

from __future__ import annotations

import json
import random


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def branching_tree(nodes: int, seed: int = 0) -> str:
    """Return a tree of about ``nodes`` questions and outcomes: a random DAG, everything reachable."""
    rng = random.Random(seed)
    questions = max(1, nodes // 2)
    outcomes = max(1, nodes - questions)
    edges: list[list[str]] = [[] for _ in range(questions)]
    for child in range(1, questions):  # a spanning tree makes every question reachable
        edges[(child - 1) // 2].append(f"q{child}")
    for outcome in range(outcomes):
        edges[rng.randrange(questions)].append(f"o{outcome}")
    for index, targets in enumerate(edges):
        while len(targets) < 2 or (len(targets) < 4 and rng.random() < 0.3):
            later = rng.randrange(index + 1, questions) if index + 1 < questions and rng.random() < 0.5 else None
            target = f"q{later}" if later is not None else f"o{rng.randrange(outcomes)}"
            if target not in targets:
                targets.append(target)
    return _yaml(f"Generated tree of {nodes} nodes", edges, outcomes)


def chain_tree(depth: int) -> str:
    """Return a chain ``depth`` questions deep: each question leads on, or stops at the outcome."""
    edges = [[f"q{i + 1}" if i + 1 < depth else "o0", "o0"] for i in range(depth)]
    return _yaml(f"Chain of {depth} questions", edges, 1)


def wide_tree(answers: int) -> str:
    """Return one question with ``answers`` answers, each leading to an outcome of its own."""
    return _yaml(f"One question with {answers} answers", [[f"o{i}" for i in range(answers)]], answers)


def diamond_tree(depth: int) -> str:
    """Return ``depth`` questions in a row, both answers of each leading on: 2**depth routes."""
    edges = [[f"q{i + 1}" if i + 1 < depth else "o0"] * 2 for i in range(depth)]
    return _yaml(f"Diamond of {depth} questions", edges, 1)


def never_rules(questions: int, outcomes: int, count: int = 20) -> str:
    """Return a ``never:`` section of ``count`` rules for a generated tree, each naming two answers.

    The answers are spread over the tree, so that some rules hold and some are broken.
    """
    lines = ["never:"]
    for i in range(count):
        first, second = (37 * i + 1) % questions, (211 * i + questions // 2) % questions
        lines += [
            f"  - given: {{q{first}: Answer 1, q{second}: Answer 2}}"
            if first != second
            else f"  - given: {{q{first}: Answer 1}}",
            f"    outcome: o{(499 * i) % outcomes}",
            f"    because: Generated rule {i}.",
        ]
    return "\n".join(lines) + "\n"


def _yaml(title: str, edges: list[list[str]], outcomes: int) -> str:
    lines = [f"title: {title}", "start: q0", "questions:"]
    for index, targets in enumerate(edges):
        lines += [f"  q{index}:", f"    text: Question {index}?", "    answers:"]
        for number, target in enumerate(targets, 1):
            lines += [f"      - label: {_q(f'Answer {number}')}", f"        next: {target}"]
    lines.append("outcomes:")
    for index in range(outcomes):
        lines += [
            f"  o{index}:",
            f"    title: Outcome {index}",
            f"    summary: What outcome {index} means.",
            "    body: |",
            f"      Do the **next thing** for outcome {index}.",
            "",
        ]
    return "\n".join(lines) + "\n"
