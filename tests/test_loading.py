"""Where the player's files go in a built page (decision_tree/loading.py); which pages get them is
tested on the built site (tests/site/test_page_loading.py) and in a browser on every theme."""

from __future__ import annotations

from decision_tree.loading import swaps_pages, with_player

PAGE = "<!doctype html><html><head><title>t</title></head><body><p>x</p><script defer src=b.js></script></body></html>"


def test_the_stylesheet_ends_the_head_and_the_script_follows_the_themes_scripts():
    out = with_player(PAGE, "../p.css", "../p.js")
    assert out.index('<link rel="stylesheet" href="../p.css">') < out.index("</head>")
    assert (
        out.index("<script defer src=b.js>") < out.index('<script defer src="../p.js"></script>') < out.index("</body>")
    )
    assert out.count("p.css") == 1 and out.count("p.js") == 1


def test_either_file_can_be_left_out():
    assert "p.css" not in with_player(PAGE, None, "p.js") and "p.js" in with_player(PAGE, None, "p.js")
    assert "p.js" not in with_player(PAGE, "p.css", None) and with_player(PAGE, None, None) == PAGE


def test_the_last_body_end_is_used_and_a_page_without_one_gets_the_tags_at_its_end():
    tricky = PAGE.replace("<p>x</p>", "<pre>&lt;/body&gt; </body></pre>")  # a first "</body>" that is not the end
    out = with_player(tricky, None, "p.js")
    assert out.rindex("p.js") > out.rindex("<pre>")
    assert with_player("<p>bare</p>", "p.css", "p.js").endswith(
        '<p>bare</p><link rel="stylesheet" href="p.css">\n<script defer src="p.js"></script>\n'
    )


def test_addresses_are_escaped():
    out = with_player(PAGE, 'a"b.css', "x.js?a=1&b=2")
    assert 'href="a&quot;b.css"' in out and 'src="x.js?a=1&amp;b=2"' in out


def test_only_material_with_instant_navigation_swaps_pages():
    assert swaps_pages("material", ["navigation.sections", "navigation.instant"])
    assert not swaps_pages("material", ["navigation.sections"])
    assert not swaps_pages("material", None)
    assert not swaps_pages("readthedocs", ["navigation.instant"])
