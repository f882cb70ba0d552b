"""A tree drawn as an SVG diagram for editors: questions and results as boxes, answers as arrows.

igraph's Sugiyama layout places the boxes (layers from the start down, crossings reduced, long arrows
bent through control points); this module only draws what it places. Colours are ``currentColor``,
so the diagram follows the theme, light or dark, without a stylesheet; author text reaches it only as
escaped XML text. A tree of more than ``MOST_NODES`` questions and results is not drawn: its boxes
would be too small to read, and its report tables say everything the picture would.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from xml.sax.saxutils import escape

from .model import Tree

MOST_NODES = 300
BOX_WIDTH, BOX_HEIGHT = 176, 44
COLUMN, ROW = BOX_WIDTH + 24, BOX_HEIGHT + 56  # one layout unit across, one layer down
MARGIN = 8
LONGEST_LABEL = 24  # characters of an id shown in a box; the box's tooltip has the rest


class DiagramUnavailable(Exception):
    """The graph-layout library is not installed (it is the ``diagram`` extra)."""


def draw(tree: Tree, routes: Mapping[str, int] | None = None) -> str | None:
    """Return the tree as an ``<svg>`` element, or None when it has too many nodes to draw legibly.

    ``routes`` (node id -> routes through it, from the route report) is printed under each id.
    """
    if len(tree.questions) + len(tree.outcomes) > MOST_NODES:
        return None
    return _draw(_shape(tree), tuple(sorted((routes or {}).items())))


def _shape(tree: Tree) -> tuple:
    """Return what the drawing depends on, hashable, so a tree that did not change is not redrawn."""
    questions = tuple(
        (q.id, q.text, tuple(dict.fromkeys(a.next for a in q.answers))) for q in _in_order(tree.questions, tree.start)
    )
    outcomes = tuple((o.id, o.title) for o in tree.outcomes.values())
    return tree.id, tree.title, questions, outcomes


def _in_order(questions: Mapping, start: str) -> list:
    return [questions[start], *(q for qid, q in questions.items() if qid != start)]


@lru_cache(maxsize=64)
def _draw(shape: tuple, routes: tuple[tuple[str, int], ...]) -> str:
    tree_id, title, questions, outcomes = shape
    names = [qid for qid, _text, _next in questions] + [oid for oid, _title in outcomes]
    index = {name: number for number, name in enumerate(names)}
    edges = [(index[qid], index[target]) for qid, _text, targets in questions for target in targets]
    places, bends = _layout(len(names), edges)
    xs = [x for x, _y in places] + [x for bend in bends for x, _y in bend]
    left = min(xs)
    width = round((max(xs) - left) * COLUMN + BOX_WIDTH + 2 * MARGIN)
    height = round(max(y for _x, y in places) * ROW + BOX_HEIGHT + 2 * MARGIN)

    def centre(x: float, y: float) -> tuple[float, float]:
        return (x - left) * COLUMN + MARGIN + BOX_WIDTH / 2, y * ROW + MARGIN + BOX_HEIGHT / 2

    count = dict(routes)
    arrow = f"dt-arrow-{tree_id}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dt-diagram-svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="dt-diagram-{tree_id}">',
        f'<title id="dt-diagram-{tree_id}">{escape(_diagram_title(title, len(questions), len(outcomes)))}</title>',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>',
    ]
    for (source, target), bend in zip(edges, bends, strict=True):
        (x1, y1), (x2, y2) = centre(*places[source]), centre(*places[target])
        points = [(x1, y1 + BOX_HEIGHT / 2), *(centre(*p) for p in bend), (x2, y2 - BOX_HEIGHT / 2)]
        path = "M" + "L".join(f"{x:g} {y:g}" for x, y in points)
        parts.append(
            f'<path d="{path}" fill="none" stroke="currentColor" stroke-opacity=".45" marker-end="url(#{arrow})"/>'
        )
    texts = {qid: text for qid, text, _next in questions} | dict(outcomes)
    for number, name in enumerate(names):
        is_result = number >= len(questions)
        x, y = centre(*places[number])
        shown = name if len(name) <= LONGEST_LABEL else name[: LONGEST_LABEL - 1] + "\u2026"
        kind = "Result" if is_result else "Question"
        under = f"{count[name]:,} route{'s' * (count[name] != 1)}" if name in count else kind.lower()
        box = (
            'rx="16" fill="currentColor" fill-opacity=".08" stroke="currentColor" stroke-width="2"'
            if is_result
            else 'rx="3" fill="none" stroke="currentColor"'
        )
        tooltip = escape(f"{kind} {name}: {texts[name]}")
        parts.append(
            f'<g class="dt-diagram-{kind.lower()}"><title>{tooltip}</title>'
            f'<rect x="{x - BOX_WIDTH / 2:g}" y="{y - BOX_HEIGHT / 2:g}" width="{BOX_WIDTH}" '
            f'height="{BOX_HEIGHT}" {box}/><text x="{x:g}" y="{y - 4:g}" text-anchor="middle" font-size="13" '
            f'fill="currentColor">{escape(shown)}</text><text x="{x:g}" y="{y + 13:g}" text-anchor="middle" '
            f'font-size="11" fill="currentColor" fill-opacity=".7">{escape(under)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _diagram_title(title: str, questions: int, outcomes: int) -> str:
    return (
        f"Diagram of {title}: {questions} question{'s' * (questions != 1)} and {outcomes} "
        f"result{'s' * (outcomes != 1)}, from the first question at the top down to the results"
    )


def _layout(
    nodes: int, edges: list[tuple[int, int]]
) -> tuple[list[tuple[float, float]], list[list[tuple[float, float]]]]:
    """Return each node's place (x in columns, y in layers) and each edge's bends, from igraph."""
    try:
        import igraph
    except ImportError as error:  # an optional dependency: the site works without diagrams
        raise DiagramUnavailable(
            "drawing tree diagrams needs the igraph package: pip install 'decision-tree[diagram]'"
        ) from error
    graph = igraph.Graph(n=nodes, edges=edges, directed=True)
    layout = graph.layout_sugiyama(maxiter=200)
    places = [(float(x), float(y)) for x, y in layout.coords[:nodes]]
    bends = [[(float(x), float(y)) for x, y in points] for points in layout.edge_routing]
    return places, bends
