"""Properties over random trees: valid ones check clean and route as built; broken ones never crash."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from decision_tree.check import check_files
from decision_tree.diagnostics import CODES
from decision_tree.model import answer_keys
from decision_tree.paths import manifest_text, walk

# Text an editor might type that YAML 1.1 would read as something other than text, or as syntax.
TRICKY = [
    "Yes",
    "no",
    "on",
    "Off",
    "y",
    "1.10",
    "12:30",
    "0777",
    "null",
    "~",
    "true",
    "1e3",
    ".inf",
    "a: b",
    "#hash",
    "'quote",
    '"dq"',
    "- dash",
    "[x]",
    "{y}",
    "&a",
    "*a",
    "!tag",
    "|",
    ">",
    "%",
    "@at",
    "`tick`",
    "a\\b",
    "---",
    "...",
    "?",
    "Café",
    "日本語",
    "Ünïcödé ß",
    "🚀 launch",
    "👩🏽‍💻",
]
# Anything printable on one line: no controls (U+0085 is one), line or paragraph separators, BOM,
# surrogates, private use or unassigned code points.
ANY_TEXT = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\ufeff"),
        min_size=1,
        max_size=24,
    )
    .map(str.strip)
    .filter(bool)
)
TEXT = st.one_of(st.sampled_from(TRICKY), ANY_TEXT)
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
# Ids are written unquoted, so ids like "no", "null" or "0777" test that keys and next stay text.
ID = st.one_of(
    st.sampled_from(
        ["yes", "no", "on", "off", "y", "n", "null", "true", "false", "0777", "1", "1-10", "0x1f", "1e3", "nan", "inf"]
    ),
    st.builds(
        lambda head, tail: f"{head}-{tail}" if tail else head,
        st.text(ALNUM, min_size=1, max_size=7),
        st.text(ALNUM, max_size=4),
    ),
)
MISSING_ID = "missing-id-x"  # no ID above has three parts


@dataclass(frozen=True)
class Spec:
    """A tree as drawn: questions in an order where every answer leads forward."""

    title: str
    questions: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # (id, text, ((label, next), ...))
    outcomes: tuple[tuple[str, str, str], ...]  # (id, title, body)

    @property
    def start(self) -> str:
        return self.questions[0][0]

    def path_count(self) -> int:
        """Count start-to-outcome paths by dynamic programming, from the last question back."""
        count = {oid: 1 for oid, _, _ in self.outcomes}
        for qid, _, answers in reversed(self.questions):
            count[qid] = sum(count[nxt] for _, nxt in answers)
        return count[self.start]


@st.composite
def specs(draw) -> Spec:
    n_questions = draw(st.integers(1, 12))
    n_outcomes = draw(st.integers(1, min(6, 3 * n_questions + 1)))  # room for 4 answers per question
    ids = draw(st.lists(ID, min_size=n_questions + n_outcomes, max_size=n_questions + n_outcomes, unique=True))
    qids, oids = ids[:n_questions], ids[n_questions:]
    targets: list[list[str]] = [[] for _ in qids]
    # A spanning tree first, so that everything is reachable: each node gets an earlier question as parent.
    for index, node in [*enumerate(qids), *((n_questions, oid) for oid in oids)]:
        if node != qids[0]:
            parent = draw(st.sampled_from([q for q in range(min(index, n_questions)) if len(targets[q]) < 4]))
            targets[parent].append(node)
    for index, chosen in enumerate(targets):
        later = qids[index + 1 :] + oids
        for _ in range(draw(st.integers(max(0, 2 - len(chosen)), 4 - len(chosen)))):
            fresh = [t for t in later if t not in chosen]
            chosen.append(draw(st.sampled_from(fresh or later)))
    questions = []
    for qid, chosen in zip(qids, targets, strict=True):
        labels = draw(st.lists(TEXT, min_size=len(chosen), max_size=len(chosen), unique=True))
        # Answers that share a target are told apart in links by their labels: make those differ in digits.
        labels = [
            f"{label} {n}" if chosen.count(nxt) > 1 else label
            for n, (label, nxt) in enumerate(zip(labels, chosen, strict=True))
        ]
        keys = answer_keys(list(zip(labels, chosen, strict=True)))
        assume(len(set(labels)) == len(labels) and all(keys) and len(set(keys)) == len(keys))
        questions.append((qid, draw(TEXT), tuple(zip(labels, chosen, strict=True))))
    outcomes = tuple((oid, draw(TEXT), draw(TEXT)) for oid in oids)
    return Spec(draw(TEXT), tuple(questions), outcomes)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def to_yaml(spec: Spec) -> str:
    lines = [f"title: {q(spec.title)}", f"start: {spec.start}", "questions:"]
    for qid, text, answers in spec.questions:
        lines += [f"  {qid}:", f"    text: {q(text)}", "    answers:"]
        for label, nxt in answers:
            lines += [f"      - label: {q(label)}", f"        next: {nxt}"]
    lines.append("outcomes:")
    for oid, title, body in spec.outcomes:
        lines += [f"  {oid}:", f"    title: {q(title)}", f"    body: {q(body)}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """One folder for all examples (Hypothesis refuses a function-scoped tmp_path: examples share it)."""
    return tmp_path_factory.mktemp("properties")


def check_text(folder: Path, data: str | bytes):
    path = folder / "t.yml"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return check_files([path])


def examples(count: int) -> settings:
    return settings(
        max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
    )


# --- valid trees -----------------------------------------------------------------------------------


@examples(150)
@given(specs())
def test_a_valid_tree_checks_clean_and_routes_as_written(folder, spec):
    result = check_text(folder, to_yaml(spec))
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    tree = result.trees["t"]

    # Text round-trips exactly, whatever YAML 1.1 would have made of it.
    assert tree.title == spec.title
    assert [
        (qid, question.text, tuple((a.label, a.next) for a in question.answers))
        for qid, question in tree.questions.items()
    ] == list(spec.questions)
    assert [(oid, o.title, o.body) for oid, o in tree.outcomes.items()] == [
        (oid, title, body + "\n") for oid, title, body in spec.outcomes
    ]

    edges = {qid: dict(answers) for qid, _, answers in spec.questions}
    paths = list(walk(tree))
    assert len(paths) == spec.path_count()
    for steps in paths:
        assert steps[0][0] == spec.start
        assert steps[-1][0] in tree.outcomes and steps[-1][1] == ""
        assert all(edges[node][label] == following for (node, label), (following, _) in itertools.pairwise(steps))
    assert len({tuple(steps) for steps in paths}) == len(paths)
    assert {node for steps in paths for node, _ in steps} == set(tree.questions) | set(tree.outcomes)
    assert manifest_text(tree).count("\n") == len(paths) + 2


# --- broken trees ----------------------------------------------------------------------------------

INSERTED = [*":-[]{}&*!|>'\"%@`#?,\t\x00", "\u2028", "\x85", "\ufeff", "é"]
NEXT_LINE = re.compile(r"^(\s+next: )(.*)$")


def corrupt(data: st.DataObject, text: str) -> bytes:
    """Break ``text`` in one random way an editor's slip could."""
    lines = text.split("\n")
    line = data.draw(st.integers(0, len(lines) - 1))
    how = data.draw(st.sampled_from(["delete", "duplicate", "swap", "tab", "insert", "truncate", "next"]))
    if how == "delete":
        del lines[line]
    elif how == "duplicate":
        lines.insert(line, lines[line])
    elif how == "swap":
        other = data.draw(st.integers(0, len(lines) - 1))
        lines[line], lines[other] = lines[other], lines[line]
    elif how == "tab":
        lines[line] = "\t" + lines[line]
    elif how == "insert":
        offset = data.draw(st.integers(0, len(text)))
        return (text[:offset] + data.draw(st.sampled_from(INSERTED)) + text[offset:]).encode()
    elif how == "truncate":
        encoded = text.encode()
        return encoded[: data.draw(st.integers(0, len(encoded)))]  # may cut a character in two
    else:
        nexts = [i for i, content in enumerate(lines) if NEXT_LINE.match(content)]
        line = data.draw(st.sampled_from(nexts))
        lines[line] = NEXT_LINE.sub(lambda m: m[1] + data.draw(ID), lines[line])
    return "\n".join(lines).encode()


