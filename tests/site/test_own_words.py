"""The built site is in its own words: no page, page head or search entry shares a run of eight or more
words with the consultancy's source article (devtools.ownwords)."""

from __future__ import annotations

import json
from pathlib import Path

from devtools.ownwords import RUN, SOURCE, shared_runs, words


def _where(site: Path, path: Path, run: str) -> str:
    """Return where a run is: the page, or for the search index the pages whose entries hold it."""
    if path.name != "search_index.json":
        return str(path.relative_to(site))
    needle = f" {run} "
    pages = sorted(
        {
            doc["location"] or "/"
            for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]
            if needle in f" {' '.join(words(doc['title']))} " or needle in f" {' '.join(words(doc['text']))} "
        }
    )
    return f"{path.relative_to(site)} ({', '.join(pages) or 'across entries'})"


def test_the_checker_reads_the_source_article(tmp_path):
    """A copy of the article is found, so an empty result below means the site is clean, not that
    nothing was compared."""
    copy = tmp_path / "copy.txt"
    copy.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(words(copy.read_text(encoding="utf-8"))) > 100
    assert shared_runs([copy]), "the checker found nothing in a verbatim copy of the source article"


def test_no_built_page_head_or_search_entry_shares_a_run_with_the_source_article(site):
    assert (site / "search" / "search_index.json").is_file()
    found = shared_runs([site])
    shown = [f'{_where(site, path, run)}: "{run}"' for path, run in found]
    assert not shown, f"{len(shown)} run(s) of {RUN}+ words shared with {SOURCE.name}:\n" + "\n".join(shown)
