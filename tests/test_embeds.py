"""Embeds in a page's Markdown: found by line, near misses and unknown trees named with a hint."""

from __future__ import annotations

from decision_tree.published import embed_problems, embeds_in

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