def assert_well_formed(diagnostics, data: bytes) -> None:
    last_line = data.count(b"\n") + 1
    for d in diagnostics:
        assert d.code in CODES
        assert 1 <= d.pos.line <= last_line and d.pos.col >= 1, d.format()
        for text in (d.message, d.hint or ""):
            assert not re.search(r"Traceback|<class|Error\(", text), d.format()
        assert d.message.strip() and "\n" not in d.message, d.format()


@examples(400)
@given(specs(), st.data())
def test_a_corrupted_tree_never_crashes_the_check(folder, spec, data):
    broken = corrupt(data, to_yaml(spec))
    assert_well_formed(check_text(folder, broken).diagnostics, broken)


def point_at_missing_id(data: st.DataObject, spec: Spec) -> tuple[str, str]:
    lines = to_yaml(spec).split("\n")
    line = data.draw(st.sampled_from([i for i, content in enumerate(lines) if NEXT_LINE.match(content)]))
    lines[line] = NEXT_LINE.sub(lambda m: m[1] + MISSING_ID, lines[line])
    return "\n".join(lines), "DT021"


def delete_outcomes_key(data: st.DataObject, spec: Spec) -> tuple[str, str | None]:
    return to_yaml(spec).replace("\noutcomes:\n", "\n"), None


