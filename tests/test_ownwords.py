"""devtools.ownwords: a run of eight or more words shared with the source article is found, with its
file, wherever a reader or a crawler would meet it; seven words, or words split across elements, are not."""

from __future__ import annotations

import json

import pytest

from devtools import ownwords
from devtools.ownwords import shared_runs

ARTICLE = (
    "Why projects stall\n\n"
    "Our clients often say the model worked well in the demo but nobody could run it later. "
    "They're surprised that it wasn't the code."
)
COPIED = "the model worked well in the demo but nobody could run it"  # 12 words of ARTICLE


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "source.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_copied_run_of_eight_words_is_found_with_its_file(tmp_path, source):
    clean = _write(tmp_path / "docs", "clean.md", "# Our own words\n\nNothing here comes from the article.\n")
    page = _write(tmp_path / "docs", "page.md", "# Notes\n\nSadly the model worked well in the demo but failed.\n")
    assert shared_runs([tmp_path / "docs"], source) == [(page, "the model worked well in the demo but")]
    assert shared_runs([clean], source) == []


def test_seven_shared_words_are_not_a_copy(tmp_path, source):
    page = _write(tmp_path, "page.md", "We saw the model worked well in the demo, then it broke.\n")
    assert shared_runs([page], source) == []


def test_overlapping_matches_are_reported_once_as_the_longest_run(tmp_path, source):
    page = _write(tmp_path, "page.md", f"Yes, {COPIED}, truly.\n")
    assert shared_runs([page], source) == [(page, COPIED)]


@pytest.mark.parametrize(
    "text",
    [
        "THE MODEL WORKED WELL IN THE DEMO, BUT",  # case and punctuation
        "the model worked well in the demo \u2013 but",  # an en dash in place of a word break
        "the model\u00a0worked well in the demo but",  # a no-break space
        "the model worked well in the demo&nbsp;but",  # an HTML entity in Markdown
        "later\u2014they\u2019re surprised that it wasn\u2019t the code",  # an em dash and curly apostrophes
        "later &mdash; they&rsquo;re surprised that it wasn&#8217;t the code",  # the same, as entities
    ],
)
def test_typography_and_entities_do_not_hide_a_copy(tmp_path, source, text):
    page = _write(tmp_path, "page.md", text)
    assert len(shared_runs([page], source)) == 1


def test_an_element_boundary_ends_a_run_in_a_built_page(tmp_path, source):
    page = _write(tmp_path, "site/index.html", "<h2>Why projects stall</h2><p>Our clients often say the model.</p>")
    assert shared_runs([page], source) == []  # 3 words and 6 words: 9 in a row only across the heading
    joined = _write(tmp_path, "site/joined.md", "Why projects stall. Our clients often say the model.")
    assert [run for _, run in shared_runs([joined], source)] == ["why projects stall our clients often say the model"]


def test_inline_markup_and_a_wrapped_line_do_not_hide_a_copy_in_a_built_page(tmp_path, source):
    page = _write(
        tmp_path,
        "site/index.html",
        '<p>So <strong>the model</strong> worked well in\nthe <a href="/demo/">demo</a> but nobody could.</p>',
    )
    assert [run for _, run in shared_runs([page], source)] == ["the model worked well in the demo but nobody could"]


def test_a_copy_in_a_meta_description_or_a_title_attribute_is_found(tmp_path, source):
    page = _write(
        tmp_path,
        "site/index.html",
        f'<html><head><meta name="description" content="{COPIED}"><title>Home</title></head>'
        f'<body><abbr title="{COPIED}">ML</abbr> text</body></html>',
    )
    assert shared_runs([page], source) == [(page, COPIED), (page, COPIED)]


def test_attribute_values_are_not_read_as_text_unless_shown(tmp_path, source):
    page = _write(tmp_path, "site/index.html", f'<a href="/{COPIED.replace(" ", "-")}/">Read more</a>')
    assert shared_runs([page], source) == []


def test_a_copy_in_the_search_index_is_found(tmp_path, source):
    index = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "", "title": "Home", "text": "<p>All our own.</p>"},
            {"location": "a/", "title": "A", "text": f"<p>{COPIED.replace('demo', '<em>demo</em>')}</p>"},
            {"location": "b/", "title": f"Title: {COPIED}", "text": ""},
        ],
    }
    path = _write(tmp_path, "site/search/search_index.json", json.dumps(index))
    assert shared_runs([tmp_path / "site"], source) == [(path, COPIED), (path, COPIED)]


def test_the_command_names_each_file_and_fails_only_when_a_run_is_shared(tmp_path, source, monkeypatch, capsys):
    monkeypatch.setattr(ownwords, "SOURCE", source)
    page = _write(tmp_path, "page.md", f"Quote: {COPIED}.")
    clean = _write(tmp_path, "clean.md", "Entirely our own sentence about models in production.")
    assert ownwords.main([str(clean)]) == 0
    assert capsys.readouterr().out == ""
    assert ownwords.main([str(page), str(clean)]) == 1
    out = capsys.readouterr().out
    assert f'{page}: shares 12 words with the source article: "{COPIED}"' in out
    assert "1 run(s) of 8+ words copied" in out
