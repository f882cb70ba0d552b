"""What the outline and the player agree on, written once: ``assets/contract.json``.

The id pattern, the URL hash format (``#tree=q:key,q:key&tree.at=q``, anchors ``#tree--step``), the
attributes and class names of the outline the player reads or writes too, and the labels both show.
render.py and model.py read it here; the player's build (esbuild) bundles the same file, so the two
sides cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path

CONTRACT = json.loads((Path(__file__).parent / "assets" / "contract.json").read_text(encoding="utf-8"))
ID_PATTERN: str = CONTRACT["id"]  # anchored with ^ and $: in JSON Schema and JavaScript, $ ends the text
HASH: dict[str, str] = CONTRACT["hash"]
ATTRIBUTES: dict[str, str] = CONTRACT["attributes"]
CLASSES: dict[str, str] = CONTRACT["classes"]
LABELS: dict[str, str] = CONTRACT["labels"]