def point_back_at_start(data: st.DataObject, spec: Spec) -> tuple[str, str]:
    question = data.draw(st.integers(0, len(spec.questions) - 1))
    answer = data.draw(st.integers(0, len(spec.questions[question][2]) - 1))
    qid, text, answers = spec.questions[question]
    changed = answers[:answer] + ((answers[answer][0], spec.start),) + answers[answer + 1 :]
    loop = Spec(
        spec.title, spec.questions[:question] + ((qid, text, changed),) + spec.questions[question + 1 :], spec.outcomes
    )
    return to_yaml(loop), "DT031"


@examples(150)
@given(specs(), st.sampled_from([point_at_missing_id, delete_outcomes_key, point_back_at_start]), st.data())
def test_a_tree_broken_on_purpose_is_always_reported(folder, spec, breaking, data):
    text, code = breaking(data, spec)
    found = check_text(folder, text).diagnostics
    assert found
    assert_well_formed(found, text.encode())
    codes = {d.code for d in found}
    # A loop is reported as such, unless the new link key collides with another answer's (DT019).
    assert code is None or code in codes or (code == "DT031" and "DT019" in codes), codes


# --- scenarios and never rules ---------------------------------------------------------------------


def random_route(data: st.DataObject, spec: Spec) -> tuple[list[tuple[str, str]], str]:
    """Draw one route: its (question id, answer label) steps and the outcome it ends at."""
    edges = {qid: answers for qid, _, answers in spec.questions}
    steps: list[tuple[str, str]] = []
    at = spec.start
    while at in edges:
        label, nxt = data.draw(st.sampled_from(edges[at]))
        steps.append((at, label))
        at = nxt
    return steps, at


def given_yaml(steps: list[tuple[str, str]]) -> str:
    return (
        "    given:\n" + "".join(f"      {qid}: {q(label)}\n" for qid, label in steps) if steps else "    given: {}\n"
    )


@examples(100)
@given(specs(), st.data())
def test_a_scenario_of_any_route_passes_and_fails_with_another_outcome(folder, spec, data):
    steps, end = random_route(data, spec)
    scenario = f"scenarios:\n  - name: A route\n{given_yaml(steps)}    expect: {end}\n"
    result = check_text(folder, to_yaml(spec) + scenario)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    others = [oid for oid, _, _ in spec.outcomes if oid != end]
    assume(others)
    wrong = scenario.replace(f"expect: {end}\n", f"expect: {data.draw(st.sampled_from(others))}\n")
    assert [d.code for d in check_text(folder, to_yaml(spec) + wrong).diagnostics] == ["DT033"]


@examples(100)
@given(specs(), st.data())
def test_a_never_rule_fails_exactly_when_a_route_with_its_answers_reaches_its_outcome(folder, spec, data):
    steps, end = random_route(data, spec)
    chosen = data.draw(st.lists(st.sampled_from(steps), unique=True)) if steps else []

    def rule(outcome: str) -> str:
        return f"never:\n  - {given_yaml(chosen).lstrip()}    outcome: {outcome}\n    because: Never.\n"

    # The route the answers were drawn from breaks the rule for its own outcome.
    assert [d.code for d in check_text(folder, to_yaml(spec) + rule(end)).diagnostics] == ["DT039"]
    # For any outcome: broken exactly when some route gives every chosen answer and ends there.
    tree = check_text(folder, to_yaml(spec)).trees["t"]
    reached = {path[-1][0] for path in walk(tree) if set(chosen) <= set(path[:-1])}
    outcome = data.draw(st.sampled_from([oid for oid, _, _ in spec.outcomes]))
    codes = [d.code for d in check_text(folder, to_yaml(spec) + rule(outcome)).diagnostics]
    assert codes == (["DT039"] if outcome in reached else [])


@examples(300)
@given(specs(), st.data())
def test_a_corrupted_tree_with_scenarios_and_never_rules_never_crashes_the_check(folder, spec, data):
    steps, end = random_route(data, spec)
    extra = (
        f"scenarios:\n  - name: A route\n{given_yaml(steps)}    expect: {end}\n"
        f"never:\n  - {given_yaml(steps[:1]).lstrip()}    outcome: {end}\n    because: Never.\n"
    )
    broken = corrupt(data, to_yaml(spec) + extra)
    assert_well_formed(check_text(folder, broken).diagnostics, broken)
