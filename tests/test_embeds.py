"""Embeds in a page's Markdown: found by line, near misses and unknown trees named with a hint."""

from __future__ import annotations

from decision_tree.published import EMBED, embed_options, embed_problems, embeds_in

PAGE = """# Tools

<!-- decision-tree need-mlops -->

```markdown
<!-- decision-tree written-as-an-example -->
```

<!-- decision_tree faq -->
<!-- decision-tree need-mlop -->
"""


def test_embeds_are_found_by_line_and_code_examples_are_skipped():
    assert embeds_in(PAGE) == ([("need-mlops", 3), ("need-mlop", 10)], [9])


def test_a_near_miss_and_an_unknown_tree_are_problems_at_their_lines():
    assert embed_problems(PAGE, "docs/tools.md", {"need-mlops", "faq"}) == [
        (None, 9, "docs/tools.md:9: this looks like a tree embed but is not written as <!-- decision-tree TREE-ID -->"),
        (
            "need-mlop",
            10,
            "docs/tools.md:10: the page embeds the tree 'need-mlop', which does not exist; did you mean 'need-mlops'?",
        ),
    ]


def test_an_unknown_tree_with_nothing_close_lists_the_trees():
    assert embed_problems("<!-- decision-tree zzz -->\n", "docs/x.md", {"b", "a"})[0][2].endswith("; trees: a, b")


def test_the_report_line_is_not_mistaken_for_a_tree_embed():
    text = "# Report\n\n<!-- decision-tree-report -->\n\n<!-- decision-tree-reports -->\n"
    assert embeds_in(text) == ([], [5])


def test_an_embed_may_ask_for_the_list_and_still_names_its_tree():
    text = "# FAQ\n\n<!-- decision-tree faq list -->\n<!-- decision-tree faq -->\n"
    assert embeds_in(text) == ([("faq", 3), ("faq", 4)], [])
    assert embed_problems(text, "docs/tools/faq.md", {"faq"}) == []
    assert [embed_options(m) for m in map(EMBED.search, text.splitlines()[2:])] == [[("list", 24)], []]


def test_an_unknown_option_is_a_problem_at_its_line_and_column_with_the_nearest_option():
    text = "# FAQ\n\n<!-- decision-tree faq list lsit -->\n<!-- decision-tree  faq   zzz -->\n"
    assert embed_problems(text, "docs/tools/faq.md", {"faq"}) == [
        (
            "faq",
            3,
            "docs/tools/faq.md:3:29: the embed has the option 'lsit', which does not exist; did you mean 'list'?",
        ),
        ("faq", 4, "docs/tools/faq.md:4:27: the embed has the option 'zzz', which does not exist; options: list"),
    ]
    assert text.splitlines()[2][28:32] == "lsit" and text.splitlines()[3][26:29] == "zzz"
